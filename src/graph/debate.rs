//! [`Graph`]: a loaded, validated debate, its records and the index that
//! answers questions about them.

use super::index::Index;
use super::model::{DebateFile, Kind, Node, NodeIx, Relation, Side, Source, Tour};

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

impl Graph {
    /// Builds the index and the graph. The caller has validated that every
    /// reference resolves; unresolved ones are skipped rather than trusted.
    pub fn from_file(file: DebateFile) -> Graph {
        let index = Index::build(&file);
        Graph::assemble(file, index)
    }

    /// A graph from records whose relations are already node numbers, as
    /// the load cache keeps them: no id is looked up. Every number must be
    /// below `nodes.len()`.
    pub fn from_edges(
        header: DebateFile,
        support_edges: &[(NodeIx, NodeIx)],
        attack_edges: &[(NodeIx, NodeIx)],
    ) -> Graph {
        let index = Index::from_edges(&header.nodes, &header.sources, support_edges, attack_edges);
        Graph::assemble(header, index)
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
        self.index.by_id(&self.nodes, id)
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
