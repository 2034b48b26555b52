//! Presenter mode: one tour step fills the screen as a large card that
//! reads from the back of a room, with the responses revealed one by one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::{put_line, symbols};
use crate::graph::Relation;
use crate::text::{sanitize_line, sanitize_text, truncate, wrap};
use crate::tour::Presenter;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme::{Role, Theme};

pub struct PresenterCard<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub presenter: &'a Presenter,
}

/// Widest text line on the card, so lines stay easy to follow on a big screen.
const MAX_TEXT_WIDTH: usize = 88;

impl Widget for PresenterCard<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme, p) = (self.app, self.theme, self.presenter);
        buf.set_style(area, theme.style(Role::Text));
        let g = app.graph();
        let stop = p.step();
        let node = g.node(stop.node);
        let tour = &g.tours[p.tour_index()];
        let (at, total) = p.counter();

        // Wide margins on large screens, small ones on 80 columns.
        let margin = ((area.width as usize).saturating_sub(MAX_TEXT_WIDTH) / 2).max(2) as u16;
        let x = area.x + margin;
        let width = area.width.saturating_sub(margin * 2).max(1);
        let w = width as usize;

        let mut lines: Vec<(Vec<Span<'static>>, Style)> = Vec::new();
        let text = theme.style(Role::Text);
        let add = |lines: &mut Vec<(Vec<Span<'static>>, Style)>,
                   s: &str,
                   style: Style,
                   indent: &'static str| {
            for l in wrap(s, w.saturating_sub(indent.len()).max(1)) {
                lines.push((vec![Span::raw(indent), Span::styled(l, style)], text));
            }
        };
        let rel = symbols::first_relation(g, stop.node);
        let l = app.label(stop.node);
        lines.push((
            vec![
                Span::styled(
                    format!("{} {} ", symbols::stance(rel), node.kind.name()),
                    symbols::kind_style(theme, node.kind),
                ),
                Span::styled(
                    format!("{} {}", symbols::label(l), symbols::label_word(l)),
                    symbols::label_style(theme, l),
                ),
            ],
            text,
        ));
        add(
            &mut lines,
            &sanitize_line(&node.title),
            theme.style(Role::Heading),
            "",
        );
        lines.push((vec![], text));
        add(
            &mut lines,
            &sanitize_text(&stop.say),
            theme.style(Role::Accent),
            "",
        );
        let mut optional: Vec<(Vec<Span<'static>>, Style)> = Vec::new();
        if let Some(t) = &node.text {
            optional.push((vec![], text));
            add(&mut optional, &sanitize_text(t), theme.style(Role::Dim), "");
        }
        if let Some(q) = &node.quote {
            lines.push((vec![], text));
            add(
                &mut lines,
                &format!("“{}”", sanitize_text(q.trim())),
                theme.style(Role::Quote),
                "│ ",
            );
            if let Some(src) = g.source_of(stop.node) {
                let mut cite = sanitize_line(&src.title);
                if let Some(loc) = &node.locator {
                    cite.push_str(&format!(", {}", sanitize_line(loc)));
                }
                add(
                    &mut lines,
                    &format!("— {cite}"),
                    theme.style(Role::Dim),
                    "  ",
                );
            }
        }
        // Responses, revealed one by one.
        let mut responses: Vec<(Vec<Span<'static>>, Style)> = Vec::new();
        if !stop.related.is_empty() {
            responses.push((vec![], text));
            responses.push((
                vec![Span::styled(
                    "What is said in answer?",
                    theme.style(Role::Heading),
                )],
                text,
            ));
            for &(n, r) in p.revealed() {
                let rl = app.label(n);
                let rn = g.node(n);
                let stance = match r {
                    Relation::Supports => Some(Relation::Supports),
                    Relation::Attacks => Some(Relation::Attacks),
                };
                responses.push((
                    vec![
                        Span::raw("  "),
                        Span::styled(
                            symbols::stance(stance),
                            symbols::stance_style(theme, stance),
                        ),
                        Span::styled(symbols::kind(rn.kind), symbols::kind_style(theme, rn.kind)),
                        Span::raw(" "),
                        Span::styled(symbols::label(rl), symbols::label_style(theme, rl)),
                        Span::raw(" "),
                        Span::raw(truncate(&sanitize_line(&rn.title), w.saturating_sub(8))),
                    ],
                    text,
                ));
            }
            let hidden = p.hidden_count();
            if hidden > 0 {
                responses.push((
                    vec![Span::styled(
                        format!(
                            "  {hidden} more hidden — press {} to reveal the next",
                            keymap::key_name(keymap::Context::Presenter, Action::Reveal, keymap::first)
                        ),
                        theme.style(Role::Dim),
                    )],
                    text,
                ));
            }
        }

        // Header, footer and what fits between them: the node's own text is
        // the first thing left out on a small screen.
        let top = area.y + 1;
        let bottom = area.y + area.height.saturating_sub(3);
        let room = bottom.saturating_sub(top + 2) as usize;
        let mut body = lines;
        if body.len() + optional.len() + responses.len() <= room {
            body.extend(optional);
        }
        // Still too long: keep the top of the card (kind, title, the start of
        // the narration) and the end of the responses, where the newest
        // reveal and the count of hidden ones are.
        let keep_top = body.len().min(4);
        let resp_room = responses.len().min(room.saturating_sub(keep_top));
        body.truncate(room.saturating_sub(resp_room));
        body.extend(responses.into_iter().rev().take(resp_room).rev());

        let counter = format!("Step {at} of {total}");
        let title = truncate(
            &sanitize_line(&tour.title),
            w.saturating_sub(counter.len() + 2),
        );
        let pad = w.saturating_sub(crate::text::width(&title) + counter.len());
        put_line(
            buf,
            x,
            top,
            width,
            &[
                Span::styled(title, theme.style(Role::Heading)),
                Span::raw(" ".repeat(pad)),
                Span::styled(counter, theme.style(Role::Accent)),
            ],
            text,
        );
        put_line(
            buf,
            x,
            top + 1,
            width,
            &[Span::styled("─".repeat(w), theme.style(Role::Border))],
            text,
        );
        for (i, (spans, style)) in body.iter().take(room).enumerate() {
            put_line(buf, x, top + 2 + i as u16, width, spans, *style);
        }
        // The path so far, then the keys.
        if area.height >= 6 {
            let path: Vec<String> = p
                .path_so_far()
                .iter()
                .map(|&n| truncate(&sanitize_line(&g.node(n).title), 24))
                .collect();
            let path = truncate(&path.join(" › "), w);
            put_line(
                buf,
                x,
                bottom,
                width,
                &[Span::styled(path, theme.style(Role::Dim))],
                text,
            );
        }
        let mut hints = Vec::new();
        for (key, word) in keymap::hints(&app.contexts()) {
            hints.push(Span::styled(
                format!(" {key}"),
                theme
                    .style(Role::Status)
                    .add_modifier(ratatui::style::Modifier::BOLD),
            ));
            hints.push(Span::raw(format!(" {word} ")));
        }
        if let Some(msg) = app.message() {
            hints = vec![Span::raw(format!(" {}", sanitize_line(msg)))];
        }
        put_line(
            buf,
            area.x,
            area.y + area.height - 1,
            area.width,
            &hints,
            theme.style(Role::Status),
        );
    }
}
