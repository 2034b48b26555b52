//! Importers and exporters: each construct of each format, round trips,
//! and robustness against cut and garbled input.

mod aif;
mod argdown;
mod argdown_reference;
mod kialo;
mod reference;
mod robustness;
mod roundtrip;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use agon::formats::{InputFormat, load_str_as};
use agon::graph::{Diagnostic, Graph, Kind, Loaded, NodeIx, Relation};

pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).expect("fixture exists")
}

/// Loads a fixture through the same path the command line takes.
pub fn load_fixture(name: &str) -> Loaded {
    match agon::formats::load_path(&fixture_path(name)) {
        Ok(l) => l,
        Err(e) => panic!("{name} should load:\n{e}"),
    }
}

pub fn load(format: InputFormat, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    load_str_as(format, "input", text)
}

pub fn errors_of(format: InputFormat, text: &str) -> Vec<Diagnostic> {
    match load(format, text) {
        Ok(l) => panic!("expected errors, got a graph of {} nodes", l.graph.len()),
        Err(d) => d.into_iter().filter(Diagnostic::is_error).collect(),
    }
}

/// Every relation as (title, "supports" | "attacks", title).
pub fn relations(g: &Graph) -> BTreeSet<(String, &'static str, String)> {
    let mut out = BTreeSet::new();
    for ix in g.indices() {
        for (to, rel) in g.parents(ix) {
            let name = match rel {
                Relation::Supports => "supports",
                Relation::Attacks => "attacks",
            };
            out.insert((g.node(ix).title.clone(), name, g.node(to).title.clone()));
        }
    }
    out
}

pub fn rel(from: &str, name: &'static str, to: &str) -> (String, &'static str, String) {
    (from.to_string(), name, to.to_string())
}

pub fn titles(g: &Graph) -> BTreeSet<String> {
    g.nodes.iter().map(|n| n.title.clone()).collect()
}

pub fn thesis_titles(g: &Graph) -> BTreeSet<String> {
    g.theses()
        .iter()
        .map(|&t| g.node(t).title.clone())
        .collect()
}

pub fn by_title(g: &Graph, title: &str) -> NodeIx {
    g.indices()
        .find(|&ix| g.node(ix).title == title)
        .unwrap_or_else(|| panic!("no node titled {title:?}; titles: {:?}", titles(g)))
}

pub fn kind_of(g: &Graph, title: &str) -> Kind {
    g.node(by_title(g, title)).kind
}

pub fn text_of(g: &Graph, title: &str) -> String {
    g.node(by_title(g, title)).text.clone().unwrap_or_default()
}

/// The lines the diagnostics point at, sorted.
pub fn lines(diags: &[Diagnostic]) -> Vec<usize> {
    let mut v: Vec<usize> = diags.iter().map(|d| d.pos.line).collect();
    v.sort();
    v
}
