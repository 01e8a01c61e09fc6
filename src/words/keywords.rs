//! The keywords of both dialects, for completion and semantic tokens.

/// Every keyword as `(English, 中文)`, as the grammar accepts them (SPEC §3): the formatter's
/// table, with an indicator's keys.
pub fn all() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    crate::fmt::dialect::KEYWORDS
        .iter()
        .chain(crate::fmt::dialect::INDICATOR_KEYS)
        .chain(crate::fmt::dialect::CONTEXTUAL)
}

/// Whether a word is a keyword in either dialect.
pub fn is_keyword(word: &str) -> bool {
    all().any(|(en, zh)| *en == word || *zh == word)
}

/// The keyword with the same meaning in the other dialect, if `word` is one.
pub fn english_of(word: &str) -> Option<&'static str> {
    all()
        .find(|(en, zh)| *en == word || *zh == word)
        .map(|(en, _)| *en)
}

/// The functions of expressions: aggregates and `paired`.
pub const FUNCTIONS: &[&str] = &[
    "count", "sum", "avg", "min", "max", "distinct", "paired", "rated",
];

/// The dialect a file is written in: which language its keywords are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    English,
    Chinese,
}

/// Each keyword's dialect, looked up once per word of a file (a file of megabytes has hundreds
/// of thousands of words). The first pair a word belongs to decides, as in a search of [`all`].
fn dialect_of_keyword() -> &'static rustc_hash::FxHashMap<&'static str, Dialect> {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, Dialect>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = rustc_hash::FxHashMap::default();
        for (en, zh) in all() {
            table.entry(*en).or_insert(Dialect::English);
            table.entry(*zh).or_insert(Dialect::Chinese);
        }
        table
    })
}

impl Dialect {
    /// The dialect most keywords of `text` are written in; English when there are none.
    pub fn of(text: &str) -> Dialect {
        let dialects = dialect_of_keyword();
        let (mut en, mut zh) = (0usize, 0usize);
        for word in super::lexer::words(text) {
            match dialects.get(word) {
                Some(Dialect::English) => en += 1,
                Some(Dialect::Chinese) => zh += 1,
                None => {}
            }
        }
        if zh > en {
            Dialect::Chinese
        } else {
            Dialect::English
        }
    }

    /// A keyword in this dialect.
    pub fn keyword(self, english: &str) -> &'static str {
        let pair = all()
            .find(|(en, _)| *en == english)
            .unwrap_or_else(|| unreachable!("`{english}` is a keyword"));
        match self {
            Dialect::English => pair.0,
            Dialect::Chinese => pair.1,
        }
    }
}
