//! The outline order shared by the tree-shaped formats (Markdown, Argdown):
//! each thesis with the nodes that support or attack it below, recursively.
//! A node reached again is visited once more but not expanded, so the
//! outline stays linear in the size of the graph. Nodes that reach no
//! thesis follow, tops (nodes that point at nothing) first.

use crate::graph::{Graph, NodeIx, Relation};

/// One line of the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    pub ix: NodeIx,
    /// 0 for a root.
    pub depth: usize,
    /// How this node relates to the one above it; `None` for a root.
    pub relation: Option<Relation>,
    /// False when the node was already written higher up.
    pub first: bool,
    /// True for roots and their subtrees that reach no thesis.
    pub detached: bool,
}

/// The whole outline, iteratively (deep chains cannot overflow the stack).
pub fn walk(graph: &Graph) -> Vec<Visit> {
    let mut expanded = vec![false; graph.len()];
    let mut out = Vec::with_capacity(graph.len());
    for &t in graph.theses() {
        expand(graph, t, false, &mut expanded, &mut out);
    }
    let tops = graph
        .indices()
        .filter(|&ix| graph.parents(ix).next().is_none());
    let rest: Vec<NodeIx> = tops.chain(graph.indices()).collect();
    for ix in rest {
        if !expanded[ix.index()] {
            expand(graph, ix, true, &mut expanded, &mut out);
        }
    }
    out
}

fn expand(
    graph: &Graph,
    root: NodeIx,
    detached: bool,
    expanded: &mut [bool],
    out: &mut Vec<Visit>,
) {
    let mut stack = vec![(root, 0usize, None)];
    while let Some((ix, depth, relation)) = stack.pop() {
        let first = !expanded[ix.index()];
        out.push(Visit {
            ix,
            depth,
            relation,
            first,
            detached,
        });
        if first {
            expanded[ix.index()] = true;
            let children: Vec<_> = graph.children(ix).collect();
            for (child, rel) in children.into_iter().rev() {
                stack.push((child, depth + 1, Some(rel)));
            }
        }
    }
}
