//! The symbols that carry meaning next to colour, so nothing is said by
//! colour alone (NO_COLOR users, colour-blind users, projectors).

use crate::eval::Label;
use crate::graph::{Graph, Kind, NodeIx, Relation};
use crate::tui::theme::{Role, Theme};
use crate::tui::whatif::WhatIf;
use ratatui::style::Style;
use ratatui::text::Span;

pub const PRO: &str = "+";
pub const CON: &str = "−";
pub const THESIS: &str = "◆";
pub const EVIDENCE: &str = "❝";
pub const REBUTTAL: &str = "⚑";
pub const SHARED: &str = "⧉";
/// The map's own analysis, not a source's point (`origin: Analysis`).
pub const ANALYSIS: &str = "∴";

/// The analysis marker for a node, with a space before it ("" for the
/// sources' own points).
pub fn origin(node: &crate::graph::Node) -> &'static str {
    match node.origin {
        crate::graph::Origin::Analysis => " ∴",
        crate::graph::Origin::Sources => "",
    }
}

/// A source (the sources view and a source's detail).
pub const SOURCE: &str = "■";
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

/// What each symbol means, for the help's legend: every symbol a view
/// draws, from the constants the views draw with.
pub fn legend() -> Vec<(String, &'static str)> {
    use crate::state::Mark;
    let mut out: Vec<(String, &'static str)> = vec![
        (THESIS.into(), "a thesis: what the debate is about"),
        (PRO.into(), "supports the point it sits under"),
        (CON.into(), "attacks the point it sits under"),
        (EVIDENCE.into(), "evidence: a quote from a source"),
        (REBUTTAL.into(), "a rebuttal: an answer to an attack"),
    ];
    for l in [Label::In, Label::Out, Label::Undec] {
        out.push((label(l).into(), label_word(l)));
    }
    out.extend([
        (SHARED.into(), "the point appears in several places"),
        (CYCLE.into(), "attacks loop back to a point above it"),
        (
            SUSPENDED.into(),
            "suspended in a what-if: treated as absent",
        ),
        (UNROOTED.into(), "a top-level point that reaches no thesis"),
        (
            ANALYSIS.into(),
            "the map's own analysis: no source makes this point",
        ),
        (
            SOURCE.into(),
            "a source (its detail: author, outlet, date, URL, note)",
        ),
        (
            format!("{FOLDED} {UNFOLDED}"),
            "folded, unfolded (has points below)",
        ),
    ]);
    for m in [Mark::Star, Mark::Use, Mark::Answer] {
        out.push((mark_symbol(m).into(), mark_meaning(m)));
    }
    out.extend([
        (NOTE.into(), "you wrote a note on it"),
        ("(9)".into(), "a folded point with 9 points below it"),
        ("[6+ 0−]".into(), "6 points support it, none attacks it"),
        (
            super::strength_cell(0.62),
            "strength 0.62, from 0 to 1 (0.50 untouched)",
        ),
        ("▶ in a title".into(), "the pane that has the keyboard"),
    ]);
    out
}

/// A label in words a debater can use.
pub fn label_meaning(l: Label) -> &'static str {
    match l {
        Label::In => "stands: nothing standing attacks it (unrefuted, not proved)",
        Label::Out => "falls: a standing point attacks it (refuted, for now)",
        Label::Undec => "contested: a loop of attacks nothing settles either way",
    }
}

fn mark_meaning(m: crate::state::Mark) -> &'static str {
    match m {
        crate::state::Mark::Star => "your mark: starred",
        crate::state::Mark::Use => "your mark: to use in your case",
        crate::state::Mark::Answer => "your mark: must be answered",
    }
}

/// The symbol of a mark, in every view that shows one.
pub fn mark_symbol(mark: crate::state::Mark) -> &'static str {
    match mark {
        crate::state::Mark::Star => "★",
        crate::state::Mark::Use => "▶",
        crate::state::Mark::Answer => "!",
    }
}

/// The symbol of a note.
pub const NOTE: &str = "✎";

/// A node's label as lists show it: `⊘` when a what-if suspends it,
/// else its label's symbol, each in its own style.
pub fn label_span(whatif: &WhatIf, theme: &Theme, ix: crate::graph::NodeIx) -> Span<'static> {
    if whatif.is_suspended(ix) {
        return Span::styled(SUSPENDED, theme.style(Role::Warning));
    }
    let l = whatif.label(ix);
    Span::styled(label(l), label_style(theme, l))
}

/// A node's label in symbol and word ("✓ stands"), or its suspension.
pub fn label_words(whatif: &WhatIf, theme: &Theme, ix: crate::graph::NodeIx) -> Span<'static> {
    if whatif.is_suspended(ix) {
        let text = format!("{} suspended (what-if)", SUSPENDED);
        return Span::styled(text, theme.style(Role::Warning));
    }
    let l = whatif.label(ix);
    let word = whatif.shown_reading().word(l);
    let text = format!("{} {word}", label(l));
    Span::styled(text, label_style(theme, l))
}
