//! Clicks and the wheel, hit-tested against the same geometry the views
//! are drawn with.

use super::{App, Pane, Visit};
use crate::tui::action::{Action, View};
use crate::tui::layout;
use crate::tui::viewstate::columns::Column;

impl App {
    pub(super) fn click(&mut self, col: u16, row: u16) {
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
            if row == areas.main.y || row + 1 >= areas.main.y + areas.main.height {
                return;
            }
            let inner_row = row.saturating_sub(areas.main.y + 1) as usize;
            match self.view {
                View::Outline => self.click_outline(inner_row),
                View::Sources | View::Marks | View::Brief => {
                    let cursor = match self.view {
                        View::Sources => self.views.sources.cursor,
                        View::Marks => self.views.marks.cursor,
                        _ => self.views.brief.cursor,
                    };
                    let i = cursor.offset + inner_row;
                    if self.view != View::Sources || i < self.views.sources.rows.len() {
                        self.move_list(self.view, i as isize - cursor.selected as isize);
                    }
                }
                View::Columns => self.click_columns(col, row),
            }
        } else if let Some(detail) = areas.detail
            && layout::contains(detail, col, row)
        {
            self.click_detail(detail, row);
        }
    }

    fn click_outline(&mut self, inner_row: usize) {
        let h = self.main_height();
        let outline = &mut self.views.outline;
        let i = outline.cursor.offset + inner_row;
        let Some(row) = outline.tree.rows.get(i).cloned() else {
            return;
        };
        let again = i == outline.cursor.selected;
        outline.select(i, h);
        self.focus(row.node, Visit::Quiet);
        // A second click on the selected row unfolds or folds it.
        if again && row.children > 0 && !row.cycle {
            let outline = &mut self.views.outline;
            outline
                .tree
                .set_expanded(&self.model.graph, &row.path, !row.expanded);
        }
    }

    fn click_columns(&mut self, col: u16, row: u16) {
        let body = layout::columns_body(self.areas().main);
        for column in Column::BOTH {
            let area = layout::column_area(body, column.index());
            if layout::contains(area, col, row) && row > area.y {
                self.views.columns.active = column;
                let cursor = self.views.columns.cursor_mut(column);
                let i = cursor.offset + (row - area.y - 1) as usize;
                let len = self.columns()[column.index()].len();
                let h = layout::inner_height(area);
                if i < len {
                    self.views.columns.cursor_mut(column).select(i, len, h);
                }
            }
        }
    }

    /// A click on a link selects it; a second click follows it.
    fn click_detail(&mut self, detail: ratatui::layout::Rect, row: u16) {
        let was_focused = self.pane == Pane::Detail;
        self.pane = Pane::Detail;
        let lines = self.detail_layout();
        let Some(link) = lines.link_at(&self.views.detail, detail, row) else {
            return;
        };
        if was_focused && link == self.views.detail.cursor.selected {
            self.update_detail(Action::Activate);
        } else {
            let h = layout::inner_height(detail);
            let len = lines.links.len();
            self.views.detail.cursor.select(link, len, h);
        }
    }

    pub(super) fn scroll(&mut self, col: u16, row: u16, down: bool) {
        let delta = if down { 3 } else { -3 };
        let areas = self.areas();
        if layout::contains(areas.main, col, row) {
            let h = self.main_height();
            match self.view {
                View::Outline => {
                    let outline = &mut self.views.outline;
                    outline.cursor.scroll(delta, outline.tree.rows.len(), h);
                    self.focus_outline_row();
                }
                View::Sources => {
                    let sources = &mut self.views.sources;
                    sources.cursor.scroll(delta, sources.rows.len(), h);
                }
                View::Marks | View::Brief => self.move_list(self.view, delta),
                View::Columns => self.update_columns(if down { Action::Down } else { Action::Up }),
            }
        } else if areas.detail.is_some_and(|d| layout::contains(d, col, row)) {
            self.scroll_detail(delta);
        }
    }
}
