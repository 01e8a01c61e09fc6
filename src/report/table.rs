//! Plain-text tables aligned by display width, so Chinese names (two columns each) line up with
//! Latin text; the layout depends on the content only, never on the terminal's width.

use super::width;

/// How a column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Renders `rows` (the first is the header when `header` is set) with two spaces between
/// columns, each line indented by `indent` and without trailing spaces.
pub fn render(rows: &[Vec<String>], aligns: &[Align], indent: &str) -> String {
    render_painted(rows, aligns, indent, &|_, _, _| None)
}

/// An ANSI style for the cell at (row, column) with this text, or `None` for plain.
pub type Paint<'a> = &'a dyn Fn(usize, usize, &str) -> Option<&'static str>;

/// [`render`], each cell's text wrapped in the ANSI style `paint` gives it (the padding stays
/// outside, so columns line up as in the plain table).
pub fn render_painted(
    rows: &[Vec<String>],
    aligns: &[Align],
    indent: &str,
    paint: Paint<'_>,
) -> String {
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
    for (r, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, s)| {
                let fill = " ".repeat(widths[c].saturating_sub(width(s)));
                let text = match paint(r, c, s) {
                    Some(style) => format!("\u{1b}[{style}m{s}\u{1b}[0m"),
                    None => s.clone(),
                };
                match aligns.get(c).copied().unwrap_or(Align::Left) {
                    Align::Left => format!("{text}{fill}"),
                    Align::Right => format!("{fill}{text}"),
                }
            })
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
        let painted = render_painted(&rows, &[Align::Left, Align::Right], "", &|r, c, _| {
            (r == 1 && c == 1).then_some("31")
        });
        assert_eq!(painted, "rule       n\n民生投入  \u{1b}[31m15\u{1b}[0m\n");
    }
}
