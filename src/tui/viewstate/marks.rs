//! The marks view's state and its rows, built from the saved marks and notes.

use crate::graph::{Graph, NodeIx};
use crate::state::State;
use crate::tui::cursor::ListCursor;

/// The marks view's state: its cursor (the rows follow the saved state).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarksState {
    pub cursor: ListCursor,
}

/// A row of the marks view: a node with a mark or a note, or an id the
/// state keeps that this debate no longer has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkRow {
    Node(NodeIx),
    Orphan(String),
}

/// Nodes with a mark or a note, in file order, then ids no longer in the map.
pub fn mark_rows(graph: &Graph, state: &State) -> Vec<MarkRow> {
    let mut rows: Vec<MarkRow> = state
        .marks
        .keys()
        .chain(state.notes.keys())
        .filter_map(|id| graph.by_id(id))
        .collect::<std::collections::BTreeSet<NodeIx>>()
        .into_iter()
        .map(MarkRow::Node)
        .collect();
    rows.extend(
        state
            .orphans(graph)
            .into_iter()
            .map(|id| MarkRow::Orphan(id.to_string())),
    );
    rows
}
