//! Looking a name up as a given kind of declaration, with "did you mean" on failure.

use crate::ast::Name;
use crate::diagnostic::{Code, Diagnostic};
use crate::suggest::did_you_mean;
use crate::symbols::{DeclKind, Symbols};

fn unknown_code(kind: DeclKind) -> Code {
    match kind {
        DeclKind::Actor => Code::NameUnknownActor,
        DeclKind::Program => Code::NameUnknownProgram,
        DeclKind::Function => Code::NameUnknownFunction,
        DeclKind::Record => Code::NameUnknownRecord,
        DeclKind::Document => Code::NameUnknownDocument,
        DeclKind::Rule => Code::NameUnknownRule,
        DeclKind::Evaluation => Code::NameUnknownEvaluation,
    }
}

/// Whether `name` is declared as `kind`; reports it otherwise.
pub fn lookup(s: &Symbols, name: &Name, kind: DeclKind, diags: &mut Vec<Diagnostic>) -> bool {
    if s.kind_of(&name.text) == Some(kind) {
        return true;
    }
    let what = kind.as_str();
    let help = match s.kind_of(&name.text) {
        Some(other) => Some(format!(
            "`{}` is a {}, not a {what}",
            name.text,
            other.as_str()
        )),
        None => did_you_mean(&name.text, s.names_of(kind)).or_else(|| {
            // A name known only as an actor's alias.
            s.actors
                .values()
                .find(|a| a.aliases.contains(&name.text))
                .filter(|_| kind == DeclKind::Actor)
                .map(|a| {
                    format!(
                        "`{}` is an alias of `{}`; rule files use the declared name",
                        name.text, a.name.text
                    )
                })
        }),
    };
    diags.push(
        Diagnostic::new(
            unknown_code(kind),
            name.span,
            format!("unknown {what} `{}`", name.text),
        )
        .label(format!("no {what} of this name"))
        .maybe_help(
            help.or_else(|| Some(format!("declare it with `{what} {} {{ … }}`", name.text))),
        ),
    );
    false
}
