//! Checks the built-in debate (`data/debate.ron`) against its source articles:
//! every evidence quote must stand verbatim in the article it names, in the
//! paragraph its locator gives; every source must be cited; the map must meet
//! its minimum sizes; and its structure must be sound.

use std::collections::HashMap;
use std::path::PathBuf;

use agon::graph::{DebateFile, Kind, Node, Origin, parse_ron};

/// Which article file each source id of the debate stands for.
const SOURCE_FILES: &[(&str, &str)] = &[
    ("ben-gad-europp", "000_dc3be75108e8ebc7.txt"),
    ("thearticle-defecting-soldiers", "001_9f96eee9e0454286.txt"),
    ("strategypage-morale", "002_123073d6b7940101.txt"),
    ("offer-asylum-surrender", "003_94d60dedda74ed38.txt"),
    ("brain-drain-report", "004_fa70feefc45034fa.txt"),
];

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load_debate() -> DebateFile {
    let path = manifest_dir().join("data").join("debate.ron");
    let text = std::fs::read_to_string(&path).expect("data/debate.ron should be readable");
    parse_ron(&text).unwrap_or_else(|e| panic!("data/debate.ron does not parse: {e}"))
}

/// Curly quotes become straight ones and every run of whitespace one space.
fn normalise(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
            other => other,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The paragraph number of a locator of the form "para N".
fn paragraph_number(locator: &str) -> Option<usize> {
    locator.strip_prefix("para ")?.trim().parse().ok()
}

/// Paragraph `n` (from 1) of an article under the sources' rule: the n-th
/// non-empty line of the file, the headline line included. A line of
/// nothing but whitespace (a non-breaking space, say) is blank.
fn paragraph(article: &str, n: usize) -> Option<&str> {
    article
        .lines()
        .filter(|l| !l.trim().is_empty())
        .nth(n.checked_sub(1)?)
}

#[test]
fn paragraphs_are_counted_by_non_empty_lines() {
    let article = "Headline\n\nFirst para.\n \u{a0}\n\nSecond para.\n";
    assert_eq!(paragraph(article, 1), Some("Headline"));
    assert_eq!(paragraph(article, 2), Some("First para."));
    assert_eq!(paragraph(article, 3), Some("Second para."));
    assert_eq!(paragraph(article, 4), None);
    assert_eq!(paragraph(article, 0), None);
}

#[test]
fn every_quote_stands_verbatim_in_its_paragraph() {
    let debate = load_debate();
    let sources_dir = manifest_dir().join("..").join("shared").join("sources");
    if !sources_dir.is_dir() {
        eprintln!(
            "skipped: the quote check needs ../shared/sources beside the checkout, \
             and it was not found; CI always has it"
        );
        return;
    }
    let files: HashMap<&str, &str> = SOURCE_FILES.iter().copied().collect();
    let mut articles: HashMap<&str, String> = HashMap::new();
    for (id, file) in SOURCE_FILES {
        let path = sources_dir.join(file);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read source {id} ({file}): {e}"));
        articles.insert(id, text);
    }

    let mut failures = Vec::new();
    let mut checked = 0;
    for node in debate.nodes.iter().filter(|n| n.kind == Kind::Evidence) {
        let (Some(quote), Some(source)) = (&node.quote, &node.source) else {
            failures.push(format!("{}: evidence without quote or source", node.id));
            continue;
        };
        let Some(article) = files
            .get(source.as_str())
            .and_then(|_| articles.get(source.as_str()))
        else {
            failures.push(format!(
                "{}: source {source:?} has no article file",
                node.id
            ));
            continue;
        };
        let wanted = normalise(quote);
        if wanted.is_empty() {
            failures.push(format!("{}: empty quote", node.id));
            continue;
        }
        if !normalise(article).contains(&wanted) {
            failures.push(format!(
                "{}: quote not found in {source}: {quote:?}",
                node.id
            ));
            continue;
        }
        match node.locator.as_deref().map(|l| (l, paragraph_number(l))) {
            Some((_, Some(n))) => match paragraph(article, n) {
                None => failures.push(format!(
                    "{}: {source} has no para {n} (it has {})",
                    node.id,
                    article.lines().filter(|l| !l.trim().is_empty()).count()
                )),
                Some(text) if !normalise(text).contains(&wanted) => {
                    failures.push(format!(
                        "{}: quote is in {source} but not in para {n}",
                        node.id
                    ));
                }
                Some(_) => {}
            },
            Some((locator, None)) => failures.push(format!(
                "{}: locator {locator:?} is not \"para N\"",
                node.id
            )),
            None => failures.push(format!("{}: no locator", node.id)),
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "{} evidence node(s) fail the quote check:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
    assert!(checked > 0, "no evidence node was checked");
}

#[test]
fn every_source_is_cited_at_least_three_times() {
    let debate = load_debate();
    let mut citations: HashMap<&str, usize> = HashMap::new();
    for node in &debate.nodes {
        if let (Kind::Evidence, Some(source)) = (node.kind, &node.source) {
            *citations.entry(source.as_str()).or_default() += 1;
        }
    }
    let mut failures = Vec::new();
    for source in &debate.sources {
        let n = citations.get(source.id.as_str()).copied().unwrap_or(0);
        if n < 3 {
            failures.push(format!("{}: cited {n} time(s)", source.id));
        }
    }
    for (id, _) in SOURCE_FILES {
        if !debate.sources.iter().any(|s| s.id == *id) {
            failures.push(format!(
                "{id}: in the test's file map but not in the debate"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "sources cited fewer than three times:\n  {}",
        failures.join("\n  ")
    );
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Side {
    Pro,
    Con,
}

/// Each claim's side: pro when it supports a thesis or a pro point, con when
/// it attacks a thesis or supports a con point.
fn claim_sides(debate: &DebateFile) -> HashMap<&str, Side> {
    let by_id: HashMap<&str, &Node> = debate.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut sides: HashMap<&str, Side> = HashMap::new();
    loop {
        let mut changed = false;
        for node in debate.nodes.iter().filter(|n| n.kind == Kind::Claim) {
            if sides.contains_key(node.id.as_str()) {
                continue;
            }
            let side_of = |id: &String| -> Option<Side> {
                match by_id.get(id.as_str()) {
                    Some(n) if n.kind == Kind::Thesis => Some(Side::Pro),
                    _ => sides.get(id.as_str()).copied(),
                }
            };
            let thesis = |id: &String| {
                by_id
                    .get(id.as_str())
                    .is_some_and(|n| n.kind == Kind::Thesis)
            };
            let side = if node.attacks.iter().any(thesis) {
                Some(Side::Con)
            } else {
                node.supports.iter().find_map(side_of)
            };
            if let Some(side) = side {
                sides.insert(node.id.as_str(), side);
                changed = true;
            }
        }
        if !changed {
            return sides;
        }
    }
}

#[test]
fn the_map_meets_its_minimum_sizes() {
    let debate = load_debate();
    let count = |kind: Kind| debate.nodes.iter().filter(|n| n.kind == kind).count();
    let sides = claim_sides(&debate);
    let pro = sides.values().filter(|s| **s == Side::Pro).count();
    let con = sides.values().filter(|s| **s == Side::Con).count();
    let classroom = debate.tours.iter().find(|t| t.id == "classroom");

    let mut failures = Vec::new();
    if debate.nodes.len() < 60 {
        failures.push(format!("{} nodes, want at least 60", debate.nodes.len()));
    }
    if count(Kind::Evidence) < 25 {
        failures.push(format!(
            "{} evidence nodes, want at least 25",
            count(Kind::Evidence)
        ));
    }
    if count(Kind::Rebuttal) < 12 {
        failures.push(format!(
            "{} rebuttals, want at least 12",
            count(Kind::Rebuttal)
        ));
    }
    if pro < 12 {
        failures.push(format!("{pro} pro claims, want at least 12"));
    }
    if con < 12 {
        failures.push(format!("{con} con claims, want at least 12"));
    }
    match classroom {
        None => failures.push("no tour with id \"classroom\"".to_string()),
        Some(t) if !(12..=20).contains(&t.steps.len()) => failures.push(format!(
            "classroom tour has {} steps, want 12-20",
            t.steps.len()
        )),
        Some(_) => {}
    }
    for id in ["for-side", "against-side"] {
        if !debate.tours.iter().any(|t| t.id == id) {
            failures.push(format!("no tour with id {id:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "the debate is too small:\n  {}",
        failures.join("\n  ")
    );
}

/// A small stand-in for the loader's structural rules: every reference
/// resolves, no node relates to itself, supports form no cycle, and every
/// node reaches a thesis through supports and attacks.
#[test]
fn the_map_loads_with_no_errors_and_no_warnings() {
    // The loader enforces every structural rule (references, support
    // cycles, kinds, reachability); the built-in map must pass them all.
    match agon::graph::builtin() {
        Ok(loaded) => assert!(
            loaded.warnings.is_empty(),
            "warnings: {:#?}",
            loaded.warnings
        ),
        Err(diags) => panic!(
            "the built-in debate has errors:\n{}",
            diags
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

/// Nodes that are neither sourced nor marked `origin: Analysis`. A node is
/// *sourced* when it is evidence quoting one of the debate's sources (a
/// quote, and a `source` naming a source of the file), or when such
/// evidence supports it directly. Evidence is the sources' by definition,
/// so evidence marked as analysis is reported too.
fn unsourced(debate: &DebateFile) -> Vec<String> {
    let quotes_a_source = |n: &Node| {
        n.kind == Kind::Evidence
            && n.quote.as_deref().is_some_and(|q| !q.trim().is_empty())
            && n.source
                .as_deref()
                .is_some_and(|s| debate.sources.iter().any(|src| src.id == s))
    };
    let mut cited: HashMap<&str, bool> = HashMap::new();
    for n in debate.nodes.iter().filter(|n| quotes_a_source(n)) {
        for target in &n.supports {
            cited.insert(target.as_str(), true);
        }
    }
    let mut problems = Vec::new();
    for n in &debate.nodes {
        let analysis = n.origin == Origin::Analysis;
        if n.kind == Kind::Evidence && analysis {
            problems.push(format!("{}: evidence marked as the map's analysis", n.id));
        } else if !analysis && !quotes_a_source(n) && !cited.contains_key(n.id.as_str()) {
            problems.push(format!(
                "{}: no evidence from the sources supports it; cite some or mark it `origin: Analysis`",
                n.id
            ));
        }
    }
    problems
}

#[test]
fn every_node_is_sourced_or_marked_as_analysis() {
    let problems = unsourced(&load_debate());
    assert!(
        problems.is_empty(),
        "{} node(s) neither sourced nor marked:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

#[test]
fn the_sourcing_rule_reports_what_it_should() {
    let text = r#"Debate(title: "t", sources: [Source(id: "s", title: "S")], nodes: [
        Node(id: "t", kind: Thesis, title: "T"),
        Node(id: "cited", kind: Claim, title: "C", supports: ["t"]),
        Node(id: "bare", kind: Claim, title: "B", supports: ["t"]),
        Node(id: "marked", kind: Rebuttal, title: "M", attacks: ["bare"], origin: Analysis),
        Node(id: "only-analysis-backs", kind: Claim, title: "O", supports: ["t"]),
        Node(id: "e", kind: Evidence, title: "E", quote: "q", source: "s", supports: ["cited", "t"]),
        Node(id: "no-quote", kind: Evidence, title: "N", source: "s", supports: ["only-analysis-backs"]),
        Node(id: "odd", kind: Evidence, title: "X", quote: "q", source: "s", supports: ["t"], origin: Analysis),
    ])"#;
    let debate = parse_ron(text).expect("parses");
    let ids: Vec<String> = unsourced(&debate)
        .iter()
        .map(|p| p.split(':').next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ids, ["bare", "only-analysis-backs", "no-quote", "odd"]);
}
