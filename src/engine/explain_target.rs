//! Which rows `explain` gathers for a group and for each of its aggregates: the rows with the
//! group's keys, where the time key may be a window of years (an earlier year, a plan period,
//! a period to date).

use super::aggregate::AggSpec;
use super::compile::{PeriodPlan, Plan, RulePlan};
use super::units::{Placed, window, years_text};
use crate::data::convert::{Cell, convert};
use crate::data::value::{Texts, Value};

/// The rows wanted: these key parts, with the years at one key position in a window.
#[derive(Debug, Clone, Default)]
pub struct Want {
    pub parts: Vec<u64>,
    /// Key position and first and last year: there, a row's year must lie in the window.
    pub window: Option<(usize, i32, i32)>,
    /// Why no row can be wanted (no earlier plan period is listed).
    pub none: Option<String>,
}

impl Want {
    /// Whether a row with these key parts and values (`None`: the record has no such field,
    /// or it is unreadable) is wanted.
    pub fn matches(&self, row_key: &[Option<u64>], row_values: &[Option<Value>]) -> bool {
        if self.none.is_some() {
            return false;
        }
        row_key
            .iter()
            .zip(&self.parts)
            .enumerate()
            .all(|(i, (have, want))| match self.window {
                Some((pos, lo, hi)) if pos == i => match row_values[i] {
                    None => true,
                    Some(Value::Year(y)) => (lo..=hi).contains(&y),
                    Some(_) => false,
                },
                _ => have.is_none_or(|h| h == *want),
            })
    }

    /// The years of the window, as shown (`2014`, `2011–2015`).
    pub fn years(&self) -> Option<String> {
        self.window.map(|(_, lo, hi)| years_text((lo, hi)))
    }
}

/// The target group's rows, and where it lies among the plan periods.
pub fn group_want(rule: &RulePlan, parts: &[u64], placed: Option<Placed>) -> Want {
    let window = rule.periods.as_ref().zip(placed).map(|(p, at)| {
        let (lo, hi) = if p.to_date {
            (at.year, at.year)
        } else {
            at.span
        };
        (p.key as usize, lo, hi)
    });
    Want {
        parts: parts.to_vec(),
        window,
        none: None,
    }
}

/// The rows of one aggregate of the target group: the group's, an earlier period's, or the
/// plan period's (to date).
pub fn agg_want(
    rule: &RulePlan,
    spec: &AggSpec,
    parts: &[u64],
    keys: &[Value],
    placed: Option<Placed>,
) -> Want {
    let mut want = Want {
        parts: parts.to_vec(),
        ..Want::default()
    };
    if let (Some(p), Some(at)) = (&rule.periods, placed) {
        match window(p, at, spec) {
            Ok(((lo, hi), _)) => want.window = Some((p.key as usize, lo, hi)),
            Err(why) => want.none = Some(why),
        }
        return want;
    }
    if let Some(b) = spec.back {
        let pos = b.key as usize;
        match keys.get(pos) {
            Some(Value::Year(y)) => {
                let y = y - b.years as i32;
                want.window = Some((pos, y, y));
            }
            _ => want.none = Some(crate::tr!("engine-no-year-to-go-back")),
        }
    }
    want
}

/// The value of a plan-period key written on the command line: a period as listed
/// (`2011..2015`, `2011-2015`, `2011–2015`) or a year in one; to date, a year.
pub fn period_value(p: &PeriodPlan, text: &str) -> Result<(Value, Placed), String> {
    let listed = p
        .spans
        .iter()
        .map(|s| years_text(*s))
        .collect::<Vec<_>>()
        .join(", ");
    let year = |t: &str| t.trim().parse::<i32>().ok();
    let range = ["..", "–", "—", "~", "～", "-"]
        .iter()
        .find_map(|sep| text.split_once(sep))
        .and_then(|(a, b)| Some((year(a)?, year(b)?)));
    if let Some((a, b)) = range {
        let Some(index) = p.spans.iter().position(|s| *s == (a, b)) else {
            return Err(format!(
                "`{text}` is not one of the rule's plan periods: {listed}"
            ));
        };
        if p.to_date {
            return Err(format!(
                "the rule is decided at each year of a plan period: give a year, e.g. `{b}`"
            ));
        }
        let placed = Placed {
            index,
            span: (a, b),
            year: b,
        };
        return Ok((Value::Period(a, b), placed));
    }
    let Some(y) = year(text) else {
        return Err(format!(
            "`{text}` is not a year or a plan period ({listed})"
        ));
    };
    let Some((index, span)) = p.of(y) else {
        return Err(format!(
            "{y} lies in none of the rule's plan periods: {listed}"
        ));
    };
    let placed = Placed {
        index,
        span,
        year: if p.to_date { y } else { span.1 },
    };
    let value = if p.to_date {
        Value::Year(y)
    } else {
        Value::Period(span.0, span.1)
    };
    Ok((value, placed))
}

/// The target group: its key as hashed (a plan period's part is never compared), its key
/// values, and where it lies among the plan periods.
pub type GroupTarget = (Vec<u64>, Vec<Value>, Option<Placed>);

/// The target group from `k=v` pairs (every key given).
pub fn group_target(
    plan: &Plan,
    rule: &RulePlan,
    pairs: &[(String, String)],
    texts: &mut Texts,
) -> Result<GroupTarget, String> {
    let rec = &plan.records[rule.record];
    let names: Vec<&str> = rule.keys.iter().map(|k| k.name.as_str()).collect();
    if let Some((k, _)) = pairs.iter().find(|(k, _)| !names.contains(&k.as_str())) {
        return Err(crate::tr!(
            "explain-k-not-group-key-rule",
            k = k,
            rule = rule.name,
            names = names.join(", ")
        ));
    }
    let mut parts = Vec::new();
    let mut values = Vec::new();
    let mut placed = None;
    for (pos, k) in rule.keys.iter().enumerate() {
        let Some((_, v)) = pairs.iter().find(|(name, _)| *name == k.name) else {
            return Err(crate::tr!(
                "explain-give-every-group-key-missing",
                k = k.name,
                names = names.join(", ")
            ));
        };
        if let Some(p) = rule.periods.as_ref().filter(|p| p.key as usize == pos) {
            let (value, at) =
                period_value(p, v).map_err(|why| format!("`{}={v}`: {why}", k.name))?;
            placed = Some(at);
            // The window decides the rows at this key; its part is never compared.
            parts.push(0);
            values.push(value);
            continue;
        }
        let mut text = String::new();
        let field = &rec.fields[k.field];
        let value = convert(Cell::Text(v), field.ty, &plan.names, &mut text).map_err(|why| {
            let help = why.help.map(|h| format!(" ({h})")).unwrap_or_default();
            format!("`{}={v}`: {}{help}", k.name, why.message)
        })?;
        parts.push(value.key(&text, texts));
        values.push(value.kept(&text, texts));
    }
    Ok((parts, values, placed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(to_date: bool) -> PeriodPlan {
        PeriodPlan {
            key: 1,
            spans: vec![(2011, 2015), (2016, 2020)],
            to_date,
        }
    }

    #[test]
    fn a_period_is_written_as_listed_or_by_any_of_its_years() {
        for text in ["2016..2020", "2016-2020", "2016–2020", "2016～2020", "2018"] {
            let (v, at) = period_value(&plan(false), text).expect(text);
            assert_eq!(v, Value::Period(2016, 2020), "{text}");
            assert_eq!((at.index, at.span), (1, (2016, 2020)), "{text}");
        }
        assert!(period_value(&plan(false), "2012..2016").is_err());
        assert!(period_value(&plan(false), "2021").is_err());
        assert!(period_value(&plan(false), "二〇一八").is_err());
    }

    #[test]
    fn to_date_the_key_is_a_year() {
        let (v, at) = period_value(&plan(true), "2013").expect("a year");
        assert_eq!(v, Value::Year(2013));
        assert_eq!((at.span, at.year), ((2011, 2015), 2013));
        assert!(period_value(&plan(true), "2011..2015").is_err());
    }

    #[test]
    fn a_window_matches_the_years_it_holds_and_other_keys_exactly() {
        let want = Want {
            parts: vec![7, 0],
            window: Some((1, 2011, 2013)),
            none: None,
        };
        let row = |key: u64, y: i32| {
            (
                vec![Some(key), Some(0)],
                vec![Some(Value::Null), Some(Value::Year(y))],
            )
        };
        let (k, v) = row(7, 2012);
        assert!(want.matches(&k, &v));
        let (k, v) = row(7, 2014);
        assert!(!want.matches(&k, &v));
        let (k, v) = row(8, 2012);
        assert!(!want.matches(&k, &v));
        assert_eq!(want.years().as_deref(), Some("2011–2013"));
    }
}
