//! Search through the public API and the command line, on a small fixture
//! written here (not the built-in debate, which will change) and on
//! synthetic graphs.

mod common;

use std::sync::Arc;

use agon::graph::{Graph, Kind, load_str};
use agon::search::{FILTER_HELP, Field, Hit, Results, SearchIndex, Searcher, search};

const FIXTURE: &str = r#"Debate(
    title: "Search fixture",
    sources: [
        Source(id: "nzz", title: "Bread prices in wartime", author: "Greta Lindqvist"),
    ],
    nodes: [
        Node(id: "t", kind: Thesis, title: "The blockade decided the war"),
        Node(
            id: "title-hit",
            kind: Claim,
            title: "Morale collapsed in the winter",
            tags: ["morale"],
            supports: ["t"],
        ),
        Node(
            id: "text-hit",
            kind: Claim,
            title: "Supply lines held until spring",
            text: "Officers wrote that morale collapsed among recruits.",
            attacks: ["t"],
        ),
        Node(
            id: "zurich",
            kind: Evidence,
            title: "Riots in Zürich over 日本語 and 🙂 rations",
            tags: ["Press"],
            quote: "Crowds in ZÜRICH demanded bread 🙂 today.",
            source: "nzz",
            supports: ["title-hit"],
        ),
        Node(id: "reb", kind: Rebuttal, title: "The riots were about wages", attacks: ["zurich"]),
    ],
)
"#;

fn fixture() -> Arc<SearchIndex> {
    let loaded = load_str("fixture.ron", FIXTURE).expect("fixture loads");
    Arc::new(SearchIndex::new(Arc::new(loaded.graph)))
}

fn synthetic(nodes: usize, seed: u64) -> Arc<SearchIndex> {
    Arc::new(SearchIndex::new(Arc::new(Graph::from_file(
        agon::synth::debate(nodes, seed),
    ))))
}

/// The 8,000-node map two slow tests share, built once.
fn eight_thousand() -> Arc<SearchIndex> {
    static INDEX: std::sync::OnceLock<Arc<SearchIndex>> = std::sync::OnceLock::new();
    Arc::clone(INDEX.get_or_init(|| synthetic(8_000, 8)))
}

fn ids(index: &SearchIndex, r: &Results) -> Vec<String> {
    r.hits
        .iter()
        .map(|h| index.graph().node(h.node).id.clone())
        .collect()
}

fn hit<'a>(index: &SearchIndex, r: &'a Results, id: &str) -> &'a Hit {
    r.hits
        .iter()
        .find(|h| index.graph().node(h.node).id == id)
        .unwrap_or_else(|| panic!("{id} not among {:?}", ids(index, r)))
}

/// The chars of the hit's field at its positions.
fn marked(index: &SearchIndex, h: &Hit) -> String {
    let chars: Vec<char> = h.field_text(index.graph()).chars().collect();
    h.positions.iter().map(|&p| chars[p]).collect()
}

#[test]
fn a_title_match_outranks_a_text_match() {
    let index = fixture();
    let r = search(&index, "morale collapsed", 10);
    assert_eq!(ids(&index, &r)[..2], ["title-hit", "text-hit"]);
    assert_eq!(r.hits[0].field, Field::Title);
    assert_eq!(r.hits[1].field, Field::Text);
    assert!(r.hits[0].score > r.hits[1].score);
    let snippet = r.hits[1]
        .snippet
        .as_ref()
        .expect("text hits have a snippet");
    let shown: String = snippet
        .highlights
        .iter()
        .map(|&i| snippet.text.chars().nth(i).unwrap())
        .collect();
    // Each word is highlighted where it matched.
    assert_eq!(shown, "moralecollapsed");
}

#[test]
fn positions_are_char_indices_on_multibyte_text() {
    let index = fixture();
    for (query, want) in [("zürich", "Zürich"), ("日本語", "日本語"), ("🙂", "🙂")] {
        let r = search(&index, query, 10);
        let h = hit(&index, &r, "zurich");
        assert_eq!(h.field, Field::Title, "{query}");
        assert_eq!(marked(&index, h), want, "{query}");
    }
    // Lowercase folds non-ASCII capitals too: "zürich" finds "ZÜRICH" in the quote.
    let r = search(&index, "zürich demanded", 10);
    let h = hit(&index, &r, "zurich");
    assert_eq!(h.field, Field::Quote);
    assert_eq!(marked(&index, h), "ZÜRICHdemanded");
    let snippet = h.snippet.as_ref().unwrap();
    let shown: String = snippet
        .highlights
        .iter()
        .map(|&i| snippet.text.chars().nth(i).unwrap())
        .collect();
    assert_eq!(shown, "ZÜRICHdemanded");
}

#[test]
fn smart_case() {
    let index = fixture();
    // Uppercase: case-sensitive, so only the quote's capitals match.
    let r = search(&index, "ZÜRICH", 10);
    assert_eq!(ids(&index, &r), ["zurich"]);
    assert_eq!(r.hits[0].field, Field::Quote);
    // "Morale" with a capital misses the lowercase text and tag.
    let r = search(&index, "Morale", 10);
    assert_eq!(ids(&index, &r), ["title-hit"]);
    assert_eq!(r.hits[0].fields, [Field::Title]);
    // Lowercase ignores case everywhere.
    let r = search(&index, "morale", 10);
    assert_eq!(ids(&index, &r), ["title-hit", "text-hit"]);
    assert_eq!(r.hits[0].fields, [Field::Title, Field::Tag]);
}

#[test]
fn sources_and_tags_match() {
    let index = fixture();
    let r = search(&index, "lindqvist", 10);
    let h = hit(&index, &r, "zurich");
    assert_eq!(h.field, Field::Source);
    assert_eq!(h.field_text(index.graph()), "Greta Lindqvist");
    assert_eq!(marked(&index, h), "Lindqvist");
    let r = search(&index, "press", 10);
    let h = hit(&index, &r, "zurich");
    assert_eq!(h.field, Field::Tag);
    assert_eq!(h.field_text(index.graph()), "Press");
}

#[test]
fn filters() {
    let index = fixture();
    let all = |q: &str| ids(&index, &search(&index, q, 10));
    assert_eq!(all("k:ev"), ["zurich"]);
    assert_eq!(all("kind:claim"), ["title-hit", "text-hit"]);
    assert_eq!(all("k:claim k:reb"), ["title-hit", "text-hit", "reb"]);
    assert_eq!(all("s:con"), ["text-hit", "reb"]);
    assert_eq!(all("side:for"), ["title-hit", "zurich"]);
    assert_eq!(all("side:thesis"), ["t"]);
    assert_eq!(all("#morale"), ["title-hit"]);
    assert_eq!(all("tag:PRESS"), ["zurich"]);
    assert_eq!(all("k:claim s:pro"), ["title-hit"]);
    // Filters and words together.
    assert_eq!(all("s:con morale"), ["text-hit"]);
    assert_eq!(all("k:ev riots"), ["zurich"]);
    // A filter that makes no sense matches nothing and says why.
    let bad = search(&index, "k:zebra riots", 10);
    assert!(bad.hits.is_empty() && !bad.errors.is_empty());
    assert!(
        FILTER_HELP
            .iter()
            .any(|(syntax, _)| syntax.contains("k:ev"))
    );
}

#[test]
fn empty_query_lists_nodes_in_file_order() {
    let index = fixture();
    let r = search(&index, "", 10);
    assert_eq!(
        ids(&index, &r),
        ["t", "title-hit", "text-hit", "zurich", "reb"]
    );
    let r = search(&index, "   ", 2);
    assert_eq!(r.hits.len(), 2);
    assert_eq!(r.total_matched, 5);
    assert!(r.complete);
}

#[test]
fn no_match() {
    let index = fixture();
    let r = search(&index, "xylophone", 10);
    assert!(r.hits.is_empty());
    assert_eq!(r.total_matched, 0);
    assert!(r.errors.is_empty());
}

#[test]
fn limit_keeps_the_best() {
    let index = synthetic(3_000, 2);
    let all = search(&index, "army", 10_000);
    let few = search(&index, "army", 7);
    assert_eq!(few.hits, all.hits[..7]);
    assert_eq!(few.total_matched, all.total_matched);
    assert!(all.hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn highlights_point_at_the_query_chars_on_synthetic_graphs() {
    let index = synthetic(4_000, 9);
    for query in [
        "zür",
        "łódź",
        "kraków army",
        "supply",
        "rtfm",
        "São",
        "moral",
    ] {
        let r = search(&index, query, 50);
        // Accents are folded away, so "zür" may mark "Zur" too.
        let fold = |s: &str| deunicode::deunicode(s).to_lowercase();
        let case_sensitive = query.chars().any(char::is_uppercase);
        for h in &r.hits {
            let got = marked(&index, h);
            let got_cmp = if case_sensitive {
                deunicode::deunicode(&got)
            } else {
                fold(&got)
            };
            // Each word's chars are marked, wherever the words stand.
            let sorted = |s: &str| {
                let mut c: Vec<char> = s.chars().filter(|c| *c != ' ').collect();
                c.sort_unstable();
                c
            };
            // The words that match in the field shown are marked, the
            // others matched elsewhere in the node: some non-empty set of them.
            let words: Vec<&str> = query.split(' ').collect();
            let got_cmp = sorted(&got_cmp);
            // Two words' matches may share a char ("army" in "Kraków"):
            // then the marked chars are fewer, each one still the query's.
            let query_chars = sorted(&deunicode::deunicode(query));
            let shared = words.len() > 1
                && got_cmp.len() < query_chars.len()
                && got_cmp.iter().all(|c| query_chars.contains(c));
            let any_set = shared
                || (1..1u32 << words.len()).any(|set| {
                    let chosen: Vec<&str> = (0..words.len())
                        .filter(|w| set & 1 << w != 0)
                        .map(|w| words[w])
                        .collect();
                    sorted(&deunicode::deunicode(&chosen.join(""))) == got_cmp
                });
            assert!(
                any_set,
                "{query}: {:?} in {:?}",
                h.positions,
                h.field_text(index.graph())
            );
            assert!(h.positions.windows(2).all(|w| w[0] < w[1]));
        }
    }
}

#[test]
fn narrowing_gives_the_same_results_as_fresh_searches() {
    // Past the scoring chunk (4,096 nodes) and the narrowing history (24
    // queries), which is what narrowing must get right; the map it shares
    // with the ranking test below is built once.
    let index = eight_thousand();
    let mut typing = Searcher::new(Arc::clone(&index));
    // Typing, then deleting, then typing something else with filters.
    let mut steps: Vec<String> = Vec::new();
    for q in [
        "supply winter",
        "supply wi",
        "k:claim sup",
        "k:claim supply",
        "Supply",
        "s",
    ] {
        for end in 1..=q.len() {
            if q.is_char_boundary(end) {
                steps.push(q[..end].to_string());
            }
        }
    }
    for q in steps {
        let narrowed = typing.search(&q, 20);
        let fresh = search(&index, &q, 20);
        assert_eq!(narrowed.hits, fresh.hits, "{q:?}");
        assert_eq!(narrowed.total_matched, fresh.total_matched, "{q:?}");
    }
}

#[test]
fn stopping_early_never_changes_the_ranking() {
    // Scoring goes in rounds of 256, 1,024, 4,096, … candidates, cutting
    // what cannot rank between rounds: 8,000 nodes are more than the first
    // three rounds take, so a broad query that keeps candidates through
    // every cut still meets the fourth.
    let index = eight_thousand();
    let queries = [
        "m",
        "mo",
        "mor",
        "morale",
        "a",
        "e",
        "re",
        "sup",
        "supply w",
        "army s",
        "k:ev b",
        "s:con ri",
        "#press ar",
        "Mor",
        "Ar",
        "zür",
        "ł",
        "the",
        "ion",
        "1",
        "p. 3",
        "st",
    ];
    let limits = [1, 5, 20, 100];
    for q in queries {
        // An exhaustive search scores every match whatever the limit, and
        // the limit only cuts its total order (score, then file order): its
        // best `limit` are the first `limit` of its best 100. So one
        // exhaustive search per query serves every limit.
        let slow = Searcher::new(Arc::clone(&index))
            .exhaustive()
            .search(q, 100);
        for limit in limits {
            let fast = Searcher::new(Arc::clone(&index)).search(q, limit);
            let mut best = slow.clone();
            best.hits.truncate(limit);
            assert_eq!(fast, best, "{q:?} limit {limit}");
        }
    }
}

#[test]
fn one_thread_and_many_agree() {
    let index = synthetic(30_000, 6);
    for q in ["e", "army", "k:ev bread"] {
        let one = Searcher::new(Arc::clone(&index))
            .with_threads(1)
            .search(q, 30);
        let many = Searcher::new(Arc::clone(&index))
            .with_threads(4)
            .search(q, 30);
        assert_eq!(one, many, "{q}");
    }
}

// The command line.

fn agon(args: &[&str]) -> (i32, String, String) {
    let out = common::agon(args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fixture_file() -> tempfile::NamedTempFile {
    let f = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(f.path(), FIXTURE).unwrap();
    f
}

#[test]
fn cli_prints_tab_separated_matches_best_first() {
    let f = fixture_file();
    let path = f.path().to_str().unwrap();
    let (code, out, _) = agon(&["search", "morale collapsed", path]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "title-hit\tclaim\tMorale collapsed in the winter");
    assert_eq!(lines[1], "text-hit\tclaim\tSupply lines held until spring");
    let (code, out, _) = agon(&["search", "k:ev", path]);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "zurich\tevidence\tRiots in Zürich over 日本語 and 🙂 rations\n"
        )
    );
}

#[test]
fn cli_exits_1_when_nothing_matches() {
    let f = fixture_file();
    let (code, out, _) = agon(&["search", "xylophone", f.path().to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (1, ""));
    // A bad filter is a usage error, not "nothing matched".
    let (code, _, err) = agon(&["search", "k:zebra", f.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("zebra"));
    let (code, _, _) = agon(&["search", "x", "/no/such/file.ron"]);
    assert_eq!(code, 2);
}

#[test]
fn cli_json_and_limit() {
    let f = fixture_file();
    let path = f.path().to_str().unwrap();
    let (code, out, _) = agon(&["search", "--json", "morale", path]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    assert_eq!(arr[0]["id"], "title-hit");
    assert_eq!(arr[0]["kind"], "claim");
    assert_eq!(arr[0]["title"], "Morale collapsed in the winter");
    assert!(arr[0]["score"].as_i64().unwrap() > arr[1]["score"].as_i64().unwrap());
    assert_eq!(arr[0]["fields"], serde_json::json!(["title", "tag"]));
    let (_, out, _) = agon(&["search", "", path, "--limit", "3"]);
    assert_eq!(out.lines().count(), 3);
    let (_, out, _) = agon(&["search", "--json", "xylophone", path]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn cli_and_library_agree_on_the_top_results() {
    let debate = agon::synth::debate(3_000, 12);
    let f = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(f.path(), agon::synth::to_ron(&debate)).unwrap();
    let loaded = agon::graph::load_path(f.path()).unwrap();
    let index = Arc::new(SearchIndex::new(Arc::new(loaded.graph)));
    for q in ["supply", "k:ev bread", "zür"] {
        let lib = ids(&index, &search(&index, q, 15));
        let (code, out, _) = agon(&["search", q, f.path().to_str().unwrap(), "--limit", "15"]);
        assert_eq!(code, if lib.is_empty() { 1 } else { 0 });
        let cli: Vec<String> = out
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect();
        assert_eq!(cli, lib, "{q}");
        assert!(!lib.is_empty(), "{q} should match something");
    }
    assert!(index.graph().nodes.iter().any(|n| n.kind == Kind::Evidence));
}

#[test]
fn a_scattered_title_match_ranks_below_an_exact_match_in_text() {
    let text = r#"(title: "T", nodes: [
        (id: "t", kind: Thesis, title: "The thesis"),
        (id: "scattered", kind: Claim, title: "The offer should be spread by social media and flyers", supports: ["t"]),
        (id: "exact", kind: Claim, title: "Security worries", text: "Russia could send a spy among them.", attacks: ["t"]),
    ])"#;
    let graph = agon::graph::load_str("spy.ron", text).expect("valid").graph;
    let index = std::sync::Arc::new(agon::search::SearchIndex::new(std::sync::Arc::new(graph)));
    let results = agon::search::search(&index, "spy", 10);
    let ids: Vec<&str> = results
        .hits
        .iter()
        .map(|h| index.graph().node(h.node).id.as_str())
        .collect();
    assert_eq!(ids.first(), Some(&"exact"), "{ids:?}");
    assert!(
        ids.contains(&"scattered"),
        "the scattered match is still found: {ids:?}"
    );
}

const WORDS_FIXTURE: &str = r#"Debate(
    title: "Words fixture",
    sources: [
        Source(id: "s", title: "Morale in wartime", author: "Jürgen Voß"),
    ],
    nodes: [
        Node(id: "t", kind: Thesis, title: "A naïve view of the Straße"),
        Node(id: "inherits", kind: Evidence, title: "Letters home", quote: "We wrote.", source: "s", supports: ["t"]),
        Node(id: "own", kind: Claim, title: "Soldiers kept writing", text: "Their morale held.", supports: ["t"]),
        Node(id: "cafe", kind: Claim, title: "Talk in the café", tags: ["Zürich"], attacks: ["t"]),
    ],
)
"#;

fn words_fixture() -> Arc<SearchIndex> {
    let loaded = load_str("words.ron", WORDS_FIXTURE).expect("fixture loads");
    Arc::new(SearchIndex::new(Arc::new(loaded.graph)))
}

#[test]
fn words_match_in_any_order_and_all_must_match() {
    let index = fixture();
    let ab = search(&index, "morale winter", 10);
    let ba = search(&index, "winter morale", 10);
    assert_eq!(ids(&index, &ab), ids(&index, &ba));
    assert_eq!(ids(&index, &ab)[0], "title-hit");
    // Every word must match somewhere in the node.
    assert!(ids(&index, &search(&index, "morale zzz", 10)).is_empty());
    // "renewable en" is two words, not one pattern with a space in it.
    let r = search(&index, "riots zürich", 10);
    assert_eq!(ids(&index, &r), ["zurich"]);
}

#[test]
fn exact_anchored_and_excluded_words() {
    let index = fixture();
    // Fuzzy "rts" finds "riots"; exact "'rts" does not.
    assert!(!search(&index, "rts", 10).hits.is_empty());
    assert!(search(&index, "'rts", 10).hits.is_empty());
    assert_eq!(ids(&index, &search(&index, "^riots", 10)), ["zurich"]);
    assert_eq!(ids(&index, &search(&index, "wages$", 10)), ["reb"]);
    assert_eq!(
        ids(&index, &search(&index, "^the riots were about wages$", 10)),
        ["reb"]
    );
    assert_eq!(ids(&index, &search(&index, "riots !wages", 10)), ["zurich"]);
    // Filters combine with all of it.
    assert_eq!(ids(&index, &search(&index, "riots k:reb", 10)), ["reb"]);
    assert_eq!(
        ids(&index, &search(&index, "riots !zürich k:ev", 10)),
        Vec::<String>::new()
    );
    // Only excluded words: every node without them, in file order.
    let r = search(&index, "!riots", 10);
    assert_eq!(ids(&index, &r), ["t", "title-hit", "text-hit"]);
}

#[test]
fn accents_fold_in_every_field() {
    let index = words_fixture();
    for (query, id, field, marked_chars) in [
        ("naive", "t", Field::Title, "naïve"),
        ("strasse", "t", Field::Title, "Straße"),
        ("zurich", "cafe", Field::Tag, "Zürich"),
        ("cafe", "cafe", Field::Title, "café"),
        ("jurgen", "inherits", Field::Source, "Jürgen"),
        ("'voss", "inherits", Field::Source, "Voß"),
    ] {
        let r = search(&index, query, 10);
        let h = hit(&index, &r, id);
        assert_eq!(h.field, field, "{query}");
        assert_eq!(marked(&index, h), marked_chars, "{query}");
    }
    // The query's accents fold too.
    assert_eq!(ids(&index, &search(&index, "café", 10)), ["cafe"]);
}

#[test]
fn own_fields_rank_above_what_a_source_lends() {
    let index = words_fixture();
    let r = search(&index, "morale", 10);
    assert_eq!(ids(&index, &r), ["own", "inherits"]);
    assert_eq!(r.hits[0].field, Field::Text);
    assert_eq!(r.hits[1].field, Field::Source);
}

/// Long text is searched through copies folded once when the index is
/// built; what a hit shows must still point into the text as written.
#[test]
fn long_text_folded_once_still_matches_and_marks_as_written() {
    let fixture = r#"Debate(
    title: "Folding fixture",
    nodes: [
        Node(id: "t", kind: Thesis, title: "Thesis"),
        Node(id: "accents", kind: Claim, title: "First", text: "Officials in Zürich told the naïve crowd “don’t panic”.", supports: ["t"]),
        Node(id: "quotes", kind: Claim, title: "Second", text: "They said “don’t panic” twice.", supports: ["t"]),
    ],
)
"#;
    let loaded = load_str("folding.ron", fixture).expect("fixture loads");
    let index = Arc::new(SearchIndex::new(Arc::new(loaded.graph)));
    let shown = |h: &Hit| {
        let s = h.snippet.as_ref().expect("a text hit has a snippet");
        s.highlights
            .iter()
            .map(|&i| s.text.chars().nth(i).unwrap())
            .collect::<String>()
    };
    for (query, want_ids, want_marked) in [
        ("zurich", vec!["accents"], "Zürich"),
        ("Zurich", vec!["accents"], "Zürich"),
        ("naive", vec!["accents"], "naïve"),
        ("panic", vec!["accents", "quotes"], "panic"),
        ("don’t", vec!["accents", "quotes"], "don’t"),
        ("'panic", vec!["accents", "quotes"], "panic"),
    ] {
        let r = search(&index, query, 10);
        let mut got = ids(&index, &r);
        got.sort();
        assert_eq!(got, want_ids, "{query}");
        for h in &r.hits {
            assert_eq!(h.field, Field::Text, "{query}");
            assert_eq!(shown(h), want_marked, "{query}");
        }
    }
    // Case-sensitive: the capital must be there as written.
    assert!(search(&index, "ZURICH", 10).hits.is_empty());
}

/// The command line's index for one query skips the folded copies of long
/// text; what it finds, and how it ranks and marks it, must not change.
#[test]
fn the_one_query_index_finds_what_the_full_one_finds() {
    let graph = Arc::new(Graph::from_file(agon::synth::debate(3000, 7)));
    let full = Arc::new(SearchIndex::new(Arc::clone(&graph)));
    let lean = Arc::new(SearchIndex::for_one_query(graph));
    for query in [
        "m",
        "morale",
        "naive",
        "Naïve",
        "resume wint",
        "'panic",
        "^the",
        "zz",
    ] {
        let a = search(&full, query, 50);
        let b = search(&lean, query, 50);
        assert_eq!(a.total_matched, b.total_matched, "{query}");
        assert_eq!(a.hits, b.hits, "{query}");
    }
}

/// A big search shows the best of a first part of the map before it has
/// read the rest; the final results are the same as without the preview.
#[test]
fn a_big_search_hands_over_a_preview_first() {
    let index = eight_thousand();
    for query in ["m", "morale", "resume wint"] {
        let plain = Searcher::new(Arc::clone(&index)).search(query, 20);
        let mut previews = Vec::new();
        let full = Searcher::new(Arc::clone(&index))
            .with_preview(5_000, 1_000)
            .search_with(query, 20, &|| false, &mut |r| previews.push(r))
            .expect("not cancelled");
        assert_eq!(full.hits, plain.hits, "{query}");
        assert_eq!(full.total_matched, plain.total_matched, "{query}");
        let [preview] = previews.as_slice() else {
            panic!("{query}: one preview, got {}", previews.len());
        };
        assert!(!preview.complete);
        // The preview is the exact best of the first 1,000 nodes.
        let first: Vec<_> = search(&index, query, 10_000)
            .hits
            .into_iter()
            .filter(|h| h.node.index() < 1_000)
            .take(20)
            .collect();
        assert_eq!(preview.hits, first, "{query}");
    }
    // Below the size that asks for one, no preview.
    let mut previews = 0;
    Searcher::new(Arc::clone(&index))
        .with_preview(9_000, 1_000)
        .search_with("m", 20, &|| false, &mut |_| previews += 1);
    assert_eq!(previews, 0);
}
