//! `agon export`: snapshots of the built-in debate, the DOT and Markdown
//! shapes, and the command line's file handling.

mod cli;
#[path = "../common/mod.rs"]
mod common;

use agon::export::{Format, export};
use agon::graph::Graph;

fn builtin() -> Graph {
    agon::graph::builtin().expect("built-in debate loads").graph
}

#[test]
fn builtin_markdown_snapshot() {
    insta::assert_snapshot!(
        "builtin_markdown",
        export(&builtin(), Format::Markdown).expect("markdown")
    );
}

#[test]
fn builtin_dot_snapshot() {
    insta::assert_snapshot!("builtin_dot", export(&builtin(), Format::Dot).expect("dot"));
}

#[test]
fn dot_has_one_statement_per_node_and_relation_with_styles() {
    let g = builtin();
    let dot = export(&g, Format::Dot).expect("dot");
    assert!(dot.starts_with("digraph") && dot.trim_end().ends_with('}'));
    let node_lines = dot.lines().filter(|l| l.contains("[label=")).count();
    assert_eq!(node_lines, g.len());
    let supports = dot
        .lines()
        .filter(|l| l.contains("->") && l.contains("style=solid"))
        .count();
    let attacks = dot
        .lines()
        .filter(|l| l.contains("->") && l.contains("style=dashed"))
        .count();
    let (mut s, mut a) = (0, 0);
    for ix in g.indices() {
        s += g.supports(ix).len();
        a += g.attacks(ix).len();
    }
    assert_eq!((supports, attacks), (s, a));
}

#[test]
fn dot_escapes_quotes_and_backslashes_in_titles() {
    let text = "Discussion Title: T\n\n1. Say \"no\" \\\\ here\n1.1. Pro: \"quoted\"\n";
    let g = agon::formats::kialo::load_str("q.txt", text)
        .expect("loads")
        .graph;
    let dot = export(&g, Format::Dot).expect("dot");
    assert!(dot.contains(r#"label="Say \"no\" \\ here""#), "{dot}");
    // Every quote inside a line is escaped or delimits a string: an even count of unescaped quotes.
    for line in dot.lines() {
        let unescaped = line.replace("\\\\", "").replace("\\\"", "");
        assert_eq!(unescaped.matches('"').count() % 2, 0, "{line}");
    }
}

#[test]
fn markdown_outline_marks_stances_and_quotes_evidence() {
    let g = builtin();
    let md = export(&g, Format::Markdown).expect("markdown");
    for &t in g.theses() {
        assert!(md.contains(&format!("## {}", g.node(t).title)), "{md}");
    }
    let pro = md
        .lines()
        .filter(|l| l.trim_start().starts_with("- **+**"))
        .count();
    let con = md
        .lines()
        .filter(|l| l.trim_start().starts_with("- **−**"))
        .count();
    assert_eq!(
        pro + con,
        g.relation_count(),
        "one bullet per relation in a tree-shaped debate"
    );
    // Markdown escapes punctuation such as `[` with a backslash; compare
    // with the escapes taken out.
    let unescaped = md
        .chars()
        .fold((String::new(), false), |(mut out, escaping), c| {
            if c == '\\' && !escaping {
                (out, true)
            } else {
                out.push(c);
                (out, false)
            }
        })
        .0;
    for n in g.nodes.iter().filter(|n| n.quote.is_some()) {
        let quote = n.quote.as_deref().unwrap_or_default();
        assert!(unescaped.contains(&format!("> {quote}")), "{quote}");
    }
}

/// Graphviz itself reads the DOT export, where it is installed (it is not a
/// dependency of agon; without it this test says it skipped).
#[test]
fn graphviz_accepts_the_dot_export() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dot = export(&builtin(), Format::Dot).expect("dot");
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("skipped: Graphviz `dot` is not installed");
        return;
    };
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(dot.as_bytes())
        .expect("write to dot");
    let out = child.wait_with_output().expect("dot runs");
    assert!(
        out.status.success(),
        "dot rejected the export: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every view that prints a node names the map's own analysis as such.
#[test]
fn analysis_nodes_are_named_as_the_maps_analysis_in_every_view() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/analysis.ron");
    let g = agon::graph::load_path(std::path::Path::new(path))
        .expect("fixture loads")
        .graph;
    let out = |f| export(&g, f).expect("exports");
    let md = out(Format::Markdown);
    assert!(
        md.contains("Sunday staff cost more *(claim, the map's analysis)*"),
        "{md}"
    );
    assert!(
        md.contains("Volunteers could staff Sundays *(rebuttal, the map's analysis)*"),
        "{md}"
    );
    assert!(
        md.contains("Many users want Sunday opening\n"),
        "sourced claims stay unmarked: {md}"
    );
    let dot = out(Format::Dot);
    let cost = dot
        .lines()
        .find(|l| l.contains("\"cost\" ["))
        .expect("cost in DOT");
    assert!(
        cost.contains("(the map's analysis)") && cost.contains("dashed"),
        "{cost}"
    );
    let demand = dot
        .lines()
        .find(|l| l.contains("\"demand\" ["))
        .expect("demand in DOT");
    assert!(
        !demand.contains("analysis") && !demand.contains("dashed"),
        "{demand}"
    );
    assert!(out(Format::Argdown).contains("#(the map's analysis)"));
    assert!(out(Format::Aif).contains("(the map's analysis, not the sources')"));
    assert!(out(Format::Json).contains("\"origin\": \"Analysis\""));
    assert!(out(Format::Ron).contains("origin: Analysis"));

    let thesis = g.theses()[0];
    let labels = agon::eval::grounded(&g, &[]);
    let strength = agon::eval::strength(&g, &[]);
    let brief = agon::brief::Brief::build(
        &g,
        &labels,
        strength.values(),
        agon::brief::BriefSide::For,
        thesis,
    );
    let text = agon::brief::Brief::to_markdown(&g, &brief, None);
    assert!(
        text.contains("*claim · the map's analysis · stands"),
        "{text}"
    );
    assert!(
        text.contains("Volunteers could staff Sundays — rebuttal · the map's analysis · falls"),
        "{text}"
    );
    let handout = agon::tour::handout(&g, &g.tours[0]);
    assert!(
        handout.contains("*claim · the map's analysis · against the thesis*"),
        "{handout}"
    );
}
