//! Which grammar rules are keyword tokens, by variant: the layout writes them in the chosen
//! dialect.

use crate::syntax::cst::Kind;

/// Whether a node is a keyword token: a `kw_…` rule of the grammar, or a gap or conflict word.
pub fn is_keyword(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::kw_actor
            | Kind::kw_and
            | Kind::kw_article
            | Kind::kw_as
            | Kind::kw_at
            | Kind::kw_data
            | Kind::kw_document
            | Kind::kw_duty
            | Kind::kw_else
            | Kind::kw_evaluation
            | Kind::kw_evaluators
            | Kind::kw_expect
            | Kind::kw_false
            | Kind::kw_for
            | Kind::kw_forbid
            | Kind::kw_from
            | Kind::kw_function
            | Kind::kw_grade
            | Kind::kw_holds
            | Kind::kw_if
            | Kind::kw_in
            | Kind::kw_indicator
            | Kind::kw_lead
            | Kind::kw_message
            | Kind::kw_national
            | Kind::kw_no
            | Kind::kw_not
            | Kind::kw_or
            | Kind::kw_over
            | Kind::kw_pair
            | Kind::kw_per
            | Kind::kw_permit
            | Kind::kw_program
            | Kind::kw_rank
            | Kind::kw_record
            | Kind::kw_require
            | Kind::kw_rule
            | Kind::kw_score
            | Kind::kw_severity
            | Kind::kw_support
            | Kind::kw_target
            | Kind::kw_test
            | Kind::kw_then
            | Kind::kw_to
            | Kind::kw_true
            | Kind::kw_unless
            | Kind::kw_until
            | Kind::kw_violation
            | Kind::kw_weight
            | Kind::kw_where
            | Kind::kw_within
            | Kind::gap_word
            | Kind::conflict_word
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `kw_…` rule of the grammar is listed: a keyword added to the grammar must be added
    /// here too.
    #[test]
    fn every_keyword_rule_is_listed() {
        let missing: Vec<String> = Kind::all_rules()
            .iter()
            .map(|k| (*k, format!("{k:?}")))
            .filter(|(k, name)| name.starts_with("kw_") && !is_keyword(*k))
            .map(|(_, name)| name)
            .collect();
        assert!(missing.is_empty(), "keyword rules not listed: {missing:?}");
        assert!(is_keyword(Kind::kw_rule) && !is_keyword(Kind::ident));
    }
}
