//! The note editor: a multi-line text area on one node, saved with the
//! user's marks. The editing itself is `ratatui-textarea`'s; this file maps
//! the keymap's actions onto it and guards unsaved text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Clear, Widget};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::pane_block;
use crate::graph::NodeIx;
use crate::text::{sanitize_line, truncate};
use crate::tui::action::{Action, Edit};
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::layout;
use crate::tui::overlay::Effect;
use crate::tui::theme::{Role, Theme};

/// The note being written, the node it is on, and the text it started
/// from (to tell whether closing would drop anything).
#[derive(Debug, Clone)]
pub struct NoteState {
    pub node: NodeIx,
    area: TextArea<'static>,
    saved: String,
    /// Esc was pressed over unsaved changes: the next Esc drops them.
    confirm_discard: bool,
}

impl PartialEq for NoteState {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node && self.text() == other.text() && self.saved == other.saved
    }
}

impl NoteState {
    /// An editor on `node` holding its saved note, the cursor at the end.
    pub fn new(node: NodeIx, saved: &str) -> NoteState {
        let mut area = TextArea::new(saved.split('\n').map(String::from).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        NoteState {
            node,
            area,
            saved: saved.to_string(),
            confirm_discard: false,
        }
    }

    /// The text as it stands in the editor, saved or not (a draft to keep
    /// when agon has to stop).
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Whether closing now would drop typed text.
    pub fn unsaved(&self) -> bool {
        self.text() != self.saved
    }

    /// Pasted text goes in as text, line breaks included, whatever it holds:
    /// a paste never becomes commands.
    pub fn paste(&mut self, text: &str) {
        self.confirm_discard = false;
        let clean = text.replace("\r\n", "\n").replace('\r', "\n");
        let clean: Vec<String> = clean.split('\n').map(sanitize_line).collect();
        self.area.insert_str(clean.join("\n"));
    }

    /// Typing and the editing keys edit; Ctrl-S saves; Esc closes, asking
    /// first when something typed would be lost.
    pub fn handle(&mut self, action: Action) -> Effect {
        let confirming = std::mem::take(&mut self.confirm_discard);
        let a = &mut self.area;
        match action {
            Action::Input(c) => a.insert_char(c),
            Action::DeleteBack => {
                a.delete_char();
            }
            Action::Edit(edit) => edit_area(a, edit),
            Action::Save => return Effect::SaveNote,
            Action::Close if !self.unsaved() || confirming => {
                return Effect::Close(self.unsaved().then_some("Note changes dropped."));
            }
            Action::Close => {
                self.confirm_discard = true;
                return Effect::Consumed;
            }
            Action::Quit => return Effect::Ignored,
            _ => {}
        }
        Effect::Consumed
    }
}

fn edit_area(a: &mut TextArea<'static>, edit: Edit) {
    match edit {
        Edit::Left => a.move_cursor(CursorMove::Back),
        Edit::Right => a.move_cursor(CursorMove::Forward),
        Edit::Up => a.move_cursor(CursorMove::Up),
        Edit::Down => a.move_cursor(CursorMove::Down),
        Edit::LineStart => a.move_cursor(CursorMove::Head),
        Edit::LineEnd => a.move_cursor(CursorMove::End),
        Edit::NewLine => a.insert_newline(),
        Edit::DeleteWord => {
            a.delete_word();
        }
        Edit::DeleteToLineStart => {
            a.delete_line_by_head();
        }
        Edit::DeleteForward => {
            a.delete_next_char();
        }
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
