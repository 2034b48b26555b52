//! Argument strength from supports and attacks: the DF-QuAD gradual
//! semantics (Rago, Toni, Aurisicchio and Baroni, KR 2016).
//!
//! Each node starts from its base score τ (its `weight`, else 0.5). Its
//! attackers' strengths are combined by the probabilistic sum
//! vₐ = 1 − Π(1 − σᵢ), its supporters' likewise into vₛ, and then
//! σ = τ − τ·(vₐ − vₛ) when vₐ ≥ vₛ, else σ = τ + (1 − τ)·(vₛ − vₐ).
//!
//! On an acyclic map one pass in topological order is exact. Components
//! with cycles are iterated from the base scores, all nodes at once, until
//! no strength moves by more than [`EPSILON`], at most [`MAX_ROUNDS`] times
//! (fewer for a cycle of millions of edges: see [`ROUND_WORK`]).

use super::scc::sccs;
use crate::graph::{Graph, Node, NodeIx};

/// The base score of a node without a `weight`.
pub const DEFAULT_BASE: f64 = 0.5;
/// A cycle has converged when no strength moves by more than this in a round.
pub const EPSILON: f64 = 1e-9;
/// The most rounds a cycle is iterated before it is reported as not
/// converging; a very large cycle gets fewer (see [`ROUND_WORK`]).
pub const MAX_ROUNDS: usize = 1000;

/// The strength of every node, and the cycles whose iteration did not settle.
#[derive(Debug, Clone, PartialEq)]
pub struct Strength {
    values: Vec<f64>,
    unconverged: Vec<Vec<NodeIx>>,
}

impl Strength {
    /// The strength of `ix`, from 0.0 to 1.0; 0.0 for a suspended node.
    pub fn get(&self, ix: NodeIx) -> f64 {
        self.values[ix.index()]
    }

    /// Every strength, indexed by [`NodeIx::index`].
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The components (cycles) whose strengths were still moving after
    /// [`MAX_ROUNDS`] rounds; their values are those of the last round.
    pub fn unconverged(&self) -> &[Vec<NodeIx>] {
        &self.unconverged
    }

    pub fn converged(&self) -> bool {
        self.unconverged.is_empty()
    }
}

/// A node's base score: its weight, else [`DEFAULT_BASE`]; a weight that
/// is not a number from 0 to 1 (validation refuses those) is read as the default.
pub fn base_score(node: &Node) -> f64 {
    match node.weight {
        Some(w) if (0.0..=1.0).contains(&w) => w,
        _ => DEFAULT_BASE,
    }
}

/// The DF-QuAD strength of every node. A suspended node counts as absent:
/// its strength is 0, which adds nothing to any probabilistic sum.
pub fn strength(graph: &Graph, suspended: &[bool]) -> Strength {
    let n = graph.len();
    let is_suspended = |ix: NodeIx| suspended.get(ix.index()).copied().unwrap_or(false);
    // Read once, in file order: the node records are large, and touching
    // them in topological order would cost a cache miss each.
    let base: Vec<f64> = graph.nodes.iter().map(base_score).collect();
    let mut values = vec![0.0; n];
    let done = acyclic_pass(graph, &base, &is_suspended, &mut values);
    let mut unconverged = Vec::new();
    if done.iter().all(|&d| d) {
        return Strength {
            values,
            unconverged,
        };
    }
    // What is left sits on a cycle or below one: component by component.
    let preds = Preds::of(graph, &done);
    let components = sccs(n, |ix| !done[ix.index()], |ix| preds.get(ix));
    let mut scratch = Vec::new();
    for component in components.iter() {
        if let [v] = component
            && !preds.get(*v).contains(v)
        {
            values[v.index()] = score(graph, &base, *v, &values);
            continue;
        }
        let edges: usize = component.iter().map(|&v| preds.get(v).len()).sum();
        let rounds = (ROUND_WORK / edges.max(1)).clamp(MIN_ROUNDS, MAX_ROUNDS);
        if !iterate(graph, &base, component, &mut values, &mut scratch, rounds) {
            unconverged.push(component.to_vec());
        }
    }
    Strength {
        values,
        unconverged,
    }
}

/// A cycle with more edges than this many edge visits per [`MAX_ROUNDS`]
/// gets fewer rounds (never under [`MIN_ROUNDS`]), so that one huge tangle
/// costs seconds, not minutes.
pub const ROUND_WORK: usize = 30_000_000;
/// The fewest rounds any cycle is given.
pub const MIN_ROUNDS: usize = 10;

/// Scores every node not on or below a cycle, in topological order
/// (Kahn's algorithm over supports and attacks): most of a real map, in
/// one pass. Returns which nodes are settled (suspended ones included, at 0).
fn acyclic_pass(
    graph: &Graph,
    base: &[f64],
    is_suspended: &impl Fn(NodeIx) -> bool,
    values: &mut [f64],
) -> Vec<bool> {
    let mut waiting: Vec<u32> = graph
        .indices()
        .map(|v| (graph.attackers(v).len() + graph.supporters(v).len()) as u32)
        .collect();
    let mut done: Vec<bool> = vec![false; graph.len()];
    // A suspended node is settled at 0 from the start.
    for v in graph.indices().filter(|&v| is_suspended(v)) {
        done[v.index()] = true;
        for &t in graph.attacks(v).iter().chain(graph.supports(v)) {
            waiting[t.index()] -= 1;
        }
    }
    let mut ready: Vec<NodeIx> = graph
        .indices()
        .filter(|&v| waiting[v.index()] == 0 && !done[v.index()])
        .collect();
    while let Some(v) = ready.pop() {
        values[v.index()] = score(graph, base, v, values);
        done[v.index()] = true;
        for &t in graph.attacks(v).iter().chain(graph.supports(v)) {
            let w = &mut waiting[t.index()];
            *w -= 1;
            if *w == 0 && !done[t.index()] {
                ready.push(t);
            }
        }
    }
    done
}

/// One node's DF-QuAD score from the current strengths of its attackers and
/// supporters (a suspended one's strength is 0).
fn score(graph: &Graph, base: &[f64], v: NodeIx, values: &[f64]) -> f64 {
    let tau = base[v.index()];
    let sum = |list: &[NodeIx]| 1.0 - list.iter().fold(1.0, |p, a| p * (1.0 - values[a.index()]));
    let attack = sum(graph.attackers(v));
    let support = sum(graph.supporters(v));
    if attack >= support {
        tau - tau * (attack - support)
    } else {
        tau + (1.0 - tau) * (support - attack)
    }
}

/// How one node's strength comes about, for an explanation: its base
/// score, its attackers' and supporters' strengths each combined by the
/// probabilistic sum, and the strongest of each.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub base: f64,
    /// vₐ: the attackers combined (0 when none counts).
    pub attack: f64,
    /// vₛ: the supporters combined.
    pub support: f64,
    pub attackers: usize,
    pub supporters: usize,
    /// The attacker (supporter) with the highest strength above 0, the
    /// first in file order on a tie; a suspended one counts for nothing.
    pub strongest_attacker: Option<NodeIx>,
    pub strongest_supporter: Option<NodeIx>,
}

/// The [`Breakdown`] of `ix` under strengths `s` computed for `graph`. On a
/// map without cycles, `base`, `attack` and `support` give back `s.get(ix)`
/// through the DF-QuAD formula exactly; on a cycle, to within its tolerance.
pub fn breakdown(graph: &Graph, s: &Strength, ix: NodeIx) -> Breakdown {
    let sum = |list: &[NodeIx]| 1.0 - list.iter().fold(1.0, |p, a| p * (1.0 - s.get(*a)));
    let strongest = |list: &[NodeIx]| {
        list.iter()
            .copied()
            .filter(|&a| s.get(a) > 0.0)
            .fold(None, |best: Option<NodeIx>, a| match best {
                Some(b) if s.get(b) >= s.get(a) => Some(b),
                _ => Some(a),
            })
    };
    let (attackers, supporters) = (graph.attackers(ix), graph.supporters(ix));
    Breakdown {
        base: base_score(graph.node(ix)),
        attack: sum(attackers),
        support: sum(supporters),
        attackers: attackers.len(),
        supporters: supporters.len(),
        strongest_attacker: strongest(attackers),
        strongest_supporter: strongest(supporters),
    }
}

/// Iterates a cyclic component from its base scores, every node from the
/// previous round's values, until it settles; false if it never does.
fn iterate(
    graph: &Graph,
    base: &[f64],
    component: &[NodeIx],
    values: &mut [f64],
    next: &mut Vec<f64>,
    rounds: usize,
) -> bool {
    for &v in component {
        values[v.index()] = base[v.index()];
    }
    for _ in 0..rounds {
        next.clear();
        next.extend(component.iter().map(|&v| score(graph, base, v, values)));
        let mut moved: f64 = 0.0;
        for (&v, &s) in component.iter().zip(next.iter()) {
            moved = moved.max((values[v.index()] - s).abs());
            values[v.index()] = s;
        }
        if moved <= EPSILON {
            return true;
        }
    }
    false
}

/// The attackers and supporters of each node in one list, for the
/// component search: strength flows along both.
struct Preds {
    at: Vec<u32>,
    all: Vec<NodeIx>,
}

impl Preds {
    /// The lists of the nodes not `done` (the others' are empty).
    fn of(graph: &Graph, done: &[bool]) -> Preds {
        let mut at = Vec::with_capacity(graph.len() + 1);
        let mut all = Vec::new();
        at.push(0);
        for ix in graph.indices() {
            if !done[ix.index()] {
                all.extend_from_slice(graph.attackers(ix));
                all.extend_from_slice(graph.supporters(ix));
            }
            at.push(all.len() as u32);
        }
        Preds { at, all }
    }

    fn get(&self, ix: NodeIx) -> &[NodeIx] {
        &self.all[self.at[ix.index()] as usize..self.at[ix.index() + 1] as usize]
    }
}
