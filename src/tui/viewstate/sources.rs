//! The sources view's state and its rows.

use crate::graph::{Graph, NodeIx};
use crate::tui::cursor::ListCursor;

/// The sources view's state: its rows, built once, and its cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourcesState {
    pub rows: Vec<SourceRow>,
    pub cursor: ListCursor,
}

impl SourcesState {
    pub fn new(graph: &Graph) -> SourcesState {
        SourcesState {
            rows: source_rows(graph),
            cursor: ListCursor::default(),
        }
    }

    /// The selected row's source, if it is a source's row.
    pub fn selected_source(&self) -> Option<usize> {
        match self.rows.get(self.cursor.selected) {
            Some(SourceRow::Source(s)) => Some(*s),
            _ => None,
        }
    }

    /// The node of the selected row, if it is a citation.
    pub fn selected_node(&self) -> Option<NodeIx> {
        match self.rows.get(self.cursor.selected) {
            Some(SourceRow::Citation(node)) => Some(*node),
            _ => None,
        }
    }
}

/// A row of the sources view: a source, or a node citing the source above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceRow {
    Source(usize),
    Citation(NodeIx),
}

/// One pass over the nodes, so a graph with thousands of sources opens fast.
pub fn source_rows(graph: &Graph) -> Vec<SourceRow> {
    let index: std::collections::HashMap<&str, usize> = graph
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut citing: Vec<Vec<NodeIx>> = vec![Vec::new(); graph.sources.len()];
    for ix in graph.indices() {
        if let Some(&i) = graph
            .node(ix)
            .source
            .as_deref()
            .and_then(|id| index.get(id))
        {
            citing[i].push(ix);
        }
    }
    let mut rows = Vec::new();
    for (i, nodes) in citing.into_iter().enumerate() {
        rows.push(SourceRow::Source(i));
        rows.extend(nodes.into_iter().map(SourceRow::Citation));
    }
    rows
}
