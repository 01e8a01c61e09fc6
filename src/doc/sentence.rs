//! Each normative item as one plain Chinese sentence, for officials who do not read the code:
//! `每一支援方、每一受援方、每一年度：民生项目的计划投资占比不低于 74%。` The sentences are
//! HTML, their names linked to their declarations.

use super::html::esc;
use super::links::Links;
use super::phrase::{self, field};
use crate::ast::{self, BinOp, DutyTarget, ExprKind, Role, RuleKind};

/// `over project where …` in words: `program为援疆的 project 记录`.
fn records(over: Option<&ast::Over>, links: &Links) -> String {
    match over {
        Some(o) => match &o.filter {
            Some(f) => format!(
                "{}的 {} 记录",
                phrase::expr(f, links),
                links.name(&o.record.text)
            ),
            None => format!("{} 记录", links.name(&o.record.text)),
        },
        None => "记录".to_string(),
    }
}

/// Who the rule speaks to: `每一支援方、每一受援方、每一年度` or `每一条 project 记录`.
fn each(
    per: &[ast::Name],
    periods: Option<&ast::Periods>,
    over: Option<&ast::Over>,
    links: &Links,
) -> String {
    if per.is_empty() {
        format!("每一条{}", records(over, links))
    } else {
        let keys: Vec<String> = per
            .iter()
            .map(|k| match periods.filter(|p| p.key.text == k.text) {
                Some(p) => {
                    let spans: Vec<String> = p
                        .spans
                        .iter()
                        .map(|((a, b), _)| format!("{a}—{b}年"))
                        .collect();
                    format!("每一规划期（{}）", spans.join("、"))
                }
                None => format!("每一{}", esc(&field(&k.text))),
            })
            .collect();
        let scope = match over.and_then(|o| o.filter.as_ref()) {
            Some(f) => format!("在{}的记录中，", phrase::expr(f, links)),
            None => String::new(),
        };
        format!("{scope}{}", keys.join("、"))
    }
}

/// A rule in one sentence.
pub fn rule(r: &ast::Rule, links: &Links) -> String {
    let modal = match r.kind {
        RuleKind::Require => "应当",
        RuleKind::Forbid => "不得",
        RuleKind::Permit => "可以",
    };
    // A comparison takes the modal before its verb: `实际支出不得高于 计划投资的110%`.
    let norm = match r.condition.as_ref().map(|c| &c.kind) {
        Some(ExprKind::Binary(BinOp::Cmp(c), l, rhs)) => format!(
            "{}{modal}{} {}",
            phrase::expr(l, links),
            phrase::cmp(*c),
            phrase::expr(rhs, links)
        ),
        Some(_) => {
            let condition = r
                .condition
                .as_ref()
                .map(|c| phrase::expr(c, links))
                .unwrap_or_default();
            match r.kind {
                RuleKind::Require => format!("应当满足{condition}"),
                RuleKind::Forbid => format!("不得出现{condition}的情形"),
                RuleKind::Permit => format!("允许{condition}"),
            }
        }
        None => String::new(),
    };
    let unless = r.unless.as_ref().map_or(String::new(), |u| {
        format!("；{}的除外", phrase::expr(u, links))
    });
    let each = each(&r.per, r.periods.as_deref(), r.over.as_ref(), links);
    format!("{each}：{norm}{unless}。")
}

/// A pairing in one sentence.
pub fn pair(p: &ast::Pair, links: &Links) -> String {
    let years = match (p.from, p.to) {
        (Some((f, _)), Some((t, _))) => format!("，{f}—{t} 年"),
        (Some((f, _)), None) => format!("，自 {f} 年起"),
        (None, Some((t, _))) => format!("，至 {t} 年"),
        (None, None) => String::new(),
    };
    format!(
        "{} 对口支援 {}（{}）{years}。",
        links.name(&p.supporter.text),
        links.name(&p.recipient.text),
        links.name(&p.program.text)
    )
}

/// A duty in one sentence.
pub fn duty(d: &ast::Duty, links: &Links) -> String {
    let role = match d.role {
        Role::Lead => "牵头",
        Role::Support => "配合",
    };
    let scope = match &d.target {
        DutyTarget::Program(p) => format!("{} 支援类型", links.name(&p.text)),
        DutyTarget::Pair {
            supporter,
            recipient,
            program,
        } => {
            let within = program
                .as_ref()
                .map_or(String::new(), |p| format!("（{}）", links.name(&p.text)));
            format!(
                "{} → {} 结对{within}",
                links.name(&supporter.text),
                links.name(&recipient.text)
            )
        }
    };
    let years = match (d.from, d.until) {
        (Some(f), Some(t)) => format!("，{f}—{t} 年"),
        (Some(f), None) => format!("，自 {f} 年起"),
        (None, Some(t)) => format!("，至 {t} 年止"),
        (None, None) => String::new(),
    };
    format!(
        "{} {role}承担“{}”职能，范围：{scope}{years}。",
        links.name(&d.actor.text),
        links.name(&d.function.text)
    )
}

/// An evaluation in one sentence.
pub fn evaluation(e: &ast::Evaluation, links: &Links) -> String {
    let indicators: Vec<String> = e
        .indicators
        .iter()
        .map(|i| {
            let weight = i.weight.map_or(String::new(), |(w, _)| {
                format!(
                    "权重 {}%",
                    phrase::number(w * rust_decimal::Decimal::ONE_HUNDRED)
                )
            });
            let target = i.target.as_ref().map_or(String::new(), |(c, t)| {
                format!("，目标{}{}", phrase::cmp(*c), phrase::expr(t, links))
            });
            format!("{}（{weight}{target}）", esc(&i.name.text))
        })
        .collect();
    let evaluators: Vec<String> = e
        .evaluators
        .iter()
        .map(|(n, w)| {
            format!(
                "{} {}%",
                esc(&n.text),
                phrase::number(w * rust_decimal::Decimal::ONE_HUNDRED)
            )
        })
        .collect();
    let mut s = format!(
        "对{}进行考评，指标：{}",
        each(&e.per, None, e.over.as_ref(), links),
        indicators.join("、")
    );
    if !evaluators.is_empty() {
        s.push_str(&format!("；评价主体：{}", evaluators.join("、")));
    }
    if !e.rank_within.is_empty() {
        let keys: Vec<String> = e.rank_within.iter().map(|k| esc(&k.text)).collect();
        s.push_str(&format!("；按{}分别排名", keys.join("、")));
    }
    s.push('。');
    s
}
