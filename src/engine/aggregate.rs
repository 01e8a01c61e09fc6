//! Aggregates over the rows of a group: what to compute, and the running state of each.

use super::node::Node;
use super::small_sum::SmallSum;
use crate::ast::Type;
use crate::data::value::Value;
use crate::ids::{FieldId, RecordId};
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AggFunc {
    Count,
    Sum,
    Avg,
    Min,
    Max,
    Distinct,
}

impl AggFunc {
    pub fn parse(name: &str) -> Option<AggFunc> {
        Some(match name {
            "count" => AggFunc::Count,
            "sum" => AggFunc::Sum,
            "avg" => AggFunc::Avg,
            "min" => AggFunc::Min,
            "max" => AggFunc::Max,
            "distinct" => AggFunc::Distinct,
            _ => return None,
        })
    }
}

/// One aggregate of a rule: `sum(planned where livelihood)`.
#[derive(Debug, Clone)]
pub struct AggSpec {
    pub func: AggFunc,
    /// The record type ranged over.
    pub record: RecordId,
    /// For a record type other than the rule's own: the rule's `per` keys it shares, each as
    /// its position in `per` and the field of the ranged record holding it, resolved by name
    /// when the plan is built.
    pub shared: Vec<(u16, FieldId)>,
    pub arg: Option<Node>,
    pub filter: Option<Node>,
    pub shape: Type,
    /// As written, for explanations.
    pub text: String,
    /// `at year - N`: the value is the same aggregate's in the group N years earlier.
    pub back: Option<Back>,
    /// `cumulative`: over the plan period from its first year up to the year checked.
    pub cumulative: bool,
}

/// An aggregate taken over an earlier period of the group (in a rule with plan periods, an
/// earlier plan period).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Back {
    /// The time key's position in `per`.
    pub key: u16,
    /// Years back, at least 1.
    pub years: u32,
}

/// The running state of one aggregate in one group.
#[derive(Debug, Clone)]
pub enum Acc {
    Count(u64),
    /// A sum while every partial total fits 64 bits (most do): the total [`Acc::Sum`] gives.
    SmallSum(SmallSum),
    /// A sum as a decimal, from the first amount a [`SmallSum`] could not take on.
    Sum(Decimal),
    Avg(Decimal, u64),
    Min(Option<Value>),
    Max(Option<Value>),
    Distinct(FxHashSet<u64>),
    /// A contributing row had no value, or a sum overflowed: the aggregate is undetermined.
    Undetermined(String),
}

impl Acc {
    pub fn new(func: AggFunc) -> Acc {
        match func {
            AggFunc::Count => Acc::Count(0),
            AggFunc::Sum => Acc::SmallSum(SmallSum::default()),
            AggFunc::Avg => Acc::Avg(Decimal::ZERO, 0),
            AggFunc::Min => Acc::Min(None),
            AggFunc::Max => Acc::Max(None),
            AggFunc::Distinct => Acc::Distinct(FxHashSet::default()),
        }
    }

    /// Adds one contributing row's value (already known to pass the filter).
    /// `key` is the value's identity, for `distinct`.
    #[inline]
    pub fn add(&mut self, v: Value, key: u64, why_null: impl FnOnce() -> String) {
        if let Acc::Count(n) = self {
            *n += 1;
            return;
        }
        if let Acc::Undetermined(_) = self {
            return;
        }
        if v.is_null() {
            *self = Acc::Undetermined(why_null());
            return;
        }
        if let (Acc::SmallSum(s), Value::Num(x)) = (&mut *self, v) {
            if s.add(x) {
                return;
            }
            *self = Acc::Sum(s.total());
        }
        match (&mut *self, v) {
            (Acc::Sum(s), Value::Num(x)) => match s.checked_add(x) {
                Some(t) => *s = t,
                None => *self = Acc::Undetermined(crate::tr!("engine-sum-too-large")),
            },
            (Acc::Avg(s, n), Value::Num(x)) => match s.checked_add(x) {
                Some(t) => {
                    *s = t;
                    *n += 1;
                }
                None => *self = Acc::Undetermined(crate::tr!("engine-sum-too-large")),
            },
            (Acc::Min(m), v) if m.is_none_or(|cur| less(v, cur)) => *m = Some(v),
            (Acc::Max(m), v) if m.is_none_or(|cur| less(cur, v)) => *m = Some(v),
            (Acc::Distinct(set), _) => {
                set.insert(key);
            }
            _ => {}
        }
    }

    /// Marks the aggregate undetermined (a row's filter could not be decided).
    pub fn poison(&mut self, why: String) {
        if !matches!(self, Acc::Undetermined(_)) {
            *self = Acc::Undetermined(why);
        }
    }

    /// Adds the rows another accumulator of the same aggregate has seen (another year of a
    /// plan period).
    pub fn merge(&mut self, other: &Acc) {
        if let Acc::SmallSum(s) = self {
            *self = Acc::Sum(s.total());
        }
        if let Acc::SmallSum(s) = other {
            return self.merge(&Acc::Sum(s.total()));
        }
        match (&mut *self, other) {
            (Acc::Undetermined(_), _) => {}
            (_, Acc::Undetermined(why)) => *self = Acc::Undetermined(why.clone()),
            (Acc::Count(a), Acc::Count(b)) => *a += b,
            (Acc::Sum(a), Acc::Sum(b)) => match a.checked_add(*b) {
                Some(t) => *a = t,
                None => *self = Acc::Undetermined(crate::tr!("engine-sum-too-large")),
            },
            (Acc::Avg(a, n), Acc::Avg(b, m)) => match a.checked_add(*b) {
                Some(t) => {
                    *a = t;
                    *n += m;
                }
                None => *self = Acc::Undetermined(crate::tr!("engine-sum-too-large")),
            },
            (Acc::Min(m), Acc::Min(Some(v))) if m.is_none_or(|cur| less(*v, cur)) => *m = Some(*v),
            (Acc::Max(m), Acc::Max(Some(v))) if m.is_none_or(|cur| less(cur, *v)) => *m = Some(*v),
            (Acc::Distinct(a), Acc::Distinct(b)) => a.extend(b.iter().copied()),
            _ => {}
        }
    }

    /// The final value, or why there is none.
    pub fn value(&self) -> Result<Value, String> {
        match self {
            Acc::Count(n) => Ok(Value::Num(Decimal::from(*n))),
            Acc::SmallSum(s) => Ok(Value::Num(s.total())),
            Acc::Sum(s) => Ok(Value::Num(*s)),
            Acc::Avg(_, 0) => Err(crate::tr!("engine-average-of-no-rows")),
            Acc::Avg(s, n) => Ok(Value::Num(*s / Decimal::from(*n))),
            Acc::Min(None) | Acc::Max(None) => Err(crate::tr!("engine-min-max-of-no-rows")),
            Acc::Min(Some(v)) | Acc::Max(Some(v)) => Ok(*v),
            Acc::Distinct(set) => Ok(Value::Num(Decimal::from(set.len()))),
            Acc::Undetermined(why) => Err(why.clone()),
        }
    }
}

fn less(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Num(x), Value::Num(y)) => x < y,
        (Value::Year(x), Value::Year(y)) => x < y,
        (Value::Date(x), Value::Date(y)) => x < y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acc(func: AggFunc, values: &[i64]) -> Acc {
        let mut a = Acc::new(func);
        for (i, v) in values.iter().enumerate() {
            a.add(Value::Num(Decimal::from(*v)), i as u64 % 2, String::new);
        }
        a
    }

    fn sum_text(a: &Acc) -> String {
        match a.value() {
            Ok(Value::Num(d)) => d.to_string(),
            other => panic!("not a sum: {other:?}"),
        }
    }

    #[test]
    fn a_sum_goes_on_as_a_decimal_once_64_bits_do_not_hold_it() {
        let d = |s: &str| s.parse::<Decimal>().expect("a decimal");
        let terms = [
            d("0.00"),
            d("9223372036854775807"),
            d("1"),
            d("0.5"),
            d("-2"),
        ];
        let mut acc = Acc::new(AggFunc::Sum);
        let mut whole = Decimal::ZERO;
        for x in terms {
            acc.add(Value::Num(x), 0, String::new);
            whole = whole.checked_add(x).expect("fits a decimal");
            assert_eq!(sum_text(&acc), whole.to_string());
        }
        assert!(matches!(acc, Acc::Sum(_)));
        // A zero with a minus sign onto a zero sum is the sum, as a decimal keeps it.
        let mut acc = Acc::new(AggFunc::Sum);
        acc.add(Value::Num(-d("0.00")), 0, String::new);
        let whole = Decimal::ZERO.checked_add(-d("0.00")).expect("fits");
        let Ok(Value::Num(total)) = acc.value() else {
            panic!("not a sum")
        };
        assert_eq!(
            (total.to_string(), total.is_sign_negative()),
            (whole.to_string(), whole.is_sign_negative())
        );
        // Merging a small sum with a decimal one, either way round, adds them as decimals.
        for (a, b) in [
            ("1.5", "9223372036854775807"),
            ("9223372036854775807", "1.5"),
        ] {
            let (mut x, mut y) = (Acc::new(AggFunc::Sum), Acc::new(AggFunc::Sum));
            x.add(Value::Num(d(a)), 0, String::new);
            y.add(Value::Num(d(b)), 0, String::new);
            y.add(Value::Num(d("1")), 0, String::new);
            x.merge(&y);
            let want = d(a).checked_add(d(b)).and_then(|s| s.checked_add(d("1")));
            assert_eq!(sum_text(&x), want.expect("fits").to_string());
        }
    }

    #[test]
    fn merging_two_years_is_adding_their_rows_to_one() {
        for func in [
            AggFunc::Count,
            AggFunc::Sum,
            AggFunc::Avg,
            AggFunc::Min,
            AggFunc::Max,
            AggFunc::Distinct,
        ] {
            let mut a = acc(func, &[3, 9]);
            a.merge(&acc(func, &[1, 5, 7]));
            let whole = {
                let mut w = acc(func, &[3, 9]);
                for (i, v) in [1i64, 5, 7].iter().enumerate() {
                    w.add(Value::Num(Decimal::from(*v)), i as u64 % 2, String::new);
                }
                w
            };
            assert_eq!(a.value(), whole.value(), "{func:?}");
        }
        let mut a = acc(AggFunc::Sum, &[1]);
        a.merge(&Acc::Undetermined("a row is missing".into()));
        assert_eq!(a.value(), Err("a row is missing".into()));
    }
}
