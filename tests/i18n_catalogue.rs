//! The message catalogue is complete: every key exists in English and in Chinese with the same
//! values, every key the code uses exists, and every file of `locales/` is embedded.

use duikou::Lang;
use duikou::i18n::{FILES_EN, FILES_ZH, text_in};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// `key -> the $names it uses`, for one language's files.
fn messages(files: &[(&str, &str)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for (_, text) in files {
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(' ') {
                let (key, _) = line
                    .split_once(" =")
                    .expect("a message line is `key = text`");
                assert!(
                    out.insert(key.to_string(), BTreeSet::new()).is_none(),
                    "key `{key}` appears twice"
                );
                current = Some(key.to_string());
            }
            let key = current.as_ref().expect("a continuation follows a key");
            let vars = out.get_mut(key).expect("inserted above");
            for part in line.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                vars.insert(name);
            }
        }
    }
    out
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_values() {
    let en = messages(FILES_EN);
    let zh = messages(FILES_ZH);
    let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "missing in zh-CN: {only_en:?}");
    assert!(only_zh.is_empty(), "missing in en: {only_zh:?}");
    // A translation may leave out a value the other language needs for its grammar (English
    // `has`/`have`), but never uses one that is not given.
    for (key, vars) in &en {
        assert!(
            zh[key].is_subset(vars),
            "`{key}` uses values in zh-CN that English does not give: {:?}",
            zh[key].difference(vars).collect::<Vec<_>>()
        );
    }
    assert!(en.len() > 300, "the catalogue holds {} messages", en.len());
}

#[test]
fn every_message_renders_in_both_languages() {
    for (key, _) in messages(FILES_EN) {
        for lang in Lang::ALL {
            let text = text_in(lang, &key, &[]);
            assert_ne!(text, key, "`{key}` does not render in {}", lang.tag());
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source directory is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_key_used_in_code_exists() {
    let en = messages(FILES_EN);
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut used = 0;
    let mut missing = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source is UTF-8");
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (at, _) in line.match_indices("tr!(\"") {
                // `tr!`, `crate::tr!` and `duikou::tr!`, not `include_str!`.
                if line[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &line[at + "tr!(\"".len()..];
                let key = rest.split('"').next().unwrap_or_default();
                used += 1;
                if !en.contains_key(key) {
                    missing.push(format!("{}: {key}", file.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys used but not in the catalogue: {missing:#?}"
    );
    assert!(used > 300, "only {used} uses of `tr!` found");
}

#[test]
fn every_catalogue_file_is_embedded_in_both_languages() {
    for (dir, files) in [("en", FILES_EN), ("zh-CN", FILES_ZH)] {
        let on_disk: BTreeSet<String> = std::fs::read_dir(format!("src/i18n/locales/{dir}"))
            .expect("locale directory exists")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        let embedded: BTreeSet<String> = files.iter().map(|(a, _)| format!("{a}.ftl")).collect();
        assert_eq!(on_disk, embedded, "files of locales/{dir}");
    }
}

#[test]
fn plurals_follow_each_language() {
    use duikou::i18n::Arg;
    let one = text_in(Lang::En, "noun-error", &[("n", Arg::Number(1))]);
    let two = text_in(Lang::En, "noun-error", &[("n", Arg::Number(2))]);
    assert_eq!((one.as_str(), two.as_str()), ("1 error", "2 errors"));
    assert_eq!(
        text_in(Lang::Zh, "noun-error", &[("n", Arg::Number(2))]),
        "2 个错误"
    );
}
