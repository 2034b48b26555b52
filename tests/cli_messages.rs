//! What the command line says when it is used slightly wrong: each message
//! names what agon takes, and a bad query is a usage error.

mod common;

use common::{agon, stderr, stdout};

#[test]
fn tour_with_one_argument_that_is_a_file_lists_its_tours() {
    let out = agon(&["tour", "tests/fixtures/prep.ron"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = stdout(&out);
    let with_flag = agon(&["tour", "--file", "tests/fixtures/prep.ron"]);
    assert_eq!(listed, stdout(&with_flag));
    assert!(!listed.is_empty());
    // A single argument that is no file is still a tour id.
    let out = agon(&["tour", "no-such-tour"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no tour has the id \"no-such-tour\""));
}

#[test]
fn the_unknown_format_error_names_every_extension_agon_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.dat");
    std::fs::write(&path, "Some notes that are no debate at all.\n").unwrap();
    let out = agon(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for ext in [".ron", ".txt", ".json", ".argdown", ".ad", ".tgf"] {
        assert!(err.contains(ext), "{ext} missing from: {err}");
    }
}

#[test]
fn a_markdown_file_is_no_known_format_not_broken_argdown() {
    let out = agon(&["check", "README.md"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("looks like no format agon reads"), "{err}");
    assert!(!err.contains("comment"), "{err}");
    // The same holds for a Markdown file that uses `/*`, lists and link references.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes");
    std::fs::write(
        &path,
        "# Notes\n\nGlobs like src/*.rs and a [link][1].\n\n- item\n  - [nested](https://example.org)\n\n[1]: https://example.org\n",
    )
    .unwrap();
    let out = agon(&["check", path.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("looks like no format agon reads"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn argdown_without_its_extension_is_still_recognised() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "defined",
            "# Schools\n\n[Ban]: Schools should ban phones.\n  + [Focus]: Pupils focus better.\n",
        ),
        (
            "relations",
            "[Ban]\n  - <Safety>: Parents need to reach their children.\n",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = agon(&["check", path.to_str().unwrap()]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
    }
}

#[test]
fn a_bad_search_query_is_a_usage_error() {
    let out = agon(&["search", "kind:bogus"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("bogus"));
    // Nothing matching a good query is still 1.
    let out = agon(&["search", "kind:evidence zzzzqqqq"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn the_theme_error_lists_every_built_in_theme() {
    let out = agon(&["--theme", "no-such-theme.ron"]);
    assert_ne!(out.status.code(), Some(0));
    let err = stderr(&out);
    for name in ["dark", "light", "contrast"] {
        assert!(err.contains(name), "{name} missing from: {err}");
    }
}

#[test]
fn color_decides_whether_help_and_usage_errors_are_styled() {
    use std::ffi::OsStr;
    let no_color = [("NO_COLOR", OsStr::new("1"))];
    let styled = |o: &std::process::Output| {
        let all = [o.stdout.as_slice(), o.stderr.as_slice()].concat();
        String::from_utf8_lossy(&all).contains("\u{1b}[")
    };
    // Not a terminal: auto leaves the help plain; always styles it, even
    // under NO_COLOR, on the explorer and on a subcommand alike.
    assert!(!styled(&agon(&["--help"])));
    assert!(styled(&common::agon_with_env(
        &["--color", "always", "--help"],
        &no_color
    )));
    assert!(styled(&agon(&["check", "--color=always", "--help"])));
    assert!(styled(&agon(&["search", "--color", "always", "--bogus"])));
    assert!(!styled(&agon(&["search", "--color", "never", "--bogus"])));
    // The last one given wins.
    assert!(!styled(&agon(&[
        "--color=always",
        "--color=never",
        "--help"
    ])));
    let out = agon(&["--color", "sometimes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("[possible values: auto, always, never]"));
}
