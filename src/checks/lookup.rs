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
        Some(other) => Some(crate::tr!(
            "decl-name-other-not-what",
            name = name.text,
            other = other.as_str(),
            what = what
        )),
        None => did_you_mean(&name.text, s.names_of(kind)).or_else(|| {
            // A name known only as an actor's alias.
            s.actors
                .values()
                .find(|a| a.aliases.contains(&name.text))
                .filter(|_| kind == DeclKind::Actor)
                .map(|a| {
                    crate::tr!(
                        "decl-name-alias-rule-files-use",
                        name = name.text,
                        a = a.name.text
                    )
                })
        }),
    };
    diags.push(
        Diagnostic::new(
            unknown_code(kind),
            name.span,
            crate::tr!("decl-unknown-what-name", what = what, name = name.text),
        )
        .label(crate::tr!("decl-no-what-this-name", what = what))
        .maybe_help(help.or_else(|| {
            Some(crate::tr!(
                "decl-declare-with-what-name",
                what = what,
                name = name.text
            ))
        })),
    );
    false
}
