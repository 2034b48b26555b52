//! `agon tour` run as a user would, on the preparation fixture.

mod common;

use std::path::PathBuf;

use common::{agon, stderr, stdout};

fn fixture() -> String {
    common::fixture("prep.ron").display().to_string()
}

#[test]
fn lists_tours_and_steps() {
    let tours = agon(&["tour", "--file", &fixture()]);
    assert!(tours.status.success(), "{}", stderr(&tours));
    assert_eq!(
        stdout(&tours),
        "walkthrough\t6\tThe homework debate in six stops\nshort\t1\tJust the thesis\n"
    );
    let steps = agon(&["tour", "short", "--file", &fixture()]);
    assert_eq!(
        stdout(&steps),
        "1\tban-homework\tPrimary schools should stop setting homework\n"
    );
}

#[test]
fn the_built_in_debate_lists_its_tours_too() {
    let out = agon(&["tour"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for line in stdout(&out).lines() {
        assert_eq!(line.split('\t').count(), 3, "{line:?}");
    }
}

#[test]
fn handout() {
    let out = agon(&["tour", "walkthrough", "--markdown", "--file", &fixture()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    let at = |needle: &str| {
        md.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in\n{md}"))
    };
    assert!(at("# The homework debate in six stops") < at("## 1. Primary schools"));
    assert!(at("## 1. ") < at("## 2. ") && at("## 5. ") < at("## 6. "));
    assert!(at("The strongest objection.") > at("## 4. "));
    insta::assert_snapshot!("handout_walkthrough", md);
}

#[test]
fn handout_to_a_file_but_never_over_the_debate() {
    let work = tempfile::tempdir().unwrap();
    let debate: PathBuf = work.path().join("prep.ron");
    std::fs::copy(fixture(), &debate).unwrap();
    let original = std::fs::read(&debate).unwrap();
    let debate_arg = debate.display().to_string();
    let target = work.path().join("handout.md").display().to_string();

    let out = agon(&[
        "tour",
        "walkthrough",
        "--markdown",
        "-f",
        &debate_arg,
        "-o",
        &target,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("# The homework debate in six stops\n"));

    let refused = agon(&[
        "tour",
        "walkthrough",
        "--markdown",
        "-f",
        &debate_arg,
        "-o",
        &debate_arg,
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(std::fs::read(&debate).unwrap(), original);
}

#[test]
fn an_unknown_tour_names_the_nearest() {
    let out = agon(&["tour", "walktrough", "--markdown", "--file", &fixture()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did you mean \"walkthrough\"?"),
        "{}",
        stderr(&out)
    );
    let far = agon(&["tour", "zzzzzzzzzz", "--file", &fixture()]);
    assert_eq!(far.status.code(), Some(1));
    assert!(
        stderr(&far).contains("the tours are: walkthrough, short"),
        "{}",
        stderr(&far)
    );
}

#[test]
fn markdown_needs_a_tour_id() {
    let out = agon(&["tour", "--markdown", "--file", &fixture()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("TOUR_ID"), "{}", stderr(&out));
}

#[test]
fn file_then_tour_id_works_as_positional_arguments() {
    let out = agon(&["tour", &fixture(), "walkthrough", "--markdown"]);
    let with_option = agon(&["tour", "walkthrough", "--file", &fixture(), "--markdown"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(out.stdout, with_option.stdout);
}
