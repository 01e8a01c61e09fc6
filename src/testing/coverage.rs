//! `duikou test --coverage`: which provisions of each document and article the test blocks
//! exercise. A rule counts when a test's data reaches it (the rule is decided, exempted or
//! overridden on at least one record or group) and an expectation of that test names it (or an
//! expected conflict involves it); a `permit`, never evaluated alone, counts when an expected
//! conflict involves it; an
//! indicator when a test expects a score of its evaluation and the evaluation scores a group of
//! that test's data; a duty or pair when a test expects a gap or conflict whose finding involves
//! it (points at it, or names its actor in `expect conflict CODE [..]`).

use super::test_data;
use crate::RuleSet;
use crate::ast::{self, Expect};
use crate::diagnostic::Diagnostic;
use crate::engine::check::Keep;
use crate::source::Span;
use crate::symbols::Source;
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
fn provisions(rules: &RuleSet) -> Vec<ArticleCoverage> {
    let s = rules.symbols();
    let mut list: Vec<(Option<Source>, Provision)> = Vec::new();
    let p = |kind, name: String, span| Provision {
        kind,
        name,
        covered: false,
        tests: Vec::new(),
        span,
    };
    for r in s.rules.values() {
        list.push((
            r.source.clone(),
            p("rule", r.item.name.text.clone(), r.item.span),
        ));
    }
    for d in &s.duties {
        list.push((d.source.clone(), p("duty", duty_name(&d.item), d.item.span)));
    }
    for x in &s.pairs {
        let name = format!(
            "{} -> {} in {}",
            x.item.supporter.text, x.item.recipient.text, x.item.program.text
        );
        list.push((x.source.clone(), p("pair", name, x.item.span)));
    }
    for e in s.evaluations.values() {
        for i in &e.item.indicators {
            list.push((
                e.source.clone(),
                p(
                    "indicator",
                    format!("{}.{}", e.item.name.text, i.name.text),
                    i.span,
                ),
            ));
        }
    }
    let mut out: Vec<ArticleCoverage> = Vec::new();
    for d in s.documents.values() {
        for a in &d.articles {
            let provisions: Vec<Provision> = list
                .iter()
                .filter(|(src, _)| {
                    src.as_ref()
                        .is_some_and(|x| x.document == d.name.text && x.article == a.number)
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

/// What one test exercises: rule names and evaluation names reached and named, and the spans
/// of the findings its gap and conflict expectations concern.
struct Exercised {
    rules: Vec<String>,
    /// Rules the test's data reaches: one inside an expected conflict counts too.
    reached: Vec<String>,
    evaluations: Vec<String>,
    spans: Vec<Span>,
    actors: Vec<String>,
}

/// The same place (spans compare equal whatever their place, by design).
fn same(a: Span, b: Span) -> bool {
    a.file == b.file && a.start == b.start && a.end == b.end
}

fn within(inner: Span, outer: Span) -> bool {
    inner.file == outer.file && outer.start <= inner.start && inner.start < outer.end
}

/// Measures the coverage, the tests' data held in memory.
pub fn measure(rules: &RuleSet) -> Coverage {
    let mut articles = provisions(rules);
    let Some(plan) = rules.plan() else {
        return total(articles);
    };
    let mut found: Vec<Diagnostic> = crate::gaps::analyze(rules.symbols(), &Default::default());
    found.extend_from_slice(rules.conflicts());
    for test in &rules.symbols().tests {
        let files = test_data(rules, test).unwrap_or_default();
        let (data, scores) = super::run_with_scores(plan, &files, Keep::Worst(1));
        let reached: Vec<&str> = plan
            .rules
            .iter()
            .zip(&data.counts)
            .filter(|(_, c)| c.checked + c.exempted + c.overridden > 0)
            .map(|(r, _)| r.name.as_str())
            .collect();
        let scored: Vec<&str> = scores
            .iter()
            .filter(|(_, rows)| !rows.is_empty())
            .map(|(n, _)| n.as_str())
            .collect();
        let ex = exercised(test, &reached, &scored, &found);
        mark(&mut articles, &test.name, &ex, rules);
    }
    total(articles)
}

fn exercised(
    test: &ast::Test,
    reached: &[&str],
    scored: &[&str],
    found: &[Diagnostic],
) -> Exercised {
    let reached_names = reached.iter().map(|r| r.to_string()).collect();
    let mut ex = Exercised {
        rules: Vec::new(),
        reached: reached_names,
        evaluations: Vec::new(),
        spans: Vec::new(),
        actors: Vec::new(),
    };
    for e in &test.expects {
        match e {
            Expect::Violation { rule, .. } if reached.contains(&rule.text.as_str()) => {
                ex.rules.push(rule.text.clone())
            }
            Expect::Score { evaluation, .. } if scored.contains(&evaluation.text.as_str()) => {
                ex.evaluations.push(evaluation.text.clone())
            }
            Expect::Gap { code, .. } | Expect::Conflict { code, .. } => {
                for d in found.iter().filter(|d| d.code.as_str() == code.text) {
                    ex.spans.extend(d.span);
                    ex.spans.extend(d.related.iter().map(|r| r.span));
                }
                if let Expect::Conflict { involving, .. } = e {
                    ex.actors.extend(involving.iter().map(|n| n.text.clone()));
                    ex.rules.extend(
                        involving
                            .iter()
                            .map(|n| n.text.clone())
                            .filter(|n| reached.contains(&n.as_str())),
                    );
                }
            }
            _ => {}
        }
    }
    ex
}

fn mark(articles: &mut [ArticleCoverage], test: &str, ex: &Exercised, rules: &RuleSet) {
    let s = rules.symbols();
    for a in articles.iter_mut() {
        for p in &mut a.provisions {
            let hit = match p.kind {
                "rule" => {
                    // A permit is never evaluated alone: an expected conflict involving it counts.
                    let permit = s
                        .rules
                        .get(&p.name)
                        .is_some_and(|r| r.item.kind == ast::RuleKind::Permit);
                    let involved = ex.spans.iter().any(|sp| within(*sp, p.span));
                    ex.rules.contains(&p.name)
                        || involved && (permit || ex.reached.contains(&p.name))
                }
                "indicator" => ex
                    .evaluations
                    .iter()
                    .any(|e| p.name.starts_with(&format!("{e}."))),
                _ => {
                    let actor = match p.kind {
                        "duty" => s
                            .duties
                            .iter()
                            .find(|d| same(d.item.span, p.span))
                            .map(|d| d.item.actor.text.clone()),
                        _ => s
                            .pairs
                            .iter()
                            .find(|x| same(x.item.span, p.span))
                            .map(|x| x.item.supporter.text.clone()),
                    };
                    ex.spans.iter().any(|sp| within(*sp, p.span))
                        || actor.is_some_and(|a| ex.actors.contains(&a))
                }
            };
            if hit && !p.tests.iter().any(|t| t == test) {
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
