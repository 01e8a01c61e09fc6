//! Uniqueness of `key` fields. Keys that arrive in ascending order (most exports are sorted by
//! key) need only the previous key; the first key out of order switches to a set of 64-bit
//! fingerprints, filled by re-reading the keys accepted so far. A run of keys noted on another
//! thread ([`KeyRun`]) is taken in at once when it ascends after the last key.

use rustc_hash::FxHashSet;
use std::hash::Hasher;

/// What a key is, compared with the keys before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    New,
    /// The same key was accepted before: in data file `file` at `line`, when known.
    Duplicate(Option<(u32, u64)>),
    /// Out of order while ascending: call [`KeySet::start_hashing`], insert every key accepted
    /// so far, then ask again.
    OutOfOrder,
}

#[derive(Debug)]
enum Mode {
    Ascending {
        last: Option<(String, u32, u64)>,
    },
    /// Fingerprints (SipHash with fixed keys; two different keys share one with odds of about
    /// n²/2⁶⁵, one in ten million at a million keys).
    Hashed(FxHashSet<u64>),
}

/// The keys of one record type seen so far.
#[derive(Debug)]
pub struct KeySet {
    mode: Mode,
}

impl Default for KeySet {
    fn default() -> Self {
        KeySet {
            mode: Mode::Ascending { last: None },
        }
    }
}

fn fingerprint(key: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    h.write(key.as_bytes());
    h.finish()
}

impl KeySet {
    /// Records `key` (from data file `file`, `line`) unless it was seen before.
    pub fn insert(&mut self, key: &str, file: u32, line: u64) -> Seen {
        match &mut self.mode {
            Mode::Ascending { last } => {
                if let Some((prev, f, l)) = last {
                    match key.cmp(prev.as_str()) {
                        std::cmp::Ordering::Equal => return Seen::Duplicate(Some((*f, *l))),
                        std::cmp::Ordering::Less => return Seen::OutOfOrder,
                        std::cmp::Ordering::Greater => {}
                    }
                }
                remember(last, key, file, line);
                Seen::New
            }
            Mode::Hashed(set) => {
                if set.insert(fingerprint(key)) {
                    Seen::New
                } else {
                    Seen::Duplicate(None)
                }
            }
        }
    }

    /// Switches to fingerprints; the caller then inserts every key accepted so far.
    pub fn start_hashing(&mut self) {
        self.mode = Mode::Hashed(FxHashSet::default());
    }

    /// Takes in the keys of a run of rows (from data file `file`) at once, when they ascend and
    /// the first is greater than every key so far: whether it did. When it did not, nothing
    /// changed and each key must be inserted on its own.
    pub fn extend(&mut self, run: &KeyRun, file: u32) -> bool {
        let Mode::Ascending { last } = &mut self.mode else {
            return false;
        };
        let Some(first) = &run.first else {
            return true;
        };
        if !run.ascending || last.as_ref().is_some_and(|(prev, _, _)| first <= prev) {
            return false;
        }
        let (key, line) = &run.last;
        remember(last, key, file, *line);
        true
    }
}

/// Makes `key` (from data file `file`, `line`) the last key of ascending keys, reusing the room
/// of the one before.
fn remember(last: &mut Option<(String, u32, u64)>, key: &str, file: u32, line: u64) {
    match last {
        Some((prev, f, l)) => {
            prev.clear();
            prev.push_str(key);
            (*f, *l) = (file, line);
        }
        None => *last = Some((key.to_string(), file, line)),
    }
}

/// The keys of a run of rows (a chunk's, on the thread that validated it), for
/// [`KeySet::extend`]: the first and the last, and whether each is greater than the one before
/// (so that none repeats within the run).
#[derive(Debug, Clone)]
pub struct KeyRun {
    first: Option<String>,
    last: (String, u64),
    ascending: bool,
}

impl Default for KeyRun {
    fn default() -> Self {
        KeyRun {
            first: None,
            last: (String::new(), 0),
            ascending: true,
        }
    }
}

impl KeyRun {
    /// Whether every key so far is greater than the one before: only then does the next
    /// key matter.
    pub fn ascends(&self) -> bool {
        self.ascending
    }

    /// Adds the key of the next row, at `line`.
    pub fn add(&mut self, key: &str, line: u64) {
        if !self.ascending {
            return;
        }
        if self.first.is_none() {
            self.first = Some(key.to_string());
        } else if key <= self.last.0.as_str() {
            self.ascending = false;
            return;
        }
        self.last.0.clear();
        self.last.0.push_str(key);
        self.last.1 = line;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascending_keys_need_only_the_last() {
        let mut k = KeySet::default();
        assert_eq!(k.insert("a", 0, 2), Seen::New);
        assert_eq!(k.insert("b", 0, 3), Seen::New);
        assert_eq!(k.insert("b", 0, 4), Seen::Duplicate(Some((0, 3))));
        assert_eq!(k.insert("a", 0, 5), Seen::OutOfOrder);
        k.start_hashing();
        k.insert("a", 0, 2);
        k.insert("b", 0, 3);
        assert_eq!(k.insert("a", 0, 5), Seen::Duplicate(None));
        assert_eq!(k.insert("c", 0, 6), Seen::New);
    }

    fn run_of(keys: &[&str]) -> KeyRun {
        let mut run = KeyRun::default();
        for (i, key) in keys.iter().enumerate() {
            run.add(key, i as u64 + 10);
        }
        run
    }

    #[test]
    fn an_ascending_run_is_taken_in_at_once() {
        let mut k = KeySet::default();
        assert!(k.extend(&run_of(&[]), 0));
        assert!(k.extend(&run_of(&["a", "b", "c"]), 0));
        // The last key of the run is what the next key is compared with.
        assert_eq!(k.insert("c", 1, 2), Seen::Duplicate(Some((0, 12))));
        assert!(k.extend(&run_of(&["d"]), 1));
        assert_eq!(k.insert("d", 1, 5), Seen::Duplicate(Some((1, 10))));
    }

    #[test]
    fn a_run_that_repeats_or_goes_back_is_refused_unchanged() {
        let mut k = KeySet::default();
        assert!(k.extend(&run_of(&["b", "c"]), 0));
        // A key repeated within the run, a run out of order, a run starting at or before the
        // last key so far: each key must then be inserted on its own.
        assert!(!k.extend(&run_of(&["d", "d"]), 0));
        assert!(!k.extend(&run_of(&["e", "d"]), 0));
        assert!(!k.extend(&run_of(&["c", "x"]), 0));
        assert!(!k.extend(&run_of(&["a", "x"]), 0));
        assert_eq!(k.insert("d", 0, 20), Seen::New);
        k.start_hashing();
        assert!(!k.extend(&run_of(&["y", "z"]), 0));
    }
}
