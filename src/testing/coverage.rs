//! `duikou test --coverage`: which provisions of each document and article the test blocks
//! exercise. A rule counts when a test's data reaches it (the rule is decided, exempted or
//! overridden on at least one record or group) and an expectation of that test names it (or an
//! expected conflict involves it); a `permit`, never evaluated alone, counts when an expected
//! conflict involves it; an
//! indicator when a test expects a score of its evaluation and the evaluation scores a group of
//! that test's data; a duty or pair when a test expects a gap or conflict whose finding involves
//! it (points at it, or names its actor in `expect conflict CODE [..]`).

use super::expects::involved_as;
use super::test_data;
use crate::RuleSet;
use crate::ast::{self, Expect};
use crate::diagnostic::{Diagnostic, Involved};
use crate::engine::check::Keep;
use crate::engine::compile::Plan;
use crate::ids::{ActorId, EvaluationId, RuleId};
use crate::source::Span;
use crate::symbols::{Source, Symbols};
use serde::Serialize;

/// One provision and whether a test exercises it.
#[derive(Debug, Clone, Serialize)]
pub struct Provision {
    /// `rule`, `duty`, `pair` or `indicator`.
    pub kind: &'static str,
    pub name: String,
    pub covered: bool,
    /// The tests that exercise it, by name.
    pub tests: Vec<String>,
    #[serde(skip)]
    span: Span,
    /// What the provision is, by id.
    #[serde(skip)]
    of: Of,
}

/// A provision by id: tests are matched to it by these, never by its name.
#[derive(Debug, Clone, Copy)]
enum Of {
    /// A rule: whether it is a `permit`, and its id in the plan (`None` when not compiled).
    Rule { permit: bool, id: Option<RuleId> },
    /// A duty or a pair: the actor an `expect conflict CODE [..]` names it by (a duty's
    /// holder, a pair's supporter).
    Held { actor: Option<ActorId> },
    /// An indicator of an evaluation (`None` when the evaluation is not compiled).
    Indicator { evaluation: Option<EvaluationId> },
}

/// The provisions of one article (or, for unsourced ones, of no article).
#[derive(Debug, Clone, Serialize)]
pub struct ArticleCoverage {
    pub document: Option<String>,
    pub article: Option<String>,
    pub covered: usize,
    pub provisions: Vec<Provision>,
}

/// The coverage of a rule set by its tests.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub version: u32,
    pub covered: usize,
    pub provisions: usize,
    /// Covered ÷ provisions × 100, rounded to 2 decimals; 100 when there is nothing to cover.
    pub percent: f64,
    pub articles: Vec<ArticleCoverage>,
}

/// Every provision, grouped by document and article in declaration order, unsourced last.
fn provisions(s: &Symbols, plan: Option<&Plan>) -> Vec<ArticleCoverage> {
    let mut out: Vec<ArticleCoverage> = Vec::new();
    let list = listed(s, plan);
    for (id, d) in s.documents_by_id() {
        for a in &d.articles {
            let provisions: Vec<Provision> = list
                .iter()
                .filter(|(src, _)| {
                    src.as_ref()
                        .is_some_and(|x| x.id == id && x.article == a.number)
                })
                .map(|(_, p)| p.clone())
                .collect();
            let mut provisions = provisions;
            provisions.sort_by_key(|p| p.span.start);
            out.push(ArticleCoverage {
                document: Some(d.name.text.clone()),
                article: Some(a.number.clone()),
                covered: 0,
                provisions,
            });
        }
    }
    let unsourced: Vec<Provision> = list
        .into_iter()
        .filter(|(s, _)| s.is_none())
        .map(|(_, p)| p)
        .collect();
    if !unsourced.is_empty() {
        out.push(ArticleCoverage {
            document: None,
            article: None,
            covered: 0,
            provisions: unsourced,
        });
    }
    out
}

/// Every provision with its source, in declaration order of each kind.
fn listed(s: &Symbols, plan: Option<&Plan>) -> Vec<(Option<Source>, Provision)> {
    let mut list: Vec<(Option<Source>, Provision)> = Vec::new();
    let p = |kind, name: String, span, of| Provision {
        kind,
        name,
        covered: false,
        tests: Vec::new(),
        span,
        of,
    };
    for r in s.rules.values() {
        let of = Of::Rule {
            permit: r.item.kind == ast::RuleKind::Permit,
            id: plan.and_then(|p| p.rule_id(&r.item.name.text)),
        };
        let name = r.item.name.text.clone();
        list.push((r.source.clone(), p("rule", name, r.item.span, of)));
    }
    for d in &s.duties {
        let of = Of::Held {
            actor: s.actor_id(&d.item.actor.text),
        };
        let name = duty_name(&d.item);
        list.push((d.source.clone(), p("duty", name, d.item.span, of)));
    }
    for x in &s.pairs {
        let name = format!(
            "{} -> {} in {}",
            x.item.supporter.text, x.item.recipient.text, x.item.program.text
        );
        let of = Of::Held {
            actor: s.actor_id(&x.item.supporter.text),
        };
        list.push((x.source.clone(), p("pair", name, x.item.span, of)));
    }
    for e in s.evaluations.values() {
        let of = Of::Indicator {
            evaluation: plan.and_then(|p| p.evaluation_id(&e.item.name.text)),
        };
        for i in &e.item.indicators {
            let name = format!("{}.{}", e.item.name.text, i.name.text);
            list.push((e.source.clone(), p("indicator", name, i.span, of)));
        }
    }
    list
}

fn duty_name(d: &ast::Duty) -> String {
    let target = match &d.target {
        ast::DutyTarget::Program(p) => crate::tr!("testing-program-p", p = p.text),
        ast::DutyTarget::Pair {
            supporter,
            recipient,
            ..
        } => crate::tr!(
            "testing-pair-supporter-recipient",
            supporter = supporter.text,
            recipient = recipient.text
        ),
    };
    crate::tr!(
        "testing-actor-holds-function-for-target",
        actor = d.actor.text,
        function = d.function.text,
        target = target
    )
}

/// What one test exercises, by id: rules reached and named, evaluations scored and named, the
/// spans of the findings its gap and conflict expectations concern, and the actors its
/// expected conflicts name.
struct Exercised {
    rules: Vec<RuleId>,
    /// Rules the test's data reaches: one inside an expected conflict counts too.
    reached: Vec<RuleId>,
    evaluations: Vec<EvaluationId>,
    spans: Vec<Span>,
    actors: Vec<ActorId>,
}

fn within(inner: Span, outer: Span) -> bool {
    inner.file == outer.file && outer.start <= inner.start && inner.start < outer.end
}

/// Measures the coverage, the tests' data held in memory.
pub fn measure(rules: &RuleSet) -> Coverage {
    let s = rules.symbols();
    let Some(plan) = rules.plan() else {
        return total(provisions(s, None));
    };
    let mut articles = provisions(s, Some(plan));
    let mut found: Vec<Diagnostic> = crate::gaps::analyze(s, &Default::default());
    found.extend_from_slice(rules.conflicts());
    for test in &s.tests {
        let files = test_data(rules, test).unwrap_or_default();
        let (data, scores) = super::run_with_scores(plan, &files, Keep::Worst(1));
        let reached: Vec<RuleId> = (0..plan.rules.len())
            .filter(|&i| {
                let c = &data.counts[i];
                c.checked + c.exempted + c.overridden > 0
            })
            .map(|i| RuleId(i as u32))
            .collect();
        let scored: Vec<EvaluationId> = (0..scores.len())
            .filter(|&i| !scores[i].is_empty())
            .map(|i| EvaluationId(i as u32))
            .collect();
        let ex = exercised((plan, s), test, (reached, &scored), &found);
        mark(&mut articles, &test.name, &ex);
    }
    total(articles)
}

fn exercised(
    (plan, s): (&Plan, &Symbols),
    test: &ast::Test,
    (reached, scored): (Vec<RuleId>, &[EvaluationId]),
    found: &[Diagnostic],
) -> Exercised {
    let mut ex = Exercised {
        rules: Vec::new(),
        reached,
        evaluations: Vec::new(),
        spans: Vec::new(),
        actors: Vec::new(),
    };
    for e in &test.expects {
        match e {
            Expect::Violation { rule, .. } => {
                let id = plan.rule_id(&rule.text).filter(|r| ex.reached.contains(r));
                ex.rules.extend(id);
            }
            Expect::Score { evaluation, .. } => {
                let id = plan.evaluation_id(&evaluation.text);
                ex.evaluations.extend(id.filter(|e| scored.contains(e)));
            }
            Expect::Gap { code, .. } | Expect::Conflict { code, .. } => {
                for d in found.iter().filter(|d| d.code.as_str() == code.text) {
                    ex.spans.extend(d.span);
                    ex.spans.extend(d.related.iter().map(|r| r.span));
                }
                if let Expect::Conflict { involving, .. } = e {
                    for n in involving {
                        for p in involved_as(plan, s, &n.text) {
                            match p {
                                Involved::Actor(a) => ex.actors.push(a),
                                Involved::Rule(r) if ex.reached.contains(&r) => ex.rules.push(r),
                                Involved::Rule(_) => {}
                            }
                        }
                    }
                }
            }
        }
    }
    ex
}

/// Whether a test exercises a provision.
fn hit(p: &Provision, ex: &Exercised) -> bool {
    let involved = ex.spans.iter().any(|sp| within(*sp, p.span));
    match p.of {
        Of::Rule { permit, id } => {
            // A permit is never evaluated alone: an expected conflict involving it counts.
            let named = id.is_some_and(|r| ex.rules.contains(&r));
            let reached = id.is_some_and(|r| ex.reached.contains(&r));
            named || involved && (permit || reached)
        }
        Of::Indicator { evaluation } => evaluation.is_some_and(|e| ex.evaluations.contains(&e)),
        Of::Held { actor } => involved || actor.is_some_and(|a| ex.actors.contains(&a)),
    }
}

fn mark(articles: &mut [ArticleCoverage], test: &str, ex: &Exercised) {
    for a in articles.iter_mut() {
        for p in &mut a.provisions {
            if hit(p, ex) && !p.tests.iter().any(|t| t == test) {
                p.covered = true;
                p.tests.push(test.to_string());
            }
        }
    }
}

fn total(mut articles: Vec<ArticleCoverage>) -> Coverage {
    let (mut covered, mut provisions) = (0, 0);
    for a in &mut articles {
        a.covered = a.provisions.iter().filter(|p| p.covered).count();
        covered += a.covered;
        provisions += a.provisions.len();
    }
    let percent = if provisions == 0 {
        100.0
    } else {
        (covered as f64 * 10_000.0 / provisions as f64).round() / 100.0
    };
    Coverage {
        version: 1,
        covered,
        provisions,
        percent,
        articles,
    }
}
