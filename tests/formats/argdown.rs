use agon::formats::InputFormat::Argdown;

use super::*;

#[test]
fn every_construct_of_the_subset_is_read() {
    let l = load_fixture("argdown-all.argdown");
    let g = &l.graph;
    assert_eq!(g.title, "Should the school keep a uniform?");
    assert_eq!(
        relations(g),
        BTreeSet::from([
            rel("Equality", "supports", "Uniform"),
            rel("Brands", "attacks", "Equality"),
            rel("Cost", "attacks", "Uniform"),
            rel("Second hand", "attacks", "Cost"),
            rel("Identity", "supports", "Uniform"),
            rel("Expression", "attacks", "Uniform"),
            rel("Expression", "attacks", "Rules"),
            rel("Rules", "attacks", "Expression"),
            rel(
                "Clothing choices distract pupils in class.",
                "supports",
                "A uniform helps learning."
            ),
            rel("Focus premise", "supports", "A uniform helps learning."),
            rel("A uniform helps learning.", "supports", "Uniform"),
            rel("Focus", "supports", "Uniform"),
            rel("Identity", "supports", "Team spirit"),
            rel("Identity", "attacks", "Expression"),
            rel("Identity", "attacks", "Cost"),
            rel("Cost check", "attacks", "Cost"),
            rel("Survey doubt", "attacks", "Cost check"),
        ])
    );
    assert_eq!(
        thesis_titles(g),
        BTreeSet::from(["Uniform".to_string(), "Team spirit".to_string()])
    );
    let uniform = g.node(by_title(g, "Uniform"));
    assert_eq!(
        uniform.text.as_deref(),
        Some("The school should keep its uniform.")
    );
    assert_eq!(uniform.tags, vec!["policy"]);
    assert_eq!(
        g.node(by_title(g, "Equality")).tags,
        vec!["social fairness"]
    );
    assert_eq!(
        text_of(g, "Survey doubt"),
        "The survey asked only a few parents and most were governors."
    );
    // The inference rule `-- and so --` is kept in the argument's text.
    assert_eq!(
        text_of(g, "Focus"),
        "Fewer distractions in class. Inference: and so"
    );
    assert!(l.warnings.is_empty(), "{:#?}", l.warnings);
}

#[test]
fn unsupported_constructs_are_warnings_with_their_lines() {
    let l = load_fixture("argdown-unsupported.argdown");
    // Front matter and data are kept (as the description and as text);
    // an unknown operator and a data block standing alone are not.
    assert_eq!(lines(&l.warnings), vec![7, 10], "{:#?}", l.warnings);
    assert_eq!(l.graph.description.as_deref(), Some("title: Not supported"));
    assert_eq!(
        text_of(&l.graph, "Main"),
        "A claim with data. {color: \"red\"}"
    );
    assert_eq!(
        relations(&l.graph),
        BTreeSet::from([rel("Reason", "supports", "Main")])
    );
}

#[test]
fn explicit_directions_point_the_right_way() {
    let text = "[A]\n  +> [B]\n  -> [C]\n  <+ [D]\n  <- [E]\n  _> <F>\n  <_ [G]\n";
    let g = load(Argdown, text).expect("loads").graph;
    assert_eq!(
        relations(&g),
        BTreeSet::from([
            rel("A", "supports", "B"),
            rel("A", "attacks", "C"),
            rel("D", "supports", "A"),
            rel("E", "attacks", "A"),
            rel("A", "attacks", "F"),
            rel("G", "attacks", "A"),
        ])
    );
}

#[test]
fn every_malformed_line_is_reported_in_one_run() {
    let text = "  + [Orphan]: no parent\n\
                [Unclosed: text\n\
                <Arg>\n\n\
                (1) a premise\n\
                (2) another\n\
                \n\
                [Next]\n\
                /* never closed\n";
    // Line 2's unclosed `[` is text, as Argdown reads it (a warning).
    let errors = errors_of(Argdown, text);
    assert_eq!(lines(&errors), vec![1, 5, 9], "{errors:#?}");
    assert!(errors.iter().all(|e| e.file == "input"));
}

#[test]
fn an_inference_line_must_be_followed_by_a_conclusion() {
    let errors = errors_of(Argdown, "(1) p\n----\n\n[X]: y\n");
    assert_eq!(lines(&errors), vec![2]);
}

#[test]
fn intermediate_conclusions_support_the_next_one() {
    let text = "<A>\n\n(1) p\n----\n(2) q\n(3) r\n----\n(4) s\n";
    let g = load(Argdown, text).expect("loads").graph;
    assert_eq!(
        relations(&g),
        BTreeSet::from([
            rel("p", "supports", "q"),
            rel("q", "supports", "s"),
            rel("r", "supports", "s"),
            rel("A", "supports", "s"),
        ])
    );
}

#[test]
fn windows_line_endings_change_nothing() {
    let unix = fixture("argdown-all.argdown");
    let a = load(Argdown, &unix).expect("unix loads").graph;
    let b = load(Argdown, &unix.replace('\n', "\r\n"))
        .expect("windows loads")
        .graph;
    assert_eq!(b.to_file(), a.to_file());
}

#[test]
fn runs_of_openers_read_in_linear_time() {
    // Read quadratically, each opener would scan the rest of the line:
    // billions of steps for 90,000 of them, and the suite would stall.
    for run in ["[", "<", " #(x", "\\[", "/*["] {
        let body = run.repeat(90_000 / run.len());
        let text = format!("[T]: text {body}\n");
        let _ = load(Argdown, &text);
        let _ = load(Argdown, &body);
    }
}
