//! Expressions read out in plain Chinese: `sum(planned where livelihood) / sum(planned) >= 74%`
//! becomes `民生项目的计划投资占比不低于 74%`. The result is HTML: declared names link to their
//! declarations, everything else is escaped.

use super::html::esc;
use super::links::Links;
use crate::ast::{BinOp, Cmp, Expr, ExprKind, Literal, UnOp};
use rust_decimal::Decimal;

/// The Chinese words for the field names the shipped record types use; any other field is
/// called by its name.
const FIELD_WORDS: &[(&str, &str)] = &[
    ("supporter", "支援方"),
    ("recipient", "受援方"),
    ("year", "年度"),
    ("program", "支援类型"),
    ("planned", "计划投资"),
    ("spent", "实际支出"),
    ("livelihood", "民生项目"),
    ("county_or_below", "县及县以下项目"),
    ("completed", "已竣工项目"),
    ("category", "类别"),
    ("evaluator", "评价主体"),
    ("indicator", "指标"),
    ("score", "打分"),
    ("level", "层级"),
    ("region", "所在地区"),
    ("kind", "类型"),
    ("title", "全称"),
    ("of", "所属机关"),
];

/// A field or property name in Chinese (plain text).
pub fn field(name: &str) -> String {
    FIELD_WORDS
        .iter()
        .find(|(en, _)| *en == name)
        .map_or_else(|| name.to_string(), |(_, zh)| zh.to_string())
}

/// A comparison in words.
pub fn cmp(c: Cmp) -> &'static str {
    match c {
        Cmp::Ge => "不低于",
        Cmp::Gt => "高于",
        Cmp::Le => "不高于",
        Cmp::Lt => "低于",
        Cmp::Eq => "为",
        Cmp::Ne => "不为",
    }
}

/// A number as written, without superfluous zeros.
pub fn number(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A literal in its natural form.
fn literal(l: &Literal) -> String {
    match l {
        Literal::Number(d) => number(*d),
        Literal::Percent(d) => format!("{}%", number(d * Decimal::ONE_HUNDRED)),
        Literal::Money(d) if d.abs() >= Decimal::from(10_000) => {
            format!("{}万元", number(d / Decimal::from(10_000)))
        }
        Literal::Money(d) => format!("{}元", number(*d)),
        Literal::Date(d) => d.format("%Y年%-m月%-d日").to_string(),
        Literal::Text(t) => format!("“{}”", esc(t)),
        Literal::Bool(true) => "是".to_string(),
        Literal::Bool(false) => "否".to_string(),
    }
}

/// A name: a field in Chinese words, a declared name as a link.
fn name(n: &str, links: &Links) -> String {
    if FIELD_WORDS.iter().any(|(en, _)| *en == n) {
        esc(&field(n))
    } else {
        links.name(n)
    }
}

/// An expression in words, as HTML.
pub fn expr(e: &Expr, links: &Links) -> String {
    let expr = |x: &Expr| self::expr(x, links);
    match &e.kind {
        ExprKind::Literal(l) => literal(l),
        ExprKind::Name(n) => name(&n.text, links),
        ExprKind::List(xs) => xs.iter().map(expr).collect::<Vec<_>>().join("、"),
        ExprKind::Member(x, m) => format!("{}的{}", expr(x), esc(&field(&m.text))),
        ExprKind::Unary(UnOp::Neg, x) => format!("负{}", expr(x)),
        ExprKind::Unary(UnOp::Not, x) => format!("并非{}", expr(x)),
        ExprKind::Binary(op, l, r) => binary(*op, l, r, links),
        ExprKind::If(c, t, f) => format!("如果{}则{}，否则{}", expr(c), expr(t), expr(f)),
        ExprKind::Call {
            function,
            args,
            filter,
            at,
            cumulative,
        } => {
            let said = call(&function.text, args, filter.as_deref(), links);
            let said = if *cumulative {
                format!("本规划期截至当年累计{said}")
            } else {
                said
            };
            match at.as_deref().map(|o| o.back) {
                None => said,
                Some(1) => format!("上一年度{said}"),
                Some(n) => format!("{n}年前{said}"),
            }
        }
    }
}

fn binary(op: BinOp, l: &Expr, r: &Expr, links: &Links) -> String {
    let expr = |x: &Expr| self::expr(x, links);
    match op {
        BinOp::Or => format!("{}，或者{}", expr(l), expr(r)),
        BinOp::And => format!("{}，并且{}", expr(l), expr(r)),
        BinOp::Cmp(Cmp::Eq) => format!("{}为{}", expr(l), expr(r)),
        BinOp::Cmp(Cmp::Ne) => format!("{}不为{}", expr(l), expr(r)),
        BinOp::Cmp(c) => format!("{}{} {}", expr(l), cmp(c), expr(r)),
        BinOp::In => format!("{}属于{}之一", expr(l), expr(r)),
        BinOp::Within => format!("{}隶属于{}", expr(l), expr(r)),
        BinOp::Div => ratio(l, r, links).unwrap_or_else(|| format!("{}与{}之比", expr(l), expr(r))),
        BinOp::Add => format!("{}加{}", expr(l), expr(r)),
        BinOp::Sub => format!("{}减{}", expr(l), expr(r)),
        BinOp::Mul => format!("{}的{}", expr(l), expr(r)),
    }
}

/// `sum(x where c) / sum(x)` is the share of `c` in `x`: `民生项目的计划投资占比`.
fn ratio(l: &Expr, r: &Expr, links: &Links) -> Option<String> {
    let expr = |x: &Expr| self::expr(x, links);
    let (
        ExprKind::Call {
            function: f1,
            args: a1,
            filter: Some(c),
            at: None,
            cumulative: c1,
        },
        ExprKind::Call {
            function: f2,
            args: a2,
            filter: None,
            at: None,
            cumulative: c2,
        },
    ) = (&l.kind, &r.kind)
    else {
        return None;
    };
    if f1.text != f2.text || a1 != a2 || c1 != c2 {
        return None;
    }
    let what = match (f1.text.as_str(), a1.first()) {
        ("sum", Some(x)) => expr(x),
        ("count", None) => "记录数".to_string(),
        _ => return None,
    };
    Some(format!("{}的{what}占比", expr(c)))
}

fn call(function: &str, args: &[Expr], filter: Option<&Expr>, links: &Links) -> String {
    let expr = |x: &Expr| self::expr(x, links);
    let arg = args.first().map(expr).unwrap_or_default();
    let scope = filter.map_or(String::new(), |c| format!("{}的", expr(c)));
    match function {
        "sum" => format!("{scope}{arg}合计"),
        "count" => format!("{scope}记录数"),
        "avg" => format!("{scope}{arg}平均值"),
        "min" => format!("{scope}{arg}最小值"),
        "max" => format!("{scope}{arg}最大值"),
        "distinct" => format!("{scope}不同{arg}的个数"),
        "rated" => format!("各评价主体对{arg}的加权评分"),
        "paired" => {
            let names: Vec<String> = args.iter().map(expr).collect();
            match &names[..] {
                [s, r] => format!("{s}与{r}存在有效结对"),
                [s, r, p] => format!("{s}与{r}在{p}中存在有效结对"),
                _ => format!("paired（{}）", names.join("、")),
            }
        }
        other => {
            let names: Vec<String> = args.iter().map(expr).collect();
            format!("{}（{}）", esc(other), names.join("、"))
        }
    }
}
