//! How long strength and preferred acceptance take on a synthetic map, as
//! wall time and as the time the thread was actually on a CPU (from
//! `/proc/thread-self/schedstat`, Linux), which a machine shared with other
//! work inflates far less:
//! `cargo run --release --example semantics_phases -- 1000000`.

use std::time::Instant;

use agon::eval::{DEFAULT_BUDGET, Semantics, extensions, grounded, strength};
use agon::graph::Graph;

/// Nanoseconds this thread has run on a CPU, if the kernel says.
fn on_cpu() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

fn measure(name: &str, runs: usize, f: &dyn Fn() -> usize) {
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..runs {
        let (c0, t0) = (on_cpu(), Instant::now());
        std::hint::black_box(f());
        wall.push(t0.elapsed().as_secs_f64() * 1e3);
        if let (Some(a), Some(b)) = (c0, on_cpu()) {
            cpu.push((b - a) as f64 / 1e6);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied()
    };
    let cpu = median(&mut cpu).map_or("unknown".into(), |c| format!("{c:.1} ms"));
    println!(
        "{name}: median of {runs}: wall {:.1} ms, on CPU {cpu}",
        median(&mut wall).unwrap_or(0.0)
    );
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let graph = Graph::from_file(agon::synth::debate(n, 1));
    // A first run of each touches its memory for the first time.
    let _ = (grounded(&graph, &[]), strength(&graph, &[]));
    measure("grounded", 5, &|| grounded(&graph, &[]).len());
    measure("strength", 5, &|| strength(&graph, &[]).values().len());
    for semantics in [Semantics::Preferred, Semantics::Stable] {
        measure(semantics.name(), 5, &|| {
            extensions(&graph, semantics, &[], DEFAULT_BUDGET)
                .all()
                .len()
        });
    }
}
