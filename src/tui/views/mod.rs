//! Views: functions of borrowed state that draw into a buffer. Each is a
//! short-lived struct holding references, implementing `Widget`.

pub mod brief;
pub mod chrome;
pub mod columns;
pub mod detail;
pub mod help;
pub mod marks;
pub mod note;
pub mod outline;
pub mod presenter;
pub mod search;
pub mod sources;
pub mod symbols;
pub mod tours;
pub mod why;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::action::View;
use super::app::{App, Pane};
use super::layout;
use super::overlay::Overlay;
use super::theme::{Role, Theme};

/// Draws the whole screen for the current state.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    render(app, theme, area, frame.buffer_mut());
}

/// Draws into any buffer (used by tests and the screenshot command too).
/// The explorer first, unless a tour's card covers it, then the layers in
/// stack order.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if layout::too_small(area) {
        chrome::TooSmall { theme, area }.render(area, buf);
        return;
    }
    // The theme's own background (if it has one) under everything.
    buf.set_style(area, theme.style(Role::Text));
    if !app.is_presenting() {
        render_explorer(app, theme, area, buf);
    }
    for overlay in app.overlays() {
        match overlay {
            Overlay::Help(state) => help::HelpOverlay {
                theme,
                state: *state,
            }
            .render(area, buf),
            Overlay::Tours(state) => tours::ToursOverlay {
                app,
                theme,
                state: *state,
            }
            .render(area, buf),
            Overlay::Search(state) => search::SearchOverlay { app, theme, state }.render(area, buf),
            Overlay::Note(state) => note::NoteEditor { app, theme, state }.render(area, buf),
            Overlay::Presenter => {
                if let Some(presenter) = app.tour() {
                    presenter::PresenterCard {
                        app,
                        theme,
                        presenter,
                    }
                    .render(area, buf)
                }
            }
        }
    }
}

/// The header, the panes and the status bar.
fn render_explorer(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let areas = layout::areas_for(area, app.view() == View::Columns);
    chrome::Header { app, theme }.render(areas.header, buf);
    chrome::Breadcrumb { app, theme }.render(areas.breadcrumb, buf);
    let pane = app.pane();
    if areas.detail.is_some() || pane == Pane::Main {
        render_main(app, theme, areas.main, buf, pane == Pane::Main);
    }
    if areas.detail.is_some() || pane == Pane::Detail {
        detail::DetailView {
            app,
            theme,
            focused: pane == Pane::Detail,
        }
        .render(areas.detail.unwrap_or(areas.main), buf);
    }
    chrome::StatusBar { app, theme }.render(areas.status, buf);
}

/// The view in the main pane.
fn render_main(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    match app.view() {
        View::Outline => outline::OutlineView {
            app,
            theme,
            focused,
        }
        .render(area, buf),
        View::Columns => columns::ColumnsView {
            app,
            theme,
            focused,
        }
        .render(area, buf),
        View::Sources => sources::SourcesView {
            app,
            theme,
            focused,
        }
        .render(area, buf),
        View::Marks => marks::MarksView {
            app,
            theme,
            focused,
        }
        .render(area, buf),
        View::Brief => brief::BriefView {
            app,
            theme,
            focused,
        }
        .render(area, buf),
    }
}

/// A node's label as lists show it: `⊘` when a what-if suspends it,
/// else its label's symbol, each in its own style.
pub fn label_span(app: &App, theme: &Theme, ix: crate::graph::NodeIx) -> Span<'static> {
    symbols::label_span(app.whatif(), theme, ix)
}

/// The strength cell of `ix` ([`strength_cell`]), or `  … ` while a
/// what-if is being recomputed.
pub fn strength_cell_of(app: &App, ix: crate::graph::NodeIx) -> String {
    if app.whatif().strength_pending() {
        return "  … ".into();
    }
    strength_cell(app.whatif().strength(ix).0)
}

/// A strength in four cells: a one-cell bar, eighths of the scale, and
/// two decimals (`▅.62`, `█1.0`).
pub fn strength_cell(v: f64) -> String {
    const LEVELS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let v = v.clamp(0.0, 1.0);
    let level = LEVELS[(v * 8.0).round() as usize];
    if v >= 0.995 {
        format!("{level}1.0")
    } else {
        format!("{level}{:.2}", v).replacen("0.", ".", 1)
    }
}

/// A node's label in symbol and word ("✓ stands"), or its suspension.
pub fn label_words(app: &App, theme: &Theme, ix: crate::graph::NodeIx) -> Span<'static> {
    symbols::label_words(app.whatif(), theme, ix)
}

/// A bordered pane with its title; the focused one has a bold border and
/// a marker in its title, so focus shows without colour.
pub fn pane_block<'a>(theme: &Theme, title: &'a str, focused: bool) -> Block<'a> {
    let (border, marker) = if focused {
        (theme.style(Role::BorderFocused), "▶ ")
    } else {
        (theme.style(Role::Border), "")
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            ratatui::widgets::BorderType::Thick
        } else {
            ratatui::widgets::BorderType::Plain
        })
        .border_style(border)
        .title(Line::from(vec![
            Span::styled(marker, border),
            Span::styled(title, theme.style(Role::Heading)),
        ]))
}

/// A dim one-line message at the top of an empty pane ("no sources", …).
pub fn empty_message(buf: &mut Buffer, inner: Rect, theme: &Theme, text: &str) {
    if inner.height == 0 {
        return;
    }
    put_line(
        buf,
        inner.x,
        inner.y,
        inner.width,
        &[Span::styled(text.to_string(), theme.style(Role::Dim))],
        theme.style(Role::Text),
    );
}

/// The base style of a list row: the selection bar, or plain text.
pub fn row_style(theme: &Theme, selected: bool) -> Style {
    theme.style(if selected {
        Role::Selection
    } else {
        Role::Text
    })
}

/// Writes spans on one row, clipped to `width` cells, measuring wide characters.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, width: u16, spans: &[Span], base: Style) {
    put_spans(buf, x, y, width, spans, base, false);
}

/// Like [`put_line`]; on the selected row the selection's colours win over
/// the spans' own, so the row reads as one bar in any theme.
pub fn put_row(
    buf: &mut Buffer,
    (x, y, width): (u16, u16, u16),
    spans: &[Span],
    base: Style,
    selected: bool,
) {
    put_spans(buf, x, y, width, spans, base, selected);
}

fn put_spans(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    spans: &[Span],
    base: Style,
    selected: bool,
) {
    let mut col = x;
    let end = x + width;
    for span in spans {
        if col >= end {
            break;
        }
        let style = if selected {
            span.style.patch(base)
        } else {
            base.patch(span.style)
        };
        let room = (end - col) as usize;
        if crate::text::width(&span.content) > room {
            // Cut text ends with an ellipsis, so a clipped title reads as clipped.
            let cut = crate::text::truncate(&span.content, room);
            buf.set_stringn(col, y, &cut, room, style);
            col = end;
            break;
        }
        let (next, _) = buf.set_stringn(col, y, span.content.as_ref(), room, style);
        col = next;
    }
    // Fill the rest of the row with the base style (for selection bars).
    if col < end {
        buf.set_style(Rect::new(col, y, end - col, 1), base);
    }
}
