//! Properties of the loader over generated input: it never panics, every
//! problem it reports is placed inside the file, and any valid graph written
//! as RON loads back with the same nodes and relations.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::readme_example;

use agon::graph::{Diagnostic, Kind, load_bytes, load_str};
use proptest::prelude::*;

/// Every problem stands on a line of the file (or just past its end) and at
/// a column inside that line (or just past its last character).
fn placed_inside(bytes: &[u8], diags: &[Diagnostic]) -> Result<(), TestCaseError> {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    for d in diags {
        prop_assert!(d.pos.line >= 1 && d.pos.col >= 1, "{}", d);
        prop_assert!(
            d.pos.line <= lines.len() + 1,
            "{} lines: {}",
            lines.len(),
            d
        );
        if let Some(line) = lines.get(d.pos.line - 1) {
            let chars = line.trim_end_matches('\r').chars().count();
            prop_assert!(d.pos.col <= chars + 1, "line has {} chars: {}", chars, d);
        }
        prop_assert_eq!(&d.file, "p.ron");
        // Rendering with a caret must not panic either.
        let _ = d.to_string();
    }
    Ok(())
}

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    match load_bytes("p.ron", bytes) {
        Ok(loaded) => placed_inside(bytes, &loaded.warnings),
        Err(diags) => {
            prop_assert!(!diags.is_empty());
            prop_assert!(diags.iter().any(Diagnostic::is_error));
            placed_inside(bytes, &diags)
        }
    }
}

// ------------------------------------------------------------ random bytes

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        check(&bytes)?;
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,2000}") {
        check(text.as_bytes())?;
    }
}

// ---------------------------------------------- mutations of a valid file

#[derive(Debug, Clone)]
enum Mutation {
    Insert { at: usize, what: String },
    Delete { at: usize, len: usize },
    Replace { at: usize, len: usize, what: String },
    Duplicate { at: usize, len: usize },
    SwapTokens { a: usize, b: usize },
    DropBracket { nth: usize },
    FlipByte { at: usize, to: u8 },
}

/// Text that means something to RON, or that tends to upset position counting.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "\"",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ",",
            ":",
            "//",
            "/*",
            "*/",
            "\n",
            "\r\n",
            "\t",
            "\\",
            "'",
            "r#\"",
            "\"#",
            "#",
            "Node(",
            "Source(",
            "Some(",
            "id: \"x\"",
            "supports: [\"later-start\"]",
            "attacks: [\"buses\"]",
            "kind: Rebuttal",
            "kind: Thesis",
            "titel: \"t\"",
            "quote: \"q\"",
            "source: \"nope\"",
            "日本語",
            "é",
            "\u{1b}[31m",
            "\u{0}",
            "\u{feff}",
            "1e999",
            "-",
            "0x",
            "true",
        ])
        .prop_map(str::to_string),
        any::<char>().prop_map(String::from),
        "[ -~]{0,12}",
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    let len = 0usize..40;
    prop_oneof![
        (at, fragment()).prop_map(|(at, what)| Mutation::Insert { at, what }),
        (at, len.clone()).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (at, len.clone(), fragment()).prop_map(|(at, len, what)| Mutation::Replace {
            at,
            len,
            what
        }),
        (at, 1usize..200).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapTokens { a, b }),
        any::<usize>().prop_map(|nth| Mutation::DropBracket { nth }),
        (at, any::<u8>()).prop_map(|(at, to)| Mutation::FlipByte { at, to }),
    ]
}

/// Splits text into words, strings, runs of blanks and single punctuation marks.
fn tokens(chars: &[char]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        let c = chars[i];
        i += 1;
        if c.is_alphanumeric() || c == '_' || c == '-' {
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '-')
            {
                i += 1;
            }
        } else if c == '"' {
            while i < chars.len() && chars[i] != '"' {
                i += 1;
            }
            i = (i + 1).min(chars.len());
        } else if c.is_whitespace() {
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
        }
        out.push(start..i);
    }
    out
}

fn apply(text: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut chars: Vec<char> = text.chars().collect();
    let mut flips = Vec::new();
    for m in mutations {
        let n = chars.len();
        let pos = |at: usize| if n == 0 { 0 } else { at % (n + 1) };
        let span = |at: usize, len: usize| {
            let s = pos(at);
            s..(s + len).min(n)
        };
        match m {
            Mutation::Insert { at, what } => {
                let p = pos(*at);
                chars.splice(p..p, what.chars());
            }
            Mutation::Delete { at, len } => {
                chars.drain(span(*at, *len));
            }
            Mutation::Replace { at, len, what } => {
                chars.splice(span(*at, *len), what.chars());
            }
            Mutation::Duplicate { at, len } => {
                let r = span(*at, *len);
                let copy: Vec<char> = chars[r.clone()].to_vec();
                chars.splice(r.end..r.end, copy);
            }
            Mutation::SwapTokens { a, b } => {
                let toks: Vec<_> = tokens(&chars)
                    .into_iter()
                    .filter(|r| !chars[r.start].is_whitespace())
                    .collect();
                if toks.len() >= 2 {
                    let (x, y) = (a % toks.len(), b % toks.len());
                    let (first, second) = (toks[x.min(y)].clone(), toks[x.max(y)].clone());
                    if first != second {
                        let a_text: Vec<char> = chars[first.clone()].to_vec();
                        let b_text: Vec<char> = chars[second.clone()].to_vec();
                        chars.splice(second, a_text);
                        chars.splice(first, b_text);
                    }
                }
            }
            Mutation::DropBracket { nth } => {
                let brackets: Vec<usize> = (0..n)
                    .filter(|&i| matches!(chars[i], '(' | ')' | '[' | ']'))
                    .collect();
                if !brackets.is_empty() {
                    chars.remove(brackets[nth % brackets.len()]);
                }
            }
            Mutation::FlipByte { at, to } => flips.push((*at, *to)),
        }
    }
    let mut bytes = chars.into_iter().collect::<String>().into_bytes();
    for (at, to) in flips {
        if !bytes.is_empty() {
            let i = at % bytes.len();
            bytes[i] = to;
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn mutations_of_the_readme_example_never_panic_and_place_every_problem(
        mutations in proptest::collection::vec(mutation(), 1..5)
    ) {
        let bytes = apply(&readme_example(), &mutations);
        check(&bytes)?;
    }
}

// ----------------------------------------------------- valid random graphs

/// A node as generated, before it is written out.
#[derive(Debug, Clone)]
struct GenNode {
    id: String,
    kind: Kind,
    title: String,
    text: Option<String>,
    tags: Vec<String>,
    supports: Vec<usize>,
    attacks: Vec<usize>,
    source: usize,
    locator: Option<String>,
    /// Written with one more target that names no node: `Some(true)` in
    /// `attacks`, `Some(false)` in `supports`.
    ghost: Option<bool>,
}

/// The id no generated node has.
const GHOST: &str = "⊥ghost⊥";

#[derive(Debug, Clone)]
struct GenDebate {
    title: String,
    sources: Vec<(String, String)>,
    nodes: Vec<GenNode>,
    tours: Vec<(String, Vec<usize>)>,
    style: Style,
}

/// How the file is written: every variation the format allows.
#[derive(Debug, Clone, Copy)]
struct Style {
    struct_names: bool,
    explicit_some: bool,
    trailing_commas: bool,
    comments: bool,
    one_line: bool,
    raw_strings: bool,
}

/// The raw choices a node is built from; `build` turns them into a node that
/// keeps every rule of the format.
#[derive(Debug, Clone)]
struct NodeSeed {
    kind: u8,
    supports: Vec<usize>,
    attacks: Vec<usize>,
    anchor: usize,
    title: String,
    text: Option<String>,
    tags: Vec<String>,
    source: usize,
    locator: Option<String>,
}

/// Free text: printable characters of every script, quotes, backslashes and line breaks.
fn words() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 .,:;!?'()\\[\\]{}#/*\"\\\\\n\té日本語ß—–«»💬]{1,40}"
        .prop_filter("a title must not be blank", |s| !s.trim().is_empty())
}

fn node_seed() -> impl Strategy<Value = NodeSeed> {
    (
        0u8..3,
        proptest::collection::vec(any::<usize>(), 0..4),
        proptest::collection::vec(any::<usize>(), 0..4),
        any::<usize>(),
        words(),
        proptest::option::of(words()),
        proptest::collection::vec("[a-z]{1,8}", 0..3),
        any::<usize>(),
        proptest::option::of("p\\. [0-9]{1,3}"),
    )
        .prop_map(
            |(kind, supports, attacks, anchor, title, text, tags, source, locator)| NodeSeed {
                kind,
                supports,
                attacks,
                anchor,
                title,
                text,
                tags,
                source,
                locator,
            },
        )
}

fn style() -> impl Strategy<Value = Style> {
    any::<[bool; 6]>().prop_map(|b| Style {
        struct_names: b[0],
        explicit_some: b[1],
        trailing_commas: b[2],
        comments: b[3],
        one_line: b[4],
        raw_strings: b[5],
    })
}

/// Builds a valid debate: theses first; every other node relates to an
/// earlier node (so it reaches a thesis); supports point only backwards (no
/// cycles); attacks point anywhere but at the node itself, may form cycles,
/// never target what the node supports, and a rebuttal's never hit a thesis.
fn build(
    theses: usize,
    seeds: Vec<NodeSeed>,
    sources: usize,
    tours: Vec<Vec<usize>>,
    title: String,
    style: Style,
    slug: String,
) -> GenDebate {
    let total = theses + seeds.len();
    let mut nodes = Vec::with_capacity(total);
    for i in 0..theses {
        nodes.push(GenNode {
            id: format!("{slug}-thesis-{i}"),
            kind: Kind::Thesis,
            title: format!("Thesis {i}"),
            text: None,
            tags: Vec::new(),
            supports: Vec::new(),
            attacks: Vec::new(),
            source: 0,
            locator: None,
            ghost: None,
        });
    }
    for (k, seed) in seeds.into_iter().enumerate() {
        let i = theses + k;
        let is_thesis = |j: usize| j < theses;
        let mut kind = [Kind::Claim, Kind::Evidence, Kind::Rebuttal][seed.kind as usize];
        // A rebuttal needs an earlier non-thesis to attack.
        if kind == Kind::Rebuttal && i == theses {
            kind = Kind::Claim;
        }
        let supports: BTreeSet<usize> = seed.supports.iter().map(|s| s % i).collect();
        let mut attacks: BTreeSet<usize> = seed
            .attacks
            .iter()
            .map(|a| a % total)
            .filter(|&a| a != i && !supports.contains(&a))
            .filter(|&a| kind != Kind::Rebuttal || !is_thesis(a))
            .collect();
        let mut supports = supports;
        let earlier_attack = attacks.iter().any(|&a| a < i);
        if kind == Kind::Rebuttal {
            if !earlier_attack {
                let target = theses + seed.anchor % (i - theses);
                supports.remove(&target);
                attacks.insert(target);
            }
        } else if supports.is_empty() && !earlier_attack {
            supports.insert(seed.anchor % i);
        }
        nodes.push(GenNode {
            id: format!("{slug}-{i}"),
            kind,
            title: seed.title,
            text: seed.text,
            tags: seed.tags,
            supports: supports.into_iter().collect(),
            attacks: attacks.into_iter().collect(),
            source: seed.source % sources,
            locator: seed.locator,
            ghost: None,
        });
    }
    GenDebate {
        title,
        sources: (0..sources)
            .map(|s| (format!("src-{s}"), format!("Source number {s}")))
            .collect(),
        tours: tours
            .into_iter()
            .enumerate()
            .map(|(t, steps)| {
                (
                    format!("tour-{t}"),
                    steps.into_iter().map(|s| s % total).collect(),
                )
            })
            .collect(),
        nodes,
        style,
    }
}

fn debate() -> impl Strategy<Value = GenDebate> {
    (
        1usize..4,
        proptest::collection::vec(node_seed(), 0..30),
        1usize..4,
        proptest::collection::vec(proptest::collection::vec(any::<usize>(), 1..5), 0..3),
        words(),
        style(),
        "[a-z][a-z0-9-]{0,10}",
    )
        .prop_map(|(t, seeds, s, tours, title, style, slug)| {
            build(t, seeds, s, tours, title, style, slug)
        })
}

/// Writes a string literal: escaped, or raw when the style says so and the
/// text allows it.
fn lit(s: &str, style: Style) -> String {
    if style.raw_strings && !s.contains("\"#") {
        return format!("r#\"{s}\"#");
    }
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes a debate as RON text in the chosen style.
fn render(d: &GenDebate) -> String {
    let st = d.style;
    let nl = if st.one_line { " " } else { "\n" };
    let comment = |what: &str| {
        if !st.comments {
            String::new()
        } else if st.one_line {
            format!("/* {what} */ ")
        } else {
            format!("// {what} (with \"quotes\" and [brackets]){nl}")
        }
    };
    let opt = |v: String| {
        if st.explicit_some {
            format!("Some({v})")
        } else {
            v
        }
    };
    let list = |items: Vec<String>| {
        let mut s = items.join(", ");
        if st.trailing_commas && !items.is_empty() {
            s.push(',');
        }
        format!("[{s}]")
    };
    let strukt = |name: &str, fields: Vec<String>| {
        let mut s = fields.join(&format!(",{nl}"));
        if st.trailing_commas {
            s.push(',');
        }
        let name = if st.struct_names { name } else { "" };
        format!("{name}({nl}{s}{nl})")
    };
    let ids = |ix: &[usize], ghost: bool| {
        let mut items: Vec<String> = ix.iter().map(|&i| lit(&d.nodes[i].id, st)).collect();
        if ghost {
            items.push(lit(GHOST, st));
        }
        list(items)
    };

    let sources: Vec<String> = d
        .sources
        .iter()
        .map(|(id, title)| {
            strukt(
                "Source",
                vec![
                    format!("id: {}", lit(id, st)),
                    format!("title: {}", lit(title, st)),
                ],
            )
        })
        .collect();
    let nodes: Vec<String> = d
        .nodes
        .iter()
        .map(|n| {
            let mut f = vec![
                format!("id: {}", lit(&n.id, st)),
                format!("kind: {:?}", n.kind),
                format!("title: {}", lit(&n.title, st)),
            ];
            if let Some(t) = &n.text {
                f.push(format!("text: {}", opt(lit(t, st))));
            }
            if !n.tags.is_empty() {
                f.push(format!(
                    "tags: {}",
                    list(n.tags.iter().map(|t| lit(t, st)).collect())
                ));
            }
            let (ghost_supports, ghost_attacks) = (n.ghost == Some(false), n.ghost == Some(true));
            if !n.supports.is_empty() || ghost_supports {
                f.push(format!("supports: {}", ids(&n.supports, ghost_supports)));
            }
            if !n.attacks.is_empty() || ghost_attacks {
                f.push(format!("attacks: {}", ids(&n.attacks, ghost_attacks)));
            }
            if n.kind == Kind::Evidence {
                f.push(format!(
                    "quote: {}",
                    opt(lit(&format!("Words of {}", n.title), st))
                ));
                f.push(format!("source: {}", opt(lit(&d.sources[n.source].0, st))));
                if let Some(l) = &n.locator {
                    f.push(format!("locator: {}", opt(lit(l, st))));
                }
                f.push(format!("basis: {}", opt("Report".into())));
            }
            format!("{}{}", comment(&n.id), strukt("Node", f))
        })
        .collect();
    let tours: Vec<String> = d
        .tours
        .iter()
        .map(|(id, steps)| {
            let steps = steps
                .iter()
                .map(|&s| {
                    strukt(
                        "Step",
                        vec![
                            format!("node: {}", lit(&d.nodes[s].id, st)),
                            format!("say: {}", lit("Look here.", st)),
                        ],
                    )
                })
                .collect();
            strukt(
                "Tour",
                vec![
                    format!("id: {}", lit(id, st)),
                    format!("title: {}", lit(&format!("Tour {id}"), st)),
                    format!("steps: {}", list(steps)),
                ],
            )
        })
        .collect();
    let mut fields = vec![
        format!("title: {}", lit(&d.title, st)),
        format!("sources: {}", list(sources)),
        format!("nodes: {}", list(nodes)),
    ];
    if !tours.is_empty() {
        fields.push(format!("tours: {}", list(tours)));
    }
    format!(
        "{}{}{nl}",
        comment("a generated debate"),
        strukt("Debate", fields)
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn valid_random_graphs_load_with_their_nodes_and_relations(d in debate()) {
        let text = render(&d);
        let loaded = match load_str("p.ron", &text) {
            Ok(l) => l,
            Err(diags) => {
                let shown: Vec<String> = diags.iter().map(|x| x.to_string()).collect();
                return Err(TestCaseError::fail(format!("{}\n--- file:\n{text}", shown.join("\n"))));
            }
        };
        prop_assert!(loaded.warnings.is_empty(), "{:?}\n{}", loaded.warnings, text);
        let g = &loaded.graph;
        prop_assert_eq!(g.len(), d.nodes.len());
        for kind in Kind::ALL {
            prop_assert_eq!(g.count_kind(kind), d.nodes.iter().filter(|n| n.kind == kind).count());
        }
        let relations: usize = d.nodes.iter().map(|n| n.supports.len() + n.attacks.len()).sum();
        prop_assert_eq!(g.relation_count(), relations);
        prop_assert_eq!(g.sources.len(), d.sources.len());
        prop_assert_eq!(g.tours.len(), d.tours.len());
        prop_assert_eq!(&g.title, &d.title);
        // Each node's relations, in both directions, are the ones written.
        let mut supporters: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut attackers: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, n) in d.nodes.iter().enumerate() {
            let ix = g.by_id(&n.id).expect("every id is indexed");
            prop_assert_eq!(ix.index(), i);
            prop_assert_eq!(&g.node(ix).title, &n.title);
            prop_assert_eq!(&g.node(ix).text, &n.text);
            let targets = |v: &[agon::graph::NodeIx]| v.iter().map(|x| x.index()).collect::<Vec<_>>();
            prop_assert_eq!(targets(g.supports(ix)), n.supports.clone());
            prop_assert_eq!(targets(g.attacks(ix)), n.attacks.clone());
            for &s in &n.supports {
                supporters.entry(s).or_default().push(i);
            }
            for &a in &n.attacks {
                attackers.entry(a).or_default().push(i);
            }
            prop_assert!(g.side(ix) != agon::graph::Side::None, "every node reaches a thesis");
        }
        for (i, _) in d.nodes.iter().enumerate() {
            let ix = agon::graph::NodeIx(i as u32);
            let mut got: Vec<usize> = g.supporters(ix).iter().map(|x| x.index()).collect();
            got.sort();
            prop_assert_eq!(got, supporters.remove(&i).unwrap_or_default());
            let mut got: Vec<usize> = g.attackers(ix).iter().map(|x| x.index()).collect();
            got.sort();
            prop_assert_eq!(got, attackers.remove(&i).unwrap_or_default());
        }
    }

    #[test]
    fn an_unknown_reference_in_a_valid_graph_is_placed_where_it_is_written(
        d in debate(),
        pick in any::<usize>(),
        attack in any::<bool>(),
    ) {
        let mut d = d;
        let i = pick % d.nodes.len();
        d.nodes[i].ghost = Some(attack);
        let text = render(&d);
        let Err(diags) = load_str("p.ron", &text) else {
            return Err(TestCaseError::fail(format!("loaded with an unknown reference:\n{text}")));
        };
        let ghost = lit(GHOST, d.style);
        prop_assert_eq!(text.matches(&ghost).count(), 1);
        let offset = text.find(&ghost).unwrap();
        let line = text[..offset].matches('\n').count() + 1;
        let line_start = text[..offset].rfind('\n').map_or(0, |p| p + 1);
        let col = text[line_start..offset].chars().count() + 1;
        let unknown: Vec<&Diagnostic> =
            diags.iter().filter(|x| x.message.contains("unknown node")).collect();
        prop_assert_eq!(unknown.len(), 1, "{:?}\n{}", diags, text);
        prop_assert_eq!((unknown[0].pos.line, unknown[0].pos.col), (line, col), "{}\n{}", unknown[0], text);
        prop_assert!(unknown[0].message.contains(GHOST));
        prop_assert!(unknown[0].message.contains(&d.nodes[i].id));
    }
}
