//! Preferred and stable acceptance (Dung, 1995): whether a node is in every
//! extension (skeptical), in some (credulous) or in none (rejected).
//!
//! How it is computed, exactly:
//! - The grounded labelling settles most of a real map: a node in (out) in
//!   it is in (out) in every complete labelling, so in every preferred and
//!   stable one. Only the undecided region is searched.
//! - That region is split into strongly connected components of attacks,
//!   taken in topological order. Preferred and stable semantics are
//!   SCC-recursive (Baroni, Giacomin and Guida, 2005): a labelling is
//!   preferred (stable) exactly when each component's part is a preferred
//!   (stable) labelling of the component given the labels of the attackers
//!   upstream. Inside a component a backtracking search lists the complete
//!   labellings under that context (a node attacked by an upstream `in` is
//!   out; one attacked by an upstream `undec` cannot be in) and keeps those
//!   with a maximal `in` set (preferred) or no `undec` (stable).
//! - What the components still to come need of those already done is the
//!   labels of the *frontier*: done nodes that attack a node not yet done.
//!   The search keeps the distinct frontier labellings reachable so far and
//!   how each step maps one to the next. A node's acceptance is read off
//!   the steps that can still be completed (for stable semantics some
//!   contexts admit no labelling at all, so a backward pass drops them).
//! - When the frontier empties, what comes next is independent of what
//!   came before: that closes a *segment*. A segment that spends more than
//!   its share of the budget, or any work past the whole budget, is given
//!   up, and its components are reported as undecided instead of hanging.

use rustc_hash::FxHashMap as HashMap;

use super::Label;
use super::scc::sccs;
use crate::graph::{Graph, NodeIx};

/// Which extension-based semantics to decide acceptance under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Semantics {
    /// Maximal admissible sets: every defensible position, as large as it can be.
    Preferred,
    /// Conflict-free sets that attack everything outside them.
    Stable,
}

impl Semantics {
    pub fn name(self) -> &'static str {
        match self {
            Semantics::Preferred => "preferred",
            Semantics::Stable => "stable",
        }
    }
}

/// How a node fares across all the extensions of a semantics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Acceptance {
    /// In every extension (and there is at least one).
    Skeptical,
    /// In some extensions but not all.
    Credulous,
    /// In none (which is every node's status when no extension exists).
    Rejected,
    /// The budget ran out before its component was decided.
    Unknown,
}

impl Acceptance {
    pub fn name(self) -> &'static str {
        match self {
            Acceptance::Skeptical => "skeptical",
            Acceptance::Credulous => "credulous",
            Acceptance::Rejected => "rejected",
            Acceptance::Unknown => "unknown",
        }
    }
}

/// Work units (search steps and recorded transitions) a computation may
/// spend; about a second of work on a slow machine.
pub const DEFAULT_BUDGET: u64 = 8_000_000;

/// The acceptance of every node under one semantics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extensions {
    semantics: Semantics,
    acceptance: Vec<Acceptance>,
    exists: Option<bool>,
    undecided: Vec<Vec<NodeIx>>,
}

impl Extensions {
    pub fn semantics(&self) -> Semantics {
        self.semantics
    }

    pub fn get(&self, ix: NodeIx) -> Acceptance {
        self.acceptance[ix.index()]
    }

    /// Every node's acceptance, indexed by [`NodeIx::index`].
    pub fn all(&self) -> &[Acceptance] {
        &self.acceptance
    }

    /// Whether any extension exists: always `Some(true)` for preferred;
    /// for stable `Some(false)` when there is none, `None` when the budget
    /// left it open.
    pub fn exists(&self) -> Option<bool> {
        self.exists
    }

    /// The components the budget left undecided (their nodes are
    /// [`Acceptance::Unknown`]), in topological order.
    pub fn undecided(&self) -> &[Vec<NodeIx>] {
        &self.undecided
    }
}

/// Decides every node's acceptance under `semantics`, spending at most
/// about `budget` work units. A suspended node counts as absent: it attacks
/// nothing and is rejected.
pub fn extensions(
    graph: &Graph,
    semantics: Semantics,
    suspended: &[bool],
    budget: u64,
) -> Extensions {
    let grounded = super::grounded(graph, suspended);
    let mut solver = Solver::new(graph, semantics, &grounded, budget);
    solver.run();
    solver.finish(&grounded)
}

const OUT: u8 = 0;
const IN: u8 = 1;
const UNDEC: u8 = 2;
const NONE: u32 = u32::MAX;

/// A component's context, per node: nothing upstream decides it (`FREE`),
/// an upstream `undec` attacks it (`BLOCKED`: it cannot be in), or an
/// upstream `in` does (`BEATEN`: it is out).
const FREE: u8 = 0;
const BLOCKED: u8 = 1;
const BEATEN: u8 = 2;

/// One component done: its labellings under every context met, and the
/// transitions (state before, labelling, state after) between frontier
/// labellings.
struct Step {
    nodes: Vec<NodeIx>,
    labellings: Vec<Box<[u8]>>,
    transitions: Vec<(u32, u32, u32)>,
    states_after: usize,
}

/// Where each slot of the next frontier takes its label from.
#[derive(Clone, Copy)]
enum Src {
    Old(u32),
    Here(u32),
}

struct Solver<'g> {
    graph: &'g Graph,
    semantics: Semantics,
    region: Vec<bool>,
    /// Attack edges from each region node to region nodes not yet done.
    remaining: Vec<u32>,
    /// A region node's position in the component being searched, or NONE.
    local: Vec<u32>,
    /// A done node's slot in the frontier, or NONE.
    slot: Vec<u32>,
    frontier: Vec<NodeIx>,
    states: Vec<Box<[u8]>>,
    steps: Vec<Step>,
    /// The components of the current segment, done or not.
    segment: Vec<Vec<NodeIx>>,
    abandoned: bool,
    budget: u64,
    spent: u64,
    segment_spent: u64,
    acceptance: Vec<Acceptance>,
    undecided: Vec<Vec<NodeIx>>,
    no_stable: bool,
    existence_open: bool,
}

impl<'g> Solver<'g> {
    fn new(graph: &'g Graph, semantics: Semantics, grounded: &[Label], budget: u64) -> Self {
        let n = graph.len();
        let region: Vec<bool> = grounded.iter().map(|&l| l == Label::Undec).collect();
        let remaining = (0..n)
            .map(|i| {
                if !region[i] {
                    return 0;
                }
                let targets = graph.attacks(NodeIx(i as u32));
                targets.iter().filter(|t| region[t.index()]).count() as u32
            })
            .collect();
        Solver {
            graph,
            semantics,
            region,
            remaining,
            local: vec![NONE; n],
            slot: vec![NONE; n],
            frontier: Vec::new(),
            states: vec![Box::from([])],
            steps: Vec::new(),
            segment: Vec::new(),
            abandoned: false,
            budget,
            spent: 0,
            segment_spent: 0,
            acceptance: vec![Acceptance::Unknown; n],
            undecided: Vec::new(),
            no_stable: false,
            existence_open: false,
        }
    }

    fn run(&mut self) {
        let graph = self.graph;
        let region = std::mem::take(&mut self.region);
        let components = sccs(
            graph.len(),
            |ix| region[ix.index()],
            |ix| graph.attackers(ix),
        );
        self.region = region;
        for component in components.iter() {
            self.segment.push(component.to_vec());
            let (next, sources) = self.next_frontier(component);
            if !self.abandoned && !self.step(component, &sources) {
                self.abandoned = true;
            }
            for (i, v) in self.frontier.iter().enumerate() {
                debug_assert_eq!(self.slot[v.index()], i as u32);
                self.slot[v.index()] = NONE;
            }
            for (i, v) in next.iter().enumerate() {
                self.slot[v.index()] = i as u32;
            }
            self.frontier = next;
            if self.frontier.is_empty() {
                self.end_segment();
            }
        }
    }

    /// Takes budget; false once the segment's share or the whole is spent.
    fn charge(&mut self, units: u64) -> bool {
        self.spent += units;
        self.segment_spent += units;
        self.spent <= self.budget && self.segment_spent <= self.budget / 4
    }

    /// The frontier after `component` is done, and where each of its slots'
    /// labels come from.
    fn next_frontier(&mut self, component: &[NodeIx]) -> (Vec<NodeIx>, Vec<Src>) {
        for &v in component {
            for &a in self.graph.attackers(v) {
                if self.region[a.index()] {
                    self.remaining[a.index()] -= 1;
                }
            }
        }
        let mut next = Vec::new();
        let mut sources = Vec::new();
        for (i, &v) in self.frontier.iter().enumerate() {
            if self.remaining[v.index()] > 0 {
                next.push(v);
                sources.push(Src::Old(i as u32));
            }
        }
        for (i, &v) in component.iter().enumerate() {
            if self.remaining[v.index()] > 0 {
                next.push(v);
                sources.push(Src::Here(i as u32));
            }
        }
        (next, sources)
    }

    /// Searches `component` under every frontier labelling reached so far.
    /// False when the budget runs out.
    fn step(&mut self, component: &[NodeIx], sources: &[Src]) -> bool {
        for (i, &v) in component.iter().enumerate() {
            self.local[v.index()] = i as u32;
        }
        let local = Local::of(self, component);
        for &v in component {
            self.local[v.index()] = NONE;
        }
        let mut step = Step {
            nodes: component.to_vec(),
            labellings: Vec::new(),
            transitions: Vec::new(),
            states_after: 0,
        };
        let mut by_context: HashMap<Box<[u8]>, (u32, u32)> = HashMap::default();
        let mut next_states: HashMap<Box<[u8]>, u32> = HashMap::default();
        let mut after: Vec<Box<[u8]>> = Vec::new();
        let states = std::mem::take(&mut self.states);
        let mut ok = true;
        'states: for (p, state) in states.iter().enumerate() {
            let context = local.context(state);
            let range = match by_context.get(&context) {
                Some(&range) => range,
                None => {
                    let Some(found) = local.labellings(self, &context) else {
                        ok = false;
                        break 'states;
                    };
                    let start = step.labellings.len() as u32;
                    step.labellings.extend(found);
                    let range = (start, step.labellings.len() as u32);
                    by_context.insert(context, range);
                    range
                }
            };
            for j in range.0..range.1 {
                let labelling = &step.labellings[j as usize];
                let child: Box<[u8]> = sources
                    .iter()
                    .map(|src| match *src {
                        Src::Old(s) => state[s as usize],
                        Src::Here(i) => labelling[i as usize],
                    })
                    .collect();
                if !self.charge(1 + child.len() as u64 / 16) {
                    ok = false;
                    break 'states;
                }
                let c = *next_states.entry(child.clone()).or_insert_with(|| {
                    after.push(child);
                    after.len() as u32 - 1
                });
                step.transitions.push((p as u32, j, c));
            }
        }
        if !ok {
            self.states = vec![Box::from([])];
            return false;
        }
        step.states_after = after.len();
        self.states = after;
        self.steps.push(step);
        true
    }

    /// Settles the segment just closed: reads acceptance off the steps that
    /// can be completed, or marks the segment undecided.
    fn end_segment(&mut self) {
        let segment = std::mem::take(&mut self.segment);
        let steps = std::mem::take(&mut self.steps);
        if self.abandoned && self.semantics == Semantics::Stable {
            // Whether a stable labelling exists can hinge on the last
            // component, so nothing in the segment is known.
            self.existence_open = true;
            self.undecided.extend(segment);
        } else if self.abandoned {
            // Preferred labellings of a component depend only on what is
            // upstream, and every context admits one: the components done
            // are exact.
            for step in &steps {
                let alive = vec![true; step.states_after];
                self.settle(step, &alive);
            }
            self.undecided.extend(segment.into_iter().skip(steps.len()));
        } else {
            let mut alive = vec![true; steps.last().map_or(0, |s| s.states_after)];
            for (k, step) in steps.iter().enumerate().rev() {
                self.settle(step, &alive);
                let before = if k == 0 { 1 } else { steps[k - 1].states_after };
                let mut prev = vec![false; before];
                for &(p, _, c) in &step.transitions {
                    if alive[c as usize] {
                        prev[p as usize] = true;
                    }
                }
                alive = prev;
            }
            if !alive.first().copied().unwrap_or(false) {
                self.no_stable = true;
            }
        }
        self.abandoned = false;
        self.segment_spent = 0;
        self.states = vec![Box::from([])];
    }

    /// The acceptance of a step's nodes over the transitions into `alive` states.
    fn settle(&mut self, step: &Step, alive: &[bool]) {
        let k = step.nodes.len();
        let mut in_some = vec![false; k];
        let mut out_some = vec![false; k];
        for &(_, j, c) in &step.transitions {
            if !alive[c as usize] {
                continue;
            }
            for (i, &l) in step.labellings[j as usize].iter().enumerate() {
                if l == IN {
                    in_some[i] = true;
                } else {
                    out_some[i] = true;
                }
            }
        }
        for (i, &v) in step.nodes.iter().enumerate() {
            self.acceptance[v.index()] = match (in_some[i], out_some[i]) {
                (true, false) => Acceptance::Skeptical,
                (true, true) => Acceptance::Credulous,
                (false, _) => Acceptance::Rejected,
            };
        }
    }

    fn finish(mut self, grounded: &[Label]) -> Extensions {
        for (i, &label) in grounded.iter().enumerate() {
            match label {
                Label::In => self.acceptance[i] = Acceptance::Skeptical,
                Label::Out => self.acceptance[i] = Acceptance::Rejected,
                Label::Undec => {}
            }
        }
        let exists = match self.semantics {
            Semantics::Preferred => Some(true),
            Semantics::Stable if self.no_stable => {
                self.acceptance.fill(Acceptance::Rejected);
                self.undecided.clear();
                Some(false)
            }
            Semantics::Stable if self.existence_open => None,
            Semantics::Stable => Some(true),
        };
        Extensions {
            semantics: self.semantics,
            acceptance: self.acceptance,
            exists,
            undecided: self.undecided,
        }
    }
}

/// One component in local indices: who attacks whom inside it, which
/// frontier slots attack each node, and when each node's legality can be
/// checked during the search.
struct Local {
    attackers: Vec<Vec<u32>>,
    targets: Vec<Vec<u32>>,
    upstream: Vec<Vec<u32>>,
    /// The nodes whose own label and whose attackers' labels are all known
    /// once the node at this position has its label.
    ready_at: Vec<Vec<u32>>,
    stable: bool,
}

impl Local {
    fn of(solver: &Solver, component: &[NodeIx]) -> Local {
        let k = component.len();
        let mut attackers = vec![Vec::new(); k];
        let mut targets = vec![Vec::new(); k];
        let mut upstream = vec![Vec::new(); k];
        let mut ready_at = vec![Vec::new(); k];
        for (i, &v) in component.iter().enumerate() {
            let mut ready = i as u32;
            for &a in solver.graph.attackers(v) {
                if !solver.region[a.index()] {
                    continue; // out in every labelling: it decides nothing
                }
                match solver.local[a.index()] {
                    NONE => upstream[i].push(solver.slot[a.index()]),
                    j => {
                        attackers[i].push(j);
                        targets[j as usize].push(i as u32);
                        ready = ready.max(j);
                    }
                }
            }
            ready_at[ready as usize].push(i as u32);
        }
        Local {
            attackers,
            targets,
            upstream,
            ready_at,
            stable: solver.semantics == Semantics::Stable,
        }
    }

    fn context(&self, state: &[u8]) -> Box<[u8]> {
        self.upstream
            .iter()
            .map(|slots| {
                let labels = slots.iter().map(|&s| state[s as usize]);
                let mut c = FREE;
                for l in labels {
                    match l {
                        IN => return BEATEN,
                        UNDEC => c = BLOCKED,
                        _ => {}
                    }
                }
                c
            })
            .collect()
    }

    fn domain(&self, context: u8) -> &'static [u8] {
        match (context, self.stable) {
            (BEATEN, _) => &[OUT],
            (BLOCKED, false) => &[OUT, UNDEC],
            (BLOCKED, true) => &[OUT],
            (_, false) => &[IN, OUT, UNDEC],
            (_, true) => &[IN, OUT],
        }
    }

    /// Every complete labelling under `context` (none `undec`, for stable),
    /// kept when maximal in `in` (for preferred); None when the budget runs out.
    fn labellings(&self, solver: &mut Solver, context: &[u8]) -> Option<Vec<Box<[u8]>>> {
        let k = context.len();
        let mut labels = vec![UNDEC; k];
        let mut choice = vec![0usize; k + 1];
        let mut found: Vec<Box<[u8]>> = Vec::new();
        let mut depth = 0usize;
        let mut work = 0u64;
        loop {
            if depth == k {
                found.push(labels.clone().into_boxed_slice());
                if k == 0 {
                    break;
                }
                depth -= 1;
                choice[depth] += 1;
                continue;
            }
            let domain = self.domain(context[depth]);
            if choice[depth] >= domain.len() {
                if depth == 0 {
                    break;
                }
                choice[depth] = 0;
                depth -= 1;
                choice[depth] += 1;
                continue;
            }
            work += 1;
            if work >= 4096 {
                if !solver.charge(work) {
                    return None;
                }
                work = 0;
            }
            labels[depth] = domain[choice[depth]];
            if self.consistent(depth, &labels, context) {
                depth += 1;
                choice[depth] = 0;
            } else {
                choice[depth] += 1;
            }
        }
        if !solver.charge(work + found.len() as u64) {
            return None;
        }
        if !self.stable {
            let pairs = (found.len() as u64).pow(2) * (k as u64 / 32 + 1);
            if !solver.charge(pairs) {
                return None;
            }
            found = maximal_in(found);
        }
        Some(found)
    }

    /// Whether giving `labels[d]` to node `d` (nodes before it labelled,
    /// those after not yet) can still be part of a complete labelling.
    fn consistent(&self, d: usize, labels: &[u8], context: &[u8]) -> bool {
        if labels[d] == IN {
            // What an `in` node attacks must be out, and so must what attacks it.
            let clash = |list: &[u32]| {
                list.iter()
                    .any(|&j| j as usize <= d && labels[j as usize] != OUT)
            };
            if clash(&self.attackers[d]) || clash(&self.targets[d]) {
                return false;
            }
        }
        self.ready_at[d].iter().all(|&j| {
            let j = j as usize;
            let attacker_labels = self.attackers[j].iter().map(|&a| labels[a as usize]);
            legal(labels[j], context[j], attacker_labels)
        })
    }
}

/// Whether a node's label agrees with its attackers' inside the component
/// and with its context.
fn legal(label: u8, context: u8, attackers: impl Iterator<Item = u8>) -> bool {
    if context == BEATEN {
        return label == OUT;
    }
    let (mut any_in, mut any_undec) = (false, false);
    for l in attackers {
        any_in |= l == IN;
        any_undec |= l == UNDEC;
    }
    match label {
        IN => context == FREE && !any_in && !any_undec,
        OUT => any_in,
        _ => !any_in && (any_undec || context == BLOCKED),
    }
}

/// The labellings whose `in` set no other labelling's strictly contains.
fn maximal_in(all: Vec<Box<[u8]>>) -> Vec<Box<[u8]>> {
    let contains =
        |big: &[u8], small: &[u8]| small.iter().zip(big).all(|(&s, &b)| s != IN || b == IN);
    all.iter()
        .filter(|a| {
            !all.iter()
                .any(|b| b.as_ref() != a.as_ref() && contains(b, a))
        })
        .cloned()
        .collect()
}
