//! Loading a debate from RON text: parse, validate and index (load_str),
//! then building the search index, at 10k, 100k and 1M nodes.
//!
//! `cargo bench --bench load -- --warm-up-time 1 --measurement-time 3`
//! Set AGON_BENCH_SIZES=10000,100000 to skip sizes.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};

use agon::graph::load_str;
use agon::search::SearchIndex;

fn sizes() -> Vec<usize> {
    std::env::var("AGON_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000])
}

fn load(c: &mut Criterion) {
    for n in sizes() {
        let text = agon::synth::to_ron(&agon::synth::debate(n, 1));
        let mut group = c.benchmark_group(format!("load/{n}"));
        group.sample_size(10);
        // Freeing the graph afterwards is not part of loading it (agon keeps
        // it until exit), so the drop is left out of the timing.
        group.bench_function("parse validate index", |b| {
            b.iter_with_large_drop(|| load_str("bench.ron", &text))
        });
        let graph = Arc::new(
            load_str("bench.ron", &text)
                .expect("synthetic debates load")
                .graph,
        );
        group.bench_function("search index", |b| {
            b.iter(|| SearchIndex::new(Arc::clone(&graph)).len())
        });
        group.finish();
    }
}

criterion_group!(benches, load);
criterion_main!(benches);
