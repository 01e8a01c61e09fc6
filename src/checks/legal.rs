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
            format!(
                "`{}` is not an autonomous area's organ and cannot make {}",
                first.text,
                crate::suggest::a_or_an(level.as_str())
            ),
        )
        .label("not `autonomous: true`")
        .help(
            "mark the actor `autonomous: true` if it is an organ of a 自治区, 自治州 or 自治县, or give the document another level (立法法 art 85)",
        ),
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
                format!(
                    "document `{}` is {} and cannot vary higher law",
                    d.name.text,
                    crate::suggest::a_or_an(level.as_str())
                ),
            )
            .label("`varies` on a document that cannot vary")
            .help("only an autonomous_regulation, separate_regulation or sez_regulation varies higher law (立法法 art 101); remove `varies`"),
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
                format!(
                    "{} may not change or annul `{}`, so it stays in force",
                    issuers.join(" and "),
                    r.text
                ),
            )
            .label("no power to repeal this document")
            .help("only the issuing organ, or one with power over it under 立法法 art 108, repeals a document; ask that organ, or remove it from `replaces`"),
        );
    }
}
