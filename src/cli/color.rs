//! `--color auto|always|never`, with the `NO_COLOR` and `CLICOLOR_FORCE` conventions.

use clap::ValueEnum;
use std::ffi::OsString;
use std::path::Path;
use std::sync::OnceLock;

/// When reports are coloured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set; anywhere when `CLICOLOR_FORCE` is set.
    #[default]
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

static CHOICE: OnceLock<ColorChoice> = OnceLock::new();

/// Records the `--color` given on the command line, once, before any report is written.
pub fn choose(choice: ColorChoice) {
    let _ = CHOICE.set(choice);
}

/// Whether a report written to `output` (standard output when `None`) is coloured.
pub fn use_color(output: Option<&Path>) -> bool {
    use std::io::IsTerminal;
    let terminal = output.is_none() && std::io::stdout().is_terminal();
    decide(
        CHOICE.get().copied().unwrap_or_default(),
        terminal,
        std::env::var_os("NO_COLOR"),
        std::env::var_os("CLICOLOR_FORCE"),
    )
}

/// `--color` decides when given; under `auto`, a non-empty `NO_COLOR` turns colour off (it
/// wins over `CLICOLOR_FORCE`), a `CLICOLOR_FORCE` other than empty or `0` turns it on even
/// off a terminal, and otherwise a terminal gets colour.
fn decide(
    choice: ColorChoice,
    terminal: bool,
    no_color: Option<OsString>,
    force: Option<OsString>,
) -> bool {
    let set = |v: &Option<OsString>| v.as_ref().is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if no_color.as_ref().is_some_and(|v| !v.is_empty()) => false,
        ColorChoice::Auto => set(&force) || terminal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(s: &str) -> Option<OsString> {
        Some(OsString::from(s))
    }

    #[test]
    fn the_flag_wins_then_no_color_then_clicolor_force_then_the_terminal() {
        use ColorChoice::*;
        assert!(decide(Always, false, os("1"), None));
        assert!(!decide(Never, true, None, os("1")));
        assert!(decide(Auto, true, None, None));
        assert!(!decide(Auto, false, None, None));
        assert!(!decide(Auto, true, os("1"), None));
        assert!(decide(Auto, true, os(""), None));
        assert!(decide(Auto, false, None, os("1")));
        assert!(!decide(Auto, false, None, os("0")));
        assert!(!decide(Auto, false, os("1"), os("1")));
    }
}
