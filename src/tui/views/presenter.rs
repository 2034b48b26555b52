//! Presenter mode: one tour step fills the screen as a large card that
//! reads from the back of a room, with the responses revealed one by one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::put_line;
use crate::text::{sanitize_line, truncate};
use crate::tour::Presenter;
use crate::tui::app::App;
use crate::tui::theme::{Role, Theme};
use crate::tui::viewstate::presenter::*;

pub struct PresenterCard<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub presenter: &'a Presenter,
}

impl Widget for PresenterCard<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        buf.set_style(area, theme.style(Role::Text));
        // Wide margins on large screens, small ones on 80 columns.
        let (x, width, room) = card_geometry(area);
        let top = area.y + 1;
        let bottom = area.y + area.height.saturating_sub(3);
        self.render_title(buf, x, top, width);
        let text = theme.style(Role::Text);
        for (i, (spans, style)) in self.layout().body(width as usize, room).iter().enumerate() {
            put_line(buf, x, top + 2 + i as u16, width, spans, *style);
        }
        // The path so far, then the keys.
        if area.height >= 6 {
            let w = width as usize;
            let g = self.app.graph();
            let path: Vec<String> = self
                .presenter
                .path_so_far()
                .iter()
                .map(|&n| truncate(&sanitize_line(&g.node(n).title), 24))
                .collect();
            let path = path_ending_here(&path, w);
            let spans = [Span::styled(path, theme.style(Role::Dim))];
            put_line(buf, x, bottom, width, &spans, text);
        }
        self.render_keys(buf, area);
    }
}

impl PresenterCard<'_> {
    /// The card's lines, as the app measures them for scrolling.
    fn layout(&self) -> CardLayout<'_> {
        CardLayout {
            graph: self.app.graph(),
            whatif: self.app.whatif(),
            card: *self.app.card(),
            theme: self.theme,
            presenter: self.presenter,
        }
    }

    /// The tour's title and the step counter, over a rule.
    fn render_title(&self, buf: &mut Buffer, x: u16, top: u16, width: u16) {
        let (theme, p) = (self.theme, self.presenter);
        let w = width as usize;
        let tour = &self.app.graph().tours[p.tour_index()];
        let (at, total) = p.counter();
        let counter = format!("Step {at} of {total}");
        let title = truncate(
            &sanitize_line(&tour.title),
            w.saturating_sub(counter.len() + 2),
        );
        let pad = w.saturating_sub(crate::text::width(&title) + counter.len());
        let text = theme.style(Role::Text);
        let spans = [
            Span::styled(title, theme.style(Role::Heading)),
            Span::raw(" ".repeat(pad)),
            Span::styled(counter, theme.style(Role::Accent)),
        ];
        put_line(buf, x, top, width, &spans, text);
        let rule = [Span::styled("─".repeat(w), theme.style(Role::Border))];
        put_line(buf, x, top + 1, width, &rule, text);
    }

    /// The bottom line: the explorer's status bar (keys or the message of
    /// the moment, and the what-if banner).
    fn render_keys(&self, buf: &mut Buffer, area: Rect) {
        let (app, theme) = (self.app, self.theme);
        let bottom = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
        super::chrome::StatusBar { app, theme }.render(bottom, buf);
    }
}

/// The tour's path in `w` cells, ending at the current step: the start is
/// what gives way (as "… ›"), so the breadcrumb changes with every step.
fn path_ending_here(titles: &[String], w: usize) -> String {
    let sep = " › ";
    let mut out = String::new();
    for (i, t) in titles.iter().enumerate().rev() {
        let next = if out.is_empty() {
            t.clone()
        } else {
            format!("{t}{sep}{out}")
        };
        let cut = i > 0;
        let needed = crate::text::width(&next) + if cut { 4 } else { 0 };
        if needed > w {
            if out.is_empty() {
                return truncate(t, w);
            }
            return truncate(&format!("…{sep}{out}"), w);
        }
        out = next;
    }
    out
}
