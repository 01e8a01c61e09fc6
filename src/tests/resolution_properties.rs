//! Property: resolution is antisymmetric. If document A prevails over B, B never prevails over
//! A — whichever provision is named first and whatever order the files are loaded in — and an
//! unresolved clash goes to the same organ either way.

use crate::RuleSet;
use crate::conflicts::resolve::{Resolution, Side, resolve};
use crate::engine::compile::Plan;
use crate::symbols::Source;
use proptest::prelude::*;

const BASE: &str = r#"
actor 中共中央 { kind: party, level: central }
actor 中共中央办公厅 { kind: party, level: central, of: 中共中央 }
actor 全国人大 { kind: legislature, level: central }
actor 国务院 { kind: government, level: central }
actor 国务院办公厅 { kind: office, level: central, of: 国务院 }
actor 国家发改委 { kind: department, level: central, of: 国务院 }
actor 河北省 { kind: government, level: province }
actor 新疆 { kind: government, level: province, autonomous: true }
actor 新疆人大常委会 { kind: legislature, level: province, of: 新疆, autonomous: true }
actor 巴州 { kind: government, level: prefecture, region: 新疆, autonomous: true }
actor 巴州人大 { kind: legislature, level: prefecture, of: 巴州, autonomous: true }
actor 昌吉州 { kind: government, level: prefecture, region: 新疆, autonomous: true }
program 援疆 { since: 2010 }
record project { id: text key, program: program, supporter: actor, recipient: actor, year: year time, category: text, planned: money(万元), spent: money(万元) }
"#;

const LEVELS: &[&str] = &[
    "constitution",
    "law",
    "administrative_regulation",
    "local_regulation",
    "autonomous_regulation",
    "separate_regulation",
    "sez_regulation",
    "department_rule",
    "local_rule",
    "party_regulation",
    "normative_document",
    "agreement",
    "minutes",
];

const ISSUERS: &[&str] = &[
    "中共中央",
    "中共中央办公厅",
    "全国人大",
    "国务院",
    "国务院办公厅",
    "国家发改委",
    "河北省",
    "新疆",
    "新疆人大常委会",
    "巴州",
    "巴州人大",
    "昌吉州",
    "[中共中央办公厅, 国务院办公厅]",
];

/// One generated document with one rule.
#[derive(Debug, Clone)]
struct GenDoc {
    level: usize,
    issuer: usize,
    year: i32,
    region: Option<usize>,
    replaces: Option<usize>,
    narrow: bool,
    at_least: bool,
    threshold: u32,
}

fn gen_doc() -> impl Strategy<Value = GenDoc> {
    (
        0..LEVELS.len(),
        0..ISSUERS.len(),
        prop::sample::select(vec![2010, 2012, 2015]),
        prop::option::of(6..12usize),
        prop::option::of(0..4usize),
        any::<bool>(),
        any::<bool>(),
        50..100u32,
    )
        .prop_map(
            |(level, issuer, year, region, replaces, narrow, at_least, threshold)| GenDoc {
                level,
                issuer,
                year,
                region,
                replaces,
                narrow,
                at_least,
                threshold,
            },
        )
}

fn text(i: usize, d: &GenDoc, count: usize) -> String {
    let region = d
        .region
        .map(|r| format!(", region: {}", ISSUERS[r]))
        .unwrap_or_default();
    let replaces = d
        .replaces
        .filter(|r| *r < count && *r != i)
        .map(|r| format!(", replaces: [文件{r}]"))
        .unwrap_or_default();
    let filter = if d.narrow {
        "program == 援疆 and category == \"医疗\""
    } else {
        "program == 援疆"
    };
    let op = if d.at_least { ">=" } else { "<=" };
    format!(
        "document 文件{i} {{\n  level: {}, issuer: {}, effective: {}-01-01{region}{replaces}\n  article 1 {{\n    rule 规则{i} {{ over project where {filter} require spent / planned {op} {}% }}\n  }}\n}}\n",
        LEVELS[d.level], ISSUERS[d.issuer], d.year, d.threshold
    )
}

fn load(docs: &[GenDoc], reversed: bool) -> RuleSet {
    let mut files: Vec<(String, String)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (format!("d{i}.dk"), text(i, d, docs.len())))
        .collect();
    if reversed {
        files.reverse();
    }
    files.insert(0, ("base.dk".into(), BASE.into()));
    RuleSet::from_sources(files)
}

fn source(set: &RuleSet, i: usize) -> Source {
    let document = format!("文件{i}");
    Source {
        id: set
            .symbols()
            .document_id(&document)
            .expect("every generated document is declared"),
        document,
        article: "1".into(),
        article_span: Default::default(),
    }
}

/// The document that prevails, or who decides.
fn outcome(r: &Resolution) -> (Option<String>, Option<String>) {
    (r.prevails.clone(), r.refer_to.clone())
}

fn decide(set: &RuleSet, docs: &[GenDoc], i: usize, j: usize, first: usize) -> Resolution {
    let (si, sj) = (source(set, i), source(set, j));
    // A narrower scope is the special provision only against a wider one.
    let ni = docs[i].narrow && !docs[j].narrow;
    let nj = docs[j].narrow && !docs[i].narrow;
    let a = Side {
        source: Some(&si),
        narrower: ni,
    };
    let b = Side {
        source: Some(&sj),
        narrower: nj,
    };
    if first == i {
        resolve(set.symbols(), &a, &b)
    } else {
        resolve(set.symbols(), &b, &a)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn resolution_is_antisymmetric(docs in prop::collection::vec(gen_doc(), 2..5)) {
        let forward = load(&docs, false);
        let backward = load(&docs, true);
        for i in 0..docs.len() {
            for j in i + 1..docs.len() {
                let ab = decide(&forward, &docs, i, j, i);
                let ba = decide(&forward, &docs, i, j, j);
                let ab_back = decide(&backward, &docs, i, j, i);
                let ba_back = decide(&backward, &docs, i, j, j);
                let shown = format!("{}\n{}", text(i, &docs[i], docs.len()), text(j, &docs[j], docs.len()));
                prop_assert_eq!(outcome(&ab), outcome(&ba), "order of the provisions\n{}", shown);
                prop_assert_eq!(outcome(&ab), outcome(&ab_back), "order of the files\n{}", shown);
                prop_assert_eq!(outcome(&ba), outcome(&ba_back), "order of the files\n{}", shown);
                prop_assert_eq!(ab.kind, ba.kind, "{}", shown);
                // Exactly one side prevails, or nobody does and somebody decides.
                match (ab.winner, ba.winner) {
                    (Some(x), Some(y)) => prop_assert_eq!(x, 1 - y, "{}", shown),
                    (None, None) => {}
                    _ => prop_assert!(false, "one way resolved, the other not\n{}", shown),
                }
            }
        }
        // End to end: the conflicts found name the same prevailing provisions in either load
        // order.
        if !forward.has_errors() && !backward.has_errors() {
            let summary = |set: &RuleSet| {
                let plan = Plan::build(set.symbols(), set.sources());
                let mut v: Vec<(String, Option<String>, Option<String>)> = crate::conflicts::analyze(set.symbols(), &plan)
                    .iter()
                    .map(|d| {
                        let r = d.resolution.as_ref();
                        (d.code.as_str().to_string(), r.and_then(|r| r.prevails.clone()), r.and_then(|r| r.refer_to.clone()))
                    })
                    .collect();
                v.sort();
                v
            };
            prop_assert_eq!(summary(&forward), summary(&backward));
        }
    }
}
