//! The help overlay's state and the lines it shows, from the keymap.

use crate::tui::action::Action;
use crate::tui::keymap::{self};
use crate::tui::overlay::Effect;

/// The help overlay's state: how far it is scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HelpState {
    pub scroll: usize,
}

impl HelpState {
    /// Scrolls within `max`; `?` again or Enter closes. Opening another
    /// overlay and quitting are left to the explorer.
    pub fn handle(&mut self, action: Action, max: usize) -> Effect {
        let delta: isize = match action {
            Action::Tours | Action::Search | Action::Quit | Action::ClearWhatIfs => {
                return Effect::Ignored;
            }
            Action::Close | Action::Help | Action::Activate => return Effect::Close(None),
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -10,
            Action::PageDown => 10,
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => return Effect::Consumed,
        };
        self.scroll = (self.scroll.min(max) as isize + delta).clamp(0, max as isize) as usize;
        Effect::Consumed
    }
}

/// One line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(String),
    Blank,
    /// Keys (or a symbol) and what they mean.
    Entry(String, &'static str),
    /// A sentence of its own.
    Text(String),
}

/// The help's lines: the keymap's, then the legend.
pub fn help_lines() -> Vec<HelpLine> {
    let mut out: Vec<HelpLine> = keymap::help_lines()
        .into_iter()
        .map(|(ctx, keys, desc)| match ctx {
            Some(c) if desc.is_empty() => HelpLine::Heading(c.title().into()),
            Some(c) => HelpLine::Heading(format!("{}: {desc}", c.title())),
            None if keys.is_empty() && desc.is_empty() => HelpLine::Blank,
            None => HelpLine::Entry(keys, desc),
        })
        .collect();
    out.push(HelpLine::Blank);
    out.push(HelpLine::Heading("Symbols".into()));
    for (symbol, meaning) in crate::tui::views::symbols::legend() {
        out.push(HelpLine::Entry(symbol, meaning));
    }
    out.push(HelpLine::Blank);
    out.push(HelpLine::Heading("What the labels mean".into()));
    use crate::eval::Label;
    for l in [Label::In, Label::Out, Label::Undec] {
        let meaning = crate::tui::views::symbols::label_meaning(l);
        out.push(HelpLine::Text(format!(
            "{} {meaning}",
            crate::tui::views::symbols::label(l)
        )));
    }
    let supports = "Only attacks decide labels; supports are shown beside them.";
    out.push(HelpLine::Text(supports.into()));
    out
}
