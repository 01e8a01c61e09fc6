//! The keywords of both dialects, for completion and semantic tokens.

/// Every keyword as `(English, 中文)`, as the grammar accepts them (SPEC §3).
pub const KEYWORDS: &[(&str, &str)] = &[
    ("actor", "主体"),
    ("program", "支援类型"),
    ("record", "记录"),
    ("function", "职能"),
    ("document", "文件"),
    ("article", "条"),
    ("pair", "结对"),
    ("in", "属于"),
    ("from", "自"),
    ("to", "至"),
    ("duty", "职责"),
    ("holds", "承担"),
    ("for", "针对"),
    ("lead", "牵头"),
    ("support", "配合"),
    ("rule", "规则"),
    ("over", "范围"),
    ("where", "条件"),
    ("per", "按"),
    ("require", "要求"),
    ("forbid", "禁止"),
    ("permit", "允许"),
    ("unless", "除非"),
    ("severity", "级别"),
    ("message", "提示"),
    ("evaluation", "考评"),
    ("indicator", "指标"),
    ("weight", "权重"),
    ("target", "目标"),
    ("evaluators", "评价主体"),
    ("grade", "等次"),
    ("test", "测试"),
    ("data", "数据"),
    ("expect", "预期"),
    ("violation", "违规"),
    ("score", "得分"),
    ("no", "无"),
    ("and", "且"),
    ("or", "或"),
    ("not", "非"),
    ("as", "作为"),
    ("within", "隶属于"),
    ("if", "如果"),
    ("then", "则"),
    ("else", "否则"),
    ("true", "真"),
    ("false", "假"),
    ("national", "全国"),
];

/// Whether a word is a keyword in either dialect.
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().any(|(en, zh)| *en == word || *zh == word)
}

/// The keyword with the same meaning in the other dialect, if `word` is one.
pub fn english_of(word: &str) -> Option<&'static str> {
    KEYWORDS
        .iter()
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

impl Dialect {
    /// The dialect most keywords of `text` are written in; English when there are none.
    pub fn of(text: &str) -> Dialect {
        let (mut en, mut zh) = (0usize, 0usize);
        for word in crate::lsp::lexer::words(text) {
            if let Some(k) = KEYWORDS.iter().find(|(e, z)| *e == word || *z == word) {
                if k.0 == word {
                    en += 1;
                } else {
                    zh += 1;
                }
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
        let pair = KEYWORDS
            .iter()
            .find(|(en, _)| *en == english)
            .unwrap_or_else(|| unreachable!("`{english}` is a keyword"));
        match self {
            Dialect::English => pair.0,
            Dialect::Chinese => pair.1,
        }
    }
}
