//! Checks on test blocks: data rows fit their record, expectations name real rules,
//! evaluations and finding codes.

use crate::ast::{Binding, Expect, ExprKind, Literal, Record, Type};
use crate::diagnostic::{Code, Diagnostic};
use crate::resolve::lookup;
use crate::symbols::{DeclKind, Symbols};
use crate::types::Scope;

pub fn check(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    for test in &s.tests {
        for data in &test.data {
            if !lookup(s, &data.record, DeclKind::Record, diags) {
                continue;
            }
            let rec = &s.records[&data.record.text];
            for (row, span) in &data.rows {
                check_row(s, rec, row, *span, diags);
            }
        }
        for e in &test.expects {
            match e {
                Expect::Violation { rule, group, .. } => {
                    if lookup(s, rule, DeclKind::Rule, diags)
                        && let Some(over) = &s.rules[&rule.text].item.over
                        && let Some(rec) = s.records.get(&over.record.text)
                    {
                        check_selector(s, rec, group, diags);
                    }
                }
                Expect::Score {
                    evaluation,
                    group,
                    value,
                    ..
                } => {
                    if lookup(s, evaluation, DeclKind::Evaluation, diags)
                        && let Some(over) = &s.evaluations[&evaluation.text].item.over
                        && let Some(rec) = s.records.get(&over.record.text)
                    {
                        check_selector(s, rec, group, diags);
                    }
                    let t = Scope::new(s, None, None).ty(value, diags);
                    if !matches!(t, Type::NUMBER | Type::Unknown) {
                        diags.push(
                            Diagnostic::new(
                                Code::TypeMismatch,
                                value.span,
                                crate::tr!("decl-score-number-from"),
                            )
                            .label(crate::tr!("decl-not-number"))
                            .help(crate::tr!("decl-write-e-g")),
                        );
                    }
                }
                Expect::Gap { code, .. } => check_code(code, 'G', 10, "gap", diags),
                Expect::Conflict { code, .. } => check_code(code, 'C', 6, "conflict", diags),
            }
        }
    }
}

fn check_code(
    code: &crate::ast::Name,
    letter: char,
    max: u32,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let valid = code
        .text
        .strip_prefix(letter)
        .filter(|n| n.len() == 3)
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| (1..=max).contains(&n));
    if !valid {
        diags.push(
            Diagnostic::new(
                Code::DeclExpectCode,
                code.span,
                crate::tr!("decl-code-not-what-code", code = code.text, what = what),
            )
            .label(crate::tr!("decl-not-what-code", what = what))
            .help(crate::tr!(
                "decl-what-codes-are-letter-letter",
                what = what,
                letter = letter,
                max = format!("{:03}", max)
            )),
        );
    }
}

/// `{ field: value, … }` selecting a group or record: every key is a field, every value fits.
fn check_selector(s: &Symbols, rec: &Record, group: &[Binding], diags: &mut Vec<Diagnostic>) {
    for b in group {
        match rec.fields.iter().find(|f| f.name.text == b.key.text) {
            Some(f) => check_value(s, f.ty, b, diags),
            None => unknown_field(rec, b, diags),
        }
    }
}

fn unknown_field(rec: &Record, b: &Binding, diags: &mut Vec<Diagnostic>) {
    let help = crate::suggest::field_help(&b.key.text, rec);
    diags.push(
        Diagnostic::new(
            Code::NameUnknownField,
            b.key.span,
            crate::tr!(
                "decl-record-rec-has-no-field",
                rec = rec.name.text,
                key = b.key.text
            ),
        )
        .label(crate::tr!("decl-no-such-field"))
        .help(help),
    );
}

fn check_row(
    s: &Symbols,
    rec: &Record,
    row: &[Binding],
    span: crate::source::Span,
    diags: &mut Vec<Diagnostic>,
) {
    check_selector(s, rec, row, diags);
    let missing: Vec<&str> = rec
        .fields
        .iter()
        .filter(|f| !f.optional && !row.iter().any(|b| b.key.text == f.name.text))
        .map(|f| f.name.text.as_str())
        .collect();
    if !missing.is_empty() {
        diags.push(
            Diagnostic::new(
                Code::TypeMissingField,
                span,
                crate::tr!(
                    "decl-this-rec-row-lacks-missing",
                    rec = rec.name.text,
                    missing = missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .label(crate::tr!("decl-incomplete-row"))
            .help(crate::tr!("decl-give-every-field-that-not")),
        );
    }
}

/// A data value in a test must be a literal (or an actor/program name) of the field's type.
fn check_value(s: &Symbols, ty: Type, b: &Binding, diags: &mut Vec<Diagnostic>) {
    let v = &b.value;
    let ok = match (&v.kind, ty) {
        (ExprKind::Literal(Literal::Bool(_)), Type::Bool) => true,
        (ExprKind::Literal(Literal::Number(n)), Type::Int | Type::Year) => n.fract().is_zero(),
        // Money needs its unit: `60` could be 元 or 万元.
        (ExprKind::Literal(Literal::Number(_)), Type::Decimal | Type::Percent) => true,
        (ExprKind::Literal(Literal::Percent(_)), Type::Percent | Type::Decimal) => true,
        (ExprKind::Literal(Literal::Money(_)), Type::Money(_)) => true,
        (ExprKind::Literal(Literal::Text(_)), Type::Text) => true,
        (_, Type::Unknown) => true,
        (ExprKind::Literal(Literal::Date(_)), Type::Date) => true,
        (ExprKind::Name(n), Type::Actor) => {
            lookup(s, n, DeclKind::Actor, diags);
            return;
        }
        (ExprKind::Name(n), Type::Program) => {
            lookup(s, n, DeclKind::Program, diags);
            return;
        }
        _ => false,
    };
    if !ok {
        let expected = match ty {
            Type::Bool => crate::tr!("decl-true-false"),
            Type::Int => crate::tr!("decl-whole-number"),
            Type::Year => crate::tr!("decl-year-like"),
            Type::Decimal => crate::tr!("words-a-number"),
            Type::Percent => crate::tr!("decl-percent-like"),
            Type::Money(_) => crate::tr!("decl-amount-like"),
            Type::Text | Type::Unknown | Type::ActorKind | Type::Level | Type::List => {
                crate::tr!("decl-string")
            }
            Type::Date => crate::tr!("decl-date-like"),
            Type::Actor => crate::tr!("decl-actor-s-name"),
            Type::Program => crate::tr!("decl-program-s-name"),
        };
        diags.push(
            Diagnostic::new(
                Code::TypeMismatch,
                v.span,
                crate::tr!(
                    "decl-field-key-needs-expected",
                    key = b.key.text,
                    expected = expected
                ),
            )
            .label(crate::tr!("decl-expected-expected", expected = expected)),
        );
    }
}
