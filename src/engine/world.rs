//! What rules look up besides the row: actors' properties, pairings and documents' periods.

use crate::ast;
use crate::data::value::Texts;
use crate::ids::DocumentId;
use crate::symbols::{NATIONAL, Source, Symbols};
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;

/// When a document is in force: `[start, end)`; `end` is `None` while it has no end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl Period {
    pub fn contains(&self, d: NaiveDate) -> bool {
        d >= self.start && self.end.is_none_or(|e| d < e)
    }

    /// Whether any day of year `y` is in force.
    pub fn covers_year(&self, y: i32) -> bool {
        let (first, last) = self.years();
        y >= first && y <= last
    }

    /// The first and last years with a day in force (`i32::MAX` when open).
    pub fn years(&self) -> (i32, i32) {
        let last = match self.end {
            None => i32::MAX,
            Some(e) => e.pred_opt().map_or(i32::MIN, |d| d.year()),
        };
        (
            self.start.year(),
            if self.end == Some(self.start) {
                i32::MIN
            } else {
                last
            },
        )
    }
}

/// The period of each document, by `DocumentId`: from `effective` until `expires` or until a
/// document that lawfully `replaces` it takes effect (its issuer may change or annul it, 立法法
/// art 108), whichever is first. `None` for a document without `effective`.
#[derive(Debug, Clone, Default)]
pub struct DocumentPeriods {
    periods: Vec<Option<Period>>,
    /// For each document, the documents that lawfully replace it.
    replaced_by: Vec<Vec<DocumentId>>,
}

impl DocumentPeriods {
    /// The period of document `id`, if it has one.
    pub fn get(&self, id: DocumentId) -> Option<Period> {
        self.periods.get(id.index()).copied().flatten()
    }

    /// The period of the document an item comes from; `None` for unsourced items.
    pub fn of(&self, source: Option<&Source>) -> Option<Period> {
        source.and_then(|s| self.get(s.id))
    }

    /// The documents that lawfully replace document `id`, in declaration order.
    pub fn replaced_by(&self, id: DocumentId) -> &[DocumentId] {
        self.replaced_by.get(id.index()).map_or(&[], Vec::as_slice)
    }
}

/// Every document's period, computed once.
pub fn periods(symbols: &Symbols) -> DocumentPeriods {
    let mut replaced_by: Vec<Vec<DocumentId>> = vec![Vec::new(); symbols.documents.len()];
    for (new, doc) in symbols.documents_by_id() {
        for &old in symbols
            .replaces
            .get(new.index())
            .map_or(&[][..], Vec::as_slice)
        {
            if crate::authority::may_replace(symbols, doc, symbols.document(old))
                && !replaced_by[old.index()].contains(&new)
            {
                replaced_by[old.index()].push(new);
            }
        }
    }
    for list in &mut replaced_by {
        list.sort();
    }
    let periods = symbols
        .documents_by_id()
        .map(|(id, doc)| {
            let start = doc.effective?;
            let mut end = doc.expires.map(|(d, _)| d);
            for &other in &replaced_by[id.index()] {
                if let Some(e) = symbols.document(other).effective {
                    end = Some(end.map_or(e, |x| x.min(e)));
                }
            }
            let end = end.map(|e| e.max(start));
            Some(Period { start, end })
        })
        .collect();
    DocumentPeriods {
        periods,
        replaced_by,
    }
}

/// One active pairing: program and the years it is active.
#[derive(Debug, Clone, Copy)]
pub struct ActivePair {
    pub program: u32,
    pub first: i32,
    pub last: i32,
}

/// Actors, programs and pairings by index, for evaluation.
#[derive(Debug, Default)]
pub struct World {
    pub actor_names: Vec<String>,
    pub program_names: Vec<String>,
    pub actor_kind: Vec<Option<u8>>,
    pub actor_level: Vec<Option<u8>>,
    pub actor_region: Vec<Option<u32>>,
    pub actor_of: Vec<Option<u32>>,
    pub actor_title: Vec<Option<u32>>,
    /// Each actor's chain of `region`/`of` links, the actor itself first.
    pub actor_ancestors: Vec<Vec<u32>>,
    pub national: u32,
    pub program_title: Vec<Option<u32>>,
    pub program_since: Vec<Option<i32>>,
    pub program_until: Vec<Option<i32>>,
    /// Active pairings by (supporter, recipient).
    pub pairs: FxHashMap<(u32, u32), Vec<ActivePair>>,
    /// Each document's period, by `DocumentId`.
    pub periods: DocumentPeriods,
}

impl World {
    pub fn build(symbols: &Symbols, texts: &mut Texts) -> World {
        let actor_id = |n: &ast::Name| symbols.actors.get_index_of(&n.text).map(|i| i as u32);
        let kind_index = |k: ast::ActorKind| ast::ActorKind::ALL.iter().position(|x| *x == k);
        let level_index = |l: ast::Level| ast::Level::ALL.iter().position(|x| *x == l);
        let periods = periods(symbols);
        let mut w = World {
            actor_names: symbols.actors.keys().cloned().collect(),
            program_names: symbols.programs.keys().cloned().collect(),
            national: symbols.actors.get_index_of(NATIONAL).unwrap_or(0) as u32,
            ..World::default()
        };
        for a in symbols.actors.values() {
            w.actor_kind
                .push(a.kind.and_then(kind_index).map(|i| i as u8));
            w.actor_level
                .push(a.level.and_then(level_index).map(|i| i as u8));
            w.actor_region.push(a.region.as_ref().and_then(actor_id));
            w.actor_of.push(a.of.as_ref().and_then(actor_id));
            w.actor_title
                .push(a.title.as_deref().map(|t| texts.intern(t)));
            w.actor_ancestors.push(
                symbols
                    .ancestors(&a.name.text)
                    .iter()
                    .filter_map(|n| symbols.actors.get_index_of(*n).map(|i| i as u32))
                    .collect(),
            );
        }
        for p in symbols.programs.values() {
            w.program_title
                .push(p.title.as_deref().map(|t| texts.intern(t)));
            w.program_since.push(p.since);
            w.program_until.push(p.until);
        }
        for sp in &symbols.pairs {
            let p = &sp.item;
            let (Some(s), Some(r), Some(prog)) = (
                actor_id(&p.supporter),
                actor_id(&p.recipient),
                symbols.programs.get_index_of(&p.program.text),
            ) else {
                continue;
            };
            let (mut first, mut last) = (
                // Without `from`, a pair starts with its program.
                p.from
                    .map_or(symbols.programs[prog].since.unwrap_or(i32::MIN), |(y, _)| y),
                p.to.map_or(i32::MAX, |(y, _)| y),
            );
            if let Some(period) = periods.of(sp.source.as_ref()) {
                let (a, b) = period.years();
                first = first.max(a);
                last = last.min(b);
            }
            w.pairs.entry((s, r)).or_default().push(ActivePair {
                program: prog as u32,
                first,
                last,
            });
        }
        w.periods = periods;
        w
    }

    /// `a within b`.
    pub fn within(&self, a: u32, b: u32) -> bool {
        b == self.national || self.actor_ancestors[a as usize].contains(&b)
    }

    /// Whether `s -> r` (in `program`, if given) is active in `year` (any year if `None`).
    pub fn paired(&self, s: u32, r: u32, program: Option<u32>, year: Option<i32>) -> bool {
        self.pairs.get(&(s, r)).is_some_and(|list| {
            list.iter().any(|p| {
                program.is_none_or(|g| g == p.program)
                    && year.is_none_or(|y| y >= p.first && y <= p.last)
                    && p.first <= p.last
            })
        })
    }
}
