//! The note editor's state: the text being written and what it started from.

use crate::graph::NodeIx;
use crate::text::sanitize_line;
use crate::tui::action::{Action, Edit};
use crate::tui::overlay::Effect;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// The note being written, the node it is on, and the text it started
/// from (to tell whether closing would drop anything).
#[derive(Debug, Clone)]
pub struct NoteState {
    pub node: NodeIx,
    pub(in crate::tui) area: TextArea<'static>,
    saved: String,
    /// Esc was pressed over unsaved changes: the next Esc drops them.
    pub(in crate::tui) confirm_discard: bool,
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
