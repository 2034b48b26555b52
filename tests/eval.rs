//! The grounded labelling, what-if and explanations, checked against
//! textbook frameworks with known answers and against a naive fixed-point
//! computation on random frameworks.

mod common;

use agon::eval::{
    Answer, Defence, Evaluation, Label, ThesisSummary, Why, grounded, thesis_summary, why,
};
use agon::graph::{Graph, Kind, Node, NodeIx};
use common::file;
use proptest::prelude::*;

use Label::{In, Out, Undec};

/// A framework of claims named by `ids`, with `attacks` as (attacker, target) names.
fn framework(ids: &[&str], attacks: &[(&str, &str)]) -> Graph {
    let nodes = ids
        .iter()
        .map(|&id| {
            let mut node = Node::new(id, Kind::Claim, id);
            node.attacks = attacks
                .iter()
                .filter(|(a, _)| *a == id)
                .map(|(_, t)| t.to_string())
                .collect();
            node
        })
        .collect();
    Graph::from_file(file(nodes))
}

/// A framework over nodes `0..n` named `n0`, `n1`, … from index pairs.
fn indexed(n: usize, attacks: &[(usize, usize)]) -> Graph {
    let names: Vec<String> = (0..n).map(|i| format!("n{i}")).collect();
    let pairs: Vec<(&str, &str)> = attacks
        .iter()
        .map(|&(a, t)| (names[a].as_str(), names[t].as_str()))
        .collect();
    let ids: Vec<&str> = names.iter().map(String::as_str).collect();
    framework(&ids, &pairs)
}

fn ix(g: &Graph, id: &str) -> NodeIx {
    g.by_id(id).unwrap_or_else(|| panic!("no node {id}"))
}

/// The labels of the named nodes, in the order given.
fn labels_of(g: &Graph, labels: &[Label], ids: &[&str]) -> Vec<Label> {
    ids.iter().map(|id| labels[ix(g, id).index()]).collect()
}

// ---------------------------------------------------------------- textbook

#[test]
fn an_unattacked_argument_is_in() {
    let g = framework(&["a"], &[]);
    assert_eq!(grounded(&g, &[]), vec![In]);
    let eval = Evaluation::new(&g);
    assert_eq!(why(&g, &eval, ix(&g, "a")), Why::Unattacked);
}

#[test]
fn an_attack_by_an_unattacked_argument_defeats() {
    let g = framework(&["a", "b"], &[("a", "b")]);
    assert_eq!(labels_of(&g, &grounded(&g, &[]), &["a", "b"]), [In, Out]);
    let eval = Evaluation::new(&g);
    assert_eq!(
        why(&g, &eval, ix(&g, "b")),
        Why::Defeated {
            by: vec![ix(&g, "a")]
        }
    );
}

#[test]
fn a_chain_reinstates_every_other_argument() {
    let g = framework(&["a", "b", "c"], &[("a", "b"), ("b", "c")]);
    assert_eq!(
        labels_of(&g, &grounded(&g, &[]), &["a", "b", "c"]),
        [In, Out, In]
    );
    let eval = Evaluation::new(&g);
    assert_eq!(
        why(&g, &eval, ix(&g, "c")),
        Why::Defended {
            defences: vec![Defence {
                attacker: ix(&g, "b"),
                answer: Answer::DefeatedBy(ix(&g, "a")),
            }]
        }
    );
}

#[test]
fn an_odd_cycle_is_undecided() {
    let g = framework(&["a", "b", "c"], &[("a", "b"), ("b", "c"), ("c", "a")]);
    assert_eq!(grounded(&g, &[]), vec![Undec; 3]);
    let eval = Evaluation::new(&g);
    // The cycle starts at the node asked about and follows the attacks.
    assert_eq!(
        why(&g, &eval, ix(&g, "b")),
        Why::OnCycle {
            cycle: vec![ix(&g, "b"), ix(&g, "c"), ix(&g, "a")]
        }
    );
}

#[test]
fn an_even_cycle_is_undecided_in_grounded_semantics() {
    let g = framework(&["a", "b"], &[("a", "b"), ("b", "a")]);
    assert_eq!(grounded(&g, &[]), vec![Undec; 2]);
    let eval = Evaluation::new(&g);
    assert_eq!(
        why(&g, &eval, ix(&g, "a")),
        Why::OnCycle {
            cycle: vec![ix(&g, "a"), ix(&g, "b")]
        }
    );
}

#[test]
fn a_self_attacker_is_undecided_and_so_is_its_victim() {
    let g = framework(&["a", "b"], &[("a", "a"), ("a", "b")]);
    assert_eq!(grounded(&g, &[]), vec![Undec; 2]);
    let eval = Evaluation::new(&g);
    let a = ix(&g, "a");
    assert_eq!(why(&g, &eval, a), Why::OnCycle { cycle: vec![a] });
    assert_eq!(
        why(&g, &eval, ix(&g, "b")),
        Why::DependsOnCycle {
            attacker: a,
            path: vec![a],
            cycle: vec![a]
        }
    );
}

#[test]
fn an_argument_is_defended_when_its_attacker_is_defeated_by_another() {
    // b and c attack a; d defeats both, so a stands.
    let g = framework(
        &["a", "b", "c", "d"],
        &[("c", "a"), ("b", "a"), ("d", "c"), ("d", "b")],
    );
    assert_eq!(
        labels_of(&g, &grounded(&g, &[]), &["a", "b", "c", "d"]),
        [In, Out, Out, In]
    );
    let eval = Evaluation::new(&g);
    let (a, b, c, d) = (ix(&g, "a"), ix(&g, "b"), ix(&g, "c"), ix(&g, "d"));
    let Why::Defended { defences } = why(&g, &eval, a) else {
        panic!("a should be defended");
    };
    let mut defences = defences;
    defences.sort_by_key(|d| d.attacker);
    assert_eq!(
        defences,
        vec![
            Defence {
                attacker: b,
                answer: Answer::DefeatedBy(d)
            },
            Defence {
                attacker: c,
                answer: Answer::DefeatedBy(d)
            },
        ]
    );
}

#[test]
fn a_node_fed_by_a_cycle_names_the_attacker_and_the_cycle() {
    // x ↔ y is an even cycle; y attacks p, p attacks q: q depends on the cycle
    // through p, and the path runs from the cycle to p.
    let g = framework(
        &["x", "y", "p", "q"],
        &[("x", "y"), ("y", "x"), ("y", "p"), ("p", "q")],
    );
    let eval = Evaluation::new(&g);
    let (x, y, p, q) = (ix(&g, "x"), ix(&g, "y"), ix(&g, "p"), ix(&g, "q"));
    assert_eq!(eval.labels(), &[Undec; 4]);
    assert_eq!(
        why(&g, &eval, q),
        Why::DependsOnCycle {
            attacker: p,
            path: vec![y, p],
            cycle: vec![y, x]
        }
    );
}

#[test]
fn a_node_on_a_cycle_names_that_cycle_even_when_fed_by_another() {
    // a ↔ b, and a third cycle c ↔ d feeds a: a is still on its own cycle.
    let g = framework(
        &["a", "b", "c", "d"],
        &[("a", "b"), ("b", "a"), ("c", "d"), ("d", "c"), ("c", "a")],
    );
    let eval = Evaluation::new(&g);
    let (a, b) = (ix(&g, "a"), ix(&g, "b"));
    assert_eq!(why(&g, &eval, a), Why::OnCycle { cycle: vec![a, b] });
}

#[test]
fn duplicate_attacks_count_once_in_explanations() {
    let g = framework(&["a", "b"], &[("a", "b"), ("a", "b")]);
    let eval = Evaluation::new(&g);
    assert_eq!(eval.labels(), &[In, Out]);
    assert_eq!(
        why(&g, &eval, ix(&g, "b")),
        Why::Defeated {
            by: vec![ix(&g, "a")]
        }
    );
}

// ------------------------------------------------------------------ what-if

#[test]
fn a_suspended_node_attacks_nothing_and_its_victims_re_evaluate() {
    let g = framework(&["a", "b", "c"], &[("a", "b"), ("b", "c")]);
    let (a, b, c) = (ix(&g, "a"), ix(&g, "b"), ix(&g, "c"));
    let mut eval = Evaluation::new(&g);
    assert!(eval.suspend(a));
    assert_eq!(
        (eval.label(a), eval.label(b), eval.label(c)),
        (Out, In, Out)
    );
    assert_eq!(why(&g, &eval, a), Why::Suspended);
    assert_eq!(
        why(&g, &eval, b),
        Why::Defended {
            defences: vec![Defence {
                attacker: a,
                answer: Answer::Suspended
            }]
        }
    );
    assert!(eval.changed_since_baseline(a));
    assert!(eval.changed_since_baseline(b));
    assert!(eval.changed_since_baseline(c));
    assert!(eval.is_suspended(a));
    assert_eq!(eval.suspended().collect::<Vec<_>>(), vec![a]);
}

#[test]
fn suspending_then_clearing_restores_the_labels() {
    let g = framework(
        &["a", "b", "c", "d"],
        &[("a", "b"), ("b", "c"), ("c", "d"), ("d", "c")],
    );
    let mut eval = Evaluation::new(&g);
    let before = eval.labels().to_vec();
    eval.suspend(ix(&g, "a"));
    eval.suspend(ix(&g, "d"));
    assert_ne!(eval.labels(), before.as_slice());
    assert!(eval.clear());
    assert_eq!(eval.labels(), before.as_slice());
    assert_eq!(eval.suspended().count(), 0);
    assert!(g.indices().all(|i| !eval.changed_since_baseline(i)));
}

#[test]
fn toggling_twice_restores_the_labels() {
    let g = framework(&["a", "b", "c"], &[("a", "b"), ("b", "c")]);
    let mut eval = Evaluation::new(&g);
    let before = eval.labels().to_vec();
    assert!(eval.toggle(ix(&g, "b")));
    assert_eq!(eval.labels(), &[In, Out, In]);
    assert!(!eval.toggle(ix(&g, "b")));
    assert_eq!(eval.labels(), before.as_slice());
}

#[test]
fn labels_are_recomputed_only_when_the_what_if_set_changes() {
    let g = framework(&["a", "b"], &[("a", "b")]);
    let (a, b) = (ix(&g, "a"), ix(&g, "b"));
    let mut eval = Evaluation::new(&g);
    let start = eval.revision();
    assert!(!eval.unsuspend(a), "a was not suspended");
    assert!(!eval.clear(), "nothing was suspended");
    assert_eq!(eval.revision(), start);
    assert!(eval.suspend(a));
    assert!(!eval.suspend(a), "already suspended");
    assert_eq!(eval.revision(), start + 1);
    assert!(eval.suspend_all([a, b]));
    assert_eq!(eval.revision(), start + 2);
    assert!(!eval.suspend(NodeIx(99)), "not a node of the graph");
    assert!(!eval.is_suspended(NodeIx(99)));
}

// ------------------------------------------------------------ thesis summary

#[test]
fn the_thesis_summary_counts_direct_reasons_and_objections() {
    let mut nodes = vec![Node::new("t", Kind::Thesis, "t")];
    for (id, supports, attacks) in [
        ("for1", Some("t"), None),
        ("for2", Some("t"), None),
        ("against1", None, Some("t")),
        ("against2", None, Some("t")),
        ("answer", None, Some("against1")),
        ("deeper", None, Some("for2")),
    ] {
        let mut node = Node::new(id, Kind::Claim, id);
        node.supports = supports.into_iter().map(String::from).collect();
        node.attacks = attacks.into_iter().map(String::from).collect();
        nodes.push(node);
    }
    let g = Graph::from_file(file(nodes));
    let mut eval = Evaluation::new(&g);
    let t = ix(&g, "t");
    // against2 stands, so the thesis is out; for2 is defeated by `deeper`.
    assert_eq!(
        thesis_summary(&g, &eval, t),
        ThesisSummary {
            label: Out,
            opposing_total: 2,
            opposing_standing: 1,
            supporting_total: 2,
            supporting_standing: 1,
        }
    );
    eval.suspend(ix(&g, "against2"));
    let s = thesis_summary(&g, &eval, t);
    assert_eq!((s.label, s.opposing_total, s.opposing_standing), (In, 2, 0));
}

// ------------------------------------------------------------- random frameworks

/// Grounded labels by the definition: iterate the characteristic function
/// F(S) = {x | every attacker of x is attacked by some member of S} from
/// the empty set to its least fixed point, with suspended nodes removed.
fn reference(n: usize, attacks: &[(usize, usize)], suspended: &[bool]) -> Vec<Label> {
    let present = |i: usize| !suspended[i];
    let live: Vec<(usize, usize)> = attacks
        .iter()
        .copied()
        .filter(|&(a, t)| present(a) && present(t))
        .collect();
    let attacked_by = |set: &[bool]| {
        let mut hit = vec![false; n];
        for &(a, t) in &live {
            if set[a] {
                hit[t] = true;
            }
        }
        hit
    };
    let mut set = vec![false; n];
    loop {
        let defeated = attacked_by(&set);
        let next: Vec<bool> = (0..n)
            .map(|x| present(x) && live.iter().all(|&(a, t)| t != x || defeated[a]))
            .collect();
        if next == set {
            break;
        }
        set = next;
    }
    let defeated = attacked_by(&set);
    (0..n)
        .map(|x| {
            if set[x] {
                In
            } else if !present(x) || defeated[x] {
                Out
            } else {
                Undec
            }
        })
        .collect()
}

fn frameworks() -> impl Strategy<Value = (usize, Vec<(usize, usize)>, Vec<bool>)> {
    (1usize..=30).prop_flat_map(|n| {
        (
            Just(n),
            prop::collection::vec((0..n, 0..n), 0..=n * 2),
            prop::collection::vec(prop::bool::weighted(0.15), n),
        )
    })
}

/// Checks that `w` is a sound explanation of the label of `x`.
fn check_why(g: &Graph, eval: &Evaluation, x: NodeIx, w: &Why) {
    let attacks = |a: NodeIx, t: NodeIx| g.attacks(a).contains(&t);
    let undec = |v: NodeIx| eval.label(v) == Undec;
    let is_cycle = |cycle: &[NodeIx]| {
        !cycle.is_empty()
            && cycle.iter().all(|&v| undec(v))
            && (0..cycle.len()).all(|i| attacks(cycle[i], cycle[(i + 1) % cycle.len()]))
    };
    match w {
        Why::Suspended => assert!(eval.is_suspended(x)),
        Why::Unattacked => {
            assert_eq!(eval.label(x), In);
            assert!(g.attackers(x).is_empty());
        }
        Why::Defended { defences } => {
            assert_eq!(eval.label(x), In);
            let mut named: Vec<NodeIx> = defences.iter().map(|d| d.attacker).collect();
            let mut all = g.attackers(x).to_vec();
            named.sort();
            all.sort();
            all.dedup();
            assert_eq!(named, all, "every attacker is answered once");
            for d in defences {
                match d.answer {
                    Answer::Suspended => assert!(eval.is_suspended(d.attacker)),
                    Answer::DefeatedBy(by) => {
                        assert_eq!(eval.label(by), In);
                        assert!(attacks(by, d.attacker));
                    }
                }
            }
        }
        Why::Defeated { by } => {
            assert_eq!(eval.label(x), Out);
            assert!(!by.is_empty());
            for &a in by {
                assert_eq!(eval.label(a), In);
                assert!(attacks(a, x));
            }
        }
        Why::OnCycle { cycle } => {
            assert_eq!(cycle[0], x);
            assert!(is_cycle(cycle), "{cycle:?} is not an undecided cycle");
        }
        Why::DependsOnCycle {
            attacker,
            path,
            cycle,
        } => {
            assert!(undec(x));
            assert!(attacks(*attacker, x));
            assert_eq!(path.last(), Some(attacker));
            assert_eq!(path.first(), cycle.first());
            assert!(path.iter().all(|&v| undec(v)));
            assert!(path.windows(2).all(|w| attacks(w[0], w[1])));
            assert!(is_cycle(cycle), "{cycle:?} is not an undecided cycle");
            assert!(!cycle.contains(&x), "x is on no cycle, so not on this one");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn labels_equal_the_least_fixed_point((n, attacks, suspended) in frameworks()) {
        let g = indexed(n, &attacks);
        let labels = grounded(&g, &suspended);
        prop_assert_eq!(&labels, &reference(n, &attacks, &suspended));

        let is_in = |i: usize| labels[i] == In;
        // Conflict-free.
        for &(a, t) in &attacks {
            prop_assert!(!(is_in(a) && is_in(t)), "{} and {} are both in", a, t);
        }
        // Every member is defended: each present attacker is attacked by an in node.
        for x in (0..n).filter(|&x| is_in(x)) {
            for &(a, _) in attacks.iter().filter(|&&(a, t)| t == x && !suspended[a]) {
                prop_assert!(attacks.iter().any(|&(d, t)| t == a && is_in(d)));
            }
        }
        // Out is exactly: suspended, or attacked by an in node.
        for x in 0..n {
            let beaten = attacks.iter().any(|&(a, t)| t == x && is_in(a));
            prop_assert_eq!(labels[x] == Out, suspended[x] || beaten);
        }
    }

    #[test]
    fn what_if_updates_equal_a_fresh_labelling(
        (n, attacks, _) in frameworks(),
        toggles in prop::collection::vec(0usize..30, 1..12),
    ) {
        let g = indexed(n, &attacks);
        let mut eval = Evaluation::new(&g);
        let baseline = eval.labels().to_vec();
        let mut suspended = vec![false; n];
        for t in toggles.into_iter().map(|t| t % n) {
            suspended[t] = eval.toggle(NodeIx(t as u32));
            let expected = reference(n, &attacks, &suspended);
            prop_assert_eq!(eval.labels(), expected.as_slice());
            for x in g.indices() {
                prop_assert_eq!(
                    eval.changed_since_baseline(x),
                    eval.label(x) != baseline[x.index()]
                );
            }
        }
        eval.clear();
        prop_assert_eq!(eval.labels(), baseline.as_slice());
    }

    /// Graphs past the size where a wide update falls back to relabelling
    /// everything, dense enough that some updates do and some do not.
    #[test]
    fn what_if_updates_on_larger_graphs_equal_a_fresh_labelling(
        n in 65usize..=300,
        density in 0.3f64..2.0,
        seed in any::<u64>(),
        toggles in prop::collection::vec(any::<u32>(), 1..20),
    ) {
        let mut rng = seed | 1;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng as usize
        };
        let edges = (n as f64 * density) as usize;
        let attacks: Vec<(usize, usize)> = (0..edges).map(|_| (next() % n, next() % n)).collect();
        let g = indexed(n, &attacks);
        let mut eval = Evaluation::new(&g);
        let mut suspended = vec![false; n];
        for t in toggles.into_iter().map(|t| t as usize % n) {
            suspended[t] = eval.toggle(NodeIx(t as u32));
            let expected = grounded(&g, &suspended);
            prop_assert_eq!(eval.labels(), expected.as_slice());
        }
    }

    #[test]
    fn every_label_has_a_sound_explanation((n, attacks, suspended) in frameworks()) {
        let g = indexed(n, &attacks);
        let mut eval = Evaluation::new(&g);
        eval.suspend_all(g.indices().filter(|i| suspended[i.index()]));
        for x in g.indices() {
            check_why(&g, &eval, x, &why(&g, &eval, x));
        }
    }
}
