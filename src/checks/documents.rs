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
                        crate::tr!("decl-document-r-cannot-replace-itself", r = r.text),
                    )
                    .label(crate::tr!("decl-names-own-document"))
                    .help(crate::tr!("decl-list-documents-this-one-repeals")),
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
                    crate::tr!(
                        "decl-document-d-expires-expires-before",
                        d = d.name.text,
                        expires = expires,
                        effective = effective
                    ),
                )
                .label(crate::tr!("decl-not-after-effective"))
                .help(crate::tr!("decl-document-force-from-effective-up")),
            );
        }
    }
}
