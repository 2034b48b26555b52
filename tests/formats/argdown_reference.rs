//! agon's Argdown reader and writer against Argdown's own parser.

use std::collections::BTreeMap;

use agon::export::{Format, export};
use agon::formats::InputFormat;

use super::reference::{self, shape_of_graph, shape_of_json};
use super::*;

/// The directory `AGON_ARGDOWN_CORPUS` names, to measure agon on other
/// Argdown files (Argdown's own examples, say) without adding them here.
fn other_corpus() -> Option<std::path::PathBuf> {
    std::env::var_os("AGON_ARGDOWN_CORPUS").map(Into::into)
}

/// The conformance corpus: every `.argdown` file in `tests/fixtures/argdown`.
fn corpus() -> Vec<(String, String)> {
    corpus_in(&fixture_path("argdown"))
}

fn corpus_in(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "argdown"))
        .map(|p| {
            let name = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            (name, std::fs::read_to_string(&p).expect("corpus file"))
        })
        .collect();
    files.sort();
    files
}

/// Files where agon is known to read differently from the reference, one
/// name a line (with `#` comments saying why).
fn known_differences() -> Vec<String> {
    std::fs::read_to_string(fixture_path("argdown/KNOWN_DIFFERENCES"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// How agon's import of one file compares with the reference's.
fn compare(name: &str, text: &str, reference: &Option<serde_json::Value>) -> Result<(), String> {
    let Some(json) = reference else {
        return Ok(()); // The reference refuses it: agon may too.
    };
    let expected = shape_of_json(json);
    match load(InputFormat::Argdown, text) {
        Ok(l) => {
            let diff = expected.diff(&shape_of_graph(&l.graph));
            if diff.is_empty() {
                Ok(())
            } else {
                Err(diff.join("\n"))
            }
        }
        Err(e) => Err(format!(
            "agon refuses {name}: {:?}",
            e.first().map(|d| &d.message)
        )),
    }
}

#[test]
fn agon_reads_every_corpus_file_as_the_reference_does() {
    let Some(argdown) = reference::argdown("argdown conformance") else {
        return;
    };
    let (files, known) = match other_corpus() {
        Some(dir) => (corpus_in(&dir), Vec::new()),
        None => (corpus(), known_differences()),
    };
    assert!(
        files.len() >= 40 || other_corpus().is_some(),
        "the corpus has {} files",
        files.len()
    );
    let results = reference::run(&argdown, &files);
    let mut differing = BTreeMap::new();
    let mut refused_by_reference = 0;
    for (name, text) in &files {
        refused_by_reference += usize::from(results[name].is_none());
        if let Err(e) = compare(name, text, &results[name]) {
            differing.insert(name.clone(), e);
        }
    }
    let agreeing = files.len() - differing.len();
    println!(
        "argdown conformance: {} files, {agreeing} agree, {} differ ({refused_by_reference} refused by the reference)",
        files.len(),
        differing.len()
    );
    let unexpected: Vec<String> = differing
        .iter()
        .filter(|(n, _)| !known.contains(n))
        .map(|(n, e)| format!("{n}:\n{e}"))
        .collect();
    let stale: Vec<&String> = known
        .iter()
        .filter(|n| !differing.contains_key(*n))
        .collect();
    assert!(
        unexpected.is_empty(),
        "agon differs from the reference:\n{}",
        unexpected.join("\n\n")
    );
    assert!(
        stale.is_empty(),
        "listed as differing but now agreeing: {stale:?}"
    );
}

/// agon's Argdown export of `g`, named for the report.
fn exported(name: &str, g: &agon::graph::Graph) -> (String, String) {
    (
        name.to_string(),
        export(g, Format::Argdown).expect("argdown export"),
    )
}

/// The reference reads each export with no error and finds the graph agon
/// reads back from it.
fn check_exports(argdown: &std::path::Path, exports: &[(String, String)]) {
    let results = reference::run(argdown, exports);
    let mut failures = Vec::new();
    for (name, text) in exports {
        let Some(json) = &results[name] else {
            failures.push(format!(
                "{name}: the reference refuses the export:\n{}",
                short(text)
            ));
            continue;
        };
        let back = match load(InputFormat::Argdown, text) {
            Ok(l) => shape_of_graph(&l.graph),
            Err(e) => {
                failures.push(format!(
                    "{name}: agon refuses its own export: {:?}",
                    e.first()
                ));
                continue;
            }
        };
        let diff: Vec<String> = shape_of_json(json).diff(&back);
        if !diff.is_empty() {
            failures.push(format!("{name}:\n{}\n{}", diff.join("\n"), short(text)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The reference reads agon's Argdown export of the built-in debate, of
/// every fixture of every format, and of generated debates full of what
/// Argdown treats specially.
#[test]
fn the_reference_reads_every_export_as_agon_does() {
    let Some(argdown) = reference::argdown("argdown export") else {
        return;
    };
    let mut exports = vec![exported(
        "builtin",
        &agon::graph::builtin().expect("builtin").graph,
    )];
    let mut fixtures: Vec<String> = [
        "kialo-old.txt",
        "kialo-new.txt",
        "aif-plain.json",
        "aif-wrapped.json",
        "argdown-all.argdown",
        "tgf/mixed.tgf",
    ]
    .map(String::from)
    .to_vec();
    fixtures.extend(
        corpus()
            .into_iter()
            .map(|(n, _)| format!("argdown/{n}.argdown")),
    );
    for name in &fixtures {
        // Corpus files the reference refuses are not agon's to export.
        if let Ok(l) = agon::formats::load_path(&fixture_path(name)) {
            exports.push(exported(&name.replace(['/', '.'], "-"), &l.graph));
        }
    }
    exports.extend(generated_exports());
    // One run of the reference for all: each run costs seconds.
    check_exports(&argdown, &exports);
}

/// The start of an export, for a failure message.
fn short(text: &str) -> String {
    let cut: String = text.chars().take(600).collect();
    if cut.len() < text.len() {
        cut + "…"
    } else {
        cut
    }
}

/// Pieces of text holding what Argdown treats specially.
const PIECES: [&str; 24] = [
    "plain",
    "[n]",
    "[Donetsk]",
    "a_b",
    "_x_",
    "*",
    "**b**",
    "/*",
    "*/",
    "//",
    "a//b",
    "#tag",
    "#(t)",
    "<arg>",
    ">",
    "{d: 1}",
    "}",
    "\\",
    "@[m]",
    "é",
    "日本",
    "😀",
    "line\nbreak",
    "1.",
];

/// A random debate whose titles, texts, tags and title hold `PIECES`.
fn tricky_debate() -> impl proptest::strategy::Strategy<Value = agon::graph::DebateFile> {
    use agon::graph::{DebateFile, Kind, Node};
    use proptest::prelude::*;
    let words = || prop::collection::vec(prop::sample::select(PIECES.to_vec()), 1..5);
    let node = (
        words(),
        prop::option::of(words()),
        prop::collection::vec(words(), 0..2),
        any::<prop::sample::Index>(),
        0u8..3,
    );
    (words(), prop::collection::vec(node, 1..8)).prop_map(|(title, specs)| {
        let mut nodes: Vec<Node> = Vec::new();
        for (i, (t, text, tags, pick, how)) in specs.into_iter().enumerate() {
            let kind = if i == 0 { Kind::Thesis } else { Kind::Claim };
            // The number keeps titles apart; line breaks have no place in one.
            let mut n = Node::new(
                format!("n{i}"),
                kind,
                format!("{} {i}", t.join(" ").replace('\n', " ")),
            );
            n.text = text.map(|w| w.join(" "));
            n.tags = tags
                .into_iter()
                .map(|w| w.join(" ").replace('\n', " "))
                .collect();
            n.tags.dedup();
            if i > 0 {
                let to = format!("n{}", pick.index(i));
                if how == 0 {
                    n.attacks.push(to)
                } else {
                    n.supports.push(to)
                }
            }
            nodes.push(n);
        }
        DebateFile {
            title: title.join(" ").replace('\n', " "),
            description: None,
            question: None,
            sources: Vec::new(),
            nodes,
            tours: Vec::new(),
        }
    })
}

/// agon reads its export back with the same titles (square brackets as
/// parentheses), relations, texts (line breaks as spaces) and tags (as
/// `#(...)` can hold them).
fn keeps_what_argdown_holds(g: &agon::graph::Graph, export: &str) {
    let back = match load(InputFormat::Argdown, export) {
        Ok(l) => l.graph,
        Err(e) => panic!(
            "agon refuses its own export: {:?}\n{}",
            e.first(),
            short(export)
        ),
    };
    let written = |t: &str| t.replace('[', "(").replace(']', ")");
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(back.len(), g.len(), "{}", short(export));
    for ix in g.indices() {
        let n = g.node(ix);
        let m = back.node(by_title(&back, &written(&n.title)));
        assert_eq!(
            m.text.as_deref().map(squash),
            n.text.as_deref().map(squash),
            "text of {}",
            n.title
        );
        // `#(...)` cannot hold parentheses, and comment starts are split.
        let tag = |t: &str| {
            let mut t = squash(&t.replace(['(', ')'], ""));
            while t.contains("/*") || t.contains("//") {
                t = t.replace("/*", "/ *").replace("//", "/ /");
            }
            t
        };
        let tags: Vec<String> = n.tags.iter().map(|t| tag(t)).collect();
        assert_eq!(m.tags, tags, "tags of {}", n.title);
    }
    let relations = |g: &agon::graph::Graph| -> BTreeSet<(String, &str, String)> {
        relations(g)
            .into_iter()
            .map(|(a, r, b)| (written(&a), r, written(&b)))
            .collect()
    };
    assert_eq!(relations(&back), relations(g));
}

/// Exports of 60 deterministic debates made by `tricky_debate`, each
/// checked to read back in agon with what Argdown can hold.
fn generated_exports() -> Vec<(String, String)> {
    use proptest::strategy::{Strategy, ValueTree};
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = tricky_debate();
    (0..60)
        .map(|i| {
            let file = strategy.new_tree(&mut runner).expect("a debate").current();
            let g = agon::graph::Graph::from_file(file);
            let (name, text) = exported(&format!("generated-{i}"), &g);
            keeps_what_argdown_holds(&g, &text);
            (name, text)
        })
        .collect()
}
