//! The detail pane: everything about the focused node, and links to every
//! node it relates to. [`DetailLayout`] places its lines without styles, so
//! drawing, scrolling and mouse hit-testing measure the same thing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::{pane_block, put_row, symbols};
use crate::graph::{Kind, NodeIx, Side};
use crate::text::sanitize_line;
use crate::tui::app::App;
use crate::tui::theme::{Role, Theme};
use crate::tui::viewstate::detail::*;

pub struct DetailView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for DetailView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = pane_block(self.theme, "Detail", self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let layout = DetailLayout::new(self.app.shown(), inner.width as usize);
        let h = inner.height as usize;
        let state = self.app.detail();
        let offset = layout.offset(state, h);
        for (row, line) in layout.lines.iter().skip(offset).take(h).enumerate() {
            let selected = self.focused && *line == DetailLine::Link(state.cursor.selected);
            let spans = match line {
                DetailLine::Head => self.head_spans(),
                DetailLine::Strength => {
                    strength_spans(self.app, self.theme, self.app.detail_node())
                }
                DetailLine::Blank => vec![],
                DetailLine::Text { text, role, indent } => {
                    let style = self.theme.style(*role);
                    vec![
                        Span::styled(*indent, style),
                        Span::styled(text.clone(), style),
                    ]
                }
                DetailLine::Link(i) => {
                    let (group, target) = layout.links[*i];
                    self.link_spans(group, target, selected)
                }
            };
            put_row(
                buf,
                (inner.x, inner.y + row as u16, inner.width),
                &spans,
                super::row_style(self.theme, selected),
                selected,
            );
        }
    }
}

impl DetailView<'_> {
    /// The first line: kind, basis, side, label (or suspension) and mark.
    fn head_spans(&self) -> Vec<Span<'static>> {
        let (app, theme) = (self.app, self.theme);
        let g = app.graph();
        let ix = app.detail_node();
        let node = g.node(ix);
        let dim = theme.style(Role::Dim);
        let side = match g.side(ix) {
            Side::Thesis => "",
            Side::For => " · for the thesis",
            Side::Against => " · against the thesis",
            Side::None => " · reaches no thesis",
        };
        let kind_style = symbols::kind_style(theme, node.kind);
        let symbol = kind_symbol(node.kind, symbols::first_relation(g, ix));
        let mut head = vec![
            Span::styled(format!("{symbol} "), kind_style),
            Span::styled(node.kind.name().to_uppercase(), kind_style),
        ];
        if let Some(b) = node.basis {
            head.push(Span::styled(format!(" ({})", b.name()), dim));
        }
        head.push(Span::styled(side, dim));
        head.push(Span::raw("  "));
        head.push(super::label_words(app, theme, ix));
        if let Some(m) = app.mark_of(ix) {
            head.push(Span::styled(
                format!("  {} {}", super::symbols::mark_symbol(m), m.label()),
                theme.style(Role::Mark),
            ));
        }
        head
    }
}

impl DetailView<'_> {
    /// One link line: stance, kind, label and title of the linked node;
    /// the selected one starts with the selection marker, so it shows
    /// without colour too.
    fn link_spans(&self, group: LinkGroup, target: NodeIx, selected: bool) -> Vec<Span<'static>> {
        let (app, theme, g) = (self.app, self.theme, self.app.graph());
        let t = g.node(target);
        let rel = match group {
            LinkGroup::Why | LinkGroup::Changed => symbols::first_relation(g, target),
            LinkGroup::Supports | LinkGroup::SupportedBy => Some(crate::graph::Relation::Supports),
            LinkGroup::Attacks | LinkGroup::AttackedBy => Some(crate::graph::Relation::Attacks),
            LinkGroup::CitedBy => symbols::first_relation(g, target),
        };
        let mut spans = vec![
            Span::raw(if selected { "▶ → " } else { "  → " }),
            Span::styled(symbols::stance(rel), symbols::stance_style(theme, rel)),
            Span::styled(symbols::kind(t.kind), symbols::kind_style(theme, t.kind)),
            Span::styled(symbols::origin(t), theme.style(Role::Dim)),
            Span::raw(" "),
            super::label_span(app, theme, target),
        ];
        if group == LinkGroup::Changed {
            let was = app.whatif().baseline(target);
            spans.push(Span::styled(
                format!(" (was {})", symbols::label(was)),
                theme.style(Role::Dim),
            ));
        }
        spans.push(Span::raw(" "));
        spans.push(Span::raw(sanitize_line(&t.title)));
        spans
    }
}

/// Strength as a bar and a number (`strength ▰▰▰▱▱ 0.62`), and under a
/// what-if what it was with nothing suspended (`(was 0.50)`).
fn strength_spans(app: &App, theme: &Theme, ix: NodeIx) -> Vec<Span<'static>> {
    let (now, was) = app.whatif().strength(ix);
    if app.whatif().strength_pending() {
        return vec![
            Span::styled("strength ", theme.style(Role::Dim)),
            Span::styled(crate::tui::whatif::RECOMPUTING, theme.style(Role::Dim)),
        ];
    }
    let mut spans = vec![
        Span::styled("strength ", theme.style(Role::Dim)),
        Span::styled(
            format!("{} {now:.2}", strength_bar(now)),
            theme.style(Role::Text),
        ),
    ];
    if (now - was).abs() >= 0.005 {
        spans.push(Span::styled(
            format!(" (was {was:.2})"),
            theme.style(Role::Warning),
        ));
    }
    spans
}

/// Five cells, one per fifth of the scale, rounded to the nearest.
pub fn strength_bar(v: f64) -> String {
    let full = (v.clamp(0.0, 1.0) * 5.0).round() as usize;
    format!("{}{}", "▰".repeat(full), "▱".repeat(5 - full))
}

fn kind_symbol(kind: Kind, rel: Option<crate::graph::Relation>) -> &'static str {
    match kind {
        Kind::Thesis => symbols::THESIS,
        Kind::Evidence => symbols::EVIDENCE,
        Kind::Rebuttal => symbols::REBUTTAL,
        Kind::Claim => symbols::stance(rel.or(Some(crate::graph::Relation::Supports))),
    }
}
