//! A worksheet held sparsely: only the cells it has, by row and column, with its merged ranges.
//! A merged range gives the value of its first cell to every cell of the range; nothing is
//! allocated for the empty area between cells, however far apart they are.

use super::xlsx_scan::Area;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One cell's value as a workbook stores it.
#[derive(Debug, Clone, PartialEq)]
pub enum GridCell {
    Empty,
    Text(String),
    /// A number, in its shortest exact decimal form.
    Number(String),
    Bool(bool),
    Date(NaiveDate),
    Invalid(&'static str),
    /// A formula with no saved value, with its formula.
    Uncomputed(String),
}

impl GridCell {
    /// The cell as header or label text.
    pub fn text(&self) -> String {
        match self {
            GridCell::Text(s) | GridCell::Number(s) => s.clone(),
            GridCell::Bool(b) => b.to_string(),
            GridCell::Date(d) => d.format("%Y-%m-%d").to_string(),
            _ => String::new(),
        }
    }

    /// Whether the cell holds nothing (or only white space).
    pub fn is_empty(&self) -> bool {
        match self {
            GridCell::Empty => true,
            GridCell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// At most this many cells of merged ranges are indexed (the ranges clipped to the columns
/// that hold cells).
pub const MAX_MERGED_CELLS: usize = 10_000_000;

/// A sheet's cells by row, each row's cells by column; both sorted.
#[derive(Debug, Default)]
pub struct Grid {
    rows: Vec<(u32, Vec<(u32, GridCell)>)>,
    /// Per column: the merged ranges crossing it, as (first row, last row, anchor row, anchor
    /// column), sorted by first row.
    merged: HashMap<u32, Vec<(u32, u32, u32, u32)>>,
    /// Whether dates count from 1904 (old Mac workbooks).
    pub is_1904: bool,
}

impl Grid {
    /// A grid of `cells` (in any order) with merged `areas`.
    pub fn new(mut cells: Vec<(u32, u32, GridCell)>, areas: &[Area]) -> Result<Grid, String> {
        cells.retain(|(_, _, c)| *c != GridCell::Empty);
        cells.sort_by_key(|(r, c, _)| (*r, *c));
        let last_col = cells.iter().map(|(_, c, _)| *c).max().unwrap_or(0);
        let mut rows: Vec<(u32, Vec<(u32, GridCell)>)> = Vec::new();
        for (r, c, v) in cells {
            match rows.last_mut() {
                Some((row, list)) if *row == r => list.push((c, v)),
                _ => rows.push((r, vec![(c, v)])),
            }
        }
        let mut merged: HashMap<u32, Vec<(u32, u32, u32, u32)>> = HashMap::new();
        let mut indexed = 0usize;
        for &(r0, c0, r1, c1) in areas {
            for c in c0..=c1.min(last_col) {
                indexed += 1;
                if indexed > MAX_MERGED_CELLS {
                    return Err(crate::tr!(
                        "data-sheet-s-merged-ranges-cover",
                        MAX_MERGED_CELLS = MAX_MERGED_CELLS
                    ));
                }
                merged.entry(c).or_default().push((r0, r1, r0, c0));
            }
        }
        for list in merged.values_mut() {
            list.sort_unstable();
        }
        Ok(Grid {
            rows,
            merged,
            is_1904: false,
        })
    }

    /// The rows that hold cells, with their 0-based numbers, in order.
    pub fn row_numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.rows.iter().map(|(r, _)| *r)
    }

    fn own(&self, r: u32, c: u32) -> Option<&GridCell> {
        let i = self.rows.binary_search_by_key(&r, |(n, _)| *n).ok()?;
        let cells = &self.rows[i].1;
        let j = cells.binary_search_by_key(&c, |(n, _)| *n).ok()?;
        Some(&cells[j].1)
    }

    /// The cell at (row, column); inside a merged range, the range's first cell.
    pub fn get(&self, r: u32, c: u32) -> &GridCell {
        match self.own(r, c) {
            Some(v) if !v.is_empty() => v,
            _ => self
                .anchor(r, c)
                .and_then(|(ar, ac)| self.own(ar, ac))
                .unwrap_or(&GridCell::Empty),
        }
    }

    fn anchor(&self, r: u32, c: u32) -> Option<(u32, u32)> {
        let list = self.merged.get(&c)?;
        let i = list.partition_point(|(r0, ..)| *r0 <= r);
        list[..i]
            .iter()
            .rev()
            .take(8)
            .find(|(_, r1, ..)| *r1 >= r)
            .map(|&(_, _, ar, ac)| (ar, ac))
    }

    /// The number of columns row `r` spans (its last cell's, merged ranges included).
    pub fn width(&self, r: u32) -> u32 {
        let own = self
            .rows
            .binary_search_by_key(&r, |(n, _)| *n)
            .ok()
            .and_then(|i| self.rows[i].1.last().map(|(c, _)| c + 1))
            .unwrap_or(0);
        let merged = self
            .merged
            .iter()
            .filter(|(_, l)| l.iter().any(|(r0, r1, ..)| *r0 <= r && r <= *r1))
            .map(|(c, _)| c + 1)
            .max()
            .unwrap_or(0);
        own.max(merged)
    }

    /// Whether row `r` holds any cell of its own.
    pub fn row_is_empty(&self, r: u32) -> bool {
        self.rows
            .binary_search_by_key(&r, |(n, _)| *n)
            .map_or(true, |i| self.rows[i].1.iter().all(|(_, v)| v.is_empty()))
    }

    /// Row `r`'s cells as text, from the first column to its last.
    pub fn texts(&self, r: u32) -> Vec<String> {
        (0..self.width(r)).map(|c| self.get(r, c).text()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_ranges_give_their_value_and_far_cells_cost_nothing() {
        let cells = vec![
            (0, 0, GridCell::Text("支援方".into())),
            (1, 0, GridCell::Text("河北省".into())),
            (1, 1, GridCell::Number("1".into())),
            (2, 1, GridCell::Number("2".into())),
            (1_048_575, 16_383, GridCell::Number("3".into())),
        ];
        let grid = Grid::new(cells, &[(1, 0, 3, 0)]).unwrap();
        assert_eq!(grid.get(2, 0), &GridCell::Text("河北省".into()));
        assert_eq!(grid.get(3, 0), &GridCell::Text("河北省".into()));
        assert_eq!(grid.get(4, 0), &GridCell::Empty);
        assert_eq!(grid.row_numbers().count(), 4);
        assert_eq!(grid.texts(0), vec!["支援方".to_string()]);
    }
}
