//! Runs a compliance check: reads every bound data file, validates each row, feeds the checker.

use super::check::{Checker, Keep};
use super::compile::Plan;
use super::finding::{DataFinding, RuleCounts};
use crate::data::bind::{DataFile, Format};
use crate::data::cells::RowCells;
use crate::data::csv_file::{self, Encoding};
use crate::data::problem::{DataLocation, DataProblem};
use crate::data::row::{KeySet, Row, validate};
use crate::data::sink::RowSink;
use crate::data::{json_file, xlsx_file};
use crate::diagnostic::{Code, Severity};
use indexmap::IndexMap;
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::io::Read;
use std::rc::Rc;

/// How to run a check.
#[derive(Debug, Clone)]
pub struct Options {
    pub encoding: Encoding,
    pub keep: Keep,
    /// Rejected rows listed in full; the rest are counted.
    pub max_errors: usize,
    /// Draw a progress bar on standard error for large files.
    pub progress: bool,
    /// Compute each data file's SHA-256 for the receipt.
    pub hash: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            encoding: Encoding::Auto,
            keep: Keep::All,
            max_errors: 100,
            progress: false,
            hash: true,
        }
    }
}

/// The outcome of checking data.
#[derive(Debug, Default)]
pub struct DataRun {
    /// Per rule (plan order): the findings kept.
    pub findings: Vec<Vec<DataFinding>>,
    pub counts: Vec<RuleCounts>,
    /// File problems, and rejected rows up to `max_errors`.
    pub problems: Vec<DataProblem>,
    /// Rejected rows beyond `max_errors`, counted only.
    pub unlisted_rejections: u64,
    pub rows_read: u64,
    pub rows_checked: u64,
    pub rows_rejected: u64,
    /// Data files whose reading stopped early or never began.
    pub files_failed: u64,
    /// `file → sha256:…` for every data file read.
    pub hashes: IndexMap<String, String>,
}

/// A reader that hashes what passes through it.
struct Hashing<R> {
    inner: R,
    hasher: Rc<RefCell<Sha256>>,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.borrow_mut().update(&buf[..n]);
        Ok(n)
    }
}

/// Feeds one file's rows through validation into the checker.
struct Feeder<'a, 'p> {
    checker: &'a mut Checker<'p>,
    plan: &'p Plan,
    record: usize,
    file: u32,
    path: &'a str,
    sheet: Option<String>,
    keys: &'a mut KeySet,
    columns: Vec<u32>,
    row: Row,
    run: &'a mut DataRun,
    max_errors: usize,
}

impl Feeder<'_, '_> {
    fn reject(&mut self, p: DataProblem) {
        self.run.rows_rejected += 1;
        if self.run.problems.iter().filter(|p| p.row).count() < self.max_errors {
            self.run.problems.push(p);
        } else {
            self.run.unlisted_rejections += 1;
        }
    }
}

impl RowSink for Feeder<'_, '_> {
    fn columns(&mut self, columns: Vec<u32>) {
        self.columns = columns;
    }

    fn row(&mut self, cells: &RowCells<'_>, line: u64) {
        self.run.rows_read += 1;
        let rec = &self.plan.records[self.record];
        self.row.line = line;
        let at = |column: u32, sheet: &Option<String>, path: &str| DataLocation {
            file: path.to_string(),
            sheet: sheet.clone(),
            line,
            column,
        };
        if let Err((field, why)) = validate(&rec.fields, &self.plan.names, cells, &mut self.row) {
            let column = self.columns.get(field).copied().unwrap_or(0);
            let p = DataProblem {
                code: why.code,
                severity: Severity::Error,
                message: why.message,
                help: why.help,
                location: at(column, &self.sheet, self.path),
                field: Some(rec.fields[field].name.text.clone()),
                row: true,
            };
            self.reject(p);
            return;
        }
        if let Some(k) = rec.key {
            let key = match self.row.values[k as usize] {
                crate::data::value::Value::Text(t) => self.row.text_of(t).unwrap_or("").to_string(),
                other => format!("{other:?}"),
            };
            if let Some((file, first)) = self.keys.insert(&key, self.file, line) {
                let column = self.columns.get(k as usize).copied().unwrap_or(0);
                let same = file == self.file;
                let p = DataProblem {
                    code: Code::DataDuplicateKey,
                    severity: Severity::Error,
                    message: format!(
                        "duplicate key `{key}`: `{}` must be unique",
                        rec.fields[k as usize].name.text
                    ),
                    help: Some(if same {
                        format!("the same key is on line {first}; give each row its own key")
                    } else {
                        format!(
                            "the same key is in an earlier file (data file {}), line {first}",
                            file + 1
                        )
                    }),
                    location: at(column, &self.sheet, self.path),
                    field: Some(rec.fields[k as usize].name.text.clone()),
                    row: true,
                };
                self.reject(p);
                return;
            }
        }
        self.run.rows_checked += 1;
        self.checker.row(self.record, &self.row);
    }

    fn bad_row(&mut self, problem: DataProblem) {
        if problem.row {
            self.run.rows_read += 1;
            self.reject(problem);
        } else {
            self.run.files_failed += 1;
            self.run.problems.push(problem);
        }
    }

    fn problem(&mut self, problem: DataProblem) {
        self.run.problems.push(problem);
    }
}

fn open(
    file: &DataFile,
    progress: bool,
    hasher: Option<Rc<RefCell<Sha256>>>,
) -> std::io::Result<Box<dyn Read>> {
    let f = std::fs::File::open(&file.path)?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader: Box<dyn Read> = Box::new(f);
    if progress && len > 32 << 20 {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(len),
            indicatif::ProgressDrawTarget::stderr(),
        );
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar.set_message(file.display());
        reader = Box::new(bar.wrap_read(reader));
    }
    if let Some(h) = hasher {
        reader = Box::new(Hashing {
            inner: reader,
            hasher: h,
        });
    }
    Ok(reader)
}

/// Checks every data file against the plan.
pub fn check_data(plan: &Plan, files: &[DataFile], opts: &Options) -> DataRun {
    let mut run = DataRun::default();
    let mut checker = Checker::new(plan, opts.keep);
    let mut keys: Vec<KeySet> = plan.records.iter().map(|_| KeySet::default()).collect();
    for (i, file) in files.iter().enumerate() {
        let Some(record) = plan.records.iter().position(|r| r.name == file.record) else {
            continue;
        };
        let path = file.display();
        let at = DataLocation {
            file: path.clone(),
            sheet: None,
            line: 0,
            column: 0,
        };
        let hasher = opts.hash.then(|| Rc::new(RefCell::new(Sha256::new())));
        checker.file = path.clone();
        let rec = &plan.records[record];
        let mut feeder = Feeder {
            checker: &mut checker,
            plan,
            record,
            file: i as u32,
            path: &path,
            sheet: None,
            keys: &mut keys[record],
            columns: Vec::new(),
            row: Row::default(),
            run: &mut run,
            max_errors: opts.max_errors,
        };
        let result = match file.format {
            Format::Xlsx => {
                feeder.sheet = Some(file.sheet.clone().unwrap_or_default());
                let r = xlsx_file::read(
                    &file.path,
                    file.sheet.as_deref(),
                    &at,
                    &rec.fields,
                    &rec.name,
                    &mut feeder,
                );
                if let Some(h) = &hasher
                    && let Ok(bytes) = std::fs::read(&file.path)
                {
                    h.borrow_mut().update(&bytes);
                }
                r
            }
            format => match open(file, opts.progress, hasher.clone()) {
                Err(e) => Err(DataProblem {
                    code: Code::DataUnreadable,
                    severity: Severity::Error,
                    message: format!("cannot read the data file: {e}"),
                    help: None,
                    location: at.clone(),
                    field: None,
                    row: false,
                }),
                Ok(input) => match format {
                    Format::Csv => csv_file::read(
                        input,
                        &at,
                        &rec.fields,
                        &rec.name,
                        opts.encoding,
                        &mut feeder,
                    ),
                    Format::Json => {
                        json_file::read_array(input, &at, &rec.fields, &rec.name, &mut feeder)
                    }
                    _ => json_file::read_lines(input, &at, &rec.fields, &rec.name, &mut feeder),
                },
            },
        };
        if let Err(p) = result {
            run.files_failed += 1;
            run.problems.push(p);
        }
        if let Some(h) = hasher {
            let digest = h.borrow().clone().finalize();
            let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            run.hashes.insert(path, format!("sha256:{hex}"));
        }
    }
    checker.finish();
    let (findings, counts) = checker.into_findings();
    run.findings = findings;
    run.counts = counts;
    run
}
