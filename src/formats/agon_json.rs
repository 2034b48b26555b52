//! agon's own debate written as JSON (what `agon export --format json`
//! writes), so that export can be read back. It shares the `.json`
//! extension with AIF and is told apart by its shape.

use serde_json::Value;

use super::json_common;
use crate::graph::{self, DebateFile, Diagnostic, Graph, Loaded};

/// An agon debate has a `title` and `nodes` with `id` and `kind`; an AIF
/// graph has `edges` and nodes with `nodeID`.
pub fn is_agon_json(v: &Value) -> bool {
    let Some(obj) = v.as_object() else {
        return false;
    };
    let first_node = obj
        .get("nodes")
        .and_then(Value::as_array)
        .and_then(|n| n.first())
        .and_then(Value::as_object);
    obj.contains_key("title")
        && !obj.contains_key("edges")
        && first_node.is_none_or(|n| n.contains_key("kind") || n.contains_key("id"))
}

/// Loads an agon debate from JSON text, validated like a RON file.
pub fn load_str(file: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let debate: DebateFile =
        serde_json::from_str(text).map_err(|e| vec![json_common::syntax_error(file, text, &e)])?;
    load_parsed(file, text, debate)
}

/// Validates a debate parsed from `text`. The table of where each value
/// stands in the text is built only when there is a problem to point at.
pub fn load_parsed(file: &str, text: &str, debate: DebateFile) -> Result<Loaded, Vec<Diagnostic>> {
    let problems = graph::validate(&debate);
    if problems.is_empty() {
        return Ok(Loaded {
            graph: Graph::from_file(debate),
            warnings: Vec::new(),
        });
    }
    // Only the first problems of each kind are placed; the rest are counted.
    let mut counts = graph::diag::KindCounts::default();
    let problems: Vec<_> = problems
        .into_iter()
        .filter(|p| counts.admit(p.severity, &p.message))
        .collect();
    let locator = json_common::Locator::for_paths(text, problems.iter().map(|p| p.path.as_str()));
    let mut diags: Vec<Diagnostic> = problems
        .into_iter()
        .map(|p| locator.diagnostic(file, &p.path, p.severity, p.message))
        .collect();
    graph::diag::sort(&mut diags);
    graph::diag::cap_counted(&mut diags, &counts);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok(Loaded {
        graph: Graph::from_file(debate),
        warnings: diags,
    })
}
