//! `agon check` and the other small commands, run as the real binary on
//! files written to a temporary folder.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{agon as run, readme_example, status, stderr, stdout};

const AGON: &str = env!("CARGO_BIN_EXE_agon");

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A debate that loads with one warning: evidence without a quote.
const WITH_WARNING: &str = r#"Debate(
    title: "W",
    nodes: [
        Node(id: "t", kind: Thesis, title: "T"),
        Node(id: "bare", kind: Evidence, title: "E", supports: ["t"]),
    ],
)
"#;

/// A debate with two errors: an unknown reference and a self-attack.
const WITH_ERRORS: &str = r#"Debate(
    title: "E",
    nodes: [
        Node(id: "t", kind: Thesis, title: "T"),
        Node(id: "c", kind: Claim, title: "C", supports: ["tt"]),
        Node(id: "d", kind: Claim, title: "D", supports: ["d"], attacks: ["c"]),
    ],
)
"#;

#[test]
fn a_valid_file_prints_its_summary_line_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "school.ron", &readme_example());
    let out = run(&["check", s(&path)]);
    assert_eq!(status(&out), 0, "stderr: {}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "{}: 5 nodes (1 theses, 2 claims, 1 evidence, 1 rebuttals), 1 sources, 1 tours, 4 relations\n",
            path.display()
        )
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn the_summary_counts_what_the_file_holds() {
    // Two theses, no sources or tours, three relations: every number differs
    // from the README example so a miscount cannot pass by chance.
    let text = r#"Debate(
    title: "Counts",
    nodes: [
        Node(id: "a", kind: Thesis, title: "A"),
        Node(id: "b", kind: Thesis, title: "B"),
        Node(id: "c", kind: Claim, title: "C", supports: ["a"], attacks: ["b"]),
        Node(id: "r", kind: Rebuttal, title: "R", attacks: ["c"]),
    ],
)"#;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "counts.ron", text);
    let out = run(&["check", s(&path)]);
    assert_eq!(status(&out), 0, "stderr: {}", stderr(&out));
    assert_eq!(
        stdout(&out).trim_end(),
        format!(
            "{}: 4 nodes (2 theses, 1 claims, 0 evidence, 1 rebuttals), 0 sources, 0 tours, 3 relations",
            path.display()
        )
    );
}

#[test]
fn warnings_are_printed_with_their_place_and_still_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "warn.ron", WITH_WARNING);
    let out = run(&["check", s(&path)]);
    assert_eq!(status(&out), 0);
    let err = stderr(&out);
    // The id "bare" is written on line 5, column 18.
    let headline = format!("{}:5:18: warning: ", path.display());
    assert!(err.starts_with(&headline), "stderr: {err}");
    assert!(err.contains("\"bare\""), "stderr: {err}");
    assert!(stdout(&out).starts_with(&format!("{}: 2 nodes", path.display())));
}

#[test]
fn strict_turns_warnings_into_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "warn.ron", WITH_WARNING);
    let out = run(&["check", "--strict", s(&path)]);
    assert_eq!(status(&out), 1);
    assert!(stderr(&out).contains(": warning: "));
    // A clean file stays 0 under --strict.
    let clean = write(dir.path(), "clean.ron", &readme_example());
    assert_eq!(status(&run(&["check", "--strict", s(&clean)])), 0);
}

#[test]
fn errors_are_printed_as_file_line_col_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bad.ron", WITH_ERRORS);
    let out = run(&["check", s(&path)]);
    assert_eq!(status(&out), 1);
    let err = stderr(&out);
    let headlines: Vec<&str> = err.lines().filter(|l| !l.starts_with("    |")).collect();
    let f = path.display();
    assert_eq!(headlines.len(), 2, "stderr: {err}");
    assert!(
        headlines[0].starts_with(&format!("{f}:5:59: error: ")) && headlines[0].contains("\"tt\""),
        "{}",
        headlines[0]
    );
    assert!(
        headlines[1].starts_with(&format!("{f}:6:59: error: ")) && headlines[1].contains("\"d\""),
        "{}",
        headlines[1]
    );
    // An invalid file gets no summary line.
    assert_eq!(stdout(&out), "");
}

#[test]
fn a_syntax_error_quotes_the_line_with_a_caret() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "syntax.ron", "Debate(\n    title: 7,\n)\n");
    let out = run(&["check", s(&path)]);
    assert_eq!(status(&out), 1);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0].starts_with(&format!("{}:2:12: error: ", path.display())),
        "{err}"
    );
    assert_eq!(lines[1], "    |     title: 7,");
    assert_eq!(lines[2], "    |            ^");
}

#[test]
fn a_missing_file_or_a_directory_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.ron");
    let out = run(&["check", s(&missing)]);
    assert_eq!(status(&out), 2);
    assert!(
        stderr(&out).starts_with(&format!("{}: error: ", missing.display())),
        "{}",
        stderr(&out)
    );
    let out = run(&["check", s(dir.path())]);
    assert_eq!(status(&out), 2);
    assert!(stderr(&out).contains("directory"), "{}", stderr(&out));
}

#[test]
fn several_files_each_get_their_output_and_the_worst_status_wins() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.ron", &readme_example());
    let warn = write(dir.path(), "warn.ron", WITH_WARNING);
    let bad = write(dir.path(), "bad.ron", WITH_ERRORS);
    let missing = dir.path().join("missing.ron");

    let out = run(&["check", s(&good), s(&warn)]);
    assert_eq!(status(&out), 0);
    let summaries: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(summaries.len(), 2);
    assert!(summaries[0].starts_with(&format!("{}: 5 nodes", good.display())));
    assert!(summaries[1].starts_with(&format!("{}: 2 nodes", warn.display())));

    let out = run(&["check", s(&good), s(&bad), s(&warn)]);
    assert_eq!(status(&out), 1);
    assert_eq!(
        stdout(&out).lines().count(),
        2,
        "the good and the warned file"
    );
    assert!(stderr(&out).contains(&format!("{}:5:59: error:", bad.display())));
    assert!(stderr(&out).contains(&format!("{}:5:18: warning:", warn.display())));

    // A missing file is worse than an invalid one, wherever it comes in the list.
    let out = run(&["check", s(&missing), s(&bad), s(&good)]);
    assert_eq!(status(&out), 2);
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(stderr(&out).contains(&format!("{}: error:", missing.display())));
    assert!(stderr(&out).contains(&format!("{}:5:59: error:", bad.display())));

    // --strict: a warning counts as 1, and still not as 2.
    let out = run(&["check", "--strict", s(&good), s(&warn)]);
    assert_eq!(status(&out), 1);
    let out = run(&["check", "--strict", s(&warn), s(&missing)]);
    assert_eq!(status(&out), 2);
}

#[test]
fn no_file_checks_the_built_in_debate() {
    let out = run(&["check"]);
    assert_eq!(status(&out), 0, "stderr: {}", stderr(&out));
    assert_eq!(stderr(&out), "", "the built-in debate has no warnings");
    let line = stdout(&out);
    assert!(line.starts_with("<built-in>: "), "{line}");
    assert_eq!(line.lines().count(), 1);
    // The summary agrees with the library's own load of the same text.
    let g = agon::graph::builtin().expect("built-in loads").graph;
    assert_eq!(line.trim_end(), agon::cli::check_summary("<built-in>", &g));
}

#[test]
fn the_built_in_debate_has_no_warnings_even_under_strict() {
    let out = run(&["check", "--strict"]);
    assert_eq!(status(&out), 0, "stderr: {}", stderr(&out));
}

#[test]
fn completions_for_bash_are_a_script_naming_the_subcommands() {
    let out = run(&["completions", "bash"]);
    assert_eq!(status(&out), 0);
    let script = stdout(&out);
    assert!(script.contains("complete -F"), "{script}");
    assert!(script.contains("agon"));
    assert!(script.contains("check"));
    assert!(script.contains("--strict"));
}

#[test]
fn version_prints_the_crate_version() {
    let out = run(&["--version"]);
    assert_eq!(status(&out), 0);
    assert_eq!(
        stdout(&out).trim_end(),
        format!("agon {}", env!("CARGO_PKG_VERSION"))
    );
}

/// Runs agon with standard output (or error) going into a pipe nobody
/// reads any more, as in `agon check … | head -1` once head has quit.
fn run_into_closed_pipe(args: &[&str], close_stderr: bool) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let mut cmd = Command::new(AGON);
    cmd.args(args);
    if close_stderr {
        cmd.stderr(writer);
    } else {
        cmd.stdout(writer);
    }
    cmd.output().expect("the agon binary runs")
}

#[test]
fn a_closed_pipe_ends_commands_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.ron", &readme_example());
    let bad = write(dir.path(), "bad.ron", WITH_ERRORS);
    for (args, close_stderr) in [
        (vec!["check", s(&good)], false),
        (vec!["check", s(&bad)], true),
        (vec!["completions", "bash"], false),
        (vec!["search", "soldier"], false),
        (vec!["eval"], false),
        (vec!["tour"], false),
        (vec!["export", "--format", "json"], false),
        (vec!["brief", "--side", "for"], false),
    ] {
        let out = run_into_closed_pipe(&args, close_stderr);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(101), "{args:?} panicked: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// Runs agon, killing it (and failing) if it has not finished in a minute:
/// the cases below used to wait forever.
#[cfg(unix)]
fn run_or_kill(args: &[&str]) -> Output {
    let mut child = Command::new(AGON)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the agon binary runs");
    for _ in 0..600 {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("agon {args:?} did not finish");
}

#[cfg(unix)]
#[test]
fn what_is_not_a_regular_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("debate.ron");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo makes a FIFO");
    for file in [s(&fifo), "/dev/zero"] {
        for args in [
            vec!["check", file],
            vec!["export", file, "--format", "json"],
        ] {
            let out = run_or_kill(&args);
            assert_eq!(status(&out), 2, "{args:?}: {}", stderr(&out));
            assert!(
                stderr(&out).contains("not a regular file"),
                "{}",
                stderr(&out)
            );
        }
    }
}
