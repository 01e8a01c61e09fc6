//! The options of `check` and `score` that say how data files are read.

use clap::ValueEnum;
use duikou::data::bind::{DataFile, Format};
use duikou::engine::run::Options;
use std::io::Read;
use std::process::ExitCode;

/// The formats standard input can be read in.
#[derive(Clone, Copy, ValueEnum)]
pub enum DataFormatArg {
    Csv,
    Json,
    Jsonl,
}

/// How data files are read besides their encoding.
#[derive(clap::Args, Default)]
pub struct DataOptions {
    /// The cell delimiter of CSV and text exports: `,` `;` `tab` or `|` (detected when not given).
    #[arg(long, value_name = "CHAR", value_parser = duikou::data::delimiter::parse)]
    delimiter: Option<u8>,
    /// The row (1-based) that holds the column headers (found automatically when not given).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    header_row: Option<u64>,
    /// The format of standard input, read with `--data NAME=-`.
    #[arg(long, value_enum, value_name = "FORMAT")]
    data_format: Option<DataFormatArg>,
}

impl DataOptions {
    /// The format `NAME=-` is read in.
    pub fn stdin_format(&self) -> Option<Format> {
        self.data_format.map(|f| match f {
            DataFormatArg::Csv => Format::Csv,
            DataFormatArg::Json => Format::Json,
            DataFormatArg::Jsonl => Format::JsonLines,
        })
    }

    /// Sets the reading options on `opts`, reading standard input when a file is `-`; says
    /// why when standard input cannot be read.
    pub fn apply(&self, files: &[DataFile], opts: &mut Options) -> Result<(), ExitCode> {
        opts.delimiter = self.delimiter;
        opts.header_row = self.header_row;
        if files.iter().any(|f| f.path.as_os_str() == "-") {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                eprintln!("error: cannot read standard input: {e}");
                return Err(ExitCode::from(super::EXIT_UNPROCESSABLE));
            }
            opts.stdin = Some(std::sync::Arc::new(bytes));
        }
        Ok(())
    }
}
