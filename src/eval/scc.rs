//! Strongly connected components in topological order, for the semantics
//! that are computed component by component (preferred, stable, strength).

use crate::graph::NodeIx;

/// The components of a graph restricted to some of its nodes, each a run of
/// [`Sccs::nodes`]; a component comes after every component that has an
/// edge into it (sources first).
#[derive(Debug, Clone, Default)]
pub(crate) struct Sccs {
    nodes: Vec<NodeIx>,
    starts: Vec<u32>,
}

impl Sccs {
    pub(crate) fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The `i`th component, in topological order.
    pub(crate) fn get(&self, i: usize) -> &[NodeIx] {
        &self.nodes[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &[NodeIx]> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// Tarjan's algorithm over the edges *into* each node (`preds`), without
/// recursion, so that a chain of a million nodes cannot overflow the stack.
/// Walking edges backwards makes Tarjan emit a component only after every
/// component that reaches it: topological order, sources first. Nodes with
/// `keep` false are left out, and so are edges from them.
pub(crate) fn sccs<'a>(
    n: usize,
    keep: impl Fn(NodeIx) -> bool,
    preds: impl Fn(NodeIx) -> &'a [NodeIx],
) -> Sccs {
    const UNSEEN: u32 = u32::MAX;
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<NodeIx> = Vec::new();
    // (node, position in its predecessor list)
    let mut call: Vec<(NodeIx, u32)> = Vec::new();
    let mut out = Sccs {
        nodes: Vec::with_capacity(n),
        starts: vec![0],
    };
    let mut next = 0u32;
    for root in (0..n as u32).map(NodeIx) {
        if index[root.index()] != UNSEEN || !keep(root) {
            continue;
        }
        call.push((root, 0));
        index[root.index()] = next;
        low[root.index()] = next;
        next += 1;
        stack.push(root);
        on_stack[root.index()] = true;
        while let Some(&mut (v, ref mut pos)) = call.last_mut() {
            let list = preds(v);
            if let Some(&w) = list.get(*pos as usize) {
                *pos += 1;
                if !keep(w) {
                    continue;
                }
                if index[w.index()] == UNSEEN {
                    index[w.index()] = next;
                    low[w.index()] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w.index()] = true;
                    call.push((w, 0));
                } else if on_stack[w.index()] {
                    low[v.index()] = low[v.index()].min(index[w.index()]);
                }
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent.index()] = low[parent.index()].min(low[v.index()]);
            }
            if low[v.index()] == index[v.index()] {
                loop {
                    let w = stack.pop().expect("v is on the stack");
                    on_stack[w.index()] = false;
                    out.nodes.push(w);
                    if w == v {
                        break;
                    }
                }
                out.starts.push(out.nodes.len() as u32);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preds_of(n: usize, edges: &[(u32, u32)]) -> Vec<Vec<NodeIx>> {
        let mut preds = vec![Vec::new(); n];
        for &(a, b) in edges {
            preds[b as usize].push(NodeIx(a));
        }
        preds
    }

    fn components(n: usize, edges: &[(u32, u32)]) -> Vec<Vec<u32>> {
        let preds = preds_of(n, edges);
        let s = sccs(n, |_| true, |v| &preds[v.index()]);
        s.iter()
            .map(|c| {
                let mut c: Vec<u32> = c.iter().map(|v| v.0).collect();
                c.sort();
                c
            })
            .collect()
    }

    #[test]
    fn a_chain_comes_out_sources_first() {
        assert_eq!(
            components(3, &[(2, 1), (1, 0)]),
            [vec![2], vec![1], vec![0]]
        );
    }

    #[test]
    fn cycles_are_one_component_after_what_feeds_them() {
        let c = components(5, &[(0, 1), (1, 2), (2, 1), (2, 3), (4, 0)]);
        assert_eq!(c, [vec![4], vec![0], vec![1, 2], vec![3]]);
    }

    #[test]
    fn left_out_nodes_cut_their_edges() {
        let preds = preds_of(3, &[(0, 1), (1, 2), (2, 0)]);
        let s = sccs(3, |v| v.0 != 1, |v| &preds[v.index()]);
        let c: Vec<Vec<u32>> = s.iter().map(|c| c.iter().map(|v| v.0).collect()).collect();
        assert_eq!(c, [vec![2], vec![0]]);
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let n = 200_000u32;
        let edges: Vec<(u32, u32)> = (1..n).map(|i| (i, i - 1)).collect();
        let preds = preds_of(n as usize, &edges);
        let s = sccs(n as usize, |_| true, |v| &preds[v.index()]);
        assert_eq!(s.len(), n as usize);
        assert_eq!(s.get(0), [NodeIx(n - 1)]);
    }
}
