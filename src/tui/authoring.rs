//! The authoring loop: `E` opens the debate file in the user's editor at
//! the focused node, and the file is watched and reloaded when it changes.
//! This is terminal-side I/O; the state it changes goes through `App`.

use std::io;
use std::sync::mpsc::{Receiver, channel};

use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};

use super::app::App;
use crate::formats::Input;
use crate::graph::{Diagnostic, LoadError, Pos};
use crate::text::sanitize_line;
use crate::watch::FileWatcher;

/// The file behind the explorer, its watcher, and the errors of the last
/// reload that failed (while they stand, the map shown is the last good one).
pub struct Document {
    input: Input,
    changes: Option<(FileWatcher, Receiver<()>)>,
    errors: Vec<Diagnostic>,
}

impl Document {
    /// Watches the file when `watch` is set and there is a file to watch;
    /// a watcher that cannot start is reported in the message, not fatal.
    pub fn new(
        input: Input,
        watch: bool,
        app: &mut App,
        on_change: impl Fn() + Send + 'static,
    ) -> Document {
        let mut changes = None;
        if watch && let Input::File(path) = &input {
            let (tx, rx) = channel();
            match FileWatcher::new(path, move || {
                let _ = tx.send(());
                on_change();
            }) {
                Ok(w) => changes = Some((w, rx)),
                Err(e) => app.set_message(format!("cannot watch the file for changes: {e}")),
            }
        }
        Document {
            input,
            changes,
            errors: Vec::new(),
        }
    }

    /// Reloads when the watcher saw a change: None when it saw none, else
    /// whether the graph was replaced (the caller restarts what holds the
    /// old one; either way the screen changed).
    pub fn poll(&mut self, app: &mut App) -> Option<bool> {
        let (_, rx) = self.changes.as_ref()?;
        let mut changed = false;
        while rx.try_recv().is_ok() {
            changed = true;
        }
        changed.then(|| self.reload(app))
    }

    /// Keeps the first error on the status line while the file is broken.
    pub fn remind(&self, app: &mut App) {
        if app.message().is_none()
            && let Some(msg) = self.error_message()
        {
            app.set_message(msg);
        }
    }

    fn reload(&mut self, app: &mut App) -> bool {
        match self.input.load() {
            Ok(loaded) => {
                let changes = crate::graph::diff::diff(app.graph(), &loaded.graph);
                *app = app.reloaded(loaded.graph);
                self.errors.clear();
                app.set_message(format!("reloaded: {changes}"));
                true
            }
            Err(LoadError::Invalid(diags)) => {
                self.errors = diags;
                if let Some(msg) = self.error_message() {
                    app.set_message(msg);
                }
                false
            }
            Err(err @ LoadError::Unreadable { .. }) => {
                app.set_message(sanitize_line(&format!("{err}; showing the last good map")));
                false
            }
        }
    }

    fn first_error(&self) -> Option<&Diagnostic> {
        self.errors.iter().find(|d| d.is_error())
    }

    fn error_message(&self) -> Option<String> {
        let d = self.first_error()?;
        let count = self.errors.iter().filter(|d| d.is_error()).count();
        let more = if count > 1 {
            format!(" (and {} more)", count - 1)
        } else {
            String::new()
        };
        Some(sanitize_line(&format!(
            "not reloaded, showing the last good map (E opens the error): {}:{}:{}: {}{more}",
            d.file, d.pos.line, d.pos.col, d.message
        )))
    }

    /// `E`: suspends the explorer, runs the editor in this terminal at the
    /// first error of a failed reload or else at the focused node, and comes
    /// back. True when the graph was reloaded afterwards.
    pub fn edit(
        &mut self,
        terminal: &mut ratatui::DefaultTerminal,
        app: &mut App,
        mouse: bool,
    ) -> io::Result<bool> {
        let path = match &self.input {
            Input::File(p) => p.clone(),
            Input::Builtin => {
                app.set_message(
                    // Short enough for the status line at 80 columns.
                    "no file to edit: `agon export --format ron -o my.ron`, then `agon my.ron`"
                        .into(),
                );
                return Ok(false);
            }
            Input::Stdin => {
                app.set_message(
                    "read from standard input, so no file to edit: save it, then open the file"
                        .into(),
                );
                return Ok(false);
            }
        };
        let Some(editor) = crate::editor::from_env() else {
            app.set_message("set $VISUAL or $EDITOR to the editor E should open".into());
            return Ok(false);
        };
        let pos = match self.first_error() {
            Some(d) => d.pos,
            None => std::fs::read_to_string(&path)
                .ok()
                .and_then(|text| crate::editor::node_pos(&text, app.graph(), app.focused()))
                .unwrap_or(Pos { line: 1, col: 1 }),
        };
        let Some(mut cmd) = crate::editor::command(&editor, &path, pos) else {
            return Ok(false);
        };
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        if mouse {
            let _ = execute!(io::stdout(), DisableMouseCapture);
        }
        ratatui::restore();
        let status = cmd.status();
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        if mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        // A fresh terminal has an empty back buffer, so the next frame is
        // drawn whole over whatever the editor left.
        execute!(io::stdout(), Clear(ClearType::All))?;
        *terminal = ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))?;
        match status {
            Err(e) => app.set_message(sanitize_line(&format!("cannot run {editor}: {e}"))),
            Ok(s) if !s.success() => app.set_message(format!("the editor exited with {s}")),
            Ok(_) if self.changes.is_none() => return Ok(self.reload(app)),
            Ok(_) => {}
        }
        Ok(false)
    }
}
