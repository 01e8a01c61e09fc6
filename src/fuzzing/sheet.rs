//! The messy-sheet reader: a worksheet built from arbitrary bytes (titles, headers over one or
//! two rows, merged ranges, totals rows, far rows, typed and malformed cells) read through the
//! header search, the column binding and the totals check into a sink that validates each row
//! as a check does. Every non-empty row must be accounted for: a title, the header, data, a
//! rejected row or a total, in the order of the sheet.

use crate::RuleSet;
use crate::data::cells::RowCells;
use crate::data::grid::{Grid, GridCell};
use crate::data::grid_reader;
use crate::data::problem::{DataLocation, DataProblem};
use crate::data::row::{Row, salvage, validate};
use crate::data::sink::{NotData, RowSink};
use crate::data::totals::Totals;
use crate::data::value::Value;
use crate::data::xlsx_scan::{Area, MAX_ROWS};
use crate::engine::compile::Plan;

/// Words a sheet's cells are made of: field names and labels, totals and title words, units,
/// names of the shipped actors and programmes, values in the forms sheets write them.
pub const WORDS: &[&str] = &[
    "id",
    "program",
    "supporter",
    "recipient",
    "year",
    "category",
    "livelihood",
    "county_or_below",
    "planned",
    "spent",
    "completed",
    "note",
    "项目编号",
    "支援类型",
    "支援方",
    "受援方",
    "年度",
    "类别",
    "是否民生项目",
    "计划投资",
    "实际支出",
    "计划投资（万元）",
    "实际支出（元）",
    "中央",
    "地方",
    "备注",
    "合计",
    "小计",
    "总计",
    "小 计",
    "合计（河北省）",
    "其中",
    "单位：万元",
    "填报单位：",
    "2017年对口支援项目汇总表",
    "援疆",
    "援藏",
    "北京市",
    "河北省",
    "和田地区",
    "巴州",
    "是",
    "否",
    "true",
    "false",
    "民生",
    "教育",
    "XJ2017-001",
    "2017",
    "2017年",
    "1,512.43",
    "12%",
    "3.5万",
    "¥100",
    "—",
    "#N/A",
    " ",
    "",
];

/// A rule set compiled once, and the record type sheets are read as.
pub struct SheetTarget {
    plan: Plan,
    record: usize,
}

impl SheetTarget {
    /// Compiles `sources` (which must check without errors) for sheets of `record`.
    pub fn new(sources: Vec<(String, String)>, record: &str) -> SheetTarget {
        let rules = RuleSet::from_sources(sources);
        assert!(!rules.has_errors(), "the fuzzed rule set checks cleanly");
        let plan = Plan::build(rules.symbols(), rules.sources());
        let record = plan
            .records
            .iter()
            .position(|r| r.name == record)
            .expect("the record type is declared");
        SheetTarget { plan, record }
    }

    /// Reads the sheet `data` describes and checks that every row is accounted for.
    pub fn run(&self, data: &[u8]) {
        let Some((&config, ops)) = data.split_first() else {
            return;
        };
        let header_row = (config & 0x80 != 0).then(|| u64::from(config & 0x0F) + 1);
        let (cells, merges) = decode(ops);
        let Ok(mut grid) = Grid::new(cells, &merges) else {
            return;
        };
        grid.is_1904 = config & 0x40 != 0;
        let rec = &self.plan.records[self.record];
        let at = DataLocation {
            file: "fuzz.xlsx".into(),
            sheet: Some("Sheet1".into()),
            line: 0,
            column: 0,
        };
        let mut sink = Accounting {
            plan: &self.plan,
            record: self.record,
            row: Row::default(),
            values: Vec::new(),
            handed: Vec::new(),
            titles: Vec::new(),
            failed: false,
        };
        {
            let mut totals = Totals::new(&mut sink, &rec.fields, &at);
            grid_reader::read(&grid, &at, &rec.fields, &rec.name, header_row, &mut totals);
        }
        sink.account(&grid);
    }
}

/// Cells and merged ranges from bytes: each operation moves down 0–3 rows (its top two bits)
/// and then places a cell in one of 32 columns, merges a range, or jumps far down.
fn decode(mut ops: &[u8]) -> (Vec<(u32, u32, GridCell)>, Vec<Area>) {
    let mut next = move || -> Option<u8> {
        let (&b, rest) = ops.split_first()?;
        ops = rest;
        Some(b)
    };
    let (mut cells, mut merges) = (Vec::new(), Vec::new());
    let mut row = 0u32;
    while let Some(op) = next() {
        row = (row + u32::from(op >> 6)).min(MAX_ROWS - 1);
        let kind = u32::from(op & 0x3F);
        let Some(v) = next() else { break };
        if kind < 32 {
            let cell = if v < 0x80 {
                let raw: Vec<u8> = (0..v).map_while(|_| next()).collect();
                GridCell::Text(String::from_utf8_lossy(&raw).into_owned())
            } else {
                typed(v, next().unwrap_or(0))
            };
            cells.push((row, kind, cell));
        } else if kind < 48 {
            let c = kind - 32;
            let v = u32::from(v);
            merges.push((row, c, row + (v & 7), c + ((v >> 3) & 7)));
        } else {
            row = (row + (u32::from(v) << (kind - 48))).min(MAX_ROWS - 1);
        }
    }
    (cells, merges)
}

/// A typed cell: the kind in bits 4–6 of `t`, its value from `v`.
fn typed(t: u8, v: u8) -> GridCell {
    match (t >> 4) & 7 {
        0 => GridCell::Text(WORDS[usize::from(v) % WORDS.len()].to_string()),
        1 => GridCell::Number(v.to_string()),
        2 => chrono::NaiveDate::from_ymd_opt(2000 + i32::from(v / 12), u32::from(v % 12) + 1, 1)
            .map_or(GridCell::Empty, GridCell::Date),
        3 => GridCell::Bool(v & 1 == 1),
        4 => GridCell::Invalid("a cell with a formula error"),
        5 => GridCell::Uncomputed("SUM(I3:I9)".into()),
        6 => GridCell::Number((40_000 + u32::from(v) * 37).to_string()),
        _ => GridCell::Number(format!("{v}.{}", t & 15)),
    }
}

/// A sink that validates rows as a check does and remembers where each row went.
struct Accounting<'p> {
    plan: &'p Plan,
    record: usize,
    row: Row,
    values: Vec<Value>,
    /// Lines handed over as data, rejected rows and totals, in order.
    handed: Vec<u64>,
    titles: Vec<u64>,
    failed: bool,
}

impl Accounting<'_> {
    fn take(&mut self, line: u64) {
        self.values.clear();
        self.values.extend_from_slice(&self.row.values);
        self.handed.push(line);
    }

    /// Every non-empty row is a title, the header (one or two rows), or handed over, in order.
    fn account(&self, grid: &Grid) {
        let rows: Vec<u64> = grid
            .row_numbers()
            .filter(|r| !grid.row_is_empty(*r))
            .map(|r| u64::from(r) + 1)
            .collect();
        assert!(
            self.handed.windows(2).all(|w| w[0] < w[1]),
            "rows handed over out of order: {:?}",
            self.handed
        );
        if self.failed {
            assert!(self.handed.is_empty(), "rows read from a sheet that failed");
            return;
        }
        assert_eq!(rows[..self.titles.len()], self.titles[..], "title rows");
        let header = rows.len() - self.titles.len() - self.handed.len();
        assert!(
            header == 1 || header == 2,
            "{header} rows neither titles nor data: rows {rows:?}, titles {:?}, handed {:?}",
            self.titles,
            self.handed
        );
        assert_eq!(
            rows[self.titles.len() + header..],
            self.handed[..],
            "data rows"
        );
    }
}

impl RowSink for Accounting<'_> {
    fn columns(&mut self, columns: Vec<u32>) {
        let fields = self.plan.records[self.record].fields.len();
        assert_eq!(columns.len(), fields, "a column for every field");
    }

    fn row(&mut self, cells: &RowCells<'_>, line: u64) {
        let rec = &self.plan.records[self.record];
        if let Err((_, why)) = validate(&rec.fields, &self.plan.names, cells, &mut self.row) {
            let why = why.message.clone();
            salvage(&rec.fields, &self.plan.names, cells, &mut self.row, why);
        }
        self.take(line);
    }

    fn bad_row(&mut self, problem: DataProblem) {
        if problem.row {
            self.row.values.clear();
            self.take(problem.location.line);
        } else {
            self.failed = true;
        }
    }

    fn bad_row_cells(&mut self, problem: DataProblem, cells: &RowCells<'_>) {
        let rec = &self.plan.records[self.record];
        salvage(
            &rec.fields,
            &self.plan.names,
            cells,
            &mut self.row,
            problem.message.clone(),
        );
        self.take(problem.location.line);
    }

    fn values(&self) -> Option<&[Value]> {
        Some(&self.values)
    }

    fn problem(&mut self, _: DataProblem) {}

    fn failed(&mut self) {
        self.failed = true;
    }

    fn not_data(&mut self, kind: NotData, problem: DataProblem) {
        match kind {
            NotData::Title => self.titles.push(problem.location.line),
            NotData::Total => self.handed.push(problem.location.line),
        }
    }
}
