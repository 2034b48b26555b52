//! The explorer's state and the one place it changes: [`App::update`].
//! Nothing here touches the terminal; tests drive it with actions.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::{Action, View};
use super::keymap::Context;
use super::layout::{self, Areas};
use super::outline::Outline;
use crate::brief::{Brief, BriefSide};
use crate::eval::{Evaluation, Label};
use crate::graph::{Graph, NodeIx, Relation};
use crate::search::Results;
use crate::state::{Mark, State};
use crate::tour::Presenter;

/// A cursor over a list that scrolls to keep the selection in view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    pub offset: usize,
}

impl ListCursor {
    /// Moves by `delta` within `len` items, scrolling for a window of `height` rows.
    pub fn move_by(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            *self = ListCursor::default();
            return;
        }
        let target = (self.selected as isize + delta).clamp(0, len as isize - 1);
        self.select(target as usize, len, height);
    }

    pub fn select(&mut self, index: usize, len: usize, height: usize) {
        self.selected = index.min(len.saturating_sub(1));
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    /// Scrolls the window without moving past the ends; the selection follows
    /// into view.
    pub fn scroll(&mut self, delta: isize, len: usize, height: usize) {
        let max_offset = len.saturating_sub(height.max(1));
        self.offset = (self.offset as isize + delta).clamp(0, max_offset as isize) as usize;
        let last_visible = self.offset + height.max(1) - 1;
        self.selected = self
            .selected
            .clamp(self.offset, last_visible.min(len.saturating_sub(1)));
    }
}

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Main,
    Detail,
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
}

impl LinkGroup {
    pub const ORDER: [LinkGroup; 5] = [
        LinkGroup::Why,
        LinkGroup::Supports,
        LinkGroup::Attacks,
        LinkGroup::SupportedBy,
        LinkGroup::AttackedBy,
    ];

    pub fn title(self) -> &'static str {
        match self {
            LinkGroup::Why => "Why: the points that settle it",
            LinkGroup::Supports => "Supports",
            LinkGroup::Attacks => "Attacks",
            LinkGroup::SupportedBy => "Supported by",
            LinkGroup::AttackedBy => "Attacked by",
        }
    }
}

/// The nodes a "why" names, in the order it names them, each once.
pub fn why_nodes(graph: &Graph, eval: &Evaluation, node: NodeIx) -> Vec<NodeIx> {
    use crate::eval::{Answer, Why, why};
    let mut named = Vec::new();
    match why(graph, eval, node) {
        Why::Suspended | Why::Unattacked => {}
        Why::Defended { defences } => {
            for d in defences {
                named.push(d.attacker);
                if let Answer::DefeatedBy(by) = d.answer {
                    named.push(by);
                }
            }
        }
        Why::Defeated { by } => named = by,
        Why::OnCycle { cycle } => named = cycle,
        Why::DependsOnCycle { path, cycle, .. } => {
            named = path;
            named.extend(cycle);
        }
    }
    let mut seen = std::collections::HashSet::new();
    named.retain(|&n| n != node && seen.insert(n));
    named
}

/// Every node the detail pane links to, in the order it shows them.
pub fn detail_links(graph: &Graph, eval: &Evaluation, node: NodeIx) -> Vec<(LinkGroup, NodeIx)> {
    let mut out = Vec::new();
    for group in LinkGroup::ORDER {
        if group == LinkGroup::Why {
            out.extend(why_nodes(graph, eval, node).into_iter().map(|n| (group, n)));
            continue;
        }
        let list = match group {
            LinkGroup::Why => &[][..],
            LinkGroup::Supports => graph.supports(node),
            LinkGroup::Attacks => graph.attacks(node),
            LinkGroup::SupportedBy => graph.supporters(node),
            LinkGroup::AttackedBy => graph.attackers(node),
        };
        out.extend(list.iter().map(|&n| (group, n)));
    }
    out
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

/// The overlays, drawn over the views in stack order; Esc pops the top one.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Tours {
        cursor: ListCursor,
    },
    /// The search box: printable keys go to the query; results arrive from
    /// the search thread into [`App::search`].
    Search {
        query: String,
        cursor: ListCursor,
    },
    /// The one-paragraph note editor for a node; printable keys go to it.
    Note {
        node: NodeIx,
        text: String,
    },
}

/// The next mark in the cycle none → star → use → answer → none.
pub fn next_mark(current: Option<Mark>) -> Option<Mark> {
    match current {
        None => Some(Mark::Star),
        Some(Mark::Star) => Some(Mark::Use),
        Some(Mark::Use) => Some(Mark::Answer),
        Some(Mark::Answer) => None,
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
    rows.push(BriefRow::Heading(format!(
        "To answer ({}): answered {answered} of {total} opposing points",
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
        "Already answered ({})",
        brief.answered.len()
    )));
    for o in &brief.answered {
        rows.push(BriefRow::Theirs {
            node: o.node,
            depth: 0,
        });
    }
    rows
}

/// A row of the marks view: a node with a mark or a note, or an id the
/// state keeps that this debate no longer has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkRow {
    Node(NodeIx),
    Orphan(String),
}

/// What-if evaluation: labels under the current suspensions, and which
/// labels differ from the full map's.
#[derive(Debug, Clone)]
pub struct WhatIf {
    pub eval: Evaluation,
}

impl WhatIf {
    pub fn new(graph: &Graph) -> WhatIf {
        WhatIf {
            eval: Evaluation::new(graph),
        }
    }

    pub fn count(&self) -> usize {
        self.eval.suspended().len()
    }

    pub fn is_suspended(&self, ix: NodeIx) -> bool {
        self.eval.is_suspended(ix)
    }

    pub fn changed(&self, ix: NodeIx) -> bool {
        self.eval.changed_since_baseline(ix)
    }

    pub fn labels(&self) -> &[Label] {
        self.eval.labels()
    }

    fn toggle(&mut self, ix: NodeIx) {
        self.eval.toggle(ix);
    }

    fn clear(&mut self) {
        self.eval.clear();
    }
}

pub struct App {
    /// Shared with the search thread.
    pub graph: Arc<Graph>,
    /// The debate's name as given (a path, or the built-in name).
    pub name: String,
    pub view: View,
    pub pane: Pane,
    /// The node the detail pane shows.
    pub focus: NodeIx,
    pub outline: Outline,
    pub outline_cursor: ListCursor,
    pub detail_cursor: ListCursor,
    /// Lines scrolled in the detail pane (wheel, PgUp/PgDn), from the top.
    pub detail_scroll: usize,
    /// Columns view: which column (0 supporting, 1 opposing) and each one's cursor.
    pub column: usize,
    pub column_cursors: [ListCursor; 2],
    pub sources: Vec<SourceRow>,
    pub sources_cursor: ListCursor,
    pub back: Vec<NodeIx>,
    pub forward: Vec<NodeIx>,
    pub overlays: Vec<Overlay>,
    pub whatif: WhatIf,
    pub size: Rect,
    /// Marks and notes; saved by the terminal loop when `state_dirty`.
    pub state: State,
    pub state_dirty: bool,
    pub marks_cursor: ListCursor,
    /// The brief: which thesis and side, and the brief built for them
    /// (rebuilt when labels change).
    pub brief_thesis: usize,
    pub brief_side: BriefSide,
    pub brief: Option<(Brief, Vec<BriefRow>)>,
    pub brief_cursor: ListCursor,
    /// A running tour, and whether its card fills the screen (false while
    /// the presenter looks around in the explorer).
    pub presenter: Option<Presenter>,
    pub presenting: bool,
    /// The thesis the header sums up, the evaluation revision it was
    /// computed at, and the summary.
    pub summary: Option<(NodeIx, u64, crate::eval::ThesisSummary)>,
    /// The latest results for the search box, and a query waiting to be
    /// handed to the search thread (the terminal loop does that).
    pub search: Option<Results>,
    pub search_pending: Option<String>,
    /// Enter was pressed before the results for the typed query arrived:
    /// jump as soon as they do, rather than to a stale result.
    pub search_jump_waiting: bool,
    pub quit: bool,
    /// A one-line message for the status bar, cleared by the next action.
    pub message: Option<String>,
}

impl App {
    pub fn new(graph: Graph, name: String) -> App {
        let graph = Arc::new(graph);
        let outline = Outline::new(&graph);
        let focus = outline.rows.first().map(|r| r.node).unwrap_or(NodeIx(0));
        let sources = source_rows(&graph);
        let whatif = WhatIf::new(&graph);
        let mut app = App {
            graph,
            name: name.clone(),
            view: View::Outline,
            pane: Pane::Main,
            focus,
            outline,
            outline_cursor: ListCursor::default(),
            detail_cursor: ListCursor::default(),
            detail_scroll: 0,
            column: 0,
            column_cursors: [ListCursor::default(); 2],
            sources,
            sources_cursor: ListCursor::default(),
            back: Vec::new(),
            forward: Vec::new(),
            overlays: Vec::new(),
            whatif,
            size: Rect::new(0, 0, 120, 40),
            state: State::new(name.clone(), None),
            state_dirty: false,
            marks_cursor: ListCursor::default(),
            brief_thesis: 0,
            brief_side: BriefSide::For,
            brief: None,
            brief_cursor: ListCursor::default(),
            presenter: None,
            presenting: false,
            summary: None,
            search: None,
            search_pending: None,
            search_jump_waiting: false,
            quit: false,
            message: None,
        };
        app.refresh_summary();
        app
    }

    /// Nodes with a mark or a note, in file order, then ids no longer in the map.
    pub fn mark_rows(&self) -> Vec<MarkRow> {
        let mut rows: Vec<MarkRow> = self
            .state
            .marks
            .keys()
            .chain(self.state.notes.keys())
            .filter_map(|id| self.graph.by_id(id))
            .collect::<std::collections::BTreeSet<NodeIx>>()
            .into_iter()
            .map(MarkRow::Node)
            .collect();
        rows.extend(
            self.state
                .orphans(&self.graph)
                .into_iter()
                .map(|id| MarkRow::Orphan(id.to_string())),
        );
        rows
    }

    pub fn mark_of(&self, ix: NodeIx) -> Option<Mark> {
        self.state.mark(&self.graph.node(ix).id)
    }

    pub fn note_of(&self, ix: NodeIx) -> Option<&str> {
        self.state.note(&self.graph.node(ix).id)
    }

    /// The thesis the focused node belongs to (the root of its shortest
    /// path), or the first thesis.
    pub fn current_thesis(&self) -> Option<NodeIx> {
        self.outline
            .path_to(&self.graph, self.focus)
            .and_then(|p| p.first().copied())
            .filter(|&t| self.graph.node(t).kind == crate::graph::Kind::Thesis)
            .or_else(|| self.graph.theses().first().copied())
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.size)
    }

    pub fn label(&self, ix: NodeIx) -> Label {
        self.whatif.eval.label(ix)
    }

    /// The keymap contexts that apply now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.presenting && self.overlays.is_empty() {
            return vec![Context::Presenter, Context::Global];
        }
        match self.overlays.last() {
            Some(Overlay::Help { .. } | Overlay::Tours { .. }) => {
                return vec![Context::Chooser, Context::Global];
            }
            Some(Overlay::Note { .. }) => return vec![Context::Note, Context::Global],
            Some(Overlay::Search { .. }) => return vec![Context::Search, Context::Global],
            None => {}
        }
        let pane = match (self.pane, self.view) {
            (Pane::Detail, _) => Context::Detail,
            (Pane::Main, View::Outline) => Context::Outline,
            (Pane::Main, View::Columns) => Context::Columns,
            (Pane::Main, View::Brief) => Context::Brief,
            (Pane::Main, _) => Context::Lists,
        };
        vec![pane, Context::Lists, Context::Global]
    }

    /// Height of the list in the main pane, in rows.
    fn main_height(&self) -> usize {
        layout::inner_height(self.areas().main)
    }

    fn detail_height(&self) -> usize {
        self.areas()
            .detail
            .map(layout::inner_height)
            .unwrap_or_else(|| self.main_height())
    }

    /// The supporters and attackers the columns view shows for the focus.
    pub fn columns(&self) -> [&[NodeIx]; 2] {
        [
            self.graph.supporters(self.focus),
            self.graph.attackers(self.focus),
        ]
    }

    /// After labels change: the detail's links (the "why") and the brief's
    /// rows change with them, so their cursors are put back in range, the
    /// brief's on the focused node where it has one.
    fn labels_changed(&mut self) {
        let links = detail_links(&self.graph, &self.whatif.eval, self.focus).len();
        let h = self.detail_height();
        self.detail_cursor
            .select(self.detail_cursor.selected, links, h);
        if self.brief.take().is_some() || self.view == View::Brief {
            self.ensure_brief();
            if let Some((_, rows)) = &self.brief {
                let at = rows.iter().position(|r| {
                    matches!(r, BriefRow::Ours { node, .. } | BriefRow::Theirs { node, .. } if *node == self.focus)
                });
                let len = rows.len();
                let h = self.main_height();
                self.brief_cursor.select(at.unwrap_or(0), len, h);
            }
        }
    }

    /// Builds the brief for the chosen thesis and side if it is not built.
    fn ensure_brief(&mut self) {
        if self.brief.is_some() {
            return;
        }
        let Some(&thesis) = self.graph.theses().get(self.brief_thesis) else {
            return;
        };
        let brief = Brief::build(&self.graph, self.whatif.labels(), self.brief_side, thesis);
        let rows = brief_rows(&brief);
        self.brief = Some((brief, rows));
    }

    pub fn update(&mut self, action: Action) {
        self.apply(action);
        self.refresh_summary();
    }

    /// The header's thesis summary, recomputed only when the thesis in view
    /// or the labels change (it counts all of a thesis's direct relations).
    fn refresh_summary(&mut self) {
        let Some(thesis) = self.current_thesis() else {
            self.summary = None;
            return;
        };
        let revision = self.whatif.eval.revision();
        if self
            .summary
            .is_some_and(|(t, r, _)| t == thesis && r == revision)
        {
            return;
        }
        let sum = crate::eval::thesis_summary(&self.graph, &self.whatif.eval, thesis);
        self.summary = Some((thesis, revision, sum));
    }

    fn apply(&mut self, action: Action) {
        self.message = None;
        // While the screen only says "too small", keys would change what
        // the user cannot see; only quitting and resizing count.
        if layout::too_small(self.size) && !matches!(action, Action::Quit | Action::Resize { .. }) {
            return;
        }
        if self.presenting && self.overlays.is_empty() && self.update_presenter(action) {
            return;
        }
        if let Some(top) = self.overlays.last().cloned()
            && self.update_overlay(top, action)
        {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.overlays.push(Overlay::Help { scroll: 0 }),
            Action::Tours => {
                if self.graph.tours.is_empty() {
                    self.message = Some("This debate has no tours.".into());
                } else {
                    self.overlays.push(Overlay::Tours {
                        cursor: ListCursor::default(),
                    });
                }
            }
            Action::Search => {
                self.overlays.push(Overlay::Search {
                    query: String::new(),
                    cursor: ListCursor::default(),
                });
                self.search = None;
                self.search_pending = Some(String::new());
            }
            Action::Close => {
                self.overlays.pop();
            }
            Action::NextPane => {
                self.pane = match self.pane {
                    Pane::Main => Pane::Detail,
                    Pane::Detail => Pane::Main,
                }
            }
            Action::ShowView(v) => {
                self.view = v;
                self.pane = Pane::Main;
                if v == View::Brief {
                    self.ensure_brief();
                    self.brief_to_point();
                }
                if v == View::Outline {
                    self.sync_outline_to_focus();
                }
            }
            Action::Back => {
                if let Some(prev) = self.back.pop() {
                    self.forward.push(self.focus);
                    self.set_focus(prev);
                }
            }
            Action::Forward => {
                if let Some(next) = self.forward.pop() {
                    self.back.push(self.focus);
                    self.set_focus(next);
                }
            }
            Action::WhatIf => {
                let ix = self.focus;
                self.whatif.toggle(ix);
                self.labels_changed();
                let verb = if self.whatif.is_suspended(ix) {
                    "suspended"
                } else {
                    "restored"
                };
                let changed = self
                    .graph
                    .indices()
                    .filter(|&i| self.whatif.changed(i))
                    .count();
                self.message = Some(format!(
                    "What-if: \"{}\" {verb}; {changed} labels differ from the full map.",
                    crate::text::truncate(&self.graph.node(ix).title, 40)
                ));
            }
            Action::CycleMark => {
                let id = self.graph.node(self.focus).id.clone();
                let mark = next_mark(self.state.mark(&id));
                self.state.set_mark(&id, mark);
                self.state_dirty = true;
                self.message = Some(match mark {
                    Some(m) => format!("Marked {}.", m.label()),
                    None => "Mark removed.".into(),
                });
            }
            Action::EditNote => {
                let text = self.note_of(self.focus).unwrap_or_default().to_string();
                self.overlays.push(Overlay::Note {
                    node: self.focus,
                    text,
                });
            }
            Action::ClearWhatIfs => {
                self.whatif.clear();
                self.labels_changed();
                self.message = Some("What-if cleared: every node is back.".into());
            }
            Action::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                self.clamp_cursors();
            }
            Action::Click { col, row } => self.click(col, row),
            Action::Scroll { col, row, down } => self.scroll(col, row, down),
            Action::PresenterExplore => {
                if self.presenter.is_some() {
                    self.presenting = true;
                } else {
                    self.message = Some("No tour is running; t lists the tours.".into());
                }
            }
            _ => match self.pane {
                Pane::Detail => self.update_detail(action),
                Pane::Main => match self.view {
                    View::Outline => self.update_outline(action),
                    View::Columns => self.update_columns(action),
                    View::Sources => self.update_sources(action),
                    View::Marks => self.update_marks(action),
                    View::Brief => self.update_brief(action),
                },
            },
        }
    }

    /// Handles an action for the top overlay; false lets it fall through.
    fn update_overlay(&mut self, top: Overlay, action: Action) -> bool {
        if let Overlay::Search { query, cursor } = top {
            return self.update_search(query, cursor, action);
        }
        if let Overlay::Note { node, mut text } = top {
            match action {
                Action::Input(c) => text.push(c),
                Action::DeleteBack => {
                    text.pop();
                }
                Action::Activate => {
                    let id = self.graph.node(node).id.clone();
                    self.state.set_note(&id, &text);
                    self.state_dirty = true;
                    self.overlays.pop();
                    self.message = Some(if text.trim().is_empty() {
                        "Note removed.".into()
                    } else {
                        "Note saved.".into()
                    });
                    return true;
                }
                Action::Close => {
                    self.overlays.pop();
                    self.message = Some("Note discarded.".into());
                    return true;
                }
                Action::Quit => return false,
                _ => {}
            }
            *self.overlays.last_mut().expect("top exists") = Overlay::Note { node, text };
            return true;
        }
        // Overlays that open others let them stack on top.
        let opens_another = match action {
            Action::Tours | Action::Search => true,
            Action::Help => !matches!(top, Overlay::Help { .. }),
            _ => false,
        };
        if opens_another {
            return false;
        }
        match (top, action) {
            (_, Action::Quit) => false,
            (_, Action::Close) => {
                self.overlays.pop();
                true
            }
            (Overlay::Help { scroll }, a) => {
                let delta: isize = match a {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -10,
                    Action::PageDown => 10,
                    Action::Top => isize::MIN / 2,
                    Action::Bottom => isize::MAX / 2,
                    Action::Help | Action::Activate => {
                        self.overlays.pop();
                        return true;
                    }
                    _ => return true,
                };
                // The overlay shows the list less its border, in a screen less two rows.
                let shown = (self.size.height as usize).saturating_sub(4).max(1);
                let max = super::views::help::help_lines().len().saturating_sub(shown);
                let scroll = (scroll.min(max) as isize + delta).clamp(0, max as isize) as usize;
                *self.overlays.last_mut().expect("top exists") = Overlay::Help { scroll };
                true
            }
            (Overlay::Note { .. } | Overlay::Search { .. }, _) => true,
            (Overlay::Tours { mut cursor }, a) => {
                let len = self.graph.tours.len();
                match a {
                    Action::Up => cursor.move_by(-1, len, len),
                    Action::Down => cursor.move_by(1, len, len),
                    Action::Activate => {
                        self.overlays.pop();
                        match Presenter::new(&self.graph, cursor.selected) {
                            Some(p) => {
                                let node = p.step().node;
                                self.presenter = Some(p);
                                self.presenting = true;
                                self.visit(node);
                            }
                            None => self.message = Some("That tour has no steps.".into()),
                        }
                        return true;
                    }
                    _ => return true,
                }
                *self.overlays.last_mut().expect("top exists") = Overlay::Tours { cursor };
                true
            }
        }
    }

    /// Moves to `node`, remembering where we were (browser-style history).
    pub fn visit(&mut self, node: NodeIx) {
        if node != self.focus {
            self.back.push(self.focus);
            self.forward.clear();
        }
        self.set_focus(node);
    }

    fn set_focus(&mut self, node: NodeIx) {
        self.focus = node;
        self.detail_cursor = ListCursor::default();
        self.detail_scroll = 0;
        self.column_cursors = [ListCursor::default(); 2];
        self.sync_outline_to_focus();
    }

    /// Keeps the outline's selection on the focused node, revealing it if needed.
    fn sync_outline_to_focus(&mut self) {
        let current = self.outline.rows.get(self.outline_cursor.selected);
        if current.is_some_and(|r| r.node == self.focus) {
            return;
        }
        if let Some(row) = self.outline.reveal(&self.graph, self.focus) {
            let (len, h) = (self.outline.rows.len(), self.main_height());
            self.outline_cursor.select(row, len, h);
        }
    }

    fn clamp_cursors(&mut self) {
        let h = self.main_height();
        let len = self.outline.rows.len();
        let sel = self.outline_cursor.selected;
        self.outline_cursor.select(sel, len, h);
        let len = self.sources.len();
        let sel = self.sources_cursor.selected;
        self.sources_cursor.select(sel, len, h);
        let len = self.mark_rows().len();
        let sel = self.marks_cursor.selected;
        self.marks_cursor.select(sel, len, h);
        if let Some((_, rows)) = &self.brief {
            let (len, sel) = (rows.len(), self.brief_cursor.selected);
            self.brief_cursor.select(sel, len, h);
        }
    }

    fn list_delta(&self, action: Action, height: usize) -> Option<isize> {
        let page = height.max(1) as isize;
        Some(match action {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => return None,
        })
    }

    fn update_outline(&mut self, action: Action) {
        let h = self.main_height();
        let len = self.outline.rows.len();
        if let Some(delta) = self.list_delta(action, h) {
            self.outline_cursor.move_by(delta, len, h);
            self.focus_outline_row();
            return;
        }
        let Some(row) = self.outline.rows.get(self.outline_cursor.selected).cloned() else {
            return;
        };
        match action {
            Action::Right => {
                if row.children > 0 && !row.cycle && !row.expanded {
                    self.outline.set_expanded(&self.graph, &row.path, true);
                } else if row.expanded {
                    self.outline_cursor.move_by(1, self.outline.rows.len(), h);
                    self.focus_outline_row();
                }
            }
            Action::Left => {
                if row.expanded {
                    self.outline.set_expanded(&self.graph, &row.path, false);
                    let len = self.outline.rows.len();
                    self.outline_cursor
                        .select(self.outline_cursor.selected, len, h);
                } else if row.path.len() > 1 {
                    let parent = &row.path[..row.path.len() - 1];
                    if let Some(i) = self.outline.row_of_path(parent) {
                        self.outline_cursor.select(i, self.outline.rows.len(), h);
                        self.focus_outline_row();
                    }
                }
            }
            Action::Activate => {
                // Enter records the node as a visit and hands the keyboard
                // to the detail pane, whose links lead on.
                if self.back.last() != Some(&self.focus) {
                    self.back.push(self.focus);
                    self.forward.clear();
                }
                self.pane = Pane::Detail;
            }
            _ => {}
        }
    }

    /// Moves the focus without a history entry (moving through a list).
    fn focus_quietly(&mut self, node: NodeIx) {
        if self.focus != node {
            self.focus = node;
            self.detail_cursor = ListCursor::default();
            self.detail_scroll = 0;
        }
    }

    /// Moving in the outline moves the focus with it (no history entry).
    fn focus_outline_row(&mut self) {
        if let Some(row) = self.outline.rows.get(self.outline_cursor.selected) {
            if self.focus != row.node {
                self.detail_scroll = 0;
            }
            self.focus = row.node;
            self.detail_cursor = ListCursor::default();
            self.column_cursors = [ListCursor::default(); 2];
        }
    }

    fn update_detail(&mut self, action: Action) {
        let links = detail_links(&self.graph, &self.whatif.eval, self.focus);
        let h = self.detail_height();
        // Pages scroll the text; without links to move between, so do the arrows.
        let page = h.max(1) as isize;
        let scroll = match action {
            Action::PageUp => Some(-page),
            Action::PageDown => Some(page),
            Action::Up | Action::Left if links.is_empty() => Some(-1),
            Action::Down | Action::Right if links.is_empty() => Some(1),
            _ => None,
        };
        if let Some(delta) = scroll {
            self.scroll_detail(delta);
            return;
        }
        let delta = match action {
            Action::Left | Action::Up => Some(-1),
            Action::Right | Action::Down => Some(1),
            Action::Top => Some(isize::MIN / 2),
            Action::Bottom => Some(isize::MAX / 2),
            _ => None,
        };
        if let Some(delta) = delta {
            self.detail_cursor.move_by(delta, links.len(), h);
            if delta.abs() > 1 {
                self.detail_scroll = if delta < 0 { 0 } else { usize::MAX / 2 };
                self.scroll_detail(0);
            }
        } else if action == Action::Activate
            && let Some(&(_, node)) = links.get(self.detail_cursor.selected)
        {
            self.visit(node);
        }
    }

    /// Scrolls the detail pane's text, clamped to what there is to show.
    fn scroll_detail(&mut self, delta: isize) {
        let area = self.areas().detail.unwrap_or(self.areas().main);
        let h = layout::inner_height(area);
        let total = super::views::detail::line_count(self, area.width.saturating_sub(2));
        let max = total.saturating_sub(h);
        self.detail_scroll =
            (self.detail_scroll.min(max) as isize + delta).clamp(0, max as isize) as usize;
    }

    fn update_columns(&mut self, action: Action) {
        // Rows of one column: the pane less its border and the focus lines,
        // less the column's own border.
        let main = self.areas().main;
        let body = Rect {
            height: main.height.saturating_sub(4),
            width: main.width.saturating_sub(2),
            ..main
        };
        let h = layout::inner_height(layout::column_area(body, self.column));
        match action {
            Action::Left => self.column = 0,
            Action::Right => self.column = 1,
            Action::Activate => {
                let col = self.columns()[self.column];
                if let Some(&node) = col.get(self.column_cursors[self.column].selected) {
                    self.visit(node);
                }
            }
            other => {
                if let Some(delta) = self.list_delta(other, h) {
                    let len = self.columns()[self.column].len();
                    self.column_cursors[self.column].move_by(delta, len, h);
                }
            }
        }
    }

    fn update_sources(&mut self, action: Action) {
        let h = self.main_height();
        let len = self.sources.len();
        if let Some(delta) = self.list_delta(action, h) {
            self.sources_cursor.move_by(delta, len, h);
            // The detail pane (and m, n, w) follow the selected citation.
            if let Some(SourceRow::Citation(node)) = self.sources.get(self.sources_cursor.selected)
            {
                self.focus_quietly(*node);
            }
        } else if action == Action::Activate
            && let Some(SourceRow::Citation(node)) = self.sources.get(self.sources_cursor.selected)
        {
            let node = *node;
            self.visit(node);
            self.view = View::Outline;
        }
    }

    /// Results from the search thread; stale ones (for a query no longer
    /// in the box) are dropped.
    pub fn receive_search(&mut self, results: Results) {
        let current = self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Search { query, .. } => Some(query.clone()),
            _ => None,
        });
        if current.as_deref() == Some(results.query.as_str()) {
            let complete = results.complete;
            self.search = Some(results);
            if self.search_jump_waiting && complete {
                self.search_jump_waiting = false;
                self.update(Action::Activate);
            }
        }
    }

    /// The search box: typing edits the query, arrows move through the
    /// results, Enter jumps (recorded in history), Esc closes.
    fn update_search(&mut self, mut query: String, mut cursor: ListCursor, action: Action) -> bool {
        let hits = self.search.as_ref().map_or(0, |r| r.hits.len());
        let h = self.main_height();
        match action {
            Action::Input(c) => {
                self.search_jump_waiting = false;
                query.push(c);
                cursor = ListCursor::default();
                self.search_pending = Some(query.clone());
            }
            Action::DeleteBack => {
                query.pop();
                cursor = ListCursor::default();
                self.search_pending = Some(query.clone());
            }
            Action::Up => cursor.move_by(-1, hits, h),
            Action::Down => cursor.move_by(1, hits, h),
            Action::Activate => {
                let fresh = self
                    .search
                    .as_ref()
                    .is_some_and(|r| r.query == query && r.complete);
                if !fresh {
                    self.search_jump_waiting = true;
                    return true;
                }
                let hit = self
                    .search
                    .as_ref()
                    .and_then(|r| r.hits.get(cursor.selected))
                    .map(|hit| hit.node);
                if let Some(node) = hit {
                    self.overlays.pop();
                    self.search = None;
                    self.visit(node);
                } else {
                    self.message = Some("No result to jump to.".into());
                }
                return true;
            }
            Action::Close => {
                self.overlays.pop();
                self.search = None;
                self.search_pending = None;
                self.search_jump_waiting = false;
                return true;
            }
            Action::Quit => return false,
            _ => {}
        }
        *self.overlays.last_mut().expect("top exists") = Overlay::Search { query, cursor };
        true
    }

    /// Presenter-mode actions; false lets an action fall through to the
    /// explorer's handling (quit, help, tours, …).
    fn update_presenter(&mut self, action: Action) -> bool {
        let Some(p) = self.presenter.as_mut() else {
            self.presenting = false;
            return false;
        };
        match action {
            Action::NextStep | Action::PrevStep => {
                let moved = if action == Action::NextStep {
                    p.next()
                } else {
                    p.prev()
                };
                let node = p.step().node;
                if moved {
                    self.visit(node);
                } else if action == Action::NextStep {
                    self.message = Some("End of the tour. Esc leaves presenter mode.".into());
                }
            }
            Action::Reveal if p.reveal_next().is_none() => {
                self.message = Some("Everything here is revealed.".into());
            }
            Action::Reveal => {}
            Action::PresenterExplore => {
                self.presenting = false;
                self.message = Some("Exploring; press e to return to the tour.".into());
            }
            Action::Close => {
                self.presenter = None;
                self.presenting = false;
            }
            // Help, search, tours and quitting work over the card; anything
            // else would change the explorer hidden behind it.
            Action::Help
            | Action::Search
            | Action::Tours
            | Action::Quit
            | Action::Resize { .. } => {
                return false;
            }
            _ => {}
        }
        true
    }

    /// Puts the brief's cursor on a point (not a heading) and focuses it,
    /// so the detail pane shows what the brief shows.
    fn brief_to_point(&mut self) {
        let Some((_, rows)) = &self.brief else {
            return;
        };
        let node_at = |i: usize| match rows.get(i) {
            Some(BriefRow::Ours { node, .. } | BriefRow::Theirs { node, .. }) => Some(*node),
            _ => None,
        };
        let at = if node_at(self.brief_cursor.selected).is_some() {
            Some(self.brief_cursor.selected)
        } else {
            (0..rows.len()).find(|&i| node_at(i).is_some())
        };
        if let Some(i) = at {
            let node = node_at(i).expect("found above");
            let (len, h) = (rows.len(), self.main_height());
            self.brief_cursor.select(i, len, h);
            self.focus_quietly(node);
        }
    }

    fn update_brief(&mut self, action: Action) {
        let h = self.main_height();
        if action == Action::ToggleSide {
            // Cycles: first thesis for, against; next thesis for, against; …
            let theses = self.graph.theses().len().max(1);
            (self.brief_thesis, self.brief_side) = match self.brief_side {
                BriefSide::For => (self.brief_thesis, BriefSide::Against),
                BriefSide::Against => ((self.brief_thesis + 1) % theses, BriefSide::For),
            };
            self.brief = None;
            self.brief_cursor = ListCursor::default();
            self.ensure_brief();
            self.brief_to_point();
            return;
        }
        let Some((_, rows)) = &self.brief else {
            return;
        };
        let len = rows.len();
        if let Some(delta) = self.list_delta(action, h) {
            self.brief_cursor.move_by(delta, len, h);
            // The detail pane follows the selected point.
            if let Some(BriefRow::Ours { node, .. } | BriefRow::Theirs { node, .. }) =
                rows.get(self.brief_cursor.selected)
            {
                let node = *node;
                self.focus_quietly(node);
            }
        } else if action == Action::Activate {
            let node = match rows.get(self.brief_cursor.selected) {
                Some(BriefRow::Ours { node, .. } | BriefRow::Theirs { node, .. }) => *node,
                _ => return,
            };
            self.visit(node);
            self.view = View::Outline;
        }
    }

    fn update_marks(&mut self, action: Action) {
        let h = self.main_height();
        let rows = self.mark_rows();
        let len = rows.len();
        self.marks_cursor.select(self.marks_cursor.selected, len, h);
        if let Some(delta) = self.list_delta(action, h) {
            self.marks_cursor.move_by(delta, len, h);
            if let Some(MarkRow::Node(node)) = rows.get(self.marks_cursor.selected) {
                self.focus_quietly(*node);
            }
        } else if action == Action::Activate
            && let Some(MarkRow::Node(node)) = rows.get(self.marks_cursor.selected)
        {
            self.visit(*node);
        }
    }

    /// Moves a list view's cursor by `delta` rows through its own update,
    /// so the focus follows as it does with the keys.
    fn move_list(&mut self, view: View, delta: isize) {
        let action = if delta < 0 { Action::Up } else { Action::Down };
        for _ in 0..delta.unsigned_abs() {
            match view {
                View::Sources => self.update_sources(action),
                View::Marks => self.update_marks(action),
                View::Brief => self.update_brief(action),
                _ => {}
            }
        }
    }

    fn click(&mut self, col: u16, row: u16) {
        if !self.overlays.is_empty() {
            return;
        }
        let areas = self.areas();
        // Too narrow for two panes: the detail pane, when shown, fills the body.
        if areas.detail.is_none() && self.pane == Pane::Detail {
            return;
        }
        if layout::contains(areas.main, col, row) {
            self.pane = Pane::Main;
            let inner_row = row.saturating_sub(areas.main.y + 1) as usize;
            if row == areas.main.y || row + 1 >= areas.main.y + areas.main.height {
                return;
            }
            match self.view {
                View::Outline => {
                    let i = self.outline_cursor.offset + inner_row;
                    if i < self.outline.rows.len() {
                        let (len, h) = (self.outline.rows.len(), self.main_height());
                        let again = i == self.outline_cursor.selected;
                        self.outline_cursor.select(i, len, h);
                        self.focus_outline_row();
                        // A second click on the selected row unfolds or folds it.
                        if again {
                            let row = self.outline.rows[i].clone();
                            if row.children > 0 && !row.cycle {
                                self.outline
                                    .set_expanded(&self.graph, &row.path, !row.expanded);
                            }
                        }
                    }
                }
                View::Sources => {
                    let i = self.sources_cursor.offset + inner_row;
                    let delta = i as isize - self.sources_cursor.selected as isize;
                    if i < self.sources.len() {
                        self.move_list(View::Sources, delta);
                    }
                }
                View::Marks => {
                    let i = self.marks_cursor.offset + inner_row;
                    let delta = i as isize - self.marks_cursor.selected as isize;
                    self.move_list(View::Marks, delta);
                }
                View::Brief => {
                    let i = self.brief_cursor.offset + inner_row;
                    let delta = i as isize - self.brief_cursor.selected as isize;
                    self.move_list(View::Brief, delta);
                }
                View::Columns => {
                    // Below the two lines of the focused node, inside a column's border.
                    let body = Rect {
                        x: areas.main.x + 1,
                        y: areas.main.y + 3,
                        width: areas.main.width.saturating_sub(2),
                        height: areas.main.height.saturating_sub(4),
                    };
                    for c in 0..2 {
                        let column = layout::column_area(body, c);
                        if layout::contains(column, col, row) && row > column.y {
                            self.column = c;
                            let i = self.column_cursors[c].offset + (row - column.y - 1) as usize;
                            let len = self.columns()[c].len();
                            let h = layout::inner_height(column);
                            if i < len {
                                self.column_cursors[c].select(i, len, h);
                            }
                        }
                    }
                }
            }
        } else if let Some(detail) = areas.detail
            && layout::contains(detail, col, row)
        {
            // A click on a link selects it; a second click follows it.
            let was_focused = self.pane == Pane::Detail;
            self.pane = Pane::Detail;
            if let Some(link) = super::views::detail::link_at(self, detail, was_focused, row) {
                if was_focused && link == self.detail_cursor.selected {
                    self.update_detail(Action::Activate);
                } else {
                    let len = detail_links(&self.graph, &self.whatif.eval, self.focus).len();
                    let h = layout::inner_height(detail);
                    self.detail_cursor.select(link, len, h);
                }
            }
        }
    }

    fn scroll(&mut self, col: u16, row: u16, down: bool) {
        let delta = if down { 3 } else { -3 };
        let areas = self.areas();
        if layout::contains(areas.main, col, row) {
            let h = self.main_height();
            match self.view {
                View::Outline => {
                    self.outline_cursor
                        .scroll(delta, self.outline.rows.len(), h);
                    self.focus_outline_row();
                }
                View::Sources => self.sources_cursor.scroll(delta, self.sources.len(), h),
                View::Marks | View::Brief => self.move_list(self.view, delta),
                View::Columns => self.update_columns(if down { Action::Down } else { Action::Up }),
            }
        } else if areas.detail.is_some_and(|d| layout::contains(d, col, row)) {
            self.scroll_detail(delta);
        }
    }

    /// The stance symbol of a node toward the node it sits under.
    pub fn relation_of(&self, child: NodeIx, parent: NodeIx) -> Option<Relation> {
        self.graph
            .parents(child)
            .find(|(p, _)| *p == parent)
            .map(|(_, r)| r)
    }
}
