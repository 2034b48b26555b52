//! The symbols that carry meaning next to colour, so nothing is said by
//! colour alone (NO_COLOR users, colour-blind users, projectors).

use crate::eval::Label;
use crate::graph::{Graph, Kind, NodeIx, Relation};
use crate::tui::theme::{Role, Theme};
use ratatui::style::Style;

pub const PRO: &str = "+";
pub const CON: &str = "−";
pub const THESIS: &str = "◆";
pub const EVIDENCE: &str = "❝";
pub const REBUTTAL: &str = "⚑";
pub const SHARED: &str = "⧉";
pub const CYCLE: &str = "↻";
pub const FOLDED: &str = "▸";
pub const UNFOLDED: &str = "▾";
pub const LEAF: &str = "·";
pub const SUSPENDED: &str = "⊘";
/// A top-level point that is not a thesis.
pub const UNROOTED: &str = "○";

/// The stance marker of a node toward the node it is shown under.
pub fn stance(relation: Option<Relation>) -> &'static str {
    match relation {
        None => THESIS,
        Some(Relation::Supports) => PRO,
        Some(Relation::Attacks) => CON,
    }
}

pub fn stance_style(theme: &Theme, relation: Option<Relation>) -> Style {
    theme.style(match relation {
        None => Role::Thesis,
        Some(Relation::Supports) => Role::Pro,
        Some(Relation::Attacks) => Role::Con,
    })
}

/// A marker for kinds that are not plain claims ("" for claims and theses).
pub fn kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Evidence => EVIDENCE,
        Kind::Rebuttal => REBUTTAL,
        Kind::Thesis | Kind::Claim => "",
    }
}

pub fn kind_style(theme: &Theme, k: Kind) -> Style {
    theme.style(match k {
        Kind::Thesis => Role::Thesis,
        Kind::Claim => Role::Text,
        Kind::Evidence => Role::Evidence,
        Kind::Rebuttal => Role::Rebuttal,
    })
}

pub fn label(label: Label) -> &'static str {
    match label {
        Label::In => "✓",
        Label::Out => "✗",
        Label::Undec => "?",
    }
}

pub fn label_word(label: Label) -> &'static str {
    match label {
        Label::In => "stands",
        Label::Out => "falls",
        Label::Undec => "contested",
    }
}

pub fn label_style(theme: &Theme, l: Label) -> Style {
    theme.style(match l {
        Label::In => Role::Stands,
        Label::Out => Role::Falls,
        Label::Undec => Role::Contested,
    })
}

/// The stance of `node` toward its first parent, for lists that show nodes
/// out of the tree (search results, links, the brief).
pub fn first_relation(graph: &Graph, node: NodeIx) -> Option<Relation> {
    graph.parents(node).next().map(|(_, r)| r)
}
