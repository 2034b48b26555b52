//! The detail pane's "Why": the focused node's label explained under the
//! semantics the labels follow, in words a debater uses, and the nodes the
//! explanation names (the pane links to each of them).

use crate::eval::{Acceptance, WhyAccepted, why_accepted};
use crate::graph::{Graph, NodeIx};
use crate::text::sanitize_line;
use crate::tui::whatif::{RECOMPUTING, Reading, STRENGTH_FALLS, STRENGTH_STANDS, WhatIf};

/// The explanation of `ix`'s label under the reading `w` follows.
pub fn lines(g: &Graph, w: &WhatIf, ix: NodeIx) -> Vec<String> {
    if w.is_suspended(ix) {
        return vec!["Suspended for what-if: treated as absent, it attacks nothing.".into()];
    }
    match (w.reading(), w.extensions()) {
        (Reading::Grounded, _) => grounded(g, &w.eval, ix),
        (Reading::Strength, _) if w.strength_pending() => vec![format!("strength: {RECOMPUTING}")],
        (Reading::Strength, _) => strength(g, w, ix),
        (reading, Some(ext)) => accepted(g, reading, &why_accepted(g, ext, ix)),
        (reading, None) => vec![format!("{}: {RECOMPUTING}", reading.name())],
    }
}

/// The nodes [`lines`] names, each once, in the order it names them.
pub fn named(g: &Graph, w: &WhatIf, ix: NodeIx) -> Vec<NodeIx> {
    if w.is_suspended(ix) {
        return Vec::new();
    }
    let mut out: Vec<NodeIx> = match (w.reading(), w.extensions()) {
        (Reading::Grounded, _) => return crate::eval::why_nodes(g, &w.eval, ix),
        (Reading::Strength, _) if w.strength_pending() => Vec::new(),
        (Reading::Strength, _) => {
            let b = crate::eval::breakdown(g, w.strength_now(), ix);
            let suspended = g.attackers(ix).iter().chain(g.supporters(ix));
            b.strongest_attacker
                .into_iter()
                .chain(b.strongest_supporter)
                .chain(suspended.copied().filter(|&n| w.is_suspended(n)))
                .collect()
        }
        (_, Some(ext)) => {
            let why = why_accepted(g, ext, ix);
            match why.acceptance {
                Acceptance::Skeptical => why.refuted,
                Acceptance::Rejected if why.no_extension => Vec::new(),
                Acceptance::Rejected if !why.defeated_by.is_empty() => why.defeated_by,
                Acceptance::Credulous | Acceptance::Rejected => why.conflicts,
                Acceptance::Unknown => Vec::new(),
            }
        }
        (_, None) => Vec::new(),
    };
    let mut seen = std::collections::HashSet::new();
    out.retain(|&n| seen.insert(n));
    out
}

/// Preferred or stable: in every extension, some, or none, and what
/// decides it.
fn accepted(g: &Graph, reading: Reading, why: &WhyAccepted) -> Vec<String> {
    let name = reading.name();
    let (every, some) = if reading == Reading::Stable {
        (
            "every position that takes a stand on every point (keeping or refuting each) keeps it",
            "positions that take a stand on every point",
        )
    } else {
        (
            "every consistent position that answers all attacks keeps it",
            "consistent positions that answer all attacks",
        )
    };
    match why.acceptance {
        Acceptance::Skeptical => {
            let mut v = vec![format!("Accepted in every {name} extension: {every}.")];
            v.push(match why.refuted.len() {
                0 => "Nothing attacks it that any such position keeps.".into(),
                1 => format!(
                    "Its attacker {} holds in no such position.",
                    names(g, &why.refuted)
                ),
                _ => format!(
                    "Its attackers {} hold in no such position.",
                    names(g, &why.refuted)
                ),
            });
            v
        }
        Acceptance::Credulous => {
            let mut v = vec![format!(
                "Arguable (credulous under {name}): some {some} keep it, others do not."
            )];
            let those = if why.conflicts.len() == 1 {
                "that one"
            } else {
                "those"
            };
            v.push(if why.conflicts.is_empty() {
                "Whether it holds turns on arguable points further along the attacks.".into()
            } else {
                format!(
                    "It conflicts with {}: a position that keeps this point gives up {those}, and the other way round.",
                    names(g, &why.conflicts)
                )
            });
            v
        }
        Acceptance::Rejected if why.no_extension => vec![format!(
            "Rejected: the map has no {name} extension. An odd cycle of attacks leaves a point no position can settle, so under {name} every point falls."
        )],
        Acceptance::Rejected if !why.defeated_by.is_empty() => vec![format!(
            "Rejected: in no {name} extension. {} holds in every one, and attacks it.",
            names(g, &why.defeated_by)
        )],
        Acceptance::Rejected => {
            let mut v = vec![format!(
                "Rejected: in no {name} extension; none of the {some} can keep it."
            )];
            if !why.conflicts.is_empty() {
                v.push(format!(
                    "It cannot be defended against {}.",
                    names(g, &why.conflicts)
                ));
            }
            v
        }
        Acceptance::Unknown => vec![format!(
            "Undecided: the search for {name} extensions ran out of its budget on the tangle of attacks this point sits in."
        )],
    }
}

/// Strength: the base score, attack and support combined, the strongest
/// attacker and supporter, and the band the result falls in.
fn strength(g: &Graph, w: &WhatIf, ix: NodeIx) -> Vec<String> {
    let s = w.strength_now();
    let b = crate::eval::breakdown(g, s, ix);
    let v = s.get(ix);
    let start = if g.node(ix).weight.is_some() {
        "its weight"
    } else {
        "every point's start"
    };
    let mut out = vec![format!(
        "Strength {v:.2}: it starts at {:.2} ({start}).",
        b.base
    )];
    let count = |n: usize, one: &str| match n {
        0 => format!("no {one}"),
        1 => format!("its one {one}"),
        n => format!("its {n} {one}s"),
    };
    if b.attackers + b.supporters == 0 {
        out.push("Nothing supports or attacks it, so it keeps its start.".into());
    } else {
        out.push(format!(
            "Support {:.2} from {}, attack {:.2} from {} (each combined as 1 − Π(1 − s)).",
            b.support,
            count(b.supporters, "supporter"),
            b.attack,
            count(b.attackers, "attacker")
        ));
        let (t, a, su) = (b.base, b.attack, b.support);
        out.push(if su > a {
            format!(
                "Support outweighs attack, so it rises: {t:.2} + {:.2} × ({su:.2} − {a:.2}) = {v:.2}.",
                1.0 - t
            )
        } else if a > su {
            format!(
                "Attack outweighs support, so it drops: {t:.2} − {t:.2} × ({a:.2} − {su:.2}) = {v:.2}."
            )
        } else {
            "Attack and support cancel out, so it keeps its start.".into()
        });
    }
    let suspended: Vec<NodeIx> = g
        .attackers(ix)
        .iter()
        .chain(g.supporters(ix))
        .copied()
        .filter(|&n| w.is_suspended(n))
        .collect();
    if !suspended.is_empty() {
        out.push(format!(
            "Suspended (what-if), so counted as 0: {}.",
            names(g, &suspended)
        ));
    }
    if let Some(a) = b.strongest_attacker {
        out.push(format!(
            "Strongest attacker: {} ({:.2}).",
            title(g, a),
            s.get(a)
        ));
    }
    if let Some(su) = b.strongest_supporter {
        out.push(format!(
            "Strongest supporter: {} ({:.2}).",
            title(g, su),
            s.get(su)
        ));
    }
    out.push(if v >= STRENGTH_STANDS {
        format!("At {STRENGTH_STANDS:.2} or more a point stands.")
    } else if v >= STRENGTH_FALLS {
        format!("From {STRENGTH_FALLS:.2} to under {STRENGTH_STANDS:.2} a point is weakened.")
    } else {
        format!("Under {STRENGTH_FALLS:.2} a point falls.")
    });
    out
}

/// How many nodes the "why" names in its sentences; all of them are links
/// below it anyway.
const MAX_NAMED: usize = 6;

/// A node's title as a "why" quotes it: short, in quotation marks.
fn title(g: &Graph, i: NodeIx) -> String {
    format!(
        "“{}”",
        crate::text::truncate(&sanitize_line(&g.node(i).title), 50)
    )
}

/// Up to [`MAX_NAMED`] titles, "“a”, “b” and “c”", then how many more.
fn names(g: &Graph, nodes: &[NodeIx]) -> String {
    let mut named: Vec<String> = nodes.iter().take(MAX_NAMED).map(|&n| title(g, n)).collect();
    if nodes.len() > MAX_NAMED {
        named.push(format!("{} more", nodes.len() - MAX_NAMED));
    }
    match named.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => named.concat(),
    }
}

/// Grounded: the evaluation's "why" in words.
fn grounded(g: &Graph, eval: &crate::eval::Evaluation, ix: NodeIx) -> Vec<String> {
    use crate::eval::{Answer, Why, why};
    let title = |i: NodeIx| title(g, i);
    // A long chain is named by its ends.
    let chain = |nodes: &[NodeIx]| {
        let mut names: Vec<String> = Vec::new();
        for (k, &n) in nodes.iter().enumerate() {
            if nodes.len() > MAX_NAMED * 2 && k == MAX_NAMED {
                names.push(format!("({} more)", nodes.len() - MAX_NAMED - 2));
            }
            if nodes.len() <= MAX_NAMED * 2 || k < MAX_NAMED || k >= nodes.len() - 2 {
                names.push(title(n));
            }
        }
        names.join(" → ")
    };
    match why(g, eval, ix) {
        Why::Suspended => {
            vec!["Suspended for what-if: treated as absent, it attacks nothing.".into()]
        }
        Why::Unattacked => vec!["Nothing attacks it, so it stands.".into()],
        Why::Defended { defences } => {
            let mut v = vec!["It stands: every attacker falls.".to_string()];
            let more = defences.len().saturating_sub(MAX_NAMED);
            for d in defences.into_iter().take(MAX_NAMED) {
                v.push(match d.answer {
                    Answer::DefeatedBy(by) => {
                        format!("{} falls to {}", title(d.attacker), title(by))
                    }
                    Answer::Suspended => format!("{} is suspended (what-if)", title(d.attacker)),
                });
            }
            if more > 0 {
                v.push(format!("… and {more} more attackers, each answered."));
            }
            v
        }
        Why::Defeated { by } => {
            let mut names: Vec<String> = by.iter().take(MAX_NAMED).map(|&n| title(n)).collect();
            if by.len() > MAX_NAMED {
                names.push(format!("{} more", by.len() - MAX_NAMED));
            }
            vec![format!(
                "It falls: {} stands against it.",
                names.join(" and ")
            )]
        }
        Why::OnCycle { cycle } if cycle.is_empty() => {
            vec!["Contested: it depends on an unresolved cycle of attacks.".into()]
        }
        Why::DependsOnCycle { cycle, .. } if cycle.is_empty() => {
            vec!["Contested: an attacker of it is itself unresolved.".into()]
        }
        Why::OnCycle { cycle } if cycle.len() == 1 => {
            vec!["Contested: it attacks itself.".into()]
        }
        Why::OnCycle { cycle } => {
            let mut c = cycle.clone();
            c.push(cycle[0]);
            vec![format!(
                "Contested: it sits on a cycle of attacks no point settles: {}.",
                chain(&c)
            )]
        }
        Why::DependsOnCycle {
            attacker,
            path,
            cycle,
        } => {
            let mut c = cycle.clone();
            c.push(cycle[0]);
            vec![
                format!(
                    "Contested: its attacker {} is itself unresolved,",
                    title(attacker)
                ),
                format!(
                    "because it depends on the cycle {} (via {}).",
                    chain(&c),
                    chain(&path)
                ),
            ]
        }
    }
}
