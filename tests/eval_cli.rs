//! `agon eval` as a user runs it, on TGF fixtures and the built-in debate.

mod common;

use common::{agon, stderr, stdout};

const MIXED: &str = "tests/fixtures/tgf/mixed.tgf";
const BROKEN: &str = "tests/fixtures/tgf/broken.tgf";

#[test]
fn prints_one_sorted_line_per_node() {
    let out = agon(&["eval", MIXED]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The file lists zeta first; the output is sorted by id.
    assert_eq!(
        stdout(&out),
        "b\tout\nc\tin\nself\tundec\nx1\tundec\nx2\tundec\nx3\tundec\nzeta\tin\n"
    );
}

#[test]
fn suspend_withdraws_a_node() {
    let out = agon(&["eval", MIXED, "--suspend", "zeta"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let label = |id: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{id}\t")))
            .unwrap_or_else(|| panic!("no line for {id} in {text}"))
            .to_string()
    };
    assert_eq!(label("zeta"), "out");
    assert_eq!(label("b"), "in", "its only attacker is withdrawn");
    assert_eq!(label("c"), "out", "b now stands and defeats it");
    assert_eq!(label("x1"), "undec", "the cycle is untouched");
}

#[test]
fn several_suspensions_combine() {
    let out = agon(&["eval", MIXED, "--suspend", "zeta", "--suspend", "b"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("c\tin\n"));
}

#[test]
fn an_unknown_suspend_id_is_an_error_naming_the_nearest() {
    let out = agon(&[
        "eval",
        MIXED,
        "--suspend",
        "zeat",
        "--suspend",
        "nothing-like-it",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("no node has id \"zeat\"; did you mean \"zeta\"?"),
        "{err}"
    );
    assert!(err.contains("no node has id \"nothing-like-it\""), "{err}");
}

#[test]
fn json_has_every_node_with_its_label_and_reason() {
    let out = agon(&["eval", MIXED, "--json", "--suspend", "x1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["suspended"], serde_json::json!(["x1"]));
    let nodes = json["nodes"].as_array().expect("a list of nodes");
    let ids: Vec<&str> = nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["b", "c", "self", "x1", "x2", "x3", "zeta"]);
    let node = |id: &str| nodes.iter().find(|n| n["id"] == id).unwrap();
    assert_eq!(
        node("b")["why"],
        serde_json::json!({"reason": "defeated", "by": ["zeta"]})
    );
    assert_eq!(
        node("c")["why"],
        serde_json::json!({"reason": "defended", "defences": [{"attacker": "b", "by": "zeta", "suspended": false}]})
    );
    assert_eq!(node("zeta")["why"]["reason"], "unattacked");
    assert_eq!(
        node("self")["why"],
        serde_json::json!({"reason": "on_cycle", "cycle": ["self"]})
    );
    // With x1 withdrawn the odd cycle is broken: x2 stands, x3 falls.
    assert_eq!(node("x1")["why"]["reason"], "suspended");
    assert_eq!(node("x2")["label"], "in");
    assert_eq!(
        node("x2")["why"],
        serde_json::json!({"reason": "defended", "defences": [{"attacker": "x1", "suspended": true}]})
    );
    assert_eq!(node("x3")["label"], "out");
}

#[test]
fn a_broken_tgf_file_reports_positions() {
    let out = agon(&["eval", BROKEN]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{BROKEN}:3:1: error: argument \"alpha\" is declared twice"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{BROKEN}:5:7: error: attack names unknown argument \"betta\""
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{BROKEN}:6:1: error: an attack is written")),
        "{err}"
    );
}

#[test]
fn other_commands_open_tgf_files_too() {
    let out = agon(&["check", MIXED]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("7 nodes"), "{}", stdout(&out));
}

#[test]
fn a_missing_file_is_unreadable() {
    let out = agon(&["eval", "tests/fixtures/tgf/no-such-file.tgf"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_builtin_debate_evaluates() {
    let out = agon(&["eval"]);
    assert!(out.status.success(), "{}", stderr(&out));
    insta::assert_snapshot!("builtin_eval", stdout(&out));
}

const ANALYSIS: &str = "tests/fixtures/analysis.ron";

#[test]
fn sources_only_suspends_every_analysis_node_at_once() {
    let whole = agon(&["eval", ANALYSIS]);
    assert!(whole.status.success(), "{}", stderr(&whole));
    // The map's own objection stands (its answer is itself answered), so
    // the thesis falls.
    assert!(stdout(&whole).contains("cost\tin\n"), "{}", stdout(&whole));
    assert!(stdout(&whole).contains("open-sundays\tout\n"));

    let sources = agon(&["eval", ANALYSIS, "--sources-only"]);
    assert!(sources.status.success(), "{}", stderr(&sources));
    let text = stdout(&sources);
    for (id, label) in [
        ("cost", "out"),
        ("volunteers", "out"),
        ("open-sundays", "in"),
        ("volunteers-unreliable", "in"),
    ] {
        assert!(text.contains(&format!("{id}\t{label}\n")), "{id}: {text}");
    }

    let json = agon(&["eval", ANALYSIS, "--sources-only", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(v["suspended"], serde_json::json!(["cost", "volunteers"]));
}
