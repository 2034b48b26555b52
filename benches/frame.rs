//! Drawing one frame of the explorer must cost the same whatever the size
//! of the graph: only the rows on screen are built.
//! `cargo bench --bench frame`

use agon::graph::{DebateFile, Graph, Kind, Node};
use agon::tui::action::Action;
use agon::tui::app::App;
use agon::tui::theme::Theme;
use agon::tui::views;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// A wide, shallow debate of `n` nodes: claims under the thesis, each with
/// rebuttals below it, titles of about 60 characters.
fn debate(n: usize) -> Graph {
    let mut nodes = vec![Node::new(
        "t",
        Kind::Thesis,
        "The thesis of a very large debate",
    )];
    let claims = (n / 100).max(1);
    for c in 0..claims {
        let mut claim = Node::new(
            format!("c{c}"),
            Kind::Claim,
            format!("Claim number {c} that says something of about sixty chars"),
        );
        if c % 2 == 0 {
            claim.supports.push("t".into());
        } else {
            claim.attacks.push("t".into());
        }
        nodes.push(claim);
    }
    let mut i = 0;
    while nodes.len() < n {
        let mut node = Node::new(
            format!("n{i}"),
            Kind::Rebuttal,
            format!("Point {i} answering its parent claim with some detail here"),
        );
        node.attacks.push(format!("c{}", i % claims));
        node.text = Some("A few sentences of text. ".repeat(12));
        nodes.push(node);
        i += 1;
    }
    Graph::from_file(DebateFile {
        title: "Synthetic".into(),
        description: None,
        question: None,
        sources: vec![],
        nodes,
        tours: vec![],
    })
}

/// What the explorer does between loading and the first frame.
fn open(c: &mut Criterion) {
    let graph = debate(100_000);
    c.bench_function("open the explorer on 100000 nodes (App::new)", |b| {
        b.iter_batched(
            || graph.clone(),
            |g| App::new(g, "bench".into()),
            criterion::BatchSize::LargeInput,
        )
    });
}

fn frame(c: &mut Criterion) {
    let theme = Theme::dark();
    for n in [1_000usize, 100_000] {
        let mut app = App::new(debate(n), "bench".into());
        app.update(Action::Resize {
            width: 120,
            height: 40,
        });
        // Open a claim with its hundred children and move into them.
        app.update(Action::Down);
        app.update(Action::Right);
        for _ in 0..20 {
            app.update(Action::Down);
        }
        let area = Rect::new(0, 0, 120, 40);
        let mut buf = Buffer::empty(area);
        c.bench_function(&format!("draw 120x40 frame, {n} nodes"), |b| {
            b.iter(|| {
                buf.reset();
                views::render(&app, &theme, area, &mut buf);
            })
        });
    }
}

/// The detail pane of a thesis with 100,000 direct supporters: only the
/// link lines on screen are built.
fn wide_thesis(c: &mut Criterion) {
    let mut nodes = vec![Node::new(
        "t",
        Kind::Thesis,
        "A thesis with very many reasons",
    )];
    for i in 0..100_000 {
        let mut n = Node::new(format!("c{i}"), Kind::Claim, format!("Reason number {i}"));
        n.supports.push("t".into());
        nodes.push(n);
    }
    let graph = Graph::from_file(DebateFile {
        title: "Wide".into(),
        description: None,
        question: None,
        sources: vec![],
        nodes,
        tours: vec![],
    });
    let mut app = App::new(graph, "bench".into());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let theme = Theme::dark();
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    c.bench_function("draw 120x40 frame, thesis with 100000 children", |b| {
        b.iter(|| {
            buf.reset();
            views::render(&app, &theme, area, &mut buf);
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = frame, open, wide_thesis
}
criterion_main!(benches);
