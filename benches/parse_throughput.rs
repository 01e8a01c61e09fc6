//! Parse-and-check throughput on a generated ~5 MB rule file: `cargo bench --bench parse_throughput`.

use duikou::RuleSet;
use std::fmt::Write;
use std::time::Instant;

/// A rule file of about `target` bytes: actors, pairs, duties, rules in both dialects.
fn generate(target: usize) -> String {
    let mut s = String::with_capacity(target + 4096);
    s.push_str("program 援疆 { title: \"对口援疆\", since: 2010 }\n");
    s.push_str("function 贯彻落实 { title: \"贯彻落实中央部署\", scope: pair, side: both }\n");
    s.push_str("record project { id: text key, program: program, supporter: actor, recipient: actor, year: year time,\n");
    s.push_str("  livelihood: bool, county_or_below: bool, planned: money(万元), spent: money(万元), category: text }\n");
    s.push_str("actor 国务院 { kind: government, level: central }\n");
    s.push_str(
        "document 条例 { level: administrative_regulation, issuer: 国务院, effective: 2010-01-01\n",
    );
    let mut i = 0;
    while s.len() < target {
        let _ = write!(
            s,
            r#"  article {i} "第{i}条：支援方{i}应当保障民生投入。" {{
    rule 民生投入{i} "民生投入占比不低于74%" {{
      over project where program == 援疆 and supporter == 省{i}
      per supporter, recipient, year
      require sum(planned where livelihood) / sum(planned) >= 74%
      unless recipient.level == township
      severity warning
      message "{{supporter}}→{{recipient}} {{year}}年民生投入占比 {{value}}"
    }}
    规则 超支{i} {{ 范围 project 条件 category == "医疗" 禁止 spent > planned * 110% 且 planned > 50万元 }}
    pair 省{i} -> 州{i} in 援疆 from 2010 to 2030 {{ scope: ["民生", "教育"], goal: "目标{i}", responsible: 省{i} }}
    职责 省{i} 承担 贯彻落实 针对 结对 省{i} -> 州{i} 作为 牵头
  }}
"#
        );
        i += 1;
    }
    s.push_str("}\n");
    for j in 0..i {
        let _ = writeln!(
            s,
            "actor 省{j} {{ kind: government, level: province }}\nactor 州{j} {{ kind: government, level: prefecture, region: 省{j} }}"
        );
    }
    s
}

fn main() {
    let text = generate(5 * 1024 * 1024);
    let mb = text.len() as f64 / (1024.0 * 1024.0);
    let mut times = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        let rules = RuleSet::from_sources(vec![("generated.dk".into(), text.clone())]);
        times.push(start.elapsed().as_secs_f64());
        assert!(
            rules.diagnostics().is_empty(),
            "{:?}",
            &rules.diagnostics()[..1]
        );
    }
    times.sort_by(f64::total_cmp);
    let median = times[1];
    println!(
        "parse+check {mb:.2} MB ({} rules): median {median:.3} s over 3 runs = {:.1} MB/s",
        text.matches("rule ").count(),
        mb / median
    );
}
