use super::*;
use crate::graph::{DebateFile, Source, Step};

fn graph_with(title: &str, quote: &str, url: &str) -> Graph {
    let mut thesis = Node::new("t", Kind::Thesis, title);
    thesis.text = Some("first\n\nsecond <b>".into());
    let mut claim = Node::new("c", Kind::Claim, "A claim");
    claim.supports = vec!["t".into()];
    let mut ev = Node::new("e", Kind::Evidence, "Evidence");
    ev.attacks = vec!["c".into()];
    ev.quote = Some(quote.into());
    ev.source = Some("s".into());
    let file = DebateFile {
        title: title.into(),
        description: None,
        question: None,
        sources: vec![Source {
            id: "s".into(),
            title: "Src".into(),
            outlet: None,
            author: None,
            date: None,
            url: Some(url.into()),
            note: None,
        }],
        nodes: vec![thesis, claim, ev],
        tours: vec![Tour {
            id: "a b".into(),
            title: "Walk".into(),
            description: None,
            steps: vec![
                Step {
                    node: "t".into(),
                    say: "start".into(),
                },
                Step {
                    node: "e".into(),
                    say: "then".into(),
                },
            ],
        }],
    };
    Graph::from_file(file)
}

#[test]
fn data_never_becomes_markup() {
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let page = write(&graph_with(hostile, hostile, "javascript:alert(3)"));
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(!page.contains("<img"));
    assert!(!page.contains("href=\"javascript:"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The only script element is the page's own.
    assert_eq!(page.matches("<script").count(), 1);
}

#[test]
fn csp_allows_exactly_the_inline_style_and_script() {
    let page = write(&graph_with("T", "q", "https://example.org"));
    assert!(page.contains("default-src &#39;none&#39;"));
    assert!(page.contains(&attr(&csp_hash(SCRIPT))));
    assert!(page.contains(&attr(&csp_hash(STYLE))));
    assert!(!page.contains("unsafe-inline"));
}

#[test]
fn every_node_once_in_full_and_tours_as_slides() {
    let g = graph_with("T", "q", "https://example.org");
    let page = write(&g);
    for id in ["t", "c", "e"] {
        assert_eq!(
            page.matches(&format!("data-id=\"{id}\"")).count(),
            1,
            "{id}"
        );
    }
    assert!(page.contains("data-tour=\"a b\""));
    assert!(page.contains("href=\"#tour-a%20b/2\""));
    assert_eq!(page.matches("class=\"slide\"").count(), 2);
    assert!(page.contains("<a href=\"https://example.org\" rel=\"noopener noreferrer\">"));
}

#[test]
fn outline_elements_nest_and_close() {
    let page = write(&crate::graph::builtin().expect("builtin loads").graph);
    for tag in [
        "li",
        "ul",
        "details",
        "summary",
        "section",
        "ol",
        "p",
        "blockquote",
    ] {
        let opened =
            page.matches(&format!("<{tag}>")).count() + page.matches(&format!("<{tag} ")).count();
        let closed = page.matches(&format!("</{tag}>")).count();
        assert_eq!(
            opened, closed,
            "<{tag}> opened {opened} times, closed {closed}"
        );
    }
}
