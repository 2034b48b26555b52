//! The brief view: the user's side's points strongest first, with their
//! evidence, then the other side's points still standing with the
//! rebuttals the map offers, and how many are answered.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::{pane_block, put_row, symbols};
use crate::text::sanitize_line;
use crate::tui::app::{App, BriefRow};
use crate::tui::theme::{Role, Theme};

pub struct BriefView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for BriefView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let Some((brief, rows)) = &app.brief else {
            let block = pane_block(theme, "Brief", self.focused);
            let inner = block.inner(area);
            block.render(area, buf);
            super::note_line(buf, inner, theme, "This debate has no thesis to argue.");
            return;
        };
        let thesis = sanitize_line(&app.graph.node(brief.thesis).title);
        let title = format!(
            "Brief: arguing {} “{}” (s switches)",
            brief.side.name(),
            crate::text::truncate(&thesis, (area.width as usize).saturating_sub(40).max(10))
        );
        let block = pane_block(theme, &title, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        let cursor = app.brief_cursor;
        for (i, row) in rows
            .iter()
            .enumerate()
            .skip(cursor.offset)
            .take(inner.height as usize)
        {
            let y = inner.y + (i - cursor.offset) as u16;
            let spans: Vec<Span> = match row {
                BriefRow::Blank => vec![],
                BriefRow::Heading(h) => vec![Span::styled(h.clone(), theme.style(Role::Heading))],
                BriefRow::Ours { node, depth } | BriefRow::Theirs { node, depth } => {
                    let n = app.graph.node(*node);
                    let l = app.label(*node);
                    let ours = matches!(row, BriefRow::Ours { .. });
                    let (sym, style) = match (ours, depth) {
                        (true, 0) => (symbols::PRO, theme.style(Role::Pro)),
                        (false, 0) => (symbols::CON, theme.style(Role::Con)),
                        (_, _) => (symbols::kind(n.kind), symbols::kind_style(theme, n.kind)),
                    };
                    let mut spans = vec![
                        Span::raw("    ".repeat(*depth)),
                        Span::styled(sym, style),
                        Span::raw(" "),
                        Span::styled(symbols::label(l), symbols::label_style(theme, l)),
                        Span::raw(" "),
                        Span::raw(sanitize_line(&n.title)),
                    ];
                    if let Some(m) = app.mark_of(*node) {
                        spans.insert(
                            0,
                            Span::styled(
                                format!("{} ", super::marks::mark_symbol(m)),
                                theme.style(Role::Mark),
                            ),
                        );
                    }
                    spans
                }
            };
            let selected = self.focused && i == cursor.selected;
            let base = super::row_style(theme, selected);
            put_row(buf, (inner.x, y, inner.width), &spans, base, selected);
        }
    }
}
