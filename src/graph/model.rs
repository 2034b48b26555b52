//! The argument graph's types: as they are written in a debate file, and the
//! node positions, relations and sides the loaded graph answers in.
//!
//! The written structs are both the serde shape of the RON format and the
//! in-memory record of each node; relations are resolved into the graph's
//! index when it loads.

use serde::{Deserialize, Serialize};

/// What a node is in the debate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// A position the debate is about; the root of the outline.
    Thesis,
    /// A point made for or against another node.
    Claim,
    /// A fact or testimony, usually quoted from a source.
    Evidence,
    /// An answer to a claim, a piece of evidence or another rebuttal.
    Rebuttal,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Thesis, Kind::Claim, Kind::Evidence, Kind::Rebuttal];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Thesis => "thesis",
            Kind::Claim => "claim",
            Kind::Evidence => "evidence",
            Kind::Rebuttal => "rebuttal",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s))
    }
}

/// What kind of basis a piece of evidence offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Basis {
    Testimony,
    Statistic,
    ExpertOpinion,
    HistoricalPrecedent,
    OfficialStatement,
    Report,
}

impl Basis {
    pub fn name(self) -> &'static str {
        match self {
            Basis::Testimony => "testimony",
            Basis::Statistic => "statistic",
            Basis::ExpertOpinion => "expert opinion",
            Basis::HistoricalPrecedent => "historical precedent",
            Basis::OfficialStatement => "official statement",
            Basis::Report => "report",
        }
    }
}

/// Where a node's content comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Origin {
    /// What the debate's sources say (the default).
    #[default]
    Sources,
    /// The map's own reasoning: no source makes this point.
    Analysis,
}

impl Origin {
    fn is_sources(&self) -> bool {
        *self == Origin::Sources
    }

    /// The words views put beside a node's kind so that a reader never takes
    /// the map's own reasoning for a source's: none for the sources.
    pub fn note(self) -> Option<&'static str> {
        match self {
            Origin::Sources => None,
            Origin::Analysis => Some("the map's analysis"),
        }
    }
}

/// One node of the graph, with the relations it makes written on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Ids of the nodes this node supports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<String>,
    /// Ids of the nodes this node attacks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attacks: Vec<String>,
    /// Evidence only: the verbatim words from the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Evidence only: the id of the source the quote comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Evidence only: where in the source the quote stands ("para 4", "p. 12").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// Evidence only: what kind of basis the evidence is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    /// Whether the node is the sources' content or the map's own analysis.
    #[serde(default, skip_serializing_if = "Origin::is_sources")]
    pub origin: Origin,
    /// The node's base score for gradual (strength) semantics, 0.0 to 1.0;
    /// 0.5 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
}

impl Node {
    /// A plain node with no relations and no evidence fields.
    pub fn new(id: impl Into<String>, kind: Kind, title: impl Into<String>) -> Node {
        Node {
            id: id.into(),
            kind,
            title: title.into(),
            text: None,
            tags: Vec::new(),
            supports: Vec::new(),
            attacks: Vec::new(),
            quote: None,
            source: None,
            locator: None,
            basis: None,
            origin: Origin::Sources,
            weight: None,
        }
    }
}

/// Where evidence comes from. Only the title is required: no field is ever
/// filled in when the source does not state it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Anything a careful reader should know about the source itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One stop on a guided tour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The id of the node shown at this step.
    pub node: String,
    /// What the presenter says here.
    pub say: String,
}

/// An ordered walk through the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub steps: Vec<Step>,
}

/// A whole debate file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Debate")]
pub struct DebateFile {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The question several theses answer, when there are several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    pub nodes: Vec<Node>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tours: Vec<Tour>,
}

/// The fields allowed in each struct of the format, for "did you mean" errors.
pub(crate) const DEBATE_FIELDS: &[&str] = &[
    "title",
    "description",
    "question",
    "sources",
    "nodes",
    "tours",
];
pub(crate) const NODE_FIELDS: &[&str] = &[
    "id", "kind", "title", "text", "tags", "supports", "attacks", "quote", "source", "locator",
    "basis", "origin", "weight",
];
pub(crate) const SOURCE_FIELDS: &[&str] =
    &["id", "title", "outlet", "author", "date", "url", "note"];
pub(crate) const TOUR_FIELDS: &[&str] = &["id", "title", "description", "steps"];
pub(crate) const STEP_FIELDS: &[&str] = &["node", "say"];

/// A node's place in `Graph::nodes`.
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
