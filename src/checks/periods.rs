//! Plan periods of a rule (`period(year, 2011..2015, 2016..2020)`): the key is the record's
//! year `time` field, and the spans run forward without overlapping.

use crate::ast::{Periods, Record, Type};
use crate::diagnostic::{Code, Diagnostic};

/// Checks the plan periods of a rule over `rec`.
pub fn check(p: &Periods, rec: &Record, diags: &mut Vec<Diagnostic>) {
    let key = &p.key;
    let field = rec.fields.iter().find(|f| f.name.text == key.text);
    if field.is_some_and(|f| !f.time || f.ty != Type::Year) {
        let help = match rec.fields.iter().find(|f| f.time) {
            Some(t) => crate::tr!("decl-period-use-time-field", field = t.name.text),
            None => crate::tr!("decl-period-mark-time-field", record = rec.name.text),
        };
        diags.push(
            Diagnostic::new(
                Code::TypePeriod,
                key.span,
                crate::tr!(
                    "decl-period-not-time-field",
                    key = key.text,
                    record = rec.name.text
                ),
            )
            .label(crate::tr!("decl-period-not-time-field-label"))
            .help(help),
        );
    }
    let mut last: Option<i32> = None;
    for ((a, b), span) in &p.spans {
        if a > b {
            diags.push(
                Diagnostic::new(
                    Code::TypePeriod,
                    *span,
                    crate::tr!("decl-period-reversed", a = a.to_string(), b = b.to_string()),
                )
                .label(crate::tr!("decl-period-reversed-label"))
                .help(crate::tr!(
                    "decl-period-reversed-help",
                    a = a.to_string(),
                    b = b.to_string()
                )),
            );
        } else if let Some(l) = last.filter(|l| a <= l) {
            diags.push(
                Diagnostic::new(
                    Code::TypePeriod,
                    *span,
                    crate::tr!(
                        "decl-period-overlaps",
                        a = a.to_string(),
                        b = b.to_string(),
                        last = l.to_string()
                    ),
                )
                .label(crate::tr!("decl-period-overlaps-label"))
                .help(crate::tr!("decl-period-overlaps-help")),
            );
        }
        last = Some(last.map_or(*b, |l| l.max(*b)));
    }
}
