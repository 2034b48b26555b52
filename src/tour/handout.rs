//! Tours as text: the tab-separated lists of the command line and the
//! Markdown handout a class can read along with.

use crate::brief::reach;
use crate::graph::{Graph, Kind, NodeIx, Relation, Side, Tour};
use crate::md;
use crate::text::sanitize_line;

/// `ID<TAB>STEPS<TAB>TITLE`, one line per tour.
pub fn list_tours(graph: &Graph) -> String {
    graph
        .tours
        .iter()
        .map(|t| {
            format!(
                "{}\t{}\t{}\n",
                sanitize_line(&t.id),
                t.steps.len(),
                sanitize_line(&t.title)
            )
        })
        .collect()
}

/// `N<TAB>NODE_ID<TAB>TITLE`, one line per step, N from 1.
pub fn list_steps(graph: &Graph, tour: &Tour) -> String {
    tour.steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let title = graph
                .by_id(&step.node)
                .map(|ix| sanitize_line(&graph.node(ix).title))
                .unwrap_or_default();
            format!("{}\t{}\t{title}\n", i + 1, sanitize_line(&step.node))
        })
        .collect()
}

/// The tour as a Markdown handout: title and description, then for each
/// step its number, the node's title, kind and stance, the narration, the
/// node's text, its quote and source, and what supports and attacks it, as
/// questions for discussion.
pub fn handout(graph: &Graph, tour: &Tour) -> String {
    let stance = Stance::new(graph);
    let mut out = format!("# {}\n\n", md::inline(&tour.title));
    if let Some(d) = &tour.description {
        push_block(&mut out, &md::block(d, ""));
    }
    let count = tour.steps.len();
    let steps = if count == 1 { "step" } else { "steps" };
    out.push_str(&format!(
        "*A tour of “{}” in {count} {steps}.*\n\n",
        md::inline(&graph.title)
    ));
    for (i, step) in tour.steps.iter().enumerate() {
        let Some(ix) = graph.by_id(&step.node) else {
            continue;
        };
        let node = graph.node(ix);
        out.push_str(&format!("## {}. {}\n\n", i + 1, md::inline(&node.title)));
        out.push_str(&format!("*{}*\n\n", stance.describe(graph, ix)));
        push_block(&mut out, &md::block(&step.say, ""));
        if let Some(text) = &node.text {
            let paras = md::paragraphs(text);
            for (j, p) in paras.iter().enumerate() {
                let lead = if j == 0 { "**In the map:** " } else { "" };
                out.push_str(&format!("{lead}{p}\n\n"));
            }
        }
        if let Some(q) = md::quoted_evidence(graph, ix, "") {
            push_block(&mut out, &q);
        }
        discussion(&mut out, graph, ix);
    }
    md::tidy(&out)
}

fn push_block(out: &mut String, block: &str) {
    if !block.is_empty() {
        out.push_str(block);
        out.push_str("\n\n");
    }
}

/// What supports and attacks the node, evidence with its quote.
fn discussion(out: &mut String, graph: &Graph, ix: NodeIx) {
    out.push_str("**For discussion**\n\n");
    if graph.child_count(ix) == 0 {
        out.push_str("Nothing in the map supports or attacks this yet. What would?\n\n");
        return;
    }
    for (relation, heading) in [
        (Relation::Supports, "What supports it:"),
        (Relation::Attacks, "What attacks it:"),
    ] {
        let nodes: Vec<NodeIx> = graph
            .children(ix)
            .filter(|&(_, r)| r == relation)
            .map(|(c, _)| c)
            .collect();
        if nodes.is_empty() {
            continue;
        }
        out.push_str(&format!("{heading}\n\n"));
        for c in nodes {
            let node = graph.node(c);
            out.push_str(&format!(
                "- {} — {}\n",
                md::inline(&node.title),
                md::kind(node)
            ));
            if let Some(q) = md::quoted_evidence(graph, c, "  ") {
                out.push_str(&format!("\n{q}\n\n"));
            }
        }
        out.push('\n');
    }
}

/// Says which side of which thesis a node is on.
struct Stance {
    /// For each thesis, how every node reaches it; empty with one thesis,
    /// where "the thesis" needs no name.
    per_thesis: Vec<(NodeIx, Vec<Option<reach::Reach>>)>,
}

impl Stance {
    fn new(graph: &Graph) -> Stance {
        let per_thesis = if graph.theses().len() > 1 {
            graph
                .theses()
                .iter()
                .map(|&t| (t, reach::reach(graph, t)))
                .collect()
        } else {
            Vec::new()
        };
        Stance { per_thesis }
    }

    /// "claim · for the thesis", or with several theses "claim · for “T”":
    /// the thesis is the nearest one on whose side [`Graph::side`] puts it.
    fn describe(&self, graph: &Graph, ix: NodeIx) -> String {
        let kind = md::kind(graph.node(ix));
        let side = graph.side(ix);
        let word = match side {
            Side::Thesis => return kind,
            Side::For => "for",
            Side::Against => "against",
            Side::None => return format!("{kind} · not linked to a thesis"),
        };
        let nearest = self
            .per_thesis
            .iter()
            .filter_map(|(t, reaches)| {
                let r = reaches[ix.index()]?;
                (r.side == side).then_some((r.depth, *t))
            })
            .min();
        let thesis = match nearest {
            Some((_, t)) if graph.node(t).kind == Kind::Thesis => {
                format!("“{}”", md::inline(&graph.node(t).title))
            }
            _ => "the thesis".to_string(),
        };
        format!("{kind} · {word} {thesis}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::load_str;

    fn fixture() -> Graph {
        load_str("prep.ron", include_str!("../../tests/fixtures/prep.ron"))
            .unwrap()
            .graph
    }

    #[test]
    fn lists_are_tab_separated() {
        let g = fixture();
        assert_eq!(
            list_tours(&g),
            "walkthrough\t6\tThe homework debate in six stops\nshort\t1\tJust the thesis\n"
        );
        let steps = list_steps(&g, &g.tours[0]);
        assert_eq!(steps.lines().count(), 6);
        assert!(
            steps.starts_with("1\tban-homework\tPrimary schools should stop setting homework\n")
        );
    }

    #[test]
    fn handout_has_every_step_with_its_parts() {
        let g = fixture();
        let md = handout(&g, &g.tours[0]);
        // The text of step `n`, up to the next step's heading.
        let step = |n: usize| {
            let start = md.find(&format!("\n## {n}. ")).expect("step heading");
            let end = md[start + 1..]
                .find("\n## ")
                .map_or(md.len(), |e| start + 1 + e);
            &md[start..end]
        };
        let has = |n: usize, needle: &str| {
            assert!(
                step(n).contains(needle),
                "{needle:?} not in step {n}:\n{}",
                step(n)
            );
        };
        assert!(md.starts_with("# The homework debate in six stops\n\nFor a class meeting"));
        assert!(md.contains("*A tour of “Homework in primary schools” in 6 steps.*"));
        has(
            1,
            "Primary schools should stop setting homework\n\n*thesis*",
        );
        has(2, "*claim · for the thesis*");
        has(2, "**In the map:** Gains from homework appear");
        has(
            2,
            "- A review finds no measurable gain below age eleven — evidence",
        );
        has(3, "What the research review found.");
        has(3, "> Across the studies reviewed");
        has(
            3,
            "> — R. Okafor, *Homework in primary schools: a research review*",
        );
        has(
            4,
            "What attacks it:\n\n- Habits can be taught in school hours — rebuttal",
        );
        has(5, "*rebuttal · for the thesis*");
        has(6, "*rebuttal · against the thesis*");
        has(6, "Nothing in the map supports or attacks this yet");
        assert_eq!(md.matches("**For discussion**").count(), 6);
    }

    #[test]
    fn with_several_theses_the_stance_names_one() {
        let text = r#"Debate(title: "t", nodes: [
            Node(id: "a", kind: Thesis, title: "Option A"),
            Node(id: "b", kind: Thesis, title: "Option B"),
            Node(id: "x", kind: Claim, title: "x", supports: ["b"]),
            Node(id: "y", kind: Rebuttal, title: "y", attacks: ["x"]),
        ], tours: [Tour(id: "t", title: "T", steps: [
            Step(node: "y", say: "s"), Step(node: "a", say: "s"),
        ])])"#;
        let g = load_str("t", text).unwrap().graph;
        let md = handout(&g, &g.tours[0]);
        assert!(md.contains("*rebuttal · against “Option B”*"), "{md}");
        assert!(md.contains("*thesis*"), "{md}");
    }
}
