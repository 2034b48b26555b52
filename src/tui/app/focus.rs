//! Moving the focus: one function, [`App::focus`], that every move goes
//! through, and what leads to it (views, history, parents).

use super::{App, Pane, Visit};
use crate::graph::NodeIx;
use crate::tui::action::View;
use crate::tui::viewstate::columns::ColumnsState;
use crate::tui::viewstate::detail::DetailState;

impl App {
    pub(super) fn show_view(&mut self, view: View) {
        self.view = view;
        self.pane = Pane::Main;
        self.model.source = None;
        match view {
            View::Sources => {
                if let Some(s) = self.views.sources.selected_source() {
                    self.show_source(s);
                }
            }
            View::Brief => {
                self.ensure_brief();
                self.brief_to_point();
            }
            View::Outline => self.sync_outline_to_focus(),
            _ => {}
        }
    }

    pub(super) fn go_through_history(&mut self, back: bool) {
        let m = &mut self.model;
        let (from, to) = if back {
            (&mut m.back, &mut m.forward)
        } else {
            (&mut m.forward, &mut m.back)
        };
        if let Some(node) = from.pop() {
            to.push(m.focus);
            self.focus(node, Visit::Quiet);
            self.sync_outline_to_focus();
        }
    }

    /// Moves the focus to `node`. A recorded visit goes into the history
    /// (browser-style) and brings the outline's selection to the node; a
    /// quiet one follows a cursor. Either way the detail pane and the
    /// columns start over for a new node.
    pub fn focus(&mut self, node: NodeIx, visit: Visit) {
        let changed = node != self.model.focus || self.model.source.is_some();
        self.model.source = None;
        if visit == Visit::Record && changed {
            self.model.back.push(self.model.focus);
            self.model.forward.clear();
        }
        if changed || visit == Visit::Record {
            self.model.focus = node;
            self.views.detail = DetailState::default();
            self.views.columns = ColumnsState {
                by_strength: self.views.columns.by_strength,
                ..ColumnsState::default()
            };
        }
        if visit == Visit::Record {
            self.sync_outline_to_focus();
        }
    }

    /// `h` in the columns: the parent of the focused node the user came
    /// from, else the one on its path from the thesis, as a visit.
    pub(super) fn go_to_parent(&mut self) {
        let g = self.graph();
        let focus = self.focused();
        // The parent the user came down from, when they did.
        let came_from = self
            .model
            .back
            .last()
            .copied()
            .filter(|&b| g.parents(focus).any(|(p, _)| p == b));
        let on_path = self
            .views
            .outline
            .tree
            .path_to(g, focus)
            .and_then(|p| p.len().checked_sub(2).map(|i| p[i]));
        let parent = came_from.or(on_path);
        match parent.or_else(|| g.parents(focus).next().map(|(p, _)| p)) {
            Some(parent) => self.visit(parent),
            None => self.message = Some("This is a thesis: it has no parent.".into()),
        }
    }

    /// Shows source `s` in the detail pane, in place of the focused node.
    pub(super) fn show_source(&mut self, s: usize) {
        if self.model.source != Some(s) {
            self.model.source = Some(s);
            self.views.detail = DetailState::default();
        }
    }

    /// Moves to `node`, remembering where we were.
    pub fn visit(&mut self, node: NodeIx) {
        self.focus(node, Visit::Record);
    }

    /// Keeps the outline's selection on the focused node, revealing it if needed.
    pub(super) fn sync_outline_to_focus(&mut self) {
        let h = self.main_height();
        let focus = self.model.focus;
        self.views.outline.select_node(&self.model.graph, focus, h);
    }
}
