//! The labelling engine shared by [`super::grounded`] and
//! [`super::Evaluation`]: the linear-time work-queue algorithm for the
//! grounded labelling, run over a *region* of the graph whose labels are
//! unknown while every label outside it is taken as settled.
//!
//! Running it over the whole graph is the ordinary grounded labelling.
//! Running it over the nodes reachable along attacks from the nodes whose
//! what-if status changed is an exact incremental update: a node's grounded
//! label depends only on the nodes that can reach it along attacks
//! (directionality), so nothing outside that forward closure can change,
//! and the closure's labels are the least fixed point given its settled
//! attackers.

use super::label::Label;
use crate::graph::{Graph, NodeIx};

/// Who attacks whom: the graph itself, or the copy an evaluation keeps.
pub(crate) trait Attacks {
    fn node_count(&self) -> usize;
    fn attacks(&self, ix: NodeIx) -> &[NodeIx];
    fn attackers(&self, ix: NodeIx) -> &[NodeIx];
}

impl Attacks for Graph {
    fn node_count(&self) -> usize {
        self.len()
    }
    fn attacks(&self, ix: NodeIx) -> &[NodeIx] {
        Graph::attacks(self, ix)
    }
    fn attackers(&self, ix: NodeIx) -> &[NodeIx] {
        Graph::attackers(self, ix)
    }
}

/// Below this many nodes an update never falls back to a full relabelling.
pub(crate) const SMALL_GRAPH: usize = 64;

/// Buffers sized to the graph, kept between runs so that an incremental
/// update costs time in proportion to its region, not to the graph.
/// Between runs every `in_region` flag is false.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scratch {
    in_region: Vec<bool>,
    /// Attackers of each region node not yet known to be out.
    live: Vec<u32>,
    region: Vec<NodeIx>,
    newly_in: Vec<NodeIx>,
    newly_out: Vec<NodeIx>,
}

impl Scratch {
    pub(crate) fn new(n: usize) -> Scratch {
        Scratch {
            in_region: vec![false; n],
            live: vec![0; n],
            ..Scratch::default()
        }
    }
}

/// Labels the whole graph from nothing.
pub(crate) fn label_all(
    rel: &impl Attacks,
    suspended: &[bool],
    scratch: &mut Scratch,
) -> Vec<Label> {
    let n = rel.node_count();
    let mut labels = vec![Label::Undec; n];
    scratch.region.clear();
    scratch.region.extend((0..n as u32).map(NodeIx));
    scratch.in_region.iter_mut().for_each(|f| *f = true);
    run(rel, suspended, &mut labels, scratch);
    labels
}

/// Relabels everything reachable along attacks from `changed`, leaving the
/// rest of `labels` as it is. `labels` must be the grounded labelling for a
/// what-if set that differs from `suspended` only on `changed`.
pub(crate) fn relabel_from(
    rel: &impl Attacks,
    suspended: &[bool],
    labels: &mut [Label],
    changed: &[NodeIx],
    scratch: &mut Scratch,
) {
    scratch.region.clear();
    for &ix in changed {
        if !scratch.in_region[ix.index()] {
            scratch.in_region[ix.index()] = true;
            scratch.region.push(ix);
        }
    }
    // Forward closure, using the region itself as the breadth-first queue.
    // Once it covers half of a large graph, relabelling everything is
    // cheaper than finishing the search and checking region membership at
    // every step. Small graphs are cheap either way.
    let n = rel.node_count();
    let mut next = 0;
    while next < scratch.region.len() {
        if n > SMALL_GRAPH && scratch.region.len() > n / 2 {
            scratch.region.clear();
            scratch.region.extend((0..n as u32).map(NodeIx));
            scratch.in_region.iter_mut().for_each(|f| *f = true);
            break;
        }
        let ix = scratch.region[next];
        next += 1;
        for &t in rel.attacks(ix) {
            if !scratch.in_region[t.index()] {
                scratch.in_region[t.index()] = true;
                scratch.region.push(t);
            }
        }
    }
    run(rel, suspended, labels, scratch);
}

/// The work-queue algorithm over `scratch.region`; clears the region flags
/// when done.
fn run(rel: &impl Attacks, suspended: &[bool], labels: &mut [Label], scratch: &mut Scratch) {
    let is_suspended = |ix: NodeIx| suspended.get(ix.index()).copied().unwrap_or(false);
    let Scratch {
        in_region,
        live,
        region,
        newly_in,
        newly_out,
    } = scratch;
    newly_in.clear();
    newly_out.clear();
    // A region node's label is unknown until proven; a suspended node is
    // absent, which we label out, and which attacks nothing.
    for &ix in region.iter() {
        labels[ix.index()] = if is_suspended(ix) {
            Label::Out
        } else {
            Label::Undec
        };
    }
    for &ix in region.iter() {
        if is_suspended(ix) {
            continue;
        }
        let mut count = 0u32;
        let mut beaten = false;
        for &a in rel.attackers(ix) {
            if is_suspended(a) {
                continue;
            }
            if in_region[a.index()] {
                count += 1;
            } else {
                // Settled outside the region: an in attacker defeats this
                // node now; an undecided one never goes out.
                match labels[a.index()] {
                    Label::In => {
                        beaten = true;
                        count += 1;
                    }
                    Label::Undec => count += 1,
                    Label::Out => {}
                }
            }
        }
        live[ix.index()] = count;
        if beaten {
            labels[ix.index()] = Label::Out;
            newly_out.push(ix);
        } else if count == 0 {
            labels[ix.index()] = Label::In;
            newly_in.push(ix);
        }
    }
    // Region nodes attack only region nodes (the region is closed under
    // attacks), so everything below stays inside it.
    loop {
        if let Some(ix) = newly_out.pop() {
            // One attacker fewer for each of its victims still open.
            for &victim in rel.attacks(ix) {
                if labels[victim.index()] != Label::Undec || !in_region[victim.index()] {
                    continue;
                }
                let left = &mut live[victim.index()];
                *left -= 1;
                if *left == 0 {
                    labels[victim.index()] = Label::In;
                    newly_in.push(victim);
                }
            }
        } else if let Some(ix) = newly_in.pop() {
            // Everything an in node attacks is out.
            for &target in rel.attacks(ix) {
                if labels[target.index()] == Label::Undec && in_region[target.index()] {
                    labels[target.index()] = Label::Out;
                    newly_out.push(target);
                }
            }
        } else {
            break;
        }
    }
    for &ix in region.iter() {
        in_region[ix.index()] = false;
    }
}
