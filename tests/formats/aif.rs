use agon::formats::InputFormat::Aif;

use super::*;

#[test]
fn plain_aif_with_numeric_ids_maps_inferences_and_conflicts() {
    let l = load_fixture("aif-plain.json");
    let g = &l.graph;
    assert_eq!(
        relations(g),
        BTreeSet::from([
            rel(
                "Students need a quiet place to study at weekends",
                "supports",
                "The library should open on Sundays"
            ),
            rel(
                "Staff costs on Sundays are double",
                "attacks",
                "The library should open on Sundays"
            ),
            rel(
                "Volunteers could staff the Sunday opening",
                "attacks",
                "Staff costs on Sundays are double"
            ),
            rel(
                "Exam results rise when libraries open longer",
                "supports",
                "Students need a quiet place to study at weekends"
            ),
        ])
    );
    // Roots become theses: the conclusion, and the rephrase that relates to nothing.
    assert_eq!(
        thesis_titles(g),
        BTreeSet::from([
            "The library should open on Sundays".to_string(),
            "Pupils want a calm place to revise on weekends".to_string(),
        ])
    );
}

#[test]
fn rephrases_and_anchored_locutions_become_notes() {
    let l = load_fixture("aif-plain.json");
    let g = &l.graph;
    assert_eq!(
        text_of(g, "Pupils want a calm place to revise on weekends"),
        "Rephrases: “Students need a quiet place to study at weekends”"
    );
    assert_eq!(
        text_of(g, "Students need a quiet place to study at weekends"),
        "Locution: “Ann : students need somewhere quiet at the weekend” (Asserting)"
    );
    // The unanchored locution and the transition are set aside, each named where it stands.
    assert_eq!(lines(&l.warnings), vec![14, 15], "{:#?}", l.warnings);
    assert!(l.warnings[0].message.contains("\"L\""));
    assert!(l.warnings[1].message.contains("\"TA\""));
}

#[test]
fn wrapped_aif_with_mixed_ids_loads_the_inner_graph() {
    let l = load_fixture("aif-wrapped.json");
    let g = &l.graph;
    assert_eq!(g.title, "aif-wrapped");
    assert_eq!(
        relations(g),
        BTreeSet::from([
            rel(
                "Young children learn more through play",
                "supports",
                "Homework should be abolished in primary schools"
            ),
            rel(
                "Children need rest after school",
                "supports",
                "Homework should be abolished in primary schools"
            ),
            rel(
                "Homework builds study habits early",
                "attacks",
                "Homework should be abolished in primary schools"
            ),
        ])
    );
    assert!(
        text_of(g, "Young children learn more through play")
            .contains("Carol : play teaches more than worksheets")
    );
    assert_eq!(lines(&l.warnings), vec![10], "{:#?}", l.warnings);
}

#[test]
fn an_undercutter_attacks_the_conclusion_of_the_inference() {
    let text = r#"{"nodes": [
        {"nodeID": 1, "text": "C", "type": "I"},
        {"nodeID": 2, "text": "P", "type": "I"},
        {"nodeID": 3, "text": "Default Inference", "type": "RA"},
        {"nodeID": 4, "text": "U", "type": "I"},
        {"nodeID": 5, "text": "Default Conflict", "type": "CA"}],
      "edges": [
        {"edgeID": 1, "fromID": 2, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 1},
        {"edgeID": 3, "fromID": 4, "toID": 5}, {"edgeID": 4, "fromID": 5, "toID": 3}]}"#;
    let g = load(Aif, text).expect("loads").graph;
    assert_eq!(
        relations(&g),
        BTreeSet::from([rel("P", "supports", "C"), rel("U", "attacks", "C")])
    );
}

#[test]
fn json_syntax_errors_name_line_and_column() {
    let text = "{\"nodes\": [\n  {\"nodeID\": 1 \"text\": \"x\"}\n]}";
    let errors = errors_of(Aif, text);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0].pos.line, errors[0].pos.col),
        (2, 16),
        "{:?}",
        errors[0]
    );
    assert!(
        !errors[0].message.contains("at line"),
        "{}",
        errors[0].message
    );
    let cut = errors_of(Aif, "{\"nodes\": [\n");
    assert!(
        cut[0].message.contains("ends too early"),
        "{}",
        cut[0].message
    );
}

#[test]
fn every_structural_problem_is_reported_where_it_stands() {
    let text = r#"{
  "nodes": [
    {"nodeID": 1, "text": "A", "type": "I"},
    {"nodeID": "1", "text": "B", "type": "I"},
    {"text": "no id", "type": "I"},
    {"nodeID": 4, "text": "no type"},
    {"nodeID": 5, "text": "Default Inference", "type": "RA"}
  ],
  "edges": [
    {"fromID": 1, "toID": 5},
    {"fromID": 5, "toID": 99},
    {"toID": 1}
  ]
}"#;
    let errors = errors_of(Aif, text);
    assert_eq!(lines(&errors), vec![4, 5, 6, 11, 12], "{errors:#?}");
    assert!(errors.iter().any(|e| e.message.contains("99")));
}

#[test]
fn a_support_cycle_is_reported_at_an_inference_node() {
    let text = r#"{"nodes": [
 {"nodeID": 1, "text": "A", "type": "I"},
 {"nodeID": 2, "text": "B", "type": "I"},
 {"nodeID": 3, "text": "x", "type": "RA"},
 {"nodeID": 4, "text": "y", "type": "RA"},
 {"nodeID": 5, "text": "Root", "type": "I"}],
 "edges": [{"fromID": 1, "toID": 3}, {"fromID": 3, "toID": 2},
           {"fromID": 2, "toID": 4}, {"fromID": 4, "toID": 1}]}"#;
    let errors = errors_of(Aif, text);
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("cycle") && (e.pos.line == 4 || e.pos.line == 5)),
        "{errors:#?}"
    );
}

#[test]
fn agon_json_shares_the_extension_and_loads_as_agon() {
    let g = agon::graph::builtin().expect("builtin").graph;
    let json = agon::export::export(&g, agon::export::Format::Json).expect("json");
    let back = load(Aif, &json).expect("agon JSON loads").graph;
    assert_eq!(back.to_file(), g.to_file());
}
