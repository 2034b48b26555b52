//! The tours overlay: every tour of the debate, to start one in presenter mode.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Widget};

use super::{pane_block, put_line, put_row};
use crate::text::sanitize_line;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::layout;
use crate::tui::theme::{Role, Theme};
use crate::tui::viewstate::tours::*;

pub struct ToursOverlay<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub state: ToursState,
}

impl Widget for ToursOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let tours = &app.graph().tours;
        let rect = layout::tours_rect(area, tours.len());
        Clear.render(rect, buf);
        let title = format!(
            "Tours ({} starts, {} closes)",
            keymap::key_name(Context::Chooser, Action::Activate, keymap::first),
            keymap::key_name(Context::Chooser, Action::Close, keymap::first),
        );
        let block = pane_block(theme, &title, true);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let cursor = self.state.cursor;
        let shown = layout::tours_shown(area, tours.len());
        for (i, t) in tours.iter().enumerate().skip(cursor.offset).take(shown) {
            let y = inner.y + ((i - cursor.offset) * 2) as u16;
            let selected = i == cursor.selected;
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
