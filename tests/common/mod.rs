//! Support shared by the integration tests: the fixtures they load, the real
//! binary run as a user runs it, and garbage from a fixed seed.
//! Each test crate uses part of this, so the rest is unused there.
#![allow(dead_code)]

#[cfg(feature = "tui")]
pub mod explorer;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use agon::graph::{DebateFile, Graph, Kind, Node, NodeIx};

/// The complete example of data/README.md, which the format promises is valid.
pub fn readme_example() -> String {
    let readme = include_str!("../../data/README.md");
    let start = readme.find("```ron\n").expect("README has a ```ron block") + "```ron\n".len();
    let len = readme[start..].find("\n```").expect("the block is closed");
    readme[start..start + len + 1].to_string()
}

/// A file under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs the agon binary with `args`, from the package's folder.
pub fn agon<S: AsRef<OsStr>>(args: &[S]) -> Output {
    agon_with_env(args, &[])
}

/// Runs the agon binary with `args` and extra environment variables.
pub fn agon_with_env<S: AsRef<OsStr>>(args: &[S], env: &[(&str, &OsStr)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agon"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the agon binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// The exit status; a run killed by a signal fails the test.
pub fn status(o: &Output) -> i32 {
    o.status
        .code()
        .expect("agon exits normally, not by a signal")
}

/// The library's fixed-seed generator (SplitMix64), so garbage is the
/// same every run.
pub use agon::synth::Rng;

/// `n` bytes of garbage.
pub fn garbage(rng: &mut Rng, n: usize) -> Vec<u8> {
    (0..n).map(|_| rng.next_u64() as u8).collect()
}

// ------------------------------------------------ small maps built in code

/// A debate file holding `nodes` and nothing else.
pub fn file(nodes: Vec<Node>) -> DebateFile {
    DebateFile {
        title: "test".into(),
        description: None,
        question: None,
        sources: Vec::new(),
        nodes,
        tours: Vec::new(),
    }
}

/// A map of claims built relation by relation: nodes appear in the order
/// they are first named.
#[derive(Default)]
pub struct Map {
    nodes: Vec<Node>,
}

impl Map {
    pub fn new() -> Map {
        Map::default()
    }

    fn node(&mut self, id: &str) -> &mut Node {
        let at = match self.nodes.iter().position(|n| n.id == id) {
            Some(at) => at,
            None => {
                self.nodes.push(Node::new(id, Kind::Claim, id));
                self.nodes.len() - 1
            }
        };
        &mut self.nodes[at]
    }

    /// Adds nodes with no relations (yet).
    pub fn nodes(mut self, ids: &[&str]) -> Map {
        for id in ids {
            self.node(id);
        }
        self
    }

    pub fn attack(mut self, from: &str, to: &str) -> Map {
        self.node(to);
        self.node(from).attacks.push(to.into());
        self
    }

    pub fn support(mut self, from: &str, to: &str) -> Map {
        self.node(to);
        self.node(from).supports.push(to.into());
        self
    }

    pub fn weight(mut self, id: &str, weight: f64) -> Map {
        self.node(id).weight = Some(weight);
        self
    }

    pub fn build(self) -> Graph {
        Graph::from_file(file(self.nodes))
    }
}

/// The index of the node `id`.
pub fn ix(g: &Graph, id: &str) -> NodeIx {
    g.by_id(id).unwrap_or_else(|| panic!("no node {id}"))
}

/// A framework over nodes `n0`, `n1`, … from (attacker, target) index pairs.
pub fn indexed(n: usize, attacks: &[(usize, usize)]) -> Graph {
    let names: Vec<String> = (0..n).map(|i| format!("n{i}")).collect();
    let mut map = Map::new().nodes(&names.iter().map(String::as_str).collect::<Vec<_>>());
    for &(a, t) in attacks {
        map = map.attack(&names[a], &names[t]);
    }
    map.build()
}
