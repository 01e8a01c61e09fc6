//! Uniqueness of `key` fields. Keys that arrive in ascending order (most exports are sorted by
//! key) need only the previous key; the first key out of order switches to a set of 64-bit
//! fingerprints, filled by re-reading the keys accepted so far.

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
            Mode::Ascending { last } => match last {
                Some((prev, f, l)) => match key.cmp(prev.as_str()) {
                    std::cmp::Ordering::Equal => Seen::Duplicate(Some((*f, *l))),
                    std::cmp::Ordering::Less => Seen::OutOfOrder,
                    std::cmp::Ordering::Greater => {
                        prev.clear();
                        prev.push_str(key);
                        *f = file;
                        *l = line;
                        Seen::New
                    }
                },
                None => {
                    *last = Some((key.to_string(), file, line));
                    Seen::New
                }
            },
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
}
