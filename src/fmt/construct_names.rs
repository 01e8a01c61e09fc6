//! What a user calls the construct a node of the syntax tree reads, in the user's language:
//! the formatter names a construct it has no layout for by it, never by the grammar rule's
//! name. Every grammar rule that makes a node is listed, by variant.

use super::keyword_kinds::is_keyword;
use crate::syntax::cst::Kind;

/// The constructs of a rule file, as a user names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Construct {
    Keyword,
    Name,
    Date,
    Number,
    Money,
    MoneyUnit,
    Percent,
    Text,
    Boolean,
    Year,
    Expression,
    Operator,
    FieldAccess,
    Parenthesized,
    List,
    Conditional,
    Call,
    TimeReference,
    Filter,
    Properties,
    Property,
    Target,
    File,
    Actor,
    Program,
    Function,
    Record,
    Field,
    FieldType,
    Document,
    Article,
    Pair,
    Duty,
    Role,
    Rule,
    RuleClause,
    PlanPeriod,
    Evaluation,
    Indicator,
    EvaluationClause,
    Test,
    TestData,
    Expectation,
}

/// Each grammar rule that makes a node of the tree (keywords aside: `is_keyword`).
static CONSTRUCTS: &[(Kind, Construct)] = &[
    (Kind::raw_word, Construct::Name),
    (Kind::backtick, Construct::Name),
    (Kind::ident, Construct::Name),
    (Kind::actor_ref, Construct::Name),
    (Kind::word, Construct::Name),
    (Kind::expr_name, Construct::Name),
    (Kind::date, Construct::Date),
    (Kind::number, Construct::Number),
    (Kind::money, Construct::Money),
    (Kind::money_unit, Construct::MoneyUnit),
    (Kind::percent, Construct::Percent),
    (Kind::string, Construct::Text),
    (Kind::string_inner, Construct::Text),
    (Kind::boolean, Construct::Boolean),
    (Kind::year, Construct::Year),
    (Kind::expr, Construct::Expression),
    (Kind::neg, Construct::Operator),
    (Kind::not, Construct::Operator),
    (Kind::or, Construct::Operator),
    (Kind::and, Construct::Operator),
    (Kind::eq, Construct::Operator),
    (Kind::ne, Construct::Operator),
    (Kind::le, Construct::Operator),
    (Kind::ge, Construct::Operator),
    (Kind::lt, Construct::Operator),
    (Kind::gt, Construct::Operator),
    (Kind::within, Construct::Operator),
    (Kind::in_op, Construct::Operator),
    (Kind::add, Construct::Operator),
    (Kind::sub, Construct::Operator),
    (Kind::mul, Construct::Operator),
    (Kind::div, Construct::Operator),
    (Kind::cmp_op, Construct::Operator),
    (Kind::member, Construct::FieldAccess),
    (Kind::paren, Construct::Parenthesized),
    (Kind::list, Construct::List),
    (Kind::if_expr, Construct::Conditional),
    (Kind::call, Construct::Call),
    (Kind::call_args, Construct::Call),
    (Kind::cumulative, Construct::TimeReference),
    (Kind::offset, Construct::TimeReference),
    (Kind::last_year, Construct::TimeReference),
    (Kind::filter, Construct::Filter),
    (Kind::props, Construct::Properties),
    (Kind::prop, Construct::Property),
    (Kind::prop_key, Construct::Property),
    (Kind::prop_value, Construct::Property),
    (Kind::target, Construct::Target),
    (Kind::file, Construct::File),
    (Kind::actor_decl, Construct::Actor),
    (Kind::program_decl, Construct::Program),
    (Kind::function_decl, Construct::Function),
    (Kind::record_decl, Construct::Record),
    (Kind::field_decl, Construct::Field),
    (Kind::column_labels, Construct::Field),
    (Kind::modifier, Construct::Field),
    (Kind::modifier_word, Construct::Field),
    (Kind::type_ref, Construct::FieldType),
    (Kind::optional, Construct::FieldType),
    (Kind::document_decl, Construct::Document),
    (Kind::article, Construct::Article),
    (Kind::article_no, Construct::Article),
    (Kind::article_body, Construct::Article),
    (Kind::pair_decl, Construct::Pair),
    (Kind::pair_from, Construct::Pair),
    (Kind::pair_to, Construct::Pair),
    (Kind::duty_decl, Construct::Duty),
    (Kind::duty_from, Construct::Duty),
    (Kind::duty_until, Construct::Duty),
    (Kind::duty_program, Construct::Duty),
    (Kind::duty_pair, Construct::Duty),
    (Kind::role, Construct::Role),
    (Kind::lead, Construct::Role),
    (Kind::support, Construct::Role),
    (Kind::rule_decl, Construct::Rule),
    (Kind::over_clause, Construct::RuleClause),
    (Kind::per_clause, Construct::RuleClause),
    (Kind::require_clause, Construct::RuleClause),
    (Kind::forbid_clause, Construct::RuleClause),
    (Kind::permit_clause, Construct::RuleClause),
    (Kind::unless_clause, Construct::RuleClause),
    (Kind::severity_clause, Construct::RuleClause),
    (Kind::message_clause, Construct::RuleClause),
    (Kind::period_key, Construct::PlanPeriod),
    (Kind::period_word, Construct::PlanPeriod),
    (Kind::year_span, Construct::PlanPeriod),
    (Kind::evaluation_decl, Construct::Evaluation),
    (Kind::indicator_decl, Construct::Indicator),
    (Kind::evaluators_clause, Construct::EvaluationClause),
    (Kind::grade_clause, Construct::EvaluationClause),
    (Kind::rank_clause, Construct::EvaluationClause),
    (Kind::test_decl, Construct::Test),
    (Kind::test_data, Construct::TestData),
    (Kind::expect, Construct::Expectation),
    (Kind::negated, Construct::Expectation),
    (Kind::expect_violation, Construct::Expectation),
    (Kind::expect_score, Construct::Expectation),
    (Kind::expect_gap, Construct::Expectation),
    (Kind::expect_conflict, Construct::Expectation),
    (Kind::involved, Construct::Expectation),
];

fn construct_of(kind: Kind) -> Option<Construct> {
    if is_keyword(kind) {
        return Some(Construct::Keyword);
    }
    CONSTRUCTS.iter().find(|(k, _)| *k == kind).map(|(_, c)| *c)
}

/// The construct a node of `kind` reads, in the user's language: `a rule declaration`,
/// `规则声明`. A kind no tree holds (the end of input) is named as a piece of the file.
pub fn construct_name(kind: Kind) -> String {
    construct_of(kind).map_or_else(|| crate::tr!("fmt-construct-piece"), name)
}

fn name(c: Construct) -> String {
    match c {
        Construct::Keyword => crate::tr!("fmt-construct-keyword"),
        Construct::Name => crate::tr!("fmt-construct-name"),
        Construct::Date => crate::tr!("fmt-construct-date"),
        Construct::Number => crate::tr!("fmt-construct-number"),
        Construct::Money => crate::tr!("fmt-construct-money"),
        Construct::MoneyUnit => crate::tr!("fmt-construct-money-unit"),
        Construct::Percent => crate::tr!("fmt-construct-percent"),
        Construct::Text => crate::tr!("fmt-construct-text"),
        Construct::Boolean => crate::tr!("fmt-construct-boolean"),
        Construct::Year => crate::tr!("fmt-construct-year"),
        Construct::Expression => crate::tr!("fmt-construct-expression"),
        Construct::Operator => crate::tr!("fmt-construct-operator"),
        Construct::FieldAccess => crate::tr!("fmt-construct-field-access"),
        Construct::Parenthesized => crate::tr!("fmt-construct-parenthesized"),
        Construct::List => crate::tr!("fmt-construct-list"),
        Construct::Conditional => crate::tr!("fmt-construct-conditional"),
        Construct::Call => crate::tr!("fmt-construct-call"),
        Construct::TimeReference => crate::tr!("fmt-construct-time-reference"),
        Construct::Filter => crate::tr!("fmt-construct-filter"),
        Construct::Properties => crate::tr!("fmt-construct-properties"),
        Construct::Property => crate::tr!("fmt-construct-property"),
        Construct::Target => crate::tr!("fmt-construct-target"),
        Construct::File => crate::tr!("fmt-construct-file"),
        Construct::Actor => crate::tr!("fmt-construct-actor"),
        Construct::Program => crate::tr!("fmt-construct-program"),
        Construct::Function => crate::tr!("fmt-construct-function"),
        Construct::Record => crate::tr!("fmt-construct-record"),
        Construct::Field => crate::tr!("fmt-construct-field"),
        Construct::FieldType => crate::tr!("fmt-construct-field-type"),
        Construct::Document => crate::tr!("fmt-construct-document"),
        Construct::Article => crate::tr!("fmt-construct-article"),
        Construct::Pair => crate::tr!("fmt-construct-pair"),
        Construct::Duty => crate::tr!("fmt-construct-duty"),
        Construct::Role => crate::tr!("fmt-construct-role"),
        Construct::Rule => crate::tr!("fmt-construct-rule"),
        Construct::RuleClause => crate::tr!("fmt-construct-rule-clause"),
        Construct::PlanPeriod => crate::tr!("fmt-construct-plan-period"),
        Construct::Evaluation => crate::tr!("fmt-construct-evaluation"),
        Construct::Indicator => crate::tr!("fmt-construct-indicator"),
        Construct::EvaluationClause => crate::tr!("fmt-construct-evaluation-clause"),
        Construct::Test => crate::tr!("fmt-construct-test"),
        Construct::TestData => crate::tr!("fmt-construct-test-data"),
        Construct::Expectation => crate::tr!("fmt-construct-expectation"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    /// The names of the grammar's rules that make no node: silent ones (`name = _{ … }`).
    fn silent_rules() -> Vec<String> {
        include_str!("../../grammar/duikou.pest")
            .lines()
            .filter_map(|l| {
                let (name, body) = l.split_once('=')?;
                let name = name.trim();
                let ok = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
                (ok && body.trim_start().starts_with('_')).then(|| name.to_string())
            })
            .collect()
    }

    /// Every grammar rule that makes a node has a name: a rule added to the grammar must be
    /// named here too.
    #[test]
    fn every_rule_that_makes_a_node_is_named() {
        let silent = silent_rules();
        assert!(silent.iter().any(|s| s == "WHITESPACE"), "{silent:?}");
        let missing: Vec<String> = Kind::all_rules()
            .iter()
            .map(|k| (*k, format!("{k:?}")))
            .filter(|(k, rule)| {
                rule != "EOI" && !silent.contains(rule) && construct_of(*k).is_none()
            })
            .map(|(_, rule)| rule)
            .collect();
        assert!(
            missing.is_empty(),
            "grammar rules without a name: {missing:?}"
        );
    }

    /// Each name is a message of both languages, never a key or a grammar rule's name.
    #[test]
    fn names_are_words_of_both_languages() {
        for (kind, _) in CONSTRUCTS {
            let en = with_lang(Lang::En, || construct_name(*kind));
            let zh = with_lang(Lang::Zh, || construct_name(*kind));
            let rule = format!("{kind:?}");
            for name in [&en, &zh] {
                assert!(!name.starts_with("fmt-construct-"), "{rule}: {name}");
                assert_ne!(name, &rule);
            }
            assert_ne!(en, zh, "{rule}");
        }
        let rule = with_lang(Lang::En, || construct_name(Kind::rule_decl));
        assert_eq!(rule, "a `rule` declaration");
        let rule = with_lang(Lang::Zh, || construct_name(Kind::rule_decl));
        assert_eq!(rule, "“规则”声明");
        let kw = with_lang(Lang::En, || construct_name(Kind::kw_require));
        assert_eq!(kw, "a keyword");
    }

    /// A construct the layout refuses is named in words, and the refusal says so in the user's
    /// language, never with the grammar rule's name.
    #[test]
    fn a_refused_construct_is_named_in_words() {
        let text = "program P { since: 2010 }\nrule R { over project require spent <= planned }\n";
        let root = crate::syntax::cst::parse(crate::source::FileId(0), text).expect("parses");
        let rule = root
            .children
            .iter()
            .find(|n| n.kind == Kind::rule_decl)
            .expect("a rule");
        let refused = with_lang(Lang::En, || super::super::layout::unsupported(rule));
        assert_eq!(refused.construct, "a `rule` declaration");
        let err = super::super::FmtError::Unsupported {
            construct: refused.construct,
            line: 2,
        };
        let shown = with_lang(Lang::En, || err.to_string());
        assert_eq!(
            shown,
            "no layout for a `rule` declaration on line 2; the file is left unchanged"
        );
        assert!(!shown.contains("rule_decl"));
        let zh = with_lang(Lang::Zh, || super::super::layout::unsupported(rule));
        let err = super::super::FmtError::Unsupported {
            construct: zh.construct,
            line: 2,
        };
        let shown = with_lang(Lang::Zh, || err.to_string());
        assert_eq!(shown, "第 2 行的“规则”声明没有排版规则；文件保持不变");
    }
}
