//! Sets of years as sorted, disjoint inclusive ranges; an open end is `i32::MAX`, an open start
//! `i32::MIN`. Coverage over time is computed with these.

use std::fmt;

/// A set of years.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Years {
    ranges: Vec<(i32, i32)>,
}

/// The start of a set open to the past.
pub const OPEN_START: i32 = i32::MIN;
/// The end of a set open to the future.
pub const OPEN_END: i32 = i32::MAX;

impl Years {
    /// No year.
    pub fn none() -> Years {
        Years::default()
    }

    /// Every year.
    pub fn all() -> Years {
        Years::range(OPEN_START, OPEN_END)
    }

    /// `first..=last`; empty when `first > last`.
    pub fn range(first: i32, last: i32) -> Years {
        if first > last {
            Years::none()
        } else {
            Years {
                ranges: vec![(first, last)],
            }
        }
    }

    /// Whether the set holds no year.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The sorted, disjoint inclusive ranges.
    pub fn ranges(&self) -> &[(i32, i32)] {
        &self.ranges
    }

    /// The first year, when there is one.
    pub fn first(&self) -> Option<i32> {
        self.ranges.first().map(|r| r.0)
    }

    /// The last year, when there is one.
    pub fn last(&self) -> Option<i32> {
        self.ranges.last().map(|r| r.1)
    }

    /// Whether `y` is in the set.
    pub fn contains(&self, y: i32) -> bool {
        self.ranges.iter().any(|&(a, b)| a <= y && y <= b)
    }

    /// The years in both sets.
    pub fn intersect(&self, other: &Years) -> Years {
        let mut out = Vec::new();
        for &(a, b) in &self.ranges {
            for &(c, d) in &other.ranges {
                let (lo, hi) = (a.max(c), b.min(d));
                if lo <= hi {
                    out.push((lo, hi));
                }
            }
        }
        Years::normalised(out)
    }

    /// The years in either set.
    pub fn union(&self, other: &Years) -> Years {
        let mut all = self.ranges.clone();
        all.extend_from_slice(&other.ranges);
        Years::normalised(all)
    }

    /// The years of `self` not in `other`.
    pub fn minus(&self, other: &Years) -> Years {
        let mut out = self.ranges.clone();
        for &(c, d) in &other.ranges {
            let mut next = Vec::new();
            for (a, b) in out {
                if d < a || c > b {
                    next.push((a, b));
                    continue;
                }
                if a < c {
                    next.push((a, c - 1));
                }
                if d < b {
                    next.push((d + 1, b));
                }
            }
            out = next;
        }
        Years::normalised(out)
    }

    fn normalised(mut ranges: Vec<(i32, i32)>) -> Years {
        ranges.sort_unstable();
        let mut out: Vec<(i32, i32)> = Vec::with_capacity(ranges.len());
        for (a, b) in ranges {
            match out.last_mut() {
                Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
                _ => out.push((a, b)),
            }
        }
        Years { ranges: out }
    }

    /// As JSON: `[{"from": 2010, "to": 2025}, {"from": 2027, "to": null}]`.
    pub fn json(&self) -> serde_json::Value {
        let bound = |y: i32| {
            if y == OPEN_START || y == OPEN_END {
                serde_json::Value::Null
            } else {
                y.into()
            }
        };
        self.ranges
            .iter()
            .map(|&(a, b)| serde_json::json!({ "from": bound(a), "to": bound(b) }))
            .collect()
    }
}

impl Years {
    /// For a sentence: `in 2010–2025`, `from 2026 on`, `up to 2009`, `in every year`,
    /// `in 2012 and from 2020 on`.
    pub fn phrase(&self) -> String {
        if self.ranges.is_empty() {
            return crate::tr!("gaps-no-year");
        }
        let parts: Vec<String> = self
            .ranges
            .iter()
            .map(|&(a, b)| match (a, b) {
                (OPEN_START, OPEN_END) => crate::tr!("gaps-every-year"),
                (OPEN_START, b) => crate::tr!("gaps-up-b", b = b),
                (a, OPEN_END) => crate::tr!("gaps-from", a = a),
                (a, b) if a == b => crate::tr!("gaps-message", a = a),
                (a, b) => crate::tr!("gaps-b", a = a, b = b),
            })
            .collect();
        parts.join(" and ")
    }
}

/// `2010–2025`, `2026 onwards`, `until 2009`, `2012, 2015–2017`, `every year`.
impl fmt::Display for Years {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ranges.is_empty() {
            return write!(f, "{}", crate::tr!("years-no-year"));
        }
        let parts: Vec<String> = self
            .ranges
            .iter()
            .map(|&(a, b)| match (a, b) {
                (OPEN_START, OPEN_END) => crate::tr!("years-every-year"),
                (OPEN_START, b) => crate::tr!("gaps-until-b", b = b),
                (a, OPEN_END) => crate::tr!("years-onwards", a = a),
                (a, b) if a == b => a.to_string(),
                (a, b) => format!("{a}–{b}"),
            })
            .collect();
        write!(f, "{}", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations() {
        let a = Years::range(2010, 2030);
        let b = Years::range(2012, 2019);
        assert_eq!(a.minus(&b).to_string(), "2010–2011, 2020–2030");
        assert_eq!(a.intersect(&b).to_string(), "2012–2019");
        assert_eq!(
            Years::range(2010, 2012)
                .union(&Years::range(2013, 2015))
                .to_string(),
            "2010–2015"
        );
        assert_eq!(Years::range(2026, OPEN_END).to_string(), "2026 onwards");
        assert_eq!(Years::all().minus(&Years::all()).to_string(), "no year");
        assert!(Years::range(2020, 2019).is_empty());
        assert_eq!(
            Years::all()
                .minus(&Years::range(OPEN_START, 2009))
                .to_string(),
            "2010 onwards"
        );
    }
}
