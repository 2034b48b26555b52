//! `agon eval --semantics` as a user runs it.

mod common;

use common::{agon, stderr, stdout};

const MAP: &str = "tests/fixtures/semantics.ron";
const MIXED: &str = "tests/fixtures/tgf/mixed.tgf";

fn run_ok(args: &[&str]) -> String {
    let out = agon(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn grounded_is_the_default_and_unchanged() {
    let plain = run_ok(&["eval", MAP]);
    assert_eq!(plain, run_ok(&["eval", MAP, "--semantics", "grounded"]));
    assert_eq!(
        plain,
        "con\tundec\npro\tin\nr1\tundec\nr2\tundec\nt\tundec\n"
    );
}

#[test]
fn preferred_settles_what_grounded_leaves_open() {
    // Whichever rebuttal wins, the objection falls, so the thesis stands.
    assert_eq!(
        run_ok(&["eval", MAP, "--semantics", "preferred"]),
        "con\trejected\npro\tskeptical\nr1\tcredulous\nr2\tcredulous\nt\tskeptical\n"
    );
}

#[test]
fn strength_prints_four_decimals_computed_by_hand() {
    // r1 = r2 = 1/3 (x = 0.5 − 0.5x); con: vₐ = 1 − (2/3)² = 5/9, 0.5·4/9 = 2/9;
    // t: vₐ = 2/9, vₛ = 0.8, 0.5 + 0.5·(0.8 − 2/9) = 0.78889.
    assert_eq!(
        run_ok(&["eval", MAP, "--semantics", "strength"]),
        "con\t0.2222\npro\t0.8000\nr1\t0.3333\nr2\t0.3333\nt\t0.7889\n"
    );
}

#[test]
fn stable_says_on_stderr_when_no_extension_exists() {
    let out = agon(&["eval", MIXED, "--semantics", "stable"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("no stable extension exists"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).lines().all(|l| l.ends_with("\trejected")));
    // Preferred always has an extension, and says nothing.
    let out = agon(&["eval", MIXED, "--semantics", "preferred"]);
    assert_eq!(stderr(&out), "");
    assert_eq!(
        stdout(&out),
        "b\trejected\nc\tskeptical\nself\trejected\nx1\trejected\nx2\trejected\nx3\trejected\nzeta\tskeptical\n"
    );
}

#[test]
fn suspend_works_with_every_semantics() {
    let line = |args: &[&str], id: &str| {
        let text = run_ok(args);
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{id}\t")).map(str::to_string))
            .unwrap_or_else(|| panic!("no {id} in {text}"))
    };
    let with = |s: &'static str| ["eval", MAP, "--semantics", s, "--suspend", "r2"];
    assert_eq!(line(&with("preferred"), "r1"), "skeptical");
    assert_eq!(line(&with("preferred"), "r2"), "rejected");
    assert_eq!(line(&with("stable"), "r1"), "skeptical");
    assert_eq!(line(&with("grounded"), "r1"), "in");
    // r1 now 0.5 alone: con = 0.25, t = 0.5 + 0.5·(0.8 − 0.25) = 0.775.
    assert_eq!(line(&with("strength"), "r2"), "0.0000");
    assert_eq!(line(&with("strength"), "con"), "0.2500");
    assert_eq!(line(&with("strength"), "t"), "0.7750");
}

#[test]
fn json_carries_every_semantics() {
    let text = run_ok(&["eval", MAP, "--json", "--suspend", "pro"]);
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["stable_exists"], true);
    assert_eq!(v["suspended"], serde_json::json!(["pro"]));
    let t = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "t")
        .unwrap();
    assert_eq!(t["label"], "undec");
    assert_eq!(t["preferred"], "skeptical");
    assert_eq!(t["stable"], "skeptical");
    // Without its supporter: 0.5 − 0.5·(2/9) = 0.388889.
    assert_eq!(t["strength"], 0.388889);
    assert_eq!(v["undecided"]["preferred"], serde_json::json!([]));
    assert_eq!(v["unconverged"], serde_json::json!([]));
}

#[test]
fn an_unknown_semantics_is_a_usage_error_listing_the_four() {
    let out = agon(&["eval", "--semantics", "ideal"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for name in ["grounded", "preferred", "stable", "strength"] {
        assert!(err.contains(name), "{err}");
    }
}

#[test]
fn the_builtin_debate_evaluates_under_every_semantics() {
    for s in ["preferred", "stable", "strength"] {
        let text = run_ok(&["eval", "--semantics", s]);
        assert!(text.lines().count() > 100, "{s}");
    }
}
