use agon::formats::InputFormat::Kialo;
use agon::graph::Kind;

use super::*;

#[test]
fn older_layout_builds_the_tree_with_stances() {
    let l = load_fixture("kialo-old.txt");
    let g = &l.graph;
    assert_eq!(g.title, "Should cities ban cars from their centres?");
    assert_eq!(
        thesis_titles(g),
        BTreeSet::from(["Cities should ban private cars from their centres.".to_string()])
    );
    // 11 numbered claims, two of them links to others.
    assert_eq!(g.len(), 9);
    let r = relations(g);
    assert!(r.contains(&rel(
        "Car-free centres have cleaner air [1].",
        "supports",
        "Cities should ban private cars from their centres."
    )));
    assert!(r.contains(&rel(
        "Air quality also depends on buses and deliveries, which a ban does not touch.",
        "attacks",
        "Car-free centres have cleaner air [1]."
    )));
    assert_eq!(r.len(), 10, "{r:#?}");
    for n in &g.nodes {
        assert_ne!(n.kind, Kind::Rebuttal, "Con claims stay claims");
    }
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn a_linked_claim_is_one_node_with_several_parents() {
    let l = load_fixture("kialo-old.txt");
    let g = &l.graph;
    let madrid = by_title(
        g,
        "Madrid's central low-emission zone cut nitrogen dioxide sharply [2].",
    );
    let parents: BTreeSet<String> = g
        .parents(madrid)
        .map(|(p, _)| g.node(p).title.clone())
        .collect();
    assert_eq!(
        parents,
        BTreeSet::from([
            "Car-free centres have cleaner air [1].".to_string(),
            "Pedestrian streets bring more customers to local shops.".to_string(),
        ])
    );
    // A Pro link makes the linked Con claim support the link's parent.
    let mobility = by_title(
        g,
        "A ban hurts people with reduced mobility (who need door-to-door transport).",
    );
    let rels: Vec<_> = g.parents(mobility).collect();
    assert_eq!(rels.len(), 2, "{rels:?}");
    assert!(rels.contains(&(
        by_title(
            g,
            "Residents would need permits [as in zone A] to reach their own homes."
        ),
        agon::graph::Relation::Supports
    )));
    assert!(!g.nodes.iter().any(|n| n.title.contains("See 1.")));
}

#[test]
fn footnotes_become_sources_named_in_the_citing_text() {
    let g = load_fixture("kialo-old.txt").graph;
    assert_eq!(g.sources.len(), 2);
    let air = g.source("source-1").expect("source 1");
    assert_eq!(air.title, "https://example.org/air-quality-study");
    assert_eq!(
        air.url.as_deref(),
        Some("https://example.org/air-quality-study")
    );
    assert_eq!(
        text_of(&g, "Car-free centres have cleaner air [1]."),
        "Sources: [1] https://example.org/air-quality-study"
    );
}

#[test]
fn escapes_are_undone_and_markdown_links_spelled_out() {
    let g = load_fixture("kialo-old.txt").graph;
    assert!(titles(&g).contains(
        "Exemptions for disabled drivers are standard in every scheme *so far*, see the survey (https://example.org/survey_2020)."
    ));
    assert!(
        titles(&g)
            .contains("Residents would need permits [as in zone A] to reach their own homes.")
    );
}

#[test]
fn newer_layout_with_a_question_has_several_theses() {
    let l = load_fixture("kialo-new.txt");
    let g = &l.graph;
    assert_eq!(
        g.title,
        "What should the town do with the old railway line?"
    );
    assert_eq!(
        g.question.as_deref(),
        Some("What should the town do with the old railway line?")
    );
    assert_eq!(
        thesis_titles(g),
        BTreeSet::from([
            "Turn it into a cycle path.".to_string(),
            "Reopen it for trains.".to_string()
        ])
    );
    let r = relations(g);
    assert!(r.contains(&rel(
        "The track bed needs drainage work first.",
        "attacks",
        "Reopen it for trains."
    )));
    assert!(r.contains(&rel(
        "The track bed needs drainage work first.",
        "attacks",
        "A cycle path is cheap to build on an existing flat track bed [1]."
    )));
    assert!(titles(g).contains(
        "Rail jobs would return to the town. Both the depot and the signal box would reopen."
    ));
    assert_eq!(r.len(), 6, "{r:#?}");
    assert_eq!(
        kind_of(g, "Cyclists would cross two busy roads."),
        Kind::Claim
    );
}

#[test]
fn ids_are_readable_slugs_and_unique() {
    let text =
        "Discussion Title: T\n\n1. Same words\n1.1. Pro: Same words\n1.2. Con: Same words!\n";
    let g = load(Kialo, text).expect("loads").graph;
    let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["same-words", "same-words-2", "same-words-3"]);
}

#[test]
fn every_structural_problem_is_reported_with_its_line() {
    let text = "Discussion Title: Broken\n\n\
                1. Root\n\
                1.1. Pro: fine\n\
                1.1. Con: numbered twice\n\
                1.3.1. Pro: parent 1.3 missing\n\
                1.4. Con: -> See 1.9.\n\
                1.5. Pro:\n";
    let errors = errors_of(Kialo, text);
    assert_eq!(lines(&errors), vec![5, 6, 7, 8], "{errors:#?}");
    assert!(errors.iter().all(|e| e.file == "input" && e.pos.col == 1));
    assert!(errors[2].message.contains("1.9"), "{}", errors[2].message);
}

#[test]
fn a_file_without_the_header_is_refused_at_line_one() {
    let errors = errors_of(Kialo, "Just some notes\n1. not kialo\n");
    assert_eq!(lines(&errors), vec![1]);
    assert!(errors[0].message.contains("Discussion Title"));
}

#[test]
fn a_link_that_closes_a_cycle_of_supports_is_an_error_on_the_cycle() {
    let text =
        "Discussion Title: T\n\n1. Root\n1.1. Pro: A\n1.1.1. Pro: B\n1.1.1.1. Pro: -> See 1.1.\n";
    let errors = errors_of(Kialo, text);
    // Reported at one of the two claims whose supports close the cycle.
    assert!(
        errors
            .iter()
            .any(|e| matches!(e.pos.line, 5 | 6) && e.message.contains("cycle")),
        "{errors:#?}"
    );
}

#[test]
fn an_export_without_claims_says_so() {
    let errors = errors_of(Kialo, "Discussion Title: T\n\n");
    assert!(
        errors.iter().any(|e| e.message.contains("no claims")),
        "{errors:#?}"
    );
    assert!(errors.iter().all(|e| e.pos.line <= 3));
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_change_nothing() {
    for name in ["kialo-old.txt", "kialo-new.txt"] {
        let unix = fixture(name);
        let windows = format!("\u{feff}{}", unix.replace('\n', "\r\n"));
        let a = load(Kialo, &unix).expect("unix loads").graph;
        let b = load(Kialo, &windows).expect("windows loads").graph;
        assert_eq!(b.to_file(), a.to_file(), "{name}");
    }
}
