//! The graph's index: ids resolved to node positions once, relations as
//! compact adjacency lists in both directions (so "who supports / attacks
//! X" and "what does X support / attack" are O(1)), and each node's side.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::adjacency::Adjacency;
use super::model::{DebateFile, Kind, Node, NodeIx, Side, Source};

/// Everything the graph knows beyond the written records, computed from a
/// borrowed file, so loading can build it while validation runs.
#[derive(Debug, Clone)]
pub struct Index {
    /// Built on first use: a warm load from the cache, and commands that
    /// never look a node up by id, skip hashing every id.
    by_id: OnceLock<HashMap<String, NodeIx>>,
    pub(super) source_by_id: HashMap<String, usize>,
    pub(super) supports: Adjacency,
    pub(super) attacks: Adjacency,
    pub(super) supporters: Adjacency,
    pub(super) attackers: Adjacency,
    pub(super) theses: Vec<NodeIx>,
    pub(super) sides: Vec<Side>,
    pub(super) relation_count: usize,
}

impl Index {
    /// Indexes `file`. References that do not resolve are skipped rather
    /// than trusted (validation reports them).
    pub fn build(file: &DebateFile) -> Index {
        let nodes = &file.nodes;
        let by_id = id_map(nodes);
        let mut support_edges = Vec::new();
        let mut attack_edges = Vec::new();
        for (i, node) in nodes.iter().enumerate() {
            let from = NodeIx(i as u32);
            for id in &node.supports {
                if let Some(&to) = by_id.get(id) {
                    support_edges.push((from, to));
                }
            }
            for id in &node.attacks {
                if let Some(&to) = by_id.get(id) {
                    attack_edges.push((from, to));
                }
            }
        }
        let index = Index::from_edges(nodes, &file.sources, &support_edges, &attack_edges);
        let _ = index.by_id.set(by_id);
        index
    }

    /// Indexes nodes whose relations are already resolved to node numbers
    /// (`(from, to)`, every number below `nodes.len()`).
    pub fn from_edges(
        nodes: &[Node],
        sources: &[Source],
        support_edges: &[(NodeIx, NodeIx)],
        attack_edges: &[(NodeIx, NodeIx)],
    ) -> Index {
        let n = nodes.len();
        let source_by_id = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let reversed = |edges: &[(NodeIx, NodeIx)]| {
            Adjacency::from_edges(n, edges.iter().map(|&(a, b)| (b, a)))
        };
        let theses: Vec<NodeIx> = nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| node.kind == Kind::Thesis)
            .map(|(i, _)| NodeIx(i as u32))
            .collect();
        let supporters = reversed(support_edges);
        let attackers = reversed(attack_edges);
        let sides = sides(n, &theses, &supporters, &attackers);
        Index {
            by_id: OnceLock::new(),
            source_by_id,
            supports: Adjacency::from_edges(n, support_edges.iter().copied()),
            attacks: Adjacency::from_edges(n, attack_edges.iter().copied()),
            supporters,
            attackers,
            theses,
            sides,
            relation_count: support_edges.len() + attack_edges.len(),
        }
    }

    /// The node with id `id`, building the id map on first use.
    pub(super) fn by_id(&self, nodes: &[Node], id: &str) -> Option<NodeIx> {
        self.by_id.get_or_init(|| id_map(nodes)).get(id).copied()
    }
}

fn id_map(nodes: &[Node]) -> HashMap<String, NodeIx> {
    nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.clone(), NodeIx(i as u32)))
        .collect()
}

/// Breadth-first from the theses down incoming relations: a supporter
/// keeps its target's side, an attacker takes the other one. A node
/// reached by several paths keeps the side of its shortest.
fn sides(n: usize, theses: &[NodeIx], supporters: &Adjacency, attackers: &Adjacency) -> Vec<Side> {
    let mut sides = vec![Side::None; n];
    let mut queue = std::collections::VecDeque::new();
    for &t in theses {
        sides[t.index()] = Side::Thesis;
        queue.push_back(t);
    }
    while let Some(ix) = queue.pop_front() {
        let here = match sides[ix.index()] {
            Side::Thesis => Side::For,
            other => other,
        };
        for &s in supporters.get(ix) {
            if sides[s.index()] == Side::None {
                sides[s.index()] = here;
                queue.push_back(s);
            }
        }
        for &a in attackers.get(ix) {
            if sides[a.index()] == Side::None {
                sides[a.index()] = here.flip();
                queue.push_back(a);
            }
        }
    }
    sides
}
