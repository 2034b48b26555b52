//! Guided tours for a classroom: a presenter model a view can drive, and a
//! printable handout.
//!
//! Progressive reveal: at each stop the node is shown alone; the nodes that
//! relate to it start hidden and [`Presenter::reveal_next`] shows them one
//! at a time, supporters first, then attackers, each in file order: the
//! order of the outline ([`Graph::children`]), so a class first hears why
//! a point is made and then what is said against it. Moving to another stop
//! hides them again.

mod handout;

use crate::graph::{Graph, NodeIx, Relation};

pub use handout::{handout, list_steps, list_tours};

/// One stop of a tour, resolved against the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    pub node: NodeIx,
    /// What the presenter says here.
    pub say: String,
    /// The nodes relating to this one, in reveal order, with how each
    /// relates to it (`Supports`: it supports this stop's node).
    pub related: Vec<(NodeIx, Relation)>,
}

/// Where a presenter is in a tour and what it has revealed. Owns its data
/// (no borrow of the graph), so a view can keep it beside the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presenter {
    tour: usize,
    stops: Vec<Stop>,
    at: usize,
    /// How many of the current stop's related nodes are shown.
    shown: usize,
}

impl Presenter {
    /// Starts tour number `tour_index` of the graph at its first stop. None
    /// when there is no such tour or it has no stop naming a known node
    /// (steps naming unknown nodes are skipped; a validated file has none).
    pub fn new(graph: &Graph, tour_index: usize) -> Option<Presenter> {
        let tour = graph.tours.get(tour_index)?;
        let stops: Vec<Stop> = tour
            .steps
            .iter()
            .filter_map(|step| {
                let node = graph.by_id(&step.node)?;
                Some(Stop {
                    node,
                    say: step.say.clone(),
                    related: graph.children(node).collect(),
                })
            })
            .collect();
        if stops.is_empty() {
            return None;
        }
        Some(Presenter {
            tour: tour_index,
            stops,
            at: 0,
            shown: 0,
        })
    }

    /// The tour's place in [`Graph::tours`].
    pub fn tour_index(&self) -> usize {
        self.tour
    }

    /// The current stop.
    pub fn step(&self) -> &Stop {
        &self.stops[self.at]
    }

    pub fn stops(&self) -> &[Stop] {
        &self.stops
    }

    /// Moves to the next stop; false (and no change) at the last.
    // A cursor moving over stops, not an iterator yielding them: `next` and
    // `prev` read as the presenter's two keys.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> bool {
        self.go_to(self.at + 1)
    }

    /// Moves to the previous stop; false (and no change) at the first.
    pub fn prev(&mut self) -> bool {
        self.at > 0 && self.go_to(self.at - 1)
    }

    /// Jumps to stop `index` (0-based), hiding what was revealed; false
    /// (and no change) when there is no such stop.
    pub fn go_to(&mut self, index: usize) -> bool {
        if index >= self.stops.len() {
            return false;
        }
        self.at = index;
        self.shown = 0;
        true
    }

    pub fn is_first(&self) -> bool {
        self.at == 0
    }

    pub fn is_last(&self) -> bool {
        self.at + 1 == self.stops.len()
    }

    /// (current stop, 1-based; number of stops).
    pub fn counter(&self) -> (usize, usize) {
        (self.at + 1, self.stops.len())
    }

    /// The nodes of the stops so far, the current one last; a node the tour
    /// visits twice appears twice, as the class saw it.
    pub fn path_so_far(&self) -> Vec<NodeIx> {
        self.stops[..=self.at].iter().map(|s| s.node).collect()
    }

    /// Shows the next hidden node related to the current stop, and returns it.
    pub fn reveal_next(&mut self) -> Option<(NodeIx, Relation)> {
        let next = *self.step().related.get(self.shown)?;
        self.shown += 1;
        Some(next)
    }

    /// Shows every node related to the current stop.
    pub fn reveal_all(&mut self) {
        self.shown = self.step().related.len();
    }

    /// Hides again what was revealed at the current stop.
    pub fn hide_all(&mut self) {
        self.shown = 0;
    }

    /// What is revealed at the current stop, in reveal order.
    pub fn revealed(&self) -> &[(NodeIx, Relation)] {
        &self.step().related[..self.shown]
    }

    pub fn hidden_count(&self) -> usize {
        self.step().related.len() - self.shown
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

    fn ids(g: &Graph, nodes: &[NodeIx]) -> Vec<String> {
        nodes.iter().map(|&ix| g.node(ix).id.clone()).collect()
    }

    #[test]
    fn walks_forward_and_back_within_bounds() {
        let g = fixture();
        let mut p = Presenter::new(&g, 0).unwrap();
        assert!(p.is_first() && !p.is_last());
        assert_eq!(p.counter(), (1, 6));
        assert!(!p.prev());
        assert_eq!(p.counter(), (1, 6));
        while p.next() {}
        assert!(p.is_last());
        assert_eq!(p.counter(), (6, 6));
        assert_eq!(g.node(p.step().node).id, "habits-early");
        assert!(!p.next());
        assert!(p.prev());
        assert_eq!(p.counter(), (5, 6));
        assert_eq!(p.step().say, "One answer to it.");
        assert!(!p.go_to(6));
        assert!(p.go_to(0) && p.is_first());
    }

    #[test]
    fn the_path_grows_with_each_stop() {
        let g = fixture();
        let mut p = Presenter::new(&g, 0).unwrap();
        assert_eq!(ids(&g, &p.path_so_far()), ["ban-homework"]);
        p.next();
        p.next();
        assert_eq!(
            ids(&g, &p.path_so_far()),
            ["ban-homework", "little-benefit", "review-primary"]
        );
    }

    #[test]
    fn reveals_supporters_then_attackers_one_at_a_time() {
        let g = fixture();
        let mut p = Presenter::new(&g, 0).unwrap();
        // The thesis: three supporters, then three attackers.
        assert_eq!(p.hidden_count(), 6);
        assert!(p.revealed().is_empty());
        let mut order = Vec::new();
        while let Some((ix, rel)) = p.reveal_next() {
            order.push((g.node(ix).id.as_str(), rel));
        }
        assert_eq!(
            order,
            [
                ("little-benefit", Relation::Supports),
                ("family-time", Relation::Supports),
                ("inequality", Relation::Supports),
                ("habits", Relation::Attacks),
                ("parents-informed", Relation::Attacks),
                ("teacher-choice", Relation::Attacks),
            ]
        );
        assert_eq!(p.hidden_count(), 0);
        assert_eq!(p.revealed().len(), 6);
        assert_eq!(p.reveal_next(), None);
    }

    #[test]
    fn moving_hides_what_was_revealed() {
        let g = fixture();
        let mut p = Presenter::new(&g, 0).unwrap();
        p.next();
        p.reveal_next();
        assert_eq!(p.revealed().len(), 1);
        assert_eq!(p.hidden_count(), 1);
        p.next();
        assert!(p.revealed().is_empty());
        // Evidence with nothing relating to it.
        assert_eq!(p.hidden_count(), 0);
        p.prev();
        assert!(p.revealed().is_empty());
        p.reveal_all();
        assert_eq!(p.hidden_count(), 0);
        assert_eq!(
            ids(&g, &p.revealed().iter().map(|r| r.0).collect::<Vec<_>>()),
            ["review-primary", "teacher-survey"]
        );
        p.hide_all();
        assert_eq!(p.hidden_count(), 2);
    }

    #[test]
    fn no_presenter_for_a_missing_or_empty_tour() {
        let g = fixture();
        assert!(Presenter::new(&g, 2).is_none());
        let text = r#"Debate(title: "t", nodes: [Node(id: "t", kind: Thesis, title: "T")],
            tours: [Tour(id: "empty", title: "E", steps: [])])"#;
        // Validation refuses such a tour; the presenter must not rely on it.
        let g = Graph::from_file(crate::graph::parse_ron(text).unwrap());
        assert!(Presenter::new(&g, 0).is_none());
    }
}
