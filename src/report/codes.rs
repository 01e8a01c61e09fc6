//! What each stable code means, in a short and a full sentence, and where docs/language.md
//! describes it: for report summaries and the SARIF `rules` table.

use crate::diagnostic::Code;

/// Where the language reference is published: the crate's sources on docs.rs, `docs/language.md`.
pub const DOCS_URL: &str = concat!(
    "https://docs.rs/crate/duikou/",
    env!("CARGO_PKG_VERSION"),
    "/source/docs/language.md"
);

/// `(code, short description, full description)`, in the order of docs/language.md §6.
const DESCRIPTIONS: &[(&str, &str, &str)] = &[
    (
        "duikou::parse::syntax",
        "unexpected token",
        "unexpected token: the text of a rule file cannot be read as the language",
    ),
    (
        "duikou::parse::chinese_quote",
        "“…” used as string quotes",
        "“…” used as string quotes: the text of a rule file cannot be read as the language",
    ),
    (
        "duikou::parse::nesting",
        "nesting deeper than 256",
        "nesting deeper than 256: the text of a rule file cannot be read as the language",
    ),
    (
        "duikou::parse::encoding",
        "file is not UTF-8",
        "file is not UTF-8: the text of a rule file cannot be read as the language",
    ),
    (
        "duikou::parse::literal",
        "invalid date, number too large, bad escape",
        "invalid date, number too large, bad escape: the text of a rule file cannot be read as the language",
    ),
    (
        "duikou::parse::unterminated",
        "string, backtick name or block comment not closed",
        "string, backtick name or block comment not closed: the text of a rule file cannot be read as the language",
    ),
    (
        "duikou::io::unreadable",
        "path missing or unreadable",
        "path missing or unreadable: a rule path cannot be read",
    ),
    (
        "duikou::io::no_rules",
        "no `.dk` file under a path",
        "no `.dk` file under a path: a rule path cannot be read",
    ),
    (
        "duikou::name::duplicate",
        "a name declared twice",
        "a name declared twice: a name in the rule files is not declared or declared twice",
    ),
    (
        "duikou::name::unknown_actor",
        "no such actor",
        "no such actor: a name in the rule files is not declared or declared twice",
    ),
    (
        "duikou::name::unknown_program",
        "no such programme",
        "no such programme: a name in the rule files is not declared or declared twice",
    ),
    (
        "duikou::name::unknown_record",
        "no such record type",
        "no such record type: a name in the rule files is not declared or declared twice",
    ),
    (
        "duikou::name::unknown_function",
        "no such function",
        "no such function: a name in the rule files is not declared or declared twice",
    ),
    (
        "duikou::name::unknown_document",
        "no such document",
        "no such document: a name in the rule files is not declared or declared twice",
    ),
    (
        "duikou::name::unknown_field",
        "no such field in a record",
        "no such field in a record: a name in the rule files is not declared or declared twice",
    ),
    (
        "duikou::name::unknown_rule",
        "no such rule",
        "no such rule: a name in the rule files is not declared or declared twice",
    ),
    (
        "duikou::name::unknown_evaluation",
        "no such evaluation",
        "no such evaluation: a name in the rule files is not declared or declared twice",
    ),
    (
        "duikou::name::unknown_name",
        "a name in an expression that is no field, actor or programme",
        "a name in an expression that is no field, actor or programme: a name in the rule files is not declared or declared twice",
    ),
    (
        "duikou::name::unknown_type",
        "no such field type",
        "no such field type: a name in the rule files is not declared or declared twice",
    ),
    (
        "duikou::name::unknown_value",
        "no such enumerated value",
        "no such enumerated value: a name in the rule files is not declared or declared twice",
    ),
    (
        "duikou::decl::unknown_property",
        "property key not allowed here",
        "property key not allowed here: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::missing_property",
        "required property missing",
        "required property missing: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::duplicate_property",
        "property given twice",
        "property given twice: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::property_type",
        "property value of the wrong kind",
        "property value of the wrong kind: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::duplicate_field",
        "record field declared twice",
        "record field declared twice: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::time_field",
        "two time fields, or `time` on a non-year/date field",
        "two time fields, or `time` on a non-year/date field: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::pair_recipient",
        "pair recipient is not a government",
        "pair recipient is not a government: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::pair_supporter",
        "pair supporter is not a government, enterprise or organisation",
        "pair supporter is not a government, enterprise or organisation: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::pair_years",
        "`from` after `to`, or years outside the programme's",
        "`from` after `to`, or years outside the programme's: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::duty_pair",
        "duty for an undeclared pair",
        "duty for an undeclared pair: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::duty_ambiguous",
        "`in P` omitted while several programmes pair S and R",
        "`in P` omitted while several programmes pair S and R: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::duty_scope",
        "`for program` on a pair-scope function or vice versa",
        "`for program` on a pair-scope function or vice versa: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::duty_years",
        "a duty's `from` year after its `until` year",
        "a duty's `from` year after its `until` year: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::weights",
        "indicator or evaluator weights do not sum to 100%",
        "indicator or evaluator weights do not sum to 100%: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::unreachable_unless",
        "`unless` is always true",
        "`unless` is always true: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::rule_clause",
        "missing or duplicate clause in a rule",
        "missing or duplicate clause in a rule: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::evaluation_clause",
        "missing or duplicate part in an evaluation",
        "missing or duplicate part in an evaluation: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::region_cycle",
        "`region` / `of` links form a cycle",
        "`region` / `of` links form a cycle: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::document_period",
        "`expires` not after `effective`",
        "`expires` not after `effective`: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::duplicate_article",
        "article number used twice in a document",
        "article number used twice in a document: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::grade_order",
        "grade bounds not descending",
        "grade bounds not descending: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::expect_code",
        "unknown G/C code in a test expectation",
        "unknown G/C code in a test expectation: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::social_weight",
        "social indicators weigh less than economic ones",
        "social indicators weigh less than economic ones: a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::single_evaluator",
        "one evaluator, or the supporting side only (评价主体单一化)",
        "one evaluator, or the supporting side only (评价主体单一化): a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::unattainable_target",
        "a share's target above 100%, or a rule comparing a share with a number above 1 (`>= 74` for `>= 74%`)",
        "a share's target above 100%, or a rule comparing a share with a number above 1 (`>= 74` for `>= 74%`): a declaration is incomplete or inconsistent",
    ),
    (
        "duikou::decl::replaces_without_power",
        "`replaces` names a document its issuer may not change or annul",
        "a document `replaces` one its issuer has no power to change or annul (立法法 art 108): the replaced document stays in force",
    ),
    (
        "duikou::decl::autonomous_issuer",
        "an autonomous or separate regulation not issued by an autonomous area",
        "an autonomous regulation (自治条例) or separate regulation (单行条例) whose issuer is not the people's congress of an autonomous area (`autonomous: true`): a declaration is inconsistent",
    ),
    (
        "duikou::decl::varies_level",
        "`varies` on a document of a level that may not vary higher law",
        "`varies` on a document that is not an autonomous, separate or special economic zone regulation, or naming a document it may not vary: a declaration is inconsistent",
    ),
    (
        "duikou::type::mismatch",
        "incompatible operands; test data of the wrong type",
        "incompatible operands; test data of the wrong type: an expression's types do not fit",
    ),
    (
        "duikou::type::not_bool",
        "condition is not boolean",
        "condition is not boolean: an expression's types do not fit",
    ),
    (
        "duikou::type::aggregate_in_record_rule",
        "aggregate in a rule without `per`",
        "aggregate in a rule without `per`: an expression's types do not fit",
    ),
    (
        "duikou::type::not_group_key",
        "bare field outside an aggregate that is not a `per` key",
        "bare field outside an aggregate that is not a `per` key: an expression's types do not fit",
    ),
    (
        "duikou::type::per_key",
        "`per` key is not a field",
        "`per` key is not a field: an expression's types do not fit",
    ),
    (
        "duikou::type::property",
        "unknown actor property, or `.x` on a non-actor",
        "unknown actor property, or `.x` on a non-actor: an expression's types do not fit",
    ),
    (
        "duikou::type::call",
        "unknown function, wrong arity or argument types",
        "unknown function, wrong arity or argument types: an expression's types do not fit",
    ),
    (
        "duikou::type::join",
        "aggregate over a record type sharing no group key; nested aggregates",
        "aggregate over a record type sharing no group key; nested aggregates: an expression's types do not fit",
    ),
    (
        "duikou::type::offset",
        "`at year - N` / `上年` on something that cannot go back a period",
        "an earlier period (`at year - N`, `上年`) taken of something that is not an aggregate, or on a key that is not a `per` key and the record's year `time` field, or over a joined record type without that field",
    ),
    (
        "duikou::type::period",
        "`period(…)` on a key that is not the year `time` field, or with bad spans",
        "plan periods (`period(year, 2011..2015, …)`) on a key that is not the record's year `time` field, with a span that ends before it starts, spans that overlap or are out of order, two period keys, or in an evaluation",
    ),
    (
        "duikou::type::cumulative",
        "`cumulative` outside a rule with plan periods, or misplaced",
        "`cumulative` before something that is not an aggregate, in a rule without a `period(…)` key, together with an earlier period, or over a joined record type without the time key",
    ),
    (
        "duikou::type::rated",
        "`rated()` misused",
        "`rated()` misused: an expression's types do not fit",
    ),
    (
        "duikou::type::missing_field",
        "test data row lacks a required field",
        "test data row lacks a required field: an expression's types do not fit",
    ),
    (
        "duikou::type::placeholder",
        "`{x}` in a message that is no field, group key or `value`",
        "`{x}` in a message that is no field, group key or `value`: an expression's types do not fit",
    ),
    (
        "duikou::data::unreadable",
        "a data file or folder cannot be read (or stops part way)",
        "a data file or folder cannot be read (or stops part way): a data file or row cannot be checked",
    ),
    (
        "duikou::data::encoding",
        "a row (or JSON file) is not valid text in its encoding",
        "a row (or JSON file) is not valid text in its encoding: a data file or row cannot be checked",
    ),
    (
        "duikou::data::format",
        "unknown extension, empty file, not a JSON array, bad workbook or sheet",
        "unknown extension, empty file, not a JSON array, bad workbook or sheet: a data file or row cannot be checked",
    ),
    (
        "duikou::data::unbound",
        "a data file names no record type",
        "a data file names no record type: a data file or row cannot be checked",
    ),
    (
        "duikou::data::header_not_found",
        "no row of the sheet names the record's fields",
        "no header row found: none of the first rows names enough of the record's fields or column labels; the closest rows are listed with what they lacked",
    ),
    (
        "duikou::data::title_row",
        "a row above the header (a title or note), skipped",
        "a title or note row above the header: it is not data and is listed, not checked",
    ),
    (
        "duikou::data::total_row",
        "a 合计/小计 row, checked against the rows it totals",
        "a totals row (合计, 小计, 总计): not data; its amounts are checked against the sum of the rows it totals",
    ),
    (
        "duikou::data::total_mismatch",
        "a 合计/小计 row that does not match the rows it totals",
        "totals mismatch: a totals row's amount differs from the sum of the rows it totals; both numbers and the difference are given",
    ),
    (
        "duikou::data::first_sheet",
        "a workbook of several sheets read at its first sheet",
        "a workbook with several sheets and no `#sheet`: its first sheet was read, and the others are named",
    ),
    (
        "duikou::data::too_many_groups",
        "a group rule whose data has more groups than one check holds",
        "too many groups: the data gives a group rule more groups than the limit (`--max-groups`), so the rule is not decided rather than risk running out of memory",
    ),
    (
        "duikou::data::missing_column",
        "a required field has no column",
        "a required field has no column: a data file or row cannot be checked",
    ),
    (
        "duikou::data::unknown_column",
        "a column (or JSON key) that is no field, or a column named twice",
        "a column (or JSON key) that is no field, or a column named twice: a data file or row cannot be checked",
    ),
    (
        "duikou::data::ragged_row",
        "a CSV row with more or fewer cells than the header",
        "a CSV row with more or fewer cells than the header: a data file or row cannot be checked",
    ),
    (
        "duikou::data::bad_row",
        "a JSON line or array element that is not an object",
        "a JSON line or array element that is not an object: a data file or row cannot be checked",
    ),
    (
        "duikou::data::missing_value",
        "a required field is empty",
        "a required field is empty: a data file or row cannot be checked",
    ),
    (
        "duikou::data::bad_value",
        "a cell that is not of its field's type",
        "a cell that is not of its field's type: a data file or row cannot be checked",
    ),
    (
        "duikou::data::unknown_actor",
        "an actor name (or alias) not declared",
        "an actor name (or alias) not declared: a data file or row cannot be checked",
    ),
    (
        "duikou::data::unknown_program",
        "a programme name not declared",
        "a programme name not declared: a data file or row cannot be checked",
    ),
    (
        "duikou::data::duplicate_key",
        "a second row with the same `key`",
        "a second row with the same `key`: a data file or row cannot be checked",
    ),
    (
        "G001",
        "a function unheld on a side it needs, for some years",
        "unheld: a function has no holder on a side it needs, for some of the years its program or pair is active (SPEC §7)",
    ),
    (
        "G002",
        "several leads (多头) at the same time",
        "several leads (多头): more than one `lead` holder for the same function, scope and side at the same time",
    ),
    (
        "G003",
        "held only on political basis (policy documents, agreements, minutes, unsourced)",
        "political only: every holder's basis is a normative document, agreement, minutes or unsourced — no legal basis",
    ),
    (
        "G004",
        "holders, but no lead",
        "no lead: the function has holders, none of them `lead`",
    ),
    (
        "G005",
        "no holder of the kind the function needs (缺躯: no standing office)",
        "wrong kind of holder: no holder of the kind the function needs (缺躯: no standing office)",
    ),
    (
        "G006",
        "a holder lapses before the scope ends and no one takes over (机构跟着项目走)",
        "lapsing holder: the holder's `until` or its basis' expiry ends before the scope does (机构跟着项目走)",
    ),
    (
        "G007",
        "a holder on the wrong side (not within the supporter/recipient, or not central)",
        "holder on the wrong side: not within the supporter or recipient it serves, or not central for a central function",
    ),
    (
        "G008",
        "a duty whose document is not in force for years no one else covers",
        "basis not in force: the article's document is not yet effective or has expired for those years",
    ),
    (
        "G009",
        "an imprecise pairing: no `scope`, `goal` or `responsible`",
        "imprecise pairing: a pair without `scope`, `goal` or `responsible` (精准支援)",
    ),
    (
        "G010",
        "a duty from a document that cannot bind its holder",
        "basis outside jurisdiction: the duty's document does not bind the holder (a supporting province's rule assigning a duty to the recipient's organ); the duty counts as political basis at most",
    ),
    (
        "C001",
        "two rules that cannot both hold on the same measure",
        "contradictory requirements: overlapping rules whose conditions on the same measure cannot hold together; the resolution says which prevails or who decides",
    ),
    (
        "C002",
        "a permit against a prohibition",
        "permission against prohibition: a `permit` overlaps a `forbid` and both can hold together; records it covers are overridden when the permit prevails",
    ),
    (
        "C003",
        "a lower document's threshold weaker than a higher one's",
        "weaker than superior: a lower document sets a weaker threshold on the same measure than a higher one; both are enforced and the lower one adds nothing, unless it lawfully varies the higher one inside its region (a variation) or prevails as the special or later provision",
    ),
    (
        "C004",
        "two documents give one function and scope to different leads",
        "competing leads: documents give the same function and scope as `lead` to different actors at the same time",
    ),
    (
        "C005",
        "a reassigned pairing: another supporter, or other years, in another document",
        "reassigned pairing: the same recipient and program get a different supporter, or the same pair different years, in different documents for overlapping years",
    ),
    (
        "C006",
        "the same rule, duty or pair stated in two documents",
        "restated: the same rule, duty or pair stated identically in two documents",
    ),
];

/// The short description of `code` in the current language (the summary table of
/// docs/language.md §6).
pub fn short(code: Code) -> String {
    SHORT_MESSAGES
        .iter()
        .find(|(name, _)| *name == code.as_str())
        .map_or_else(String::new, |(_, key)| crate::i18n::text(key, &[]))
}

/// Each code with the key of its short description in the message catalogue.
#[rustfmt::skip]
static SHORT_MESSAGES: &[(&str, &str)] = &[
    ("duikou::parse::syntax", "code-parse-syntax"),
    ("duikou::parse::chinese_quote", "code-parse-chinese-quote"),
    ("duikou::parse::nesting", "code-parse-nesting"),
    ("duikou::parse::encoding", "code-parse-encoding"),
    ("duikou::parse::literal", "code-parse-literal"),
    ("duikou::parse::unterminated", "code-parse-unterminated"),
    ("duikou::io::unreadable", "code-io-unreadable"),
    ("duikou::io::no_rules", "code-io-no-rules"),
    ("duikou::name::duplicate", "code-name-duplicate"),
    ("duikou::name::unknown_actor", "code-name-unknown-actor"),
    ("duikou::name::unknown_program", "code-name-unknown-program"),
    ("duikou::name::unknown_record", "code-name-unknown-record"),
    ("duikou::name::unknown_function", "code-name-unknown-function"),
    ("duikou::name::unknown_document", "code-name-unknown-document"),
    ("duikou::name::unknown_field", "code-name-unknown-field"),
    ("duikou::name::unknown_rule", "code-name-unknown-rule"),
    ("duikou::name::unknown_evaluation", "code-name-unknown-evaluation"),
    ("duikou::name::unknown_name", "code-name-unknown-name"),
    ("duikou::name::unknown_type", "code-name-unknown-type"),
    ("duikou::name::unknown_value", "code-name-unknown-value"),
    ("duikou::decl::unknown_property", "code-decl-unknown-property"),
    ("duikou::decl::missing_property", "code-decl-missing-property"),
    ("duikou::decl::duplicate_property", "code-decl-duplicate-property"),
    ("duikou::decl::property_type", "code-decl-property-type"),
    ("duikou::decl::duplicate_field", "code-decl-duplicate-field"),
    ("duikou::decl::time_field", "code-decl-time-field"),
    ("duikou::decl::pair_recipient", "code-decl-pair-recipient"),
    ("duikou::decl::pair_supporter", "code-decl-pair-supporter"),
    ("duikou::decl::pair_years", "code-decl-pair-years"),
    ("duikou::decl::duty_pair", "code-decl-duty-pair"),
    ("duikou::decl::duty_ambiguous", "code-decl-duty-ambiguous"),
    ("duikou::decl::duty_scope", "code-decl-duty-scope"),
    ("duikou::decl::weights", "code-decl-weights"),
    ("duikou::decl::unreachable_unless", "code-decl-unreachable-unless"),
    ("duikou::decl::rule_clause", "code-decl-rule-clause"),
    ("duikou::decl::evaluation_clause", "code-decl-evaluation-clause"),
    ("duikou::decl::region_cycle", "code-decl-region-cycle"),
    ("duikou::decl::document_period", "code-decl-document-period"),
    ("duikou::decl::duplicate_article", "code-decl-duplicate-article"),
    ("duikou::decl::grade_order", "code-decl-grade-order"),
    ("duikou::decl::expect_code", "code-decl-expect-code"),
    ("duikou::decl::social_weight", "code-decl-social-weight"),
    ("duikou::decl::single_evaluator", "code-decl-single-evaluator"),
    ("duikou::decl::unattainable_target", "code-decl-unattainable-target"),
    ("duikou::decl::replaces_without_power", "code-decl-replaces-without-power"),
    ("duikou::decl::duty_years", "code-decl-duty-years"),
    ("duikou::data::too_many_groups", "code-data-too-many-groups"),
    ("duikou::decl::autonomous_issuer", "code-decl-autonomous-issuer"),
    ("duikou::decl::varies_level", "code-decl-varies-level"),
    ("duikou::type::mismatch", "code-type-mismatch"),
    ("duikou::type::not_bool", "code-type-not-bool"),
    ("duikou::type::aggregate_in_record_rule", "code-type-aggregate-in-record-rule"),
    ("duikou::type::not_group_key", "code-type-not-group-key"),
    ("duikou::type::per_key", "code-type-per-key"),
    ("duikou::type::property", "code-type-property"),
    ("duikou::type::call", "code-type-call"),
    ("duikou::type::join", "code-type-join"),
    ("duikou::type::offset", "code-type-offset"),
    ("duikou::type::period", "code-type-period"),
    ("duikou::type::cumulative", "code-type-cumulative"),
    ("duikou::type::rated", "code-type-rated"),
    ("duikou::type::missing_field", "code-type-missing-field"),
    ("duikou::type::placeholder", "code-type-placeholder"),
    ("duikou::data::unreadable", "code-data-unreadable"),
    ("duikou::data::encoding", "code-data-encoding"),
    ("duikou::data::format", "code-data-format"),
    ("duikou::data::unbound", "code-data-unbound"),
    ("duikou::data::header_not_found", "code-data-header-not-found"),
    ("duikou::data::title_row", "code-data-title-row"),
    ("duikou::data::total_row", "code-data-total-row"),
    ("duikou::data::total_mismatch", "code-data-total-mismatch"),
    ("duikou::data::first_sheet", "code-data-first-sheet"),
    ("duikou::data::missing_column", "code-data-missing-column"),
    ("duikou::data::unknown_column", "code-data-unknown-column"),
    ("duikou::data::ragged_row", "code-data-ragged-row"),
    ("duikou::data::bad_row", "code-data-bad-row"),
    ("duikou::data::missing_value", "code-data-missing-value"),
    ("duikou::data::bad_value", "code-data-bad-value"),
    ("duikou::data::unknown_actor", "code-data-unknown-actor"),
    ("duikou::data::unknown_program", "code-data-unknown-program"),
    ("duikou::data::duplicate_key", "code-data-duplicate-key"),
    ("G001", "code-G001"),
    ("G002", "code-G002"),
    ("G003", "code-G003"),
    ("G004", "code-G004"),
    ("G005", "code-G005"),
    ("G006", "code-G006"),
    ("G007", "code-G007"),
    ("G008", "code-G008"),
    ("G009", "code-G009"),
    ("G010", "code-G010"),
    ("C001", "code-C001"),
    ("C002", "code-C002"),
    ("C003", "code-C003"),
    ("C004", "code-C004"),
    ("C005", "code-C005"),
    ("C006", "code-C006"),
];

/// The full description of `code`: in English the sentence of the table above, in Chinese the
/// short description and what kind of problem it is.
pub fn full(code: Code) -> String {
    match crate::i18n::current() {
        crate::Lang::En => entry(code).map_or("", |e| e.2).to_string(),
        crate::Lang::Zh => crate::tr!("code-full", short = short(code), category = category(code)),
    }
}

fn category(code: Code) -> String {
    match anchor(code) {
        "61-parse" => crate::tr!("code-category-parse"),
        "62-io" => crate::tr!("code-category-io"),
        "63-names" => crate::tr!("code-category-names"),
        "64-declarations" => crate::tr!("code-category-declarations"),
        "65-types" => crate::tr!("code-category-types"),
        "66-data" => crate::tr!("code-category-data"),
        "67-gaps" => crate::tr!("code-category-gaps"),
        _ => crate::tr!("code-category-conflicts"),
    }
}

fn entry(code: Code) -> Option<&'static (&'static str, &'static str, &'static str)> {
    DESCRIPTIONS.iter().find(|e| e.0 == code.as_str())
}

/// The heading of docs/language.md that describes `code`, as a GitHub-style anchor.
pub fn anchor(code: Code) -> &'static str {
    let s = code.as_str();
    match s.split("::").nth(1) {
        Some("parse") => "61-parse",
        Some("io") => "62-io",
        Some("name") => "63-names",
        Some("decl") => "64-declarations",
        Some("type") => "65-types",
        Some("data") => "66-data",
        _ if s.starts_with('G') => "67-gaps",
        _ => "68-conflicts",
    }
}

/// The help URI of `code`: its section of the language reference.
pub fn help_uri(code: Code) -> String {
    format!("{DOCS_URL}#{}", anchor(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_described() {
        for code in Code::ALL {
            assert!(!short(*code).is_empty(), "{}", code.as_str());
            assert!(full(*code).len() > short(*code).len(), "{}", code.as_str());
        }
    }

    #[test]
    fn every_short_description_is_in_the_catalogue_in_both_languages() {
        for (code, key) in SHORT_MESSAGES {
            for lang in crate::Lang::ALL {
                let text = crate::i18n::text_in(lang, key, &[]);
                assert_ne!(text, *key, "{code}: `{key}` is missing in {lang:?}");
            }
        }
    }

    #[test]
    fn anchors_name_headings_of_the_reference() {
        let doc = include_str!("../../docs/language.md");
        for code in Code::ALL {
            let heading = match anchor(*code) {
                "61-parse" => "### 6.1 Parse",
                "62-io" => "### 6.2 I/O",
                "63-names" => "### 6.3 Names",
                "64-declarations" => "### 6.4 Declarations",
                "65-types" => "### 6.5 Types",
                "66-data" => "### 6.6 Data",
                "67-gaps" => "### 6.7 Gaps",
                _ => "### 6.8 Conflicts",
            };
            assert!(doc.contains(heading), "{heading}");
        }
    }
}
