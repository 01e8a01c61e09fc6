//! A running sum of decimals kept as a 64-bit mantissa and a scale while it fits: the value,
//! scale and sign that adding the decimals one by one gives, without making a decimal per row.
//!
//! Not [`ExactSum`](crate::data::exact_sum::ExactSum), which is the same however its terms are
//! grouped and so gives its total the largest scale of all its terms, zeros included (`1` and
//! `0.00` make `1.00`). A group's sum is shown as row-by-row addition gives it (`1`), so this
//! one follows `rust_decimal`'s rules for zero.

use rust_decimal::Decimal;
use std::cmp::Ordering;

/// A sum whose every partial total so far fits a 64-bit mantissa at its scale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SmallSum {
    mantissa: i64,
    scale: u32,
}

impl SmallSum {
    /// Adds `x` as [`Decimal::checked_add`] does: a zero sum becomes `x` as written, a zero
    /// `x` leaves the sum as it is, and any other total takes the larger of the two scales.
    /// Returns `false`, leaving the sum as it was, when the total does not fit, or is a zero
    /// with a minus sign (`-0.00`, as `-x` makes of a zero), which a mantissa cannot carry.
    #[inline(always)]
    pub fn add(&mut self, x: Decimal) -> bool {
        let Ok(xm) = i64::try_from(x.mantissa()) else {
            return false;
        };
        let xs = x.scale();
        if self.mantissa == 0 {
            if xm == 0 && x.is_sign_negative() {
                return false;
            }
            *self = SmallSum {
                mantissa: xm,
                scale: xs,
            };
            return true;
        }
        if xm == 0 {
            return true;
        }
        let aligned = match xs.cmp(&self.scale) {
            Ordering::Equal => Some((self.mantissa, xm, xs)),
            Ordering::Less => scaled(xm, self.scale - xs).map(|b| (self.mantissa, b, self.scale)),
            Ordering::Greater => scaled(self.mantissa, xs - self.scale).map(|a| (a, xm, xs)),
        };
        match aligned.and_then(|(a, b, scale)| Some((a.checked_add(b)?, scale))) {
            Some((mantissa, scale)) => {
                *self = SmallSum { mantissa, scale };
                true
            }
            None => false,
        }
    }

    /// The sum as a decimal.
    pub fn total(self) -> Decimal {
        Decimal::from_i128_with_scale(i128::from(self.mantissa), self.scale)
    }
}

/// `m` times ten to the power `by`, if it fits.
fn scaled(m: i64, by: u32) -> Option<i64> {
    10i64.checked_pow(by).and_then(|p| m.checked_mul(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).expect("a decimal")
    }

    /// Adds the terms both ways and checks that they agree, digit for digit and in scale and
    /// sign, as long as the small sum takes them; returns how many it took.
    fn agree_on(terms: &[Decimal]) -> usize {
        let mut small = SmallSum::default();
        let mut whole = Decimal::ZERO;
        for (n, &x) in terms.iter().enumerate() {
            whole = whole.checked_add(x).expect("fits a decimal");
            if !small.add(x) {
                return n;
            }
            let total = small.total();
            assert_eq!(
                (total.to_string(), total.scale(), total.is_sign_negative()),
                (whole.to_string(), whole.scale(), whole.is_sign_negative()),
                "{terms:?} up to {x}"
            );
        }
        terms.len()
    }

    /// [`agree_on`] for terms that all fit: every one is taken.
    fn agree(terms: &[&str]) {
        let terms: Vec<Decimal> = terms.iter().map(|t| dec(t)).collect();
        assert_eq!(agree_on(&terms), terms.len(), "{terms:?}");
    }

    #[test]
    fn a_zero_with_a_minus_sign_is_left_to_the_decimal() {
        let minus_zero = -dec("0.00");
        assert!(minus_zero.is_sign_negative());
        // Onto a zero sum it would be the total as written: the small sum cannot carry it.
        assert_eq!(agree_on(&[minus_zero]), 0);
        assert_eq!(agree_on(&[dec("5"), dec("-5"), minus_zero]), 2);
        // Onto any other sum it changes nothing, as onto a decimal.
        assert_eq!(agree_on(&[dec("1.5"), minus_zero, dec("2")]), 3);
    }

    #[test]
    fn the_sum_is_the_one_decimals_give_row_by_row() {
        agree(&[]);
        agree(&["316.00", "155.79", "-1", "2.5"]);
        // A zero sum takes the next term as written; a zero term changes nothing.
        agree(&["0.00", "5", "0.000", "1.5", "-1.5", "2", "0.0"]);
        agree(&["-0.00", "0", "-0.0", "3.10", "-3.1", "0"]);
        agree(&["1.5", "0.00", "0.000001", "7"]);
        agree(&["9223372036854775807", "-1", "1"]);
        // Ten to the 26th at scale 18 does not fit: the first term is taken, not the second.
        let fine = [dec("0.000000000000000001"), dec("100000000"), dec("3")];
        assert_eq!(agree_on(&fine), 1);
    }

    #[test]
    fn a_sum_that_would_not_fit_says_so_and_stays() {
        let mut s = SmallSum::default();
        assert!(s.add(dec("9223372036854775807")));
        assert!(!s.add(dec("1")));
        assert_eq!(s.total(), dec("9223372036854775807"));
        assert!(!s.add(dec("0.1")), "the larger scale leaves no room");
        let mut s = SmallSum::default();
        assert!(s.add(dec("1")));
        assert!(!s.add(dec("0.0000000000000000001")), "ten to the 19th");
        assert!(!s.add(dec("79228162514264337593543950335")));
        assert_eq!(s.total(), dec("1"));
    }

    #[test]
    fn generated_terms_agree_with_decimals() {
        // A small linear congruential generator: terms of scale 0 to 4, some zero, some
        // negative, some large.
        let mut seed: u64 = 7;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed >> 33
        };
        let mut taken_whole = 0;
        for _ in 0..2_000 {
            let terms: Vec<Decimal> = (0..12)
                .map(|_| {
                    let scale = (next() % 5) as u32;
                    let magnitude = match next() % 40 {
                        0..=9 => 0,
                        10..=19 => next() % 100,
                        20..=29 => next() % 100_000_000,
                        30..=38 => next() % 1_000_000_000_000,
                        _ => next() * next(),
                    };
                    let d = Decimal::from_i128_with_scale(i128::from(magnitude), scale);
                    // `-d` of a zero is a zero with a minus sign, as `-x` makes it in a rule.
                    if next() % 3 == 0 { -d } else { d }
                })
                .collect();
            // A product of two 31-bit numbers at scale 4 can take the sum past 64 bits, and a zero
            // with a minus sign onto a zero sum is left to the decimal: the sum is compared as
            // far as it is taken.
            if agree_on(&terms) == terms.len() {
                taken_whole += 1;
            }
        }
        // Most lists fit from end to end: a sum that gave up too soon would fail here.
        assert!(
            taken_whole > 1_000,
            "{taken_whole} of 2,000 lists taken whole"
        );
    }
}
