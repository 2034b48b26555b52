//! The sources view: every source with what it states about itself, and
//! the evidence that cites it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::{pane_block, put_row, symbols};
use crate::text::sanitize_line;
use crate::tui::app::App;
use crate::tui::theme::{Role, Theme};
use crate::tui::viewstate::sources::*;

pub struct SourcesView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for SourcesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let title = format!("Sources ({})", app.graph().sources.len());
        let block = pane_block(theme, &title, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        let state = app.sources();
        if state.rows.is_empty() {
            super::empty_message(buf, inner, theme, "This debate lists no sources.");
            return;
        }
        let cursor = state.cursor;
        for (i, row) in state
            .rows
            .iter()
            .enumerate()
            .skip(cursor.offset)
            .take(inner.height as usize)
        {
            let spans = match *row {
                SourceRow::Source(s) => {
                    let src = &app.graph().sources[s];
                    let meta: Vec<String> = [&src.outlet, &src.author, &src.date]
                        .into_iter()
                        .flatten()
                        .map(|m| sanitize_line(m))
                        .collect();
                    let mut spans = vec![Span::styled(
                        format!("{} {}", symbols::SOURCE, sanitize_line(&src.title)),
                        theme.style(Role::Heading),
                    )];
                    if !meta.is_empty() {
                        spans.push(Span::styled(
                            format!(" — {}", meta.join(", ")),
                            theme.style(Role::Dim),
                        ));
                    }
                    spans
                }
                SourceRow::Citation(n) => {
                    let node = app.graph().node(n);
                    let mut spans = vec![
                        Span::raw("   "),
                        Span::styled(symbols::EVIDENCE, theme.style(Role::Evidence)),
                        Span::raw(" "),
                        super::label_span(app, theme, n),
                        Span::raw(" "),
                        Span::raw(sanitize_line(&node.title)),
                    ];
                    if let Some(loc) = &node.locator {
                        spans.push(Span::styled(
                            format!(" ({})", sanitize_line(loc)),
                            theme.style(Role::Dim),
                        ));
                    }
                    spans
                }
            };
            let selected = i == cursor.selected && self.focused;
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
