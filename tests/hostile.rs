//! Files written to break the loader: each must come back as errors, never
//! a panic, a stack overflow or a hang. These run in the debug build; a
//! case that became quadratic again would keep the suite from finishing
//! rather than fail an assertion on time.

mod common;

use agon::graph::diag::MAX_PER_KIND;
use agon::graph::{Diagnostic, Severity, load_bytes, load_str};
use common::{Rng, garbage, readme_example};

/// Loads bytes and returns the problems, failing if the file loaded.
#[track_caller]
fn rejected(bytes: &[u8]) -> Vec<Diagnostic> {
    match load_bytes("h.ron", bytes) {
        Ok(_) => panic!(
            "loaded a hostile file: {:?}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(200)])
        ),
        Err(d) => {
            assert!(!d.is_empty(), "an error must say what is wrong");
            assert!(d.iter().any(Diagnostic::is_error));
            for diag in &d {
                assert!(diag.pos.line >= 1 && diag.pos.col >= 1, "{diag}");
                // Printing must not panic either.
                let _ = diag.to_string();
            }
            d
        }
    }
}

/// How many problems a capped list stands for: each one shown, plus the
/// count in each "and N more of this kind" line (the first of those N).
fn represented(d: &[Diagnostic]) -> usize {
    d.iter()
        .map(|x| {
            x.message
                .strip_prefix("and ")
                .and_then(|m| m.split(' ').next())
                .and_then(|n| n.parse::<usize>().ok())
                .map_or(1, |n| n)
        })
        .sum()
}

// ------------------------------------------------------------- nothing much

#[test]
fn an_empty_file_is_an_error_at_1_1() {
    let d = rejected(b"");
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].pos.line, d[0].pos.col), (1, 1));
    assert!(d[0].message.contains("empty"), "{}", d[0]);
}

#[test]
fn a_file_of_whitespace_is_an_error() {
    for text in [" ", "\n", "\n\n\n", "\t \r\n  ", &" \n".repeat(50_000)] {
        let d = rejected(text.as_bytes());
        assert!(d[0].message.contains("empty"), "{}", d[0]);
    }
}

#[test]
fn a_file_of_only_comments_is_an_error() {
    rejected(b"// nothing here\n/* nor here */\n");
}

#[test]
fn a_file_of_nul_bytes_is_an_error() {
    rejected(b"\0");
    rejected(&[0u8; 10_000]);
}

#[test]
fn nul_bytes_between_tokens_are_errors() {
    let text = readme_example();
    for at in [0, text.find("nodes").unwrap(), text.len() - 2, text.len()] {
        let mut bytes = text.clone().into_bytes();
        bytes.insert(at, 0);
        let d = rejected(&bytes);
        // The error stands where the NUL was written.
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        assert_eq!(d[0].pos.line, line, "NUL at byte {at}: {}", d[0]);
    }
}

#[test]
fn a_million_commas_are_an_error() {
    let d = rejected(",".repeat(1_000_000).as_bytes());
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].pos.line, d[0].pos.col), (1, 1));
    // The quoted line is cut, not a megabyte long.
    assert!(d[0].to_string().len() < 1000);
}

#[test]
fn a_million_commas_inside_the_nodes_list_are_an_error() {
    let text = format!("Debate(title: \"t\", nodes: [{}])", ",".repeat(1_000_000));
    rejected(text.as_bytes());
}

// ------------------------------------------------------------------ garbage

#[test]
fn random_bytes_are_errors() {
    let mut rng = Rng::new(0x5EED);
    for size in [1, 2, 3, 7, 64, 1000, 65_536, 1 << 20] {
        for _ in 0..4 {
            rejected(&garbage(&mut rng, size));
        }
    }
}

#[test]
fn random_ascii_made_of_ron_punctuation_is_an_error() {
    let alphabet = b"()[]{},:\"'/*\\ \nrDebatenodes#0123456789-.";
    let mut rng = Rng::new(42);
    for size in [10, 100, 10_000, 200_000] {
        for _ in 0..8 {
            let bytes: Vec<u8> = (0..size)
                .map(|_| alphabet[(rng.next_u64() % alphabet.len() as u64) as usize])
                .collect();
            rejected(&bytes);
        }
    }
}

// ------------------------------------------------------------ not UTF-8

#[test]
fn bytes_that_are_not_utf8_are_an_error() {
    for bytes in [
        &b"\xff\xfe\xfd"[..],
        b"\xc3",
        b"\xc3\x28",
        b"\xed\xa0\x80",         // an encoded surrogate
        b"\xf8\x88\x80\x80\x80", // a five-byte form
        b"\xc0\xaf",             // an overlong '/'
    ] {
        let d = rejected(bytes);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("UTF-8"), "{}", d[0]);
        assert_eq!((d[0].pos.line, d[0].pos.col), (1, 1));
    }
}

#[test]
fn a_bad_byte_inside_a_string_of_a_valid_file_names_its_line_and_column() {
    let text = readme_example();
    // Corrupt the 'd' of "A short example debate." on line 3, and put a
    // wide character before it to check columns count characters.
    let text = text.replace("A short example debate.", "A short 例 example \u{0}debate.");
    let offset = text.find('\u{0}').unwrap();
    let mut bytes = text.into_bytes();
    bytes[offset] = 0xff;
    let d = rejected(&bytes);
    assert_eq!(d.len(), 1);
    let line3 = "    description: \"A short 例 example ";
    assert_eq!(
        (d[0].pos.line, d[0].pos.col),
        (3, line3.chars().count() + 1),
        "{}",
        d[0]
    );
    assert!(d[0].message.contains("0xff"), "{}", d[0]);
}

#[test]
fn a_character_cut_in_half_at_the_end_of_the_file_is_an_error() {
    let mut bytes = "Debate(title: \"日".as_bytes().to_vec();
    bytes.pop();
    let d = rejected(&bytes);
    assert_eq!((d[0].pos.line, d[0].pos.col), (1, 16));
}

// --------------------------------------------------------------- nesting

const DEEP: usize = 100_000;

#[test]
fn deep_square_brackets_at_the_top_are_an_error() {
    rejected("[".repeat(DEEP).as_bytes());
    rejected(format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP)).as_bytes());
}

#[test]
fn deep_square_brackets_inside_the_nodes_are_an_error() {
    rejected(format!("Debate(title: \"t\", nodes: [{}", "[".repeat(DEEP)).as_bytes());
    rejected(
        format!(
            "Debate(title: \"t\", nodes: [{}{}])",
            "[".repeat(DEEP),
            "]".repeat(DEEP)
        )
        .as_bytes(),
    );
}

#[test]
fn deep_parentheses_at_the_top_are_an_error() {
    rejected("(".repeat(DEEP).as_bytes());
    rejected(format!("{}{}", "(".repeat(DEEP), ")".repeat(DEEP)).as_bytes());
    rejected(format!("Debate{}", "(".repeat(DEEP)).as_bytes());
}

#[test]
fn deep_parentheses_inside_the_nodes_are_an_error() {
    rejected(format!("Debate(title: \"t\", nodes: [{}", "(".repeat(DEEP)).as_bytes());
    rejected(format!("Debate(title: \"t\", nodes: [Node{}", "(".repeat(DEEP)).as_bytes());
    rejected(
        format!(
            "Debate(title: \"t\", nodes: [Node(id: \"a\", kind: Thesis, title: \"x\", tags: {}",
            "(".repeat(DEEP)
        )
        .as_bytes(),
    );
}

#[test]
fn deep_mixed_brackets_and_braces_are_an_error() {
    rejected("[(".repeat(DEEP / 2).as_bytes());
    rejected("{".repeat(DEEP).as_bytes());
    rejected(format!("Debate(title: \"t\", nodes: [{}", "Some(".repeat(DEEP)).as_bytes());
}

#[test]
fn deep_nesting_after_an_unknown_field_is_an_error() {
    // An unknown field makes the loader scan the whole file for more of
    // them; that scan must survive the nesting too.
    for open in ["[", "(", "{", "Node("] {
        let text = format!("Debate(titel: \"t\", nodes: {}", open.repeat(DEEP));
        let d = rejected(text.as_bytes());
        assert!(d[0].message.contains("`titel`"), "{}", d[0]);
    }
}

#[test]
fn many_values_deep_inside_after_an_unknown_field_are_an_error() {
    // The scan for unknown fields used to build the path of every value,
    // however deep: depth × values (seconds here, minutes for 30 MB).
    let text = format!(
        "Debate(titel: \"t\", nodes: {}{})",
        "[".repeat(120),
        "1,".repeat(1_000_000)
    );
    let d = rejected(text.as_bytes());
    assert!(d[0].message.contains("`titel`"), "{}", d[0]);
}

#[test]
fn deeply_nested_block_comments_are_an_error() {
    rejected("/*".repeat(DEEP).as_bytes());
    rejected(format!("Debate({}", "/*".repeat(DEEP)).as_bytes());
}

// -------------------------------------------------------- length limits

const HUGE: usize = 30 * 1024 * 1024;

#[track_caller]
fn too_long(text: &str, field: &str) {
    let d = rejected(text.as_bytes());
    assert_eq!(d.len(), 1, "only the length is wrong");
    assert!(d[0].message.contains(field), "{}", d[0]);
    assert!(
        d[0].message.contains(&format!("{HUGE} characters")),
        "{}",
        d[0]
    );
    // Neither the message nor the quoted line carries the 30 MB.
    assert!(d[0].to_string().len() < 2000);
}

#[test]
fn a_30_megabyte_node_title_is_an_error() {
    let huge = "t".repeat(HUGE);
    too_long(
        &format!("Debate(title: \"x\", nodes: [Node(id: \"a\", kind: Thesis, title: \"{huge}\")])"),
        "title",
    );
}

#[test]
fn a_30_megabyte_debate_title_is_an_error() {
    let huge = "t".repeat(HUGE);
    too_long(
        &format!("Debate(title: \"{huge}\", nodes: [Node(id: \"a\", kind: Thesis, title: \"x\")])"),
        "title",
    );
}

#[test]
fn a_30_megabyte_text_is_an_error() {
    let huge = "w".repeat(HUGE);
    too_long(
        &format!(
            "Debate(title: \"x\", nodes: [Node(id: \"a\", kind: Thesis, title: \"x\", text: \"{huge}\")])"
        ),
        "text",
    );
}

#[test]
fn a_30_megabyte_id_is_an_error_and_is_not_copied_into_messages() {
    let huge = "i".repeat(HUGE);
    // The huge id is also referenced a thousand times, unknown: every
    // message must quote it cut, or this would build 30 GB of text.
    let refs = vec!["\"nope\""; 1000].join(", ");
    let text = format!(
        "Debate(title: \"x\", nodes: [Node(id: \"a\", kind: Thesis, title: \"x\"), Node(id: \"{huge}\", kind: Claim, title: \"c\", supports: [\"a\", {refs}])])"
    );
    let d = rejected(text.as_bytes());
    // The id's length, then the unknown references: the first of them one
    // by one, the rest summed up in one line.
    assert_eq!(d.len(), 1 + MAX_PER_KIND + 1);
    assert!(
        d[d.len() - 1]
            .message
            .starts_with("and 800 more of this kind")
    );
    assert!(d.iter().all(|x| x.message.len() < 1000));
    assert!(d.iter().all(|x| x.to_string().len() < 2000));
}

// ----------------------------------------------------------- cut files

#[test]
fn the_readme_example_cut_at_every_byte_is_an_error_until_it_closes() {
    let text = readme_example();
    let closed = text.rfind(')').unwrap() + 1;
    // Add a wide character so that some cuts fall inside a UTF-8 sequence.
    let text = text.replace("A short example debate.", "A short example débat — 討論.");
    let closed = closed + "débat — 討論".len() - "debate".len();
    let bytes = text.as_bytes();
    for cut in 0..=bytes.len() {
        let prefix = &bytes[..cut];
        let result = load_bytes("cut.ron", prefix);
        if cut < closed {
            let d = result
                .err()
                .unwrap_or_else(|| panic!("the file cut at byte {cut} loaded"));
            let lines = String::from_utf8_lossy(prefix).split('\n').count();
            for diag in &d {
                assert!(diag.pos.line >= 1 && diag.pos.col >= 1);
                assert!(diag.pos.line <= lines, "cut at {cut}: {diag}");
                let _ = diag.to_string();
            }
        } else {
            assert!(result.is_ok(), "the whole example, cut at {cut}, must load");
        }
    }
}

// ------------------------------------------- sizes that used to be slow

#[test]
fn a_node_with_twenty_thousand_supports_loads() {
    // The support-cycle search used to walk to the k-th target afresh for
    // each k: quadratic in one node's supports (half a minute here).
    let many = vec!["\"t\", \"u\""; 10_000].join(", ");
    let text = format!(
        "Debate(title: \"x\", nodes: [Node(id: \"t\", kind: Thesis, title: \"T\"), Node(id: \"u\", kind: Claim, title: \"U\", supports: [\"t\"]), Node(id: \"c\", kind: Claim, title: \"C\", supports: [{many}])])"
    );
    let loaded = load_str("big.ron", &text).expect("valid");
    assert_eq!(loaded.graph.relation_count(), 20_001);
}

#[test]
fn a_node_with_many_supports_and_attacks_is_checked_in_one_pass() {
    let ids: Vec<String> = (0..20_000).map(|i| format!("n{i}")).collect();
    let nodes: String = ids
        .iter()
        .map(|id| format!("Node(id: \"{id}\", kind: Claim, title: \"N\", supports: [\"t\"]),\n"))
        .collect();
    let list = |r: std::ops::Range<usize>| {
        ids[r]
            .iter()
            .map(|id| format!("\"{id}\""))
            .collect::<Vec<_>>()
            .join(",")
    };
    let text = format!(
        "Debate(title: \"x\", nodes: [Node(id: \"t\", kind: Thesis, title: \"T\"),\n{nodes}Node(id: \"c\", kind: Claim, title: \"C\", supports: [{}], attacks: [{}]),\n])",
        list(0..10_000),
        list(9_999..20_000)
    );
    let d = load_str("big.ron", &text).expect_err("n9999 is both supported and attacked");
    assert_eq!(d.len(), 1, "{}", d[0]);
    assert!(d[0].message.contains("\"n9999\""));
}

#[test]
fn twenty_thousand_problems_on_one_line_are_all_placed() {
    // A file written on one line (as a compact serializer writes it) with
    // a problem in every node: placing each problem used to rescan the
    // file from the start and copy the whole line (minutes, and gigabytes).
    let nodes: String = (0..20_000)
        .map(|i| format!("Node(id:\"n{i}\",kind:Claim,title:\"x\",supports:[\"zz{i}\"]),"))
        .collect();
    let text =
        format!("Debate(title:\"t\",nodes:[Node(id:\"t\",kind:Thesis,title:\"x\"),{nodes}])");
    let d = load_str("one-line.ron", &text).expect_err("every reference is unknown");
    assert_eq!(represented(&d), 20_000);
    // With "did you mean" or without: two kinds, each capped.
    assert!(d.len() <= 2 * (MAX_PER_KIND + 1), "{}", d.len());
    for (i, diag) in d.iter().enumerate().take(MAX_PER_KIND).step_by(17) {
        let offset = text.find(&format!("\"zz{i}\"")).unwrap();
        assert_eq!((diag.pos.line, diag.pos.col), (1, offset + 1), "{diag}");
        // Quoted around the problem, caret under it.
        let shown = diag.to_string();
        assert!(shown.len() <= 4 * 170, "{shown}");
        assert!(shown.contains(&format!("\"zz{i}\"")), "{shown}");
    }
    assert!(d.iter().any(|x| x.message.starts_with("and ")));
}

#[test]
fn every_unknown_field_on_one_long_line_is_placed() {
    let nodes: String = (0..20_000)
        .map(|i| format!("Node(id:\"n{i}\",kind:Claim,titel:\"x\"),"))
        .collect();
    let text = format!("Debate(title:\"t\",nodes:[{nodes}])");
    let d = load_str("one-line.ron", &text).expect_err("every title is misspelt");
    assert_eq!(represented(&d), 20_000);
    assert_eq!(d.len(), MAX_PER_KIND + 1);
    assert!(d[MAX_PER_KIND].message.contains("did you mean `title`"));
}

#[test]
fn a_long_misspelt_id_does_not_stall_the_suggestion() {
    // Comparing two 200,000-character strings for a "did you mean" used to
    // take hours.
    let id = "a".repeat(200_000);
    let typo = format!("{}b", "a".repeat(199_999));
    let text = format!(
        "Debate(title:\"t\",nodes:[Node(id:\"t\",kind:Thesis,title:\"x\"),Node(id:\"{id}\",kind:Claim,title:\"x\",supports:[\"t\"]),Node(id:\"c\",kind:Claim,title:\"x\",supports:[\"{typo}\"])])"
    );
    let d = load_str("long.ron", &text).expect_err("the typo is unknown");
    // The id's length is an error too.
    assert_eq!(d.len(), 2);
    assert!(d.iter().any(|x| x.message.contains("unknown node")));
}

#[test]
fn fifty_thousand_unknown_references_among_fifty_thousand_ids() {
    let nodes: String = (0..50_000)
        .map(|i| format!("Node(id:\"node-{i}\",kind:Claim,title:\"x\",supports:[\"nod-{i}\"]),\n"))
        .collect();
    let text =
        format!("Debate(title:\"t\",nodes:[Node(id:\"t\",kind:Thesis,title:\"x\"),\n{nodes}])");
    let d = load_str("many.ron", &text).expect_err("unknown references");
    assert_eq!(represented(&d), 50_000);
    assert!(d.len() <= 2 * (MAX_PER_KIND + 1), "{}", d.len());
    assert!(d[0].message.contains("did you mean"), "{}", d[0]);
}

#[test]
fn a_support_cycle_through_fifty_thousand_nodes_is_reported_briefly() {
    let n = 50_000;
    let nodes: String = (0..n)
        .map(|i| {
            format!(
                "Node(id:\"c{i}\",kind:Claim,title:\"x\",supports:[\"c{}\"]),\n",
                (i + 1) % n
            )
        })
        .collect();
    let text =
        format!("Debate(title:\"t\",nodes:[Node(id:\"t\",kind:Thesis,title:\"x\"),\n{nodes}])");
    let d = load_str("ring.ron", &text).expect_err("a cycle");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].severity, Severity::Error);
    assert!(d[0].message.contains("cycle of supports"));
    assert!(d[0].message.contains("more"), "{}", d[0].message);
    assert!(d[0].message.len() < 1000);
}

#[test]
fn a_chain_of_fifty_thousand_supports_loads() {
    // Deep enough to overflow the stack of any recursive walk.
    let n = 50_000;
    let nodes: String = (1..n)
        .map(|i| {
            format!(
                "Node(id:\"c{i}\",kind:Claim,title:\"x\",supports:[\"c{}\"]),\n",
                i - 1
            )
        })
        .collect();
    let text =
        format!("Debate(title:\"t\",nodes:[Node(id:\"c0\",kind:Thesis,title:\"x\"),\n{nodes}])");
    let loaded = load_str("chain.ron", &text).expect("valid");
    assert_eq!(loaded.graph.len(), n);
    assert!(loaded.warnings.is_empty());
}

#[test]
fn placing_twelve_thousand_problems_on_one_long_line_scans_it_about_once() {
    // AIFdb writes its JSON on one line: 12,000 problems on a 565 KB line
    // used to be placed by counting from the line's start, each.
    let text = "x".repeat(565 * 1024);
    let lines = agon::graph::diag::Lines::new(&text);
    let n = 12_000;
    for k in 0..n {
        let offset = k * (text.len() / n);
        let d = lines.at_offset("f", offset, Severity::Warning, "w".into());
        assert_eq!(d.pos.col, offset + 1);
    }
    let per_problem = 3 * agon::graph::diag::CHECKPOINT_BYTES;
    assert!(
        lines.scanned() <= text.len() + n * per_problem,
        "{} bytes scanned for a {}-byte line",
        lines.scanned(),
        text.len()
    );
}

#[test]
fn an_aif_file_on_one_line_with_thousands_of_warnings_prints_briefly() {
    let n = 3_000;
    let nodes: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"nodeID":"i{i}","text":"Claim {i}","type":"I"}},{{"nodeID":"ra{i}","text":"RA","type":"RA"}}"#))
        .collect();
    let edges: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"edgeID":"e{i}","fromID":"i{i}","toID":"ra{i}"}}"#))
        .collect();
    let text = format!(
        r#"{{"nodes":[{}],"edges":[{}]}}"#,
        nodes.join(","),
        edges.join(",")
    );
    let loaded =
        agon::formats::load_str_as(agon::formats::InputFormat::Aif, "one-line.json", &text)
            .expect("warnings only");
    assert_eq!(represented(&loaded.warnings), n);
    // Each quoted line is a window, not the 300 KB line: the whole report
    // stays a few hundred bytes per problem shown.
    let printed: usize = loaded.warnings.iter().map(|w| w.to_string().len()).sum();
    assert!(
        printed <= loaded.warnings.len() * 600,
        "{printed} bytes printed"
    );
}

#[test]
fn placing_argdown_problems_scans_their_lines_not_the_file_around_them() {
    // Short lines, far apart: each problem used to be placed by scanning
    // from the last checkpoint before it, kilobytes of other lines.
    let filler = format!("// {}\n", "x".repeat(60)).repeat(100);
    let n = 150;
    let text: String = (0..n)
        .map(|i| format!("[T{i}] text after the title\n{filler}"))
        .collect();
    let before = agon::graph::diag::scanned_on_this_thread();
    let loaded =
        agon::formats::load_str_as(agon::formats::InputFormat::Argdown, "far.argdown", &text)
            .expect("warnings only");
    let scanned = agon::graph::diag::scanned_on_this_thread() - before;
    assert_eq!(
        loaded
            .warnings
            .iter()
            .filter(|w| w.message.contains("without `:`"))
            .count(),
        n
    );
    // One pass to index the lines, then each problem's own line only.
    let placing = scanned - text.len();
    assert!(
        placing <= n * 2 * "[T000] text after the title".len(),
        "{placing} bytes scanned placing {n} problems"
    );
}

#[test]
fn problems_past_the_cap_are_counted_but_never_placed() {
    // A problem in every node of a file on one line: only the first of each
    // kind are placed (and quoted); the summary still counts them all.
    let n = 30_000;
    let nodes: String = (0..n)
        .map(|i| format!("Node(id:\"n{i}\",kind:Claim,title:\"x\",supports:[\"zz{i}\"]),"))
        .collect();
    let text =
        format!("Debate(title:\"t\",nodes:[Node(id:\"t\",kind:Thesis,title:\"x\"),{nodes}])");
    let before = agon::graph::diag::scanned_on_this_thread();
    let d = load_str("one-line.ron", &text).expect_err("every reference is unknown");
    let scanned = agon::graph::diag::scanned_on_this_thread() - before;
    assert_eq!(represented(&d), n);
    // The line index is one pass; each placed problem scans at most one
    // checkpoint's worth of the line.
    let placed = 2 * (MAX_PER_KIND + 1);
    let bound = text.len() + placed * agon::graph::diag::CHECKPOINT_BYTES;
    assert!(scanned <= bound, "{scanned} bytes scanned, bound {bound}");
}

#[test]
fn a_kialo_claim_citing_one_footnote_a_hundred_thousand_times_warns_once() {
    let text = format!(
        "Discussion Title: Refs\n\n1. A thesis.\n1.1. Pro: A claim {}\n",
        "[1] ".repeat(100_000)
    );
    let loaded = agon::formats::load_str_as(agon::formats::InputFormat::Kialo, "r.txt", &text)
        .expect("warnings only");
    let cites: Vec<&Diagnostic> = loaded
        .warnings
        .iter()
        .filter(|w| w.message.contains("cites footnote"))
        .collect();
    assert_eq!(cites.len(), 1, "{cites:?}");
}

#[test]
fn an_unclosed_argdown_comment_is_placed_where_it_opens() {
    let text = "[A]: a claim\n\n  /* never closed\n[B]: another";
    let d = agon::formats::load_str_as(agon::formats::InputFormat::Argdown, "c.argdown", text)
        .expect_err("an unclosed comment is an error");
    let at = d
        .iter()
        .find(|x| x.message.contains("never closed with `*/`"))
        .expect("the comment is reported");
    assert_eq!((at.pos.line, at.pos.col), (3, 3), "{at}");
}

#[test]
fn agon_json_on_one_line_places_only_the_first_problems_of_each_kind() {
    let n = 30_000;
    let nodes: Vec<String> = (0..n)
        .map(|i| {
            format!(r#"{{"id":"n{i}","kind":"Claim","title":"x","supports":["missing-{i}"]}}"#)
        })
        .collect();
    let text = format!(
        r#"{{"title":"t","nodes":[{{"id":"t","kind":"Thesis","title":"T"}},{}]}}"#,
        nodes.join(",")
    );
    let before = agon::graph::diag::scanned_on_this_thread();
    let d = agon::formats::load_str_as(agon::formats::InputFormat::Aif, "one-line.json", &text)
        .expect_err("every reference is unknown");
    let scanned = agon::graph::diag::scanned_on_this_thread() - before;
    assert_eq!(represented(&d), n);
    assert!(d.len() <= 2 * (MAX_PER_KIND + 1), "{}", d.len());
    let bound = text.len() + d.len() * agon::graph::diag::CHECKPOINT_BYTES;
    assert!(scanned <= bound, "{scanned} bytes scanned, bound {bound}");
}
