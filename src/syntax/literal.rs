//! Literal values: exact decimals, percents, money in 元, dates and string escapes.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// The text with full-width digits (`１９９４`) written as ASCII ones.
pub fn ascii_digits(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect::<String>()
        .into()
}

/// A number as written, exactly. `None` when it does not fit (more than 28 significant digits).
pub fn number(text: &str) -> Option<Decimal> {
    Decimal::from_str(&ascii_digits(text)).ok()
}

/// `74%` → 0.74.
pub fn percent(number_text: &str) -> Option<Decimal> {
    number(number_text)?.checked_div(Decimal::ONE_HUNDRED)
}

/// `50万元` → 500000 (元).
pub fn money(number_text: &str, unit: crate::ast::MoneyUnit) -> Option<Decimal> {
    number(number_text)?.checked_mul(unit.factor())
}

/// `2017-12-31`; `None` for a day that does not exist.
pub fn date(text: &str) -> Option<NaiveDate> {
    let text = ascii_digits(text);
    let mut parts = text.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Resolves `\" \\ \n \t \u{…}`; on a bad escape, its byte range (in `inner`) and what is wrong.
pub fn unescape(inner: &str) -> Result<String, (std::ops::Range<usize>, String)> {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.char_indices();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some((_, '"')) => out.push('"'),
            Some((_, '\\')) => out.push('\\'),
            Some((_, 'n')) => out.push('\n'),
            Some((_, 't')) => out.push('\t'),
            Some((_, 'u')) => {
                let rest = &inner[i + 2..];
                let hex = rest
                    .strip_prefix('{')
                    .and_then(|r| r.split_once('}'))
                    .map(|(h, _)| h)
                    .ok_or((i..i + 2, crate::tr!("syntax-u-must-followed-by-hex")))?;
                let c = u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or((
                        i..i + 4 + hex.len(),
                        crate::tr!("syntax-u-hex-not-character", hex = hex),
                    ))?;
                out.push(c);
                for _ in 0..hex.len() + 2 {
                    chars.next();
                }
            }
            Some((j, other)) => {
                return Err((
                    i..j + other.len_utf8(),
                    crate::tr!("syntax-unknown-escape-other", other = other),
                ));
            }
            None => return Err((i..i + 1, crate::tr!("syntax-string-cannot-end-with"))),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn full_width_digits_read_as_digits() {
        assert_eq!(number("１９９４"), Decimal::from_str("1994").ok());
        assert_eq!(number("１２.５"), Decimal::from_str("12.5").ok());
        assert_eq!(percent("７４"), Decimal::from_str("0.74").ok());
        assert_eq!(
            date("２０１７-１２-３１"),
            NaiveDate::from_ymd_opt(2017, 12, 31)
        );
        assert_eq!(ascii_digits("条１２-１"), "条12-1");
    }

    use super::*;
    use crate::ast::MoneyUnit;

    #[test]
    fn money_is_exact_in_yuan() {
        assert_eq!(
            money("475.42", MoneyUnit::HundredMillion),
            Some(Decimal::from(47_542_000_000i64))
        );
        assert_eq!(
            money("50", MoneyUnit::TenThousand),
            Some(Decimal::from(500_000))
        );
    }

    #[test]
    fn percent_is_a_fraction() {
        assert_eq!(percent("12.5"), Decimal::from_str("0.125").ok());
    }

    #[test]
    fn rejects_impossible_dates_and_huge_numbers() {
        assert!(date("2017-02-30").is_none());
        assert!(date("2016-02-29").is_some());
        assert!(number("123456789012345678901234567890123").is_none());
    }

    #[test]
    fn unescapes() {
        assert_eq!(unescape(r#"a\"b\\c\n\u{4e2d}"#).unwrap(), "a\"b\\c\n中");
        assert!(unescape(r"\q").is_err());
        assert!(unescape(r"\u{zz}").is_err());
    }

    #[test]
    fn bad_escape_range_covers_a_whole_character() {
        assert_eq!(unescape("a\\ዘ").unwrap_err().0, 1..5);
        assert_eq!(unescape("\\u{d800}").unwrap_err().0, 0..8);
    }
}
