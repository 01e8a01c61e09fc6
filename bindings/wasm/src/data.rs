//! The data the user picked: files held in memory, each read as the record type it is for.

use duikou::Data;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// Files picked in the page, kept in memory between checks.
#[wasm_bindgen]
#[derive(Default)]
pub struct DataSet {
    files: Vec<Picked>,
}

/// One picked file.
struct Picked {
    record: String,
    name: String,
    format: Format,
    bytes: Arc<[u8]>,
}

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
    JsonLines,
    /// A workbook: `.xlsx`, `.xlsm`, `.xls` or `.ods`, its first sheet.
    Workbook,
}

#[wasm_bindgen]
impl DataSet {
    /// No files yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> DataSet {
        DataSet::default()
    }

    /// Adds the file `name` (its format from its extension) as rows of `record`.
    pub fn add(&mut self, record: &str, name: &str, bytes: Vec<u8>) -> Result<(), JsError> {
        let format = format_of(name).map_err(|e| JsError::new(&e))?;
        self.files.push(Picked {
            record: record.to_string(),
            name: name.to_string(),
            format,
            bytes: bytes.into(),
        });
        Ok(())
    }

    /// How many files there are.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are none.
    #[wasm_bindgen(js_name = isEmpty)]
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

impl DataSet {
    /// The files as the library's data, telling the page how far reading has got.
    pub(crate) fn data(&self) -> Data {
        let mut data = Data::new().on_progress(crate::progress::tell);
        for f in &self.files {
            let bytes = f.bytes.clone();
            data = match f.format {
                Format::Csv => data.csv(&f.record, &f.name, bytes),
                Format::Json => data.json(&f.record, &f.name, bytes),
                Format::JsonLines => data.json_lines(&f.record, &f.name, bytes),
                Format::Workbook => data.xlsx_bytes(&f.record, &f.name, bytes),
            };
        }
        data
    }
}

/// The format of a file from its name, as the command line tells it.
fn format_of(name: &str) -> Result<Format, String> {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => Ok(Format::Csv),
        "json" => Ok(Format::Json),
        "jsonl" | "ndjson" => Ok(Format::JsonLines),
        "xlsx" | "xlsm" | "xls" | "ods" => Ok(Format::Workbook),
        _ => Err(format!(
            "`{name}`: not a data file; pick a `.csv`, `.json`, `.jsonl` or `.xlsx` file"
        )),
    }
}
