//! Presenter mode's card: what it remembers, and its lines laid out for a
//! width, which drawing and the app's scrolling both measure.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;

use crate::graph::Graph;
use crate::text::{sanitize_line, sanitize_text, truncate, wrap};
use crate::tour::Presenter;
use crate::tui::action::Action;
use crate::tui::keymap;
use crate::tui::theme::{Role, Theme};
use crate::tui::views::symbols;
use crate::tui::whatif::WhatIf;

/// What the card remembers between frames: how far the step's text is
/// scrolled when it does not fit, and whether the narration is hidden from
/// the projected card (the presenter reads it aloud, or keeps it private).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CardState {
    pub scroll: usize,
    pub hide_narration: bool,
}

/// The card's text area for a screen `area`: its left edge, width and the
/// number of body lines.
pub fn card_geometry(area: Rect) -> (u16, u16, usize) {
    let margin = ((area.width as usize).saturating_sub(MAX_TEXT_WIDTH) / 2).max(2) as u16;
    let width = area.width.saturating_sub(margin * 2).max(1);
    let top = area.y + 1;
    let bottom = area.y + area.height.saturating_sub(3);
    (
        area.x + margin,
        width,
        bottom.saturating_sub(top + 2) as usize,
    )
}

/// Widest text line on the card, so lines stay easy to follow on a big screen.
const MAX_TEXT_WIDTH: usize = 88;

/// Lines of the card, each with its base style.
type CardLines = Vec<(Vec<Span<'static>>, Style)>;

/// The card's lines for one step, styled, for a given width.
pub struct CardLayout<'a> {
    pub graph: &'a Graph,
    pub whatif: &'a WhatIf,
    pub card: CardState,
    pub theme: &'a Theme,
    pub presenter: &'a Presenter,
}

impl CardLayout<'_> {
    /// What fits in `room` lines: the node's own text is the first thing
    /// left out on a small screen. Still too long, the card keeps its top
    /// (kind, title, the start of the narration) and the end of the
    /// responses, where the newest reveal and the count of hidden ones are.
    /// When the step's own lines do not fit, they scroll, and the last
    /// line of their part says so.
    pub fn body(&self, w: usize, room: usize) -> CardLines {
        let (mut body, optional) = self.step_lines(w);
        let responses = self.response_lines(w);
        if body.len() + optional.len() + responses.len() <= room {
            body.extend(optional);
            body.extend(responses);
            return body;
        }
        let keep_top = body.len().min(4);
        let resp_room = responses.len().min(room.saturating_sub(keep_top));
        let step_room = room.saturating_sub(resp_room);
        let mut shown = self.scrolled(body, step_room);
        shown.extend(responses.into_iter().rev().take(resp_room).rev());
        shown.truncate(room);
        shown
    }

    /// The step's lines scrolled to the card's offset within `room` lines,
    /// the last of which tells that more follows (or precedes).
    fn scrolled(&self, lines: CardLines, room: usize) -> CardLines {
        if lines.len() <= room || room < 2 {
            return lines.into_iter().take(room).collect();
        }
        let max = overflow(lines.len(), room);
        let from = self.card.scroll.min(max);
        let mut out: CardLines = lines.into_iter().skip(from).take(room - 1).collect();
        let key = |a| keymap::key_name(keymap::Context::Presenter, a, keymap::named);
        let more = if from < max {
            format!("▼ more follows · {} scrolls", key(Action::Down))
        } else {
            format!("▲ end · {} scrolls back", key(Action::Up))
        };
        let style = self.theme.style(Role::Dim);
        out.push((
            vec![Span::styled(more, style)],
            self.theme.style(Role::Text),
        ));
        out
    }

    /// How many lines the step's text is scrolled at most, at `area`.
    pub fn max_scroll(&self, area: Rect) -> usize {
        let (_, width, room) = card_geometry(area);
        let w = width as usize;
        let (body, optional) = self.step_lines(w);
        let responses = self.response_lines(w);
        if body.len() + optional.len() + responses.len() <= room {
            return 0;
        }
        let keep_top = body.len().min(4);
        let step_room = room.saturating_sub(responses.len().min(room.saturating_sub(keep_top)));
        if body.len() <= step_room || step_room < 2 {
            0
        } else {
            overflow(body.len(), step_room)
        }
    }

    /// The step: kind and label, title, narration and quote; and apart,
    /// the node's own text, shown when there is room.
    fn step_lines(&self, w: usize) -> (CardLines, CardLines) {
        let (theme, g) = (self.theme, self.graph);
        let stop = self.presenter.step();
        let node = g.node(stop.node);
        let text = theme.style(Role::Text);
        let rel = symbols::first_relation(g, stop.node);
        let mut lines: CardLines = vec![(
            vec![
                Span::styled(
                    format!("{} {} ", symbols::stance(rel), node.kind.name()),
                    symbols::kind_style(theme, node.kind),
                ),
                symbols::label_words(self.whatif, theme, stop.node),
                Span::styled(
                    node.origin
                        .note()
                        .map(|w| format!(" ·{} {w}", symbols::origin(node)))
                        .unwrap_or_default(),
                    theme.style(Role::Dim),
                ),
            ],
            text,
        )];
        add(
            &mut lines,
            text,
            w,
            &sanitize_line(&node.title),
            theme.style(Role::Heading),
            "",
        );
        lines.push((vec![], text));
        if self.card.hide_narration {
            let key = keymap::key_name(
                keymap::Context::Presenter,
                Action::ToggleNarration,
                keymap::first,
            );
            let hidden = format!("(narration hidden · {key} shows it)");
            add(&mut lines, text, w, &hidden, theme.style(Role::Dim), "");
        } else {
            add(
                &mut lines,
                text,
                w,
                &sanitize_text(&stop.say),
                theme.style(Role::Accent),
                "",
            );
        }
        let mut optional = CardLines::new();
        if let Some(t) = &node.text {
            optional.push((vec![], text));
            add(
                &mut optional,
                text,
                w,
                &sanitize_text(t),
                theme.style(Role::Dim),
                "",
            );
        }
        if let Some(q) = &node.quote {
            lines.push((vec![], text));
            let quote = format!("“{}”", sanitize_text(q.trim()));
            add(&mut lines, text, w, &quote, theme.style(Role::Quote), "│ ");
            if let Some(src) = g.source_of(stop.node) {
                let mut cite = sanitize_line(&src.title);
                if let Some(loc) = &node.locator {
                    cite.push_str(&format!(", {}", sanitize_line(loc)));
                }
                add(
                    &mut lines,
                    text,
                    w,
                    &format!("— {cite}"),
                    theme.style(Role::Dim),
                    "  ",
                );
            }
        }
        (lines, optional)
    }

    /// Responses, revealed one by one, and how many are still hidden.
    fn response_lines(&self, w: usize) -> CardLines {
        let (theme, p, g) = (self.theme, self.presenter, self.graph);
        let text = theme.style(Role::Text);
        let mut responses = CardLines::new();
        if p.step().related.is_empty() {
            return responses;
        }
        responses.push((vec![], text));
        let heading = Span::styled("What is said in answer?", theme.style(Role::Heading));
        responses.push((vec![heading], text));
        for &(n, r) in p.revealed() {
            let rn = g.node(n);
            let stance = Some(r);
            responses.push((
                vec![
                    Span::raw("  "),
                    Span::styled(
                        symbols::stance(stance),
                        symbols::stance_style(theme, stance),
                    ),
                    Span::styled(symbols::kind(rn.kind), symbols::kind_style(theme, rn.kind)),
                    Span::raw(" "),
                    symbols::label_span(self.whatif, theme, n),
                    Span::raw(" "),
                    Span::raw(truncate(&sanitize_line(&rn.title), w.saturating_sub(8))),
                ],
                text,
            ));
        }
        let hidden = p.hidden_count();
        if hidden > 0 {
            let reveal =
                keymap::key_name(keymap::Context::Presenter, Action::Reveal, keymap::first);
            let more = format!("  {hidden} more hidden — press {reveal} to reveal the next");
            responses.push((vec![Span::styled(more, theme.style(Role::Dim))], text));
        }
        responses
    }
}

/// How far `len` lines scroll in `room` rows whose last row is the
/// "more follows" line.
fn overflow(len: usize, room: usize) -> usize {
    len.saturating_sub(room - 1)
}

/// Adds `s` wrapped to `w` cells less the indent, on lines of base style `text`.
fn add(lines: &mut CardLines, text: Style, w: usize, s: &str, style: Style, indent: &'static str) {
    for l in wrap(s, w.saturating_sub(indent.len()).max(1)) {
        lines.push((vec![Span::raw(indent), Span::styled(l, style)], text));
    }
}
