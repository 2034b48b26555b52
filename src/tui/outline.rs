//! The outline: the graph unfolded as a tree from its roots. A node with
//! several parents appears under each; a node already on the path above it
//! (an attack cycle) is shown once more, marked, and does not unfold again.
//! Rows are rebuilt only when something is expanded or collapsed, and a
//! frame draws only the rows on screen.

use std::collections::{HashSet, VecDeque};

use crate::graph::{Graph, NodeIx, Relation, Side};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub node: NodeIx,
    pub depth: usize,
    /// How this node relates to the row it sits under (none for a root).
    pub relation: Option<Relation>,
    /// The nodes from the root down to this one, inclusive.
    pub path: Vec<NodeIx>,
    pub expanded: bool,
    pub children: usize,
    /// The node appears in more than one place.
    pub shared: bool,
    /// The node is already on the path above: a cycle of attacks.
    pub cycle: bool,
}

#[derive(Debug, Clone)]
pub struct Outline {
    roots: Vec<NodeIx>,
    /// `is_root[i]`: node `i` is a root (a set, since a graph can have
    /// thousands of unattached roots and paths are looked up per keystroke).
    is_root: Vec<bool>,
    expanded: HashSet<Vec<NodeIx>>,
    pub rows: Vec<Row>,
}

impl Outline {
    /// Theses are the roots; nodes that reach no thesis get roots of their
    /// own so that every node can be found in the outline.
    pub fn new(graph: &Graph) -> Outline {
        let mut roots: Vec<NodeIx> = graph.theses().to_vec();
        let mut covered = vec![false; graph.len()];
        let mark = |root: NodeIx, covered: &mut Vec<bool>| {
            let mut queue = VecDeque::from([root]);
            covered[root.index()] = true;
            while let Some(ix) = queue.pop_front() {
                for (c, _) in graph.children(ix) {
                    if !covered[c.index()] {
                        covered[c.index()] = true;
                        queue.push_back(c);
                    }
                }
            }
        };
        for &r in &roots {
            mark(r, &mut covered);
        }
        // Unreached nodes: first those that point at nothing, then any left (pure cycles).
        let unreached: Vec<NodeIx> = graph
            .indices()
            .filter(|&ix| graph.side(ix) == Side::None)
            .collect();
        for pass in 0..2 {
            for &ix in &unreached {
                if !covered[ix.index()] && (pass == 1 || graph.parents(ix).next().is_none()) {
                    roots.push(ix);
                    mark(ix, &mut covered);
                }
            }
        }
        let expanded = roots.iter().map(|&r| vec![r]).collect();
        let mut is_root = vec![false; graph.len()];
        for &r in &roots {
            is_root[r.index()] = true;
        }
        let mut outline = Outline {
            is_root,
            roots,
            expanded,
            rows: Vec::new(),
        };
        outline.rebuild(graph);
        outline
    }

    pub fn roots(&self) -> &[NodeIx] {
        &self.roots
    }

    /// Unfolds the expanded paths into rows, depth first.
    pub fn rebuild(&mut self, graph: &Graph) {
        self.rows.clear();
        let mut stack: Vec<(NodeIx, Option<Relation>, Vec<NodeIx>)> = self
            .roots
            .iter()
            .rev()
            .map(|&r| (r, None, Vec::new()))
            .collect();
        while let Some((node, relation, parent_path)) = stack.pop() {
            let cycle = parent_path.contains(&node);
            let mut path = parent_path;
            path.push(node);
            let children = graph.child_count(node);
            let expanded = !cycle && children > 0 && self.expanded.contains(&path);
            let parents = graph.supports(node).len() + graph.attacks(node).len();
            if expanded {
                let kids: Vec<(NodeIx, Relation)> = graph.children(node).collect();
                for (c, rel) in kids.into_iter().rev() {
                    stack.push((c, Some(rel), path.clone()));
                }
            }
            self.rows.push(Row {
                node,
                depth: path.len() - 1,
                relation,
                path,
                expanded,
                children,
                shared: parents > 1,
                cycle,
            });
        }
    }

    /// The expanded branches, each as its path from a root.
    pub fn expanded_paths(&self) -> impl Iterator<Item = &Vec<NodeIx>> {
        self.expanded.iter()
    }

    pub fn set_expanded(&mut self, graph: &Graph, path: &[NodeIx], on: bool) {
        if on {
            self.expanded.insert(path.to_vec());
        } else {
            self.expanded.remove(path);
        }
        self.rebuild(graph);
    }

    /// The row index of `path`, if it is shown.
    pub fn row_of_path(&self, path: &[NodeIx]) -> Option<usize> {
        self.rows.iter().position(|r| r.path == path)
    }

    /// Makes `node` visible under its shortest path from a root, expanding
    /// what is needed, and returns its row.
    pub fn reveal(&mut self, graph: &Graph, node: NodeIx) -> Option<usize> {
        if let Some(i) = self.rows.iter().position(|r| r.node == node) {
            return Some(i);
        }
        let path = self.path_to(graph, node)?;
        for end in 1..path.len() {
            self.expanded.insert(path[..end].to_vec());
        }
        self.rebuild(graph);
        self.row_of_path(&path)
    }

    /// Shortest path from a root down to `node`, following parent links up.
    pub fn path_to(&self, graph: &Graph, node: NodeIx) -> Option<Vec<NodeIx>> {
        let mut prev: std::collections::HashMap<NodeIx, NodeIx> = Default::default();
        let mut queue = VecDeque::from([node]);
        let mut seen = HashSet::from([node]);
        while let Some(ix) = queue.pop_front() {
            if self.is_root[ix.index()] {
                let mut path = vec![ix];
                let mut cur = ix;
                while let Some(&next) = prev.get(&cur) {
                    path.push(next);
                    cur = next;
                }
                return Some(path);
            }
            for (p, _) in graph.parents(ix) {
                if seen.insert(p) {
                    prev.insert(p, ix);
                    queue.push_back(p);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::load_str;

    fn graph(src: &str) -> Graph {
        load_str("t.ron", src).expect("valid").graph
    }

    const SMALL: &str = r#"(title: "T", nodes: [
        (id: "t", kind: Thesis, title: "T"),
        (id: "a", kind: Claim, title: "A", supports: ["t"]),
        (id: "b", kind: Claim, title: "B", attacks: ["t"]),
        (id: "shared", kind: Claim, title: "S", supports: ["a", "b"]),
        (id: "x", kind: Rebuttal, title: "X", attacks: ["b"]),
        (id: "y", kind: Rebuttal, title: "Y", attacks: ["x"]),
        (id: "z", kind: Rebuttal, title: "Z", attacks: ["y"]),
    ])"#;

    #[test]
    fn starts_with_theses_unfolded_one_level() {
        let g = graph(SMALL);
        let o = Outline::new(&g);
        let ids: Vec<&str> = o.rows.iter().map(|r| g.node(r.node).id.as_str()).collect();
        assert_eq!(ids, ["t", "a", "b"]);
        assert_eq!(o.rows[2].relation, Some(Relation::Attacks));
    }

    #[test]
    fn shared_nodes_appear_under_each_parent() {
        let g = graph(SMALL);
        let mut o = Outline::new(&g);
        let a = o.rows[1].path.clone();
        let b = o.rows[2].path.clone();
        o.set_expanded(&g, &a, true);
        o.set_expanded(&g, &b, true);
        let shared = g.by_id("shared").unwrap();
        let places: Vec<&Row> = o.rows.iter().filter(|r| r.node == shared).collect();
        assert_eq!(places.len(), 2);
        assert!(places.iter().all(|r| r.shared));
    }

    #[test]
    fn attack_cycles_do_not_unfold_forever() {
        let g = graph(
            r#"(title: "T", nodes: [
            (id: "t", kind: Thesis, title: "T"),
            (id: "a", kind: Claim, title: "A", attacks: ["t", "b"]),
            (id: "b", kind: Claim, title: "B", attacks: ["a"]),
        ])"#,
        );
        let mut o = Outline::new(&g);
        for _ in 0..5 {
            let paths: Vec<Vec<NodeIx>> = o.rows.iter().map(|r| r.path.clone()).collect();
            for p in paths {
                o.set_expanded(&g, &p, true);
            }
        }
        assert!(o.rows.len() < 10, "{} rows", o.rows.len());
        assert!(o.rows.iter().any(|r| r.cycle));
    }

    #[test]
    fn reveal_expands_the_shortest_path() {
        let g = graph(SMALL);
        let mut o = Outline::new(&g);
        let z = g.by_id("z").unwrap();
        let row = o.reveal(&g, z).expect("reachable");
        let ids: Vec<&str> = o.rows[row]
            .path
            .iter()
            .map(|&i| g.node(i).id.as_str())
            .collect();
        assert_eq!(ids, ["t", "b", "x", "y", "z"]);
    }
}
