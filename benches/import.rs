//! Importing 10,000-claim files of each format. The inputs are generated
//! here: a tree of claims four wide, alternating pro and con, with some
//! cross-links, written in each format's own syntax.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

const CLAIMS: usize = 10_000;
const WIDTH: usize = 4;

fn parent(i: usize) -> usize {
    (i - 1) / WIDTH
}

fn wording(i: usize) -> String {
    format!(
        "Claim {i} argues a point about topic {} in a sentence of ordinary length",
        i % 97
    )
}

/// Kialo's older layout, with a link to a leaf every 50 claims.
fn kialo() -> String {
    let mut number = vec![String::from("1")];
    let mut children = vec![0usize; CLAIMS];
    let mut out = String::from("Discussion Title: Generated\n\n1. The generated thesis\n");
    for i in 1..CLAIMS {
        let p = parent(i);
        children[p] += 1;
        number.push(format!("{}.{}", number[p], children[p]));
        let stance = if i % 2 == 0 { "Pro" } else { "Con" };
        let _ = writeln!(out, "{}. {stance}: {}", number[i], wording(i));
    }
    // Con links only: attacks cannot close a cycle of supports.
    let mut extra = 0;
    for i in (50..CLAIMS / 2).step_by(50) {
        extra += 1;
        let target = CLAIMS - extra;
        let _ = writeln!(
            out,
            "{}.{}. Con: -> See {}.",
            number[i],
            WIDTH + 1,
            number[target]
        );
    }
    out
}

/// AIF with an RA or CA node between each claim and its parent.
fn aif() -> String {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    nodes.push(r#"{"nodeID": 0, "text": "The generated thesis", "type": "I"}"#.to_string());
    for i in 1..CLAIMS {
        nodes.push(format!(
            r#"{{"nodeID": {i}, "text": "{}", "type": "I"}}"#,
            wording(i)
        ));
        let scheme = CLAIMS + i;
        let kind = if i % 2 == 0 { "RA" } else { "CA" };
        nodes.push(format!(
            r#"{{"nodeID": "{scheme}", "text": "Default", "type": "{kind}"}}"#
        ));
        edges.push(format!(
            r#"{{"edgeID": {}, "fromID": {i}, "toID": "{scheme}"}}"#,
            2 * i
        ));
        edges.push(format!(
            r#"{{"edgeID": {}, "fromID": "{scheme}", "toID": {}}}"#,
            2 * i + 1,
            parent(i)
        ));
    }
    format!(
        "{{\"nodes\": [\n{}\n], \"edges\": [\n{}\n], \"locutions\": []}}\n",
        nodes.join(",\n"),
        edges.join(",\n")
    )
}

/// Argdown: the thesis, then each claim as a relation line under its parent.
fn argdown() -> String {
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); CLAIMS];
    for i in 1..CLAIMS {
        kids[parent(i)].push(i);
    }
    let mut out = String::from("# Generated\n\n[Claim 0]: The generated thesis #generated\n");
    let mut stack: Vec<(usize, usize)> = kids[0].iter().rev().map(|&c| (c, 1)).collect();
    while let Some((i, depth)) = stack.pop() {
        let op = if i % 2 == 0 { '+' } else { '-' };
        let _ = writeln!(
            out,
            "{}{op} [Claim {i}]: {}",
            "  ".repeat(depth),
            wording(i)
        );
        stack.extend(kids[i].iter().rev().map(|&c| (c, depth + 1)));
    }
    out
}

fn import(c: &mut Criterion) {
    let kialo = kialo();
    let aif = aif();
    let argdown = argdown();
    // Check once that the inputs are what the benchmark claims to measure.
    for (name, loaded) in [
        ("kialo", agon::formats::kialo::load_str("bench.txt", &kialo)),
        ("aif", agon::formats::aif::load_str("bench.json", &aif)),
        (
            "argdown",
            agon::formats::argdown::load_str("bench.argdown", &argdown),
        ),
    ] {
        let graph = loaded
            .unwrap_or_else(|e| panic!("{name} input does not load: {:?}", e.first()))
            .graph;
        assert_eq!(graph.len(), CLAIMS, "{name}");
    }
    let mut group = c.benchmark_group("import 10,000 claims");
    group.sample_size(20);
    group.bench_function("kialo", |b| {
        b.iter(|| agon::formats::kialo::load_str("bench.txt", black_box(&kialo)))
    });
    group.bench_function("aif", |b| {
        b.iter(|| agon::formats::aif::load_str("bench.json", black_box(&aif)))
    });
    group.bench_function("argdown", |b| {
        b.iter(|| agon::formats::argdown::load_str("bench.argdown", black_box(&argdown)))
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
