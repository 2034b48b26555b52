//! Exporting and importing again keeps the nodes and their relations.

use agon::export::{Format, export};
use agon::formats::InputFormat;
use agon::graph::{DebateFile, Graph, Kind, Node};
use proptest::prelude::*;

use super::*;

fn reimport(g: &Graph, format: Format) -> Graph {
    let text = export(g, format).expect("exports");
    let input = match format {
        Format::Ron => InputFormat::Agon,
        Format::Json | Format::Aif => InputFormat::Aif,
        Format::Argdown => InputFormat::Argdown,
        other => panic!("{other:?} is not read back"),
    };
    match load(input, &text) {
        Ok(l) => l.graph,
        Err(e) => panic!("{format:?} export does not load back:\n{text}\n{e:#?}"),
    }
}

/// What each node's title becomes in `format`: Argdown titles cannot hold
/// square brackets, so the export writes parentheses, and a title two
/// nodes share gets ` (id)`, since Argdown merges equal titles.
fn written_titles(format: Format, g: &Graph) -> Vec<String> {
    let plain: Vec<String> = g.indices().map(|ix| g.node(ix).title.clone()).collect();
    if format != Format::Argdown {
        return plain;
    }
    let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let shared = |t: &String| plain.iter().filter(|u| one_line(u) == one_line(t)).count() > 1;
    g.indices()
        .zip(&plain)
        .map(|(ix, t)| {
            let t = if shared(t) {
                format!("{} ({})", one_line(t), g.node(ix).id)
            } else {
                t.clone()
            };
            t.replace('[', "(").replace(']', ")")
        })
        .collect()
}

fn titles_in(format: Format, g: &Graph) -> BTreeSet<String> {
    written_titles(format, g).into_iter().collect()
}

fn relations_in(format: Format, g: &Graph) -> BTreeSet<(String, &'static str, String)> {
    let titles = written_titles(format, g);
    let mut out = BTreeSet::new();
    for ix in g.indices() {
        for (to, rel) in g.parents(ix) {
            let name = match rel {
                agon::graph::Relation::Supports => "supports",
                agon::graph::Relation::Attacks => "attacks",
            };
            out.insert((titles[ix.index()].clone(), name, titles[to.index()].clone()));
        }
    }
    out
}

fn builtin() -> Graph {
    agon::graph::builtin().expect("built-in debate loads").graph
}

#[test]
fn ron_and_json_keep_everything() {
    let g = builtin();
    for format in [Format::Ron, Format::Json] {
        assert_eq!(reimport(&g, format).to_file(), g.to_file(), "{format:?}");
    }
}

#[test]
fn every_fixture_keeps_titles_and_relations_through_every_format() {
    // Every fixture of every format agon reads, through every format it
    // writes that reads back.
    let mut sources = vec![
        builtin(),
        load_fixture("kialo-old.txt").graph,
        load_fixture("kialo-new.txt").graph,
        load_fixture("aif-plain.json").graph,
        load_fixture("aif-wrapped.json").graph,
        load_fixture("argdown-all.argdown").graph,
        load_fixture("tgf/mixed.tgf").graph,
    ];
    let corpus = std::fs::read_dir(fixture_path("argdown")).expect("argdown corpus");
    for entry in corpus.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".argdown") {
            sources.push(load_fixture(&format!("argdown/{name}")).graph);
        }
    }
    for g in &sources {
        for format in [Format::Aif, Format::Argdown, Format::Ron] {
            let back = reimport(g, format);
            assert_eq!(
                titles(&back),
                titles_in(format, g),
                "{format:?} of {}",
                g.title
            );
            assert_eq!(
                relations(&back),
                relations_in(format, g),
                "{format:?} of {}",
                g.title
            );
        }
    }
}

#[test]
fn aif_keeps_texts_and_argdown_keeps_texts_and_tags() {
    let g = load_fixture("argdown-all.argdown").graph;
    for format in [Format::Aif, Format::Argdown] {
        let back = reimport(&g, format);
        for n in &g.nodes {
            let m = back.node(by_title(&back, &n.title));
            assert_eq!(m.text, n.text, "{format:?}: text of {}", n.title);
            if format == Format::Argdown {
                assert_eq!(m.tags, n.tags, "tags of {}", n.title);
            }
        }
    }
}

#[test]
fn kialo_converts_to_an_agon_file_that_checks_clean() {
    let g = load_fixture("kialo-old.txt").graph;
    let ron = export(&g, Format::Ron).expect("ron");
    let back = agon::graph::load_str("converted.ron", &ron).expect("loads as agon");
    assert!(back.warnings.is_empty(), "{:#?}", back.warnings);
    assert_eq!(back.graph.to_file(), g.to_file());
}

/// Words with the characters each format treats specially.
fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "plain",
        "[bracket]",
        "<angle>",
        "#hash",
        "a//b",
        "//",
        "/*",
        "*/",
        "{data}",
        "back\\slash",
        "\"quote\"",
        "(paren)",
        "+",
        "-",
        "_under_",
        "><",
        "->",
        "émoji😀",
        "1.",
        "----",
        ":",
    ])
    .prop_map(str::to_string)
}

fn title() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..5).prop_map(|w| w.join(" "))
}

/// A random valid debate: supports only point to earlier nodes (so no
/// cycles), attacks anywhere else, the first node a thesis. With
/// `framework`, an abstract framework instead: no thesis, and nodes may
/// attack themselves.
fn debate() -> impl Strategy<Value = DebateFile> {
    (2usize..12, any::<bool>())
        .prop_flat_map(|(n, framework)| {
            (
                prop::collection::vec(title(), n),
                prop::collection::vec((any::<prop::sample::Index>(), 0u8..5), n),
                Just(framework),
            )
        })
        .prop_map(|(titles, links, framework)| {
            let mut nodes: Vec<Node> = Vec::new();
            for (i, (t, (pick, how))) in titles.into_iter().zip(links).enumerate() {
                let kind = if i == 0 && !framework {
                    Kind::Thesis
                } else {
                    Kind::Claim
                };
                // Titles must differ; the index makes them so.
                let mut node = Node::new(format!("n{i}"), kind, format!("{t} {i}"));
                if framework && how == 4 {
                    node.attacks.push(node.id.clone());
                }
                if i > 0 {
                    let to = format!("n{}", pick.index(i));
                    match how {
                        0 | 1 => node.supports.push(to),
                        2 | 4 => node.attacks.push(to),
                        _ => {
                            node.attacks.push(to);
                            let other = format!("n{}", (pick.index(i) + 1) % i);
                            if !node.attacks.contains(&other) {
                                node.supports.push(other);
                            }
                        }
                    }
                }
                nodes.push(node);
            }
            DebateFile {
                title: "Random".into(),
                description: None,
                question: None,
                sources: Vec::new(),
                nodes,
                tours: Vec::new(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_debates_survive_every_round_trip(file in debate()) {
        prop_assert!(agon::graph::validate(&file).iter().all(|p| !matches!(p.severity, agon::graph::Severity::Error)));
        let g = Graph::from_file(file);
        for format in [Format::Ron, Format::Json, Format::Aif, Format::Argdown] {
            let back = reimport(&g, format);
            prop_assert_eq!(titles(&back), titles_in(format, &g), "{:?}", format);
            prop_assert_eq!(relations(&back), relations_in(format, &g), "{:?}", format);
        }
    }
}

#[test]
fn a_framework_with_no_thesis_and_a_self_attack_round_trips_in_every_format() {
    let g = load_fixture("tgf/mixed.tgf").graph;
    assert!(
        relations(&g)
            .iter()
            .any(|(a, r, b)| a == b && *r == "attacks")
    );
    for format in [Format::Ron, Format::Json, Format::Aif, Format::Argdown] {
        let back = reimport(&g, format);
        assert_eq!(titles(&back), titles_in(format, &g), "{format:?}");
        assert_eq!(relations(&back), relations_in(format, &g), "{format:?}");
    }
    assert_eq!(reimport(&g, Format::Ron).to_file(), g.to_file());
}
