//! Key-driven tests of what the explorer shows of sources, copying, the
//! brief, the columns, presenter mode and analysis nodes, on a debate whose
//! sources have every field (`fixtures/sourced.ron`).

mod common;

use agon::tui::action::View;
use agon::tui::app::{App, Pane, Request};
use agon::tui::clipboard::osc52;
use agon::tui::keymap::Key;
use agon::tui::theme::Theme;
use common::explorer::{press, shot_with};

fn app(w: u16, h: u16) -> App {
    common::explorer::app_on("sourced.ron", include_str!("fixtures/sourced.ron"), w, h)
}

fn chars(s: &str) -> Vec<Key> {
    s.chars().map(Key::Char).collect()
}

fn shot(app: &App, w: u16, h: u16) -> String {
    shot_with(app, &Theme::dark(), w, h)
}

fn focus_id(app: &App) -> &str {
    &app.graph().node(app.focused()).id
}

#[test]
fn selecting_a_source_shows_all_its_fields_and_the_evidence_citing_it() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        press(&mut a, &[Key::Char('3')]);
        assert_eq!(a.view(), View::Sources);
        assert_eq!(a.shown_source(), Some(0), "the first row is a source");
        let screen = shot(&a, w, h);
        for field in [
            "R. Roe",
            "Town Gazette",
            "2023-04-01",
            "https://example.org/survey",
        ] {
            assert!(
                screen.contains(field),
                "{field} missing at {w}x{h}:\n{screen}"
            );
        }
        assert!(screen.contains("garbled"), "the note is shown");
        assert!(screen.contains("Cited by (2)"), "{screen}");
        insta::assert_snapshot!(format!("source_detail_{w}x{h}"), screen);
    }
}

#[test]
fn a_sources_detail_links_lead_to_the_evidence() {
    let mut a = app(120, 40);
    press(&mut a, &[Key::Char('3'), Key::Enter]);
    assert_eq!(a.pane(), Pane::Detail);
    press(&mut a, &[Key::Char('j'), Key::Enter]);
    assert_eq!(focus_id(&a), "survey-cost");
    assert_eq!(a.shown_source(), None);
    // Moving onto a citation shows the node; back onto the source, the source.
    let mut a = app(120, 40);
    press(&mut a, &[Key::Char('3'), Key::Char('j')]);
    assert_eq!((a.shown_source(), focus_id(&a)), (None, "survey-times"));
    press(&mut a, &[Key::Char('k')]);
    assert_eq!(a.shown_source(), Some(0));
}

#[test]
fn o_asks_for_the_sources_url_and_only_that() {
    let mut a = app(120, 40);
    press(&mut a, &[Key::Char('3'), Key::Char('o')]);
    assert_eq!(
        a.take_requests(),
        vec![Request::OpenUrl("https://example.org/survey".into())]
    );
    // On evidence, its source's URL; on a source without one, nothing.
    press(&mut a, &[Key::Char('j'), Key::Char('o')]);
    assert_eq!(
        a.take_requests(),
        vec![Request::OpenUrl("https://example.org/survey".into())]
    );
    press(&mut a, &chars("jjo"));
    assert!(a.take_requests().is_empty());
    assert!(a.message().unwrap_or("").contains("No URL"));
}

/// The bytes `y` has the terminal loop write.
fn copied(a: &mut App) -> String {
    match a.take_requests().as_slice() {
        [Request::Copy(text)] => osc52(text),
        other => panic!("expected one copy, got {other:?}"),
    }
}

fn osc(text: &str) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\u{1b}]52;c;{b64}\u{7}")
}

#[test]
fn y_copies_evidence_as_a_quote_with_its_citation_without_control_characters() {
    let mut a = app(120, 40);
    press(&mut a, &[Key::Char('3'), Key::Char('j'), Key::Char('y')]);
    assert_eq!(focus_id(&a), "survey-times");
    assert_eq!(
        copied(&mut a),
        osc(
            "“The average commuter loses twenty minutes a day in traffic.”\n\
             — R. Roe, “Commuter survey 2023”, Town Gazette, 2023-04-01, p. 2"
        )
    );
}

#[test]
fn y_copies_a_claims_title_and_text_and_a_sources_citation() {
    let mut a = app(120, 40);
    press(&mut a, &[Key::Char('j'), Key::Char('y')]);
    assert_eq!(focus_id(&a), "faster");
    assert_eq!(
        copied(&mut a),
        osc(
            "Trams are faster than buses in traffic, because dedicated tracks keep them out of every jam in the centre\n\n\
             Dedicated tracks keep trams out of congestion."
        )
    );
    press(&mut a, &[Key::Char('3'), Key::Char('y')]);
    assert_eq!(
        copied(&mut a),
        osc("R. Roe, “Commuter survey 2023”, Town Gazette, 2023-04-01\n\
             https://example.org/survey\n\
             The copy online is garbled after page 3; quote from the print edition.")
    );
}

/// The brief pane's title row.
fn title_row(screen: &str) -> String {
    screen.lines().nth(2).unwrap_or("").to_string()
}

#[test]
fn the_brief_title_tells_the_theses_and_sides_apart_at_120_columns() {
    let mut a = app(120, 40);
    press(&mut a, &[Key::Char('4')]);
    let mut titles = vec![title_row(&shot(&a, 120, 40))];
    for _ in 0..3 {
        press(&mut a, &[Key::Char('s')]);
        titles.push(title_row(&shot(&a, 120, 40)));
    }
    assert!(
        titles[0].contains("Brief 1/2, for: “…should build a tram line”"),
        "{titles:?}"
    );
    assert!(titles[1].contains("Brief 1/2, against: “…should build a tram line”"));
    assert!(
        titles[2].contains("Brief 2/2, for: “…should buy electric"),
        "{}",
        titles[2]
    );
    // Beyond the counter, the thesis titles themselves read apart.
    let thesis_part = |t: &str| t.split(": ").nth(1).unwrap_or("").to_string();
    assert_ne!(
        thesis_part(&titles[0]),
        thesis_part(&titles[2]),
        "{titles:?}"
    );
    for (i, t) in titles.iter().enumerate() {
        for u in &titles[i + 1..] {
            assert_ne!(t, u);
        }
    }
}

#[test]
fn the_briefs_counts_say_what_their_lists_hold_and_it_carries_source_notes() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        press(&mut a, &[Key::Char('4'), Key::Char('s')]);
        let screen = shot(&a, w, h);
        insta::assert_snapshot!(format!("brief_against_{w}x{h}"), screen);
    }
    let mut a = app(160, 48);
    press(&mut a, &[Key::Char('4')]);
    let screen = shot(&a, 160, 48);
    // Arguing for the tram: one opposing point ("cost"), answered by the grants.
    assert!(
        screen.contains("To answer: 0 of 1 opposing points stand"),
        "{screen}"
    );
    assert!(
        screen.contains("Answered: 1 of 1 opposing points fall"),
        "{screen}"
    );
    assert!(screen.contains("Notes on the sources (1)"), "{screen}");
    assert!(screen.contains("garbled after page 3"), "{screen}");
    press(&mut a, &[Key::Char('G')]);
    assert_eq!(
        a.shown_source(),
        Some(0),
        "the detail pane shows the noted source"
    );
    let g = a.graph();
    let thesis = g.theses()[0];
    let w = a.whatif();
    let brief = agon::brief::Brief::build(
        g,
        w.labels(),
        w.strengths(),
        agon::brief::BriefSide::For,
        thesis,
    );
    let md = agon::brief::Brief::to_markdown(g, &brief, None);
    assert!(
        md.contains("## Notes on the sources\n\n- **Commuter survey 2023** (R. Roe, Town Gazette, 2023-04-01): The copy online is garbled"),
        "{md}"
    );
}

#[test]
fn columns_stand_side_by_side_from_100_columns_and_titles_use_the_width() {
    for (w, side_by_side) in [(99, false), (100, true), (120, true)] {
        let mut a = app(w, 30);
        press(&mut a, &[Key::Char('2')]);
        let screen = shot(&a, w, 30);
        let same_row = screen
            .lines()
            .any(|l| l.contains("Supporting") && l.contains("Opposing"));
        assert_eq!(same_row, side_by_side, "at {w} columns:\n{screen}");
    }
    // At 200 columns a title gets far more than forty cells.
    let mut a = app(200, 30);
    press(&mut a, &[Key::Char('2')]);
    let screen = shot(&a, 200, 30);
    assert!(
        screen.contains("Trams are faster than buses in traffic, because"),
        "{screen}"
    );
}

#[test]
fn the_detail_pane_follows_the_columns_highlight_and_h_goes_to_the_parent() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        press(&mut a, &[Key::Char('2'), Key::Down]);
        insta::assert_snapshot!(format!("columns_follow_{w}x{h}"), shot(&a, w, h));
        assert_eq!(focus_id(&a), "tram");
        let shown = a.graph().node(a.detail_node()).id.clone();
        assert_eq!(shown, "survey-cost", "the second supporter is highlighted");
        press(&mut a, &[Key::Right]);
        assert_eq!(a.graph().node(a.detail_node()).id, "cost");
        // Enter goes in; h comes back up to the parent.
        press(&mut a, &[Key::Enter]);
        assert_eq!(focus_id(&a), "cost");
        assert_eq!(a.detail_node(), a.focused());
        press(&mut a, &[Key::Char('h')]);
        assert_eq!(focus_id(&a), "tram");
    }
}

fn node(app: &App, id: &str) -> agon::graph::NodeIx {
    app.graph().by_id(id).expect("fixture node")
}

#[test]
fn analysis_nodes_are_marked_in_words_and_a_toggles_sources_only() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        let grants = node(&a, "grants");
        a.visit(grants);
        let screen = shot(&a, w, h);
        assert!(
            screen
                .lines()
                .any(|l| l.contains("∴ ✓ ") && l.contains("National grants")),
            "outline marks it:\n{screen}"
        );
        assert!(
            screen.contains("the map's analysis"),
            "detail says it:\n{screen}"
        );
        insta::assert_snapshot!(format!("analysis_{w}x{h}"), screen);
    }
    let mut a = app(120, 40);
    let (grants, cost) = (node(&a, "grants"), node(&a, "cost"));
    assert_eq!(a.label(cost), agon::eval::Label::Out);
    press(&mut a, &[Key::Char('a')]);
    assert!(a.whatif().is_suspended(grants));
    assert_eq!(
        a.label(cost),
        agon::eval::Label::In,
        "without the analysis, the cost stands"
    );
    assert!(
        a.message()
            .unwrap_or("")
            .contains("1 analysis nodes suspended")
    );
    press(&mut a, &[Key::Char('a')]);
    assert!(!a.whatif().is_suspended(grants));
    assert_eq!(a.label(cost), agon::eval::Label::Out);
}

/// The card's bottom breadcrumb (the third line from the bottom).
fn breadcrumb(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len() - 3].to_string()
}

#[test]
fn presenter_narration_that_does_not_fit_says_so_and_scrolls_at_60x18() {
    let mut a = app(60, 18);
    press(&mut a, &[Key::Char('t'), Key::Enter, Key::Right]);
    let first = shot(&a, 60, 18);
    assert!(first.contains("▼ more follows"), "{first}");
    assert!(
        first.contains("The main reason for it is speed."),
        "{first}"
    );
    let mut screen = first.clone();
    for _ in 0..20 {
        press(&mut a, &[Key::Down]);
        screen = shot(&a, 60, 18);
    }
    assert!(screen.contains("▲ end"), "{screen}");
    assert!(screen.contains("side must answer."), "{screen}");
    press(&mut a, &[Key::Up]);
    assert!(shot(&a, 60, 18).contains("▼ more follows"));
    // The next step starts at its top again.
    press(&mut a, &[Key::Right, Key::Left]);
    assert_eq!(shot(&a, 60, 18), first);
}

#[test]
fn presenter_breadcrumb_follows_the_step_and_n_hides_the_narration() {
    let mut a = app(60, 18);
    press(&mut a, &[Key::Char('t'), Key::Enter]);
    let mut crumbs = vec![breadcrumb(&shot(&a, 60, 18))];
    for _ in 0..2 {
        press(&mut a, &[Key::Right]);
        crumbs.push(breadcrumb(&shot(&a, 60, 18)));
    }
    assert!(crumbs[2].contains("National grants"), "{crumbs:?}");
    assert_ne!(crumbs[1], crumbs[2], "{crumbs:?}");
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        press(
            &mut a,
            &[Key::Char('t'), Key::Enter, Key::Right, Key::Char('n')],
        );
        let screen = shot(&a, w, h);
        assert!(
            !screen.contains("The main reason for it is speed."),
            "{screen}"
        );
        assert!(screen.contains("narration hidden"), "{screen}");
        insta::assert_snapshot!(format!("presenter_hidden_narration_{w}x{h}"), screen);
        press(&mut a, &[Key::Char('n')]);
        assert!(shot(&a, w, h).contains("The main reason for it is speed."));
    }
}

#[test]
fn the_contrast_theme_paints_every_cell_on_its_own_background() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};
    let theme = Theme::select(Some("contrast"), false).expect("shipped theme");
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        press(&mut a, &[Key::Char('j'), Key::Char('3')]);
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        agon::tui::views::render(&a, &theme, area, &mut buf);
        for cell in buf.content() {
            assert!(
                !matches!(cell.bg, Color::Reset),
                "a cell on the terminal's own background at {w}x{h}"
            );
            assert!(cell.modifier.contains(Modifier::BOLD));
        }
    }
}

/// The detail pane's "Why" section and its links, drawn into a buffer
/// `w` wide, as text.
fn why_section(app: &App, w: u16) -> String {
    use ratatui::widgets::Widget;
    let area = ratatui::layout::Rect::new(0, 0, w, 80);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    agon::tui::views::detail::DetailView {
        app,
        theme: &Theme::monochrome(),
        focused: false,
    }
    .render(area, &mut buf);
    let rows: Vec<String> = (0..area.height)
        .map(|y| {
            // Inside the pane's borders.
            let row: String = (1..w - 1)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            row.trim_end().to_string()
        })
        .collect();
    let start = rows
        .iter()
        .position(|r| r == "Why")
        .unwrap_or_else(|| panic!("no Why section in:\n{}", rows.join("\n")));
    let end = rows[start..]
        .iter()
        .position(|r| r.starts_with("Supports") || r.starts_with("Attacked by"))
        .map_or(rows.len(), |e| start + e);
    rows[start..end].join("\n")
}

#[test]
fn the_why_explains_the_label_under_each_semantics() {
    let graph = agon::graph::builtin().expect("built-in debate").graph;
    let mut a = App::new(graph, agon::graph::BUILTIN_NAME.into());
    a.update(agon::tui::action::Action::Resize {
        width: 160,
        height: 48,
    });
    let ix = node(&a, "hastens-end-of-war");
    a.focus(ix, agon::tui::app::Visit::Quiet);
    let mut seen = Vec::new();
    for _ in 0..4 {
        let reading = a.whatif().reading().name();
        let why = why_section(&a, 76);
        insta::assert_snapshot!(format!("why_{reading}"), why);
        seen.push(reading);
        press(&mut a, &[Key::Char('S')]);
    }
    assert_eq!(seen, ["grounded", "preferred", "stable", "strength"]);
}

#[test]
fn the_preferred_why_names_what_holds_everywhere_and_what_nowhere() {
    let text = include_str!("fixtures/explorer.ron");
    let mut a = common::explorer::app_on("explorer.ron", text, 120, 40);
    press(&mut a, &[Key::Char('S')]);
    assert_eq!(a.whatif().reading().name(), "preferred");
    let why = |a: &App, id: &str| {
        let ix = a.graph().by_id(id).unwrap();
        agon::tui::views::why::lines(a.graph(), a.whatif(), ix).join(" ")
    };
    // grants-safe stands unattacked, so grants-cut falls, grants stands
    // and cost falls in every preferred extension.
    assert_eq!(
        why(&a, "grants"),
        "Accepted in every preferred extension: every consistent position that answers \
         all attacks keeps it. Its attacker “The grant programme may be cut next year\
         ” holds in no such position."
    );
    assert_eq!(
        why(&a, "cost"),
        "Rejected: in no preferred extension. “National grants cover two thirds of the \
         cost” holds in every one, and attacks it."
    );
    let cost = a.graph().by_id("cost").unwrap();
    let grants = a.graph().by_id("grants").unwrap();
    assert_eq!(
        agon::tui::views::why::named(a.graph(), a.whatif(), cost),
        [grants]
    );
}
