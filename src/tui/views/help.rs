//! The help overlay: every key, generated from the keymap, then what the
//! symbols and labels mean.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Widget};

use super::{pane_block, put_line};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::layout;
use crate::tui::theme::{Role, Theme};
use crate::tui::viewstate::help::*;

pub struct HelpOverlay<'a> {
    pub theme: &'a Theme,
    pub state: HelpState,
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let rect = layout::centered(area, 72, area.height.saturating_sub(2));
        Clear.render(rect, buf);
        let title = format!(
            "Keys ({} closes, {}/{} scroll)",
            keymap::key_name(Context::Help, Action::Close, keymap::first),
            keymap::key_name(Context::Chooser, Action::Up, keymap::named),
            keymap::key_name(Context::Chooser, Action::Down, keymap::named),
        );
        let block = pane_block(theme, &title, true);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let lines = help_lines();
        let scroll = self.state.scroll.min(lines.len().saturating_sub(1));
        for (row, line) in lines
            .iter()
            .skip(scroll)
            .take(inner.height as usize)
            .enumerate()
        {
            let y = inner.y + row as u16;
            let spans = match line {
                HelpLine::Heading(h) => vec![Span::styled(h.as_str(), theme.style(Role::Heading))],
                HelpLine::Blank => vec![],
                HelpLine::Text(t) => vec![Span::raw(format!("  {t}"))],
                HelpLine::Entry(keys, desc) => vec![
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
