//! Rejected rows whose group keys could be read only in part, and the groups they may belong to.

use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// The key patterns of such rows (`None` where a key could not be read), each with the reason of
/// its first row.
#[derive(Debug, Default)]
pub struct Partial {
    patterns: FxHashMap<Box<[Option<u64>]>, String>,
}

impl Partial {
    pub fn add(&mut self, pattern: Box<[Option<u64>]>, why: &str) {
        self.patterns
            .entry(pattern)
            .or_insert_with(|| why.to_string());
    }

    /// Every key (hashed parts, by index) that a pattern matches, with that pattern's reason.
    /// Patterns with the same unreadable positions are looked up together, so this takes one
    /// pass over the keys per such set of positions, not one per pattern.
    pub fn matches(&self, keys: &[&[u64]]) -> Vec<(usize, String)> {
        let mut by_mask: BTreeMap<Vec<bool>, FxHashMap<Vec<u64>, &str>> = BTreeMap::new();
        for (pattern, why) in &self.patterns {
            let mask: Vec<bool> = pattern.iter().map(Option::is_some).collect();
            let known: Vec<u64> = pattern.iter().flatten().copied().collect();
            by_mask.entry(mask).or_default().insert(known, why);
        }
        let mut hits: BTreeMap<usize, String> = BTreeMap::new();
        for (mask, known) in &by_mask {
            for (i, key) in keys.iter().enumerate() {
                let projected: Vec<u64> = key
                    .iter()
                    .zip(mask)
                    .filter(|(_, m)| **m)
                    .map(|(k, _)| *k)
                    .collect();
                if let Some(why) = known.get(&projected) {
                    hits.entry(i).or_insert_with(|| why.to_string());
                }
            }
        }
        hits.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_matches_every_key_agreeing_on_its_readable_parts() {
        let mut p = Partial::default();
        p.add(vec![None, Some(2), Some(2017)].into(), "first");
        p.add(vec![None, Some(2), Some(2017)].into(), "second");
        p.add(vec![Some(9), None, None].into(), "other");
        let keys: Vec<&[u64]> = vec![&[1, 2, 2017], &[1, 2, 2018], &[3, 2, 2017], &[9, 5, 1]];
        assert_eq!(
            p.matches(&keys),
            vec![
                (0, "first".to_string()),
                (2, "first".to_string()),
                (3, "other".to_string())
            ]
        );
    }
}
