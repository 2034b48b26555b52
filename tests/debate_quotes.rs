//! Checks the built-in debate (`data/debate.ron`) against its source articles:
//! every evidence quote must stand verbatim in the article it names, in the
//! paragraph its locator gives; every source must be cited; the map must meet
//! its minimum sizes; and its structure must be sound.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use agon::graph::{DebateFile, Kind, Node, parse_ron};

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
            Some((_, Some(n))) => {
                let paragraph = article.lines().nth(n.wrapping_sub(1)).unwrap_or("");
                if !normalise(paragraph).contains(&wanted) {
                    failures.push(format!(
                        "{}: quote is in {source} but not in para {n}",
                        node.id
                    ));
                }
            }
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
fn the_map_is_structurally_sound() {
    let debate = load_debate();
    let mut failures = Vec::new();
    let mut ids = HashSet::new();
    for node in &debate.nodes {
        if !ids.insert(node.id.as_str()) {
            failures.push(format!("{}: duplicate node id", node.id));
        }
    }
    let by_id: HashMap<&str, &Node> = debate.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let source_ids: HashSet<&str> = debate.sources.iter().map(|s| s.id.as_str()).collect();
    for node in &debate.nodes {
        for target in node.supports.iter().chain(&node.attacks) {
            if !by_id.contains_key(target.as_str()) {
                failures.push(format!("{}: relates to unknown node {target:?}", node.id));
            }
            if target == &node.id {
                failures.push(format!("{}: relates to itself", node.id));
            }
        }
        if let Some(source) = &node.source {
            if !source_ids.contains(source.as_str()) {
                failures.push(format!("{}: unknown source {source:?}", node.id));
            }
        }
        match node.kind {
            Kind::Thesis if !node.supports.is_empty() || !node.attacks.is_empty() => {
                failures.push(format!("{}: a thesis supports or attacks", node.id))
            }
            Kind::Rebuttal if node.attacks.is_empty() => {
                failures.push(format!("{}: a rebuttal that attacks nothing", node.id))
            }
            Kind::Rebuttal
                if node.attacks.iter().any(|t| {
                    by_id
                        .get(t.as_str())
                        .is_some_and(|n| n.kind == Kind::Thesis)
                }) =>
            {
                failures.push(format!("{}: a rebuttal attacks a thesis", node.id))
            }
            _ => {}
        }
        let evidence_fields = node.quote.is_some()
            || node.source.is_some()
            || node.locator.is_some()
            || node.basis.is_some();
        if node.kind != Kind::Evidence && evidence_fields {
            failures.push(format!(
                "{}: evidence fields on a non-evidence node",
                node.id
            ));
        }
        if node.kind == Kind::Evidence
            && (node.quote.is_none() || node.source.is_none() || node.basis.is_none())
        {
            failures.push(format!(
                "{}: evidence without quote, source or basis",
                node.id
            ));
        }
        if node.title.chars().count() >= 80 {
            failures.push(format!("{}: title of 80 characters or more", node.id));
        }
    }
    for tour in &debate.tours {
        for step in &tour.steps {
            if !by_id.contains_key(step.node.as_str()) {
                failures.push(format!("tour {}: unknown node {:?}", tour.id, step.node));
            }
        }
    }

    // Cycles of supports, by depth-first search with three colours.
    fn visit<'a>(
        id: &'a str,
        by_id: &HashMap<&'a str, &'a Node>,
        state: &mut HashMap<&'a str, u8>,
        failures: &mut Vec<String>,
    ) {
        match state.get(id) {
            Some(1) => {
                failures.push(format!("{id}: on a cycle of supports"));
                return;
            }
            Some(_) => return,
            None => {}
        }
        state.insert(id, 1);
        if let Some(node) = by_id.get(id) {
            for next in &node.supports {
                if let Some(next_node) = by_id.get(next.as_str()) {
                    visit(next_node.id.as_str(), by_id, state, failures);
                }
            }
        }
        state.insert(id, 2);
    }
    let mut state = HashMap::new();
    for node in &debate.nodes {
        visit(node.id.as_str(), &by_id, &mut state, &mut failures);
    }

    // Reachability of a thesis through supports and attacks.
    let mut reaches: HashSet<&str> = debate
        .nodes
        .iter()
        .filter(|n| n.kind == Kind::Thesis)
        .map(|n| n.id.as_str())
        .collect();
    loop {
        let before = reaches.len();
        for node in &debate.nodes {
            if node
                .supports
                .iter()
                .chain(&node.attacks)
                .any(|t| reaches.contains(t.as_str()))
            {
                reaches.insert(node.id.as_str());
            }
        }
        if reaches.len() == before {
            break;
        }
    }
    for node in &debate.nodes {
        if !reaches.contains(node.id.as_str()) {
            failures.push(format!("{}: reaches no thesis", node.id));
        }
    }

    assert!(
        failures.is_empty(),
        "structural problems:\n  {}",
        failures.join("\n  ")
    );
}
