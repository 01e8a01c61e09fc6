//! Messages made only of text and `{ $name }` values, filled in directly: most of the
//! catalogue, and the messages said once per finding. Fluent's resolver is kept for the rest
//! (selectors, functions, references); both give the same text.

use super::Arg;
use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
use rustc_hash::FxHashMap;

/// A piece of a plain message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// Text, shown as it is.
    Text(&'static str),
    /// The value of the argument of this name.
    Value(&'static str),
}

/// The plain messages of a catalogue, by key.
pub type Plain = FxHashMap<&'static str, Vec<Piece>>;

/// The plain messages among a catalogue's parsed files.
pub fn parse(resources: impl Iterator<Item = &'static FluentResource>) -> Plain {
    let mut plain = Plain::default();
    for resource in resources {
        for entry in resource.entries() {
            let Entry::Message(message) = entry else {
                continue;
            };
            let Some(pattern) = &message.value else {
                continue;
            };
            let pieces: Option<Vec<Piece>> = pattern
                .elements
                .iter()
                .map(|element| match element {
                    PatternElement::TextElement { value } => Some(Piece::Text(value)),
                    PatternElement::Placeable {
                        expression: Expression::Inline(InlineExpression::VariableReference { id }),
                    } => Some(Piece::Value(id.name)),
                    _ => None,
                })
                .collect();
            if let Some(pieces) = pieces {
                plain.insert(message.id.name, pieces);
            }
        }
    }
    plain
}

/// Message `key` of `plain` filled in with `args`, when it is plain and every value it names
/// is given.
pub fn fill(plain: &Plain, key: &str, args: &[(&str, Arg)]) -> Option<String> {
    let pieces = plain.get(key)?;
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Value(name) => match args.iter().find(|(n, _)| n == name)? {
                (_, Arg::Text(t)) => out.push_str(t),
                // As Fluent shows a number: through a float, with no grouping.
                (_, Arg::Number(n)) => {
                    use std::fmt::Write;
                    let _ = write!(out, "{}", *n as f64);
                }
            },
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::i18n::catalogue::{plain, resolved};

    /// Every plain message, filled with texts and with numbers, reads as Fluent writes it.
    #[test]
    fn plain_messages_read_as_fluent_writes_them() {
        for lang in [Lang::En, Lang::Zh] {
            let plain = plain(lang);
            assert!(plain.len() > 500, "most messages are plain");
            for (key, pieces) in plain {
                let names: Vec<&str> = pieces
                    .iter()
                    .filter_map(|p| match p {
                        Piece::Value(n) => Some(*n),
                        Piece::Text(_) => None,
                    })
                    .collect();
                let texts: Vec<(&str, Arg)> = names
                    .iter()
                    .map(|n| (*n, Arg::Text(format!("「{n}」"))))
                    .collect();
                let numbers: Vec<(&str, Arg)> =
                    names.iter().map(|n| (*n, Arg::Number(-12_345))).collect();
                for args in [texts, numbers] {
                    let fluent = resolved(lang, key, &args);
                    assert_eq!(fill(plain, key, &args).as_deref(), Some(&*fluent), "{key}");
                }
            }
        }
    }

    #[test]
    fn a_message_missing_a_value_is_left_to_fluent() {
        assert_eq!(fill(plain(Lang::En), "finding-rule", &[]), None);
        assert_eq!(fill(plain(Lang::En), "no-such-message", &[]), None);
    }
}
