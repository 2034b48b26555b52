//! One search keystroke over synthetic debates of 10k, 100k and 1M nodes,
//! for queries typed one key at a time: each measurement is the cost of the
//! last key given that the searcher has just answered the query without it
//! (so narrowing counts), plus the whole query pasted at once.
//!
//! `cargo bench --bench search -- --warm-up-time 1 --measurement-time 3`
//! Set AGON_BENCH_SIZES=10000,100000 to skip sizes.

use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

use agon::graph::Graph;
use agon::search::{SearchIndex, Searcher};

const TYPED: &str = "morale winte";
const LIMIT: usize = 50;

fn sizes() -> Vec<usize> {
    std::env::var("AGON_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000])
}

fn keystrokes(c: &mut Criterion) {
    for n in sizes() {
        let index = Arc::new(SearchIndex::new(Arc::new(Graph::from_file(
            agon::synth::debate(n, 1),
        ))));
        let mut group = c.benchmark_group(format!("search/{n}"));
        group.sample_size(10);
        for len in [1, 3, 6, 12] {
            let query = &TYPED[..len];
            let before = &TYPED[..len - 1];
            group.bench_function(format!("key {len}"), |b| {
                b.iter_batched(
                    || {
                        let mut s = Searcher::new(Arc::clone(&index));
                        if !before.is_empty() {
                            s.search(before, LIMIT);
                        }
                        s
                    },
                    |mut s| s.search(query, LIMIT),
                    BatchSize::PerIteration,
                )
            });
        }
        group.bench_function("pasted 12", |b| {
            b.iter_batched(
                || Searcher::new(Arc::clone(&index)),
                |mut s| s.search(TYPED, LIMIT),
                BatchSize::PerIteration,
            )
        });
        group.finish();
    }
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
