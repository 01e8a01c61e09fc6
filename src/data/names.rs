//! Actor and program names (and aliases) to indexes, looked up once per cell: a table keyed by
//! a 64-bit hash of the name, confirmed by comparing the bytes inline.

use rustc_hash::FxHashMap;

/// Names to indexes.
#[derive(Debug, Default, Clone)]
pub struct NameTable {
    by_hash: FxHashMap<u64, (u32, Box<str>)>,
    /// Names whose hash another name already had: looked up by text.
    clashes: FxHashMap<String, u32>,
}

/// A quick hash of a short name: its first and last eight bytes and its length. Names that
/// differ only in the middle land in `clashes`, so lookups stay exact.
#[inline]
fn hash(s: &str) -> u64 {
    let b = s.as_bytes();
    let n = b.len();
    let word = |x: &[u8]| {
        let mut w = [0u8; 8];
        w[..x.len()].copy_from_slice(x);
        u64::from_le_bytes(w)
    };
    let (first, last) = if n >= 8 {
        (word(&b[..8]), word(&b[n - 8..]))
    } else {
        (word(b), 0)
    };
    (first ^ last.rotate_left(29) ^ (n as u64).rotate_left(59)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Byte equality without a library call: names are short.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i + 8 <= a.len() {
        let x = u64::from_ne_bytes(a[i..i + 8].try_into().expect("8 bytes"));
        let y = u64::from_ne_bytes(b[i..i + 8].try_into().expect("8 bytes"));
        if x != y {
            return false;
        }
        i += 8;
    }
    let mut diff = 0u8;
    while i < a.len() {
        diff |= a[i] ^ b[i];
        i += 1;
    }
    diff == 0
}

impl NameTable {
    /// Adds `name` for index `id`; an existing name keeps its index.
    pub fn insert(&mut self, name: &str, id: u32) {
        if self.get(name).is_some() {
            return;
        }
        match self.by_hash.entry(hash(name)) {
            std::collections::hash_map::Entry::Occupied(_) => {
                self.clashes.insert(name.to_string(), id);
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((id, name.into()));
            }
        }
    }

    #[inline]
    pub fn get(&self, name: &str) -> Option<u32> {
        if let Some((id, n)) = self.by_hash.get(&hash(name))
            && same(n.as_bytes(), name.as_bytes())
        {
            return Some(*id);
        }
        if self.clashes.is_empty() {
            None
        } else {
            self.clashes.get(name).copied()
        }
    }

    /// Every name, for suggestions.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.by_hash
            .values()
            .map(|(_, n)| &**n)
            .chain(self.clashes.keys().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_and_only_them() {
        let mut t = NameTable::default();
        t.insert("河北省", 3);
        t.insert("河北", 3);
        t.insert("巴音郭楞蒙古自治州", 7);
        assert_eq!(t.get("河北省"), Some(3));
        assert_eq!(t.get("河北"), Some(3));
        assert_eq!(t.get("巴音郭楞蒙古自治州"), Some(7));
        assert_eq!(t.get("河北省 "), None);
        assert_eq!(t.get(""), None);
        // Same length, first and last bytes: told apart by the clash table.
        t.insert("新疆生产建设兵团第一师阿拉尔市", 8);
        t.insert("新疆生产建设兵团第二师阿拉尔市", 9);
        assert_eq!(t.get("新疆生产建设兵团第一师阿拉尔市"), Some(8));
        assert_eq!(t.get("新疆生产建设兵团第二师阿拉尔市"), Some(9));
        assert_eq!(t.get("新疆生产建设兵团第三师阿拉尔市"), None);
    }
}
