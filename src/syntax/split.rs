//! A large file parsed in parts on several threads: its top-level declarations, and the
//! articles of a document, are parsed and lowered each on their own (the cut recovery uses),
//! and the parts are put together in file order. The result is the one parsing the file whole
//! gives; whenever a part does not parse cleanly on its own, or lowering it says anything, the
//! file is parsed whole instead, so diagnostics come from one place.

use super::lower::Lowerer;
use super::parser::{DkParser, Rule};
use super::pieces::{self, Token, TokenKind};
use crate::ast::{Article, Document, Item, Module};
use crate::source::{FileId, Span};
use pest::Parser;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Files smaller than this are parsed whole: threads would cost more than they give.
const SPLIT_MIN: usize = 256 * 1024;

/// Consecutive top-level declarations are parsed together up to about this many bytes.
const ITEMS_PART: usize = 16 * 1024;

/// Runs of parts per thread: enough for the threads to even out parts that parse at different
/// speeds, few enough to cost nothing.
const RUNS_PER_THREAD: usize = 8;

/// A part of the file parsed on its own.
#[derive(Debug, Clone)]
enum Unit {
    /// Top-level declarations, parsed as a file.
    Items(Range<usize>),
    /// A document up to its first article, parsed with its closing brace put after it;
    /// `end` is where the brace that really closes it ends, `articles` how many follow.
    DocumentHead {
        range: Range<usize>,
        close: char,
        end: usize,
        articles: usize,
    },
    /// One article of a document.
    Article(Range<usize>),
}

impl Unit {
    fn len(&self) -> usize {
        match self {
            Unit::Items(r) | Unit::Article(r) | Unit::DocumentHead { range: r, .. } => r.len(),
        }
    }
}

/// What a part lowered to.
enum Lowered {
    Items(Vec<Item>),
    DocumentHead(Document, usize),
    Article(Article),
}

/// Whether a file of `len` bytes is worth parsing in parts on `threads` threads.
pub fn worth_it(len: usize, threads: usize) -> bool {
    len >= SPLIT_MIN && threads >= 2
}

/// Runs `here` on this thread while `beside` runs on another; `None` for `beside` when no
/// thread could be started.
pub fn beside<A, B: Send>(
    here: impl FnOnce() -> A,
    beside: impl FnOnce() -> B + Send,
) -> (A, Option<B>) {
    std::thread::scope(|scope| {
        let other = std::thread::Builder::new().spawn_scoped(scope, beside);
        let done = here();
        (done, other.ok().and_then(|h| h.join().ok()))
    })
}

/// The share of the text whose coarse tokens are read on another thread while this one runs
/// `here` (the pre-scan and the recursion bound, about a third of the scan's time) and then reads
/// the rest.
const HEAD_SHARE: (usize, usize) = (2, 3);

/// Runs `here`, and reads the coarse tokens of `text` on two threads: another thread scans the
/// text up to a line start about two thirds in, this one the rest once `here` is done. When
/// that line start is inside a string or a comment, the other thread scans the whole text and
/// this one's part is left unused. The tokens are `None` when no thread could be started.
pub fn tokens_beside<'t, A>(
    text: &'t str,
    here: impl FnOnce() -> A,
) -> (A, Option<Vec<Token<'t>>>) {
    let cut = pieces::line_start_after(text, text.len() / HEAD_SHARE.1 * HEAD_SHARE.0);
    let ((done, tail), head) = beside(
        || (here(), pieces::tokens_from(text, cut)),
        || pieces::tokens_until(text, cut),
    );
    let tokens = head.map(|(mut head, reached)| {
        if reached {
            head.extend(tail);
        }
        head
    });
    (done, tokens)
}

/// Parses `text`, whose coarse tokens are `tokens`, in parts on up to `threads` threads with
/// stacks of `stack` bytes; `None` when the file cannot be cut, or any part needs the whole
/// file to be read right.
pub fn parse_in_parts(
    file: FileId,
    text: &str,
    tokens: &[Token<'_>],
    threads: usize,
    stack: usize,
) -> Option<Module> {
    let units = units(tokens, text)?;
    let runs = balance(&units, threads * RUNS_PER_THREAD);
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    // Each thread takes the next run when it is done with one, so a thread whose runs parse
    // slowly does not hold the others up. Messages made here are never shown (a part that says
    // anything sends the file back to be parsed whole): the threads need not speak the
    // caller's language.
    let take_runs = || {
        let mut out = Vec::new();
        while let Some(run) = runs.get(next.fetch_add(1, Ordering::Relaxed)) {
            if failed.load(Ordering::Relaxed) {
                break;
            }
            let lowered = lower_units(file, text, tokens, &units[run.clone()]);
            failed.fetch_or(lowered.is_none(), Ordering::Relaxed);
            out.push((run.start, lowered));
        }
        out
    };
    let mut done: Vec<(usize, Option<Vec<Lowered>>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads.min(runs.len()))
            .filter_map(|_| {
                let builder = std::thread::Builder::new().stack_size(stack);
                builder.spawn_scoped(scope, take_runs).ok()
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    if failed.into_inner() || done.len() != runs.len() {
        return None;
    }
    done.sort_by_key(|(start, _)| *start);
    let mut lowered = Vec::with_capacity(units.len());
    for (_, part) in done {
        lowered.extend(part?);
    }
    Some(assemble(lowered))
}

/// The parts of `text` in file order; `None` when a document holds anything but articles
/// after its first one (properties between articles, a `;` after its brace).
fn units(tokens: &[Token], text: &str) -> Option<Vec<Unit>> {
    let whole = 0..text.len();
    let starts = pieces::declaration_starts(tokens, whole.clone(), false);
    let mut out = Vec::new();
    // The first token of each piece, found by walking on from the one before.
    let mut first_token = 0;
    for piece in pieces::cut(whole, &starts) {
        while tokens
            .get(first_token)
            .is_some_and(|t| t.start < piece.start)
        {
            first_token += 1;
        }
        let first_word = tokens
            .get(first_token)
            .filter(|t| t.end <= piece.end)
            .and_then(Token::word);
        if !first_word.is_some_and(pieces::begins_document) {
            push_items(&mut out, piece);
            continue;
        }
        let articles = pieces::articles(tokens, piece.clone());
        let (Some(first), Some(last)) = (articles.first(), articles.last()) else {
            push_items(&mut out, piece);
            continue;
        };
        // After the last article: the document's closing brace and nothing else.
        let after = &tokens[within(tokens, &(last.end..piece.end))];
        let [close] = after else { return None };
        if close.kind != TokenKind::Close {
            return None;
        }
        out.push(Unit::DocumentHead {
            range: piece.start..first.start,
            close: text[close.start..].chars().next()?,
            end: close.end,
            articles: articles.len(),
        });
        out.extend(articles.into_iter().map(Unit::Article));
    }
    Some(out)
}

/// Adds the top-level declarations of `piece` to the parts: to the part before when that holds
/// declarations too and is still small, so that a run of small declarations (actors, say) is
/// one parse, not one each.
fn push_items(out: &mut Vec<Unit>, piece: Range<usize>) {
    if let Some(Unit::Items(before)) = out.last_mut()
        && before.end == piece.start
        && before.len() < ITEMS_PART
    {
        before.end = piece.end;
        return;
    }
    out.push(Unit::Items(piece));
}

/// The indices of the tokens that lie within `range` (tokens are in file order).
fn within(tokens: &[Token], range: &Range<usize>) -> Range<usize> {
    let from = tokens.partition_point(|t| t.start < range.start);
    let to = tokens.partition_point(|t| t.end <= range.end);
    from..to.max(from)
}

/// Cuts `units` into at most `threads` runs of about the same number of bytes.
fn balance(units: &[Unit], threads: usize) -> Vec<Range<usize>> {
    let total: usize = units.iter().map(Unit::len).sum();
    let mut groups = Vec::new();
    let (mut from, mut done) = (0usize, 0usize);
    for (i, unit) in units.iter().enumerate() {
        done += unit.len();
        let due = total * (groups.len() + 1) / threads;
        if done >= due && groups.len() + 1 < threads {
            groups.push(from..i + 1);
            from = i + 1;
        }
    }
    groups.push(from..units.len());
    groups.retain(|g| !g.is_empty());
    groups
}

/// Parses and lowers `units` one by one; `None` as soon as one does not parse cleanly alone or
/// its lowering reports anything.
fn lower_units(file: FileId, text: &str, tokens: &[Token], units: &[Unit]) -> Option<Vec<Lowered>> {
    let mut diags = Vec::new();
    let mut out = Vec::with_capacity(units.len());
    for unit in units {
        let mut lowerer = Lowerer::new(file, &mut diags);
        let lowered = match unit {
            Unit::Items(range) => {
                lowerer.base = range.start;
                let root = DkParser::parse(Rule::file, &text[range.clone()])
                    .ok()?
                    .next()?;
                Lowered::Items(lowerer.lower_file(root).items)
            }
            Unit::DocumentHead {
                range,
                close,
                end,
                articles,
            } => {
                lowerer.base = range.start;
                let head = format!("{}{close}", &text[range.clone()]);
                let root = DkParser::parse(Rule::file, &head).ok()?.next()?;
                let mut items = lowerer.lower_file(root).items;
                let Some(Item::Document(mut document)) = items.pop().filter(|_| items.is_empty())
                else {
                    return None;
                };
                document.span = Span::new(file, document.span.start as usize, *end);
                Lowered::DocumentHead(document, *articles)
            }
            Unit::Article(range) => {
                lowerer.base = range.start;
                let article = DkParser::parse(Rule::article, &text[range.clone()])
                    .ok()?
                    .next()?;
                // The article must reach the last token of its range: only spaces and comments
                // may follow it.
                let end = range.start + article.as_span().end();
                if !tokens[within(tokens, &(end..range.end))].is_empty() {
                    return None;
                }
                Lowered::Article(lowerer.lower_article(article))
            }
        };
        if lowerer.fatal || !diags.is_empty() {
            return None;
        }
        out.push(lowered);
    }
    Some(out)
}

/// Puts the lowered parts together in file order: each document with the articles after it.
fn assemble(parts: Vec<Lowered>) -> Module {
    let mut items = Vec::new();
    let mut parts = parts.into_iter();
    while let Some(part) = parts.next() {
        match part {
            Lowered::Items(more) => items.extend(more),
            Lowered::DocumentHead(mut document, count) => {
                for _ in 0..count {
                    if let Some(Lowered::Article(a)) = parts.next() {
                        document.articles.push(a);
                    }
                }
                items.push(Item::Document(document));
            }
            Lowered::Article(_) => unreachable!("articles follow their document's head"),
        }
    }
    Module { items }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule file shipped with the project: declarations of each kind, both dialects.
    const SHIPPED: &[&str] = &[
        include_str!("../../rules/actors.dk"),
        include_str!("../../rules/bazhou.dk"),
        include_str!("../../rules/central_policy.dk"),
        include_str!("../../rules/funding.dk"),
        include_str!("../../rules/hebei.dk"),
        include_str!("../../rules/jiangsu.dk"),
        include_str!("../../rules/national.dk"),
        include_str!("../../rules/pairings_2010.dk"),
        include_str!("../../rules/programs.dk"),
        include_str!("../../rules/records.dk"),
        include_str!("../../rules/tests.dk"),
        include_str!("../../rules/xinjiang.dk"),
        include_str!("../../examples/援疆条例草案/援疆条例草案.dk"),
        include_str!("../../examples/资金公式/rules.dk"),
        include_str!("../../examples/real-sheet/rules.dk"),
    ];

    /// A document whose articles have bodies, texts only, Chinese keywords and comments.
    fn document(n: usize) -> String {
        let mut s = format!(
            "// 文件 {n}\ndocument 条例{n} {{ level: law, issuer: 国务院, effective: 2010-01-01\n"
        );
        for i in 0..n {
            s.push_str(&format!(
                "  article {i} \"第{i}条\" {{\n    rule 规则{n}_{i} {{ over project require sum(planned) >= {i}万元 }}\n  }}\n  条 {i}.1 \"只有条文\"\n  /* 注释 */ 条 {i}-2 {{ 职责 省{i} 承担 贯彻 针对 结对 省{i} -> 州{i} 作为 牵头 }}\n"
            ));
        }
        s.push_str("}\n");
        s
    }

    fn whole(text: &str) -> String {
        let mut diags = Vec::new();
        let root = DkParser::parse(Rule::file, text).unwrap().next().unwrap();
        let module = Lowerer::new(FileId(0), &mut diags).lower_file(root);
        assert!(diags.is_empty(), "{diags:?}");
        format!("{module:?}")
    }

    fn in_parts(text: &str, threads: usize) -> Option<String> {
        let tokens = pieces::tokens(text);
        parse_in_parts(FileId(0), text, &tokens, threads, 16 << 20).map(|m| format!("{m:?}"))
    }

    #[test]
    fn parts_give_the_module_parsing_whole_gives_spans_included() {
        let mut text = String::from("\u{feff}// 开头的注释\n");
        for (i, file) in SHIPPED.iter().enumerate() {
            text.push_str(file);
            text.push('\n');
            text.push_str(&document(i + 2));
        }
        text.push_str(
            "文件 尾 ｛ level: law, issuer: 国务院, effective: 2010-01-01 条 1 \"一\" ｝",
        );
        let expected = whole(&text);
        for threads in [2, 3, 7, 500] {
            assert_eq!(in_parts(&text, threads).as_deref(), Some(expected.as_str()));
        }
    }

    #[test]
    fn a_document_with_anything_between_its_articles_is_parsed_whole() {
        let head = "document d { level: law, issuer: 国务院, effective: 2010-01-01\n";
        let props_between = format!("{head} article 1 \"一\"\n title: \"t\"\n article 2 \"二\" }}");
        let sep_after = format!("{head} article 1 \"一\"; article 2 \"二\" }}");
        let sep_after_close = format!("{head} article 1 \"一\" }};");
        for text in [props_between, sep_after, sep_after_close] {
            whole(&text);
            assert_eq!(in_parts(&text, 2), None, "{text}");
        }
    }

    #[test]
    fn a_part_that_does_not_parse_or_says_anything_sends_the_file_back_whole() {
        let broken = format!("{}actor 甲 {{ kind: }}\n", document(3));
        assert_eq!(in_parts(&broken, 2), None);
        let bad_escape = format!("{}actor 乙 {{ title: \"\\q\" }}\n", document(3));
        assert_eq!(in_parts(&bad_escape, 2), None);
        let bad_date = document(3).replace("2010-01-01", "2010-13-01");
        assert_eq!(in_parts(&bad_date, 2), None);
    }

    #[test]
    fn tokens_read_on_two_threads_are_the_tokens_of_the_whole() {
        let debug = |tokens: &[Token]| tokens.iter().map(|t| format!("{t:?}")).collect::<Vec<_>>();
        let mut shipped = SHIPPED.join("\n");
        shipped.push_str(&document(40));
        // Line starts two thirds in inside a string and inside a comment.
        let in_string = format!("a \"{}\" b\n", "x\n".repeat(100));
        let in_comment = format!("a /* {} */ b\n", "x\n".repeat(100));
        for text in [
            shipped.as_str(),
            &in_string,
            &in_comment,
            "",
            "no line feed",
        ] {
            let (done, tokens) = tokens_beside(text, || 7);
            assert_eq!(done, 7);
            assert_eq!(
                debug(&tokens.expect("a thread")),
                debug(&pieces::tokens(text))
            );
        }
    }

    #[test]
    fn parts_are_balanced_by_size_and_kept_in_order() {
        let units: Vec<Unit> = [10, 10, 10, 10, 40, 20].map(|n| Unit::Items(0..n)).into();
        assert_eq!(balance(&units, 2), [0..5, 5..6]);
        assert_eq!(balance(&units, 3), [0..4, 4..5, 5..6]);
        assert_eq!(balance(&units[..1], 4).len(), 1);
    }
}
