//! Sides relative to one chosen thesis. [`Graph::side`] answers for the
//! thesis a node reaches first; a brief is written about one thesis, so a
//! node that only reaches another thesis is no point of this brief.

use std::collections::VecDeque;

use crate::graph::{Graph, Kind, NodeIx, Side};

/// How a node reaches the chosen thesis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    /// For or against the thesis (the thesis itself is [`Side::Thesis`]).
    pub side: Side,
    /// Relations on the shortest path to the thesis: 1 for a direct point.
    pub depth: usize,
}

/// Breadth-first from `thesis` down incoming relations, by the rule of
/// [`Graph::side`]: a supporter keeps its target's side, an attacker takes
/// the other; a node reached by several paths keeps its shortest. With one
/// thesis the sides equal [`Graph::side`]. `None`: the node does not reach
/// this thesis. An index outside the graph reaches nothing.
pub fn reach(graph: &Graph, thesis: NodeIx) -> Vec<Option<Reach>> {
    let mut out: Vec<Option<Reach>> = vec![None; graph.len()];
    if thesis.index() >= graph.len() {
        return out;
    }
    out[thesis.index()] = Some(Reach {
        side: Side::Thesis,
        depth: 0,
    });
    let mut queue = VecDeque::from([thesis]);
    while let Some(ix) = queue.pop_front() {
        let Some(here) = out[ix.index()] else {
            continue;
        };
        let side = match here.side {
            Side::Thesis => Side::For,
            other => other,
        };
        let next = graph
            .supporters(ix)
            .iter()
            .map(|&s| (s, side))
            .chain(graph.attackers(ix).iter().map(|&a| (a, side.flip())));
        for (child, side) in next {
            // Another thesis is never a point about this one.
            if out[child.index()].is_some() || graph.node(child).kind == Kind::Thesis {
                continue;
            }
            out[child.index()] = Some(Reach {
                side,
                depth: here.depth + 1,
            });
            queue.push_back(child);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::load_str;

    const TWO_THESES: &str = r#"Debate(title: "t", nodes: [
        Node(id: "a", kind: Thesis, title: "A"),
        Node(id: "b", kind: Thesis, title: "B"),
        Node(id: "pro-a", kind: Claim, title: "pro a", supports: ["a"]),
        Node(id: "con-a-pro-b", kind: Claim, title: "x", attacks: ["a"], supports: ["b"]),
        Node(id: "reb", kind: Rebuttal, title: "r", attacks: ["con-a-pro-b"]),
        Node(id: "only-b", kind: Claim, title: "y", supports: ["b"]),
    ])"#;

    #[test]
    fn sides_and_depths_toward_each_thesis() {
        let g = load_str("t", TWO_THESES).unwrap().graph;
        let ix = |id| g.by_id(id).unwrap();
        let toward_a = reach(&g, ix("a"));
        let at = |r: &[Option<Reach>], id| r[ix(id).index()];
        assert_eq!(at(&toward_a, "pro-a").map(|r| r.side), Some(Side::For));
        assert_eq!(
            at(&toward_a, "con-a-pro-b"),
            Some(Reach {
                side: Side::Against,
                depth: 1
            })
        );
        assert_eq!(
            at(&toward_a, "reb"),
            Some(Reach {
                side: Side::For,
                depth: 2
            })
        );
        assert_eq!(at(&toward_a, "only-b"), None);
        assert_eq!(at(&toward_a, "b"), None);
        let toward_b = reach(&g, ix("b"));
        assert_eq!(
            at(&toward_b, "con-a-pro-b").map(|r| r.side),
            Some(Side::For)
        );
        assert_eq!(at(&toward_b, "reb").map(|r| r.side), Some(Side::Against));
    }

    #[test]
    fn with_one_thesis_it_agrees_with_graph_side() {
        // Several paths of different lengths and signs to the same nodes.
        let text = r#"Debate(title: "t", nodes: [
            Node(id: "t", kind: Thesis, title: "T"),
            Node(id: "c1", kind: Claim, title: "c1", supports: ["t"]),
            Node(id: "c2", kind: Claim, title: "c2", attacks: ["t", "c1"]),
            Node(id: "r1", kind: Rebuttal, title: "r1", attacks: ["c2"]),
            Node(id: "e1", kind: Evidence, title: "e1", supports: ["r1", "c2"]),
            Node(id: "r2", kind: Rebuttal, title: "r2", attacks: ["r1", "e1"]),
            Node(id: "lost", kind: Claim, title: "lost"),
        ])"#;
        let g = load_str("t", text).unwrap().graph;
        let t = g.theses()[0];
        for (i, r) in reach(&g, t).into_iter().enumerate() {
            let ix = NodeIx(i as u32);
            assert_eq!(
                r.map_or(Side::None, |r| r.side),
                g.side(ix),
                "{}",
                g.node(ix).id
            );
        }
    }

    #[test]
    fn an_index_outside_the_graph_reaches_nothing() {
        let g = load_str("t", TWO_THESES).unwrap().graph;
        assert!(reach(&g, NodeIx(99)).iter().all(Option::is_none));
    }
}
