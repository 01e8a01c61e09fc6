//! How a value prints in its natural form: `71.3%`, `1,250.00万元`, `河北省`, `2017`.

use super::value::{Text, Texts, Value};
use crate::ast::{ActorKind, Level, Type};
use rust_decimal::{Decimal, RoundingStrategy};

/// The names values refer to.
pub struct Names<'a> {
    pub actors: &'a [String],
    pub programs: &'a [String],
    pub texts: &'a Texts,
    /// The current row's text, for row texts.
    pub row_text: &'a str,
}

impl Names<'_> {
    /// `v` in natural form, with enough decimals to differ from `other` when it does.
    pub fn show_apart(&self, v: Value, other: Value, shape: Type) -> String {
        match (v, other) {
            (Value::Num(a), Value::Num(b)) => number_apart(a, b, shape),
            _ => self.show(v, shape),
        }
    }

    /// The value in its natural form; `null` for a missing value.
    pub fn show(&self, v: Value, shape: Type) -> String {
        match v {
            Value::Null => "null".to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Num(n) => number(n, shape),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
            Value::Year(y) => y.to_string(),
            Value::Period(a, b) => format!("{a}–{b}"),
            Value::Actor(a) => self.actors[a as usize].clone(),
            Value::Program(p) => self.programs[p as usize].clone(),
            Value::Enum(e) => match shape {
                Type::Level => Level::ALL[e as usize].as_str().to_string(),
                _ => ActorKind::ALL[e as usize].as_str().to_string(),
            },
            Value::Text(t) => self.text(t).to_string(),
        }
    }

    pub fn text(&self, t: Text) -> &str {
        match t {
            Text::Row(a, b) => &self.row_text[a as usize..b as usize],
            Text::Sym(s) => self.texts.get(s),
        }
    }

    /// The value as JSON with every digit: as [`json`](Self::json), but a decimal, percent or
    /// amount of money is its exact decimal (money in 元, a percent as a fraction) rather than
    /// its natural form, for a program to read back exactly.
    pub fn exact(&self, v: Value, shape: Type) -> serde_json::Value {
        match (v, shape) {
            (Value::Num(n), Type::Decimal | Type::Percent | Type::Money(_)) => {
                n.normalize().to_string().into()
            }
            _ => self.json(v, shape),
        }
    }

    /// The value as JSON: years and integers as numbers, names and decimals as strings.
    pub fn json(&self, v: Value, shape: Type) -> serde_json::Value {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => b.into(),
            Value::Year(y) => y.into(),
            Value::Num(n) if shape == Type::Int => match i64::try_from(n) {
                Ok(i) => i.into(),
                Err(_) => self.show(v, shape).into(),
            },
            _ => self.show(v, shape).into(),
        }
    }
}

/// A number in its natural form for `shape`.
pub fn number(n: Decimal, shape: Type) -> String {
    number_dp(n, shape, 0)
}

/// `n` in its natural form, with as many more decimals (up to four) as it takes not to look
/// equal to `other`: 73.95% against 74% prints as `73.95%`, not `74.0%`. A value closer still
/// is printed in full (`110.00000000000001` against 110).
pub fn number_apart(n: Decimal, other: Decimal, shape: Type) -> String {
    (0..=4)
        .map(|extra| (number_dp(n, shape, extra), number_dp(other, shape, extra)))
        .find(|(a, b)| a != b || n == other)
        .map_or_else(|| number_dp(n, shape, n.scale() + 8), |(a, _)| a)
}

fn number_dp(n: Decimal, shape: Type, extra: u32) -> String {
    let round =
        |x: Decimal, dp: u32| x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    match shape {
        Type::Percent => {
            let dp = 1 + extra;
            match crate::exact::hundredfold(n) {
                Some(hundredfold) => {
                    format!("{:.prec$}%", round(hundredfold, dp), prec = dp as usize)
                }
                // Too large to multiply: the digits moved two places, in full.
                None => format!("{}%", crate::exact::percent_text(n)),
            }
        }
        Type::Money(unit) => {
            let dp = 2 + extra;
            let v = round(n / unit.factor(), dp);
            format!(
                "{}{}",
                grouped(&format!("{v:.prec$}", prec = dp as usize)),
                unit.as_str()
            )
        }
        Type::Int => n.round().to_string(),
        _ => n
            .round_dp_with_strategy(4 + extra, RoundingStrategy::MidpointAwayFromZero)
            .normalize()
            .to_string(),
    }
}

/// `1250000.00` → `1,250,000.00`.
fn grouped(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::MoneyUnit;
    use std::str::FromStr;

    #[test]
    fn natural_forms() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(number(d("0.713"), Type::Percent), "71.3%");
        assert_eq!(number(d("0.4"), Type::Percent), "40.0%");
        assert_eq!(
            number(d("12500000"), Type::Money(MoneyUnit::TenThousand)),
            "1,250.00万元"
        );
        assert_eq!(
            number(d("-999.5"), Type::Money(MoneyUnit::Yuan)),
            "-999.50元"
        );
        assert_eq!(number(d("2.50000"), Type::Decimal), "2.5");
        assert_eq!(
            number_apart(d("0.7395"), d("0.74"), Type::Percent),
            "73.95%"
        );
        assert_eq!(number_apart(d("0.5"), d("0.74"), Type::Percent), "50.0%");
        assert_eq!(number_apart(d("0.74"), d("0.74"), Type::Percent), "74.0%");
    }

    /// A percent too large to multiply by 100 is shown with its digits moved, in full.
    #[test]
    fn the_largest_percent_is_shown_in_full() {
        assert_eq!(
            number(Decimal::MAX, Type::Percent),
            "7922816251426433759354395033500%"
        );
        assert_eq!(number(Decimal::new(74, 2), Type::Percent), "74.0%");
    }
}
