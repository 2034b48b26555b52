//! Marks and notes: the list of everything marked or annotated, and the
//! note editor.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Widget};

use super::{pane_block, put_line, put_row, symbols};
use crate::graph::NodeIx;
use crate::state::Mark;
use crate::text::{sanitize_line, sanitize_text, truncate, wrap};
use crate::tui::app::{App, MarkRow};
use crate::tui::layout;
use crate::tui::theme::{Role, Theme};

pub fn mark_symbol(mark: Mark) -> &'static str {
    match mark {
        Mark::Star => "★",
        Mark::Use => "▶",
        Mark::Answer => "!",
    }
}

pub const NOTE: &str = "✎";

pub struct MarksView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for MarksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let rows = app.mark_rows();
        let title = format!("Marks and notes ({})", rows.len());
        let block = pane_block(theme, &title, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        if rows.is_empty() {
            let help = "Nothing marked yet. Press m on a node to mark it (★ star, ▶ to use, ! to answer) and n to write a note.";
            for (i, line) in wrap(help, inner.width as usize)
                .iter()
                .enumerate()
                .take(inner.height as usize)
            {
                put_line(
                    buf,
                    inner.x,
                    inner.y + i as u16,
                    inner.width,
                    &[Span::styled(line.clone(), theme.style(Role::Dim))],
                    theme.style(Role::Text),
                );
            }
            return;
        }
        let cursor = app.marks_cursor;
        for (i, row) in rows
            .iter()
            .enumerate()
            .skip(cursor.offset)
            .take(inner.height as usize)
        {
            let spans = match row {
                MarkRow::Node(n) => node_spans(app, theme, *n, inner.width as usize),
                MarkRow::Orphan(id) => vec![Span::styled(
                    format!(
                        "  {} (no longer in this debate; kept in your notes)",
                        sanitize_line(id)
                    ),
                    theme.style(Role::Dim),
                )],
            };
            let selected = self.focused && i == cursor.selected;
            let base = super::row_style(theme, selected);
            put_row(
                buf,
                (inner.x, inner.y + (i - cursor.offset) as u16, inner.width),
                &spans,
                base,
                selected,
            );
        }
    }
}

fn node_spans<'a>(app: &'a App, theme: &Theme, n: NodeIx, width: usize) -> Vec<Span<'a>> {
    let node = app.graph.node(n);
    let l = app.label(n);
    let mark = app.mark_of(n).map(mark_symbol).unwrap_or(" ");
    let rel = symbols::first_relation(&app.graph, n);
    let mut spans = vec![
        Span::styled(mark, theme.style(Role::Mark)),
        Span::raw(" "),
        Span::styled(symbols::stance(rel), symbols::stance_style(theme, rel)),
        Span::styled(
            symbols::kind(node.kind),
            symbols::kind_style(theme, node.kind),
        ),
        Span::raw(" "),
        Span::styled(symbols::label(l), symbols::label_style(theme, l)),
        Span::raw(" "),
        Span::raw(sanitize_line(&node.title)),
    ];
    if let Some(note) = app.note_of(n) {
        spans.push(Span::styled(
            format!("  {NOTE} {}", truncate(&sanitize_line(note), width / 2)),
            theme.style(Role::Dim),
        ));
    }
    spans
}

pub struct NoteEditor<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub node: NodeIx,
    pub text: &'a str,
}

impl Widget for NoteEditor<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let rect = layout::centered(area, 70, 12);
        Clear.render(rect, buf);
        let title = format!(
            "Note on “{}” (Enter saves, Esc discards)",
            truncate(&sanitize_line(&self.app.graph.node(self.node).title), 30)
        );
        let block = pane_block(theme, &title, true);
        let inner = block.inner(rect);
        block.render(rect, buf);
        // The text with a block cursor at its end, wrapped; the end stays in view.
        let shown = format!("{}▏", sanitize_text(self.text));
        let lines = wrap(&shown, inner.width.max(1) as usize);
        let skip = lines.len().saturating_sub(inner.height as usize);
        for (i, line) in lines.iter().skip(skip).enumerate() {
            put_line(
                buf,
                inner.x,
                inner.y + i as u16,
                inner.width,
                &[Span::raw(line.clone())],
                theme.style(Role::Text),
            );
        }
    }
}
