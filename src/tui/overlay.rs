//! The layer stack: overlays drawn over the explorer, presenter mode
//! included. The top layer sees each action first and says what it did
//! with it ([`Effect`]); the app carries out what reaches beyond the layer.
//! The key contexts come from the top layer too, so dispatch, hints and
//! drawing agree on which layer is on top.

use super::keymap::Context;
pub use super::viewstate::Effect;
use super::viewstate::help::HelpState;
use super::viewstate::note::NoteState;
use super::viewstate::search::SearchState;
use super::viewstate::tours::ToursState;

/// One layer over the explorer.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help(HelpState),
    Tours(ToursState),
    /// The search box; its query, results and cursor live in its state.
    Search(SearchState),
    /// The note editor for one node.
    Note(Box<NoteState>),
    /// A running tour's card over the whole screen. It sits at the bottom
    /// of the stack: help, search and tours open over it.
    Presenter,
}

/// What layers need to know of the screen to move their cursors.
#[derive(Debug, Clone, Copy)]
pub struct Room {
    /// How far the help text scrolls at most.
    pub help_max: usize,
    /// How many tours there are, and how many the overlay shows at once.
    pub tours: (usize, usize),
    /// Rows of the search box's result list.
    pub results: usize,
}

impl Overlay {
    /// The keymap contexts while this layer is on top, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        let own = match self {
            // Help only scrolls: its own keys close it, the chooser's scroll it.
            Overlay::Help(_) => return vec![Context::Help, Context::Chooser, Context::Global],
            Overlay::Tours(_) => Context::Chooser,
            Overlay::Search(_) => Context::Search,
            Overlay::Note(_) => Context::Note,
            Overlay::Presenter => Context::Presenter,
        };
        vec![own, Context::Global]
    }

    /// Lets the layer handle an action. Presenter mode's steps move the
    /// explorer behind it, so the app handles those itself.
    pub fn handle(&mut self, action: super::action::Action, room: Room) -> Effect {
        match self {
            Overlay::Help(h) => h.handle(action, room.help_max),
            Overlay::Tours(t) => t.handle(action, room.tours),
            Overlay::Search(s) => s.handle(action, room.results),
            Overlay::Note(n) => n.handle(action),
            Overlay::Presenter => Effect::Ignored,
        }
    }
}
