//! Structured rule text: a valid rule file with tokens of the grammar spliced in, so the
//! fuzzer explores near-valid files (which reach the type checker and the analyses) rather
//! than mostly syntax errors.

/// Tokens of the grammar: keywords of both dialects, operators and punctuation (also
/// full-width), literals with units and at the limits of the decimal type.
pub const TOKENS: &[&str] = &[
    "actor",
    "主体",
    "program",
    "支援类型",
    "record",
    "记录",
    "function",
    "职能",
    "document",
    "文件",
    "article",
    "条",
    "pair",
    "结对",
    "in",
    "属于",
    "from",
    "自",
    "to",
    "至",
    "duty",
    "职责",
    "holds",
    "承担",
    "for",
    "针对",
    "lead",
    "牵头",
    "support",
    "配合",
    "rule",
    "规则",
    "over",
    "范围",
    "where",
    "条件",
    "per",
    "按",
    "require",
    "要求",
    "forbid",
    "禁止",
    "permit",
    "允许",
    "unless",
    "除非",
    "severity",
    "级别",
    "message",
    "提示",
    "evaluation",
    "考评",
    "indicator",
    "指标",
    "weight",
    "权重",
    "target",
    "目标",
    "evaluators",
    "评价主体",
    "grade",
    "等次",
    "test",
    "测试",
    "data",
    "数据",
    "expect",
    "预期",
    "violation",
    "违规",
    "score",
    "得分",
    "no",
    "无",
    "and",
    "且",
    "or",
    "或",
    "not",
    "非",
    "as",
    "作为",
    "within",
    "隶属于",
    "if",
    "如果",
    "then",
    "则",
    "else",
    "否则",
    "true",
    "真",
    "false",
    "假",
    "national",
    "全国",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ":",
    ",",
    ";",
    "：",
    "，",
    "；",
    "（",
    "）",
    "【",
    "】",
    "＝",
    "＜",
    "＞",
    "！",
    "->",
    "+",
    "-",
    "*",
    "/",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "&&",
    "||",
    "!",
    ".",
    "0",
    "1",
    "-1",
    "42",
    "3.14",
    "74%",
    "12.5%",
    "0%",
    "100元",
    "50万元",
    "475.42亿元",
    "2017-12-31",
    "2010",
    "9999",
    "\"文本\"",
    "\"{value}\"",
    "`新疆生产建设兵团第二师`",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "0.0000000000000000000000000001",
    "792281625142643375935439504",
    "79228162514264337593543950335%",
    "79228162514264337593543950335亿元",
    "sum(",
    "count()",
    "avg(",
    "min(",
    "max(",
    "distinct(",
    "rated(",
    "paired(",
    "kind:",
    "level:",
    "weight: 100%",
    "target: >=",
    "target: <=",
    "key",
    "time",
    "text",
    "int",
    "decimal",
    "percent",
    "money(万元)",
    "year",
    "date",
    "bool",
    "text?",
    "//",
    "/*",
    "*/",
    "\n",
    "河北省",
    "巴州",
    "援疆",
    "project",
    "planned",
    "spent",
    "supporter",
    "recipient",
];

/// Up to this many edits per input.
const MAX_EDITS: usize = 64;

/// `base` edited by `data`, three bytes per edit: two for the place (scaled to the text and
/// moved to a character boundary) and one for the token; a token byte with its high bit set
/// deletes as many characters as the token has instead of inserting it.
pub fn splice(base: &str, data: &[u8]) -> String {
    let mut text = base.to_string();
    for edit in data.chunks_exact(3).take(MAX_EDITS) {
        let place = usize::from(u16::from_be_bytes([edit[0], edit[1]]));
        let mut at = place * (text.len() + 1) / 65_536;
        while !text.is_char_boundary(at) {
            at += 1;
        }
        let token = TOKENS[usize::from(edit[2] & 0x7f) % TOKENS.len()];
        if edit[2] & 0x80 == 0 {
            text.insert_str(at, &format!(" {token} "));
        } else {
            let end = text[at..]
                .char_indices()
                .nth(token.chars().count())
                .map_or(text.len(), |(i, _)| at + i);
            text.replace_range(at..end, "");
        }
    }
    text
}

/// `base` (a valid rule file) with `data`'s edits spliced in, examined as rule text.
pub fn rules_structured(base: &str, data: &[u8]) {
    super::rules_text(splice(base, data).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_and_deletes_at_character_boundaries() {
        assert_eq!(splice("河北", &[0, 0, 0]), " actor 河北");
        assert_eq!(splice("河北", &[255, 255, 0]), "河北 actor ");
        // Delete as many characters as `actor` has (5): the whole text.
        assert_eq!(splice("河北", &[0, 0, 0x80]), "");
        // The middle of `河` moves to the next boundary.
        assert_eq!(splice("河北", &[0x80, 0, 1]), "河 主体 北");
        assert_eq!(splice("x", &[1, 2]), "x", "a partial edit is ignored");
    }
}
