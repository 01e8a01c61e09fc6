//! `duikou completions SHELL`: a completion script for bash, zsh, fish or PowerShell.

use clap::{CommandFactory, ValueEnum};
use clap_complete::Shell;
use std::process::ExitCode;

/// The shells a completion script is written for.
#[derive(Clone, Copy, ValueEnum)]
pub enum ShellArg {
    /// Source it from `~/.bashrc`, or put it in `/etc/bash_completion.d/duikou`.
    Bash,
    /// Put it as `_duikou` in a folder of `$fpath`.
    Zsh,
    /// Put it in `~/.config/fish/completions/duikou.fish`.
    Fish,
    /// Add it to the `$PROFILE` script.
    Powershell,
}

#[derive(clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    shell: ShellArg,
}

pub fn completions(args: CompletionsArgs) -> ExitCode {
    let shell = match args.shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
        ShellArg::Powershell => Shell::PowerShell,
    };
    let mut command = super::Cli::command();
    clap_complete::generate(shell, &mut command, "duikou", &mut std::io::stdout());
    ExitCode::SUCCESS
}
