//! The two sides of a clash between provisions, as the steps of its resolution see them.

use crate::ast::{DocLevel, Document};
use crate::authority::{doc_territory, highest_issuer};
use crate::diagnostic::Resolution;
use crate::symbols::{Source, Symbols};

/// One side of a conflict: where it comes from, and whether its scope is narrower.
pub struct Side<'a> {
    pub source: Option<&'a Source>,
    /// Its scope is strictly narrower than the other's.
    pub narrower: bool,
}

/// The two sides and their documents, as the steps of the resolution see them.
pub struct Clash<'a> {
    pub symbols: &'a Symbols,
    pub sides: [&'a Side<'a>; 2],
    pub docs: [&'a Document; 2],
    /// The two documents' ids, in the order of `docs`.
    pub ids: [crate::ids::DocumentId; 2],
    pub levels: [DocLevel; 2],
}

impl Clash<'_> {
    /// `i` prevails.
    pub fn win(&self, i: usize, kind: &'static str, principle: String) -> Resolution {
        Resolution {
            kind,
            prevails: self.sides[i].source.map(place),
            refer_to: None,
            principle,
            region: None,
            winner: Some(i),
        }
    }

    /// The issuer each side ranks as.
    pub fn issuer(&self, i: usize) -> String {
        highest_issuer(self.symbols, self.docs[i])
    }

    /// The issuers of side `i` for a message: `中共中央` and `国务院` for a joint document.
    pub fn issuer_label(&self, i: usize) -> String {
        let all = crate::authority::issuers(self.docs[i]);
        all.join("` and `")
    }

    /// The territory each side binds.
    pub fn territory(&self, i: usize) -> String {
        doc_territory(self.symbols, self.docs[i])
    }

    /// The level of side `i`, with an article: `an administrative_regulation`.
    pub fn level_name(&self, i: usize) -> String {
        crate::suggest::a_or_an(self.levels[i].as_str())
    }
}

fn place(s: &Source) -> String {
    crate::tr!(
        "gaps-document-art-article",
        document = s.document,
        article = s.article
    )
}

/// Nobody prevails; `refer_to` decides.
pub fn unresolved(refer_to: String, principle: String) -> Resolution {
    Resolution {
        kind: "unresolved",
        prevails: None,
        refer_to: Some(refer_to),
        principle,
        region: None,
        winner: None,
    }
}

/// A local regulation or one of its autonomous or special-zone forms.
pub fn is_regulation(l: DocLevel) -> bool {
    matches!(
        l,
        DocLevel::LocalRegulation
            | DocLevel::AutonomousRegulation
            | DocLevel::SeparateRegulation
            | DocLevel::SezRegulation
    )
}
