//! Opening the explorer: the debate loads on a thread of its own, and a
//! load that is not done within a moment gets a loading screen (a big
//! file gets it at once), so a big file never leaves the terminal blank.
//! Keys typed meanwhile are kept for the explorer, except the ones that
//! quit.

use std::io;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use signal_hook::consts::SIGTSTP;

use super::Wake;
use super::theme::{Role, Theme};
use crate::graph::{LoadError, Loaded};

/// A load still running after this long gets the loading screen; a
/// shorter one opens straight on the explorer, with no screen flashing by.
pub(super) const LOADING_SCREEN_AFTER: Duration = Duration::from_millis(25);

/// A file this big takes longer than [`LOADING_SCREEN_AFTER`] to load even
/// from the load cache (about a millisecond per MB of RON: 58 MB in 50–60
/// ms), so its loading screen is drawn before the load starts: the load's
/// threads would otherwise hold the first frame back, on a machine with few
/// cores, well past the moment.
const SURELY_SLOW: u64 = 32 << 20;

/// Whether loading `input` surely takes longer than the moment before the
/// loading screen.
pub(super) fn surely_slow(input: &crate::formats::Input) -> bool {
    input.file_size().is_some_and(|n| n >= SURELY_SLOW)
}

/// How often the loading screen updates its clock.
const TICK: Duration = Duration::from_millis(200);

/// Loads `input` on a thread of its own; the result wakes the loop.
pub(super) fn load_in_background(input: crate::formats::Input, wake: mpsc::Sender<Wake>) {
    let _ = std::thread::Builder::new()
        .name("agon-load".into())
        .spawn(move || {
            let _ = wake.send(Wake::Loaded(Box::new(input.load())));
        });
}

/// How waiting for the load ended.
pub(super) enum Waited {
    /// The load finished (well or not); `typed` holds the events that came
    /// meanwhile, for the explorer to take in order.
    Loaded(Box<Result<Loaded, LoadError>>, Vec<Event>),
    /// The user asked to quit before the debate was loaded.
    Quit,
    /// A signal that ends the explorer came.
    Signal(i32),
}

/// Shows the loading screen until the load is done, the user quits, or a
/// signal comes. Ctrl-Z suspends as it does in the explorer. `start` is a
/// load not started yet: it starts once the screen is up.
pub(super) fn wait_with_screen(
    terminal: &mut ratatui::DefaultTerminal,
    woken: &mpsc::Receiver<Wake>,
    name: &str,
    theme: &Theme,
    mouse: bool,
    mut start: Option<(crate::formats::Input, mpsc::Sender<Wake>)>,
) -> io::Result<Waited> {
    let started = Instant::now();
    // A load started before the screen has run for the moment already.
    let before = match start {
        Some(_) => Duration::ZERO,
        None => LOADING_SCREEN_AFTER,
    };
    let mut typed = Vec::new();
    loop {
        let screen = LoadingScreen {
            name,
            elapsed: started.elapsed() + before,
            theme,
        };
        terminal.draw(|frame| frame.render_widget(&screen, frame.area()))?;
        if let Some((input, wake)) = start.take() {
            load_in_background(input, wake);
        }
        let w = match woken.recv_timeout(TICK) {
            Ok(w) => w,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(Waited::Quit),
        };
        match w {
            Wake::Loaded(result) => return Ok(Waited::Loaded(result, typed)),
            w if suspends(&w) => super::suspend(terminal, mouse)?,
            Wake::Signal(signal) => return Ok(Waited::Signal(signal)),
            Wake::TerminalFailed(e) => return Err(e),
            Wake::Terminal(ev) if quits(&ev) => return Ok(Waited::Quit),
            Wake::Terminal(Event::Resize(..)) => {}
            Wake::Terminal(ev) => typed.push(ev),
            Wake::Search | Wake::SearchReady(_) | Wake::FileChanged | Wake::Recomputed(_) => {}
        }
    }
}

/// SIGTSTP, or Ctrl-Z (which raw mode turns into a key): suspend as the
/// shell would, here and in the explorer alike.
pub(super) fn suspends(w: &Wake) -> bool {
    matches!(
        w,
        Wake::Signal(SIGTSTP)
            | Wake::Terminal(Event::Key(KeyEvent {
                code: KeyCode::Char('z'),
                modifiers: KeyModifiers::CONTROL,
                kind: KeyEventKind::Press,
                ..
            }))
    )
}

/// `q`, Esc or Ctrl-C: there is nothing yet to go back to, so each quits.
fn quits(ev: &Event) -> bool {
    let Event::Key(key) = ev else {
        return false;
    };
    key.kind == KeyEventKind::Press
        && match key.code {
            KeyCode::Char('q') | KeyCode::Esc => true,
            KeyCode::Char('c') => key.modifiers.contains(KeyModifiers::CONTROL),
            _ => false,
        }
}

/// The loading screen: what is loading, for how long, and how to quit.
pub(super) struct LoadingScreen<'a> {
    pub name: &'a str,
    pub elapsed: Duration,
    pub theme: &'a Theme,
}

impl Widget for &LoadingScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.style(Role::Text));
        let name = crate::text::sanitize_line(self.name);
        let lines = vec![
            Line::from(format!("agon: loading {name}…")).style(self.theme.style(Role::Heading)),
            Line::from(format!("{:.1} s", self.elapsed.as_secs_f64())),
            Line::from("q quits").style(self.theme.style(Role::Dim)),
        ];
        let height = (lines.len() as u16).min(area.height);
        let top = area.y + area.height.saturating_sub(height) / 2;
        let inner = Rect::new(area.x, top, area.width, height);
        Paragraph::new(lines)
            .centered()
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(width: u16, height: u16) -> String {
        let theme = Theme::select(None, true).expect("the default theme");
        let screen = LoadingScreen {
            name: "big\u{1b}[2J.ron",
            elapsed: Duration::from_millis(1500),
            theme: &theme,
        };
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        (&screen).render(area, &mut buf);
        (0..height)
            .map(|y| {
                (0..width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_loading_screen_names_the_file_and_the_time_and_how_to_quit() {
        let shown = screen(60, 10);
        assert!(shown.contains("loading big"), "{shown}");
        assert!(shown.contains("1.5 s"), "{shown}");
        assert!(shown.contains("q quits"), "{shown}");
        // The escape in the name does not reach the screen.
        assert!(!shown.contains('\u{1b}'), "{shown}");
    }

    #[test]
    fn the_loading_screen_draws_at_any_size() {
        for (w, h) in [(1, 1), (2, 1), (10, 2), (80, 24)] {
            screen(w, h);
        }
    }

    #[test]
    fn only_q_esc_and_ctrl_c_quit_while_loading() {
        let key = |code, modifiers| Event::Key(KeyEvent::new(code, modifiers));
        assert!(quits(&key(KeyCode::Char('q'), KeyModifiers::NONE)));
        assert!(quits(&key(KeyCode::Esc, KeyModifiers::NONE)));
        assert!(quits(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        assert!(!quits(&key(KeyCode::Char('c'), KeyModifiers::NONE)));
        assert!(!quits(&key(KeyCode::Char('/'), KeyModifiers::NONE)));
        assert!(suspends(&Wake::Terminal(key(
            KeyCode::Char('z'),
            KeyModifiers::CONTROL
        ))));
        assert!(!suspends(&Wake::Terminal(key(
            KeyCode::Char('z'),
            KeyModifiers::NONE
        ))));
    }
}
