//! The keyword dialects: every keyword in English and in Chinese, and the property keys that
//! have a Chinese form.

/// Which form `duikou fmt` writes keywords in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// Each keyword as it was written.
    #[default]
    Keep,
    /// English keywords (`actor`, `rule`, …).
    En,
    /// Chinese keywords (`主体`, `规则`, …).
    Zh,
}

/// Every keyword as `(English, Chinese)` (SPEC §3), with the words of `expect gap` and
/// `expect conflict`.
pub(crate) const KEYWORDS: &[(&str, &str)] = &[
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
    ("at", "于"),
    ("not", "非"),
    ("as", "作为"),
    ("within", "隶属于"),
    ("if", "如果"),
    ("then", "则"),
    ("else", "否则"),
    ("true", "真"),
    ("false", "假"),
    ("national", "全国"),
    ("rank", "排名"),
    ("gap", "缺口"),
    ("conflict", "冲突"),
];

/// Words that are keywords only where they stand (`cumulative sum(…)`, `period(year, …)` in
/// `per`), so a field may still be called `period`.
pub(crate) const CONTEXTUAL: &[(&str, &str)] = &[
    ("cumulative", "累计"),
    ("period", "期间"),
    ("period", "规划期"),
];

/// Property keys with a Chinese form, as `(English, Chinese)`; only an indicator's keys have
/// one (a record field may be called `weight`, so keys elsewhere are names).
pub(crate) const INDICATOR_KEYS: &[(&str, &str)] = &[("weight", "权重"), ("target", "目标")];

impl Dialect {
    /// The keyword `word` (in either language) written in this dialect.
    pub fn keyword(self, word: &str) -> &str {
        match CONTEXTUAL.iter().any(|(en, zh)| *en == word || *zh == word) {
            true => translate(CONTEXTUAL, self, word),
            false => translate(KEYWORDS, self, word),
        }
    }

    /// The key of an indicator's property written in this dialect.
    pub fn indicator_key(self, key: &str) -> &str {
        translate(INDICATOR_KEYS, self, key)
    }
}

fn translate<'a>(table: &[(&'static str, &'static str)], d: Dialect, word: &'a str) -> &'a str {
    let Some(&(en, zh)) = table.iter().find(|(en, zh)| *en == word || *zh == word) else {
        return word;
    };
    match d {
        Dialect::Keep => word,
        Dialect::En => en,
        Dialect::Zh => zh,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_translate_both_ways_and_keep_leaves_them() {
        assert_eq!(Dialect::Zh.keyword("actor"), "主体");
        assert_eq!(Dialect::En.keyword("评价主体"), "evaluators");
        assert_eq!(Dialect::Keep.keyword("规则"), "规则");
        assert_eq!(Dialect::Zh.indicator_key("weight"), "权重");
        assert_eq!(Dialect::Zh.indicator_key("value"), "value");
    }
}
