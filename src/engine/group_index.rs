//! Group keys to group numbers, looked up once per row: an open-addressing table of group
//! numbers keyed by a hash of the key's parts, confirmed against the parts kept one group
//! after another. The table is a few bytes a group, so it stays in the cache.

/// The groups of one table by key.
#[derive(Debug)]
pub struct GroupIndex {
    /// Parts in a key.
    width: usize,
    /// Group number plus one; 0 is empty. Its length is a power of two, at least twice the
    /// number of groups.
    slots: Vec<u32>,
    /// Every group's key, `width` parts each, in group order.
    parts: Vec<u64>,
    /// How many groups there are.
    groups: usize,
}

impl GroupIndex {
    /// An empty index of keys of `width` parts.
    pub fn new(width: usize) -> Self {
        GroupIndex {
            width,
            slots: vec![0; 16],
            parts: Vec::new(),
            groups: 0,
        }
    }

    /// The group whose key is `parts`, if there is one.
    #[inline]
    pub fn get(&self, parts: &[u64]) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = hash(parts) as usize & mask;
        loop {
            let g = self.slots[i].checked_sub(1)?;
            // Keys are a few parts: compared in place, not by a call to `memcmp`.
            if self.key(g as usize).iter().eq(parts) {
                return Some(g);
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds the next group, numbered after those already in, with key `parts`.
    pub fn push(&mut self, parts: &[u64]) {
        debug_assert_eq!(parts.len(), self.width, "a key of the table's width");
        self.parts.extend_from_slice(parts);
        self.groups += 1;
        if self.groups * 2 > self.slots.len() {
            self.slots = vec![0; self.slots.len() * 2];
            (0..self.groups).for_each(|g| self.place(g));
        } else {
            self.place(self.groups - 1);
        }
    }

    /// Group `g`'s key.
    pub fn key(&self, g: usize) -> &[u64] {
        &self.parts[g * self.width..][..self.width]
    }

    fn place(&mut self, g: usize) {
        let mask = self.slots.len() - 1;
        let mut i = hash(self.key(g)) as usize & mask;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = g as u32 + 1;
    }
}

/// A hash of a key's parts whose low bits depend on every bit of every part.
#[inline]
fn hash(parts: &[u64]) -> u64 {
    let mut h: u64 = 0;
    for &p in parts {
        h = (h.rotate_left(23) ^ p).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    h ^ (h >> 29) ^ (h >> 47)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_finds_its_group_and_no_other() {
        for width in [1, 3, 5] {
            let mut index = GroupIndex::new(width);
            let key = |n: u64| -> Vec<u64> {
                (0..width as u64)
                    .map(|i| (i << 56) | ((n * 7 + i) % 1000))
                    .collect()
            };
            let mut seen = std::collections::HashSet::new();
            for n in 0..3000 {
                let k = key(n);
                if seen.insert(k.clone()) {
                    assert_eq!(index.get(&k), None);
                    index.push(&k);
                }
            }
            let mut g = 0;
            let mut kept = std::collections::HashSet::new();
            for n in 0..3000 {
                let k = key(n);
                if kept.insert(k.clone()) {
                    assert_eq!(index.get(&k), Some(g), "width {width}, key {n}");
                    g += 1;
                }
            }
            assert_eq!(index.get(&vec![u64::MAX; width]), None);
        }
    }

    #[test]
    fn a_key_of_no_parts_is_one_group() {
        let mut index = GroupIndex::new(0);
        assert_eq!(index.get(&[]), None);
        index.push(&[]);
        assert_eq!(index.get(&[]), Some(0));
    }
}
