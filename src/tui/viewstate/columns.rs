//! The pro/con columns' state: which column is active and a cursor in each.

use crate::graph::Relation;
use crate::tui::cursor::ListCursor;

/// One of the two columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Column {
    /// What supports the focused node (left, or above when stacked).
    #[default]
    Pro,
    /// What attacks it.
    Con,
}

impl Column {
    pub const BOTH: [Column; 2] = [Column::Pro, Column::Con];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn relation(self) -> Relation {
        match self {
            Column::Pro => Relation::Supports,
            Column::Con => Relation::Attacks,
        }
    }
}

/// The columns view's state: the active column and each one's cursor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ColumnsState {
    pub active: Column,
    pub cursors: [ListCursor; 2],
    /// Whether the user moved through the columns since the focus changed:
    /// from then on the detail pane shows the highlighted node.
    pub moved: bool,
    /// Strongest first (kept when the focus moves), else as written.
    pub by_strength: bool,
}

impl ColumnsState {
    pub fn cursor(&self, column: Column) -> ListCursor {
        self.cursors[column.index()]
    }

    pub fn cursor_mut(&mut self, column: Column) -> &mut ListCursor {
        &mut self.cursors[column.index()]
    }
}
