//! "Did you mean" suggestions for misspelt names.

/// The candidate closest to `name`, if it is close enough to be a likely typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name_len = name.chars().count();
    // Ranked by score, then by plain similarity (so 民生 prefers 民生投入 to 河北民生投入).
    let mut best: Option<((f64, f64), &str)> = None;
    if name.trim().is_empty() {
        return None;
    }
    for c in candidates {
        if c == name || c.trim().is_empty() {
            continue;
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
    closest(name, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// "did you mean" among a record's fields, or the list of its fields when none is close.
pub fn field_help(name: &str, rec: &crate::ast::Record) -> String {
    let fields = rec.fields.iter().map(|f| f.name.text.as_str());
    did_you_mean(name, fields.clone()).unwrap_or_else(|| {
        format!(
            "fields of `{}`: {}",
            rec.name.text,
            fields.collect::<Vec<_>>().join(", ")
        )
    })
}

/// `an office`, `a department`: the word with its indefinite article.
pub fn a_or_an(word: &str) -> String {
    let vowel = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if vowel { "an" } else { "a" })
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
    fn an_empty_name_is_no_candidate() {
        assert_eq!(closest("supporter", ["", "  "]), None);
        assert_eq!(closest("", ["supporter"]), None);
    }
}
