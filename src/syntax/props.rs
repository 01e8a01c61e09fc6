//! Reading property blocks `{ key: value, … }` into typed fields, reporting unknown, missing,
//! repeated and ill-typed properties.

use crate::ast::{Cmp, Expr, ExprKind, Literal, Name};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::suggest::did_you_mean;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A property's value: an expression, or a comparison target `>= 74%`.
#[derive(Debug, Clone)]
pub enum PropValue {
    Expr(Expr),
    Target(Cmp, Expr),
}

impl PropValue {
    pub fn span(&self) -> Span {
        match self {
            PropValue::Expr(e) | PropValue::Target(_, e) => e.span,
        }
    }
}

/// A property as written.
#[derive(Debug, Clone)]
pub struct Prop {
    pub key: Name,
    pub value: PropValue,
}

/// Hands out the properties of one declaration by key. Keys may be written in Chinese
/// ([`prop_keys`](super::prop_keys)); messages name a key as the user wrote it.
pub struct PropReader<'d> {
    what: &'static str,
    owner: Span,
    props: Vec<Prop>,
    /// `(English key, key as written)` for every key written in Chinese.
    written: Vec<(String, String)>,
    diags: &'d mut Vec<Diagnostic>,
}

impl<'d> PropReader<'d> {
    /// `what` names the declaration kind ("actor"); `owner` is where missing keys are reported.
    pub fn new(
        what: &'static str,
        owner: Span,
        props: Vec<Prop>,
        diags: &'d mut Vec<Diagnostic>,
    ) -> Self {
        let mut kept: Vec<Prop> = Vec::with_capacity(props.len());
        let mut written = Vec::new();
        for mut p in props {
            let as_written = p.key.text.clone();
            if let Some(en) = super::prop_keys::english_key(what, &as_written) {
                p.key.text = en.to_string();
                written.push((en.to_string(), as_written.clone()));
            }
            if let Some(first) = kept.iter().find(|k| k.key.text == p.key.text) {
                diags.push(
                    Diagnostic::new(
                        Code::DeclDuplicateProperty,
                        p.key.span,
                        crate::tr!("syntax-property-key-given-twice", key = as_written),
                    )
                    .label(crate::tr!("syntax-given-again-here"))
                    .related(first.key.span, crate::tr!("syntax-first-given-here"))
                    .help(crate::tr!("syntax-keep-one-two")),
                );
            } else {
                kept.push(p);
            }
        }
        PropReader {
            what,
            owner,
            props: kept,
            written,
            diags,
        }
    }

    /// The key as the user wrote it: the Chinese spelling when that is what was written.
    fn shown(&self, key: &str) -> String {
        self.written
            .iter()
            .rev()
            .find(|(en, _)| en == key)
            .map_or_else(|| key.to_string(), |(_, w)| w.clone())
    }

    /// Removes and returns the raw value of `key`.
    pub fn take(&mut self, key: &str) -> Option<PropValue> {
        let i = self.props.iter().position(|p| p.key.text == key)?;
        Some(self.props.remove(i).value)
    }

    /// Like [`take`](Self::take), but reports a missing key.
    pub fn take_required(&mut self, key: &str, example: &str) -> Option<PropValue> {
        let v = self.take(key);
        if v.is_none() {
            self.diags.push(
                Diagnostic::new(
                    Code::DeclMissingProperty,
                    self.owner,
                    crate::tr!(
                        "syntax-what-missing-property-key",
                        what = what_text(self.what),
                        key = key
                    ),
                )
                .label(crate::tr!(
                    "syntax-this-what-needs-key",
                    what = what_text(self.what),
                    key = key
                ))
                .help(crate::tr!(
                    "syntax-add-key-example",
                    key = key,
                    example = example
                )),
            );
        }
        v
    }

    fn wrong(&mut self, key: &str, span: Span, expected: &str) {
        let key = self.shown(key);
        self.diags.push(
            Diagnostic::new(
                Code::DeclPropertyType,
                span,
                crate::tr!(
                    "syntax-property-key-what-must-expected",
                    key = key,
                    what = what_text(self.what),
                    expected = expected
                ),
            )
            .label(crate::tr!("decl-expected-expected", expected = expected)),
        );
    }

    /// The expression of a plain (non-target) value.
    pub fn expr(&mut self, key: &str, v: Option<PropValue>) -> Option<Expr> {
        match v? {
            PropValue::Expr(e) => Some(e),
            PropValue::Target(_, e) => {
                self.wrong(key, e.span, &crate::tr!("props-a-value-not-a-comparison"));
                None
            }
        }
    }

    pub fn string(&mut self, key: &str, v: Option<PropValue>) -> Option<String> {
        let e = self.expr(key, v)?;
        let span = e.span;
        match e.into_kind() {
            ExprKind::Literal(Literal::Text(s)) => Some(s),
            _ => {
                self.wrong(key, span, &crate::tr!("props-a-string"));
                None
            }
        }
    }

    pub fn name(&mut self, key: &str, v: Option<PropValue>) -> Option<Name> {
        let e = self.expr(key, v)?;
        let span = e.span;
        match e.into_kind() {
            ExprKind::Name(n) => Some(n),
            _ => {
                self.wrong(key, span, &crate::tr!("props-a-name"));
                None
            }
        }
    }

    pub fn date(&mut self, key: &str, v: Option<PropValue>) -> Option<(NaiveDate, Span)> {
        let e = self.expr(key, v)?;
        match e.kind {
            ExprKind::Literal(Literal::Date(d)) => Some((d, e.span)),
            _ => {
                self.wrong(key, e.span, &crate::tr!("props-a-date"));
                None
            }
        }
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, key: &str, v: Option<PropValue>) -> Option<bool> {
        let e = self.expr(key, v)?;
        match &e.kind {
            ExprKind::Literal(Literal::Bool(b)) => Some(*b),
            _ => {
                self.wrong(key, e.span, &crate::tr!("props-true-or-false"));
                None
            }
        }
    }

    /// A whole number that fits a year (`since: 2010`).
    pub fn year(&mut self, key: &str, v: Option<PropValue>) -> Option<i32> {
        let e = self.expr(key, v)?;
        match &e.kind {
            ExprKind::Literal(Literal::Number(n)) if n.fract().is_zero() => {
                match i32::try_from(n.mantissa()).ok().filter(|_| n.scale() == 0) {
                    Some(y) if (1..=9999).contains(&y) => Some(y),
                    _ => {
                        self.wrong(key, e.span, &crate::tr!("props-a-year-in-range"));
                        None
                    }
                }
            }
            _ => {
                self.wrong(key, e.span, &crate::tr!("props-a-year"));
                None
            }
        }
    }

    /// A number (`90`) or a percent (`30%`), as a decimal; percents as fractions.
    pub fn number(
        &mut self,
        key: &str,
        v: Option<PropValue>,
        allow_percent: bool,
    ) -> Option<(Decimal, Span)> {
        let e = self.expr(key, v)?;
        match &e.kind {
            ExprKind::Literal(Literal::Number(n)) if !allow_percent => Some((*n, e.span)),
            ExprKind::Literal(Literal::Percent(n)) if allow_percent => Some((*n, e.span)),
            _ => {
                self.wrong(
                    key,
                    e.span,
                    &if allow_percent {
                        crate::tr!("syntax-percent-like")
                    } else {
                        crate::tr!("words-a-number")
                    },
                );
                None
            }
        }
    }

    /// One of an enumeration's words; `names` lists the accepted ones.
    pub fn word<T>(
        &mut self,
        key: &str,
        v: Option<PropValue>,
        parse: impl Fn(&str) -> Option<T>,
        names: &[&str],
    ) -> Option<T> {
        let span = v.as_ref()?.span();
        let n = self.name(key, v)?;
        let key = self.shown(key);
        match parse(&n.text) {
            Some(t) => Some(t),
            None => {
                let help = did_you_mean(&n.text, names.iter().copied()).unwrap_or_else(|| {
                    crate::tr!(
                        "syntax-use-one-english",
                        english = english(names).join(", ")
                    )
                });
                self.diags.push(
                    Diagnostic::new(
                        Code::NameUnknownValue,
                        span,
                        crate::tr!("syntax-n-not-valid-key", n = n.text, key = key),
                    )
                    .label(crate::tr!("syntax-not-key", key = key))
                    .help(help),
                );
                None
            }
        }
    }

    /// A list of strings (`["民生", "教育"]`); a single string is taken as a one-element list.
    pub fn strings(&mut self, key: &str, v: Option<PropValue>) -> Vec<String> {
        let Some(e) = self.expr(key, v) else {
            return Vec::new();
        };
        let span = e.span;
        let items = match e.into_kind() {
            ExprKind::List(items) => items,
            ExprKind::Literal(Literal::Text(s)) => return vec![s],
            _ => {
                self.wrong(key, span, &crate::tr!("props-a-list-of-strings"));
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for item in items {
            let item_span = item.span;
            match item.into_kind() {
                ExprKind::Literal(Literal::Text(s)) => out.push(s),
                _ => self.wrong(key, item_span, &crate::tr!("props-a-string")),
            }
        }
        out
    }

    /// A list of names (`[旧办法]`); a single name is taken as a one-element list.
    pub fn names(&mut self, key: &str, v: Option<PropValue>) -> Vec<Name> {
        let Some(e) = self.expr(key, v) else {
            return Vec::new();
        };
        let span = e.span;
        let items = match e.into_kind() {
            ExprKind::List(items) => items,
            ExprKind::Name(n) => return vec![n],
            _ => {
                self.wrong(key, span, &crate::tr!("props-a-list-of-names"));
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for item in items {
            let item_span = item.span;
            match item.into_kind() {
                ExprKind::Name(n) => out.push(n),
                _ => self.wrong(key, item_span, &crate::tr!("props-a-name")),
            }
        }
        out
    }

    /// Reports a `target` that is not `>= X` or `<= X`.
    pub fn finish_wrong_target(&mut self, span: Span) {
        self.wrong("target", span, &crate::tr!("props-a-comparison"));
    }

    /// Reports every property not taken, suggesting the closest allowed key.
    pub fn finish(self, allowed: &[&str]) {
        let chinese = super::prop_keys::keys_of(self.what);
        for p in self.props {
            let help = if p.key.text.is_ascii() {
                did_you_mean(&p.key.text, allowed.iter().copied())
            } else {
                did_you_mean(&p.key.text, chinese.iter().map(|(_, zh)| *zh))
            };
            let help = help.unwrap_or_else(|| {
                let listed: Vec<String> = allowed
                    .iter()
                    .map(|k| match super::prop_keys::chinese_key(self.what, k) {
                        Some(zh) if !p.key.text.is_ascii() => format!("{k} ({zh})"),
                        _ => k.to_string(),
                    })
                    .collect();
                crate::tr!(
                    "syntax-what-properties-are",
                    what = what_text(self.what),
                    props = listed.join(", ")
                )
            });
            self.diags.push(
                Diagnostic::new(
                    Code::DeclUnknownProperty,
                    p.key.span,
                    crate::tr!(
                        "syntax-unknown-property-key-for-what",
                        key = p.key.text,
                        what = what_text(self.what)
                    ),
                )
                .label(crate::tr!("syntax-unknown-property"))
                .help(help),
            );
        }
    }
}

/// The English spellings of a value list (for the list in a help text).
fn english<'a>(names: &[&'a str]) -> Vec<&'a str> {
    names.iter().copied().filter(|n| n.is_ascii()).collect()
}

/// The declaration kind (`an actor`) in the output language.
fn what_text(what: &str) -> String {
    match what {
        "an actor" => crate::tr!("props-what-actor"),
        "a program" => crate::tr!("props-what-program"),
        "a function" => crate::tr!("props-what-function"),
        "a document" => crate::tr!("props-what-document"),
        "an article" => crate::tr!("props-what-article"),
        "a pair" => crate::tr!("props-what-pair"),
        "an indicator" => crate::tr!("props-what-indicator"),
        other => other.to_string(),
    }
}
