//! A large UTF-8 CSV file read in chunks, on several threads or on one: the reading thread cuts
//! the text into chunks at record boundaries (see [`crate::data::boundary`]) and hashes it on
//! the way, worker threads split and validate each chunk's rows, and the reading thread hands
//! every chunk's rows to the sink in file order, so the sink sees what a single thread would
//! have shown it. On one thread ([`read_here`]) the chunks are read one after another.

use super::Body;
use crate::data::boundary::{Cutter, line_breaks};
use crate::data::problem::DataProblem;
use crate::data::row::Row;
use crate::data::sink::RowSink;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::Read;

/// What a chunk's reader said, in order: rows validated on a worker, and the rest.
#[derive(Debug)]
pub enum Event {
    /// A row, accepted (no problem) or rejected with what could be read of it.
    Row(Row, Option<Box<DataProblem>>),
    /// A row that could not be split into cells, or a reading error.
    Bad(Box<DataProblem>),
    /// A totals row: its line, label and amounts.
    Total {
        line: u64,
        label: String,
        said: Vec<Option<Decimal>>,
    },
    /// The amounts of the rows since the last totals row or the chunk's start, summed.
    Sums(crate::data::sums::Sums),
    /// The keys of the chunk's accepted rows; when given, it is the last event of a chunk,
    /// unless a `Stop` follows (the keys are then not used).
    Keys(crate::data::keys::KeyRun),
    /// A problem that rejects no row.
    Problem(Box<DataProblem>),
    /// A row that is not data.
    NotData(crate::data::sink::NotData, Box<DataProblem>),
    /// The chunk could not be read at all: reading stops here.
    Stop(Box<DataProblem>),
}

/// A sink on a worker thread: it validates rows and keeps what it was told. It sums the amounts
/// of the rows it keeps, and says the sums ([`Event::Sums`]) before each totals row and at the
/// end of the chunk.
pub trait Recorder: RowSink + Send {
    /// What the sink was told since the last call, in order.
    fn take(&mut self) -> Vec<Event>;
    /// Rows and a list of events done with, whose room the next ones reuse.
    fn reuse(&mut self, spent: Spent);
}

/// What the reading thread is done with, handed back to a worker for reuse.
pub struct Spent {
    /// The rows of a chunk, whose room the next rows are read into.
    pub rows: Vec<Row>,
    /// A chunk's list of events, empty.
    pub events: Vec<Event>,
}

/// Makes a worker's recorder, given each field's column number.
pub type MakeRecorder<'f> = dyn Fn(&[u32]) -> Box<dyn Recorder + 'f> + Sync + 'f;

/// How to read a file in parallel: the worker threads, what each validates rows with, and
/// the bytes read at a time.
pub struct Parallel<'f> {
    pub workers: usize,
    pub recorder: &'f MakeRecorder<'f>,
    /// Bytes read at a time; a chunk is what was read, up to its last record boundary, once it
    /// holds at least this many ([`BLOCK`], smaller in tests to cut chunks everywhere).
    pub block: usize,
}

/// The bytes read at a time, and the least a chunk holds.
pub const BLOCK: usize = 128 << 10;

/// A record longer than this (a quote left open, an endless line) ends the chunking: the rest
/// of the file is read on the reading thread alone, as it would be without chunks.
const LONGEST_PIECE: usize = 8 << 20;

/// Whether a file with this start can be cut into chunks: the header lies well inside the
/// first chunk, and the delimiter is not the quote.
pub fn fits(sample: &[u8], delimiter: u8) -> bool {
    sample.len() < LONGEST_PIECE && delimiter != b'"'
}

/// A chunk to read: its place in the file, its text, the records to pass over (the header's,
/// in the first chunk) and the line breaks and line feeds before it.
struct Job {
    seq: u64,
    text: Vec<u8>,
    skip: usize,
    before: (u64, u64),
}

/// Reads the text `sample` followed by `rest` (`sample` holds the header, `skip` records) in
/// chunks on `parallel`'s workers, handing the rows to `sink` in file order.
pub(crate) fn read(
    sample: Vec<u8>,
    rest: Box<dyn Read>,
    skip: usize,
    body: &Body<'_>,
    parallel: &Parallel<'_>,
    columns: &[u32],
    sink: &mut dyn RowSink,
) -> Result<(), Box<DataProblem>> {
    let workers = parallel.workers.max(1);
    let (jobs, queue) = crossbeam_channel::bounded::<Job>(workers);
    let (done, results) = crossbeam_channel::unbounded::<(u64, Vec<Event>)>();
    let (give_back, spares) = crossbeam_channel::unbounded::<Spent>();
    let (texts_back, texts) = crossbeam_channel::unbounded::<Vec<u8>>();
    let lang = crate::i18n::current();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (queue, done, spares) = (queue.clone(), done.clone(), spares.clone());
            let texts_back = texts_back.clone();
            scope.spawn(move || {
                // Messages in the language of the reading thread.
                let _lang = crate::i18n::LangGuard::set(lang);
                let mut recorder = (parallel.recorder)(columns);
                for job in queue {
                    if let Ok(spent) = spares.try_recv() {
                        recorder.reuse(spent);
                    }
                    let events = read_job(&job, body, &mut *recorder);
                    let _ = texts_back.send(job.text);
                    if done.send((job.seq, events)).is_err() {
                        break;
                    }
                }
            });
        }
        drop((queue, done, spares, texts_back));
        let mut order = InOrder {
            results,
            waiting: BTreeMap::new(),
            next: 0,
            sent: 0,
            stopped: None,
            give_back,
            texts,
        };
        let outcome = cut_and_send(sample, rest, skip, body, parallel, &jobs, &mut order, sink);
        drop(jobs);
        outcome
    })
}

/// Reads one chunk on a worker: what it says, in order.
fn read_job(job: &Job, body: &Body<'_>, recorder: &mut dyn Recorder) -> Vec<Event> {
    let read = body.read_chunk(&job.text, job.skip, job.before, &mut *recorder);
    let mut events = recorder.take();
    if let Err(p) = read {
        events.push(Event::Stop(p));
    }
    events
}

/// Chunk results, handed to the sink in file order as they arrive.
struct InOrder {
    results: crossbeam_channel::Receiver<(u64, Vec<Event>)>,
    waiting: BTreeMap<u64, Vec<Event>>,
    next: u64,
    sent: u64,
    /// The problem that stopped the reading, once one did.
    stopped: Option<Box<DataProblem>>,
    /// Where the rows handed over go back to the workers for reuse.
    give_back: crossbeam_channel::Sender<Spent>,
    /// The text buffers of chunks the workers are done with, for the next chunks.
    texts: crossbeam_channel::Receiver<Vec<u8>>,
}

impl InOrder {
    /// Waits for one chunk's result and hands over every result that is next in order.
    fn receive(&mut self, sink: &mut dyn RowSink) {
        let Ok((seq, events)) = self.results.recv() else {
            // Every worker ended: nothing more will come.
            self.sent = self.next;
            return;
        };
        self.waiting.insert(seq, events);
        while let Some(mut events) = self.waiting.remove(&self.next) {
            self.next += 1;
            if self.stopped.is_none() {
                let mut rows = Vec::with_capacity(events.len());
                self.stopped = replay(&mut events, sink, &mut rows);
                let _ = self.give_back.send(Spent { rows, events });
            }
        }
    }

    /// Waits until at most `in_flight` chunks are being read.
    fn wait_below(&mut self, in_flight: u64, sink: &mut dyn RowSink) {
        while self.sent - self.next > in_flight {
            self.receive(sink);
        }
    }
}

/// Hands a chunk's events to `sink`, leaving `events` empty and keeping the rows' room in
/// `rows`; the problem that stops the reading, if one does.
fn replay(
    events: &mut Vec<Event>,
    sink: &mut dyn RowSink,
    rows: &mut Vec<Row>,
) -> Option<Box<DataProblem>> {
    let keys = match events.pop() {
        Some(Event::Keys(keys)) => Some(keys),
        other => {
            events.extend(other);
            None
        }
    };
    sink.chunk_start(keys.as_ref());
    let whole = sink.takes_rows_whole()
        && (events.iter()).all(|e| matches!(e, Event::Row(_, None) | Event::Sums(_)))
        && (events.iter()).any(|e| matches!(e, Event::Row(..)));
    let stopped = if whole {
        hand_on_whole(events, sink, rows);
        None
    } else {
        replay_rows(events, sink, rows)
    };
    sink.chunk_end();
    stopped
}

/// Hands a chunk of accepted rows (and the sums of their amounts) to `sink` whole, leaving
/// `events` empty and in `rows` the rows `sink` is done with. `events` holds nothing else.
fn hand_on_whole(events: &mut Vec<Event>, sink: &mut dyn RowSink, rows: &mut Vec<Row>) {
    let mut sums = Vec::new();
    for event in events.drain(..) {
        match event {
            Event::Row(row, _) => rows.push(row),
            Event::Sums(s) => sums.push(s),
            _ => unreachable!("a chunk handed on whole holds only accepted rows and sums"),
        }
    }
    sink.checked_rows(rows);
    // A chunk with no totals row says its sums once, at its end.
    for s in sums {
        sink.checked_sums(s);
    }
}

/// Hands a chunk's events to `sink`, as [`replay`] does.
fn replay_rows(
    events: &mut Vec<Event>,
    sink: &mut dyn RowSink,
    rows: &mut Vec<Row>,
) -> Option<Box<DataProblem>> {
    for event in events.drain(..) {
        match event {
            Event::Row(mut row, problem) => {
                sink.checked_row(&mut row, problem.map(|p| *p));
                rows.push(row);
            }
            Event::Bad(p) => sink.bad_row(*p),
            Event::Total { line, label, said } => sink.checked_total(line, &label, &said),
            Event::Sums(sums) => sink.checked_sums(sums),
            Event::Keys(_) => {}
            Event::Problem(p) => sink.problem(*p),
            Event::NotData(kind, p) => sink.not_data(kind, *p),
            Event::Stop(p) => return Some(p),
        }
    }
    None
}

/// Reads `rest` and cuts what it reads into chunks at record boundaries, after the text
/// `sample` (which holds the header, `skip` records).
struct Chunker {
    cutter: Cutter,
    /// Read and not yet cut off.
    pending: Vec<u8>,
    /// Line breaks and line feeds before `pending`.
    before: (u64, u64),
    /// The reader said the text ended.
    ended: bool,
    /// The reading error that stopped the chunking, reported where it happened by `finish`.
    failed: Option<std::io::Error>,
    block: usize,
    skip: usize,
    /// Chunks cut so far.
    chunks: u64,
}

impl Chunker {
    fn new(sample: Vec<u8>, skip: usize, delimiter: u8, block: usize) -> Self {
        let mut cutter = Cutter::new(delimiter, sample.len());
        cutter.scan(&sample);
        Chunker {
            cutter,
            pending: sample,
            before: (0, 0),
            ended: false,
            failed: None,
            block: block.max(1),
            skip,
            chunks: 0,
        }
    }

    /// The next chunk, its text in `room` (a chunk's buffer done with, or a new one); `None`
    /// once nothing is left, a reading error came, or a record is too long to cut around:
    /// [`Chunker::finish`] reads what is left.
    fn next(&mut self, rest: &mut dyn Read, mut room: Vec<u8>) -> Option<Job> {
        if self.ended && self.pending.is_empty() {
            return None;
        }
        let block = self.block;
        let cut = loop {
            if !self.ended {
                match rest.take(block as u64).read_to_end(&mut self.pending) {
                    Ok(0) => self.ended = true,
                    Ok(_) => self.cutter.scan(&self.pending),
                    Err(e) => {
                        self.failed = Some(e);
                        return None;
                    }
                }
            }
            match self.cutter.cut() {
                Some(c) if self.pending.len() >= block || self.ended => break c,
                _ if self.ended => break self.pending.len(),
                _ if self.pending.len() > LONGEST_PIECE => return None,
                _ => {}
            }
        };
        if cut == 0 {
            return None;
        }
        // The rest keeps room for the next chunk, so reading it moves nothing; the room is a
        // chunk's that is done with, when there is one, so no page is mapped afresh.
        room.clear();
        room.reserve(3 * block);
        room.extend_from_slice(&self.pending[cut..]);
        self.pending.truncate(cut);
        let text = std::mem::replace(&mut self.pending, room);
        self.cutter.moved(cut);
        let (lines, lfs) = line_breaks(&text);
        let job = Job {
            seq: self.chunks,
            text,
            skip: if self.chunks == 0 { self.skip } else { 0 },
            before: self.before,
        };
        self.before = (self.before.0 + lines, self.before.1 + lfs);
        self.chunks += 1;
        Some(job)
    }

    /// Reads what was not cut into chunks on this thread, as a whole.
    fn finish(
        self,
        rest: Box<dyn Read>,
        body: &Body<'_>,
        sink: &mut dyn RowSink,
    ) -> Result<(), Box<DataProblem>> {
        if self.pending.is_empty() && self.failed.is_none() {
            return Ok(());
        }
        let first = if self.chunks == 0 { self.skip } else { 0 };
        read_rest(
            self.pending,
            rest,
            self.failed,
            (first, self.before),
            body,
            sink,
        )
    }
}

/// Reads the text `sample` followed by `rest` as [`read`] does, on this thread: chunk after
/// chunk of at least `block` bytes ([`BLOCK`]; smaller in tests), so plain lines are split
/// without the CSV reader here too.
pub(crate) fn read_here(
    sample: Vec<u8>,
    mut rest: Box<dyn Read>,
    skip: usize,
    body: &Body<'_>,
    block: usize,
    sink: &mut dyn RowSink,
) -> Result<(), Box<DataProblem>> {
    let mut chunker = Chunker::new(sample, skip, body.delimiter, block);
    let mut room = Vec::new();
    while let Some(job) = chunker.next(&mut rest, room) {
        body.read_chunk(&job.text, job.skip, job.before, sink)?;
        room = job.text;
    }
    chunker.finish(rest, body, sink)
}

/// The reading thread: reads and cuts the text, sends the chunks, hands over the results, and
/// reads the rest itself when a record is too long to cut around.
#[allow(clippy::too_many_arguments)]
fn cut_and_send(
    sample: Vec<u8>,
    mut rest: Box<dyn Read>,
    skip: usize,
    body: &Body<'_>,
    parallel: &Parallel<'_>,
    jobs: &crossbeam_channel::Sender<Job>,
    order: &mut InOrder,
    sink: &mut dyn RowSink,
) -> Result<(), Box<DataProblem>> {
    let workers = parallel.workers.max(1) as u64;
    let mut chunker = Chunker::new(sample, skip, body.delimiter, parallel.block);
    while order.stopped.is_none() {
        let room = order.texts.try_recv().unwrap_or_default();
        let Some(job) = chunker.next(&mut rest, room) else {
            break;
        };
        order.wait_below(workers, sink);
        order.sent += 1;
        if jobs.send(job).is_err() {
            break;
        }
    }
    order.wait_below(0, sink);
    if let Some(p) = order.stopped.take() {
        return Err(p);
    }
    chunker.finish(rest, body, sink)
}

/// Reads what is left on this thread, as a whole: a record too long to cut around, or a
/// reading error to report where it happened. `skip` records are passed over; `before` holds
/// the line breaks and line feeds before `pending`.
fn read_rest(
    pending: Vec<u8>,
    rest: Box<dyn Read>,
    failed: Option<std::io::Error>,
    (skip, before): (usize, (u64, u64)),
    body: &Body<'_>,
    sink: &mut dyn RowSink,
) -> Result<(), Box<DataProblem>> {
    let rest: Box<dyn Read> = match failed {
        Some(e) => Box::new(Failing(Some(e))),
        None => rest,
    };
    body.read_piece(
        std::io::Cursor::new(pending).chain(rest),
        skip,
        before,
        sink,
    )
}

/// A reader that fails with an error once, then ends.
struct Failing(Option<std::io::Error>);

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::cells::RowCells;
    use crate::data::problem::DataLocation;
    use crate::data::sums::{Run, Sums};
    use crate::diagnostic::{Code, Severity};

    /// A sink that notes what it is told, and takes rows whole when `whole`.
    struct Noting {
        whole: bool,
        said: Vec<String>,
    }

    impl RowSink for Noting {
        fn columns(&mut self, _: Vec<u32>) {}
        fn row(&mut self, _: &RowCells<'_>, _: u64) {}
        fn bad_row(&mut self, p: DataProblem) {
            self.said.push(format!("bad {}", p.location.line));
        }
        fn problem(&mut self, _: DataProblem) {}
        fn checked_row(&mut self, row: &mut Row, problem: Option<DataProblem>) {
            let how = if problem.is_some() { "rejected" } else { "row" };
            self.said.push(format!("{how} {}", row.line));
        }
        fn checked_sums(&mut self, sums: Sums) {
            self.said.push(format!("sums of {}", sums.0.rows));
        }
        fn chunk_start(&mut self, _: Option<&crate::data::keys::KeyRun>) {
            self.said.push("start".into());
        }
        fn chunk_end(&mut self) {
            self.said.push("end".into());
        }
        fn takes_rows_whole(&self) -> bool {
            self.whole
        }
        fn checked_rows(&mut self, rows: &mut Vec<Row>) {
            let lines: Vec<String> = rows.iter().map(|r| r.line.to_string()).collect();
            self.said.push(format!("rows {}", lines.join(" ")));
            // Rows done with, for the worker: here, other ones.
            *rows = vec![Row::default()];
        }
    }

    fn row(line: u64) -> Row {
        Row {
            line,
            ..Row::default()
        }
    }

    fn events(rejected: Option<u64>) -> Vec<Event> {
        let mut sums = Run::new(1);
        sums.rows = 3;
        let mut events: Vec<Event> = (2..5)
            .map(|line| {
                let problem = (rejected == Some(line)).then(|| {
                    Box::new(DataProblem {
                        code: Code::DataBadValue,
                        severity: Severity::Error,
                        message: "很多".into(),
                        help: None,
                        location: DataLocation {
                            file: "p.csv".into(),
                            sheet: None,
                            line,
                            column: 1,
                        },
                        field: None,
                        row: true,
                    })
                });
                Event::Row(row(line), problem)
            })
            .collect();
        events.push(Event::Sums(Sums(sums)));
        events
    }

    #[test]
    fn a_chunk_of_accepted_rows_is_handed_on_whole_then_its_sums() {
        let mut sink = Noting {
            whole: true,
            said: Vec::new(),
        };
        let (mut events, mut rows) = (events(None), Vec::new());
        assert!(replay(&mut events, &mut sink, &mut rows).is_none());
        assert_eq!(sink.said, ["start", "rows 2 3 4", "sums of 3", "end"]);
        assert!(events.is_empty());
        assert_eq!(rows.len(), 1, "the rows the sink is done with go back");
    }

    #[test]
    fn a_chunk_with_a_rejected_row_or_a_sink_that_takes_rows_one_by_one_gets_them_so() {
        for (whole, rejected) in [(true, Some(3)), (false, None)] {
            let mut sink = Noting {
                whole,
                said: Vec::new(),
            };
            let (mut events, mut rows) = (events(rejected), Vec::new());
            assert!(replay(&mut events, &mut sink, &mut rows).is_none());
            let middle = if rejected.is_some() {
                "rejected 3"
            } else {
                "row 3"
            };
            assert_eq!(
                sink.said,
                ["start", "row 2", middle, "row 4", "sums of 3", "end"]
            );
            assert_eq!(rows.len(), 3);
        }
    }

    #[test]
    fn an_event_is_little_more_than_a_row() {
        // Every row of a chunk is moved as an event, twice: rare events keep their payload boxed.
        let row = std::mem::size_of::<crate::data::row::Row>();
        assert!(std::mem::size_of::<super::Event>() <= row + 16);
    }
}
