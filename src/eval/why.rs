//! Why a node has its label: the few nodes that settle it, as plain data
//! for a view to word.

use std::collections::{HashMap, HashSet, VecDeque};

use super::evaluation::Evaluation;
use super::label::Label;
use crate::graph::{Graph, NodeIx};

/// The reason for a node's label under an [`Evaluation`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// The node is suspended by the what-if: it counts as absent (out).
    Suspended,
    /// In: nothing attacks it.
    Unattacked,
    /// In: it is attacked, and every attacker is answered.
    Defended { defences: Vec<Defence> },
    /// Out: these attackers are in, and each one alone defeats it.
    Defeated { by: Vec<NodeIx> },
    /// Undecided: it sits on this cycle of undecided attacks. The cycle
    /// starts with the node itself; each member attacks the next and the
    /// last attacks the first (a self-attack is a cycle of one).
    OnCycle { cycle: Vec<NodeIx> },
    /// Undecided: it is on no cycle, but `attacker` is undecided because it
    /// depends on `cycle`. `path` runs from the cycle to the attacker: it
    /// starts at `cycle[0]`, each member attacks the next, and it ends with
    /// `attacker`, which attacks the node.
    DependsOnCycle {
        attacker: NodeIx,
        path: Vec<NodeIx>,
        cycle: Vec<NodeIx>,
    },
}

/// One attacker of an in node, and what answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Defence {
    pub attacker: NodeIx,
    pub answer: Answer,
}

/// What puts an attacker of an in node out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// This in node attacks the attacker.
    DefeatedBy(NodeIx),
    /// The attacker is suspended by the what-if.
    Suspended,
}

/// Explains the label of `ix`. `eval` must have been made from `graph`.
///
/// In, out and suspended nodes cost their attackers' attackers. An
/// undecided node costs a search of the undecided nodes behind it, which
/// is fine for one node at a time but quadratic if every node of a large
/// tangle is explained (a ring of n nodes has cycles of length n).
pub fn why(graph: &Graph, eval: &Evaluation, ix: NodeIx) -> Why {
    if eval.is_suspended(ix) {
        return Why::Suspended;
    }
    let attackers = distinct(graph.attackers(ix));
    match eval.label(ix) {
        Label::In if attackers.is_empty() => Why::Unattacked,
        Label::In => Why::Defended {
            defences: attackers
                .into_iter()
                .map(|attacker| Defence {
                    attacker,
                    answer: answer(graph, eval, attacker),
                })
                .collect(),
        },
        Label::Out => Why::Defeated {
            by: attackers
                .into_iter()
                .filter(|&a| eval.label(a) == Label::In)
                .collect(),
        },
        Label::Undec => undecided(graph, eval, ix),
    }
}

/// The answer to an attacker of an in node: it is suspended, or (being out
/// and not suspended) some in node attacks it; the first one is named.
fn answer(graph: &Graph, eval: &Evaluation, attacker: NodeIx) -> Answer {
    if eval.is_suspended(attacker) {
        return Answer::Suspended;
    }
    graph
        .attackers(attacker)
        .iter()
        .copied()
        .find(|&d| eval.label(d) == Label::In)
        .map(Answer::DefeatedBy)
        // Unreachable for a consistent evaluation; an out node with no in
        // attacker can only come from one made for another graph.
        .unwrap_or(Answer::Suspended)
}

/// An undecided node has no in attacker and some undecided one, so walking
/// backward through undecided attackers never stops: it must reach a cycle.
/// We name the nearest one: a cycle through the node itself if there is
/// one (the shortest), otherwise the cycle closest along attacks.
fn undecided(graph: &Graph, eval: &Evaluation, ix: NodeIx) -> Why {
    let undec_attackers = |v: NodeIx| {
        graph
            .attackers(v)
            .iter()
            .copied()
            .filter(|&a| eval.label(a) == Label::Undec)
    };
    if let Some(cycle) = shortest_cycle_through(ix, &undec_attackers) {
        return Why::OnCycle { cycle };
    }
    // Breadth-first backward from the node: `toward[u]` is the node `u`
    // attacks on a shortest path to `ix`; `order` is the visiting order.
    let mut toward: HashMap<NodeIx, NodeIx> = HashMap::new();
    let mut order = vec![ix];
    let mut next = 0;
    while next < order.len() {
        let v = order[next];
        next += 1;
        for a in undec_attackers(v) {
            if a != ix && !toward.contains_key(&a) {
                toward.insert(a, v);
                order.push(a);
            }
        }
    }
    let on_cycle = nodes_on_cycles(&order, &undec_attackers);
    let Some(&entry) = order.iter().find(|u| on_cycle.contains(u)) else {
        // Only an evaluation made for another graph gets here.
        return Why::OnCycle { cycle: Vec::new() };
    };
    let cycle = shortest_cycle_through(entry, &undec_attackers).unwrap_or_default();
    let mut path = vec![entry];
    let mut at = entry;
    while let Some(&t) = toward.get(&at) {
        if t == ix {
            break;
        }
        path.push(t);
        at = t;
    }
    Why::DependsOnCycle {
        attacker: at,
        path,
        cycle,
    }
}

/// The shortest cycle of attacks through `start` along `attackers`, as
/// `[start, …]` in attack order, or `None` when `start` is on no cycle.
fn shortest_cycle_through<I>(start: NodeIx, attackers: &impl Fn(NodeIx) -> I) -> Option<Vec<NodeIx>>
where
    I: Iterator<Item = NodeIx>,
{
    // Backward breadth-first search; `toward[u]` is the node `u` attacks
    // on a shortest path to `start`. The first time `start` shows up as an
    // attacker, of `v`, the cycle is start → v → … → start.
    let mut toward: HashMap<NodeIx, NodeIx> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for a in attackers(v) {
            if a == start {
                let mut cycle = vec![start];
                let mut at = v;
                while at != start {
                    cycle.push(at);
                    at = toward[&at];
                }
                return Some(cycle);
            }
            if let std::collections::hash_map::Entry::Vacant(e) = toward.entry(a) {
                e.insert(v);
                queue.push_back(a);
            }
        }
    }
    None
}

/// The members of `nodes` that lie on a cycle within `nodes` (which must be
/// closed under `attackers`): those in a strongly connected component of
/// more than one node, or attacking themselves. Tarjan's algorithm, with an
/// explicit stack so that long chains cannot overflow the call stack.
fn nodes_on_cycles<I>(nodes: &[NodeIx], attackers: &impl Fn(NodeIx) -> I) -> HashSet<NodeIx>
where
    I: Iterator<Item = NodeIx>,
{
    let local: HashMap<NodeIx, usize> = nodes.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let edges: Vec<Vec<usize>> = nodes
        .iter()
        .map(|&n| {
            attackers(n)
                .filter_map(|a| local.get(&a).copied())
                .collect()
        })
        .collect();
    const UNSEEN: usize = usize::MAX;
    let mut index = vec![UNSEEN; nodes.len()];
    let mut low = vec![0; nodes.len()];
    let mut on_stack = vec![false; nodes.len()];
    let mut stack = Vec::new();
    let mut counter = 0;
    let mut result = HashSet::new();
    for root in 0..nodes.len() {
        if index[root] != UNSEEN {
            continue;
        }
        // Frames of (node, next edge to look at).
        let mut frames = vec![(root, 0usize)];
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&(v, e)) = frames.last() {
            if let Some(&w) = edges[v].get(e) {
                let top = frames.len() - 1;
                frames[top].1 = e + 1;
                if index[w] == UNSEEN {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    frames.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 || edges[v].contains(&v) {
                    result.extend(component.into_iter().map(|i| nodes[i]));
                }
            }
        }
    }
    result
}

/// The nodes of `list` without repeats, in first-seen order (a file may
/// write the same attack twice).
fn distinct(list: &[NodeIx]) -> Vec<NodeIx> {
    let mut seen = HashSet::new();
    list.iter().copied().filter(|&n| seen.insert(n)).collect()
}

/// The nodes a "why" names, in the order it names them, each once (the
/// explorer links to them).
pub fn why_nodes(graph: &Graph, eval: &Evaluation, node: NodeIx) -> Vec<NodeIx> {
    let mut named = Vec::new();
    match why(graph, eval, node) {
        Why::Suspended | Why::Unattacked => {}
        Why::Defended { defences } => {
            for d in defences {
                named.push(d.attacker);
                if let Answer::DefeatedBy(by) = d.answer {
                    named.push(by);
                }
            }
        }
        Why::Defeated { by } => named = by,
        Why::OnCycle { cycle } => named = cycle,
        Why::DependsOnCycle { path, cycle, .. } => {
            named = path;
            named.extend(cycle);
        }
    }
    let mut seen = HashSet::new();
    named.retain(|&n| n != node && seen.insert(n));
    named
}
