//! The Chinese spelling of every property key, per declaration: the same word may stand for
//! different keys in different declarations (`目标` is a pairing's `goal` and an indicator's
//! `target`).

/// `(declaration, [(English key, Chinese key)])`; the declaration as [`PropReader`] names it.
///
/// [`PropReader`]: super::props::PropReader
pub const CHINESE_KEYS: &[(&str, &[(&str, &str)])] = &[
    (
        "an actor",
        &[
            ("kind", "类型"),
            ("level", "级别"),
            ("title", "标题"),
            ("region", "地区"),
            ("of", "隶属"),
            ("until", "截止"),
            ("aliases", "别名"),
            ("autonomous", "自治"),
        ],
    ),
    (
        "a program",
        &[("title", "标题"), ("since", "起始"), ("until", "截止")],
    ),
    (
        "a function",
        &[
            ("title", "标题"),
            ("scope", "范围"),
            ("side", "方面"),
            ("holder", "承担机构"),
        ],
    ),
    (
        "a document",
        &[
            ("title", "标题"),
            ("level", "级别"),
            ("issuer", "制定机关"),
            ("region", "地区"),
            ("effective", "生效"),
            ("expires", "失效"),
            ("replaces", "废止"),
            ("approved_by", "批准机关"),
            ("varies", "变通"),
            ("for_autonomous_areas", "自治地方专用"),
        ],
    ),
    ("an article", &[("for_autonomous_areas", "自治地方专用")]),
    (
        "a pair",
        &[
            ("scope", "范围"),
            ("goal", "目标"),
            ("tasks", "任务"),
            ("mode", "方式"),
            ("responsible", "责任"),
        ],
    ),
    (
        "an indicator",
        &[
            ("kind", "类型"),
            ("weight", "权重"),
            ("target", "目标"),
            ("value", "取值"),
        ],
    ),
];

/// The keys of the declaration `what`, English and Chinese.
pub fn keys_of(what: &str) -> &'static [(&'static str, &'static str)] {
    CHINESE_KEYS
        .iter()
        .find(|(w, _)| *w == what)
        .map_or(&[], |(_, keys)| keys)
}

/// The English key a key written in Chinese stands for in the declaration `what`.
pub fn english_key(what: &str, written: &str) -> Option<&'static str> {
    keys_of(what)
        .iter()
        .find(|(_, zh)| *zh == written)
        .map(|(en, _)| *en)
}

/// The Chinese key for an English one in the declaration `what`.
pub fn chinese_key(what: &str, english: &str) -> Option<&'static str> {
    keys_of(what)
        .iter()
        .find(|(en, _)| *en == english)
        .map(|(_, zh)| *zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_word_stands_for_the_key_of_its_declaration() {
        assert_eq!(english_key("a pair", "目标"), Some("goal"));
        assert_eq!(english_key("an indicator", "目标"), Some("target"));
        assert_eq!(english_key("an actor", "目标"), None);
    }

    #[test]
    fn no_declaration_spells_two_keys_alike() {
        for (what, keys) in CHINESE_KEYS {
            for (i, (en, zh)) in keys.iter().enumerate() {
                assert!(
                    keys[i + 1..].iter().all(|(e, z)| e != en && z != zh),
                    "{what}: `{en}`/`{zh}` twice"
                );
            }
        }
    }
}
