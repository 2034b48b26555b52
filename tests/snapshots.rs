//! Key-driven snapshots of the main views on ratatui's TestBackend, at
//! 80x24 and 120x40. A change to any view shows up here in review.

mod common;

use agon::tui::app::App;
use agon::tui::keymap::Key;
use agon::tui::theme::Theme;
use common::explorer::{press, type_keys};

fn app(w: u16, h: u16) -> App {
    common::explorer::app_on("explorer.ron", include_str!("fixtures/explorer.ron"), w, h)
}

fn shot(app: &App, w: u16, h: u16) -> String {
    common::explorer::shot_with(app, &Theme::dark(), w, h)
}

#[test]
fn outline_80x24() {
    let mut a = app(80, 24);
    type_keys(&mut a, "jlj");
    insta::assert_snapshot!(shot(&a, 80, 24));
}

#[test]
fn outline_120x40() {
    let mut a = app(120, 40);
    type_keys(&mut a, "Glj");
    insta::assert_snapshot!(shot(&a, 120, 40));
}

#[test]
fn detail_links_80x24() {
    let mut a = app(80, 24);
    press(&mut a, &[Key::Char('j'), Key::Tab, Key::Char('l')]);
    insta::assert_snapshot!(shot(&a, 80, 24));
}

#[test]
fn columns_120x40() {
    let mut a = app(120, 40);
    press(&mut a, &[Key::Char('2'), Key::Right, Key::Down]);
    insta::assert_snapshot!(shot(&a, 120, 40));
}

#[test]
fn sources_80x24() {
    let mut a = app(80, 24);
    type_keys(&mut a, "3j");
    insta::assert_snapshot!(shot(&a, 80, 24));
}

#[test]
fn help_80x24() {
    let mut a = app(80, 24);
    type_keys(&mut a, "?");
    insta::assert_snapshot!(shot(&a, 80, 24));
}

#[test]
fn what_if_120x40() {
    let mut a = app(120, 40);
    // Down to "cost", open it, go to its rebuttal, suspend it.
    type_keys(&mut a, "jjjjljw");
    insta::assert_snapshot!(shot(&a, 120, 40));
}

#[test]
fn brief_80x24() {
    let mut a = app(80, 24);
    type_keys(&mut a, "4j");
    insta::assert_snapshot!(shot(&a, 80, 24));
}

#[test]
fn presenter_card_80x24() {
    let mut a = app(80, 24);
    press(
        &mut a,
        &[Key::Char('t'), Key::Enter, Key::Char(' '), Key::Char('r')],
    );
    insta::assert_snapshot!(shot(&a, 80, 24));
}

#[test]
fn presenter_card_160x48() {
    let mut a = app(160, 48);
    press(
        &mut a,
        &[
            Key::Char('t'),
            Key::Enter,
            Key::Char(' '),
            Key::Char('r'),
            Key::Char('r'),
        ],
    );
    insta::assert_snapshot!(shot(&a, 160, 48));
}

#[test]
fn search_120x40() {
    use agon::search::{SearchIndex, search};
    let mut a = app(120, 40);
    type_keys(&mut a, "/tra");
    let index = std::sync::Arc::new(SearchIndex::new(a.shared_graph()));
    a.receive_search(search(&index, "tra", 50));
    insta::assert_snapshot!(shot(&a, 120, 40));
}

#[test]
fn brief_160x48() {
    let mut a = app(160, 48);
    type_keys(&mut a, "4s");
    insta::assert_snapshot!(shot(&a, 160, 48));
}

#[test]
fn help_legend_80x24() {
    let mut a = app(80, 24);
    press(&mut a, &[Key::Char('?'), Key::End]);
    insta::assert_snapshot!(shot(&a, 80, 24));
}

#[test]
fn help_legend_160x48() {
    let mut a = app(160, 48);
    press(&mut a, &[Key::Char('?'), Key::End]);
    insta::assert_snapshot!(shot(&a, 160, 48));
}

fn note_editor(w: u16, h: u16) -> String {
    let mut a = app(w, h);
    type_keys(&mut a, "n");
    type_keys(&mut a, "Trams are quick");
    press(&mut a, &[Key::Enter]);
    type_keys(&mut a, "but dear");
    press(&mut a, &[Key::Left, Key::Left, Key::Esc]);
    shot(&a, w, h)
}

#[test]
fn note_editor_80x24() {
    insta::assert_snapshot!(note_editor(80, 24));
}

#[test]
fn note_editor_160x48() {
    insta::assert_snapshot!(note_editor(160, 48));
}

/// A what-if made in the explorer, then a tour's card at the suspended node.
fn presenter_what_if(w: u16, h: u16) -> String {
    let mut a = app(w, h);
    type_keys(&mut a, "jjjj");
    type_keys(&mut a, "ljw");
    let steps = [Key::Char(' '), Key::Char(' '), Key::Char('r')];
    press(&mut a, &[Key::Char('t'), Key::Enter]);
    press(&mut a, &steps);
    shot(&a, w, h)
}

#[test]
fn presenter_what_if_80x24() {
    insta::assert_snapshot!(presenter_what_if(80, 24));
}

#[test]
fn presenter_what_if_160x48() {
    insta::assert_snapshot!(presenter_what_if(160, 48));
}

/// A what-if, then the detail pane with the list of what changed.
fn what_changed(w: u16, h: u16) -> String {
    let mut a = app(w, h);
    type_keys(&mut a, "jjjj");
    press(
        &mut a,
        &[Key::Char('l'), Key::Char('j'), Key::Char('w'), Key::Tab],
    );
    shot(&a, w, h)
}

#[test]
fn what_changed_160x48() {
    insta::assert_snapshot!(what_changed(160, 48));
}

#[test]
fn what_changed_80x24() {
    insta::assert_snapshot!(what_changed(80, 24));
}

#[test]
fn semantics_preferred_80x24() {
    let mut a = app(80, 24);
    type_keys(&mut a, "SGk");
    insta::assert_snapshot!(shot(&a, 80, 24));
}

#[test]
fn semantics_strength_what_if_160x48() {
    let mut a = app(160, 48);
    // Strength, then withdraw the grants rebuttal and look at the cost it answered.
    type_keys(&mut a, "SSS");
    let g = a.graph();
    let (grants, cost) = (g.by_id("grants").expect("id"), g.by_id("cost").expect("id"));
    a.visit(grants);
    type_keys(&mut a, "w");
    a.visit(cost);
    insta::assert_snapshot!(shot(&a, 160, 48));
}

#[test]
fn columns_by_strength_80x24() {
    let mut a = app(80, 24);
    type_keys(&mut a, "2f");
    insta::assert_snapshot!(shot(&a, 80, 24));
}

#[test]
fn columns_by_strength_160x48() {
    let mut a = app(160, 48);
    press(&mut a, &[Key::Char('2'), Key::Char('f'), Key::Right]);
    insta::assert_snapshot!(shot(&a, 160, 48));
}
