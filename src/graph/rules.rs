//! The rules of the format that parsing does not check, in passes: the
//! debate's own fields, node ids, sources, tours, nodes (their fields, kinds
//! and relations), then the relations as a whole (cycles, reachability).
//! Problems come out in that order; the loader sorts them by position.

use std::collections::HashSet;

use rustc_hash::FxHashMap as HashMap;

use super::adjacency::Adjacency;
use super::diag::{self, Severity};
use super::model::*;

/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 500;
/// Longest text, quote or narration, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// A problem found after parsing, placed by its path in the written form
/// (`nodes[3].supports[1]`), for importers to map to their own positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub severity: Severity,
    pub message: String,
}

/// How many "did you mean" searches to run at most.
const MAX_SUGGESTIONS: usize = 50;

/// How many ids the "did you mean" searches may compare in all: each search
/// scans every id, so a file with many unknown references among many ids
/// gets suggestions for its first few only (50 searches among 170,000 ids
/// took most of a second).
const SUGGESTION_BUDGET: usize = 1_000_000;

/// Longest id quoted in a message; longer ones are cut with `…`. An id is
/// named in every message about its node, so a huge id would otherwise be
/// copied once per problem.
const MAX_QUOTED_ID_CHARS: usize = 80;

/// A list's length above which the repeat and support-and-attack checks
/// put its targets in a set instead of scanning them.
const SCAN_LIMIT: usize = 16;

/// An id as a message quotes it: in double quotes, cut when very long.
fn q(id: &str) -> String {
    match id.char_indices().nth(MAX_QUOTED_ID_CHARS) {
        Some((cut, _)) => format!("\"{}…\"", &id[..cut]),
        None => format!("\"{id}\""),
    }
}

/// The problems found so far, and what the passes share while finding them.
struct Checks {
    out: Vec<Problem>,
    suggestions_left: usize,
    /// Ids the searches may still compare.
    compares_left: usize,
}

impl Checks {
    fn err(&mut self, path: String, message: String) {
        self.push(path, Severity::Error, message);
    }

    fn warn(&mut self, path: String, message: String) {
        self.push(path, Severity::Warning, message);
    }

    fn push(&mut self, path: String, severity: Severity, message: String) {
        self.out.push(Problem {
            path,
            severity,
            message,
        });
    }

    /// "; did you mean …?" for an unknown id, or nothing once the budget of
    /// searches is spent.
    fn suggest<'a>(&mut self, wanted: &str, ids: impl ExactSizeIterator<Item = &'a str>) -> String {
        if self.suggestions_left == 0 || ids.len() > self.compares_left {
            return String::new();
        }
        self.suggestions_left -= 1;
        self.compares_left -= ids.len();
        diag::nearest(wanted, ids)
            .map(|s| format!("; did you mean \"{s}\"?"))
            .unwrap_or_default()
    }

    /// Reports a value longer than `max` characters; `what` names it ("the
    /// title of node \"x\""), built only when the value is too long.
    /// `path` is only built when the check fails: formatting a path for every
    /// field of a large file was a measurable share of loading it.
    fn check_len(
        &mut self,
        path: impl FnOnce() -> String,
        value: &str,
        max: usize,
        what: impl FnOnce() -> String,
    ) {
        // Cheap byte test first: most values are far below the limit.
        if value.len() > max && value.chars().count() > max {
            self.err(
                path(),
                format!(
                    "{} is {} characters long; the limit is {max}",
                    what(),
                    value.chars().count()
                ),
            );
        }
    }
}

/// Node ids resolved to their place in the file.
type NodeIds<'a> = HashMap<&'a str, usize>;
/// Source ids resolved to their place in the file.
type SourceIds<'a> = HashMap<&'a str, usize>;

/// Checks every rule of the format that parsing does not.
pub fn validate(d: &DebateFile) -> Vec<Problem> {
    let mut c = Checks {
        out: Vec::new(),
        suggestions_left: MAX_SUGGESTIONS,
        compares_left: SUGGESTION_BUDGET,
    };
    debate_fields(d, &mut c);
    let node_ids = node_ids(d, &mut c);
    let source_ids = sources(d, &mut c);
    tours(d, &node_ids, &mut c);
    // A map with no thesis is legal (an abstract argumentation framework),
    // but a hand-written debate without one probably forgot it.
    let has_thesis = d.nodes.iter().any(|n| n.kind == Kind::Thesis);
    if !has_thesis {
        c.warn(
            "nodes".into(),
            "the debate has no thesis; add a node with `kind: Thesis` unless the map is meant to have none".into(),
        );
    }
    let relations = nodes(d, &node_ids, &source_ids, &mut c);
    support_cycles(d, &relations.supports, &mut c);
    let errors_so_far = c
        .out
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    // The same relation written twice counts once in spirit, but twice in
    // the index: most likely a slip when editing.
    for (path, message) in relations.repeats {
        c.warn(path, message);
    }
    evidence_warnings(d, &mut c);
    if errors_so_far == 0 && has_thesis {
        for i in unreachable(d, &relations.supports, &relations.attacks) {
            c.warn(
                format!("nodes[{i}].id"),
                format!(
                    "node {} reaches no thesis through supports or attacks; relate it to the map or remove it",
                    q(&d.nodes[i].id)
                ),
            );
        }
    }
    c.out
}

/// The lengths of the debate's title, description and question.
fn debate_fields(d: &DebateFile, c: &mut Checks) {
    c.check_len(
        || "title".into(),
        &d.title,
        MAX_TITLE_CHARS,
        || "the debate's title".into(),
    );
    for (field, value) in [("description", &d.description), ("question", &d.question)] {
        if let Some(v) = value {
            c.check_len(
                || field.into(),
                v,
                MAX_TEXT_CHARS,
                || format!("the debate's {field}"),
            );
        }
    }
}

/// Node ids: present and unique. Returns each id's first node.
fn node_ids<'a>(d: &'a DebateFile, c: &mut Checks) -> NodeIds<'a> {
    let mut node_ids: NodeIds =
        HashMap::with_capacity_and_hasher(d.nodes.len(), Default::default());
    for (i, n) in d.nodes.iter().enumerate() {
        if n.id.trim().is_empty() {
            c.err(
                format!("nodes[{i}].id"),
                "a node's id is empty; give it a short unique slug".into(),
            );
        } else if let Some(first) = node_ids.insert(&n.id, i) {
            node_ids.insert(&n.id, first);
            c.err(
                format!("nodes[{i}].id"),
                format!(
                    "duplicate node id {} (first used by node {} of the list); ids must be unique",
                    q(&n.id),
                    first + 1
                ),
            );
        }
    }
    node_ids
}

/// Sources: ids present and unique, fields within their limits. Returns
/// each id's last source.
fn sources<'a>(d: &'a DebateFile, c: &mut Checks) -> SourceIds<'a> {
    let mut source_ids: SourceIds = HashMap::default();
    for (i, s) in d.sources.iter().enumerate() {
        if s.id.trim().is_empty() {
            c.err(format!("sources[{i}].id"), "a source's id is empty".into());
        } else if source_ids.insert(&s.id, i).is_some() {
            c.err(
                format!("sources[{i}].id"),
                format!("duplicate source id {}", q(&s.id)),
            );
        }
        let whose = |field: &str| format!("the {field} of source {}", q(&s.id));
        c.check_len(
            || format!("sources[{i}].id"),
            &s.id,
            MAX_TEXT_CHARS,
            || whose("id"),
        );
        c.check_len(
            || format!("sources[{i}].title"),
            &s.title,
            MAX_TITLE_CHARS,
            || whose("title"),
        );
        for (field, value) in [
            ("outlet", &s.outlet),
            ("author", &s.author),
            ("date", &s.date),
            ("url", &s.url),
            ("note", &s.note),
        ] {
            if let Some(v) = value {
                c.check_len(
                    || format!("sources[{i}].{field}"),
                    v,
                    MAX_TEXT_CHARS,
                    || whose(field),
                );
            }
        }
    }
    source_ids
}

/// Tours: ids present and unique, fields within their limits, at least one
/// step, and every step on a node that exists.
fn tours(d: &DebateFile, node_ids: &NodeIds, c: &mut Checks) {
    let mut tour_ids = HashSet::new();
    for (i, t) in d.tours.iter().enumerate() {
        if t.id.trim().is_empty() {
            c.err(
                format!("tours[{i}].id"),
                "a tour's id is empty; give it a short unique slug".into(),
            );
        } else if !tour_ids.insert(t.id.as_str()) {
            c.err(
                format!("tours[{i}].id"),
                format!("duplicate tour id {}", q(&t.id)),
            );
        }
        let whose = |field: &str| format!("the {field} of tour {}", q(&t.id));
        c.check_len(
            || format!("tours[{i}].id"),
            &t.id,
            MAX_TEXT_CHARS,
            || whose("id"),
        );
        c.check_len(
            || format!("tours[{i}].title"),
            &t.title,
            MAX_TITLE_CHARS,
            || whose("title"),
        );
        if let Some(v) = &t.description {
            c.check_len(
                || format!("tours[{i}].description"),
                v,
                MAX_TEXT_CHARS,
                || whose("description"),
            );
        }
        if t.steps.is_empty() {
            c.err(
                format!("tours[{i}].steps"),
                format!("tour {} has no steps", q(&t.id)),
            );
        }
        for (j, step) in t.steps.iter().enumerate() {
            if !node_ids.contains_key(step.node.as_str()) {
                let hint = c.suggest(&step.node, node_ids.keys().copied());
                c.err(
                    format!("tours[{i}].steps[{j}].node"),
                    format!(
                        "step {} of tour {} names unknown node {}{hint}",
                        j + 1,
                        q(&t.id),
                        q(&step.node)
                    ),
                );
            }
            c.check_len(
                || format!("tours[{i}].steps[{j}].say"),
                &step.say,
                MAX_TEXT_CHARS,
                || format!("what step {} of tour {} says", j + 1, q(&t.id)),
            );
        }
    }
}

/// The relations as written, resolved to node indices once, row per node,
/// so the cycle and reachability checks walk integers instead of looking
/// ids up again (on 100,000 nodes the repeated lookups and string reads
/// were most of validation's time).
struct Relations {
    supports: Adjacency,
    attacks: Adjacency,
    /// Warnings about relations written twice, reported after the errors.
    repeats: Vec<(String, String)>,
}

/// Nodes, one at a time: fields, relations, the rules of each kind, and
/// the fields only evidence may have.
fn nodes(d: &DebateFile, node_ids: &NodeIds, source_ids: &SourceIds, c: &mut Checks) -> Relations {
    let mut rel = Relations {
        supports: Adjacency::with_capacity(d.nodes.len()),
        attacks: Adjacency::with_capacity(d.nodes.len()),
        repeats: Vec::new(),
    };
    let mut supported_set: (usize, HashSet<NodeIx>) = (usize::MAX, HashSet::new());
    for (i, n) in d.nodes.iter().enumerate() {
        node_fields(i, n, c);
        let mut list = RelationList {
            i,
            node: n,
            relation: "supports",
            node_ids,
            repeats: &mut rel.repeats,
        };
        list.resolve(&n.supports, &mut rel.supports, None, c);
        list.relation = "attacks";
        let against = Some((&rel.supports, &mut supported_set));
        list.resolve(&n.attacks, &mut rel.attacks, against, c);
        kind_rules(d, i, n, node_ids, c);
        evidence_fields(i, n, source_ids, c);
    }
    rel
}

/// The lengths of a node's fields, and a title that is not blank.
fn node_fields(i: usize, n: &Node, c: &mut Checks) {
    let here = |field: &str| format!("nodes[{i}].{field}");
    let whose = |field: &str| format!("the {field} of node {}", q(&n.id));
    c.check_len(|| here("id"), &n.id, MAX_TEXT_CHARS, || whose("id"));
    c.check_len(
        || here("title"),
        &n.title,
        MAX_TITLE_CHARS,
        || whose("title"),
    );
    if n.title.trim().is_empty() {
        c.err(
            here("title"),
            format!("node {} has an empty title", q(&n.id)),
        );
    }
    for (field, value) in [
        ("text", &n.text),
        ("quote", &n.quote),
        ("locator", &n.locator),
    ] {
        if let Some(v) = value {
            c.check_len(|| here(field), v, MAX_TEXT_CHARS, || whose(field));
        }
    }
    for (j, tag) in n.tags.iter().enumerate() {
        c.check_len(
            || format!("nodes[{i}].tags[{j}]"),
            tag,
            MAX_TEXT_CHARS,
            || format!("tag {} of node {}", j + 1, q(&n.id)),
        );
    }
}

/// One of a node's relation lists (`supports` or `attacks`) being resolved.
struct RelationList<'a, 'd> {
    i: usize,
    node: &'d Node,
    relation: &'static str,
    node_ids: &'a NodeIds<'d>,
    repeats: &'a mut Vec<(String, String)>,
}

impl RelationList<'_, '_> {
    /// Resolves `list` into the next row of `rows`: no relation to itself
    /// or to an unknown node, repeats kept once (and warned about). With
    /// `against` (the supports so far, and a cache of node `i`'s row as a
    /// set), a target that node `i` also supports is an error.
    fn resolve(
        &mut self,
        list: &[String],
        rows: &mut Adjacency,
        mut against: Option<(&Adjacency, &mut (usize, HashSet<NodeIx>))>,
        c: &mut Checks,
    ) {
        let (i, n, relation) = (self.i, self.node, self.relation);
        // Long lists get a set for the repeat check; short ones are scanned.
        let mut long_seen: Option<HashSet<NodeIx>> = (list.len() > SCAN_LIMIT).then(HashSet::new);
        for (j, target) in list.iter().enumerate() {
            let path = || format!("nodes[{i}].{relation}[{j}]");
            let resolved = self.node_ids.get(target.as_str()).copied();
            if target == &n.id {
                // A self-attack is legal (abstract frameworks have them),
                // but in a hand-written debate it is more likely a slip.
                let message = format!(
                    "node {} {relation} itself; remove {} from its `{relation}`",
                    q(&n.id),
                    q(target)
                );
                if relation == "attacks" {
                    c.warn(path(), message + " unless the self-attack is meant");
                } else {
                    c.err(path(), message);
                }
                continue;
            }
            let Some(t) = resolved else {
                let hint = c.suggest(target, self.node_ids.keys().copied());
                c.err(
                    path(),
                    format!(
                        "node {} {relation} unknown node {}{hint}",
                        q(&n.id),
                        q(target)
                    ),
                );
                continue;
            };
            let t = NodeIx(t as u32);
            if let Some((sup, set)) = &mut against
                && supported_by_node(sup, set, i, t)
            {
                c.err(
                    path(),
                    format!(
                        "node {} both supports and attacks {}; keep one",
                        q(&n.id),
                        q(target)
                    ),
                );
            }
            let repeat = match &mut long_seen {
                Some(set) => !set.insert(t),
                None => rows.current().contains(&t),
            };
            if repeat {
                self.repeats.push((
                    path(),
                    format!(
                        "node {} lists {} twice in `{relation}`; remove the repeat",
                        q(&n.id),
                        q(target)
                    ),
                ));
            } else {
                rows.push(t);
            }
        }
        rows.end_row();
    }
}

/// Whether node `i` (whose supports are the last full row of `sup`)
/// supports `t`. Long rows are put in a set once per node.
fn supported_by_node(
    sup: &Adjacency,
    set: &mut (usize, HashSet<NodeIx>),
    i: usize,
    t: NodeIx,
) -> bool {
    let row = sup.get(NodeIx(i as u32));
    if row.len() <= SCAN_LIMIT {
        return row.contains(&t);
    }
    if set.0 != i {
        *set = (i, row.iter().copied().collect());
    }
    set.1.contains(&t)
}

/// What each kind may relate to: a thesis to nothing, a rebuttal to
/// something, but not to a thesis. And a weight within 0.0 to 1.0.
fn kind_rules(d: &DebateFile, i: usize, n: &Node, node_ids: &NodeIds, c: &mut Checks) {
    let here = |field: &str| format!("nodes[{i}].{field}");
    match n.kind {
        Kind::Thesis if !n.supports.is_empty() || !n.attacks.is_empty() => {
            let field = if n.supports.is_empty() {
                "attacks"
            } else {
                "supports"
            };
            c.err(
                here(field),
                format!(
                    "thesis {} supports or attacks another node; a thesis is a root — make it a claim, or remove the relation",
                    q(&n.id)
                ),
            );
        }
        Kind::Rebuttal if n.attacks.is_empty() => {
            c.err(
                here("id"),
                format!(
                    "rebuttal {} attacks nothing; add `attacks: [\"ID\"]` or make it a claim",
                    q(&n.id)
                ),
            );
        }
        Kind::Rebuttal => {
            for (j, target) in n.attacks.iter().enumerate() {
                if let Some(&t) = node_ids.get(target.as_str())
                    && d.nodes[t].kind == Kind::Thesis
                {
                    c.err(
                        format!("nodes[{i}].attacks[{j}]"),
                        format!(
                            "rebuttal {} attacks thesis {}; a point against a thesis is a claim — change its kind to Claim",
                            q(&n.id),
                            q(target)
                        ),
                    );
                }
            }
        }
        _ => {}
    }
    if let Some(w) = n.weight
        && !(0.0..=1.0).contains(&w)
    {
        c.err(
            here("weight"),
            format!(
                "weight {w} of {} is out of range; a weight is a number from 0.0 to 1.0",
                q(&n.id)
            ),
        );
    }
}

/// Quote, source, locator and basis only on evidence; a cited source must exist.
fn evidence_fields(i: usize, n: &Node, source_ids: &SourceIds, c: &mut Checks) {
    let here = |field: &str| format!("nodes[{i}].{field}");
    if n.kind != Kind::Evidence {
        for (field, present) in [
            ("quote", n.quote.is_some()),
            ("source", n.source.is_some()),
            ("locator", n.locator.is_some()),
            ("basis", n.basis.is_some()),
        ] {
            if present {
                c.err(
                    here(field),
                    format!(
                        "`{field}` is only allowed on evidence, and {} is a {}; change its kind to Evidence or remove the field",
                        q(&n.id),
                        n.kind.name()
                    ),
                );
            }
        }
    } else if let Some(src) = &n.source
        && !source_ids.contains_key(src.as_str())
    {
        let hint = c.suggest(src, source_ids.keys().copied());
        c.err(
            here("source"),
            format!(
                "evidence {} cites unknown source {}{hint}",
                q(&n.id),
                q(src)
            ),
        );
    }
}

/// Evidence without a quote, or with a quote but no source.
fn evidence_warnings(d: &DebateFile, c: &mut Checks) {
    for (i, n) in d.nodes.iter().enumerate() {
        if n.kind != Kind::Evidence {
            continue;
        }
        match (&n.quote, &n.source) {
            (None, _) => c.warn(
                format!("nodes[{i}].id"),
                format!(
                    "evidence {} has no quote; add the verbatim words it rests on",
                    q(&n.id)
                ),
            ),
            (Some(_), None) => c.warn(
                format!("nodes[{i}].quote"),
                format!(
                    "evidence {} has a quote but no source; add `source: \"ID\"`",
                    q(&n.id)
                ),
            ),
            _ => {}
        }
    }
}

/// Reports each cycle of supports once, as the chain of ids that closes it.
fn support_cycles(d: &DebateFile, sup: &Adjacency, c: &mut Checks) {
    const MAX_REPORTED: usize = 20;
    let n = d.nodes.len();
    // 0 unvisited, 1 on the stack, 2 done. Iterative, so deep chains cannot overflow the stack.
    let mut state = vec![0u8; n];
    let mut reported = 0;
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        // Each frame holds a node and the position in its `supports` to look
        // at next, so every written support is visited once (walking to the
        // k-th resolved target afresh each time was quadratic in a node's
        // supports: 20,000 of them took half a minute).
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let list = sup.get(NodeIx(node as u32));
            let child = list.get(*next).map(|&t| t.index());
            *next += 1;
            match child {
                Some(c) if state[c] == 0 => {
                    state[c] = 1;
                    stack.push((c, 0));
                }
                Some(closing) if state[closing] == 1 => {
                    if reported < MAX_REPORTED {
                        report_cycle(d, &stack, node, closing, c);
                    }
                    reported += 1;
                }
                Some(_) => {}
                None => {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
    }
}

/// Reports the cycle closed by `node` supporting `closing`, which is on `stack`.
fn report_cycle(
    d: &DebateFile,
    stack: &[(usize, usize)],
    node: usize,
    closing: usize,
    c: &mut Checks,
) {
    let start = stack.iter().position(|&(s, _)| s == closing).unwrap_or(0);
    let mut chain: Vec<String> = stack[start..]
        .iter()
        .map(|&(s, _)| q(&d.nodes[s].id))
        .chain(std::iter::once(q(&d.nodes[closing].id)))
        .collect();
    // A cycle through thousands of nodes: name its ends.
    if chain.len() > 12 {
        let skipped = chain.len() - 10;
        chain.splice(5..chain.len() - 5, [format!("({skipped} more)")]);
    }
    // Where the support is written.
    let written_at = d.nodes[node]
        .supports
        .iter()
        .position(|t| *t == d.nodes[closing].id)
        .unwrap_or(0);
    c.err(
        format!("nodes[{node}].supports[{written_at}]"),
        format!(
            "cycle of supports: {}; a point cannot support itself through others — remove one of these supports",
            chain.join(" → ")
        ),
    );
}

/// Indices of nodes from which no thesis can be reached along supports and attacks.
fn unreachable(d: &DebateFile, sup: &Adjacency, att: &Adjacency) -> Vec<usize> {
    let n = d.nodes.len();
    // Incoming edges, then a walk back from the theses.
    let incoming = Adjacency::from_edges(n, sup.edges().chain(att.edges()).map(|(a, b)| (b, a)));
    let mut seen = vec![false; n];
    let mut queue: Vec<usize> = (0..n)
        .filter(|&i| d.nodes[i].kind == Kind::Thesis)
        .collect();
    for &t in &queue {
        seen[t] = true;
    }
    while let Some(i) = queue.pop() {
        for &c in incoming.get(NodeIx(i as u32)) {
            if !seen[c.index()] {
                seen[c.index()] = true;
                queue.push(c.index());
            }
        }
    }
    (0..n).filter(|&i| !seen[i]).collect()
}
