//! Header cells as they are compared: full-width characters folded to half-width, white space
//! and line breaks removed, and a money unit in parentheses split off (`计划投资（万元）`).

use crate::ast::MoneyUnit;

/// `s` with full-width ASCII folded to half-width and every white space (line breaks inside a
/// cell, the ideographic space, a byte-order mark) removed: the form header cells and column
/// labels are compared in.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '【' => '[',
            '】' => ']',
            _ => c,
        })
        .collect()
}

/// A folded header without the money unit it names in parentheses, and the unit:
/// `计划投资(万元)` → (`计划投资`, 万元); `计划投资(万元)/中央` → (`计划投资/中央`, 万元).
/// Headers with no unit give `None`.
pub fn split_unit(folded: &str) -> Option<(String, MoneyUnit)> {
    let mut search = folded;
    while let Some(open) = search.rfind('(') {
        let close = search[open..].find(')').map(|c| open + c);
        if let Some(close) = close {
            let inner = search[open + 1..close].trim_start_matches("单位:");
            let unit = match inner {
                "元" | "人民币元" => Some(MoneyUnit::Yuan),
                "万元" | "万" => Some(MoneyUnit::TenThousand),
                "亿元" | "亿" => Some(MoneyUnit::HundredMillion),
                _ => None,
            };
            if let Some(unit) = unit {
                return Some((format!("{}{}", &folded[..open], &folded[close + 1..]), unit));
            }
        }
        search = &search[..open];
    }
    None
}

/// The money unit a cell's text is written in, if it names one (`500元`, `3万`, `¥12`).
pub fn unit_written(cell: &str) -> Option<MoneyUnit> {
    let t = cell.trim();
    if t.ends_with("亿元") || t.ends_with('亿') {
        Some(MoneyUnit::HundredMillion)
    } else if t.ends_with("万元") || t.ends_with('万') {
        Some(MoneyUnit::TenThousand)
    } else if t.ends_with('元') {
        Some(MoneyUnit::Yuan)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_spaces_and_breaks_are_ignored() {
        assert_eq!(fold(" 计划投资\n（万元） "), "计划投资(万元)");
        assert_eq!(fold("ＩＤ　号"), "ID号");
        assert_eq!(
            split_unit("计划投资(万元)"),
            Some(("计划投资".to_string(), MoneyUnit::TenThousand))
        );
        assert_eq!(
            split_unit("实际完成投资(元)"),
            Some(("实际完成投资".to_string(), MoneyUnit::Yuan))
        );
        assert_eq!(
            split_unit("计划投资(万元)/中央"),
            Some(("计划投资/中央".to_string(), MoneyUnit::TenThousand))
        );
        assert_eq!(
            split_unit("金额(单位:亿元)").map(|x| x.1),
            Some(MoneyUnit::HundredMillion)
        );
        assert_eq!(split_unit("备注(其他)"), None);
        assert_eq!(unit_written("500元"), Some(MoneyUnit::Yuan));
        assert_eq!(unit_written("3万"), Some(MoneyUnit::TenThousand));
        assert_eq!(unit_written("12.5"), None);
    }
}
