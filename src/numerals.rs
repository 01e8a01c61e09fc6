//! Numbers written in Chinese characters (`百分之八十`, `五十万元`, `七十四`): a rule file reads
//! them as names, so the help gives their digit form.

/// The digit form of a number written in Chinese characters, in the language's own literal
/// syntax: `百分之八十` → `80%`, `千分之一` → `0.1%`, `五十万元` → `50万元`, `十二点五` → `12.5`,
/// `二〇一七` → `2017`. `None` when the word is not such a number.
pub fn digit_form(word: &str) -> Option<String> {
    if let Some(rest) = word.strip_prefix("百分之") {
        return Some(format!("{}%", decimal(rest)?));
    }
    if let Some(rest) = word.strip_prefix("千分之") {
        let n: f64 = decimal(rest)?.parse().ok()?;
        return Some(format!("{}%", trim_zeros(&format!("{:.4}", n / 10.0))));
    }
    for unit in ["亿元", "万元", "元"] {
        if let Some(rest) = word.strip_suffix(unit) {
            return Some(format!("{}{unit}", decimal(rest)?));
        }
    }
    decimal(word)
}

fn trim_zeros(s: &str) -> String {
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `十二点五` → `12.5`.
fn decimal(s: &str) -> Option<String> {
    match s.split_once('点') {
        Some((int, frac)) => {
            let digits: Option<String> = frac
                .chars()
                .map(digit)
                .map(|d| d.map(|d| char::from(b'0' + d as u8)))
                .collect();
            let digits = digits.filter(|d| !d.is_empty())?;
            Some(format!("{}.{digits}", integer(int)?))
        }
        None => integer(s).map(|n| n.to_string()),
    }
}

fn digit(c: char) -> Option<u64> {
    "零一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .or(match c {
            '〇' => Some(0),
            '两' => Some(2),
            _ => None,
        })
        .map(|d| d as u64)
}

/// `七十四` → 74, `一亿二千万` → 120000000, `二〇一七` → 2017.
fn integer(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    if s.chars().count() > 1 && s.chars().all(|c| digit(c).is_some()) {
        return s
            .chars()
            .try_fold(0u64, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    let (mut total, mut section, mut number) = (0u64, 0u64, 0u64);
    let mut seen_digit_or_unit = false;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            number = d;
        } else {
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                '万' => 10_000,
                '亿' => 100_000_000,
                _ => return None,
            };
            if unit >= 10_000 {
                section = section.checked_add(number)?;
                if unit == 10_000 {
                    section = section.checked_mul(unit)?;
                } else {
                    total = total.checked_add(section)?.checked_mul(unit)?;
                    section = 0;
                }
            } else {
                let n = if number == 0 && c == '十' { 1 } else { number };
                section = section.checked_add(n.checked_mul(unit)?)?;
            }
            number = 0;
        }
        seen_digit_or_unit = true;
    }
    seen_digit_or_unit.then_some(())?;
    total.checked_add(section)?.checked_add(number)
}

#[cfg(test)]
mod tests {
    use super::digit_form;

    #[test]
    fn chinese_numerals_get_their_digit_form() {
        let cases = [
            ("百分之八十", "80%"),
            ("百分之七十四", "74%"),
            ("百分之十二点五", "12.5%"),
            ("千分之一", "0.1%"),
            ("五十万元", "50万元"),
            ("四百七十五亿元", "475亿元"),
            ("一亿二千万", "120000000"),
            ("十", "10"),
            ("二〇一七", "2017"),
            ("一百零五", "105"),
        ];
        for (word, digits) in cases {
            assert_eq!(digit_form(word).as_deref(), Some(digits), "{word}");
        }
    }

    #[test]
    fn other_words_are_no_numerals() {
        for word in ["民生", "百分之", "八十x", "元", "十二点", "项目"] {
            assert_eq!(digit_form(word), None, "{word}");
        }
    }
}
