//! Who holds a function for a scope: each duty with its side, role, basis and years.

use super::scope::{Scope, ScopeKind, doc_years};
use crate::ast::{Actor, Duty, DutyTarget, Level, Role, Side};
use crate::engine::world::DocumentPeriods;
use crate::symbols::{NATIONAL, Source, Sourced, Symbols};
use crate::years::{OPEN_END, OPEN_START, Years};
use chrono::{Datelike, NaiveDate};

/// One duty as it bears on one scope.
#[derive(Debug, Clone)]
pub struct Holder<'a> {
    pub duty: &'a Sourced<Duty>,
    pub actor: &'a Actor,
    /// The years it holds the function: its basis in force and its actor existing.
    pub years: Years,
    /// The years its basis is in force.
    pub basis_years: Years,
    /// The years the duty itself names (`from` … `until`); every year when it names none.
    pub claimed: Years,
    /// The days it holds the function: `[start, end)`, `None` for an open end.
    pub days: (NaiveDate, Option<NaiveDate>),
    pub lead: bool,
    /// Its basis is a law, regulation or rule (not a policy document, agreement or minutes)
    /// that binds the holder.
    pub legal: bool,
    /// The territory of its basis, when the holder does not lie within it: the document cannot
    /// bind the holder (G010).
    pub outside: Option<String>,
    /// The side it is on, or `None` when it fits no side the function needs.
    pub side: Option<Side>,
}

impl Holder<'_> {
    pub fn source(&self) -> Option<&Source> {
        self.duty.source.as_ref()
    }

    /// `援疆条例 art 2`, or `no document`.
    pub fn basis(&self) -> String {
        match self.source() {
            Some(s) => crate::tr!(
                "gaps-document-art-article",
                document = s.document,
                article = s.article
            ),
            None => crate::tr!("gaps-no-document"),
        }
    }
}

/// The years an actor exists: until the day before its `until`.
pub fn actor_years(actor: &Actor, as_of: Option<NaiveDate>) -> Years {
    let years = match actor.until.and_then(|d| d.pred_opt()) {
        Some(last) => Years::range(OPEN_START, last.year()),
        None => Years::range(OPEN_START, OPEN_END),
    };
    match as_of {
        Some(d) if actor.until.is_some_and(|u| d >= u) => Years::none(),
        _ => years,
    }
}

/// The years a duty names: `from` … `until`, open where it names none.
pub fn duty_years(duty: &Duty) -> Years {
    Years::range(
        duty.from.unwrap_or(OPEN_START),
        duty.until.unwrap_or(OPEN_END),
    )
}

/// The days a duty names: from 1 January of its `from` year to 1 January after its `until`
/// year (exclusive).
fn duty_days(duty: &Duty) -> (NaiveDate, Option<NaiveDate>) {
    let start = duty
        .from
        .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
        .unwrap_or(NaiveDate::MIN);
    let end = duty
        .until
        .and_then(|y| NaiveDate::from_ymd_opt(y + 1, 1, 1));
    (start, end)
}

/// Whether `duty` is for `scope`.
fn targets(symbols: &Symbols, duty: &Duty, scope: &Scope) -> bool {
    match (&duty.target, scope.kind) {
        (DutyTarget::Program(p), ScopeKind::Program(i)) => {
            symbols.programs.get_index_of(&p.text) == Some(i)
        }
        (
            DutyTarget::Pair {
                supporter,
                recipient,
                program,
            },
            ScopeKind::Pair(i),
        ) => {
            let pair = &symbols.pairs[i].item;
            pair.supporter.text == supporter.text
                && pair.recipient.text == recipient.text
                && program.as_ref().is_none_or(|p| p.text == pair.program.text)
        }
        _ => false,
    }
}

/// The side `actor` is on for a function needing `side` in `scope`.
fn side_of(symbols: &Symbols, actor: &Actor, side: Side, scope: &Scope) -> Option<Side> {
    let central = actor.level == Some(Level::Central) || actor.name.text == NATIONAL;
    match (side, scope.kind) {
        (Side::Central, _) => central.then_some(Side::Central),
        (_, ScopeKind::Program(_)) => Some(side),
        (_, ScopeKind::Pair(i)) => {
            let pair = &symbols.pairs[i].item;
            let within = |b: &str| symbols.within(&actor.name.text, b);
            let supporter = within(&pair.supporter.text);
            let recipient = within(&pair.recipient.text);
            match side {
                Side::Supporter => supporter.then_some(Side::Supporter),
                Side::Recipient => recipient.then_some(Side::Recipient),
                _ if supporter => Some(Side::Supporter),
                _ if recipient => Some(Side::Recipient),
                _ => None,
            }
        }
    }
}

/// Every duty holding `function` for `scope`.
pub fn holders<'a>(
    symbols: &'a Symbols,
    periods: &DocumentPeriods,
    function: &str,
    side: Side,
    scope: &Scope,
    as_of: Option<NaiveDate>,
) -> Vec<Holder<'a>> {
    let mut out = Vec::new();
    for sd in &symbols.duties {
        let duty = &sd.item;
        if duty.function.text != function || !targets(symbols, duty, scope) {
            continue;
        }
        let Some(actor) = symbols.actors.get(&duty.actor.text) else {
            continue;
        };
        let document = sd.source.as_ref().map(|s| s.id);
        let mut basis_years = doc_years(document, periods);
        if let (Some(d), Some(doc)) = (as_of, document)
            && periods.get(doc).is_some_and(|p| !p.contains(d))
        {
            basis_years = Years::none();
        }
        let claimed = duty_years(duty);
        let years = basis_years
            .intersect(&actor_years(actor, as_of))
            .intersect(&claimed);
        let period = document.and_then(|d| periods.get(d));
        let (claimed_start, claimed_end) = duty_days(duty);
        let start = period
            .map_or(NaiveDate::MIN, |p| p.start)
            .max(claimed_start);
        let end = [period.and_then(|p| p.end), actor.until, claimed_end]
            .into_iter()
            .flatten()
            .min();
        let doc = document.map(|id| symbols.document(id));
        let outside = doc
            .map(|d| crate::authority::doc_territory(symbols, d))
            .filter(|t| !symbols.within(&duty.actor.text, t));
        let legal = outside.is_none() && doc.and_then(|d| d.level).is_some_and(|l| l.is_legal());
        out.push(Holder {
            duty: sd,
            actor,
            years,
            basis_years,
            claimed,
            days: (start, end),
            lead: duty.role == Role::Lead,
            legal,
            outside,
            side: side_of(symbols, actor, side, scope),
        });
    }
    out
}

/// The years of the days two holders both hold the function, if any.
pub fn overlap(a: &Holder<'_>, b: &Holder<'_>) -> Years {
    let start = a.days.0.max(b.days.0);
    let end = match (a.days.1, b.days.1) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    match end {
        Some(e) if e <= start => Years::none(),
        Some(e) => {
            let last = e.pred_opt().map_or(OPEN_START, |d| d.year());
            Years::range(year_of(start), last)
        }
        None => Years::range(year_of(start), OPEN_END),
    }
}

fn year_of(d: NaiveDate) -> i32 {
    if d == NaiveDate::MIN {
        OPEN_START
    } else {
        d.year()
    }
}
