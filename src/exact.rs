//! Arithmetic on user-given numbers that cannot overflow: a percent shown as digits moved two
//! places rather than multiplied, and the checked operations the engine and reports share.

use rust_decimal::Decimal;

/// `d × 100`, or `None` when the result does not fit a decimal (28–29 significant digits).
pub fn hundredfold(d: Decimal) -> Option<Decimal> {
    d.checked_mul(Decimal::ONE_HUNDRED)
}

/// `d` as a percent without the sign: `0.74` → `74`, `0.125` → `12.5`. Exact for every decimal,
/// including those whose hundredfold does not fit (`792281625142643375935439504` →
/// `79228162514264337593543950400`): the digits are shifted, never multiplied.
pub fn percent_text(d: Decimal) -> String {
    let d = d.normalize();
    let scale = d.scale();
    if scale >= 2 {
        Decimal::from_i128_with_scale(d.mantissa(), scale - 2)
            .normalize()
            .to_string()
    } else {
        // The mantissa holds at most 96 bits, so a hundredfold of it fits an i128.
        let factor = if scale == 1 { 10 } else { 100 };
        (d.mantissa() * factor).to_string()
    }
}

/// The sum of `items`, or `None` when it does not fit a decimal.
pub fn checked_sum(items: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    items
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x))
}

/// `Σ weight × value`, or `None` when a product or the sum does not fit a decimal.
pub fn weighted_sum(items: impl IntoIterator<Item = (Decimal, Decimal)>) -> Option<Decimal> {
    items.into_iter().try_fold(Decimal::ZERO, |acc, (w, v)| {
        acc.checked_add(w.checked_mul(v)?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn percent_text_moves_the_point_two_places() {
        assert_eq!(percent_text(d("0.74")), "74");
        assert_eq!(percent_text(d("0.125")), "12.5");
        assert_eq!(percent_text(d("1.1")), "110");
        assert_eq!(percent_text(d("3")), "300");
        assert_eq!(percent_text(d("-0.5")), "-50");
        assert_eq!(percent_text(d("0")), "0");
        assert_eq!(percent_text(d("0.7400")), "74");
    }

    #[test]
    fn percent_text_of_the_extremes_does_not_overflow() {
        assert_eq!(
            percent_text(Decimal::MAX),
            "7922816251426433759354395033500"
        );
        assert_eq!(
            percent_text(Decimal::MIN),
            "-7922816251426433759354395033500"
        );
        assert_eq!(
            percent_text(d("0.0000000000000000000000000001")),
            "0.00000000000000000000000001"
        );
        assert_eq!(
            percent_text(d("792281625142643375935439504")),
            "79228162514264337593543950400"
        );
    }

    #[test]
    fn sums_that_do_not_fit_are_none() {
        assert_eq!(checked_sum([Decimal::MAX, Decimal::ONE]), None);
        assert_eq!(checked_sum([d("0.3"), d("0.7")]), Some(Decimal::ONE));
        assert_eq!(weighted_sum([(Decimal::MAX, d("2"))]), None);
        assert_eq!(
            weighted_sum([(d("0.5"), d("80")), (d("0.5"), d("60"))]),
            Some(d("70"))
        );
    }

    #[test]
    fn percent_text_agrees_with_the_hundredfold_where_it_fits() {
        for s in ["0.74", "12.5", "-3.25", "100", "0.0001", "1234567.891"] {
            let x = d(s);
            assert_eq!(
                percent_text(x),
                hundredfold(x).unwrap().normalize().to_string()
            );
        }
    }
}
