//! The output of the formatter: tokens, the breaks between them, indentation, and the source's
//! comments put back where they were.

use super::comments::Comment;
use unicode_width::UnicodeWidthStr;

/// The widest line the layout aims for, in display columns (a CJK character is two).
pub const MAX_WIDTH: usize = 100;
const INDENT: &str = "  ";

/// What must come before the next token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Break {
    None,
    Space,
    /// A new line, one level deeper: an expression continued on the next line.
    Cont,
    Line,
    /// A new line after an empty one.
    Blank,
}

/// Writes formatted text; see [`token`](Printer::token) for how comments come back.
pub struct Printer<'s> {
    src: &'s str,
    comments: Vec<Comment>,
    next_comment: usize,
    out: String,
    indent: usize,
    pending: Break,
    /// The next token starts a statement: a blank line before it in the source is kept.
    keep_blank: bool,
    /// Inside a block laid out on one line: line breaks become spaces.
    flat: usize,
    /// Where the last token or comment written ended in the source.
    last_end: usize,
    /// Just after an opening brace or bracket: no blank line here.
    after_open: bool,
    /// Where trailing comments start in `out`, to align them.
    trailing: Vec<usize>,
}

impl<'s> Printer<'s> {
    pub fn new(src: &'s str, comments: Vec<Comment>) -> Self {
        Printer {
            src,
            comments,
            next_comment: 0,
            out: String::new(),
            indent: 0,
            pending: Break::None,
            keep_blank: false,
            flat: 0,
            last_end: 0,
            after_open: true,
            trailing: Vec::new(),
        }
    }

    /// A printer that writes everything on one line and drops comments: to measure a layout.
    pub fn measuring(src: &'s str) -> Self {
        let mut p = Printer::new(src, Vec::new());
        p.flat = 1;
        p
    }

    pub fn src(&self) -> &'s str {
        self.src
    }

    /// Whether a comment lies inside `start..end` of the source.
    pub fn has_comment(&self, start: usize, end: usize) -> bool {
        self.comments
            .iter()
            .any(|c| c.start >= start && c.start < end)
    }

    /// The display column where the next token would start on the current line.
    pub fn column(&self) -> usize {
        let line = &self.out[self.out.rfind('\n').map_or(0, |i| i + 1)..];
        match self.pending {
            Break::None => line.width(),
            Break::Space => line.width() + 1,
            Break::Cont => (self.indent + 1) * INDENT.len(),
            Break::Line | Break::Blank => self.indent * INDENT.len(),
        }
    }

    pub fn space(&mut self) {
        self.pending = self.pending.max(Break::Space);
    }

    /// A new line at the current indentation.
    pub fn line(&mut self) {
        self.pending = self.pending.max(Break::Line);
    }

    /// A new statement: a new line, and an empty one before it if the source had one.
    pub fn stmt(&mut self) {
        self.line();
        self.keep_blank = true;
    }

    /// An empty line before the next token.
    pub fn blank(&mut self) {
        self.pending = self.pending.max(Break::Blank);
    }

    /// A break before the next token, a continuation line if the source broke the line there.
    pub fn space_or_cont(&mut self, gap_start: usize, gap_end: usize) {
        if self.src[gap_start..gap_end].contains('\n') && self.flat == 0 {
            self.pending = self.pending.max(Break::Cont);
        } else {
            self.space();
        }
    }

    pub fn indent(&mut self) {
        self.indent += 1;
    }

    pub fn dedent(&mut self) {
        self.indent -= 1;
    }

    /// Until [`leave_flat`](Self::leave_flat), line breaks become spaces.
    pub fn enter_flat(&mut self) {
        self.flat += 1;
    }

    pub fn leave_flat(&mut self) {
        self.flat -= 1;
    }

    /// Writes the token found at `start..end` in the source as `text`, after the comments
    /// that come before it in the source.
    pub fn token(&mut self, start: usize, end: usize, text: &str) {
        self.comments_before(start);
        self.write_break(start);
        self.out.push_str(text);
        self.last_end = end;
        self.after_open = false;
    }

    /// Writes punctuation that has no node of its own (`:`, `,`, `(` …).
    pub fn punct(&mut self, text: &str) {
        self.write_break(self.last_end);
        self.out.push_str(text);
        self.after_open = matches!(text, "{" | "[" | "(");
    }

    /// Writes an opening bracket found at `start` in the source, after the comments before it.
    pub fn punct_at(&mut self, start: usize, text: &str) {
        self.comments_before(start);
        self.write_break(start);
        self.out.push_str(text);
        self.last_end = self.last_end.max(start);
        self.after_open = true;
    }

    /// Writes a closing bracket that ends at `end` in the source, after the comments before it.
    pub fn close(&mut self, end: usize, text: &str) {
        self.comments_before(end);
        self.write_break(end);
        self.out.push_str(text);
        self.last_end = end;
        self.after_open = false;
    }

    /// Ends an indented block with its closing bracket (ending at `end` in the source): the
    /// comments before it stay inside the block, at its indentation.
    pub fn end_block(&mut self, end: usize, text: &str) {
        self.line();
        self.comments_before(end);
        self.dedent();
        self.line();
        self.close(end, text);
    }

    /// Writes the comments left at the end of the file and returns the text.
    pub fn finish(mut self) -> String {
        self.stmt();
        self.comments_before(self.src.len());
        while self.out.ends_with('\n') {
            self.out.pop();
        }
        self.align_trailing();
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }

    /// The text written so far, for a measuring printer.
    pub fn into_text(self) -> String {
        self.out
    }

    fn comments_before(&mut self, pos: usize) {
        while let Some(&c) = self.comments.get(self.next_comment) {
            if c.start >= pos {
                break;
            }
            self.next_comment += 1;
            let newlines = self
                .src
                .get(self.last_end..c.start)
                .map_or(0, |gap| gap.matches('\n').count());
            let text = self.src[c.start..c.end].trim_end();
            if newlines == 0 && !self.out.is_empty() {
                if c.is_line(self.src) {
                    self.trailing.push(self.out.len());
                }
                self.out.push(' ');
                self.out.push_str(text);
            } else {
                let own_line = if self.pending >= Break::Line {
                    self.pending
                } else if self.out.is_empty() {
                    Break::None
                } else {
                    Break::Cont
                };
                let keep = self.keep_blank;
                let saved = std::mem::replace(&mut self.pending, own_line);
                self.keep_blank = keep || saved >= Break::Line;
                self.write_break(c.start);
                self.out.push_str(text);
                // A blank line the layout asked for goes before the first comment only.
                self.pending = saved.min(Break::Line);
                self.keep_blank = keep || saved >= Break::Line;
            }
            self.last_end = c.end;
            self.after_open = false;
            if c.is_line(self.src) || newlines > 0 {
                self.pending = self.pending.max(Break::Cont);
            }
        }
    }

    fn write_break(&mut self, next_start: usize) {
        let mut brk = self.pending;
        if self.keep_blank && brk == Break::Line && !self.after_open {
            let gap = &self.src[self.last_end.min(next_start)..next_start];
            if gap.matches('\n').count() >= 2 {
                brk = Break::Blank;
            }
        }
        if self.after_open && brk == Break::Blank {
            brk = Break::Line;
        }
        if self.flat > 0 && brk == Break::Cont {
            brk = Break::Space;
        }
        self.pending = Break::None;
        self.keep_blank = false;
        if self.out.is_empty() {
            return;
        }
        match brk {
            Break::None => {}
            Break::Space => self.out.push(' '),
            Break::Cont | Break::Line | Break::Blank => {
                while self.out.ends_with(' ') {
                    self.out.pop();
                }
                if brk == Break::Blank {
                    self.out.push('\n');
                }
                self.out.push('\n');
                let depth = self.indent + usize::from(brk == Break::Cont);
                self.out.push_str(&INDENT.repeat(depth));
            }
        }
    }

    /// Lines in a row that end in a comment have their comments start in one column.
    fn align_trailing(&mut self) {
        let mut groups: Vec<Vec<(usize, usize, usize)>> = Vec::new();
        let mut last_line = usize::MAX - 1;
        let mut line_no = 0;
        let mut counted_to = 0;
        for &at in &self.trailing {
            line_no += self.out[counted_to..at].matches('\n').count();
            counted_to = at;
            let line_start = self.out[..at].rfind('\n').map_or(0, |i| i + 1);
            let width = self.out[line_start..at].width();
            if line_no != last_line + 1 || groups.is_empty() {
                groups.push(Vec::new());
            }
            groups
                .last_mut()
                .expect("pushed")
                .push((at, width, line_no));
            last_line = line_no;
        }
        for group in groups.iter().rev() {
            let col = group.iter().map(|g| g.1).max().unwrap_or(0);
            for &(at, width, _) in group.iter().rev() {
                self.out.insert_str(at, &" ".repeat(col - width));
            }
        }
    }
}
