//! A cursor over a list that scrolls to keep the selection in view, shared
//! by every list pane and overlay.

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
