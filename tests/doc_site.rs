//! The structure of the site `duikou doc` writes: every page is well-formed HTML, every link and
//! script resolves inside the site (nothing from the network), ids are unique, norms read as
//! plain Chinese sentences, and the same rules give byte-identical sites.

use duikou::RuleSet;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

const VOID: &[&str] = &["meta", "link", "input", "br", "img", "hr"];

/// Checks that tags nest and close; returns the ids and the `href`/`src` targets of the page.
fn parse(name: &str, html: &str) -> (HashSet<String>, Vec<String>) {
    let mut stack: Vec<String> = Vec::new();
    let mut ids = HashSet::new();
    let mut targets = Vec::new();
    let mut rest = html
        .strip_prefix("<!DOCTYPE html>\n")
        .unwrap_or_else(|| panic!("{name}: no doctype"));
    while let Some(open) = rest.find('<') {
        let close = rest[open..]
            .find('>')
            .unwrap_or_else(|| panic!("{name}: unclosed tag"))
            + open;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if let Some(end) = tag.strip_prefix('/') {
            let top = stack
                .pop()
                .unwrap_or_else(|| panic!("{name}: stray </{end}>"));
            assert_eq!(top, end, "{name}: <{top}> closed by </{end}>");
            continue;
        }
        let tag_name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        for (attr, list) in [("id=\"", None), ("href=\"", Some(())), ("src=\"", Some(()))] {
            for part in tag.split(' ').filter_map(|p| p.strip_prefix(attr)) {
                let value = part.split('"').next().unwrap_or("").to_string();
                if list.is_some() {
                    targets.push(value.replace("&amp;", "&"));
                } else {
                    assert!(ids.insert(value.clone()), "{name}: id `{value}` twice");
                }
            }
        }
        if tag_name == "script" && !tag.contains("src=") {
            panic!("{name}: inline script");
        }
        if !VOID.contains(&tag_name.as_str()) {
            stack.push(tag_name);
        }
    }
    assert!(stack.is_empty(), "{name}: unclosed {stack:?}");
    (ids, targets)
}

fn shipped_site() -> Vec<(String, String)> {
    let rules = RuleSet::load(&[PathBuf::from("rules")]);
    assert!(!rules.has_errors());
    duikou::doc::build(&rules).files
}

#[test]
fn every_page_parses_and_every_link_resolves_inside_the_site() {
    let (pages, links) = check_site(&shipped_site());
    assert!(pages > 20 && links > 1000, "{pages} pages, {links} links");
    let site = shipped_site();
    assert!(site.iter().any(|(n, _)| n.starts_with("gap-")));
    assert!(site.iter().any(|(n, _)| n.starts_with("conflict-")));
}

/// The sites of the golden cases without errors: small, odd rule sets publish cleanly too.
#[test]
fn the_golden_cases_publish_cleanly() {
    let mut published = 0;
    for area in [
        "tests/cases/valid",
        "tests/cases/gaps",
        "tests/cases/conflicts",
    ] {
        let mut cases: Vec<PathBuf> = std::fs::read_dir(area)
            .expect("cases")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "dk"))
            .collect();
        cases.sort();
        for case in cases {
            let rules = RuleSet::load(std::slice::from_ref(&case));
            if rules.has_errors() {
                continue;
            }
            check_site(&duikou::doc::build(&rules).files);
            published += 1;
        }
    }
    assert!(published > 50, "{published} cases published");
}

/// Parses every page and resolves every link; returns the numbers of pages and links.
fn check_site(site: &[(String, String)]) -> (usize, usize) {
    let files: HashMap<&str, &str> = site.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let pages: HashMap<&str, (HashSet<String>, Vec<String>)> = site
        .iter()
        .filter(|(n, _)| n.ends_with(".html"))
        .map(|(n, t)| (n.as_str(), parse(n, t)))
        .collect();
    let mut links = 0;
    for (page, (_, targets)) in &pages {
        for t in targets {
            assert!(
                !t.contains("://") && !t.starts_with("//"),
                "{page}: leaves the site: {t}"
            );
            let (file, frag) = t.split_once('#').unwrap_or((t, ""));
            let file = if file.is_empty() { *page } else { file };
            assert!(files.contains_key(file), "{page}: broken link `{t}`");
            if !frag.is_empty() {
                let ids = &pages
                    .get(file)
                    .unwrap_or_else(|| panic!("{page}: `{t}` is no page"))
                    .0;
                assert!(ids.contains(frag), "{page}: no anchor `{t}`");
            }
            links += 1;
        }
    }
    for name in [
        "index.html",
        "declarations.html",
        "matrix.html",
        "findings.html",
        "search.html",
    ] {
        assert!(pages.contains_key(name), "no {name}");
    }
    (pages.len(), links)
}

#[test]
fn norms_read_as_plain_chinese_sentences_with_linked_names() {
    let site = shipped_site();
    let all: String = site.iter().map(|(_, t)| t.as_str()).collect();
    assert!(all.contains(
        "在支援类型为<a href=\"declarations.html#program-1\">援疆</a>的记录中，每一支援方、每一受援方、每一年度：民生项目的计划投资占比应当不低于 74%。"
    ), "the 民生投入 sentence");
    assert!(all.contains("允许实际支出高于 计划投资的110%，并且实际支出不高于 计划投资的130%"));
    assert!(all.contains("承担“<a href=\"declarations.html#function-1\">总体规划</a>”职能"));
    assert!(
        all.contains("实际支出不得高于 计划投资的110%"),
        "the 超支 sentence"
    );
    assert!(
        all.contains("实际支出合计与计划投资合计之比应当不低于 90%"),
        "a ratio"
    );
}

#[test]
fn the_index_lists_documents_programs_pairings_and_actors() {
    let site = shipped_site();
    let index = &site
        .iter()
        .find(|(n, _)| n == "index.html")
        .expect("index")
        .1;
    for heading in [
        "文件（按位阶与施行日期）",
        "支援类型",
        "结对关系（按支援类型与年度）",
        "主体（按所在地区）",
    ] {
        assert!(index.contains(heading), "index lacks {heading}");
    }
    // Laws before policy documents: the local regulation comes first.
    let reg = index.find("地方性法规").expect("a regulation");
    let policy = index.find("规范性文件").expect("a policy document");
    assert!(reg < policy);
}

#[test]
fn the_same_rules_give_the_same_site() {
    let a = shipped_site();
    let b = shipped_site();
    assert_eq!(a.len(), b.len());
    assert!(a == b, "the site differs between two builds");
}

#[test]
fn the_cli_writes_the_site_and_refuses_rules_with_errors() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("doc_cli");
    let _ = std::fs::remove_dir_all(&dir);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(["doc", "rules", "-o"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(dir.join("index.html").is_file() && dir.join("style.css").is_file());
    let bad = dir.join("bad.dk");
    std::fs::write(&bad, "actor 甲 { kind: government level: }").expect("written");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(["doc"])
        .arg(&bad)
        .args(["-o"])
        .arg(dir.join("bad-site"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fix them before publishing them"));
    assert!(!dir.join("bad-site").exists());
}
