//! Builds the symbol table from parsed modules: one namespace, duplicates reported with both places.

use crate::ast::{self, Item, Name, Norm};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::suggest::did_you_mean;
use crate::symbols::{DeclKind, NATIONAL, Source, Sourced, Symbols};

/// Collects every declaration; reports names declared twice.
pub fn build(modules: Vec<ast::Module>, diags: &mut Vec<Diagnostic>) -> Symbols {
    let mut s = Symbols::default();
    s.actors.insert(
        NATIONAL.to_string(),
        ast::Actor {
            name: ast::Name {
                text: NATIONAL.to_string(),
                span: Span::default(),
            },
            kind: Some(ast::ActorKind::Government),
            level: Some(ast::Level::Central),
            title: Some("全国".to_string()),
            region: None,
            of: None,
            until: None,
            aliases: vec!["全国".to_string()],
            autonomous: false,
            span: Span::default(),
        },
    );
    let mut declared: indexmap::IndexMap<String, Span> = indexmap::IndexMap::new();
    let mut claim = |name: &ast::Name, what: &str, diags: &mut Vec<Diagnostic>| -> bool {
        if name.text == NATIONAL {
            diags.push(
                Diagnostic::new(
                    Code::NameDuplicate,
                    name.span,
                    crate::tr!("names-national-built-cannot-declared"),
                )
                .label(crate::tr!("names-built-name"))
                .help(crate::tr!("names-choose-another-name")),
            );
            return false;
        }
        if let Some(first) = declared.get(&name.text) {
            diags.push(
                Diagnostic::new(
                    Code::NameDuplicate,
                    name.span,
                    crate::tr!("names-name-declared-twice", name = name.text),
                )
                .label(crate::tr!("names-what-declared-again-here", what = what))
                .related(*first, crate::tr!("decl-first-declared-here"))
                .help(crate::tr!("names-all-rule-files-share-one")),
            );
            return false;
        }
        declared.insert(name.text.clone(), name.span);
        true
    };
    for module in modules {
        for item in module.items {
            match item {
                Item::Actor(a) => {
                    if claim(&a.name, "actor", diags) {
                        s.actors.insert(a.name.text.clone(), a);
                    }
                }
                Item::Program(p) => {
                    if claim(&p.name, "program", diags) {
                        s.programs.insert(p.name.text.clone(), p);
                    }
                }
                Item::Function(f) => {
                    if claim(&f.name, "function", diags) {
                        s.functions.insert(f.name.text.clone(), f);
                    }
                }
                Item::Record(r) => {
                    if claim(&r.name, "record", diags) {
                        s.records.insert(r.name.text.clone(), r);
                    }
                }
                Item::Document(mut d) => {
                    if !claim(&d.name, "document", diags) {
                        continue;
                    }
                    let mut seen: rustc_hash::FxHashMap<String, Span> = Default::default();
                    for article in &mut d.articles {
                        let canonical = article.number.replace('-', ".");
                        if let Some(first) = seen.get(&canonical) {
                            diags.push(
                                Diagnostic::new(
                                    Code::DeclDuplicateArticle,
                                    article.span,
                                    crate::tr!(
                                        "names-article-number-appears-twice-document",
                                        number = article.number,
                                        d = d.name.text
                                    ),
                                )
                                .label(crate::tr!("names-again-here"))
                                .related(*first, crate::tr!("names-first-here"))
                                .help(crate::tr!("names-number-each-article-once-merge")),
                            );
                        } else {
                            seen.insert(canonical, article.span);
                        }
                        let source = Source {
                            document: d.name.text.clone(),
                            article: article.number.clone(),
                            article_span: article.span,
                        };
                        for norm in std::mem::take(&mut article.items) {
                            add_norm(&mut s, norm, Some(source.clone()), &mut claim, diags);
                        }
                    }
                    s.documents.insert(d.name.text.clone(), d);
                }
                Item::Norm(n) => add_norm(&mut s, n, None, &mut claim, diags),
                Item::Test(t) => s.tests.push(t),
            }
        }
    }
    s
}

fn add_norm(
    s: &mut Symbols,
    norm: Norm,
    source: Option<Source>,
    claim: &mut impl FnMut(&ast::Name, &str, &mut Vec<Diagnostic>) -> bool,
    diags: &mut Vec<Diagnostic>,
) {
    match norm {
        Norm::Pair(item) => s.pairs.push(Sourced { item, source }),
        Norm::Duty(item) => s.duties.push(Sourced { item, source }),
        Norm::Rule(item) => {
            if claim(&item.name, "rule", diags) {
                s.rules
                    .insert(item.name.text.clone(), Sourced { item, source });
            }
        }
        Norm::Evaluation(item) => {
            if claim(&item.name, "evaluation", diags) {
                s.evaluations
                    .insert(item.name.text.clone(), Sourced { item, source });
            }
        }
    }
}

// Looking a name up as a given kind of declaration, with "did you mean" on failure.
fn unknown_code(kind: DeclKind) -> Code {
    match kind {
        DeclKind::Actor => Code::NameUnknownActor,
        DeclKind::Program => Code::NameUnknownProgram,
        DeclKind::Function => Code::NameUnknownFunction,
        DeclKind::Record => Code::NameUnknownRecord,
        DeclKind::Document => Code::NameUnknownDocument,
        DeclKind::Rule => Code::NameUnknownRule,
        DeclKind::Evaluation => Code::NameUnknownEvaluation,
    }
}

/// Whether `name` is declared as `kind`; reports it otherwise.
pub fn lookup(s: &Symbols, name: &Name, kind: DeclKind, diags: &mut Vec<Diagnostic>) -> bool {
    if s.kind_of(&name.text) == Some(kind) {
        return true;
    }
    let what = kind.as_str();
    let help = match s.kind_of(&name.text) {
        Some(other) => Some(crate::tr!(
            "decl-name-other-not-what",
            name = name.text,
            other = other.as_str(),
            what = what
        )),
        None => did_you_mean(&name.text, s.names_of(kind)).or_else(|| {
            // A name known only as an actor's alias.
            s.actors
                .values()
                .find(|a| a.aliases.contains(&name.text))
                .filter(|_| kind == DeclKind::Actor)
                .map(|a| {
                    crate::tr!(
                        "decl-name-alias-rule-files-use",
                        name = name.text,
                        a = a.name.text
                    )
                })
        }),
    };
    diags.push(
        Diagnostic::new(
            unknown_code(kind),
            name.span,
            crate::tr!("decl-unknown-what-name", what = what, name = name.text),
        )
        .label(crate::tr!("decl-no-what-this-name", what = what))
        .maybe_help(help.or_else(|| {
            Some(crate::tr!(
                "decl-declare-with-what-name",
                what = what,
                name = name.text
            ))
        })),
    );
    false
}
