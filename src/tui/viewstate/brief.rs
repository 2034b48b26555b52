//! The brief view's state: the thesis and side chosen, the brief built for
//! them and its rows.

use crate::brief::{Brief, BriefSide};
use crate::graph::NodeIx;
use crate::tui::cursor::ListCursor;

/// The brief view's state: which thesis and side, the brief built for
/// them (dropped when labels change), and the cursor.
#[derive(Debug, Clone)]
pub struct BriefState {
    /// Index into the graph's theses.
    pub thesis: usize,
    pub side: BriefSide,
    pub built: Option<(Brief, Vec<BriefRow>)>,
    pub cursor: ListCursor,
}

impl Default for BriefState {
    fn default() -> BriefState {
        BriefState {
            thesis: 0,
            side: BriefSide::For,
            built: None,
            cursor: ListCursor::default(),
        }
    }
}

impl BriefState {
    /// The rows of the built brief (none before it is built).
    pub fn rows(&self) -> &[BriefRow] {
        self.built.as_ref().map_or(&[], |(_, rows)| rows)
    }

    /// The point on row `i`, if that row is a point.
    pub fn node_at(&self, i: usize) -> Option<NodeIx> {
        match self.rows().get(i) {
            Some(BriefRow::Ours { node, .. } | BriefRow::Theirs { node, .. }) => Some(*node),
            _ => None,
        }
    }

    /// The next side, then the next thesis: for, against; next thesis for, …
    pub fn switch_side(&mut self, theses: usize) {
        (self.thesis, self.side) = match self.side {
            BriefSide::For => (self.thesis, BriefSide::Against),
            BriefSide::Against => ((self.thesis + 1) % theses.max(1), BriefSide::For),
        };
        self.built = None;
        self.cursor = ListCursor::default();
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
    /// A source's note (index into the graph's sources).
    SourceNote(usize),
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
    // One count per list, each saying what its list holds, so the two add
    // up to the opposing points and neither reads as the other.
    rows.push(BriefRow::Heading(format!(
        "To answer: {} of {total} opposing points stand",
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
        "Answered: {answered} of {total} opposing points fall"
    )));
    for o in &brief.answered {
        rows.push(BriefRow::Theirs {
            node: o.node,
            depth: 0,
        });
    }
    if !brief.source_notes.is_empty() {
        rows.push(BriefRow::Blank);
        rows.push(BriefRow::Heading(format!(
            "Notes on the sources ({})",
            brief.source_notes.len()
        )));
        rows.extend(brief.source_notes.iter().map(|&s| BriefRow::SourceNote(s)));
    }
    rows
}
