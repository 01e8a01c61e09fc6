//! The options of `check`, `score` and `explain` that say which data is read and how: declared
//! once and flattened into each command.

use crate::data::bind::{DataFile, Format};
use crate::engine::run::Options;
use clap::ValueEnum;
use std::io::Read;
use std::process::ExitCode;

/// The formats standard input can be read in.
#[derive(Clone, Copy, ValueEnum)]
pub enum DataFormatArg {
    Csv,
    Json,
    Jsonl,
}

/// Which data files are read, and how.
#[derive(clap::Args)]
pub struct DataOptions {
    /// Data: a folder of `NAME.csv|json|jsonl|xlsx` files, one such file, or `NAME=FILE` for a
    /// file of any name (`FILE.xlsx#sheet` for a sheet, `NAME=-` for standard input).
    /// Repeatable. Default: each rule folder's `data/`.
    #[arg(long, value_name = "DIR|FILE|NAME=FILE")]
    pub data: Vec<String>,
    /// How CSV files are encoded.
    #[arg(long, value_enum, default_value = "auto")]
    pub encoding: super::EncodingArg,
    /// The cell delimiter of CSV and text exports: `,` `;` `tab` or `|` (detected when not given).
    #[arg(long, value_name = "CHAR", value_parser = crate::data::delimiter::parse)]
    delimiter: Option<u8>,
    /// The row (1-based) that holds the column headers (found automatically when not given).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    header_row: Option<u64>,
    /// The format of standard input, read with `--data NAME=-`.
    #[arg(long, value_enum, value_name = "FORMAT")]
    data_format: Option<DataFormatArg>,
    /// The most groups a group rule holds (about 0.5 KB of memory each); a rule whose data
    /// has more is not decided, with the error `duikou::data::too_many_groups`.
    #[arg(
        long,
        value_name = "N",
        default_value_t = crate::engine::groups::DEFAULT_MAX_GROUPS,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..)
    )]
    max_groups: usize,
    /// Threads to validate rows with (default: the number of cores), beside one reading and
    /// one checking thread; 1 uses the calling thread alone. The report is the same whatever
    /// the number.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

impl DataOptions {
    /// The `--data` arguments, parsed.
    pub fn arguments(&self) -> Vec<crate::data::bind::DataArg> {
        self.data
            .iter()
            .map(|d| crate::data::bind::DataArg::parse(d))
            .collect()
    }

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
        opts.max_groups = self.max_groups;
        if let Some(n) = self.threads {
            opts.threads = usize::from(n);
        }
        if files.iter().any(|f| f.path.as_os_str() == "-") {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                eprintln!("{}", crate::tr!("cli-cannot-read-stdin", reason = e));
                return Err(ExitCode::from(super::EXIT_UNPROCESSABLE));
            }
            opts.stdin = Some(std::sync::Arc::new(bytes));
        }
        Ok(())
    }
}
