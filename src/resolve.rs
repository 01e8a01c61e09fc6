//! Builds the symbol table from parsed modules: one namespace, duplicates reported with both places.

use crate::ast::{self, Item, Name, Norm};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::suggest::did_you_mean;
use crate::symbols::{DeclKind, NATIONAL, Source, Sourced, Symbols};

/// Collects every declaration; reports names declared twice.
pub fn build(modules: Vec<ast::Module>, diags: &mut Vec<Diagnostic>) -> Symbols {
    let mut c = Collector {
        s: Symbols::default(),
        declared: indexmap::IndexMap::default(),
        diags,
    };
    c.s.actors.insert(NATIONAL.to_string(), national());
    for module in modules {
        for item in module.items {
            c.item(item);
        }
    }
    c.s.replaces = resolve_documents(&c.s, |d| &d.replaces);
    c.s.varies = resolve_documents(&c.s, |d| &d.varies);
    c.s
}

/// A list of document names of each document (`replaces`, `varies`) resolved to the
/// documents they name, once every document is declared (a document may name one declared
/// after it). Names of no document are left out; the checks report them.
fn resolve_documents(
    s: &Symbols,
    names: impl Fn(&ast::Document) -> &Vec<Name>,
) -> Vec<Vec<crate::ids::DocumentId>> {
    s.documents
        .values()
        .map(|d| {
            names(d)
                .iter()
                .filter_map(|r| s.document_id(&r.text))
                .collect()
        })
        .collect()
}

/// The built-in actor standing for the whole country.
fn national() -> ast::Actor {
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
    }
}

/// The symbol table being built, the names declared so far and the problems found.
struct Collector<'d> {
    s: Symbols,
    declared: crate::symbols::NameMap<Span>,
    diags: &'d mut Vec<Diagnostic>,
}

impl Collector<'_> {
    /// Claims `name` for a declaration of `what`; false (and reported) when it is taken.
    fn claim(&mut self, name: &ast::Name, what: &str) -> bool {
        if name.text == NATIONAL {
            self.diags.push(
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
        if let Some(first) = self.declared.get(&name.text) {
            self.diags.push(
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
        self.declared.insert(name.text.clone(), name.span);
        true
    }

    fn item(&mut self, item: Item) {
        match item {
            Item::Actor(a) => {
                if self.claim(&a.name, "actor") {
                    self.s.actors.insert(a.name.text.clone(), a);
                }
            }
            Item::Program(p) => {
                if self.claim(&p.name, "program") {
                    self.s.programs.insert(p.name.text.clone(), p);
                }
            }
            Item::Function(f) => {
                if self.claim(&f.name, "function") {
                    self.s.functions.insert(f.name.text.clone(), f);
                }
            }
            Item::Record(r) => {
                if self.claim(&r.name, "record") {
                    self.s.records.insert(r.name.text.clone(), r);
                }
            }
            Item::Document(d) => self.document(d),
            Item::Norm(n) => self.norm(n, None),
            Item::Test(t) => self.s.tests.push(t),
        }
    }

    /// A document and the norms of its articles, each sourced to its article.
    fn document(&mut self, mut d: ast::Document) {
        if !self.claim(&d.name, "document") {
            return;
        }
        let id = crate::ids::DocumentId(self.s.documents.len() as u32);
        let mut seen: rustc_hash::FxHashMap<String, Span> = Default::default();
        for article in &mut d.articles {
            let canonical = article.number.replace('-', ".");
            if let Some(first) = seen.get(&canonical) {
                self.diags.push(
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
                id,
                document: d.name.text.clone(),
                article: article.number.clone(),
                article_span: article.span,
            };
            for norm in std::mem::take(&mut article.items) {
                self.norm(norm, Some(source.clone()));
            }
        }
        self.s.documents.insert(d.name.text.clone(), d);
    }

    fn norm(&mut self, norm: Norm, source: Option<Source>) {
        match norm {
            Norm::Pair(item) => self.s.pairs.push(Sourced { item, source }),
            Norm::Duty(item) => self.s.duties.push(Sourced { item, source }),
            Norm::Rule(item) => {
                if self.claim(&item.name, "rule") {
                    let name = item.name.text.clone();
                    self.s.rules.insert(name, Sourced { item, source });
                }
            }
            Norm::Evaluation(item) => {
                if self.claim(&item.name, "evaluation") {
                    let name = item.name.text.clone();
                    self.s.evaluations.insert(name, Sourced { item, source });
                }
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
    if s.declares(kind, &name.text) {
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
