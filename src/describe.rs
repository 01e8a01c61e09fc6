//! What an embedder can learn about a rule set without reading its internals: the record types
//! and their fields, the rules and evaluations with their group keys, where each is declared,
//! and diagnostics and scores in the JSON forms the command line prints.

use crate::apply::Scores;
use crate::ast::Type;
use crate::engine::compile::RulePlan;
use crate::source::{Location, Span, location};
use crate::{Diagnostic, RuleSet};
use serde::Serialize;

/// The type of a field or group key, as a program reading values sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueType {
    /// `true` or `false`.
    Bool,
    /// A whole number.
    Int,
    /// An exact decimal.
    Decimal,
    /// A percent (`12.5%`).
    Percent,
    /// An amount of money.
    Money,
    /// Text, and any value without a type of its own.
    Text,
    /// A day.
    Date,
    /// A year.
    Year,
    /// A declared actor.
    Actor,
    /// A declared support program.
    Program,
    /// An actor kind (`government`).
    Kind,
    /// An administrative level (`province`).
    Level,
    /// A group key grouped into plan periods: text such as `2011–2015`.
    Period,
}

impl ValueType {
    /// The type as written in JSON: `bool`, `int`, `decimal`, `percent`, `money`, `text`,
    /// `date`, `year`, `actor`, `program`, `kind`, `level` or `period`.
    pub fn as_str(self) -> &'static str {
        match self {
            ValueType::Bool => "bool",
            ValueType::Int => "int",
            ValueType::Decimal => "decimal",
            ValueType::Percent => "percent",
            ValueType::Money => "money",
            ValueType::Text => "text",
            ValueType::Date => "date",
            ValueType::Year => "year",
            ValueType::Actor => "actor",
            ValueType::Program => "program",
            ValueType::Kind => "kind",
            ValueType::Level => "level",
            ValueType::Period => "period",
        }
    }

    fn of(ty: Type) -> ValueType {
        match ty {
            Type::Bool => ValueType::Bool,
            Type::Int => ValueType::Int,
            Type::Decimal => ValueType::Decimal,
            Type::Percent => ValueType::Percent,
            Type::Money(_) => ValueType::Money,
            Type::Text | Type::List | Type::Unknown => ValueType::Text,
            Type::Date => ValueType::Date,
            Type::Year => ValueType::Year,
            Type::Actor => ValueType::Actor,
            Type::Program => ValueType::Program,
            Type::ActorKind => ValueType::Kind,
            Type::Level => ValueType::Level,
        }
    }
}

/// A named value with its type: a field of a record type, or a group key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldInfo {
    /// The field's name.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub ty: ValueType,
    /// Whether a row may leave it empty.
    pub optional: bool,
    /// Whether it is the record type's key.
    pub key: bool,
}

/// A record type.
#[derive(Debug, Clone, Serialize)]
pub struct RecordInfo {
    /// The record type's name.
    pub name: String,
    /// Its fields, in declaration order.
    pub fields: Vec<FieldInfo>,
    /// Where its name is declared.
    pub location: Location,
}

/// A rule.
#[derive(Debug, Clone, Serialize)]
pub struct RuleInfo {
    /// The rule's name.
    pub name: String,
    /// Whether it grants a permission (`permit`) rather than imposing an obligation: such a rule
    /// is never violated.
    pub permits: bool,
    /// Whether it judges groups (`per`) rather than single records.
    pub group: bool,
    /// A group rule's keys with their types (a key grouped into plan periods is a `period`);
    /// empty for a record rule, or when the rule set has errors.
    pub keys: Vec<FieldInfo>,
    /// Where its name is declared.
    pub location: Location,
}

/// An evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct EvaluationInfo {
    /// The evaluation's name.
    pub name: String,
    /// Its indicators, in declaration order; empty when the rule set has errors.
    pub indicators: Vec<String>,
    /// The keys of the groups it scores, with their types; empty when the rule set has errors.
    pub keys: Vec<FieldInfo>,
    /// Where its name is declared.
    pub location: Location,
}

/// The keys of a group rule with their types; a key grouped into plan periods holds a period.
fn keys_of(rule: &RulePlan) -> Vec<FieldInfo> {
    let period_key = rule
        .periods
        .as_ref()
        .filter(|p| !p.to_date)
        .map(|p| p.key as usize);
    rule.keys
        .iter()
        .enumerate()
        .map(|(i, k)| FieldInfo {
            name: k.name.clone(),
            ty: if period_key == Some(i) {
                ValueType::Period
            } else {
                ValueType::of(k.shape)
            },
            optional: false,
            key: true,
        })
        .collect()
}

/// How diagnostics are written as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagnosticForm {
    /// One line each, `file:line:column: severity[code]: message`, as `duikou check --format
    /// short` prints them.
    Short,
    /// With source snippets, labels and help, as `duikou check` prints them; coloured for a
    /// terminal when `color` is set.
    Human {
        /// Whether to colour the text for a terminal.
        color: bool,
    },
}

impl RuleSet {
    /// `diagnostics` (of this rule set) as text in `form`.
    pub fn render_diagnostics(&self, diagnostics: &[Diagnostic], form: DiagnosticForm) -> String {
        match form {
            DiagnosticForm::Short => crate::report::short::render(diagnostics, self.sources()),
            DiagnosticForm::Human { color } => {
                crate::report::human::render(diagnostics, self.sources(), color)
            }
        }
    }

    /// The record types and their fields, in declaration order.
    pub fn records(&self) -> Vec<RecordInfo> {
        self.symbols()
            .records
            .values()
            .map(|r| RecordInfo {
                name: r.name.text.clone(),
                fields: r
                    .fields
                    .iter()
                    .map(|f| FieldInfo {
                        name: f.name.text.clone(),
                        ty: ValueType::of(f.ty),
                        optional: f.optional,
                        key: f.key,
                    })
                    .collect(),
                location: self.location(r.name.span),
            })
            .collect()
    }

    /// The rules as declared, in declaration order.
    pub fn rules(&self) -> Vec<RuleInfo> {
        let plan = self.plan();
        // Each rule's compiled form, found by name once rather than by a search per rule.
        let mut compiled_rules: rustc_hash::FxHashMap<&str, &RulePlan> = Default::default();
        for x in plan.iter().flat_map(|p| &p.rules).filter(|x| !x.hidden) {
            compiled_rules.entry(x.name.as_str()).or_insert(x);
        }
        self.symbols()
            .rules
            .iter()
            .map(|(name, r)| {
                let compiled = compiled_rules.get(name.as_str()).copied();
                RuleInfo {
                    name: name.clone(),
                    permits: r.item.kind == crate::ast::RuleKind::Permit,
                    group: compiled.is_some_and(RulePlan::is_group),
                    keys: compiled
                        .filter(|x| x.is_group())
                        .map(keys_of)
                        .unwrap_or_default(),
                    location: self.location(r.item.name.span),
                }
            })
            .collect()
    }

    /// The evaluations as declared, in declaration order.
    pub fn evaluations(&self) -> Vec<EvaluationInfo> {
        let plan = self.plan();
        self.symbols()
            .evaluations
            .iter()
            .map(|(name, e)| {
                let compiled = plan.and_then(|p| {
                    let e = p.evaluations.iter().find(|x| x.name == *name)?;
                    Some((p, e))
                });
                EvaluationInfo {
                    name: name.clone(),
                    indicators: compiled.map_or_else(Vec::new, |(_, e)| {
                        e.indicators.iter().map(|i| i.name.clone()).collect()
                    }),
                    keys: compiled
                        .and_then(|(p, e)| e.indicators.first().map(|i| keys_of(p.rule(i.rule))))
                        .unwrap_or_default(),
                    location: self.location(e.item.name.span),
                }
            })
            .collect()
    }

    /// The file, line and column where `span` (of a [`Diagnostic`]) starts.
    pub fn location(&self, span: Span) -> Location {
        location(self.sources(), span)
    }

    /// Diagnostics as the findings of `duikou check --format json`: a JSON array.
    pub fn diagnostics_json(&self, diagnostics: &[Diagnostic]) -> serde_json::Value {
        let list: Vec<_> = diagnostics
            .iter()
            .map(|d| crate::report::json::finding(d, self.sources()))
            .collect();
        serde_json::to_value(list).expect("diagnostics serialise")
    }

    /// Scores as `duikou score --format json` reports them (`evaluation`, `indicators`, `rows`,
    /// a `summary` of groups scored and undetermined, the `receipt` of the rules), with the
    /// `rejected` rows beside. `None` when the scores are of no evaluation of this rule set.
    pub fn scores_json(&self, scores: &Scores) -> Option<serde_json::Value> {
        let plan = self.plan()?;
        let e = plan
            .evaluations
            .iter()
            .find(|e| e.name == scores.evaluation)?;
        let scored = scores.rows.iter().filter(|r| r.score.is_some()).count();
        let summary = serde_json::json!({
            "groups": scores.rows.len(),
            "scored": scored,
            "undetermined": scores.rows.len() - scored,
        });
        let receipt = serde_json::to_value(crate::report::json::receipt(self.sources()))
            .expect("a receipt serialises");
        let text = crate::report::score::json(e, &scores.rows, summary, receipt);
        let mut value: serde_json::Value =
            serde_json::from_str(&text).expect("the score report is JSON");
        value["rejected"] = serde_json::to_value(&scores.rejected).expect("rows serialise");
        Some(value)
    }
}
