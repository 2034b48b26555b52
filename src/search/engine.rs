//! Ranking: the passes over the nodes, split across cores, the top-k
//! selection, and narrowing from earlier queries.
//!
//! The fuzzy matcher costs about a microsecond per title, far too much to
//! call on every node at every keystroke. So a query is answered as an
//! exact top-k with bounds:
//!
//! 1. A survey of every candidate node (in parallel) decides cheaply whether
//!    it matches at all (in-order bytes for fuzzy fields, substring for long
//!    text) and gives it an upper bound on its score ([`fuzzy_bound`]), plus
//!    any score already exact (tags, text when nothing else matched).
//! 2. The nodes with the highest bounds are scored exactly, in growing
//!    batches, until the k-th best exact score is above every bound left:
//!    the rest cannot enter the top k and are never scored.
//!
//! Only the final hits get highlight positions and snippets.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use fuzzy_matcher::skim::SkimMatcherV2;

use super::index::SearchIndex;
use super::matching::{BoundNeedle, Needle, Scratch, char_index, is_subsequence, mask};
use super::query::Query;
use super::results::{Field, Hit, Results};
use super::snippet::snippet;

/// Field weights, added to the match score: a title match ranks above the
/// same match in a tag, a source, a quote, then the text.
const W_TITLE: i32 = 60;
const W_TAG: i32 = 40;
const W_SOURCE: i32 = 20;
const W_QUOTE: i32 = 10;
const W_TEXT: i32 = 0;

/// A substring match in long text scores like the fuzzy matcher scores a
/// run of consecutive chars, plus bonuses for word boundaries.
const PER_CHAR: i32 = 16;
const CONSECUTIVE: i32 = 4;
const WORD_START: i32 = 16;
const WORD_END: i32 = 8;

/// Searches with at least this many candidates report best-so-far results
/// before the exact ranking is finished.
pub const PARTIAL_MIN_NODES: usize = 200_000;

/// Nodes per unit of parallel work: big enough that handing out work costs
/// nothing, small enough that both cores finish together.
const CHUNK: usize = 4096;

/// Past searches kept for narrowing; bounded in count and in stored nodes.
const HISTORY: usize = 24;

const FILTERED: i32 = i32::MIN;
const NO_MATCH: i32 = i32::MIN + 1;
/// The bound for what cannot be bounded (non-ASCII queries): always scored.
const UNBOUNDED: i32 = i32::MAX / 4;

/// Parts of a node still to be scored exactly.
const TITLE_PENDING: u8 = 1;
const SOURCE_PENDING: u8 = 2;
const TEXT_PENDING: u8 = 4;

/// Scores `pattern` in `text` with a fresh matcher. The matcher reuses its
/// score matrix between calls without clearing it, and its switch to turn
/// that off panics (fuzzy-matcher 0.3.7); a fresh one per call makes a score
/// depend only on the text and the pattern, so that the bound holds and
/// every caller (CLI, explorer, any thread) ranks alike.
pub(super) fn skim(
    text: &str,
    pattern: &str,
    fold_case: bool,
    positions: bool,
) -> Option<(i32, Vec<usize>)> {
    let matcher = if fold_case {
        SkimMatcherV2::default().ignore_case()
    } else {
        SkimMatcherV2::default().respect_case()
    };
    matcher
        .fuzzy(text, pattern, positions)
        .map(|(score, p)| (clamp(score), p))
}

/// The best match found so far in one node.
#[derive(Debug, Clone, Copy)]
struct Best {
    score: i32,
    field: Field,
    part: u16,
}

impl Best {
    const NONE: Best = Best {
        score: NO_MATCH,
        field: Field::Title,
        part: 0,
    };

    fn offer(&mut self, score: i32, field: Field, part: usize) {
        if score > self.score {
            *self = Best {
                score,
                field,
                part: part.min(u16::MAX as usize) as u16,
            };
        }
    }
}

/// What the survey learnt about one node.
#[derive(Debug, Clone, Copy)]
struct State {
    /// Exact so far: a lower bound on the node's score.
    best: Best,
    /// No score of the node can exceed this.
    upper: i32,
    pending: u8,
}

impl State {
    const FILTERED: State = State {
        best: Best {
            score: FILTERED,
            field: Field::Title,
            part: 0,
        },
        upper: FILTERED,
        pending: 0,
    };

    /// Whether the node matches at all (pending fuzzy parts are known to match).
    fn matched(&self) -> bool {
        self.best.score > NO_MATCH || self.pending & (TITLE_PENDING | SOURCE_PENDING) != 0
    }
}

/// One search's view of the query, prepared once for all nodes.
struct Prepared<'a> {
    index: &'a SearchIndex,
    query: &'a Query,
    fold_case: bool,
    /// The text as matched (lowercase when case is ignored).
    text: String,
    text_mask: u64,
    /// Bounds fuzzy scores; `None` for queries it cannot bound.
    bounder: Option<BoundNeedle>,
    needle: Needle,
    /// Exact fuzzy score of each distinct tag, or `NO_MATCH`.
    tag_scores: Vec<i32>,
    /// Bound on each source's score (title or author), or `NO_MATCH`.
    source_bounds: Vec<i32>,
    /// Exact source scores, computed when first needed by any thread.
    source_exact: Vec<AtomicU64>,
    /// For each distinct tag, which tag filters it satisfies (bit per filter).
    tag_filter_bits: Vec<u64>,
    all_tag_filters: u64,
    /// No text match can score above this.
    text_bound: i32,
}

/// Not yet computed, in [`Prepared::source_exact`].
const UNKNOWN: u64 = u64::MAX;

impl<'a> Prepared<'a> {
    fn new(index: &'a SearchIndex, query: &'a Query) -> Prepared<'a> {
        let fold_case = !query.case_sensitive();
        let text = if fold_case {
            super::matching::fold(&query.text)
        } else {
            query.text.clone()
        };
        let bounder = BoundNeedle::new(text.as_bytes(), fold_case);
        let tag_scores = (0..index.tag_count() as u32)
            .map(|t| {
                let tag = index.tag(t, fold_case);
                if text.is_empty() || !is_subsequence(tag.as_bytes(), text.as_bytes(), fold_case) {
                    return NO_MATCH;
                }
                skim(tag, &text, fold_case, false).map_or(NO_MATCH, |(s, _)| s)
            })
            .collect();
        let sources = index.graph().sources.len();
        let bound_of = |s: &str| -> i32 {
            if text.is_empty() || s.is_empty() {
                return NO_MATCH;
            }
            if let Some(b) = &bounder {
                b.bound(s.as_bytes()).unwrap_or(NO_MATCH)
            } else if is_subsequence(s.as_bytes(), text.as_bytes(), fold_case) {
                UNBOUNDED
            } else {
                NO_MATCH
            }
        };
        let source_bounds = (0..sources)
            .map(|s| {
                bound_of(index.source_part(s, 0, fold_case))
                    .max(bound_of(index.source_part(s, 1, fold_case)))
            })
            .collect();
        // Tag filters beyond 64 are ignored: no one types that many.
        let filters = &query.tags[..query.tags.len().min(64)];
        let tag_filter_bits = (0..index.tag_count() as u32)
            .map(|t| {
                let folded = index.tag(t, true);
                filters
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| super::matching::fold(f) == folded)
                    .fold(0u64, |bits, (i, _)| bits | 1 << i)
            })
            .collect();
        let all_tag_filters = if filters.is_empty() {
            0
        } else {
            u64::MAX >> (64 - filters.len())
        };
        let needle = Needle::new(&query.text, fold_case);
        let m = needle.char_len() as i32;
        let text_bound = text_score(m, true, true) + W_QUOTE.max(W_TEXT);
        Prepared {
            index,
            query,
            fold_case,
            text_mask: mask(text.as_bytes()),
            bounder,
            text,
            needle,
            tag_scores,
            source_bounds,
            source_exact: (0..sources).map(|_| AtomicU64::new(UNKNOWN)).collect(),
            tag_filter_bits,
            all_tag_filters,
            text_bound,
        }
    }

    fn passes_filters(&self, i: usize) -> bool {
        let q = self.query;
        if !q.kinds.is_empty() && !q.kinds.contains(&self.index.kind(i)) {
            return false;
        }
        if !q.sides.is_empty() && !q.sides.contains(&self.index.side(i)) {
            return false;
        }
        if self.all_tag_filters != 0 {
            let have = self
                .index
                .tag_ids(i)
                .iter()
                .fold(0u64, |bits, &t| bits | self.tag_filter_bits[t as usize]);
            if have != self.all_tag_filters {
                return false;
            }
        }
        true
    }

    /// The title as the matcher should see it.
    fn title(&self, i: usize) -> &'a str {
        if self.fold_case {
            self.index.title_for_folded_match(i)
        } else {
            self.index.title(i)
        }
    }

    /// The bound on the title's fuzzy score, or `None` when it cannot match.
    fn title_bound(&self, i: usize) -> Option<i32> {
        if self.index.title_mask(i) & self.text_mask != self.text_mask {
            return None;
        }
        let title = self.title(i).as_bytes();
        if let Some(b) = &self.bounder {
            b.bound(title)
        } else {
            is_subsequence(title, self.text.as_bytes(), self.fold_case).then_some(UNBOUNDED)
        }
    }

    /// The exact score of a source (best of title and author) and which part.
    fn source_score(&self, s: usize) -> (i32, usize) {
        let slot = &self.source_exact[s];
        let known = slot.load(Ordering::Relaxed);
        if known != UNKNOWN {
            return ((known >> 8) as u32 as i32, (known & 0xff) as usize);
        }
        let score = |part| {
            skim(
                self.index.source_part(s, part, self.fold_case),
                &self.text,
                self.fold_case,
                false,
            )
            .map_or(NO_MATCH, |(v, _)| v)
        };
        let (title, author) = (score(0), score(1));
        let (best, part) = if author > title {
            (author, 1)
        } else {
            (title, 0)
        };
        // Two threads may both compute it; they store the same value.
        slot.store((best as u32 as u64) << 8 | part as u64, Ordering::Relaxed);
        (best, part)
    }

    /// Step 1: filters, whether the node matches, its bound, and what is
    /// cheap to know exactly.
    fn survey(&self, i: usize, scratch: &mut Scratch) -> State {
        if !self.passes_filters(i) {
            return State::FILTERED;
        }
        let mut st = State {
            best: Best::NONE,
            upper: NO_MATCH,
            pending: 0,
        };
        if let Some(bound) = self.title_bound(i) {
            st.pending |= TITLE_PENDING;
            st.upper = bound + W_TITLE;
        }
        for (part, &t) in self.index.tag_ids(i).iter().enumerate() {
            let score = self.tag_scores[t as usize];
            if score > NO_MATCH {
                st.best.offer(score + W_TAG, Field::Tag, part);
            }
        }
        if let Some(s) = self.index.source_of(i) {
            let bound = self.source_bounds[s];
            if bound > NO_MATCH {
                st.pending |= SOURCE_PENDING;
                st.upper = st.upper.max(bound + W_SOURCE);
            }
        }
        if self.index.has_long_text(i) {
            if st.matched() {
                // It matches already; its text matters only if it could rank.
                st.pending |= TEXT_PENDING;
                st.upper = st.upper.max(self.text_bound);
            } else {
                self.score_long(i, &mut st.best, scratch);
            }
        }
        st.upper = st.upper.max(st.best.score);
        st
    }

    /// Step 2: the exact score of whatever is pending.
    fn resolve(&self, i: usize, st: &mut State, scratch: &mut Scratch) {
        if st.pending & TITLE_PENDING != 0
            && let Some((score, _)) = skim(self.title(i), &self.text, self.fold_case, false)
        {
            st.best.offer(
                score + title_weight(score, self.text.chars().count()),
                Field::Title,
                0,
            );
        }
        if st.pending & SOURCE_PENDING != 0
            && let Some(s) = self.index.source_of(i)
        {
            let (score, part) = self.source_score(s);
            if score > NO_MATCH {
                st.best.offer(score + W_SOURCE, Field::Source, part);
            }
        }
        if st.pending & TEXT_PENDING != 0 {
            self.score_long(i, &mut st.best, scratch);
        }
        st.pending = 0;
        st.upper = st.best.score;
    }

    /// The long fields' exact scores.
    fn score_long(&self, i: usize, best: &mut Best, scratch: &mut Scratch) {
        let node = &self.index.graph().nodes[i];
        let m = self.needle.char_len() as i32;
        for (field, value, weight) in [
            (Field::Quote, &node.quote, W_QUOTE),
            (Field::Text, &node.text, W_TEXT),
        ] {
            if let Some(value) = value
                && let Some(found) = self.needle.find(value, scratch)
            {
                best.offer(
                    text_score(m, found.word_start, found.word_end) + weight,
                    field,
                    0,
                );
            }
        }
    }

    /// The finished hit: its exact score, every field matched, positions in
    /// the best field, and a snippet for long text.
    fn hit(&self, i: usize, scratch: &mut Scratch) -> Hit {
        let mut st = self.survey(i, scratch);
        if st.pending & (TITLE_PENDING | SOURCE_PENDING) != 0 {
            st.pending |= TEXT_PENDING;
        }
        self.resolve(i, &mut st, scratch);
        let best = st.best;
        let node = &self.index.graph().nodes[i];
        let mut fields = Vec::new();
        if self.title_bound(i).is_some() {
            fields.push(Field::Title);
        }
        for (field, value) in [(Field::Text, &node.text), (Field::Quote, &node.quote)] {
            if value
                .as_deref()
                .is_some_and(|v| self.needle.find(v, scratch).is_some())
            {
                fields.push(field);
            }
        }
        if self
            .index
            .source_of(i)
            .is_some_and(|s| self.source_bounds[s] > NO_MATCH)
        {
            fields.push(Field::Source);
        }
        if self
            .index
            .tag_ids(i)
            .iter()
            .any(|&t| self.tag_scores[t as usize] > NO_MATCH)
        {
            fields.push(Field::Tag);
        }
        let part = best.part as usize;
        let fuzzy_positions = |s: &str| -> Vec<usize> {
            skim(s, &self.text, self.fold_case, true)
                .map(|(_, p)| p)
                .unwrap_or_default()
        };
        let (positions, snip) = match best.field {
            Field::Title => (fuzzy_positions(self.title(i)), None),
            Field::Tag => {
                let t = self.index.tag_ids(i).get(part).copied().unwrap_or(0);
                (fuzzy_positions(self.index.tag(t, self.fold_case)), None)
            }
            Field::Source => {
                let s = self.index.source_of(i).unwrap_or(0);
                (
                    fuzzy_positions(self.index.source_part(s, part, self.fold_case)),
                    None,
                )
            }
            Field::Quote | Field::Text => {
                let value = if best.field == Field::Quote {
                    node.quote.as_deref()
                } else {
                    node.text.as_deref()
                }
                .unwrap_or("");
                match self.needle.find(value, scratch) {
                    Some(found) => {
                        let start = char_index(value, found.start);
                        let len = char_index(&value[found.start..], found.end - found.start);
                        (
                            (start..start + len).collect(),
                            Some(snippet(value, start, len)),
                        )
                    }
                    None => (Vec::new(), None),
                }
            }
        };
        Hit {
            node: SearchIndex::node_ix(i),
            score: best.score as i64,
            field: best.field,
            part,
            positions,
            snippet: snip,
            fields,
        }
    }
}

/// The title's weight goes only to a close match: one that scores about
/// as a run of the query's chars would. A scattered match ("s…p…y" across a
/// title for "spy") keeps its own score but not the weight, so an exact
/// match in text can rank above it. Only ever lowers a score, so the
/// bounds used to skip titles stay upper bounds.
fn title_weight(score: i32, query_chars: usize) -> i32 {
    if i64::from(score) >= 18 * query_chars as i64 {
        W_TITLE
    } else {
        0
    }
}

fn text_score(chars: i32, word_start: bool, word_end: bool) -> i32 {
    PER_CHAR * chars
        + CONSECUTIVE * (chars - 1).max(0)
        + if word_start { WORD_START } else { 0 }
        + if word_end { WORD_END } else { 0 }
}

fn clamp(score: i64) -> i32 {
    score.clamp(-(1 << 24), 1 << 24) as i32
}

/// A finished search remembered for narrowing.
#[derive(Debug)]
struct Past {
    filters: Query,
    text: String,
    /// Every node that matched, in file order.
    matched: Vec<u32>,
}

/// Runs searches over one index, remembering recent ones so that typing
/// one more char only re-scores the nodes that matched before it.
pub struct Searcher {
    index: Arc<SearchIndex>,
    history: VecDeque<Past>,
    threads: usize,
    exhaustive: bool,
}

impl Searcher {
    pub fn new(index: Arc<SearchIndex>) -> Searcher {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(8);
        Searcher {
            index,
            history: VecDeque::new(),
            threads,
            exhaustive: false,
        }
    }

    /// Uses at most `threads` threads (at least one).
    pub fn with_threads(mut self, threads: usize) -> Searcher {
        self.threads = threads.max(1);
        self
    }

    /// Scores every match exactly instead of stopping once the rest cannot
    /// rank. Slow; it exists to check that stopping early changes nothing.
    pub fn exhaustive(mut self) -> Searcher {
        self.exhaustive = true;
        self
    }

    pub fn index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    /// The best `limit` matches of `query`, best first.
    pub fn search(&mut self, query: &str, limit: usize) -> Results {
        self.search_with(query, limit, &|| false, &mut |_| {})
            .unwrap_or_else(|| Results::empty(query))
    }

    /// Like [`Searcher::search`], but gives up (returning `None`) as soon as
    /// `cancelled` says so, and on large graphs hands best-so-far results
    /// (`complete: false`) to `partial` before the ranking is finished.
    pub fn search_with(
        &mut self,
        query_text: &str,
        limit: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
        partial: &mut dyn FnMut(Results),
    ) -> Option<Results> {
        let query = Query::parse(query_text);
        let mut results = Results::empty(query_text);
        if !query.errors.is_empty() {
            results.errors = query.errors;
            return Some(results);
        }
        let prepared = Prepared::new(&self.index, &query);
        if query.is_empty_text() {
            return Some(self.unranked(&prepared, query_text, limit));
        }

        let candidates = self.narrowed(&query);
        let count = candidates.map_or(self.index.len(), <[u32]>::len);
        let node_at = |k: usize| -> usize { candidates.map_or(k, |c| c[k] as usize) };

        // Step 1: survey every candidate.
        let mut states = vec![State::FILTERED; count];
        let surveyed = par_chunks(&mut states, self.threads, cancelled, |offset, chunk| {
            let mut scratch = Scratch::default();
            for (k, st) in chunk.iter_mut().enumerate() {
                *st = prepared.survey(node_at(offset + k), &mut scratch);
            }
        });
        if !surveyed {
            return None;
        }

        // Step 2: score exactly, best bounds first, until the rest cannot rank.
        // Candidates are in file order, so a position orders ties like the index.
        let mut pending: Vec<(i32, u32)> = states
            .iter()
            .enumerate()
            .filter(|(_, st)| st.pending != 0 && st.matched())
            .map(|(k, st)| (st.upper, k as u32))
            .collect();
        let by_rank = |a: &(i32, u32), b: &(i32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        let mut batch = (limit * 2).max(256);
        let mut first_round = true;
        loop {
            if !self.exhaustive
                && let Some((score, pos)) = kth_best(&states, limit)
            {
                pending.retain(|&(upper, k)| upper > score || (upper == score && k <= pos));
            }
            if pending.is_empty() || limit == 0 {
                break;
            }
            if pending.len() > batch {
                pending.select_nth_unstable_by(batch - 1, by_rank);
            }
            let take = pending.len().min(batch);
            let mut work: Vec<(u32, State)> = pending
                .drain(..take)
                .map(|(_, k)| (k, states[k as usize]))
                .collect();
            let resolved = par_chunks(&mut work, self.threads, cancelled, |_, chunk| {
                let mut scratch = Scratch::default();
                for (k, st) in chunk.iter_mut() {
                    prepared.resolve(node_at(*k as usize), st, &mut scratch);
                }
            });
            if !resolved {
                return None;
            }
            for (k, st) in work {
                states[k as usize] = st;
            }
            batch *= 4;
            if first_round && count >= PARTIAL_MIN_NODES && !pending.is_empty() {
                let (hits, total) = top(&prepared, &states, &node_at, limit, None);
                partial(Results {
                    hits,
                    total_matched: total,
                    complete: false,
                    ..Results::empty(query_text)
                });
            }
            first_round = false;
        }

        let mut matched = Vec::new();
        let (hits, total) = top(&prepared, &states, &node_at, limit, Some(&mut matched));
        drop(prepared);
        self.remember(query, matched);
        results.hits = hits;
        results.total_matched = total;
        Some(results)
    }

    /// No text to match: the filtered nodes in file order.
    fn unranked(&self, prepared: &Prepared, query_text: &str, limit: usize) -> Results {
        let mut hits = Vec::new();
        let mut total = 0;
        for i in 0..self.index.len() {
            if prepared.passes_filters(i) {
                total += 1;
                if hits.len() < limit {
                    hits.push(Hit {
                        node: SearchIndex::node_ix(i),
                        score: 0,
                        field: Field::Title,
                        part: 0,
                        positions: Vec::new(),
                        snippet: None,
                        fields: Vec::new(),
                    });
                }
            }
        }
        Results {
            hits,
            total_matched: total,
            ..Results::empty(query_text)
        }
    }

    /// The nodes that matched the longest remembered query this one extends
    /// (same filters, text a prefix of this text). Every node matching the
    /// longer text matched the shorter: in-order and substring tests only
    /// get stricter as chars are added, and smart case only turns strict.
    fn narrowed(&self, query: &Query) -> Option<&[u32]> {
        self.history
            .iter()
            .filter(|p| p.filters.same_filters(query) && query.text.starts_with(&p.text))
            .max_by_key(|p| p.text.len())
            .map(|p| p.matched.as_slice())
    }

    fn remember(&mut self, query: Query, matched: Vec<u32>) {
        let text = query.text.clone();
        self.history
            .retain(|p| !(p.text == text && p.filters.same_filters(&query)));
        self.history.push_back(Past {
            filters: Query {
                text: String::new(),
                ..query
            },
            text,
            matched,
        });
        let budget = (self.index.len() * 4).max(1 << 16);
        let mut stored: usize = self.history.iter().map(|p| p.matched.len()).sum();
        while self.history.len() > HISTORY || (stored > budget && self.history.len() > 1) {
            if let Some(old) = self.history.pop_front() {
                stored -= old.matched.len();
            }
        }
    }
}

/// The `k`-th best (score, position) among exact lower bounds, or `None`
/// when fewer than `k` nodes have one yet (then anything may still rank).
fn kth_best(states: &[State], k: usize) -> Option<(i32, u32)> {
    if k == 0 {
        return None;
    }
    let mut known: Vec<(i32, u32)> = states
        .iter()
        .enumerate()
        .filter(|(_, st)| st.best.score > NO_MATCH)
        .map(|(i, st)| (st.best.score, i as u32))
        .collect();
    if known.len() < k {
        return None;
    }
    let (_, kth, _) = known.select_nth_unstable_by(k - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    Some(*kth)
}

/// The `limit` best scored nodes as finished hits, and how many matched.
/// Nodes still pending are left out: the ranking loop has shown they
/// cannot rank. When `matched` is given, every matching node is written to
/// it in order.
fn top(
    prepared: &Prepared,
    states: &[State],
    node_at: &(dyn Fn(usize) -> usize + Sync),
    limit: usize,
    mut matched: Option<&mut Vec<u32>>,
) -> (Vec<Hit>, usize) {
    let mut scored: Vec<(i32, u32)> = Vec::new();
    let mut total = 0;
    for (k, st) in states.iter().enumerate() {
        if !st.matched() {
            continue;
        }
        total += 1;
        let i = node_at(k) as u32;
        if st.pending == 0 {
            scored.push((st.best.score, i));
        }
        if let Some(m) = matched.as_deref_mut() {
            m.push(i);
        }
    }
    // Best score first; file order among equals, so results are stable.
    let order = |a: &(i32, u32), b: &(i32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    if scored.len() > limit {
        if limit == 0 {
            scored.clear();
        } else {
            scored.select_nth_unstable_by(limit - 1, order);
            scored.truncate(limit);
        }
    }
    scored.sort_unstable_by(order);
    let mut scratch = Scratch::default();
    let hits = scored
        .into_iter()
        .map(|(_, i)| prepared.hit(i as usize, &mut scratch))
        .collect();
    (hits, total)
}

/// Runs `work(offset, chunk)` over `data` in chunks on up to `threads`
/// threads. Returns false if `cancelled` said so before the end.
fn par_chunks<T: Send>(
    data: &mut [T],
    threads: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
    work: impl Fn(usize, &mut [T]) + Sync,
) -> bool {
    let chunks = data.len().div_ceil(CHUNK);
    let threads = threads.min(chunks).max(1);
    let queue = Mutex::new(data.chunks_mut(CHUNK).enumerate());
    let run = || -> bool {
        loop {
            if cancelled() {
                return false;
            }
            // A poisoned lock means another thread panicked; scope re-raises it.
            let next = match queue.lock() {
                Ok(mut q) => q.next(),
                Err(_) => return false,
            };
            match next {
                Some((n, chunk)) => work(n * CHUNK, chunk),
                None => return true,
            }
        }
    };
    if threads == 1 {
        return run();
    }
    std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads).map(|_| s.spawn(run)).collect();
        let mine = run();
        helpers
            .into_iter()
            .fold(mine, |all, h| h.join().unwrap_or(false) && all)
    })
}
