//! From source text to syntax tree: the pre-scan, the pest grammar and the lowering.
//! pest stays inside this module; nothing outside sees a `Pair`. The formatter reads the
//! concrete syntax tree of [`cst`], whose node kinds are the grammar's rule names.

mod coarse;
pub(crate) mod cst;
mod detail;
mod literal;
mod lower;
mod lower_expr;
mod parser;
mod pieces;
mod prescan;
mod prop_keys;
mod props;
mod recover;
mod recursion;
mod split;

pub use pieces::Lost;
pub use prescan::MAX_NESTING;

use crate::ast::Module;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;
use parser::{DkParser, Rule};
use pest::Parser;

/// Parses one file. Returns `None` when the file has a syntax error (every one is reported in
/// `diags`); a module is returned even when lowering found problems in literals or properties.
pub fn parse_file(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Module> {
    let before = diags.len();
    let (module, _) = parse_file_recovering(file, text, diags);
    let syntax_failed = diags[before..].iter().any(|d| {
        matches!(
            d.code,
            Code::ParseSyntax
                | Code::ParseChineseQuote
                | Code::ParseNesting
                | Code::ParseUnterminated
        )
    });
    if syntax_failed { None } else { module }
}

/// Parses one file, recovering from syntax errors: each declaration (and each article of a
/// document) that does not parse is reported and left out, and the rest is returned, with what
/// the left-out pieces declared so that no follow-on "unknown name" is reported for them.
/// `None` only when nothing can be trusted (an unterminated string or comment, deep nesting).
pub fn parse_file_recovering(
    file: FileId,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> (Option<Module>, Lost) {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    // For parsing in parts, the coarse tokens the parts are cut by are read beside the
    // pre-scan and the bound of the recursion.
    let ((problems, (bound, at)), tokens) = if split::worth_it(text.len(), threads) {
        split::tokens_beside(text, || {
            (prescan::prescan(file, text), recursion::depth_bound(text))
        })
    } else {
        (
            (prescan::prescan(file, text), recursion::depth_bound(text)),
            None,
        )
    };
    let recoverable = |d: &Diagnostic| d.code == Code::ParseChineseQuote;
    if problems.iter().any(|d| !recoverable(d)) {
        diags.extend(problems);
        return (None, Lost::default());
    }
    if bound > recursion::MAX_DEPTH_BOUND {
        let end = at + text[at..].chars().next().map_or(0, char::len_utf8);
        diags.push(prescan::nesting(crate::source::Span::new(file, at, end)));
        return (None, Lost::default());
    }
    if let Some(tokens) = tokens.filter(|_| problems.is_empty()) {
        let stack = recursion::stack_for(bound);
        if let Some(module) = split::parse_in_parts(file, text, &tokens, threads, stack) {
            return (Some(module), Lost::default());
        }
    }
    recursion::with_stack_for(bound, || parse_scanned(file, text, problems, diags))
}

/// Parses one file whose pre-scan found only `problems` that recovery can step over.
fn parse_scanned(
    file: FileId,
    text: &str,
    problems: Vec<Diagnostic>,
    diags: &mut Vec<Diagnostic>,
) -> (Option<Module>, Lost) {
    // Error detail (the tokens tried at the failure) slows parsing: it is collected only to
    // explain a failure, piece by piece (`detail`).
    if problems.is_empty() {
        if let Ok(mut pairs) = DkParser::parse(Rule::file, text) {
            return (lower_root(file, pairs.next(), diags), Lost::default());
        }
    }
    let offsets = problems
        .iter()
        .filter_map(|d| d.span.map(|s| s.start as usize))
        .collect();
    let recovered = recover::recover(file, text, offsets);
    let mut found: Vec<Diagnostic> = problems.into_iter().chain(recovered.errors).collect();
    found.sort_by_key(|d| d.span.map(|s| s.start));
    let reported = !found.is_empty();
    diags.extend(found);
    match DkParser::parse(Rule::file, &recovered.masked) {
        Ok(mut pairs) => (lower_root(file, pairs.next(), diags), recovered.lost),
        Err(err) => {
            // The pieces parse one by one but not together: report the file as a whole.
            if !reported {
                let err = detail::with_error_detail(|| DkParser::parse(Rule::file, text))
                    .err()
                    .unwrap_or(err);
                diags.push(parser::syntax_error(file, text, err));
            }
            (None, recovered.lost)
        }
    }
}

/// Lowers the matched `file` rule; `None` when lowering found the file unusable.
fn lower_root(
    file: FileId,
    root: Option<pest::iterators::Pair<'_, Rule>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Module> {
    let root = root.expect("file rule matched");
    let mut lowerer = lower::Lowerer::new(file, diags);
    let module = lowerer.lower_file(root);
    if lowerer.fatal { None } else { Some(module) }
}
