//! The interactive explorer. This module owns the terminal: it turns
//! crossterm events into actions and draws the views; the state in
//! [`app`] never sees crossterm.

pub mod action;
pub mod app;
mod authoring;
pub mod cursor;
pub mod keymap;
pub mod layout;
pub mod outline;
pub mod overlay;
pub mod remap;
pub mod theme;
pub mod views;
pub mod whatif;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use action::Action;
use app::App;
use keymap::Key;
use theme::Theme;

#[derive(Debug, Clone, clap::Args)]
pub struct ExploreArgs {
    /// The debate to open; none opens the built-in debate.
    pub file: Option<PathBuf>,
    /// Leave the mouse to the terminal, so text can be selected.
    #[arg(long)]
    pub no_mouse: bool,
    /// Colour theme: dark, light, contrast (for projectors), or a theme file
    /// (see assets/themes).
    #[arg(long, value_name = "NAME|FILE")]
    pub theme: Option<String>,
    /// Do not watch the file for changes (by default agon reloads it when it
    /// is saved, keeping the last good map when the new text has errors).
    #[arg(long)]
    pub no_watch: bool,
}

/// True when the NO_COLOR convention asks for no colour (set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

pub fn run(args: ExploreArgs) -> ExitCode {
    let input = crate::formats::Input::from_arg(args.file.as_deref());
    // Everything that can fail is done before the terminal changes mode.
    let loaded = match input.load() {
        Ok(l) => l,
        Err(err) => return crate::report::load_error(&err),
    };
    for w in &loaded.warnings {
        eprintln!("{w}");
    }
    let (config, mut notices) = read_config();
    let theme = match Theme::select(args.theme.as_deref(), no_color()) {
        Ok(t) if args.theme.is_some() => t,
        Ok(t) => config_theme(&config, &mut notices).unwrap_or(t),
        Err(errs) => {
            for e in errs {
                eprintln!("{e}");
            }
            return ExitCode::from(1);
        }
    };
    let mouse = !args.no_mouse && config.config.mouse.unwrap_or(true);
    let watch = !args.no_watch && config.config.watch.unwrap_or(true);
    let (store, warnings) = crate::state::StateStore::open_input(&input);
    let mut app = App::new(loaded.graph, input.name()).with_state(store.state().clone());
    notices.extend(warnings);
    if !notices.is_empty() {
        app.set_message(crate::text::sanitize_line(&notices.join(" ")));
    }
    let doc = authoring::Document::new(input, watch, &mut app);
    match explore(app, store, doc, &theme, mouse) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "agon: the explorer needs a terminal ({e}); without one, use agon check, search, eval, brief, tour or export"
            );
            ExitCode::from(1)
        }
    }
}

/// The user's configuration; a problem with it becomes a notice, and the
/// defaults are used.
fn read_config() -> (crate::config::Loaded, Vec<String>) {
    let (config, problem) = crate::config::load();
    let mut notices: Vec<String> = problem
        .map(|d| format!("config: {d}"))
        .into_iter()
        .collect();
    let (keys, problems) = remap::from_config(&config.config.keys);
    for (needle, message) in problems {
        notices.push(format!("config: {}", config.problem(&needle, message)));
    }
    remap::install(keys);
    (config, notices)
}

/// The theme the configuration names (None for the default, or when it
/// cannot be read, which becomes a notice).
fn config_theme(config: &crate::config::Loaded, notices: &mut Vec<String>) -> Option<Theme> {
    let name = config.theme()?;
    match Theme::select(Some(&name), no_color()) {
        Ok(t) => Some(t),
        Err(errs) => {
            if let Some(e) = errs.first() {
                notices.push(format!("config: {e}; using the default theme"));
            }
            None
        }
    }
}

/// Undoes mouse capture and bracketed paste however the explorer ends
/// (ratatui's own restore knows nothing of either).
struct ModeGuard {
    mouse: bool,
}

impl Drop for ModeGuard {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        if self.mouse {
            let _ = execute!(io::stdout(), DisableMouseCapture);
        }
    }
}

fn explore(
    mut app: App,
    mut store: crate::state::StateStore,
    mut doc: authoring::Document,
    theme: &Theme,
    mouse: bool,
) -> io::Result<()> {
    // Installed before ratatui's hook, which then runs first on panic and
    // leaves raw mode; this one turns paste and the mouse off after it.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        if mouse {
            let _ = execute!(io::stdout(), DisableMouseCapture);
        }
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    // Pasted text arrives as one event, so it never runs as keys.
    let _guard = ModeGuard { mouse };
    execute!(io::stdout(), EnableBracketedPaste)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    let result = event_loop(&mut terminal, &mut app, &mut store, &mut doc, theme, mouse);
    drop(_guard);
    ratatui::restore();
    result
}

/// How many results the search box ranks and shows.
const SEARCH_LIMIT: usize = 200;

/// The search thread, started at launch: the index is built on it, so
/// start-up does not wait for it; a query typed before it is ready waits.
struct Search {
    starting: Option<std::thread::JoinHandle<SearchWorker>>,
    worker: Option<SearchWorker>,
}

use crate::search::{SearchIndex, SearchWorker};

impl Search {
    fn start(graph: std::sync::Arc<crate::graph::Graph>) -> Search {
        let starting = std::thread::Builder::new()
            .name("agon-search-index".into())
            .spawn(move || {
                SearchWorker::new(std::sync::Arc::new(SearchIndex::new(graph)), SEARCH_LIMIT)
            })
            .ok();
        Search {
            starting,
            worker: None,
        }
    }

    fn worker(&mut self) -> Option<&SearchWorker> {
        if self.worker.is_none() && self.starting.as_ref().is_some_and(|h| h.is_finished()) {
            self.worker = self.starting.take().and_then(|h| h.join().ok());
        }
        self.worker.as_ref()
    }

    /// Hands a waiting query to the worker and takes any results back.
    fn pump(&mut self, app: &mut App) -> bool {
        let Some(worker) = self.worker() else {
            return false;
        };
        if let Some(q) = app.take_search_query() {
            worker.submit(q);
        }
        match worker.try_recv() {
            Some(r) => {
                app.receive_search(r);
                true
            }
            None => false,
        }
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    store: &mut crate::state::StateStore,
    doc: &mut authoring::Document,
    theme: &Theme,
    mouse: bool,
) -> io::Result<()> {
    let mut search = Search::start(app.shared_graph());
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    while !app.should_quit() {
        if dirty {
            terminal.draw(|frame| views::draw(frame, app, theme))?;
            dirty = false;
            // The end-to-end tests check that a panic leaves the terminal
            // clean; this is how they cause one in the real binary.
            if std::env::var_os("AGON_TEST_PANIC").is_some() {
                panic!("AGON_TEST_PANIC is set: panicking on purpose");
            }
        }
        if search.pump(app) {
            dirty = true;
        }
        if let Some(replaced) = doc.poll(app) {
            if replaced {
                search = Search::start(app.shared_graph());
            }
            dirty = true;
        }
        // Poll often while search results are on their way, rarely otherwise.
        let wait = if app.search_busy() { 8 } else { 250 };
        if event::poll(Duration::from_millis(wait))? {
            // Drain everything pending before drawing again, so a burst of
            // keys (or a held key) costs one frame.
            loop {
                match event::read()? {
                    Event::Paste(text) => {
                        app.paste(&text);
                        dirty = true;
                    }
                    ev => match to_action(app, ev) {
                        Some(Action::OpenEditor) => {
                            if doc.edit(terminal, app, mouse)? {
                                search = Search::start(app.shared_graph());
                            }
                            dirty = true;
                        }
                        Some(action) => {
                            app.update(action);
                            doc.remind(app);
                            dirty = true;
                        }
                        None => {}
                    },
                }
                save_state(app, store);
                // Hand each keystroke's query over at once, before draining more keys.
                if search.pump(app) {
                    dirty = true;
                }
                if app.should_quit() || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
    }
    Ok(())
}

/// Saves marks and notes at once when they changed, so nothing typed is
/// lost to a crash or a closed window; a failure is shown, and the change
/// stays in memory.
fn save_state(app: &mut App, store: &mut crate::state::StateStore) {
    let Some(state) = app.take_changed_state() else {
        return;
    };
    *store.state_mut() = state.clone();
    match store.save() {
        Ok(warnings) if warnings.is_empty() => {}
        Ok(warnings) => app.set_message(warnings.join(" ")),
        Err(e) => app.set_message(format!("Could not save notes: {e}")),
    }
}

/// Translates a terminal event into an action, through the keymap.
fn to_action(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) => key_of(key).and_then(|k| keymap::lookup(&app.contexts(), k)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                col: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Scroll {
                col: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

/// Only key presses count (not repeats' releases on terminals that report them).
pub fn key_of(key: KeyEvent) -> Option<Key> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        _ => return None,
    })
}
