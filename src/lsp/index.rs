//! Every place a declared name is written: declarations and references, across all files.
//! Definition, references, rename, hover and colours all read this one table.

use crate::ast::{self, Expr, ExprKind, Name};
use crate::source::Span;
use crate::symbols::{DeclKind, Symbols};

/// What a written name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A top-level declaration: actor, program, function, record, document, rule, evaluation.
    Decl(DeclKind, String),
    /// A field of a record.
    Field { record: String, field: String },
}

impl Target {
    /// The name as declared.
    pub fn name(&self) -> &str {
        match self {
            Target::Decl(_, n) => n,
            Target::Field { field, .. } => field,
        }
    }
}

/// One written name.
#[derive(Debug, Clone)]
pub struct Occurrence {
    pub target: Target,
    pub span: Span,
    /// Whether this is the declaration itself.
    pub declaration: bool,
}

/// The occurrences of a rule set, in declaration order.
#[derive(Debug, Default)]
pub struct Index {
    pub occurrences: Vec<Occurrence>,
}

impl Index {
    /// Builds the table from the resolved declarations.
    pub fn build(symbols: &Symbols) -> Index {
        let mut w = Walker {
            symbols,
            out: Vec::new(),
        };
        w.declarations();
        w.norms();
        for test in &symbols.tests {
            w.test(test);
        }
        w.out.sort_by_key(|o| (o.span.file, o.span.start));
        Index { occurrences: w.out }
    }

    /// The occurrence under a byte offset of a file (its end counts, so a name just typed is
    /// found).
    pub fn at(&self, file: crate::source::FileId, offset: usize) -> Option<&Occurrence> {
        // Sorted by place: the candidates start at or before the offset, nearest last.
        let after = self
            .occurrences
            .partition_point(|o| (o.span.file, o.span.start as usize) <= (file, offset));
        let contains = |o: &&Occurrence| {
            o.span.file == file && o.span.start as usize <= offset && offset <= o.span.end as usize
        };
        // Names never overlap, but one may end where the next begins: the earlier one wins,
        // as the nearest two are looked at.
        self.occurrences[after.saturating_sub(2)..after]
            .iter()
            .find(contains)
    }

    /// Every occurrence of a target, the declaration first.
    pub fn of<'a>(&'a self, target: &'a Target) -> impl Iterator<Item = &'a Occurrence> + 'a {
        let decl = self
            .occurrences
            .iter()
            .filter(move |o| &o.target == target && o.declaration);
        let refs = self
            .occurrences
            .iter()
            .filter(move |o| &o.target == target && !o.declaration);
        decl.chain(refs)
    }

    /// The declaration of a target.
    pub fn declaration<'a>(&'a self, target: &'a Target) -> Option<&'a Occurrence> {
        self.of(target).find(|o| o.declaration)
    }
}

struct Walker<'a> {
    symbols: &'a Symbols,
    out: Vec<Occurrence>,
}

impl<'a> Walker<'a> {
    fn push(&mut self, target: Target, name: &Name, declaration: bool) {
        self.out.push(Occurrence {
            target,
            span: name.span,
            declaration,
        });
    }

    fn decl(&mut self, kind: DeclKind, name: &Name) {
        self.push(Target::Decl(kind, name.text.clone()), name, true);
    }

    /// A reference to a declaration of `kind`, when that name is declared so.
    fn reference(&mut self, kind: DeclKind, name: &Name) {
        if self.symbols.kind_of(&name.text) == Some(kind) {
            self.push(Target::Decl(kind, name.text.clone()), name, false);
        }
    }

    fn field(&mut self, record: &str, name: &Name, declaration: bool) {
        let known = self
            .symbols
            .records
            .get(record)
            .is_some_and(|r| r.fields.iter().any(|f| f.name.text == name.text));
        if known {
            let target = Target::Field {
                record: record.to_string(),
                field: name.text.clone(),
            };
            self.push(target, name, declaration);
        }
    }

    fn declarations(&mut self) {
        let s = self.symbols;
        for a in s.actors.values() {
            // The built-in `national` is declared nowhere.
            if a.name.text != crate::symbols::NATIONAL {
                self.decl(DeclKind::Actor, &a.name);
            }
            for link in [&a.region, &a.of].into_iter().flatten() {
                self.reference(DeclKind::Actor, link);
            }
        }
        for p in s.programs.values() {
            self.decl(DeclKind::Program, &p.name);
        }
        for f in s.functions.values() {
            self.decl(DeclKind::Function, &f.name);
        }
        for r in s.records.values() {
            self.decl(DeclKind::Record, &r.name);
            for f in &r.fields {
                self.field(&r.name.text, &f.name, true);
            }
        }
        for d in s.documents.values() {
            self.decl(DeclKind::Document, &d.name);
            let actors = d.issuer.iter().chain(&d.region).chain(&d.approved_by);
            for actor in actors {
                self.reference(DeclKind::Actor, actor);
            }
            for old in d.replaces.iter().chain(&d.varies) {
                self.reference(DeclKind::Document, old);
            }
        }
    }

    fn norms(&mut self) {
        let s = self.symbols;
        for r in s.rules.values() {
            self.rule(&r.item);
        }
        for e in s.evaluations.values() {
            self.evaluation(&e.item);
        }
        for p in &s.pairs {
            let p = &p.item;
            self.reference(DeclKind::Actor, &p.supporter);
            self.reference(DeclKind::Actor, &p.recipient);
            self.reference(DeclKind::Program, &p.program);
            if let Some(r) = &p.responsible {
                self.reference(DeclKind::Actor, r);
            }
        }
        for d in &s.duties {
            let d = &d.item;
            self.reference(DeclKind::Actor, &d.actor);
            self.reference(DeclKind::Function, &d.function);
            match &d.target {
                ast::DutyTarget::Program(p) => self.reference(DeclKind::Program, p),
                ast::DutyTarget::Pair {
                    supporter,
                    recipient,
                    program,
                } => {
                    self.reference(DeclKind::Actor, supporter);
                    self.reference(DeclKind::Actor, recipient);
                    if let Some(p) = program {
                        self.reference(DeclKind::Program, p);
                    }
                }
            }
        }
    }

    /// `over R where C` and `per k…`: returns the record looked at.
    fn over(&mut self, over: Option<&ast::Over>, per: &[Name]) -> Option<String> {
        let over = over?;
        self.reference(DeclKind::Record, &over.record);
        let record = over.record.text.clone();
        if let Some(filter) = &over.filter {
            self.expr(filter, Some(&record));
        }
        for key in per {
            self.field(&record, key, false);
        }
        Some(record)
    }

    fn rule(&mut self, rule: &ast::Rule) {
        self.decl(DeclKind::Rule, &rule.name);
        let record = self.over(rule.over.as_ref(), &rule.per);
        for e in [&rule.condition, &rule.unless].into_iter().flatten() {
            self.expr(e, record.as_deref());
        }
    }

    fn evaluation(&mut self, ev: &ast::Evaluation) {
        self.decl(DeclKind::Evaluation, &ev.name);
        let record = self.over(ev.over.as_ref(), &ev.per);
        for ind in &ev.indicators {
            if let Some((_, target)) = &ind.target {
                self.expr(target, record.as_deref());
            }
            if let Some(value) = &ind.value {
                self.expr(value, record.as_deref());
            }
        }
    }

    fn test(&mut self, test: &ast::Test) {
        for data in &test.data {
            self.reference(DeclKind::Record, &data.record);
            for (row, _) in &data.rows {
                self.bindings(&data.record.text, row);
            }
        }
        for expect in &test.expects {
            match expect {
                ast::Expect::Violation { rule, group, .. } => {
                    self.reference(DeclKind::Rule, rule);
                    let record = self
                        .symbols
                        .rules
                        .get(&rule.text)
                        .and_then(|r| r.item.over.as_ref().map(|o| o.record.text.clone()));
                    self.bindings(record.as_deref().unwrap_or(""), group);
                }
                ast::Expect::Score {
                    evaluation, group, ..
                } => {
                    self.reference(DeclKind::Evaluation, evaluation);
                    let record = self
                        .symbols
                        .evaluations
                        .get(&evaluation.text)
                        .and_then(|e| e.item.over.as_ref().map(|o| o.record.text.clone()));
                    self.bindings(record.as_deref().unwrap_or(""), group);
                }
                ast::Expect::Conflict { involving, .. } => {
                    for name in involving {
                        self.reference(DeclKind::Rule, name);
                        self.reference(DeclKind::Actor, name);
                    }
                }
                ast::Expect::Gap { .. } => {}
            }
        }
    }

    fn bindings(&mut self, record: &str, bindings: &[ast::Binding]) {
        for b in bindings {
            self.field(record, &b.key, false);
            self.expr(&b.value, None);
        }
    }

    /// Names in an expression: a field of the record looked at, else an actor or program;
    /// `S.f` with `S` a record is that record's field.
    fn expr(&mut self, e: &Expr, record: Option<&str>) {
        let mut stack = vec![e];
        while let Some(e) = stack.pop() {
            match &e.kind {
                ExprKind::Literal(_) => {}
                ExprKind::Name(n) => self.name(n, record),
                ExprKind::List(xs) => stack.extend(xs),
                ExprKind::Member(base, member) => match &base.kind {
                    ExprKind::Name(r)
                        if self.symbols.records.contains_key(&r.text)
                            && !self.is_field(record, &r.text) =>
                    {
                        self.reference(DeclKind::Record, r);
                        self.field(&r.text.clone(), member, false);
                    }
                    _ => stack.push(base),
                },
                ExprKind::Unary(_, x) => stack.push(x),
                ExprKind::Binary(_, l, r) => stack.extend([&**l, &**r]),
                ExprKind::If(c, t, f) => stack.extend([&**c, &**t, &**f]),
                ExprKind::Call { args, filter, .. } => {
                    stack.extend(args);
                    stack.extend(filter.as_deref());
                }
            }
        }
    }

    fn is_field(&self, record: Option<&str>, name: &str) -> bool {
        record
            .and_then(|r| self.symbols.records.get(r))
            .is_some_and(|r| r.fields.iter().any(|f| f.name.text == name))
    }

    fn name(&mut self, n: &Name, record: Option<&str>) {
        if let Some(r) = record.filter(|r| self.is_field(Some(r), &n.text)) {
            self.field(r, n, false);
        } else if let Some(kind) = self.symbols.kind_of(&n.text) {
            if matches!(kind, DeclKind::Actor | DeclKind::Program | DeclKind::Record) {
                self.reference(kind, n);
            }
        }
    }
}
