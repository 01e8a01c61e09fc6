//! Hover: a name's declaration; a rule's or duty's article, document, level and period; an
//! actor's properties, duties and pairs; an aggregate's type.

use super::analysis::At;
use super::index::Target;
use crate::ast::{self, Expr, ExprKind};
use crate::symbols::{DeclKind, Source, Sourced, Symbols};
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

/// The hover text at a byte offset of a file.
pub fn hover(at: &At<'_>, offset: usize) -> Option<Hover> {
    let symbols = at.analysis.rules.symbols();
    let (text, span) = if let Some(occ) = at.analysis.index.at(at.file, offset) {
        (describe(at, &occ.target), occ.span)
    } else if let Some((text, span)) = aggregate(symbols, at.file, offset) {
        (text, span)
    } else {
        let duty = symbols
            .duties
            .iter()
            .find(|d| contains(d.item.span, at, offset))?;
        (duty_text(symbols, duty), duty.item.span)
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(at.index.range(span.start, span.end)),
    })
}

fn contains(span: crate::source::Span, at: &At<'_>, offset: usize) -> bool {
    span.file == at.file && span.start as usize <= offset && offset <= span.end as usize
}

/// The declaration's line, then what is known of the target.
fn describe(at: &At<'_>, target: &Target) -> String {
    let symbols = at.analysis.rules.symbols();
    let mut out = String::new();
    if let Some(decl) = at.analysis.index.declaration(target) {
        if let Some((path, idx)) = at.analysis.file(decl.span.file) {
            let text = idx.text();
            let start = idx.text_offset(decl.span.start).min(text.len());
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            let line = idx.position(start).line + 1;
            out.push_str(&format!(
                "```duikou\n{}\n```\n*{}*\n",
                text[line_start..line_end].trim(),
                crate::tr!(
                    "hover-declared-in",
                    file = path
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                    line = line
                )
            ));
        }
    }
    let details = match target {
        Target::Decl(DeclKind::Actor, name) => actor(symbols, name),
        Target::Decl(DeclKind::Rule, name) => symbols.rules.get(name).map(|r| {
            let title = r.item.title.as_deref().map(|t| format!("**{t}**\n\n"));
            format!(
                "{}{}",
                title.unwrap_or_default(),
                source(symbols, r.source.as_ref())
            )
        }),
        Target::Decl(DeclKind::Evaluation, name) => symbols.evaluations.get(name).map(|e| {
            let title = e.item.title.as_deref().map(|t| format!("**{t}**\n\n"));
            format!(
                "{}{}",
                title.unwrap_or_default(),
                source(symbols, e.source.as_ref())
            )
        }),
        Target::Decl(DeclKind::Document, name) => symbols.documents.get(name).map(document),
        Target::Field { record, field } => symbols
            .records
            .get(record)
            .and_then(|r| r.fields.iter().find(|f| &f.name.text == field))
            .map(|f| crate::tr!("hover-field-of", record = record, ty = field_type(f))),
        Target::Decl(kind, _) => Some(kind.as_str().to_string()),
    };
    if let Some(d) = details {
        out.push('\n');
        out.push_str(&d);
    }
    out
}

fn field_type(f: &ast::Field) -> String {
    let base = match f.ty {
        ast::Type::Money(unit) => format!("money({})", unit.as_str()),
        t => t.written(),
    };
    let mut s = format!("`{base}{}`", if f.optional { "?" } else { "" });
    if f.key {
        s.push_str(&crate::tr!("hover-field-key"));
    }
    if f.time {
        s.push_str(&crate::tr!("hover-field-time"));
    }
    s
}

/// An actor's properties, the duties it holds and the pairs it is in.
fn actor(symbols: &Symbols, name: &str) -> Option<String> {
    let a = symbols.actors.get(name)?;
    let mut lines = Vec::new();
    let opt = |label: String, v: Option<String>| v.map(|v| format!("- {label}: {v}"));
    lines.extend(opt(crate::tr!("hover-title"), a.title.clone()));
    lines.extend(opt(
        crate::tr!("hover-kind"),
        a.kind.map(|k| k.as_str().to_string()),
    ));
    lines.extend(opt(
        crate::tr!("hover-level"),
        a.level.map(|l| l.as_str().to_string()),
    ));
    lines.extend(opt(
        crate::tr!("hover-region"),
        a.region.as_ref().map(|r| format!("`{}`", r.text)),
    ));
    lines.extend(opt(
        crate::tr!("hover-of"),
        a.of.as_ref().map(|r| format!("`{}`", r.text)),
    ));
    lines.extend(opt(
        crate::tr!("hover-until"),
        a.until.map(|d| d.to_string()),
    ));
    if !a.aliases.is_empty() {
        let label = crate::tr!("hover-aliases");
        lines.push(format!("- {label}: {}", a.aliases.join(", ")));
    }
    let duties: Vec<String> = symbols
        .duties
        .iter()
        .filter(|d| d.item.actor.text == name)
        .map(|d| format!("- {}", duty_line(&d.item)))
        .collect();
    if !duties.is_empty() {
        lines.push(format!(
            "\n**{}** ({})",
            crate::tr!("hover-duties"),
            duties.len()
        ));
        lines.extend(duties);
    }
    let pairs: Vec<String> = symbols
        .pairs
        .iter()
        .filter(|p| p.item.supporter.text == name || p.item.recipient.text == name)
        .map(|p| format!("- {}", pair_line(&p.item)))
        .collect();
    if !pairs.is_empty() {
        lines.push(format!(
            "\n**{}** ({})",
            crate::tr!("hover-pairs"),
            pairs.len()
        ));
        lines.extend(pairs);
    }
    Some(lines.join("\n"))
}

fn duty_line(d: &ast::Duty) -> String {
    let target = match &d.target {
        ast::DutyTarget::Program(p) => crate::tr!("hover-target-program", name = p.text),
        ast::DutyTarget::Pair {
            supporter,
            recipient,
            program,
        } => crate::tr!(
            "hover-target-pair",
            supporter = supporter.text,
            recipient = recipient.text,
            program = program.as_ref().map_or(String::new(), |p| crate::tr!(
                "hover-in-program",
                name = p.text
            ))
        ),
    };
    let role = match d.role {
        ast::Role::Lead => crate::tr!("hover-role-lead"),
        ast::Role::Support => crate::tr!("hover-role-support"),
    };
    crate::tr!(
        "hover-holds",
        function = d.function.text,
        target = target,
        years = duty_years(d),
        role = role
    )
}

/// The years a duty names, in the output language: ` from 2016`, ` until 2015`, both, or nothing.
fn duty_years(d: &ast::Duty) -> String {
    let from = d
        .from
        .map(|y| crate::tr!("hover-from-year", year = y))
        .unwrap_or_default();
    let until = d
        .until
        .map(|y| crate::tr!("hover-until-year", year = y))
        .unwrap_or_default();
    format!("{from}{until}")
}

fn pair_line(p: &ast::Pair) -> String {
    let years = match (p.from, p.to) {
        (Some((f, _)), Some((t, _))) => format!(" {f}–{t}"),
        (Some((f, _)), None) => crate::tr!("hover-from-year", year = f),
        _ => String::new(),
    };
    crate::tr!(
        "hover-pair-line",
        supporter = p.supporter.text,
        recipient = p.recipient.text,
        program = p.program.text,
        years = years
    )
}

fn duty_text(symbols: &Symbols, duty: &Sourced<ast::Duty>) -> String {
    format!(
        "**{}** `{}` {}\n\n{}",
        crate::tr!("hover-duty"),
        duty.item.actor.text,
        duty_line(&duty.item),
        source(symbols, duty.source.as_ref())
    )
}

/// A document's title, level and period.
fn document(d: &ast::Document) -> String {
    let mut s = format!(
        "**{}** — {}",
        d.title.as_deref().unwrap_or(&d.name.text),
        d.level
            .map_or_else(|| crate::tr!("hover-no-level"), |l| l.as_str().to_string())
    );
    s.push_str(&crate::tr!("hover-in-force", period = period(d)));
    if !d.issuer.is_empty() {
        let names: Vec<String> = d.issuer.iter().map(|i| format!("`{}`", i.text)).collect();
        let names = names.join(&crate::tr!("hover-and"));
        s.push_str(&crate::tr!("hover-issued-by", names = names));
    }
    s
}

fn period(d: &ast::Document) -> String {
    let from = d.effective.map_or("?".to_string(), |e| e.to_string());
    match d.expires {
        Some((to, _)) => crate::tr!("hover-from-until", from = from, to = to),
        None => crate::tr!("hover-from", from = from),
    }
}

/// The article's wording and its document, level and period.
fn source(symbols: &Symbols, source: Option<&Source>) -> String {
    let Some(src) = source else {
        return format!("*{}*", crate::tr!("hover-unsourced"));
    };
    let Some((_, doc)) = symbols.documents.get_index(src.id.index()) else {
        return crate::tr!(
            "hover-document-article",
            document = src.document,
            article = src.article
        );
    };
    let wording = doc
        .articles
        .iter()
        .find(|a| a.number == src.article)
        .and_then(|a| a.text.clone())
        .map(|t| format!("> {t}\n\n"))
        .unwrap_or_default();
    format!(
        "{}\n\n{wording}{}",
        crate::tr!(
            "hover-article-of",
            article = src.article,
            document = src.document
        ),
        document(doc)
    )
}

/// The type of the aggregate whose name is under the cursor.
fn aggregate(
    symbols: &Symbols,
    file: crate::source::FileId,
    offset: usize,
) -> Option<(String, crate::source::Span)> {
    let mut found = None;
    let mut visit = |over: Option<&ast::Over>, per: &[ast::Name], e: &Expr| {
        if found.is_some() {
            return;
        }
        if let Some(call) = call_at(e, file, offset) {
            let record = over.and_then(|o| symbols.records.get(&o.record.text));
            let keys = (!per.is_empty()).then_some(per);
            let mut scope = crate::types::Scope::new(symbols, record, keys);
            scope.allow_rated = true;
            let ty = scope.ty(call, &mut Vec::new());
            if let ExprKind::Call { function, .. } = &call.kind {
                found = Some((
                    format!("`{}(…)`: {}", function.text, ty.describe()),
                    function.span,
                ));
            }
        }
    };
    for r in symbols.rules.values() {
        let r = &r.item;
        for e in [&r.condition, &r.unless].into_iter().flatten() {
            visit(r.over.as_ref(), &r.per, e);
        }
    }
    for ev in symbols.evaluations.values() {
        let ev = &ev.item;
        for ind in &ev.indicators {
            if let Some(v) = &ind.value {
                visit(ev.over.as_ref(), &ev.per, v);
            }
        }
    }
    found
}

/// The call whose function name covers the offset.
fn call_at(e: &Expr, file: crate::source::FileId, offset: usize) -> Option<&Expr> {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Call {
                function,
                args,
                filter,
                ..
            } => {
                let s = function.span;
                if s.file == file && s.start as usize <= offset && offset <= s.end as usize {
                    return Some(e);
                }
                stack.extend(args);
                stack.extend(filter.as_deref());
            }
            ExprKind::List(xs) => stack.extend(xs),
            ExprKind::Member(x, _) | ExprKind::Unary(_, x) => stack.push(x),
            ExprKind::Binary(_, l, r) => stack.extend([&**l, &**r]),
            ExprKind::If(c, t, f) => stack.extend([&**c, &**t, &**f]),
            ExprKind::Literal(_) | ExprKind::Name(_) => {}
        }
    }
    None
}
