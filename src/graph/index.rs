//! The in-memory graph: nodes interned once, relations as compact adjacency
//! lists, answering "who supports / attacks X" and "what does X support /
//! attack" in O(1).

use rustc_hash::FxHashMap as HashMap;

use super::adjacency::Adjacency;
use super::model::{DebateFile, Kind, Node, Source, Tour};

/// A node's place in [`Graph::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeIx(pub u32);

impl NodeIx {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// How a node relates to one it points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    Supports,
    Attacks,
}

/// Which side of the debate a node is on, relative to the thesis it reaches first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// A thesis itself.
    Thesis,
    /// Speaks for the thesis (supports it, or attacks what attacks it, …).
    For,
    /// Speaks against the thesis.
    Against,
    /// Reaches no thesis.
    None,
}

impl Side {
    pub fn flip(self) -> Side {
        match self {
            Side::For => Side::Against,
            Side::Against => Side::For,
            other => other,
        }
    }
}

/// A loaded, validated debate.
///
/// Relations live in the index, not in the node records: after loading,
/// `Node::supports` and `Node::attacks` are empty; use [`Graph::supports`],
/// [`Graph::attacks`], [`Graph::supporters`] and [`Graph::attackers`], or
/// [`Graph::to_file`] to get the written form back.
#[derive(Debug, Clone)]
pub struct Graph {
    pub title: String,
    pub description: Option<String>,
    pub question: Option<String>,
    pub nodes: Vec<Node>,
    pub sources: Vec<Source>,
    pub tours: Vec<Tour>,
    index: Index,
}

/// Everything the graph knows beyond the written records, computed from a
/// borrowed file, so loading can build it while validation runs.
#[derive(Debug, Clone)]
pub struct Index {
    by_id: HashMap<String, NodeIx>,
    source_by_id: HashMap<String, usize>,
    supports: Adjacency,
    attacks: Adjacency,
    supporters: Adjacency,
    attackers: Adjacency,
    theses: Vec<NodeIx>,
    sides: Vec<Side>,
    relation_count: usize,
}

impl Index {
    /// Indexes `file`. References that do not resolve are skipped rather
    /// than trusted (validation reports them).
    pub fn build(file: &DebateFile) -> Index {
        let nodes = &file.nodes;
        let by_id: HashMap<String, NodeIx> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), NodeIx(i as u32)))
            .collect();
        let source_by_id = file
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
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
        let n = nodes.len();
        let reversed = |edges: &[(NodeIx, NodeIx)]| {
            Adjacency::from_edges(n, edges.iter().map(|&(a, b)| (b, a)))
        };
        let theses: Vec<NodeIx> = nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| node.kind == Kind::Thesis)
            .map(|(i, _)| NodeIx(i as u32))
            .collect();
        let supporters = reversed(&support_edges);
        let attackers = reversed(&attack_edges);
        let sides = sides(n, &theses, &supporters, &attackers);
        Index {
            by_id,
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

impl Graph {
    /// Builds the index and the graph. The caller has validated that every
    /// reference resolves; unresolved ones are skipped rather than trusted.
    pub fn from_file(file: DebateFile) -> Graph {
        let index = Index::build(&file);
        Graph::assemble(file, index)
    }

    /// Puts a file and its index together; `index` must come from `file`.
    /// The written relations are dropped from the node records (they live
    /// in the index).
    pub fn assemble(file: DebateFile, index: Index) -> Graph {
        let DebateFile {
            title,
            description,
            question,
            sources,
            mut nodes,
            tours,
        } = file;
        for node in &mut nodes {
            node.supports = Vec::new();
            node.attacks = Vec::new();
        }
        Graph {
            title,
            description,
            question,
            nodes,
            sources,
            tours,
            index,
        }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn node(&self, ix: NodeIx) -> &Node {
        &self.nodes[ix.index()]
    }

    /// All node indices, in file order.
    pub fn indices(&self) -> impl ExactSizeIterator<Item = NodeIx> + use<> {
        (0..self.nodes.len() as u32).map(NodeIx)
    }

    pub fn by_id(&self, id: &str) -> Option<NodeIx> {
        self.index.by_id.get(id).copied()
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.index.source_by_id.get(id).map(|&i| &self.sources[i])
    }

    /// The source a piece of evidence cites, if any.
    pub fn source_of(&self, ix: NodeIx) -> Option<&Source> {
        self.node(ix)
            .source
            .as_deref()
            .and_then(|id| self.source(id))
    }

    pub fn tour(&self, id: &str) -> Option<&Tour> {
        self.tours.iter().find(|t| t.id == id)
    }

    /// The nodes this node supports.
    pub fn supports(&self, ix: NodeIx) -> &[NodeIx] {
        self.index.supports.get(ix)
    }

    /// The nodes this node attacks.
    pub fn attacks(&self, ix: NodeIx) -> &[NodeIx] {
        self.index.attacks.get(ix)
    }

    /// The nodes that support this node.
    pub fn supporters(&self, ix: NodeIx) -> &[NodeIx] {
        self.index.supporters.get(ix)
    }

    /// The nodes that attack this node.
    pub fn attackers(&self, ix: NodeIx) -> &[NodeIx] {
        self.index.attackers.get(ix)
    }

    /// The nodes this node relates to (supports or attacks): its places in the outline.
    pub fn parents(&self, ix: NodeIx) -> impl Iterator<Item = (NodeIx, Relation)> + '_ {
        self.supports(ix)
            .iter()
            .map(|&p| (p, Relation::Supports))
            .chain(self.attacks(ix).iter().map(|&p| (p, Relation::Attacks)))
    }

    /// The nodes that relate to this node: its children in the outline,
    /// supporters first, then attackers.
    pub fn children(&self, ix: NodeIx) -> impl Iterator<Item = (NodeIx, Relation)> + '_ {
        self.supporters(ix)
            .iter()
            .map(|&c| (c, Relation::Supports))
            .chain(self.attackers(ix).iter().map(|&c| (c, Relation::Attacks)))
    }

    pub fn child_count(&self, ix: NodeIx) -> usize {
        self.supporters(ix).len() + self.attackers(ix).len()
    }

    pub fn theses(&self) -> &[NodeIx] {
        &self.index.theses
    }

    /// The node's side relative to the thesis.
    pub fn side(&self, ix: NodeIx) -> Side {
        self.index.sides[ix.index()]
    }

    /// How many support and attack relations the graph has.
    pub fn relation_count(&self) -> usize {
        self.index.relation_count
    }

    pub fn count_kind(&self, kind: Kind) -> usize {
        self.nodes.iter().filter(|n| n.kind == kind).count()
    }

    /// Evidence nodes citing the source `id`.
    pub fn citing(&self, source_id: &str) -> Vec<NodeIx> {
        self.indices()
            .filter(|&ix| self.node(ix).source.as_deref() == Some(source_id))
            .collect()
    }

    /// The graph in its written form, relations back on the nodes.
    pub fn to_file(&self) -> DebateFile {
        let id = |ix: &NodeIx| self.node(*ix).id.clone();
        let nodes = self
            .indices()
            .map(|ix| {
                let mut node = self.node(ix).clone();
                node.supports = self.supports(ix).iter().map(id).collect();
                node.attacks = self.attacks(ix).iter().map(id).collect();
                node
            })
            .collect();
        DebateFile {
            title: self.title.clone(),
            description: self.description.clone(),
            question: self.question.clone(),
            sources: self.sources.clone(),
            nodes,
            tours: self.tours.clone(),
        }
    }
}
