//! The detail pane: everything about the focused node, and links to every
//! node it relates to.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::{pane_block, put_row, symbols};
use crate::graph::{Kind, NodeIx, Side};
use crate::text::{sanitize_line, sanitize_text, wrap};
use crate::tui::app::{App, LinkGroup, detail_links};
use crate::tui::theme::{Role, Theme};

pub struct DetailView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

/// One line of the pane: spans, a base style, and the link it shows, if any.
type DetailLine<'a> = (Vec<Span<'a>>, Style, Option<usize>);

/// Whether a line is the selected link.
fn is_selected(app: &App, focused: bool, link: Option<usize>) -> bool {
    focused && link == Some(app.detail_cursor.selected)
}

impl Widget for DetailView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = pane_block(self.theme, "Detail", self.focused);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let lines = self.lines(inner.width as usize);
        // Scroll so that the selected link is in view.
        let selected_line = lines
            .iter()
            .position(|(_, _, link)| *link == Some(self.app.detail_cursor.selected))
            .filter(|_| self.focused)
            .unwrap_or(0);
        let h = inner.height as usize;
        let offset = if selected_line >= h {
            selected_line + 1 - h / 2
        } else {
            0
        };
        for (row, (spans, base, link)) in lines.iter().skip(offset).take(h).enumerate() {
            let selected = is_selected(self.app, self.focused, *link);
            put_row(
                buf,
                (inner.x, inner.y + row as u16, inner.width),
                spans,
                *base,
                selected,
            );
        }
    }
}

impl<'a> DetailView<'a> {
    fn lines(&self, width: usize) -> Vec<DetailLine<'a>> {
        let (app, theme) = (self.app, self.theme);
        let g = &app.graph;
        let ix = app.focus;
        let node = g.node(ix);
        let text = theme.style(Role::Text);
        let dim = theme.style(Role::Dim);
        let mut out: Vec<DetailLine<'a>> = Vec::new();
        let para = |out: &mut Vec<DetailLine<'a>>, s: &str, style: Style, indent: &'static str| {
            for l in wrap(&sanitize_text(s), width.saturating_sub(indent.len()).max(1)) {
                out.push((
                    vec![Span::styled(indent, style), Span::styled(l, style)],
                    text,
                    None,
                ));
            }
        };

        // Kind, side and label.
        let label = app.label(ix);
        let side = match g.side(ix) {
            Side::Thesis => "",
            Side::For => " · for the thesis",
            Side::Against => " · against the thesis",
            Side::None => " · reaches no thesis",
        };
        let mut head = vec![
            Span::styled(
                format!(
                    "{} ",
                    kind_symbol(node.kind, symbols::first_relation(g, ix))
                ),
                symbols::kind_style(theme, node.kind),
            ),
            Span::styled(
                node.kind.name().to_uppercase(),
                symbols::kind_style(theme, node.kind),
            ),
        ];
        if let Some(b) = node.basis {
            head.push(Span::styled(format!(" ({})", b.name()), dim));
        }
        head.push(Span::styled(side, dim));
        head.push(Span::raw("  "));
        if app.whatif.is_suspended(ix) {
            head.push(Span::styled(
                format!("{} suspended (what-if)", symbols::SUSPENDED),
                theme.style(Role::Warning),
            ));
        } else {
            head.push(Span::styled(
                format!("{} {}", symbols::label(label), symbols::label_word(label)),
                symbols::label_style(theme, label),
            ));
        }
        if let Some(m) = app.mark_of(ix) {
            head.push(Span::styled(
                format!("  {} {}", super::marks::mark_symbol(m), m.label()),
                theme.style(Role::Mark),
            ));
        }
        out.push((head, text, None));
        if let Some(note) = app.note_of(ix) {
            out.push((vec![], text, None));
            para(
                &mut out,
                &format!("{} {note}", super::marks::NOTE),
                theme.style(Role::Mark),
                "",
            );
        }
        out.push((vec![], text, None));
        para(&mut out, &node.title, theme.style(Role::Heading), "");
        if let Some(t) = &node.text {
            out.push((vec![], text, None));
            para(&mut out, t, text, "");
        }
        if let Some(q) = &node.quote {
            out.push((vec![], text, None));
            para(
                &mut out,
                &format!("“{}”", q.trim()),
                theme.style(Role::Quote),
                "│ ",
            );
            let mut cite = Vec::new();
            if let Some(src) = g.source_of(ix) {
                cite.push(src.title.clone());
                for f in [&src.outlet, &src.author, &src.date].into_iter().flatten() {
                    cite.push(f.clone());
                }
            } else if let Some(id) = &node.source {
                cite.push(id.clone());
            }
            if let Some(loc) = &node.locator {
                cite.push(loc.clone());
            }
            if !cite.is_empty() {
                para(&mut out, &format!("— {}", cite.join(", ")), dim, "  ");
            }
        }
        if !node.tags.is_empty() {
            out.push((vec![], text, None));
            let tags: Vec<String> = node
                .tags
                .iter()
                .map(|t| format!("#{}", sanitize_line(t)))
                .collect();
            para(&mut out, &tags.join(" "), theme.style(Role::Accent), "");
        }

        // Why it has its label.
        out.push((vec![], text, None));
        out.push((
            vec![Span::styled("Why", theme.style(Role::Heading))],
            text,
            None,
        ));
        for line in why_lines(app, ix) {
            para(&mut out, &line, dim, "  ");
        }

        // Relations, each a link.
        let links = detail_links(g, &app.whatif.eval, ix);
        let mut group = None;
        for (i, (grp, target)) in links.iter().enumerate() {
            if group != Some(*grp) {
                group = Some(*grp);
                let count = links.iter().filter(|(g2, _)| g2 == grp).count();
                out.push((vec![], text, None));
                out.push((
                    vec![Span::styled(
                        format!("{} ({count})", grp.title()),
                        theme.style(Role::Heading),
                    )],
                    text,
                    None,
                ));
            }
            let t = g.node(*target);
            let rel = match grp {
                LinkGroup::Why => symbols::first_relation(g, *target),
                LinkGroup::Supports | LinkGroup::SupportedBy => {
                    Some(crate::graph::Relation::Supports)
                }
                LinkGroup::Attacks | LinkGroup::AttackedBy => Some(crate::graph::Relation::Attacks),
            };
            let l = app.label(*target);
            let selected = self.focused && i == app.detail_cursor.selected;
            let base = super::row_style(theme, selected);
            out.push((
                vec![
                    Span::raw("  → "),
                    Span::styled(symbols::stance(rel), symbols::stance_style(theme, rel)),
                    Span::styled(symbols::kind(t.kind), symbols::kind_style(theme, t.kind)),
                    Span::raw(" "),
                    Span::styled(symbols::label(l), symbols::label_style(theme, l)),
                    Span::raw(" "),
                    Span::raw(sanitize_line(&t.title)),
                ],
                base,
                Some(i),
            ));
        }
        if g.parents(ix).count() > 1 {
            out.push((vec![], text, None));
            para(
                &mut out,
                &format!(
                    "{} This point appears in {} places in the outline.",
                    symbols::SHARED,
                    g.parents(ix).count()
                ),
                dim,
                "",
            );
        }
        out
    }
}

fn kind_symbol(kind: Kind, rel: Option<crate::graph::Relation>) -> &'static str {
    match kind {
        Kind::Thesis => symbols::THESIS,
        Kind::Evidence => symbols::EVIDENCE,
        Kind::Rebuttal => symbols::REBUTTAL,
        Kind::Claim => symbols::stance(rel.or(Some(crate::graph::Relation::Supports))),
    }
}

/// A plain-words explanation of the focused node's label, from the
/// evaluation's "why".
fn why_lines(app: &App, ix: NodeIx) -> Vec<String> {
    use crate::eval::{Answer, Why, why};
    let g = &app.graph;
    let title = |i: NodeIx| {
        format!(
            "“{}”",
            crate::text::truncate(&sanitize_line(&g.node(i).title), 50)
        )
    };
    let chain = |nodes: &[NodeIx]| {
        nodes
            .iter()
            .map(|&n| title(n))
            .collect::<Vec<_>>()
            .join(" → ")
    };
    match why(g, &app.whatif.eval, ix) {
        Why::Suspended => {
            vec!["Suspended for what-if: treated as absent, it attacks nothing.".into()]
        }
        Why::Unattacked => vec!["Nothing attacks it, so it stands.".into()],
        Why::Defended { defences } => {
            let mut v = vec!["It stands: every attacker falls.".to_string()];
            for d in defences {
                v.push(match d.answer {
                    Answer::DefeatedBy(by) => {
                        format!("{} falls to {}", title(d.attacker), title(by))
                    }
                    Answer::Suspended => format!("{} is suspended (what-if)", title(d.attacker)),
                });
            }
            v
        }
        Why::Defeated { by } => {
            let names: Vec<String> = by.iter().map(|&n| title(n)).collect();
            vec![format!(
                "It falls: {} stands against it.",
                names.join(" and ")
            )]
        }
        Why::OnCycle { cycle } if cycle.len() == 1 => {
            vec!["Contested: it attacks itself.".into()]
        }
        Why::OnCycle { cycle } => {
            let mut c = cycle.clone();
            c.push(cycle[0]);
            vec![format!(
                "Contested: it sits on a cycle of attacks no point settles: {}.",
                chain(&c)
            )]
        }
        Why::DependsOnCycle {
            attacker,
            path,
            cycle,
        } => {
            let mut c = cycle.clone();
            c.push(cycle[0]);
            vec![
                format!(
                    "Contested: its attacker {} is itself unresolved,",
                    title(attacker)
                ),
                format!(
                    "because it depends on the cycle {} (via {}).",
                    chain(&c),
                    chain(&path)
                ),
            ]
        }
    }
}
