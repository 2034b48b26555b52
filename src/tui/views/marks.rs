//! The marks view: everything the user marked or wrote a note on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::symbols::{NOTE, mark_symbol};
use super::{pane_block, put_line, put_row, symbols};
use crate::graph::NodeIx;
use crate::text::{sanitize_line, truncate, wrap};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::{Role, Theme};
use crate::tui::viewstate::marks::*;

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
            let help = format!(
                "Nothing marked yet. Press {} on a node to mark it (★ star, ▶ to use, ! to answer) and {} to write a note.",
                keymap::key_name(Context::Global, Action::CycleMark, keymap::first),
                keymap::key_name(Context::Global, Action::EditNote, keymap::first),
            );
            for (i, line) in wrap(&help, inner.width as usize)
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
        let cursor = app.marks().cursor;
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
    let node = app.graph().node(n);
    let mark = app.mark_of(n).map(mark_symbol).unwrap_or(" ");
    let rel = symbols::first_relation(app.graph(), n);
    let mut spans = vec![
        Span::styled(mark, theme.style(Role::Mark)),
        Span::raw(" "),
        Span::styled(symbols::stance(rel), symbols::stance_style(theme, rel)),
        Span::styled(
            symbols::kind(node.kind),
            symbols::kind_style(theme, node.kind),
        ),
        Span::raw(" "),
        super::label_span(app, theme, n),
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
