//! The sources view: every source with what it states about itself, and
//! the evidence that cites it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::{pane_block, put_row, symbols};
use crate::graph::{Graph, NodeIx};
use crate::text::sanitize_line;
use crate::tui::app::App;
use crate::tui::cursor::ListCursor;
use crate::tui::theme::{Role, Theme};

/// The sources view's state: its rows, built once, and its cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourcesState {
    pub rows: Vec<SourceRow>,
    pub cursor: ListCursor,
}

impl SourcesState {
    pub fn new(graph: &Graph) -> SourcesState {
        SourcesState {
            rows: source_rows(graph),
            cursor: ListCursor::default(),
        }
    }

    /// The selected row's source, if it is a source's row.
    pub fn selected_source(&self) -> Option<usize> {
        match self.rows.get(self.cursor.selected) {
            Some(SourceRow::Source(s)) => Some(*s),
            _ => None,
        }
    }

    /// The node of the selected row, if it is a citation.
    pub fn selected_node(&self) -> Option<NodeIx> {
        match self.rows.get(self.cursor.selected) {
            Some(SourceRow::Citation(node)) => Some(*node),
            _ => None,
        }
    }
}

/// A row of the sources view: a source, or a node citing the source above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceRow {
    Source(usize),
    Citation(NodeIx),
}

/// One pass over the nodes, so a graph with thousands of sources opens fast.
pub fn source_rows(graph: &Graph) -> Vec<SourceRow> {
    let index: std::collections::HashMap<&str, usize> = graph
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut citing: Vec<Vec<NodeIx>> = vec![Vec::new(); graph.sources.len()];
    for ix in graph.indices() {
        if let Some(&i) = graph
            .node(ix)
            .source
            .as_deref()
            .and_then(|id| index.get(id))
        {
            citing[i].push(ix);
        }
    }
    let mut rows = Vec::new();
    for (i, nodes) in citing.into_iter().enumerate() {
        rows.push(SourceRow::Source(i));
        rows.extend(nodes.into_iter().map(SourceRow::Citation));
    }
    rows
}

pub struct SourcesView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for SourcesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let title = format!("Sources ({})", app.graph().sources.len());
        let block = pane_block(theme, &title, self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        let state = app.sources();
        if state.rows.is_empty() {
            super::empty_message(buf, inner, theme, "This debate lists no sources.");
            return;
        }
        let cursor = state.cursor;
        for (i, row) in state
            .rows
            .iter()
            .enumerate()
            .skip(cursor.offset)
            .take(inner.height as usize)
        {
            let spans = match *row {
                SourceRow::Source(s) => {
                    let src = &app.graph().sources[s];
                    let meta: Vec<String> = [&src.outlet, &src.author, &src.date]
                        .into_iter()
                        .flatten()
                        .map(|m| sanitize_line(m))
                        .collect();
                    let mut spans = vec![Span::styled(
                        format!("{} {}", symbols::SOURCE, sanitize_line(&src.title)),
                        theme.style(Role::Heading),
                    )];
                    if !meta.is_empty() {
                        spans.push(Span::styled(
                            format!(" — {}", meta.join(", ")),
                            theme.style(Role::Dim),
                        ));
                    }
                    spans
                }
                SourceRow::Citation(n) => {
                    let node = app.graph().node(n);
                    let mut spans = vec![
                        Span::raw("   "),
                        Span::styled(symbols::EVIDENCE, theme.style(Role::Evidence)),
                        Span::raw(" "),
                        super::label_span(app, theme, n),
                        Span::raw(" "),
                        Span::raw(sanitize_line(&node.title)),
                    ];
                    if let Some(loc) = &node.locator {
                        spans.push(Span::styled(
                            format!(" ({})", sanitize_line(loc)),
                            theme.style(Role::Dim),
                        ));
                    }
                    spans
                }
            };
            let selected = i == cursor.selected && self.focused;
            let base = super::row_style(theme, selected);
            put_row(
                buf,
                (inner.x, inner.y + (i - cursor.offset) as u16, inner.width),
                &spans,
                base,
                selected,
            );
        }
    }
}
