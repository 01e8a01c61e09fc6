//! Recovery from syntax errors: the file is cut into its top-level declarations, and a document
//! into its articles; each piece is parsed on its own, a piece that fails is reported and
//! blanked, and the rest of the file is parsed and checked as if the piece were not there.
//! Blanking keeps every byte offset, so spans need no translation.

use super::parser::{self, DkParser, Rule};
use super::pieces::{self, Lost, Token};
use crate::diagnostic::Diagnostic;
use crate::source::FileId;
use pest::Parser;
use pest::error::InputLocation;
use std::ops::Range;

/// The outcome of recovery: the file with its broken pieces blanked, the syntax errors found
/// (one per broken piece) and what the broken pieces declared.
pub struct Recovered {
    pub masked: String,
    pub errors: Vec<Diagnostic>,
    pub lost: Lost,
}

/// Each broken article costs a parse of its whole document: past this many, the rest of the
/// document is given up at once, which keeps recovery linear in the size of the file.
const MAX_BROKEN_ARTICLES: usize = 32;

struct Recovery<'t> {
    file: FileId,
    text: &'t str,
    tokens: Vec<Token<'t>>,
    masked: String,
    /// Where the pre-scan found a problem that spoils the piece around it.
    problems: Vec<usize>,
    errors: Vec<Diagnostic>,
    lost: Lost,
}

/// Parses the pieces of `text` one by one. `problems` are the offsets of problems the pre-scan
/// reported (Chinese quotation marks): the pieces holding them are blanked without a second
/// report.
pub fn recover(file: FileId, text: &str, problems: Vec<usize>) -> Recovered {
    let tokens = pieces::tokens(text);
    let mut r = Recovery {
        file,
        text,
        masked: text.to_string(),
        tokens,
        problems,
        errors: Vec::new(),
        lost: Lost::default(),
    };
    let whole = 0..text.len();
    let starts = pieces::declaration_starts(&r.tokens, whole.clone(), false);
    for piece in pieces::cut(whole, &starts) {
        r.piece(piece, true);
    }
    Recovered {
        masked: r.masked,
        errors: r.errors,
        lost: r.lost,
    }
}

impl Recovery<'_> {
    fn piece(&mut self, range: Range<usize>, may_split: bool) {
        let is_document = pieces::is_document(&self.tokens, &range);
        if self.holds_problem(&range) && !is_document {
            self.blank(range);
            return;
        }
        if !self.holds_problem(&range) && self.parse(&range).is_ok() {
            return;
        }
        if may_split {
            let starts = pieces::declaration_starts(&self.tokens, range.clone(), true);
            let parts = pieces::cut(range.clone(), &starts);
            if parts.len() > 1 {
                for part in parts {
                    self.piece(part, false);
                }
                return;
            }
        }
        if is_document {
            self.document(range);
        } else {
            self.report(&range);
            self.blank(range);
        }
    }

    /// A document that fails: its broken articles are blanked one by one until the rest parses;
    /// an error outside every article blanks the whole document.
    fn document(&mut self, range: Range<usize>) {
        let articles = pieces::articles(&self.tokens, range.clone());
        let mut blanked = vec![false; articles.len()];
        for (i, a) in articles.iter().enumerate() {
            if self.holds_problem(a) {
                blanked[i] = true;
                self.blank(a.clone());
            }
        }
        let outside_articles = self
            .problems
            .iter()
            .any(|p| range.contains(p) && !articles.iter().any(|a| a.contains(p)));
        if outside_articles {
            self.blank(range);
            return;
        }
        let mut tries = 0;
        while let Err(pos) = self.parse(&range) {
            tries += 1;
            let broken = articles
                .iter()
                .enumerate()
                .find(|(i, a)| !blanked[*i] && a.start < pos && pos <= a.end)
                .map(|(i, _)| i)
                .filter(|_| tries <= MAX_BROKEN_ARTICLES);
            self.report(&range);
            match broken {
                Some(i) => {
                    blanked[i] = true;
                    self.blank(articles[i].clone());
                }
                None => {
                    self.blank(range);
                    return;
                }
            }
        }
    }

    fn holds_problem(&self, range: &Range<usize>) -> bool {
        self.problems.iter().any(|p| range.contains(p))
    }

    /// Parses the piece as it now stands; on failure, the byte offset of the error in the file.
    fn parse(&self, range: &Range<usize>) -> Result<(), usize> {
        match DkParser::parse(Rule::file, &self.masked[range.clone()]) {
            Ok(_) => Ok(()),
            Err(e) => Err(range.start
                + match e.location {
                    InputLocation::Pos(p) => p,
                    InputLocation::Span((s, _)) => s,
                }),
        }
    }

    /// Reports the piece's syntax error, with the detail of what was expected.
    fn report(&mut self, range: &Range<usize>) {
        let result = super::detail::with_error_detail(|| {
            DkParser::parse(Rule::file, &self.masked[range.clone()])
        });
        if let Err(err) = result {
            self.errors.push(parser::syntax_error_at(
                self.file,
                self.text,
                range.clone(),
                err,
            ));
        }
    }

    /// Replaces the piece by spaces, keeping line breaks and byte offsets.
    fn blank(&mut self, range: Range<usize>) {
        self.lost.add(&self.tokens, &range);
        let spaces: String = self.masked[range.clone()]
            .chars()
            .map(|c| {
                if c == '\n' {
                    "\n".to_string()
                } else {
                    " ".repeat(c.len_utf8())
                }
            })
            .collect();
        self.masked.replace_range(range, &spaces);
    }
}
