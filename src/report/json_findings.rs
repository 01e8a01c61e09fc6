//! The elements of the JSON report's `findings` array. Findings kept in a temporary file are
//! decoded and rendered on the threads the run read with, a piece at a time, and written in
//! order, so the bytes are those one thread writes.

use super::json::Finding;
use super::json_element::{RulePlace, places, push_element};
use super::json_template::Templates;
use crate::engine::compile::{Plan, RulePlan};
use crate::engine::run::DataRun;
use crate::engine::spill::{SpillError, SpilledFindings, decode_refs};
use crate::source::SourceMap;
use crossbeam_channel::{Receiver, Sender};
use std::borrow::Cow;
use std::collections::VecDeque;
use std::io::{self, Write};

/// Rendered elements are written in batches of about this size, small enough to stay in the
/// cache until they are written (in tests, small enough that a piece takes several).
const BATCH: usize = if cfg!(test) { 1 << 10 } else { 128 << 10 };

/// Batches a renderer may hand on for a piece before they are written (1 MiB): beyond them it
/// waits, so memory stays bounded by the pieces in flight.
const BATCHES_AHEAD: usize = 8;

/// Writes every finding of a check as an element of the array (without its brackets): those
/// `listed` gives (diagnostics and data problems), then each rule's; whether there was any. A
/// failure to read back kept findings is an error wrapping the [`SpillError`], after every
/// finding before it has been written.
pub(super) fn write(
    listed: impl FnOnce(&mut dyn FnMut(Finding)),
    (plan, sources, run): (&Plan, &SourceMap, &DataRun),
    out: &mut dyn Write,
) -> io::Result<bool> {
    let mut elements = Elements {
        out,
        wrote: false,
        text: Vec::new(),
        failed: None,
    };
    listed(&mut |f| elements.push(&f));
    let places = places(plan, sources);
    match &run.spilled {
        Some(spilled) => {
            elements.flush()?;
            write_spilled(&plan.rules, &places, spilled, &mut elements)?;
        }
        None => {
            each_held(plan, &places, run, &mut |f| elements.push(&f));
            elements.flush()?;
        }
    }
    Ok(elements.wrote)
}

/// Every rule's findings held in memory, rule after rule, each rule's in data order.
pub(super) fn each_held(
    plan: &Plan,
    places: &[RulePlace],
    run: &DataRun,
    emit: &mut dyn FnMut(Finding),
) {
    for (r, rule) in plan.rules.iter().enumerate() {
        for f in run.held_in_order(r) {
            emit(places[r].finding(rule, f));
        }
    }
}

/// The array's elements as they are written: each rendered as `,` and the element on its own
/// lines; the first element's comma is left out.
struct Elements<'w> {
    out: &'w mut dyn Write,
    wrote: bool,
    /// Elements not yet written.
    text: Vec<u8>,
    /// The first failure to write; nothing is written after it.
    failed: Option<io::Error>,
}

impl Elements<'_> {
    /// Adds an element, writing the elements so far once they fill a batch.
    fn push(&mut self, f: &Finding) {
        push_element(f, &mut self.text);
        if self.text.len() >= BATCH {
            self.write_held();
        }
    }

    /// Writes the elements added so far; the first failure to write, if there was one.
    fn flush(&mut self) -> io::Result<()> {
        self.write_held();
        self.failed.take().map_or(Ok(()), Err)
    }

    /// Writes the elements added so far unless writing failed before, keeping the failure.
    fn write_held(&mut self) {
        if self.failed.is_none() {
            let text = std::mem::take(&mut self.text);
            self.failed = self.write(&text).err();
            self.text = text;
        }
        self.text.clear();
    }

    /// Writes rendered elements.
    fn write(&mut self, text: &[u8]) -> io::Result<()> {
        let Some((_, rest)) = text.split_first() else {
            return Ok(());
        };
        let text = if self.wrote { text } else { rest };
        self.wrote = true;
        self.out.write_all(text)
    }
}

/// Renders one piece of a rule's kept findings, handing on batches of elements as they fill,
/// and what is left at the end or where the piece stops being findings.
fn render_piece(
    rule: (usize, &RulePlan, &RulePlace),
    templates: &mut Templates,
    bytes: &[u8],
    spare: &mut dyn FnMut() -> Vec<u8>,
    hand_on: &mut dyn FnMut(Vec<u8>),
) -> Result<(), SpillError> {
    let mut text = spare();
    let decoded = decode_refs(bytes, &mut |f| {
        templates.push(rule, f, &mut text);
        if text.len() >= BATCH {
            hand_on(std::mem::replace(&mut text, spare()));
        }
    });
    hand_on(text);
    decoded
}

/// Writes the kept findings of every rule in order, on this thread or, when the run read with
/// several threads and findings went to the temporary file, rendered on that many.
fn write_spilled(
    rules: &[RulePlan],
    places: &[RulePlace],
    spilled: &SpilledFindings,
    elements: &mut Elements<'_>,
) -> io::Result<()> {
    let pieces: Vec<(usize, usize)> = (0..rules.len())
        .flat_map(|r| (0..spilled.pieces(r)).map(move |piece| (r, piece)))
        .collect();
    let threads = spilled.threads().min(pieces.len());
    if threads <= 1 || !spilled.in_file() {
        return write_here(rules, places, spilled, &pieces, elements);
    }
    let lang = crate::i18n::current();
    std::thread::scope(|scope| {
        let (to_render, queue) = crossbeam_channel::unbounded::<Job<'_>>();
        let (give_back, spares) = crossbeam_channel::unbounded::<Vec<u8>>();
        for _ in 0..threads {
            let (queue, spares) = (queue.clone(), spares.clone());
            scope.spawn(move || {
                let _lang = crate::i18n::LangGuard::set(lang);
                render_jobs(rules, places, &queue, &spares);
            });
        }
        drop((queue, spares));
        let mut ordered = Ordered {
            to_render,
            in_flight: VecDeque::new(),
            give_back,
        };
        ordered.write_all(spilled, &pieces, 2 * threads, elements)
    })
}

/// Reads, renders and writes the pieces one after another on this thread.
fn write_here(
    rules: &[RulePlan],
    places: &[RulePlace],
    spilled: &SpilledFindings,
    pieces: &[(usize, usize)],
    elements: &mut Elements<'_>,
) -> io::Result<()> {
    let spare = std::cell::Cell::new(Vec::new());
    let mut templates = Templates::default();
    for &(r, piece) in pieces {
        let bytes = spilled.piece(r, piece).map_err(io::Error::other)?;
        let mut written = Ok(());
        let rendered = render_piece(
            (r, &rules[r], &places[r]),
            &mut templates,
            &bytes,
            &mut || spare.take(),
            &mut |mut text| {
                if written.is_ok() {
                    written = elements.write(&text);
                }
                text.clear();
                spare.set(text);
            },
        );
        written?;
        rendered.map_err(io::Error::other)?;
    }
    Ok(())
}

/// A piece of a rule's kept findings to render, and where its batches go.
struct Job<'s> {
    rule: usize,
    bytes: Cow<'s, [u8]>,
    batches: Sender<Batch>,
}

/// What a renderer hands on for a piece: a batch of elements, why the rest of the piece could
/// not be read, or that the piece is done.
enum Batch {
    Text(Vec<u8>),
    Failed(SpillError),
    Done,
}

/// A rendering thread: renders the pieces it takes, reusing the batches given back.
fn render_jobs(
    rules: &[RulePlan],
    places: &[RulePlace],
    queue: &Receiver<Job<'_>>,
    spares: &Receiver<Vec<u8>>,
) {
    let mut templates = Templates::default();
    for job in queue {
        let r = job.rule;
        let rendered = render_piece(
            (r, &rules[r], &places[r]),
            &mut templates,
            &job.bytes,
            &mut || spares.try_recv().unwrap_or_default(),
            &mut |text| {
                let _ = job.batches.send(Batch::Text(text));
            },
        );
        let _ = job
            .batches
            .send(rendered.map_or_else(Batch::Failed, |()| Batch::Done));
    }
}

/// The pieces sent to be rendered, written in the order they were read.
struct Ordered<'s> {
    to_render: Sender<Job<'s>>,
    /// The batches of each piece sent and not yet written, in order; each holds at most
    /// [`BATCHES_AHEAD`], so a renderer ahead of the writing waits.
    in_flight: VecDeque<Receiver<Batch>>,
    give_back: Sender<Vec<u8>>,
}

impl<'s> Ordered<'s> {
    /// Reads every piece and sends it to be rendered, with at most `ahead` pieces not yet
    /// written, and writes them in order. A piece that cannot be read stops the report after
    /// the pieces before it, as on one thread.
    fn write_all(
        &mut self,
        spilled: &'s SpilledFindings,
        pieces: &[(usize, usize)],
        ahead: usize,
        elements: &mut Elements<'_>,
    ) -> io::Result<()> {
        let mut unread = None;
        for &(rule, piece) in pieces {
            while self.in_flight.len() >= ahead {
                self.write_next(elements)?;
            }
            let bytes = match spilled.piece(rule, piece) {
                Ok(bytes) => bytes,
                Err(e) => {
                    unread = Some(e);
                    break;
                }
            };
            let (batches, written) = crossbeam_channel::bounded(BATCHES_AHEAD);
            let job = Job {
                rule,
                bytes,
                batches,
            };
            // A send fails only when every renderer has stopped: then the piece's batches
            // end without `Done`, and `write_next` says so.
            let _ = self.to_render.send(job);
            self.in_flight.push_back(written);
        }
        while !self.in_flight.is_empty() {
            self.write_next(elements)?;
        }
        unread.map_or(Ok(()), |e| Err(io::Error::other(e)))
    }

    /// Writes the batches of the earliest piece in flight as they come.
    fn write_next(&mut self, elements: &mut Elements<'_>) -> io::Result<()> {
        let Some(batches) = self.in_flight.pop_front() else {
            return Ok(());
        };
        loop {
            match batches.recv() {
                Ok(Batch::Text(mut text)) => {
                    elements.write(&text)?;
                    text.clear();
                    let _ = self.give_back.send(text);
                }
                Ok(Batch::Failed(e)) => return Err(io::Error::other(e)),
                Ok(Batch::Done) => return Ok(()),
                // The renderer stopped mid-piece (it panicked; the scope raises its panic).
                Err(_) => return Err(io::Error::other("a thread rendering findings stopped")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::json::{Location, RelatedJson, RowPlace};

    fn finding(related: usize, group: bool) -> Finding {
        Finding {
            kind: "violation",
            code: None,
            rule: Some("超支".into()),
            severity: "error",
            message: "行 \"3\"\n超支".into(),
            help: None,
            group: group.then(|| {
                [("supporter".to_string(), serde_json::json!("河北省"))]
                    .into_iter()
                    .collect()
            }),
            record: Some("p1".into()),
            value: Some("120.0%".into()),
            value_exact: None,
            location: Some(Location {
                file: "rules/援疆.dk".into(),
                line: 3,
                column: 5,
            }),
            related: (0..related)
                .map(|i| RelatedJson {
                    message: format!("第{i}条"),
                    location: Location {
                        file: "rules/条例.dk".into(),
                        line: i,
                        column: 1,
                    },
                })
                .collect(),
            resolution: None,
            field: None,
            row: Some(RowPlace {
                file: "data.csv".into(),
                line: 12,
            }),
            years: Some(serde_json::json!([{"from": 2010, "to": null}])),
            witness: None,
        }
    }

    /// The elements are the bytes serde_json's pretty printer gives the array inside an object.
    #[test]
    fn elements_are_what_the_pretty_printer_writes() {
        for list in [
            vec![],
            vec![finding(0, false)],
            vec![finding(2, true), finding(0, true), finding(1, false)],
        ] {
            let want = serde_json::to_string_pretty(&serde_json::json!({ "findings": list }))
                .expect("findings serialise");
            let mut out = Vec::new();
            let mut elements = Elements {
                out: &mut out,
                wrote: false,
                text: Vec::new(),
                failed: None,
            };
            for f in &list {
                elements.push(f);
            }
            elements.flush().expect("memory takes every byte");
            let close = if list.is_empty() { "]" } else { "\n  ]" };
            let got = format!(
                "{{\n  \"findings\": [{}{close}\n}}",
                String::from_utf8(out).unwrap()
            );
            assert_eq!(got, want);
        }
    }
}
