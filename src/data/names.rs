//! Actor and program names (and aliases) to indexes, looked up once per cell: an open-addressing
//! table keyed by a quick hash of the name, confirmed by comparing the bytes inline.

/// Names to indexes.
#[derive(Debug, Clone)]
pub struct NameTable {
    /// Index into `entries` plus one; 0 is empty. Its length is a power of two.
    slots: Vec<u32>,
    entries: Vec<(u64, Box<str>, u32)>,
}

impl Default for NameTable {
    fn default() -> Self {
        NameTable {
            slots: vec![0; 16],
            entries: Vec::new(),
        }
    }
}

/// A quick hash of a short name: its first and last eight bytes and its length.
#[inline]
fn hash(s: &str) -> u64 {
    let b = s.as_bytes();
    let n = b.len();
    let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
    let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().expect("4 bytes")) as u64;
    // Two overlapping reads cover every byte of a name up to 16 bytes long.
    let (first, last) = match n {
        8.. => (u64_at(0), u64_at(n - 8)),
        4..=7 => (u32_at(0), u32_at(n - 4)),
        1..=3 => (
            b[0] as u64 | (b[n / 2] as u64) << 8 | (b[n - 1] as u64) << 16,
            0,
        ),
        0 => (0, 0),
    };
    let h = (first ^ last.rotate_left(29) ^ (n as u64).rotate_left(59))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 29)
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
        self.entries.push((hash(name), name.into(), id));
        if self.entries.len() * 4 > self.slots.len() {
            self.slots = vec![0; self.slots.len() * 4];
            for e in 0..self.entries.len() {
                self.place(e);
            }
        } else {
            self.place(self.entries.len() - 1);
        }
    }

    fn place(&mut self, e: usize) {
        let mask = self.slots.len() - 1;
        let mut i = self.entries[e].0 as usize & mask;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = e as u32 + 1;
    }

    #[inline]
    pub fn get(&self, name: &str) -> Option<u32> {
        let h = hash(name);
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            let (eh, n, id) = &self.entries[slot as usize - 1];
            if *eh == h && same(n.as_bytes(), name.as_bytes()) {
                return Some(*id);
            }
            i = (i + 1) & mask;
        }
    }

    /// Every name, for suggestions.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(_, n, _)| &**n)
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
        // Same length, first and last bytes: told apart by their bytes.
        t.insert("新疆生产建设兵团第一师阿拉尔市", 8);
        t.insert("新疆生产建设兵团第二师阿拉尔市", 9);
        assert_eq!(t.get("新疆生产建设兵团第一师阿拉尔市"), Some(8));
        assert_eq!(t.get("新疆生产建设兵团第二师阿拉尔市"), Some(9));
        assert_eq!(t.get("新疆生产建设兵团第三师阿拉尔市"), None);
        for i in 0..500 {
            t.insert(&format!("主体{i}"), 100 + i);
        }
        assert!((0..500).all(|i| t.get(&format!("主体{i}")) == Some(100 + i)));
        assert_eq!(t.get("河北省"), Some(3));
    }
}
