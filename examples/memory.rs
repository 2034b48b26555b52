//! Resident memory per node: loads N synthetic nodes from RON text, builds
//! the search index, and prints what the process grew by, per node. The
//! total is measured from the process's start with the RON text dropped, so
//! heap kept by the allocator after parsing counts too.
//! `cargo run --release --example memory -- [NODES]`

use std::sync::Arc;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let start = vm_rss_kib();
    let text = agon::synth::to_ron(&agon::synth::debate(n, 1));
    let before = vm_rss_kib();
    let clock = std::time::Instant::now();
    let loaded = agon::graph::load_str("memory.ron", &text).expect("synthetic debates load");
    let load_time = clock.elapsed();
    let after_load = vm_rss_kib();
    let index = agon::search::SearchIndex::new(Arc::new(loaded.graph));
    let after_index = vm_rss_kib();
    let text_len = text.len();
    drop(text);
    let end = vm_rss_kib();
    let per_node = |kib: u64| kib as f64 * 1024.0 / n as f64;
    println!(
        "{n} nodes, {} MB of RON, loaded (parse, validate, index) in {load_time:?}",
        text_len / 1_000_000
    );
    println!(
        "growth while loading:    {:>6.0} bytes per node (reuses heap the generator freed)",
        per_node(after_load.saturating_sub(before))
    );
    println!(
        "growth for search index: {:>6.0} bytes per node",
        per_node(after_index.saturating_sub(after_load))
    );
    println!(
        "resident from start, text dropped: {:>6.0} bytes per node (graph, index, allocator slack)",
        per_node(end.saturating_sub(start))
    );
    println!(
        "(index heap by count: {} bytes per node)",
        index.heap_bytes() / n.max(1)
    );
}

/// The process's resident set, from /proc/self/status (0 where unavailable).
fn vm_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
