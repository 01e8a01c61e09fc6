//! Literals in their canonical form: numbers without superfluous zeros, ASCII percent signs,
//! dates with two-digit months and days.

/// `007.50` → `7.5`; `3.0` → `3`.
pub fn number(text: &str) -> String {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// `74.0％` → `74%`.
pub fn percent(number_text: &str) -> String {
    format!("{}%", number(number_text))
}

/// `50.00万元` → `50万元`.
pub fn money(number_text: &str, unit: &str) -> String {
    format!("{}{unit}", number(number_text))
}

/// `2012-1-1` → `2012-01-01`.
pub fn date(text: &str) -> String {
    let parts: Vec<&str> = text.split('-').collect();
    match parts[..] {
        [y, m, d] => format!("{y}-{m:0>2}-{d:0>2}"),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_lose_superfluous_zeros() {
        assert_eq!(number("007.50"), "7.5");
        assert_eq!(number("0.5"), "0.5");
        assert_eq!(number("0"), "0");
        assert_eq!(number("120"), "120");
        assert_eq!(percent("74.0"), "74%");
        assert_eq!(money("50.00", "万元"), "50万元");
        assert_eq!(date("2012-1-1"), "2012-01-01");
    }
}
