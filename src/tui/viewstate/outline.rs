//! The outline view's state: the unfolded tree and the cursor on its rows.

use crate::graph::{Graph, NodeIx};
use crate::tui::cursor::ListCursor;
use crate::tui::outline::{Outline, Row};

/// The outline view's state: the unfolded tree and the cursor on its rows.
#[derive(Debug, Clone)]
pub struct OutlineState {
    pub tree: Outline,
    pub cursor: ListCursor,
}

impl OutlineState {
    pub fn new(graph: &Graph) -> OutlineState {
        OutlineState {
            tree: Outline::new(graph),
            cursor: ListCursor::default(),
        }
    }

    pub fn selected(&self) -> Option<&Row> {
        self.tree.rows.get(self.cursor.selected)
    }

    /// Keeps the selection on `node`, unfolding the tree to it if needed.
    pub fn select_node(&mut self, graph: &Graph, node: NodeIx, height: usize) {
        if self.selected().is_some_and(|r| r.node == node) {
            return;
        }
        if let Some(row) = self.tree.reveal(graph, node) {
            self.cursor.select(row, self.tree.rows.len(), height);
        }
    }

    /// Unfolds or folds the row at `path`, keeping the cursor in range.
    pub fn set_expanded(&mut self, graph: &Graph, path: &[NodeIx], on: bool, height: usize) {
        self.tree.set_expanded(graph, path, on);
        let len = self.tree.rows.len();
        self.cursor.select(self.cursor.selected, len, height);
    }

    /// Moves the cursor by `delta` rows.
    pub fn move_by(&mut self, delta: isize, height: usize) {
        self.cursor.move_by(delta, self.tree.rows.len(), height);
    }

    /// Puts the cursor on row `i`.
    pub fn select(&mut self, i: usize, height: usize) {
        self.cursor.select(i, self.tree.rows.len(), height);
    }
}
