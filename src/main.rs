//! The `duikou` command: a thin layer over the library.
#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    duikou::run_cli()
}
