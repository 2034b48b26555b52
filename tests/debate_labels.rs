//! The built-in debate's labels, read as a careful reader would: no
//! verbatim evidence falls unless other evidence contradicts it, and every
//! label the tours' narration states agrees with `agon eval`.
//!
//! The narration convention: a tour step that says a node *stands*,
//! *falls* or is *contested* (or uses any other word of [`LABEL_WORDS`])
//! makes a label claim, and every such claim is registered in [`CLAIMS`]
//! with the phrase that makes it, the nodes it is about and the label it
//! states: on the whole map, or on the sources alone ("on the articles
//! alone", `agon eval --sources-only`). A label word outside a registered
//! phrase fails the test, so new narration cannot slip a label past it; a
//! registered claim the labels no longer bear out fails it too.

use agon::eval::{Evaluation, Label, suspend_analysis};
use agon::graph::{Graph, Kind, load_str};

/// Words that state a label. Matched as whole words, in any case.
const LABEL_WORDS: &[&str] = &[
    "stand",
    "stands",
    "standing",
    "fall",
    "falls",
    "falling",
    "contested",
    "defeat",
    "defeats",
    "defeated",
    "undecided",
    "refuted",
    "unrefuted",
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Map {
    /// The map as it is.
    Whole,
    /// Every node marked `origin: Analysis` suspended.
    SourcesOnly,
}

/// One label claim in a tour's narration.
struct Claim {
    tour: &'static str,
    /// The step, counted from 1 as `agon tour` numbers them.
    step: usize,
    /// The words of the narration that make the claim.
    phrase: &'static str,
    nodes: &'static [&'static str],
    label: Label,
    map: Map,
}

const fn claim(
    tour: &'static str,
    step: usize,
    phrase: &'static str,
    nodes: &'static [&'static str],
    label: Label,
) -> Claim {
    Claim {
        tour,
        step,
        phrase,
        nodes,
        label,
        map: Map::Whole,
    }
}

/// The same claim, made about the map with its own analysis suspended.
const fn sources_only(claim: Claim) -> Claim {
    Claim {
        map: Map::SourcesOnly,
        ..claim
    }
}

use Label::{In, Out, Undec};

const CLAIMS: &[Claim] = &[
    // classroom
    claim(
        "classroom",
        3,
        "in the map it stands",
        &["surrender-is-contagious"],
        In,
    ),
    claim(
        "classroom",
        3,
        "Standing means nothing in the map answers it",
        &["surrender-is-contagious"],
        In,
    ),
    claim("classroom", 6, "so it stands", &["morale-already-low"], In),
    claim(
        "classroom",
        8,
        "whether the soldiers were really deceived is contested",
        &["soldiers-were-deceived"],
        Undec,
    ),
    claim(
        "classroom",
        9,
        "The map leaves this point contested",
        &["only-the-west-is-safe"],
        Undec,
    ),
    claim(
        "classroom",
        12,
        "the security objection is contested",
        &["spies-and-saboteurs", "putin-has-other-routes"],
        Undec,
    ),
    claim(
        "classroom",
        13,
        "The exchange is contested",
        &["draft-avoidance-not-grounds"],
        Undec,
    ),
    claim(
        "classroom",
        14,
        "the map marks the objection contested",
        &["frontline-states-distrust"],
        Undec,
    ),
    sources_only(claim(
        "classroom",
        14,
        "on the articles alone, the objection falls",
        &["frontline-states-distrust"],
        Out,
    )),
    claim(
        "classroom",
        15,
        "In the map this worry is contested",
        &["irredentist-minorities"],
        Undec,
    ),
    claim(
        "classroom",
        17,
        "the routes out are closing falls",
        &["exits-are-closing"],
        Out,
    ),
    claim(
        "classroom",
        18,
        "the claim that asylum would shorten the war is contested",
        &["hastens-end-of-war"],
        Undec,
    ),
    claim(
        "classroom",
        19,
        "The map marks the capacity objection contested",
        &["reception-capacity-strained"],
        Undec,
    ),
    claim(
        "classroom",
        20,
        "The spread of surrender, low morale and the danger deserters face at home all stand",
        &[
            "surrender-is-contagious",
            "morale-already-low",
            "deserters-punished-at-home",
        ],
        In,
    ),
    claim(
        "classroom",
        20,
        "The objections about closing exits and complicity fall",
        &["exits-are-closing", "complicit-in-invasion"],
        Out,
    ),
    claim(
        "classroom",
        20,
        "But security, the legal grounds, the front-line states, cost and scale, and whether it would shorten the war all remain contested",
        &[
            "spies-and-saboteurs",
            "draft-avoidance-not-grounds",
            "frontline-states-distrust",
            "reception-capacity-strained",
            "numbers-are-absorbable",
            "hastens-end-of-war",
        ],
        Undec,
    ),
    claim(
        "classroom",
        20,
        "both theses are contested too",
        &["asylum-for-soldiers", "asylum-for-draft-fleers"],
        Undec,
    ),
    // for-side
    claim(
        "for-side",
        1,
        "No source disputes it, and it stands",
        &["surrender-is-contagious"],
        In,
    ),
    claim(
        "for-side",
        2,
        "All of this stands in the map",
        &[
            "will-not-bodies-wins-wars",
            "live-losses-cost-more",
            "disciplined-armies-take-prisoners",
            "mass-surrender-ended-ww1",
        ],
        In,
    ),
    claim(
        "for-side",
        3,
        "This point stands",
        &["morale-already-low"],
        In,
    ),
    claim(
        "for-side",
        4,
        "The claim stands only because nothing in the map answers it",
        &["many-would-defect"],
        In,
    ),
    claim(
        "for-side",
        4,
        "in the map that point falls",
        &["desertion-is-widespread"],
        Out,
    ),
    claim(
        "for-side",
        5,
        "the map leaves this exchange contested",
        &["only-the-west-is-safe", "assassins-follow-defectors"],
        Undec,
    ),
    claim(
        "for-side",
        6,
        "The map marks this contested",
        &["fleers-are-enemy-soldiers"],
        Undec,
    ),
    claim(
        "for-side",
        7,
        "Both points stand",
        &["brain-drain-hurts-russia", "emigration-defeats-war-aim"],
        In,
    ),
    claim(
        "for-side",
        8,
        "The map marks this exchange contested, and with it the claim that the policy is cheap",
        &[
            "hosts-gain-skilled-workers",
            "integration-costs",
            "low-cost-policy",
        ],
        Undec,
    ),
    claim(
        "for-side",
        9,
        "That exchange is contested",
        &["putin-has-other-routes", "agents-hide-in-numbers"],
        Undec,
    ),
    claim(
        "for-side",
        10,
        "so this stays contested",
        &[
            "refusing-aggression-not-shirking",
            "draft-avoidance-not-grounds",
        ],
        Undec,
    ),
    claim(
        "for-side",
        11,
        "the map leaves this contested",
        &["coalition-of-the-willing", "frontline-states-hold-routes"],
        Undec,
    ),
    sources_only(claim(
        "for-side",
        11,
        "On the articles alone, with the map's analysis switched off, the distrust objection falls",
        &["frontline-states-distrust"],
        Out,
    )),
    claim(
        "for-side",
        12,
        "The map marks the question of scale contested",
        &["numbers-are-absorbable"],
        Undec,
    ),
    claim(
        "for-side",
        13,
        "The map leaves this contested",
        &["hastens-end-of-war"],
        Undec,
    ),
    claim(
        "for-side",
        14,
        "It stands only because nothing in the map answers it",
        &["exodus-can-topple-regime"],
        In,
    ),
    // against-side
    claim(
        "against-side",
        1,
        "This point is contested, not defeated",
        &["spies-and-saboteurs"],
        Undec,
    ),
    claim(
        "against-side",
        2,
        "The exchange is contested",
        &["agents-hide-in-numbers", "putin-has-other-routes"],
        Undec,
    ),
    claim(
        "against-side",
        3,
        "the map leaves this contested",
        &["frontline-states-distrust"],
        Undec,
    ),
    sources_only(claim(
        "against-side",
        3,
        "on the articles alone the objection falls",
        &["frontline-states-distrust"],
        Out,
    )),
    claim(
        "against-side",
        4,
        "The map leaves this contested",
        &["irredentist-minorities"],
        Undec,
    ),
    claim(
        "against-side",
        5,
        "The map leaves it contested",
        &["draft-avoidance-not-grounds"],
        Undec,
    ),
    claim(
        "against-side",
        6,
        "the persecution reply is contested, not defeated",
        &["punishment-is-persecution"],
        Undec,
    ),
    claim(
        "against-side",
        7,
        "the map leaves this contested",
        &["integration-costs", "arrivals-can-work"],
        Undec,
    ),
    claim(
        "against-side",
        8,
        "the map marks this contested",
        &["reception-capacity-strained", "europe-absorbed-millions"],
        Undec,
    ),
    claim(
        "against-side",
        9,
        "The map marks this contested",
        &["flow-larger-than-estimated"],
        Undec,
    ),
    claim(
        "against-side",
        10,
        "the map leaves this contested",
        &["regime-fights-on-regardless", "unwilling-armies-fail"],
        Undec,
    ),
    claim(
        "against-side",
        11,
        "the map leaves this contested",
        &["men-to-spare", "reserve-wants-out"],
        Undec,
    ),
    claim(
        "against-side",
        12,
        "leaves it contested",
        &["testimony-in-custody", "accounts-agree"],
        Undec,
    ),
    claim(
        "against-side",
        12,
        "the claim of widespread desertion falls",
        &["desertion-is-widespread"],
        Out,
    ),
    claim(
        "against-side",
        13,
        "the map leaves this exchange contested",
        &["assassins-follow-defectors", "murders-backfired"],
        Undec,
    ),
    claim(
        "against-side",
        14,
        "routes out are closing falls",
        &["exits-are-closing"],
        Out,
    ),
    claim(
        "against-side",
        14,
        "The map's complicity objection falls too",
        &["complicit-in-invasion"],
        Out,
    ),
];

fn builtin() -> Graph {
    agon::graph::builtin()
        .expect("the built-in debate loads")
        .graph
}

fn labels(graph: &Graph, map: Map) -> Evaluation {
    let mut eval = Evaluation::new(graph);
    if map == Map::SourcesOnly {
        suspend_analysis(graph, &mut eval);
    }
    eval
}

/// Byte ranges of the whole-word label words in `text`.
fn label_words(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric() || c == '\'', start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = text[s..i].to_lowercase();
                if LABEL_WORDS.contains(&word.as_str()) {
                    found.push((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// Evidence labelled out with no standing evidence among its attackers:
/// a verbatim quote defeated by an argument rather than by a source.
fn evidence_falling_without_evidence(graph: &Graph, eval: &Evaluation) -> Vec<String> {
    graph
        .indices()
        .filter(|&ix| graph.node(ix).kind == Kind::Evidence && !eval.is_suspended(ix))
        .filter(|&ix| eval.label(ix) == Label::Out)
        .filter(|&ix| {
            !graph
                .attackers(ix)
                .iter()
                .any(|&a| graph.node(a).kind == Kind::Evidence && eval.label(a) == Label::In)
        })
        .map(|ix| graph.node(ix).id.clone())
        .collect()
}

#[test]
fn no_evidence_falls_unless_other_evidence_contradicts_it() {
    let g = builtin();
    for map in [Map::Whole, Map::SourcesOnly] {
        let bad = evidence_falling_without_evidence(&g, &labels(&g, map));
        assert!(
            bad.is_empty(),
            "{map:?}: evidence falls to no evidence: {bad:?}"
        );
    }
}

#[test]
fn the_evidence_rule_catches_a_rebuttal_that_defeats_a_quote() {
    let text = r#"Debate(title: "t", sources: [Source(id: "s", title: "S")], nodes: [
        Node(id: "t", kind: Thesis, title: "T"),
        Node(id: "c", kind: Claim, title: "C", supports: ["t"]),
        Node(id: "e", kind: Evidence, title: "E", quote: "q", source: "s", supports: ["c"]),
        Node(id: "f", kind: Evidence, title: "F", quote: "r", source: "s", supports: ["c"], attacks: ["g"]),
        Node(id: "g", kind: Evidence, title: "G", quote: "p", source: "s", supports: ["c"]),
        Node(id: "r", kind: Rebuttal, title: "R", attacks: ["e"]),
    ])"#;
    let g = load_str("t.ron", text).expect("loads").graph;
    let bad = evidence_falling_without_evidence(&g, &labels(&g, Map::Whole));
    // `e` falls to a rebuttal; `g` falls to evidence, which is a source conflict.
    assert_eq!(bad, vec!["e".to_string()]);
}

#[test]
fn every_label_the_tours_state_agrees_with_the_labels() {
    let g = builtin();
    let whole = labels(&g, Map::Whole);
    let sources = labels(&g, Map::SourcesOnly);
    let mut failures = Vec::new();
    for c in CLAIMS {
        let Some(tour) = g.tours.iter().find(|t| t.id == c.tour) else {
            failures.push(format!("no tour {:?}", c.tour));
            continue;
        };
        let Some(step) = tour.steps.get(c.step.wrapping_sub(1)) else {
            failures.push(format!("{} has no step {}", c.tour, c.step));
            continue;
        };
        if !step.say.contains(c.phrase) {
            failures.push(format!(
                "{} step {}: no phrase {:?}",
                c.tour, c.step, c.phrase
            ));
        }
        let eval = if c.map == Map::Whole {
            &whole
        } else {
            &sources
        };
        for id in c.nodes {
            match g.by_id(id) {
                None => failures.push(format!("{} step {}: no node {id}", c.tour, c.step)),
                Some(ix) if eval.label(ix) != c.label => failures.push(format!(
                    "{} step {}: {:?} says {id} is {}, but on the {:?} map it is {}",
                    c.tour,
                    c.step,
                    c.phrase,
                    c.label.name(),
                    c.map,
                    eval.label(ix).name()
                )),
                Some(_) => {}
            }
        }
    }
    assert!(
        failures.is_empty(),
        "narration and labels disagree:\n  {}",
        failures.join("\n  ")
    );
}

#[test]
fn every_label_word_in_the_narration_is_a_registered_claim() {
    let g = builtin();
    let mut failures = Vec::new();
    for tour in &g.tours {
        for (i, step) in tour.steps.iter().enumerate() {
            let phrases: Vec<(usize, usize)> = CLAIMS
                .iter()
                .filter(|c| c.tour == tour.id && c.step == i + 1)
                .flat_map(|c| {
                    step.say
                        .match_indices(c.phrase)
                        .map(|(at, p)| (at, at + p.len()))
                        .collect::<Vec<_>>()
                })
                .collect();
            for (s, e) in label_words(&step.say) {
                if !phrases.iter().any(|&(ps, pe)| ps <= s && e <= pe) {
                    failures.push(format!(
                        "{} step {}: {:?} states a label no claim registers",
                        tour.id,
                        i + 1,
                        &step.say[s..e]
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "unregistered label words:\n  {}",
        failures.join("\n  ")
    );
}

#[test]
fn label_words_are_found_as_whole_words() {
    let words = |t: &str| -> Vec<String> {
        label_words(t)
            .into_iter()
            .map(|(s, e)| t[s..e].to_string())
            .collect()
    };
    assert_eq!(words("It stands; the rest Falls."), ["stands", "Falls"]);
    assert!(words("outstanding fallen standard").is_empty());
}
