//! The tours overlay's state: the selected tour.

use crate::tui::action::Action;
use crate::tui::cursor::ListCursor;
use crate::tui::overlay::Effect;

/// The tours overlay's state: the selected tour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ToursState {
    pub cursor: ListCursor,
}

impl ToursState {
    /// Moves through `len` tours of which `shown` fit; Enter starts one.
    pub fn handle(&mut self, action: Action, (len, shown): (usize, usize)) -> Effect {
        match action {
            Action::Tours | Action::Search | Action::Help | Action::Quit | Action::ClearWhatIfs => {
                Effect::Ignored
            }
            Action::Close => Effect::Close(None),
            Action::Up => {
                self.cursor.move_by(-1, len, shown);
                Effect::Consumed
            }
            Action::Down => {
                self.cursor.move_by(1, len, shown);
                Effect::Consumed
            }
            Action::Activate => Effect::StartTour(self.cursor.selected),
            _ => Effect::Consumed,
        }
    }
}
