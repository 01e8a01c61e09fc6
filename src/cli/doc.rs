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
    let rules = match super::load_clean(&args.rules.paths, &crate::tr!("cli-before-publishing")) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let site = crate::doc::build(&rules);
    if let Err(e) = site.write(&args.output) {
        eprintln!(
            "{}",
            crate::tr!(
                "cli-doc-cannot-write",
                dir = args.output.display(),
                reason = e
            )
        );
        return ExitCode::from(EXIT_UNPROCESSABLE);
    }
    eprintln!(
        "{}",
        crate::tr!(
            "cli-doc-wrote",
            files = crate::report::plural(site.files.len(), "file"),
            dir = args.output.display(),
            index = args.output.join("index.html").display()
        )
    );
    ExitCode::SUCCESS
}
