//! One cell of a data file to a typed value of its field, or the reason it is rejected.

use super::names::NameTable;
use super::problem::Rejection;
use super::value::{Text, Value};
use crate::ast::{MoneyUnit, Type};
use crate::diagnostic::Code;
use crate::suggest::did_you_mean;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A cell as read from a file, before it is given its field's type.
#[derive(Debug, Clone, Copy)]
pub enum Cell<'a> {
    /// An empty cell, a missing key or `null`.
    Empty,
    /// Text as written (every CSV cell; JSON strings).
    Text(&'a str),
    /// A number written as a number (JSON, XLSX), in its shortest exact decimal form.
    Number(&'a str),
    Bool(bool),
    /// A date cell of a workbook.
    Date(NaiveDate),
    /// Something no field can hold (a JSON object or array, a workbook error), described.
    Invalid(&'static str),
    /// A workbook formula whose value was never saved, with its formula.
    Uncomputed(&'a str),
}

/// Actor and program names (and aliases) to their indexes.
#[derive(Debug, Default)]
pub struct NameIndex {
    pub actors: NameTable,
    pub programs: NameTable,
}

/// Converts `cell` for a field of type `ty`; texts are appended to `row_text`.
#[inline(always)]
pub fn convert(
    cell: Cell<'_>,
    ty: Type,
    names: &NameIndex,
    row_text: &mut String,
) -> Result<Value, Box<Rejection>> {
    let mut value = Value::Null;
    convert_into(cell, ty, names, row_text, &mut value)?;
    Ok(value)
}

/// [`convert`] into `out`, which is left as it was when the cell is rejected. Each kind of
/// value is written where it goes, in its own branch: a value put together on the stack and
/// then copied to its place is read back right after its parts are written, in pieces of
/// other sizes, and the processor waits for the stored bytes on every cell.
#[inline(always)]
pub fn convert_into(
    cell: Cell<'_>,
    ty: Type,
    names: &NameIndex,
    row_text: &mut String,
    out: &mut Value,
) -> Result<(), Box<Rejection>> {
    let text = match cell {
        Cell::Empty => {
            *out = Value::Null;
            return Ok(());
        }
        Cell::Invalid(what) => return Err(invalid(what, ty)),
        Cell::Uncomputed(f) => return Err(uncomputed(f)),
        Cell::Bool(b) => {
            *out = from_bool(b, ty)?;
            return Ok(());
        }
        Cell::Date(d) => {
            *out = from_date(d, ty, row_text)?;
            return Ok(());
        }
        Cell::Text(t) | Cell::Number(t) => t,
    };
    if matches!(
        ty,
        Type::Text | Type::Unknown | Type::ActorKind | Type::Level | Type::List
    ) {
        *out = if trim(text).is_empty() {
            Value::Null
        } else {
            push_text(text, row_text)
        };
        return Ok(());
    }
    let t = trim(text);
    if t.is_empty() {
        *out = Value::Null;
        return Ok(());
    }
    let rejected = || bad(t, ty);
    match ty {
        Type::Bool => *out = Value::Bool(parse_bool(t).ok_or_else(rejected)?),
        Type::Int => {
            let d = parse_decimal(t).filter(|d| d.fract().is_zero());
            *out = Value::Num(d.ok_or_else(rejected)?);
        }
        Type::Decimal => *out = Value::Num(parse_decimal(t).ok_or_else(rejected)?),
        Type::Percent => *out = Value::Num(parse_percent(t).ok_or_else(rejected)?),
        Type::Money(unit) => *out = Value::Num(parse_money(t, unit).ok_or_else(rejected)?),
        Type::Date => *out = Value::Date(parse_date(t).ok_or_else(rejected)?),
        Type::Year => *out = Value::Year(parse_year(t).ok_or_else(rejected)?),
        Type::Actor => {
            let a = names.actors.get(t);
            *out = Value::Actor(a.ok_or_else(|| unknown(t, "actor", names.actors.keys()))?);
        }
        Type::Program => {
            let p = names.programs.get(t);
            *out = Value::Program(p.ok_or_else(|| unknown(t, "program", names.programs.keys()))?);
        }
        Type::Text | Type::Unknown | Type::ActorKind | Type::Level | Type::List => {
            unreachable!("handled above")
        }
    }
    Ok(())
}

/// A cell no field can hold (a JSON object or array, a workbook error).
fn invalid(what: &str, ty: Type) -> Box<Rejection> {
    Box::new(Rejection::new(
        Code::DataBadValue,
        crate::tr!(
            "data-what-cannot-describe",
            what = invalid_cell_text(what),
            describe = describe(ty)
        ),
    ))
}

/// A workbook formula whose value was never saved.
fn uncomputed(formula: &str) -> Box<Rejection> {
    Box::new(
        Rejection::new(
            Code::DataBadValue,
            crate::tr!("data-formula-f-has-no-saved", f = formula),
        )
        .help(crate::tr!("data-open-workbook-excel-libreoffice-save")),
    )
}

/// A cell written as true or false: only a `bool` field holds it.
fn from_bool(b: bool, ty: Type) -> Result<Value, Box<Rejection>> {
    match ty {
        Type::Bool => Ok(Value::Bool(b)),
        _ => Err(bad(&b.to_string(), ty)),
    }
}

/// A date cell of a workbook: a date, its year, or its text for a text field.
fn from_date(d: NaiveDate, ty: Type, row_text: &mut String) -> Result<Value, Box<Rejection>> {
    match ty {
        Type::Date => Ok(Value::Date(d)),
        Type::Year => Ok(Value::Year(chrono::Datelike::year(&d))),
        Type::Text | Type::Unknown | Type::ActorKind | Type::Level | Type::List => {
            let s = d.format("%Y-%m-%d").to_string();
            Ok(push_text(&s, row_text))
        }
        _ => Err(bad(&d.to_string(), ty)),
    }
}

/// Trims white space; most cells have none, which is checked first.
#[inline]
fn trim(s: &str) -> &str {
    // A character of Unicode white space begins with one of these bytes (or is ASCII).
    let may_start_space = |b: u8| b <= b' ' || matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3);
    // …and ends with one of these.
    let may_end_space =
        |b: u8| b <= b' ' || matches!(b, 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF);
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(&a), Some(&z)) if !may_start_space(a) && !may_end_space(z) => s,
        _ => trim_edges(s),
    }
}

/// Trims white space from a cell whose first or last byte may be part of some: `生` ends with
/// such a byte, so the characters themselves are looked at before trimming.
#[inline(never)]
fn trim_edges(s: &str) -> &str {
    let space = |c: Option<char>| c.is_some_and(char::is_whitespace);
    if !s.is_empty() && !space(s.chars().next()) && !space(s.chars().next_back()) {
        return s;
    }
    s.trim()
}

fn push_text(s: &str, row_text: &mut String) -> Value {
    let start = row_text.len() as u32;
    row_text.push_str(s);
    Value::Text(Text::Row(start, row_text.len() as u32))
}

fn describe(ty: Type) -> String {
    match ty {
        Type::Bool => crate::tr!("decl-true-false"),
        Type::Int => crate::tr!("decl-whole-number"),
        Type::Decimal => crate::tr!("words-a-number"),
        Type::Percent => crate::tr!("data-type-percentage"),
        Type::Money(u) => crate::tr!("data-amount-u", u = u.as_str()),
        Type::Text | Type::Unknown | Type::ActorKind | Type::Level | Type::List => {
            crate::tr!("data-type-text")
        }
        Type::Date => crate::tr!("data-type-date"),
        Type::Year => crate::tr!("data-type-year"),
        Type::Actor => crate::tr!("props-what-actor"),
        Type::Program => crate::tr!("props-what-program"),
    }
}

fn bad(text: &str, ty: Type) -> Box<Rejection> {
    let example = match ty {
        Type::Bool => crate::tr!("data-write-true-false-also-yes"),
        Type::Int => crate::tr!("data-write-digits-only-e-g"),
        Type::Decimal => crate::tr!("data-write-number-e-g"),
        Type::Percent => {
            crate::tr!("data-write-fraction-bare-number-above")
        }
        Type::Money(u) => crate::tr!("data-write-amount-u-e-g", u = u.as_str()),
        Type::Date => crate::tr!("data-write-date-as"),
        Type::Year => crate::tr!("data-write-year-as-four-digits"),
        _ => String::new(),
    };
    let numeric = matches!(
        ty,
        Type::Int | Type::Decimal | Type::Percent | Type::Money(_)
    );
    let bare = text
        .trim()
        .trim_start_matches(['¥', '￥'])
        .trim_end_matches(['元', '万', '亿', '%', '％']);
    if numeric && plain_number(bare).is_some() && parse_decimal(bare).is_none() {
        return Box::new(
            Rejection::new(
                Code::DataBadValue,
                crate::tr!("data-clip-out-range", clip = clip(text)),
            )
            .help(crate::tr!("data-exact-numbers-hold-at-most")),
        );
    }
    Box::new(
        Rejection::new(
            Code::DataBadValue,
            crate::tr!(
                "data-clip-not-describe",
                clip = clip(text),
                describe = describe(ty)
            ),
        )
        .help(example),
    )
}

/// A cell as quoted in a message: at most 40 characters.
fn clip(text: &str) -> String {
    let shown: String = text.chars().take(40).collect();
    if shown.len() < text.len() {
        format!("{shown}…")
    } else {
        shown
    }
}

fn unknown<'a>(text: &str, what: &str, known: impl Iterator<Item = &'a str>) -> Box<Rejection> {
    let code = if what == "actor" {
        Code::DataUnknownActor
    } else {
        Code::DataUnknownProgram
    };
    let shown = clip(text);
    // Names are short: a long cell is no misspelt name, and comparing it would be slow.
    let suggestion = (text.chars().count() <= 64)
        .then(|| {
            let mut candidates: Vec<&str> = known.collect();
            candidates.sort_unstable();
            did_you_mean(text, candidates)
        })
        .flatten();
    let help = suggestion.unwrap_or_else(|| {
        crate::tr!(
            "data-declare-shown-as-what-rules",
            shown = shown,
            what = what
        )
    });
    Box::new(
        Rejection::new(
            code,
            crate::tr!("data-unknown-what-shown", what = what, shown = shown),
        )
        .help(help),
    )
}

fn parse_bool(t: &str) -> Option<bool> {
    match t {
        "true" | "TRUE" | "True" | "yes" | "Yes" | "YES" | "是" | "1" | "y" | "Y" => Some(true),
        "false" | "FALSE" | "False" | "no" | "No" | "NO" | "否" | "0" | "n" | "N" => Some(false),
        _ => None,
    }
}

/// An exact decimal: `-12.50`, `1,250.5` (commas only between groups of three digits), `1e3`,
/// full-width digits `１２３`.
pub fn parse_decimal(t: &str) -> Option<Decimal> {
    fast_decimal(t.as_bytes()).or_else(|| {
        let plain = plain_number(t)?;
        // More significant digits than an exact decimal holds would be rounded: refuse them.
        let mantissa = plain.split(['e', 'E']).next().unwrap_or(&plain);
        let digits = mantissa.trim_start_matches(['-', '+']);
        let digits = match digits.split_once('.') {
            Some((w, f)) => format!("{w}{}", f.trim_end_matches('0')),
            None => digits.to_string(),
        };
        if digits.trim_start_matches('0').len() > 28 {
            return None;
        }
        if plain.contains(['e', 'E']) {
            Decimal::from_scientific(&plain).ok()
        } else {
            Decimal::from_str(&plain).ok()
        }
    })
}

/// The number in ASCII without thousands separators, when it is written as a number: an
/// optional sign, digits (in groups of three when commas separate them), an optional fraction
/// and exponent.
fn plain_number(t: &str) -> Option<String> {
    let ascii: String = t
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' => ',',
            '－' => '-',
            '＋' => '+',
            c => c,
        })
        .collect();
    let body = ascii.trim_start_matches(['-', '+']);
    if ascii.len() - body.len() > 1 {
        return None;
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    if let Some(e) = exponent {
        let digits = e.trim_start_matches(['-', '+']);
        if digits.is_empty()
            || e.len() - digits.len() > 1
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
    }
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    if fraction.is_some_and(|f| !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let groups: Vec<&str> = whole.split(',').collect();
    let digits_only = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let grouped = groups.len() == 1
        || (matches!(groups[0].len(), 1..=3)
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| digits_only(g)));
    if !grouped || !digits_only(whole.replace(',', "").as_str()) {
        return None;
    }
    if whole.is_empty() && fraction.is_none_or(str::is_empty) {
        return None;
    }
    Some(ascii.replace(',', ""))
}

/// Digits with an optional sign and point, up to 18 digits: no allocation.
fn fast_decimal(b: &[u8]) -> Option<Decimal> {
    let (neg, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 19 {
        return None;
    }
    let mut mantissa: i64 = 0;
    let mut scale: Option<u32> = None;
    let mut seen_digit = false;
    for &c in digits {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa.checked_mul(10)?.checked_add((c - b'0') as i64)?;
                seen_digit = true;
                if let Some(s) = scale.as_mut() {
                    *s += 1;
                }
            }
            b'.' if scale.is_none() => scale = Some(0),
            _ => return None,
        }
    }
    if !seen_digit {
        return None;
    }
    Some(Decimal::new(
        if neg { -mantissa } else { mantissa },
        scale.unwrap_or(0),
    ))
}

/// `74%` or a fraction `0.74`; a bare number above 1 is ambiguous (74 or 7400%?) and refused.
fn parse_percent(t: &str) -> Option<Decimal> {
    match t.strip_suffix('%').or_else(|| t.strip_suffix('％')) {
        Some(p) => parse_decimal(p.trim()).map(|d| d / Decimal::ONE_HUNDRED),
        None => parse_decimal(t).filter(|d| d.abs() <= Decimal::ONE),
    }
}

/// An amount in the field's unit (or with an explicit unit), in 元.
fn parse_money(t: &str, unit: MoneyUnit) -> Option<Decimal> {
    let (number, unit) = money_unit(t, unit);
    let d = parse_decimal(number)?;
    let s = d.scale();
    let shift = match unit {
        MoneyUnit::Yuan => 0,
        MoneyUnit::TenThousand => 4,
        MoneyUnit::HundredMillion => 8,
    };
    if s >= shift {
        let mut shifted = d;
        shifted.set_scale(s - shift).ok()?;
        Some(shifted)
    } else {
        // The mantissa times the factor at the same scale, as `d * factor` gives it (zero
        // at scale 0), without a decimal multiplication when it fits.
        if d.is_zero() {
            return Some(Decimal::ZERO);
        }
        d.mantissa()
            .checked_mul(10i128.pow(shift))
            .and_then(|m| Decimal::try_from_i128_with_scale(m, s).ok())
            .or_else(|| d.checked_mul(unit.factor()))
    }
}

/// The number of a money cell and the unit it is in: the one the cell writes after it, or
/// `unit`. A currency sign before the number is dropped.
fn money_unit(t: &str, unit: MoneyUnit) -> (&str, MoneyUnit) {
    // A cell that begins and ends with a digit (most) has neither sign nor unit.
    let b = t.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit) && b.last().is_some_and(u8::is_ascii_digit) {
        return (t, unit);
    }
    let t = t.trim_start_matches(['¥', '￥']).trim();
    // `300万` and `2亿` are the usual shorthand for 万元 and 亿元.
    let units = [
        ("亿元", MoneyUnit::HundredMillion),
        ("万元", MoneyUnit::TenThousand),
        ("元", MoneyUnit::Yuan),
        ("亿", MoneyUnit::HundredMillion),
        ("万", MoneyUnit::TenThousand),
    ];
    units
        .iter()
        .find_map(|(s, u)| t.strip_suffix(s).map(|n| (n.trim(), *u)))
        .unwrap_or((t, unit))
}

fn parse_date(t: &str) -> Option<NaiveDate> {
    // A time of day may follow (`2017-03-01 08:00:00`, `2017-03-01T08:00:00Z`); nothing else.
    let (t, time) = match t.find([' ', 'T']) {
        Some(i) => (&t[..i], Some(t[i + 1..].trim())),
        None => (t, None),
    };
    if time.is_some_and(|time| !is_time_of_day(time)) {
        return None;
    }
    // Four-digit years only: no sign, no `0017`.
    if !t
        .as_bytes()
        .get(..4)
        .is_some_and(|y| y.iter().all(u8::is_ascii_digit) && y[0] != b'0')
    {
        return None;
    }
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Some(d);
        }
    }
    None
}

/// `08:00`, `08:00:00`, `08:00:00.000`, optionally followed by `Z` or an offset `+08:00`.
fn is_time_of_day(t: &str) -> bool {
    let two = |p: &str, max: u32| {
        matches!(p.len(), 1 | 2)
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let (clock, zone) = match t.find(['Z', '+', '-']) {
        Some(i) => (&t[..i], &t[i..]),
        None => (t, ""),
    };
    let zone_ok = match zone {
        "" | "Z" => true,
        z => {
            let z = &z[1..];
            let (h, m) = z
                .split_once(':')
                .unwrap_or((z.get(..2).unwrap_or(z), z.get(2..).unwrap_or("")));
            two(h, 14) && (m.is_empty() || (m.len() == 2 && two(m, 59)))
        }
    };
    let mut parts = clock.split(':');
    let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
        return false;
    };
    let seconds_ok = match parts.next() {
        None => true,
        Some(sec) => {
            let (whole, fraction) = sec.split_once('.').unwrap_or((sec, "0"));
            two(whole, 60) && !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit())
        }
    };
    zone_ok && two(h, 23) && two(m, 59) && seconds_ok && parts.next().is_none()
}

/// Four digits not starting with 0 (full-width digits read as ASCII), optionally followed by
/// `年`; `2018.0` is refused, as a year is never a fraction.
fn parse_year(t: &str) -> Option<i32> {
    if let [
        a @ b'1'..=b'9',
        b @ b'0'..=b'9',
        c @ b'0'..=b'9',
        d @ b'0'..=b'9',
    ] = *t.as_bytes()
    {
        let digit = |x: u8| i32::from(x - b'0');
        return Some(digit(a) * 1000 + digit(b) * 100 + digit(c) * 10 + digit(d));
    }
    let t = t.strip_suffix('年').unwrap_or(t);
    let digits: String = t
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect();
    if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0') {
        digits.parse().ok()
    } else {
        None
    }
}

/// What an unreadable cell is (`a duration`), in the output language.
fn invalid_cell_text(what: &str) -> String {
    match what {
        "an unreadable date cell" => crate::tr!("data-cell-unreadable-date"),
        "a duration" => crate::tr!("data-cell-duration"),
        "a cell with a formula error" => crate::tr!("data-cell-formula-error"),
        "a list" => crate::tr!("data-cell-list"),
        "an object" => crate::tr!("data-cell-object"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn years_are_four_digits_full_width_or_not_never_fractions() {
        assert_eq!(parse_year("2017"), Some(2017));
        assert_eq!(parse_year("２０１７"), Some(2017));
        assert_eq!(parse_year("２０１７年"), Some(2017));
        assert_eq!(parse_year("2018.0"), None);
        assert_eq!(parse_year("0201"), None);
        assert_eq!(parse_year("201"), None);
    }

    #[test]
    fn cells_are_trimmed_as_str_trims() {
        for t in [
            "",
            " ",
            "民生",
            " 民生",
            "民生 ",
            "民生\u{3000}",
            "\u{3000}民生",
            "\u{a0}1\u{a0}",
            "1\u{2003}",
            "\u{85}x",
            "x\u{2028}",
            "生",
            "\t生\n",
            "CP0001",
            "产业",
        ] {
            assert_eq!(trim(t), t.trim(), "{t:?}");
        }
    }

    #[test]
    fn money_is_converted_to_yuan_exactly() {
        let u = MoneyUnit::TenThousand;
        assert_eq!(parse_money("123.45", u), Some(dec("1234500")));
        assert_eq!(parse_money("1.23456", u), Some(dec("12345.6")));
        assert_eq!(parse_money("50万元", MoneyUnit::Yuan), Some(dec("500000")));
        assert_eq!(parse_money("1,250.00", u), Some(dec("12500000")));
        assert_eq!(parse_money("300万", MoneyUnit::Yuan), Some(dec("3000000")));
        assert_eq!(parse_money("¥200", MoneyUnit::Yuan), Some(dec("200")));
        assert_eq!(parse_money("abc", u), None);
        assert_eq!(parse_money("1 万", MoneyUnit::Yuan), Some(dec("10000")));
        assert_eq!(parse_money("１２万", MoneyUnit::Yuan), Some(dec("120000")));
        assert_eq!(parse_money("1亿2", MoneyUnit::Yuan), None);
        // Written as a decimal multiplication writes it: the scale kept, huge amounts too.
        for t in [
            "123.45",
            "316.00",
            "0.5",
            "-7.1",
            "0.0",
            "-0.00",
            "79228162514264337593543.95",
            "1e3",
        ] {
            for unit in [MoneyUnit::TenThousand, MoneyUnit::HundredMillion] {
                let product = parse_decimal(t).and_then(|d| d.checked_mul(unit.factor()));
                let got = parse_money(t, unit);
                assert_eq!(
                    got.map(|d| d.to_string()),
                    product.map(|d| d.to_string()),
                    "{t}"
                );
            }
        }
    }

    #[test]
    fn four_ascii_digits_and_every_other_form_of_a_year() {
        let cases = [
            ("2017", Some(2017)),
            ("9999", Some(9999)),
            ("1000", Some(1000)),
            ("0999", None),
            ("201", None),
            ("20170", None),
            ("２０１７", Some(2017)),
            ("2017年", Some(2017)),
            ("20a7", None),
        ];
        for (t, year) in cases {
            assert_eq!(parse_year(t), year, "{t}");
        }
    }

    #[test]
    fn percents_and_numbers() {
        assert_eq!(parse_percent("74%"), Some(dec("0.74")));
        assert_eq!(parse_percent("0.74"), Some(dec("0.74")));
        assert_eq!(parse_percent("74"), None);
        assert_eq!(parse_percent("150%"), Some(dec("1.5")));
        assert_eq!(parse_decimal("-0.5"), Some(dec("-0.5")));
        assert_eq!(parse_decimal("1e3"), Some(dec("1000")));
        assert_eq!(parse_decimal("."), None);
        assert_eq!(parse_decimal("1.2.3"), None);
        assert_eq!(parse_decimal("12,345.6"), Some(dec("12345.6")));
        assert_eq!(parse_decimal("１２３．５"), Some(dec("123.5")));
        for misplaced in [
            "12,34", "1,2,3", "1_000", ",123", "1,0000", "--1", "1e", "1e+-2",
        ] {
            assert_eq!(parse_decimal(misplaced), None, "{misplaced}");
        }
        assert_eq!(
            parse_decimal("99999999999999999999999"),
            Some(dec("99999999999999999999999"))
        );
        assert_eq!(parse_decimal("110.00000000000000000000000000001"), None);
        assert_eq!(
            parse_decimal("110.000000000000000000000000000000"),
            Some(dec("110"))
        );
    }

    #[test]
    fn dates_and_years() {
        assert_eq!(
            parse_date("2017-03-01"),
            NaiveDate::from_ymd_opt(2017, 3, 1)
        );
        assert_eq!(
            parse_date("2017年3月1日"),
            NaiveDate::from_ymd_opt(2017, 3, 1)
        );
        assert_eq!(parse_date("2017-02-30"), None);
        assert_eq!(
            parse_date("2017-03-01T08:00:00Z"),
            NaiveDate::from_ymd_opt(2017, 3, 1)
        );
        assert_eq!(
            parse_date("2017-03-01 08:30"),
            NaiveDate::from_ymd_opt(2017, 3, 1)
        );
        for bad in [
            "-2017-03-01",
            "+2017-03-01",
            "0000-01-01",
            "0-01-01",
            "2017-03-01 garbage",
            "2017-03-01 08:00-garbage",
            "2017-03-01T08:00:00.xyz",
            "2017-03-01 99:99",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(parse_year("0017"), None);
        assert_eq!(
            parse_date("2017-03-01T08:00:00.5+08:00"),
            NaiveDate::from_ymd_opt(2017, 3, 1)
        );
        assert_eq!(parse_year("2017"), Some(2017));
        assert_eq!(parse_year("2017年"), Some(2017));
        assert_eq!(parse_year("17"), None);
    }
}
