//! The note editor: one paragraph on one node, saved with the user's marks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Widget};

use super::{pane_block, put_line};
use crate::graph::NodeIx;
use crate::text::{sanitize_line, sanitize_text, truncate, wrap};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::layout;
use crate::tui::overlay::Effect;
use crate::tui::theme::{Role, Theme};

/// The note being written, and the node it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteState {
    pub node: NodeIx,
    pub text: String,
}

impl NoteState {
    /// Typing edits the text; Enter saves, Esc discards.
    pub fn handle(&mut self, action: Action) -> Effect {
        match action {
            Action::Input(c) => self.text.push(c),
            Action::DeleteBack => {
                self.text.pop();
            }
            Action::Activate => return Effect::SaveNote,
            Action::Close => return Effect::Close(Some("Note discarded.")),
            Action::Quit => return Effect::Ignored,
            _ => {}
        }
        Effect::Consumed
    }
}

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
        let title = format!(
            "Note on “{}” ({} saves, {} discards)",
            truncate(&sanitize_line(node), 30),
            keymap::key_name(Context::Note, Action::Activate, keymap::first),
            keymap::key_name(Context::Note, Action::Close, keymap::first),
        );
        let block = pane_block(theme, &title, true);
        let inner = block.inner(rect);
        block.render(rect, buf);
        // The text with a block cursor at its end, wrapped; the end stays in view.
        let shown = format!("{}▏", sanitize_text(&self.state.text));
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
