//! How deep the grammar may recurse on a text, and a stack that is deep enough for it.
//!
//! The generated parser recurses once for each bracket, brace or parenthesis and once for each
//! `if` (`如果`) nested in an expression; it does not probe the stack itself (pest is built
//! without its stack guard, which cost a tenth of the parsing time). The pre-scan bounds the
//! brackets; `if` needs no bracket, so its nesting is bounded here from above by counting the
//! `if`s that an expression at each bracket level may still be inside. Text whose bound is
//! small is parsed on the caller's stack; deeper text on a thread with a stack sized for it.

use super::coarse::{block_comment_end, string_end};
use super::prescan::MAX_NESTING;

/// Up to this bound, a text is parsed on the caller's stack: a few hundred kilobytes at most
/// even in an unoptimised build, well within the smallest thread stack a program starts.
const INLINE_DEPTH: usize = 48;

/// The stack reserved per level of the bound (an unoptimised build uses a few kilobytes for each
/// level of the grammar and of the lowering behind it), and for everything around the parse.
const STACK_PER_LEVEL: usize = 64 * 1024;
const STACK_BASE: usize = 16 * 1024 * 1024;

/// Beyond this bound no stack is reserved: the text has that many `if`s with no `,`, `:` or `;`
/// between them at one bracket level, and is refused as nested too deeply.
pub const MAX_DEPTH_BOUND: usize = 16 * 1024;

/// An upper bound of the parser's recursion on `text`, and the offset where it is first reached.
/// Comments, strings and backtick names are skipped as the pre-scan skips them; a comment
/// counts as deep as it nests.
pub fn depth_bound(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    // Per open bracket level: the `if`s an expression at that level may still be inside.
    let mut open_ifs: Vec<usize> = vec![0];
    let (mut current, mut deepest, mut at) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Only these lead bytes start a character that matters: ASCII, `（【｛）】｝，、：；`
        // (E3, EF) and `如` (E5).
        if b >= 0x80 && !matches!(b, 0xE3 | 0xE5 | 0xEF) {
            i += utf8_len(b);
            continue;
        }
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or('\0');
        let mut step = c.len_utf8();
        match c {
            '/' if rest.starts_with("//") => step = rest.find('\n').unwrap_or(rest.len()),
            '/' if rest.starts_with("/*") => {
                let (len, nesting) = block_comment_end(rest.as_bytes(), 0);
                step = len;
                if current + nesting > deepest {
                    (deepest, at) = (current + nesting, i);
                }
            }
            '"' => step = string_end(rest.as_bytes(), 0),
            '`' => step = rest[1..].find(['`', '\n']).map_or(rest.len(), |n| n + 2),
            '(' | '[' | '{' | '（' | '【' | '｛' => {
                open_ifs.push(0);
                current += 1;
            }
            ')' | ']' | '}' | '）' | '】' | '｝' if open_ifs.len() > 1 => {
                current -= 1 + open_ifs.pop().unwrap_or(0);
            }
            ',' | '，' | '、' | ':' | '：' | ';' | '；' => {
                let top = open_ifs.last_mut().expect("the outermost level stays");
                current -= *top;
                *top = 0;
            }
            'i' | '如' if opens_if(text, i) => {
                *open_ifs.last_mut().expect("the outermost level stays") += 1;
                current += 1;
            }
            _ => {}
        }
        if current > deepest {
            (deepest, at) = (current, i);
        }
        i += step.max(1);
    }
    (deepest, at)
}

/// The length in bytes of the UTF-8 character led by `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// Whether the keyword `if` or `如果` starts at `i`: not inside a name (a token never starts
/// there) nor followed by a name character.
fn opens_if(text: &str, i: usize) -> bool {
    let rest = &text[i..];
    let Some(after) = rest
        .strip_prefix("if")
        .or_else(|| rest.strip_prefix("如果"))
    else {
        return false;
    };
    let inside_name = text[..i]
        .chars()
        .next_back()
        .is_some_and(pest::unicode::XID_CONTINUE);
    !inside_name
        && !after
            .chars()
            .next()
            .is_some_and(pest::unicode::XID_CONTINUE)
}

/// The stack a thread needs for a parse whose recursion is bounded by `bound`.
pub fn stack_for(bound: usize) -> usize {
    STACK_BASE + bound.min(MAX_DEPTH_BOUND + MAX_NESTING) * STACK_PER_LEVEL
}

/// Runs `f` on a stack deep enough for a parse whose recursion is bounded by `bound`: the
/// caller's stack when the bound is small, otherwise a thread with a stack sized for it (in the
/// caller's language for messages). Where no thread can be started, `f` runs where it is.
pub fn with_stack_for<T: Send>(bound: usize, f: impl FnOnce() -> T + Send) -> T {
    if bound <= INLINE_DEPTH {
        return f();
    }
    let size = stack_for(bound);
    let f = std::sync::Mutex::new(Some(crate::in_callers_language!(f)));
    let run = || {
        let f = f.lock().ok().and_then(|mut f| f.take());
        f.map(|f| f())
    };
    let spawned = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(size)
            .spawn_scoped(scope, run)
            .ok()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
    });
    match spawned.flatten() {
        Some(out) => out,
        None => {
            let f = f.into_inner().ok().flatten();
            f.map(|f| f()).expect("the parse runs once")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_brackets_and_the_ifs_inside_them() {
        assert_eq!(depth_bound("rule a { require x > 0 }").0, 1);
        assert_eq!(depth_bound("f((1))").0, 2);
        let nested = format!("{}x{}", "if a then ".repeat(30), " else b".repeat(30));
        assert_eq!(depth_bound(&nested).0, 30);
        assert_eq!(depth_bound("{ 如果 a 则 b 否则 c }").0, 2);
    }

    #[test]
    fn separators_and_closing_brackets_end_the_ifs_before_them() {
        let props = "{ a: if x then 1 else 2, b: if y then 1 else 2 }";
        assert_eq!(depth_bound(props).0, 2);
        let parens = "(if x then 1 else 2) + (if y then 1 else 2)";
        assert_eq!(depth_bound(parens).0, 2);
    }

    #[test]
    fn names_strings_and_comments_do_not_open_an_if() {
        assert_eq!(depth_bound("iffy 如果是 `if` \"if\" // if\n").0, 0);
        // A comment is as deep as it nests, whatever it holds.
        assert_eq!(depth_bound("/* if /* if */ */").0, 2);
        assert_eq!(depth_bound("if").0, 1);
    }

    #[test]
    fn a_deep_bound_runs_on_a_thread_with_the_result_returned() {
        let here = std::thread::current().id();
        assert_eq!(with_stack_for(1, || std::thread::current().id()), here);
        assert_ne!(with_stack_for(1_000, || std::thread::current().id()), here);
        assert_eq!(with_stack_for(1_000, || 7), 7);
    }
}
