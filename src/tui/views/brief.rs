//! The brief view: the user's side's points strongest first (by DF-QuAD
//! strength, shown beside each), with their evidence, then the other side's
//! points still standing, most dangerous first, with the rebuttals the map
//! offers, and how many are answered.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::{pane_block, put_row, symbols};
use crate::brief::Brief;
use crate::text::sanitize_line;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::{Role, Theme};
use crate::tui::viewstate::brief::*;

/// The pane's title: which thesis (of how many) and which side, with the
/// thesis's title given all the width the rest leaves, so two theses that
/// begin alike still read apart.
fn brief_title(app: &App, brief: &Brief, thesis_index: usize, width: usize) -> String {
    let theses = app.graph().theses().len();
    let key = keymap::key_name(Context::Brief, Action::ToggleSide, keymap::first);
    let side = brief.side.name();
    let head = if theses > 1 {
        format!("Brief {}/{theses}, {side}: ", thesis_index + 1)
    } else {
        format!("Brief, {side}: ")
    };
    let mut tail = format!(" · {key} switches");
    // Two border corners, the focus marker and the quotes; the key is named in the
    // status bar too, so on a narrow pane the thesis keeps the room.
    let mut room = width.saturating_sub(crate::text::width(&head) + crate::text::width(&tail) + 8);
    if room < 24 {
        room += crate::text::width(&tail);
        tail.clear();
    }
    let g = app.graph();
    let thesis = sanitize_line(&g.node(brief.thesis).title);
    let shown = if crate::text::width(&thesis) <= room {
        thesis
    } else {
        // Theses often begin alike ("The West should grant asylum to …"):
        // when the title does not fit, it starts where it differs.
        let others: Vec<String> = g
            .theses()
            .iter()
            .filter(|&&t| t != brief.thesis)
            .map(|&t| sanitize_line(&g.node(t).title))
            .collect();
        from_where_it_differs(&thesis, &others)
    };
    format!(
        "{head}“{}”{tail}",
        crate::text::truncate(&shown, room.max(10))
    )
}

/// `title` from the first word no other title shares at the same place,
/// after "…", keeping one word of context; `title` itself when it differs
/// from the start.
fn from_where_it_differs(title: &str, others: &[String]) -> String {
    let words: Vec<&str> = title.split(' ').collect();
    let shared = others
        .iter()
        .map(|o| {
            o.split(' ')
                .zip(&words)
                .take_while(|(a, b)| a == *b)
                .count()
        })
        .max()
        .unwrap_or(0);
    if shared < 2 {
        return title.to_string();
    }
    format!("…{}", words[shared - 1..].join(" "))
}

pub struct BriefView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for BriefView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let Some((brief, rows)) = &app.brief().built else {
            let block = pane_block(theme, "Brief", self.focused);
            let inner = block.inner(area);
            block.render(area, buf);
            super::empty_message(buf, inner, theme, "This debate has no thesis to argue.");
            return;
        };
        let title = brief_title(app, brief, app.brief().thesis, area.width as usize);
        let block = pane_block(theme, &title, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        let cursor = app.brief().cursor;
        for (i, row) in rows
            .iter()
            .enumerate()
            .skip(cursor.offset)
            .take(inner.height as usize)
        {
            let y = inner.y + (i - cursor.offset) as u16;
            let spans: Vec<Span> = match row {
                BriefRow::Blank => vec![],
                BriefRow::Heading(h) => vec![Span::styled(h.clone(), theme.style(Role::Heading))],
                BriefRow::SourceNote(s) => {
                    let src = &app.graph().sources[*s];
                    let note = src.note.as_deref().unwrap_or("");
                    vec![
                        Span::styled(
                            format!("{} {}: ", symbols::SOURCE, sanitize_line(&src.title)),
                            theme.style(Role::Accent),
                        ),
                        Span::styled(sanitize_line(note), theme.style(Role::Warning)),
                    ]
                }
                BriefRow::Ours { node, depth } | BriefRow::Theirs { node, depth } => {
                    let n = app.graph().node(*node);
                    let ours = matches!(row, BriefRow::Ours { .. });
                    let (sym, style) = match (ours, depth) {
                        (true, 0) => (symbols::PRO, theme.style(Role::Pro)),
                        (false, 0) => (symbols::CON, theme.style(Role::Con)),
                        (_, _) => (symbols::kind(n.kind), symbols::kind_style(theme, n.kind)),
                    };
                    // The strength the list is ordered by, as the outline shows it.
                    let strength = super::strength_cell_of(app, *node);
                    let mut spans = vec![
                        Span::raw("    ".repeat(*depth)),
                        Span::styled(sym, style),
                        Span::raw(" "),
                        super::label_span(app, theme, *node),
                        Span::styled(format!(" {strength} "), theme.style(Role::Dim)),
                        Span::raw(sanitize_line(&n.title)),
                    ];
                    if let Some(m) = app.mark_of(*node) {
                        spans.insert(
                            0,
                            Span::styled(
                                format!("{} ", super::symbols::mark_symbol(m)),
                                theme.style(Role::Mark),
                            ),
                        );
                    }
                    spans
                }
            };
            let selected = self.focused && i == cursor.selected;
            let base = super::row_style(theme, selected);
            put_row(buf, (inner.x, y, inner.width), &spans, base, selected);
        }
    }
}
