//! Every finding of a run, most of them in an anonymous temporary file: memory holds at most a
//! byte budget of them however many the data has. Each rule's findings are read back in the
//! order they came, which is data order, for a report that lists them all once (the JSON one).

use super::finding::DataFinding;
pub use super::spill_codec::FindingRef;
use super::spill_codec::{Decoder, encode};
use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::{Mutex, PoisonError};

/// The encoded findings held in memory before they are moved to the temporary file.
pub const DEFAULT_BUDGET: usize = 1 << 20;

/// After a move to the file, the rules that had findings since the last one keep the rooms of
/// their buffers, largest first, while the rooms larger than this add up to at most twice the
/// budget, so the rules with the most findings do not grow theirs afresh, page by page, after
/// every move. Other rooms larger than this are let go (those of rules with no findings since
/// the last move too), so buffers that grew once do not keep their memory; smaller ones are
/// kept.
const KEPT_CAPACITY: usize = 64 << 10;

/// A rule's findings are cut into pieces of about this many encoded bytes, at a finding's
/// start, so several threads can render one rule's findings side by side.
const PIECE: usize = 64 << 10;

/// Every finding of every rule, in the order each rule's came.
pub struct SpilledFindings {
    budget: usize,
    /// The rule names, for messages.
    names: Vec<String>,
    /// Per rule: encoded findings not yet in the file.
    held: Vec<Vec<u8>>,
    /// Per rule: where in its held findings each piece after the first begins.
    cuts: Vec<Vec<usize>>,
    held_bytes: usize,
    /// Per rule: the parts of the file holding its findings, in order, as (offset, length).
    parts: Vec<Vec<(u64, usize)>>,
    /// The temporary file, once made; reading it moves its one cursor, so readers take turns.
    file: Option<Mutex<File>>,
    written: u64,
    /// Per rule: the order of its last finding.
    last: Vec<Option<u64>>,
    /// The first thing that went wrong; findings after it are not kept.
    error: Option<SpillError>,
    /// Threads the report may decode and render the findings on.
    threads: usize,
}

/// What can go wrong keeping findings in a temporary file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpillError {
    /// The temporary file could not be made or written (no temporary folder, disk full).
    Write { dir: String, reason: String },
    /// The temporary file could not be read back.
    Read { reason: String },
    /// The temporary file held something other than what was written.
    Damaged,
    /// A rule's findings came out of data order, so they cannot be listed as they come.
    Order { rule: String },
}

impl std::fmt::Display for SpillError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            SpillError::Write { dir, reason } => {
                crate::tr!("spill-cannot-write", dir = dir, reason = reason)
            }
            SpillError::Read { reason } => crate::tr!("spill-cannot-read", reason = reason),
            SpillError::Damaged => crate::tr!("spill-damaged"),
            SpillError::Order { rule } => crate::tr!("spill-out-of-order", rule = rule),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SpillError {}

impl SpillError {
    /// What to do about it, where the user can do something.
    pub fn help(&self) -> Option<String> {
        matches!(self, SpillError::Write { .. }).then(|| crate::tr!("spill-cannot-write-help"))
    }
}

impl std::fmt::Debug for SpilledFindings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SpilledFindings")
            .field("budget", &self.budget)
            .field("held_bytes", &self.held_bytes)
            .field("written", &self.written)
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

impl SpilledFindings {
    /// An empty store for rules with these names, holding at most `budget` bytes in memory.
    pub fn new(budget: usize, names: Vec<String>) -> Self {
        let rules = names.len();
        SpilledFindings {
            budget,
            names,
            held: vec![Vec::new(); rules],
            cuts: vec![Vec::new(); rules],
            held_bytes: 0,
            parts: vec![Vec::new(); rules],
            file: None,
            written: 0,
            last: vec![None; rules],
            error: None,
            threads: 1,
        }
    }

    /// The same findings, to be read back on up to `threads` threads (the run's own number).
    pub fn read_on(self, threads: usize) -> Self {
        SpilledFindings {
            threads: threads.max(1),
            ..self
        }
    }

    /// How many threads the report may decode and render the findings on.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Keeps a finding of rule `f.rule`, after the ones it already has.
    pub fn push(&mut self, f: &DataFinding) {
        if self.error.is_some() {
            return;
        }
        let r = f.rule;
        if self.last[r].is_some_and(|last| last > f.order) {
            self.error = Some(SpillError::Order {
                rule: self.names[r].clone(),
            });
            return;
        }
        self.last[r] = Some(f.order);
        let before = self.held[r].len();
        if before - self.cuts[r].last().copied().unwrap_or(0) >= PIECE {
            self.cuts[r].push(before);
        }
        encode(f, &mut self.held[r]);
        self.held_bytes += self.held[r].len() - before;
        if self.held_bytes > self.budget
            && let Err(e) = self.move_to_file()
        {
            self.error = Some(e);
        }
    }

    /// Moves every held finding to the end of the temporary file, making it first if need be.
    fn move_to_file(&mut self) -> Result<(), SpillError> {
        let failed = |e: std::io::Error| SpillError::Write {
            dir: std::env::temp_dir().display().to_string(),
            reason: e.to_string(),
        };
        let file = match &mut self.file {
            Some(file) => file,
            none @ None => none.insert(Mutex::new(tempfile::tempfile().map_err(failed)?)),
        };
        let file = file.get_mut().unwrap_or_else(PoisonError::into_inner);
        // A rule with no findings since the last move lets a large room go.
        for held in &mut self.held {
            if held.is_empty() && held.capacity() > KEPT_CAPACITY {
                *held = Vec::new();
            }
        }
        let moved: Vec<usize> = (0..self.held.len())
            .filter(|&r| !self.held[r].is_empty())
            .collect();
        for &r in &moved {
            let held = &mut self.held[r];
            file.write_all(held).map_err(failed)?;
            let mut start = 0;
            for end in self.cuts[r].drain(..).chain([held.len()]) {
                self.parts[r].push((self.written + start as u64, end - start));
                start = end;
            }
            self.written += held.len() as u64;
            held.clear();
        }
        // The rules that had the most findings keep their rooms, up to twice the budget.
        let mut by_room = moved;
        by_room.sort_by_key(|&r| std::cmp::Reverse(self.held[r].capacity()));
        let mut kept = 0;
        for r in by_room {
            let room = self.held[r].capacity();
            if room <= KEPT_CAPACITY {
                continue;
            }
            if kept + room > 2 * self.budget {
                self.held[r] = Vec::new();
            } else {
                kept += room;
            }
        }
        self.held_bytes = 0;
        Ok(())
    }

    /// What went wrong keeping the findings, if anything did: then they are incomplete.
    pub fn error(&self) -> Option<&SpillError> {
        self.error.as_ref()
    }

    /// Spoils the first byte of rule `r`'s piece `piece` in the temporary file or, with `cut`,
    /// ends the file where that piece begins.
    #[cfg(test)]
    pub fn damage(&mut self, r: usize, piece: usize, cut: bool) {
        let (offset, _) = self.parts[r][piece];
        let file = self.file.as_mut().expect("the findings are in the file");
        let file = file.get_mut().unwrap_or_else(PoisonError::into_inner);
        if cut {
            file.set_len(offset).expect("the file is cut");
        } else {
            file.seek(SeekFrom::Start(offset)).expect("the file seeks");
            file.write_all(&[9]).expect("the file is written");
        }
    }

    /// How many bytes of findings went to the temporary file.
    #[cfg(test)]
    pub fn bytes_on_disk(&self) -> u64 {
        self.written
    }

    /// Gives every finding of rule `r` to `each`, in the order they came; fails, having given
    /// only some, if they were not all kept or cannot be read back.
    pub fn each(&self, r: usize, mut each: impl FnMut(&DataFinding)) -> Result<(), SpillError> {
        for piece in 0..self.pieces(r) {
            decode_all(&self.piece(r, piece)?, &mut each)?;
        }
        Ok(())
    }

    /// How many pieces rule `r`'s findings are in: the parts of the file, then what is held,
    /// each about [`PIECE`] bytes. Each piece is whole findings, so pieces can be decoded apart.
    pub fn pieces(&self, r: usize) -> usize {
        self.parts[r].len() + self.cuts[r].len() + 1
    }

    /// Piece `piece` of rule `r`'s findings, encoded; fails if the findings were not all kept
    /// or cannot be read back.
    pub fn piece(&self, r: usize, piece: usize) -> Result<Cow<'_, [u8]>, SpillError> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        if let Some(&(offset, len)) = self.parts[r].get(piece) {
            return self.read_part(offset, len).map(Cow::Owned);
        }
        let (held, cuts) = (&self.held[r], &self.cuts[r]);
        let i = piece - self.parts[r].len();
        let start = if i == 0 { 0 } else { cuts[i - 1] };
        let end = cuts.get(i).copied().unwrap_or(held.len());
        Ok(Cow::Borrowed(&held[start..end]))
    }

    /// Whether any findings went to the temporary file.
    pub fn in_file(&self) -> bool {
        self.file.is_some()
    }

    fn read_part(&self, offset: u64, len: usize) -> Result<Vec<u8>, SpillError> {
        let failed = |e: std::io::Error| SpillError::Read {
            reason: e.to_string(),
        };
        let mut file = (self.file.as_ref().ok_or(SpillError::Damaged)?)
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        file.seek(SeekFrom::Start(offset)).map_err(failed)?;
        let mut bytes = vec![0; len];
        file.read_exact(&mut bytes).map_err(failed)?;
        Ok(bytes)
    }
}

/// Gives every finding encoded in `bytes` (a piece) to `each`, in order.
fn decode_all(bytes: &[u8], each: &mut impl FnMut(&DataFinding)) -> Result<(), SpillError> {
    decode_refs(bytes, &mut |f| each(&f.owned()))
}

/// Gives `f` to `each` as it is read back from the temporary file.
#[cfg(test)]
pub fn read_back(f: &DataFinding, each: impl FnOnce(&FindingRef<'_>)) {
    let mut bytes = Vec::new();
    encode(f, &mut bytes);
    each(
        &(Decoder::new(&bytes).next_ref())
            .expect("one finding")
            .expect("read back"),
    );
}

/// Gives every finding encoded in `bytes` (a piece) to `each`, in order, its texts borrowed
/// from `bytes`.
pub fn decode_refs(bytes: &[u8], each: &mut impl FnMut(&FindingRef<'_>)) -> Result<(), SpillError> {
    let mut d = Decoder::new(bytes);
    while let Some(f) = d.next_ref() {
        each(&f.map_err(|()| SpillError::Damaged)?);
    }
    Ok(())
}

#[cfg(test)]
#[path = "spill_tests.rs"]
mod tests;
