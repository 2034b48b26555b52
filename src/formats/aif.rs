//! AIF JSON, as AIFdb and OVA write it: `{"nodes": [...], "edges": [...],
//! "locutions": [...]}`, or the same graph wrapped as `{"AIF": {...}, ...}`.
//!
//! Choices, documented in `data/FORMATS.md`:
//! - I-nodes become claims, and those that support or attack nothing theses;
//! - an RA node (inference) makes each premise support each conclusion, a
//!   CA node (conflict) makes each source attack each target; when an RA or
//!   CA points at another RA or CA (an undercutter), it points at that
//!   node's conclusion instead;
//! - an MA node (rephrase) is noted in the rephrasing claim's text, not made
//!   a relation (support both ways would be a cycle);
//! - a locution (L) anchored to a claim by a YA node is noted in the claim's
//!   text; other dialogue nodes (TA, PA, unanchored L, …) are set aside with
//!   one warning per type.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::build::{self, Builder};
use super::json_common::{self, Locator};
use crate::graph::{Diagnostic, Loaded, Pos, Relation};

/// One AIF node as read, with where it stands.
struct AifNode {
    id: String,
    kind: String,
    text: String,
    pos: Pos,
}

/// Imports an AIF JSON file (or an agon JSON export, which shares `.json`).
pub fn load_str(file: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![build::diagnostic(
            file,
            text,
            Pos { line: 1, col: 1 },
            crate::graph::Severity::Error,
            "the file is empty; an AIF file is a JSON object with `nodes` and `edges`".into(),
        )]);
    }
    // agon's own export parses straight into the debate, in one pass; AIF
    // fails at its first field (`nodeID`, `edges`), which costs nothing.
    if let Ok(debate) = serde_json::from_str::<crate::graph::DebateFile>(text) {
        return super::agon_json::load_parsed(file, text, debate);
    }
    let value = json_common::parse(file, text)?;
    if super::agon_json::is_agon_json(&value) {
        return super::agon_json::load_str(file, text);
    }
    let locator = Locator::new(text);
    let mut b = Builder::new(file, text, build::file_stem(file));
    let at = |path: &str| locator.pos(path);
    let Some(root) = value.as_object() else {
        b.error(
            at(""),
            "an AIF file is a JSON object with `nodes` and `edges`; this is not an object",
        );
        return b.stop();
    };
    let (graph, prefix) = match root.get("AIF") {
        Some(Value::Object(inner)) => (inner, "AIF."),
        Some(_) => {
            b.error(
                at("AIF"),
                "`AIF` should hold an object with `nodes` and `edges`",
            );
            return b.stop();
        }
        None => (root, ""),
    };
    let nodes = read_nodes(&mut b, graph, prefix, &locator);
    let edges = read_edges(&mut b, graph, prefix, &nodes, &locator);
    if nodes.iter().all(|n| n.kind != "I") {
        if !b.has_errors() {
            b.error(
                at(&format!("{prefix}nodes")),
                "the file has no I-nodes, so no claims to import; AIF claims are nodes with `\"type\": \"I\"`",
            );
        }
        return b.stop();
    }
    build_graph(&mut b, &nodes, &edges);
    b.finish()
}

/// Reads every node; reports nodes without an id or type and duplicate ids.
fn read_nodes(
    b: &mut Builder,
    graph: &Map<String, Value>,
    prefix: &str,
    locator: &Locator,
) -> Vec<AifNode> {
    let at = |path: &str| locator.pos(path);
    let list = match graph.get("nodes") {
        Some(Value::Array(list)) => list,
        Some(_) => {
            b.error(
                at(&format!("{prefix}nodes")),
                "`nodes` should be a list of nodes",
            );
            return Vec::new();
        }
        None => {
            b.error(
                at(prefix.trim_end_matches('.')),
                "an AIF graph has a `nodes` list; this one has none",
            );
            return Vec::new();
        }
    };
    let mut out = Vec::with_capacity(list.len());
    let mut first_use: HashMap<String, usize> = HashMap::with_capacity(list.len());
    for (i, value) in list.iter().enumerate() {
        let path = format!("{prefix}nodes[{i}]");
        let pos = at(&path);
        let Some(obj) = value.as_object() else {
            b.error(pos, format!("node {} of the list is not an object", i + 1));
            continue;
        };
        let Some(id) = obj.get("nodeID").and_then(id_of) else {
            b.error(pos, "this node has no `nodeID` (a string or a number)");
            continue;
        };
        let Some(kind) = obj.get("type").and_then(Value::as_str) else {
            b.error(
                pos,
                format!("node {id} has no `type` (such as \"I\", \"RA\" or \"CA\")"),
            );
            continue;
        };
        let node_text = match obj.get("text") {
            Some(Value::String(s)) => s.clone(),
            None | Some(Value::Null) => String::new(),
            Some(_) => {
                b.error(
                    at(&format!("{path}.text")),
                    format!("node {id}'s `text` should be a string"),
                );
                continue;
            }
        };
        if kind == "I" && node_text.trim().is_empty() {
            b.error(
                pos,
                format!("I-node {id} has no text; a claim needs its words"),
            );
        }
        if let Some(&first) = first_use.get(&id) {
            b.error(
                pos,
                format!(
                    "node id {id} is used twice (first by node {} of the list); ids must be unique",
                    first + 1
                ),
            );
            continue;
        }
        first_use.insert(id.clone(), i);
        out.push(AifNode {
            id,
            kind: kind.to_string(),
            text: node_text,
            pos,
        });
    }
    out
}

/// A node id as text: AIF tools write strings or numbers, even in one file.
fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// One edge, as indices into the node list.
struct Edge {
    from: usize,
    to: usize,
}

fn read_edges(
    b: &mut Builder,
    graph: &Map<String, Value>,
    prefix: &str,
    nodes: &[AifNode],
    locator: &Locator,
) -> Vec<Edge> {
    let at = |path: &str| locator.pos(path);
    let list = match graph.get("edges") {
        Some(Value::Array(list)) => list,
        Some(_) => {
            b.error(
                at(&format!("{prefix}edges")),
                "`edges` should be a list of edges",
            );
            return Vec::new();
        }
        None => {
            b.warn(
                at(prefix.trim_end_matches('.')),
                "the file has no `edges` list, so no relations between claims",
            );
            return Vec::new();
        }
    };
    let index: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut out = Vec::with_capacity(list.len());
    for (i, value) in list.iter().enumerate() {
        let path = format!("{prefix}edges[{i}]");
        let Some(obj) = value.as_object() else {
            b.error(
                at(&path),
                format!("edge {} of the list is not an object", i + 1),
            );
            continue;
        };
        let mut ends = [0usize; 2];
        let mut ok = true;
        for (slot, field) in ["fromID", "toID"].into_iter().enumerate() {
            // Positions are looked up only for problems: most edges have none.
            let field_pos = || at(&format!("{path}.{field}"));
            match obj.get(field).and_then(id_of) {
                None => {
                    b.error(field_pos(), format!("this edge has no `{field}`"));
                    ok = false;
                }
                Some(id) => match index.get(id.as_str()) {
                    Some(&ix) => ends[slot] = ix,
                    None => {
                        b.error(
                            field_pos(),
                            format!(
                                "this edge's `{field}` names node {id}, which is not in `nodes`"
                            ),
                        );
                        ok = false;
                    }
                },
            }
        }
        if ok {
            out.push(Edge {
                from: ends[0],
                to: ends[1],
            });
        }
    }
    out
}

fn build_graph(b: &mut Builder, nodes: &[AifNode], edges: &[Edge]) {
    let g = AifGraph::new(nodes, edges);
    // Claims first, so every scheme node can name them.
    let claim_of: Vec<Option<usize>> = (0..nodes.len())
        .map(|i| {
            g.is_i(i).then(|| {
                let node = &nodes[i];
                let (title, text) = build::title_and_text(&node.text);
                let fallback = format!("aif-{}", node.id);
                b.add_node(title.clone(), text, &title, &fallback, node.pos)
            })
        })
        .collect();
    let mut notes: Vec<Vec<String>> = vec![Vec::new(); nodes.len()];
    let mut anchored_locutions = vec![false; nodes.len()];
    let mut aside = SetAside::default();
    for (s, node) in nodes.iter().enumerate() {
        match node.kind.as_str() {
            "I" | "L" => {}
            "RA" => g.relate(b, s, Relation::Supports, &claim_of),
            "CA" => g.relate(b, s, Relation::Attacks, &claim_of),
            "MA" => {
                for &p in &g.premises(s) {
                    for &c in &g.conclusions(s) {
                        let other = build::one_line(&nodes[c].text);
                        notes[p].push(format!("Rephrases: “{other}”"));
                    }
                }
            }
            "YA" => {
                if !g.anchor(s, &mut notes, &mut anchored_locutions) {
                    aside.add("YA", node.pos);
                }
            }
            other => aside.add(other, node.pos),
        }
    }
    for (l, node) in nodes.iter().enumerate() {
        if node.kind == "L" && !anchored_locutions[l] {
            aside.add("L", node.pos);
        }
    }
    aside.report(b);
    for (i, list) in notes.into_iter().enumerate() {
        if let (Some(c), false) = (claim_of[i], list.is_empty()) {
            let node = b.node_mut(c);
            let joined = list.join("\n");
            node.text = Some(match node.text.take() {
                Some(t) => format!("{t}\n\n{joined}"),
                None => joined,
            });
        }
    }
    b.roots_become_theses();
}

/// The AIF nodes with their edges, both ways.
struct AifGraph<'a> {
    nodes: &'a [AifNode],
    incoming: Vec<Vec<usize>>,
    outgoing: Vec<Vec<usize>>,
}

impl<'a> AifGraph<'a> {
    fn new(nodes: &'a [AifNode], edges: &[Edge]) -> AifGraph<'a> {
        let mut incoming = vec![Vec::new(); nodes.len()];
        let mut outgoing = vec![Vec::new(); nodes.len()];
        for e in edges {
            incoming[e.to].push(e.from);
            outgoing[e.from].push(e.to);
        }
        AifGraph {
            nodes,
            incoming,
            outgoing,
        }
    }

    fn is_i(&self, i: usize) -> bool {
        self.nodes[i].kind == "I"
    }

    /// I-nodes an S-node concludes to; an S-node target stands for its own
    /// conclusions.
    fn conclusions(&self, s: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for &t in &self.outgoing[s] {
            if self.is_i(t) {
                out.push(t);
            } else if matches!(self.nodes[t].kind.as_str(), "RA" | "CA") {
                out.extend(self.outgoing[t].iter().copied().filter(|&c| self.is_i(c)));
            }
        }
        out
    }

    fn premises(&self, s: usize) -> Vec<usize> {
        self.incoming[s]
            .iter()
            .copied()
            .filter(|&p| self.is_i(p))
            .collect()
    }

    /// An RA or CA node: each premise supports or attacks each conclusion.
    fn relate(&self, b: &mut Builder, s: usize, relation: Relation, claim_of: &[Option<usize>]) {
        let node = &self.nodes[s];
        let (from, to) = (self.premises(s), self.conclusions(s));
        if from.is_empty() || to.is_empty() {
            let missing = if from.is_empty() {
                "no claim leading into it"
            } else {
                "no claim it leads to"
            };
            b.warn(
                node.pos,
                format!(
                    "{} node {} has {missing}; it is ignored",
                    node.kind, node.id
                ),
            );
            return;
        }
        for &p in &from {
            for &c in &to {
                if let (Some(p), Some(c)) = (claim_of[p], claim_of[c]) {
                    b.relate(p, relation, c, node.pos);
                }
            }
        }
    }

    /// A YA node tying locutions to claims: each claim gets a note of what
    /// was said. False when it ties nothing.
    fn anchor(&self, s: usize, notes: &mut [Vec<String>], anchored: &mut [bool]) -> bool {
        let speakers: Vec<usize> = self.incoming[s]
            .iter()
            .copied()
            .filter(|&l| self.nodes[l].kind == "L")
            .collect();
        let claims: Vec<usize> = self.outgoing[s]
            .iter()
            .copied()
            .filter(|&c| self.is_i(c))
            .collect();
        if speakers.is_empty() || claims.is_empty() {
            return false;
        }
        let force = build::one_line(&self.nodes[s].text);
        let how = if force.is_empty() {
            String::new()
        } else {
            format!(" ({force})")
        };
        for &l in &speakers {
            anchored[l] = true;
            let said = build::one_line(&self.nodes[l].text);
            for &c in &claims {
                notes[c].push(format!("Locution: “{said}”{how}"));
            }
        }
        true
    }
}

/// Nodes set aside, per type: how many, and where the first one is.
#[derive(Default)]
struct SetAside(Vec<(String, usize, Pos)>);

impl SetAside {
    fn add(&mut self, kind: &str, pos: Pos) {
        match self.0.iter_mut().find(|(k, _, _)| k == kind) {
            Some(entry) => entry.1 += 1,
            None => self.0.push((kind.to_string(), 1, pos)),
        }
    }

    /// One warning per type, at its first node.
    fn report(self, b: &mut Builder) {
        for (kind, count, pos) in self.0 {
            let what = match kind.as_str() {
                "L" => "locutions anchored to no claim",
                "YA" => "anchors that tie no locution to a claim",
                "TA" => "dialogue transitions",
                "PA" => "preferences",
                _ => "a type agon does not read",
            };
            b.warn(
                pos,
                format!("set aside {count} node(s) of type \"{kind}\" ({what}); agon keeps claims, their supports and attacks, and notes from anchored locutions"),
            );
        }
    }
}
