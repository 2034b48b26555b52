//! Graphviz DOT, ready for `dot -Tsvg`: arrows point from a node to the
//! node it supports (green, solid) or attacks (red, dashed); shapes show the
//! kind and fill colours the side. The map's own analysis has a dashed
//! outline and says so under its title.

use std::fmt::Write;

use crate::graph::{Graph, Kind, Side};

/// Label lines are wrapped to about this many characters.
const LABEL_WIDTH: usize = 32;

pub fn write(graph: &Graph) -> String {
    let mut out = String::new();
    out.push_str("digraph agon {\n");
    let _ = writeln!(
        out,
        "    graph [rankdir=BT, labelloc=t, fontname=\"Helvetica\", label=\"{}\"];",
        label(&graph.title)
    );
    out.push_str("    node [fontname=\"Helvetica\", fontsize=11, style=\"filled\", fillcolor=\"white\", margin=\"0.15,0.08\"];\n");
    out.push_str("    edge [penwidth=1.4];\n\n");
    for ix in graph.indices() {
        let node = graph.node(ix);
        let (shape, style) = match node.kind {
            Kind::Thesis => ("box", "filled,bold"),
            Kind::Claim => ("box", "filled,rounded"),
            Kind::Evidence => ("note", "filled"),
            Kind::Rebuttal => ("hexagon", "filled"),
        };
        // The map's own analysis: a dashed outline and the words in the
        // label and tooltip, so neither colour nor line alone tells it.
        let (style, note, tip) = match node.origin.note() {
            Some(note) => (
                format!("{style},dashed"),
                format!("\\n({})", escape(note)),
                format!(", {}", escape(note)),
            ),
            None => (style.to_string(), String::new(), String::new()),
        };
        let fill = match graph.side(ix) {
            Side::Thesis => "#dbe9f6",
            Side::For => "#e3f4e1",
            Side::Against => "#fbe3e1",
            Side::None => "#eeeeee",
        };
        let _ = writeln!(
            out,
            "    \"{}\" [label=\"{}{note}\", shape={shape}, style=\"{style}\", fillcolor=\"{fill}\", tooltip=\"{}{tip}\"];",
            escape(&node.id),
            label(&node.title),
            escape(node.kind.name()),
        );
    }
    out.push('\n');
    for ix in graph.indices() {
        let from = escape(&graph.node(ix).id);
        for &to in graph.supports(ix) {
            let _ = writeln!(
                out,
                "    \"{from}\" -> \"{}\" [color=\"#2e7d32\", style=solid, arrowhead=normal];",
                escape(&graph.node(to).id)
            );
        }
        for &to in graph.attacks(ix) {
            let _ = writeln!(
                out,
                "    \"{from}\" -> \"{}\" [color=\"#c62828\", style=dashed, arrowhead=tee];",
                escape(&graph.node(to).id)
            );
        }
    }
    out.push_str("}\n");
    out
}

/// A title wrapped into lines joined by DOT's `\n`, each line escaped.
fn label(text: &str) -> String {
    let clean = crate::text::sanitize_line(text);
    crate::text::wrap(&clean, LABEL_WIDTH)
        .iter()
        .map(|l| escape(l))
        .collect::<Vec<_>>()
        .join("\\n")
}

/// Escapes text for a double-quoted DOT string. Backslashes are doubled
/// so that DOT's own escapes (`\n`, `\l`, `\N`) cannot be triggered by data.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(escape(r#"say "hi" \n"#), r#"say \"hi\" \\n"#);
        assert_eq!(label("a \"b\""), r#"a \"b\""#);
        assert!(label(&"word ".repeat(20)).contains("\\n"));
    }
}
