//! The labels of one graph under one what-if set, kept up to date as the
//! set changes.

use std::collections::BTreeSet;

use super::label::Label;
use super::relabel::{self, Attacks, Scratch};
use crate::graph::{Graph, NodeIx};

/// The attack relation copied out of a graph in compressed form, so that an
/// [`Evaluation`] owns everything it needs to recompute and can live next
/// to the graph (in an app state, say) without borrowing it.
#[derive(Debug, Clone)]
struct AttackIndex {
    attacks_at: Vec<u32>,
    attacks: Vec<NodeIx>,
    attackers_at: Vec<u32>,
    attackers: Vec<NodeIx>,
}

impl AttackIndex {
    fn of(graph: &Graph) -> AttackIndex {
        let (attacks_at, attacks) = flatten(graph, Graph::attacks);
        let (attackers_at, attackers) = flatten(graph, Graph::attackers);
        AttackIndex {
            attacks_at,
            attacks,
            attackers_at,
            attackers,
        }
    }
}

/// One adjacency of the graph as offsets and targets: the list of node `i`
/// is `all[at[i]..at[i + 1]]`.
fn flatten(graph: &Graph, list: fn(&Graph, NodeIx) -> &[NodeIx]) -> (Vec<u32>, Vec<NodeIx>) {
    let mut at = Vec::with_capacity(graph.len() + 1);
    let mut all = Vec::new();
    at.push(0);
    for ix in graph.indices() {
        all.extend_from_slice(list(graph, ix));
        at.push(all.len() as u32);
    }
    (at, all)
}

impl Attacks for AttackIndex {
    fn node_count(&self) -> usize {
        self.attacks_at.len() - 1
    }
    fn attacks(&self, ix: NodeIx) -> &[NodeIx] {
        let i = ix.index();
        &self.attacks[self.attacks_at[i] as usize..self.attacks_at[i + 1] as usize]
    }
    fn attackers(&self, ix: NodeIx) -> &[NodeIx] {
        let i = ix.index();
        &self.attackers[self.attackers_at[i] as usize..self.attackers_at[i + 1] as usize]
    }
}

/// The grounded labels of a graph with some nodes suspended ("what if this
/// point were withdrawn?"). A suspended node counts as absent: it attacks
/// nothing, and it is labelled [`Label::Out`].
///
/// Labels are recomputed only when the what-if set actually changes, and
/// then only for the nodes the change can reach along attacks. The
/// evaluation copies the graph's attack relation, so it does not borrow
/// the graph; pass it only [`NodeIx`] values of the graph it was made from.
#[derive(Debug, Clone)]
pub struct Evaluation {
    rel: AttackIndex,
    suspended: Vec<bool>,
    suspended_set: BTreeSet<NodeIx>,
    labels: Vec<Label>,
    baseline: Vec<Label>,
    scratch: Scratch,
    revision: u64,
}

impl Evaluation {
    /// Labels `graph` with nothing suspended.
    pub fn new(graph: &Graph) -> Evaluation {
        let rel = AttackIndex::of(graph);
        let n = graph.len();
        let mut scratch = Scratch::new(n);
        let baseline = relabel::label_all(&rel, &[], &mut scratch);
        Evaluation {
            rel,
            suspended: vec![false; n],
            suspended_set: BTreeSet::new(),
            labels: baseline.clone(),
            baseline,
            scratch,
            revision: 0,
        }
    }

    /// How many nodes the evaluation covers.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Treats `ix` as absent. Returns whether the what-if set changed
    /// (false when it was already suspended or is not a node of the graph).
    pub fn suspend(&mut self, ix: NodeIx) -> bool {
        self.set(ix, true)
    }

    /// Brings `ix` back. Returns whether the what-if set changed.
    pub fn unsuspend(&mut self, ix: NodeIx) -> bool {
        self.set(ix, false)
    }

    /// Suspends `ix` if it is not, brings it back if it is. Returns whether
    /// it is suspended now.
    pub fn toggle(&mut self, ix: NodeIx) -> bool {
        let now = !self.is_suspended(ix);
        self.set(ix, now);
        self.is_suspended(ix)
    }

    /// Suspends every node of `nodes` with one recomputation. Returns
    /// whether the what-if set changed.
    pub fn suspend_all(&mut self, nodes: impl IntoIterator<Item = NodeIx>) -> bool {
        let changed: Vec<NodeIx> = nodes
            .into_iter()
            .filter(|&ix| self.mark(ix, true))
            .collect();
        self.relabel(&changed);
        !changed.is_empty()
    }

    /// Brings every suspended node back. Returns whether anything was suspended.
    pub fn clear(&mut self) -> bool {
        if self.suspended_set.is_empty() {
            return false;
        }
        for ix in std::mem::take(&mut self.suspended_set) {
            self.suspended[ix.index()] = false;
        }
        // With nothing suspended the labels are the baseline by definition.
        self.labels.copy_from_slice(&self.baseline);
        self.revision += 1;
        true
    }

    /// The suspended nodes, in index order.
    pub fn suspended(&self) -> impl ExactSizeIterator<Item = NodeIx> + '_ {
        self.suspended_set.iter().copied()
    }

    pub fn is_suspended(&self, ix: NodeIx) -> bool {
        self.suspended.get(ix.index()).copied().unwrap_or(false)
    }

    /// The label of `ix` under the current what-if set.
    pub fn label(&self, ix: NodeIx) -> Label {
        self.labels[ix.index()]
    }

    /// Every label, indexed by [`NodeIx::index`].
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// The label `ix` has with nothing suspended.
    pub fn baseline(&self, ix: NodeIx) -> Label {
        self.baseline[ix.index()]
    }

    /// Whether the what-if set changed the label of `ix`, so a view can
    /// highlight what a withdrawal did.
    pub fn changed_since_baseline(&self, ix: NodeIx) -> bool {
        self.labels[ix.index()] != self.baseline[ix.index()]
    }

    /// Goes up by one each time the labels are recomputed, so a view can
    /// tell when anything derived from them is stale.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn set(&mut self, ix: NodeIx, suspended: bool) -> bool {
        if !self.mark(ix, suspended) {
            return false;
        }
        self.relabel(&[ix]);
        true
    }

    /// Records the what-if status of one node; true when it changed.
    fn mark(&mut self, ix: NodeIx, suspended: bool) -> bool {
        let Some(flag) = self.suspended.get_mut(ix.index()) else {
            return false;
        };
        if *flag == suspended {
            return false;
        }
        *flag = suspended;
        if suspended {
            self.suspended_set.insert(ix);
        } else {
            self.suspended_set.remove(&ix);
        }
        true
    }

    fn relabel(&mut self, changed: &[NodeIx]) {
        if changed.is_empty() {
            return;
        }
        relabel::relabel_from(
            &self.rel,
            &self.suspended,
            &mut self.labels,
            changed,
            &mut self.scratch,
        );
        self.revision += 1;
    }
}
