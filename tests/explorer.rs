//! The explorer without a terminal: `update` driven by actions, and views
//! rendered into buffers (tiny ones included).

mod common;

use agon::eval::Label;
use agon::graph::{Graph, NodeIx};
use agon::tui::action::{Action, View};
use agon::tui::app::{App, Pane};
use agon::tui::overlay::Overlay;
use agon::tui::theme::Theme;
use agon::tui::views;
use agon::tui::viewstate::detail::DetailLayout;
use common::explorer::press;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn graph() -> Graph {
    let text = include_str!("fixtures/explorer.ron");
    agon::graph::load_str("explorer.ron", text)
        .expect("fixture is valid")
        .graph
}

fn app() -> App {
    common::explorer::app_on(
        "explorer.ron",
        include_str!("fixtures/explorer.ron"),
        120,
        40,
    )
}

fn id(app: &App, ix: NodeIx) -> &str {
    &app.graph().node(ix).id
}

fn ix(app: &App, id: &str) -> NodeIx {
    app.graph().by_id(id).expect("id in fixture")
}

fn screen(app: &App, theme: &Theme, w: u16, h: u16) -> String {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    views::render(app, theme, area, &mut buf);
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn opens_on_the_thesis_with_its_children_listed() {
    let app = app();
    assert_eq!(id(&app, app.focused()), "tram");
    let ids: Vec<&str> = app
        .outline()
        .tree
        .rows
        .iter()
        .map(|r| id(&app, r.node))
        .collect();
    assert_eq!(ids, ["tram", "faster", "quiet", "wide", "cost", "noise"]);
}

#[test]
fn down_moves_focus_and_right_expands_then_enters() {
    let mut app = app();
    app.update(Action::Down);
    assert_eq!(id(&app, app.focused()), "faster");
    let before = app.outline().tree.rows.len();
    app.update(Action::Right);
    assert!(app.outline().tree.rows.len() > before, "expanded");
    assert_eq!(
        id(&app, app.focused()),
        "faster",
        "expanding keeps the focus"
    );
    app.update(Action::Right);
    assert_eq!(
        id(&app, app.focused()),
        "survey-times",
        "second right enters"
    );
    app.update(Action::Left);
    assert_eq!(
        id(&app, app.focused()),
        "faster",
        "left on a leaf goes to the parent"
    );
    app.update(Action::Left);
    assert_eq!(
        app.outline().tree.rows.len(),
        before,
        "left on an open row collapses it"
    );
}

#[test]
fn top_bottom_and_pages_stay_in_bounds() {
    let mut app = app();
    app.update(Action::Bottom);
    assert_eq!(
        app.outline().cursor.selected,
        app.outline().tree.rows.len() - 1
    );
    app.update(Action::PageDown);
    assert_eq!(
        app.outline().cursor.selected,
        app.outline().tree.rows.len() - 1
    );
    app.update(Action::Top);
    assert_eq!(app.outline().cursor.selected, 0);
    app.update(Action::PageUp);
    assert_eq!(app.outline().cursor.selected, 0);
}

#[test]
fn following_links_records_history_back_and_forward() {
    let mut app = app();
    app.update(Action::Down); // faster
    app.update(Action::NextPane);
    assert_eq!(app.pane(), Pane::Detail);
    // faster's links: supports tram, then supported by survey-times and wide.
    app.update(Action::Right);
    app.update(Action::Activate);
    assert_eq!(id(&app, app.focused()), "survey-times");
    app.update(Action::Activate); // its only link: faster
    assert_eq!(id(&app, app.focused()), "faster");
    app.update(Action::Back);
    assert_eq!(id(&app, app.focused()), "survey-times");
    app.update(Action::Back);
    assert_eq!(id(&app, app.focused()), "faster");
    app.update(Action::Forward);
    assert_eq!(id(&app, app.focused()), "survey-times");
    // The outline follows the focus, revealing it.
    let row = &app.outline().tree.rows[app.outline().cursor.selected];
    assert_eq!(id(&app, row.node), "survey-times");
}

#[test]
fn columns_show_supporters_and_attackers_and_enter_refocuses() {
    let mut app = app();
    app.update(Action::ShowView(View::Columns));
    let [pro, con] = app.columns();
    let pro: Vec<&str> = pro.iter().map(|&n| id(&app, n)).collect();
    let con: Vec<&str> = con.iter().map(|&n| id(&app, n)).collect();
    assert_eq!(pro, ["faster", "quiet", "wide"]);
    assert_eq!(con, ["cost", "noise"]);
    app.update(Action::Right);
    app.update(Action::Activate);
    assert_eq!(id(&app, app.focused()), "cost");
    let [_, con] = app.columns();
    assert_eq!(
        con.iter().map(|&n| id(&app, n)).collect::<Vec<_>>(),
        ["grants"]
    );
    app.update(Action::Back);
    assert_eq!(id(&app, app.focused()), "tram");
}

#[test]
fn sources_view_jumps_to_citing_evidence() {
    let mut app = app();
    app.update(Action::ShowView(View::Sources));
    app.update(Action::Down);
    app.update(Action::Activate);
    assert_eq!(id(&app, app.focused()), "survey-times");
    assert_eq!(app.view(), View::Outline);
}

#[test]
fn what_if_changes_labels_and_clearing_restores_them() {
    let mut app = app();
    let (grants, cost) = (ix(&app, "grants"), ix(&app, "cost"));
    assert_eq!(app.label(grants), Label::In);
    assert_eq!(app.label(cost), Label::Out);
    app.visit(grants);
    app.update(Action::WhatIf);
    assert_eq!(app.whatif().count(), 1);
    assert_eq!(
        app.label(cost),
        Label::In,
        "cost stands once its rebuttal is gone"
    );
    assert!(app.whatif().changed(cost));
    app.update(Action::ClearWhatIfs);
    assert_eq!(app.whatif().count(), 0);
    assert_eq!(app.label(cost), Label::Out);
    assert!(!app.whatif().changed(cost));
}

#[test]
fn overlays_stack_and_esc_pops_the_top() {
    let mut app = app();
    app.update(Action::Help);
    app.update(Action::Tours);
    assert_eq!(app.overlays().len(), 2);
    assert!(matches!(app.overlays().last(), Some(Overlay::Tours(_))));
    app.update(Action::Close);
    assert!(matches!(app.overlays().last(), Some(Overlay::Help(_))));
    // Moving keys scroll the help, not the outline behind it.
    app.update(Action::Down);
    assert_eq!(app.outline().cursor.selected, 0);
    app.update(Action::Close);
    assert!(app.overlays().is_empty());
    app.update(Action::Quit);
    assert!(app.should_quit());
}

#[test]
fn clicks_select_rows_and_panes() {
    let mut app = app();
    let areas = app.areas();
    // Third row inside the outline's border.
    app.update(Action::Click {
        col: areas.main.x + 3,
        row: areas.main.y + 3,
    });
    assert_eq!(app.outline().cursor.selected, 2);
    let detail = areas.detail.expect("wide enough for two panes");
    app.update(Action::Click {
        col: detail.x + 2,
        row: detail.y + 2,
    });
    assert_eq!(app.pane(), Pane::Detail);
    app.update(Action::Scroll {
        col: areas.main.x + 2,
        row: areas.main.y + 2,
        down: true,
    });
}

#[test]
fn every_size_down_to_one_cell_draws_without_panic() {
    let theme = Theme::dark();
    let mut app = app();
    app.update(Action::Help);
    for w in [1u16, 2, 5, 39, 40, 41, 69, 70, 80, 200] {
        for h in [1u16, 2, 9, 10, 11, 24, 60] {
            app.update(Action::Resize {
                width: w,
                height: h,
            });
            let _ = screen(&app, &theme, w, h);
        }
    }
}

#[test]
fn too_small_says_so() {
    let mut app = app();
    app.update(Action::Resize {
        width: 30,
        height: 8,
    });
    let s = screen(&app, &Theme::dark(), 30, 8);
    assert!(s.contains("too small"), "{s}");
    assert!(!s.contains("Outline"));
}

#[test]
fn control_characters_are_stripped_and_wide_characters_measured() {
    let mut app = app();
    let wide = ix(&app, "wide");
    app.visit(wide);
    let s = screen(&app, &Theme::dark(), 120, 40);
    assert!(
        !s.contains('\u{1b}') && !s.contains('\u{7}'),
        "escape reached the screen"
    );
    assert!(s.contains("red escapes are stripped"), "{s}");
    // Wide characters take two cells each: the Latin text after the CJK
    // title starts exactly where the title's display width says.
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    views::render(&app, &Theme::dark(), area, &mut buf);
    let (row, start) = (0..40)
        .find_map(|y| {
            (0..120)
                .find(|&x| buf[(x, y)].symbol() == "日")
                .map(|x| (y, x))
        })
        .expect("the CJK title is on screen");
    let w_at = (start..120)
        .find(|&x| buf[(x, row)].symbol() == "w")
        .expect("the Latin part follows");
    let before = "日本の路面電車は便利 🚋 ";
    assert_eq!(
        (w_at - start) as usize,
        unicode_width::UnicodeWidthStr::width(before)
    );
}

#[test]
fn monochrome_theme_keeps_selection_visible() {
    let app = app();
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    views::render(&app, &Theme::monochrome(), area, &mut buf);
    let areas = app.areas();
    let cell = &buf[(areas.main.x + 2, areas.main.y + 1)];
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    assert_eq!(cell.fg, ratatui::style::Color::Reset);
}

#[test]
fn help_overlay_lists_every_binding_of_the_keymap() {
    let lines = agon::tui::keymap::help_lines();
    for b in agon::tui::keymap::KEYMAP {
        assert!(
            lines
                .iter()
                .any(|(_, keys, desc)| *desc == b.desc && *keys == b.keys_label()),
            "{} missing from help",
            b.desc
        );
    }
}

#[test]
fn marks_cycle_and_notes_edit_without_triggering_commands() {
    use agon::tui::keymap::{Key, lookup};
    let mut app = app();
    let press = |app: &mut App, k: Key| {
        if let Some(a) = lookup(&app.contexts(), k) {
            app.update(a);
        }
    };
    press(&mut app, Key::Char('m'));
    assert_eq!(app.mark_of(app.focused()), Some(agon::state::Mark::Star));
    assert!(app.state_dirty());
    for _ in 0..3 {
        press(&mut app, Key::Char('m'));
    }
    assert_eq!(
        app.mark_of(app.focused()),
        None,
        "four presses come back to no mark"
    );
    press(&mut app, Key::Char('n'));
    for c in "q? ok".chars() {
        press(&mut app, Key::Char(c));
    }
    press(&mut app, Key::Backspace);
    assert!(!app.should_quit(), "q in the note editor is text");
    press(&mut app, Key::Ctrl('s'));
    assert_eq!(app.note_of(app.focused()), Some("q? o"));
    // Esc asks before it drops an edit; a second Esc drops it.
    press(&mut app, Key::Char('n'));
    press(&mut app, Key::Char('x'));
    press(&mut app, Key::Esc);
    assert_eq!(app.note_draft().map(|(_, t)| t).as_deref(), Some("q? ox"));
    press(&mut app, Key::Esc);
    assert!(app.note_draft().is_none());
    assert_eq!(app.note_of(app.focused()), Some("q? o"));
    app.update(Action::ShowView(View::Marks));
    assert_eq!(app.mark_rows().len(), 1);
}

#[test]
fn brief_view_orders_points_and_links_into_the_explorer() {
    use agon::tui::viewstate::brief::BriefRow;
    let mut app = app();
    app.update(Action::ShowView(View::Brief));
    let (brief, rows) = app.brief().built.clone().expect("brief built");
    assert_eq!(brief.side, agon::brief::BriefSide::For);
    // Standing points come before fallen ones.
    let labels: Vec<Label> = brief.points.iter().map(|p| p.label).collect();
    let mut sorted = labels.clone();
    sorted.sort_by_key(|l| match l {
        Label::In => 0,
        Label::Undec => 1,
        Label::Out => 2,
    });
    assert_eq!(labels, sorted);
    // Enter on the first point opens it in the outline.
    let first = rows
        .iter()
        .position(|r| matches!(r, BriefRow::Ours { .. }))
        .expect("a point");
    // Opening the brief puts the cursor on its first point, and focuses it.
    assert_eq!(app.brief().cursor.selected, first);
    assert_eq!(app.focused(), brief.points[0].node);
    app.update(Action::Activate);
    assert_eq!(app.view(), View::Outline);
    assert_eq!(app.focused(), brief.points[0].node);
    // s switches sides, and what-if rebuilds the brief.
    app.update(Action::ShowView(View::Brief));
    app.update(Action::ToggleSide);
    assert_eq!(
        app.brief().built.as_ref().unwrap().0.side,
        agon::brief::BriefSide::Against
    );
}

#[test]
fn presenter_steps_reveals_and_explores() {
    use agon::tui::keymap::{Key, lookup};
    let mut app = app();
    let press = |app: &mut App, k: Key| {
        if let Some(a) = lookup(&app.contexts(), k) {
            app.update(a);
        }
    };
    press(&mut app, Key::Char('t'));
    press(&mut app, Key::Enter);
    assert!(app.is_presenting());
    assert_eq!(id(&app, app.focused()), "tram");
    press(&mut app, Key::Char(' '));
    assert_eq!(id(&app, app.focused()), "faster");
    let p = app.tour().unwrap();
    assert_eq!(p.counter(), (2, 4));
    let hidden = p.hidden_count();
    assert!(hidden > 0);
    press(&mut app, Key::Char('r'));
    assert_eq!(app.tour().unwrap().hidden_count(), hidden - 1);
    // e jumps into the explorer at the step's node, e again returns.
    press(&mut app, Key::Char('e'));
    assert!(!app.is_presenting());
    assert_eq!(id(&app, app.focused()), "faster");
    press(&mut app, Key::Char('j'));
    press(&mut app, Key::Char('e'));
    assert!(app.is_presenting());
    press(&mut app, Key::Left);
    assert_eq!(id(&app, app.focused()), "tram");
    // q leaves presenter mode, it does not quit agon.
    press(&mut app, Key::Char('q'));
    assert!(!app.is_presenting() && app.tour().is_none() && !app.should_quit());
}

#[test]
fn search_box_takes_typing_drops_stale_results_and_jumps() {
    use agon::search::{SearchIndex, search};
    use agon::tui::keymap::{Key, lookup};
    use std::sync::Arc;
    let mut app = app();
    let index = Arc::new(SearchIndex::new(app.shared_graph()));
    let press = |app: &mut App, k: Key| {
        if let Some(a) = lookup(&app.contexts(), k) {
            app.update(a);
        }
    };
    app.update(Action::Down);
    let origin = app.focused();
    press(&mut app, Key::Char('/'));
    for c in "qui".chars() {
        press(&mut app, Key::Char(c));
    }
    assert!(!app.should_quit(), "q typed into the search box is text");
    assert_eq!(app.search().and_then(|s| s.pending.as_deref()), Some("qui"));
    // Results for an older query are dropped; the current one's are kept.
    app.receive_search(search(&index, "qu", 50));
    assert!(
        app.search().unwrap().results.is_none(),
        "stale results were shown"
    );
    app.receive_search(search(&index, "qui", 50));
    let top = app.search().unwrap().results.as_ref().unwrap().hits[0].node;
    assert_eq!(id(&app, top), "quiet");
    press(&mut app, Key::Enter);
    assert!(app.overlays().is_empty());
    assert_eq!(id(&app, app.focused()), "quiet");
    press(&mut app, Key::Backspace);
    assert_eq!(app.focused(), origin, "the jump is in the history");
}

#[test]
fn search_esc_returns_to_where_the_user_was() {
    let mut app = app();
    app.update(Action::Down);
    let origin = app.focused();
    app.update(Action::Search);
    app.update(Action::Input('x'));
    app.update(Action::Close);
    assert!(app.overlays().is_empty());
    assert_eq!(app.focused(), origin);
}

#[test]
fn enter_before_results_arrive_jumps_when_they_do() {
    use agon::search::{SearchIndex, search};
    use std::sync::Arc;
    let mut app = app();
    let index = Arc::new(SearchIndex::new(app.shared_graph()));
    app.update(Action::Search);
    app.update(Action::Input('n'));
    app.receive_search(search(&index, "n", 50));
    app.update(Action::Input('o'));
    app.update(Action::Input('i'));
    // Results shown are for "n"; Enter must not jump to them.
    app.update(Action::Activate);
    assert!(!app.overlays().is_empty(), "jumped to a stale result");
    app.receive_search(search(&index, "noi", 50));
    assert!(app.overlays().is_empty());
    assert_eq!(id(&app, app.focused()), "noise");
}

#[test]
fn the_why_names_the_deciding_nodes_as_links() {
    use agon::tui::viewstate::detail::{LinkGroup, detail_links};
    let mut app = app();
    let cost = ix(&app, "cost");
    let links = detail_links(app.graph(), app.whatif(), cost);
    assert_eq!(links[0], (LinkGroup::Why, ix(&app, "grants")));
    // Following it from the detail pane.
    app.visit(cost);
    app.update(Action::NextPane);
    app.update(Action::Activate);
    assert_eq!(id(&app, app.focused()), "grants");
    // A node on the noise/quiet cycle names the cycle.
    let noise = ix(&app, "noise");
    let links = detail_links(app.graph(), app.whatif(), noise);
    assert!(links.contains(&(LinkGroup::Why, ix(&app, "quiet"))));
}

#[test]
fn enter_then_back_returns_in_one_step() {
    let mut app = app();
    app.update(Action::Down); // faster
    app.update(Action::Activate); // focus: records faster, keyboard to detail
    app.update(Action::Right); // second link: survey-times (first is "tram")
    app.update(Action::Activate);
    assert_eq!(id(&app, app.focused()), "survey-times");
    app.update(Action::Back);
    assert_eq!(id(&app, app.focused()), "faster", "one Back, one step");
}

#[test]
fn lists_move_the_focus_so_marks_act_on_the_selected_row() {
    let mut app = app();
    app.update(Action::ShowView(View::Sources));
    app.update(Action::Down);
    assert_eq!(id(&app, app.focused()), "survey-times");
    app.update(Action::CycleMark);
    assert!(app.mark_of(ix(&app, "survey-times")).is_some());
    // In the marks view, moving selects and focuses.
    app.visit(ix(&app, "cost"));
    app.update(Action::CycleMark);
    app.update(Action::ShowView(View::Marks));
    app.update(Action::Down);
    let row_node = match &app.mark_rows()[app.marks().cursor.selected] {
        agon::tui::viewstate::marks::MarkRow::Node(n) => *n,
        other => panic!("{other:?}"),
    };
    assert_eq!(app.focused(), row_node);
}

#[test]
fn presenter_mode_does_not_change_the_hidden_explorer() {
    let mut app = app();
    app.update(Action::Tours);
    app.update(Action::Activate);
    let focus = app.focused();
    for a in [
        Action::ShowView(View::Sources),
        Action::Back,
        Action::NextPane,
        Action::CycleMark,
        Action::WhatIf,
    ] {
        app.update(a);
    }
    assert!(app.is_presenting());
    assert_eq!(app.focused(), focus);
    assert_eq!(app.view(), View::Outline);
    assert_eq!(app.whatif().count(), 0);
    assert!(app.mark_of(focus).is_none());
}

#[test]
fn detail_pane_scrolls_by_page_and_wheel_within_its_text() {
    let mut app = app();
    app.update(Action::Resize {
        width: 100,
        height: 12,
    });
    app.visit(ix(&app, "tram"));
    app.update(Action::NextPane);
    app.update(Action::PageDown);
    assert!(app.detail().scroll > 0);
    for _ in 0..50 {
        app.update(Action::PageDown);
    }
    let max = app.detail().scroll;
    app.update(Action::PageDown);
    assert_eq!(app.detail().scroll, max, "clamped at the end");
    app.update(Action::PageUp);
    assert!(app.detail().scroll < max);
}

#[test]
fn keys_do_nothing_while_the_screen_is_too_small() {
    let mut app = app();
    app.update(Action::Resize {
        width: 20,
        height: 5,
    });
    app.update(Action::Down);
    app.update(Action::WhatIf);
    assert_eq!(app.outline().cursor.selected, 0);
    assert_eq!(app.whatif().count(), 0);
    app.update(Action::Quit);
    assert!(app.should_quit());
}

#[test]
fn clicks_work_in_every_list_view_and_on_detail_links() {
    let mut app = app();
    let areas = app.areas();
    // Sources: the second row is the survey's citation.
    app.update(Action::ShowView(View::Sources));
    app.update(Action::Click {
        col: areas.main.x + 4,
        row: areas.main.y + 2,
    });
    assert_eq!(id(&app, app.focused()), "survey-times");
    // Columns: a click in the opposing column selects its row.
    app.visit(ix(&app, "tram"));
    app.update(Action::ShowView(View::Columns));
    // The columns view has its own split of the screen.
    let body = agon::tui::layout::columns_body(app.areas().main);
    let con = agon::tui::layout::column_area(body, 1);
    let (col, row) = (con.x + 4, con.y + 1);
    app.update(Action::Click { col, row });
    assert_eq!(app.columns_state().active.index(), 1);
    // Detail: click a link once to select it, twice to follow it.
    app.update(Action::ShowView(View::Outline));
    app.visit(ix(&app, "cost"));
    app.update(Action::NextPane);
    let detail = areas.detail.expect("two panes");
    let lines = DetailLayout::new(app.shown(), detail.width as usize - 2);
    let link_row = (detail.y..detail.y + detail.height)
        .find(|&r| lines.link_at(app.detail(), detail, r) == Some(0))
        .expect("the first link is on screen");
    app.update(Action::Click {
        col: detail.x + 4,
        row: link_row,
    });
    app.update(Action::Click {
        col: detail.x + 4,
        row: link_row,
    });
    assert_eq!(id(&app, app.focused()), "grants", "the why's first link");
}

#[test]
fn the_tours_list_keeps_the_selected_tour_on_screen_when_they_do_not_all_fit() {
    let mut g = graph();
    let tour = g.tours[0].clone();
    for i in 0..30 {
        let mut t = tour.clone();
        t.title = format!("Extra tour {i:02}");
        g.tours.push(t);
    }
    let mut app = App::new(g, "explorer.ron".into());
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app.update(Action::Tours);
    for _ in 0..25 {
        app.update(Action::Down);
    }
    let shown = screen(&app, &Theme::monochrome(), 80, 24);
    assert!(
        shown.contains("Extra tour 24"),
        "the selected tour is drawn:\n{shown}"
    );
    app.update(Action::Activate);
    assert!(app.is_presenting());
    assert_eq!(app.tour().unwrap().tour_index(), 25);
}

/// The row of `buf`'s screen text holding `needle`, if any.
fn row_with(screen: &str, needle: &str) -> Option<usize> {
    screen.lines().position(|l| l.contains(needle))
}

#[test]
fn the_selected_detail_link_shows_without_colour() {
    let theme = Theme::monochrome();
    let mut a = app();
    a.update(Action::Down);
    a.update(Action::NextPane);
    let before = screen(&a, &theme, 120, 40);
    a.update(Action::Right);
    let after = screen(&a, &theme, 120, 40);
    assert_ne!(
        before, after,
        "moving between links changes nothing on screen"
    );
    let row = row_with(&after, "▶ →").expect("the selected link has a marker");
    assert_eq!(after.matches("▶ →").count(), 1);
    assert!(row > row_with(&before, "▶ →").unwrap());
    // Reverse video over the row, as the outline's selection.
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    views::render(&a, &theme, area, &mut buf);
    let x = after
        .lines()
        .nth(row)
        .unwrap()
        .chars()
        .position(|c| c == '▶')
        .unwrap();
    let cell = &buf[(x as u16 + 4, row as u16)];
    assert!(
        cell.modifier.contains(ratatui::style::Modifier::REVERSED),
        "{cell:?}"
    );
}

#[test]
fn every_line_of_the_detail_pane_is_reachable_from_the_keyboard() {
    use agon::tui::keymap::Key as K;
    let builtin = || {
        let mut a = App::new(agon::graph::builtin().unwrap().graph, "b".into());
        a.update(Action::Resize {
            width: 80,
            height: 24,
        });
        let spies = ix(&a, "spies-and-saboteurs");
        a.visit(spies);
        a
    };
    let title = "Russia could hide spies";
    let theme = Theme::monochrome();
    // The pane alone, without the breadcrumb that names the node too.
    let pane = |a: &App| -> String {
        let s = screen(a, &theme, 80, 24);
        let right = |l: &str| {
            l.split_once('┃')
                .map_or(String::new(), |(_, r)| r.to_string())
        };
        s.lines()
            .skip(2)
            .take(21)
            .map(right)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let ups: [&[K]; 4] = [
        &[K::Char('k'); 40],
        &[K::PageUp; 6],
        &[K::Home],
        &[K::Char('g')],
    ];
    for up in ups {
        let mut a = builtin();
        press(&mut a, &[K::Tab]);
        assert!(pane(&a).contains(title), "after Tab");
        // Down to the links and past them, then back up.
        press(&mut a, &[K::Char('j'); 40]);
        assert!(!pane(&a).contains(title), "{}", pane(&a));
        assert!(
            screen(&a, &theme, 80, 24).contains("▶ →"),
            "a link is selected"
        );
        press(&mut a, up);
        let s = pane(&a);
        assert!(s.contains(title), "{up:?} does not reach the title:\n{s}");
    }
    // j walks every line: from the top, the last line comes into view.
    let mut a = builtin();
    press(&mut a, &[K::Tab]);
    let s = screen(&a, &theme, 80, 24);
    press(&mut a, &[K::End]);
    let end = screen(&a, &theme, 80, 24);
    let mut b = builtin();
    press(&mut b, &[K::Tab]);
    press(&mut b, &[K::Char('j'); 80]);
    assert_eq!(
        screen(&b, &theme, 80, 24).lines().nth(21),
        end.lines().nth(21),
        "{s}"
    );
}

#[test]
fn the_status_bar_drops_whole_hints_when_it_is_narrow() {
    use agon::tui::keymap;
    let theme = Theme::monochrome();
    for (w, h) in [(80, 24), (60, 18), (120, 40)] {
        let mut a = app();
        a.update(Action::Resize {
            width: w,
            height: h,
        });
        for keys in [vec![], vec![agon::tui::keymap::Key::Tab]] {
            press(&mut a, &keys);
            let s = screen(&a, &theme, w, h);
            let mut status = s.lines().last().unwrap().to_string();
            let hints = keymap::hints(&a.contexts());
            for (key, word) in &hints {
                status = status.replacen(&format!(" {key} {word} "), "", 1);
            }
            assert_eq!(status.trim(), "", "a hint is cut at {w}x{h}:\n{s}");
            assert!(s.lines().last().unwrap().contains("? help"));
        }
    }
}

#[test]
fn help_explains_every_symbol_and_label_and_offers_only_what_enter_does() {
    use agon::tui::viewstate::help::{HelpLine, help_lines};
    let lines = help_lines();
    let entry = |sym: &str| {
        lines
            .iter()
            .any(|l| matches!(l, HelpLine::Entry(k, d) if k == sym && !d.is_empty()))
    };
    for sym in [
        "◆",
        "+",
        "−",
        "❝",
        "⚑",
        "✓",
        "✗",
        "?",
        "⧉",
        "⊘",
        "★",
        "▶",
        "!",
        "✎",
        "(9)",
        "[6+ 0−]",
    ] {
        assert!(entry(sym), "the help does not explain {sym}");
    }
    assert!(lines.iter().any(|l| matches!(l, HelpLine::Text(t)
        if t.contains("stands: nothing standing attacks it (unrefuted, not proved)"))));
    let theme = Theme::monochrome();
    let mut a = app();
    a.update(Action::Help);
    let s = screen(&a, &theme, 120, 40);
    let status = s.lines().last().unwrap();
    assert!(!status.contains("choose"), "{status}");
    assert!(status.contains("Esc close"), "{status}");
    press(&mut a, &[agon::tui::keymap::Key::Enter]);
    assert!(a.overlays().is_empty());
}

#[test]
fn the_note_editor_edits_several_lines_and_loses_nothing() {
    use agon::tui::keymap::Key as K;
    let mut a = app();
    let node = a.focused();
    let typed = |a: &mut App, s: &str| {
        for c in s.chars() {
            press(a, &[K::Char(c)]);
        }
    };
    let draft = |a: &App| a.note_draft().map(|(_, t)| t).unwrap_or_default();
    press(&mut a, &[K::Char('n')]);
    typed(&mut a, "trams are quick");
    // Enter is a line break, not save.
    press(&mut a, &[K::Enter]);
    typed(&mut a, "but dear");
    assert_eq!(draft(&a), "trams are quick\nbut dear");
    assert_eq!(a.note_of(node), None, "nothing saved yet");
    // Ctrl-W deletes a word, Ctrl-U the start of the line.
    press(&mut a, &[K::Ctrl('w')]);
    assert_eq!(draft(&a), "trams are quick\nbut ");
    press(&mut a, &[K::Ctrl('u')]);
    assert_eq!(draft(&a), "trams are quick\n");
    // The cursor moves: up, Home, then typing lands at the start.
    press(&mut a, &[K::Up, K::Home]);
    typed(&mut a, "New ");
    press(
        &mut a,
        &[K::End, K::Left, K::Left, K::Left, K::Left, K::Left],
    );
    typed(&mut a, "very ");
    assert_eq!(draft(&a), "New trams are very quick\n");
    // Esc with unsaved text asks; typing again cancels the question.
    press(&mut a, &[K::Esc]);
    assert!(a.note_draft().is_some(), "Esc asked instead of dropping");
    let s = screen(&a, &Theme::monochrome(), 120, 40);
    assert!(s.contains("Unsaved note"), "{s}");
    press(&mut a, &[K::End]);
    typed(&mut a, "!");
    press(&mut a, &[K::Esc]);
    assert!(a.note_draft().is_some());
    press(&mut a, &[K::Ctrl('s')]);
    assert_eq!(a.note_of(node), Some("New trams are very quick!\n"));
    // A paste is text, line breaks and all; its q quits nothing.
    press(&mut a, &[K::Char('n')]);
    a.paste("\nq\r\nsecond\u{1b}[31m");
    assert!(!a.should_quit());
    assert_eq!(draft(&a), "New trams are very quick!\n\nq\nsecond");
    // Quitting with an unsaved note saves it rather than drop it.
    press(&mut a, &[K::Ctrl('c')]);
    assert!(a.should_quit());
    assert_eq!(
        a.note_of(node),
        Some("New trams are very quick!\n\nq\nsecond")
    );
}

#[test]
fn a_what_if_shows_in_every_mode_and_w_clears_it_anywhere() {
    use agon::tui::keymap::Key as K;
    let theme = Theme::monochrome();
    let mut a = app();
    let (grants, cost) = (ix(&a, "grants"), ix(&a, "cost"));
    a.visit(grants);
    press(&mut a, &[K::Char('w')]);
    // Presenter mode: the banner, and the suspended node's card says so.
    press(
        &mut a,
        &[K::Char('t'), K::Enter, K::Char(' '), K::Char(' ')],
    );
    press(&mut a, &[K::Char('r'), K::Char('r')]);
    let s = screen(&a, &theme, 120, 40);
    assert!(s.contains("what-if: 1 suspended · W clears"), "{s}");
    assert!(!s.contains("✓ Grants") && s.contains("⊘ "), "{s}");
    press(&mut a, &[K::Char(' ')]);
    let s = screen(&a, &theme, 120, 40);
    assert!(s.contains("⊘ suspended (what-if)"), "{s}");
    press(&mut a, &[K::Char('W')]);
    assert_eq!(a.whatif().count(), 0, "W clears in presenter mode");
    assert!(!screen(&a, &theme, 120, 40).contains("what-if:"));
    press(&mut a, &[K::Esc]);
    // Help over the explorer: the banner stays in view and W still works.
    a.visit(grants);
    press(&mut a, &[K::Char('w'), K::Char('?')]);
    assert!(screen(&a, &theme, 120, 40).contains("what-if: 1 suspended"));
    press(&mut a, &[K::Char('W')]);
    assert_eq!(a.whatif().count(), 0, "W clears over the help");
    press(&mut a, &[K::Esc]);
    // Detail links show the suspended node as ⊘, not as falling.
    press(&mut a, &[K::Char('w')]);
    a.visit(cost);
    let s = screen(&a, &theme, 120, 40);
    let line = s
        .lines()
        .find(|l| l.contains("→") && l.contains("National grants"))
        .unwrap();
    assert!(line.contains("⊘") && !line.contains("✗"), "{line}");
}

#[test]
fn the_what_changed_list_names_every_relabelled_node_as_a_link() {
    use agon::tui::keymap::Key as K;
    let theme = Theme::monochrome();
    let mut a = app();
    let grants = ix(&a, "grants");
    a.visit(grants);
    press(&mut a, &[K::Char('w')]);
    let changed: Vec<NodeIx> = a
        .graph()
        .indices()
        .filter(|&i| a.whatif().changed(i))
        .collect();
    assert!(changed.len() >= 2);
    let s = screen(&a, &theme, 120, 40);
    let heading = format!("What-if: labels that changed ({})", changed.len());
    assert!(s.contains(&heading), "{s}");
    for &n in &changed {
        let title: String = a.graph().node(n).title.chars().take(20).collect();
        assert!(
            s.lines().any(|l| l.contains("(was ") && l.contains(&title)),
            "{title} is not listed:\n{s}"
        );
    }
    // The list's links are followed like any other.
    press(&mut a, &[K::Tab, K::Enter]);
    assert!(changed.contains(&a.focused()) && a.focused() != grants || changed[0] == grants);
    // The message fits at 120 columns.
    a.visit(grants);
    press(&mut a, &[K::Char('w'), K::Char('w')]);
    let s = screen(&a, &theme, 120, 40);
    let status = s.lines().last().unwrap();
    assert!(status.contains("labels changed (see Detail)."), "{status}");
}

#[test]
fn an_alert_stays_through_resizes_and_keys_until_esc() {
    let mut app = App::new(graph(), "explorer.ron".into());
    app.set_alert("the notes file is damaged; it was kept as x.corrupt-1".into());
    // The first frame comes after a Resize: the warning must survive it.
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app.update(Action::Down);
    assert!(app.message().is_some_and(|m| m.contains("damaged")));
    let theme = Theme::dark();
    assert!(screen(&app, &theme, 200, 40).contains("damaged"));
    app.update(Action::Close);
    assert!(app.message().is_none_or(|m| !m.contains("damaged")));
}

#[test]
fn invisible_and_reordering_characters_never_reach_the_screen() {
    let text = r#"Debate(title: "t\u{200b}", nodes: [
        Node(id: "t", kind: Thesis, title: "ad\u{200d}min \u{202e}evil\u{2028}line\u{feff}",
             text: "body\u{200f} with\u{61c} marks\u{2029}and\u{85} more", tags: ["x\u{2066}y"]),
    ])"#;
    let graph = agon::graph::load_str("hostile.ron", text)
        .expect("valid")
        .graph;
    let mut app = App::new(graph, "hostile.ron".into());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let shown = screen(&app, &Theme::dark(), 120, 40);
    assert!(shown.contains("admin"), "{shown}");
    let bad = [
        '\u{200b}', '\u{200d}', '\u{202e}', '\u{2028}', '\u{feff}', '\u{200f}', '\u{61c}',
        '\u{2029}', '\u{85}', '\u{2066}',
    ];
    for c in bad {
        assert!(!shown.contains(c), "{c:?} reached the screen");
    }
}

/// Presses `S` through the real keymap until the labels follow `name`.
fn follow(app: &mut App, name: &str) {
    for _ in 0..4 {
        if app.whatif().reading().name() == name {
            return;
        }
        press(app, &[agon::tui::keymap::Key::Char('S')]);
    }
    panic!("S never reached {name}");
}

#[test]
fn s_cycles_the_semantics_and_the_labels_follow_it() {
    use agon::tui::whatif::Reading;
    let mut app = app();
    let (tram, noise, grants) = (ix(&app, "tram"), ix(&app, "noise"), ix(&app, "grants"));
    let mut seen = vec![app.whatif().reading()];
    for _ in 0..4 {
        press(&mut app, &[agon::tui::keymap::Key::Char('S')]);
        seen.push(app.whatif().reading());
    }
    assert_eq!(
        seen,
        [
            Reading::Grounded,
            Reading::Preferred,
            Reading::Stable,
            Reading::Strength,
            Reading::Grounded
        ]
    );
    // noise and quiet attack each other: grounded leaves them contested;
    // preferred and stable find a case for each, so each is arguable, and
    // so is the thesis that noise attacks.
    follow(&mut app, "preferred");
    assert_eq!(app.label(noise), Label::Undec);
    assert_eq!(app.label(grants), Label::In);
    assert_eq!(app.label(tram), Label::Undec);
    let s = screen(&app, &Theme::dark(), 120, 40);
    assert!(s.contains("thesis arguable"), "{s}");
    assert!(s.contains("preferred: some cases"), "{s}");
    assert_eq!(app.summary().map(|s| s.label), Some(Label::Undec));
    follow(&mut app, "strength");
    let g = app.graph();
    let strength = agon::eval::strength(g, &vec![false; g.len()]);
    for i in g.indices() {
        let want = agon::tui::whatif::strength_label(strength.get(i));
        assert_eq!(app.label(i), want, "{}", g.node(i).id);
        assert_eq!(app.whatif().strength(i).0, strength.get(i));
    }
}

#[test]
fn the_help_says_what_each_semantics_means() {
    let lines = agon::tui::keymap::help_lines();
    for r in agon::tui::whatif::Reading::ALL {
        let at = lines.iter().position(|(_, k, _)| k == r.name());
        let at = at.unwrap_or_else(|| panic!("{} missing from the help", r.name()));
        let said: Vec<&str> = lines[at..at + r.meaning().len()]
            .iter()
            .map(|(_, _, d)| *d)
            .collect();
        assert_eq!(said, r.meaning());
    }
    assert!(lines.iter().any(|(_, k, _)| k == "S"));
}

#[test]
fn a_what_if_recomputes_strength_and_the_detail_shows_the_change() {
    let mut app = app();
    let (grants, cost) = (ix(&app, "grants"), ix(&app, "cost"));
    let before = app.whatif().strength(cost).0;
    app.visit(grants);
    app.update(Action::WhatIf);
    let (now, was) = app.whatif().strength(cost);
    assert_eq!(was, before);
    assert!(now > was, "cost grows once its rebuttal is withdrawn");
    app.visit(cost);
    let s = screen(&app, &Theme::dark(), 120, 40);
    assert!(s.contains(&format!("{now:.2} (was {was:.2})")), "{s}");
}

#[test]
fn the_detail_pane_shows_strength_as_a_bar_and_a_number() {
    let mut app = app();
    let faster = ix(&app, "faster");
    app.visit(faster);
    let v = app.whatif().strength(faster).0;
    let bar = agon::tui::views::detail::strength_bar(v);
    assert_eq!(bar.chars().count(), 5);
    let s = screen(&app, &Theme::dark(), 120, 40);
    assert!(s.contains(&format!("{bar} {v:.2}")), "{s}");
}

#[test]
fn f_sorts_the_columns_strongest_first_and_the_order_survives_moving() {
    let mut app = app();
    app.update(Action::ShowView(View::Columns));
    let as_written = app.columns();
    press(&mut app, &[agon::tui::keymap::Key::Char('f')]);
    assert!(app.columns_state().by_strength);
    let sorted = app.columns();
    for (list, written) in sorted.iter().zip(&as_written) {
        let mut same = list.clone();
        same.sort();
        let mut w = written.clone();
        w.sort();
        assert_eq!(same, w, "sorting keeps every node");
        let s: Vec<f64> = list.iter().map(|&n| app.whatif().strength(n).0).collect();
        assert!(s.windows(2).all(|p| p[0] >= p[1]), "{s:?}");
    }
    let screen_text = screen(&app, &Theme::dark(), 120, 40);
    assert!(
        screen_text.contains("Your strongest points"),
        "{screen_text}"
    );
    assert!(screen_text.contains("Their most dangerous attacks"));
    app.update(Action::Right);
    app.update(Action::Activate);
    assert!(app.columns_state().by_strength, "kept when the focus moves");
    press(&mut app, &[agon::tui::keymap::Key::Char('f')]);
    assert!(!app.columns_state().by_strength);
}

#[test]
fn strength_cells_are_four_cells_wide_and_monotone() {
    use agon::tui::views::strength_cell;
    for i in 0..=100 {
        let v = f64::from(i) / 100.0;
        assert_eq!(strength_cell(v).chars().count(), 4, "{v}");
    }
    assert_eq!(strength_cell(0.62), "▅.62");
    assert_eq!(strength_cell(1.0), "█1.0");
    assert_eq!(strength_cell(0.0), " .00");
}

#[test]
fn stable_says_when_no_stable_extension_exists() {
    // An odd cycle of attacks under the thesis: no stable extension.
    let text = r#"Debate(title: "Odd", nodes: [
        Node(id: "t", kind: Thesis, title: "T"),
        Node(id: "a", kind: Claim, title: "A", attacks: ["t", "b"]),
        Node(id: "b", kind: Claim, title: "B", attacks: ["c"]),
        Node(id: "c", kind: Claim, title: "C", attacks: ["a"]),
    ])"#;
    let g = agon::graph::load_str("odd.ron", text).expect("valid").graph;
    let mut app = App::new(g, "odd.ron".into());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    follow(&mut app, "preferred");
    let t = ix(&app, "t");
    // The empty set is the only preferred extension: nothing defends the
    // thesis, so it falls, and no note is needed.
    assert_eq!(app.label(t), Label::Out);
    assert_eq!(app.whatif().note(), None);
    follow(&mut app, "stable");
    assert_eq!(app.label(t), Label::Out);
    let note = app
        .whatif()
        .note()
        .expect("a note on the missing extension");
    assert!(note.contains("no stable extension"), "{note}");
    let s = screen(&app, &Theme::dark(), 120, 40);
    assert!(s.contains("no stable extension"), "{s}");
    assert!(s.contains("stable: no case"), "{s}");
}

#[test]
fn in_the_background_a_what_if_result_arrives_later_and_a_stale_one_is_dropped() {
    let mut app = app();
    app.run_in_background();
    let (grants, cost) = (ix(&app, "grants"), ix(&app, "cost"));
    app.update(Action::CycleSemantics);
    assert_eq!(app.whatif().reading().name(), "preferred");
    // The key returns with grounded's labels and the search still to do.
    assert!(app.whatif().labels_pending());
    assert!(app.message().is_some_and(|m| m.ends_with("recomputing…")));
    let first = app.take_recompute().expect("the search for preferred");
    // The what-if changes before that result comes back: grounded follows
    // at once, and a new job replaces the first.
    app.visit(grants);
    app.update(Action::WhatIf);
    assert_eq!(app.label(cost), Label::In);
    assert!(app.whatif().strength_pending());
    let second = app.take_recompute().expect("a job for the new what-if");
    assert!(app.take_recompute().is_none());
    assert!(!app.receive_recomputed(first.run()), "stale: dropped");
    assert!(app.whatif().labels_pending() && app.whatif().strength_pending());
    assert!(app.receive_recomputed(second.run()));
    assert!(!app.whatif().labels_pending() && !app.whatif().strength_pending());
    assert!(app.whatif().extensions().is_some());
    assert_eq!(app.label(cost), Label::In);
    // Suspending grants leaves cost unattacked: back to its base score.
    assert_eq!(app.whatif().strength(cost).0, 0.5);
    let message = app.message().unwrap_or_default().to_string();
    assert!(
        message.contains("preferred: ") && !message.contains("recomputing"),
        "{message}"
    );
}
