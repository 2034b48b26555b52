//! `agon eval --semantics preferred|stable|strength`: the semantics beyond
//! grounded, as text lines, as notes on standard error, and as the fields
//! they add to `--json`.

use std::io::{self, Write};

use serde::Serialize;

use crate::eval::{self, Extensions, Semantics, Strength};
use crate::graph::{Graph, NodeIx};
use crate::text::sanitize_line;

/// What `agon eval` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Choice {
    /// in, out or undec: the most cautious reading (the default).
    #[default]
    Grounded,
    /// skeptical, credulous or rejected across the preferred extensions.
    Preferred,
    /// skeptical, credulous or rejected across the stable extensions.
    Stable,
    /// DF-QuAD strength from 0 to 1, counting supports as well as attacks.
    Strength,
}

/// How many components or cycles a note names before it says "and N more".
const NAMED: usize = 5;
/// How many ids of one component a note names.
const IDS: usize = 6;

/// Prints `ID<TAB>VALUE` lines for a semantics other than grounded, in
/// `order`, and its notes (no stable extension, undecided components,
/// unsettled cycles) on standard error.
pub fn write_text(
    out: impl Write,
    graph: &Graph,
    choice: Choice,
    suspended: &[bool],
    order: &[NodeIx],
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    match choice {
        Choice::Grounded => unreachable!("grounded is printed by agon eval itself"),
        Choice::Preferred | Choice::Stable => {
            let semantics = if choice == Choice::Preferred {
                Semantics::Preferred
            } else {
                Semantics::Stable
            };
            let ext = eval::extensions(graph, semantics, suspended, eval::DEFAULT_BUDGET);
            for note in extension_notes(graph, &ext) {
                eprintln!("{note}");
            }
            for &ix in order {
                let id = sanitize_line(&graph.node(ix).id);
                writeln!(out, "{id}\t{}", ext.get(ix).name())?;
            }
        }
        Choice::Strength => {
            let s = eval::strength(graph, suspended);
            if let Some(note) = strength_note(graph, &s) {
                eprintln!("{note}");
            }
            for &ix in order {
                let id = sanitize_line(&graph.node(ix).id);
                writeln!(out, "{id}\t{:.4}", s.get(ix))?;
            }
        }
    }
    out.flush()
}

/// What a reader of the labels must know: that no stable extension
/// exists, or which components the budget left undecided.
pub fn extension_notes(graph: &Graph, ext: &Extensions) -> Vec<String> {
    let name = ext.semantics().name();
    let mut notes = Vec::new();
    if ext.exists() == Some(false) {
        notes.push(format!(
            "{name}: no stable extension exists (an odd cycle of attacks cannot be settled \
             all in or out), so every node is rejected"
        ));
    }
    if !ext.undecided().is_empty() {
        notes.push(format!(
            "{name}: the search budget ran out; these tangles of attacks are left undecided \
             (labelled unknown): {}",
            name_components(graph, ext.undecided())
        ));
        if ext.exists().is_none() {
            notes.push(format!(
                "{name}: whether a stable extension exists is unknown; the other labels hold \
                 if one does"
            ));
        }
    }
    notes
}

/// The note for cycles whose strengths did not settle, if any.
pub fn strength_note(graph: &Graph, s: &Strength) -> Option<String> {
    (!s.converged()).then(|| {
        format!(
            "strength: these cycles did not settle within {} rounds (fewer for a cycle of \
             millions of edges); their strengths are the last round's: {}",
            eval::MAX_ROUNDS,
            name_components(graph, s.unconverged())
        )
    })
}

/// `{a, b, c}, {d, e} and 3 more`, each set cut to a few ids.
fn name_components(graph: &Graph, components: &[Vec<NodeIx>]) -> String {
    let mut parts: Vec<String> = components
        .iter()
        .take(NAMED)
        .map(|c| {
            let mut ids: Vec<String> = c
                .iter()
                .take(IDS)
                .map(|&ix| sanitize_line(&graph.node(ix).id))
                .collect();
            if c.len() > IDS {
                ids.push(format!("… {} nodes in all", c.len()));
            }
            format!("{{{}}}", ids.join(", "))
        })
        .collect();
    if components.len() > NAMED {
        parts.push(format!("and {} more", components.len() - NAMED));
    }
    parts.join(", ")
}

/// The fields every semantics adds to `--json`, beside the grounded ones.
#[derive(Serialize)]
pub struct JsonSummary {
    /// Whether a stable extension exists; null when the budget left it open.
    stable_exists: Option<bool>,
    /// Components left undecided by the budget, per semantics.
    undecided: Undecided,
    /// Cycles whose strengths did not settle.
    unconverged: Vec<Vec<String>>,
}

#[derive(Serialize)]
struct Undecided {
    preferred: Vec<Vec<String>>,
    stable: Vec<Vec<String>>,
}

/// Every semantics beyond grounded, computed once for `--json`.
pub struct All {
    preferred: Extensions,
    stable: Extensions,
    strength: Strength,
}

/// One node's fields beyond grounded in `--json`.
#[derive(Serialize)]
pub struct JsonNode {
    preferred: &'static str,
    stable: &'static str,
    strength: f64,
}

impl All {
    pub fn new(graph: &Graph, suspended: &[bool]) -> All {
        let ext = |s| eval::extensions(graph, s, suspended, eval::DEFAULT_BUDGET);
        All {
            preferred: ext(Semantics::Preferred),
            stable: ext(Semantics::Stable),
            strength: eval::strength(graph, suspended),
        }
    }

    pub fn node(&self, ix: NodeIx) -> JsonNode {
        JsonNode {
            preferred: self.preferred.get(ix).name(),
            stable: self.stable.get(ix).name(),
            // Rounded so the JSON does not carry float noise past what matters.
            strength: (self.strength.get(ix) * 1e6).round() / 1e6,
        }
    }

    pub fn summary(&self, graph: &Graph) -> JsonSummary {
        let ids = |list: &[Vec<NodeIx>]| -> Vec<Vec<String>> {
            list.iter()
                .map(|c| c.iter().map(|&ix| graph.node(ix).id.clone()).collect())
                .collect()
        };
        JsonSummary {
            stable_exists: self.stable.exists(),
            undecided: Undecided {
                preferred: ids(self.preferred.undecided()),
                stable: ids(self.stable.undecided()),
            },
            unconverged: ids(self.strength.unconverged()),
        }
    }
}
