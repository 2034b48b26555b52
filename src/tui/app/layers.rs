//! The layer stack: opening layers, letting the top one handle an action,
//! and carrying out what it asks of the explorer. Presenter mode is a
//! layer like the others.

use super::{App, Visit};
use crate::search::Results;
use crate::tour::Presenter;
use crate::tui::action::Action;
use crate::tui::keymap;
use crate::tui::layout;
use crate::tui::overlay::{Effect, Overlay, Room};
use crate::tui::viewstate::help::HelpState;
use crate::tui::viewstate::note::NoteState;
use crate::tui::viewstate::presenter::CardLayout;
use crate::tui::viewstate::search::SearchState;
use crate::tui::viewstate::tours::ToursState;

impl App {
    /// What the layers need to know of the screen.
    fn room(&self) -> Room {
        // The help overlay shows its list less its border, in a screen
        // less two rows.
        let shown = (self.size.height as usize).saturating_sub(4).max(1);
        let tours = self.graph().tours.len();
        Room {
            help_max: crate::tui::viewstate::help::help_lines()
                .len()
                .saturating_sub(shown),
            tours: (tours, layout::tours_shown(self.size, tours)),
            results: self.main_height(),
        }
    }

    /// Lets the top layer handle `action`; false when it leaves it to the
    /// explorer.
    pub(super) fn handle_top_layer(&mut self, action: Action) -> bool {
        let room = self.room();
        let effect = match self.overlays.last_mut() {
            None => return false,
            Some(Overlay::Presenter) => return self.handle_presenter(action),
            Some(top) => top.handle(action, room),
        };
        self.carry_out(effect)
    }

    /// Carries out what a layer asked for; false if it ignored the action.
    fn carry_out(&mut self, effect: Effect) -> bool {
        match effect {
            Effect::Ignored => return false,
            Effect::Consumed => {}
            Effect::Say(message) => self.message = Some(message.into()),
            Effect::Close(message) => {
                self.overlays.pop();
                self.message = message.map(Into::into);
            }
            Effect::Jump(node) => {
                self.overlays.pop();
                self.visit(node);
            }
            Effect::StartTour(index) => {
                self.overlays.pop();
                self.start_tour(index);
            }
            Effect::SaveNote => {
                if let Some(Overlay::Note(note)) = self.overlays.pop() {
                    self.save_note(*note);
                }
            }
        }
        true
    }

    /// Opens the layer an action asks for.
    pub(super) fn open(&mut self, action: Action) {
        let layer = match action {
            Action::Help => Overlay::Help(HelpState::default()),
            Action::Tours if self.graph().tours.is_empty() => {
                self.message = Some("This debate has no tours.".into());
                return;
            }
            Action::Tours => Overlay::Tours(ToursState::default()),
            Action::Search => Overlay::Search(SearchState::new()),
            Action::EditNote => Overlay::Note(Box::new(NoteState::new(
                self.focused(),
                self.note_of(self.focused()).unwrap_or_default(),
            ))),
            _ => return,
        };
        self.overlays.push(layer);
    }

    /// Keeps the text of a note being typed, as the explorer is ended from
    /// outside (a closed terminal window, a kill): typed words are never lost.
    pub fn keep_note_draft(&mut self) {
        let Some(Overlay::Note(note)) = self.overlays.last() else {
            return;
        };
        let saved = self.note_of(note.node).unwrap_or_default();
        let text = note.text();
        if text.trim().is_empty() || text == saved {
            return;
        }
        let note = (**note).clone();
        self.save_note(note);
    }

    fn save_note(&mut self, note: NoteState) {
        let id = self.graph().node(note.node).id.clone();
        let text = note.text();
        self.model.state.set_note(&id, &text);
        self.model.dirty = true;
        self.message = Some(if text.trim().is_empty() {
            "Note removed.".into()
        } else {
            "Note saved.".into()
        });
    }

    /// The note being edited and its node, saved or not: what to keep as
    /// a draft if agon has to stop.
    pub fn note_draft(&self) -> Option<(crate::graph::NodeIx, String)> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Note(n) => Some((n.node, n.text())),
            _ => None,
        })
    }

    /// Saves a note still open in the editor with unsaved text (before
    /// quitting, so nothing typed is lost).
    pub(super) fn save_open_note(&mut self) {
        let at = self
            .overlays
            .iter()
            .rposition(|o| matches!(o, Overlay::Note(n) if n.unsaved()));
        if let Some(Overlay::Note(note)) = at.map(|i| self.overlays.remove(i)) {
            self.save_note(*note);
        }
    }

    /// Pasted text: into the text box on top (note or search), as text,
    /// never as keys. With no text box open it is dropped, and said so.
    pub fn paste(&mut self, text: &str) {
        self.message = None;
        match self.overlays.last_mut() {
            Some(Overlay::Note(note)) => note.paste(text),
            Some(Overlay::Search(search)) => search.paste(text),
            _ => {
                let keys =
                    keymap::key_name(keymap::Context::Global, Action::EditNote, keymap::first);
                self.message = Some(format!(
                    "Pasted text ignored: no text box is open ({keys} writes a note)."
                ));
            }
        }
    }

    /// Puts the card under every other layer (help, search and tours open
    /// over it).
    fn show_card(&mut self) {
        self.overlays.retain(|o| *o != Overlay::Presenter);
        self.overlays.insert(0, Overlay::Presenter);
    }

    fn start_tour(&mut self, index: usize) {
        match Presenter::new(self.graph(), index) {
            Some(p) => {
                let node = p.step().node;
                self.model.tour = Some(p);
                self.show_card();
                self.visit(node);
            }
            None => self.message = Some("That tour has no steps.".into()),
        }
    }

    /// Back to the running tour's card from the explorer.
    pub(super) fn resume_tour(&mut self) {
        if self.model.tour.is_some() {
            self.show_card();
        } else {
            let tours = keymap::key_name(keymap::Context::Global, Action::Tours, keymap::first);
            self.message = Some(format!("No tour is running; {tours} lists the tours."));
        }
    }

    /// Presenter mode's own actions; help, search, tours and quitting work
    /// over the card, and anything else would change the explorer hidden
    /// behind it.
    fn handle_presenter(&mut self, action: Action) -> bool {
        let Some(p) = self.model.tour.as_mut() else {
            self.overlays.retain(|o| *o != Overlay::Presenter);
            return false;
        };
        let key = |action| keymap::key_name(keymap::Context::Presenter, action, keymap::first);
        match action {
            Action::NextStep | Action::PrevStep => {
                let next = action == Action::NextStep;
                let moved = if next { p.next() } else { p.prev() };
                let node = p.step().node;
                if moved {
                    self.views.card.scroll = 0;
                    self.focus(node, Visit::Record);
                } else if next {
                    let leave = key(Action::Close);
                    self.message = Some(format!("End of the tour. {leave} leaves presenter mode."));
                }
            }
            Action::Up => {
                let card = &mut self.views.card;
                card.scroll = card.scroll.saturating_sub(1);
            }
            Action::Down => {
                let max = self.card_max_scroll();
                let card = &mut self.views.card;
                card.scroll = (card.scroll + 1).min(max);
            }
            Action::ToggleNarration => {
                let card = &mut self.views.card;
                card.hide_narration = !card.hide_narration;
                card.scroll = 0;
                let key = key(Action::ToggleNarration);
                self.message = Some(if card.hide_narration {
                    format!("Narration hidden from the card; {key} shows it.")
                } else {
                    "Narration shown.".into()
                });
            }
            Action::Reveal if p.reveal_next().is_none() => {
                self.message = Some("Everything here is revealed.".into());
            }
            Action::PresenterExplore => {
                self.overlays.retain(|o| *o != Overlay::Presenter);
                let back = key(Action::PresenterExplore);
                self.message = Some(format!("Exploring; press {back} to return to the tour."));
            }
            Action::Close => {
                self.model.tour = None;
                self.overlays.retain(|o| *o != Overlay::Presenter);
            }
            Action::Help
            | Action::Search
            | Action::Tours
            | Action::Quit
            | Action::ClearWhatIfs
            | Action::Resize { .. } => return false,
            _ => {}
        }
        true
    }

    /// How far the card's text scrolls at this screen size (measured by
    /// the card itself; styles do not change line counts).
    fn card_max_scroll(&self) -> usize {
        let Some(presenter) = self.tour() else {
            return 0;
        };
        let theme = crate::tui::theme::Theme::monochrome();
        let card = CardLayout {
            graph: self.graph(),
            whatif: self.whatif(),
            card: self.views.card,
            theme: &theme,
            presenter,
        };
        card.max_scroll(self.size)
    }

    fn search_mut(&mut self) -> Option<&mut SearchState> {
        self.overlays.iter_mut().rev().find_map(|o| match o {
            Overlay::Search(s) => Some(s),
            _ => None,
        })
    }

    /// Results from the search thread; stale ones (for a query no longer
    /// in the box) are dropped. When Enter was waiting for them, the jump
    /// happens now, as Enter's would have.
    pub fn receive_search(&mut self, results: Results) {
        let Some(search) = self.search_mut() else {
            return;
        };
        if let Some(effect) = search.receive(results) {
            self.message = None;
            self.carry_out(effect);
            self.refresh_summary();
        }
    }

    /// The query waiting to be handed to the search thread, if any, and
    /// how many results it asks for.
    pub fn take_search_query(&mut self) -> Option<(String, usize)> {
        let search = self.search_mut()?;
        let limit = search.limit();
        search.pending.take().map(|q| (q, limit))
    }
}
