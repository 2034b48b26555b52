//! Relations in compressed rows: the targets of node `i` are
//! `targets[offsets[i]..offsets[i + 1]]`. One type serves the index (built
//! from an edge list) and validation (filled row by row as the file is read).

use super::model::NodeIx;

#[derive(Debug, Clone, Default)]
pub(crate) struct Adjacency {
    offsets: Vec<u32>,
    targets: Vec<NodeIx>,
}

impl Adjacency {
    /// Rows for `n` nodes from their edges, each row in edge order. `edges`
    /// is walked twice (count, then fill), so no copy of it is needed.
    pub(crate) fn from_edges<I>(n: usize, edges: I) -> Adjacency
    where
        I: Iterator<Item = (NodeIx, NodeIx)> + Clone,
    {
        let mut offsets = vec![0u32; n + 1];
        let mut count = 0;
        for (from, _) in edges.clone() {
            offsets[from.index() + 1] += 1;
            count += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![NodeIx(0); count];
        for (from, to) in edges {
            let slot = &mut fill[from.index()];
            targets[*slot as usize] = to;
            *slot += 1;
        }
        Adjacency { offsets, targets }
    }

    /// No rows yet, room for `nodes` of them; fill with [`Adjacency::push`]
    /// and [`Adjacency::end_row`].
    pub(crate) fn with_capacity(nodes: usize) -> Adjacency {
        let mut offsets = Vec::with_capacity(nodes + 1);
        offsets.push(0);
        Adjacency {
            offsets,
            targets: Vec::with_capacity(nodes),
        }
    }

    /// Adds a target to the row being filled.
    pub(crate) fn push(&mut self, target: NodeIx) {
        self.targets.push(target);
    }

    /// Closes the row being filled; the next push starts the next node's.
    pub(crate) fn end_row(&mut self) {
        self.offsets.push(self.targets.len() as u32);
    }

    /// The targets of the row being filled.
    pub(crate) fn current(&self) -> &[NodeIx] {
        let start = *self.offsets.last().unwrap_or(&0) as usize;
        &self.targets[start..]
    }

    /// The targets of node `ix`.
    pub(crate) fn get(&self, ix: NodeIx) -> &[NodeIx] {
        let i = ix.index();
        &self.targets[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// Every edge, row by row: `(node, target)`.
    pub(crate) fn edges(&self) -> impl Iterator<Item = (NodeIx, NodeIx)> + Clone + '_ {
        self.offsets.windows(2).enumerate().flat_map(|(i, w)| {
            self.targets[w[0] as usize..w[1] as usize]
                .iter()
                .map(move |&t| (NodeIx(i as u32), t))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ix(v: &[u32]) -> Vec<NodeIx> {
        v.iter().map(|&i| NodeIx(i)).collect()
    }

    #[test]
    fn rows_filled_one_by_one_read_back_as_built_from_edges() {
        let edges = [(0, 2), (2, 0), (0, 1), (2, 1)].map(|(a, b)| (NodeIx(a), NodeIx(b)));
        let built = Adjacency::from_edges(3, edges.iter().copied());
        let mut filled = Adjacency::with_capacity(3);
        for row in [&[2, 1][..], &[], &[0, 1]] {
            for &t in row {
                filled.push(NodeIx(t));
            }
            assert_eq!(filled.current(), ix(row).as_slice());
            filled.end_row();
        }
        for i in 0..3 {
            assert_eq!(built.get(NodeIx(i)), filled.get(NodeIx(i)));
        }
        assert_eq!(built.get(NodeIx(0)), ix(&[2, 1]).as_slice());
        assert!(built.get(NodeIx(1)).is_empty());
        let listed: Vec<_> = filled.edges().collect();
        assert_eq!(listed, vec![edges[0], edges[2], edges[1], edges[3]]);
    }
}
