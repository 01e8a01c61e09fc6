//! Semantic tokens: keywords, strings, numbers with units, comments, and each name coloured
//! by what it is declared as.

use super::analysis::At;
use super::index::Target;
use super::keywords;
use super::lexer::{self, TokenKind};
use crate::symbols::DeclKind;
use lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
    SemanticTokensResult,
};

/// The token types, in legend order.
const TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::KEYWORD,
    SemanticTokenType::STRING,
    SemanticTokenType::NUMBER,
    SemanticTokenType::COMMENT,
    SemanticTokenType::CLASS,     // actor
    SemanticTokenType::ENUM,      // program
    SemanticTokenType::INTERFACE, // function
    SemanticTokenType::STRUCT,    // record
    SemanticTokenType::PROPERTY,  // field
    SemanticTokenType::NAMESPACE, // document
    SemanticTokenType::EVENT,     // rule, evaluation
    SemanticTokenType::OPERATOR,
];

/// The legend the client decodes tokens with.
pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: vec![SemanticTokenModifier::DECLARATION],
    }
}

fn type_index(t: &SemanticTokenType) -> u32 {
    TYPES
        .iter()
        .position(|x| x == t)
        .unwrap_or_else(|| unreachable!("token type in the legend")) as u32
}

fn of_target(target: &Target) -> SemanticTokenType {
    match target {
        Target::Decl(DeclKind::Actor, _) => SemanticTokenType::CLASS,
        Target::Decl(DeclKind::Program, _) => SemanticTokenType::ENUM,
        Target::Decl(DeclKind::Function, _) => SemanticTokenType::INTERFACE,
        Target::Decl(DeclKind::Record, _) => SemanticTokenType::STRUCT,
        Target::Decl(DeclKind::Document, _) => SemanticTokenType::NAMESPACE,
        Target::Decl(DeclKind::Rule | DeclKind::Evaluation, _) => SemanticTokenType::EVENT,
        Target::Field { .. } => SemanticTokenType::PROPERTY,
    }
}

/// The tokens of one file, encoded relative to each other as the protocol says.
pub fn tokens(at: &At<'_>) -> SemanticTokensResult {
    let text = at.index.text();
    let mut abs: Vec<(u32, u32, u32, u32, u32)> = Vec::new(); // line, col, len, type, mods
    for t in lexer::tokens(text) {
        let word = &text[t.start..t.end];
        let (ty, mods) = match t.kind {
            TokenKind::Comment => (SemanticTokenType::COMMENT, 0),
            TokenKind::String => (SemanticTokenType::STRING, 0),
            TokenKind::Number => (SemanticTokenType::NUMBER, 0),
            TokenKind::Punct if word == "->" || word == "-" && text[t.end..].starts_with('>') => {
                (SemanticTokenType::OPERATOR, 0)
            }
            TokenKind::Punct => continue,
            TokenKind::Word | TokenKind::Quoted => {
                let offset = t.start.saturating_sub(at.index.text_offset(0));
                match at.analysis.index.at(at.file, offset) {
                    Some(occ) if occ.span.start as usize == offset => {
                        (of_target(&occ.target), u32::from(occ.declaration))
                    }
                    _ if t.kind == TokenKind::Word && keywords::is_keyword(word) => {
                        (SemanticTokenType::KEYWORD, 0)
                    }
                    _ => continue,
                }
            }
        };
        // A token never spans lines in the protocol: a block comment is sent line by line.
        let mut start = t.start;
        for piece in word.split('\n') {
            let pos = at.index.position(start);
            let len: usize = piece.chars().map(char::len_utf16).sum();
            if len > 0 {
                abs.push((pos.line, pos.character, len as u32, type_index(&ty), mods));
            }
            start += piece.len() + 1;
        }
    }
    let mut data = Vec::with_capacity(abs.len());
    let (mut line, mut col) = (0, 0);
    for (l, c, len, ty, mods) in abs {
        let delta_start = if l == line { c - col } else { c };
        data.push(SemanticToken {
            delta_line: l - line,
            delta_start,
            length: len,
            token_type: ty,
            token_modifiers_bitset: mods,
        });
        line = l;
        col = c;
    }
    SemanticTokensResult::Tokens(SemanticTokens {
        result_id: None,
        data,
    })
}
