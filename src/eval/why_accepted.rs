//! Why a node has its preferred or stable acceptance: which of its
//! attackers hold everywhere, which nowhere, and the arguable points it is
//! in conflict with, as plain data for a view to word.

use super::extensions::{Acceptance, Extensions};
use crate::graph::{Graph, NodeIx};

/// The reason for a node's acceptance under an [`Extensions`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhyAccepted {
    pub acceptance: Acceptance,
    /// Attackers in every extension: each one alone keeps the node out.
    pub defeated_by: Vec<NodeIx>,
    /// Attackers in no extension.
    pub refuted: Vec<NodeIx>,
    /// Attackers and targets that are credulously accepted: a position
    /// keeping the node gives these up, or the other way round.
    pub conflicts: Vec<NodeIx>,
    /// The semantics has no extension at all (stable, on a map with an
    /// odd cycle): every node is rejected for that reason alone.
    pub no_extension: bool,
}

/// Explains the acceptance of `ix`. `ext` must have been made from `graph`.
/// Costs the node's attackers and targets.
pub fn why_accepted(graph: &Graph, ext: &Extensions, ix: NodeIx) -> WhyAccepted {
    let mut seen = std::collections::HashSet::from([ix]);
    let attackers: Vec<NodeIx> = graph
        .attackers(ix)
        .iter()
        .copied()
        .filter(|&a| seen.insert(a))
        .collect();
    let with = |list: &[NodeIx], a: Acceptance| -> Vec<NodeIx> {
        list.iter().copied().filter(|&n| ext.get(n) == a).collect()
    };
    let targets: Vec<NodeIx> = graph
        .attacks(ix)
        .iter()
        .copied()
        .filter(|&t| seen.insert(t))
        .collect();
    let mut conflicts = with(&attackers, Acceptance::Credulous);
    conflicts.extend(with(&targets, Acceptance::Credulous));
    WhyAccepted {
        acceptance: ext.get(ix),
        defeated_by: with(&attackers, Acceptance::Skeptical),
        refuted: with(&attackers, Acceptance::Rejected),
        conflicts,
        no_extension: ext.exists() == Some(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{DEFAULT_BUDGET, Semantics, extensions};
    use crate::graph::load_str;

    fn graph(nodes: &str) -> Graph {
        load_str("t", &format!("Debate(title: \"t\", nodes: [{nodes}])"))
            .unwrap()
            .graph
    }

    #[test]
    fn a_mutual_attack_is_a_conflict_and_what_both_attack_is_defeated() {
        // a and b attack each other; a attacks c, and d (unattacked) attacks c.
        let g = graph(
            r#"Node(id: "a", kind: Claim, title: "a", attacks: ["b", "c"]),
               Node(id: "b", kind: Claim, title: "b", attacks: ["a"]),
               Node(id: "c", kind: Claim, title: "c"),
               Node(id: "d", kind: Claim, title: "d", attacks: ["c"]),
               Node(id: "e", kind: Claim, title: "e", attacks: ["d"]),
               Node(id: "f", kind: Claim, title: "f", attacks: ["e"])"#,
        );
        let ix = |id| g.by_id(id).unwrap();
        let ext = extensions(&g, Semantics::Preferred, &[], DEFAULT_BUDGET);
        let a = why_accepted(&g, &ext, ix("a"));
        assert_eq!(a.acceptance, Acceptance::Credulous);
        assert_eq!(a.conflicts, [ix("b")]);
        assert!(a.defeated_by.is_empty() && !a.no_extension);
        // f stands, so e falls and d stands: c is out in every extension.
        let c = why_accepted(&g, &ext, ix("c"));
        assert_eq!(c.acceptance, Acceptance::Rejected);
        assert_eq!(c.defeated_by, [ix("d")]);
        assert_eq!(c.conflicts, [ix("a")]);
        let d = why_accepted(&g, &ext, ix("d"));
        assert_eq!(d.acceptance, Acceptance::Skeptical);
        assert_eq!(d.refuted, [ix("e")]);
    }

    #[test]
    fn an_odd_cycle_has_no_stable_extension() {
        let g = graph(
            r#"Node(id: "a", kind: Claim, title: "a", attacks: ["b"]),
               Node(id: "b", kind: Claim, title: "b", attacks: ["c"]),
               Node(id: "c", kind: Claim, title: "c", attacks: ["a"])"#,
        );
        let ext = extensions(&g, Semantics::Stable, &[], DEFAULT_BUDGET);
        let a = why_accepted(&g, &ext, g.by_id("a").unwrap());
        assert_eq!(a.acceptance, Acceptance::Rejected);
        assert!(a.no_extension);
    }
}
