//! The "sources only" what-if: every node that is the map's own analysis
//! ([`Origin::Analysis`]) suspended at once, so a reader sees what the
//! sources alone establish.

use super::evaluation::Evaluation;
use crate::graph::{Graph, NodeIx, Origin};

/// The nodes marked as the map's own analysis, in index order.
pub fn analysis_nodes(graph: &Graph) -> impl Iterator<Item = NodeIx> + '_ {
    graph
        .indices()
        .filter(|&ix| graph.node(ix).origin == Origin::Analysis)
}

/// Suspends every analysis node of `graph` in `eval`, with one
/// recomputation. Returns whether the what-if set changed. Other suspended
/// nodes stay suspended; [`Evaluation::clear`] or
/// [`Evaluation::unsuspend`] bring nodes back.
pub fn suspend_analysis(graph: &Graph, eval: &mut Evaluation) -> bool {
    eval.suspend_all(analysis_nodes(graph))
}
