//! AIF JSON as AIFdb tools read it: an I-node per node (its title, and its
//! text after a blank line), an RA node per support and a CA node per
//! attack, each joined by two edges. Kinds, quotes, sources and tours have
//! no place in AIF and are left out; a node that is the map's own analysis
//! says so at the end of its text.

use serde::Serialize;

use super::ExportError;
use crate::graph::{Graph, NodeIx};

/// Field names are AIF's own.
#[derive(Serialize)]
struct AifNode {
    #[serde(rename = "nodeID")]
    node_id: String,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
    timestamp: &'static str,
}

#[derive(Serialize)]
struct AifEdge {
    #[serde(rename = "edgeID")]
    edge_id: String,
    #[serde(rename = "fromID")]
    from_id: String,
    #[serde(rename = "toID")]
    to_id: String,
    #[serde(rename = "formEdgeID")]
    form_edge_id: Option<String>,
}

#[derive(Serialize)]
struct AifDoc {
    nodes: Vec<AifNode>,
    edges: Vec<AifEdge>,
    locutions: Vec<()>,
}

pub fn write(graph: &Graph) -> Result<String, ExportError> {
    let mut doc = AifDoc {
        nodes: Vec::with_capacity(graph.len() + graph.relation_count()),
        edges: Vec::with_capacity(2 * graph.relation_count()),
        locutions: Vec::new(),
    };
    // I-nodes take ids 1..=n in file order; scheme nodes follow.
    let i_node = |ix: NodeIx| (ix.index() + 1).to_string();
    for ix in graph.indices() {
        let node = graph.node(ix);
        let mut text = match &node.text {
            Some(t) => format!("{}\n\n{t}", node.title),
            None => node.title.clone(),
        };
        // AIF has no field for it: the map's own analysis says so in its text.
        if let Some(note) = node.origin.note() {
            text.push_str(&format!("\n\n({note}, not the sources')"));
        }
        doc.nodes.push(AifNode {
            node_id: i_node(ix),
            text,
            kind: "I",
            timestamp: "",
        });
    }
    let mut next_node = graph.len() + 1;
    let mut next_edge = 1;
    for ix in graph.indices() {
        let relations = graph
            .supports(ix)
            .iter()
            .map(|&t| (t, "RA", "Default Inference"))
            .chain(
                graph
                    .attacks(ix)
                    .iter()
                    .map(|&t| (t, "CA", "Default Conflict")),
            );
        for (target, kind, text) in relations {
            let scheme = next_node.to_string();
            next_node += 1;
            doc.nodes.push(AifNode {
                node_id: scheme.clone(),
                text: text.to_string(),
                kind,
                timestamp: "",
            });
            for (from_id, to_id) in [
                (i_node(ix), scheme.clone()),
                (scheme.clone(), i_node(target)),
            ] {
                doc.edges.push(AifEdge {
                    edge_id: next_edge.to_string(),
                    from_id,
                    to_id,
                    form_edge_id: None,
                });
                next_edge += 1;
            }
        }
    }
    let json = serde_json::to_string_pretty(&doc)
        .map_err(|e| ExportError(format!("cannot write AIF: {e}")))?;
    let mut out = crate::text::json_escape_invisible(&json);
    out.push('\n');
    Ok(out)
}
