//! The library's modules form layers: no two top-level modules, and no two submodules of one
//! parent, depend on each other in a cycle. Dependencies are read from the `crate::…`,
//! `super::…` and `self::…` paths of each file (test modules left out), with re-exports of a
//! parent module followed to the module that defines the item.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type ModPath = Vec<String>;

/// Every library source file's module path and its text without comments and test modules.
fn library_files() -> Vec<(ModPath, String)> {
    let mut files = Vec::new();
    collect(Path::new("src"), &mut Vec::new(), &mut files);
    let tests = test_files(&files);
    files.retain(|(module, _)| !tests.contains(module));
    files
}

/// The files included only as test modules: `#[cfg(test)] #[path = "x.rs"] mod tests;`.
fn test_files(files: &[(ModPath, String)]) -> BTreeSet<ModPath> {
    let mut tests = BTreeSet::new();
    for (module, text) in files {
        let raw = std::fs::read_to_string(source_of(module, files)).unwrap_or_default();
        let _ = text;
        for (at, _) in raw.match_indices("#[cfg(test)]") {
            let item = &raw[at..];
            let item = &item[..item.find(['{', ';']).unwrap_or(item.len())];
            if let Some(path) = item.split("#[path = \"").nth(1) {
                let stem = path.split(".rs").next().unwrap_or_default();
                let mut test = module[..module.len().saturating_sub(1)].to_vec();
                test.push(stem.to_string());
                tests.insert(test);
            }
        }
    }
    tests
}

/// The file a module was read from.
fn source_of(module: &ModPath, files: &[(ModPath, String)]) -> std::path::PathBuf {
    let dir = Path::new("src").join(module.join("/"));
    let is_dir = files
        .iter()
        .any(|(m, _)| m.len() > module.len() && m.starts_with(module));
    if module.is_empty() {
        Path::new("src/lib.rs").to_path_buf()
    } else if is_dir && dir.join("mod.rs").exists() {
        dir.join("mod.rs")
    } else {
        dir.with_extension("rs")
    }
}

fn collect(dir: &Path, prefix: &mut ModPath, out: &mut Vec<(ModPath, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            if prefix.is_empty() && name == "cli" {
                continue; // the command line is the binary crate, not the library
            }
            prefix.push(name);
            collect(&path, prefix, out);
            prefix.pop();
        } else if path.extension().is_some_and(|e| e == "rs") {
            if prefix.is_empty() && name == "main" {
                continue;
            }
            let mut module = prefix.clone();
            if name != "mod" && name != "lib" {
                module.push(name);
            }
            let text = std::fs::read_to_string(&path).expect("source is readable");
            out.push((module, without_tests(&strip_comments(&text))));
        }
    }
}

/// The text with `//` and `/* */` comments and the contents of string literals blanked.
fn strip_comments(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else if c == '\'' && next.is_some() && chars.get(i + 2) == Some(&'\'') {
            out.push_str("' '");
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The text without `#[cfg(test)]` items (a brace-delimited module or function).
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let Some(open) = after.find(['{', ';']) else {
            rest = "";
            break;
        };
        if after.as_bytes()[open] == b';' {
            rest = &after[open + 1..];
            continue;
        }
        let mut depth = 0;
        let mut end = after.len();
        for (i, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The paths a text names after each `crate::`, `super::` or `self::`, with `use` groups
/// expanded; each path is given with the keyword it started from.
fn named_paths(text: &str) -> Vec<(String, Vec<String>)> {
    let mut paths = Vec::new();
    let bytes = text.as_bytes();
    for keyword in ["crate", "super", "self"] {
        let mut from = 0;
        while let Some(found) = text[from..].find(keyword) {
            let at = from + found;
            from = at + keyword.len();
            let before = at.checked_sub(1).map(|i| bytes[i]);
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b':') {
                continue;
            }
            if !text[from..].starts_with("::") {
                continue;
            }
            let mut tree = Vec::new();
            let mut pos = from + 2;
            parse_tree(text, &mut pos, &mut Vec::new(), &mut tree);
            for path in tree {
                paths.push((keyword.to_string(), path));
            }
        }
    }
    paths
}

/// Parses a use tree (`a::b`, `a::{b, c::d}`, `super::x`) at `pos`, pushing each full path.
fn parse_tree(text: &str, pos: &mut usize, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    skip_space(text, pos);
    if text[*pos..].starts_with('{') {
        *pos += 1;
        loop {
            skip_space(text, pos);
            if text[*pos..].starts_with('}') || *pos >= text.len() {
                *pos += 1;
                break;
            }
            let depth = prefix.len();
            parse_tree(text, pos, prefix, out);
            prefix.truncate(depth);
            skip_space(text, pos);
            if text[*pos..].starts_with(',') {
                *pos += 1;
            }
        }
        return;
    }
    let start = *pos;
    while *pos < text.len() {
        let c = text[*pos..].chars().next().unwrap();
        if c.is_alphanumeric() || c == '_' || c == '*' {
            *pos += c.len_utf8();
        } else {
            break;
        }
    }
    if *pos == start {
        out.push(prefix.clone());
        return;
    }
    prefix.push(text[start..*pos].to_string());
    if text[*pos..].starts_with("::") {
        *pos += 2;
        parse_tree(text, pos, prefix, out);
    } else {
        out.push(prefix.clone());
    }
}

fn skip_space(text: &str, pos: &mut usize) {
    while *pos < text.len() && text.as_bytes()[*pos].is_ascii_whitespace() {
        *pos += 1;
    }
}

/// A path made absolute: `super` and `self` taken from the file's module (`is_mod_file`
/// tells whether the file is a `mod.rs`/`lib.rs`, whose `self` is its own directory).
fn absolute(module: &ModPath, keyword: &str, path: &[String]) -> ModPath {
    let mut base = match keyword {
        "crate" => Vec::new(),
        "self" => module.clone(),
        _ => module[..module.len().saturating_sub(1)].to_vec(),
    };
    let mut rest = path;
    while rest.first().is_some_and(|s| s == "super") {
        base.pop();
        rest = &rest[1..];
    }
    base.extend(rest.iter().cloned());
    base
}

struct Graph {
    modules: BTreeSet<ModPath>,
    /// The names each module brings in with `use` (visible to its children, and re-exported
    /// when public): item name to the path it stands for.
    reexports: BTreeMap<ModPath, BTreeMap<String, ModPath>>,
}

impl Graph {
    fn new(files: &[(ModPath, String)]) -> Self {
        let modules = files.iter().map(|(m, _)| m.clone()).collect();
        let mut reexports: BTreeMap<ModPath, BTreeMap<String, ModPath>> = BTreeMap::new();
        for (module, text) in files {
            for statement in text.split(';') {
                let trimmed = statement.trim_start();
                let Some(used) = ["pub use ", "pub(crate) use ", "pub(super) use ", "use "]
                    .iter()
                    .find_map(|p| trimmed.strip_prefix(p))
                else {
                    continue;
                };
                let used = used.trim();
                let (keyword, body) = match used.split_once("::") {
                    Some((k, b)) if ["crate", "super", "self"].contains(&k) => (k, b),
                    _ => ("self", used),
                };
                let mut tree = Vec::new();
                let mut pos = 0;
                parse_tree(body, &mut pos, &mut Vec::new(), &mut tree);
                for path in tree {
                    let Some(name) = path.last() else { continue };
                    let target = absolute(&with_self(module), keyword, &path);
                    reexports
                        .entry(module.clone())
                        .or_default()
                        .insert(name.clone(), target);
                }
            }
        }
        Self { modules, reexports }
    }

    /// The module that defines what a path names: its longest prefix that is a module, with a
    /// re-exported item followed to its source.
    fn defining_module(&self, path: &ModPath, hops: usize) -> ModPath {
        let mut module = Vec::new();
        for (i, segment) in path.iter().enumerate() {
            let mut longer = module.clone();
            longer.push(segment.clone());
            if self.modules.contains(&longer) {
                module = longer;
                continue;
            }
            if hops < 8
                && let Some(target) = self.reexports.get(&module).and_then(|r| r.get(segment))
            {
                let mut followed = target.clone();
                followed.extend(path[i + 1..].iter().cloned());
                if &followed != path {
                    return self.defining_module(&followed, hops + 1);
                }
            }
            break;
        }
        module
    }
}

/// The module path that `self::`/`super::` start from inside a file: a `mod.rs` file is its
/// directory's module, so its `super` is the directory's parent. Files are recorded by their
/// module path already, so this is the identity; kept for clarity at the call site.
fn with_self(module: &ModPath) -> ModPath {
    module.clone()
}

/// Edges between siblings: for each dependency of a file in module `a` on module `b`, the
/// edge between the children of their common ancestor that lead to `a` and `b`.
fn sibling_edges() -> (Edges, BTreeMap<(ModPath, String, String), String>) {
    let files = library_files();
    let graph = Graph::new(&files);
    let mut edges = Edges::new();
    let mut examples = BTreeMap::new();
    for (module, text) in &files {
        for (keyword, path) in named_paths(text) {
            let target = graph.defining_module(&absolute(module, &keyword, &path), 0);
            let common = module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if common < module.len() && common < target.len() {
                edges
                    .entry(module[..common].to_vec())
                    .or_default()
                    .entry(module[common].clone())
                    .or_default()
                    .insert(target[common].clone());
                examples
                    .entry((
                        module[..common].to_vec(),
                        module[common].clone(),
                        target[common].clone(),
                    ))
                    .or_insert_with(|| {
                        format!("{} uses {keyword}::{}", module.join("::"), path.join("::"))
                    });
            }
        }
    }
    (edges, examples)
}

type Edges = BTreeMap<ModPath, BTreeMap<String, BTreeSet<String>>>;

/// Each cycle among one parent's children, as the modules of a strongly connected component.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let nodes: BTreeSet<&String> = edges.keys().chain(edges.values().flatten()).collect();
    let reaches = |from: &String| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(node) = stack.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&String, BTreeSet<String>> =
        nodes.iter().map(|n| (*n, reaches(n))).collect();
    let mut found: Vec<Vec<String>> = Vec::new();
    for node in &nodes {
        if !reach[node].contains(*node) || found.iter().any(|c| c.contains(node)) {
            continue;
        }
        let component = nodes
            .iter()
            .filter(|other| reach[node].contains(**other) && reach[*other].contains(*node))
            .map(|n| (*n).clone())
            .collect();
        found.push(component);
    }
    found
}

#[test]
fn no_module_depends_on_a_module_that_depends_on_it() {
    let mut problems = Vec::new();
    let (all_edges, examples) = sibling_edges();
    for (parent, edges) in all_edges {
        for component in cycles(&edges) {
            let example =
                |a: &String, b: &String| examples[&(parent.clone(), a.clone(), b.clone())].clone();
            let parent = if parent.is_empty() {
                "crate".to_string()
            } else {
                parent.join("::")
            };
            let links: Vec<String> = component
                .iter()
                .flat_map(|a| {
                    edges[a]
                        .iter()
                        .filter(|b| component.contains(b))
                        .map(|b| format!("{a} -> {b} ({})", example(a, b)))
                        .collect::<Vec<_>>()
                })
                .collect();
            problems.push(format!("in `{parent}`:\n  {}", links.join("\n  ")));
        }
    }
    assert!(
        problems.is_empty(),
        "module cycles:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_reader_sees_the_paths_a_file_uses() {
    let text = "use crate::{ast::{Expr, Span}, engine::Plan};\nuse super::groups::Table;\n\
                fn f() { crate::score::run(); self::x::y(); }";
    let paths: BTreeSet<String> = named_paths(text)
        .into_iter()
        .map(|(k, p)| format!("{k}::{}", p.join("::")))
        .collect();
    let expected: BTreeSet<String> = [
        "crate::ast::Expr",
        "crate::ast::Span",
        "crate::engine::Plan",
        "crate::score::run",
        "super::groups::Table",
        "self::x::y",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(paths, expected);
    let stripped = without_tests("a\n#[cfg(test)]\nmod tests { use crate::x::{y}; fn f() {} }\nb");
    assert_eq!(stripped, "a\n\nb");
}

#[test]
fn a_known_cycle_is_found() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    edges.entry("a".into()).or_default().insert("b".into());
    edges.entry("b".into()).or_default().insert("c".into());
    edges.entry("c".into()).or_default().insert("a".into());
    edges.entry("c".into()).or_default().insert("d".into());
    assert_eq!(
        cycles(&edges),
        vec![vec!["a".to_string(), "b".into(), "c".into()]]
    );
}
