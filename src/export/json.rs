//! The whole graph as JSON: the same fields as the RON file (nodes with
//! their relations, sources, tours), for other programs to read.

use super::ExportError;
use crate::graph::Graph;

pub fn write(graph: &Graph) -> Result<String, ExportError> {
    let json = serde_json::to_string_pretty(&graph.to_file())
        .map_err(|e| ExportError(format!("cannot write JSON: {e}")))?;
    let mut out = crate::text::json_escape_invisible(&json);
    out.push('\n');
    Ok(out)
}
