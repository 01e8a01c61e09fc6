//! Writes a workbook report to the file named with `-o`.

use super::EXIT_UNPROCESSABLE;
use std::path::Path;
use std::process::ExitCode;

/// Writes `book` to `output`; a workbook is not written to a terminal or a pipe.
pub fn write(
    output: Option<&Path>,
    book: Result<Vec<u8>, rust_xlsxwriter::XlsxError>,
) -> Result<(), ExitCode> {
    let Some(path) = output else {
        eprintln!("{}", crate::tr!("cli-xlsx-needs-output"));
        return Err(ExitCode::from(EXIT_UNPROCESSABLE));
    };
    let bytes = book.map_err(|e| {
        eprintln!("{}", crate::tr!("cli-cannot-make-workbook", reason = e));
        ExitCode::from(EXIT_UNPROCESSABLE)
    })?;
    std::fs::write(path, bytes).map_err(|e| {
        eprintln!(
            "{}",
            crate::tr!("cli-cannot-write", file = path.display(), reason = e)
        );
        ExitCode::from(EXIT_UNPROCESSABLE)
    })
}
