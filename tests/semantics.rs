//! Preferred and stable acceptance, checked on textbook frameworks and
//! against a brute-force enumeration of every extension; DF-QuAD strength,
//! checked on maps computed by hand.

mod common;

use std::collections::BTreeSet;

use agon::eval::{
    Acceptance, DEFAULT_BUDGET, Extensions, Semantics, extensions, grounded, strength,
};
use agon::graph::Graph;
use common::{Map, indexed, ix};
use proptest::prelude::*;

use Acceptance::{Credulous, Rejected, Skeptical, Unknown};

fn preferred(g: &Graph) -> Extensions {
    extensions(g, Semantics::Preferred, &[], DEFAULT_BUDGET)
}

fn stable(g: &Graph) -> Extensions {
    extensions(g, Semantics::Stable, &[], DEFAULT_BUDGET)
}

fn of(g: &Graph, e: &Extensions, ids: &[&str]) -> Vec<Acceptance> {
    ids.iter().map(|id| e.get(ix(g, id))).collect()
}

// ------------------------------------------------------------- textbook

#[test]
fn a_mutual_attack_leaves_both_sides_credulous() {
    let g = Map::new().attack("a", "b").attack("b", "a").build();
    for e in [preferred(&g), stable(&g)] {
        assert_eq!(of(&g, &e, &["a", "b"]), [Credulous, Credulous]);
        assert_eq!(e.exists(), Some(true));
    }
}

#[test]
fn floating_reinstatement_is_skeptical_under_preferred_only() {
    // Whichever of a and b wins, c falls, so d stands: grounded cannot tell.
    let g = Map::new()
        .attack("a", "b")
        .attack("b", "a")
        .attack("a", "c")
        .attack("b", "c")
        .attack("c", "d")
        .build();
    let e = preferred(&g);
    assert_eq!(
        of(&g, &e, &["a", "b", "c", "d"]),
        [Credulous, Credulous, Rejected, Skeptical]
    );
    assert_eq!(of(&g, &stable(&g), &["d"]), [Skeptical]);
    assert!(
        grounded(&g, &[])
            .iter()
            .all(|&l| l == agon::eval::Label::Undec)
    );
}

#[test]
fn an_odd_cycle_has_an_empty_preferred_extension_and_no_stable_one() {
    let g = Map::new()
        .attack("a", "b")
        .attack("b", "c")
        .attack("c", "a")
        .nodes(&["lone"])
        .build();
    let e = preferred(&g);
    assert_eq!(
        of(&g, &e, &["a", "b", "c", "lone"]),
        [Rejected, Rejected, Rejected, Skeptical]
    );
    let s = stable(&g);
    assert_eq!(s.exists(), Some(false));
    // In no extension, since there is none: even the unattacked point.
    assert!(s.all().iter().all(|&a| a == Rejected));
}

#[test]
fn an_even_cycle_splits_into_two_extensions() {
    let g = Map::new()
        .attack("a", "b")
        .attack("b", "c")
        .attack("c", "d")
        .attack("d", "a")
        .build();
    for e in [preferred(&g), stable(&g)] {
        assert!(e.all().iter().all(|&a| a == Credulous));
    }
}

#[test]
fn stable_can_be_stricter_than_preferred() {
    // {a} is preferred but not stable: it leaves the self-attacker c unattacked.
    let g = Map::new()
        .attack("a", "b")
        .attack("b", "a")
        .attack("b", "c")
        .attack("c", "c")
        .build();
    assert_eq!(
        of(&g, &preferred(&g), &["a", "b", "c"]),
        [Credulous, Credulous, Rejected]
    );
    assert_eq!(
        of(&g, &stable(&g), &["a", "b", "c"]),
        [Rejected, Skeptical, Rejected]
    );
}

#[test]
fn an_attack_from_an_undecided_point_blocks_but_does_not_defeat() {
    // x attacks itself and y; y and z attack each other: only {z} is admissible.
    let g = Map::new()
        .attack("x", "x")
        .attack("x", "y")
        .attack("y", "z")
        .attack("z", "y")
        .build();
    assert_eq!(
        of(&g, &preferred(&g), &["x", "y", "z"]),
        [Rejected, Rejected, Skeptical]
    );
}

#[test]
fn a_suspended_point_is_rejected_and_attacks_nothing() {
    let g = Map::new()
        .attack("a", "b")
        .attack("b", "a")
        .attack("b", "c")
        .build();
    let mut suspended = vec![false; g.len()];
    suspended[ix(&g, "b").index()] = true;
    for semantics in [Semantics::Preferred, Semantics::Stable] {
        let e = extensions(&g, semantics, &suspended, DEFAULT_BUDGET);
        assert_eq!(
            of(&g, &e, &["a", "b", "c"]),
            [Skeptical, Rejected, Skeptical]
        );
    }
}

/// A tangle no search can finish within a small budget: every node attacks
/// three pseudo-random others, so the component is one large cycle-ridden knot.
fn tangle(n: usize, extra: &[(usize, usize)], total: usize) -> Graph {
    let mut attacks: Vec<(usize, usize)> = Vec::new();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..n {
        attacks.push((i, (i + 1) % n));
        for _ in 0..2 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            attacks.push((i, (x % n as u64) as usize));
        }
    }
    attacks.extend_from_slice(extra);
    let attacks: BTreeSet<(usize, usize)> = attacks.into_iter().collect();
    indexed(total, &attacks.into_iter().collect::<Vec<_>>())
}

#[test]
fn a_costly_tangle_stops_within_the_budget_and_is_named() {
    // Nodes 0..300 form the tangle; 300 and 301 attack each other apart from it.
    let g = tangle(300, &[(300, 301), (301, 300)], 302);
    for semantics in [Semantics::Preferred, Semantics::Stable] {
        let e = extensions(&g, semantics, &[], 20_000);
        assert!(
            !e.undecided().is_empty(),
            "{semantics:?} finished the tangle"
        );
        let named: BTreeSet<usize> = e.undecided().iter().flatten().map(|v| v.index()).collect();
        for (i, &a) in e.all().iter().enumerate() {
            assert_eq!(
                a == Unknown,
                named.contains(&i),
                "node {i} under {semantics:?}"
            );
        }
        // The independent mutual attack is still decided.
        assert_eq!(e.get(ix(&g, "n300")), Credulous);
        assert_eq!(e.get(ix(&g, "n301")), Credulous);
    }
    assert_eq!(
        extensions(&g, Semantics::Stable, &[], 20_000).exists(),
        None
    );
}

// ---------------------------------------------------------- brute force

/// Every extension of the framework over `n` nodes, as bit masks, found by
/// trying every subset; `absent` nodes are left out of the framework.
fn brute_force(
    n: usize,
    attacks: &[(usize, usize)],
    absent: u32,
    semantics: Semantics,
) -> Vec<u32> {
    let attacks: Vec<(usize, usize)> = attacks
        .iter()
        .copied()
        .filter(|&(a, t)| absent & (1 << a) == 0 && absent & (1 << t) == 0)
        .collect();
    let present = !absent & ((1u32 << n) - 1);
    let attacked_by = |set: u32| {
        attacks
            .iter()
            .filter(|&&(a, _)| set & (1 << a) != 0)
            .fold(0u32, |m, &(_, t)| m | (1 << t))
    };
    let conflict_free = |set: u32| attacked_by(set) & set == 0;
    let admissible = |set: u32| {
        let defeated = attacked_by(set);
        conflict_free(set)
            && attacks
                .iter()
                .all(|&(a, t)| set & (1 << t) == 0 || defeated & (1 << a) != 0)
    };
    let subsets = (0..1u32 << n).filter(|s| s & absent == 0);
    match semantics {
        Semantics::Stable => subsets
            .filter(|&s| conflict_free(s) && (s | attacked_by(s)) & present == present)
            .collect(),
        Semantics::Preferred => {
            let adm: Vec<u32> = subsets.filter(|&s| admissible(s)).collect();
            adm.iter()
                .copied()
                .filter(|&s| !adm.iter().any(|&t| t != s && t & s == s))
                .collect()
        }
    }
}

fn expected(n: usize, exts: &[u32]) -> Vec<Acceptance> {
    (0..n)
        .map(|i| {
            let count = exts.iter().filter(|&&e| e & (1 << i) != 0).count();
            match count {
                0 => Rejected,
                c if c == exts.len() => Skeptical,
                _ => Credulous,
            }
        })
        .collect()
}

fn small_framework() -> impl Strategy<Value = (usize, Vec<(usize, usize)>)> {
    (1usize..=12).prop_flat_map(|n| {
        proptest::collection::btree_set((0..n, 0..n), 0..=(3 * n))
            .prop_map(move |set| (n, set.into_iter().collect()))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn acceptance_agrees_with_brute_force((n, attacks) in small_framework(),
                                          suspend in proptest::option::of(0usize..12)) {
        // Now and then one node withdrawn in a what-if.
        let absent = suspend.map_or(0, |k| 1u32 << (k % n));
        let g = indexed(n, &attacks);
        let suspended: Vec<bool> = (0..n).map(|i| absent & (1 << i) != 0).collect();
        for semantics in [Semantics::Preferred, Semantics::Stable] {
            let exts = brute_force(n, &attacks, absent, semantics);
            let got = extensions(&g, semantics, &suspended, DEFAULT_BUDGET);
            prop_assert!(got.undecided().is_empty());
            prop_assert_eq!(got.exists(), Some(!exts.is_empty()), "{:?}", semantics);
            let got: Vec<Acceptance> = (0..n).map(|i| got.get(ix(&g, &format!("n{i}")))).collect();
            prop_assert_eq!(got, expected(n, &exts), "{:?} on {:?}", semantics, attacks);
        }
    }
}

// --------------------------------------------------------------- DF-QuAD

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn strengths(g: &Graph, ids: &[&str]) -> Vec<f64> {
    let s = strength(g, &[]);
    assert!(s.converged());
    ids.iter().map(|id| s.get(ix(g, id))).collect()
}

#[track_caller]
fn assert_strengths(g: &Graph, expect: &[(&str, f64)]) {
    let ids: Vec<&str> = expect.iter().map(|e| e.0).collect();
    let got = strengths(g, &ids);
    for ((id, want), got) in expect.iter().zip(got) {
        assert!(close(*want, got), "{id}: expected {want}, got {got}");
    }
}

#[test]
fn a_lone_point_keeps_its_base_score() {
    let g = Map::new()
        .nodes(&["a"])
        .weight("a", 0.3)
        .nodes(&["b"])
        .build();
    assert_strengths(&g, &[("a", 0.3), ("b", 0.5)]);
}

#[test]
fn supports_of_supports_add_up_along_the_chain() {
    // s2 = 0.5; s1 = 0.5 + 0.5·0.5 = 0.75; t = 0.5 + 0.5·0.75 = 0.875.
    let g = Map::new().support("s2", "s1").support("s1", "t").build();
    assert_strengths(&g, &[("s2", 0.5), ("s1", 0.75), ("t", 0.875)]);
}

#[test]
fn an_attack_on_a_support_weakens_what_it_supports() {
    // s1: 0.5 − 0.5·0.5 = 0.25; t: 0.5 + 0.5·0.25 = 0.625.
    let g = Map::new().attack("x", "s1").support("s1", "t").build();
    assert_strengths(&g, &[("x", 0.5), ("s1", 0.25), ("t", 0.625)]);
}

#[test]
fn attackers_and_supporters_combine_by_probabilistic_sum() {
    // vₐ = 1 − (1 − 0.6)(1 − 0.5) = 0.8, vₛ = 0.9: t = 0.2 + 0.8·(0.9 − 0.8) = 0.28.
    let g = Map::new()
        .attack("a", "t")
        .attack("b", "t")
        .support("s", "t")
        .weight("t", 0.2)
        .weight("a", 0.6)
        .weight("s", 0.9)
        .build();
    assert_strengths(&g, &[("t", 0.28)]);
    // An attack at full strength, unanswered, takes everything: 0.8 − 0.8·1 = 0.
    let g = Map::new()
        .attack("a", "t")
        .weight("a", 1.0)
        .weight("t", 0.8)
        .build();
    assert_strengths(&g, &[("t", 0.0)]);
    // Two supporters of 0.5: vₛ = 0.75, and t = 0.4 + 0.6·0.75 = 0.85.
    let g = Map::new()
        .support("a", "t")
        .support("b", "t")
        .weight("t", 0.4)
        .build();
    assert_strengths(&g, &[("t", 0.85)]);
}

#[test]
fn a_mutual_attack_settles_at_the_fixed_point() {
    // x = 0.5 − 0.5·x gives x = 1/3, for both, and for a self-attacker.
    let g = Map::new()
        .attack("a", "b")
        .attack("b", "a")
        .attack("c", "c")
        .build();
    assert_strengths(&g, &[("a", 1.0 / 3.0), ("b", 1.0 / 3.0), ("c", 1.0 / 3.0)]);
    // Downstream of the cycle: t = 0.5 + 0.5·(1/3) = 2/3.
    let g = Map::new()
        .attack("a", "b")
        .attack("b", "a")
        .support("a", "t")
        .build();
    assert_strengths(&g, &[("t", 2.0 / 3.0)]);
}

#[test]
fn an_oscillating_cycle_is_reported() {
    // With base 1 each round flips both between 1 and 0.
    let g = Map::new()
        .attack("a", "b")
        .attack("b", "a")
        .weight("a", 1.0)
        .weight("b", 1.0)
        .nodes(&["c"])
        .build();
    let s = strength(&g, &[]);
    assert!(!s.converged());
    let cycle: BTreeSet<_> = s.unconverged()[0].iter().copied().collect();
    assert_eq!(cycle, BTreeSet::from([ix(&g, "a"), ix(&g, "b")]));
    assert!(close(s.get(ix(&g, "c")), 0.5));
}

#[test]
fn a_suspended_point_counts_as_absent() {
    let g = Map::new().attack("x", "s").support("s", "t").build();
    let mut suspended = vec![false; g.len()];
    suspended[ix(&g, "x").index()] = true;
    let s = strength(&g, &suspended);
    assert_eq!(s.get(ix(&g, "x")), 0.0);
    assert!(close(s.get(ix(&g, "s")), 0.5));
    assert!(close(s.get(ix(&g, "t")), 0.75));
}

/// Naive Jacobi iteration over the whole graph: on an acyclic map it is
/// exact after as many rounds as the longest path.
fn naive_strength(g: &Graph) -> Vec<f64> {
    let mut v: Vec<f64> = g.nodes.iter().map(agon::eval::base_score).collect();
    for _ in 0..=g.len() {
        v = g
            .indices()
            .map(|x| {
                let tau = agon::eval::base_score(g.node(x));
                let sum = |l: &[agon::graph::NodeIx]| {
                    1.0 - l.iter().fold(1.0, |p, a| p * (1.0 - v[a.index()]))
                };
                let (a, s) = (sum(g.attackers(x)), sum(g.supporters(x)));
                if a >= s {
                    tau - tau * (a - s)
                } else {
                    tau + (1.0 - tau) * (s - a)
                }
            })
            .collect();
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn strength_on_acyclic_maps_agrees_with_naive_iteration(
        n in 1usize..=12,
        edges in proptest::collection::vec((0usize..12, 0usize..12, any::<bool>()), 0..30),
        weights in proptest::collection::vec(proptest::option::of(0.0f64..=1.0), 12),
    ) {
        // Only edges from a later node to an earlier one: acyclic.
        let mut seen = BTreeSet::new();
        let mut map = Map::new().nodes(&(0..n).map(|i| format!("n{i}")).collect::<Vec<_>>()
            .iter().map(String::as_str).collect::<Vec<_>>());
        for (a, t, attack) in edges {
            let (a, t) = (a % n, t % n);
            if a <= t || !seen.insert((a, t)) {
                continue;
            }
            let (a, t) = (format!("n{a}"), format!("n{t}"));
            map = if attack { map.attack(&a, &t) } else { map.support(&a, &t) };
        }
        for (i, w) in weights.iter().take(n).enumerate() {
            if let Some(w) = w {
                map = map.weight(&format!("n{i}"), *w);
            }
        }
        let g = map.build();
        let got = strength(&g, &[]);
        prop_assert!(got.converged());
        for (i, want) in naive_strength(&g).into_iter().enumerate() {
            prop_assert!(close(got.values()[i], want), "n{}: {} vs {}", i, got.values()[i], want);
        }
    }
}

#[test]
fn a_strength_breakdown_gives_back_the_strength_and_names_the_strongest() {
    // By hand: s1 = 0.5; s2 has one supporter, 0.5 + 0.5·0.5 = 0.75; k is
    // untouched, 0.5; t has vₛ = 1 − (1 − 0.5)(1 − 0.75) = 0.875 and vₐ = 0.5,
    // so 0.5 + 0.5·(0.875 − 0.5) = 0.6875.
    let g = Map::new()
        .support("s1", "t")
        .support("s2", "t")
        .support("s3", "s2")
        .attack("k", "t")
        .build();
    let s = agon::eval::strength(&g, &[]);
    let b = agon::eval::breakdown(&g, &s, ix(&g, "t"));
    assert_eq!((b.base, b.attack, b.support), (0.5, 0.5, 0.875));
    assert_eq!((b.attackers, b.supporters), (1, 2));
    assert_eq!(b.strongest_supporter, Some(ix(&g, "s2")));
    assert_eq!(b.strongest_attacker, Some(ix(&g, "k")));
    assert_eq!(s.get(ix(&g, "t")), 0.6875);
    // A suspended attacker counts for nothing and is named by no one.
    let mut suspended = vec![false; g.len()];
    suspended[ix(&g, "k").index()] = true;
    let s = agon::eval::strength(&g, &suspended);
    let b = agon::eval::breakdown(&g, &s, ix(&g, "t"));
    assert_eq!((b.attack, b.strongest_attacker), (0.0, None));
}
