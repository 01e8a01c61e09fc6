//! An exact sum of decimals that is the same however its terms are grouped: the mantissas are
//! added per scale, and put together only when the total is asked for.

use rust_decimal::Decimal;

/// The scales a decimal can have: 0 to 28.
const SCALES: usize = 29;

/// A sum of decimals. Adding row by row and adding the sums of runs of rows give the same
/// total, to the last digit: nothing is rounded and nothing is skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExactSum {
    /// The sum of the mantissas of the terms of each scale. A term's mantissa is below 2⁹⁶, so
    /// no sum of fewer than 2³¹ terms leaves an `i128`, however they are grouped.
    by_scale: [i128; SCALES],
    /// The scales of the terms added (bit per scale): the total has the largest, as a decimal
    /// addition gives it.
    scales: u32,
    /// Set when a sum of mantissas left the `i128` (2³¹ terms or more).
    overflowed: bool,
}

impl ExactSum {
    /// Adds a term.
    pub fn add(&mut self, d: Decimal) {
        let scale = d.scale() as usize;
        self.add_mantissa(scale, d.mantissa());
    }

    /// Adds the terms of another sum.
    pub fn extend(&mut self, other: &ExactSum) {
        for scale in 0..SCALES {
            if other.scales & (1 << scale) != 0 {
                self.add_mantissa(scale, other.by_scale[scale]);
            }
        }
        self.overflowed |= other.overflowed;
    }

    fn add_mantissa(&mut self, scale: usize, mantissa: i128) {
        match self.by_scale[scale].checked_add(mantissa) {
            Some(sum) => self.by_scale[scale] = sum,
            None => self.overflowed = true,
        }
        self.scales |= 1 << scale;
    }

    /// The total, at the largest scale of its terms; `None` when it has more digits than a
    /// decimal holds.
    pub fn total(&self) -> Option<Decimal> {
        if self.overflowed {
            return None;
        }
        if self.scales == 0 {
            return Some(Decimal::ZERO);
        }
        let top = 31 - self.scales.leading_zeros();
        let mut mantissa: i128 = 0;
        for scale in 0..=top {
            if self.scales & (1 << scale) != 0 {
                let shifted = self.by_scale[scale as usize].checked_mul(10i128.pow(top - scale))?;
                mantissa = mantissa.checked_add(shifted)?;
            }
        }
        Decimal::try_from_i128_with_scale(mantissa, top).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).expect("a decimal")
    }

    fn sum(terms: &[&str]) -> ExactSum {
        let mut s = ExactSum::default();
        for t in terms {
            s.add(dec(t));
        }
        s
    }

    #[test]
    fn the_total_has_the_largest_scale_as_a_decimal_addition_gives_it() {
        let total = sum(&["1.50", "2", "-0.5"]).total().expect("fits");
        assert_eq!(total.to_string(), "3.00");
        assert_eq!(sum(&[]).total(), Some(Decimal::ZERO));
        assert_eq!(
            sum(&["0.0"]).total().map(|d| d.to_string()),
            Some("0.0".into())
        );
    }

    #[test]
    fn grouping_changes_nothing_even_near_the_limit() {
        let max = Decimal::MAX.to_string();
        let terms = [max.as_str(), "1", "-1", "7000000000000000000000000000"];
        let one_by_one = sum(&terms);
        let mut grouped = sum(&terms[..1]);
        grouped.extend(&sum(&terms[1..3]));
        grouped.extend(&sum(&terms[3..]));
        // A hundredth anywhere puts the total at scale 2, where MAX has no room.
        let mut finer = one_by_one.clone();
        finer.add(dec("-7000000000000000000000000000.00"));
        assert_eq!(finer.total(), None);
        assert_eq!(one_by_one.total(), grouped.total());
        // MAX + 7e27 has more digits than a decimal holds.
        assert_eq!(one_by_one.total(), None);
        let mut back = one_by_one.clone();
        back.add(dec("-7000000000000000000000000000"));
        assert_eq!(back.total(), Some(Decimal::MAX));
    }

    #[test]
    fn small_terms_at_a_fine_scale_are_not_rounded_away() {
        let terms = ["7000000000000000000000000000", "0.1", "0.04", "0.04"];
        let total = sum(&terms).total();
        // 7e27.18 needs 30 digits: no decimal holds it, so there is no total to compare.
        assert_eq!(total, None);
        let fits = sum(&["700000000000000000000000", "0.1", "0.04", "0.04"]).total();
        assert_eq!(fits, Some(dec("700000000000000000000000.18")));
    }
}
