//! What the load cache costs and saves, against the text formats, for a
//! synthetic debate of N nodes: parse RON and JSON into the debate, read
//! the cache's binary entry back (decode and index), and its size.
//! `cargo run --release --example cache_formats -- 100000`

use std::time::{Duration, Instant};

use agon::cache::LoadCache;

fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let file = agon::synth::debate(n, 1);
    let ron = agon::synth::to_ron(&file);
    let json = serde_json::to_string(&file).expect("plain data serialises");
    let graph = agon::graph::Graph::from_file(file);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let cache = LoadCache::at(dir.path(), "bench");
    let key = cache.key("ron", ron.as_bytes());
    let put = best_of(1, || cache.put(key, &graph));
    let entry = std::fs::read_dir(dir.path())
        .expect("the cache directory")
        .flatten()
        .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
        .sum::<u64>();
    let ron_parse = best_of(3, || {
        agon::graph::parse_ron(&ron).expect("parses");
    });
    let json_parse = best_of(3, || {
        serde_json::from_str::<agon::graph::DebateFile>(&json).expect("parses");
    });
    let hash = best_of(3, || {
        cache.key("ron", ron.as_bytes());
    });
    let get = best_of(3, || {
        cache.get(key).expect("a hit");
    });
    let mb = |b: usize| b as f64 / 1e6;
    println!("{n} nodes");
    println!("  RON  {:>7.1} MB, parse {ron_parse:.1?}", mb(ron.len()));
    println!("  JSON {:>7.1} MB, parse {json_parse:.1?}", mb(json.len()));
    println!(
        "  cache entry (postcard) {:>7.1} MB, written in {put:.1?}; hash the file {hash:.1?}; read back, decode and index {get:.1?}",
        mb(entry as usize)
    );
}
