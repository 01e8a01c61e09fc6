//! The data of one call, from the entries the Python layer makes: `(kind, record, name,
//! payload)` with kind `dir`, `file`, `csv`, `json`, `jsonl` or `xlsx` (a workbook's bytes).

use crate::failure::Failure;
use duikou::Data;
use std::path::PathBuf;

/// One entry: what it is, its record type (empty for `dir`), its name in messages, and the
/// path (file system bytes) or the data itself.
pub type Entry = (String, String, String, Vec<u8>);

/// The `Data` the entries describe; no entries at all means each rule folder's `data/`.
pub fn build(entries: Vec<Entry>) -> Result<Data, Failure> {
    let mut data = Data::new();
    for (kind, record, name, payload) in entries {
        data = match kind.as_str() {
            "dir" => data.path(path_of(payload)),
            "file" => data.file(&record, path_of(payload)),
            "csv" => data.csv(&record, &name, payload),
            "json" => data.json(&record, &name, payload),
            "jsonl" => data.json_lines(&record, &name, payload),
            "xlsx" => data.xlsx_bytes(&record, &name, payload),
            other => {
                return Err(Failure::new(
                    "bad_argument",
                    format!("no kind of data `{other}`"),
                ));
            }
        };
    }
    Ok(data)
}

#[cfg(unix)]
pub fn path_of(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
pub fn path_of(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}
