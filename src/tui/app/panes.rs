//! What actions do in each pane. Moving a list's cursor moves the focus
//! with it, quietly; Enter visits.

use super::{App, Pane, Visit};
use crate::tui::action::{Action, View};
use crate::tui::layout;
use crate::tui::viewstate::brief::BriefRow;
use crate::tui::viewstate::columns::Column;
use crate::tui::viewstate::detail::DetailLayout;
use crate::tui::viewstate::marks::MarkRow;

/// How far a list moves for an action in a window of `height` rows.
pub(super) fn list_delta(action: Action, height: usize) -> Option<isize> {
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

impl App {
    /// Moving in the outline moves the focus with it (no history entry).
    pub(super) fn focus_outline_row(&mut self) {
        if let Some(node) = self.views.outline.selected().map(|r| r.node) {
            self.focus(node, Visit::Quiet);
        }
    }

    pub(super) fn update_outline(&mut self, action: Action) {
        let h = self.main_height();
        if let Some(delta) = list_delta(action, h) {
            self.views.outline.move_by(delta, h);
            self.focus_outline_row();
            return;
        }
        let Some(row) = self.views.outline.selected().cloned() else {
            return;
        };
        let (outline, graph) = (&mut self.views.outline, &self.model.graph);
        match action {
            Action::Right if row.children > 0 && !row.cycle && !row.expanded => {
                outline.set_expanded(graph, &row.path, true, h);
            }
            Action::Right if row.expanded => {
                outline.move_by(1, h);
                self.focus_outline_row();
            }
            Action::Left if row.expanded => outline.set_expanded(graph, &row.path, false, h),
            Action::Left if row.path.len() > 1 => {
                let parent = &row.path[..row.path.len() - 1];
                if let Some(i) = outline.tree.row_of_path(parent) {
                    outline.select(i, h);
                    self.focus_outline_row();
                }
            }
            Action::Activate => {
                // Enter records the node as a visit and hands the keyboard
                // to the detail pane, whose links lead on.
                let m = &mut self.model;
                if m.back.last() != Some(&m.focus) {
                    m.back.push(m.focus);
                    m.forward.clear();
                }
                self.pane = Pane::Detail;
            }
            _ => {}
        }
    }

    /// The detail pane scrolls like a page with links in it: arrows move
    /// between the links on screen and scroll the text past the first and
    /// last, so everything from the node's own text to the last link is
    /// reachable; pages scroll; Home and End go to the ends.
    pub(super) fn update_detail(&mut self, action: Action) {
        let layout = self.detail_layout();
        let h = layout::inner_height(self.detail_area()).max(1);
        let page = h as isize;
        match action {
            Action::PageUp => self.scroll_detail(-page),
            Action::PageDown => self.scroll_detail(page),
            Action::Up => self.detail_step(&layout, h, -1),
            Action::Down => self.detail_step(&layout, h, 1),
            Action::Left | Action::Right if layout.links.is_empty() => {
                self.scroll_detail(if action == Action::Left { -1 } else { 1 });
            }
            Action::Left | Action::Right => {
                let delta = if action == Action::Left { -1 } else { 1 };
                let detail = &mut self.views.detail;
                detail.cursor.move_by(delta, layout.links.len(), h);
                self.show_detail_link(&layout, h);
            }
            Action::Top | Action::Bottom => {
                let top = action == Action::Top;
                let last = layout.links.len().saturating_sub(1);
                self.views.detail.cursor.selected = if top { 0 } else { last };
                self.views.detail.scroll = if top { 0 } else { usize::MAX / 2 };
                self.scroll_detail(0);
            }
            Action::Activate => {
                if let Some(&(_, node)) = layout.links.get(self.views.detail.cursor.selected) {
                    self.visit(node);
                }
            }
            _ => {}
        }
    }

    /// Up or down one step: to the next link on screen, else one line of text.
    fn detail_step(&mut self, layout: &DetailLayout, h: usize, delta: isize) {
        let offset = layout.offset(&self.views.detail, h);
        let on_screen = |i: &usize| {
            layout
                .line_of(*i)
                .is_some_and(|l| l >= offset && l < offset + h)
        };
        let selected = self.views.detail.cursor.selected;
        let next = if on_screen(&selected) {
            Some(selected as isize + delta)
                .filter(|&n| n >= 0)
                .map(|n| n as usize)
                .filter(on_screen)
        } else {
            // The selection scrolled away: take the nearest link in view.
            let mut shown = (0..layout.links.len()).filter(on_screen);
            if delta > 0 {
                shown.next()
            } else {
                shown.next_back()
            }
        };
        match next {
            Some(i) => self.views.detail.cursor.selected = i,
            None => self.scroll_detail(delta),
        }
    }

    /// Scrolls just enough to show the selected link.
    fn show_detail_link(&mut self, layout: &DetailLayout, h: usize) {
        let Some(line) = layout.line_of(self.views.detail.cursor.selected) else {
            return;
        };
        let scroll = &mut self.views.detail.scroll;
        if line < *scroll {
            *scroll = line;
        } else if line >= *scroll + h {
            *scroll = line + 1 - h;
        }
    }

    /// Scrolls the detail pane's text, clamped to what there is to show.
    pub(super) fn scroll_detail(&mut self, delta: isize) {
        let h = layout::inner_height(self.detail_area());
        let max = self.detail_layout().lines.len().saturating_sub(h);
        let scroll = &mut self.views.detail.scroll;
        *scroll = ((*scroll).min(max) as isize + delta).clamp(0, max as isize) as usize;
    }

    /// Rows of one column of the pro/con view.
    pub(super) fn column_height(&self, column: Column) -> usize {
        let body = layout::columns_body(self.areas().main);
        layout::inner_height(layout::column_area(body, column.index()))
    }

    pub(super) fn update_columns(&mut self, action: Action) {
        let active = self.views.columns.active;
        let h = self.column_height(active);
        match action {
            Action::Left | Action::Right => {
                let columns = &mut self.views.columns;
                columns.active = if action == Action::Left {
                    Column::Pro
                } else {
                    Column::Con
                };
                columns.moved = true;
                self.views.detail = Default::default();
            }
            Action::SortByStrength => {
                let c = &mut self.views.columns;
                c.by_strength = !c.by_strength;
                c.cursors = Default::default();
                let by_strength = c.by_strength;
                self.set_message(if by_strength {
                    "Strongest first: your strongest points, their most dangerous attacks.".into()
                } else {
                    "As written.".into()
                });
            }
            Action::Activate => {
                let selected = self.views.columns.cursor(active).selected;
                if let Some(&node) = self.columns()[active.index()].get(selected) {
                    self.visit(node);
                }
            }
            other => {
                if let Some(delta) = list_delta(other, h) {
                    let len = self.columns()[active.index()].len();
                    self.views.columns.cursor_mut(active).move_by(delta, len, h);
                    // The detail pane follows the highlight.
                    self.views.columns.moved = true;
                    self.views.detail = Default::default();
                }
            }
        }
    }

    pub(super) fn update_sources(&mut self, action: Action) {
        let h = self.main_height();
        let sources = &mut self.views.sources;
        if let Some(delta) = list_delta(action, h) {
            sources.cursor.move_by(delta, sources.rows.len(), h);
            // The detail pane (and m, n, w) follow the selected citation;
            // on a source, it shows the source.
            if let Some(node) = sources.selected_node() {
                self.focus(node, Visit::Quiet);
            } else if let Some(s) = sources.selected_source() {
                self.show_source(s);
            }
        } else if action == Action::Activate {
            if let Some(node) = sources.selected_node() {
                self.visit(node);
                self.view = View::Outline;
            } else if sources.selected_source().is_some() {
                // The source's detail lists the evidence citing it, as links.
                self.pane = Pane::Detail;
            }
        }
    }

    /// Puts the brief's cursor on a point (not a heading) and focuses it,
    /// so the detail pane shows what the brief shows.
    pub(super) fn brief_to_point(&mut self) {
        let h = self.main_height();
        let brief = &mut self.views.brief;
        let len = brief.rows().len();
        let at = if brief.node_at(brief.cursor.selected).is_some() {
            Some(brief.cursor.selected)
        } else {
            (0..len).find(|&i| brief.node_at(i).is_some())
        };
        if let Some(i) = at {
            brief.cursor.select(i, len, h);
            let node = brief.node_at(i).expect("found above");
            self.focus(node, Visit::Quiet);
        }
    }

    pub(super) fn update_brief(&mut self, action: Action) {
        let h = self.main_height();
        if action == Action::ToggleSide {
            let theses = self.graph().theses().len();
            self.views.brief.switch_side(theses);
            self.ensure_brief();
            self.brief_to_point();
            return;
        }
        let brief = &mut self.views.brief;
        if brief.built.is_none() {
            return;
        }
        if let Some(delta) = list_delta(action, h) {
            brief.cursor.move_by(delta, brief.rows().len(), h);
            // The detail pane follows the selected point, or source note.
            let row = brief.rows().get(brief.cursor.selected).cloned();
            if let Some(node) = brief.node_at(brief.cursor.selected) {
                self.focus(node, Visit::Quiet);
            } else if let Some(BriefRow::SourceNote(s)) = row {
                self.show_source(s);
            }
        } else if action == Action::Activate
            && let Some(node) = brief.node_at(brief.cursor.selected)
        {
            self.visit(node);
            self.view = View::Outline;
        }
    }

    pub(super) fn update_marks(&mut self, action: Action) {
        let h = self.main_height();
        let rows = self.mark_rows();
        let cursor = &mut self.views.marks.cursor;
        cursor.select(cursor.selected, rows.len(), h);
        if let Some(delta) = list_delta(action, h) {
            cursor.move_by(delta, rows.len(), h);
            if let Some(MarkRow::Node(node)) = rows.get(cursor.selected) {
                self.focus(*node, Visit::Quiet);
            }
        } else if action == Action::Activate
            && let Some(MarkRow::Node(node)) = rows.get(cursor.selected)
        {
            self.visit(*node);
        }
    }

    /// Moves a list view's cursor by `delta` rows through its own update,
    /// so the focus follows as it does with the keys.
    pub(super) fn move_list(&mut self, view: View, delta: isize) {
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
}
