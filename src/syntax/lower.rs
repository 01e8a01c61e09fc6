//! Lowering of declarations: one `lower_<rule>` function per grammar rule.

use super::parser::Rule;
use super::props::{Prop, PropReader, PropValue};
use crate::ast::*;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::{FileId, Span};
pub type P<'i> = pest::iterators::Pair<'i, Rule>;

mod rules;

/// A `per` clause: the keys, and the plan periods of one of them.
type PerClause = (Vec<Name>, Option<Box<Periods>>);

/// State while lowering one file.
pub struct Lowerer<'d> {
    pub file: FileId,
    pub diags: &'d mut Vec<Diagnostic>,
    /// Current expression depth, bounded by the nesting limit.
    pub depth: usize,
    /// Set when the file cannot be used at all (nesting beyond the limit).
    pub fatal: bool,
    /// Where the parsed text starts in the file: a part of a file parsed on its own counts its
    /// positions from its own start.
    pub base: usize,
}

impl<'d> Lowerer<'d> {
    pub fn new(file: FileId, diags: &'d mut Vec<Diagnostic>) -> Self {
        Lowerer {
            file,
            diags,
            depth: 0,
            fatal: false,
            base: 0,
        }
    }

    pub fn span(&self, p: &P<'_>) -> Span {
        let s = p.as_span();
        Span::new(self.file, self.base + s.start(), self.base + s.end())
    }

    pub fn only_child<'i>(&self, p: P<'i>) -> P<'i> {
        p.into_inner().next().expect("rule has one child")
    }

    /// The `expr` inside a rule that starts with a keyword (`filter`, clauses).
    pub fn expr_child<'i>(&self, p: P<'i>) -> P<'i> {
        p.into_inner()
            .find(|c| c.as_rule() == Rule::expr)
            .expect("rule holds an expression")
    }

    /// ident, actor_ref, expr_name, word: a name, without backticks.
    pub fn lower_name(&self, p: P<'_>) -> Name {
        let text = p.as_str();
        let text = text
            .strip_prefix('`')
            .and_then(|t| t.strip_suffix('`'))
            .unwrap_or(text);
        let text = match text {
            "全国" => "national",
            t => t,
        };
        Name {
            text: text.to_string(),
            span: self.span(&p),
        }
    }

    /// file = { SOI ~ (item | sep)* ~ EOI }
    pub fn lower_file(&mut self, p: P<'_>) -> Module {
        let mut items = Vec::new();
        for item in p.into_inner() {
            let lowered = match item.as_rule() {
                Rule::actor_decl => Item::Actor(self.lower_actor(item)),
                Rule::program_decl => Item::Program(self.lower_program(item)),
                Rule::function_decl => Item::Function(self.lower_function(item)),
                Rule::record_decl => Item::Record(self.lower_record(item)),
                Rule::document_decl => Item::Document(self.lower_document(item)),
                Rule::test_decl => Item::Test(self.lower_test(item)),
                Rule::EOI => continue,
                _ => match self.lower_norm(item) {
                    Some(n) => Item::Norm(n),
                    None => continue,
                },
            };
            items.push(lowered);
        }
        Module { items }
    }

    fn lower_norm(&mut self, p: P<'_>) -> Option<Norm> {
        Some(match p.as_rule() {
            Rule::pair_decl => Norm::Pair(self.lower_pair(p)),
            Rule::duty_decl => Norm::Duty(self.lower_duty(p)),
            Rule::rule_decl => Norm::Rule(self.lower_rule(p)),
            Rule::evaluation_decl => Norm::Evaluation(self.lower_evaluation(p)),
            _ => return None,
        })
    }

    /// props = { lbrace ~ (prop ~ (comma | sep)?)* ~ rbrace }
    fn lower_props(&mut self, p: P<'_>) -> Vec<Prop> {
        p.into_inner().map(|prop| self.lower_prop(prop)).collect()
    }

    /// prop = { prop_key ~ colon ~ prop_value }
    fn lower_prop(&mut self, p: P<'_>) -> Prop {
        let mut it = p.into_inner();
        let key_pair = self.only_child(it.next().expect("prop has a key"));
        let key = if key_pair.as_rule() == Rule::string {
            let span = self.span(&key_pair);
            Name {
                text: self.lower_string(key_pair),
                span,
            }
        } else {
            self.lower_name(key_pair)
        };
        let value = self.only_child(it.next().expect("prop has a value"));
        let value = match value.as_rule() {
            Rule::target => self.lower_target(value),
            _ => PropValue::Expr(self.lower_expr(value)),
        };
        Prop { key, value }
    }

    /// target = { cmp_op ~ expr }
    fn lower_target(&mut self, p: P<'_>) -> PropValue {
        let mut it = p.into_inner();
        let cmp = lower_cmp(it.next().expect("target has an operator"));
        PropValue::Target(cmp, self.lower_expr(it.next().expect("target has a value")))
    }

    /// Splits `kw ~ ident ~ props?` declarations into their name and properties.
    fn name_and_props(&mut self, p: P<'_>) -> (Name, Vec<Prop>) {
        let mut name = None;
        let mut props = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::ident => name = Some(self.lower_name(c)),
                Rule::props => props = self.lower_props(c),
                _ => {}
            }
        }
        (name.expect("declaration has a name"), props)
    }

    /// actor_decl = { kw_actor ~ ident ~ props? }
    fn lower_actor(&mut self, p: P<'_>) -> Actor {
        let span = self.span(&p);
        let (name, props) = self.name_and_props(p);
        let mut r = PropReader::new("an actor", name.span, props, self.diags);
        let v = r.take_required("kind", "government");
        let kind = r.word(
            "kind",
            v,
            ActorKind::parse,
            ActorKind::ALL
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .as_slice(),
        );
        let v = r.take_required("level", "province");
        let level = r.word("level", v, Level::parse, Level::spellings());
        let v = r.take("title");
        let title = r.string("title", v);
        let v = r.take("region");
        let region = r.name("region", v);
        let v = r.take("of");
        let of = r.name("of", v);
        let v = r.take("until");
        let until = r.date("until", v).map(|(d, _)| d);
        let v = r.take("aliases");
        let aliases = r.strings("aliases", v);
        let v = r.take("autonomous");
        let autonomous = r.boolean("autonomous", v).unwrap_or(false);
        r.finish(&[
            "kind",
            "level",
            "title",
            "region",
            "of",
            "until",
            "aliases",
            "autonomous",
        ]);
        Actor {
            name,
            kind,
            level,
            title,
            region,
            of,
            until,
            aliases,
            autonomous,
            span,
        }
    }

    /// program_decl = { kw_program ~ ident ~ props? }
    fn lower_program(&mut self, p: P<'_>) -> Program {
        let span = self.span(&p);
        let (name, props) = self.name_and_props(p);
        let mut r = PropReader::new("a program", name.span, props, self.diags);
        let v = r.take("title");
        let title = r.string("title", v);
        let v = r.take("since");
        let since = r.year("since", v);
        let v = r.take("until");
        let until = r.year("until", v);
        r.finish(&["title", "since", "until"]);
        Program {
            name,
            title,
            since,
            until,
            span,
        }
    }

    /// function_decl = { kw_function ~ ident ~ props? }
    fn lower_function(&mut self, p: P<'_>) -> Function {
        let span = self.span(&p);
        let (name, props) = self.name_and_props(p);
        let mut r = PropReader::new("a function", name.span, props, self.diags);
        let v = r.take("title");
        let title = r.string("title", v);
        let v = r.take_required("scope", "program");
        let scope = r.word("scope", v, FunctionScope::parse, FunctionScope::spellings());
        let v = r.take_required("side", "central");
        let side = r.word("side", v, Side::parse, Side::spellings());
        let v = r.take("holder");
        let holder = r.word("holder", v, ActorKind::parse, ActorKind::spellings());
        r.finish(&["title", "scope", "side", "holder"]);
        Function {
            name,
            title,
            scope,
            side,
            holder,
            span,
        }
    }

    /// record_decl = { kw_record ~ ident ~ lbrace ~ (field_decl ~ (comma | sep)?)* ~ rbrace }
    fn lower_record(&mut self, p: P<'_>) -> Record {
        let span = self.span(&p);
        let mut it = p.into_inner().filter(|c| c.as_rule() != Rule::kw_record);
        let name = self.lower_name(it.next().expect("record has a name"));
        let fields = it.map(|f| self.lower_field(f)).collect();
        Record { name, fields, span }
    }

    /// field_decl = { word ~ colon ~ type_ref ~ modifier* ~ column_labels? }
    fn lower_field(&mut self, p: P<'_>) -> Field {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let name = self.lower_name(it.next().expect("field has a name"));
        let ty_pair = it.next().expect("field has a type");
        let (ty, optional) = self.lower_type_ref(ty_pair);
        let mut key = false;
        let mut time = false;
        let mut labels = Vec::new();
        for m in it {
            if m.as_rule() == Rule::column_labels {
                labels = self.lower_column_labels(m);
                continue;
            }
            match m.as_str().trim() {
                "key" => key = true,
                _ => time = true,
            }
        }
        Field {
            name,
            ty,
            optional,
            key,
            time,
            labels,
            span,
        }
    }

    /// column_labels = { kw_from ~ string ~ (comma ~ string)* }
    fn lower_column_labels(&mut self, p: P<'_>) -> Vec<String> {
        p.into_inner()
            .filter(|c| c.as_rule() == Rule::string)
            .map(|c| self.lower_string(c))
            .collect()
    }

    /// type_ref = { raw_word ~ (lparen ~ raw_word ~ rparen)? ~ optional? }
    fn lower_type_ref(&mut self, p: P<'_>) -> (Type, bool) {
        let mut it = p.into_inner();
        let base = it.next().expect("type has a name");
        let mut unit = None;
        let mut optional = false;
        for c in it {
            match c.as_rule() {
                Rule::optional => optional = true,
                _ => unit = Some(c),
            }
        }
        let base_span = self.span(&base);
        let ty = match base.as_str() {
            "bool" => Type::Bool,
            "int" => Type::Int,
            "decimal" => Type::Decimal,
            "percent" => Type::Percent,
            "text" => Type::Text,
            "date" => Type::Date,
            "year" => Type::Year,
            "actor" => Type::Actor,
            "program" => Type::Program,
            "money" => {
                let u = match &unit {
                    None => MoneyUnit::Yuan,
                    Some(u) => MoneyUnit::parse(u.as_str()).unwrap_or_else(|| {
                        self.diags.push(
                            Diagnostic::new(
                                Code::NameUnknownType,
                                self.span(u),
                                crate::tr!("syntax-u-not-money-unit", u = u.as_str()),
                            )
                            .label(crate::tr!("syntax-unknown-unit"))
                            .help(crate::tr!("syntax-write-money-money-money")),
                        );
                        MoneyUnit::Yuan
                    }),
                };
                return (Type::Money(u), optional);
            }
            other => {
                let help = crate::suggest::did_you_mean(other, Type::NAMES.iter().copied())
                    .unwrap_or_else(|| {
                        crate::tr!(
                            "syntax-types-are-basetype",
                            basetype = Type::NAMES.join(", ")
                        )
                    });
                self.diags.push(
                    Diagnostic::new(
                        Code::NameUnknownType,
                        base_span,
                        crate::tr!("syntax-unknown-type-other", other = other),
                    )
                    .label(crate::tr!("syntax-unknown-type"))
                    .help(help),
                );
                return (Type::Unknown, optional);
            }
        };
        if let Some(u) = unit {
            self.diags.push(
                Diagnostic::new(
                    Code::NameUnknownType,
                    self.span(&u),
                    crate::tr!("syntax-type-base-takes-no-unit", base = base.as_str()),
                )
                .label(crate::tr!("syntax-only-money-has-unit"))
                .help(crate::tr!("syntax-write-base", base = base.as_str())),
            );
        }
        (ty, optional)
    }

    /// document_decl = { kw_document ~ ident ~ lbrace ~ (article | prop ~ (comma | sep)? | sep)* ~ rbrace }
    fn lower_document(&mut self, p: P<'_>) -> Document {
        let span = self.span(&p);
        let mut name = None;
        let mut props = Vec::new();
        let mut articles = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::ident => name = Some(self.lower_name(c)),
                Rule::prop => props.push(self.lower_prop(c)),
                Rule::article => articles.push(self.lower_article(c)),
                _ => {}
            }
        }
        let name = name.expect("document has a name");
        let mut r = PropReader::new("a document", name.span, props, self.diags);
        let v = r.take("title");
        let title = r.string("title", v);
        let v = r.take_required("level", "law");
        let level = r.word("level", v, DocLevel::parse, DocLevel::spellings());
        let v = r.take_required("issuer", "国务院");
        let issuer = r.names("issuer", v);
        let v = r.take("region");
        let region = r.name("region", v);
        let v = r.take_required("effective", "2012-01-01");
        let effective = r.date("effective", v).map(|(d, _)| d);
        let v = r.take("expires");
        let expires = r.date("expires", v);
        let v = r.take("replaces");
        let replaces = r.names("replaces", v);
        let v = r.take("approved_by");
        let approved_by = r.name("approved_by", v);
        let v = r.take("varies");
        let varies = r.names("varies", v);
        let v = r.take("for_autonomous_areas");
        let for_autonomous_areas = r.boolean("for_autonomous_areas", v).unwrap_or(false);
        r.finish(&[
            "title",
            "level",
            "issuer",
            "region",
            "effective",
            "expires",
            "replaces",
            "approved_by",
            "varies",
            "for_autonomous_areas",
        ]);
        Document {
            name,
            title,
            level,
            issuer,
            region,
            effective,
            expires,
            replaces,
            approved_by,
            varies,
            for_autonomous_areas,
            articles,
            span,
        }
    }

    /// article = { kw_article ~ article_no ~ string? ~ article_body? }
    /// article_body = { lbrace ~ (norm | prop ~ (comma | sep)? | sep)* ~ rbrace }
    pub(super) fn lower_article(&mut self, p: P<'_>) -> Article {
        let span = self.span(&p);
        let mut number = String::new();
        let mut text = None;
        let mut items = Vec::new();
        let mut props = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::article_no => number = super::literal::ascii_digits(c.as_str()).into_owned(),
                Rule::string => text = Some(self.lower_string(c)),
                Rule::article_body => {
                    for n in c.into_inner() {
                        if n.as_rule() == Rule::prop {
                            props.push(self.lower_prop(n));
                        } else if let Some(n) = self.lower_norm(n) {
                            items.push(n);
                        }
                    }
                }
                _ => {}
            }
        }
        let mut r = PropReader::new("an article", span, props, self.diags);
        let v = r.take("for_autonomous_areas");
        let for_autonomous_areas = r.boolean("for_autonomous_areas", v).unwrap_or(false);
        r.finish(&["for_autonomous_areas"]);
        Article {
            number,
            text,
            items,
            for_autonomous_areas,
            span,
        }
    }

    /// pair_decl = { kw_pair ~ actor_ref ~ arrow ~ actor_ref ~ kw_in ~ ident ~ pair_from? ~ pair_to? ~ props? }
    fn lower_pair(&mut self, p: P<'_>) -> Pair {
        let span = self.span(&p);
        let mut names = Vec::new();
        let mut from = None;
        let mut to = None;
        let mut props = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::actor_ref | Rule::ident => names.push(self.lower_name(c)),
                Rule::pair_from => from = self.lower_year(c),
                Rule::pair_to => to = self.lower_year(c),
                Rule::props => props = self.lower_props(c),
                _ => {}
            }
        }
        let mut names = names.into_iter();
        let mut next = || {
            names
                .next()
                .expect("pair has supporter, recipient, program")
        };
        let (supporter, recipient, program) = (next(), next(), next());
        let mut r = PropReader::new(
            "a pair",
            supporter.span.to(recipient.span),
            props,
            self.diags,
        );
        let v = r.take("scope");
        let scope = r.strings("scope", v);
        let v = r.take("goal");
        let goal = r.string("goal", v);
        let v = r.take("tasks");
        let tasks = r.strings("tasks", v);
        let v = r.take("mode");
        let mode = r.string("mode", v);
        let v = r.take("responsible");
        let responsible = r.name("responsible", v);
        r.finish(&["scope", "goal", "tasks", "mode", "responsible"]);
        Pair {
            supporter,
            recipient,
            program,
            from,
            to,
            scope,
            goal,
            tasks,
            mode,
            responsible,
            span,
        }
    }

    /// pair_from = { kw_from ~ year }, pair_to = { kw_to ~ year }
    fn lower_year(&mut self, p: P<'_>) -> Option<(i32, Span)> {
        let y = p.into_inner().find(|c| c.as_rule() == Rule::year)?;
        self.year_literal(y)
    }

    /// year = @{ ASCII_DIGIT+ }
    fn year_literal(&mut self, y: P<'_>) -> Option<(i32, Span)> {
        let span = self.span(&y);
        match super::literal::ascii_digits(y.as_str()).parse::<i32>() {
            Ok(v) if (1..=9999).contains(&v) => Some((v, span)),
            _ => {
                self.diags.push(
                    Diagnostic::new(
                        Code::ParseLiteral,
                        span,
                        crate::tr!("syntax-y-not-year", y = y.as_str()),
                    )
                    .label(crate::tr!("syntax-not-year"))
                    .help(crate::tr!("syntax-write-year-like")),
                );
                None
            }
        }
    }

    /// duty_decl = { kw_duty ~ actor_ref ~ kw_holds ~ ident ~ kw_for ~ (duty_program | duty_pair) ~ duty_from? ~ duty_until? ~ role? }
    fn lower_duty(&mut self, p: P<'_>) -> Duty {
        let span = self.span(&p);
        let mut it = p
            .into_inner()
            .filter(|c| !matches!(c.as_rule(), Rule::kw_duty | Rule::kw_holds | Rule::kw_for));
        let actor = self.lower_name(it.next().expect("duty has an actor"));
        let function = self.lower_name(it.next().expect("duty has a function"));
        let target_pair = it.next().expect("duty has a target");
        let names: Vec<Name> = target_pair
            .clone()
            .into_inner()
            .filter(|c| matches!(c.as_rule(), Rule::ident | Rule::actor_ref))
            .map(|c| self.lower_name(c))
            .collect();
        let target = if target_pair.as_rule() == Rule::duty_program {
            DutyTarget::Program(names[0].clone())
        } else {
            DutyTarget::Pair {
                supporter: names[0].clone(),
                recipient: names[1].clone(),
                program: names.get(2).cloned(),
            }
        };
        let (mut from, mut until, mut role) = (None, None, Role::Support);
        for c in it {
            match c.as_rule() {
                Rule::duty_from => from = self.duty_year(c),
                Rule::duty_until => until = self.duty_year(c),
                _ if c.clone().into_inner().any(|c| c.as_rule() == Rule::lead) => {
                    role = Role::Lead;
                }
                _ => {}
            }
        }
        if let (Some(f), Some(u)) = (from, until)
            && f > u
        {
            self.diags.push(
                Diagnostic::new(
                    Code::DeclDutyYears,
                    span,
                    crate::tr!("decl-duty-years-reversed", from = f, until = u),
                )
                .label(crate::tr!("decl-years-reversed"))
                .help(crate::tr!("decl-years-in-order", from = f, until = u)),
            );
        }
        Duty {
            actor,
            function,
            target,
            from,
            until,
            role,
            span,
        }
    }

    /// duty_from = { kw_from ~ year }, duty_until = { (kw_until | kw_to) ~ year }
    fn duty_year(&mut self, p: P<'_>) -> Option<i32> {
        self.lower_year(p).map(|(y, _)| y)
    }

    /// over_clause = { kw_over ~ ident ~ filter? }
    fn lower_over(&mut self, p: P<'_>) -> Over {
        let mut record = None;
        let mut filter = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::ident => record = Some(self.lower_name(c)),
                Rule::filter => filter = Some(self.lower_expr(self.expr_child(c))),
                _ => {}
            }
        }
        Over {
            record: record.expect("over has a record"),
            filter,
        }
    }

    /// per_clause = { kw_per ~ per_key ~ (comma ~ per_key)* }
    fn lower_per(&mut self, p: P<'_>) -> PerClause {
        let mut keys = Vec::new();
        let mut periods: Option<Box<Periods>> = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::word => keys.push(self.lower_name(c)),
                Rule::period_key => {
                    let found = self.lower_period_key(c);
                    keys.push(found.key.clone());
                    match &periods {
                        Some(first) => self.diags.push(
                            Diagnostic::new(
                                Code::TypePeriod,
                                found.span,
                                crate::tr!("lower-one-period-key"),
                            )
                            .label(crate::tr!("lower-a-second-one-here"))
                            .related(first.span, crate::tr!("lower-the-first-one"))
                            .help(crate::tr!("lower-list-every-period-in-one")),
                        ),
                        None => periods = Some(Box::new(found)),
                    }
                }
                _ => {}
            }
        }
        (keys, periods)
    }

    /// period_key = { period_word ~ lparen ~ word ~ (comma ~ year_span)+ ~ comma? ~ rparen }
    fn lower_period_key(&mut self, p: P<'_>) -> Periods {
        let span = self.span(&p);
        let mut key = None;
        let mut spans = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::word => key = Some(self.lower_name(c)),
                Rule::year_span => {
                    let at = self.span(&c);
                    let mut years = c.into_inner();
                    let a = self.year_literal(years.next().expect("a span's first year"));
                    let b = self.year_literal(years.next().expect("a span's last year"));
                    if let (Some((a, _)), Some((b, _))) = (a, b) {
                        spans.push(((a, b), at));
                    }
                }
                _ => {}
            }
        }
        Periods {
            key: key.expect("period_key names a key"),
            spans,
            span,
        }
    }

    /// test_decl = { kw_test ~ (string | ident) ~ lbrace ~ (test_data | expect | sep)* ~ rbrace }
    fn lower_test(&mut self, p: P<'_>) -> Test {
        let span = self.span(&p);
        let mut name = String::new();
        let mut data = Vec::new();
        let mut expects = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::string => name = self.lower_string(c),
                Rule::ident => name = self.lower_name(c).text,
                Rule::test_data => data.push(self.lower_test_data(c)),
                Rule::expect => expects.push(self.lower_expect(c)),
                _ => {}
            }
        }
        Test {
            name,
            data,
            expects,
            span,
        }
    }

    /// test_data = { kw_data ~ ident ~ lbrack ~ (props ~ comma?)* ~ rbrack }
    fn lower_test_data(&mut self, p: P<'_>) -> TestData {
        let mut record = None;
        let mut rows = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::ident => record = Some(self.lower_name(c)),
                Rule::props => {
                    let span = self.span(&c);
                    let row = self.lower_bindings(c);
                    rows.push((row, span));
                }
                _ => {}
            }
        }
        TestData {
            record: record.expect("data names a record"),
            rows,
        }
    }

    /// A property block read as `field: value` bindings.
    fn lower_bindings(&mut self, p: P<'_>) -> Vec<Binding> {
        let mut out: Vec<Binding> = Vec::new();
        for prop in self.lower_props(p) {
            if let Some(first) = out.iter().find(|b| b.key.text == prop.key.text) {
                self.diags.push(
                    Diagnostic::new(
                        Code::DeclDuplicateProperty,
                        prop.key.span,
                        crate::tr!("syntax-field-key-given-twice", key = prop.key.text),
                    )
                    .label(crate::tr!("syntax-given-again-here"))
                    .related(first.key.span, crate::tr!("syntax-first-given-here")),
                );
                continue;
            }
            match prop.value {
                PropValue::Expr(value) => out.push(Binding {
                    key: prop.key,
                    value,
                }),
                PropValue::Target(_, e) => self.diags.push(
                    Diagnostic::new(
                        Code::DeclPropertyType,
                        e.span,
                        crate::tr!("syntax-data-value-cannot-comparison"),
                    )
                    .label(crate::tr!("syntax-expected-value")),
                ),
            }
        }
        out
    }

    /// expect = { kw_expect ~ (expect_score | expect_violation | expect_gap | expect_conflict) }
    fn lower_expect(&mut self, p: P<'_>) -> Expect {
        let inner = p.into_inner().nth(1).expect("expect has a body");
        let rule = inner.as_rule();
        let mut negated = false;
        let mut names = Vec::new();
        let mut group = Vec::new();
        let mut cmp = Cmp::Ge;
        let mut value = None;
        let mut involving = Vec::new();
        for c in inner.into_inner() {
            match c.as_rule() {
                Rule::negated => negated = true,
                Rule::involved => {
                    involving = c
                        .into_inner()
                        .filter(|n| n.as_rule() == Rule::ident)
                        .map(|n| self.lower_name(n))
                        .collect()
                }
                Rule::ident | Rule::raw_word => names.push(self.lower_name(c)),
                Rule::props => group = self.lower_bindings(c),
                Rule::cmp_op => cmp = lower_cmp(c),
                Rule::expr => value = Some(self.lower_expr(c)),
                _ => {}
            }
        }
        let name = names.into_iter().next().expect("expect names something");
        match rule {
            Rule::expect_violation => Expect::Violation {
                negated,
                rule: name,
                group,
            },
            Rule::expect_score => Expect::Score {
                evaluation: name,
                group,
                cmp,
                value: value.expect("score has a value"),
            },
            Rule::expect_gap => Expect::Gap {
                negated,
                code: name,
            },
            _ => Expect::Conflict {
                negated,
                code: name,
                involving,
            },
        }
    }
}

/// The rule type under the name the AST gives it (the grammar's `Rule` is pest's).
type Rule_ = crate::ast::Rule;

/// cmp_op = { eq | ne | le | ge | lt | gt }
pub fn lower_cmp(p: P<'_>) -> Cmp {
    let op = p.into_inner().next().map_or(Rule::eq, |c| c.as_rule());
    match op {
        Rule::eq => Cmp::Eq,
        Rule::ne => Cmp::Ne,
        Rule::le => Cmp::Le,
        Rule::ge => Cmp::Ge,
        Rule::lt => Cmp::Lt,
        _ => Cmp::Gt,
    }
}
