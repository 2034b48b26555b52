//! Which points still stand: the grounded semantics of abstract
//! argumentation (Dung, 1995) over the attack relation, with what-if
//! suspension of nodes and explanations of every label.
//!
//! Supports do not enter the labelling: a point stands or falls by its
//! attackers alone. Supports matter to the reader, to [`thesis_summary`],
//! and to [`strength`], the gradual DF-QuAD semantics over both relations.
//! [`extensions`] decides preferred and stable acceptance.

mod evaluation;
mod extensions;
mod label;
mod relabel;
mod scc;
mod sources_only;
mod strength;
mod summary;
mod why;
mod why_accepted;

pub use evaluation::Evaluation;
pub use extensions::{Acceptance, DEFAULT_BUDGET, Extensions, Semantics, extensions};
pub use label::Label;
pub use sources_only::{analysis_nodes, suspend_analysis};
pub use strength::{
    Breakdown, MAX_ROUNDS, MIN_ROUNDS, ROUND_WORK, Strength, base_score, breakdown, strength,
};
pub use summary::{ThesisSummary, thesis_summary, thesis_summary_of};
pub use why::{Answer, Defence, Why, why, why_nodes};
pub use why_accepted::{WhyAccepted, why_accepted};

use crate::graph::Graph;

/// Labels every node: In is the least fixed point of the characteristic
/// function (the grounded extension), Out is what it attacks, Undec the
/// rest. Linear time: a work queue of nodes whose attackers are all out.
/// `suspended[i]` treats node `i` as absent (it attacks nothing; it is
/// labelled out); a short or empty slice suspends nothing past its end.
pub fn grounded(graph: &Graph, suspended: &[bool]) -> Vec<Label> {
    relabel::label_all(graph, suspended, &mut relabel::Scratch::new(graph.len()))
}
