//! Which points still stand: the grounded semantics of abstract
//! argumentation (Dung, 1995) over the attack relation.

use std::collections::VecDeque;

use crate::graph::{Graph, NodeIx};

/// A node's grounded label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// It stands: every attacker is out.
    In,
    /// It falls: some attacker is in.
    Out,
    /// Contested: it sits on (or depends on) an unresolved cycle of attacks.
    Undec,
}

impl Label {
    pub fn name(self) -> &'static str {
        match self {
            Label::In => "in",
            Label::Out => "out",
            Label::Undec => "undec",
        }
    }
}

/// Labels every node by the linear-time algorithm: a work queue of nodes
/// whose attackers are all out. `suspended[i]` treats node `i` as absent
/// (it attacks nothing; it is labelled out). Pass an empty slice for none.
pub fn grounded(graph: &Graph, suspended: &[bool]) -> Vec<Label> {
    let n = graph.len();
    let is_suspended = |ix: NodeIx| suspended.get(ix.index()).copied().unwrap_or(false);
    let mut labels = vec![Label::Undec; n];
    // Attackers of each node not yet known to be out.
    let mut live_attackers: Vec<u32> = graph
        .indices()
        .map(|ix| {
            graph
                .attackers(ix)
                .iter()
                .filter(|&&a| !is_suspended(a))
                .count() as u32
        })
        .collect();
    let mut queue: VecDeque<NodeIx> = VecDeque::new();
    for ix in graph.indices() {
        if is_suspended(ix) {
            labels[ix.index()] = Label::Out;
        } else if live_attackers[ix.index()] == 0 {
            labels[ix.index()] = Label::In;
            queue.push_back(ix);
        }
    }
    while let Some(ix) = queue.pop_front() {
        // `ix` is in: everything it attacks is out.
        for &target in graph.attacks(ix) {
            if labels[target.index()] != Label::Undec {
                continue;
            }
            labels[target.index()] = Label::Out;
            // Each target that just went out may free the nodes it attacks.
            for &victim in graph.attacks(target) {
                if labels[victim.index()] != Label::Undec {
                    continue;
                }
                let left = &mut live_attackers[victim.index()];
                *left -= 1;
                if *left == 0 {
                    labels[victim.index()] = Label::In;
                    queue.push_back(victim);
                }
            }
        }
    }
    labels
}
