//! agon's own RON format: the written form of the graph, pretty-printed with
//! struct names and plain optional fields, as `data/README.md` describes it.

use super::ExportError;
use crate::graph::{self, Graph};

pub fn write(graph: &Graph) -> Result<String, ExportError> {
    let config = ron::ser::PrettyConfig::new().struct_names(true);
    let mut out = graph::ron_options()
        .to_string_pretty(&graph.to_file(), config)
        .map_err(|e| ExportError(format!("cannot write RON: {e}")))?;
    out.push('\n');
    Ok(out)
}
