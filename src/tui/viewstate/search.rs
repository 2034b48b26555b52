//! The search box's state: query, results and cursor, and how it handles keys.

use crate::search::Results;
use crate::tui::action::Action;
use crate::tui::cursor::ListCursor;
use crate::tui::overlay::Effect;

/// Everything about the search box: the query, the query waiting to be
/// handed to the search thread, the latest results for it, and the cursor.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchState {
    pub query: String,
    pub cursor: ListCursor,
    /// The latest results for `query`; stale ones are never kept.
    pub results: Option<Results>,
    /// A query the terminal loop is to hand to the search thread.
    pub pending: Option<String>,
    /// Enter was pressed before the results for the typed query arrived:
    /// jump as soon as they do, rather than to a stale result.
    pub jump_waiting: bool,
    /// How many results to ask for, beyond [`FIRST_RESULTS`]: it grows as
    /// the cursor nears the end of what is there.
    pub limit: usize,
}

/// How many results a query asks for at first.
pub const FIRST_RESULTS: usize = 200;

impl SearchState {
    /// An empty box, asking for the empty query's results at once.
    pub fn new() -> SearchState {
        SearchState {
            pending: Some(String::new()),
            ..SearchState::default()
        }
    }

    /// Typing edits the query, arrows move through the results (a list of
    /// `height` rows), Enter jumps, Esc closes.
    pub fn handle(&mut self, action: Action, height: usize) -> Effect {
        let hits = self.results.as_ref().map_or(0, |r| r.hits.len());
        match action {
            Action::Input(c) => {
                self.jump_waiting = false;
                self.query.push(c);
                self.edited();
            }
            Action::DeleteBack => {
                self.query.pop();
                self.edited();
            }
            Action::ClearInput => {
                self.query.clear();
                self.edited();
            }
            Action::Up => self.cursor.move_by(-1, hits, height),
            Action::Down => self.cursor.move_by(1, hits, height),
            Action::PageUp => self.cursor.move_by(-(height.max(1) as isize), hits, height),
            Action::PageDown => self.cursor.move_by(height.max(1) as isize, hits, height),
            Action::Top => self.cursor.move_by(isize::MIN / 2, hits, height),
            Action::Bottom => self.cursor.move_by(isize::MAX / 2, hits, height),
            Action::Activate if !self.fresh() => self.jump_waiting = true,
            Action::Activate => return self.jump(),
            Action::Close => return Effect::Close(None),
            Action::Quit => return Effect::Ignored,
            _ => {}
        }
        self.more_near_the_end(height);
        Effect::Consumed
    }

    /// Pasted text joins the query, its line breaks as spaces.
    pub fn paste(&mut self, text: &str) {
        self.jump_waiting = false;
        let flat: Vec<String> = text.lines().map(crate::text::sanitize_line).collect();
        self.query.push_str(&flat.join(" "));
        self.edited();
    }

    fn edited(&mut self) {
        self.cursor = ListCursor::default();
        self.limit = FIRST_RESULTS;
        self.pending = Some(self.query.clone());
    }

    /// How many results to ask the search for.
    pub fn limit(&self) -> usize {
        self.limit.max(FIRST_RESULTS)
    }

    /// Within a page of the last result when more matched: ask for four
    /// times as many, keeping the cursor where it is.
    fn more_near_the_end(&mut self, height: usize) {
        let Some(r) = &self.results else {
            return;
        };
        let shown = r.hits.len();
        if r.complete
            && self.pending.is_none()
            && shown < r.total_matched
            && self.cursor.selected + height.max(1) >= shown
            && r.query == self.query
        {
            self.limit = (shown * 4).max(self.limit());
            self.pending = Some(self.query.clone());
        }
    }

    /// Whether the results shown are all there is for the typed query.
    fn fresh(&self) -> bool {
        self.results
            .as_ref()
            .is_some_and(|r| r.query == self.query && r.complete)
    }

    fn jump(&self) -> Effect {
        let hit = self
            .results
            .as_ref()
            .and_then(|r| r.hits.get(self.cursor.selected));
        match hit {
            Some(hit) => Effect::Jump(hit.node),
            None => Effect::Say("No result to jump to."),
        }
    }

    /// Takes results from the search thread; stale ones (for a query no
    /// longer in the box) are dropped. Returns the node to jump to when
    /// Enter was waiting for these results.
    pub fn receive(&mut self, results: Results) -> Option<Effect> {
        if results.query != self.query {
            return None;
        }
        let complete = results.complete;
        self.results = Some(results);
        if self.jump_waiting && complete {
            self.jump_waiting = false;
            return Some(self.jump());
        }
        None
    }
}

#[cfg(test)]
mod paging_tests {
    use super::*;
    use crate::graph::NodeIx;
    use crate::search::Hit;

    fn with_hits(n: usize) -> SearchState {
        let hits = (0..n).map(|i| Hit::unranked(NodeIx(i as u32))).collect();
        SearchState {
            query: "x".into(),
            results: Some(Results {
                hits,
                total_matched: n,
                ..Results::empty("x")
            }),
            ..SearchState::default()
        }
    }

    #[test]
    fn page_keys_home_and_end_move_through_the_results() {
        let mut s = with_hits(95);
        let at = |s: &SearchState| s.cursor.selected;
        s.handle(Action::PageDown, 10);
        assert_eq!(at(&s), 10);
        s.handle(Action::PageDown, 10);
        s.handle(Action::PageUp, 10);
        assert_eq!(at(&s), 10);
        s.handle(Action::Bottom, 10);
        assert_eq!(at(&s), 94);
        assert!(s.cursor.offset + 10 > 94, "the last result is on screen");
        s.handle(Action::PageDown, 10);
        assert_eq!(at(&s), 94);
        s.handle(Action::Top, 10);
        assert_eq!((at(&s), s.cursor.offset), (0, 0));
        s.handle(Action::PageUp, 10);
        assert_eq!(at(&s), 0);
    }

    #[test]
    fn ctrl_u_clears_the_box_and_asks_for_the_empty_query() {
        let mut s = with_hits(3);
        s.query = "morale".into();
        s.handle(Action::ClearInput, 10);
        assert_eq!(s.query, "");
        assert_eq!(s.pending.as_deref(), Some(""));
    }
}

#[cfg(test)]
mod growing_tests {
    use super::*;

    #[test]
    fn nearing_the_end_asks_for_more_results_and_keeps_the_cursor() {
        let mut s = SearchState::new();
        s.query = "x".into();
        s.pending = None;
        let hits = vec![crate::search::Hit::unranked(crate::graph::NodeIx(0)); FIRST_RESULTS];
        s.results = Some(Results {
            hits,
            total_matched: 5000,
            ..Results::empty("x")
        });
        s.handle(Action::PageDown, 20);
        assert_eq!(s.pending, None, "far from the end: nothing more asked");
        s.handle(Action::Bottom, 20);
        assert_eq!(s.pending.as_deref(), Some("x"));
        assert_eq!(s.limit(), FIRST_RESULTS * 4);
        assert_eq!(s.cursor.selected, FIRST_RESULTS - 1);
        // Typing starts again from the first page.
        s.handle(Action::Input('y'), 20);
        assert_eq!(s.limit(), FIRST_RESULTS);
    }
}
