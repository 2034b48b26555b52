//! Overlays that list things: every key (from the keymap), and the tours.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Widget};

use super::{pane_block, put_line, put_row};
use crate::text::sanitize_line;
use crate::tui::app::{App, ListCursor};
use crate::tui::keymap::{Context, KEYMAP};
use crate::tui::layout;
use crate::tui::theme::{Role, Theme};

pub struct HelpOverlay<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub scroll: usize,
}

/// The help text's lines, generated from the keymap.
pub fn help_lines() -> Vec<(Option<Context>, String, &'static str)> {
    let mut lines = Vec::new();
    let mut seen = Vec::new();
    for bd in KEYMAP {
        if !seen.contains(&bd.context) {
            seen.push(bd.context);
            if !lines.is_empty() {
                lines.push((None, String::new(), ""));
            }
            lines.push((Some(bd.context), String::new(), ""));
        }
        lines.push((None, bd.keys_label(), bd.desc));
    }
    // The search box's filters, from the search module's own table.
    lines.push((None, String::new(), ""));
    lines.push((Some(Context::Search), String::new(), "filters"));
    for (syntax, meaning) in crate::search::FILTER_HELP {
        lines.push((None, syntax.to_string(), meaning));
    }
    lines
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let _ = self.app;
        let rect = layout::centered(area, 72, area.height.saturating_sub(2));
        Clear.render(rect, buf);
        let block = pane_block(theme, "Keys (Esc closes, ↑/↓ scroll)", true);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let lines = help_lines();
        let scroll = self.scroll.min(lines.len().saturating_sub(1));
        for (row, (ctx, keys, desc)) in lines
            .iter()
            .skip(scroll)
            .take(inner.height as usize)
            .enumerate()
        {
            let y = inner.y + row as u16;
            let spans = match ctx {
                Some(c) if desc.is_empty() => {
                    vec![Span::styled(c.title(), theme.style(Role::Heading))]
                }
                Some(c) => vec![Span::styled(
                    format!("{}: {desc}", c.title()),
                    theme.style(Role::Heading),
                )],
                None => vec![
                    Span::styled(format!("  {keys:<20}"), theme.style(Role::Accent)),
                    Span::raw(*desc),
                ],
            };
            put_line(
                buf,
                inner.x,
                y,
                inner.width,
                &spans,
                theme.style(Role::Text),
            );
        }
    }
}

pub struct ToursOverlay<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub cursor: ListCursor,
}

impl Widget for ToursOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let tours = &app.graph.tours;
        let rect = layout::centered(area, 76, (tours.len() * 2 + 4) as u16);
        Clear.render(rect, buf);
        let block = pane_block(theme, "Tours (Enter starts, Esc closes)", true);
        let inner = block.inner(rect);
        block.render(rect, buf);
        for (i, t) in tours.iter().enumerate().take(inner.height as usize / 2) {
            let y = inner.y + (i * 2) as u16;
            let selected = i == self.cursor.selected;
            let base = super::row_style(theme, selected);
            put_row(
                buf,
                (inner.x, y, inner.width),
                &[
                    Span::styled(sanitize_line(&t.title), theme.style(Role::Heading)),
                    Span::styled(
                        format!("  ({} steps)", t.steps.len()),
                        theme.style(Role::Dim),
                    ),
                ],
                base,
                selected,
            );
            if let Some(d) = &t.description {
                put_line(
                    buf,
                    inner.x,
                    y + 1,
                    inner.width,
                    &[Span::styled(
                        format!("  {}", sanitize_line(d)),
                        theme.style(Role::Dim),
                    )],
                    theme.style(Role::Text),
                );
            }
        }
    }
}
