//! One test per rule of data/README.md's "Rules" section: each problem is
//! found, its message names the offending id, and it is placed at the line
//! and column where the offending text is written.

mod common;

use common::readme_example;

use agon::graph::{Diagnostic, Kind, Severity, load_str};

/// A debate with a thesis `"thesis"` and a source `"paper"`, plus the given
/// lines in each list. Each test writes the problem it is about into one of them.
fn debate(sources: &str, nodes: &str, tours: &str) -> String {
    format!(
        r#"Debate(
    title: "Rules",
    sources: [
        Source(id: "paper", title: "A paper"),
{sources}    ],
    nodes: [
        Node(id: "thesis", kind: Thesis, title: "The thesis"),
        Node(id: "claim", kind: Claim, title: "A claim", supports: ["thesis"]),
{nodes}    ],
    tours: [
        Tour(id: "walk", title: "A walk", steps: [Step(node: "thesis", say: "Here.")]),
{tours}    ],
)
"#
    )
}

fn nodes(lines: &str) -> String {
    debate("", lines, "")
}

/// Line and column (in characters) of the `nth` (0-based) occurrence of `needle`,
/// counted here independently of the library.
#[track_caller]
fn at_nth(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (offset, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} occurs fewer than {} times", nth + 1));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

/// Line and column of `needle`, which must occur exactly once.
#[track_caller]
fn at(text: &str, needle: &str) -> (usize, usize) {
    assert_eq!(
        text.matches(needle).count(),
        1,
        "{needle:?} must occur once in the test file"
    );
    at_nth(text, needle, 0)
}

/// Line and column of `inner` where it first occurs inside `context`, which
/// must occur exactly once: places a short needle that repeats in the file.
#[track_caller]
fn at_within(text: &str, context: &str, inner: &str) -> (usize, usize) {
    let (line, col) = at(text, context);
    let before = &context[..context.find(inner).expect("inner is inside context")];
    assert!(
        !before.contains('\n'),
        "keep inner on the context's first line"
    );
    (line, col + before.chars().count())
}

#[track_caller]
fn errors(text: &str) -> Vec<Diagnostic> {
    match load_str("t.ron", text) {
        Ok(_) => panic!("expected errors, the file loaded:\n{text}"),
        Err(d) => d,
    }
}

#[track_caller]
fn warnings(text: &str) -> Vec<Diagnostic> {
    match load_str("t.ron", text) {
        Ok(l) => l.warnings,
        Err(d) => panic!("expected the file to load, got:\n{}", render(&d)),
    }
}

fn render(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts `diags` is exactly one problem of `severity` at `pos` whose
/// message contains every one of `words`.
#[track_caller]
fn one(diags: &[Diagnostic], severity: Severity, pos: (usize, usize), words: &[&str]) {
    assert_eq!(
        diags.len(),
        1,
        "expected one problem, got:\n{}",
        render(diags)
    );
    has(&diags[0], severity, pos, words);
}

#[track_caller]
fn has(d: &Diagnostic, severity: Severity, pos: (usize, usize), words: &[&str]) {
    assert_eq!(d.severity, severity, "{d}");
    assert_eq!((d.pos.line, d.pos.col), pos, "wrong place: {d}");
    assert_eq!(d.file, "t.ron");
    for w in words {
        assert!(d.message.contains(w), "message lacks {w:?}: {d}");
    }
}

use Severity::{Error, Warning};

// ---------------------------------------------------------------- the base

#[test]
fn the_readme_example_loads_with_no_errors_and_no_warnings() {
    let loaded = load_str("README.md", &readme_example()).unwrap_or_else(|d| {
        panic!("{}", render(&d));
    });
    assert!(loaded.warnings.is_empty(), "{}", render(&loaded.warnings));
    let g = &loaded.graph;
    assert_eq!(g.len(), 5);
    assert_eq!(g.relation_count(), 4);
    assert_eq!(g.count_kind(Kind::Thesis), 1);
    assert_eq!(g.sources.len(), 1);
    assert_eq!(g.tours.len(), 1);
}

#[test]
fn the_test_template_itself_is_valid() {
    // Every test below adds one problem to this file; it must have none of its own.
    assert!(warnings(&debate("", "", "")).is_empty());
}

#[test]
fn the_built_in_debate_has_no_errors_and_no_warnings() {
    let loaded = agon::graph::builtin().unwrap_or_else(|d| panic!("{}", render(&d)));
    assert!(loaded.warnings.is_empty(), "{}", render(&loaded.warnings));
}

/// A rule of the format broken once in an otherwise valid file.
struct Rule {
    /// What the rule is, as a test name would say it.
    name: &'static str,
    text: String,
    severity: Severity,
    /// Where the problem is written, found in `text` by the test.
    place: fn(&str) -> (usize, usize),
    /// Words the message must contain.
    words: &'static [&'static str],
}

/// The rules whose breach is one problem: each file must give exactly that
/// problem, of that severity, at that place, with those words.
fn single_problem_rules() -> Vec<Rule> {
    vec![
        Rule {
            name: "a_missing_comma_is_placed_at_the_token_after_it",
            text: nodes(
                "        Node(id: \"c2\", kind: Claim, title: \"C\" supports: [\"thesis\"]),\n",
            ),
            severity: Error,
            place: |text| at(text, "supports: [\"thesis\"]),\n    ]"),
            words: &["comma"],
        },
        Rule {
            name: "an_unknown_kind_names_the_kinds_allowed",
            text: nodes(
                "        Node(id: \"c2\", kind: Thesys, title: \"C\", supports: [\"thesis\"]),\n",
            ),
            severity: Error,
            place: |text| at(text, "Thesys"),
            words: &["Thesys", "Thesis", "Claim", "Evidence", "Rebuttal"],
        },
        Rule {
            name: "an_unknown_basis_names_the_bases_allowed",
            text: nodes(
                "        Node(id: \"e\", kind: Evidence, title: \"E\", quote: \"q\", source: \"paper\", basis: Rumour, supports: [\"claim\"]),\n",
            ),
            severity: Error,
            place: |text| at(text, "Rumour"),
            words: &["Rumour", "Statistic", "ExpertOpinion"],
        },
        Rule {
            name: "an_unknown_field_suggests_the_nearest_and_lists_the_allowed",
            text: nodes(
                "        Node(id: \"c2\", kind: Claim, titel: \"C\", supports: [\"thesis\"]),\n",
            ),
            severity: Error,
            place: |text| at(text, "titel"),
            words: &[
                "`titel`",
                "did you mean `title`",
                "id, kind, title, text, tags, supports, attacks, quote, source, locator, basis",
            ],
        },
        Rule {
            name: "an_empty_node_id_is_an_error",
            text: nodes(
                "        Node(id: \"\", kind: Claim, title: \"C\", supports: [\"thesis\"]),\n",
            ),
            severity: Error,
            place: |text| at(text, "\"\""),
            words: &["id is empty"],
        },
        Rule {
            name: "a_blank_node_id_is_an_error",
            text: nodes(
                "        Node(id: \"  \", kind: Claim, title: \"C\", supports: [\"thesis\"]),\n",
            ),
            severity: Error,
            place: |text| at(text, "\"  \""),
            words: &["id is empty"],
        },
        Rule {
            name: "an_empty_source_id_is_an_error",
            text: debate("        Source(id: \"\", title: \"S\"),\n", "", ""),
            severity: Error,
            place: |text| at(text, "\"\""),
            words: &["source", "id is empty"],
        },
        Rule {
            name: "an_empty_tour_id_is_an_error",
            text: debate(
                "",
                "",
                "        Tour(id: \"\", title: \"T\", steps: [Step(node: \"claim\", say: \"S\")]),\n",
            ),
            severity: Error,
            place: |text| at(text, "\"\""),
            words: &["tour", "id is empty"],
        },
        Rule {
            name: "a_duplicate_node_id_is_placed_at_its_second_use",
            text: nodes(
                "        Node(id: \"claim\", kind: Claim, title: \"Again\", supports: [\"thesis\"]),\n",
            ),
            severity: Error,
            place: |text| at_nth(text, "\"claim\"", 1),
            words: &["duplicate", "\"claim\""],
        },
        Rule {
            name: "a_duplicate_source_id_is_placed_at_its_second_use",
            text: debate("        Source(id: \"paper\", title: \"Again\"),\n", "", ""),
            severity: Error,
            place: |text| at_nth(text, "\"paper\"", 1),
            words: &["duplicate", "\"paper\""],
        },
        Rule {
            name: "a_duplicate_tour_id_is_placed_at_its_second_use",
            text: debate(
                "",
                "",
                "        Tour(id: \"walk\", title: \"Again\", steps: [Step(node: \"claim\", say: \"S\")]),\n",
            ),
            severity: Error,
            place: |text| at_nth(text, "\"walk\"", 1),
            words: &["duplicate", "\"walk\""],
        },
        Rule {
            name: "supports_naming_no_node_suggests_the_nearest_id",
            text: nodes(
                "        Node(id: \"c2\", kind: Claim, title: \"C\", supports: [\"thesys\"]),\n",
            ),
            severity: Error,
            place: |text| at(text, "\"thesys\""),
            words: &[
                "\"c2\"",
                "unknown node \"thesys\"",
                "did you mean \"thesis\"",
            ],
        },
        Rule {
            name: "attacks_naming_no_node_suggests_the_nearest_id",
            text: nodes(
                "        Node(id: \"c2\", kind: Claim, title: \"C\", attacks: [\"thesis\", \"clam\"]),\n",
            ),
            severity: Error,
            place: |text| at(text, "\"clam\""),
            words: &["\"c2\"", "unknown node \"clam\"", "did you mean \"claim\""],
        },
        Rule {
            name: "a_source_naming_no_source_suggests_the_nearest_id",
            text: nodes(
                "        Node(id: \"e\", kind: Evidence, title: \"E\", quote: \"q\", source: \"papr\", supports: [\"claim\"]),\n",
            ),
            severity: Error,
            place: |text| at(text, "\"papr\""),
            words: &["\"e\"", "unknown source \"papr\"", "did you mean \"paper\""],
        },
        Rule {
            name: "a_tour_step_naming_no_node_suggests_the_nearest_id",
            text: debate(
                "",
                "",
                "        Tour(id: \"w2\", title: \"T\", steps: [Step(node: \"thesis\", say: \"a\"), Step(node: \"claims\", say: \"b\")]),\n",
            ),
            severity: Error,
            place: |text| at(text, "\"claims\""),
            words: &[
                "\"w2\"",
                "unknown node \"claims\"",
                "did you mean \"claim\"",
            ],
        },
        Rule {
            name: "a_node_that_supports_itself_is_an_error",
            text: nodes(
                "        Node(id: \"c2\", kind: Claim, title: \"C\", supports: [\"thesis\", \"c2\"]),\n",
            ),
            severity: Error,
            place: |text| at_nth(text, "\"c2\"", 1),
            words: &["\"c2\" supports itself"],
        },
        Rule {
            name: "a_node_that_attacks_itself_is_a_warning",
            text: nodes(
                "        Node(id: \"c2\", kind: Claim, title: \"C\", attacks: [\"c2\", \"thesis\"]),\n",
            ),
            severity: Warning,
            place: |text| at_nth(text, "\"c2\"", 1),
            words: &["\"c2\" attacks itself"],
        },
        Rule {
            name: "a_node_may_not_both_support_and_attack_one_node",
            text: nodes(
                "        Node(id: \"c2\", kind: Claim, title: \"C\", supports: [\"claim\"], attacks: [\"claim\"]),\n",
            ),
            severity: Error,
            place: |text| at_within(text, "attacks: [\"claim\"]", "\"claim\""),
            words: &["\"c2\"", "both supports and attacks \"claim\""],
        },
        Rule {
            name: "a_thesis_that_supports_a_node_is_an_error",
            text: nodes(
                "        Node(id: \"t2\", kind: Thesis, title: \"T\", supports: [\"claim\"]),\n",
            ),
            severity: Error,
            place: |text| at(text, "[\"claim\"]"),
            words: &["thesis \"t2\"", "supports or attacks"],
        },
        Rule {
            name: "a_thesis_that_attacks_a_node_is_an_error",
            text: nodes(
                "        Node(id: \"t2\", kind: Thesis, title: \"T\", attacks: [\"thesis\"]),\n",
            ),
            severity: Error,
            place: |text| at(text, "[\"thesis\"]),\n    ]"),
            words: &["thesis \"t2\"", "supports or attacks"],
        },
        Rule {
            name: "a_rebuttal_that_attacks_nothing_is_an_error",
            text: nodes(
                "        Node(id: \"r\", kind: Rebuttal, title: \"R\", supports: [\"claim\"]),\n",
            ),
            severity: Error,
            place: |text| at(text, "\"r\""),
            words: &["rebuttal \"r\" attacks nothing"],
        },
        Rule {
            name: "a_rebuttal_that_attacks_a_thesis_is_an_error",
            text: nodes(
                "        Node(id: \"r\", kind: Rebuttal, title: \"R\", attacks: [\"claim\", \"thesis\"]),\n",
            ),
            severity: Error,
            place: |text| at_within(text, "[\"claim\", \"thesis\"]", "\"thesis\""),
            words: &["rebuttal \"r\" attacks thesis \"thesis\""],
        },
        Rule {
            name: "evidence_with_no_quote_is_a_warning",
            text: nodes(
                "        Node(id: \"e\", kind: Evidence, title: \"E\", source: \"paper\", supports: [\"claim\"]),\n",
            ),
            severity: Warning,
            place: |text| at(text, "\"e\""),
            words: &["\"e\"", "no quote"],
        },
        Rule {
            name: "evidence_with_a_quote_but_no_source_is_a_warning",
            text: nodes(
                "        Node(id: \"e\", kind: Evidence, title: \"E\", quote: \"Words.\", supports: [\"claim\"]),\n",
            ),
            severity: Warning,
            place: |text| at(text, "\"Words.\""),
            words: &["\"e\"", "no source"],
        },
    ]
}

#[test]
fn each_rule_broken_alone_gives_one_problem_placed_and_named() {
    for rule in single_problem_rules() {
        // Names the failing rule in the test's output.
        println!("rule: {}", rule.name);
        let diags = match rule.severity {
            Error => errors(&rule.text),
            Warning => warnings(&rule.text),
        };
        one(&diags, rule.severity, (rule.place)(&rule.text), rule.words);
    }
}

// ------------------------------------------------- RON syntax and types

#[test]
fn a_wrong_type_is_placed_at_the_value_not_the_blank_before_it() {
    let text = nodes("        Node(id: \"c2\", kind: Claim, title: 42),\n");
    one(&errors(&text), Error, at(&text, "42"), &["string"]);
    // And after a comment between the colon and the value.
    let text = nodes("        Node(id: \"c2\", kind: Claim, title: /* x */ 42),\n");
    one(&errors(&text), Error, at(&text, "42"), &["string"]);
}

#[test]
fn a_missing_required_field_is_named() {
    let text = nodes("        Node(id: \"c2\", kind: Claim, supports: [\"thesis\"]),\n");
    let d = errors(&text);
    assert_eq!(d.len(), 1, "{}", render(&d));
    assert!(d[0].message.contains("`title`"), "{}", d[0]);
    // ron notices at the end of the node, where the field should have been.
    assert_eq!(
        (d[0].pos.line, d[0].pos.col),
        at_within(&text, "[\"thesis\"]),\n    ]", ")"),
        "{}",
        d[0]
    );
}

#[test]
fn a_syntax_error_quotes_its_line_with_a_caret_under_the_column() {
    let text = "Debate(\n    title: \"x\",\n    nodes: [Node(id: \"a\", kind: Thesis, title: \"A\") Node],\n)\n";
    let d = errors(text);
    assert_eq!(d.len(), 1, "{}", render(&d));
    let shown = d[0].to_string();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 3, "{shown}");
    assert!(lines[0].starts_with("t.ron:3:53: error: "), "{shown}");
    assert_eq!(
        lines[1],
        "    |     nodes: [Node(id: \"a\", kind: Thesis, title: \"A\") Node],"
    );
    assert_eq!(lines[2], format!("    | {}^", " ".repeat(52)));
}

#[test]
fn a_caret_lines_up_under_wide_characters() {
    // Each of the four CJK characters is two cells wide but one column.
    let text = "Debate(\n    title: \"日本語題\", nodes: 5,\n)\n";
    let d = errors(text);
    assert_eq!(d.len(), 1, "{}", render(&d));
    let (line, col) = at(text, "5,");
    assert_eq!((d[0].pos.line, d[0].pos.col), (line, col));
    assert_eq!(col, 27, "columns count characters, not bytes or cells");
    let shown = d[0].to_string();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[1], "    |     title: \"日本語題\", nodes: 5,");
    // 26 characters before the 5, four of them two cells wide: 30 cells.
    assert_eq!(lines[2], format!("    | {}^", " ".repeat(30)));
}

#[test]
fn wide_characters_on_earlier_lines_do_not_shift_the_place_of_an_error() {
    let text = "Debate(\n    title: \"学校の始業時刻を遅らせるべきか\",\n    description: \"短い例\",\n    nodes: [Node(id: \"a\", kind: Thesis, title: \"遅く\")],\n    tours: 3,\n)\n";
    let d = errors(text);
    assert_eq!(d.len(), 1, "{}", render(&d));
    assert_eq!((d[0].pos.line, d[0].pos.col), (5, 12), "{}", d[0]);
    let shown = d[0].to_string();
    let lines: Vec<&str> = shown.lines().collect();
    assert!(lines[0].starts_with("t.ron:5:12: error: "), "{shown}");
    assert_eq!(lines[1], "    |     tours: 3,");
    assert_eq!(lines[2], format!("    | {}^", " ".repeat(11)));
}

#[test]
fn a_type_error_after_wide_characters_on_the_same_line_is_placed_in_characters() {
    let text = nodes(
        "        Node(id: \"c2\", kind: Claim, title: \"主張\", tags: \"健康\", supports: [\"thesis\"]),\n",
    );
    let d = errors(&text);
    one(&d, Error, at(&text, "\"健康\""), &["`[`"]);
    let shown = d[0].to_string();
    let caret_line = shown.lines().nth(2).unwrap();
    let quoted = shown.lines().nth(1).unwrap();
    // The caret sits under the opening quote of "健康", measured in cells.
    let cells_before = agon::text::width(&quoted[..quoted.find("\"健康\"").unwrap()]);
    assert_eq!(caret_line.find('^'), Some(cells_before), "{shown}");
}

// ------------------------------------------------------------ unknown fields

#[test]
fn every_misspelt_field_in_a_file_is_reported_in_one_run() {
    let text = r#"Debate(
    titel: "Fields",
    sources: [Source(id: "s", title: "S", autor: "A")],
    nodes: [
        Node(id: "t", kind: Thesis, title: "T"),
        Node(id: "c", kind: Claim, title: "C", suports: ["t"]),
    ],
    tours: [Tour(id: "w", title: "W", descripton: "D", steps: [Step(node: "t", sya: "S")])],
)
"#;
    let d = errors(text);
    assert_eq!(d.len(), 5, "{}", render(&d));
    let expected = [
        (
            "titel",
            "title",
            "title, description, question, sources, nodes, tours",
        ),
        (
            "autor",
            "author",
            "id, title, outlet, author, date, url, note",
        ),
        (
            "suports",
            "supports",
            "id, kind, title, text, tags, supports, attacks, quote, source, locator, basis",
        ),
        ("descripton", "description", "id, title, description, steps"),
        ("sya", "say", "node, say"),
    ];
    for (diag, (wrong, right, allowed)) in d.iter().zip(expected) {
        has(
            diag,
            Error,
            at(text, wrong),
            &[
                &format!("`{wrong}`"),
                &format!("did you mean `{right}`"),
                &format!("allowed here: {allowed}"),
            ],
        );
    }
}

#[test]
fn an_unknown_field_with_no_near_name_still_lists_the_allowed() {
    let text = nodes(
        "        Node(id: \"c2\", kind: Claim, title: \"C\", zzzzzzzz: 1, supports: [\"thesis\"]),\n",
    );
    let d = errors(&text);
    one(
        &d,
        Error,
        at(&text, "zzzzzzzz"),
        &["`zzzzzzzz`", "allowed here: id, kind"],
    );
    assert!(!d[0].message.contains("did you mean"), "{}", d[0]);
}

// ---------------------------------------------------------------------- ids

#[test]
fn ids_may_repeat_across_nodes_sources_and_tours() {
    // "paper" as a node id and a source id, "walk" as a node and a tour: no clash.
    let text = nodes(
        "        Node(id: \"paper\", kind: Claim, title: \"P\", supports: [\"thesis\"]),\n        Node(id: \"walk\", kind: Claim, title: \"W\", supports: [\"thesis\"]),\n",
    );
    assert!(warnings(&text).is_empty());
}

// ------------------------------------------------------- unknown references

#[test]
fn an_unknown_reference_far_from_every_id_gets_no_suggestion() {
    let text = nodes(
        "        Node(id: \"c2\", kind: Claim, title: \"C\", supports: [\"economy-of-scale\"]),\n",
    );
    let d = errors(&text);
    one(
        &d,
        Error,
        at(&text, "\"economy-of-scale\""),
        &["\"economy-of-scale\""],
    );
    assert!(!d[0].message.contains("did you mean"), "{}", d[0]);
}

// ------------------------------------------------------ self relations, cycles

#[test]
fn a_cycle_of_supports_is_an_error_naming_its_nodes() {
    let text = nodes(
        "        Node(id: \"a\", kind: Claim, title: \"A\", supports: [\"thesis\", \"b\"]),\n        Node(id: \"b\", kind: Claim, title: \"B\", supports: [\"c\"]),\n        Node(id: \"c\", kind: Claim, title: \"C\", supports: [\"a\"]),\n",
    );
    let d = errors(&text);
    assert_eq!(d.len(), 1, "{}", render(&d));
    // The support that closes the loop, c → a, is where the error stands.
    has(
        &d[0],
        Error,
        at_within(&text, "[\"a\"]", "\"a\""),
        &["cycle of supports", "\"a\"", "\"b\"", "\"c\""],
    );
}

#[test]
fn a_cycle_of_two_supports_is_an_error() {
    let text = nodes(
        "        Node(id: \"a\", kind: Claim, title: \"A\", supports: [\"thesis\", \"b\"]),\n        Node(id: \"b\", kind: Claim, title: \"B\", supports: [\"a\"]),\n",
    );
    let d = errors(&text);
    one(
        &d,
        Error,
        at_within(&text, "[\"a\"]", "\"a\""),
        &["cycle of supports", "\"a\" → \"b\" → \"a\""],
    );
}

#[test]
fn cycles_of_attacks_are_allowed() {
    let text = nodes(
        "        Node(id: \"a\", kind: Claim, title: \"A\", attacks: [\"thesis\", \"b\"]),\n        Node(id: \"b\", kind: Claim, title: \"B\", attacks: [\"c\"]),\n        Node(id: \"c\", kind: Rebuttal, title: \"C\", attacks: [\"a\"]),\n        Node(id: \"d\", kind: Rebuttal, title: \"D\", attacks: [\"c\"]),\n        Node(id: \"e\", kind: Rebuttal, title: \"E\", attacks: [\"d\"]),\n        Node(id: \"f\", kind: Claim, title: \"F\", attacks: [\"e\"]),\n",
    );
    let loaded = load_str("t.ron", &text).unwrap_or_else(|d| panic!("{}", render(&d)));
    assert!(loaded.warnings.is_empty(), "{}", render(&loaded.warnings));
    // Mutual attack is a cycle too.
    let text = nodes(
        "        Node(id: \"a\", kind: Claim, title: \"A\", attacks: [\"thesis\", \"b\"]),\n        Node(id: \"b\", kind: Claim, title: \"B\", attacks: [\"a\"], supports: [\"thesis\"]),\n",
    );
    assert!(warnings(&text).is_empty());
}

// ------------------------------------------------------- theses and rebuttals

#[test]
fn a_debate_with_no_thesis_is_a_warning() {
    // Legal (an abstract framework has none), but likely forgotten.
    let text = "Debate(\n    title: \"T\",\n    nodes: [\n        Node(id: \"a\", kind: Claim, title: \"A\"),\n    ],\n)\n";
    one(&warnings(text), Warning, at(text, "[\n"), &["no thesis"]);
}

// ----------------------------------------------------------- evidence fields

#[test]
fn evidence_fields_on_a_node_that_is_not_evidence_are_errors() {
    let text = nodes(
        "        Node(\n            id: \"c2\",\n            kind: Claim,\n            title: \"C\",\n            quote: \"Q\",\n            source: \"paper\",\n            locator: \"p. 1\",\n            basis: Report,\n            supports: [\"thesis\"],\n        ),\n",
    );
    let d = errors(&text);
    assert_eq!(d.len(), 4, "one error per field: {}", render(&d));
    for (diag, (field, value)) in d.iter().zip([
        ("quote", "\"Q\""),
        ("source", "\"paper\",\n            locator"),
        ("locator", "\"p. 1\""),
        ("basis", "Report"),
    ]) {
        has(
            diag,
            Error,
            at(&text, value),
            &[
                &format!("`{field}`"),
                "only allowed on evidence",
                "\"c2\"",
                "claim",
            ],
        );
    }
}

#[test]
fn each_evidence_field_alone_on_a_thesis_or_rebuttal_is_an_error() {
    for (field, value) in [
        ("quote", "\"Q\""),
        ("source", "\"paper\""),
        ("locator", "\"p. 9\""),
        ("basis", "Testimony"),
    ] {
        for (kind, relation) in [("Thesis", ""), ("Rebuttal", ", attacks: [\"claim\"]")] {
            let line = format!(
                "        Node(id: \"x\", kind: {kind}, title: \"X\", {field}: {value}{relation}),\n"
            );
            let text = nodes(&line);
            let (l, _) = at(&text, "id: \"x\"");
            let col = line.find(&format!("{field}: {value}")).unwrap() + field.len() + 3;
            one(
                &errors(&text),
                Error,
                (l, col),
                &[&format!("`{field}`"), "\"x\"", &kind.to_lowercase()],
            );
        }
    }
}

// ------------------------------------------------------------ length limits

#[test]
fn a_node_title_longer_than_500_characters_is_an_error() {
    // Multi-byte characters: the limit counts characters, not bytes.
    let ok = "é".repeat(500);
    let long = "é".repeat(501);
    let text = nodes(&format!(
        "        Node(id: \"c2\", kind: Claim, title: \"{ok}\", supports: [\"thesis\"]),\n"
    ));
    assert!(warnings(&text).is_empty(), "500 characters are allowed");
    let text = nodes(&format!(
        "        Node(id: \"c2\", kind: Claim, title: \"{long}\", supports: [\"thesis\"]),\n"
    ));
    one(
        &errors(&text),
        Error,
        at(&text, &format!("\"{long}\"")),
        &["title", "\"c2\"", "501 characters", "500"],
    );
}

#[test]
fn every_title_has_the_500_character_limit() {
    let long = "x".repeat(501);
    let cases = [
        (
            debate("", "", "").replacen("\"Rules\"", &format!("\"{long}\""), 1),
            "the debate's title",
        ),
        (
            debate(
                &format!("        Source(id: \"s2\", title: \"{long}\"),\n"),
                "",
                "",
            ),
            "source \"s2\"",
        ),
        (
            debate(
                "",
                "",
                &format!(
                    "        Tour(id: \"w2\", title: \"{long}\", steps: [Step(node: \"claim\", say: \"S\")]),\n"
                ),
            ),
            "tour \"w2\"",
        ),
    ];
    for (text, owner) in cases {
        one(
            &errors(&text),
            Error,
            at(&text, &format!("\"{long}\"")),
            &[owner, "title", "501 characters", "limit is 500"],
        );
    }
}

#[test]
fn every_text_has_the_100_000_character_limit() {
    let ok = "y".repeat(100_000);
    let long = "y".repeat(100_001);
    let cases = |v: &str| {
        vec![
            (
                nodes(&format!(
                    "        Node(id: \"c2\", kind: Claim, title: \"C\", text: \"{v}\", supports: [\"thesis\"]),\n"
                )),
                "node \"c2\"",
            ),
            (
                nodes(&format!(
                    "        Node(id: \"e\", kind: Evidence, title: \"E\", quote: \"{v}\", source: \"paper\", supports: [\"claim\"]),\n"
                )),
                "node \"e\"",
            ),
            (
                nodes(&format!(
                    "        Node(id: \"e\", kind: Evidence, title: \"E\", quote: \"q\", source: \"paper\", locator: \"{v}\", supports: [\"claim\"]),\n"
                )),
                "node \"e\"",
            ),
            (
                nodes(&format!(
                    "        Node(id: \"c2\", kind: Claim, title: \"C\", tags: [\"a\", \"{v}\"], supports: [\"thesis\"]),\n"
                )),
                "node \"c2\"",
            ),
            (
                debate("", "", "").replacen(
                    "title: \"Rules\",",
                    &format!("title: \"Rules\", description: \"{v}\","),
                    1,
                ),
                "description",
            ),
            (
                debate("", "", "").replacen(
                    "title: \"Rules\",",
                    &format!("title: \"Rules\", question: \"{v}\","),
                    1,
                ),
                "question",
            ),
            (
                debate(
                    &format!("        Source(id: \"s2\", title: \"S\", note: \"{v}\"),\n"),
                    "",
                    "",
                ),
                "source \"s2\"",
            ),
            (
                debate(
                    &format!("        Source(id: \"s2\", title: \"S\", url: \"{v}\"),\n"),
                    "",
                    "",
                ),
                "source \"s2\"",
            ),
            (
                debate(
                    "",
                    "",
                    &format!(
                        "        Tour(id: \"w2\", title: \"T\", description: \"{v}\", steps: [Step(node: \"claim\", say: \"S\")]),\n"
                    ),
                ),
                "tour \"w2\"",
            ),
            (
                debate(
                    "",
                    "",
                    &format!(
                        "        Tour(id: \"w2\", title: \"T\", steps: [Step(node: \"claim\", say: \"{v}\")]),\n"
                    ),
                ),
                "tour \"w2\"",
            ),
        ]
    };
    for (text, _) in cases(&ok) {
        assert!(
            load_str("t.ron", &text).is_ok(),
            "100,000 characters are allowed"
        );
    }
    for (text, owner) in cases(&long) {
        one(
            &errors(&text),
            Error,
            at(&text, &format!("\"{long}\"")),
            &[owner, "100001 characters", "limit is 100000"],
        );
    }
}

// ------------------------------------------------------------------ warnings

#[test]
fn a_node_that_reaches_no_thesis_is_a_warning() {
    let text = nodes(
        "        Node(id: \"island\", kind: Claim, title: \"I\"),\n        Node(id: \"shore\", kind: Claim, title: \"S\", supports: [\"island\"]),\n",
    );
    let w = warnings(&text);
    assert_eq!(w.len(), 2, "{}", render(&w));
    has(
        &w[0],
        Warning,
        at_nth(&text, "\"island\"", 0),
        &["\"island\"", "reaches no thesis"],
    );
    has(
        &w[1],
        Warning,
        at(&text, "\"shore\""),
        &["\"shore\"", "reaches no thesis"],
    );
}

#[test]
fn reaching_a_thesis_through_attacks_counts() {
    let text = nodes(
        "        Node(id: \"a\", kind: Claim, title: \"A\", attacks: [\"claim\"]),\n        Node(id: \"r\", kind: Rebuttal, title: \"R\", attacks: [\"a\"]),\n        Node(id: \"s\", kind: Claim, title: \"S\", supports: [\"r\"]),\n",
    );
    assert!(warnings(&text).is_empty());
}

#[test]
fn warnings_come_with_the_errors_when_a_file_has_both() {
    let text = nodes(
        "        Node(id: \"e\", kind: Evidence, title: \"E\", supports: [\"claim\"]),\n        Node(id: \"c2\", kind: Claim, title: \"C\", supports: [\"nothing-here\"]),\n",
    );
    let d = errors(&text);
    assert_eq!(d.len(), 2, "{}", render(&d));
    has(&d[0], Warning, at(&text, "\"e\""), &["no quote"]);
    has(
        &d[1],
        Error,
        at(&text, "\"nothing-here\""),
        &["unknown node"],
    );
}

// ------------------------------------------------------------- all at once

#[test]
fn all_problems_in_a_file_are_reported_in_one_run_in_file_order() {
    let text = r#"Debate(
    title: "Five",
    sources: [Source(id: "s", title: "S")],
    nodes: [
        Node(id: "t", kind: Thesis, title: "T", attacks: ["c"]),
        Node(id: "c", kind: Claim, title: "C", supports: ["t", "ghost"]),
        Node(id: "c", kind: Claim, title: "Twice", supports: ["t"]),
        Node(id: "r", kind: Rebuttal, title: "R", attacks: ["t"]),
        Node(id: "q", kind: Claim, title: "Q", quote: "not evidence", supports: ["t"]),
    ],
)
"#;
    let d = errors(text);
    assert_eq!(d.len(), 5, "{}", render(&d));
    has(&d[0], Error, at(text, "[\"c\"]"), &["thesis \"t\""]);
    has(
        &d[1],
        Error,
        at(text, "\"ghost\""),
        &["unknown node \"ghost\""],
    );
    has(
        &d[2],
        Error,
        at_nth(text, "\"c\"", 2),
        &["duplicate node id \"c\""],
    );
    has(
        &d[3],
        Error,
        at_within(text, "attacks: [\"t\"]", "\"t\""),
        &["rebuttal \"r\" attacks thesis"],
    );
    has(
        &d[4],
        Error,
        at(text, "\"not evidence\""),
        &["`quote`", "\"q\""],
    );
}

#[test]
fn many_unknown_references_are_each_reported() {
    let lines: String = (0..300)
        .map(|i| format!("        Node(id: \"n{i}\", kind: Claim, title: \"N\", supports: [\"missing-{i}\"]),\n"))
        .collect();
    let text = nodes(&lines);
    let d = errors(&text);
    // The first 200 one by one, then how many more.
    assert_eq!(d.len(), 201);
    assert!(
        d[200].message.starts_with("and 100 more of this kind"),
        "{}",
        d[200]
    );
    for (i, diag) in d.iter().take(200).enumerate() {
        has(
            diag,
            Error,
            at(&text, &format!("\"missing-{i}\"")),
            &[&format!("\"n{i}\"")],
        );
    }
}

// --------------------------------------------------------- output is safe

#[test]
fn terminal_escapes_in_ids_do_not_reach_the_message_output() {
    let text = nodes(
        "        Node(id: \"evil\\u{1b}]0;owned\\u{7}\\u{1b}[2J\", kind: Claim, title: \"E\", supports: [\"nope\\u{1b}[31m\"]),\n",
    );
    let d = errors(&text);
    assert_eq!(d.len(), 1, "{}", render(&d));
    let shown = d[0].to_string();
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
    assert!(!shown.contains('\u{7}'), "{shown:?}");
    assert!(shown.contains("evil"), "{shown:?}");
}

#[test]
fn a_very_long_id_is_cut_in_messages() {
    let long = "k".repeat(5000);
    let text = nodes(&format!(
        "        Node(id: \"{long}\", kind: Claim, title: \"C\", supports: [\"thesis\", \"a\", \"b\", \"c\"]),\n"
    ));
    let d = errors(&text);
    assert_eq!(d.len(), 3, "{}", render(&d));
    for diag in &d {
        assert!(diag.message.len() < 400, "{}", diag.message.len());
        assert!(diag.message.contains(&format!("\"{}…\"", &long[..80])));
    }
}

#[test]
fn a_relation_written_twice_is_a_warning_at_the_repeat() {
    let text = "Debate(title: \"T\", nodes: [\n  (id: \"t\", kind: Thesis, title: \"T\"),\n  (id: \"a\", kind: Claim, title: \"A\", supports: [\"t\", \"t\"]),\n])";
    let loaded = agon::graph::load_str("dup.ron", text).expect("loads");
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    let w = &loaded.warnings[0];
    assert!(w.message.contains("twice"), "{}", w.message);
    assert_eq!((w.pos.line, w.pos.col), (3, 54));
}

#[test]
fn a_byte_order_mark_is_accepted_and_positions_stay_right() {
    let text =
        "\u{feff}Debate(title: \"T\", nodes: [\n  (id: \"t\", kind: Thesis, titel: \"T\"),\n])";
    let errs = agon::graph::load_str("bom.ron", text).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert!(errs[0].message.contains("titel"), "{}", errs[0].message);
    assert_eq!((errs[0].pos.line, errs[0].pos.col), (2, 27));
    let ok = "\u{feff}Debate(title: \"T\", nodes: [(id: \"t\", kind: Thesis, title: \"T\")])";
    assert!(agon::graph::load_str("bom.ron", ok).is_ok());
}
