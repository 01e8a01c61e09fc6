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
                        format!(
                            "record `{}` declares field `{}` twice",
                            rec.name.text, f.name.text
                        ),
                    )
                    .label("declared again here")
                    .related(first.name.span, "first declared here")
                    .help("rename or remove one of the two"),
                );
            }
            if f.time && !matches!(f.ty, Type::Year | Type::Date | Type::Unknown) {
                diags.push(
                    Diagnostic::new(
                        Code::DeclTimeField,
                        f.span,
                        format!(
                            "the `time` field `{}` must be a year or a date",
                            f.name.text
                        ),
                    )
                    .label("not a year or date")
                    .help(format!(
                        "declare it as `{}: year time` or `{}: date time`",
                        f.name.text, f.name.text
                    )),
                );
            }
        }
        let times: Vec<_> = rec.fields.iter().filter(|f| f.time).collect();
        if let [first, second, ..] = times.as_slice() {
            diags.push(
                Diagnostic::new(Code::DeclTimeField, second.span, format!("record `{}` has more than one `time` field", rec.name.text))
                    .label("a second time field")
                    .related(first.span, "the first time field")
                    .help("one field decides which documents are in force for a record; keep `time` on one"),
            );
        }
    }
}
