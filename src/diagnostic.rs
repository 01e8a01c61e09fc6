//! Diagnostics: every problem found in rule files, with a stable code, spans and help.
//!
//! One struct serves every stage; the stage shows in the code's namespace
//! (`duikou::parse::…`, `duikou::name::…`, `duikou::decl::…`, `duikou::type::…`).
//! A single data-driven type keeps rendering (human, JSON, SARIF, golden text) in one place,
//! where one enum per stage would repeat the same fields forty times.

use crate::source::Span;
use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information; never fails a run.
    Info,
    /// Worth a look; fails a run only when warnings are denied.
    Warning,
    /// Must be fixed: rules with errors cannot be applied to data.
    Error,
}

impl Severity {
    /// The severity as printed: `info`, `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $text:literal, $severity:ident;)*) => {
        /// A stable diagnostic code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $(#[doc = concat!("`", $text, "`")] $variant,)* }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as printed: `duikou::stage::name`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text,)* }
            }

            /// The severity a finding with this code has.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }
        }
    };
}

codes! {
    ParseSyntax = "duikou::parse::syntax", Error;
    ParseChineseQuote = "duikou::parse::chinese_quote", Error;
    ParseNesting = "duikou::parse::nesting", Error;
    ParseEncoding = "duikou::parse::encoding", Error;
    ParseLiteral = "duikou::parse::literal", Error;
    ParseUnterminated = "duikou::parse::unterminated", Error;
    IoUnreadable = "duikou::io::unreadable", Error;
    IoNoRules = "duikou::io::no_rules", Error;
    NameDuplicate = "duikou::name::duplicate", Error;
    NameUnknownActor = "duikou::name::unknown_actor", Error;
    NameUnknownProgram = "duikou::name::unknown_program", Error;
    NameUnknownRecord = "duikou::name::unknown_record", Error;
    NameUnknownFunction = "duikou::name::unknown_function", Error;
    NameUnknownDocument = "duikou::name::unknown_document", Error;
    NameUnknownField = "duikou::name::unknown_field", Error;
    NameUnknownRule = "duikou::name::unknown_rule", Error;
    NameUnknownEvaluation = "duikou::name::unknown_evaluation", Error;
    NameUnknownName = "duikou::name::unknown_name", Error;
    NameUnknownType = "duikou::name::unknown_type", Error;
    NameUnknownValue = "duikou::name::unknown_value", Error;
    DeclUnknownProperty = "duikou::decl::unknown_property", Error;
    DeclMissingProperty = "duikou::decl::missing_property", Error;
    DeclDuplicateProperty = "duikou::decl::duplicate_property", Error;
    DeclPropertyType = "duikou::decl::property_type", Error;
    DeclDuplicateField = "duikou::decl::duplicate_field", Error;
    DeclTimeField = "duikou::decl::time_field", Error;
    DeclPairRecipient = "duikou::decl::pair_recipient", Error;
    DeclPairSupporter = "duikou::decl::pair_supporter", Error;
    DeclPairYears = "duikou::decl::pair_years", Error;
    DeclDutyPair = "duikou::decl::duty_pair", Error;
    DeclDutyAmbiguous = "duikou::decl::duty_ambiguous", Error;
    DeclDutyScope = "duikou::decl::duty_scope", Error;
    DeclDutyYears = "duikou::decl::duty_years", Error;
    DeclWeights = "duikou::decl::weights", Error;
    DeclUnreachableUnless = "duikou::decl::unreachable_unless", Error;
    DeclRuleClause = "duikou::decl::rule_clause", Error;
    DeclEvaluationClause = "duikou::decl::evaluation_clause", Error;
    DeclRegionCycle = "duikou::decl::region_cycle", Error;
    DeclDocumentPeriod = "duikou::decl::document_period", Error;
    DeclReplacesWithoutPower = "duikou::decl::replaces_without_power", Warning;
    DeclAutonomousIssuer = "duikou::decl::autonomous_issuer", Error;
    DeclVariesLevel = "duikou::decl::varies_level", Error;
    DeclDuplicateArticle = "duikou::decl::duplicate_article", Error;
    DeclGradeOrder = "duikou::decl::grade_order", Warning;
    DeclExpectCode = "duikou::decl::expect_code", Error;
    DeclSocialWeight = "duikou::decl::social_weight", Warning;
    DeclSingleEvaluator = "duikou::decl::single_evaluator", Warning;
    DeclUnattainable = "duikou::decl::unattainable_target", Warning;
    TypeMismatch = "duikou::type::mismatch", Error;
    TypeNotBool = "duikou::type::not_bool", Error;
    TypeAggregateInRecordRule = "duikou::type::aggregate_in_record_rule", Error;
    TypeNotGroupKey = "duikou::type::not_group_key", Error;
    TypePerKey = "duikou::type::per_key", Error;
    TypeProperty = "duikou::type::property", Error;
    TypeCall = "duikou::type::call", Error;
    TypeJoin = "duikou::type::join", Error;
    TypeOffset = "duikou::type::offset", Error;
    TypePeriod = "duikou::type::period", Error;
    TypeCumulative = "duikou::type::cumulative", Error;
    TypeRated = "duikou::type::rated", Error;
    TypeMissingField = "duikou::type::missing_field", Error;
    TypePlaceholder = "duikou::type::placeholder", Error;
    DataUnreadable = "duikou::data::unreadable", Error;
    DataEncoding = "duikou::data::encoding", Error;
    DataFormat = "duikou::data::format", Error;
    DataUnbound = "duikou::data::unbound", Error;
    DataMissingColumn = "duikou::data::missing_column", Error;
    DataUnknownColumn = "duikou::data::unknown_column", Warning;
    DataRaggedRow = "duikou::data::ragged_row", Error;
    DataBadRow = "duikou::data::bad_row", Error;
    DataMissingValue = "duikou::data::missing_value", Error;
    DataBadValue = "duikou::data::bad_value", Error;
    DataUnknownActor = "duikou::data::unknown_actor", Error;
    DataUnknownProgram = "duikou::data::unknown_program", Error;
    DataDuplicateKey = "duikou::data::duplicate_key", Error;
    DataHeaderNotFound = "duikou::data::header_not_found", Error;
    DataTitleRow = "duikou::data::title_row", Info;
    DataTotalRow = "duikou::data::total_row", Info;
    DataTotalMismatch = "duikou::data::total_mismatch", Error;
    DataFirstSheet = "duikou::data::first_sheet", Info;
    DataTooManyGroups = "duikou::data::too_many_groups", Error;
    GapUnheld = "G001", Error;
    GapSeveralLeads = "G002", Error;
    GapPoliticalOnly = "G003", Warning;
    GapNoLead = "G004", Warning;
    GapHolderKind = "G005", Warning;
    GapLapsing = "G006", Warning;
    GapWrongSide = "G007", Error;
    GapBasisNotInForce = "G008", Error;
    GapImprecisePair = "G009", Info;
    GapOutsideJurisdiction = "G010", Warning;
    ConflictContradiction = "C001", Error;
    ConflictPermit = "C002", Warning;
    ConflictWeaker = "C003", Warning;
    ConflictLeads = "C004", Error;
    ConflictPairing = "C005", Error;
    ConflictRestated = "C006", Info;
}

impl Code {
    /// What a finding with this code is: `gap`, `conflict` or `diagnostic` (JSON `kind`).
    pub fn kind(self) -> &'static str {
        let s = self.as_str();
        if s.starts_with('G') {
            "gap"
        } else if s.starts_with('C') {
            "conflict"
        } else {
            "diagnostic"
        }
    }
}

/// A secondary location: "first declared here", "the program's years".
#[derive(Debug, Clone)]
pub struct Related {
    /// The place.
    pub span: Span,
    /// What the place is.
    pub message: String,
}

/// A problem found in the rule files.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// The stable code.
    pub code: Code,
    /// How serious it is.
    pub severity: Severity,
    /// One lowercase sentence without a final period; user text in backticks.
    pub message: String,
    /// The exact place; `None` only for problems with no place (an unreadable path).
    pub span: Option<Span>,
    /// The label on the span.
    pub label: String,
    /// A hint on how to fix it.
    pub help: Option<String>,
    /// Other places involved.
    pub related: Vec<Related>,
    /// For problems without a span: the path concerned.
    pub path: Option<String>,
    /// Gaps: the years concerned.
    pub years: Option<crate::years::Years>,
    /// Conflicts: which provision prevails, and why.
    pub resolution: Option<Resolution>,
    /// Conflicts: a ready-to-paste `test` block showing the clash.
    pub witness: Option<String>,
    /// Conflicts: the provisions involved, by id (what `expect conflict CODE [..]` names).
    pub(crate) involves: Vec<Involved>,
}

/// A provision a conflict involves: one of its rules, or an actor of one of its duties or
/// pairs (a duty's holder, a pair's supporter and recipient).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Involved {
    /// A rule of the compiled plan.
    Rule(crate::ids::RuleId),
    /// A declared actor.
    Actor(crate::ids::ActorId),
}

impl Diagnostic {
    /// A diagnostic at `span` with the code's default severity.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            span: Some(span),
            label: String::new(),
            help: None,
            related: Vec::new(),
            path: None,
            years: None,
            resolution: None,
            witness: None,
            involves: Vec::new(),
        }
    }

    /// A diagnostic about a path as a whole.
    pub fn at_path(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            span: None,
            label: String::new(),
            help: None,
            related: Vec::new(),
            path: Some(path.into()),
            years: None,
            resolution: None,
            witness: None,
            involves: Vec::new(),
        }
    }

    pub(crate) fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub(crate) fn maybe_help(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    pub(crate) fn years(mut self, years: crate::years::Years) -> Self {
        self.years = Some(years);
        self
    }

    /// Names the provisions a conflict involves; each is kept once, in the order given.
    pub(crate) fn involving(mut self, provisions: impl IntoIterator<Item = Involved>) -> Self {
        self.involve(provisions);
        self
    }

    /// Adds to the provisions a conflict involves; each is kept once, in the order given.
    pub(crate) fn involve(&mut self, provisions: impl IntoIterator<Item = Involved>) {
        for p in provisions {
            if !self.involves.contains(&p) {
                self.involves.push(p);
            }
        }
    }

    pub(crate) fn related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }
}

/// How a conflict is resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolution {
    /// `superior`, `variation`, `special`, `posterior` or `unresolved`.
    pub kind: &'static str,
    /// The prevailing provision: `援疆条例 art 12`.
    pub prevails: Option<String>,
    /// Who has to decide, when unresolved.
    pub refer_to: Option<String>,
    /// The principle and its article, in one sentence.
    pub principle: String,
    /// For a variation: the territory inside which it prevails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Which side prevails: 0 (the first provision) or 1.
    #[serde(skip)]
    pub winner: Option<usize>,
}
