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

#[test]
fn a_footnote_longer_than_a_title_is_kept_whole() {
    let url = format!("https://example.org/{}", "a".repeat(650));
    let text = format!(
        "Discussion Title: Long notes\n\n1. Thesis cites [1].\n1.1. Pro: Reason.\n\nSources:\n[1] {url}\n"
    );
    let l = load(Kialo, &text).expect("a long footnote is not an error");
    let source = &l.graph.sources[0];
    assert_eq!(source.url.as_deref(), Some(url.as_str()));
    assert!(source.title.chars().count() <= agon::graph::MAX_TITLE_CHARS);
    assert!(text_of(&l.graph, "Thesis cites [1].").contains(&url));
}

fn chain(links: usize, looped: bool) -> String {
    // 1.1 is the claim; 1.2 … link each to the next, the last to 1.1 (or,
    // looped, to the first link).
    let mut text = String::from("Discussion Title: Chains\n\n1. Thesis.\n1.1. Pro: Claim.\n");
    for k in 0..links {
        let target = if k + 1 < links {
            format!("1.{}", k + 3)
        } else if looped {
            "1.2".to_string()
        } else {
            "1.1".to_string()
        };
        text.push_str(&format!("1.{}. Pro: -> See {target}.\n", k + 2));
    }
    text
}

#[test]
fn link_chains_of_any_length_resolve_and_loops_are_still_reported() {
    for links in [68, 5000] {
        let l = load(Kialo, &chain(links, false));
        assert!(l.is_ok(), "a chain of {links} links is valid");
        assert_eq!(l.map(|l| l.graph.len()).ok(), Some(2));
    }
    let errors = errors_of(Kialo, &chain(68, true));
    assert!(
        errors.iter().any(|d| d.message.contains("loop")),
        "{errors:?}"
    );
}

#[test]
fn runs_of_brackets_read_in_linear_time() {
    // Read quadratically, 90,000 brackets would take a scan of the rest of
    // the line per bracket: billions of steps, so the suite would stall.
    for run in ["[", "[x](", "[]"] {
        let body = run.repeat(90_000 / run.len());
        let text = format!("Discussion Title: Runs\n\n1. {body}\n");
        let l = load(Kialo, &text);
        assert!(l.is_ok(), "brackets are text");
        assert_eq!(l.map(|l| l.graph.len()).ok(), Some(1));
    }
}

#[test]
fn a_claim_longer_than_agon_keeps_is_cut_with_a_warning_on_its_line() {
    let long = "word ".repeat(30_000);
    let text = format!("Discussion Title: Long\n\n1. Thesis.\n1.1. Pro: {long}\n");
    let l = load(Kialo, &text);
    assert!(l.is_ok(), "a long claim is not an error");
    let l = l.unwrap_or_else(|_| unreachable!());
    assert_eq!(lines(&l.warnings), vec![4]);
    let n = l.graph.node(by_title(&l.graph, "Thesis."));
    assert_eq!(n.title, "Thesis.");
    let cut = l
        .graph
        .indices()
        .map(|ix| l.graph.node(ix))
        .find(|n| n.title != "Thesis.");
    let cut_len = cut.and_then(|n| n.text.as_ref()).map(|t| t.chars().count());
    assert_eq!(cut_len, Some(agon::graph::MAX_TEXT_CHARS));
}
