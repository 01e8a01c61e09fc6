//! Plain-text tables aligned by display width, so Chinese names (two columns each) line up with
//! Latin text; the layout depends on the content only, never on the terminal's width.

use super::{pad, width};

/// How a column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Renders `rows` (the first is the header when `header` is set) with two spaces between
/// columns, each line indented by `indent` and without trailing spaces.
pub fn render(rows: &[Vec<String>], aligns: &[Align], indent: &str) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(
                |(c, s)| match aligns.get(c).copied().unwrap_or(Align::Left) {
                    Align::Left => pad(s, widths[c]),
                    Align::Right => {
                        format!("{}{s}", " ".repeat(widths[c].saturating_sub(width(s))))
                    }
                },
            )
            .collect();
        out.push_str(indent);
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_takes_two_columns() {
        let rows = vec![
            vec!["rule".to_string(), "n".to_string()],
            vec!["民生投入".to_string(), "15".to_string()],
        ];
        let text = render(&rows, &[Align::Left, Align::Right], "");
        assert_eq!(text, "rule       n\n民生投入  15\n");
    }
}
