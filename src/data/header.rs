//! Where a table's header is: the first row that names the record's fields (by name or label),
//! perhaps over a second row of sub-columns (`计划投资` over `中央`, `地方` gives
//! `计划投资/中央`, `计划投资/地方`); or the row `--header-row` names.

use super::columns;
use super::problem::{DataLocation, DataProblem};
use crate::ast::Field;
use crate::diagnostic::{Code, Severity};

/// How many rows from the top are searched for the header.
pub const SEARCHED_ROWS: usize = 30;

/// The header found: which of the rows looked at, how many rows it spans (1 or 2), and the name
/// of each column.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub index: usize,
    pub depth: usize,
    pub names: Vec<String>,
}

/// How well one reading of the header names the fields.
struct Fit {
    depth: usize,
    names: Vec<String>,
    complete: bool,
    matched: usize,
    lacking: Vec<String>,
}

fn fit(names: Vec<String>, depth: usize, fields: &[Field]) -> Fit {
    let found = columns::find(&names, fields);
    let lacking: Vec<String> = fields
        .iter()
        .zip(&found)
        .filter(|(f, c)| c.is_none() && !f.optional)
        .map(|(f, _)| f.name.text.clone())
        .collect();
    Fit {
        depth,
        complete: lacking.is_empty(),
        matched: found.iter().filter(|c| c.is_some()).count(),
        names,
        lacking,
    }
}

/// Column names of a header over two rows: a sub-column under a parent is `父/子`; a cell the
/// second row leaves empty (or repeats, as a merged cell does) keeps its own name. A parent
/// written once over several sub-columns (a merged cell saved as text) carries to the right.
pub fn two_rows(parent: &[String], sub: &[String]) -> Vec<String> {
    let width = parent.len().max(sub.len());
    let mut names = Vec::with_capacity(width);
    let mut carried: Option<&str> = None;
    for c in 0..width {
        let p = parent.get(c).map_or("", |s| s.trim());
        let s = sub.get(c).map_or("", |s| s.trim());
        let name = if s.is_empty() || s == p {
            carried = None;
            p.to_string()
        } else if p.is_empty() {
            match carried {
                Some(up) => format!("{up}/{s}"),
                None => s.to_string(),
            }
        } else {
            carried = Some(p);
            format!("{p}/{s}")
        };
        names.push(name);
    }
    names
}

/// The best reading of row `i` as a header: one row, or two.
fn best_at(rows: &[(u64, Vec<String>)], i: usize, fields: &[Field]) -> Fit {
    let one = fit(rows[i].1.clone(), 1, fields);
    if one.complete {
        return one;
    }
    match rows.get(i + 1) {
        Some((_, sub)) => {
            let two = fit(two_rows(&rows[i].1, sub), 2, fields);
            if two.complete || two.matched > one.matched {
                two
            } else {
                one
            }
        }
        None => one,
    }
}

/// Finds the header among `rows` (each with its 1-based line or sheet row; empty rows left
/// out). `forced` is the row `--header-row` names. When no row names enough of the fields, the
/// problem lists the closest rows and what they lacked.
pub fn find(
    rows: &[(u64, Vec<String>)],
    fields: &[Field],
    forced: Option<u64>,
    at: &DataLocation,
) -> Result<Header, Box<DataProblem>> {
    if let Some(line) = forced {
        let i = rows.iter().position(|(l, _)| *l == line).ok_or_else(|| {
            problem(
                at,
                crate::tr!("data-row-line-named-by-header", line = line),
                crate::tr!(
                    "data-header-must-among-first-searched",
                    SEARCHED_ROWS = SEARCHED_ROWS
                ),
            )
        })?;
        let f = best_at(rows, i, fields);
        return Ok(Header {
            index: i,
            depth: f.depth,
            names: f.names,
        });
    }
    let fits: Vec<Fit> = (0..rows.len()).map(|i| best_at(rows, i, fields)).collect();
    let chosen = fits.iter().position(|f| f.complete).or_else(|| {
        let best = fits.iter().map(|f| f.matched).max()?;
        fits.iter().position(|f| f.matched == best)
    });
    let Some(i) = chosen else {
        return Err(problem(
            at,
            crate::tr!("data-file-has-no-rows-no"),
            crate::tr!("data-header-row-names-columns"),
        ));
    };
    if !fits[i].complete && fits[i].matched * 2 < fields.len() {
        return Err(not_found(rows, &fits, fields, at));
    }
    let f = &fits[i];
    Ok(Header {
        index: i,
        depth: f.depth,
        names: f.names.clone(),
    })
}

fn not_found(
    rows: &[(u64, Vec<String>)],
    fits: &[Fit],
    fields: &[Field],
    at: &DataLocation,
) -> Box<DataProblem> {
    let mut order: Vec<usize> = (0..fits.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(fits[i].matched), i));
    let closest: Vec<String> = order
        .iter()
        .take(3)
        .map(|&i| {
            let lack = &fits[i].lacking;
            let mut listed: Vec<String> = lack.iter().take(4).map(|n| format!("`{n}`")).collect();
            if lack.len() > 4 {
                listed.push(format!("{} more", lack.len() - 4));
            }
            crate::tr!(
                "data-row-i-lacks-listed",
                i = rows[i].0,
                listed = listed.join(", ")
            )
        })
        .collect();
    let example = fields.first().map_or(String::new(), |f| {
        format!(
            "; or label the fields with the sheet's headers: `{}: … from \"项目编号\"`",
            f.name.text
        )
    });
    problem(
        at,
        crate::tr!("data-no-header-row-none-first", rows = rows.len()),
        crate::tr!(
            "data-closest-closest-name-header-row",
            closest = closest.join("; "),
            example = example
        ),
    )
}

fn problem(at: &DataLocation, message: String, help: String) -> Box<DataProblem> {
    Box::new(DataProblem {
        code: Code::DataHeaderNotFound,
        severity: Severity::Error,
        message,
        help: Some(help),
        location: at.clone(),
        field: None,
        row: false,
    })
}

/// The rows above the header, reported as titles: not data.
pub fn title_problem(
    at: &DataLocation,
    line: u64,
    header_line: u64,
    cells: &[String],
) -> DataProblem {
    let mut text: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    // A merged title repeats in every cell of its range.
    text.dedup();
    let mut shown = text.join(" ");
    if shown.chars().count() > 60 {
        shown = format!("{}…", shown.chars().take(60).collect::<String>());
    }
    DataProblem {
        code: Code::DataTitleRow,
        severity: Severity::Info,
        message: crate::tr!(
            "data-row-line-above-header-row",
            line = line,
            header_line = header_line,
            shown = shown
        ),
        help: None,
        location: DataLocation { line, ..at.clone() },
        field: None,
        row: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn sub_columns_are_named_under_their_parent() {
        assert_eq!(
            two_rows(
                &s(&["编号", "计划投资", "计划投资", "备注"]),
                &s(&["编号", "中央", "地方", ""])
            ),
            s(&["编号", "计划投资/中央", "计划投资/地方", "备注"])
        );
        // As text, a merged parent is written once.
        assert_eq!(
            two_rows(
                &s(&["编号", "计划投资", "", "备注"]),
                &s(&["", "中央", "地方", ""])
            ),
            s(&["编号", "计划投资/中央", "计划投资/地方", "备注"])
        );
    }
}
