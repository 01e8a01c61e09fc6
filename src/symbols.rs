//! The declarations of a rule set by name: one namespace across all files.

use crate::ast;
use crate::ids::DocumentId;
use crate::source::Span;
use indexmap::IndexMap;

/// Where a normative item comes from: a document's article, or nowhere (top level). Two
/// sources are the same article wherever its number was written.
#[derive(Debug, Clone, educe::Educe)]
#[educe(PartialEq, Eq)]
pub struct Source {
    /// The document, resolved once: later stages index by it.
    pub id: DocumentId,
    /// The document's name, for messages.
    #[educe(PartialEq(ignore))]
    pub document: String,
    pub article: String,
    #[educe(PartialEq(ignore))]
    pub article_span: Span,
}

/// A normative item with its source.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub item: T,
    pub source: Option<Source>,
}

/// Declarations by name, in declaration order. Names are hashed with FxHash: the maps are
/// looked up for every name a rule mentions, and their order is the order of insertion
/// whatever the hasher.
pub type NameMap<T> = IndexMap<String, T, rustc_hash::FxBuildHasher>;

/// Every declaration of a rule set, in declaration order.
#[derive(Debug, Clone, Default)]
pub struct Symbols {
    pub actors: NameMap<ast::Actor>,
    pub programs: NameMap<ast::Program>,
    pub functions: NameMap<ast::Function>,
    pub records: NameMap<ast::Record>,
    /// Documents with their articles; the articles' items are in the lists below.
    pub documents: NameMap<ast::Document>,
    /// For each document (by `DocumentId`), the declared documents its `replaces` names;
    /// names of no document are left out (the checks report them).
    pub replaces: Vec<Vec<DocumentId>>,
    /// For each document (by `DocumentId`), the declared documents its `varies` names.
    pub varies: Vec<Vec<DocumentId>>,
    pub rules: NameMap<Sourced<ast::Rule>>,
    pub evaluations: NameMap<Sourced<ast::Evaluation>>,
    pub pairs: Vec<Sourced<ast::Pair>>,
    pub duties: Vec<Sourced<ast::Duty>>,
    pub tests: Vec<ast::Test>,
    /// The rule files written mostly in Chinese keywords: help and witnesses pointing into them
    /// are written in Chinese keywords too.
    pub chinese_files: Vec<crate::source::FileId>,
}

/// The name of the built-in actor for the central government (`national`, `全国`).
pub const NATIONAL: &str = "national";

/// What kind of declaration a name belongs to, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclKind {
    Actor,
    Program,
    Function,
    Record,
    Document,
    Rule,
    Evaluation,
}

impl DeclKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DeclKind::Actor => "actor",
            DeclKind::Program => "program",
            DeclKind::Function => "function",
            DeclKind::Record => "record",
            DeclKind::Document => "document",
            DeclKind::Rule => "rule",
            DeclKind::Evaluation => "evaluation",
        }
    }
}

impl Symbols {
    /// The document `id` stands for.
    pub fn document(&self, id: DocumentId) -> &ast::Document {
        &self.documents[id.index()]
    }

    /// The id of the document declared as `name`, if any: for names from outside the
    /// declarations (a `replaces` list, a command line).
    pub fn document_id(&self, name: &str) -> Option<DocumentId> {
        self.documents
            .get_index_of(name)
            .map(|i| DocumentId(i as u32))
    }

    /// The id of the actor declared as `name`, if any, as values of type `actor` hold it.
    pub fn actor_id(&self, name: &str) -> Option<crate::ids::ActorId> {
        self.actors
            .get_index_of(name)
            .map(|i| crate::ids::ActorId(i as u32))
    }

    /// Every declared document with its id, in declaration order.
    pub fn documents_by_id(&self) -> impl Iterator<Item = (DocumentId, &ast::Document)> {
        self.documents
            .values()
            .enumerate()
            .map(|(i, d)| (DocumentId(i as u32), d))
    }

    /// Whether `variation` names `other` in its `varies`.
    pub fn names_varied(&self, variation: DocumentId, other: DocumentId) -> bool {
        self.varies
            .get(variation.index())
            .is_some_and(|r| r.contains(&other))
    }

    /// Whether `new` names `old` in its `replaces` (whether it may is `authority::may_replace`).
    pub fn names_replaced(&self, new: DocumentId, old: DocumentId) -> bool {
        self.replaces
            .get(new.index())
            .is_some_and(|r| r.contains(&old))
    }

    /// What a name is declared as, if anything.
    pub fn kind_of(&self, name: &str) -> Option<DeclKind> {
        if self.actors.contains_key(name) {
            Some(DeclKind::Actor)
        } else if self.programs.contains_key(name) {
            Some(DeclKind::Program)
        } else if self.functions.contains_key(name) {
            Some(DeclKind::Function)
        } else if self.records.contains_key(name) {
            Some(DeclKind::Record)
        } else if self.documents.contains_key(name) {
            Some(DeclKind::Document)
        } else if self.rules.contains_key(name) {
            Some(DeclKind::Rule)
        } else if self.evaluations.contains_key(name) {
            Some(DeclKind::Evaluation)
        } else {
            None
        }
    }

    /// Whether `name` is declared as `kind`: one look-up, in the map of that kind (a name is
    /// declared once across all kinds).
    pub fn declares(&self, kind: DeclKind, name: &str) -> bool {
        match kind {
            DeclKind::Actor => self.actors.contains_key(name),
            DeclKind::Program => self.programs.contains_key(name),
            DeclKind::Function => self.functions.contains_key(name),
            DeclKind::Record => self.records.contains_key(name),
            DeclKind::Document => self.documents.contains_key(name),
            DeclKind::Rule => self.rules.contains_key(name),
            DeclKind::Evaluation => self.evaluations.contains_key(name),
        }
    }

    /// The names of one kind of declaration, for suggestions.
    pub fn names_of(&self, kind: DeclKind) -> impl Iterator<Item = &str> {
        let keys: Box<dyn Iterator<Item = &String>> = match kind {
            DeclKind::Actor => Box::new(self.actors.keys()),
            DeclKind::Program => Box::new(self.programs.keys()),
            DeclKind::Function => Box::new(self.functions.keys()),
            DeclKind::Record => Box::new(self.records.keys()),
            DeclKind::Document => Box::new(self.documents.keys()),
            DeclKind::Rule => Box::new(self.rules.keys()),
            DeclKind::Evaluation => Box::new(self.evaluations.keys()),
        };
        keys.map(String::as_str)
    }

    /// The chain of actors reached from `name` by `region`/`of` links, `name` first.
    /// Stops at a repeated actor, so a cycle cannot loop.
    pub fn ancestors<'a>(&'a self, name: &'a str) -> Vec<&'a str> {
        let mut out = vec![name];
        let mut frontier = vec![name];
        while let Some(n) = frontier.pop() {
            let Some(a) = self.actors.get(n) else {
                continue;
            };
            for link in [&a.region, &a.of].into_iter().flatten() {
                let l = link.text.as_str();
                if !out.contains(&l) {
                    out.push(l);
                    frontier.push(l);
                }
            }
        }
        out
    }

    /// `a within b`: `b` is reached from `a` by `region`/`of` links, or `a == b`.
    /// Every actor lies within `national`.
    pub fn within(&self, a: &str, b: &str) -> bool {
        b == NATIONAL || self.ancestors(a).contains(&b)
    }
}
