//! Where loading time goes: parse, validate, index and (not part of
//! loading) freeing, for a synthetic debate of N nodes, three runs.
//! `cargo run --release --example load_phases -- 100000`

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let text = agon::synth::to_ron(&agon::synth::debate(n, 1));
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let file = agon::graph::parse_ron(&text).expect("synthetic debates parse");
        let parse = t.elapsed();
        let t = std::time::Instant::now();
        let problems = agon::graph::validate(&file);
        let validate = t.elapsed();
        let t = std::time::Instant::now();
        let graph = agon::graph::Graph::from_file(file);
        let index = t.elapsed();
        let t = std::time::Instant::now();
        drop(graph);
        let free = t.elapsed();
        println!(
            "{n} nodes: parse {parse:.1?}, validate {validate:.1?} ({} problems), index {index:.1?}; then freeing {free:.1?}",
            problems.len()
        );
    }
}
