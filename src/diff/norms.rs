//! The text and norm layer, compared by meaning: documents, articles and norms are matched by
//! name (pairs by their two actors and program, duties by holder, function and scope), and a
//! change is said in the terms of the norm — a threshold, a pairing's years, a duty's holder or
//! role, an indicator's weight — not as lines of text.

use super::Change;
use crate::RuleSet;
use crate::ast::{self, BinOp, Expr, ExprKind};
use crate::source::Span;
use crate::symbols::{Source, Sourced};

/// Collects changes.
struct Changes(Vec<Change>);

impl Changes {
    fn push(&mut self, change: &'static str, item: impl Into<String>, detail: impl Into<String>) {
        self.0.push(Change {
            change,
            item: item.into(),
            detail: detail.into(),
        });
    }

    /// A property that differs: `label: `old` → `new``.
    fn field(&mut self, item: &str, label: &str, old: String, new: String) {
        if old != new {
            let show = |s: &str| {
                if s.is_empty() {
                    "(none)".to_string()
                } else {
                    format!("`{s}`")
                }
            };
            self.push(
                "changed",
                item,
                format!("{label}: {} → {}", show(&old), show(&new)),
            );
        }
    }
}

/// The source text of a span, on one line.
fn text(rules: &RuleSet, span: Span) -> String {
    rules
        .sources()
        .snippet(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn opt_expr(rules: &RuleSet, e: Option<&Expr>) -> String {
    e.map_or(String::new(), |e| text(rules, e.span))
}

fn names(list: &[ast::Name]) -> String {
    list.iter()
        .map(|n| n.text.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn source(s: Option<&Source>) -> String {
    s.map_or("unsourced".to_string(), |s| {
        crate::tr!(
            "gaps-document-art-article",
            document = s.document,
            article = s.article
        )
    })
}

/// Documents added, removed or changed, and their articles added, removed or reworded.
pub fn documents(old: &RuleSet, new: &RuleSet) -> Vec<Change> {
    let (a, b) = (&old.symbols().documents, &new.symbols().documents);
    let mut c = Changes(Vec::new());
    for name in a.keys().filter(|n| !b.contains_key(*n)) {
        c.push(
            "removed",
            crate::tr!("tools-document-name", name = name),
            "",
        );
    }
    for (name, nd) in b {
        let item = crate::tr!("tools-document-name", name = name);
        let Some(od) = a.get(name) else {
            c.push("added", item, "");
            continue;
        };
        let date = |d: Option<chrono::NaiveDate>| d.map_or(String::new(), |d| d.to_string());
        let name_of = |n: &Option<ast::Name>| n.as_ref().map_or(String::new(), |n| n.text.clone());
        c.field(
            &item,
            "title",
            od.title.clone().unwrap_or_default(),
            nd.title.clone().unwrap_or_default(),
        );
        c.field(
            &item,
            "level",
            od.level.map_or("", |l| l.as_str()).into(),
            nd.level.map_or("", |l| l.as_str()).into(),
        );
        let names = |ns: &[ast::Name]| {
            ns.iter()
                .map(|n| n.text.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        c.field(&item, "issuer", names(&od.issuer), names(&nd.issuer));
        c.field(&item, "region", name_of(&od.region), name_of(&nd.region));
        c.field(&item, "effective", date(od.effective), date(nd.effective));
        c.field(
            &item,
            "expires",
            date(od.expires.map(|e| e.0)),
            date(nd.expires.map(|e| e.0)),
        );
        c.field(&item, "replaces", names(&od.replaces), names(&nd.replaces));
        articles(&mut c, name, od, nd);
    }
    c.0
}

fn articles(c: &mut Changes, doc: &str, od: &ast::Document, nd: &ast::Document) {
    let find = |d: &'_ ast::Document, n: &str| d.articles.iter().find(|a| a.number == n).cloned();
    for a in &od.articles {
        if find(nd, &a.number).is_none() {
            c.push(
                "removed",
                crate::tr!("tools-article-doc-number", doc = doc, number = a.number),
                a.text.clone().unwrap_or_default(),
            );
        }
    }
    for a in &nd.articles {
        let item = crate::tr!("tools-article-doc-number", doc = doc, number = a.number);
        match find(od, &a.number) {
            None => c.push("added", item, a.text.clone().unwrap_or_default()),
            Some(o) if o.text != a.text => c.push(
                "changed",
                item,
                crate::tr!(
                    "tools-reworded-o",
                    o = o.text.unwrap_or_default(),
                    a = a.text.clone().unwrap_or_default()
                ),
            ),
            Some(_) => {}
        }
    }
}

/// Every norm and declaration added, removed or changed.
pub fn norms(old: &RuleSet, new: &RuleSet) -> Vec<Change> {
    let mut c = Changes(Vec::new());
    rules(&mut c, old, new);
    pairs(&mut c, old, new);
    duties(&mut c, old, new);
    evaluations(&mut c, old, new);
    declarations(&mut c, old, new);
    c.0
}

/// `threshold of `x`: `>= 74%` → `>= 80%``, or the whole condition when more than the bound
/// changed.
fn condition(old: &RuleSet, new: &RuleSet, a: Option<&Expr>, b: Option<&Expr>) -> Option<String> {
    if a == b {
        return None;
    }
    if let (Some(a), Some(b)) = (a, b)
        && let (ExprKind::Binary(BinOp::Cmp(oa), la, ra), ExprKind::Binary(BinOp::Cmp(ob), lb, rb)) =
            (&a.kind, &b.kind)
        && la == lb
    {
        return Some(crate::tr!(
            "tools-threshold-text-oa-text-ob",
            text = text(new, lb.span),
            oa = oa.as_str(),
            text2 = text(old, ra.span),
            ob = ob.as_str(),
            text3 = text(new, rb.span)
        ));
    }
    Some(crate::tr!(
        "tools-condition-opt-expr-opt-expr",
        opt_expr = opt_expr(old, a),
        opt_expr2 = opt_expr(new, b)
    ))
}

fn rules(c: &mut Changes, old: &RuleSet, new: &RuleSet) {
    let (a, b) = (&old.symbols().rules, &new.symbols().rules);
    for name in a.keys().filter(|n| !b.contains_key(*n)) {
        c.push(
            "removed",
            crate::tr!("tools-rule-name", name = name),
            source(a[name].source.as_ref()),
        );
    }
    for (name, nr) in b {
        let item = crate::tr!("tools-rule-name", name = name);
        let Some(or) = a.get(name) else {
            c.push("added", item, source(nr.source.as_ref()));
            continue;
        };
        let (o, n) = (&or.item, &nr.item);
        c.field(
            &item,
            "source",
            source(or.source.as_ref()),
            source(nr.source.as_ref()),
        );
        c.field(
            &item,
            "kind",
            o.kind.keyword().to_string(),
            n.kind.keyword().to_string(),
        );
        if let Some(d) = condition(old, new, o.condition.as_ref(), n.condition.as_ref()) {
            c.push("changed", &item, d);
        }
        let over = |r: &RuleSet, x: &ast::Rule| {
            x.over.as_ref().map_or(String::new(), |o| {
                format!("{} {}", o.record.text, opt_expr(r, o.filter.as_ref()))
                    .trim()
                    .to_string()
            })
        };
        c.field(&item, "over", over(old, o), over(new, n));
        c.field(
            &item,
            "per",
            o.per_texts().join(", "),
            n.per_texts().join(", "),
        );
        c.field(
            &item,
            "unless",
            opt_expr(old, o.unless.as_ref()),
            opt_expr(new, n.unless.as_ref()),
        );
        c.field(
            &item,
            "severity",
            o.severity.as_str().into(),
            n.severity.as_str().into(),
        );
        let msg = |r: &ast::Rule| r.message.as_ref().map_or(String::new(), |m| m.0.clone());
        c.field(&item, "message", msg(o), msg(n));
        c.field(
            &item,
            "title",
            o.title.clone().unwrap_or_default(),
            n.title.clone().unwrap_or_default(),
        );
    }
}

fn pair_key(p: &ast::Pair) -> String {
    crate::tr!(
        "gaps-pair-supporter-recipient-program",
        supporter = p.supporter.text,
        recipient = p.recipient.text,
        program = p.program.text
    )
}

fn years(p: &ast::Pair) -> String {
    let y = |v: Option<(i32, Span)>| v.map_or(String::new(), |v| v.0.to_string());
    format!("{}–{}", y(p.from), y(p.to))
}

fn pairs(c: &mut Changes, old: &RuleSet, new: &RuleSet) {
    let (a, b) = (&old.symbols().pairs, &new.symbols().pairs);
    let find = |list: &'_ [Sourced<ast::Pair>], k: &str| {
        list.iter().find(|p| pair_key(&p.item) == k).cloned()
    };
    for p in a.iter().filter(|p| find(b, &pair_key(&p.item)).is_none()) {
        c.push(
            "removed",
            pair_key(&p.item),
            format!("{}, {}", years(&p.item), source(p.source.as_ref())),
        );
    }
    for np in b {
        let item = pair_key(&np.item);
        let Some(op) = find(a, &item) else {
            c.push(
                "added",
                item,
                format!("{}, {}", years(&np.item), source(np.source.as_ref())),
            );
            continue;
        };
        let (o, n) = (&op.item, &np.item);
        c.field(&item, "years", years(o), years(n));
        c.field(
            &item,
            "source",
            source(op.source.as_ref()),
            source(np.source.as_ref()),
        );
        let name = |x: &Option<ast::Name>| x.as_ref().map_or(String::new(), |n| n.text.clone());
        c.field(
            &item,
            "responsible",
            name(&o.responsible),
            name(&n.responsible),
        );
        c.field(&item, "scope", o.scope.join(", "), n.scope.join(", "));
        c.field(
            &item,
            "goal",
            o.goal.clone().unwrap_or_default(),
            n.goal.clone().unwrap_or_default(),
        );
        c.field(&item, "tasks", o.tasks.join(", "), n.tasks.join(", "));
        c.field(
            &item,
            "mode",
            o.mode.clone().unwrap_or_default(),
            n.mode.clone().unwrap_or_default(),
        );
    }
}

/// A duty's function and scope: `总体规划 for program 援疆`.
fn duty_scope(d: &ast::Duty) -> String {
    match &d.target {
        ast::DutyTarget::Program(p) => crate::tr!(
            "tools-function-for-program-p",
            function = d.function.text,
            p = p.text
        ),
        ast::DutyTarget::Pair {
            supporter,
            recipient,
            program,
        } => format!(
            "{} for pair {} -> {}{}",
            d.function.text,
            supporter.text,
            recipient.text,
            program
                .as_ref()
                .map_or(String::new(), |p| format!(" in {}", p.text))
        ),
    }
}

fn role(d: &ast::Duty) -> &'static str {
    match d.role {
        ast::Role::Lead => "lead",
        ast::Role::Support => "support",
    }
}

fn duties(c: &mut Changes, old: &RuleSet, new: &RuleSet) {
    let key = |d: &ast::Duty| (duty_scope(d), d.actor.text.clone());
    let (a, b) = (&old.symbols().duties, &new.symbols().duties);
    let gone: Vec<_> = a
        .iter()
        .filter(|o| !b.iter().any(|n| key(&n.item) == key(&o.item)))
        .collect();
    let came: Vec<_> = b
        .iter()
        .filter(|n| !a.iter().any(|o| key(&o.item) == key(&n.item)))
        .collect();
    let mut matched = vec![false; came.len()];
    for o in &gone {
        let scope = duty_scope(&o.item);
        // The same function and scope with another holder: the holder changed.
        match came
            .iter()
            .enumerate()
            .position(|(i, n)| !matched[i] && duty_scope(&n.item) == scope)
        {
            Some(i) => {
                matched[i] = true;
                let n = &came[i].item;
                let detail = crate::tr!(
                    "tools-holder-actor-role-actor-role",
                    actor = o.item.actor.text,
                    role = role(&o.item),
                    actor2 = n.actor.text,
                    role2 = role(n)
                );
                c.push(
                    "changed",
                    crate::tr!("tools-duty-scope", scope = scope),
                    detail,
                );
            }
            None => c.push(
                "removed",
                crate::tr!(
                    "tools-duty-actor-holds-scope",
                    actor = o.item.actor.text,
                    scope = scope
                ),
                role(&o.item),
            ),
        }
    }
    for (n, _) in came.iter().zip(&matched).filter(|(_, m)| !**m) {
        c.push(
            "added",
            crate::tr!(
                "tools-duty-actor-holds-duty-scope",
                actor = n.item.actor.text,
                duty_scope = duty_scope(&n.item)
            ),
            role(&n.item),
        );
    }
    for n in b {
        if let Some(o) = a.iter().find(|o| key(&o.item) == key(&n.item)) {
            let item = crate::tr!(
                "tools-duty-actor-holds-duty-scope",
                actor = n.item.actor.text,
                duty_scope = duty_scope(&n.item)
            );
            c.field(&item, "role", role(&o.item).into(), role(&n.item).into());
            c.field(
                &item,
                "years",
                o.item.years_text().trim().to_string(),
                n.item.years_text().trim().to_string(),
            );
            c.field(
                &item,
                "source",
                source(o.source.as_ref()),
                source(n.source.as_ref()),
            );
        }
    }
}

fn percent(d: rust_decimal::Decimal) -> String {
    format!("{}%", (d * rust_decimal::Decimal::ONE_HUNDRED).normalize())
}

fn evaluations(c: &mut Changes, old: &RuleSet, new: &RuleSet) {
    let (a, b) = (&old.symbols().evaluations, &new.symbols().evaluations);
    for name in a.keys().filter(|n| !b.contains_key(*n)) {
        c.push(
            "removed",
            crate::tr!("tools-evaluation-name", name = name),
            "",
        );
    }
    for (name, ne) in b {
        let Some(oe) = a.get(name) else {
            c.push(
                "added",
                crate::tr!("tools-evaluation-name", name = name),
                "",
            );
            continue;
        };
        let item = crate::tr!("tools-evaluation-name", name = name);
        let (o, n) = (&oe.item, &ne.item);
        let pairs = |v: &[(ast::Name, rust_decimal::Decimal)], pct: bool| {
            v.iter()
                .map(|(k, w)| {
                    format!(
                        "{}: {}",
                        k.text,
                        if pct {
                            percent(*w)
                        } else {
                            w.normalize().to_string()
                        }
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        c.field(
            &item,
            "evaluators",
            pairs(&o.evaluators, true),
            pairs(&n.evaluators, true),
        );
        c.field(
            &item,
            "grades",
            pairs(&o.grades, false),
            pairs(&n.grades, false),
        );
        c.field(&item, "per", names(&o.per), names(&n.per));
        c.field(
            &item,
            "rank within",
            names(&o.rank_within),
            names(&n.rank_within),
        );
        indicators(c, name, (old, o), (new, n));
    }
}

fn indicators(
    c: &mut Changes,
    eval: &str,
    (old, o): (&RuleSet, &ast::Evaluation),
    (new, n): (&RuleSet, &ast::Evaluation),
) {
    let find =
        |e: &ast::Evaluation, k: &str| e.indicators.iter().find(|i| i.name.text == k).cloned();
    for i in o
        .indicators
        .iter()
        .filter(|i| find(n, &i.name.text).is_none())
    {
        c.push(
            "removed",
            crate::tr!("tools-indicator-eval-i", eval = eval, i = i.name.text),
            "",
        );
    }
    for ni in &n.indicators {
        let item = crate::tr!("tools-indicator-eval-ni", eval = eval, ni = ni.name.text);
        let Some(oi) = find(o, &ni.name.text) else {
            c.push("added", item, "");
            continue;
        };
        let weight = |i: &ast::Indicator| i.weight.map_or(String::new(), |w| percent(w.0));
        c.field(&item, "weight", weight(&oi), weight(ni));
        let target = |r: &RuleSet, i: &ast::Indicator| {
            i.target.as_ref().map_or(String::new(), |(cmp, e)| {
                format!("{} {}", cmp.as_str(), text(r, e.span))
            })
        };
        if oi.target != ni.target {
            c.field(&item, "target", target(old, &oi), target(new, ni));
        }
        if oi.value != ni.value {
            c.field(
                &item,
                "value",
                opt_expr(old, oi.value.as_ref()),
                opt_expr(new, ni.value.as_ref()),
            );
        }
        let kind = |i: &ast::Indicator| i.kind.map_or("", |k| k.as_str()).to_string();
        c.field(&item, "kind", kind(&oi), kind(ni));
    }
}

/// Actors, programs, functions and record types added, removed or changed, property by property.
fn declarations(c: &mut Changes, old: &RuleSet, new: &RuleSet) {
    let (a, b) = (old.symbols(), new.symbols());
    let name = |n: &Option<ast::Name>| n.as_ref().map_or(String::new(), |n| n.text.clone());
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    let show = |v: Option<&str>| v.unwrap_or("").to_string();
    let year = |y: Option<i32>| y.map_or(String::new(), |y| y.to_string());
    compare(c, "actor", &a.actors, &b.actors, |c, item, o, n| {
        c.field(
            item,
            "kind",
            show(o.kind.map(|k| k.as_str())),
            show(n.kind.map(|k| k.as_str())),
        );
        c.field(
            item,
            "level",
            show(o.level.map(|k| k.as_str())),
            show(n.level.map(|k| k.as_str())),
        );
        c.field(item, "title", text(&o.title), text(&n.title));
        c.field(item, "region", name(&o.region), name(&n.region));
        c.field(item, "of", name(&o.of), name(&n.of));
        let until = |d: Option<chrono::NaiveDate>| d.map_or(String::new(), |d| d.to_string());
        c.field(item, "until", until(o.until), until(n.until));
        c.field(item, "aliases", o.aliases.join(", "), n.aliases.join(", "));
    });
    compare(c, "program", &a.programs, &b.programs, |c, item, o, n| {
        c.field(item, "title", text(&o.title), text(&n.title));
        c.field(item, "since", year(o.since), year(n.since));
        c.field(item, "until", year(o.until), year(n.until));
    });
    compare(
        c,
        "function",
        &a.functions,
        &b.functions,
        |c, item, o, n| {
            c.field(item, "title", text(&o.title), text(&n.title));
            c.field(
                item,
                "scope",
                show(o.scope.map(|k| k.as_str())),
                show(n.scope.map(|k| k.as_str())),
            );
            c.field(
                item,
                "side",
                show(o.side.map(|k| k.as_str())),
                show(n.side.map(|k| k.as_str())),
            );
            c.field(
                item,
                "holder",
                show(o.holder.map(|k| k.as_str())),
                show(n.holder.map(|k| k.as_str())),
            );
        },
    );
    compare(c, "record", &a.records, &b.records, record_fields);
}

/// A field's type as written: `money(万元)?`.
fn field_type(f: &ast::Field) -> String {
    let base = match f.ty {
        ast::Type::Money(unit) => format!("money({})", unit.as_str()),
        other => other.written(),
    };
    let marks = [f.key.then_some(" key"), f.time.then_some(" time")];
    format!(
        "{base}{}{}",
        if f.optional { "?" } else { "" },
        marks.into_iter().flatten().collect::<String>()
    )
}

/// A record type's fields added, removed or retyped.
fn record_fields(c: &mut Changes, item: &str, o: &ast::Record, n: &ast::Record) {
    let find = |r: &'_ ast::Record, name: &str| {
        r.fields
            .iter()
            .find(|f| f.name.text == name)
            .map(field_type)
    };
    for f in o.fields.iter().filter(|f| find(n, &f.name.text).is_none()) {
        c.push(
            "changed",
            item,
            crate::tr!(
                "tools-field-removed-f-field-type",
                f = f.name.text,
                field_type = field_type(f)
            ),
        );
    }
    for f in &n.fields {
        match find(o, &f.name.text) {
            None => c.push(
                "changed",
                item,
                crate::tr!(
                    "tools-field-added-f-field-type",
                    f = f.name.text,
                    field_type = field_type(f)
                ),
            ),
            Some(old) => c.field(
                item,
                &crate::tr!("tools-field-f", f = f.name.text),
                old,
                field_type(f),
            ),
        }
    }
}

/// Declarations of one kind by name: removed, added, and `changed` by `fields` for the rest.
fn compare<T: PartialEq>(
    c: &mut Changes,
    label: &str,
    a: &crate::symbols::NameMap<T>,
    b: &crate::symbols::NameMap<T>,
    fields: impl Fn(&mut Changes, &str, &T, &T),
) {
    for k in a.keys().filter(|k| !b.contains_key(*k)) {
        c.push("removed", format!("{label} {k}"), "");
    }
    for (k, v) in b {
        let item = format!("{label} {k}");
        match a.get(k) {
            None => c.push("added", item, ""),
            Some(o) if o != v => fields(c, &item, o, v),
            Some(_) => {}
        }
    }
}
