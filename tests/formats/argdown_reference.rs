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
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
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
