//! Times each keystroke of typing a query into search over a synthetic
//! debate, narrowing as the explorer does:
//! `cargo run --release --example keystrokes -- [NODES] [QUERY] [ROUNDS]`.
//! A quick look; the criterion benchmarks in benches/search.rs are the
//! careful measurement.

use std::sync::Arc;
use std::time::{Duration, Instant};

use agon::graph::Graph;
use agon::search::{SearchIndex, Searcher};

fn main() {
    let mut args = std::env::args().skip(1);
    let nodes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let query = args.next().unwrap_or_else(|| "morale winte".into());
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let t = Instant::now();
    let graph = Graph::from_file(agon::synth::debate(nodes, 1));
    let index = Arc::new(SearchIndex::new(Arc::new(graph)));
    eprintln!("built {nodes} nodes in {:?}", t.elapsed());

    let prefixes: Vec<&str> = query
        .char_indices()
        .map(|(i, c)| &query[..i + c.len_utf8()])
        .collect();
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); prefixes.len()];
    let mut cold = Vec::new();
    let mut matched = vec![0; prefixes.len()];
    let mut cpu = vec![0.0f64; prefixes.len()];
    for _ in 0..rounds {
        let mut searcher = Searcher::new(Arc::clone(&index));
        for (k, q) in prefixes.iter().enumerate() {
            let (t, c) = (Instant::now(), cpu_seconds());
            let r = searcher.search(q, 50);
            times[k].push(t.elapsed());
            cpu[k] += cpu_seconds() - c;
            matched[k] = r.total_matched;
        }
        let t = Instant::now();
        Searcher::new(Arc::clone(&index)).search(&query, 50);
        cold.push(t.elapsed());
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let mut all = Vec::new();
    for (k, q) in prefixes.iter().enumerate() {
        let m = median(&mut times[k]);
        all.push(m);
        println!(
            "{q:<16} {:>8.2} ms wall (median)  {:>7.2} ms CPU (mean, all threads)  {:>8} matched",
            m.as_secs_f64() * 1e3,
            cpu[k] / rounds as f64 * 1e3,
            matched[k]
        );
    }
    let worst = all.iter().max().copied().unwrap_or_default();
    println!(
        "median keystroke {:.2} ms, worst {:.2} ms; whole query pasted {:.2} ms",
        median(&mut all).as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3,
        median(&mut cold).as_secs_f64() * 1e3
    );
}

/// CPU time used by the whole process so far (all threads, finished ones
/// included), from /proc; zero where that is not available. Wall time on a
/// busy machine says more about the neighbours than about the search.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    (ticks(11) + ticks(12)) / 100.0
}
