use super::*;
use crate::eval::grounded;
use crate::graph::load_str;
use crate::state::{Mark, State};

const FIXTURE: &str = include_str!("../../tests/fixtures/prep.ron");

fn fixture() -> (Graph, Vec<Label>) {
    let graph = load_str("prep.ron", FIXTURE).unwrap().graph;
    let labels = grounded(&graph, &[]);
    (graph, labels)
}

fn ids(graph: &Graph, nodes: impl IntoIterator<Item = NodeIx>) -> Vec<String> {
    nodes
        .into_iter()
        .map(|ix| graph.node(ix).id.clone())
        .collect()
}

fn build(side: BriefSide) -> (Graph, Brief) {
    let (graph, labels) = fixture();
    let thesis = graph.theses()[0];
    let brief = Brief::build(&graph, &labels, side, thesis);
    (graph, brief)
}

#[test]
fn points_for_are_ordered_by_standing_then_support() {
    let (g, b) = build(BriefSide::For);
    assert_eq!(
        ids(&g, b.points.iter().map(|p| p.node)),
        [
            "little-benefit",
            "family-time",
            "play-matters",
            "inequality"
        ]
    );
    let support: Vec<usize> = b.points.iter().map(|p| p.support).collect();
    assert_eq!(support, [2, 1, 0, 0]);
    assert_eq!(b.points[3].label, Label::Undec);
    assert_eq!(b.points[2].depth, 2);
    assert_eq!(
        ids(&g, b.points[0].evidence.iter().map(|e| e.node)),
        ["review-primary", "teacher-survey"]
    );
    assert_eq!(
        ids(&g, b.points[3].attackers.iter().map(|a| a.node)),
        ["clubs-close-gap"]
    );
}

#[test]
fn opposing_points_split_into_standing_and_answered() {
    let (g, b) = build(BriefSide::For);
    assert_eq!(
        ids(&g, b.to_answer.iter().map(|o| o.node)),
        [
            "habits",
            "teacher-choice",
            "habits-early",
            "clubs-close-gap",
            "funding-figures"
        ]
    );
    assert_eq!(
        ids(&g, b.answered.iter().map(|o| o.node)),
        ["parents-informed"]
    );
    assert_eq!(b.answered_count(), (1, 6));
    let habits = &b.to_answer[0];
    assert_eq!(
        habits.rebuttals,
        vec![Rated {
            node: g.by_id("habits-later").unwrap(),
            label: Label::Out
        }]
    );
    assert_eq!(
        ids(&g, habits.evidence.iter().map(|e| e.node)),
        ["habit-study"]
    );
    assert!(b.to_answer[1].rebuttals.is_empty());
}

#[test]
fn the_other_side_sees_the_mirror_image() {
    let (g, b) = build(BriefSide::Against);
    assert_eq!(
        ids(&g, b.points.iter().map(|p| p.node)),
        ["habits", "teacher-choice", "parents-informed"]
    );
    assert_eq!(
        ids(&g, b.to_answer.iter().map(|o| o.node)),
        [
            "little-benefit",
            "family-time",
            "play-matters",
            "reports-do-that",
            "inequality",
            "clubs-underfunded"
        ]
    );
    assert_eq!(b.answered_count(), (1, 7));
    assert_eq!(b.thesis_label, Label::Out);
}

#[test]
fn support_ignores_supporters_that_are_out() {
    let text = r#"Debate(title: "t", nodes: [
        Node(id: "t", kind: Thesis, title: "T"),
        Node(id: "a", kind: Claim, title: "a", supports: ["t"]),
        Node(id: "b", kind: Claim, title: "b", supports: ["t"]),
        Node(id: "a1", kind: Claim, title: "a1", supports: ["a"]),
        Node(id: "a2", kind: Claim, title: "a2", supports: ["a"]),
        Node(id: "b1", kind: Claim, title: "b1", supports: ["b"]),
        Node(id: "b2", kind: Claim, title: "b2", supports: ["b"]),
        Node(id: "b21", kind: Claim, title: "b21", supports: ["b2"]),
        Node(id: "kill", kind: Rebuttal, title: "k", attacks: ["b2"]),
    ])"#;
    let g = load_str("t", text).unwrap().graph;
    let labels = grounded(&g, &[]);
    let b = Brief::build(&g, &labels, BriefSide::For, g.theses()[0]);
    let a = b.points.iter().find(|p| g.node(p.node).id == "a").unwrap();
    let bb = b.points.iter().find(|p| g.node(p.node).id == "b").unwrap();
    assert_eq!(a.support, 2);
    // b2 is out, so it and b21 (which backs b only through b2) do not count.
    assert_eq!(bb.support, 1);
    assert_eq!(ids(&g, b.points.iter().take(2).map(|p| p.node)), ["a", "b"]);
}

#[test]
fn bad_arguments_give_an_empty_or_undecided_brief() {
    let (g, labels) = fixture();
    let empty = Brief::build(&g, &labels, BriefSide::For, NodeIx(9999));
    assert!(empty.points.is_empty() && empty.to_answer.is_empty());
    assert!(Brief::to_markdown(&g, &empty, None).contains("not in this debate"));
    let unlabelled = Brief::build(&g, &[], BriefSide::For, g.theses()[0]);
    assert!(unlabelled.points.iter().all(|p| p.label == Label::Undec));
    assert_eq!(unlabelled.answered_count(), (0, 6));
}

#[test]
fn markdown_has_the_sections_in_order_with_quotes_and_sources() {
    let (g, b) = build(BriefSide::For);
    let md = Brief::to_markdown(&g, &b, None);
    let at = |needle: &str| {
        md.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing from:\n{md}"))
    };
    assert!(md.starts_with("# Brief for: Primary schools should stop setting homework\n"));
    assert!(at("Answered 1 of 6 opposing points") < at("## Your points (4)"));
    assert!(at("### 1. Homework does little") < at("### 2. Homework crowds out"));
    assert!(at("## Your points") < at("## Points to answer (5)"));
    assert!(at("## Points to answer") < at("## Already answered (1)"));
    assert!(
        at("> Across the studies reviewed, homework before age eleven showed no measurable gain.")
            > at("**Evidence**")
    );
    assert!(
        at(
            "> — R. Okafor, *Homework in primary schools: a research review*, Education Evidence Quarterly, 2020, p. 14 <https://example.org/review>"
        ) > 0
    );
    assert!(md.contains(r"Teachers should decide, not a \*blanket\* rule"));
    assert!(md.contains("**Rebuttals in the map:** none in the map; prepare your own."));
    assert!(md.contains("- Habits can be taught in school hours — rebuttal · falls"));
    assert!(md.contains("answered by “Termly reports and open evenings inform parents better”"));
    assert!(!md.contains("Your note"));
}

#[test]
fn markdown_carries_every_mark_and_note() {
    let (g, b) = build(BriefSide::For);
    let mut state = State::new("prep.ron", None);
    state.set_note("little-benefit", "Lead with this.\nQuote the review.");
    state.set_mark("little-benefit", Some(Mark::Use));
    state.set_note(
        "habits",
        "Concede habits matter; deny homework is how to build them.",
    );
    state.set_mark("habits", Some(Mark::Answer));
    state.set_note("review-primary", "Check the page number.");
    state.set_note("ban-homework", "Define primary as ages 5 to 11.");
    state.set_note("renamed-long-ago", "An old thought.");
    state.set_mark("habit-study", Some(Mark::Star));
    let md = Brief::to_markdown(&g, &b, Some(&state));
    for needle in [
        "*Your note:* Lead with this.\n\nQuote the review.",
        "*Your note:* Concede habits matter",
        "  *Your note:* Check the page number.",
        "*Your note:* Define primary as ages 5 to 11.",
        "renamed-long-ago (no longer in the debate)",
        "An old thought.",
        "supports the thesis",
        "· **to use**",
        "· **to answer**",
        "· **starred**",
    ] {
        assert!(md.contains(needle), "{needle:?} missing from:\n{md}");
    }
    // Each note once, even when its node is listed in several places.
    assert_eq!(md.matches("Concede habits matter").count(), 1);
    // A note that had a place above is not repeated at the end.
    let other = md.find("## Other marks and notes").unwrap();
    assert!(!md[other..].contains("Lead with this"));
}
