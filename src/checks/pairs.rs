//! Checks on pairs and duties: the sides are of the right kind, years fit the program,
//! and every duty names a declared pair and a function of the matching scope.

use crate::ast::{ActorKind, DutyTarget, FunctionScope, Pair, Program};
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
        if recipient_ok {
            check_recipient_kind(s, p, diags);
        }
        if supporter_ok {
            check_supporter_kind(s, p, diags);
        }
        check_years_in_order(p, diags);
        if program_ok {
            check_years_in_program(&s.programs[&p.program.text], p, diags);
        }
    }
}

/// The recipient of a pair is a government, or an agency acting for one.
fn check_recipient_kind(s: &Symbols, p: &Pair, diags: &mut Vec<Diagnostic>) {
    if let Some(kind) = s.actors[&p.recipient.text].kind
        // A 地区行政公署 (`agency`) acts for the government above it in its area.
        && !matches!(kind, ActorKind::Government | ActorKind::Agency)
    {
        diags.push(
            Diagnostic::new(
                Code::DeclPairRecipient,
                p.recipient.span,
                crate::tr!(
                    "decl-recipient-pair-must-government-but",
                    recipient = p.recipient.text,
                    kind = kind.as_str()
                ),
            )
            .label(crate::tr!("decl-not-government"))
            .related(
                s.actors[&p.recipient.text].name.span,
                crate::tr!("decl-declared-here"),
            )
            .help(crate::tr!("decl-pair-with-government-region-offices")),
        );
    }
}

/// The supporter of a pair is a government, an enterprise or an organization.
fn check_supporter_kind(s: &Symbols, p: &Pair, diags: &mut Vec<Diagnostic>) {
    if let Some(kind) = s.actors[&p.supporter.text].kind
        && !matches!(
            kind,
            ActorKind::Government | ActorKind::Enterprise | ActorKind::Organization
        )
    {
        diags.push(
            Diagnostic::new(
                Code::DeclPairSupporter,
                p.supporter.span,
                crate::tr!(
                    "decl-supporter-pair-must-government-enterprise",
                    supporter = p.supporter.text,
                    value = crate::suggest::a_or_an(kind.as_str())
                ),
            )
            .label(crate::tr!("decl-cannot-support"))
            .related(
                s.actors[&p.supporter.text].name.span,
                crate::tr!("decl-declared-here"),
            )
            .help(crate::tr!(
                "decl-name-government-enterprise-organization-belongs"
            )),
        );
    }
}

/// A pair's `from` year is not after its `to` year.
fn check_years_in_order(p: &Pair, diags: &mut Vec<Diagnostic>) {
    if let (Some((from, _)), Some((to, to_span))) = (p.from, p.to)
        && from > to
    {
        diags.push(
            Diagnostic::new(
                Code::DeclPairYears,
                to_span,
                crate::tr!("decl-pair-ends-before-starts-from", to = to, from = from),
            )
            .label(crate::tr!("decl-before-from"))
            .help(crate::tr!("decl-from-are-years-inclusive-swap")),
        );
    }
}

/// A pair's years lie within the years of its program.
fn check_years_in_program(program: &Program, p: &Pair, diags: &mut Vec<Diagnostic>) {
    if let (Some((from, span)), Some(since)) = (p.from, program.since)
        && from < since
    {
        diags.push(
            Diagnostic::new(
                Code::DeclPairYears,
                span,
                crate::tr!(
                    "decl-pair-starts-from-before-program",
                    from = from,
                    program = program.name.text,
                    since = since
                ),
            )
            .label(crate::tr!("decl-before-program"))
            .related(program.name.span, crate::tr!("decl-program-declared-here"))
            .help(crate::tr!("decl-start-pair-since-later", since = since)),
        );
    }
    if let Some(until) = program.until
        && let Some((to, span)) = p.to
        && to > until
    {
        diags.push(
            Diagnostic::new(
                Code::DeclPairYears,
                span,
                crate::tr!(
                    "decl-pair-runs-after-program-program",
                    to = to,
                    program = program.name.text,
                    until = until
                ),
            )
            .label(crate::tr!("decl-after-program"))
            .related(program.name.span, crate::tr!("decl-program-declared-here"))
            .help(crate::tr!("decl-end-pair-until-earlier", until = until)),
        );
    }
}

pub fn check_duties(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    // Built at the first duty that names a pair, then shared by all of them.
    let pair_ends = std::cell::OnceCell::new();
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
                    let ends = pair_ends.get_or_init(|| PairEnds::new(s));
                    check_duty_pair(ends, supporter, recipient, program.as_ref(), diags);
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
                    crate::tr!(
                        "decl-function-f-held-per-scope",
                        f = f.name.text,
                        scope = scope.as_str(),
                        wanted = wanted.as_str()
                    ),
                )
                .label(crate::tr!(
                    "decl-scope-scope-function",
                    scope = scope.as_str()
                ))
                .related(f.name.span, crate::tr!("decl-function-declared-here"))
                .help(crate::tr!("decl-write-for-scope", scope = scope.as_str())),
            );
        }
    }
}

/// The programs of the declared pairs, by their two ends.
struct PairEnds<'s> {
    programs: rustc_hash::FxHashMap<(&'s str, &'s str), Vec<&'s str>>,
}

impl<'s> PairEnds<'s> {
    /// A pair whose end is an unknown actor (reported already) is filed under the name it most
    /// likely means, so a duty naming that pair correctly raises nothing more.
    fn new(s: &'s Symbols) -> Self {
        let end = |n: &'s crate::ast::Name| -> &'s str {
            if s.actors.contains_key(&n.text) {
                &n.text
            } else {
                crate::suggest::closest(&n.text, s.actors.keys().map(String::as_str))
                    .unwrap_or(&n.text)
            }
        };
        let mut programs: rustc_hash::FxHashMap<(&'s str, &'s str), Vec<&'s str>> =
            rustc_hash::FxHashMap::default();
        for p in s.pairs.iter().map(|p| &p.item) {
            let key = (end(&p.supporter), end(&p.recipient));
            programs.entry(key).or_default().push(&p.program.text);
        }
        PairEnds { programs }
    }
}

fn check_duty_pair(
    ends: &PairEnds<'_>,
    supporter: &crate::ast::Name,
    recipient: &crate::ast::Name,
    program: Option<&crate::ast::Name>,
    diags: &mut Vec<Diagnostic>,
) {
    let key = (supporter.text.as_str(), recipient.text.as_str());
    let mut programs: Vec<&str> = ends
        .programs
        .get(&key)
        .into_iter()
        .flatten()
        .copied()
        .filter(|p| program.is_none_or(|pr| pr.text == *p))
        .collect();
    if programs.len() == 1 {
        return;
    }
    programs.sort();
    programs.dedup();
    let pair_text = format!("{} -> {}", supporter.text, recipient.text);
    if programs.is_empty() {
        let in_program = program
            .map(|p| crate::tr!("decl-in-program", program = p.text))
            .unwrap_or_default();
        diags.push(
            Diagnostic::new(
                Code::DeclDutyPair,
                supporter.span.to(recipient.span),
                crate::tr!(
                    "decl-no-pair-pair-text-program",
                    pair_text = pair_text,
                    in_program = in_program
                ),
            )
            .label(crate::tr!("decl-not-declared-pair"))
            .help(crate::tr!(
                "decl-declare-pair-pair-text-program",
                pair_text = pair_text
            )),
        );
    } else if programs.len() > 1 && program.is_none() {
        diags.push(
            Diagnostic::new(
                Code::DeclDutyAmbiguous,
                supporter.span.to(recipient.span),
                crate::tr!(
                    "decl-pair-text-paired-several-programs",
                    pair_text = pair_text,
                    programs = programs.join(", ")
                ),
            )
            .label(crate::tr!("decl-which-program"))
            .help(crate::tr!(
                "decl-add-programs-another-after-pair",
                programs = programs[0]
            )),
        );
    }
}
