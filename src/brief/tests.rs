use super::*;
use crate::eval::grounded;
use crate::graph::load_str;
use crate::state::{Mark, State};

const FIXTURE: &str = include_str!("../../tests/fixtures/prep.ron");

fn fixture() -> (Graph, Vec<Label>, Vec<f64>) {
    let graph = load_str("prep.ron", FIXTURE).unwrap().graph;
    let labels = grounded(&graph, &[]);
    let strengths = crate::eval::strength(&graph, &[]).values().to_vec();
    (graph, labels, strengths)
}

fn ids(graph: &Graph, nodes: impl IntoIterator<Item = NodeIx>) -> Vec<String> {
    nodes
        .into_iter()
        .map(|ix| graph.node(ix).id.clone())
        .collect()
}

fn build(side: BriefSide) -> (Graph, Brief) {
    let (graph, labels, strengths) = fixture();
    let thesis = graph.theses()[0];
    let brief = Brief::build(&graph, &labels, &strengths, side, thesis);
    (graph, brief)
}

#[test]
fn points_for_are_ordered_by_strength() {
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
    // By hand: little-benefit has two unattacked supporters, vₛ = 1 − 0.5²,
    // so 0.5 + 0.5·0.75; family-time one, 0.5 + 0.5·0.5; play-matters none.
    // inequality's attacker clubs-close-gap is attacked by
    // clubs-underfunded, which is on a two-cycle with funding-figures at 1/3
    // each, so each of the chain is 0.5 − 0.5·(1/3).
    let strengths: Vec<String> = b
        .points
        .iter()
        .map(|p| format!("{:.4}", p.strength))
        .collect();
    assert_eq!(strengths, ["0.8750", "0.7500", "0.5000", "0.3333"]);
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

/// A map where strength and grounded standing disagree: `held` stands
/// (its one attacker is refuted) but the attack still weakens it, while
/// `backed` is contested (a two-cycle attacks it) yet has two supporters.
const STRENGTH_VS_STANDING: &str = r#"Debate(title: "t", nodes: [
    Node(id: "t", kind: Thesis, title: "T"),
    Node(id: "held", kind: Claim, title: "held", supports: ["t"]),
    Node(id: "x", kind: Claim, title: "x", attacks: ["held"]),
    Node(id: "y", kind: Rebuttal, title: "y", attacks: ["x"]),
    Node(id: "backed", kind: Claim, title: "backed", supports: ["t"]),
    Node(id: "s1", kind: Claim, title: "s1", supports: ["backed"]),
    Node(id: "s2", kind: Claim, title: "s2", supports: ["backed"]),
    Node(id: "u", kind: Claim, title: "u", attacks: ["backed", "v"]),
    Node(id: "v", kind: Claim, title: "v", attacks: ["u"]),
    Node(id: "plain", kind: Claim, title: "plain", supports: ["t"]),
    Node(id: "plain2", kind: Claim, title: "plain2", supports: ["held"]),
    Node(id: "c1", kind: Claim, title: "c1", attacks: ["t"]),
    Node(id: "c2", kind: Claim, title: "c2", attacks: ["t"]),
    Node(id: "c3", kind: Claim, title: "c3", attacks: ["t"]),
    Node(id: "s3", kind: Claim, title: "s3", supports: ["c3"]),
    Node(id: "w", kind: Claim, title: "w", attacks: ["c3", "c2"]),
    Node(id: "w2", kind: Claim, title: "w2", attacks: ["w"]),
])"#;

/// The brief for the first thesis of the debate `text`, with grounded
/// labels and strengths.
fn brief_for(text: &str) -> (Graph, Brief) {
    let g = load_str("t", text).unwrap().graph;
    let labels = grounded(&g, &[]);
    let s = crate::eval::strength(&g, &[]);
    let b = Brief::build(&g, &labels, s.values(), BriefSide::For, g.theses()[0]);
    (g, b)
}

#[test]
fn strength_orders_the_brief_even_against_standing() {
    let (g, b) = brief_for(STRENGTH_VS_STANDING);
    // By hand (DF-QuAD, base 0.5): u = v = 1/3 on their cycle; backed has
    // vₛ = 1 − 0.5² = 0.75 against vₐ = 1/3, so 0.5 + 0.5·(0.75 − 1/3) =
    // 0.7083. x = 0.5 − 0.5·0.5 = 0.25; held has vₛ = 0.5 (plain2) and
    // vₐ = 0.25: 0.5 + 0.5·0.25 = 0.625. plain and plain2 0.5.
    let got: Vec<(String, String, Label)> = b
        .points
        .iter()
        .map(|p| {
            (
                g.node(p.node).id.clone(),
                format!("{:.4}", p.strength),
                p.label,
            )
        })
        .collect();
    let want = [
        ("backed", "0.7083", Label::Undec),
        ("held", "0.6250", Label::In),
        // Equal strengths: nearer the thesis first (plain supports it
        // directly, the others through another point), then file order.
        ("plain", "0.5000", Label::In),
        ("s1", "0.5000", Label::In),
        ("s2", "0.5000", Label::In),
        ("plain2", "0.5000", Label::In),
    ];
    let want: Vec<(String, String, Label)> = want
        .iter()
        .map(|(id, v, l)| (id.to_string(), v.to_string(), *l))
        .collect();
    assert_eq!(got, want);
    // Their most dangerous attack first. w is attacked by w2: 0.5 − 0.5·0.5
    // = 0.25. c3 has vₛ = 0.5 (s3) and vₐ = 0.25 (w): 0.5 + 0.5·0.25 =
    // 0.625; c1, s3 and w2 are untouched, 0.5 (in order of depth: 1, 2, 3);
    // c2 only attacked by w: 0.5 − 0.5·0.25; u on its cycle, 1/3.
    let theirs: Vec<(&str, String)> = b
        .to_answer
        .iter()
        .map(|o| (g.node(o.node).id.as_str(), format!("{:.4}", o.strength)))
        .collect();
    let want = [
        ("c3", "0.6250"),
        ("c1", "0.5000"),
        ("s3", "0.5000"),
        ("w2", "0.5000"),
        ("c2", "0.3750"),
        ("u", "0.3333"),
    ];
    assert_eq!(theirs, want.map(|(id, v)| (id, v.to_string())));
    assert_eq!(ids(&g, b.answered.iter().map(|o| o.node)), ["x"]);
}

#[test]
fn equal_strengths_list_standing_points_first() {
    // a and b both end at 0.5: a is untouched; b's supporter and attacker
    // (0.5 each) cancel out, but the unanswered attacker makes b fall.
    let text = r#"Debate(title: "t", nodes: [
        Node(id: "t", kind: Thesis, title: "T"),
        Node(id: "b", kind: Claim, title: "b", supports: ["t"]),
        Node(id: "a", kind: Claim, title: "a", supports: ["t"]),
        Node(id: "s", kind: Claim, title: "s", supports: ["b"]),
        Node(id: "k", kind: Claim, title: "k", attacks: ["b"]),
    ])"#;
    let (g, b) = brief_for(text);
    let order: Vec<(&str, Label)> = b
        .points
        .iter()
        .filter(|p| p.depth == 1)
        .map(|p| (g.node(p.node).id.as_str(), p.label))
        .collect();
    // b comes first in the file, but it falls; a stands at the same 0.50.
    assert_eq!(order, [("a", Label::In), ("b", Label::Out)]);
    assert!(b.points.iter().all(|p| (p.strength - 0.5).abs() < 1e-12));
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
    let b = Brief::build(&g, &labels, &[], BriefSide::For, g.theses()[0]);
    let a = b.points.iter().find(|p| g.node(p.node).id == "a").unwrap();
    let bb = b.points.iter().find(|p| g.node(p.node).id == "b").unwrap();
    assert_eq!(a.support, 2);
    // b2 is out, so it and b21 (which backs b only through b2) do not count.
    assert_eq!(bb.support, 1);
    assert_eq!(ids(&g, b.points.iter().take(2).map(|p| p.node)), ["a", "b"]);
}

#[test]
fn bad_arguments_give_an_empty_or_undecided_brief() {
    let (g, labels, strengths) = fixture();
    let empty = Brief::build(&g, &labels, &strengths, BriefSide::For, NodeIx(9999));
    assert!(empty.points.is_empty() && empty.to_answer.is_empty());
    assert!(Brief::to_markdown(&g, &empty, None).contains("not in this debate"));
    let unlabelled = Brief::build(&g, &[], &[], BriefSide::For, g.theses()[0]);
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
