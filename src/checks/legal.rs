//! Checks on the legal powers a document claims: only an autonomous area's organ makes
//! autonomous and separate regulations, only such regulations vary higher law, and `replaces`
//! needs the power to change or annul (立法法 art 85, 101, 108).

use crate::ast::{DocLevel, Document};
use crate::authority::may_replace;
use crate::diagnostic::{Code, Diagnostic};
use crate::resolve::lookup;
use crate::symbols::{DeclKind, Symbols};

/// Runs the checks on every document.
pub fn check(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    for d in s.documents.values() {
        autonomous_issuer(s, d, diags);
        varies(s, d, diags);
        replaces(s, d, diags);
    }
}

fn autonomous_issuer(s: &Symbols, d: &Document, diags: &mut Vec<Diagnostic>) {
    let Some(level @ (DocLevel::AutonomousRegulation | DocLevel::SeparateRegulation)) = d.level
    else {
        return;
    };
    let known: Vec<_> = d
        .issuer
        .iter()
        .filter_map(|i| s.actors.get(&i.text))
        .collect();
    if known.is_empty() || known.iter().any(|a| a.autonomous) {
        return;
    }
    let first = &d.issuer[0];
    diags.push(
        Diagnostic::new(
            Code::DeclAutonomousIssuer,
            first.span,
            crate::tr!(
                "decl-first-not-autonomous-area-s",
                first = first.text,
                value = crate::suggest::a_or_an(level.as_str())
            ),
        )
        .label(crate::tr!("decl-not-autonomous-true"))
        .help(crate::tr!("decl-mark-actor-autonomous-true-if")),
    );
}

fn varies(s: &Symbols, d: &Document, diags: &mut Vec<Diagnostic>) {
    for v in &d.varies {
        lookup(s, v, DeclKind::Document, diags);
    }
    let varying = matches!(
        d.level,
        Some(
            DocLevel::AutonomousRegulation | DocLevel::SeparateRegulation | DocLevel::SezRegulation
        )
    );
    if let (false, Some(first), Some(level)) = (varying, d.varies.first(), d.level) {
        diags.push(
            Diagnostic::new(
                Code::DeclVariesLevel,
                first.span,
                crate::tr!(
                    "decl-document-d-value-cannot-vary",
                    d = d.name.text,
                    value = crate::suggest::a_or_an(level.as_str())
                ),
            )
            .label(crate::tr!("decl-varies-document-that-cannot-vary"))
            .help(crate::tr!(
                "decl-only-autonomous-regulation-separate-regulation"
            )),
        );
    }
}

fn replaces(s: &Symbols, d: &Document, diags: &mut Vec<Diagnostic>) {
    for r in &d.replaces {
        let Some(old) = s.documents.get(&r.text) else {
            continue;
        };
        if r.text == d.name.text || old.level.is_none() || may_replace(s, d, old) {
            continue;
        }
        let issuers: Vec<String> = d.issuer.iter().map(|i| format!("`{}`", i.text)).collect();
        diags.push(
            Diagnostic::new(
                Code::DeclReplacesWithoutPower,
                r.span,
                crate::tr!(
                    "decl-issuers-may-not-change-annul",
                    issuers = issuers.join(" and "),
                    r = r.text
                ),
            )
            .label(crate::tr!("decl-no-power-repeal-this-document"))
            .help(crate::tr!("decl-only-issuing-organ-one-with")),
        );
    }
}
