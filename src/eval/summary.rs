//! How a thesis fares, in numbers a header line can show.

use std::collections::HashSet;

use super::evaluation::Evaluation;
use super::label::Label;
use crate::graph::{Graph, NodeIx};

/// A thesis's label and how many of its direct reasons and objections stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThesisSummary {
    pub label: Label,
    /// The distinct nodes that attack the thesis directly.
    pub opposing_total: usize,
    /// Those of them that are in.
    pub opposing_standing: usize,
    /// The distinct nodes that support the thesis directly.
    pub supporting_total: usize,
    /// Those of them that are in.
    pub supporting_standing: usize,
}

/// Sums up `thesis` (any node works) under `eval`.
///
/// Opposing and supporting mean the nodes that attack or support this
/// thesis *directly*, not every node on the Against or For side. Sides are
/// computed from whichever thesis a node reaches first, so with several
/// theses a side-wide count would mix up objections to different theses;
/// the direct relations belong to this thesis alone, and they are what
/// decides its label. A suspended node counts in the totals but never as
/// standing.
pub fn thesis_summary(graph: &Graph, eval: &Evaluation, thesis: NodeIx) -> ThesisSummary {
    thesis_summary_of(graph, eval.labels(), thesis)
}

/// Sums up `thesis` under any labelling (`labels` indexed by node), such
/// as one that follows another semantics than grounded.
pub fn thesis_summary_of(graph: &Graph, labels: &[Label], thesis: NodeIx) -> ThesisSummary {
    let label = |n: NodeIx| labels[n.index()];
    let count = |list: &[NodeIx]| {
        let distinct: HashSet<NodeIx> = list.iter().copied().collect();
        let standing = distinct.iter().filter(|&&n| label(n) == Label::In).count();
        (distinct.len(), standing)
    };
    let (opposing_total, opposing_standing) = count(graph.attackers(thesis));
    let (supporting_total, supporting_standing) = count(graph.supporters(thesis));
    ThesisSummary {
        label: label(thesis),
        opposing_total,
        opposing_standing,
        supporting_total,
        supporting_standing,
    }
}
