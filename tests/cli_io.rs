//! The command line as scripts meet it: `-` for standard input in every
//! command, `agon check --json`, `agon man` and the examples in `--help`.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const AGON: &str = env!("CARGO_BIN_EXE_agon");

/// Runs agon with `input` on its standard input.
fn run_with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(AGON)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env(
            "AGON_STATE_DIR",
            std::env::temp_dir().join("agon-cli-io-state"),
        )
        .spawn()
        .expect("agon runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_string();
    // Written on a thread so a large input cannot deadlock against the output.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().expect("agon finishes");
    writer.join().expect("the writer thread ends");
    out
}

fn run(args: &[&str]) -> Output {
    run_with_stdin(args, "")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture exists")
}

const BROKEN: &str = "Debate(title: \"x\", nodes: [\n  (id: \"a\", kind: Thesis, title: \"A\"),\n  (id: \"b\", kind: Claim, title: \"B\", supports: [\"zz\"]),\n])\n";

#[test]
fn check_reads_every_format_from_stdin_by_content() {
    for (name, nodes) in [
        ("explorer.ron", 10),
        ("kialo-new.txt", 7),
        ("aif-plain.json", 0),
        ("argdown-all.argdown", 0),
        ("tgf/mixed.tgf", 0),
    ] {
        let from_file = run(&["check", &format!("tests/fixtures/{name}")]);
        let from_stdin = run_with_stdin(&["check", "-"], &fixture(name));
        assert_eq!(from_stdin.status.code(), from_file.status.code(), "{name}");
        let file_line = text(&from_file.stdout);
        let stdin_line = text(&from_stdin.stdout);
        // The same summary, under the name <stdin>.
        let strip = |s: &str| s.split_once(": ").map(|(_, r)| r.to_string());
        assert_eq!(strip(&stdin_line), strip(&file_line), "{name}");
        assert!(stdin_line.starts_with("<stdin>: "), "{name}: {stdin_line}");
        if nodes > 0 {
            assert!(
                stdin_line.contains(&format!("{nodes} nodes")),
                "{stdin_line}"
            );
        }
    }
}

#[test]
fn stdin_errors_name_stdin_line_and_column() {
    let out = run_with_stdin(&["check", "-"], BROKEN);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with("<stdin>:3:"), "{err}");
    assert!(err.contains("unknown node \"zz\""), "{err}");
}

#[test]
fn every_command_taking_file_takes_dash() {
    let debate = fixture("explorer.ron");
    let cases: [&[&str]; 6] = [
        &["search", "claim", "-"],
        &["eval", "-"],
        &["export", "-", "--format", "markdown"],
        &["brief", "-", "--side", "for"],
        &["tour", "--file", "-"],
        &["tour", "-", "intro"],
    ];
    for args in cases {
        let by_file: Vec<&str> = args
            .iter()
            .map(|a| {
                if *a == "-" {
                    "tests/fixtures/explorer.ron"
                } else {
                    a
                }
            })
            .collect();
        let expected = run(&by_file);
        let got = run_with_stdin(args, &debate);
        assert_eq!(
            got.status.code(),
            expected.status.code(),
            "{args:?}: {}",
            text(&got.stderr)
        );
        assert!(!got.stdout.is_empty(), "{args:?} printed nothing");
        // Outputs may name the input; everything else is the same.
        let norm = |o: &Output| text(&o.stdout).replace("tests/fixtures/explorer.ron", "<stdin>");
        assert_eq!(norm(&got), norm(&expected), "{args:?}");
    }
}

#[test]
fn stdin_that_is_no_known_format_is_refused_plainly() {
    let out = run_with_stdin(&["check", "-"], "just some words\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot tell this file's format"));
}

#[test]
fn check_json_lists_each_file_with_positioned_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, BROKEN).unwrap();
    let missing = dir.path().join("missing.ron");
    let out = run(&[
        "check",
        "--json",
        "tests/fixtures/explorer.ron",
        broken.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "unreadable wins");
    assert!(
        out.stderr.is_empty(),
        "JSON mode prints nothing else: {}",
        text(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let files = doc["files"].as_array().expect("files array");
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["status"], "valid");
    assert_eq!(files[0]["summary"]["nodes"], 10);
    assert_eq!(files[1]["status"], "invalid");
    let d = &files[1]["diagnostics"][0];
    assert_eq!(d["line"], 3);
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], broken.to_str().unwrap());
    assert!(d["message"].as_str().unwrap().contains("zz"));
    assert!(d["column"].as_u64().unwrap() > 1);
    assert_eq!(files[2]["status"], "unreadable");
    assert!(files[2]["diagnostics"][0]["line"].is_null());
}

#[test]
fn check_json_gives_warnings_too() {
    let with_warning = "Debate(title: \"W\", nodes: [\n  (id: \"t\", kind: Thesis, title: \"T\"),\n  (id: \"e\", kind: Evidence, title: \"E\", supports: [\"t\"]),\n])\n";
    let out = run_with_stdin(&["check", "--json", "--strict", "-"], with_warning);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let file = &doc["files"][0];
    assert_eq!(file["status"], "valid");
    let diags = file["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty(), "{doc:#}");
    assert!(diags.iter().all(|d| d["severity"] == "warning"));
    assert_eq!(out.status.code(), Some(1), "--strict fails on warnings");
}

#[test]
fn man_prints_a_roff_page_with_every_command() {
    let out = run(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = text(&out.stdout);
    assert!(page.contains(".TH agon 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "missing {section}");
    }
    for cmd in [
        "check",
        "search",
        "eval",
        "brief",
        "tour",
        "export",
        "man",
        "completions",
    ] {
        assert!(page.contains(&format!("agon\\-{cmd}(1)")), "missing {cmd}");
    }
    assert!(
        page.contains("Examples:"),
        "the examples are in the page too"
    );
}

#[test]
fn help_shows_examples() {
    let out = run(&["--help"]);
    let help = text(&out.stdout);
    assert!(help.contains("Examples:"), "{help}");
    assert!(help.contains("agon check -"), "{help}");
    assert!(
        help.contains("--format html") || help.contains("class.html"),
        "{help}"
    );
}

#[test]
fn config_default_prints_a_config_agon_reads_back() {
    let out = run(&["config", "--default"]);
    assert_eq!(out.status.code(), Some(0));
    let text = text(&out.stdout);
    assert!(text.contains("// "), "it is commented");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.ron"), &text).unwrap();
    let check = Command::new(AGON)
        .args(["config"])
        .env("AGON_CONFIG_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(String::from_utf8_lossy(&check.stdout).contains("valid"));
    std::fs::write(dir.path().join("config.ron"), "(\n  theme: 3,\n)").unwrap();
    let bad = Command::new(AGON)
        .args(["config"])
        .env("AGON_CONFIG_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("config.ron:2:"));
}
