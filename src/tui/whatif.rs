//! What-if evaluation: labels under the user's suspensions and the
//! semantics the user chose, which labels differ from the full map's, and
//! every node's strength.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

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

/// What the screen says of a result still being recomputed; a message
/// ending with it is completed when the result arrives.
pub const RECOMPUTING: &str = "recomputing…";

/// What-if evaluation: labels under the current suspensions and reading,
/// and which labels differ from the full map's.
///
/// Grounded labels follow every change at once (the evaluation relabels
/// incrementally). Strength and the preferred and stable searches can take
/// long on a big map, so each change asks for a [`Job`]: run inline, or, in
/// the background (the terminal loop's choice), handed to a worker whose
/// [`Recomputed`] comes back later. Meanwhile the labels shown are the
/// grounded ones, and [`WhatIf::labels_pending`] and
/// [`WhatIf::strength_pending`] say what is being recomputed; a result for
/// a what-if that has changed since is dropped.
#[derive(Debug, Clone)]
pub struct WhatIf {
    pub eval: Evaluation,
    reading: Reading,
    /// The labels shown with the current suspensions, and with none, under
    /// `reading` (under grounded while a recomputation is pending).
    shown: Vec<Label>,
    baseline: Vec<Label>,
    /// The grounded labels with nothing suspended.
    grounded_baseline: Vec<Label>,
    /// The reading's labels with nothing suspended, kept while the reading
    /// stays (none until first computed).
    reading_baseline: Option<Vec<Label>>,
    strength: Strength,
    base_strength: Strength,
    /// The acceptance behind `shown` while it follows preferred or stable.
    extensions: Option<Extensions>,
    /// A note on the reading (no stable extension, budget ran out, …).
    note: Option<String>,
    /// Goes up each time `shown` may have changed.
    revision: u64,
    /// The recomputation waited for, by generation.
    pending: Option<u64>,
    /// The suspensions changed since `strength` was computed.
    strength_stale: bool,
    /// The job not yet handed to a worker.
    job: Option<Job>,
    /// Jobs go to a worker (true) or run at once (false).
    background: bool,
}

/// Generations are unique in the process, so a result computed for an
/// earlier map (before a reload) can never pass for a current one.
static GENERATION: AtomicU64 = AtomicU64::new(1);

/// What a worker computes for one what-if: strength, and the reading's
/// labels when it is preferred or stable.
#[derive(Debug, Clone)]
pub struct Job {
    generation: u64,
    graph: Arc<Graph>,
    suspended: Vec<bool>,
    reading: Reading,
    /// The reading's labels with nothing suspended are wanted too.
    with_baseline: bool,
}

/// A job's result.
#[derive(Debug, Clone)]
pub struct Recomputed {
    generation: u64,
    strength: Strength,
    /// The reading's labels, its note and acceptance (preferred and
    /// stable only).
    extensions: Option<(Vec<Label>, Option<String>, Extensions)>,
    baseline: Option<Vec<Label>>,
    /// Cycles that did not settle, in words (strength reading only).
    strength_note: Option<String>,
}

impl Job {
    /// Does the work; pure, and safe on any thread.
    pub fn run(self) -> Recomputed {
        let g = &*self.graph;
        let strength = eval::strength(g, &self.suspended);
        let semantics = match self.reading {
            Reading::Preferred => Some(Semantics::Preferred),
            Reading::Stable => Some(Semantics::Stable),
            Reading::Grounded | Reading::Strength => None,
        };
        let extensions = semantics.map(|sem| {
            let ext = eval::extensions(g, sem, &self.suspended, eval::DEFAULT_BUDGET);
            let note = crate::cli::semantics::extension_notes(g, &ext)
                .into_iter()
                .next();
            (acceptance_labels(&ext), note, ext)
        });
        let baseline = semantics.filter(|_| self.with_baseline).map(|sem| {
            let none = vec![false; g.len()];
            acceptance_labels(&eval::extensions(g, sem, &none, eval::DEFAULT_BUDGET))
        });
        let strength_note = (self.reading == Reading::Strength)
            .then(|| crate::cli::semantics::strength_note(g, &strength))
            .flatten();
        Recomputed {
            generation: self.generation,
            strength,
            extensions,
            baseline,
            strength_note,
        }
    }
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
            grounded_baseline: eval.labels().to_vec(),
            reading_baseline: None,
            eval,
            reading: Reading::Grounded,
            base_strength: strength.clone(),
            strength,
            extensions: None,
            note: None,
            revision: 0,
            pending: None,
            strength_stale: false,
            job: None,
            background: false,
        }
    }

    /// From now on jobs wait for [`WhatIf::take_job`] instead of running
    /// at once.
    pub fn set_background(&mut self, background: bool) {
        self.background = background;
    }

    pub fn background(&self) -> bool {
        self.background
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

    /// The semantics chosen.
    pub fn reading(&self) -> Reading {
        self.reading
    }

    /// The semantics the labels shown follow now: grounded while the
    /// chosen one is being recomputed.
    pub fn shown_reading(&self) -> Reading {
        if self.labels_pending() {
            Reading::Grounded
        } else {
            self.reading
        }
    }

    /// The strengths wait for a recomputation (those held are of the
    /// last what-if).
    pub fn strength_pending(&self) -> bool {
        self.pending.is_some() && self.strength_stale
    }

    /// The chosen reading's labels wait for a recomputation.
    pub fn labels_pending(&self) -> bool {
        self.pending.is_some() && self.reading != Reading::Grounded
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
        self.extensions.as_ref().filter(|_| !self.labels_pending())
    }

    pub fn toggle(&mut self, graph: &Arc<Graph>, ix: NodeIx) {
        self.eval.toggle(ix);
        self.refresh(graph);
    }

    pub fn clear(&mut self, graph: &Arc<Graph>) {
        self.eval.clear();
        self.refresh(graph);
    }

    /// After the evaluation's suspensions were changed directly (sources
    /// only): the chosen reading's labels and the strengths follow.
    pub fn refresh(&mut self, graph: &Arc<Graph>) {
        self.strength_stale = true;
        self.recompute(graph, false);
    }

    /// Follows the next reading; its baseline is computed anew.
    pub fn cycle_reading(&mut self, graph: &Arc<Graph>) {
        self.reading = self.reading.next();
        self.reading_baseline = None;
        self.recompute(graph, true);
    }

    /// The job waiting for a worker, if any (background only).
    pub fn take_job(&mut self) -> Option<Job> {
        self.job.take()
    }

    /// Takes a worker's result. One for a what-if that has changed since
    /// is dropped (false); the current one is shown (true).
    pub fn receive(&mut self, done: Recomputed) -> bool {
        if self.pending != Some(done.generation) || done.strength.values().len() != self.shown.len()
        {
            return false;
        }
        self.pending = None;
        self.strength_stale = false;
        self.strength = done.strength;
        if let Some(baseline) = done.baseline {
            self.reading_baseline = Some(baseline);
        }
        self.extensions = None;
        self.note = None;
        match (self.reading, done.extensions) {
            (Reading::Grounded, _) => {}
            (Reading::Strength, _) => {
                self.shown = strength_labels(&self.strength);
                self.note = done.strength_note;
            }
            (_, Some((labels, note, ext))) => {
                self.shown = labels;
                self.note = note;
                self.extensions = Some(ext);
            }
            (_, None) => {}
        }
        self.baseline = match self.reading {
            Reading::Grounded => self.grounded_baseline.clone(),
            Reading::Strength => strength_labels(&self.base_strength),
            _ => self
                .reading_baseline
                .clone()
                .unwrap_or_else(|| self.grounded_baseline.clone()),
        };
        self.revision += 1;
        true
    }

    fn suspended(&self, graph: &Graph) -> Vec<bool> {
        graph.indices().map(|ix| self.is_suspended(ix)).collect()
    }

    /// Shows the grounded labels at once and asks for the rest: strength
    /// if the suspensions changed, and the reading's labels (its baseline
    /// too when the reading changed). Grounded, and strength already
    /// known, need no job.
    fn recompute(&mut self, graph: &Arc<Graph>, with_baseline: bool) {
        let generation = GENERATION.fetch_add(1, Ordering::Relaxed);
        self.shown = self.eval.labels().to_vec();
        self.baseline = self.grounded_baseline.clone();
        self.extensions = None;
        self.note = None;
        self.pending = Some(generation);
        self.revision += 1;
        let searches = matches!(self.reading, Reading::Preferred | Reading::Stable);
        if !self.strength_stale && !searches {
            // Nothing to wait for: what is shown follows at once.
            let strength = self.strength.clone();
            let strength_note = (self.reading == Reading::Strength)
                .then(|| crate::cli::semantics::strength_note(graph, &strength))
                .flatten();
            self.receive(Recomputed {
                generation,
                strength,
                extensions: None,
                baseline: None,
                strength_note,
            });
            self.job = None;
            return;
        }
        let job = Job {
            generation,
            graph: graph.clone(),
            suspended: self.suspended(graph),
            reading: self.reading,
            with_baseline: with_baseline || self.reading_baseline.is_none(),
        };
        if self.background {
            self.job = Some(job);
        } else {
            self.job = None;
            self.receive(job.run());
        }
    }
}

fn acceptance_labels(ext: &Extensions) -> Vec<Label> {
    ext.all().iter().map(|&a| acceptance_label(a)).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// a and b attack each other, b attacks c: grounded leaves all three
    /// contested; preferred finds two positions, {a, c} and {b}.
    fn map() -> Arc<Graph> {
        let text = r#"Debate(title: "t", nodes: [
            Node(id: "a", kind: Claim, title: "a", attacks: ["b"]),
            Node(id: "b", kind: Claim, title: "b", attacks: ["a", "c"]),
            Node(id: "c", kind: Claim, title: "c"),
        ])"#;
        Arc::new(crate::graph::load_str("t", text).unwrap().graph)
    }

    #[test]
    fn in_the_background_grounded_shows_at_once_and_a_stale_result_is_dropped() {
        let g = map();
        let (a, c) = (g.by_id("a").unwrap(), g.by_id("c").unwrap());
        let mut w = WhatIf::new(&g);
        w.set_background(true);
        w.cycle_reading(&g);
        assert_eq!(w.reading(), Reading::Preferred);
        let first = w.take_job().expect("a job for the new reading");
        // Until it is back: grounded's labels, said to be grounded's.
        assert!(w.labels_pending());
        assert_eq!(w.shown_reading(), Reading::Grounded);
        assert_eq!(w.label(c), Label::Undec);
        assert!(w.extensions().is_none());
        // The what-if changes before the result arrives: a is suspended,
        // so b stands and c falls, at once under grounded.
        w.toggle(&g, a);
        assert_eq!(w.label(c), Label::Out);
        let second = w.take_job().expect("a job for the new what-if");
        assert!(w.take_job().is_none());
        let revision = w.revision();
        assert!(!w.receive(first.run()), "the stale result is dropped");
        assert!(w.labels_pending());
        assert_eq!(w.revision(), revision);
        let twice = second.clone();
        assert!(w.receive(second.run()));
        assert!(!w.labels_pending() && !w.strength_pending());
        assert_eq!(w.shown_reading(), Reading::Preferred);
        assert_eq!(w.label(c), Label::Out);
        // Its baseline is preferred's with nothing suspended: c arguable.
        assert_eq!(w.baseline(c), Label::Undec);
        assert!(w.changed(c));
        assert!(w.extensions().is_some());
        // Nothing is pending any more: the same result again is dropped.
        assert!(!w.receive(twice.run()));
    }

    #[test]
    fn inline_the_result_is_there_when_the_call_returns() {
        let g = map();
        let mut w = WhatIf::new(&g);
        w.cycle_reading(&g);
        assert!(!w.labels_pending() && w.take_job().is_none());
        assert_eq!(w.shown_reading(), Reading::Preferred);
        let strength = eval::strength(&g, &[false; 3]);
        assert_eq!(w.strengths(), strength.values());
    }
}
