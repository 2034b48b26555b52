//! The frame around the views: header, breadcrumb, status bar, and the
//! message shown when the terminal is too small.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{put_line, symbols};
use crate::eval::Label;
use crate::text::{sanitize_line, truncate};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::theme::{Role, Theme};
use crate::tui::whatif::Reading;

pub struct Header<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        // The thesis summary: how the first thesis fares and how many opposing points stand.
        // How the focused node's thesis fares, and its direct objections.
        let mut right = Vec::new();
        if let Some(sum) = app.summary() {
            let l = sum.label;
            let reading = app.whatif().shown_reading();
            right.push(Span::styled(
                format!("{} thesis {}", symbols::label(l), reading.word(l)),
                symbols::label_style(theme, l),
            ));
            // The chosen semantics, while it is recomputed after a what-if:
            // the labels meanwhile are grounded's.
            if app.whatif().labels_pending() {
                right.push(Span::styled(
                    format!(
                        " ({}: {})",
                        app.whatif().reading().name(),
                        crate::tui::whatif::RECOMPUTING
                    ),
                    theme.style(Role::Dim),
                ));
            }
            // Grounded is the default; the others say which one speaks.
            if reading != Reading::Grounded {
                right.push(Span::styled(
                    format!(" ({})", thesis_words(app, reading)),
                    theme.style(Role::Dim),
                ));
            }
            let counts = if area.width >= 110 {
                format!(
                    " · objections standing {}/{} · reasons standing {}/{} ",
                    sum.opposing_standing,
                    sum.opposing_total,
                    sum.supporting_standing,
                    sum.supporting_total
                )
            } else {
                format!(
                    " · {}/{} objections stand ",
                    sum.opposing_standing, sum.opposing_total
                )
            };
            right.push(Span::styled(counts, theme.style(Role::Dim)));
        }
        let right_w: usize = right.iter().map(|s| s.width()).sum();
        let title = sanitize_line(&app.graph().title);
        let left_w = (area.width as usize).saturating_sub(right_w + 8);
        let mut spans = vec![
            Span::styled(" agon ", theme.style(Role::Status)),
            Span::raw(" "),
            Span::styled(truncate(&title, left_w), theme.style(Role::Heading)),
        ];
        let used: usize = spans.iter().map(|s| s.width()).sum();
        if used + right_w < area.width as usize {
            spans.push(Span::raw(" ".repeat(area.width as usize - used - right_w)));
            spans.extend(right);
        }
        put_line(
            buf,
            area.x,
            area.y,
            area.width,
            &spans,
            theme.style(Role::Text),
        );
    }
}

/// What the chosen semantics concludes about the thesis, briefly.
fn thesis_words(app: &App, reading: Reading) -> String {
    let Some(sum) = app.summary() else {
        return String::new();
    };
    match (reading, sum.label) {
        (Reading::Grounded, _) => String::new(),
        (Reading::Preferred | Reading::Stable, Label::In) => {
            format!("{}: every case", reading.name())
        }
        (Reading::Preferred | Reading::Stable, Label::Undec) => {
            format!("{}: some cases", reading.name())
        }
        (Reading::Stable, Label::Out) if app.whatif().note().is_some() => "stable: no case".into(),
        (Reading::Preferred | Reading::Stable, Label::Out) => {
            format!("{}: no case", reading.name())
        }
        (Reading::Strength, _) => {
            let thesis = app.summary_thesis();
            let v = thesis.map_or(0.0, |t| app.whatif().strength(t).0);
            format!("strength {v:.2}")
        }
    }
}

pub struct Breadcrumb<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for Breadcrumb<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        // The path of the outline row when it shows the focus, else the shortest one.
        let outline = app.outline();
        let path = outline
            .selected()
            .filter(|r| r.node == app.focused())
            .map(|r| r.path.clone())
            .or_else(|| outline.tree.path_to(app.graph(), app.focused()))
            .unwrap_or_else(|| vec![app.focused()]);
        let budget = (area.width as usize / path.len().max(1)).clamp(8, 60);
        let mut spans = vec![Span::raw(" ")];
        for (i, &ix) in path.iter().enumerate() {
            if i > 0 {
                let rel = app.relation_of(ix, path[i - 1]);
                spans.push(Span::styled(" › ", theme.style(Role::Dim)));
                spans.push(Span::styled(
                    symbols::stance(rel),
                    symbols::stance_style(theme, rel),
                ));
                spans.push(Span::raw(" "));
            }
            let style = if i + 1 == path.len() {
                theme.style(Role::Heading)
            } else {
                theme.style(Role::Dim)
            };
            let title = sanitize_line(&app.graph().node(ix).title);
            spans.push(Span::styled(truncate(&title, budget), style));
        }
        put_line(
            buf,
            area.x,
            area.y,
            area.width,
            &spans,
            theme.style(Role::Text),
        );
    }
}

pub struct StatusBar<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let base = theme.style(Role::Status);
        // Standing state the user should not forget: suspensions, a tour.
        let tag = standing_tag(app).map(|t| format!(" {t} "));
        let tag_w = tag.as_deref().map_or(0, crate::text::width) as u16;
        let (tag, room) = match tag {
            Some(t) if area.width > tag_w => (Some(t), area.width - tag_w),
            _ => (None, area.width),
        };
        let spans = match app.message() {
            Some(msg) => vec![Span::raw(format!(" {} ", sanitize_line(msg)))],
            None => hint_spans(keymap::hints(&app.contexts()), base, room as usize),
        };
        put_line(buf, area.x, area.y, room, &spans, base);
        if let Some(tag) = tag {
            let x = area.x + room;
            let warning = [Span::styled(tag, theme.style(Role::Warning))];
            put_line(buf, x, area.y, tag_w, &warning, base);
        }
    }
}

/// The what-if banner, or a reminder of a tour left running; key names
/// from the keymap.
pub fn standing_tag(app: &App) -> Option<String> {
    let key = |action| keymap::key_name(keymap::Context::Global, action, keymap::first);
    match (app.whatif().count(), app.tour().is_some()) {
        (0, true) if !app.is_presenting() => Some(format!(
            "tour running: {} returns to it",
            key(Action::PresenterExplore)
        )),
        (0, _) => None,
        (n, _) => Some(format!(
            "{} what-if: {n} suspended · {} clears",
            symbols::SUSPENDED,
            key(Action::ClearWhatIfs)
        )),
    }
}

/// The status bar's hints that fit in `room` cells, each whole: the help
/// key first, then in the keymap's order (most specific first); the rest
/// are dropped rather than cut.
pub fn hint_spans(
    hints: Vec<(String, &'static str)>,
    base: ratatui::style::Style,
    room: usize,
) -> Vec<Span<'static>> {
    let cost = |(key, word): &(String, &str)| crate::text::width(key) + word.len() + 3;
    let help = keymap::key_name(keymap::Context::Global, Action::Help, keymap::first);
    let mut order: Vec<usize> = (0..hints.len()).collect();
    order.sort_by_key(|&i| hints[i].0 != help);
    let mut keep = vec![false; hints.len()];
    let mut used = 0;
    for i in order {
        if used + cost(&hints[i]) <= room {
            used += cost(&hints[i]);
            keep[i] = true;
        }
    }
    let bold = base.add_modifier(ratatui::style::Modifier::BOLD);
    let mut spans = Vec::new();
    for ((key, word), _) in hints.into_iter().zip(keep).filter(|(_, k)| *k) {
        spans.push(Span::styled(format!(" {key}"), bold));
        spans.push(Span::raw(format!(" {word} ")));
    }
    spans
}

/// Shown instead of the explorer when the terminal is smaller than it needs.
pub struct TooSmall<'a> {
    pub theme: &'a Theme,
    pub area: Rect,
}

impl Widget for TooSmall<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.style(Role::Text));
        let text = format!(
            "Terminal too small: agon needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}. Enlarge the window, or press {} to quit.",
            self.area.width,
            self.area.height,
            keymap::key_name(keymap::Context::Global, Action::Quit, keymap::first),
        );
        Paragraph::new(Line::styled(text, self.theme.style(Role::Warning)))
            .wrap(Wrap { trim: true })
            .render(area, buf);
    }
}
