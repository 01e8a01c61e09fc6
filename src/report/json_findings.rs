//! The elements of the JSON report's `findings` array. Findings kept in a temporary file are
//! decoded and rendered on the threads the run read with, a piece at a time, and written in
//! order, so the bytes are those one thread writes.

use super::data::{CheckReport, RulePlace};
use super::json::Finding;
use crate::engine::compile::RulePlan;
use crate::engine::spill::{SpillError, SpilledFindings, decode_all};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// How deep the array's elements are in the pretty-printed report: a value of the top-level
/// object's `findings`.
const ELEMENT_INDENT: &[u8] = b"    ";

/// Writes every finding of `report` as an element of the array (without its brackets);
/// whether there was any. A failure to read back kept findings is an error wrapping the
/// [`SpillError`].
pub(super) fn write(report: &CheckReport<'_>, out: &mut dyn Write) -> io::Result<bool> {
    let mut elements = Elements { out, wrote: false };
    let mut text = Vec::new();
    report.each_listed(|f| push_element(&f, &mut text));
    elements.write(&text)?;
    let places: Vec<RulePlace> = (report.plan.rules.iter())
        .map(|rule| RulePlace::of(report.sources, rule))
        .collect();
    match &report.run.spilled {
        Some(spilled) => write_spilled(
            report.plan.rules.as_slice(),
            &places,
            spilled,
            &mut elements,
        )?,
        None => {
            for (r, rule) in report.plan.rules.iter().enumerate() {
                let mut list: Vec<_> = report.run.findings[r].iter().collect();
                list.sort_by_key(|f| f.order);
                text.clear();
                for f in list {
                    push_element(&places[r].finding(rule, f), &mut text);
                }
                elements.write(&text)?;
            }
        }
    }
    Ok(elements.wrote)
}

/// The array's elements as they are written: each rendered as `,` and the element on its own
/// lines; the first element's comma is left out.
struct Elements<'w> {
    out: &'w mut dyn Write,
    wrote: bool,
}

impl Elements<'_> {
    fn write(&mut self, text: &[u8]) -> io::Result<()> {
        let Some((_, rest)) = text.split_first() else {
            return Ok(());
        };
        let text = if self.wrote { text } else { rest };
        self.wrote = true;
        self.out.write_all(text)
    }
}

/// Appends `f` to `out` as the pretty-printed report lists it, after a `,`.
fn push_element(f: &Finding, out: &mut Vec<u8>) {
    out.extend_from_slice(b",\n");
    out.extend_from_slice(ELEMENT_INDENT);
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, AtDepth::element());
    serde::Serialize::serialize(f, &mut ser).expect("a finding serialises to memory");
}

/// serde_json's pretty printing (two spaces a level), starting at the depth of the findings'
/// elements.
struct AtDepth {
    depth: usize,
    has_value: bool,
}

impl AtDepth {
    fn element() -> Self {
        AtDepth {
            depth: ELEMENT_INDENT.len() / 2,
            has_value: false,
        }
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(w, b"\n")?;
        }
        w.write_all(bracket)
    }

    fn new_line<W: ?Sized + Write>(&self, w: &mut W, start: &[u8]) -> io::Result<()> {
        w.write_all(start)?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for AtDepth {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.new_line(w, if first { b"\n" } else { b",\n" })
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.begin_array_value(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end_array_value(w)
    }
}

/// The rendered elements a renderer hands on at a time: small enough to stay in the cache
/// until they are written.
const BATCH: usize = 128 << 10;

/// Renders one piece of a rule's kept findings, handing on batches of elements as they fill
/// (`last` with the piece's final batch); fails where the piece is not findings.
fn render_piece(
    (rule, place): (&RulePlan, &RulePlace),
    bytes: &[u8],
    spare: &mut dyn FnMut() -> Vec<u8>,
    hand_on: &mut dyn FnMut(Vec<u8>, bool),
) -> Result<(), SpillError> {
    let mut text = spare();
    decode_all(bytes, &mut |f| {
        push_element(&place.finding(rule, f), &mut text);
        if text.len() >= BATCH {
            hand_on(std::mem::replace(&mut text, spare()), false);
        }
    })?;
    hand_on(text, true);
    Ok(())
}

/// Writes the kept findings of every rule, in order: the reading thread reads each piece from
/// the temporary file, the rendering threads decode and render pieces as they come, and the
/// reading thread writes their batches in the order the pieces were read, with at most two
/// pieces per thread in flight; written batches go back to the renderers to be filled again.
fn write_spilled(
    rules: &[RulePlan],
    places: &[RulePlace],
    spilled: &SpilledFindings,
    elements: &mut Elements<'_>,
) -> io::Result<()> {
    let pieces: Vec<(usize, usize)> = (0..rules.len())
        .flat_map(|r| (0..spilled.pieces(r)).map(move |piece| (r, piece)))
        .collect();
    let threads = spilled.threads().min(pieces.len()).max(1);
    let mut bytes = Vec::new();
    if threads == 1 {
        let spare = std::cell::Cell::new(Vec::new());
        for &(r, piece) in &pieces {
            spilled
                .piece(r, piece, &mut bytes)
                .map_err(io::Error::other)?;
            let mut written = Ok(());
            let rendered = render_piece(
                (&rules[r], &places[r]),
                &bytes,
                &mut || spare.take(),
                &mut |mut text, _| {
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
        return Ok(());
    }
    let lang = crate::i18n::current();
    std::thread::scope(|scope| {
        let (to_render, queue) = crossbeam_channel::bounded::<(usize, usize, Vec<u8>)>(threads);
        let (rendered, results) = crossbeam_channel::unbounded();
        let (give_back, spares) = crossbeam_channel::unbounded::<Vec<u8>>();
        for _ in 0..threads {
            let (queue, rendered, spares) = (queue.clone(), rendered.clone(), spares.clone());
            scope.spawn(move || {
                let _lang = crate::i18n::LangGuard::set(lang);
                for (seq, r, bytes) in queue {
                    let mut batch = 0;
                    let failed = render_piece(
                        (&rules[r], &places[r]),
                        &bytes,
                        &mut || spares.try_recv().unwrap_or_default(),
                        &mut |text, last| {
                            let _ = rendered.send(((seq, batch), Rendered::Text(text, last)));
                            batch += 1;
                        },
                    );
                    if let Err(e) = failed {
                        let _ = rendered.send(((seq, batch), Rendered::Failed(e)));
                    }
                }
            });
        }
        drop(rendered);
        let mut in_order = InOrder {
            results,
            give_back,
            waiting: BTreeMap::new(),
            next: (0, 0),
        };
        let written = (|| {
            for (seq, &(r, piece)) in pieces.iter().enumerate() {
                while seq - in_order.next.0 >= 2 * threads {
                    in_order.write_next(elements)?;
                }
                spilled
                    .piece(r, piece, &mut bytes)
                    .map_err(io::Error::other)?;
                // The renderers end only when `to_render` is dropped, below.
                let _ = to_render.send((seq, r, std::mem::take(&mut bytes)));
            }
            while in_order.next.0 < pieces.len() {
                in_order.write_next(elements)?;
            }
            Ok(())
        })();
        // On an error the renderers finish what is queued and stop.
        drop(to_render);
        written
    })
}

/// What a renderer hands on: a batch of elements (the last of its piece, or not), or why the
/// rest of the piece could not be read.
enum Rendered {
    Text(Vec<u8>, bool),
    Failed(SpillError),
}

/// Rendered batches, taken in the order of their pieces, and within a piece in order.
struct InOrder {
    results: crossbeam_channel::Receiver<((usize, usize), Rendered)>,
    give_back: crossbeam_channel::Sender<Vec<u8>>,
    waiting: BTreeMap<(usize, usize), Rendered>,
    /// The piece and the batch to write next.
    next: (usize, usize),
}

impl InOrder {
    /// Waits for the next batch in order and writes it.
    fn write_next(&mut self, elements: &mut Elements<'_>) -> io::Result<()> {
        let rendered = loop {
            if let Some(rendered) = self.waiting.remove(&self.next) {
                break rendered;
            }
            let (at, rendered) = self
                .results
                .recv()
                .expect("a renderer hands on every piece it takes");
            self.waiting.insert(at, rendered);
        };
        match rendered {
            Rendered::Failed(e) => Err(io::Error::other(e)),
            Rendered::Text(mut text, last) => {
                elements.write(&text)?;
                self.next = if last {
                    (self.next.0 + 1, 0)
                } else {
                    (self.next.0, self.next.1 + 1)
                };
                text.clear();
                let _ = self.give_back.send(text);
                Ok(())
            }
        }
    }
}
