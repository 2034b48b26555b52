//! Graphs the benchmarks share, built in memory from a fixed seed.
//! Each bench uses part of this, so the rest is unused there.
#![allow(dead_code)]

use agon::graph::{DebateFile, Graph, Kind, Node};

/// A seeded xorshift64, so every run benches the same graph.
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A thesis with every other node in one chain of supports toward it, plus
/// one or two pseudo-random attacks per node and, one in a thousand, a
/// self-attack: cycles of every length and one giant tangle.
pub fn tangled(n: usize, seed: u64) -> Graph {
    let mut rng = XorShift(seed);
    claims_under_a_thesis(n, |i, node| {
        node.supports.push(id(i - 1));
        node.attacks.push(id(rng.below(n)));
        if rng.below(2) == 0 {
            node.attacks.push(id(rng.below(n)));
        }
        if rng.below(1000) == 0 {
            node.attacks.push(id(i));
        }
    })
}

/// A tree, as real debates mostly are: each node supports or attacks one
/// earlier node.
pub fn tree(n: usize, seed: u64) -> Graph {
    let mut rng = XorShift(seed);
    claims_under_a_thesis(n, |i, node| {
        let parent = id(rng.below(i));
        if rng.below(3) == 0 {
            node.attacks.push(parent);
        } else {
            node.supports.push(parent);
        }
    })
}

fn id(i: usize) -> String {
    format!("n{i}")
}

/// Node 0 is a thesis; every other node is a claim `relate` links up.
fn claims_under_a_thesis(n: usize, mut relate: impl FnMut(usize, &mut Node)) -> Graph {
    let nodes = (0..n)
        .map(|i| {
            if i == 0 {
                return Node::new(id(0), Kind::Thesis, "thesis");
            }
            let mut node = Node::new(id(i), Kind::Claim, "claim");
            relate(i, &mut node);
            node
        })
        .collect();
    graph_of(nodes)
}

/// A graph of these nodes and nothing else.
pub fn graph_of(nodes: Vec<Node>) -> Graph {
    Graph::from_file(DebateFile {
        title: "bench".into(),
        description: None,
        question: None,
        sources: Vec::new(),
        nodes,
        tours: Vec::new(),
    })
}
