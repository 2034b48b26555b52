//! A Markdown outline: the debate's title, each thesis as a heading, and
//! below it nested bullets marked `+` (supports the point above) or `−`
//! (attacks it), with texts, evidence quotes as block quotes with their
//! source, and the list of sources at the end. A node that is the map's own
//! analysis is marked so after its title.

use std::fmt::Write;

use super::outline::{self, Visit};
use crate::graph::{Graph, Kind, Node, Relation, Source};
use crate::text::sanitize_text;

pub fn write(graph: &Graph) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&graph.title));
    if let Some(d) = &graph.description {
        paragraphs(&mut out, "", d);
    }
    if let Some(q) = &graph.question {
        let _ = writeln!(out, "**Question:** {}\n", inline(q));
    }
    let mut detached_heading = false;
    for visit in outline::walk(graph) {
        let node = graph.node(visit.ix);
        if visit.depth == 0 {
            if visit.detached && !detached_heading {
                out.push_str("## Not connected to a thesis\n\n");
                detached_heading = true;
            }
            root(&mut out, graph, visit, node);
        } else {
            item(&mut out, graph, visit, node);
        }
    }
    if !graph.sources.is_empty() {
        out.push_str("## Sources\n\n");
        for s in &graph.sources {
            let _ = writeln!(out, "- {}", source_line(s));
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn root(out: &mut String, graph: &Graph, visit: Visit, node: &Node) {
    if visit.detached {
        let _ = writeln!(out, "### {}{}\n", inline(&node.title), kind_note(node));
    } else {
        let _ = writeln!(out, "## {}{}\n", inline(&node.title), kind_note(node));
    }
    body(out, graph, node, "");
}

fn item(out: &mut String, graph: &Graph, visit: Visit, node: &Node) {
    let indent = "  ".repeat(visit.depth - 1);
    let marker = match visit.relation {
        Some(Relation::Supports) => "+",
        Some(Relation::Attacks) => "−",
        None => "·",
    };
    let again = if visit.first { "" } else { " *(see above)*" };
    let _ = writeln!(
        out,
        "{indent}- **{marker}** {}{}{again}\n",
        inline(&node.title),
        kind_note(node)
    );
    if visit.first {
        body(out, graph, node, &format!("{indent}  "));
    }
}

/// The node's text, tags and evidence quote, indented under its line.
fn body(out: &mut String, graph: &Graph, node: &Node, indent: &str) {
    if let Some(text) = &node.text {
        paragraphs(out, indent, text);
    }
    if !node.tags.is_empty() {
        let tags: Vec<String> = node
            .tags
            .iter()
            .map(|t| format!("`{}`", crate::text::sanitize_line(t).replace('`', "'")))
            .collect();
        let _ = writeln!(out, "{indent}Tags: {}\n", tags.join(", "));
    }
    if let Some(quote) = &node.quote {
        for line in sanitize_text(quote).lines() {
            let _ = writeln!(out, "{indent}> {}", inline(line));
        }
        let mut cite: Vec<String> = Vec::new();
        if let Some(s) = node.source.as_deref().and_then(|id| graph.source(id)) {
            cite.push(source_line(s));
        }
        if let Some(l) = &node.locator {
            cite.push(inline(l));
        }
        if !cite.is_empty() {
            let _ = writeln!(out, "{indent}>\n{indent}> — {}", cite.join(", "));
        }
        out.push('\n');
    }
}

/// `*(evidence, statistic)*` after a title; claims and theses go unmarked
/// unless they are the map's own analysis: `*(claim, the map's analysis)*`.
fn kind_note(node: &Node) -> String {
    let mut parts: Vec<&str> = Vec::new();
    match (node.kind, node.basis) {
        (Kind::Evidence, Some(b)) => parts.extend([node.kind.name(), b.name()]),
        (Kind::Evidence | Kind::Rebuttal, _) => parts.push(node.kind.name()),
        _ if node.origin.note().is_some() => parts.push(node.kind.name()),
        _ => {}
    }
    parts.extend(node.origin.note());
    if parts.is_empty() {
        String::new()
    } else {
        format!(" *({})*", parts.join(", "))
    }
}

/// Title, outlet, author, date, then the address.
fn source_line(s: &Source) -> String {
    let mut parts = vec![format!("*{}*", inline(&s.title))];
    for v in [&s.outlet, &s.author, &s.date].into_iter().flatten() {
        parts.push(inline(v));
    }
    let mut line = parts.join(", ");
    if let Some(url) = &s.url {
        crate::md::push_url(&mut line, url);
    }
    if let Some(note) = &s.note {
        let _ = write!(line, " — {}", inline(note));
    }
    line
}

fn paragraphs(out: &mut String, indent: &str, text: &str) {
    for para in sanitize_text(text).split("\n\n") {
        let lines: Vec<String> = para
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(inline)
            .collect();
        if lines.is_empty() {
            continue;
        }
        for l in lines {
            let _ = writeln!(out, "{indent}{l}");
        }
        out.push('\n');
    }
}

/// One line of text with Markdown's special characters escaped, so a title
/// like `*not* a [link]` shows as written.
fn inline(s: &str) -> String {
    let s = crate::text::sanitize_line(s);
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.trim().chars().enumerate() {
        let at_start = i == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '+' | '-' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(inline("*bold* [x](y) a_b"), r"\*bold\* \[x\](y) a\_b");
        assert_eq!(inline("# not a heading"), r"\# not a heading");
        assert_eq!(inline("- not a bullet"), r"\- not a bullet");
        assert_eq!(inline("a\u{1b}[31mred"), "ared");
    }
}
