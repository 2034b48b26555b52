//! How fast the grounded labelling and what-if updates are on large graphs.
//!
//! The graphs are built in memory. The tangled ones have a thesis with
//! every other node in one chain of supports toward it, plus pseudo-random
//! attacks (about 1.5 per node, some self-attacks), which make cycles of
//! every length and one giant tangle: a what-if there reaches most of the
//! graph. The debate-shaped one is a tree, as real debates mostly are:
//! each node supports or attacks one earlier node, so a what-if reaches
//! only the few nodes above it.

use std::hint::black_box;

use agon::eval::{Evaluation, grounded};
use agon::graph::{Graph, NodeIx};
use common::{XorShift, tangled, tree};
use criterion::{Criterion, criterion_group, criterion_main};

mod common;

/// Toggles a different node each time: suspends it, and brings it back
/// the next time it comes round, so the what-if set stays small.
fn bench_toggle(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    graph: &Graph,
) {
    let mut eval = Evaluation::new(graph);
    let mut rng = XorShift(7);
    let picks: Vec<NodeIx> = (0..64)
        .map(|_| NodeIx(rng.below(graph.len()) as u32))
        .collect();
    let mut next = 0;
    group.bench_function("toggle", |b| {
        b.iter(|| {
            next = (next + 1) % picks.len();
            eval.toggle(picks[next])
        })
    });
    // The same kind of change done the slow way, for comparison.
    let mut suspended = vec![false; graph.len()];
    suspended[picks[0].index()] = true;
    group.bench_function("full relabel", |b| {
        b.iter(|| grounded(black_box(graph), &suspended))
    });
}

fn label(c: &mut Criterion) {
    let mut group = c.benchmark_group("grounded");
    group.sample_size(10);
    for (name, n) in [("100k", 100_000), ("1M", 1_000_000)] {
        let graph = tangled(n, 0x9e37_79b9_7f4a_7c15);
        group.bench_function(name, |b| b.iter(|| grounded(black_box(&graph), &[])));
    }
    group.finish();
}

fn what_if(c: &mut Criterion) {
    let n = 100_000;
    let graph = tangled(n, 0x2545_f491_4f6c_dd1d);
    let mut group = c.benchmark_group("what-if 100k tangled");
    group.sample_size(10);
    group.bench_function("new", |b| b.iter(|| Evaluation::new(black_box(&graph))));
    bench_toggle(&mut group, &graph);
    group.finish();

    let tree = tree(n, 0x2545_f491_4f6c_dd1d);
    let mut group = c.benchmark_group("what-if 100k debate-shaped");
    group.sample_size(10);
    bench_toggle(&mut group, &tree);
    group.finish();
}

criterion_group!(benches, label, what_if);
criterion_main!(benches);
