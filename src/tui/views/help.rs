//! The help overlay: every key, generated from the keymap, then what the
//! symbols and labels mean.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Widget};

use super::{pane_block, put_line};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::layout;
use crate::tui::overlay::Effect;
use crate::tui::theme::{Role, Theme};

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
    for (symbol, meaning) in super::symbols::legend() {
        out.push(HelpLine::Entry(symbol, meaning));
    }
    out.push(HelpLine::Blank);
    out.push(HelpLine::Heading("What the labels mean".into()));
    use crate::eval::Label;
    for l in [Label::In, Label::Out, Label::Undec] {
        let meaning = super::symbols::label_meaning(l);
        out.push(HelpLine::Text(format!(
            "{} {meaning}",
            super::symbols::label(l)
        )));
    }
    let supports = "Only attacks decide labels; supports are shown beside them.";
    out.push(HelpLine::Text(supports.into()));
    out
}

pub struct HelpOverlay<'a> {
    pub theme: &'a Theme,
    pub state: HelpState,
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let rect = layout::centered(area, 72, area.height.saturating_sub(2));
        Clear.render(rect, buf);
        let title = format!(
            "Keys ({} closes, {}/{} scroll)",
            keymap::key_name(Context::Help, Action::Close, keymap::first),
            keymap::key_name(Context::Chooser, Action::Up, keymap::named),
            keymap::key_name(Context::Chooser, Action::Down, keymap::named),
        );
        let block = pane_block(theme, &title, true);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let lines = help_lines();
        let scroll = self.state.scroll.min(lines.len().saturating_sub(1));
        for (row, line) in lines
            .iter()
            .skip(scroll)
            .take(inner.height as usize)
            .enumerate()
        {
            let y = inner.y + row as u16;
            let spans = match line {
                HelpLine::Heading(h) => vec![Span::styled(h.as_str(), theme.style(Role::Heading))],
                HelpLine::Blank => vec![],
                HelpLine::Text(t) => vec![Span::raw(format!("  {t}"))],
                HelpLine::Entry(keys, desc) => vec![
                    Span::styled(format!("  {keys:<20}"), theme.style(Role::Accent)),
                    Span::raw(*desc),
                ],
            };
            put_line(
                buf,
                inner.x,
                y,
                inner.width,
                &spans,
                theme.style(Role::Text),
            );
        }
    }
}
