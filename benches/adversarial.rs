//! Files shaped to make loading explode: thousands of problems on one long
//! line, a chain of undercutters, a reference repeated all over a Kialo
//! claim. Each shape is written at the size the hostile-input campaign
//! found trouble at and at 10 MB, then checked by the real binary, `agon
//! check FILE`, as a user would: its wall time, its CPU time (user + system:
//! on a shared, loaded machine the wall time says more about the neighbours)
//! and its peak memory, as `/usr/bin/time -v` reports them. Beside it, the
//! engine alone: loading and printing the problems in a fresh process of
//! this bench. Target: every input up to 10 MB within 2 s and 500 MB.
//!
//! `cargo bench --bench adversarial` runs every shape; a shape's name as the
//! argument runs that shape alone (`cargo bench --bench adversarial -- aif`);
//! `-- --keep DIR` leaves the files in DIR.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const MB: usize = 1024 * 1024;

/// An AIF graph on one line whose RA nodes lead nowhere: one warning each.
fn aif_dangling_inferences(bytes: usize) -> String {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let mut i = 0;
    let mut size = 0;
    while size < bytes {
        let node = format!(
            r#"{{"nodeID":"i{i}","text":"Claim number {i}","type":"I"}},{{"nodeID":"ra{i}","text":"Default Inference","type":"RA"}}"#
        );
        let edge = format!(r#"{{"edgeID":"e{i}","fromID":"i{i}","toID":"ra{i}"}}"#);
        size += node.len() + edge.len() + 2;
        nodes.push(node);
        edges.push(edge);
        i += 1;
    }
    format!(
        r#"{{"nodes":[{}],"edges":[{}],"locutions":[]}}"#,
        nodes.join(","),
        edges.join(",")
    )
}

/// An AIF graph on one line where each CA node attacks the one before it:
/// every undercutter in the chain points at no claim.
fn aif_undercut_chain(bytes: usize) -> String {
    let mut nodes = vec![
        r#"{"nodeID":"a","text":"A premise","type":"I"},{"nodeID":"b","text":"A conclusion","type":"I"},{"nodeID":"ra","text":"Default Inference","type":"RA"}"#.to_string(),
    ];
    let mut edges = vec![
        r#"{"edgeID":"e0","fromID":"a","toID":"ra"},{"edgeID":"e1","fromID":"ra","toID":"b"}"#
            .to_string(),
    ];
    let (mut i, mut size) = (0, 0);
    while size < bytes {
        let target = if i == 0 {
            "ra".to_string()
        } else {
            format!("ca{}", i - 1)
        };
        let node = format!(
            r#"{{"nodeID":"u{i}","text":"Undercutter {i}","type":"I"}},{{"nodeID":"ca{i}","text":"Default Conflict","type":"CA"}}"#
        );
        let edge = format!(
            r#"{{"edgeID":"f{i}","fromID":"u{i}","toID":"ca{i}"}},{{"edgeID":"g{i}","fromID":"ca{i}","toID":"{target}"}}"#
        );
        size += node.len() + edge.len() + 2;
        nodes.push(node);
        edges.push(edge);
        i += 1;
    }
    format!(
        r#"{{"nodes":[{}],"edges":[{}]}}"#,
        nodes.join(","),
        edges.join(",")
    )
}

/// A Kialo export whose claim cites `[1]` over and over with no sources list.
fn kialo_repeated_reference(bytes: usize) -> String {
    let refs = "[1] ".repeat(bytes / 4);
    format!("Discussion Title: Refs\n\n1. A thesis.\n1.1. Pro: A claim {refs}\n")
}

/// agon's JSON export on one line with an unknown reference in every node.
fn agon_json_errors(bytes: usize) -> String {
    let mut nodes = vec![r#"{"id":"t","kind":"Thesis","title":"T"}"#.to_string()];
    let (mut i, mut size) = (0, 0);
    while size < bytes {
        let node =
            format!(r#"{{"id":"n{i}","kind":"Claim","title":"x","supports":["missing-{i}"]}}"#);
        size += node.len() + 1;
        nodes.push(node);
        i += 1;
    }
    format!(r#"{{"title":"t","nodes":[{}]}}"#, nodes.join(","))
}

/// agon's RON on one line with an unknown reference in every node.
fn ron_errors_on_one_line(bytes: usize) -> String {
    let mut out = String::from(r#"Debate(title:"t",nodes:[Node(id:"t",kind:Thesis,title:"x"),"#);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&format!(
            r#"Node(id:"n{i}",kind:Claim,title:"x",supports:["zz{i}"]),"#
        ));
        i += 1;
    }
    out.push_str("])");
    out
}

/// agon's RON on one line with a misspelt field in every node.
fn ron_unknown_fields_on_one_line(bytes: usize) -> String {
    let mut out = String::from("Debate(title:\"t\",nodes:[");
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&format!(r#"Node(id:"n{i}",kind:Claim,titel:"x"),"#));
        i += 1;
    }
    out.push_str("])");
    out
}

/// A Trivial Graph Format file attacking arguments that were never declared.
fn tgf_unknown_attacks(bytes: usize) -> String {
    let mut out = String::from("a A\n#\n");
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&format!("a x{i}\n"));
        i += 1;
    }
    out
}

/// A run of `[` inside Kialo text.
fn kialo_brackets(bytes: usize) -> String {
    format!(
        "Discussion Title: B\n\n1. A thesis.\n1.1. Pro: {}\n",
        "[".repeat(bytes)
    )
}

type Shape = (&'static str, &'static str, fn(usize) -> String, usize);

/// Name, file extension, generator, and the size the campaign reported.
const SHAPES: &[Shape] = &[
    (
        "aif-dangling-inferences",
        "json",
        aif_dangling_inferences,
        565 * 1024,
    ),
    ("aif-undercut-chain", "json", aif_undercut_chain, 9 * MB),
    (
        "kialo-repeated-reference",
        "txt",
        kialo_repeated_reference,
        180 * 1024,
    ),
    ("agon-json-errors", "json", agon_json_errors, 4 * MB),
    (
        "ron-errors-on-one-line",
        "ron",
        ron_errors_on_one_line,
        4 * MB,
    ),
    (
        "ron-unknown-fields-on-one-line",
        "ron",
        ron_unknown_fields_on_one_line,
        4 * MB,
    ),
    ("tgf-unknown-attacks", "tgf", tgf_unknown_attacks, 4 * MB),
    ("kialo-brackets", "txt", kialo_brackets, 400 * 1024),
];

/// Peak resident memory of this process so far, from Linux's /proc.
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// `agon check FILE` run to its end: wall seconds, CPU seconds, peak
/// memory in MB and the bytes it printed. Measured from a process that
/// runs nothing else, so its children's resource usage is this run's.
fn check_whole_process(path: &Path) -> (f64, f64, f64, usize) {
    use nix::sys::resource::{UsageWho, getrusage};
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_agon"))
        .arg("check")
        .arg(path)
        .output()
        .expect("agon runs");
    let wall = start.elapsed().as_secs_f64();
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).expect("resource usage");
    let secs = |t: nix::sys::time::TimeVal| t.tv_sec() as f64 + t.tv_usec() as f64 / 1e6;
    let cpu = secs(usage.user_time()) + secs(usage.system_time());
    // Linux reports the peak in kilobytes.
    let peak = usage.max_rss() as f64 / 1024.0;
    (wall, cpu, peak, out.stdout.len() + out.stderr.len())
}

/// In the child: run `agon check` on the file, then load it here and print
/// every problem as `agon check` would (into memory); report both.
fn measure(path: &Path) {
    let (wall, cpu, peak, printed) = check_whole_process(path);
    print!("{wall:>6.2} s {cpu:>6.2} s {peak:>6.0} MB {printed:>7} B | ");
    let start = Instant::now();
    let (problems, printed) = match agon::formats::load_path(path) {
        Ok(loaded) => {
            let text: String = loaded.warnings.iter().map(|w| format!("{w}\n")).collect();
            (loaded.warnings.len(), text.len())
        }
        Err(err) => {
            let text = err.to_string();
            let n = match &err {
                agon::graph::LoadError::Invalid(d) => d.len(),
                agon::graph::LoadError::Unreadable { .. } => 1,
            };
            (n, text.len())
        }
    };
    let elapsed = start.elapsed();
    let peak = peak_memory_mb().map_or("?".into(), |m| format!("{m:.0}"));
    println!(
        "{:>6.2} s {:>6} MB {:>5} shown, {:>7} B",
        elapsed.as_secs_f64(),
        peak,
        problems,
        printed
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        measure(Path::new(&args[i + 1]));
        return;
    }
    let keep = args
        .iter()
        .position(|a| a == "--keep")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    let only: Vec<&String> = args
        .iter()
        .filter(|a| !a.starts_with('-') && Some(Path::new(a)) != keep.as_deref())
        .collect();
    let dir = keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("agon-adversarial-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let exe = std::env::current_exe().expect("this bench's path");
    println!(
        "{:<31} {:>8} | {:<38} | engine alone: load and print",
        "shape", "size", "agon check: wall, CPU, peak, printed"
    );
    for &(name, ext, make, reported) in SHAPES {
        if !only.is_empty() && !only.iter().any(|o| name.contains(o.as_str())) {
            continue;
        }
        for size in [reported, 10 * MB] {
            let path = dir.join(format!("{name}-{}k.{ext}", size / 1024));
            let text = make(size);
            std::fs::write(&path, &text).expect("write the shape");
            let out = Command::new(&exe)
                .arg("--measure")
                .arg(&path)
                .output()
                .expect("the bench runs itself");
            print!(
                "{name:<31} {:>5.1} MB {}",
                text.len() as f64 / MB as f64,
                String::from_utf8_lossy(&out.stdout)
            );
            if !out.status.success() {
                println!("  failed: {}", String::from_utf8_lossy(&out.stderr));
            }
        }
    }
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
