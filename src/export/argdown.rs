//! Argdown text that Argdown's own parser and agon read back alike: each
//! node a statement
//! `[Title]: text`, written in full where it first appears in the outline
//! and by its title alone elsewhere, with `+` (supports the statement
//! above) and `-` (attacks it) relation lines below it. Titles that two
//! nodes share get the node's id added, since Argdown merges equal titles.

use std::collections::HashMap;
use std::fmt::Write;

use super::outline;
use crate::graph::{Graph, Kind, NodeIx, Relation};

pub fn write(graph: &Graph) -> String {
    let titles = unique_titles(graph);
    let mut out = String::new();
    let _ = writeln!(out, "# {}", escape_text(&one_line(&graph.title)));
    for visit in outline::walk(graph) {
        let title = &titles[visit.ix.index()];
        if visit.depth == 0 {
            out.push('\n');
        }
        let indent = "  ".repeat(visit.depth);
        let op = match visit.relation {
            Some(Relation::Supports) => "+ ",
            Some(Relation::Attacks) => "- ",
            None => "",
        };
        let _ = write!(out, "{indent}{op}[{}]", escape_title(title));
        if visit.first {
            let body = body(graph, visit.ix);
            if !body.is_empty() {
                let _ = write!(out, ": {body}");
            }
        }
        out.push('\n');
    }
    out
}

/// Each node's title, with ` (id)` added where titles repeat.
fn unique_titles(graph: &Graph) -> Vec<String> {
    let mut count: HashMap<String, usize> = HashMap::new();
    let plain: Vec<String> = graph
        .indices()
        .map(|ix| one_line(&graph.node(ix).title))
        .collect();
    for t in &plain {
        *count.entry(t.clone()).or_default() += 1;
    }
    graph
        .indices()
        .zip(plain)
        .map(|(ix, t)| {
            if count[&t] > 1 {
                format!("{t} ({})", graph.node(ix).id)
            } else {
                t
            }
        })
        .collect()
}

/// The text after `[Title]: `: the node's text, an evidence quote with its
/// source, and the tags, with `#(the map's analysis)` for the map's own
/// reasoning.
fn body(graph: &Graph, ix: NodeIx) -> String {
    let node = graph.node(ix);
    let mut parts = Vec::new();
    if let Some(t) = &node.text {
        parts.push(escape_text(&one_line(t)));
    }
    if node.kind == Kind::Evidence
        && let Some(q) = &node.quote
    {
        let mut quote = format!("“{}”", one_line(q));
        if let Some(s) = graph.source_of(ix) {
            let _ = write!(quote, " ({})", one_line(&s.title));
        }
        parts.push(escape_text(&quote));
    }
    for tag in node
        .tags
        .iter()
        .map(String::as_str)
        .chain(node.origin.note())
    {
        parts.push(format!("#({})", tag_text(tag)));
    }
    parts.join(" ")
}

fn one_line(s: &str) -> String {
    crate::text::sanitize_line(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A title inside `[...]`. Argdown reads titles as written, with no
/// escapes, up to the first `]`: square brackets become parentheses.
fn escape_title(s: &str) -> String {
    s.replace('[', "(").replace(']', ")")
}

/// A tag inside `#(...)`, also read as written: parentheses go, and a
/// comment start is split so that it stays text.
fn tag_text(tag: &str) -> String {
    let mut t = one_line(tag).replace(['(', ')'], "");
    while t.contains("/*") || t.contains("//") {
        t = t.replace("/*", "/ *").replace("//", "/ /");
    }
    t
}

/// Text after `:` and in the heading: escapes what would start a tag, a
/// data block, a title, a mention, or Markdown emphasis.
fn escape_text(s: &str) -> String {
    escape(s, &['\\', '#', '{', '}', '[', ']', '<', '>', '_', '*', '@'])
}

/// Backslash before each of `always`, and before `/` where it would start a
/// comment (`/*` or `//`).
fn escape(s: &str, always: &[char]) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let comment = c == '/' && (chars.peek() == Some(&'*') || chars.peek() == Some(&'/'));
        if always.contains(&c) || comment {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_survive_the_argdown_reader() {
        let tricky = r"a #tag // not a comment /* nor this */ {data} \ end";
        let title = r"x \z // w /* v _a *b";
        let text = format!("[{}]: {}\n", escape_title(title), escape_text(tricky));
        let loaded = crate::formats::argdown::load_str("t.argdown", &text).expect("loads");
        let node = &loaded.graph.nodes[0];
        assert_eq!(node.title, title);
        assert_eq!(escape_title("a [1] b"), "a (1) b");
        assert_eq!(tag_text("x //* y (z)"), "x / / * y z");
        assert_eq!(node.text.as_deref(), Some(tricky));
        assert!(node.tags.is_empty(), "{:?}", node.tags);
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    }
}
