//! How fast the semantics beyond grounded are on large maps: DF-QuAD
//! strength at 1M nodes, preferred and stable acceptance at 100k.
//!
//! The maps are agon's synthetic debates (`agon::synth::debate`): supports
//! toward the theses, objections, rebuttals and a few mutual attacks. The
//! tangled map has the shape `benches/eval.rs` labels: every node attacks
//! one or two pseudo-random others. In the ring tangle every node is
//! attacked, so the grounded labelling settles nothing and one component
//! holds the whole map, which no exact search finishes; there the figure is
//! the time to give up within the budget and name the component.
//!
//! `cargo bench --bench semantics`

use std::hint::black_box;

use agon::eval::{DEFAULT_BUDGET, Semantics, extensions, strength};
use agon::graph::{Graph, Kind, Node};
use common::{XorShift, graph_of, tangled};
use criterion::{Criterion, criterion_group, criterion_main};

mod common;

/// The seed of the tangled map `benches/eval.rs` labels at 1M nodes.
const TANGLE_SEED: u64 = 0x9e37_79b9_7f4a_7c15;

fn synthetic(n: usize) -> Graph {
    Graph::from_file(agon::synth::debate(n, 1))
}

/// Node i attacks node i + 1 (round to 0) and one pseudo-random node.
fn ring(n: usize) -> Graph {
    let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
    let id = |i: usize| format!("n{i}");
    let nodes = (0..n)
        .map(|i| {
            let mut node = Node::new(id(i), Kind::Claim, "claim");
            node.attacks = vec![id((i + 1) % n), id(rng.below(n))];
            node
        })
        .collect();
    graph_of(nodes)
}

fn bench_strength(c: &mut Criterion) {
    let mut group = c.benchmark_group("strength");
    group.sample_size(10);
    for (name, n) in [("synthetic 100k", 100_000), ("synthetic 1M", 1_000_000)] {
        let graph = synthetic(n);
        group.bench_function(name, |b| b.iter(|| strength(black_box(&graph), &[])));
    }
    let graph = tangled(1_000_000, TANGLE_SEED);
    group.bench_function("tangled 1M", |b| {
        b.iter(|| strength(black_box(&graph), &[]))
    });
    group.finish();
}

fn bench_extensions(c: &mut Criterion) {
    let mut group = c.benchmark_group("extensions");
    group.sample_size(10);
    let graph = synthetic(100_000);
    for semantics in [Semantics::Preferred, Semantics::Stable] {
        let e = extensions(&graph, semantics, &[], DEFAULT_BUDGET);
        assert!(e.undecided().is_empty(), "the synthetic map is decided");
        group.bench_function(format!("{} synthetic 100k", semantics.name()), |b| {
            b.iter(|| extensions(black_box(&graph), semantics, &[], DEFAULT_BUDGET))
        });
    }
    // Most of the tangled map is settled by the grounded labelling; what is
    // left is searched exactly.
    let graph = tangled(100_000, TANGLE_SEED);
    let e = extensions(&graph, Semantics::Preferred, &[], DEFAULT_BUDGET);
    eprintln!("tangled 100k: {} components undecided", e.undecided().len());
    group.bench_function("preferred tangled 100k", |b| {
        b.iter(|| extensions(black_box(&graph), Semantics::Preferred, &[], DEFAULT_BUDGET))
    });
    // A ring makes every node attacked, so the grounded labelling settles
    // nothing and one component holds all: the search gives up and names it.
    let graph = ring(100_000);
    let e = extensions(&graph, Semantics::Preferred, &[], DEFAULT_BUDGET);
    assert!(!e.undecided().is_empty(), "the ring tangle is given up");
    group.bench_function("preferred ring tangle 100k (budget report)", |b| {
        b.iter(|| extensions(black_box(&graph), Semantics::Preferred, &[], DEFAULT_BUDGET))
    });
    group.finish();
}

criterion_group!(benches, bench_strength, bench_extensions);
criterion_main!(benches);
