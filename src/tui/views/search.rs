//! The search overlay: a query line, ranked results with the matched
//! characters highlighted, and a preview of the selected result.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Widget};

use super::{pane_block, put_line, put_row, symbols};
use crate::search::{Field, Hit};
use crate::text::{sanitize_line, sanitize_text, truncate, wrap};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::{Role, Theme};
use crate::tui::viewstate::search::*;

pub struct SearchOverlay<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub state: &'a SearchState,
}

/// Spans of `text` with the chars at `positions` (char indices, ascending)
/// highlighted. Control characters are dropped, so nothing from a data
/// file can reach the terminal; text carrying escape sequences is shown
/// sanitised and unhighlighted.
pub fn highlight_spans(
    text: &str,
    positions: &[usize],
    base: Style,
    hl: Style,
) -> Vec<Span<'static>> {
    if text.contains('\u{1b}') || text.contains('\u{9b}') {
        return vec![Span::styled(sanitize_line(text), base)];
    }
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_hl = false;
    let mut next = positions.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        let is_hl = next.peek() == Some(&&i);
        if is_hl {
            next.next();
        }
        let c = match c {
            '\t' | '\n' | '\r' => ' ',
            // Controls, and the bidi overrides that reorder text on screen.
            c if c.is_control() => continue,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => continue,
            c => c,
        };
        if is_hl != run_hl && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hl { hl } else { base },
            ));
        }
        run_hl = is_hl;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hl { hl } else { base }));
    }
    spans
}

impl Widget for SearchOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        // Over everything but the header and the status bar: the panes
        // behind would only be noise around the results.
        let rect = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(2),
            ..area
        };
        Clear.render(rect, buf);
        let title = format!(
            "Search ({} jumps, {} closes; filters: see {})",
            keymap::key_name(Context::Search, Action::Activate, keymap::first),
            keymap::key_name(Context::Search, Action::Close, keymap::first),
            keymap::key_name(Context::Global, Action::Help, keymap::first),
        );
        let block = pane_block(theme, &title, true);
        let inner = block.inner(rect);
        block.render(rect, buf);
        if inner.height < 3 || inner.width < 10 {
            return;
        }
        self.render_query(buf, inner);
        let body = Rect {
            y: inner.y + 2,
            height: inner.height - 2,
            ..inner
        };
        let Some(results) = &self.state.results else {
            return;
        };
        if results.hits.is_empty() {
            super::empty_message(buf, body, theme, "No match.");
            return;
        }
        let (list, preview) = split(body);
        let h = list.height as usize;
        let sel = self.state.cursor.selected.min(results.hits.len() - 1);
        let offset = if sel >= h { sel + 1 - h } else { 0 };
        for (i, hit) in results.hits.iter().enumerate().skip(offset).take(h) {
            let spans = result_spans(app, theme, hit, list.width as usize);
            let selected = i == sel;
            let base = super::row_style(theme, selected);
            put_row(
                buf,
                (list.x, list.y + (i - offset) as u16, list.width),
                &spans,
                base,
                selected,
            );
        }
        if let Some(p) = preview {
            Preview {
                app,
                theme,
                hit: &results.hits[sel],
            }
            .render(p, buf);
        }
    }
}

impl SearchOverlay<'_> {
    /// The query line, with the count on the right, over a rule.
    fn render_query(&self, buf: &mut Buffer, inner: Rect) {
        let theme = self.theme;
        let text = theme.style(Role::Text);
        // The query line, with the count on the right.
        let status = match &self.state.results {
            None => "searching…".to_string(),
            Some(r) if !r.errors.is_empty() => r.errors.join("; "),
            Some(r) if !r.complete => format!("{}+ so far…", r.total_matched),
            Some(r) => format!("{} of {}", r.hits.len(), r.total_matched),
        };
        let q = format!("/ {}▏", sanitize_line(&self.state.query));
        let pad = (inner.width as usize)
            .saturating_sub(crate::text::width(&q) + status.chars().count() + 1);
        put_line(
            buf,
            inner.x,
            inner.y,
            inner.width,
            &[
                Span::styled(q, theme.style(Role::Heading)),
                Span::raw(" ".repeat(pad)),
                Span::styled(status, theme.style(Role::Dim)),
            ],
            text,
        );
        put_line(
            buf,
            inner.x,
            inner.y + 1,
            inner.width,
            &[Span::styled(
                "─".repeat(inner.width as usize),
                theme.style(Role::Border),
            )],
            text,
        );
    }
}

/// The result list and the preview of the selected result: side by side
/// when wide, the preview under the list when tall, else no preview.
fn split(body: Rect) -> (Rect, Option<Rect>) {
    if body.width >= 90 {
        let w = body.width * 11 / 20;
        (
            Rect { width: w, ..body },
            Some(Rect {
                x: body.x + w + 1,
                width: body.width - w - 1,
                ..body
            }),
        )
    } else if body.height >= 16 {
        // Narrow: the preview goes under the results.
        let h = body.height / 2;
        (
            Rect { height: h, ..body },
            Some(Rect {
                y: body.y + h + 1,
                height: body.height - h - 1,
                ..body
            }),
        )
    } else {
        (body, None)
    }
}

/// One result: symbols, the title, and where the match was found.
fn result_spans(app: &App, theme: &Theme, hit: &Hit, width: usize) -> Vec<Span<'static>> {
    let g = app.graph();
    let node = g.node(hit.node);
    let rel = symbols::first_relation(g, hit.node);
    let mut spans = vec![
        Span::styled(symbols::stance(rel), symbols::stance_style(theme, rel)),
        Span::styled(
            symbols::kind(node.kind),
            symbols::kind_style(theme, node.kind),
        ),
        Span::raw(" "),
        super::label_span(app, theme, hit.node),
        Span::raw(" "),
    ];
    let hl = theme.style(Role::Match);
    let plain = theme.style(Role::Text);
    let dim = theme.style(Role::Dim);
    match hit.field {
        Field::Title => spans.extend(highlight_spans(&node.title, &hit.positions, plain, hl)),
        field => {
            let title = truncate(&sanitize_line(&node.title), width / 2);
            spans.push(Span::styled(title, plain));
            spans.push(Span::styled(format!("  {}: ", field.name()), dim));
            match &hit.snippet {
                Some(sn) => spans.extend(highlight_spans(&sn.text, &sn.highlights, dim, hl)),
                None => spans.extend(highlight_spans(hit.field_text(g), &hit.positions, dim, hl)),
            }
        }
    }
    spans
}

struct Preview<'a> {
    app: &'a App,
    theme: &'a Theme,
    hit: &'a Hit,
}

impl Widget for Preview<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme, hit) = (self.app, self.theme, self.hit);
        let g = app.graph();
        let node = g.node(hit.node);
        let w = area.width as usize;
        let mut lines: Vec<(String, Style)> = Vec::new();
        let l = app.label(hit.node);
        lines.push((
            format!(
                "{} {} · {}",
                symbols::label(l),
                node.kind.name(),
                app.whatif().shown_reading().word(l)
            ),
            symbols::label_style(theme, l),
        ));
        for line in wrap(&sanitize_line(&node.title), w) {
            lines.push((line, theme.style(Role::Heading)));
        }
        // A query of filters alone (or nothing) matched no field: say nothing.
        if !hit.fields.is_empty() {
            let fields: Vec<&str> = hit.fields.iter().map(|f| f.name()).collect();
            lines.push((
                format!("matched in: {}", fields.join(", ")),
                theme.style(Role::Dim),
            ));
        }
        lines.push((String::new(), theme.style(Role::Text)));
        if let Some(t) = &node.text {
            for line in wrap(&sanitize_text(t), w) {
                lines.push((line, theme.style(Role::Text)));
            }
        }
        if let Some(q) = &node.quote {
            lines.push((String::new(), theme.style(Role::Text)));
            for line in wrap(
                &format!("“{}”", sanitize_text(q.trim())),
                w.saturating_sub(2),
            ) {
                lines.push((format!("│ {line}"), theme.style(Role::Quote)));
            }
            if let Some(src) = g.source_of(hit.node) {
                lines.push((
                    truncate(&format!("— {}", sanitize_line(&src.title)), w),
                    theme.style(Role::Dim),
                ));
            }
        }
        for (i, (line, style)) in lines.iter().take(area.height as usize).enumerate() {
            put_line(
                buf,
                area.x,
                area.y + i as u16,
                area.width,
                &[Span::styled(line.clone(), *style)],
                theme.style(Role::Text),
            );
        }
    }
}
