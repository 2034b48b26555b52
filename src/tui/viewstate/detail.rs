//! The detail pane's state, and its lines and links laid out without styles,
//! so drawing, scrolling and mouse hit-testing measure the same thing.

use crate::graph::{Graph, NodeIx};
use crate::text::{sanitize_line, sanitize_text, wrap};
use crate::tui::action::Action;
use crate::tui::cursor::ListCursor;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Role;
use crate::tui::views::symbols;
use crate::tui::whatif::WhatIf;
use ratatui::layout::Rect;

/// The detail pane's state: the selected link and how far the text is scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DetailState {
    pub cursor: ListCursor,
    /// Lines scrolled (wheel, PgUp/PgDn), from the top.
    pub scroll: usize,
}

/// What a link in the detail pane says about the focused node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(usize)]
pub enum LinkGroup {
    /// It settles the focused node's label (named in the "why").
    Why,
    /// The focused node supports it.
    Supports,
    /// The focused node attacks it.
    Attacks,
    /// It supports the focused node.
    SupportedBy,
    /// It attacks the focused node.
    AttackedBy,
    /// Its label differs from the full map's under the what-if.
    Changed,
    /// Evidence citing the source shown.
    CitedBy,
}

impl LinkGroup {
    pub const ORDER: [LinkGroup; 7] = [
        LinkGroup::Changed,
        LinkGroup::Why,
        LinkGroup::Supports,
        LinkGroup::Attacks,
        LinkGroup::SupportedBy,
        LinkGroup::AttackedBy,
        LinkGroup::CitedBy,
    ];

    pub fn title(self) -> &'static str {
        match self {
            LinkGroup::Why => "Why: the points that settle it",
            LinkGroup::Supports => "Supports",
            LinkGroup::Attacks => "Attacks",
            LinkGroup::SupportedBy => "Supported by",
            LinkGroup::AttackedBy => "Attacked by",
            LinkGroup::Changed => "What-if: labels that changed",
            LinkGroup::CitedBy => "Cited by",
        }
    }
}

/// Every node the detail pane links to, in the order it shows them.
pub fn detail_links(graph: &Graph, whatif: &WhatIf, node: NodeIx) -> Vec<(LinkGroup, NodeIx)> {
    let mut out = Vec::new();
    for group in LinkGroup::ORDER {
        let list = match group {
            LinkGroup::Why => {
                let named = crate::tui::views::why::named(graph, whatif, node);
                out.extend(named.into_iter().map(|n| (group, n)));
                continue;
            }
            // Every node the what-if relabels, wherever it is in the map,
            // under the semantics the labels follow.
            LinkGroup::Changed => {
                let changed = graph.indices().filter(|&i| whatif.changed(i));
                out.extend(changed.map(|n| (group, n)));
                continue;
            }
            LinkGroup::Supports => graph.supports(node),
            LinkGroup::Attacks => graph.attacks(node),
            LinkGroup::SupportedBy => graph.supporters(node),
            LinkGroup::AttackedBy => graph.attackers(node),
            LinkGroup::CitedBy => continue,
        };
        out.extend(list.iter().map(|&n| (group, n)));
    }
    out
}

/// One line of the detail pane, before styling.
#[derive(Debug, Clone, PartialEq)]
pub enum DetailLine {
    /// Kind, side, label and mark of the focused node.
    Head,
    /// The focused node's strength, right under its label.
    Strength,
    Blank,
    /// A wrapped line of text in one role, after an indent.
    Text {
        text: String,
        role: Role,
        indent: &'static str,
    },
    /// The link with this index into [`DetailLayout::links`]; drawn only
    /// when on screen, since a thesis can have thousands.
    Link(usize),
}

/// What the detail pane shows: a node (with its note), or a source.
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    pub graph: &'a Graph,
    pub whatif: &'a WhatIf,
    pub ix: NodeIx,
    pub note: Option<&'a str>,
    pub source: Option<usize>,
}

/// The detail pane's lines for one node at one width.
#[derive(Debug, Clone)]
pub struct DetailLayout {
    pub lines: Vec<DetailLine>,
    pub links: Vec<(LinkGroup, NodeIx)>,
}

impl DetailLayout {
    /// Lays out node `ix` with its note (or source `source`, when one is
    /// shown instead) for a pane whose inside is `width` cells wide.
    pub fn new(shown: Shown, width: usize) -> DetailLayout {
        let width = width.max(1);
        let Shown {
            graph: g,
            whatif,
            ix,
            note,
            source,
        } = shown;
        if let Some(s) = source {
            return DetailLayout::source(g, s, width);
        }
        let node = g.node(ix);
        let mut out = Lines {
            lines: vec![DetailLine::Head, DetailLine::Strength],
            width,
        };
        if node.origin == crate::graph::Origin::Analysis {
            // On its own line, so a narrow pane never cuts it off.
            let words = format!(
                "{} the map's analysis: no source makes this point",
                symbols::ANALYSIS
            );
            out.para(&words, Role::Accent, "");
        }
        if let Some(note) = note {
            out.blank();
            out.para(&format!("{} {note}", symbols::NOTE), Role::Mark, "");
        }
        out.blank();
        out.para(&node.title, Role::Heading, "");
        if let Some(t) = &node.text {
            out.blank();
            out.para(t, Role::Text, "");
        }
        if let Some(q) = &node.quote {
            out.blank();
            out.para(&format!("“{}”", q.trim()), Role::Quote, "│ ");
            let cite = citation(g, ix);
            if !cite.is_empty() {
                out.para(&format!("— {}", cite.join(", ")), Role::Dim, "  ");
            }
        }
        if !node.tags.is_empty() {
            out.blank();
            let tags: Vec<String> = node
                .tags
                .iter()
                .map(|t| format!("#{}", sanitize_line(t)))
                .collect();
            out.para(&tags.join(" "), Role::Accent, "");
        }
        // Why it has its label.
        out.blank();
        out.para("Why", Role::Heading, "");
        for line in crate::tui::views::why::lines(g, whatif, ix) {
            out.para(&line, Role::Dim, "  ");
        }
        let links = detail_links(g, whatif, ix);
        out.links(&links);
        let places = g.parents(ix).count();
        if places > 1 {
            out.blank();
            let shared = format!(
                "{} This point appears in {places} places in the outline.",
                symbols::SHARED
            );
            out.para(&shared, Role::Dim, "");
        }
        DetailLayout {
            lines: out.lines,
            links,
        }
    }

    /// A source: every field it has, its note (the caveats a reader must
    /// know), and every piece of evidence citing it, as links.
    fn source(g: &Graph, s: usize, width: usize) -> DetailLayout {
        let src = &g.sources[s];
        let links: Vec<(LinkGroup, NodeIx)> = g
            .indices()
            .filter(|&ix| g.node(ix).source.as_deref() == Some(src.id.as_str()))
            .map(|ix| (LinkGroup::CitedBy, ix))
            .collect();
        let mut out = Lines {
            lines: Vec::new(),
            width,
        };
        out.para(&format!("{} SOURCE", symbols::SOURCE), Role::Accent, "");
        out.blank();
        out.para(&src.title, Role::Heading, "");
        out.blank();
        let open = keymap::key_name(Context::Global, Action::OpenUrl, keymap::first);
        let url = src.url.as_ref().map(|u| format!("{u}  ({open} opens it)"));
        let fields = [
            ("Author", src.author.as_ref()),
            ("Outlet", src.outlet.as_ref()),
            ("Date", src.date.as_ref()),
            ("URL", url.as_ref()),
        ];
        for (name, value) in fields {
            let value = value.map_or("(not given)", |v| v.as_str());
            out.para(&format!("{name}: {value}"), Role::Text, "");
        }
        out.para(&format!("Id: {}", src.id), Role::Dim, "");
        if let Some(note) = &src.note {
            out.blank();
            out.para("Note on this source", Role::Heading, "");
            out.para(note, Role::Warning, "  ");
        }
        if links.is_empty() {
            out.blank();
            out.para("No evidence in this map cites it.", Role::Dim, "");
        }
        out.links(&links);
        DetailLayout {
            lines: out.lines,
            links,
        }
    }

    /// The first line shown in `height` rows: where the user scrolled to.
    /// Moving between links scrolls to show the selected one; nothing
    /// here pulls the view away from where the keys or wheel put it, so
    /// the top of the text stays reachable.
    pub fn offset(&self, state: &DetailState, height: usize) -> usize {
        state.scroll.min(self.lines.len().saturating_sub(height))
    }

    /// The line link `i` is drawn on.
    pub fn line_of(&self, i: usize) -> Option<usize> {
        self.lines.iter().position(|l| *l == DetailLine::Link(i))
    }

    /// The link shown at screen row `row` of the pane drawn in `area`, if
    /// any (for mouse clicks).
    pub fn link_at(&self, state: &DetailState, area: Rect, row: u16) -> Option<usize> {
        let h = area.height.saturating_sub(2) as usize;
        let offset = self.offset(state, h);
        let r = row.checked_sub(area.y + 1)? as usize;
        if r >= h {
            return None;
        }
        match self.lines.get(offset + r) {
            Some(DetailLine::Link(i)) => Some(*i),
            _ => None,
        }
    }
}

/// A builder of wrapped lines.
struct Lines {
    lines: Vec<DetailLine>,
    width: usize,
}

impl Lines {
    fn blank(&mut self) {
        self.lines.push(DetailLine::Blank);
    }

    fn para(&mut self, s: &str, role: Role, indent: &'static str) {
        let width = self.width.saturating_sub(indent.len()).max(1);
        for text in wrap(&sanitize_text(s), width) {
            self.lines.push(DetailLine::Text { text, role, indent });
        }
    }

    /// Relations, each a link, under a heading per group with its count.
    fn links(&mut self, links: &[(LinkGroup, NodeIx)]) {
        let mut counts = [0usize; LinkGroup::ORDER.len()];
        for (grp, _) in links {
            counts[*grp as usize] += 1;
        }
        let mut group = None;
        for (i, (grp, _)) in links.iter().enumerate() {
            if group != Some(*grp) {
                group = Some(*grp);
                self.blank();
                let heading = format!("{} ({})", grp.title(), counts[*grp as usize]);
                self.lines.push(DetailLine::Text {
                    text: heading,
                    role: Role::Heading,
                    indent: "",
                });
            }
            self.lines.push(DetailLine::Link(i));
        }
    }
}

/// Where a quote comes from: the source's title and what it says of
/// itself, or the source id the map names, then the locator.
fn citation(g: &Graph, ix: NodeIx) -> Vec<String> {
    let node = g.node(ix);
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
    cite
}
