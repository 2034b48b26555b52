//! Driving the explorer in tests: an app on a fixture, keys through the
//! real keymap, and the screen drawn on ratatui's TestBackend.

use agon::tui::action::Action;
use agon::tui::app::App;
use agon::tui::keymap::{self, Key};
use agon::tui::theme::Theme;
use agon::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The explorer on the debate `text` (named `name`), at `w` x `h`.
pub fn app_on(name: &str, text: &str, w: u16, h: u16) -> App {
    let graph = agon::graph::load_str(name, text)
        .expect("fixture is valid")
        .graph;
    let mut app = App::new(graph, name.into());
    app.update(Action::Resize {
        width: w,
        height: h,
    });
    app
}

/// Presses keys through the real keymap, as the terminal loop does.
pub fn press(app: &mut App, keys: &[Key]) {
    for &k in keys {
        if let Some(a) = keymap::lookup(&app.contexts(), k) {
            app.update(a);
        }
    }
}

/// Types `text` a char at a time, each as its key (`Key::Char`).
pub fn type_keys(app: &mut App, text: &str) {
    let keys: Vec<Key> = text.chars().map(Key::Char).collect();
    press(app, &keys);
}

/// The screen in `theme`, as text.
pub fn shot_with(app: &App, theme: &Theme, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| views::draw(f, app, theme)).expect("draw");
    terminal.backend().to_string()
}
