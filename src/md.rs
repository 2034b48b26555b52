//! Writing Markdown from data-file text: every string is cleaned of
//! terminal escapes (a brief is often printed to a terminal) and escaped so
//! a title with `*` or a line starting with `#` prints as written.

use crate::graph::{Graph, Node, NodeIx, Source};
use crate::text::{sanitize_line, sanitize_text};

/// The node's kind for a list or a byline: "claim", or "claim · the map's
/// analysis" for a node that is the map's own reasoning, not a source's.
pub fn kind(node: &Node) -> String {
    match node.origin.note() {
        Some(note) => format!("{} · {note}", node.kind.name()),
        None => node.kind.name().to_string(),
    }
}

/// One line of text for use inside a Markdown line (a heading, a list item).
pub fn inline(s: &str) -> String {
    let clean = sanitize_line(s);
    let mut out = String::with_capacity(clean.len());
    for c in clean.trim().chars() {
        // `#` too: a heading's trailing `#`s would be read as its closing sequence.
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text of one or more paragraphs (a `\n` in a data file separates
/// paragraphs), each line safe to start a Markdown line.
pub fn paragraphs(s: &str) -> Vec<String> {
    sanitize_text(s)
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| escape_line_start(inline(l)))
        .collect()
}

/// Paragraphs as a block, separated by blank lines, each line indented.
pub fn block(s: &str, indent: &str) -> String {
    paragraphs(s)
        .iter()
        .map(|p| format!("{indent}{p}"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Text as a blockquote, each line indented by `indent`.
pub fn blockquote(s: &str, indent: &str) -> String {
    let paras = paragraphs(s);
    paras
        .iter()
        .map(|p| format!("{indent}> {p}"))
        .collect::<Vec<_>>()
        .join(&format!("\n{indent}>\n"))
}

/// The finished document: at most one blank line in a row (Markdown gives
/// more no meaning), ending in exactly one newline.
pub fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank_run = 0;
    for line in s.trim().lines() {
        let blank = line.trim().is_empty();
        blank_run = if blank { blank_run + 1 } else { 0 };
        if blank_run <= 1 {
            out.push_str(if blank { "" } else { line });
            out.push('\n');
        }
    }
    out
}

/// A line that would start a heading, quote, list or rule is escaped.
fn escape_line_start(line: String) -> String {
    let first = line.chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=' | '~')) {
        return format!("\\{line}");
    }
    // "1. " or "1) " starts an ordered list: escape the punctuation.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')')) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line
}

/// "— Author, *Title*, Outlet, Date, locator <url>": the source of a piece
/// of evidence with every field it states; none when it cites no known source.
pub fn citation(graph: &Graph, ix: NodeIx) -> Option<String> {
    let source = graph.source_of(ix)?;
    Some(format!(
        "— {}",
        source_line(source, graph.node(ix).locator.as_deref())
    ))
}

fn source_line(source: &Source, locator: Option<&str>) -> String {
    let mut parts = Vec::new();
    if let Some(author) = &source.author {
        parts.push(inline(author));
    }
    parts.push(format!("*{}*", inline(&source.title)));
    for v in [&source.outlet, &source.date].into_iter().flatten() {
        parts.push(inline(v));
    }
    if let Some(loc) = locator {
        parts.push(inline(loc));
    }
    let mut line = parts.join(", ");
    if let Some(url) = &source.url {
        push_url(&mut line, url);
    }
    line
}

/// Appends a source's address: an autolink when it is one, else escaped text.
pub fn push_url(line: &mut String, url: &str) {
    let url = sanitize_line(url);
    // An autolink only holds a URL without spaces or angle brackets.
    if !url.is_empty() && !url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        line.push_str(&format!(" <{url}>"));
    } else if !url.trim().is_empty() {
        line.push_str(&format!(" ({})", inline(&url)));
    }
}

/// The evidence's quote as a blockquote with its citation below it; the
/// title stands in when there is no quote.
pub fn quoted_evidence(graph: &Graph, ix: NodeIx, indent: &str) -> Option<String> {
    let node = graph.node(ix);
    let quote = node.quote.as_deref().filter(|q| !q.trim().is_empty())?;
    let mut out = blockquote(quote, indent);
    match citation(graph, ix) {
        Some(c) => out.push_str(&format!("\n{indent}>\n{indent}> {c}")),
        None => out.push_str(&format!("\n{indent}>\n{indent}> — source not given")),
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_escapes_markup_and_strips_escapes() {
        assert_eq!(inline("a *bold* [link]"), r"a \*bold\* \[link\]");
        assert_eq!(inline("x\u{1b}[31my\n z"), "xy  z");
        assert_eq!(inline("learn C#"), r"learn C\#");
    }

    #[test]
    fn line_starts_that_would_be_markup_are_escaped() {
        assert_eq!(paragraphs("# not a heading"), vec![r"\# not a heading"]);
        assert_eq!(paragraphs("1. not a list"), vec![r"1\. not a list"]);
        assert_eq!(
            paragraphs("- nor this\n\n2024 was fine"),
            vec![r"\- nor this", "2024 was fine"]
        );
        assert_eq!(paragraphs("> quote"), vec![r"\> quote"]);
    }

    #[test]
    fn tidy_keeps_one_blank_line() {
        assert_eq!(tidy("# a\n\n\n\nb\n  \nc\n\n"), "# a\n\nb\n\nc\n");
    }

    #[test]
    fn blocks_keep_paragraphs_apart() {
        assert_eq!(block("one\ntwo", "  "), "  one\n\n  two");
        assert_eq!(blockquote("one\ntwo", ""), "> one\n>\n> two");
    }
}
