//! Checks on rules and evaluations: the record and `per` keys exist, and every expression
//! has the type its clause needs.

use crate::ast::Type;
use crate::ast::{Name, Over, Record};
use crate::diagnostic::{Code, Diagnostic};
use crate::resolve::lookup;
use crate::suggest::did_you_mean;
use crate::symbols::{DeclKind, Symbols};
use crate::types::{Scope, constant_bool};

/// The record of `over`, if declared; `per` keys checked against it.
fn record_and_keys<'a>(
    s: &'a Symbols,
    over: Option<&Over>,
    per: &[Name],
    diags: &mut Vec<Diagnostic>,
) -> Option<&'a Record> {
    let over = over?;
    if !lookup(s, &over.record, DeclKind::Record, diags) {
        return None;
    }
    let rec = &s.records[&over.record.text];
    for k in per {
        if !rec.fields.iter().any(|f| f.name.text == k.text) {
            let help = crate::suggest::field_help(&k.text, rec);
            diags.push(
                Diagnostic::new(
                    Code::TypePerKey,
                    k.span,
                    format!(
                        "`per` key `{}` is not a field of `{}`",
                        k.text, rec.name.text
                    ),
                )
                .label("not a field")
                .help(help),
            );
        }
    }
    Some(rec)
}

/// Checks a `where` filter: a record-level condition.
fn check_filter(s: &Symbols, rec: &Record, over: &Over, diags: &mut Vec<Diagnostic>) {
    if let Some(w) = &over.filter {
        Scope::new(s, Some(rec), None).check_bool(w, diags);
    }
}

pub fn check_rules(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    for rule in s.rules.values().map(|r| &r.item) {
        let Some(rec) = record_and_keys(s, rule.over.as_ref(), &rule.per, diags) else {
            continue;
        };
        check_filter(
            s,
            rec,
            rule.over.as_ref().expect("record implies over"),
            diags,
        );
        let keys = (!rule.per.is_empty()).then_some(rule.per.as_slice());
        if let Some(c) = &rule.condition {
            Scope::new(s, Some(rec), keys).check_bool(c, diags);
        }
        if let Some(u) = &rule.unless {
            Scope::new(s, Some(rec), keys).check_bool(u, diags);
            if constant_bool(u) == Some(true) {
                diags.push(
                    Diagnostic::new(
                        Code::DeclUnreachableUnless,
                        u.span,
                        format!("the `unless` of rule `{}` is always true", rule.name.text),
                    )
                    .label("always true")
                    .help(
                        "the rule can never apply; remove the `unless` or give it a real condition",
                    ),
                );
            }
        }
        if let Some((message, span)) = &rule.message {
            check_placeholders(message, *span, rec, keys, diags);
        }
    }
}

/// `{name}` in a message must be `value`, a group key, or (record-level) a field.
fn check_placeholders(
    message: &str,
    span: crate::source::Span,
    rec: &Record,
    keys: Option<&[Name]>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        rest = &after[close + 1..];
        let known = name == "value"
            || match keys {
                Some(keys) => keys.iter().any(|k| k.text == name),
                None => rec.fields.iter().any(|f| f.name.text == name),
            };
        if !known && keys.is_some() && rec.fields.iter().any(|f| f.name.text == name) {
            diags.push(
                Diagnostic::new(
                    Code::TypePlaceholder,
                    span,
                    format!("`{{{name}}}` is not a group key, so it has no single value per group"),
                )
                .label("varies within a group")
                .help(format!(
                    "add `{name}` to `per`, or use `{{value}}` and the group keys"
                )),
            );
        } else if !known {
            let candidates: Vec<&str> = match keys {
                Some(keys) => keys.iter().map(|k| k.text.as_str()).collect(),
                None => rec.fields.iter().map(|f| f.name.text.as_str()).collect(),
            };
            let help = did_you_mean(name, candidates.iter().copied().chain(["value"]))
                .unwrap_or_else(|| {
                    format!(
                        "placeholders are `{{value}}` and {}",
                        candidates
                            .iter()
                            .map(|c| format!("`{{{c}}}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                });
            diags.push(
                Diagnostic::new(
                    Code::TypePlaceholder,
                    span,
                    format!("`{{{name}}}` in the message names no group key or field"),
                )
                .label("unknown placeholder")
                .help(help),
            );
        }
    }
}

pub fn check_evaluations(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    for ev in s.evaluations.values().map(|e| &e.item) {
        let Some(rec) = record_and_keys(s, ev.over.as_ref(), &ev.per, diags) else {
            continue;
        };
        check_filter(
            s,
            rec,
            ev.over.as_ref().expect("record implies over"),
            diags,
        );
        let keys = Some(ev.per.as_slice());
        let mut used_rated = None;
        for ind in &ev.indicators {
            let mut scope = Scope::new(s, Some(rec), keys);
            scope.allow_rated = true;
            let value_ty = ind.value.as_ref().map(|v| scope.ty(v, diags));
            if scope.used_rated.is_some() {
                used_rated = scope.used_rated;
            }
            if let (Some(t), Some(v)) = (value_ty, &ind.value)
                && !matches!(t, Type::NUMBER | Type::MONEY | Type::Unknown)
            {
                diags.push(
                    Diagnostic::new(
                        Code::TypeMismatch,
                        v.span,
                        format!(
                            "an indicator's value must be a number or amount, found {}",
                            t.describe()
                        ),
                    )
                    .label("not measurable")
                    .help("measure it, e.g. `sum(spent) / sum(planned)`"),
                );
            }
            if let Some((_, target)) = &ind.target {
                let tt = Scope::new(s, None, None).ty(target, diags);
                if let Some(vt) = value_ty
                    && vt != Type::Unknown
                    && tt != Type::Unknown
                    && vt != tt
                {
                    diags.push(
                        Diagnostic::new(Code::TypeMismatch, target.span, format!("the target is {} but the value is {}", tt.describe(), vt.describe()))
                            .label("does not match the value")
                            .help("give the target in the value's terms: a percent or number for shares, an amount with a unit for money"),
                    );
                }
            }
        }
        if let Some(span) = used_rated
            && ev.evaluators.is_empty()
        {
            diags.push(
                Diagnostic::new(
                    Code::TypeRated,
                    span,
                    format!(
                        "evaluation `{}` uses `rated(…)` but declares no evaluators",
                        ev.name.text
                    ),
                )
                .label("whose ratings?")
                .help("add `evaluators { 支援方: 30%, 受援方: 30%, 第三方: 40% }`"),
            );
        }
    }
}
