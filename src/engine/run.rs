//! Runs a compliance check: reads every bound data file, validates each row, feeds the checker.

pub mod chunk_rows;

use super::check::{Checker, Keep};
use super::compile::Plan;
use super::finding::{DataFinding, RuleCounts};
use crate::data::bind::{DataFile, Format};
use crate::data::cells::RowCells;
use crate::data::csv_file::chunked::{Parallel, Recorder};
use crate::data::csv_file::{self, Encoding, TextOptions};
use crate::data::keys::{KeyRun, KeySet, Seen};
use crate::data::problem::{DataLocation, DataProblem};
use crate::data::row::{Row, salvage, validate};
use chunk_rows::Validating;

use crate::data::shape::Names;
use crate::data::sink::{NotData, RowSink};
use crate::data::totals::Totals;
use crate::data::value::Value;
use crate::data::{json_file, workbook, xlsx_file};
use crate::diagnostic::{Code, Severity};
use crate::ids::RecordId;
use indexmap::IndexMap;
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::io::Read;
use std::rc::Rc;

/// How to run a check.
#[derive(Debug, Clone)]
pub struct Options {
    pub encoding: Encoding,
    pub keep: Keep,
    /// Rejected rows listed in full; the rest are counted.
    pub max_errors: usize,
    /// Draw a progress bar on standard error for large files.
    pub progress: bool,
    /// Compute each data file's SHA-256 for the receipt.
    pub hash: bool,
    /// The cell delimiter of text files (`--delimiter`); detected when `None`.
    pub delimiter: Option<u8>,
    /// The 1-based row of the header (`--header-row`); found when `None`.
    pub header_row: Option<u64>,
    /// Standard input, read once, for a data file given as `-`.
    pub stdin: Option<std::sync::Arc<Vec<u8>>>,
    /// Told how far the reading of data held in memory has got: bytes read and the total, at
    /// most once a mebibyte and once at the end.
    pub on_read: Option<fn(u64, u64)>,
    /// The groups a group rule holds at most (`--max-groups`); a rule whose data has more is
    /// not decided and `duikou::data::too_many_groups` says so.
    pub max_groups: usize,
    /// Threads to use (`--threads`): 1 reads and checks on the calling thread alone; with N > 1
    /// the rules are checked on a thread of their own, and large CSV files are cut into chunks
    /// validated on N − 1 threads while the calling thread reads. The result is the same
    /// whatever the number.
    pub threads: usize,
}

/// The number of cores, the default number of threads.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

impl Default for Options {
    fn default() -> Self {
        Options {
            encoding: Encoding::Auto,
            keep: Keep::All,
            max_errors: 100,
            progress: false,
            hash: true,
            delimiter: None,
            header_row: None,
            stdin: None,
            on_read: None,
            max_groups: super::groups::DEFAULT_MAX_GROUPS,
            threads: cores(),
        }
    }
}

/// The outcome of checking data.
#[derive(Debug, Default)]
pub struct DataRun {
    /// Per rule (plan order): the findings kept.
    pub findings: Vec<Vec<DataFinding>>,
    /// Every finding, with `Keep::Spill`: `findings` is then empty, and only the JSON report,
    /// which reads them once in order, may be written.
    pub spilled: Option<super::spill::SpilledFindings>,
    pub counts: Vec<RuleCounts>,
    /// File problems, and rejected rows up to `max_errors`.
    pub problems: Vec<DataProblem>,
    /// Rejected rows beyond `max_errors`, counted only.
    pub unlisted_rejections: u64,
    pub rows_read: u64,
    pub rows_checked: u64,
    pub rows_rejected: u64,
    /// Rows above a header (titles, notes): not data, each reported as info.
    pub rows_title: u64,
    /// Totals rows (`合计`, `小计`, `总计`): not data, each checked against its rows.
    pub rows_total: u64,
    /// Data files whose reading stopped early or never began.
    pub files_failed: u64,
    /// Those files, as (record type, file).
    pub unread: Vec<(RecordId, String)>,
    /// `file → sha256:…` for every data file read.
    pub hashes: IndexMap<String, String>,
}

impl DataRun {
    /// The findings of rule `r` held in memory: every one of them, unless the run kept them in a
    /// temporary file (`Keep::Spill`), which only the JSON report reads.
    pub fn held(&self, r: usize) -> &[DataFinding] {
        debug_assert!(
            self.spilled.is_none(),
            "a run whose findings are in a temporary file is read through them"
        );
        &self.findings[r]
    }

    /// The findings of rule `r` held in memory, in data order.
    pub fn held_in_order(&self, r: usize) -> Vec<&DataFinding> {
        let mut list: Vec<&DataFinding> = self.held(r).iter().collect();
        list.sort_by_key(|f| f.order);
        list
    }
}

/// A reader that hashes what passes through it.
struct Hashing<R> {
    inner: R,
    hasher: Rc<RefCell<Sha256>>,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.borrow_mut().update(&buf[..n]);
        Ok(n)
    }
}

/// A reader that tells how far it has got.
struct Telling<R> {
    inner: R,
    read: u64,
    told: u64,
    total: u64,
    tell: fn(u64, u64),
}

impl<R: Read> Read for Telling<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read - self.told >= 1 << 20 || (n == 0 && self.told < self.read) {
            self.told = self.read;
            (self.tell)(self.read, self.total);
        }
        Ok(n)
    }
}

/// Rows validated together, handed to the checking thread.
struct Batch {
    file: u32,
    record: usize,
    rows: Vec<Row>,
    len: usize,
}

impl Batch {
    /// A batch with room for [`BATCH_ROWS`] rows and none in it.
    fn empty() -> Self {
        Batch {
            file: 0,
            record: 0,
            rows: Vec::with_capacity(BATCH_ROWS),
            len: 0,
        }
    }
}

/// A batch to fill: one the checker gave back, a new one while fewer than [`BATCHES`] were
/// made, or else the next one the checker gives back.
fn batch_to_fill(made: &mut usize, returned: &std::sync::mpsc::Receiver<Batch>) -> Batch {
    match returned.try_recv() {
        Ok(b) => b,
        Err(_) if *made < BATCHES => {
            *made += 1;
            Batch::empty()
        }
        Err(_) => returned.recv().unwrap_or_else(|_| Batch::empty()),
    }
}

const BATCH_ROWS: usize = 1024;

/// Batches in circulation at most: memory stays the same however many rows there are. A batch
/// holds up to [`BATCH_ROWS`] rows, or a whole chunk's handed on at once (a few thousand).
const BATCHES: usize = 4;

/// Collects validated rows into batches for the checking thread; batches come back for reuse.
struct Batcher<'c, 'p> {
    batch: Batch,
    route: Route<'c, 'p>,
}

/// Where full batches go.
enum Route<'c, 'p> {
    /// To the checking thread, which hands them back for reuse.
    Thread {
        /// Batches made so far (at most `BATCHES`).
        made: usize,
        to_checker: std::sync::mpsc::SyncSender<Batch>,
        returned: std::sync::mpsc::Receiver<Batch>,
    },
    /// To a checker on this thread, where no second thread can be started.
    Here(&'c mut Checking<'p>),
}

/// The checker and the file its rows come from.
struct Checking<'p> {
    checker: Checker<'p>,
    labels: Vec<String>,
    current: u32,
}

impl Checking<'_> {
    /// Applies the rules to every row of `batch`.
    fn check(&mut self, batch: &Batch) {
        if batch.file != self.current {
            self.current = batch.file;
            self.checker.file = self.labels[self.current as usize].clone();
        }
        for row in &batch.rows[..batch.len] {
            if row.rejected.is_some() {
                self.checker.incomplete(batch.record, row);
            } else {
                self.checker.row(batch.record, row);
            }
        }
    }
}

impl<'c, 'p> Batcher<'c, 'p> {
    fn new(route: Route<'c, 'p>) -> Self {
        Batcher {
            batch: Batch::empty(),
            route,
        }
    }

    /// Moves `row` into the batch (leaving a used row of the same capacity in its place).
    fn push(&mut self, row: &mut Row, file: u32, record: usize) {
        if self.batch.len > 0 && (self.batch.file != file || self.batch.record != record) {
            self.flush();
        }
        self.batch.file = file;
        self.batch.record = record;
        if self.batch.len == self.batch.rows.len() {
            self.batch.rows.push(Row::default());
        }
        std::mem::swap(row, &mut self.batch.rows[self.batch.len]);
        self.batch.len += 1;
        if self.batch.len == BATCH_ROWS {
            self.flush();
        }
    }

    /// Hands on `rows`, every one to be checked, as a batch of their own after the rows pushed
    /// before them, leaving in `rows` those of a batch done with.
    fn push_all(&mut self, rows: &mut Vec<Row>, file: u32, record: usize) {
        self.flush();
        let batch = Batch {
            file,
            record,
            len: rows.len(),
            rows: std::mem::take(rows),
        };
        match &mut self.route {
            // Chunks are handed on from workers, so with a checking thread; checked here all
            // the same, should a chunk come to a checker on this thread.
            Route::Here(checking) => {
                checking.check(&batch);
                *rows = batch.rows;
            }
            Route::Thread {
                made,
                to_checker,
                returned,
            } => {
                // The checker ends only after every batch is sent, so sending cannot fail.
                let _ = to_checker.send(batch);
                // The rows go into the batches in circulation, and those of one done with go
                // to be filled again: the batches stay at most `BATCHES`.
                *rows = batch_to_fill(made, returned).rows;
            }
        }
    }

    fn flush(&mut self) {
        if self.batch.len == 0 {
            return;
        }
        let (made, to_checker, returned) = match &mut self.route {
            Route::Here(checking) => {
                checking.check(&self.batch);
                self.batch.len = 0;
                return;
            }
            Route::Thread {
                made,
                to_checker,
                returned,
            } => (made, to_checker, returned),
        };
        let next = batch_to_fill(made, returned);
        let mut full = std::mem::replace(&mut self.batch, next);
        self.batch.len = 0;
        full.rows.truncate(full.rows.len().max(full.len));
        // The checker ends only after every batch is sent, so sending cannot fail.
        let _ = to_checker.send(full);
    }
}

/// Feeds one file's rows through validation into the checker.
struct Feeder<'a, 'p, 'c> {
    out: &'a mut Batcher<'c, 'p>,
    plan: &'p Plan,
    record: usize,
    /// Every data file, and the index of the one being read.
    files: &'a [DataFile],
    /// The record type each file is bound to, resolved once per run.
    bound: &'a [Option<RecordId>],
    file: u32,
    path: &'a str,
    sheet: Option<String>,
    keys: &'a mut KeySet,
    columns: Vec<u32>,
    row: Row,
    /// The values of the row last read on this thread (what could be read of a rejected one),
    /// for the totals rows' sums; rows validated on a worker are summed there.
    last: Vec<Value>,
    run: &'a mut DataRun,
    opts: &'a Options,
    /// Duplicates whose first occurrence is still to be found: (problem index, key).
    pending: &'a mut Vec<(usize, String)>,
    /// Whether the keys of the chunk being handed over were taken in at once (they ascend,
    /// after every key before them), so its rows' keys need no check of their own.
    keys_taken: bool,
}

impl Feeder<'_, '_, '_> {
    /// Hands on the row in `self.row`, validated (`problem` is `None`: its key is checked) or
    /// rejected with what could be read of it.
    fn accept(&mut self, problem: Option<DataProblem>) {
        self.run.rows_read += 1;
        if let Some(p) = problem {
            self.out.push(&mut self.row, self.file, self.record);
            self.reject(p);
            return;
        }
        if let Some(k) = self.key_to_check()
            && !self.unique_key(k, self.row.line)
        {
            return;
        }
        self.run.rows_checked += 1;
        self.out.push(&mut self.row, self.file, self.record);
    }

    /// The key field whose value each row's key is checked on one by one: `None` when the
    /// record type has no key, or the keys of the chunk being handed over were taken in at once.
    fn key_to_check(&self) -> Option<u16> {
        let key = self.plan.records[self.record].key;
        key.filter(|_| !self.keys_taken)
    }

    fn keep_values(&mut self) {
        self.last.clear();
        self.last.extend_from_slice(&self.row.values);
    }

    fn reject(&mut self, p: DataProblem) {
        self.run.rows_rejected += 1;
        if self.run.rows_rejected as usize <= self.opts.max_errors {
            self.run.problems.push(p);
        } else {
            self.run.unlisted_rejections += 1;
        }
    }

    /// Whether the row's key is new; a duplicate is rejected.
    fn unique_key(&mut self, k: u16, line: u64) -> bool {
        let rec = &self.plan.records[self.record];
        let ty = rec.fields[k as usize].ty;
        let mut seen = self
            .keys
            .insert(&key_text(self.plan, &self.row, k, ty), self.file, line);
        if seen == Seen::New {
            return true;
        }
        let key = key_text(self.plan, &self.row, k, ty).into_owned();
        if seen == Seen::OutOfOrder {
            self.keys.start_hashing();
            for f in 0..=self.file as usize {
                let upto = (f == self.file as usize).then_some(line);
                if self.bound[f] == Some(RecordId(self.record as u32)) {
                    let keys = &mut *self.keys;
                    scan_keys(
                        self.plan,
                        self.record,
                        &self.files[f],
                        self.opts,
                        upto,
                        |key, _| {
                            keys.insert(key, f as u32, 0);
                        },
                    );
                }
            }
            seen = self.keys.insert(&key, self.file, line);
        }
        let Seen::Duplicate(first) = seen else {
            return true;
        };
        let at = DataLocation {
            file: self.path.to_string(),
            sheet: self.sheet.clone(),
            line,
            column: self.columns.get(k as usize).copied().unwrap_or(0),
        };
        let field = rec.fields[k as usize].name.text.clone();
        let help = match first {
            Some((f, l)) if f == self.file => {
                crate::tr!("engine-same-key-line-l-give", l = l)
            }
            Some((f, l)) => crate::tr!(
                "engine-same-key-usize-line-l",
                usize = self.files[f as usize].display(),
                l = l
            ),
            None => crate::tr!("engine-same-key-earlier-row-give"),
        };
        let p = DataProblem {
            code: Code::DataDuplicateKey,
            severity: Severity::Error,
            message: crate::tr!(
                "engine-duplicate-key-key-field-must",
                key = key,
                field = field
            ),
            help: Some(help),
            location: at,
            field: Some(field),
            row: true,
        };
        let listed = (self.run.rows_rejected as usize) < self.opts.max_errors;
        if first.is_none() && listed {
            self.pending.push((self.run.problems.len(), key));
        }
        self.reject(p);
        false
    }
}

/// A key's text: texts as written, other values in their natural form.
pub(crate) fn key_text<'r>(
    plan: &Plan,
    row: &'r Row,
    k: u16,
    ty: crate::ast::Type,
) -> std::borrow::Cow<'r, str> {
    match row.values[k as usize] {
        Value::Text(t) => std::borrow::Cow::Borrowed(row.text_of(t).unwrap_or("")),
        v => std::borrow::Cow::Owned(
            Names {
                actors: &plan.world.actor_names,
                programs: &plan.world.program_names,
                texts: &plan.texts,
                row_text: &row.text,
            }
            .show(v, ty),
        ),
    }
}

/// Re-reads a file's accepted rows (up to before line `upto`), handing each key and line to
/// `visit`.
fn scan_keys(
    plan: &Plan,
    record: usize,
    file: &DataFile,
    opts: &Options,
    upto: Option<u64>,
    visit: impl FnMut(&str, u64),
) {
    struct Scan<'a, F> {
        plan: &'a Plan,
        record: usize,
        upto: Option<u64>,
        row: Row,
        visit: F,
    }
    impl<F: FnMut(&str, u64)> RowSink for Scan<'_, F> {
        fn columns(&mut self, _: Vec<u32>) {}
        fn row(&mut self, cells: &RowCells<'_>, line: u64) {
            if self.upto.is_some_and(|u| line >= u) {
                return;
            }
            let rec = &self.plan.records[self.record];
            if validate(&rec.fields, &self.plan.names, cells, &mut self.row).is_ok()
                && let Some(k) = rec.key
            {
                let key = key_text(self.plan, &self.row, k, rec.fields[k as usize].ty);
                (self.visit)(&key, line);
            }
        }
        fn bad_row(&mut self, _: DataProblem) {}
        fn problem(&mut self, _: DataProblem) {}
    }
    let mut scan = Scan {
        plan,
        record,
        upto,
        row: Row::default(),
        visit,
    };
    let quiet = Options {
        progress: false,
        hash: false,
        on_read: None,
        ..opts.clone()
    };
    let _ = read_into(plan, record, file, &quiet, None, &mut scan);
}

/// Reads `file` into `sink` with the reader for its format; totals rows are checked on the way.
pub(crate) fn read_into(
    plan: &Plan,
    record: usize,
    file: &DataFile,
    opts: &Options,
    hasher: Option<Rc<RefCell<Sha256>>>,
    sink: &mut dyn RowSink,
) -> Result<(), Box<DataProblem>> {
    read_into_with(plan, record, file, opts, hasher, None, sink)
}

/// [`read_into`], a large CSV file split into chunks validated on `parallel`'s threads when it
/// is given (the sink then receives the rows as [`RowSink::checked_row`]s).
fn read_into_with(
    plan: &Plan,
    record: usize,
    file: &DataFile,
    opts: &Options,
    hasher: Option<Rc<RefCell<Sha256>>>,
    parallel: Option<&Parallel<'_>>,
    sink: &mut dyn RowSink,
) -> Result<(), Box<DataProblem>> {
    let rec = &plan.records[record];
    let at = DataLocation {
        file: file.display(),
        sheet: None,
        line: 0,
        column: 0,
    };
    let mut sink = Totals::new(sink, &rec.fields, &at);
    let sink = &mut sink;
    if file.format == Format::Xlsx {
        let source = match &file.bytes {
            Some(bytes) => {
                if let Some(h) = &hasher {
                    h.borrow_mut().update(bytes);
                }
                if let Some(tell) = opts.on_read {
                    tell(bytes.len() as u64, bytes.len() as u64);
                }
                workbook::Source::Bytes(bytes)
            }
            None => {
                if let Some(h) = &hasher
                    && let Ok(bytes) = std::fs::read(&file.path)
                {
                    h.borrow_mut().update(&bytes);
                }
                workbook::Source::File(&file.path)
            }
        };
        return xlsx_file::read_at(
            source,
            &file.path,
            file.sheet.as_deref(),
            &at,
            &rec.fields,
            &rec.name,
            opts.header_row,
            sink,
        );
    }
    let input = open(file, opts, hasher).map_err(|e| DataProblem {
        code: Code::DataUnreadable,
        severity: Severity::Error,
        message: crate::tr!("engine-cannot-read-data-file-e", e = e),
        help: None,
        location: at.clone(),
        field: None,
        row: false,
    })?;
    let text = TextOptions {
        encoding: opts.encoding,
        delimiter: opts.delimiter,
        header_row: opts.header_row,
    };
    match file.format {
        Format::Csv => {
            csv_file::read_text_with(input, &at, &rec.fields, &rec.name, text, parallel, sink)
        }
        Format::Json => json_file::read_array(input, &at, &rec.fields, &rec.name, sink),
        _ => json_file::read_lines(input, &at, &rec.fields, &rec.name, sink),
    }
}

impl RowSink for Feeder<'_, '_, '_> {
    fn sheet(&mut self, name: &str) {
        self.sheet = Some(name.to_string());
    }

    fn columns(&mut self, columns: Vec<u32>) {
        self.columns = columns;
    }

    fn row(&mut self, cells: &RowCells<'_>, line: u64) {
        let rec = &self.plan.records[self.record];
        self.row.line = line;
        if let Err((field, why)) = validate(&rec.fields, &self.plan.names, cells, &mut self.row) {
            let column = self.columns.get(field).copied().unwrap_or(0);
            let location = DataLocation {
                file: self.path.to_string(),
                sheet: self.sheet.clone(),
                line,
                column,
            };
            let p = invalid_cell(rec, cells, field, *why, location);
            // The groups the row belongs to cannot be decided without it.
            let why = crate::tr!(
                "engine-row-rejected",
                place = p.location.display(),
                why = p.message
            );
            salvage(&rec.fields, &self.plan.names, cells, &mut self.row, why);
            self.keep_values();
            self.accept(Some(p));
            return;
        }
        self.keep_values();
        self.accept(None);
    }

    fn checked_row(&mut self, row: &mut Row, problem: Option<DataProblem>) {
        std::mem::swap(&mut self.row, row);
        self.accept(problem);
    }

    fn chunk_start(&mut self, keys: Option<&KeyRun>) {
        self.keys_taken = keys.is_some_and(|run| self.keys.extend(run, self.file));
    }

    fn chunk_end(&mut self) {
        self.keys_taken = false;
    }

    fn takes_rows_whole(&self) -> bool {
        self.key_to_check().is_none()
    }

    fn checked_rows(&mut self, rows: &mut Vec<Row>) {
        let n = rows.len() as u64;
        self.run.rows_read += n;
        self.run.rows_checked += n;
        self.out.push_all(rows, self.file, self.record);
    }

    fn bad_row(&mut self, problem: DataProblem) {
        if problem.row {
            self.run.rows_read += 1;
            self.reject(problem);
        } else {
            self.run.files_failed += 1;
            self.run
                .unread
                .push((RecordId(self.record as u32), self.path.to_string()));
            self.run.problems.push(problem);
        }
    }

    fn bad_row_cells(&mut self, problem: DataProblem, cells: &RowCells<'_>) {
        self.run.rows_read += 1;
        let rec = &self.plan.records[self.record];
        self.row.line = problem.location.line;
        let why = crate::tr!(
            "engine-row-rejected",
            place = problem.location.display(),
            why = problem.message
        );
        salvage(&rec.fields, &self.plan.names, cells, &mut self.row, why);
        self.keep_values();
        self.out.push(&mut self.row, self.file, self.record);
        self.reject(problem);
    }

    fn values(&self) -> Option<&[Value]> {
        Some(&self.last)
    }

    fn problem(&mut self, problem: DataProblem) {
        self.run.problems.push(problem);
    }

    fn failed(&mut self) {
        self.run.files_failed += 1;
        self.run
            .unread
            .push((RecordId(self.record as u32), self.path.to_string()));
    }

    fn not_data(&mut self, kind: NotData, problem: DataProblem) {
        match kind {
            NotData::Title => self.run.rows_title += 1,
            NotData::Total => self.run.rows_total += 1,
        }
        self.run.problems.push(problem);
    }
}

/// The problem of a row whose cell for `field` was not accepted, at `location` (a JSON object
/// is placed at its key).
pub(crate) fn invalid_cell(
    rec: &super::compile::RecordPlan,
    cells: &RowCells<'_>,
    field: usize,
    why: crate::data::problem::Rejection,
    mut location: DataLocation,
) -> DataProblem {
    if let Some((lines, column)) = cells.place_of(&rec.fields[field].name.text) {
        location.line += lines;
        location.column = column;
    }
    DataProblem {
        code: why.code,
        severity: Severity::Error,
        message: why.message,
        help: why.help,
        location,
        field: Some(rec.fields[field].name.text.clone()),
        row: true,
    }
}

fn open(
    file: &DataFile,
    opts: &Options,
    hasher: Option<Rc<RefCell<Sha256>>>,
) -> std::io::Result<Box<dyn Read>> {
    if let Some(bytes) = &file.bytes {
        let reader: Box<dyn Read> = match opts.on_read {
            Some(tell) => Box::new(Telling {
                inner: std::io::Cursor::new(bytes.clone()),
                read: 0,
                told: 0,
                total: bytes.len() as u64,
                tell,
            }),
            None => Box::new(std::io::Cursor::new(bytes.clone())),
        };
        return Ok(match hasher {
            Some(h) => Box::new(Hashing {
                inner: reader,
                hasher: h,
            }),
            None => Box::new(reader),
        });
    }
    let progress = opts.progress;
    if file.path.as_os_str() == "-" {
        let bytes = opts.stdin.clone().unwrap_or_default();
        let mut reader: Box<dyn Read> = Box::new(std::io::Cursor::new(SharedBytes(bytes)));
        if let Some(h) = hasher {
            reader = Box::new(Hashing {
                inner: reader,
                hasher: h,
            });
        }
        return Ok(reader);
    }
    let f = std::fs::File::open(&file.path)?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader: Box<dyn Read> = Box::new(f);
    if progress && len > 32 << 20 {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(len),
            indicatif::ProgressDrawTarget::stderr(),
        )
        .with_finish(indicatif::ProgressFinish::AndClear);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg} [{bar:20}] {percent:>3}% {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        let name = file
            .path
            .file_name()
            .map_or_else(|| file.display(), |n| n.to_string_lossy().into_owned());
        bar.set_message(name);
        reader = Box::new(bar.wrap_read(reader));
    }
    if let Some(h) = hasher {
        reader = Box::new(Hashing {
            inner: reader,
            hasher: h,
        });
    }
    Ok(reader)
}

/// Standard input held in memory, shared by every reading of it.
struct SharedBytes(std::sync::Arc<Vec<u8>>);

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// Checks every data file against the plan. Reading and validating run on this thread, the
/// rules on a second one, fed in batches of rows (on this thread too where no second one can be
/// started).
pub fn check_data(plan: &Plan, files: &[DataFile], opts: &Options) -> DataRun {
    run_with(plan, files, opts, |_| ()).0
}

/// The record type each data file is bound to, looked up by name once per run; `None` for a
/// record type the rule set does not declare.
pub(crate) fn bind_records(plan: &Plan, files: &[DataFile]) -> Vec<Option<RecordId>> {
    files.iter().map(|f| plan.record_id(&f.record)).collect()
}

/// Whether a checking thread can be started: WebAssembly without atomics has one thread only,
/// and there the rules are applied on the reading thread, batch by batch, with the same result.
const THREADS: bool = !cfg!(all(target_family = "wasm", not(target_feature = "atomics")));

/// Checks every data file, then hands the finished checker (its group tables) to `finish`.
pub fn run_with<T: Send>(
    plan: &Plan,
    files: &[DataFile],
    opts: &Options,
    finish: impl FnOnce(&Checker<'_>) -> T + Send,
) -> (DataRun, T) {
    let labels: Vec<String> = files.iter().map(DataFile::label).collect();
    let bound = bind_records(plan, files);
    if !THREADS || opts.threads <= 1 {
        return run_here(plan, files, opts, labels, finish);
    }
    let (to_checker, batches) = std::sync::mpsc::sync_channel::<Batch>(BATCHES);
    let (give_back, returned) = std::sync::mpsc::channel::<Batch>();
    let lang = crate::i18n::current();
    std::thread::scope(|scope| {
        let checking = scope.spawn(move || {
            // Messages in the language of the calling thread.
            let _lang = crate::i18n::LangGuard::set(lang);
            let mut checking = Checking {
                checker: limited(Checker::new(plan, opts.keep), opts),
                labels,
                current: u32::MAX,
            };
            for batch in batches {
                checking.check(&batch);
                let _ = give_back.send(batch);
            }
            let mut checker = checking.checker;
            checker.finish();
            let extra = finish(&checker);
            let over = checker.over_group_limit();
            (checker.into_findings(), over, extra)
        });
        let mut batcher = Batcher::new(Route::Thread {
            made: 1,
            to_checker,
            returned,
        });
        let mut run = read_all(plan, (files, &bound), opts, &mut batcher);
        batcher.flush();
        drop(batcher);
        // A defect that panics the checking thread is reported once, with its own message.
        let ((findings, counts), over, extra) = checking
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        run.findings = findings.lists;
        run.spilled = findings.spilled.map(|s| s.read_on(opts.threads));
        run.counts = counts;
        too_many_groups(plan, (files, &bound), opts, &over, &mut run);
        (run, extra)
    })
}

fn limited<'p>(mut checker: Checker<'p>, opts: &Options) -> Checker<'p> {
    checker.limit_groups(opts.max_groups);
    checker
}

/// Says which rules were not decided because their data has more groups than the limit.
fn too_many_groups(
    plan: &Plan,
    (files, bound): (&[DataFile], &[Option<RecordId>]),
    opts: &Options,
    over: &[usize],
    run: &mut DataRun,
) {
    for &r in over {
        let rule = &plan.rules[r];
        let record = &plan.records[rule.record].name;
        let file = (bound.iter().position(|b| *b == Some(rule.record)))
            .map(|f| files[f].display())
            .unwrap_or_default();
        run.files_failed += 1;
        run.problems.push(DataProblem {
            code: Code::DataTooManyGroups,
            severity: Severity::Error,
            message: crate::tr!(
                "run-too-many-groups",
                rule = rule.name,
                max = opts.max_groups,
                record = record
            ),
            help: Some(crate::tr!("run-too-many-groups-help")),
            location: DataLocation {
                file,
                sheet: None,
                line: 0,
                column: 0,
            },
            field: None,
            row: false,
        });
    }
}

/// [`run_with`] on this thread alone: each batch is checked as soon as it is full.
fn run_here<T>(
    plan: &Plan,
    files: &[DataFile],
    opts: &Options,
    labels: Vec<String>,
    finish: impl FnOnce(&Checker<'_>) -> T,
) -> (DataRun, T) {
    let bound = bind_records(plan, files);
    let mut checking = Checking {
        checker: limited(Checker::new(plan, opts.keep), opts),
        labels,
        current: u32::MAX,
    };
    let mut run = {
        let mut batcher = Batcher::new(Route::Here(&mut checking));
        let run = read_all(plan, (files, &bound), opts, &mut batcher);
        batcher.flush();
        run
    };
    let mut checker = checking.checker;
    checker.finish();
    let extra = finish(&checker);
    let over = checker.over_group_limit();
    let (findings, counts) = checker.into_findings();
    run.findings = findings.lists;
    run.spilled = findings.spilled;
    run.counts = counts;
    too_many_groups(plan, (files, &bound), opts, &over, &mut run);
    (run, extra)
}

/// Reads and validates every file, handing accepted rows to `out`.
fn read_all<'c, 'p>(
    plan: &'p Plan,
    (files, bound): (&[DataFile], &[Option<RecordId>]),
    opts: &Options,
    out: &mut Batcher<'c, 'p>,
) -> DataRun {
    let mut run = DataRun::default();
    let mut keys: Vec<KeySet> = plan.records.iter().map(|_| KeySet::default()).collect();
    let mut pending: Vec<Vec<(usize, String)>> = vec![Vec::new(); files.len()];
    for (i, file) in files.iter().enumerate() {
        let Some(record) = bound[i].map(RecordId::index) else {
            continue;
        };
        let path = file.display();
        let hasher = opts.hash.then(|| Rc::new(RefCell::new(Sha256::new())));
        let mut feeder = Feeder {
            out: &mut *out,
            plan,
            record,
            files,
            bound,
            file: i as u32,
            path: &path,
            sheet: file
                .format
                .eq(&Format::Xlsx)
                .then(|| file.sheet.clone().unwrap_or_default()),
            keys: &mut keys[record],
            columns: Vec::new(),
            row: Row::default(),
            last: Vec::new(),
            run: &mut run,
            opts,
            pending: &mut pending[i],
            keys_taken: false,
        };
        let make = |columns: &[u32]| -> Box<dyn Recorder + '_> {
            Box::new(Validating::new(plan, record, columns, &path))
        };
        // One validating worker per thread asked for: the reading and checking threads wait
        // on the workers much of the time, and a worker fewer leaves a core idle then.
        let parallel = Parallel {
            workers: opts.threads.max(1),
            recorder: &make,
            block: block_size(),
        };
        let parallel = (opts.threads > 1 && THREADS).then_some(&parallel);
        let read = read_into_with(
            plan,
            record,
            file,
            opts,
            hasher.clone(),
            parallel,
            &mut feeder,
        );
        if let Err(p) = read {
            run.files_failed += 1;
            run.unread.push((RecordId(record as u32), path.clone()));
            run.problems.push(*p);
        }
        if let Some(h) = hasher {
            let digest = h.borrow().clone().finalize();
            let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            run.hashes.insert(path, format!("sha256:{hex}"));
        }
    }
    locate_first_keys(plan, (files, bound), opts, &pending, &mut run);
    run
}

thread_local! {
    /// The bytes a large file is read in at a time on this thread, and the least a chunk holds:
    /// [`BLOCK`](crate::data::csv_file::chunked::BLOCK); tests make it small, to cut chunks
    /// everywhere.
    pub(crate) static BLOCK_SIZE: std::cell::Cell<usize> =
        const { std::cell::Cell::new(crate::data::csv_file::chunked::BLOCK) };
}

/// What [`BLOCK_SIZE`] holds on this thread.
fn block_size() -> usize {
    BLOCK_SIZE.with(std::cell::Cell::get)
}

/// Finds where each duplicate key was first accepted, and says so in its help.
fn locate_first_keys(
    plan: &Plan,
    (files, bound): (&[DataFile], &[Option<RecordId>]),
    opts: &Options,
    pending: &[Vec<(usize, String)>],
    run: &mut DataRun,
) {
    for (i, wanted) in pending.iter().enumerate() {
        if wanted.is_empty() {
            continue;
        }
        let Some(record) = bound[i] else {
            continue;
        };
        let r = record.index();
        let mut found: rustc_hash::FxHashMap<String, (usize, u64)> = Default::default();
        let want: rustc_hash::FxHashSet<&str> = wanted.iter().map(|(_, k)| k.as_str()).collect();
        for (f, file) in files.iter().enumerate().take(i + 1) {
            if bound[f] != Some(record) {
                continue;
            }
            scan_keys(plan, r, file, opts, None, |key, line| {
                if want.contains(key) && !found.contains_key(key) {
                    found.insert(key.to_string(), (f, line));
                }
            });
        }
        for (problem, key) in wanted {
            if let Some(&(f, line)) = found.get(key) {
                run.problems[*problem].help = Some(if f == i {
                    crate::tr!("engine-same-key-line-line-give", line = line)
                } else {
                    crate::tr!(
                        "engine-same-key-f-line-line",
                        f = files[f].display(),
                        line = line
                    )
                });
            }
        }
    }
}

#[cfg(test)]
#[path = "run_tests.rs"]
mod tests;
