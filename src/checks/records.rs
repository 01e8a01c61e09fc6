//! Checks on record types: field names are unique; at most one `time` field, of type year or date.

use crate::ast::Type;
use crate::diagnostic::{Code, Diagnostic};
use crate::symbols::Symbols;

pub fn check(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    for rec in s.records.values() {
        for (i, f) in rec.fields.iter().enumerate() {
            if let Some(first) = rec.fields[..i].iter().find(|g| g.name.text == f.name.text) {
                diags.push(
                    Diagnostic::new(
                        Code::DeclDuplicateField,
                        f.name.span,
                        crate::tr!(
                            "decl-record-rec-declares-field-f",
                            rec = rec.name.text,
                            f = f.name.text
                        ),
                    )
                    .label(crate::tr!("decl-declared-again-here"))
                    .related(first.name.span, crate::tr!("decl-first-declared-here"))
                    .help(crate::tr!("decl-rename-remove-one-two")),
                );
            }
            if f.time && !matches!(f.ty, Type::Year | Type::Date | Type::Unknown) {
                diags.push(
                    Diagnostic::new(
                        Code::DeclTimeField,
                        f.span,
                        crate::tr!("decl-time-field-f-must-year", f = f.name.text),
                    )
                    .label(crate::tr!("decl-not-year-date"))
                    .help(crate::tr!("decl-declare-as-f-year-time", f = f.name.text)),
                );
            }
        }
        let times: Vec<_> = rec.fields.iter().filter(|f| f.time).collect();
        if let [first, second, ..] = times.as_slice() {
            diags.push(
                Diagnostic::new(
                    Code::DeclTimeField,
                    second.span,
                    crate::tr!("decl-record-rec-has-more-than", rec = rec.name.text),
                )
                .label(crate::tr!("decl-second-time-field"))
                .related(first.span, crate::tr!("decl-first-time-field"))
                .help(crate::tr!("decl-one-field-decides-which-documents")),
            );
        }
    }
}
