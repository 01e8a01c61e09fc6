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
                    crate::tr!("decl-per-key-k-not-field", k = k.text, rec = rec.name.text),
                )
                .label(crate::tr!("decl-not-field"))
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
        if let Some(p) = &rule.periods {
            super::periods::check(p, rec, diags);
        }
        let keys = (!rule.per.is_empty()).then_some(rule.per.as_slice());
        let scope = || {
            let mut scope = Scope::new(s, Some(rec), keys);
            scope.periods = rule.periods.as_deref();
            scope
        };
        if let Some(c) = &rule.condition {
            scope().check_bool(c, diags);
        }
        if let Some(u) = &rule.unless {
            scope().check_bool(u, diags);
            if constant_bool(u) == Some(true) {
                diags.push(
                    Diagnostic::new(
                        Code::DeclUnreachableUnless,
                        u.span,
                        crate::tr!("decl-unless-rule-rule-always-true", rule = rule.name.text),
                    )
                    .label(crate::tr!("decl-always-true"))
                    .help(crate::tr!("decl-rule-can-never-apply-remove")),
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
                    crate::tr!("decl-name-not-group-key-so", name = name),
                )
                .label(crate::tr!("decl-varies-within-group"))
                .help(crate::tr!("decl-add-name-per-use-value", name = name)),
            );
        } else if !known {
            let candidates: Vec<&str> = match keys {
                Some(keys) => keys.iter().map(|k| k.text.as_str()).collect(),
                None => rec.fields.iter().map(|f| f.name.text.as_str()).collect(),
            };
            let help = did_you_mean(name, candidates.iter().copied().chain(["value"]))
                .unwrap_or_else(|| {
                    crate::tr!(
                        "decl-placeholders-are-value-candidates",
                        candidates = candidates
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
                    crate::tr!("decl-name-message-names-no-group", name = name),
                )
                .label(crate::tr!("decl-unknown-placeholder"))
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
                        crate::tr!("decl-indicator-s-value-must-number", t = t.describe()),
                    )
                    .label(crate::tr!("decl-not-measurable"))
                    .help(crate::tr!("decl-measure-e-g-sum-spent")),
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
                        Diagnostic::new(
                            Code::TypeMismatch,
                            target.span,
                            crate::tr!(
                                "decl-target-tt-but-value-vt",
                                tt = tt.describe(),
                                vt = vt.describe()
                            ),
                        )
                        .label(crate::tr!("decl-does-not-match-value"))
                        .help(crate::tr!("decl-give-target-value-s-terms")),
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
                    crate::tr!("decl-evaluation-ev-uses-rated-but", ev = ev.name.text),
                )
                .label(crate::tr!("decl-whose-ratings"))
                .help(crate::tr!("decl-add-evaluators")),
            );
        }
    }
}
