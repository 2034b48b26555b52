//! Nothing from a data file reaches a terminal or an export raw: hostile
//! text (terminal escapes, C1 controls, bidi and zero-width marks, line
//! separators, Markdown structure) goes through every exporter and every
//! command, and no such character may come out as it went in.

use std::path::Path;
use std::process::Command;

use agon::export::{Format, export};
use agon::graph::{DebateFile, Graph};
use proptest::prelude::*;

const AGON: &str = env!("CARGO_BIN_EXE_agon");

/// Pieces of hostile text: each would act on a terminal, hide or reorder
/// text, or add structure to a Markdown document.
const HOSTILE: &[&str] = &[
    "\u{1b}]52;c;ZXZpbA==\u{7}",
    "\u{1b}]0;owned\u{7}",
    "\u{1b}[2J",
    "\u{1b}P1$r\u{1b}\\",
    "\u{9b}31m",
    "\u{85}",
    "\u{90}",
    "\u{7f}",
    "\u{0}",
    "\r",
    "\u{8}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{200e}",
    "\u{200f}",
    "\u{61c}",
    "\u{202e}",
    "\u{2066}",
    "\u{2028}",
    "\u{2029}",
    "\n# INJECTED\n<img src=x onerror=alert(1)>\n",
    "\n\n- INJECTED\n",
    "word",
    " ",
];

/// A character that must never come out raw.
fn raw(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c,
            '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{61c}'
            | '\u{feff}')
}

#[track_caller]
fn assert_clean(what: &str, out: &str) {
    if let Some((i, c)) = out.char_indices().find(|&(_, c)| raw(c)) {
        let from = out.floor_char_boundary(i.saturating_sub(40));
        panic!("{what}: {c:?} at byte {i}, after {:?}", &out[from..i]);
    }
}

/// Markdown must show the injected text as text: no heading, no list item,
/// no HTML tag made of it.
#[track_caller]
fn assert_no_markdown_structure(what: &str, md: &str) {
    for line in md.lines() {
        let line = &outside_code_spans(line);
        let t = line.trim_start().trim_start_matches("> ");
        assert!(
            !(t.starts_with("# INJECTED") || t.starts_with("- INJECTED")),
            "{what}: injected structure {line:?}"
        );
        let html = line
            .match_indices("<img")
            .any(|(i, _)| !line[..i].ends_with('\\'));
        assert!(!html, "{what}: raw HTML {line:?}");
    }
}

/// A line with its code spans (`` `…` ``, where `<` is literal) left out.
fn outside_code_spans(line: &str) -> String {
    let mut out = String::new();
    let (mut in_code, mut escaped) = (false, false);
    for c in line.chars() {
        if c == '`' && !escaped {
            in_code = !in_code;
        } else if !in_code {
            out.push(c);
        }
        escaped = c == '\\' && !escaped;
    }
    out
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(HOSTILE), 1..8).prop_map(|v| v.concat())
}

/// The built-in debate with hostile text in every free-text field of a few
/// nodes, a source and a tour. Ids stay valid, so the file still loads.
fn hostile_debate(h: &[String]) -> DebateFile {
    let mut file = agon::graph::builtin().expect("built-in").graph.to_file();
    let n = file.nodes.len();
    for (k, ix) in [0, 1, n / 2, n - 1].into_iter().enumerate() {
        let node = &mut file.nodes[ix];
        let s = &h[k % h.len()];
        node.title = format!("zebra {}", s.replace(['\n', '\r'], " "));
        node.text = Some(format!("text {s} end"));
        node.tags.push(format!("tag{s}"));
        if node.quote.is_some() {
            node.quote = Some(format!("quote {s}"));
            node.locator = Some(format!("p. {s}"));
        }
    }
    for (k, src) in file.sources.iter_mut().take(2).enumerate() {
        let s = &h[(k + 1) % h.len()];
        src.title = format!("source {}", s.replace(['\n', '\r'], " "));
        src.url = Some(format!("https://example.org/{s}"));
        src.author = Some(s.clone());
        src.note = Some(s.clone());
    }
    if let Some(tour) = file.tours.first_mut() {
        tour.title = format!("tour {}", h[0].replace(['\n', '\r'], " "));
        tour.description = Some(h[h.len() - 1].clone());
        for step in &mut tour.steps {
            step.say = format!("say {}", h[0]);
        }
    }
    file.title = format!("debate {}", h[0].replace(['\n', '\r'], " "));
    file.description = Some(h[0].clone());
    file
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn no_exporter_lets_hostile_text_through(h in prop::collection::vec(hostile_text(), 1..4)) {
        let graph = Graph::from_file(hostile_debate(&h));
        for format in Format::ALL {
            let out = export(&graph, format).expect("exports");
            assert_clean(format.name(), &out);
            if format == Format::Markdown {
                assert_no_markdown_structure("markdown", &out);
            }
        }
    }
}

fn run(dir: &Path, args: &[&str]) -> (String, String) {
    let out = Command::new(AGON)
        .args(args)
        .current_dir(dir)
        .env("AGON_STATE_DIR", dir.join("state"))
        .output()
        .expect("agon runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_ne!(out.status.code(), Some(101), "{args:?} panicked: {stderr}");
    (stdout, stderr)
}

proptest! {
    // Each case runs the binary some twenty times.
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn no_command_lets_hostile_text_through(h in prop::collection::vec(hostile_text(), 1..4)) {
        let dir = tempfile::tempdir().unwrap();
        let file = hostile_debate(&h);
        let tour = file.tours.first().map(|t| t.id.clone()).unwrap_or_default();
        let ron = export(&Graph::from_file(file), Format::Ron).unwrap();
        std::fs::write(dir.path().join("d.ron"), &ron).unwrap();
        // A file with errors whose messages quote hostile ids.
        let bad = format!(
            "Debate(title: \"b\", nodes: [Node(id: \"t\", kind: Thesis, title: \"T\", supports: [{:?}])])",
            h[0]
        );
        std::fs::write(dir.path().join("bad.ron"), bad).unwrap();
        // Arguments cannot hold NUL.
        let hostile_id = &h[0].replace('\0', "");
        let mut commands: Vec<Vec<&str>> = vec![
            vec!["check", "d.ron"],
            vec!["check", "bad.ron"],
            vec!["search", "zebra", "d.ron"],
            vec!["search", "--json", "zebra", "d.ron"],
            vec!["search", hostile_id.as_str(), "d.ron"],
            vec!["eval", "d.ron"],
            vec!["eval", "--json", "d.ron"],
            vec!["eval", "d.ron", "--suspend", hostile_id.as_str()],
            vec!["tour", "--file", "d.ron"],
            vec!["tour", "--file", "d.ron", &tour],
            vec!["tour", "--file", "d.ron", &tour, "--markdown"],
            vec!["tour", "--file", "d.ron", hostile_id.as_str()],
            vec!["brief", "d.ron", "--side", "for"],
            vec!["brief", "d.ron", "--side", "against"],
            vec!["brief", "d.ron", "--side", "for", "--thesis", hostile_id.as_str()],
        ];
        for format in Format::ALL {
            commands.push(vec!["export", "d.ron", "--format", format.name()]);
        }
        for args in &commands {
            let (stdout, stderr) = run(dir.path(), args);
            let what = format!("agon {}", args.join(" "));
            assert_clean(&format!("{what} (stdout)"), &stdout);
            assert_clean(&format!("{what} (stderr)"), &stderr);
            if args.contains(&"--markdown") || args[0] == "brief" || args.contains(&"markdown") {
                assert_no_markdown_structure(&what, &stdout);
            }
        }
    }
}
