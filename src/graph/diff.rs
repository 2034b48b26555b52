//! What changed between two versions of a debate, node by node (by id):
//! what a reload tells the reader.

use std::fmt;

use super::{Graph, NodeIx};

/// Counts of nodes added, removed and changed (in a field or a relation),
/// and whether anything beyond the nodes (title, sources, tours) changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    pub other: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }
}

/// Compares two graphs; linear in their sizes.
pub fn diff(old: &Graph, new: &Graph) -> Changes {
    let mut c = Changes::default();
    for ix in new.indices() {
        let node = new.node(ix);
        match old.by_id(&node.id) {
            None => c.added += 1,
            Some(o) if old.node(o) != node || !same_relations(old, o, new, ix) => c.changed += 1,
            Some(_) => {}
        }
    }
    c.removed = old
        .indices()
        .filter(|&ix| new.by_id(&old.node(ix).id).is_none())
        .count();
    c.other = old.title != new.title
        || old.description != new.description
        || old.question != new.question
        || old.sources != new.sources
        || old.tours != new.tours;
    c
}

/// Whether a node supports and attacks the same ids in both graphs.
fn same_relations(old: &Graph, o: NodeIx, new: &Graph, n: NodeIx) -> bool {
    let ids = |g: &Graph, list: &[NodeIx]| -> Vec<String> {
        list.iter().map(|&ix| g.node(ix).id.clone()).collect()
    };
    ids(old, old.supports(o)) == ids(new, new.supports(n))
        && ids(old, old.attacks(o)) == ids(new, new.attacks(n))
}

/// "3 nodes added, 1 changed", or "no change"; "the title, sources or
/// tours changed" when only those did.
impl fmt::Display for Changes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        let noun = |n: usize| if n == 1 { "node" } else { "nodes" };
        let counts = [
            (self.added, "added"),
            (self.removed, "removed"),
            (self.changed, "changed"),
        ];
        for (n, what) in counts.into_iter().filter(|(n, _)| *n > 0) {
            if parts.is_empty() {
                parts.push(format!("{n} {} {what}", noun(n)));
            } else {
                parts.push(format!("{n} {what}"));
            }
        }
        if self.other {
            parts.push("the title, sources or tours changed".into());
        }
        if parts.is_empty() {
            f.write_str("no change")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::load_str;

    fn g(nodes: &str) -> Graph {
        let text = format!("Debate(title: \"T\", nodes: [{nodes}])");
        load_str("t.ron", &text).expect("loads").graph
    }

    const T: &str = "(id: \"t\", kind: Thesis, title: \"T\")";

    #[test]
    fn counts_added_removed_and_changed_by_id() {
        let old = g(&format!(
            "{T}, (id: \"a\", kind: Claim, title: \"A\", supports: [\"t\"]), (id: \"b\", kind: Claim, title: \"B\", supports: [\"t\"])"
        ));
        let new = g(&format!(
            "{T}, (id: \"a\", kind: Claim, title: \"A2\", supports: [\"t\"]), (id: \"c\", kind: Claim, title: \"C\", attacks: [\"t\"]), (id: \"d\", kind: Claim, title: \"D\", attacks: [\"t\"])"
        ));
        let c = diff(&old, &new);
        assert_eq!((c.added, c.removed, c.changed, c.other), (2, 1, 1, false));
        assert_eq!(c.to_string(), "2 nodes added, 1 removed, 1 changed");
    }

    #[test]
    fn a_new_relation_is_a_change_and_order_of_nodes_is_not() {
        let old = g(&format!(
            "{T}, (id: \"a\", kind: Claim, title: \"A\", supports: [\"t\"]), (id: \"b\", kind: Claim, title: \"B\", supports: [\"t\"])"
        ));
        let new = g(&format!(
            "(id: \"b\", kind: Claim, title: \"B\", supports: [\"t\"]), {T}, (id: \"a\", kind: Claim, title: \"A\", supports: [\"t\"], attacks: [\"b\"])"
        ));
        let c = diff(&old, &new);
        assert_eq!(c.to_string(), "1 node changed");
        assert_eq!(diff(&old, &old).to_string(), "no change");
    }
}
