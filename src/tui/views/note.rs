//! The note editor: a multi-line text area on one node, saved with the
//! user's marks. The editing itself is `ratatui-textarea`'s; this file maps
//! the keymap's actions onto it and guards unsaved text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Clear, Widget};

use super::pane_block;
use crate::text::{sanitize_line, truncate};
use crate::tui::action::{Action, Edit};
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::layout;
use crate::tui::theme::{Role, Theme};
use crate::tui::viewstate::note::*;

pub struct NoteEditor<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub state: &'a NoteState,
}

impl Widget for NoteEditor<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let rect = layout::centered(area, 70, 12);
        Clear.render(rect, buf);
        let node = &self.app.graph().node(self.state.node).title;
        let key = |action| keymap::key_name(Context::Note, action, keymap::first);
        let title = if self.state.confirm_discard {
            format!(
                "Unsaved note: {} again drops it, {} saves it",
                key(Action::Close),
                key(Action::Save)
            )
        } else {
            format!(
                "Note on “{}” ({} saves, {} line break)",
                truncate(&sanitize_line(node), 30),
                key(Action::Save),
                key(Action::Edit(Edit::NewLine)),
            )
        };
        let block = pane_block(theme, &title, true);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let mut text = self.state.area.clone();
        text.set_style(theme.style(Role::Text));
        text.set_cursor_line_style(theme.style(Role::Text));
        text.set_cursor_style(theme.style(Role::Text).add_modifier(Modifier::REVERSED));
        (&text).render(inner, buf);
    }
}
