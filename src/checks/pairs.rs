//! Checks on pairs and duties: the sides are of the right kind, years fit the program,
//! and every duty names a declared pair and a function of the matching scope.

use crate::ast::{ActorKind, DutyTarget, FunctionScope};
use crate::diagnostic::{Code, Diagnostic};
use crate::resolve::lookup;
use crate::symbols::{DeclKind, Symbols};

pub fn check_pairs(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    for p in s.pairs.iter().map(|p| &p.item) {
        let supporter_ok = lookup(s, &p.supporter, DeclKind::Actor, diags);
        let recipient_ok = lookup(s, &p.recipient, DeclKind::Actor, diags);
        let program_ok = lookup(s, &p.program, DeclKind::Program, diags);
        if let Some(r) = &p.responsible {
            lookup(s, r, DeclKind::Actor, diags);
        }
        if recipient_ok
            && let Some(kind) = s.actors[&p.recipient.text].kind
            // A 地区行政公署 (`agency`) acts for the government above it in its area.
            && !matches!(kind, ActorKind::Government | ActorKind::Agency)
        {
            diags.push(
                Diagnostic::new(
                    Code::DeclPairRecipient,
                    p.recipient.span,
                    format!(
                        "the recipient of a pair must be a government, but `{}` is a {}",
                        p.recipient.text,
                        kind.as_str()
                    ),
                )
                .label("not a government")
                .related(s.actors[&p.recipient.text].name.span, "declared here")
                .help("pair with the government of the region; its offices hold duties instead"),
            );
        }
        if supporter_ok
            && let Some(kind) = s.actors[&p.supporter.text].kind
            && !matches!(
                kind,
                ActorKind::Government | ActorKind::Enterprise | ActorKind::Organization
            )
        {
            diags.push(
                Diagnostic::new(
                    Code::DeclPairSupporter,
                    p.supporter.span,
                    format!(
                        "the supporter of a pair must be a government, enterprise or organization, but `{}` is {}",
                        p.supporter.text,
                        crate::suggest::a_or_an(kind.as_str())
                    ),
                )
                .label("cannot support")
                .related(s.actors[&p.supporter.text].name.span, "declared here")
                .help("name the government, enterprise or organization it belongs to; give the office a duty"),
            );
        }
        if let (Some((from, _)), Some((to, to_span))) = (p.from, p.to)
            && from > to
        {
            diags.push(
                Diagnostic::new(
                    Code::DeclPairYears,
                    to_span,
                    format!("the pair ends ({to}) before it starts ({from})"),
                )
                .label("before `from`")
                .help("`from` and `to` are years, inclusive; swap them"),
            );
        }
        if program_ok {
            let program = &s.programs[&p.program.text];
            if let (Some((from, span)), Some(since)) = (p.from, program.since)
                && from < since
            {
                diags.push(
                    Diagnostic::new(
                        Code::DeclPairYears,
                        span,
                        format!(
                            "the pair starts in {from}, before program `{}` begins ({since})",
                            program.name.text
                        ),
                    )
                    .label("before the program")
                    .related(program.name.span, "the program is declared here")
                    .help(format!("start the pair in {since} or later")),
                );
            }
            if let Some(until) = program.until {
                if let Some((to, span)) = p.to
                    && to > until
                {
                    diags.push(
                        Diagnostic::new(
                            Code::DeclPairYears,
                            span,
                            format!(
                                "the pair runs to {to}, after program `{}` ends ({until})",
                                program.name.text
                            ),
                        )
                        .label("after the program")
                        .related(program.name.span, "the program is declared here")
                        .help(format!("end the pair in {until} or earlier")),
                    );
                }
            }
        }
    }
}

pub fn check_duties(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    for d in s.duties.iter().map(|d| &d.item) {
        lookup(s, &d.actor, DeclKind::Actor, diags);
        let function = lookup(s, &d.function, DeclKind::Function, diags)
            .then(|| &s.functions[&d.function.text]);
        let wanted = match &d.target {
            DutyTarget::Program(p) => {
                lookup(s, p, DeclKind::Program, diags);
                FunctionScope::Program
            }
            DutyTarget::Pair {
                supporter,
                recipient,
                program,
            } => {
                let ok = [
                    lookup(s, supporter, DeclKind::Actor, diags),
                    lookup(s, recipient, DeclKind::Actor, diags),
                    program
                        .as_ref()
                        .is_none_or(|p| lookup(s, p, DeclKind::Program, diags)),
                ];
                if ok.iter().all(|&b| b) {
                    check_duty_pair(s, supporter, recipient, program.as_ref(), diags);
                }
                FunctionScope::Pair
            }
        };
        if let Some(f) = function
            && let Some(scope) = f.scope
            && scope != wanted
        {
            diags.push(
                Diagnostic::new(
                    Code::DeclDutyScope,
                    d.function.span,
                    format!(
                        "function `{}` is held per {}, but this duty is for a {}",
                        f.name.text,
                        scope.as_str(),
                        wanted.as_str()
                    ),
                )
                .label(format!("a {}-scope function", scope.as_str()))
                .related(f.name.span, "the function is declared here")
                .help(format!("write `for {} …`", scope.as_str())),
            );
        }
    }
}

fn check_duty_pair(
    s: &Symbols,
    supporter: &crate::ast::Name,
    recipient: &crate::ast::Name,
    program: Option<&crate::ast::Name>,
    diags: &mut Vec<Diagnostic>,
) {
    // A pair whose end is an unknown actor (reported already) is matched by the name it most
    // likely means, so a duty naming that pair correctly raises nothing more.
    let end = |n: &crate::ast::Name| -> String {
        if s.actors.contains_key(&n.text) {
            n.text.clone()
        } else {
            crate::suggest::closest(&n.text, s.actors.keys().map(String::as_str))
                .unwrap_or(&n.text)
                .to_string()
        }
    };
    let mut programs: Vec<&str> = s
        .pairs
        .iter()
        .map(|p| &p.item)
        .filter(|p| end(&p.supporter) == supporter.text && end(&p.recipient) == recipient.text)
        .filter(|p| program.is_none_or(|pr| pr.text == p.program.text))
        .map(|p| p.program.text.as_str())
        .collect();
    programs.sort();
    programs.dedup();
    let pair_text = format!("{} -> {}", supporter.text, recipient.text);
    if programs.is_empty() {
        let in_program = program
            .map(|p| format!(" in {}", p.text))
            .unwrap_or_default();
        diags.push(
            Diagnostic::new(
                Code::DeclDutyPair,
                supporter.span.to(recipient.span),
                format!("no pair `{pair_text}`{in_program} is declared"),
            )
            .label("not a declared pair")
            .help(format!(
                "declare it: `pair {pair_text} in PROGRAM from YEAR`"
            )),
        );
    } else if programs.len() > 1 && program.is_none() {
        diags.push(
            Diagnostic::new(
                Code::DeclDutyAmbiguous,
                supporter.span.to(recipient.span),
                format!(
                    "`{pair_text}` is paired in several programs: {}",
                    programs.join(", ")
                ),
            )
            .label("which program?")
            .help(format!(
                "add `in {}` (or another) after the pair",
                programs[0]
            )),
        );
    }
}
