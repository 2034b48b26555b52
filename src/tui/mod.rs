//! The interactive explorer. This module owns the terminal: it turns
//! crossterm events into actions and draws the views; the state in
//! [`app`] never sees crossterm.

pub mod action;
pub mod app;
mod authoring;
pub mod clipboard;
pub mod cursor;
pub mod key;
pub mod keymap;
pub mod layout;
pub mod outline;
pub mod overlay;
pub mod palette;
pub mod remap;
mod startup;
pub mod theme;
pub mod views;
pub mod viewstate;
pub mod whatif;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP};

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

/// Whether the explorer draws without colour: `--color never`, or
/// NO_COLOR under `--color auto`; `--color always` overrides NO_COLOR.
pub fn monochrome(color: clap::ColorChoice, no_color: bool) -> bool {
    match color {
        clap::ColorChoice::Always => false,
        clap::ColorChoice::Never => true,
        clap::ColorChoice::Auto => no_color,
    }
}

pub fn run(args: ExploreArgs, color: clap::ColorChoice) -> ExitCode {
    let input = crate::formats::Input::from_arg(args.file.as_deref());
    // What can fail before the debate is read is checked before the
    // terminal changes mode.
    let (config, mut notices) = read_config();
    let mono = monochrome(color, no_color());
    let theme = match Theme::select(args.theme.as_deref(), mono) {
        Ok(t) if args.theme.is_some() => t,
        Ok(t) => config_theme(&config, mono, &mut notices).unwrap_or(t),
        Err(errs) => {
            for e in errs {
                eprintln!("{e}");
            }
            return ExitCode::from(1);
        }
    };
    let theme = theme.for_palette(palette::Palette::from_env());
    // crossterm drops every colour under NO_COLOR on its own; the choice
    // made above (`--color always` included) is the one that counts.
    ratatui::crossterm::style::Colored::set_ansi_color_disabled(mono);
    let mouse = !args.no_mouse && config.config.mouse.unwrap_or(true);
    let watch = !args.no_watch && config.config.watch.unwrap_or(true);
    // One channel wakes the loop: terminal events, the load, search
    // results, signals and changes to the file.
    let (wake, woken) = mpsc::channel();
    // A quick load opens straight on the explorer, and its errors and
    // warnings are printed before the terminal changes mode. A big file's
    // load starts behind its loading screen.
    let slow = startup::surely_slow(&input);
    if !slow {
        startup::load_in_background(input.clone(), wake.clone());
    }
    let waited = (!slow).then(|| woken.recv_timeout(startup::LOADING_SCREEN_AFTER));
    let early = match waited {
        Some(Ok(Wake::Loaded(result))) => match *result {
            Ok(loaded) => Some(loaded),
            Err(err) => return crate::report::load_error(&err),
        },
        _ => None,
    };
    if let Some(loaded) = &early {
        for w in &loaded.warnings {
            eprintln!("{w}");
        }
    }
    let opening = Opening {
        input,
        notices,
        watch,
        early,
        load_behind_screen: slow,
    };
    match explore(opening, &theme, mouse, (wake, woken)) {
        Ok(Ended::Quit) => ExitCode::SUCCESS,
        Ok(Ended::LoadFailed(err)) => crate::report::load_error(&err),
        // The terminal is back to normal: now let the signal do what it
        // would have done (end the process, as killed by that signal).
        Ok(Ended::Signal(signal)) => {
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            ExitCode::from(128 + signal as u8)
        }
        Err(e) => {
            eprintln!(
                "agon: the explorer needs a terminal ({e}); without one, use agon check, search, eval, brief, tour or export"
            );
            ExitCode::from(1)
        }
    }
}

/// What the explorer opens with: the debate, if it loaded before the
/// terminal changed mode, and what the app is built with once it has one.
struct Opening {
    input: crate::formats::Input,
    notices: Vec<String>,
    watch: bool,
    early: Option<crate::graph::Loaded>,
    /// The load starts once the loading screen is up.
    load_behind_screen: bool,
}

/// How the explorer ended.
enum Ended {
    Quit,
    Signal(i32),
    /// The debate could not be loaded (found while the loading screen was up).
    LoadFailed(crate::graph::LoadError),
}

/// The app, its saved state and its file, for a loaded debate.
fn open_app(
    loaded: crate::graph::Loaded,
    opening: &Opening,
    wake: &mpsc::Sender<Wake>,
) -> (App, crate::state::StateStore, authoring::Document) {
    let input = &opening.input;
    let (store, mut warnings) = crate::state::StateStore::open_input(input, &loaded.graph);
    let mut app = App::new(loaded.graph, input.name()).with_state(store.state().clone());
    if opening.early.is_none() {
        // Found behind the loading screen: stderr is not to be seen now.
        warnings.extend(loaded.warnings.iter().map(|w| w.to_string()));
    }
    if !warnings.is_empty() {
        app.set_alert(crate::text::sanitize_line(&warnings.join(" ")));
    }
    if !opening.notices.is_empty() {
        app.set_message(crate::text::sanitize_line(&opening.notices.join(" ")));
    }
    let file_changed = wake.clone();
    let doc = authoring::Document::new(input.clone(), opening.watch, &mut app, move || {
        let _ = file_changed.send(Wake::FileChanged);
    });
    (app, store, doc)
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
fn config_theme(
    config: &crate::config::Loaded,
    monochrome: bool,
    notices: &mut Vec<String>,
) -> Option<Theme> {
    let name = config.theme()?;
    match Theme::select(Some(&name), monochrome) {
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

/// Signals that end the explorer. Each is caught so that the terminal is
/// restored and a note being typed is saved before the process goes.
const ENDING: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// Forwards the signals that end or suspend the explorer into the event
/// channel, so the loop wakes for them at once, as it does for keys.
fn catch_signals(wake: mpsc::Sender<Wake>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(ENDING.into_iter().chain([SIGTSTP]))?;
    std::thread::Builder::new()
        .name("agon-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if wake.send(Wake::Signal(signal)).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Leaves the terminal as the shell expects it: mouse reporting off, main
/// screen, cursor shown, cooked mode.
fn release_terminal() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        ratatui::crossterm::cursor::Show
    );
    ratatui::restore();
}

/// Ctrl-Z or SIGTSTP: give the terminal back, stop until SIGCONT (`fg`),
/// then take the screen again and redraw all of it.
fn suspend(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> io::Result<()> {
    release_terminal();
    signal_hook::low_level::raise(SIGSTOP)?;
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All),
        EnableBracketedPaste
    )?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    // A new terminal knows nothing is on the screen, so the next frame is
    // drawn whole (`Terminal::clear` would ask the terminal where its
    // cursor is, which not every terminal answers).
    *terminal = ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))?;
    Ok(())
}

/// Runs the explorer; says how it ended.
fn explore(
    mut opening: Opening,
    theme: &Theme,
    mouse: bool,
    (wake, woken): (mpsc::Sender<Wake>, mpsc::Receiver<Wake>),
) -> io::Result<Ended> {
    // Caught before the terminal changes, so no signal can leave it raw.
    catch_signals(wake.clone())?;
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
    // Start the terminal's event source before the first frame: a resize
    // between that frame and the reader's first read is then seen.
    event::poll(std::time::Duration::ZERO)?;
    let reader = read_terminal(wake.clone());
    let waited = match opening.early.take() {
        Some(loaded) => Ok(startup::Waited::Loaded(Box::new(Ok(loaded)), Vec::new())),
        None => {
            let start = (opening.load_behind_screen).then(|| (opening.input.clone(), wake.clone()));
            let name = opening.input.name();
            startup::wait_with_screen(&mut terminal, &woken, &name, theme, mouse, start)
        }
    };
    let result = match waited {
        Ok(startup::Waited::Loaded(loaded, typed)) => match *loaded {
            Ok(loaded) => {
                let ends = (mouse, &reader, wake, woken);
                run_app(&mut terminal, loaded, typed, &opening, theme, ends)
            }
            Err(err) => Ok(Ended::LoadFailed(err)),
        },
        Ok(startup::Waited::Quit) => Ok(Ended::Quit),
        Ok(startup::Waited::Signal(signal)) => Ok(Ended::Signal(signal)),
        Err(e) => Err(e),
    };
    drop(_guard);
    release_terminal();
    result
}

/// The explorer on a loaded debate, until it ends; keys typed behind the
/// loading screen are taken first, in order.
fn run_app(
    terminal: &mut ratatui::DefaultTerminal,
    loaded: crate::graph::Loaded,
    typed: Vec<Event>,
    opening: &Opening,
    theme: &Theme,
    (mouse, reader, wake, woken): (bool, &Reader, mpsc::Sender<Wake>, mpsc::Receiver<Wake>),
) -> io::Result<Ended> {
    let (mut app, mut store, mut doc) = open_app(loaded, opening, &wake);
    for ev in typed {
        let _ = wake.send(Wake::Terminal(ev));
    }
    let looped = event_loop(
        terminal,
        (&mut app, &mut store, &mut doc),
        theme,
        (mouse, reader, wake, woken),
    );
    // The process ends next and the system takes the memory back at once;
    // freeing a big map piece by piece would hold up the exit.
    std::mem::forget((app, doc));
    looped.map(|ended| ended.map_or(Ended::Quit, Ended::Signal))
}

use viewstate::search::FIRST_RESULTS;

/// What wakes the event loop: everything arrives on one channel, so the
/// loop sleeps until there is something to do and never polls.
enum Wake {
    /// A key, mouse or resize event, from the terminal reader thread.
    Terminal(Event),
    /// Reading the terminal failed; the explorer cannot go on.
    TerminalFailed(io::Error),
    /// Search results are waiting.
    Search,
    /// A signal that ends or suspends the explorer.
    Signal(i32),
    /// The watched debate file changed on disk.
    FileChanged,
    /// The search index is built and its worker ready.
    SearchReady(SearchWorker),
    /// The debate has loaded, or failed to, on the loading thread.
    Loaded(Box<Result<crate::graph::Loaded, crate::graph::LoadError>>),
    /// Strength and the chosen semantics, recomputed after a what-if.
    Recomputed(whatif::Recomputed),
}

/// Reads terminal events on a thread of its own and sends them on. It
/// ends when the loop is gone or reading fails.
fn read_terminal(wake: mpsc::Sender<Wake>) -> Reader {
    let paused = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let idle = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (p, i) = (paused.clone(), idle.clone());
    let _ = std::thread::Builder::new()
        .name("agon-terminal".into())
        .spawn(move || {
            loop {
                if p.load(std::sync::atomic::Ordering::SeqCst) {
                    i.store(true, std::sync::atomic::Ordering::SeqCst);
                    std::thread::sleep(READER_NAP);
                    continue;
                }
                i.store(false, std::sync::atomic::Ordering::SeqCst);
                // A bounded wait, so a pause is seen within READER_NAP; input
                // still wakes it at once.
                match event::poll(READER_NAP) {
                    Ok(false) => continue,
                    Ok(true) => {}
                    Err(e) => {
                        let _ = wake.send(Wake::TerminalFailed(e));
                        return;
                    }
                }
                let sent = match event::read() {
                    Ok(ev) => wake.send(Wake::Terminal(ev)),
                    Err(e) => {
                        let _ = wake.send(Wake::TerminalFailed(e));
                        return;
                    }
                };
                if sent.is_err() {
                    return;
                }
            }
        });
    Reader { paused, idle }
}

/// How long the terminal reader waits at most before it looks whether it
/// was paused.
const READER_NAP: std::time::Duration = std::time::Duration::from_millis(20);

/// The terminal reader thread, which can be paused while another program
/// (the user's editor) reads the terminal.
struct Reader {
    paused: std::sync::Arc<std::sync::atomic::AtomicBool>,
    idle: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Reader {
    /// Stops reading, and returns once the reader has stopped.
    fn pause(&self) {
        self.paused.store(true, std::sync::atomic::Ordering::SeqCst);
        while !self.idle.load(std::sync::atomic::Ordering::SeqCst) {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    fn resume(&self) {
        self.paused
            .store(false, std::sync::atomic::Ordering::SeqCst);
    }
}

/// The search thread, started at launch: the index is built on it, so
/// start-up does not wait for it; a query typed before it is ready waits.
struct Search {
    worker: Option<SearchWorker>,
}

use crate::search::{SearchIndex, SearchWorker};

impl Search {
    /// Starts building the index; results (and readiness) wake the loop.
    fn start(graph: std::sync::Arc<crate::graph::Graph>, wake: mpsc::Sender<Wake>) -> Search {
        let _ = std::thread::Builder::new()
            .name("agon-search-index".into())
            .spawn(move || {
                let index = std::sync::Arc::new(SearchIndex::new(graph));
                let results = wake.clone();
                let worker = SearchWorker::notifying(index, FIRST_RESULTS, move || {
                    let _ = results.send(Wake::Search);
                });
                let _ = wake.send(Wake::SearchReady(worker));
            });
        Search { worker: None }
    }

    /// Hands a waiting query to the worker and takes any results back.
    fn pump(&mut self, app: &mut App) -> bool {
        let Some(worker) = self.worker.as_ref() else {
            return false;
        };
        if let Some((q, limit)) = app.take_search_query() {
            worker.submit_limited(q, limit);
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

/// The what-if worker: strength and the preferred and stable searches run
/// on it, so a key returns at once however big the map. Jobs that queue up
/// while it works are skipped for the latest; its results wake the loop.
struct Recompute {
    jobs: mpsc::Sender<whatif::Job>,
}

impl Recompute {
    fn start(wake: mpsc::Sender<Wake>) -> Recompute {
        let (jobs, queue) = mpsc::channel::<whatif::Job>();
        // The end-to-end tests slow the worker down to see the screen
        // before its result arrives.
        let delay = std::env::var("AGON_TEST_RECOMPUTE_DELAY_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map(std::time::Duration::from_millis);
        let _ = std::thread::Builder::new()
            .name("agon-whatif".into())
            .spawn(move || {
                while let Ok(first) = queue.recv() {
                    let job = queue.try_iter().last().unwrap_or(first);
                    if let Some(d) = delay {
                        std::thread::sleep(d);
                    }
                    if wake.send(Wake::Recomputed(job.run())).is_err() {
                        return;
                    }
                }
            });
        Recompute { jobs }
    }

    /// Hands the job the last action asked for, if any, to the worker.
    fn pump(&self, app: &mut App) {
        if let Some(job) = app.take_recompute() {
            let _ = self.jobs.send(job);
        }
    }
}

#[allow(clippy::type_complexity)]
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    (app, store, doc): (
        &mut App,
        &mut crate::state::StateStore,
        &mut authoring::Document,
    ),
    theme: &Theme,
    (mouse, reader, wake, woken): (bool, &Reader, mpsc::Sender<Wake>, mpsc::Receiver<Wake>),
) -> io::Result<Option<i32>> {
    app.run_in_background();
    let recompute = Recompute::start(wake.clone());
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    // Not dropped: the worker's index is freed with the process (see explore).
    let mut search: std::mem::ManuallyDrop<Option<Search>> = std::mem::ManuallyDrop::new(None);
    while !app.should_quit() {
        if dirty {
            terminal.draw(|frame| views::draw(frame, app, theme))?;
            // The index is built after the first frame, so as not to take
            // a core from it.
            search.get_or_insert_with(|| Search::start(app.shared_graph(), wake.clone()));
            dirty = false;
            // The end-to-end tests check that a panic leaves the terminal
            // clean; this is how they cause one in the real binary.
            if std::env::var_os("AGON_TEST_PANIC").is_some() {
                panic!("AGON_TEST_PANIC is set: panicking on purpose");
            }
        }
        // Sleep until something happens, then take everything that is
        // waiting before drawing once: a burst of keys costs one frame.
        let Ok(first) = woken.recv() else {
            return Ok(None);
        };
        for w in std::iter::once(first).chain(woken.try_iter()) {
            match w {
                w if startup::suspends(&w) => {
                    // Raw mode turns Ctrl-Z into a key: suspend as the shell would.
                    suspend(terminal, mouse)?;
                    dirty = true;
                }
                Wake::Signal(signal) => {
                    app.keep_note_draft();
                    save_state(app, store);
                    return Ok(Some(signal));
                }
                Wake::Terminal(Event::Paste(text)) => {
                    app.paste(&text);
                    dirty = true;
                    save_state(app, store);
                }
                Wake::Terminal(ev) => {
                    if take_event(terminal, (app, doc), reader, mouse, ev)? {
                        *search = Some(Search::start(app.shared_graph(), wake.clone()));
                    }
                    dirty = true;
                    save_state(app, store);
                    carry_out_requests(app);
                }
                Wake::FileChanged => {
                    if let Some(replaced) = doc.poll(app) {
                        if replaced {
                            *search = Some(Search::start(app.shared_graph(), wake.clone()));
                        }
                        dirty = true;
                    }
                }
                Wake::TerminalFailed(e) => return Err(e),
                Wake::Search => {}
                Wake::SearchReady(worker) => {
                    if let Some(s) = search.as_mut() {
                        s.worker = Some(worker);
                    }
                }
                // Only the first load comes this way, before this loop.
                Wake::Loaded(_) => {}
                Wake::Recomputed(done) => dirty |= app.receive_recomputed(done),
            }
            // Hand each keystroke's query and what-if over at once, before
            // taking more.
            dirty |= search.as_mut().is_some_and(|s| s.pump(app));
            recompute.pump(app);
            if app.should_quit() {
                break;
            }
        }
    }
    Ok(None)
}

/// One key or mouse event, as an action; true when it replaced the debate
/// (the editor saved a new version).
fn take_event(
    terminal: &mut ratatui::DefaultTerminal,
    (app, doc): (&mut App, &mut authoring::Document),
    reader: &Reader,
    mouse: bool,
    ev: Event,
) -> io::Result<bool> {
    match to_action(app, ev) {
        Some(Action::OpenEditor) => {
            // The editor owns the terminal meanwhile: the reader stops
            // taking its keys.
            reader.pause();
            let replaced = doc.edit(terminal, app, mouse);
            reader.resume();
            replaced
        }
        Some(action) => {
            app.update(action);
            doc.remind(app);
            Ok(false)
        }
        None => Ok(false),
    }
}

/// Does what `update` asked for outside the screen: copying by OSC 52
/// (written straight to the terminal, between frames), opening a URL.
fn carry_out_requests(app: &mut App) {
    use std::io::Write;
    for request in app.take_requests() {
        match request {
            app::Request::Copy(text) => {
                let mut out = io::stdout();
                let written = out
                    .write_all(clipboard::osc52(&text).as_bytes())
                    .and_then(|()| out.flush());
                if let Err(e) = written {
                    app.set_message(format!("Could not copy: {e}"));
                }
            }
            app::Request::OpenUrl(url) => {
                if let Err(e) = open_url(&url) {
                    app.set_message(format!("Could not open {url}: {e}"));
                }
            }
        }
    }
}

/// Opens `url` in the browser, or with the command `AGON_OPENER` names
/// (tests set it, so that no browser starts).
fn open_url(url: &str) -> io::Result<()> {
    match std::env::var_os("AGON_OPENER") {
        Some(cmd) => std::process::Command::new(cmd)
            .arg(url)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .map(|mut child| {
                // Reaped in the background, so it never lingers as a zombie.
                std::thread::spawn(move || child.wait());
            }),
        None => open::that_detached(url),
    }
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
        Ok(warnings) => app.set_alert(warnings.join(" ")),
        Err(e) => app.set_alert(format!("Could not save notes: {e}")),
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
