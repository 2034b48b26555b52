//! The pro / con columns: the focused node on top, what supports it on the
//! left, what opposes it on the right (as Kialo shows a claim).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Widget};

use super::{pane_block, put_line, put_row, symbols};
use crate::graph::{NodeIx, Relation};
use crate::text::{sanitize_line, truncate, wrap};
use crate::tui::app::App;
use crate::tui::cursor::ListCursor;
use crate::tui::layout;
use crate::tui::theme::{Role, Theme};
use crate::tui::viewstate::columns::*;

pub struct ColumnsView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for ColumnsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let block = pane_block(theme, "Pro / Con", self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height < 3 || inner.width < 10 {
            return;
        }
        // The focused node, in up to two lines.
        let focus = app.graph().node(app.focused());
        let head = wrap(
            &sanitize_line(&focus.title),
            inner.width.saturating_sub(4) as usize,
        );
        for (i, line) in head.iter().take(2).enumerate() {
            let mut spans = Vec::new();
            if i == 0 {
                spans.push(super::label_span(app, theme, app.focused()));
                spans.push(Span::raw(" "));
            } else {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(line.clone(), theme.style(Role::Heading)));
            put_line(
                buf,
                inner.x,
                inner.y + i as u16,
                inner.width,
                &spans,
                theme.style(Role::Text),
            );
        }
        let body = layout::columns_body(area);
        let lists = app.columns();
        let state = app.columns_state();
        for column in Column::BOTH {
            ColumnList {
                app,
                theme,
                list: &lists[column.index()],
                relation: column.relation(),
                active: self.focused && state.active == column,
                cursor: state.cursor(column),
            }
            .render(layout::column_area(body, column.index()), buf);
        }
    }
}

struct ColumnList<'a> {
    app: &'a App,
    theme: &'a Theme,
    list: &'a [NodeIx],
    relation: Relation,
    active: bool,
    cursor: ListCursor,
}

impl Widget for ColumnList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let standing = self
            .list
            .iter()
            .filter(|&&n| app.label(n) == crate::eval::Label::In)
            .count();
        let (sym, word) = match (self.relation, app.columns_state().by_strength) {
            (Relation::Supports, false) => (symbols::PRO, "Supporting"),
            (Relation::Attacks, false) => (symbols::CON, "Opposing"),
            (Relation::Supports, true) => (symbols::PRO, "Your strongest points"),
            (Relation::Attacks, true) => (symbols::CON, "Their most dangerous attacks"),
        };
        let style = symbols::stance_style(theme, Some(self.relation));
        let title = format!(" {sym} {word}: {} ({standing} stand) ", self.list.len());
        let border = if self.active {
            theme.style(Role::BorderFocused)
        } else {
            theme.style(Role::Border)
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(border)
            .title(Span::styled(title, style));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        if self.list.is_empty() {
            super::empty_message(buf, inner, theme, "(none)");
            return;
        }
        let h = (inner.height as usize).max(1);
        // Keep the selection in view even if the layout changed since the
        // cursor last scrolled.
        let mut offset = self.cursor.offset.min(self.list.len().saturating_sub(1));
        if self.cursor.selected >= offset + h {
            offset = self.cursor.selected + 1 - h;
        }
        for (i, &n) in self.list.iter().enumerate().skip(offset).take(h) {
            let node = app.graph().node(n);
            let below = app.graph().child_count(n);
            let counts = if below > 0 {
                format!(
                    " [{}+ {}−]",
                    app.graph().supporters(n).len(),
                    app.graph().attackers(n).len()
                )
            } else {
                String::new()
            };
            let strength = format!(" {}", super::strength_cell_of(app, n));
            let budget = (inner.width as usize).saturating_sub(11 + crate::text::width(&counts));
            let spans = vec![
                Span::styled(sym, style),
                Span::styled(
                    symbols::kind(node.kind),
                    symbols::kind_style(theme, node.kind),
                ),
                Span::styled(symbols::origin(node), theme.style(Role::Dim)),
                Span::raw(" "),
                super::label_span(app, theme, n),
                Span::styled(strength, theme.style(Role::Dim)),
                Span::raw(" "),
                Span::raw(truncate(&sanitize_line(&node.title), budget)),
                Span::styled(counts, theme.style(Role::Dim)),
            ];
            let selected = self.active && i == self.cursor.selected;
            let base = super::row_style(theme, selected);
            put_row(
                buf,
                (inner.x, inner.y + (i - offset) as u16, inner.width),
                &spans,
                base,
                selected,
            );
        }
    }
}
