//! Checks on documents: issuer, region and replaced documents exist; the period is not empty.

use crate::diagnostic::{Code, Diagnostic};
use crate::resolve::lookup;
use crate::symbols::{DeclKind, Symbols};

pub fn check(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    for d in s.documents.values() {
        for actor in d.issuer.iter().chain(&d.region).chain(&d.approved_by) {
            lookup(s, actor, DeclKind::Actor, diags);
        }
        for r in &d.replaces {
            if r.text == d.name.text {
                diags.push(
                    Diagnostic::new(
                        Code::NameUnknownDocument,
                        r.span,
                        format!("document `{}` cannot replace itself", r.text),
                    )
                    .label("names its own document")
                    .help("list the documents this one repeals"),
                );
            } else {
                lookup(s, r, DeclKind::Document, diags);
            }
        }
        if let (Some(effective), Some((expires, span))) = (d.effective, d.expires)
            && expires <= effective
        {
            diags.push(
                Diagnostic::new(
                    Code::DeclDocumentPeriod,
                    span,
                    format!(
                        "document `{}` expires ({expires}) before it takes effect ({effective})",
                        d.name.text
                    ),
                )
                .label("not after `effective`")
                .help("a document is in force from `effective` up to, not including, `expires`"),
            );
        }
    }
}
