//! The outline pane: only the rows in view are built, whatever the graph's size.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::{pane_block, put_row, symbols};
use crate::text::sanitize_line;
use crate::tui::app::App;
use crate::tui::outline::Row;
use crate::tui::theme::{Role, Theme};

pub struct OutlineView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for OutlineView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let state = app.outline();
        let title = format!(
            "Outline {}/{}",
            state.cursor.selected + 1,
            state.tree.rows.len()
        );
        let block = pane_block(theme, &title, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        let cursor = state.cursor;
        for (i, row) in state
            .tree
            .rows
            .iter()
            .enumerate()
            .skip(cursor.offset)
            .take(inner.height as usize)
        {
            let y = inner.y + (i - cursor.offset) as u16;
            let selected = i == cursor.selected;
            let spans = row_spans(app, theme, row);
            let base = if selected {
                theme.style(Role::Selection)
            } else if app.whatif().changed(row.node) {
                theme.style(Role::Changed)
            } else {
                theme.style(Role::Text)
            };
            put_row(buf, (inner.x, y, inner.width), &spans, base, selected);
        }
    }
}

/// One outline row: indent, fold marker, stance, kind, label, title, counts.
pub fn row_spans<'a>(app: &'a App, theme: &Theme, row: &Row) -> Vec<Span<'a>> {
    let node = app.graph().node(row.node);
    let label = app.label(row.node);
    let fold = if row.cycle {
        symbols::CYCLE
    } else if row.children == 0 {
        symbols::LEAF
    } else if row.expanded {
        symbols::UNFOLDED
    } else {
        symbols::FOLDED
    };
    let mark = app
        .mark_of(row.node)
        .map(super::symbols::mark_symbol)
        .unwrap_or(" ");
    let mut spans = vec![
        Span::styled(mark, theme.style(Role::Mark)),
        Span::raw("  ".repeat(row.depth.min(12))),
        Span::styled(fold, theme.style(Role::Dim)),
        Span::raw(" "),
        // A root that is not a thesis reaches no thesis (an unattached
        // point, or a cycle of attacks in a framework without roots).
        if row.relation.is_none() && node.kind != crate::graph::Kind::Thesis {
            Span::styled(symbols::UNROOTED, theme.style(Role::Dim))
        } else {
            Span::styled(
                symbols::stance(row.relation),
                symbols::stance_style(theme, row.relation),
            )
        },
    ];
    let kind = symbols::kind(node.kind);
    if !kind.is_empty() {
        spans.push(Span::styled(kind, symbols::kind_style(theme, node.kind)));
    }
    spans.push(Span::styled(symbols::origin(node), theme.style(Role::Dim)));
    spans.push(Span::raw(" "));
    if app.whatif().is_suspended(row.node) {
        spans.push(Span::styled(symbols::SUSPENDED, theme.style(Role::Warning)));
    } else {
        spans.push(Span::styled(
            symbols::label(label),
            symbols::label_style(theme, label),
        ));
    }
    spans.push(Span::styled(
        format!(" {}", super::strength_cell_of(app, row.node)),
        theme.style(Role::Dim),
    ));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(
        sanitize_line(&node.title),
        symbols::kind_style(theme, node.kind),
    ));
    if !row.expanded && row.children > 0 && !row.cycle {
        spans.push(Span::styled(
            format!(" ({})", row.children),
            theme.style(Role::Dim),
        ));
    }
    if app.note_of(row.node).is_some() {
        spans.push(Span::styled(
            format!(" {}", super::symbols::NOTE),
            theme.style(Role::Mark),
        ));
    }
    if row.shared {
        spans.push(Span::styled(
            format!(" {}", symbols::SHARED),
            theme.style(Role::Dim),
        ));
    }
    spans
}
