//! Static types of expressions in rules and evaluations: names resolve to fields, actors,
//! programs or enumerated values; operands must fit; aggregates only where groups exist.

use crate::ast::{self, BinOp, Expr, ExprKind, Literal, Name, Record, Type, UnOp};
use crate::diagnostic::{Code, Diagnostic};
use crate::resolve::lookup;
use crate::suggest::did_you_mean;
use crate::symbols::{DeclKind, NATIONAL, Symbols};

mod operators;

/// The actor kinds or levels a value of type `t` may be spelt as.
fn enum_values(t: Type) -> Option<Vec<&'static str>> {
    match t {
        Type::ActorKind => Some(ast::ActorKind::spellings().to_vec()),
        Type::Level => Some(ast::Level::spellings().to_vec()),
        _ => None,
    }
}

/// Two types can be compared with `==`.
fn comparable(a: Type, b: Type) -> bool {
    a == Type::Unknown
        || b == Type::Unknown
        || a == b
        || matches!(
            (a, b),
            (Type::NUMBER, Type::Year) | (Type::Year, Type::NUMBER)
        )
}

/// Two types can be ordered with `<`.
fn orderable(a: Type, b: Type) -> bool {
    comparable(a, b)
        && !matches!(
            a,
            Type::Bool | Type::Actor | Type::Program | Type::ActorKind | Type::Level | Type::List
        )
}

const AGGREGATES: &[&str] = &["count", "sum", "avg", "min", "max", "distinct"];
const FUNCTIONS: &[&str] = &[
    "count", "sum", "avg", "min", "max", "distinct", "paired", "rated",
];

/// Where an expression stands.
pub struct Scope<'a> {
    pub symbols: &'a Symbols,
    /// The record type the rule or evaluation looks at.
    pub record: Option<&'a Record>,
    /// `Some` in a group-level rule: the `per` keys.
    pub group_keys: Option<&'a [Name]>,
    /// Whether `rated(…)` may be used (an indicator's value).
    pub allow_rated: bool,
    /// The rule's plan periods, when its `per` has `period(…)`.
    pub periods: Option<&'a ast::Periods>,
    /// The record ranged over by the aggregate being checked, if inside one.
    aggregate: Option<&'a Record>,
    /// Where a `rated(…)` was seen.
    pub used_rated: Option<crate::source::Span>,
}

impl<'a> Scope<'a> {
    pub fn new(
        symbols: &'a Symbols,
        record: Option<&'a Record>,
        group_keys: Option<&'a [Name]>,
    ) -> Self {
        Scope {
            symbols,
            record,
            group_keys,
            allow_rated: false,
            periods: None,
            aggregate: None,
            used_rated: None,
        }
    }

    fn field(&self, record: &'a Record, name: &str) -> Option<&'a ast::Field> {
        record.fields.iter().find(|f| f.name.text == name)
    }

    /// Checks that `e` is a condition.
    pub fn check_bool(&mut self, e: &Expr, diags: &mut Vec<Diagnostic>) {
        let t = self.ty(e, diags);
        if !matches!(t, Type::Bool | Type::Unknown) {
            diags.push(
                Diagnostic::new(
                    Code::TypeNotBool,
                    e.span,
                    crate::tr!("types-expected-condition-found-t", t = t.describe()),
                )
                .label(crate::tr!("types-not-true-false"))
                .help(crate::tr!("types-compare-e-g-x-x")),
            );
        }
    }

    /// The type of `e`, reporting what does not fit.
    pub fn ty(&mut self, e: &Expr, diags: &mut Vec<Diagnostic>) -> Type {
        match &e.kind {
            ExprKind::Literal(l) => match l {
                Literal::Number(_) | Literal::Percent(_) => Type::NUMBER,
                Literal::Money(_) => Type::MONEY,
                Literal::Date(_) => Type::Date,
                Literal::Text(_) => Type::Text,
                Literal::Bool(_) => Type::Bool,
            },
            ExprKind::Name(n) => self.name(n, diags),
            ExprKind::List(items) => {
                for i in items {
                    self.ty(i, diags);
                }
                Type::List
            }
            ExprKind::Member(base, prop) => self.member(base, prop, diags),
            ExprKind::Unary(UnOp::Not, x) => {
                self.check_bool(x, diags);
                Type::Bool
            }
            ExprKind::Unary(UnOp::Neg, x) => match self.ty(x, diags) {
                t @ (Type::NUMBER | Type::MONEY | Type::Unknown) => t,
                t => self.mismatch(
                    e,
                    crate::tr!("types-cannot-negate-t", t = t.describe()),
                    None,
                    diags,
                ),
            },
            ExprKind::Binary(op, l, r) => self.binary(e, *op, l, r, diags),
            ExprKind::If(c, t, f) => {
                self.check_bool(c, diags);
                let (tt, ft) = (self.ty(t, diags), self.ty(f, diags));
                if !comparable(tt, ft) {
                    return self.mismatch(
                        e,
                        crate::tr!(
                            "types-branches-give-tt-ft",
                            tt = tt.describe(),
                            ft = ft.describe()
                        ),
                        Some(crate::tr!("types-both-branches-if-then-else")),
                        diags,
                    );
                }
                if tt == Type::Unknown { ft } else { tt }
            }
            ExprKind::Call {
                function,
                args,
                filter,
                at,
                cumulative,
            } => {
                if let Some(o) = at {
                    self.offset(function, args, filter.as_deref(), o, diags);
                }
                if *cumulative {
                    self.cumulative(e, function, args, filter.as_deref(), at.is_some(), diags);
                }
                self.call(e, function, args, filter.as_deref(), diags)
            }
        }
    }

    fn mismatch(
        &self,
        e: &Expr,
        message: String,
        help: Option<String>,
        diags: &mut Vec<Diagnostic>,
    ) -> Type {
        diags.push(
            Diagnostic::new(Code::TypeMismatch, e.span, message)
                .label(crate::tr!("types-types-do-not-fit"))
                .maybe_help(help),
        );
        Type::Unknown
    }

    fn name(&mut self, n: &Name, diags: &mut Vec<Diagnostic>) -> Type {
        if let Some(rec) = self.aggregate
            && let Some(f) = self.field(rec, &n.text)
        {
            return f.ty.class();
        }
        if let Some(rec) = self.record
            && let Some(f) = self.field(rec, &n.text)
        {
            if self.aggregate.is_none()
                && let Some(keys) = self.group_keys
                && !keys.iter().any(|k| k.text == n.text)
            {
                diags.push(
                    Diagnostic::new(
                        Code::TypeNotGroupKey,
                        n.span,
                        crate::tr!("types-n-not-group-key-so", n = n.text),
                    )
                    .label(crate::tr!("decl-varies-within-group"))
                    .help(crate::tr!("types-aggregate-e-g-sum-n", n = n.text)),
                );
                return Type::Unknown;
            }
            return f.ty.class();
        }
        if n.text == NATIONAL {
            return Type::Actor;
        }
        match self.symbols.kind_of(&n.text) {
            Some(DeclKind::Actor) => Type::Actor,
            Some(DeclKind::Program) => Type::Program,
            Some(DeclKind::Record) => {
                diags.push(
                    Diagnostic::new(
                        Code::TypeMismatch,
                        n.span,
                        crate::tr!("types-record-n-cannot-stand-alone", n = n.text),
                    )
                    .label(crate::tr!("types-record-type"))
                    .help(crate::tr!(
                        "types-read-field-inside-aggregate-e",
                        n = n.text
                    )),
                );
                Type::Unknown
            }
            _ => {
                diags.push(self.unknown_name(n));
                Type::Unknown
            }
        }
    }

    /// `unknown name`, with the likeliest help: a number in Chinese characters, an alias, a
    /// close name, or what the name is not.
    fn unknown_name(&self, n: &Name) -> Diagnostic {
        let candidates = [self.aggregate, self.record]
            .into_iter()
            .flatten()
            .flat_map(|rec| rec.fields.iter().map(|f| f.name.text.as_str()))
            .chain(self.symbols.names_of(DeclKind::Actor))
            .chain(self.symbols.names_of(DeclKind::Program));
        let alias = self
            .symbols
            .actors
            .values()
            .find(|a| a.aliases.contains(&n.text))
            .map(|a| crate::tr!("types-n-alias-rule-files-use", n = n.text, a = a.name.text));
        let numeral = crate::numerals::digit_form(&n.text)
            .map(|digits| crate::tr!("types-numbers-with-digits", digits = digits, n = n.text));
        let help = numeral
            .or(alias)
            .or_else(|| did_you_mean(&n.text, candidates))
            .unwrap_or_else(|| match self.record {
                Some(r) => crate::tr!("types-n-no-field-r-no", n = n.text, r = r.name.text),
                None => crate::tr!("types-declare-as-actor-program"),
            });
        Diagnostic::new(
            Code::NameUnknownName,
            n.span,
            crate::tr!("types-unknown-name-n", n = n.text),
        )
        .label(crate::tr!("types-not-field-actor-program"))
        .help(help)
    }

    fn member(&mut self, base: &Expr, prop: &Name, diags: &mut Vec<Diagnostic>) -> Type {
        // `rating.score`: a field of another record type, inside an aggregate over it.
        if let ExprKind::Name(n) = &base.kind
            && self
                .record
                .is_none_or(|r| r.fields.iter().all(|f| f.name.text != n.text))
            && let Some(rec) = self.symbols.records.get(&n.text)
        {
            return self.record_member(base, n, rec, prop, diags);
        }
        let t = self.ty(base, diags);
        let found = match t {
            Type::Actor => match prop.text.as_str() {
                "kind" => Some(Type::ActorKind),
                "level" => Some(Type::Level),
                "region" | "of" => Some(Type::Actor),
                "title" => Some(Type::Text),
                _ => None,
            },
            Type::Program => match prop.text.as_str() {
                "title" => Some(Type::Text),
                "since" | "until" => Some(Type::Year),
                _ => None,
            },
            Type::Unknown => return Type::Unknown,
            _ => None,
        };
        found.unwrap_or_else(|| self.unknown_property(t, prop, diags))
    }

    /// `rating.score`: the field `prop` of the record type `rec` named by `base`, read inside
    /// an aggregate over that record type (or a record rule on it).
    fn record_member(
        &mut self,
        base: &Expr,
        n: &Name,
        rec: &Record,
        prop: &Name,
        diags: &mut Vec<Diagnostic>,
    ) -> Type {
        let in_it = self.aggregate.is_some_and(|a| a.name.text == rec.name.text)
            || (self.aggregate.is_none()
                && self.record.is_some_and(|r| r.name.text == rec.name.text)
                && self.group_keys.is_none());
        if !in_it {
            diags.push(
                Diagnostic::new(
                    Code::TypeJoin,
                    base.span.to(prop.span),
                    crate::tr!(
                        "types-n-prop-read-outside-aggregate",
                        n = n.text,
                        prop = prop.text
                    ),
                )
                .label(crate::tr!("types-no-single-record-here"))
                .help(crate::tr!(
                    "types-read-inside-aggregate-e-g",
                    n = n.text,
                    prop = prop.text
                )),
            );
            return Type::Unknown;
        }
        match self.field(rec, &prop.text) {
            Some(f) => f.ty.class(),
            None => self.unknown_field(rec, prop, diags),
        }
    }

    /// Reports `prop` as no property of a value of type `t`.
    fn unknown_property(&self, t: Type, prop: &Name, diags: &mut Vec<Diagnostic>) -> Type {
        let props: &[&str] = match t {
            Type::Actor => &["kind", "level", "region", "of", "title"],
            Type::Program => &["title", "since", "until"],
            _ => &[],
        };
        let help = if props.is_empty() {
            crate::tr!(
                "types-only-actors-programs-have-properties",
                t = t.describe()
            )
        } else {
            did_you_mean(&prop.text, props.iter().copied()).unwrap_or_else(|| {
                crate::tr!("types-properties-are-props", props = props.join(", "))
            })
        };
        diags.push(
            Diagnostic::new(
                Code::TypeProperty,
                prop.span,
                crate::tr!(
                    "types-t-has-no-property-prop",
                    t = t.describe(),
                    prop = prop.text
                ),
            )
            .label(crate::tr!("syntax-unknown-property"))
            .help(help),
        );
        Type::Unknown
    }

    fn unknown_field(&self, rec: &Record, name: &Name, diags: &mut Vec<Diagnostic>) -> Type {
        let help = crate::suggest::field_help(&name.text, rec);
        diags.push(
            Diagnostic::new(
                Code::NameUnknownField,
                name.span,
                crate::tr!(
                    "types-record-rec-has-no-field",
                    rec = rec.name.text,
                    name = name.text
                ),
            )
            .label(crate::tr!("decl-no-such-field"))
            .help(help),
        );
        Type::Unknown
    }

    /// The type of an operand compared with an enumerated type: bare names are its values.
    fn enum_operand(&mut self, expected: Type, e: &Expr, diags: &mut Vec<Diagnostic>) -> Type {
        if let (Some(values), ExprKind::Name(n)) = (enum_values(expected), &e.kind) {
            let is_field = [self.aggregate, self.record]
                .into_iter()
                .flatten()
                .any(|r| r.fields.iter().any(|f| f.name.text == n.text));
            if !is_field {
                if values.contains(&n.text.as_str()) {
                    return expected;
                }
                let help = did_you_mean(&n.text, values.iter().copied()).unwrap_or_else(|| {
                    let english: Vec<&str> =
                        values.iter().copied().filter(|v| v.is_ascii()).collect();
                    crate::tr!("types-values-are-english", english = english.join(", "))
                });
                diags.push(
                    Diagnostic::new(
                        Code::NameUnknownValue,
                        n.span,
                        crate::tr!(
                            "types-n-not-expected",
                            n = n.text,
                            expected = expected.describe()
                        ),
                    )
                    .label(crate::tr!(
                        "types-not-expected",
                        expected = expected.describe()
                    ))
                    .help(help),
                );
                return Type::Unknown;
            }
        }
        self.ty(e, diags)
    }

    fn call(
        &mut self,
        e: &Expr,
        f: &Name,
        args: &[Expr],
        filter: Option<&Expr>,
        diags: &mut Vec<Diagnostic>,
    ) -> Type {
        let name = f.text.as_str();
        if AGGREGATES.contains(&name) {
            return self.aggregate(e, f, args, filter, diags);
        }
        if let Some(w) = filter {
            diags.push(
                Diagnostic::new(
                    Code::TypeCall,
                    w.span,
                    crate::tr!("types-name-takes-no-where", name = name),
                )
                .label(crate::tr!("types-only-aggregates-filter"))
                .help(crate::tr!("types-where-belongs-count-sum-avg")),
            );
        }
        match name {
            "paired" => {
                if !(2..=3).contains(&args.len()) {
                    return self.bad_arity(
                        f,
                        e,
                        "`paired(supporter, recipient)` or `paired(supporter, recipient, program)`",
                        diags,
                    );
                }
                for (i, a) in args.iter().enumerate() {
                    let want = if i < 2 { Type::Actor } else { Type::Program };
                    let t = self.ty(a, diags);
                    if t != want && t != Type::Unknown {
                        diags.push(
                            Diagnostic::new(
                                Code::TypeCall,
                                a.span,
                                crate::tr!(
                                    "types-argument-i-paired-must-want",
                                    i = i + 1,
                                    want = want.describe(),
                                    t = t.describe()
                                ),
                            )
                            .label(crate::tr!("types-expected-want", want = want.describe()))
                            .help(crate::tr!("types-write-paired-supporter-recipient-program")),
                        );
                    }
                }
                Type::Bool
            }
            "rated" => self.rated(e, f, args, diags),
            _ => {
                let help = did_you_mean(name, FUNCTIONS.iter().copied()).unwrap_or_else(|| {
                    crate::tr!(
                        "types-functions-are-functions",
                        functions = FUNCTIONS.join(", ")
                    )
                });
                diags.push(
                    Diagnostic::new(
                        Code::TypeCall,
                        f.span,
                        crate::tr!("types-unknown-function-name", name = name),
                    )
                    .label(crate::tr!("types-no-such-function"))
                    .help(help),
                );
                // The arguments are not checked: their context depends on what was meant.
                Type::Unknown
            }
        }
    }

    /// `AGG at KEY - N` / `上年`: an aggregate of a group rule, offset on a `per` key that is the
    /// record's `time` field of type year, which a joined record type also has.
    fn offset(
        &self,
        f: &Name,
        args: &[Expr],
        filter: Option<&Expr>,
        o: &crate::ast::Offset,
        diags: &mut Vec<Diagnostic>,
    ) {
        let fail = |message: String, label: &str, help: String| {
            Diagnostic::new(Code::TypeOffset, o.span, message)
                .label(label)
                .help(help)
        };
        if !AGGREGATES.contains(&f.text.as_str()) {
            let help = crate::tr!("types-only-aggregates-over-period");
            diags.push(fail(
                crate::tr!("types-f-not-aggregate", f = f.text),
                &crate::tr!("types-label-not-aggregate"),
                help,
            ));
            return;
        }
        let (Some(own), Some(keys)) = (self.record, self.group_keys) else {
            return; // `aggregate` reports an aggregate outside a group rule
        };
        let time = own.fields.iter().find(|x| x.time);
        let key = match (&o.key, time) {
            (Some(k), _) => k.text.as_str(),
            (None, Some(t)) => t.name.text.as_str(),
            (None, None) => {
                let help = crate::tr!("types-mark-year-field-own-as", own = own.name.text);
                diags.push(fail(
                    crate::tr!("types-own-has-no-time-field", own = own.name.text),
                    &crate::tr!("types-label-no-time-field"),
                    help,
                ));
                return;
            }
        };
        let is_time_year =
            time.is_some_and(|t| t.name.text == key && t.ty == crate::ast::Type::Year);
        if !is_time_year {
            let help = match time {
                Some(t) => crate::tr!("types-periods-go-back-record-s", t = t.name.text),
                None => crate::tr!("types-mark-year-field-own-as-2", own = own.name.text),
            };
            diags.push(fail(
                crate::tr!(
                    "types-key-not-year-time-field",
                    key = key,
                    own = own.name.text
                ),
                &crate::tr!("types-label-not-time-field"),
                help,
            ));
            return;
        }
        if !keys.iter().any(|k| k.text == key) {
            let help = crate::tr!("types-add-key-per-earlier-period", key = key);
            diags.push(fail(
                crate::tr!("types-key-not-group-key-this", key = key),
                &crate::tr!("types-label-not-in-per"),
                help,
            ));
            return;
        }
        if let Some(rec) = self.ranged_record(args, filter)
            && rec.name.text != own.name.text
            && !rec.fields.iter().any(|x| x.name.text == key)
        {
            let help = crate::tr!(
                "types-give-rec-key-field-so",
                rec = rec.name.text,
                key = key
            );
            diags.push(fail(
                crate::tr!("types-rec-has-no-key-go", rec = rec.name.text, key = key),
                &crate::tr!("types-label-joined-no-period"),
                help,
            ));
        }
    }

    /// `cumulative AGG`: an aggregate of a rule with plan periods, not offset, over a record
    /// type that has the time key.
    fn cumulative(
        &self,
        e: &Expr,
        f: &Name,
        args: &[Expr],
        filter: Option<&Expr>,
        offset: bool,
        diags: &mut Vec<Diagnostic>,
    ) {
        let fail = |message: String, label: &str, help: &str| {
            Diagnostic::new(Code::TypeCumulative, e.span, message)
                .label(label)
                .help(help.to_string())
        };
        if !AGGREGATES.contains(&f.text.as_str()) {
            diags.push(fail(
                crate::tr!("types-cumulative-not-aggregate", f = f.text),
                &crate::tr!("types-label-not-aggregate"),
                &crate::tr!("types-write-cumulative-sum"),
            ));
            return;
        }
        if offset {
            diags.push(fail(
                crate::tr!("types-cumulative-and-offset"),
                &crate::tr!("types-label-cumulative-and-offset"),
                &crate::tr!("types-write-either-cumulative-or-offset"),
            ));
            return;
        }
        let Some(periods) = self.periods else {
            diags.push(fail(
                crate::tr!("types-cumulative-needs-periods"),
                &crate::tr!("types-label-no-period-in-per"),
                &crate::tr!("types-group-into-periods"),
            ));
            return;
        };
        let key = periods.key.text.as_str();
        if let (Some(rec), Some(own)) = (self.ranged_record(args, filter), self.record)
            && rec.name.text != own.name.text
            && !rec.fields.iter().any(|x| x.name.text == key)
        {
            diags.push(fail(
                crate::tr!(
                    "types-rec-has-no-key-to-add-by",
                    rec = rec.name.text,
                    key = key
                ),
                &crate::tr!("types-label-joined-no-year"),
                &crate::tr!("types-give-joined-time-key"),
            ));
        }
    }

    fn bad_arity(&self, f: &Name, e: &Expr, usage: &str, diags: &mut Vec<Diagnostic>) -> Type {
        diags.push(
            Diagnostic::new(
                Code::TypeCall,
                e.span,
                crate::tr!("types-wrong-number-arguments-f", f = f.text),
            )
            .label(crate::tr!("types-wrong-arguments"))
            .help(crate::tr!("types-write-usage", usage = usage)),
        );
        Type::Unknown
    }

    /// The record an aggregate ranges over: another record type named as `R.field` inside it,
    /// or the rule's own.
    fn ranged_record(&self, args: &[Expr], filter: Option<&Expr>) -> Option<&'a Record> {
        let own = self.record?;
        match record_named_in(args, filter) {
            Some(n) if n != own.name.text && own.fields.iter().all(|f| f.name.text != n) => {
                self.symbols.records.get(n).or(Some(own))
            }
            _ => Some(own),
        }
    }

    fn aggregate(
        &mut self,
        e: &Expr,
        f: &Name,
        args: &[Expr],
        filter: Option<&Expr>,
        diags: &mut Vec<Diagnostic>,
    ) -> Type {
        let name = f.text.as_str();
        if self.group_keys.is_none() {
            diags.push(
                Diagnostic::new(
                    Code::TypeAggregateInRecordRule,
                    e.span,
                    crate::tr!("types-name-aggregates-over-group-but", name = name),
                )
                .label(crate::tr!("types-aggregate-over-single-record"))
                .help(crate::tr!("types-aggregates-belong-condition-rule-with")),
            );
            return Type::Unknown;
        }
        if self.aggregate.is_some() {
            diags.push(
                Diagnostic::new(
                    Code::TypeJoin,
                    e.span,
                    crate::tr!("types-aggregates-cannot-nested"),
                )
                .label(crate::tr!("types-inside-another-aggregate"))
                .help(crate::tr!(
                    "types-compute-each-aggregate-separately-combine"
                )),
            );
            return Type::Unknown;
        }
        let Some(rec) = self.ranged_record(args, filter) else {
            return Type::Unknown;
        };
        if let (Some(own), Some(keys)) = (self.record, self.group_keys)
            && rec.name.text != own.name.text
            && !keys
                .iter()
                .any(|k| rec.fields.iter().any(|f| f.name.text == k.text))
        {
            diags.push(
                Diagnostic::new(
                    Code::TypeJoin,
                    e.span,
                    crate::tr!(
                        "types-rec-shares-no-group-key",
                        rec = rec.name.text,
                        own = own.name.text
                    ),
                )
                .label(crate::tr!("types-nothing-join"))
                .help(crate::tr!(
                    "types-give-rec-field-named-like",
                    rec = rec.name.text,
                    keys = keys
                        .iter()
                        .map(|k| k.text.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            return Type::Unknown;
        }
        self.aggregate = Some(rec);
        let result = self.aggregate_body(e, f, args, filter, diags);
        self.aggregate = None;
        result
    }

    fn aggregate_body(
        &mut self,
        e: &Expr,
        f: &Name,
        args: &[Expr],
        filter: Option<&Expr>,
        diags: &mut Vec<Diagnostic>,
    ) -> Type {
        if let Some(w) = filter {
            self.check_bool(w, diags);
        }
        let name = f.text.as_str();
        if name == "count" {
            if !args.is_empty() {
                return self.bad_arity(f, e, "`count()` or `count(where CONDITION)`", diags);
            }
            return Type::NUMBER;
        }
        if args.len() != 1 {
            return self.bad_arity(
                f,
                e,
                &crate::tr!("types-name-expression-where-condition", name = name),
                diags,
            );
        }
        let t = self.ty(&args[0], diags);
        let ok = match name {
            "distinct" => return Type::NUMBER,
            "sum" | "avg" => matches!(t, Type::NUMBER | Type::MONEY | Type::Unknown),
            _ => matches!(
                t,
                Type::NUMBER | Type::MONEY | Type::Date | Type::Year | Type::Unknown
            ),
        };
        if !ok {
            diags.push(
                Diagnostic::new(
                    Code::TypeCall,
                    args[0].span,
                    crate::tr!("types-cannot-take-name-t", name = name, t = t.describe()),
                )
                .label(crate::tr!("types-not-number-amount"))
                .help(crate::tr!("types-name-works-numbers-money", name = name)),
            );
            return Type::Unknown;
        }
        t
    }

    fn rated(&mut self, e: &Expr, f: &Name, args: &[Expr], diags: &mut Vec<Diagnostic>) -> Type {
        if !self.allow_rated {
            diags.push(
                Diagnostic::new(
                    Code::TypeRated,
                    e.span,
                    crate::tr!("types-rated-only-meaningful-evaluation-s"),
                )
                .label(crate::tr!("types-outside-indicator"))
                .help(crate::tr!("types-use-as-indicator-s-value")),
            );
            return Type::Unknown;
        }
        self.used_rated = Some(e.span);
        let [arg] = args else {
            return self.bad_arity(f, e, "`rated(RECORD)`", diags);
        };
        let ExprKind::Name(n) = &arg.kind else {
            diags.push(
                Diagnostic::new(
                    Code::TypeRated,
                    arg.span,
                    crate::tr!("types-rated-takes-name-rating-record"),
                )
                .label(crate::tr!("types-expected-record-name")),
            );
            return Type::Unknown;
        };
        if !lookup(self.symbols, n, DeclKind::Record, diags) {
            return Type::Unknown;
        }
        let rec = &self.symbols.records[&n.text];
        let needed = [
            ("score", "decimal"),
            ("evaluator", "text"),
            ("indicator", "text"),
        ];
        let missing: Vec<String> = needed
            .iter()
            .filter(|(fname, _)| !rec.fields.iter().any(|f| f.name.text == *fname))
            .map(|(fname, t)| format!("{fname}: {t}"))
            .collect();
        if !missing.is_empty() {
            diags.push(
                Diagnostic::new(
                    Code::TypeRated,
                    arg.span,
                    crate::tr!("types-record-n-cannot-hold-ratings", n = n.text),
                )
                .label(crate::tr!("types-missing-rating-fields"))
                .related(rec.name.span, crate::tr!("decl-declared-here"))
                .help(crate::tr!(
                    "types-add-fields-missing",
                    missing = missing.join(", ")
                )),
            );
            return Type::Unknown;
        }
        if let Some(keys) = self.group_keys
            && !keys
                .iter()
                .any(|k| rec.fields.iter().any(|f| f.name.text == k.text))
        {
            diags.push(
                Diagnostic::new(
                    Code::TypeJoin,
                    arg.span,
                    crate::tr!("types-n-shares-no-group-key", n = n.text),
                )
                .label(crate::tr!("types-nothing-join"))
                .help(crate::tr!("types-give-rating-record-fields-named")),
            );
            return Type::Unknown;
        }
        Type::NUMBER
    }
}

/// The first name used as `R.field` in an aggregate's arguments or filter: the record type it
/// may range over.
pub(crate) fn record_named_in<'s>(args: &'s [Expr], filter: Option<&'s Expr>) -> Option<&'s str> {
    fn find<'s>(e: &'s Expr, out: &mut Option<&'s str>) {
        match &e.kind {
            ExprKind::Member(b, _) => {
                if let ExprKind::Name(n) = &b.kind
                    && out.is_none()
                {
                    *out = Some(&n.text);
                }
                find(b, out);
            }
            ExprKind::Unary(_, x) => find(x, out),
            ExprKind::Binary(_, l, r) => {
                find(l, out);
                find(r, out);
            }
            ExprKind::If(c, t, f) => {
                find(c, out);
                find(t, out);
                find(f, out);
            }
            ExprKind::List(xs) => xs.iter().for_each(|x| find(x, out)),
            _ => {}
        }
    }
    let mut named = None;
    for e in args.iter().chain(filter) {
        find(e, &mut named);
    }
    named
}

/// The value of `e` when it is a constant condition (`true`, `1 == 1`, `not false`).
pub fn constant_bool(e: &Expr) -> Option<bool> {
    match &e.kind {
        ExprKind::Literal(Literal::Bool(b)) => Some(*b),
        ExprKind::Unary(UnOp::Not, x) => constant_bool(x).map(|b| !b),
        ExprKind::Binary(BinOp::And, l, r) => Some(constant_bool(l)? && constant_bool(r)?),
        ExprKind::Binary(BinOp::Or, l, r) => match (constant_bool(l), constant_bool(r)) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(a), Some(b)) => Some(a || b),
            _ => None,
        },
        ExprKind::Binary(BinOp::Cmp(c), l, r) => {
            let (ExprKind::Literal(a), ExprKind::Literal(b)) = (&l.kind, &r.kind) else {
                return None;
            };
            let ord = match (a, b) {
                (
                    Literal::Number(x) | Literal::Percent(x),
                    Literal::Number(y) | Literal::Percent(y),
                ) => x.cmp(y),
                (Literal::Money(x), Literal::Money(y)) => x.cmp(y),
                (Literal::Text(x), Literal::Text(y)) => x.cmp(y),
                (Literal::Date(x), Literal::Date(y)) => x.cmp(y),
                (Literal::Bool(x), Literal::Bool(y)) => x.cmp(y),
                _ => return None,
            };
            use std::cmp::Ordering::*;
            Some(match c {
                ast::Cmp::Eq => ord == Equal,
                ast::Cmp::Ne => ord != Equal,
                ast::Cmp::Lt => ord == Less,
                ast::Cmp::Le => ord != Greater,
                ast::Cmp::Gt => ord == Greater,
                ast::Cmp::Ge => ord != Less,
            })
        }
        _ => None,
    }
}
