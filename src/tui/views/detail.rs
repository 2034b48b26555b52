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
        let h = inner.height as usize;
        let offset = scroll_offset(self.app, self.focused, &lines, h);
        let links = detail_links(&self.app.graph, &self.app.whatif.eval, self.app.focus);
        for (row, (spans, base, link)) in lines.iter().skip(offset).take(h).enumerate() {
            let selected = is_selected(self.app, self.focused, *link);
            let built;
            let spans = match link {
                Some(i) => {
                    let (group, target) = links[*i];
                    built = self.link_spans(group, target);
                    &built
                }
                None => spans,
            };
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

/// The first line shown: where the user scrolled to; when the pane has the
/// keyboard, moved just enough to keep the selected link in view.
fn scroll_offset(app: &App, focused: bool, lines: &[DetailLine], h: usize) -> usize {
    let max = lines.len().saturating_sub(h);
    let mut offset = app.detail_scroll.min(max);
    if focused
        && let Some(line) = lines
            .iter()
            .position(|(_, _, link)| *link == Some(app.detail_cursor.selected))
    {
        if line < offset {
            offset = line;
        } else if line >= offset + h {
            offset = line + 1 - h;
        }
    }
    offset
}

/// The link shown at screen row `row` of the detail pane drawn in `area`,
/// if any (for mouse clicks).
pub fn link_at(app: &App, area: Rect, focused: bool, row: u16) -> Option<usize> {
    let theme = Theme::monochrome();
    let view = DetailView {
        app,
        theme: &theme,
        focused,
    };
    let inner_w = area.width.saturating_sub(2).max(1) as usize;
    let h = area.height.saturating_sub(2) as usize;
    let lines = view.lines(inner_w);
    let offset = scroll_offset(app, focused, &lines, h);
    let r = row.checked_sub(area.y + 1)? as usize;
    if r >= h {
        return None;
    }
    lines.get(offset + r).and_then(|(_, _, link)| *link)
}

/// How many lines the detail pane has for the focused node at `width`
/// (for clamping its scrolling).
pub fn line_count(app: &App, width: u16) -> usize {
    let theme = Theme::monochrome();
    DetailView {
        app,
        theme: &theme,
        focused: false,
    }
    .lines(width.max(1) as usize)
    .len()
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

        // Relations, each a link. Link lines are left empty here and drawn
        // only when on screen (`link_spans`): a thesis can have thousands.
        let links = detail_links(g, &app.whatif.eval, ix);
        let mut counts = [0usize; LinkGroup::ORDER.len()];
        for (grp, _) in &links {
            counts[*grp as usize] += 1;
        }
        let mut group = None;
        for (i, (grp, _)) in links.iter().enumerate() {
            if group != Some(*grp) {
                group = Some(*grp);
                out.push((vec![], text, None));
                out.push((
                    vec![Span::styled(
                        format!("{} ({})", grp.title(), counts[*grp as usize]),
                        theme.style(Role::Heading),
                    )],
                    text,
                    None,
                ));
            }
            out.push((vec![], text, Some(i)));
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

impl DetailView<'_> {
    /// One link line: stance, kind, label and title of the linked node.
    fn link_spans(&self, group: LinkGroup, target: NodeIx) -> Vec<Span<'static>> {
        let (app, theme, g) = (self.app, self.theme, &self.app.graph);
        let t = g.node(target);
        let rel = match group {
            LinkGroup::Why => symbols::first_relation(g, target),
            LinkGroup::Supports | LinkGroup::SupportedBy => Some(crate::graph::Relation::Supports),
            LinkGroup::Attacks | LinkGroup::AttackedBy => Some(crate::graph::Relation::Attacks),
        };
        let l = app.label(target);
        vec![
            Span::raw("  → "),
            Span::styled(symbols::stance(rel), symbols::stance_style(theme, rel)),
            Span::styled(symbols::kind(t.kind), symbols::kind_style(theme, t.kind)),
            Span::raw(" "),
            Span::styled(symbols::label(l), symbols::label_style(theme, l)),
            Span::raw(" "),
            Span::raw(sanitize_line(&t.title)),
        ]
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

/// How many nodes the "why" names in its sentences; all of them are links
/// below it anyway.
const MAX_NAMED: usize = 6;

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
    // A long chain is named by its ends.
    let chain = |nodes: &[NodeIx]| {
        let mut names: Vec<String> = Vec::new();
        for (k, &n) in nodes.iter().enumerate() {
            if nodes.len() > MAX_NAMED * 2 && k == MAX_NAMED {
                names.push(format!("({} more)", nodes.len() - MAX_NAMED - 2));
            }
            if nodes.len() <= MAX_NAMED * 2 || k < MAX_NAMED || k >= nodes.len() - 2 {
                names.push(title(n));
            }
        }
        names.join(" → ")
    };
    match why(g, &app.whatif.eval, ix) {
        Why::Suspended => {
            vec!["Suspended for what-if: treated as absent, it attacks nothing.".into()]
        }
        Why::Unattacked => vec!["Nothing attacks it, so it stands.".into()],
        Why::Defended { defences } => {
            let mut v = vec!["It stands: every attacker falls.".to_string()];
            let more = defences.len().saturating_sub(MAX_NAMED);
            for d in defences.into_iter().take(MAX_NAMED) {
                v.push(match d.answer {
                    Answer::DefeatedBy(by) => {
                        format!("{} falls to {}", title(d.attacker), title(by))
                    }
                    Answer::Suspended => format!("{} is suspended (what-if)", title(d.attacker)),
                });
            }
            if more > 0 {
                v.push(format!("… and {more} more attackers, each answered."));
            }
            v
        }
        Why::Defeated { by } => {
            let mut names: Vec<String> = by.iter().take(MAX_NAMED).map(|&n| title(n)).collect();
            if by.len() > MAX_NAMED {
                names.push(format!("{} more", by.len() - MAX_NAMED));
            }
            vec![format!(
                "It falls: {} stands against it.",
                names.join(" and ")
            )]
        }
        Why::OnCycle { cycle } if cycle.is_empty() => {
            vec!["Contested: it depends on an unresolved cycle of attacks.".into()]
        }
        Why::DependsOnCycle { cycle, .. } if cycle.is_empty() => {
            vec!["Contested: an attacker of it is itself unresolved.".into()]
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
