//! A debate brief: what a debater needs on paper for one side of one
//! thesis. The user's points, strongest first, each with its evidence; the
//! opposing points still standing, each with the rebuttals the map offers;
//! and how many opposing points are already answered.
//!
//! Which nodes are *points* (on either side, relative to the chosen thesis,
//! at any depth): every claim or rebuttal, and evidence only when it attacks
//! something or bears on the thesis directly; other evidence is listed under
//! the points it supports.
//! - The user's points are those that **support** something, or attack the
//!   thesis itself: the case being built. The user's nodes that attack other
//!   nodes are rebuttals: they are listed under the opposing points they answer.
//! - The opposing points are all the other side's points, both the case
//!   they build and their attacks on the user's points.
//!
//! Strength order: by DF-QuAD strength ([`crate::eval::strength`], which
//! weighs supports against attacks), strongest first, compared to the two
//! decimals the brief shows; equal strengths list standing points first (in,
//! then undec, then out), then those nearer the thesis, then file order. *Support* counts the distinct
//! nodes that back a point through chains of supports, leaving out any
//! supporter that is itself out (a refuted reason lends nothing) along with
//! whatever backs only through it.
//!
//! An opposing point is *answered* when its grounded label is out: some
//! attacker of it stands.

mod markdown;
pub mod reach;

use std::cmp::Reverse;
use std::collections::HashSet;

use crate::eval::Label;
use crate::graph::{Graph, Kind, NodeIx, Relation, Side};

pub use reach::{Reach, reach};

/// Which side of the thesis the brief is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BriefSide {
    For,
    Against,
}

impl BriefSide {
    pub fn name(self) -> &'static str {
        match self {
            BriefSide::For => "for",
            BriefSide::Against => "against",
        }
    }

    fn side(self) -> Side {
        match self {
            BriefSide::For => Side::For,
            BriefSide::Against => Side::Against,
        }
    }
}

/// A node with its grounded label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rated {
    pub node: NodeIx,
    pub label: Label,
}

/// One of the user's points.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub node: NodeIx,
    pub label: Label,
    /// Its DF-QuAD strength, from 0 to 1.
    pub strength: f64,
    /// Distinct standing nodes backing it through supports (see the module doc).
    pub support: usize,
    /// Relations to the thesis: 1 for a point made on the thesis itself.
    pub depth: usize,
    /// What it supports or attacks.
    pub backs: Vec<(NodeIx, Relation)>,
    /// Evidence supporting it, standing first.
    pub evidence: Vec<Rated>,
    /// What attacks it, standing first.
    pub attackers: Vec<Rated>,
}

/// One of the other side's points.
#[derive(Debug, Clone, PartialEq)]
pub struct Opposing {
    pub node: NodeIx,
    pub label: Label,
    /// Its DF-QuAD strength, from 0 to 1.
    pub strength: f64,
    /// Relations to the thesis: 1 for a point made on the thesis itself.
    pub depth: usize,
    /// What it supports or attacks.
    pub targets: Vec<(NodeIx, Relation)>,
    /// Evidence supporting it, standing first.
    pub evidence: Vec<Rated>,
    /// The nodes attacking it: the answers the map offers, standing first.
    pub rebuttals: Vec<Rated>,
}

/// A brief for one side of one thesis. Plain data; see [`Brief::to_markdown`].
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    pub thesis: NodeIx,
    pub thesis_label: Label,
    pub side: BriefSide,
    /// The user's points, strongest first.
    pub points: Vec<Point>,
    /// Opposing points still standing (in or undec), strongest first.
    pub to_answer: Vec<Opposing>,
    /// Opposing points that are out, strongest first.
    pub answered: Vec<Opposing>,
    /// Sources cited by a node in the brief that carry a note (the caveats
    /// a debater must know), as indices into the graph's sources.
    pub source_notes: Vec<usize>,
}

impl Brief {
    /// Builds the brief. `labels` are the labels of every node (a missing
    /// label counts as undec) and `strengths` their DF-QuAD strengths (a
    /// missing one counts as the node's base score); a `thesis` outside the
    /// graph gives an empty brief.
    pub fn build(
        graph: &Graph,
        labels: &[Label],
        strengths: &[f64],
        side: BriefSide,
        thesis: NodeIx,
    ) -> Brief {
        let label = |ix: NodeIx| labels.get(ix.index()).copied().unwrap_or(Label::Undec);
        let strength = |ix: NodeIx| {
            strengths
                .get(ix.index())
                .copied()
                .unwrap_or_else(|| crate::eval::base_score(graph.node(ix)))
        };
        let rate = |nodes: &mut dyn Iterator<Item = NodeIx>| -> Vec<Rated> {
            let mut rated: Vec<Rated> = nodes
                .map(|node| Rated {
                    node,
                    label: label(node),
                })
                .collect();
            rated.sort_by_key(|r| (rank(r.label), r.node));
            rated
        };
        let evidence_of = |ix: NodeIx| {
            rate(
                &mut graph
                    .supporters(ix)
                    .iter()
                    .copied()
                    .filter(|&s| graph.node(s).kind == Kind::Evidence),
            )
        };
        let reaches = reach(graph, thesis);
        let ours = side.side();
        let mut brief = Brief {
            thesis,
            thesis_label: if thesis.index() < graph.len() {
                label(thesis)
            } else {
                Label::Undec
            },
            side,
            points: Vec::new(),
            to_answer: Vec::new(),
            answered: Vec::new(),
            source_notes: Vec::new(),
        };
        for ix in graph.indices() {
            let Some(r) = reaches[ix.index()] else {
                continue;
            };
            if r.side == Side::Thesis || !is_point(graph, ix, thesis) {
                continue;
            }
            if r.side == ours {
                let builds_case =
                    !graph.supports(ix).is_empty() || graph.attacks(ix).contains(&thesis);
                if !builds_case {
                    continue;
                }
                brief.points.push(Point {
                    node: ix,
                    label: label(ix),
                    strength: strength(ix),
                    support: support_count(graph, ix, &label),
                    depth: r.depth,
                    backs: graph.parents(ix).collect(),
                    evidence: evidence_of(ix),
                    attackers: rate(&mut graph.attackers(ix).iter().copied()),
                });
            } else {
                let opposing = Opposing {
                    node: ix,
                    label: label(ix),
                    strength: strength(ix),
                    depth: r.depth,
                    targets: graph.parents(ix).collect(),
                    evidence: evidence_of(ix),
                    rebuttals: rate(&mut graph.attackers(ix).iter().copied()),
                };
                if opposing.label == Label::Out {
                    brief.answered.push(opposing);
                } else {
                    brief.to_answer.push(opposing);
                }
            }
        }
        brief
            .points
            .sort_by_cached_key(|p| strongest_first(p.strength, p.label, p.depth, p.node));
        for list in [&mut brief.to_answer, &mut brief.answered] {
            list.sort_by_cached_key(|o| strongest_first(o.strength, o.label, o.depth, o.node));
        }
        brief.source_notes = noted_sources(graph, &brief);
        brief
    }

    /// (answered, all) opposing points: "answered N of M".
    pub fn answered_count(&self) -> (usize, usize) {
        let n = self.answered.len();
        (n, n + self.to_answer.len())
    }

    /// The brief as Markdown a debater can print; with a state, the user's
    /// marks and notes go beside the points they belong to.
    pub fn to_markdown(
        graph: &Graph,
        brief: &Brief,
        state: Option<&crate::state::State>,
    ) -> String {
        markdown::render(graph, brief, state)
    }
}

/// The sources with a note that a node listed in `brief` cites, in the
/// order the debate lists its sources.
fn noted_sources(graph: &Graph, brief: &Brief) -> Vec<usize> {
    let mut listed: Vec<NodeIx> = Vec::new();
    for p in &brief.points {
        listed.push(p.node);
        listed.extend(p.evidence.iter().chain(&p.attackers).map(|r| r.node));
    }
    for o in brief.to_answer.iter().chain(&brief.answered) {
        listed.push(o.node);
        listed.extend(o.evidence.iter().chain(&o.rebuttals).map(|r| r.node));
    }
    let cited: std::collections::HashSet<&str> = listed
        .iter()
        .filter_map(|&ix| graph.node(ix).source.as_deref())
        .collect();
    graph
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.note.is_some() && cited.contains(s.id.as_str()))
        .map(|(i, _)| i)
        .collect()
}

/// Standing first: in, undec, out.
fn rank(label: Label) -> u8 {
    match label {
        Label::In => 0,
        Label::Undec => 1,
        Label::Out => 2,
    }
}

/// Sort key, the strongest point the smallest: strength as the brief
/// shows it (two decimals, so points that read alike tie), then standing,
/// then nearer the thesis, then file order.
fn strongest_first(
    strength: f64,
    label: Label,
    depth: usize,
    node: NodeIx,
) -> (Reverse<i64>, u8, usize, NodeIx) {
    // Read back from the text the brief prints, so the order agrees with
    // what is shown even where rounding a half could go either way.
    let shown: f64 = format!("{:.2}", strength.clamp(0.0, 1.0))
        .parse()
        .unwrap_or(0.0);
    let shown = (shown * 100.0).round() as i64;
    (Reverse(shown), rank(label), depth, node)
}

/// See the module doc: evidence that only supports is listed under its point.
fn is_point(graph: &Graph, ix: NodeIx, thesis: NodeIx) -> bool {
    match graph.node(ix).kind {
        Kind::Thesis => false,
        Kind::Claim | Kind::Rebuttal => true,
        Kind::Evidence => {
            !graph.attacks(ix).is_empty() || graph.parents(ix).any(|(p, _)| p == thesis)
        }
    }
}

/// Distinct nodes backing `ix` through chains of supports, not counting
/// (nor passing through) supporters that are out.
fn support_count(graph: &Graph, ix: NodeIx, label: &impl Fn(NodeIx) -> Label) -> usize {
    let mut seen = HashSet::from([ix]);
    let mut stack = vec![ix];
    while let Some(at) = stack.pop() {
        for &s in graph.supporters(at) {
            if label(s) != Label::Out && seen.insert(s) {
                stack.push(s);
            }
        }
    }
    seen.len() - 1
}

#[cfg(test)]
mod tests;
