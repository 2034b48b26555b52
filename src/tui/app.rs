//! The explorer's state and the one place it changes: [`App::update`].
//! Nothing here touches the terminal; tests drive it with actions.
//!
//! Each view's state lives beside the view that draws it; `App` holds them
//! with the shared model. The panes' handlers are in [`panes`], the layer
//! stack's in [`layers`], the mouse's in [`mouse`]; moving the focus is
//! in [`focus`], the commands on the focused node in [`commands`].

mod commands;
mod focus;
mod layers;
mod mouse;
mod panes;

use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::{Action, View};
use super::keymap::Context;
use super::layout::{self, Areas};
use super::overlay::Overlay;
use super::viewstate::brief::{BriefRow, BriefState, brief_rows};
use super::viewstate::columns::ColumnsState;
use super::viewstate::detail::{DetailLayout, DetailState, Shown, detail_links};
use super::viewstate::marks::{MarkRow, MarksState, mark_rows};
use super::viewstate::outline::OutlineState;
use super::viewstate::presenter::CardState;
use super::viewstate::search::SearchState;
use super::viewstate::sources::SourcesState;
use super::whatif::WhatIf;
use crate::brief::Brief;
use crate::eval::{Evaluation, Label, ThesisSummary};
use crate::graph::{Graph, NodeIx, Relation};
use crate::state::{Mark, State};
use crate::tour::Presenter;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Main,
    Detail,
}

/// Whether moving the focus leaves a history entry (following a link,
/// jumping) or not (moving a cursor through a list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visit {
    Record,
    Quiet,
}

/// The model every view shares: the debate, what the user did to it, and
/// where they are in it.
struct Model {
    /// Shared with the search thread.
    graph: Arc<Graph>,
    whatif: WhatIf,
    /// Marks and notes; saved by the terminal loop when `dirty`.
    state: State,
    dirty: bool,
    /// The node the detail pane shows.
    focus: NodeIx,
    /// A source (index into the graph's sources) the detail pane shows
    /// instead, while the sources view's cursor is on it.
    source: Option<usize>,
    back: Vec<NodeIx>,
    forward: Vec<NodeIx>,
    /// A running tour (shown while [`Overlay::Presenter`] is on the stack).
    tour: Option<Presenter>,
    /// The thesis the header sums up, the evaluation revision it was
    /// computed at, and the summary.
    summary: Option<(NodeIx, u64, ThesisSummary)>,
}

/// The state of each view.
struct Views {
    outline: OutlineState,
    detail: DetailState,
    columns: ColumnsState,
    sources: SourcesState,
    brief: BriefState,
    marks: MarksState,
    card: CardState,
}

pub struct App {
    model: Model,
    views: Views,
    view: View,
    pane: Pane,
    /// Layers over the explorer, bottom first; the top one sees keys first.
    overlays: Vec<Overlay>,
    size: Rect,
    quit: bool,
    /// A one-line message for the status bar, cleared by the next action.
    message: Option<String>,
    /// A warning the user must see (a damaged notes file, notes that cannot
    /// be saved): shown until dismissed with Esc, whatever else happens.
    alert: Option<String>,
    /// What the terminal loop is asked to do outside the terminal's screen
    /// (`update` itself does no I/O).
    requests: Vec<Request>,
}

/// Work for the terminal loop: things `update` may not do itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Put this text on the clipboard (by OSC 52).
    Copy(String),
    /// Open this URL in the browser.
    OpenUrl(String),
}

impl App {
    /// The explorer on `graph`, named `name` (a path, or the built-in name).
    pub fn new(graph: Graph, name: String) -> App {
        let graph = Arc::new(graph);
        let outline = OutlineState::new(&graph);
        let focus = outline.tree.rows.first().map_or(NodeIx(0), |r| r.node);
        let mut app = App {
            model: Model {
                whatif: WhatIf::new(&graph),
                state: State::new(name, None),
                dirty: false,
                focus,
                source: None,
                back: Vec::new(),
                forward: Vec::new(),
                tour: None,
                summary: None,
                graph: graph.clone(),
            },
            views: Views {
                outline,
                detail: DetailState::default(),
                columns: ColumnsState::default(),
                sources: SourcesState::new(&graph),
                brief: BriefState::default(),
                marks: MarksState::default(),
                card: CardState::default(),
            },
            view: View::Outline,
            pane: Pane::Main,
            overlays: Vec::new(),
            size: Rect::new(0, 0, 120, 40),
            quit: false,
            message: None,
            alert: None,
            requests: Vec::new(),
        };
        app.refresh_summary();
        app
    }

    /// The explorer on a new version of its debate, keeping by id what can
    /// be kept: the focus, the outline's expanded branches and scroll, the
    /// view and pane, and the marks and notes (which are keyed by id).
    /// Overlays are closed: their lists point into the old graph.
    pub fn reloaded(&self, graph: Graph) -> App {
        let old = self.graph();
        let expanded: Vec<Vec<String>> = self
            .views
            .outline
            .tree
            .expanded_paths()
            .map(|p| p.iter().map(|&ix| old.node(ix).id.clone()).collect())
            .collect();
        let focus = old.node(self.focused()).id.clone();
        let mut app =
            App::new(graph, self.model.state.debate.clone()).with_state(self.model.state.clone());
        app.model
            .whatif
            .set_background(self.model.whatif.background());
        app.size = self.size;
        app.view = self.view;
        app.pane = self.pane;
        let g = app.model.graph.clone();
        for ids in expanded {
            let path: Option<Vec<NodeIx>> = ids.iter().map(|id| g.by_id(id)).collect();
            if let Some(path) = path {
                app.views.outline.tree.set_expanded(&g, &path, true);
            }
        }
        if let Some(ix) = g.by_id(&focus) {
            app.focus(ix, Visit::Quiet);
        }
        app.views.outline.cursor.offset = self.views.outline.cursor.offset;
        app.clamp_cursors();
        app
    }

    /// Starts from saved marks and notes.
    pub fn with_state(mut self, state: State) -> App {
        self.model.state = state;
        self
    }

    pub fn graph(&self) -> &Graph {
        &self.model.graph
    }

    /// From now on strength and the preferred and stable searches run on
    /// a worker: each what-if leaves a job for [`App::take_recompute`], and
    /// its result comes back through [`App::receive_recomputed`].
    pub fn run_in_background(&mut self) {
        self.model.whatif.set_background(true);
    }

    /// The recomputation the last what-if asked for, for the worker.
    pub fn take_recompute(&mut self) -> Option<crate::tui::whatif::Job> {
        self.model.whatif.take_job()
    }

    /// A worker's result: shown if it is for the current what-if (true),
    /// dropped if the what-if changed since (false).
    pub fn receive_recomputed(&mut self, done: crate::tui::whatif::Recomputed) -> bool {
        if !self.model.whatif.receive(done) {
            return false;
        }
        self.labels_changed();
        self.refresh_summary();
        // The message that said "recomputing…" now says what came of it.
        if let Some(waiting) = self
            .message
            .as_deref()
            .and_then(|m| m.strip_suffix(crate::tui::whatif::RECOMPUTING))
        {
            let w = &self.model.whatif;
            let outcome = match w.note() {
                Some(note) => note.to_string(),
                None if waiting.starts_with("Labels follow") => {
                    format!("{}.", w.reading().meaning().join(" "))
                }
                None => {
                    let n = self.graph().indices().filter(|&i| w.changed(i)).count();
                    format!("{n} labels differ from the full map.")
                }
            };
            self.message = Some(format!("{waiting}{outcome}"));
        }
        true
    }

    /// The graph, to share with the search thread.
    pub fn shared_graph(&self) -> Arc<Graph> {
        self.model.graph.clone()
    }

    /// The node the detail pane shows.
    pub fn focused(&self) -> NodeIx {
        self.model.focus
    }

    /// The node the detail pane shows: the focus, or in the pro/con view,
    /// once the user moves through the columns, the highlighted node.
    pub fn detail_node(&self) -> NodeIx {
        let columns = &self.views.columns;
        if self.view == View::Columns && columns.moved {
            let active = columns.active;
            let lists = self.columns();
            let list = &lists[active.index()];
            if let Some(&n) = list.get(columns.cursor(active).selected) {
                return n;
            }
        }
        self.model.focus
    }

    /// The source the detail pane shows instead of the focused node.
    pub fn shown_source(&self) -> Option<usize> {
        self.model.source
    }

    pub fn view(&self) -> View {
        self.view
    }

    pub fn pane(&self) -> Pane {
        self.pane
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// What the status bar says: a standing alert first, else the last message.
    pub fn message(&self) -> Option<&str> {
        self.alert.as_deref().or(self.message.as_deref())
    }

    /// What the terminal loop should do now, oldest first.
    pub fn take_requests(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.requests)
    }

    pub fn set_message(&mut self, message: String) {
        self.message = Some(message);
    }

    /// Shows a warning until the user dismisses it with Esc.
    pub fn set_alert(&mut self, alert: String) {
        let key = super::keymap::key_name(Context::Global, Action::Close, super::keymap::first);
        self.alert = Some(format!("{alert} ({key} dismisses)"));
    }

    pub fn whatif(&self) -> &WhatIf {
        &self.model.whatif
    }

    pub fn eval(&self) -> &Evaluation {
        &self.model.whatif.eval
    }

    pub fn label(&self, ix: NodeIx) -> Label {
        self.model.whatif.label(ix)
    }

    /// The marks and notes when they changed since last asked (to save them).
    pub fn take_changed_state(&mut self) -> Option<&State> {
        std::mem::take(&mut self.model.dirty).then_some(&self.model.state)
    }

    pub fn state_dirty(&self) -> bool {
        self.model.dirty
    }

    pub fn mark_of(&self, ix: NodeIx) -> Option<Mark> {
        self.model.state.mark(&self.graph().node(ix).id)
    }

    pub fn note_of(&self, ix: NodeIx) -> Option<&str> {
        self.model.state.note(&self.graph().node(ix).id)
    }

    pub fn mark_rows(&self) -> Vec<MarkRow> {
        mark_rows(self.graph(), &self.model.state)
    }

    pub fn tour(&self) -> Option<&Presenter> {
        self.model.tour.as_ref()
    }

    pub fn summary(&self) -> Option<&ThesisSummary> {
        self.model.summary.as_ref().map(|(_, _, s)| s)
    }

    /// The thesis the header sums up.
    pub fn summary_thesis(&self) -> Option<NodeIx> {
        self.model.summary.as_ref().map(|(t, _, _)| *t)
    }

    pub fn outline(&self) -> &OutlineState {
        &self.views.outline
    }

    pub fn detail(&self) -> &DetailState {
        &self.views.detail
    }

    pub fn columns_state(&self) -> &ColumnsState {
        &self.views.columns
    }

    pub fn sources(&self) -> &SourcesState {
        &self.views.sources
    }

    pub fn brief(&self) -> &BriefState {
        &self.views.brief
    }

    /// Presenter mode's card: narration scroll and visibility.
    pub fn card(&self) -> &CardState {
        &self.views.card
    }

    pub fn marks(&self) -> &MarksState {
        &self.views.marks
    }

    /// The layers over the explorer, bottom first.
    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }

    /// Whether a tour's card is on screen (under any other overlay).
    pub fn is_presenting(&self) -> bool {
        self.overlays.contains(&Overlay::Presenter)
    }

    /// The search box's state, when it is open.
    pub fn search(&self) -> Option<&SearchState> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Search(s) => Some(s),
            _ => None,
        })
    }

    /// The thesis the focused node belongs to (the root of its shortest
    /// path), or the first thesis.
    pub fn current_thesis(&self) -> Option<NodeIx> {
        let g = self.graph();
        self.views
            .outline
            .tree
            .path_to(g, self.focused())
            .and_then(|p| p.first().copied())
            .filter(|&t| g.node(t).kind == crate::graph::Kind::Thesis)
            .or_else(|| g.theses().first().copied())
    }

    pub fn areas(&self) -> Areas {
        layout::areas_for(self.size, self.view == View::Columns)
    }

    /// The keymap contexts that apply now, most specific first: the top
    /// layer's, or the focused pane's.
    pub fn contexts(&self) -> Vec<Context> {
        if let Some(top) = self.overlays.last() {
            return top.contexts();
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

    /// The supporters and attackers the columns view shows for the focus.
    /// The focused node's supporters and attackers, as written or, when
    /// the columns sort by strength, strongest first (ties as written).
    pub fn columns(&self) -> [Vec<NodeIx>; 2] {
        let g = self.graph();
        let mut lists = [
            g.supporters(self.focused()).to_vec(),
            g.attackers(self.focused()).to_vec(),
        ];
        if self.views.columns.by_strength {
            let w = &self.model.whatif;
            for list in &mut lists {
                list.sort_by(|&a, &b| w.strength(b).0.total_cmp(&w.strength(a).0));
            }
        }
        lists
    }

    /// The stance symbol of a node toward the node it sits under.
    pub fn relation_of(&self, child: NodeIx, parent: NodeIx) -> Option<Relation> {
        self.graph()
            .parents(child)
            .find(|(p, _)| *p == parent)
            .map(|(_, r)| r)
    }

    /// Height of the list in the main pane, in rows.
    fn main_height(&self) -> usize {
        layout::inner_height(self.areas().main)
    }

    /// Where the detail pane is drawn: beside the main pane, or over it.
    fn detail_area(&self) -> Rect {
        let areas = self.areas();
        areas.detail.unwrap_or(areas.main)
    }

    /// The detail pane's lines for the focused node, as drawn.
    fn detail_layout(&self) -> DetailLayout {
        let width = self.detail_area().width.saturating_sub(2);
        DetailLayout::new(self.shown(), width as usize)
    }

    /// What the detail pane shows, for laying it out.
    pub fn shown(&self) -> Shown<'_> {
        let ix = self.detail_node();
        Shown {
            graph: self.graph(),
            whatif: self.whatif(),
            ix,
            note: self.note_of(ix),
            source: self.shown_source(),
        }
    }

    pub fn update(&mut self, action: Action) {
        self.apply(action);
        self.refresh_summary();
    }

    /// The header's thesis summary, recomputed only when the thesis in view
    /// or the labels change (it counts all of a thesis's direct relations).
    fn refresh_summary(&mut self) {
        let Some(thesis) = self.current_thesis() else {
            self.model.summary = None;
            return;
        };
        let revision = self.whatif().revision();
        if self
            .model
            .summary
            .as_ref()
            .is_some_and(|(t, r, _)| *t == thesis && *r == revision)
        {
            return;
        }
        let sum = crate::eval::thesis_summary_of(self.graph(), self.whatif().labels(), thesis);
        self.model.summary = Some((thesis, revision, sum));
    }

    fn apply(&mut self, action: Action) {
        // A message lasts until the user acts; a resize (the first one
        // comes at start-up) is not the user answering it.
        if !matches!(action, Action::Resize { .. }) {
            self.message = None;
        }
        if self.alert.is_some() && action == Action::Close && self.overlays.is_empty() {
            self.alert = None;
            return;
        }
        // While the screen only says "too small", keys would change what
        // the user cannot see; only quitting and resizing count.
        if layout::too_small(self.size) && !matches!(action, Action::Quit | Action::Resize { .. }) {
            return;
        }
        if self.handle_top_layer(action) {
            return;
        }
        if !self.apply_global(action) {
            self.apply_to_pane(action);
        }
    }

    /// Actions that mean the same in every pane; false for the others.
    fn apply_global(&mut self, action: Action) -> bool {
        match action {
            Action::Quit => {
                self.save_open_note();
                self.quit = true;
            }
            Action::Help | Action::Tours | Action::Search | Action::EditNote => self.open(action),
            Action::Close => {
                self.overlays.pop();
            }
            Action::NextPane => {
                self.pane = match self.pane {
                    Pane::Main => Pane::Detail,
                    Pane::Detail => Pane::Main,
                }
            }
            Action::ShowView(v) => self.show_view(v),
            Action::Back | Action::Forward => self.go_through_history(action == Action::Back),
            Action::WhatIf | Action::ClearWhatIfs => self.what_if(action == Action::ClearWhatIfs),
            Action::CycleMark => self.cycle_mark(),
            Action::Copy => self.copy(),
            Action::SourcesOnly => self.sources_only(),
            Action::OpenUrl => self.open_url(),
            Action::CycleSemantics => self.cycle_semantics(),
            Action::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                self.clamp_cursors();
            }
            Action::Click { col, row } => self.click(col, row),
            Action::Scroll { col, row, down } => self.scroll(col, row, down),
            Action::PresenterExplore => self.resume_tour(),
            Action::OpenEditor => {}
            Action::Parent => self.go_to_parent(),
            _ => return false,
        }
        true
    }

    fn apply_to_pane(&mut self, action: Action) {
        match (self.pane, self.view) {
            (Pane::Detail, _) => self.update_detail(action),
            (Pane::Main, View::Outline) => self.update_outline(action),
            (Pane::Main, View::Columns) => self.update_columns(action),
            (Pane::Main, View::Sources) => self.update_sources(action),
            (Pane::Main, View::Marks) => self.update_marks(action),
            (Pane::Main, View::Brief) => self.update_brief(action),
        }
    }

    /// After labels change: the detail's links (the "why") and the brief's
    /// rows change with them, so their cursors are put back in range, the
    /// brief's on the focused node where it has one.
    fn labels_changed(&mut self) {
        let links = detail_links(self.graph(), self.whatif(), self.detail_node()).len();
        let h = layout::inner_height(self.detail_area());
        let cursor = &mut self.views.detail.cursor;
        cursor.select(cursor.selected, links, h);
        if self.views.brief.built.take().is_some() || self.view == View::Brief {
            self.ensure_brief();
            let brief = &self.views.brief;
            let at = (0..brief.rows().len()).find(|&i| brief.node_at(i) == Some(self.focused()));
            let (len, h) = (brief.rows().len(), self.main_height());
            self.views.brief.cursor.select(at.unwrap_or(0), len, h);
        }
    }

    /// Builds the brief for the chosen thesis and side if it is not built.
    fn ensure_brief(&mut self) {
        let b = &mut self.views.brief;
        if b.built.is_some() {
            return;
        }
        let g = &self.model.graph;
        let Some(&thesis) = g.theses().get(b.thesis) else {
            return;
        };
        let w = &self.model.whatif;
        let brief = Brief::build(g, w.labels(), w.strengths(), b.side, thesis);
        let rows: Vec<BriefRow> = brief_rows(&brief);
        b.built = Some((brief, rows));
    }

    fn clamp_cursors(&mut self) {
        let h = self.main_height();
        let v = &mut self.views;
        let sel = v.outline.cursor.selected;
        v.outline.select(sel, h);
        let (sel, len) = (v.sources.cursor.selected, v.sources.rows.len());
        v.sources.cursor.select(sel, len, h);
        let len = mark_rows(&self.model.graph, &self.model.state).len();
        let sel = v.marks.cursor.selected;
        v.marks.cursor.select(sel, len, h);
        if v.brief.built.is_some() {
            let (len, sel) = (v.brief.rows().len(), v.brief.cursor.selected);
            v.brief.cursor.select(sel, len, h);
        }
    }
}
