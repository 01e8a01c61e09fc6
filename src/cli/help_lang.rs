//! Help in the output language: the texts of every command and argument from the catalogue
//! (`locales/*/help.ftl`), put on the command tree before clap parses, so `--help` speaks it.
//!
//! The English doc comments of the argument structs are the source; `locales/en/help.ftl`
//! holds the same texts under stable keys, and a test checks that it matches the tree. Keys:
//! `help-cmd-NAME` for a command's about (`-long` for its long about), `help-arg-ID` for the
//! help most commands give an argument, `help-COMMAND-arg-ID` where a command's differs, and
//! `help-value-ID-VALUE` (or `help-COMMAND-value-ID-VALUE`) for a value of a list.

use crate::Lang;
use crate::i18n::text_in;
use clap::builder::PossibleValue;
use clap::{Arg, Command};
use std::ffi::OsString;

/// The language help is shown in: `--lang` anywhere among `args` (read before clap parses,
/// since clap prints help while parsing), else `DUIKOU_LANG`, else the locale, else English.
pub fn language_of(args: &[OsString]) -> Lang {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(lang) = value.as_deref().and_then(Lang::parse) {
            return lang;
        }
    }
    Lang::from_env().unwrap_or(Lang::En)
}

/// The command tree with every help text in `lang` (English is the tree as written).
pub fn localize(mut cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    cmd.build();
    let name = cmd.get_name().to_string();
    let words = Headings::of(lang);
    localize_command(cmd, &name, lang, &words)
}

/// The headings of the help page, made once (clap keeps them as `&'static str`).
struct Headings {
    options: &'static str,
    arguments: &'static str,
    commands: &'static str,
    command: &'static str,
}

impl Headings {
    fn of(lang: Lang) -> Headings {
        let leak =
            |key: &str| -> &'static str { Box::leak(text_in(lang, key, &[]).into_boxed_str()) };
        Headings {
            options: leak("help-heading-options"),
            arguments: leak("help-heading-arguments"),
            commands: leak("help-heading-commands"),
            command: leak("help-command-placeholder"),
        }
    }
}

fn localize_command(mut cmd: Command, path: &str, lang: Lang, words: &Headings) -> Command {
    let key = format!("help-cmd-{}", cmd.get_name());
    if cmd.get_about().is_some() {
        cmd = cmd.about(text_in(lang, &key, &[]));
    }
    if cmd.get_long_about().is_some() {
        cmd = cmd.long_about(text_in(lang, &format!("{key}-long"), &[]));
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |arg| localize_arg(arg, path, lang, words));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |c| localize_command(c, &name, lang, words));
    }
    let usage = cmd.render_usage().to_string();
    let options = format!("[{}]", words.options);
    let command = format!("<{}>", words.command);
    let usage = usage
        .trim_start_matches("Usage: ")
        .replace("[OPTIONS]", &options)
        .replace("<COMMAND>", &command);
    cmd.override_usage(usage)
        .subcommand_help_heading(words.commands)
        .subcommand_value_name(words.command)
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
            text_in(lang, "help-heading-usage", &[])
        ))
}

fn localize_arg(mut arg: Arg, path: &str, lang: Lang, words: &Headings) -> Arg {
    let id = arg.get_id().to_string();
    let heading = if arg.is_positional() {
        words.arguments
    } else {
        words.options
    };
    arg = arg.help_heading(heading);
    let Some(help) = arg
        .get_help()
        .map(|_| text_in(lang, &arg_key(path, &id, ""), &[]))
    else {
        return arg;
    };
    let long = arg
        .get_long_help()
        .map(|_| text_in(lang, &arg_key(path, &id, "-long"), &[]));
    let values = value_lines(&arg, path, lang);
    let default = default_of(&arg, lang);
    let short = [Some(help.clone()), default.clone(), values.short]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let long = [Some(long.unwrap_or(help)), values.long, default]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n\n");
    arg.hide_possible_values(true)
        .hide_default_value(true)
        .help(short)
        .long_help(long)
}

/// `[默认：auto]` for an argument that takes a value and has a default.
fn default_of(arg: &Arg, lang: Lang) -> Option<String> {
    let takes_value = arg.get_action().takes_values();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    (takes_value && !defaults.is_empty() && !arg.is_hide_default_value_set()).then(|| {
        let value = defaults.join(", ");
        text_in(
            lang,
            "help-default",
            &[("value", crate::i18n::Arg::Text(value))],
        )
    })
}

struct ValueLines {
    short: Option<String>,
    long: Option<String>,
}

/// The values of a list argument: their names for `-h`, with their help for `--help`.
fn value_lines(arg: &Arg, path: &str, lang: Lang) -> ValueLines {
    let shown: Vec<PossibleValue> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    };
    if shown.is_empty() {
        return ValueLines {
            short: None,
            long: None,
        };
    }
    let id = arg.get_id().as_str();
    let names: Vec<&str> = shown.iter().map(PossibleValue::get_name).collect();
    let list = |s: String| crate::i18n::Arg::Text(s);
    let short = text_in(lang, "help-values", &[("values", list(names.join("、")))]);
    let mut long = text_in(lang, "help-values-heading", &[]);
    for value in &shown {
        long.push_str("\n- ");
        long.push_str(value.get_name());
        if value.get_help().is_some() {
            long.push_str(&text_in(lang, "help-value-separator", &[]));
            long.push_str(&text_in(lang, &value_key(path, id, value.get_name()), &[]));
        }
    }
    ValueLines {
        short: Some(short),
        long: Some(long),
    }
}

/// The key of an argument's help: the one of this command if the catalogue has it, else the
/// one shared by every command.
fn arg_key(path: &str, id: &str, suffix: &str) -> String {
    let own = format!("help-{path}-arg-{}{suffix}", slug(id));
    if has_key(&own) {
        own
    } else {
        format!("help-arg-{}{suffix}", slug(id))
    }
}

/// The key of a list value's help, found as [`arg_key`] finds an argument's.
fn value_key(path: &str, id: &str, value: &str) -> String {
    let own = format!("help-{path}-value-{}-{}", slug(id), slug(value));
    if has_key(&own) {
        own
    } else {
        format!("help-value-{}-{}", slug(id), slug(value))
    }
}

fn has_key(key: &str) -> bool {
    text_in(Lang::En, key, &[]) != key
}

/// An id as a catalogue key part: lowercase with dashes.
fn slug(id: &str) -> String {
    id.replace('_', "-").to_ascii_lowercase()
}

#[cfg(test)]
#[path = "help_lang_tests.rs"]
mod tests;
