//! What-if evaluation: labels under the user's suspensions and the
//! semantics the user chose, which labels differ from the full map's, and
//! every node's strength.

use crate::eval::{self, Acceptance, Evaluation, Extensions, Label, Semantics, Strength};
use crate::graph::{Graph, NodeIx};

/// The semantics the explorer's labels follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Reading {
    #[default]
    Grounded,
    Preferred,
    Stable,
    Strength,
}

/// At or above this strength a point stands under the strength reading.
pub const STRENGTH_STANDS: f64 = 0.5;
/// Below this strength a point falls under the strength reading; between
/// the two it is weakened (shown as contested).
pub const STRENGTH_FALLS: f64 = 0.25;

impl Reading {
    pub const ALL: [Reading; 4] = [
        Reading::Grounded,
        Reading::Preferred,
        Reading::Stable,
        Reading::Strength,
    ];

    /// The next reading in the cycle the key walks through.
    pub fn next(self) -> Reading {
        let i = Reading::ALL.iter().position(|&r| r == self).unwrap_or(0);
        Reading::ALL[(i + 1) % Reading::ALL.len()]
    }

    pub fn name(self) -> &'static str {
        match self {
            Reading::Grounded => "grounded",
            Reading::Preferred => "preferred",
            Reading::Stable => "stable",
            Reading::Strength => "strength",
        }
    }

    /// What the reading tells a debater, in lines short enough for the help.
    pub fn meaning(self) -> &'static [&'static str] {
        match self {
            Reading::Grounded => &[
                "the cautious judge: ✓ only what survives",
                "every objection outright; an unresolved",
                "standoff leaves both sides ? contested",
            ],
            Reading::Preferred => &[
                "each side's best defensible case: ✓ holds",
                "in all of them, ? arguable (some side can",
                "defend it, not all must grant it), ✗ in none",
            ],
            Reading::Stable => &[
                "like preferred, but a case must answer every",
                "point it leaves out; if no case can, all fall",
                "(the status bar says so)",
            ],
            Reading::Strength => &[
                "weighs supports against attacks (DF-QuAD,",
                "0 to 1; 0.50 when untouched): ✓ at 0.50 or",
                "more, ? weakened below, ✗ under 0.25",
            ],
        }
    }

    /// The word for a label under this reading ("stands", "arguable", …).
    pub fn word(self, label: Label) -> &'static str {
        match (self, label) {
            (_, Label::In) => "stands",
            (_, Label::Out) => "falls",
            (Reading::Grounded, Label::Undec) => "contested",
            (Reading::Preferred | Reading::Stable, Label::Undec) => "arguable",
            (Reading::Strength, Label::Undec) => "weakened",
        }
    }
}

/// What-if evaluation: labels under the current suspensions and reading,
/// and which labels differ from the full map's.
#[derive(Debug, Clone)]
pub struct WhatIf {
    pub eval: Evaluation,
    reading: Reading,
    /// The labels under `reading` with the current suspensions, and with none.
    shown: Vec<Label>,
    baseline: Vec<Label>,
    strength: Strength,
    base_strength: Strength,
    /// The acceptance behind `shown` while it follows preferred or stable.
    extensions: Option<Extensions>,
    /// A note on the reading (no stable extension, budget ran out, …).
    note: Option<String>,
    /// Goes up each time `shown` may have changed.
    revision: u64,
}

impl WhatIf {
    pub fn new(graph: &Graph) -> WhatIf {
        let eval = Evaluation::new(graph);
        let strength = eval::strength(graph, &vec![false; graph.len()]);
        // Grounded is the reading to start with: its labels are the
        // evaluation's, with nothing suspended yet.
        WhatIf {
            shown: eval.labels().to_vec(),
            baseline: eval.labels().to_vec(),
            eval,
            reading: Reading::Grounded,
            base_strength: strength.clone(),
            strength,
            extensions: None,
            note: None,
            revision: 0,
        }
    }

    pub fn count(&self) -> usize {
        self.eval.suspended().len()
    }

    pub fn is_suspended(&self, ix: NodeIx) -> bool {
        self.eval.is_suspended(ix)
    }

    pub fn changed(&self, ix: NodeIx) -> bool {
        self.shown[ix.index()] != self.baseline[ix.index()]
    }

    /// The label `ix` had with nothing suspended, under the same reading.
    pub fn baseline(&self, ix: NodeIx) -> Label {
        self.baseline[ix.index()]
    }

    pub fn label(&self, ix: NodeIx) -> Label {
        self.shown[ix.index()]
    }

    pub fn labels(&self) -> &[Label] {
        &self.shown
    }

    pub fn reading(&self) -> Reading {
        self.reading
    }

    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The strength of `ix` now, and with nothing suspended.
    pub fn strength(&self, ix: NodeIx) -> (f64, f64) {
        (self.strength.get(ix), self.base_strength.get(ix))
    }

    /// Every node's strength now, indexed by [`NodeIx::index`].
    pub fn strengths(&self) -> &[f64] {
        self.strength.values()
    }

    /// The strengths now, with what the cycles left unsettled.
    pub fn strength_now(&self) -> &Strength {
        &self.strength
    }

    /// The acceptance the labels show, while they follow preferred or stable.
    pub fn extensions(&self) -> Option<&Extensions> {
        self.extensions.as_ref()
    }

    pub fn toggle(&mut self, graph: &Graph, ix: NodeIx) {
        self.eval.toggle(ix);
        self.recompute(graph, false);
    }

    pub fn clear(&mut self, graph: &Graph) {
        self.eval.clear();
        self.recompute(graph, false);
    }

    /// After the evaluation's suspensions were changed directly (sources
    /// only): the chosen reading's labels and the strengths follow.
    pub fn refresh(&mut self, graph: &Graph) {
        self.recompute(graph, false);
    }

    /// Follows the next reading; its baseline is computed anew.
    pub fn cycle_reading(&mut self, graph: &Graph) {
        self.reading = self.reading.next();
        self.recompute(graph, true);
    }

    fn suspended(&self, graph: &Graph) -> Vec<bool> {
        graph.indices().map(|ix| self.is_suspended(ix)).collect()
    }

    /// Recomputes strength (linear, cheap) and the chosen reading's
    /// labels; the baseline too when the reading changed.
    fn recompute(&mut self, graph: &Graph, with_baseline: bool) {
        let suspended = self.suspended(graph);
        self.strength = eval::strength(graph, &suspended);
        if with_baseline {
            let none = vec![false; graph.len()];
            self.baseline = match self.reading {
                Reading::Grounded => eval::grounded(graph, &none),
                Reading::Strength => strength_labels(&self.base_strength),
                _ => acceptance_labels(&self.extensions_of(graph, &none)),
            };
        }
        self.extensions = None;
        let (shown, note) = match self.reading {
            // The evaluation relabels incrementally; no need to start over.
            Reading::Grounded => (self.eval.labels().to_vec(), None),
            Reading::Strength => (
                strength_labels(&self.strength),
                strength_note_of(graph, &self.strength, self.reading),
            ),
            _ => {
                let ext = self.extensions_of(graph, &suspended);
                let note = crate::cli::semantics::extension_notes(graph, &ext)
                    .into_iter()
                    .next();
                let labels = acceptance_labels(&ext);
                self.extensions = Some(ext);
                (labels, note)
            }
        };
        self.shown = shown;
        self.note = note;
        self.revision += 1;
    }

    fn extensions_of(&self, graph: &Graph, suspended: &[bool]) -> Extensions {
        let semantics = if self.reading == Reading::Stable {
            Semantics::Stable
        } else {
            Semantics::Preferred
        };
        eval::extensions(graph, semantics, suspended, eval::DEFAULT_BUDGET)
    }
}

fn acceptance_labels(ext: &Extensions) -> Vec<Label> {
    ext.all().iter().map(|&a| acceptance_label(a)).collect()
}

/// Unsettled cycles matter to a reader only while the labels follow strength.
fn strength_note_of(graph: &Graph, s: &Strength, reading: Reading) -> Option<String> {
    (reading == Reading::Strength)
        .then(|| crate::cli::semantics::strength_note(graph, s))
        .flatten()
}

fn strength_labels(s: &Strength) -> Vec<Label> {
    s.values().iter().map(|&v| strength_label(v)).collect()
}

/// Sceptically accepted stands, credulously accepted is arguable (shown
/// as contested), rejected falls; an undecided component stays contested.
pub fn acceptance_label(a: Acceptance) -> Label {
    match a {
        Acceptance::Skeptical => Label::In,
        Acceptance::Credulous | Acceptance::Unknown => Label::Undec,
        Acceptance::Rejected => Label::Out,
    }
}

/// The strength reading's bands (see [`STRENGTH_STANDS`]).
pub fn strength_label(v: f64) -> Label {
    if v >= STRENGTH_STANDS {
        Label::In
    } else if v >= STRENGTH_FALLS {
        Label::Undec
    } else {
        Label::Out
    }
}
