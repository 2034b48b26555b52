//! `agon brief` run as a user would, on the preparation fixture.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{stderr, stdout};

use agon::state::{Debate, Identity, Mark, StateStore};

fn fixture() -> PathBuf {
    common::fixture("prep.ron")
}

/// The fixture's state in `states`, opened as the explorer opens it: keyed
/// by the debate's identity.
fn open_store(states: &Path) -> (StateStore, Vec<String>) {
    let path = fixture();
    let graph = agon::formats::load_path(&path)
        .expect("the fixture loads")
        .graph;
    let identity = Identity::of(&graph).expect("the fixture has a thesis");
    let debate = Debate {
        name: "prep.ron",
        path: Some(&path),
        identity: Some(&identity),
    };
    StateStore::open_in(states, debate)
}

/// Runs agon with its state directory at `state_dir`, so the user's own
/// notes never leak into a test.
fn agon(state_dir: &Path, args: &[&str]) -> Output {
    common::agon_with_env(args, &[("AGON_STATE_DIR", state_dir.as_os_str())])
}

fn fixture_arg() -> String {
    fixture().display().to_string()
}

#[test]
fn brief_for_the_thesis() {
    let states = tempfile::tempdir().unwrap();
    let out = agon(states.path(), &["brief", &fixture_arg(), "--side", "for"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    let at = |needle: &str| {
        md.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in\n{md}"))
    };
    assert!(at("## Your points (4)") < at("## Points to answer (5)"));
    assert!(at("### 1. Homework does little") < at("### 4. Homework widens gaps"));
    assert!(md.contains("Answered 1 of 6 opposing points."));
    insta::assert_snapshot!("brief_for", md);
}

#[test]
fn brief_against_the_thesis() {
    let states = tempfile::tempdir().unwrap();
    let out = agon(
        states.path(),
        &["brief", &fixture_arg(), "--side", "against"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# Brief against: Primary schools should stop setting homework"));
    assert!(md.contains("### 1. Homework builds the study habits pupils need later"));
    insta::assert_snapshot!("brief_against", md);
}

#[test]
fn notes_and_marks_from_the_state_dir_appear_and_are_left_alone() {
    let states = tempfile::tempdir().unwrap();
    let (mut store, warnings) = open_store(states.path());
    assert!(warnings.is_empty());
    let state = store.state_mut();
    state.set_note(
        "teacher-choice",
        "Answer: a rule protects pupils from uneven practice.",
    );
    state.set_mark("teacher-choice", Some(Mark::Answer));
    state.set_note("review-primary", "Bring the printed review.");
    state.set_mark("little-benefit", Some(Mark::Use));
    store.save().unwrap();
    let file = store.file().unwrap().to_path_buf();
    let saved = std::fs::read(&file).unwrap();
    let names = |dir: &std::path::Path| {
        let mut n: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        n.sort();
        n
    };
    let before = names(states.path());

    let out = agon(states.path(), &["brief", &fixture_arg(), "--side", "for"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    for needle in [
        "*Your note:* Answer: a rule protects pupils from uneven practice.",
        "  *Your note:* Bring the printed review.",
        "attacks the thesis* · **to answer**",
        "supports the thesis* · **to use**",
    ] {
        assert!(md.contains(needle), "{needle:?} missing from\n{md}");
    }
    // Read only: the state file and its directory are as they were.
    assert_eq!(std::fs::read(&file).unwrap(), saved);
    assert_eq!(names(states.path()), before);

    let plain = agon(
        states.path(),
        &["brief", &fixture_arg(), "--side", "for", "--no-state"],
    );
    assert!(!stdout(&plain).contains("Your note"));
}

#[test]
fn a_corrupt_state_file_is_reported_and_not_moved() {
    let states = tempfile::tempdir().unwrap();
    let (store, _) = open_store(states.path());
    let file = store.file().unwrap().to_path_buf();
    std::fs::write(&file, "State(version: 1, debate: ").unwrap();
    let out = agon(states.path(), &["brief", &fixture_arg(), "--side", "for"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("warning: the notes file"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).starts_with("# Brief for:"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "State(version: 1, debate: "
    );
}

#[test]
fn writes_to_a_file_but_never_over_the_debate() {
    let states = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let debate = work.path().join("prep.ron");
    std::fs::copy(fixture(), &debate).unwrap();
    let original = std::fs::read(&debate).unwrap();
    let debate_arg = debate.display().to_string();

    let target = work.path().join("out").join("brief.md");
    let target_arg = target.display().to_string();
    let out = agon(
        states.path(),
        &["brief", &debate_arg, "--side", "for", "-o", &target_arg],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let on_stdout = agon(states.path(), &["brief", &debate_arg, "--side", "for"]);
    assert_eq!(std::fs::read(&target).unwrap(), on_stdout.stdout);

    // The same file by another spelling is still the same file.
    let sneaky = work.path().join(".").join("prep.ron").display().to_string();
    let refused = agon(
        states.path(),
        &["brief", &debate_arg, "--side", "for", "-o", &sneaky],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("never writes over it"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(std::fs::read(&debate).unwrap(), original);
}

#[test]
fn an_unknown_thesis_names_the_nearest() {
    let states = tempfile::tempdir().unwrap();
    let typo = agon(
        states.path(),
        &[
            "brief",
            &fixture_arg(),
            "--side",
            "for",
            "--thesis",
            "ban-homewrk",
        ],
    );
    assert_eq!(typo.status.code(), Some(1));
    assert!(
        stderr(&typo).contains("did you mean \"ban-homework\"?"),
        "{}",
        stderr(&typo)
    );
    assert!(typo.stdout.is_empty());

    let claim = agon(
        states.path(),
        &[
            "brief",
            &fixture_arg(),
            "--side",
            "for",
            "--thesis",
            "habits",
        ],
    );
    assert_eq!(claim.status.code(), Some(1));
    assert!(
        stderr(&claim).contains("\"habits\" is a claim, not a thesis"),
        "{}",
        stderr(&claim)
    );
}

#[test]
fn with_several_theses_the_first_is_used_and_named() {
    let states = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let debate = work.path().join("two.ron");
    std::fs::write(
        &debate,
        r#"Debate(title: "Which?", question: "Which option?", nodes: [
            Node(id: "option-a", kind: Thesis, title: "Option A"),
            Node(id: "option-b", kind: Thesis, title: "Option B"),
            Node(id: "for-b", kind: Claim, title: "B is cheaper", supports: ["option-b"]),
        ])"#,
    )
    .unwrap();
    let path = debate.display().to_string();
    let first = agon(states.path(), &["brief", &path, "--side", "for"]);
    assert!(first.status.success());
    assert!(stdout(&first).starts_with("# Brief for: Option A\n"));
    assert!(
        stderr(&first).contains("\"option-a\""),
        "{}",
        stderr(&first)
    );
    assert!(stdout(&first).contains("## Your points (0)"));

    let chosen = agon(
        states.path(),
        &["brief", &path, "--side", "for", "--thesis", "option-b"],
    );
    assert!(stderr(&chosen).is_empty(), "{}", stderr(&chosen));
    assert!(stdout(&chosen).contains("### 1. B is cheaper"));
    assert!(stdout(&chosen).contains("Debate: Which? — Which option?"));
}

#[test]
fn the_side_is_required_and_bad_files_fail_cleanly() {
    let states = tempfile::tempdir().unwrap();
    let no_side = agon(states.path(), &["brief", &fixture_arg()]);
    assert_eq!(no_side.status.code(), Some(2));
    assert!(stderr(&no_side).contains("--side"));
    let missing = agon(
        states.path(),
        &["brief", "no/such/file.ron", "--side", "for"],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read the file"));
}
