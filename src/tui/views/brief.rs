//! The brief view: the user's side's points strongest first, with their
//! evidence, then the other side's points still standing with the
//! rebuttals the map offers, and how many are answered.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::{pane_block, put_row, symbols};
use crate::brief::{Brief, BriefSide};
use crate::graph::NodeIx;
use crate::text::sanitize_line;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::cursor::ListCursor;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::{Role, Theme};

/// The brief view's state: which thesis and side, the brief built for
/// them (dropped when labels change), and the cursor.
#[derive(Debug, Clone)]
pub struct BriefState {
    /// Index into the graph's theses.
    pub thesis: usize,
    pub side: BriefSide,
    pub built: Option<(Brief, Vec<BriefRow>)>,
    pub cursor: ListCursor,
}

impl Default for BriefState {
    fn default() -> BriefState {
        BriefState {
            thesis: 0,
            side: BriefSide::For,
            built: None,
            cursor: ListCursor::default(),
        }
    }
}

impl BriefState {
    /// The rows of the built brief (none before it is built).
    pub fn rows(&self) -> &[BriefRow] {
        self.built.as_ref().map_or(&[], |(_, rows)| rows)
    }

    /// The point on row `i`, if that row is a point.
    pub fn node_at(&self, i: usize) -> Option<NodeIx> {
        match self.rows().get(i) {
            Some(BriefRow::Ours { node, .. } | BriefRow::Theirs { node, .. }) => Some(*node),
            _ => None,
        }
    }

    /// The next side, then the next thesis: for, against; next thesis for, …
    pub fn switch_side(&mut self, theses: usize) {
        (self.thesis, self.side) = match self.side {
            BriefSide::For => (self.thesis, BriefSide::Against),
            BriefSide::Against => ((self.thesis + 1) % theses.max(1), BriefSide::For),
        };
        self.built = None;
        self.cursor = ListCursor::default();
    }
}

/// A row of the brief view. Node rows are links into the explorer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BriefRow {
    Heading(String),
    /// One of the user's points (depth 0) or its evidence (depth 1).
    Ours {
        node: NodeIx,
        depth: usize,
    },
    /// An opposing point, or (depth 1) a rebuttal available against it.
    Theirs {
        node: NodeIx,
        depth: usize,
    },
    /// A source's note (index into the graph's sources).
    SourceNote(usize),
    Blank,
}

/// Flattens a brief into the rows the view shows.
pub fn brief_rows(brief: &Brief) -> Vec<BriefRow> {
    let mut rows = Vec::new();
    let (answered, total) = brief.answered_count();
    rows.push(BriefRow::Heading(format!(
        "Your points, strongest first ({})",
        brief.points.len()
    )));
    for p in &brief.points {
        rows.push(BriefRow::Ours {
            node: p.node,
            depth: 0,
        });
        for e in &p.evidence {
            rows.push(BriefRow::Ours {
                node: e.node,
                depth: 1,
            });
        }
    }
    rows.push(BriefRow::Blank);
    // One count per list, each saying what its list holds, so the two add
    // up to the opposing points and neither reads as the other.
    rows.push(BriefRow::Heading(format!(
        "To answer: {} of {total} opposing points stand",
        brief.to_answer.len()
    )));
    for o in &brief.to_answer {
        rows.push(BriefRow::Theirs {
            node: o.node,
            depth: 0,
        });
        for r in &o.rebuttals {
            rows.push(BriefRow::Theirs {
                node: r.node,
                depth: 1,
            });
        }
    }
    rows.push(BriefRow::Blank);
    rows.push(BriefRow::Heading(format!(
        "Answered: {answered} of {total} opposing points fall"
    )));
    for o in &brief.answered {
        rows.push(BriefRow::Theirs {
            node: o.node,
            depth: 0,
        });
    }
    if !brief.source_notes.is_empty() {
        rows.push(BriefRow::Blank);
        rows.push(BriefRow::Heading(format!(
            "Notes on the sources ({})",
            brief.source_notes.len()
        )));
        rows.extend(brief.source_notes.iter().map(|&s| BriefRow::SourceNote(s)));
    }
    rows
}

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
                    let mut spans = vec![
                        Span::raw("    ".repeat(*depth)),
                        Span::styled(sym, style),
                        Span::raw(" "),
                        super::label_span(app, theme, *node),
                        Span::raw(" "),
                        Span::raw(sanitize_line(&n.title)),
                    ];
                    if let Some(m) = app.mark_of(*node) {
                        spans.insert(
                            0,
                            Span::styled(
                                format!("{} ", super::marks::mark_symbol(m)),
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
