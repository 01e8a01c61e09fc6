//! "Did you mean" suggestions for misspelt names.
//!
//! Each suggestion compares the name with every candidate, so a rule set of many misspelt
//! names among many declarations would cost their product. Checking a rule set therefore runs
//! under a budget of comparison work ([`with_budget`]); once it is spent, names get no
//! suggestion (their help says how to declare them instead) and checking stays linear.

use std::cell::Cell;

/// The comparison work one rule set's checking may spend on suggestions: character pairs
/// compared (a 10-character name against 10,000 candidates of 10 characters is 1,000,000).
pub const CHECK_BUDGET: u64 = 50_000_000;

thread_local! {
    /// The work left on this thread, when a budget is in force.
    static LEFT: Cell<Option<u64>> = const { Cell::new(None) };
}

/// Runs `f` with at most `work` units of suggestion work on this thread (nested budgets take
/// the smaller), then restores the budget in force before.
pub fn with_budget<T>(work: u64, f: impl FnOnce() -> T) -> T {
    let before = LEFT.with(Cell::get);
    LEFT.with(|l| l.set(Some(before.map_or(work, |b| b.min(work)))));
    struct Restore(Option<u64>);
    impl Drop for Restore {
        fn drop(&mut self) {
            LEFT.with(|l| l.set(self.0));
        }
    }
    let _restore = Restore(before);
    f()
}

/// Whether the budget in force is spent: no more suggestions on this thread.
pub fn spent() -> bool {
    LEFT.with(Cell::get) == Some(0)
}

/// Takes `cost` from the budget in force; false when it does not cover it.
fn spend(cost: u64) -> bool {
    LEFT.with(|l| match l.get() {
        None => true,
        Some(left) if left >= cost => {
            l.set(Some(left - cost));
            true
        }
        Some(_) => {
            l.set(Some(0));
            false
        }
    })
}

/// The candidate closest to `name`, if it is close enough to be a likely typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name_len = name.chars().count();
    // Ranked by score, then by plain similarity (so 民生 prefers 民生投入 to 河北民生投入).
    let mut best: Option<((f64, f64), &str)> = None;
    if name.trim().is_empty() || spent() {
        return None;
    }
    for c in candidates {
        if c == name || c.trim().is_empty() {
            continue;
        }
        let cost = (name_len as u64).saturating_mul(c.chars().count() as u64) + 1;
        if !spend(cost) {
            return None;
        }
        let score = strsim::normalized_damerau_levenshtein(name, c);
        // One contains the other (河北 / 河北省) counts as close, whatever the length.
        let contained = name_len >= 2 && (c.contains(name) || name.contains(c));
        let ok = score >= 0.5 || contained;
        let rank = (if contained { score.max(0.75) } else { score }, score);
        if ok && best.is_none_or(|(s, _)| rank > s) {
            best = Some((rank, c));
        }
    }
    best.map(|(_, c)| c)
}

/// A help line "did you mean `X`?" when a close candidate exists.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(name, candidates).map(|c| crate::tr!("names-did-you-mean-c", c = c))
}

/// "did you mean" among a record's fields, or the list of its fields when none is close.
pub fn field_help(name: &str, rec: &crate::ast::Record) -> String {
    let fields = rec.fields.iter().map(|f| f.name.text.as_str());
    did_you_mean(name, fields.clone()).unwrap_or_else(|| {
        crate::tr!(
            "names-fields-rec-fields",
            rec = rec.name.text,
            fields = fields.collect::<Vec<_>>().join(", ")
        )
    })
}

/// `an office`, `a department`: the word with its indefinite article.
pub fn a_or_an(word: &str) -> String {
    let vowel = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if vowel { "an" } else { "a" })
}

/// `n` things in the current language: `1 error`, `2 errors`, `2 个错误`.
///
/// The counted words of the reports are in the catalogue; another word is counted in English.
pub fn plural(n: usize, word: &str) -> String {
    match word {
        "error" => crate::tr!("noun-error", n = n),
        "warning" => crate::tr!("noun-warning", n = n),
        "info" => crate::tr!("noun-info", n = n),
        "gap" => crate::tr!("noun-gap", n = n),
        "conflict" => crate::tr!("noun-conflict", n = n),
        "row" => crate::tr!("noun-row", n = n),
        "group" => crate::tr!("noun-group", n = n),
        "record" => crate::tr!("noun-record", n = n),
        "violation" => crate::tr!("noun-violation", n = n),
        "title row" => crate::tr!("noun-title-row", n = n),
        "totals row" => crate::tr!("noun-totals-row", n = n),
        "data row" => crate::tr!("noun-data-row", n = n),
        "data file" => crate::tr!("noun-data-file", n = n),
        "data problem" => crate::tr!("noun-data-problem", n = n),
        "undetermined result" => crate::tr!("noun-undetermined-result", n = n),
        "rule-file problem" => crate::tr!("noun-rule-file-problem", n = n),
        "line" => crate::tr!("noun-line", n = n),
        "test" => crate::tr!("noun-test", n = n),
        "file" => crate::tr!("noun-file", n = n),
        "actor" => crate::tr!("noun-actor", n = n),
        "program" => crate::tr!("noun-program", n = n),
        "function" => crate::tr!("noun-function", n = n),
        "document" => crate::tr!("noun-document", n = n),
        "article" => crate::tr!("noun-article", n = n),
        "pair" => crate::tr!("noun-pair", n = n),
        "duty" => crate::tr!("noun-duty", n = n),
        "rule" => crate::tr!("noun-rule", n = n),
        "evaluation" => crate::tr!("noun-evaluation", n = n),
        _ if n == 1 => format!("{n} {word}"),
        _ => format!("{n} {word}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_full_name_for_a_short_form() {
        assert_eq!(closest("河北", ["河北省", "河南省"]), Some("河北省"));
    }

    #[test]
    fn suggests_for_a_typo() {
        assert_eq!(
            closest("provice", ["province", "prefecture"]),
            Some("province")
        );
    }

    #[test]
    fn suggests_nothing_for_unrelated_names() {
        assert_eq!(closest("xyz", ["province", "county"]), None);
    }

    #[test]
    fn a_spent_budget_gives_no_suggestion() {
        let candidates = ["province", "prefecture"];
        let (first, second) = with_budget(140, || {
            (
                closest("provice", candidates),
                closest("provice", candidates),
            )
        });
        assert_eq!(first, Some("province"));
        assert_eq!(second, None);
        assert!(!spent(), "the budget ends with its scope");
        assert_eq!(closest("provice", candidates), Some("province"));
    }

    #[test]
    fn an_empty_name_is_no_candidate() {
        assert_eq!(closest("supporter", ["", "  "]), None);
        assert_eq!(closest("", ["supporter"]), None);
    }
}
