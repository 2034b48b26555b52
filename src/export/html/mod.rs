//! One self-contained HTML page for a class: the map as a collapsible,
//! searchable outline, and each tour as slides (`#tour-ID/N`, arrow keys).
//!
//! Nothing is fetched: the style and the script are inline, and a strict
//! Content-Security-Policy allows exactly those two (by their SHA-256
//! hashes) and nothing else. Every text from the data file is stripped of
//! control characters and HTML-escaped; the script reads the data from the
//! DOM, never from a string it evaluates, so no content can run script.

mod escape;

use std::fmt::Write;

use sha2::{Digest, Sha256};

use super::outline::{self, Visit};
use crate::eval::{self, Label};
use crate::graph::{Graph, Kind, Node, NodeIx, Relation, Source, Tour};
use escape::{attr, fragment, text, web_url};

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// The symbols the explorer shows, so the page reads the same.
const PRO: &str = "+";
const CON: &str = "−";
const THESIS: &str = "◆";
const EVIDENCE: &str = "❝";
const REBUTTAL: &str = "⚑";
const SHARED: &str = "⧉";

/// Outline levels open when the page loads: the theses and their reasons.
const OPEN_DEPTH: usize = 1;

pub fn write(graph: &Graph) -> String {
    let labels = eval::grounded(graph, &[]);
    let mut out = String::with_capacity(2048 + graph.len() * 512);
    head(&mut out, graph);
    header(&mut out, graph);
    out.push_str("<main>\n");
    outline_section(&mut out, graph, &labels);
    tours_section(&mut out, graph, &labels);
    sources_section(&mut out, graph);
    out.push_str("</main>\n");
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

/// `'sha256-…'` of an inline element's content, for the CSP.
fn csp_hash(content: &str) -> String {
    use base64::Engine;
    let digest = Sha256::digest(content.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn head(out: &mut String, graph: &Graph) {
    let csp = format!(
        "default-src 'none'; style-src {}; script-src {}; base-uri 'none'; form-action 'none'",
        csp_hash(STYLE),
        csp_hash(SCRIPT)
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"agon {}\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        attr(&csp),
        env!("CARGO_PKG_VERSION"),
        text(&graph.title)
    );
}

fn header(out: &mut String, graph: &Graph) {
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", text(&graph.title));
    if let Some(d) = &graph.description {
        paragraphs(out, d);
    }
    if let Some(q) = &graph.question {
        let _ = writeln!(
            out,
            "<p class=\"question\"><b>Question:</b> {}</p>",
            text(q)
        );
    }
    let _ = writeln!(
        out,
        "<p class=\"legend\">{THESIS} thesis · {PRO} supports the point above · {CON} attacks it · \
         {EVIDENCE} evidence · {REBUTTAL} rebuttal · ✓ stands · ✗ falls · ? contested · \
         {SHARED} shown in full elsewhere</p>\n</header>"
    );
}

fn outline_section(out: &mut String, graph: &Graph, labels: &[Label]) {
    let _ = writeln!(
        out,
        "<section id=\"outline\" aria-label=\"The map\">\n<h2>The map</h2>\n\
         <p class=\"search\"><label for=\"q\">Search</label> \
         <input type=\"search\" id=\"q\" autocomplete=\"off\" \
         placeholder=\"words from titles, texts, quotes, sources\"> \
         <output id=\"count\" for=\"q\"></output></p>"
    );
    let visits = outline::walk(graph);
    // The nodes whose elements are still open: depth and closing tags.
    let mut open: Vec<(usize, &str)> = Vec::new();
    out.push_str("<ul class=\"tree\">\n");
    for (i, visit) in visits.iter().enumerate() {
        while let Some(&(depth, close)) = open.last()
            && depth >= visit.depth
        {
            out.push_str(close);
            open.pop();
        }
        let has_children = visits.get(i + 1).is_some_and(|v| v.depth > visit.depth);
        let close = open_node(out, graph, labels, *visit, has_children);
        open.push((visit.depth, close));
    }
    while let Some((_, close)) = open.pop() {
        out.push_str(close);
    }
    out.push_str("</ul>\n</section>\n");
}

/// Writes a node's line and body, leaving its `<li>` (and, when it has
/// children, its `<details>` and child list) open for them; returns the
/// tags that close it.
fn open_node(
    out: &mut String,
    graph: &Graph,
    labels: &[Label],
    v: Visit,
    has_children: bool,
) -> &'static str {
    let node = graph.node(v.ix);
    let label = labels[v.ix.index()];
    if !v.first {
        let _ = write!(
            out,
            "<li class=\"again\" data-ref=\"{}\"><span class=\"line\">{}<a href=\"#n{}\">{}</a> \
             <span class=\"shared\" title=\"shown in full elsewhere\">{SHARED}</span></span>",
            attr(&node.id),
            marks(node, v.relation, label),
            v.ix.0,
            text(&node.title)
        );
        return "</li>\n";
    }
    let open = if v.depth < OPEN_DEPTH { " open" } else { "" };
    let _ = write!(
        out,
        "<li class=\"node {}\" id=\"n{}\" data-id=\"{}\" data-label=\"{}\">",
        node.kind.name(),
        v.ix.0,
        attr(&node.id),
        label.name()
    );
    let body = body(graph, node);
    if has_children || !body.is_empty() {
        let _ = write!(
            out,
            "<details{open}><summary class=\"line\">{}</summary>{body}",
            line(node, v.relation, label)
        );
        if has_children {
            out.push_str("<ul>\n");
            return "</ul></details></li>\n";
        }
        "</details></li>\n"
    } else {
        let _ = write!(
            out,
            "<span class=\"line leaf\">{}</span>",
            line(node, v.relation, label)
        );
        "</li>\n"
    }
}

/// Stance, kind and label symbols, then the words a screen reader needs.
fn marks(node: &Node, relation: Option<Relation>, label: Label) -> String {
    let (stance, stance_word) = match relation {
        None => (THESIS, "thesis"),
        Some(Relation::Supports) => (PRO, "supports"),
        Some(Relation::Attacks) => (CON, "attacks"),
    };
    let kind = match node.kind {
        Kind::Evidence => EVIDENCE,
        Kind::Rebuttal => REBUTTAL,
        Kind::Thesis | Kind::Claim => "",
    };
    let (sym, word) = label_marks(label);
    format!(
        "<span class=\"stance\" title=\"{stance_word}\">{stance}</span> \
         <span class=\"label {}\" title=\"{word}\">{sym}</span> {}",
        label.name(),
        if kind.is_empty() {
            String::new()
        } else {
            format!(
                "<span class=\"kind\" title=\"{}\">{kind}</span> ",
                node.kind.name()
            )
        }
    )
}

fn label_marks(label: Label) -> (&'static str, &'static str) {
    match label {
        Label::In => ("✓", "stands"),
        Label::Out => ("✗", "falls"),
        Label::Undec => ("?", "contested"),
    }
}

fn line(node: &Node, relation: Option<Relation>, label: Label) -> String {
    format!(
        "{}<span class=\"title\">{}</span>",
        marks(node, relation, label),
        text(&node.title)
    )
}

/// A node's text, quote with its source, tags and basis; empty when it has none.
fn body(graph: &Graph, node: &Node) -> String {
    let mut out = String::new();
    if let Some(t) = &node.text {
        paragraphs(&mut out, t);
    }
    if let Some(q) = &node.quote {
        out.push_str("<blockquote>");
        paragraphs(&mut out, q);
        let cite = citation(graph, node);
        if !cite.is_empty() {
            let _ = write!(out, "<footer>— {cite}</footer>");
        }
        out.push_str("</blockquote>");
    }
    let mut facts: Vec<String> = Vec::new();
    if let Some(b) = node.basis {
        facts.push(format!("basis: {}", b.name()));
    }
    if node.origin == crate::graph::Origin::Analysis {
        facts.push("the map's own analysis".into());
    }
    if !node.tags.is_empty() {
        let tags: Vec<String> = node.tags.iter().map(|t| format!("#{}", text(t))).collect();
        facts.push(tags.join(" "));
    }
    if !facts.is_empty() {
        let _ = write!(out, "<p class=\"facts\">{}</p>", facts.join(" · "));
    }
    if out.is_empty() {
        out
    } else {
        format!("<div class=\"body\">{out}</div>")
    }
}

/// The quote's source (a link to the sources list) and locator.
fn citation(graph: &Graph, node: &Node) -> String {
    let mut parts = Vec::new();
    if let Some(id) = &node.source
        && let Some(i) = graph.sources.iter().position(|s| &s.id == id)
    {
        parts.push(format!(
            "<a href=\"#s{i}\"><cite>{}</cite></a>",
            text(&graph.sources[i].title)
        ));
    }
    if let Some(l) = &node.locator {
        parts.push(text(l));
    }
    parts.join(", ")
}

/// Paragraphs split at blank lines; single line breaks kept as `<br>`.
fn paragraphs(out: &mut String, s: &str) {
    let s = crate::text::sanitize_text(s);
    for para in s.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = para.lines().map(text).collect();
        let _ = write!(out, "<p>{}</p>", lines.join("<br>"));
    }
}

fn tours_section(out: &mut String, graph: &Graph, labels: &[Label]) {
    if graph.tours.is_empty() {
        return;
    }
    out.push_str(
        "<section id=\"tours\" aria-label=\"Tours\">\n<h2>Tours</h2>\n<ul class=\"tour-list\">\n",
    );
    for t in &graph.tours {
        let _ = writeln!(
            out,
            "<li><a href=\"#tour-{}/1\">{}</a> ({} steps){}</li>",
            fragment(&t.id),
            text(&t.title),
            t.steps.len(),
            t.description
                .as_deref()
                .map(|d| format!(": {}", text(d)))
                .unwrap_or_default()
        );
    }
    out.push_str("</ul>\n");
    for t in &graph.tours {
        tour(out, graph, labels, t);
    }
    out.push_str("</section>\n");
}

fn tour(out: &mut String, graph: &Graph, labels: &[Label], t: &Tour) {
    let _ = writeln!(
        out,
        "<section class=\"tour\" data-tour=\"{}\">\n<h3>{}</h3>\n<ol class=\"slides\">",
        attr(&t.id),
        text(&t.title)
    );
    let steps = t.steps.len();
    for (i, step) in t.steps.iter().enumerate() {
        let n = i + 1;
        let _ = write!(
            out,
            "<li class=\"slide\" data-step=\"{n}\"><p class=\"where\">{} · step {n} of {steps}</p>",
            text(&t.title)
        );
        let say = |out: &mut String| {
            out.push_str("<div class=\"say\">");
            paragraphs(out, &step.say);
            out.push_str("</div>");
        };
        match graph.by_id(&step.node) {
            Some(ix) => slide_node(out, graph, labels, ix, say),
            None => {
                let _ = write!(out, "<h4>{}</h4>", text(&step.node));
                say(out);
            }
        }
        slide_nav(out, &t.id, n, steps);
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}

/// The step's node as a heading, what the presenter says, the node's body
/// and the points that relate to it.
fn slide_node(
    out: &mut String,
    graph: &Graph,
    labels: &[Label],
    ix: NodeIx,
    say: impl FnOnce(&mut String),
) {
    let node = graph.node(ix);
    let relation = graph.parents(ix).next().map(|(_, r)| r);
    let _ = write!(
        out,
        "<h4 data-node=\"{}\">{}</h4>",
        attr(&node.id),
        line(node, relation, labels[ix.index()]),
    );
    say(out);
    out.push_str(&body(graph, node));
    let related: Vec<(NodeIx, Relation)> = graph.children(ix).collect();
    if related.is_empty() {
        return;
    }
    out.push_str("<ul class=\"related\">");
    for (child, rel) in related {
        let c = graph.node(child);
        let _ = write!(
            out,
            "<li><a href=\"#n{}\">{}{}</a></li>",
            child.0,
            marks(c, Some(rel), labels[child.index()]),
            text(&c.title)
        );
    }
    out.push_str("</ul>");
}

fn slide_nav(out: &mut String, tour_id: &str, n: usize, steps: usize) {
    let id = fragment(tour_id);
    out.push_str("<nav class=\"slide-nav\">");
    if n > 1 {
        let _ = write!(
            out,
            "<a rel=\"prev\" href=\"#tour-{id}/{}\">← previous</a> ",
            n - 1
        );
    }
    out.push_str("<a href=\"#outline\">the map</a>");
    if n < steps {
        let _ = write!(
            out,
            " <a rel=\"next\" href=\"#tour-{id}/{}\">next →</a>",
            n + 1
        );
    }
    out.push_str("</nav>");
}

fn sources_section(out: &mut String, graph: &Graph) {
    if graph.sources.is_empty() {
        return;
    }
    out.push_str("<section id=\"sources\" aria-label=\"Sources\">\n<h2>Sources</h2>\n<ol>\n");
    for (i, s) in graph.sources.iter().enumerate() {
        let _ = writeln!(out, "<li id=\"s{i}\">{}</li>", source_line(s));
    }
    out.push_str("</ol>\n</section>\n");
}

/// Title (a link when the address is a web address), outlet, author, date, note.
fn source_line(s: &Source) -> String {
    let title = match s.url.as_deref().and_then(web_url) {
        Some(url) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\"><cite>{}</cite></a>",
            attr(url),
            text(&s.title)
        ),
        None => format!("<cite>{}</cite>", text(&s.title)),
    };
    let mut parts = vec![title];
    for v in [&s.outlet, &s.author, &s.date].into_iter().flatten() {
        parts.push(text(v));
    }
    if let Some(url) = &s.url
        && web_url(url).is_none()
    {
        parts.push(text(url));
    }
    let mut line = parts.join(", ");
    if let Some(n) = &s.note {
        let _ = write!(line, " <span class=\"note\">({})</span>", text(n));
    }
    line
}

#[cfg(test)]
mod tests;
