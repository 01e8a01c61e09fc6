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
            Some(t) => format!(
                "plan periods group the record's year `time` field: write `period({}, …)`",
                t.name.text
            ),
            None => format!(
                "mark a year field of `{}` as `time`, e.g. `year: year time`",
                rec.name.text
            ),
        };
        diags.push(
            Diagnostic::new(
                Code::TypePeriod,
                key.span,
                format!(
                    "`{}` is not the year `time` field of `{}`",
                    key.text, rec.name.text
                ),
            )
            .label("not the time field")
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
                    format!("the period {a}..{b} ends before it starts"),
                )
                .label("last year before first")
                .help(format!("write the first year first: `{b}..{a}`")),
            );
        } else if let Some(l) = last.filter(|l| a <= l) {
            diags.push(
                Diagnostic::new(
                    Code::TypePeriod,
                    *span,
                    format!("the period {a}..{b} does not start after the one before it ({l})"),
                )
                .label("overlaps or out of order")
                .help("list the periods in order, each starting after the last ends"),
            );
        }
        last = Some(last.map_or(*b, |l| l.max(*b)));
    }
}
