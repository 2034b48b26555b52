//! The search overlay: a query line, ranked results with the matched
//! characters highlighted, and a preview of the selected result.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Widget};

use super::{pane_block, put_line, put_row, symbols};
use crate::search::{Field, Hit, Results};
use crate::text::{sanitize_line, sanitize_text, truncate, wrap};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::cursor::ListCursor;
use crate::tui::keymap::{self, Context};
use crate::tui::overlay::Effect;
use crate::tui::theme::{Role, Theme};

/// Everything about the search box: the query, the query waiting to be
/// handed to the search thread, the latest results for it, and the cursor.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchState {
    pub query: String,
    pub cursor: ListCursor,
    /// The latest results for `query`; stale ones are never kept.
    pub results: Option<Results>,
    /// A query the terminal loop is to hand to the search thread.
    pub pending: Option<String>,
    /// Enter was pressed before the results for the typed query arrived:
    /// jump as soon as they do, rather than to a stale result.
    pub jump_waiting: bool,
    /// How many results to ask for, beyond [`FIRST_RESULTS`]: it grows as
    /// the cursor nears the end of what is there.
    pub limit: usize,
}

/// How many results a query asks for at first.
pub const FIRST_RESULTS: usize = 200;

impl SearchState {
    /// An empty box, asking for the empty query's results at once.
    pub fn new() -> SearchState {
        SearchState {
            pending: Some(String::new()),
            ..SearchState::default()
        }
    }

    /// Typing edits the query, arrows move through the results (a list of
    /// `height` rows), Enter jumps, Esc closes.
    pub fn handle(&mut self, action: Action, height: usize) -> Effect {
        let hits = self.results.as_ref().map_or(0, |r| r.hits.len());
        match action {
            Action::Input(c) => {
                self.jump_waiting = false;
                self.query.push(c);
                self.edited();
            }
            Action::DeleteBack => {
                self.query.pop();
                self.edited();
            }
            Action::ClearInput => {
                self.query.clear();
                self.edited();
            }
            Action::Up => self.cursor.move_by(-1, hits, height),
            Action::Down => self.cursor.move_by(1, hits, height),
            Action::PageUp => self.cursor.move_by(-(height.max(1) as isize), hits, height),
            Action::PageDown => self.cursor.move_by(height.max(1) as isize, hits, height),
            Action::Top => self.cursor.move_by(isize::MIN / 2, hits, height),
            Action::Bottom => self.cursor.move_by(isize::MAX / 2, hits, height),
            Action::Activate if !self.fresh() => self.jump_waiting = true,
            Action::Activate => return self.jump(),
            Action::Close => return Effect::Close(None),
            Action::Quit => return Effect::Ignored,
            _ => {}
        }
        self.more_near_the_end(height);
        Effect::Consumed
    }

    /// Pasted text joins the query, its line breaks as spaces.
    pub fn paste(&mut self, text: &str) {
        self.jump_waiting = false;
        let flat: Vec<String> = text.lines().map(crate::text::sanitize_line).collect();
        self.query.push_str(&flat.join(" "));
        self.edited();
    }

    fn edited(&mut self) {
        self.cursor = ListCursor::default();
        self.limit = FIRST_RESULTS;
        self.pending = Some(self.query.clone());
    }

    /// How many results to ask the search for.
    pub fn limit(&self) -> usize {
        self.limit.max(FIRST_RESULTS)
    }

    /// Within a page of the last result when more matched: ask for four
    /// times as many, keeping the cursor where it is.
    fn more_near_the_end(&mut self, height: usize) {
        let Some(r) = &self.results else {
            return;
        };
        let shown = r.hits.len();
        if r.complete
            && self.pending.is_none()
            && shown < r.total_matched
            && self.cursor.selected + height.max(1) >= shown
            && r.query == self.query
        {
            self.limit = (shown * 4).max(self.limit());
            self.pending = Some(self.query.clone());
        }
    }

    /// Whether the results shown are all there is for the typed query.
    fn fresh(&self) -> bool {
        self.results
            .as_ref()
            .is_some_and(|r| r.query == self.query && r.complete)
    }

    fn jump(&self) -> Effect {
        let hit = self
            .results
            .as_ref()
            .and_then(|r| r.hits.get(self.cursor.selected));
        match hit {
            Some(hit) => Effect::Jump(hit.node),
            None => Effect::Say("No result to jump to."),
        }
    }

    /// Takes results from the search thread; stale ones (for a query no
    /// longer in the box) are dropped. Returns the node to jump to when
    /// Enter was waiting for these results.
    pub fn receive(&mut self, results: Results) -> Option<Effect> {
        if results.query != self.query {
            return None;
        }
        let complete = results.complete;
        self.results = Some(results);
        if self.jump_waiting && complete {
            self.jump_waiting = false;
            return Some(self.jump());
        }
        None
    }
}

pub struct SearchOverlay<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub state: &'a SearchState,
}

/// Spans of `text` with the chars at `positions` (char indices, ascending)
/// highlighted. Control characters are dropped, so nothing from a data
/// file can reach the terminal; text carrying escape sequences is shown
/// sanitised and unhighlighted.
pub fn highlight_spans(
    text: &str,
    positions: &[usize],
    base: Style,
    hl: Style,
) -> Vec<Span<'static>> {
    if text.contains('\u{1b}') || text.contains('\u{9b}') {
        return vec![Span::styled(sanitize_line(text), base)];
    }
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_hl = false;
    let mut next = positions.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        let is_hl = next.peek() == Some(&&i);
        if is_hl {
            next.next();
        }
        let c = match c {
            '\t' | '\n' | '\r' => ' ',
            // Controls, and the bidi overrides that reorder text on screen.
            c if c.is_control() => continue,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => continue,
            c => c,
        };
        if is_hl != run_hl && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hl { hl } else { base },
            ));
        }
        run_hl = is_hl;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hl { hl } else { base }));
    }
    spans
}

impl Widget for SearchOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        // Over everything but the header and the status bar: the panes
        // behind would only be noise around the results.
        let rect = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(2),
            ..area
        };
        Clear.render(rect, buf);
        let title = format!(
            "Search ({} jumps, {} closes; filters: see {})",
            keymap::key_name(Context::Search, Action::Activate, keymap::first),
            keymap::key_name(Context::Search, Action::Close, keymap::first),
            keymap::key_name(Context::Global, Action::Help, keymap::first),
        );
        let block = pane_block(theme, &title, true);
        let inner = block.inner(rect);
        block.render(rect, buf);
        if inner.height < 3 || inner.width < 10 {
            return;
        }
        self.render_query(buf, inner);
        let body = Rect {
            y: inner.y + 2,
            height: inner.height - 2,
            ..inner
        };
        let Some(results) = &self.state.results else {
            return;
        };
        if results.hits.is_empty() {
            super::empty_message(buf, body, theme, "No match.");
            return;
        }
        let (list, preview) = split(body);
        let h = list.height as usize;
        let sel = self.state.cursor.selected.min(results.hits.len() - 1);
        let offset = if sel >= h { sel + 1 - h } else { 0 };
        for (i, hit) in results.hits.iter().enumerate().skip(offset).take(h) {
            let spans = result_spans(app, theme, hit, list.width as usize);
            let selected = i == sel;
            let base = super::row_style(theme, selected);
            put_row(
                buf,
                (list.x, list.y + (i - offset) as u16, list.width),
                &spans,
                base,
                selected,
            );
        }
        if let Some(p) = preview {
            Preview {
                app,
                theme,
                hit: &results.hits[sel],
            }
            .render(p, buf);
        }
    }
}

impl SearchOverlay<'_> {
    /// The query line, with the count on the right, over a rule.
    fn render_query(&self, buf: &mut Buffer, inner: Rect) {
        let theme = self.theme;
        let text = theme.style(Role::Text);
        // The query line, with the count on the right.
        let status = match &self.state.results {
            None => "searching…".to_string(),
            Some(r) if !r.errors.is_empty() => r.errors.join("; "),
            Some(r) if !r.complete => format!("{}+ so far…", r.total_matched),
            Some(r) => format!("{} of {}", r.hits.len(), r.total_matched),
        };
        let q = format!("/ {}▏", sanitize_line(&self.state.query));
        let pad = (inner.width as usize)
            .saturating_sub(crate::text::width(&q) + status.chars().count() + 1);
        put_line(
            buf,
            inner.x,
            inner.y,
            inner.width,
            &[
                Span::styled(q, theme.style(Role::Heading)),
                Span::raw(" ".repeat(pad)),
                Span::styled(status, theme.style(Role::Dim)),
            ],
            text,
        );
        put_line(
            buf,
            inner.x,
            inner.y + 1,
            inner.width,
            &[Span::styled(
                "─".repeat(inner.width as usize),
                theme.style(Role::Border),
            )],
            text,
        );
    }
}

/// The result list and the preview of the selected result: side by side
/// when wide, the preview under the list when tall, else no preview.
fn split(body: Rect) -> (Rect, Option<Rect>) {
    if body.width >= 90 {
        let w = body.width * 11 / 20;
        (
            Rect { width: w, ..body },
            Some(Rect {
                x: body.x + w + 1,
                width: body.width - w - 1,
                ..body
            }),
        )
    } else if body.height >= 16 {
        // Narrow: the preview goes under the results.
        let h = body.height / 2;
        (
            Rect { height: h, ..body },
            Some(Rect {
                y: body.y + h + 1,
                height: body.height - h - 1,
                ..body
            }),
        )
    } else {
        (body, None)
    }
}

/// One result: symbols, the title, and where the match was found.
fn result_spans(app: &App, theme: &Theme, hit: &Hit, width: usize) -> Vec<Span<'static>> {
    let g = app.graph();
    let node = g.node(hit.node);
    let rel = symbols::first_relation(g, hit.node);
    let mut spans = vec![
        Span::styled(symbols::stance(rel), symbols::stance_style(theme, rel)),
        Span::styled(
            symbols::kind(node.kind),
            symbols::kind_style(theme, node.kind),
        ),
        Span::raw(" "),
        super::label_span(app, theme, hit.node),
        Span::raw(" "),
    ];
    let hl = theme.style(Role::Match);
    let plain = theme.style(Role::Text);
    let dim = theme.style(Role::Dim);
    match hit.field {
        Field::Title => spans.extend(highlight_spans(&node.title, &hit.positions, plain, hl)),
        field => {
            let title = truncate(&sanitize_line(&node.title), width / 2);
            spans.push(Span::styled(title, plain));
            spans.push(Span::styled(format!("  {}: ", field.name()), dim));
            match &hit.snippet {
                Some(sn) => spans.extend(highlight_spans(&sn.text, &sn.highlights, dim, hl)),
                None => spans.extend(highlight_spans(hit.field_text(g), &hit.positions, dim, hl)),
            }
        }
    }
    spans
}

struct Preview<'a> {
    app: &'a App,
    theme: &'a Theme,
    hit: &'a Hit,
}

impl Widget for Preview<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme, hit) = (self.app, self.theme, self.hit);
        let g = app.graph();
        let node = g.node(hit.node);
        let w = area.width as usize;
        let mut lines: Vec<(String, Style)> = Vec::new();
        let l = app.label(hit.node);
        lines.push((
            format!(
                "{} {} · {}",
                symbols::label(l),
                node.kind.name(),
                app.whatif().reading().word(l)
            ),
            symbols::label_style(theme, l),
        ));
        for line in wrap(&sanitize_line(&node.title), w) {
            lines.push((line, theme.style(Role::Heading)));
        }
        // A query of filters alone (or nothing) matched no field: say nothing.
        if !hit.fields.is_empty() {
            let fields: Vec<&str> = hit.fields.iter().map(|f| f.name()).collect();
            lines.push((
                format!("matched in: {}", fields.join(", ")),
                theme.style(Role::Dim),
            ));
        }
        lines.push((String::new(), theme.style(Role::Text)));
        if let Some(t) = &node.text {
            for line in wrap(&sanitize_text(t), w) {
                lines.push((line, theme.style(Role::Text)));
            }
        }
        if let Some(q) = &node.quote {
            lines.push((String::new(), theme.style(Role::Text)));
            for line in wrap(
                &format!("“{}”", sanitize_text(q.trim())),
                w.saturating_sub(2),
            ) {
                lines.push((format!("│ {line}"), theme.style(Role::Quote)));
            }
            if let Some(src) = g.source_of(hit.node) {
                lines.push((
                    truncate(&format!("— {}", sanitize_line(&src.title)), w),
                    theme.style(Role::Dim),
                ));
            }
        }
        for (i, (line, style)) in lines.iter().take(area.height as usize).enumerate() {
            put_line(
                buf,
                area.x,
                area.y + i as u16,
                area.width,
                &[Span::styled(line.clone(), *style)],
                theme.style(Role::Text),
            );
        }
    }
}

#[cfg(test)]
mod paging_tests {
    use super::*;
    use crate::graph::NodeIx;
    use crate::search::Hit;

    fn with_hits(n: usize) -> SearchState {
        let hits = (0..n).map(|i| Hit::unranked(NodeIx(i as u32))).collect();
        SearchState {
            query: "x".into(),
            results: Some(Results {
                hits,
                total_matched: n,
                ..Results::empty("x")
            }),
            ..SearchState::default()
        }
    }

    #[test]
    fn page_keys_home_and_end_move_through_the_results() {
        let mut s = with_hits(95);
        let at = |s: &SearchState| s.cursor.selected;
        s.handle(Action::PageDown, 10);
        assert_eq!(at(&s), 10);
        s.handle(Action::PageDown, 10);
        s.handle(Action::PageUp, 10);
        assert_eq!(at(&s), 10);
        s.handle(Action::Bottom, 10);
        assert_eq!(at(&s), 94);
        assert!(s.cursor.offset + 10 > 94, "the last result is on screen");
        s.handle(Action::PageDown, 10);
        assert_eq!(at(&s), 94);
        s.handle(Action::Top, 10);
        assert_eq!((at(&s), s.cursor.offset), (0, 0));
        s.handle(Action::PageUp, 10);
        assert_eq!(at(&s), 0);
    }

    #[test]
    fn ctrl_u_clears_the_box_and_asks_for_the_empty_query() {
        let mut s = with_hits(3);
        s.query = "morale".into();
        s.handle(Action::ClearInput, 10);
        assert_eq!(s.query, "");
        assert_eq!(s.pending.as_deref(), Some(""));
    }
}

#[cfg(test)]
mod growing_tests {
    use super::*;

    #[test]
    fn nearing_the_end_asks_for_more_results_and_keeps_the_cursor() {
        let mut s = SearchState::new();
        s.query = "x".into();
        s.pending = None;
        let hits = vec![crate::search::Hit::unranked(crate::graph::NodeIx(0)); FIRST_RESULTS];
        s.results = Some(Results {
            hits,
            total_matched: 5000,
            ..Results::empty("x")
        });
        s.handle(Action::PageDown, 20);
        assert_eq!(s.pending, None, "far from the end: nothing more asked");
        s.handle(Action::Bottom, 20);
        assert_eq!(s.pending.as_deref(), Some("x"));
        assert_eq!(s.limit(), FIRST_RESULTS * 4);
        assert_eq!(s.cursor.selected, FIRST_RESULTS - 1);
        // Typing starts again from the first page.
        s.handle(Action::Input('y'), 20);
        assert_eq!(s.limit(), FIRST_RESULTS);
    }
}
