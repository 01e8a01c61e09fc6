//! Inline SVG charts drawn by duikou: bars, grids and dot plots, each mark labelled and filled
//! with a colour and a pattern, so a chart reads in print and in black and white.

use super::esc;
use crate::report::width;
use std::fmt::Write;

/// How good or bad a mark is; decides its colour, pattern and symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tone {
    Good,
    Info,
    Neutral,
    Warning,
    Bad,
}

impl Tone {
    /// The CSS class of a mark of this tone (colour and pattern live in the page's style).
    pub fn class(self) -> &'static str {
        match self {
            Tone::Good => "t-good",
            Tone::Info => "t-info",
            Tone::Neutral => "t-neutral",
            Tone::Warning => "t-warning",
            Tone::Bad => "t-bad",
        }
    }

    fn pattern(self) -> Option<&'static str> {
        match self {
            Tone::Bad => Some("url(#p-hatch)"),
            Tone::Warning => Some("url(#p-dots)"),
            Tone::Info => Some("url(#p-lines)"),
            Tone::Good | Tone::Neutral => None,
        }
    }
}

/// The patterns every chart refers to, defined once per page.
pub fn patterns() -> &'static str {
    concat!(
        r##"<svg width="0" height="0" class="defs" aria-hidden="true"><defs>"##,
        r##"<pattern id="p-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="1.5" stroke-opacity="0.45"/></pattern>"##,
        r##"<pattern id="p-dots" width="5" height="5" patternUnits="userSpaceOnUse"><circle cx="2.5" cy="2.5" r="1" fill="#000" fill-opacity="0.45"/></pattern>"##,
        r##"<pattern id="p-lines" width="6" height="6" patternUnits="userSpaceOnUse"><line x1="0" y1="3" x2="6" y2="3" stroke="#000" stroke-width="1" stroke-opacity="0.35"/></pattern>"##,
        "</defs></svg>"
    )
}

/// Approximate width in pixels of `s` at the charts' 12px font.
pub fn text_px(s: &str) -> f64 {
    width(s) as f64 * 7.4
}

/// A rectangle: left, top, width, height.
#[derive(Debug, Clone, Copy)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// An SVG chart being drawn.
pub struct Chart {
    body: String,
    id: String,
    title: String,
    width: f64,
    height: f64,
}

impl Chart {
    /// An empty chart `width` × `height` pixels, named `id`, titled `title`.
    pub fn new(id: &str, title: &str, width: f64, height: f64) -> Chart {
        Chart {
            body: String::new(),
            id: id.to_string(),
            title: title.to_string(),
            width,
            height,
        }
    }

    /// A rectangle of `tone`, with its data and a tooltip.
    pub fn mark(&mut self, r: Rect, tone: Tone, value: &str, tip: &str) {
        let Rect { x, y, w, h } = r;
        let _ = write!(
            self.body,
            r#"<g class="mark {}" data-value="{}"><title>{}</title><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}"/>"#,
            tone.class(),
            esc(value),
            esc(tip)
        );
        if let Some(p) = tone.pattern() {
            let _ = write!(
                self.body,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{p}" class="pat"/>"#
            );
        }
        self.body.push_str("</g>");
    }

    /// A dot with its data: a value against a threshold.
    pub fn dot(&mut self, x: f64, y: f64, tone: Tone, value: &str, tip: &str) {
        let shape = match tone {
            Tone::Bad => format!(
                r#"<path d="M{:.1} {:.1} l8 8 m0 -8 l-8 8" class="cross"/>"#,
                x - 4.0,
                y - 4.0
            ),
            _ => format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="4"/>"#),
        };
        let _ = write!(
            self.body,
            r#"<g class="mark {}" data-value="{}"><title>{}</title>{shape}</g>"#,
            tone.class(),
            esc(value),
            esc(tip)
        );
    }

    /// Text at a place; `anchor` is `start`, `middle` or `end`.
    pub fn text(&mut self, x: f64, y: f64, anchor: &str, class: &str, s: &str) {
        let _ = write!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" class="{class}">{}</text>"#,
            esc(s)
        );
    }

    /// A line, e.g. a threshold or an axis.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, class: &str) {
        let _ = write!(
            self.body,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" class="{class}"/>"#
        );
    }

    /// The finished `<figure>`, with a caption.
    pub fn finish(self, caption: &str) -> String {
        format!(
            r#"<figure class="chart-box"><svg class="chart" id="{id}" data-chart="{id}" role="img" aria-label="{t}" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>{body}</svg><figcaption><strong>{t}.</strong> {c}</figcaption></figure>"#,
            id = esc(&self.id),
            t = esc(&self.title),
            w = self.width,
            h = self.height,
            body = self.body,
            c = esc(caption),
        )
    }
}

/// One bar of a bar chart: a label and its segments (value, tone, tooltip).
pub struct Bar {
    pub label: String,
    pub segments: Vec<(u64, Tone, String)>,
}

/// Horizontal stacked bars, each labelled with its total.
pub fn bars(id: &str, title: &str, caption: &str, rows: &[Bar]) -> String {
    let label_w = rows.iter().map(|b| text_px(&b.label)).fold(60.0, f64::max) + 12.0;
    let plot_w = 300.0;
    let max = rows
        .iter()
        .map(|b| b.segments.iter().map(|s| s.0).sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let height = 24.0 * rows.len() as f64 + 16.0;
    let mut c = Chart::new(id, title, label_w + plot_w + 60.0, height.max(40.0));
    for (i, b) in rows.iter().enumerate() {
        let y = 8.0 + 24.0 * i as f64;
        c.text(label_w - 8.0, y + 13.0, "end", "label", &b.label);
        let mut x = label_w;
        for (n, tone, tip) in &b.segments {
            let w = plot_w * *n as f64 / max;
            if *n > 0 {
                c.mark(Rect { x, y, w, h: 18.0 }, *tone, &n.to_string(), tip);
            }
            x += w;
        }
        let total: u64 = b.segments.iter().map(|s| s.0).sum();
        c.text(x + 6.0, y + 13.0, "start", "value", &total.to_string());
    }
    c.line(label_w, 4.0, label_w, height - 4.0, "axis");
    c.finish(caption)
}

/// A grid of cells: row labels down, column labels across, each cell a tone and a symbol.
pub struct Grid {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    /// `(row, column, tone, symbol, tooltip)`.
    pub cells: Vec<(usize, usize, Tone, String, String)>,
}

/// A heat map of `grid`, column labels written upwards.
pub fn grid(id: &str, title: &str, caption: &str, g: &Grid) -> String {
    let label_w = g.rows.iter().map(|r| text_px(r)).fold(40.0, f64::max) + 12.0;
    let head_h = g.columns.iter().map(|c| text_px(c)).fold(30.0, f64::max) + 12.0;
    let cell = 21.0;
    let width = label_w + cell * g.columns.len() as f64 + 10.0;
    let height = head_h + cell * g.rows.len() as f64 + 10.0;
    let mut c = Chart::new(id, title, width, height);
    for (i, r) in g.rows.iter().enumerate() {
        c.text(
            label_w - 6.0,
            head_h + cell * i as f64 + 15.0,
            "end",
            "label",
            r,
        );
    }
    for (j, col) in g.columns.iter().enumerate() {
        let x = label_w + cell * j as f64 + 15.0;
        let _ = write!(
            c.body,
            r#"<text x="{x:.1}" y="{:.1}" transform="rotate(-90 {x:.1} {:.1})" class="label">{}</text>"#,
            head_h - 6.0,
            head_h - 6.0,
            esc(col)
        );
    }
    for (i, j, tone, symbol, tip) in &g.cells {
        let x = label_w + cell * *j as f64;
        let y = head_h + cell * *i as f64;
        let r = Rect {
            x: x + 1.0,
            y: y + 1.0,
            w: cell - 2.0,
            h: cell - 2.0,
        };
        c.mark(r, *tone, symbol, tip);
        c.text(x + cell / 2.0, y + 15.0, "middle", "symbol", symbol);
    }
    c.finish(caption)
}

/// One row of a dot plot: a label, a value (0–1 of the scale), its text, and its tone.
pub struct Dot {
    pub label: String,
    pub value: f64,
    pub text: String,
    pub tone: Tone,
}

/// Values against a threshold on a 0–`max` scale, one row each; the threshold drawn as a line.
pub fn dots(
    id: &str,
    title: &str,
    caption: &str,
    rows: &[Dot],
    threshold: f64,
    max: f64,
) -> String {
    let label_w = rows.iter().map(|r| text_px(&r.label)).fold(60.0, f64::max) + 12.0;
    let plot_w = 360.0;
    let height = 20.0 * rows.len() as f64 + 40.0;
    let mut c = Chart::new(id, title, label_w + plot_w + 70.0, height);
    let x_of = |v: f64| label_w + plot_w * (v / max).clamp(0.0, 1.0);
    for (i, r) in rows.iter().enumerate() {
        let y = 14.0 + 20.0 * i as f64;
        c.text(label_w - 8.0, y + 4.0, "end", "label", &r.label);
        c.line(label_w, y, label_w + plot_w, y, "grid");
        c.dot(
            x_of(r.value),
            y,
            r.tone,
            &r.text,
            &format!("{}: {}", r.label, r.text),
        );
        c.text(label_w + plot_w + 8.0, y + 4.0, "start", "value", &r.text);
    }
    let tx = x_of(threshold);
    c.line(tx, 4.0, tx, height - 22.0, "threshold");
    c.text(tx, height - 8.0, "middle", "value", "threshold");
    c.finish(caption)
}
