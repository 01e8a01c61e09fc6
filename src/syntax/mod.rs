//! From source text to syntax tree: the pre-scan, the pest grammar and the lowering.
//! pest stays inside this module; nothing outside sees a `Pair`. The formatter reads the
//! concrete syntax tree of [`cst`], whose node kinds are the grammar's rule names.

pub(crate) mod cst;
mod literal;
mod lower;
mod lower_expr;
mod parser;
mod prescan;
mod props;

pub use prescan::MAX_NESTING;

use crate::ast::Module;
use crate::diagnostic::Diagnostic;
use crate::source::FileId;
use parser::{DkParser, Rule};
use pest::Parser;

/// Parses one file. Returns `None` when the file has a syntax error (reported in `diags`);
/// a module is returned even when lowering found problems in literals or properties.
pub fn parse_file(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Module> {
    let problems = prescan::prescan(file, text);
    if !problems.is_empty() {
        diags.extend(problems);
        return None;
    }
    // Error detail (the tokens tried at the failure) slows parsing: collect it only to
    // explain a failure, by parsing the failing file a second time.
    pest::set_error_detail(false);
    let mut pairs = match DkParser::parse(Rule::file, text) {
        Ok(p) => p,
        Err(_) => {
            pest::set_error_detail(true);
            let err = DkParser::parse(Rule::file, text).expect_err("the same input fails again");
            pest::set_error_detail(false);
            diags.push(parser::syntax_error(file, text, err));
            return None;
        }
    };
    let root = pairs.next().expect("file rule matched");
    let mut lowerer = lower::Lowerer::new(file, diags);
    let module = lowerer.lower_file(root);
    if lowerer.fatal { None } else { Some(module) }
}
