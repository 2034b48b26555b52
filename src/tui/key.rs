//! A key as the keymap names it, independent of the terminal library, and
//! its two spellings: the short one screens show, and the one `config.ron`
//! uses (which the configuration reader parses back).

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
}

impl Key {
    /// The key as help, hints and titles show it (`Bksp`, `↑`, `PgDn`).
    pub fn label(self) -> String {
        self.spelled(false)
    }

    /// The key as `config.ron` spells it (`Backspace`, `Up`, `PageDown`).
    pub fn config_name(self) -> String {
        self.spelled(true)
    }

    fn spelled(self, config: bool) -> String {
        let (short, long) = match self {
            Key::Char(' ') => ("Space", "Space"),
            Key::Char(c) => return c.to_string(),
            Key::Ctrl(c) => return format!("Ctrl-{c}"),
            Key::Enter => ("Enter", "Enter"),
            Key::Esc => ("Esc", "Esc"),
            Key::Tab => ("Tab", "Tab"),
            Key::BackTab => ("S-Tab", "S-Tab"),
            Key::Backspace => ("Bksp", "Backspace"),
            Key::Delete => ("Del", "Delete"),
            Key::Up => ("↑", "Up"),
            Key::Down => ("↓", "Down"),
            Key::Left => ("←", "Left"),
            Key::Right => ("→", "Right"),
            Key::Home => ("Home", "Home"),
            Key::End => ("End", "End"),
            Key::PageUp => ("PgUp", "PageUp"),
            Key::PageDown => ("PgDn", "PageDown"),
        };
        (if config { long } else { short }).into()
    }
}
