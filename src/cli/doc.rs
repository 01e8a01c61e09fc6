//! `duikou doc`: writes the rule set as a static website.

use super::EXIT_UNPROCESSABLE;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct DocArgs {
    #[command(flatten)]
    rules: super::common_args::RulePaths,
    /// The folder to write the site into (created if missing).
    #[arg(short, long)]
    output: PathBuf,
}

pub fn doc(args: DocArgs) -> ExitCode {
    let rules = match super::load_clean(&args.rules.paths, "publishing them") {
        Ok(r) => r,
        Err(code) => return code,
    };
    let site = duikou::doc::build(&rules);
    if let Err(e) = site.write(&args.output) {
        eprintln!(
            "error: cannot write the site into `{}`: {e}",
            args.output.display()
        );
        return ExitCode::from(EXIT_UNPROCESSABLE);
    }
    eprintln!(
        "wrote {} files into `{}`; open `{}` in a browser",
        site.files.len(),
        args.output.display(),
        args.output.join("index.html").display()
    );
    ExitCode::SUCCESS
}
