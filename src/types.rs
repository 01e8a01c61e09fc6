//! Static types of expressions in rules and evaluations: names resolve to fields, actors,
//! programs or enumerated values; operands must fit; aggregates only where groups exist.

use crate::ast::{self, BinOp, Expr, ExprKind, Literal, Name, Record, Type, UnOp};
use crate::diagnostic::{Code, Diagnostic};
use crate::resolve::lookup;
use crate::suggest::did_you_mean;
use crate::symbols::{DeclKind, NATIONAL, Symbols};

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
                    format!("expected a condition, found {}", t.describe()),
                )
                .label("not true or false")
                .help("compare it, e.g. `x >= 80%` or `x == 援疆`"),
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
                t => self.mismatch(e, format!("cannot negate {}", t.describe()), None, diags),
            },
            ExprKind::Binary(op, l, r) => self.binary(e, *op, l, r, diags),
            ExprKind::If(c, t, f) => {
                self.check_bool(c, diags);
                let (tt, ft) = (self.ty(t, diags), self.ty(f, diags));
                if !comparable(tt, ft) {
                    return self.mismatch(
                        e,
                        format!("the branches give {} and {}", tt.describe(), ft.describe()),
                        Some(
                            "both branches of `if … then … else …` must have the same type".into(),
                        ),
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
            } => {
                if let Some(o) = at {
                    self.offset(function, args, filter.as_deref(), o, diags);
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
                .label("types do not fit")
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
                        format!(
                            "`{}` is not a group key, so it has no single value per group",
                            n.text
                        ),
                    )
                    .label("varies within a group")
                    .help(format!(
                        "aggregate it, e.g. `sum({0})` or `min({0})`, or add it to `per`",
                        n.text
                    )),
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
                        format!("record `{}` cannot stand alone in an expression", n.text),
                    )
                    .label("a record type")
                    .help(format!(
                        "read a field of it inside an aggregate, e.g. `avg({}.score)`",
                        n.text
                    )),
                );
                Type::Unknown
            }
            _ => {
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
                    .map(|a| {
                        format!(
                            "`{}` is an alias of `{}`; rule files use the declared name",
                            n.text, a.name.text
                        )
                    });
                let help = alias
                    .or_else(|| did_you_mean(&n.text, candidates))
                    .or_else(|| {
                        Some(match self.record {
                            Some(r) => format!(
                                "`{}` is no field of `{}`, and no actor or program",
                                n.text, r.name.text
                            ),
                            None => "declare it as an actor or program".to_string(),
                        })
                    });
                diags.push(
                    Diagnostic::new(
                        Code::NameUnknownName,
                        n.span,
                        format!("unknown name `{}`", n.text),
                    )
                    .label("not a field, actor or program")
                    .maybe_help(help),
                );
                Type::Unknown
            }
        }
    }

    fn member(&mut self, base: &Expr, prop: &Name, diags: &mut Vec<Diagnostic>) -> Type {
        // `rating.score`: a field of another record type, inside an aggregate over it.
        if let ExprKind::Name(n) = &base.kind
            && self
                .record
                .is_none_or(|r| r.fields.iter().all(|f| f.name.text != n.text))
            && let Some(rec) = self.symbols.records.get(&n.text)
        {
            let in_it = self.aggregate.is_some_and(|a| a.name.text == rec.name.text)
                || (self.aggregate.is_none()
                    && self.record.is_some_and(|r| r.name.text == rec.name.text)
                    && self.group_keys.is_none());
            if !in_it {
                diags.push(
                    Diagnostic::new(
                        Code::TypeJoin,
                        base.span.to(prop.span),
                        format!(
                            "`{}.{}` is read outside an aggregate over `{}`",
                            n.text, prop.text, n.text
                        ),
                    )
                    .label("no single record here")
                    .help(format!(
                        "read it inside an aggregate, e.g. `avg({}.{})`",
                        n.text, prop.text
                    )),
                );
                return Type::Unknown;
            }
            return match self.field(rec, &prop.text) {
                Some(f) => f.ty.class(),
                None => self.unknown_field(rec, prop, diags),
            };
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
        found.unwrap_or_else(|| {
            let props: &[&str] = match t {
                Type::Actor => &["kind", "level", "region", "of", "title"],
                Type::Program => &["title", "since", "until"],
                _ => &[],
            };
            let help = if props.is_empty() {
                format!(
                    "only actors and programs have properties; this is {}",
                    t.describe()
                )
            } else {
                did_you_mean(&prop.text, props.iter().copied())
                    .unwrap_or_else(|| format!("properties are: {}", props.join(", ")))
            };
            diags.push(
                Diagnostic::new(
                    Code::TypeProperty,
                    prop.span,
                    format!("{} has no property `{}`", t.describe(), prop.text),
                )
                .label("unknown property")
                .help(help),
            );
            Type::Unknown
        })
    }

    fn unknown_field(&self, rec: &Record, name: &Name, diags: &mut Vec<Diagnostic>) -> Type {
        let help = crate::suggest::field_help(&name.text, rec);
        diags.push(
            Diagnostic::new(
                Code::NameUnknownField,
                name.span,
                format!("record `{}` has no field `{}`", rec.name.text, name.text),
            )
            .label("no such field")
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
                    format!("values are: {}", english.join(", "))
                });
                diags.push(
                    Diagnostic::new(
                        Code::NameUnknownValue,
                        n.span,
                        format!("`{}` is not {}", n.text, expected.describe()),
                    )
                    .label(format!("not {}", expected.describe()))
                    .help(help),
                );
                return Type::Unknown;
            }
        }
        self.ty(e, diags)
    }

    fn binary(
        &mut self,
        e: &Expr,
        op: BinOp,
        l: &Expr,
        r: &Expr,
        diags: &mut Vec<Diagnostic>,
    ) -> Type {
        match op {
            BinOp::And | BinOp::Or => {
                self.check_bool(l, diags);
                self.check_bool(r, diags);
                Type::Bool
            }
            BinOp::Cmp(cmp) => {
                let lt = self.ty(l, diags);
                let rt = self.enum_operand(lt, r, diags);
                let ok = if matches!(cmp, ast::Cmp::Eq | ast::Cmp::Ne) {
                    comparable(lt, rt)
                } else {
                    orderable(lt, rt)
                };
                if !ok {
                    let help = match (lt, rt) {
                        (Type::MONEY, Type::NUMBER) | (Type::NUMBER, Type::MONEY) => {
                            Some("write the amount with a unit, e.g. `100万元`, or compare with another amount".to_string())
                        }
                        _ if comparable(lt, rt) => Some(format!("{} can only be compared with `==` or `!=`", lt.describe())),
                        _ => None,
                    };
                    return self.mismatch(
                        e,
                        format!("cannot compare {} with {}", lt.describe(), rt.describe()),
                        help,
                        diags,
                    );
                }
                Type::Bool
            }
            BinOp::In => {
                let lt = self.ty(l, diags);
                match &r.kind {
                    ExprKind::List(items) => {
                        for item in items {
                            let it = self.enum_operand(lt, item, diags);
                            if !comparable(lt, it) {
                                self.mismatch(
                                    item,
                                    format!(
                                        "{} in a list compared with {}",
                                        it.describe(),
                                        lt.describe()
                                    ),
                                    None,
                                    diags,
                                );
                            }
                        }
                    }
                    _ => {
                        let rt = self.ty(r, diags);
                        if rt != Type::Unknown {
                            self.mismatch(
                                r,
                                format!("`in` needs a list like [a, b], found {}", rt.describe()),
                                None,
                                diags,
                            );
                        }
                    }
                }
                Type::Bool
            }
            BinOp::Within => {
                for side in [l, r] {
                    let t = self.ty(side, diags);
                    if !matches!(t, Type::Actor | Type::Unknown) {
                        self.mismatch(
                            side,
                            format!("`within` relates actors, found {}", t.describe()),
                            None,
                            diags,
                        );
                    }
                }
                Type::Bool
            }
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
                let (lt, rt) = (self.ty(l, diags), self.ty(r, diags));
                if lt == Type::Unknown || rt == Type::Unknown {
                    return Type::Unknown;
                }
                let result = match (op, lt, rt) {
                    (_, Type::NUMBER, Type::NUMBER) => Some(Type::NUMBER),
                    (BinOp::Add | BinOp::Sub, Type::MONEY, Type::MONEY) => Some(Type::MONEY),
                    (BinOp::Add | BinOp::Sub, Type::Year, Type::NUMBER) => Some(Type::Year),
                    (BinOp::Sub, Type::Year, Type::Year) => Some(Type::NUMBER),
                    (BinOp::Mul, Type::MONEY, Type::NUMBER)
                    | (BinOp::Mul, Type::NUMBER, Type::MONEY) => Some(Type::MONEY),
                    (BinOp::Div, Type::MONEY, Type::NUMBER) => Some(Type::MONEY),
                    (BinOp::Div, Type::MONEY, Type::MONEY) => Some(Type::NUMBER),
                    _ => None,
                };
                result.unwrap_or_else(|| {
                    let verb = match op {
                        BinOp::Add => "add",
                        BinOp::Sub => "subtract",
                        BinOp::Mul => "multiply",
                        _ => "divide",
                    };
                    let help = match (lt, rt) {
                        (Type::MONEY, Type::NUMBER) | (Type::NUMBER, Type::MONEY) => Some(
                            "money adds to money; write the amount with a unit, e.g. `100万元`"
                                .to_string(),
                        ),
                        _ => None,
                    };
                    self.mismatch(
                        e,
                        format!("cannot {verb} {} and {}", lt.describe(), rt.describe()),
                        help,
                        diags,
                    )
                })
            }
        }
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
                Diagnostic::new(Code::TypeCall, w.span, format!("`{name}` takes no `where`"))
                    .label("only aggregates filter")
                    .help("`where` belongs in count, sum, avg, min, max and distinct"),
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
                                format!(
                                    "argument {} of `paired` must be {}, found {}",
                                    i + 1,
                                    want.describe(),
                                    t.describe()
                                ),
                            )
                            .label(format!("expected {}", want.describe()))
                            .help("write `paired(supporter, recipient, program)`"),
                        );
                    }
                }
                Type::Bool
            }
            "rated" => self.rated(e, f, args, diags),
            _ => {
                let help = did_you_mean(name, FUNCTIONS.iter().copied())
                    .unwrap_or_else(|| format!("functions are: {}", FUNCTIONS.join(", ")));
                diags.push(
                    Diagnostic::new(Code::TypeCall, f.span, format!("unknown function `{name}`"))
                        .label("no such function")
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
            let help =
                "only count, sum, avg, min, max and distinct can be taken over an earlier period"
                    .to_string();
            diags.push(fail(
                format!("`{}` is not an aggregate", f.text),
                "not an aggregate",
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
                let help = format!(
                    "mark a year field of `{}` as `time`, e.g. `year: year time`",
                    own.name.text
                );
                diags.push(fail(
                    format!("`{}` has no `time` field to go back on", own.name.text),
                    "no time field",
                    help,
                ));
                return;
            }
        };
        let is_time_year =
            time.is_some_and(|t| t.name.text == key && t.ty == crate::ast::Type::Year);
        if !is_time_year {
            let help = match time {
                Some(t) => format!(
                    "periods go back on the record's time field `{}`, which must be a year",
                    t.name.text
                ),
                None => format!("mark a year field of `{}` as `time`", own.name.text),
            };
            diags.push(fail(
                format!(
                    "`{key}` is not the year `time` field of `{}`",
                    own.name.text
                ),
                "not the time field",
                help,
            ));
            return;
        }
        if !keys.iter().any(|k| k.text == key) {
            let help = format!(
                "add `{key}` to `per`: an earlier period is found by going back on that key"
            );
            diags.push(fail(
                format!("`{key}` is not a group key of this rule"),
                "not in `per`",
                help,
            ));
            return;
        }
        if let Some(rec) = self.ranged_record(args, filter)
            && rec.name.text != own.name.text
            && !rec.fields.iter().any(|x| x.name.text == key)
        {
            let help = format!(
                "give `{}` a `{key}` field, so its rows can be found by period",
                rec.name.text
            );
            diags.push(fail(
                format!("`{}` has no `{key}` to go back on", rec.name.text),
                "joined rows have no period",
                help,
            ));
        }
    }

    fn bad_arity(&self, f: &Name, e: &Expr, usage: &str, diags: &mut Vec<Diagnostic>) -> Type {
        diags.push(
            Diagnostic::new(
                Code::TypeCall,
                e.span,
                format!("wrong number of arguments to `{}`", f.text),
            )
            .label("wrong arguments")
            .help(format!("write {usage}")),
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
                    format!("`{name}` aggregates over a group, but here one record is looked at"),
                )
                .label("aggregate over a single record")
                .help("aggregates belong in the condition of a rule with `per KEY, …`; `where` and rules without `per` look at one record"),
            );
            return Type::Unknown;
        }
        if self.aggregate.is_some() {
            diags.push(
                Diagnostic::new(Code::TypeJoin, e.span, "aggregates cannot be nested")
                    .label("inside another aggregate")
                    .help("compute each aggregate separately and combine them outside"),
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
                    format!("`{}` shares no group key with `{}`, so its rows cannot be joined to a group", rec.name.text, own.name.text),
                )
                .label("nothing to join on")
                .help(format!("give `{}` a field named like a `per` key ({})", rec.name.text, keys.iter().map(|k| k.text.as_str()).collect::<Vec<_>>().join(", "))),
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
                &format!("`{name}(EXPRESSION [where CONDITION])`"),
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
                    format!("cannot take `{name}` of {}", t.describe()),
                )
                .label("not a number or amount")
                .help(format!("`{name}` works on numbers and money")),
            );
            return Type::Unknown;
        }
        t
    }

    fn rated(&mut self, e: &Expr, f: &Name, args: &[Expr], diags: &mut Vec<Diagnostic>) -> Type {
        if !self.allow_rated {
            diags.push(
                Diagnostic::new(Code::TypeRated, e.span, "`rated(…)` is only meaningful in an evaluation's indicator")
                    .label("outside an indicator")
                    .help("use it as an indicator's `value`; in rules, aggregate the ratings with `avg(…)`"),
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
                    "`rated` takes the name of a rating record",
                )
                .label("expected a record name"),
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
                    format!("record `{}` cannot hold ratings", n.text),
                )
                .label("missing rating fields")
                .related(rec.name.span, "declared here")
                .help(format!("add the fields {}", missing.join(", "))),
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
                    format!("`{}` shares no group key with the evaluation", n.text),
                )
                .label("nothing to join on")
                .help("give the rating record fields named like the `per` keys"),
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
