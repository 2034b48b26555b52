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
//! Only the final hits get highlight positions and snippets. A search of
//! a very big map first ranks a preview (its first candidates) the same
//! way and hands those results over before surveying the rest.
//!
//! Typing one more char searches only the nodes the query without it
//! matched, and starts from what that search learnt of each ([`Facts`]):
//! the title's bound for the word so far, where the word first occurs in
//! long text, or that it does not. The survey then reads only what the new
//! chars need, and gives the very state a survey from nothing gives.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use super::index::SearchIndex;
use super::matching::Scratch;
use super::query::Query;
use super::results::{Field, Hit, Results};
use super::snippet::snippet;
use super::term::{
    Best, Ctx, Facts, NO_MATCH, Prior, Skim, State, TEXT_PENDING, TermPrep, WORDS_PENDING,
    char_range,
};

/// Searches with at least this many candidates report best-so-far results
/// before the exact ranking is finished.
pub const PARTIAL_MIN_NODES: usize = 200_000;

/// How many candidates such a search ranks first, for its early results:
/// few enough to be on screen within a frame or two.
const PREVIEW: usize = 1 << 15;

/// Nodes per unit of parallel work: big enough that handing out work costs
/// nothing, small enough that both cores finish together.
const CHUNK: usize = 4096;

/// Past searches kept for narrowing; bounded in count and in stored nodes.
const HISTORY: usize = 24;

/// Words of a query whose [`Facts`] are kept, per node: the first few that
/// can carry over. A pasted paragraph's other words are surveyed from
/// nothing, so memory stays a small multiple of the nodes.
const REMEMBERED_WORDS: usize = 4;

/// One search's view of the query, prepared once for all nodes.
struct Prepared<'a> {
    ctx: Ctx<'a>,
    query: &'a Query,
    /// The words that must match, each prepared.
    terms: Vec<TermPrep>,
    /// The words that must not match anywhere.
    excludes: Vec<TermPrep>,
    /// For each distinct tag, which tag filters it satisfies (bit per filter).
    tag_filter_bits: Vec<u64>,
    all_tag_filters: u64,
    /// For each word, its place among the [`Facts`] kept per node, if its
    /// facts are kept.
    place: Vec<Option<usize>>,
    /// For each word, the place of the remembered search's word it carries
    /// on from, whose facts it starts from, and whether it is that very
    /// word.
    links: Vec<Option<(usize, bool)>>,
}

impl<'a> Prepared<'a> {
    fn new(index: &'a SearchIndex, query: &'a Query) -> Prepared<'a> {
        let fold_case = !query.case_sensitive();
        let ctx = Ctx {
            index,
            fold_case,
            skim: Skim::new(fold_case),
        };
        let prep = |negated: bool| -> Vec<TermPrep> {
            let words = query.terms.iter().filter(|t| t.negated == negated);
            words.map(|t| TermPrep::new(&ctx, t)).collect()
        };
        let (terms, excludes) = (prep(false), prep(true));
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
        let mut places = 0;
        let place = terms
            .iter()
            .map(|t| {
                let kept = t.memo_key().is_some() && places < REMEMBERED_WORDS;
                places += usize::from(kept);
                kept.then(|| places - 1)
            })
            .collect();
        Prepared {
            links: vec![None; terms.len()],
            place,
            ctx,
            query,
            terms,
            excludes,
            tag_filter_bits,
            all_tag_filters,
        }
    }

    /// Links each word to the word of `memo`'s search it carries on from,
    /// if any. Words are typed left to right, so the n-th word of a query
    /// typed on from another carries on from that one's n-th word.
    fn link(&mut self, memo: &Memo) {
        if memo.fold_case != self.ctx.fold_case {
            return;
        }
        for (t, term) in self.terms.iter().enumerate() {
            self.links[t] = memo
                .words
                .iter()
                .position(|(earlier_t, earlier)| *earlier_t == t && term.carries_on_from(earlier))
                .map(|p| (p, term.memo_key() == Some(memo.words[p].1.as_str())));
        }
    }

    /// Facts kept per node: at least one, for the chunking of the survey.
    fn per_node(&self) -> usize {
        self.place.iter().flatten().count().max(1)
    }

    /// What [`Facts`] a search of this query leaves for the next one.
    fn memo(&self) -> Memo {
        let words = self.terms.iter().zip(&self.place).enumerate();
        Memo {
            fold_case: self.ctx.fold_case,
            words: words
                .filter(|(_, (_, place))| place.is_some())
                .filter_map(|(t, (term, _))| Some((t, term.memo_key()?.to_string())))
                .collect(),
            facts: Vec::new(),
        }
    }

    fn index(&self) -> &'a SearchIndex {
        self.ctx.index
    }

    /// The filters, and the excluded words.
    fn passes_filters(&self, i: usize, scratch: &mut Scratch) -> bool {
        let q = self.query;
        let index = self.index();
        if !q.kinds.is_empty() && !q.kinds.contains(&index.kind(i)) {
            return false;
        }
        if !q.sides.is_empty() && !q.sides.contains(&index.side(i)) {
            return false;
        }
        if self.all_tag_filters != 0 {
            let have = index
                .tag_ids(i)
                .iter()
                .fold(0u64, |bits, &t| bits | self.tag_filter_bits[t as usize]);
            if have != self.all_tag_filters {
                return false;
            }
        }
        !self
            .excludes
            .iter()
            .any(|x| self.matches_anywhere(x, i, scratch))
    }

    fn matches_anywhere(&self, term: &TermPrep, i: usize, scratch: &mut Scratch) -> bool {
        term.in_title(&self.ctx, i, scratch)
            || term.in_tags(&self.ctx, i)
            || term.in_source(&self.ctx, i)
            || [Field::Quote, Field::Text]
                .into_iter()
                .any(|f| term.in_long(&self.ctx, i, f, scratch).is_some())
    }

    /// Step 1: filters, whether the node matches, its bound, and what is
    /// cheap to know exactly.
    fn survey(&self, i: usize, scratch: &mut Scratch) -> State {
        let mut unused = vec![Facts::START; self.per_node()];
        self.survey_from(i, None, &mut unused, scratch)
    }

    /// [`Prepared::survey`] starting from `prior`, the [`Facts`] the
    /// remembered search left for this node, and leaving the kept words'
    /// own in `out` ([`Prepared::per_node`] of them).
    fn survey_from(
        &self,
        i: usize,
        prior: Option<&[Facts]>,
        out: &mut [Facts],
        scratch: &mut Scratch,
    ) -> State {
        if !self.passes_filters(i, scratch) {
            return State::FILTERED;
        }
        let prior_of = |t: usize| {
            let (earlier, same_word) = self.links[t]?;
            prior.map(|p| Prior {
                facts: &p[earlier],
                same_word,
            })
        };
        let mut spare = Facts::START;
        if let [term] = self.terms.as_slice() {
            let out = self.place[0].map_or(&mut spare, |p| &mut out[p]);
            return term.survey_from(&self.ctx, i, scratch, prior_of(0), out);
        }
        // Several words: every one must match; the node's score is their sum.
        let mut all = State {
            best: Best::NONE,
            upper: 0,
            pending: 0,
        };
        let mut exact = 0i32;
        for (t, term) in self.terms.iter().enumerate() {
            let out = self.place[t].map_or(&mut spare, |p| &mut out[p]);
            let st = term.survey_from(&self.ctx, i, scratch, prior_of(t), out);
            if !st.matched() {
                return State::NO_MATCH;
            }
            all.upper = all.upper.saturating_add(st.upper);
            if st.pending == 0 {
                exact = exact.saturating_add(st.best.score);
            } else {
                all.pending = WORDS_PENDING;
            }
        }
        if all.pending == 0 {
            all.best.score = exact;
            all.upper = exact;
        }
        all
    }

    /// Step 2: the exact score of whatever is pending.
    fn resolve(&self, i: usize, st: &mut State, scratch: &mut Scratch) {
        if let [term] = self.terms.as_slice() {
            return term.resolve(&self.ctx, i, st, scratch);
        }
        let mut score = 0i32;
        let mut best = Best::NONE;
        for term in &self.terms {
            let b = term.exact(&self.ctx, i, scratch).best;
            score = score.saturating_add(b.score);
            if b.score > best.score {
                best = b;
            }
        }
        *st = State {
            best: Best { score, ..best },
            upper: score,
            pending: 0,
        };
    }

    /// The finished hit: its exact score, every field matched, positions in
    /// the best field, and a snippet for long text.
    fn hit(&self, i: usize, scratch: &mut Scratch) -> Hit {
        let mut st = self.survey(i, scratch);
        if st.pending != 0 {
            st.pending |= TEXT_PENDING;
        }
        self.resolve(i, &mut st, scratch);
        let best = st.best;
        let ctx = &self.ctx;
        let mut fields = Vec::new();
        let mut add = |f| {
            if !fields.contains(&f) {
                fields.push(f);
            }
        };
        for term in &self.terms {
            if term.in_title(ctx, i, scratch) {
                add(Field::Title);
            }
        }
        for field in [Field::Text, Field::Quote] {
            if self
                .terms
                .iter()
                .any(|t| t.in_long(ctx, i, field, scratch).is_some())
            {
                add(field);
            }
        }
        if self.terms.iter().any(|t| t.in_source(ctx, i)) {
            add(Field::Source);
        }
        if self.terms.iter().any(|t| t.in_tags(ctx, i)) {
            add(Field::Tag);
        }
        fields.sort();
        let part = best.part as usize;
        let (positions, snip) = self.positions(i, best.field, part, scratch);
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

    /// Where each word matches in one field of node `i`, merged, and a
    /// snippet around the first for long text.
    fn positions(
        &self,
        i: usize,
        field: Field,
        part: usize,
        scratch: &mut Scratch,
    ) -> (Vec<usize>, Option<super::Snippet>) {
        let ctx = &self.ctx;
        let index = self.index();
        let node = &index.graph().nodes[i];
        let fuzzy_field = match field {
            Field::Title => Some((index.title(i), ctx.title(i))),
            Field::Tag => index
                .tag_ids(i)
                .get(part)
                .map(|&t| (index.tag_as_written(t), index.tag(t, ctx.fold_case))),
            Field::Source => index.source_of(i).map(|s| {
                (
                    index.source_part_as_written(s, part),
                    index.source_part(s, part, ctx.fold_case),
                )
            }),
            Field::Quote | Field::Text => None,
        };
        let mut positions: Vec<usize> = Vec::new();
        let mut snip = None;
        if let Some((original, seen)) = fuzzy_field {
            for term in &self.terms {
                positions.extend(term.positions(ctx, original, seen, scratch));
            }
        } else {
            let value = if field == Field::Quote {
                node.quote.as_deref()
            } else {
                node.text.as_deref()
            }
            .unwrap_or("");
            let mut first = None;
            for term in &self.terms {
                if let Some(found) = term.in_written(value, scratch) {
                    let range = char_range(value, &found);
                    first.get_or_insert(range.clone());
                    positions.extend(range);
                }
            }
            positions.sort_unstable();
            positions.dedup();
            snip = first.map(|r| snippet(value, r.start, r.len(), &positions));
        }
        positions.sort_unstable();
        positions.dedup();
        (positions, snip)
    }
}

/// A finished search remembered for narrowing.
#[derive(Debug)]
struct Past {
    query: Query,
    /// Every node that matched, in file order.
    matched: Vec<u32>,
    /// Kept for the newest search alone: what its words learnt of the
    /// nodes that matched.
    memo: Option<Memo>,
}

/// What a search's words learnt of each node that matched, for the next
/// keystroke to start from.
#[derive(Debug)]
struct Memo {
    fold_case: bool,
    /// The words whose facts are kept, as matched, each with its place in
    /// its query; in the order of the facts kept per node.
    words: Vec<(usize, String)>,
    /// [`Memo::per_node`] facts for each matched node, in the order of
    /// `matched`.
    facts: Vec<Facts>,
}

impl Memo {
    /// Facts kept per node: one per remembered word, and at least one, as
    /// the survey that wrote them chunked them.
    fn per_node(&self) -> usize {
        self.words.len().max(1)
    }

    /// The facts of the `k`-th matched node.
    fn facts_of(&self, k: usize) -> &[Facts] {
        let per = self.per_node();
        &self.facts[k * per..(k + 1) * per]
    }
}

/// Runs searches over one index, remembering recent ones so that typing
/// one more char only re-scores the nodes that matched before it.
pub struct Searcher {
    index: Arc<SearchIndex>,
    history: VecDeque<Past>,
    threads: usize,
    exhaustive: bool,
    /// Searches of at least `.0` candidates rank the first `.1` first.
    preview: (usize, usize),
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
            preview: (PARTIAL_MIN_NODES, PREVIEW),
        }
    }

    /// Uses at most `threads` threads (at least one).
    pub fn with_threads(mut self, threads: usize) -> Searcher {
        self.threads = threads.max(1);
        self
    }

    /// Searches of at least `min_nodes` candidates hand the best of their
    /// first `size` to `partial` before the rest are surveyed.
    pub fn with_preview(mut self, min_nodes: usize, size: usize) -> Searcher {
        self.preview = (min_nodes, size);
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
        let mut prepared = Prepared::new(&self.index, &query);
        if query.is_empty_text() {
            return Some(self.unranked(&prepared, query_text, limit));
        }

        let past = self.narrowed(&query);
        let candidates = past.map(|p| p.matched.as_slice());
        let memo = past.and_then(|p| p.memo.as_ref());
        if let Some(memo) = memo {
            prepared.link(memo);
        }
        let count = candidates.map_or(self.index.len(), <[u32]>::len);
        let node_at = |k: usize| -> usize { candidates.map_or(k, |c| c[k] as usize) };
        let threads = self.threads;
        let words = prepared.per_node();
        let mut facts = vec![Facts::START; count * words];
        let survey = |offset: usize, states: &mut [State], facts: &mut [Facts]| -> bool {
            let work = states
                .chunks_mut(CHUNK)
                .zip(facts.chunks_mut(CHUNK * words))
                .enumerate();
            par_run(work, threads, cancelled, |(n, (chunk, out))| {
                let mut scratch = Scratch::default();
                for ((k, st), out) in chunk.iter_mut().enumerate().zip(out.chunks_mut(words)) {
                    let at = offset + n * CHUNK + k;
                    let prior = memo.map(|m| m.facts_of(at));
                    *st = prepared.survey_from(node_at(at), prior, out, &mut scratch);
                }
            })
        };
        let ranking = Ranking {
            prepared: &prepared,
            node_at: &node_at,
            limit,
            threads,
            exhaustive: self.exhaustive,
            cancelled,
        };
        let mut states = vec![State::FILTERED; count];
        // A big search first ranks a preview of the candidates, so that the
        // best of those reach the screen while the rest are surveyed.
        let (min_nodes, size) = self.preview;
        let preview = if count >= min_nodes {
            size.min(count)
        } else {
            0
        };
        if preview > 0 {
            let (head, head_facts) = (&mut states[..preview], &mut facts[..preview * words]);
            if !survey(0, head, head_facts) || !ranking.rank(&mut states[..preview]) {
                return None;
            }
            let (hits, total) = top(&prepared, &states[..preview], &node_at, limit, None);
            partial(Results {
                hits,
                total_matched: total,
                complete: false,
                ..Results::empty(query_text)
            });
        }
        // Step 1: survey every candidate.
        if !survey(
            preview,
            &mut states[preview..],
            &mut facts[preview * words..],
        ) {
            return None;
        }
        // Step 2: score exactly, best bounds first, until the rest cannot rank.
        if !ranking.rank(&mut states) {
            return None;
        }

        let mut matched = Vec::new();
        let (hits, total) = top(&prepared, &states, &node_at, limit, Some(&mut matched));
        let mut memo = prepared.memo();
        memo.facts = keep_matched(facts, &states, words);
        drop(prepared);
        self.remember(query, matched, memo);
        results.hits = hits;
        results.total_matched = total;
        Some(results)
    }

    /// No text to match: the filtered nodes in file order.
    fn unranked(&self, prepared: &Prepared, query_text: &str, limit: usize) -> Results {
        let mut hits = Vec::new();
        let mut total = 0;
        let mut scratch = Scratch::default();
        for i in 0..self.index.len() {
            if prepared.passes_filters(i, &mut scratch) {
                total += 1;
                if hits.len() < limit {
                    hits.push(Hit::unranked(SearchIndex::node_ix(i)));
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
    /// ([`Query::narrows_to`]): every node matching the longer text matched
    /// the shorter, as in-order and substring tests only get stricter as
    /// chars are added, and smart case only turns strict.
    fn narrowed(&self, query: &Query) -> Option<&Past> {
        self.history
            .iter()
            .filter(|p| p.query.narrows_to(query))
            .max_by_key(|p| p.query.text.len())
    }

    fn remember(&mut self, query: Query, matched: Vec<u32>, memo: Memo) {
        self.history
            .retain(|p| !(p.query.text == query.text && p.query.same_filters(&query)));
        for past in &mut self.history {
            past.memo = None;
        }
        self.history.push_back(Past {
            query,
            matched,
            memo: Some(memo),
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

/// Step 2 of a search: exact scores, best bounds first, until the rest
/// cannot rank.
struct Ranking<'a, 'q> {
    prepared: &'a Prepared<'q>,
    node_at: &'a (dyn Fn(usize) -> usize + Sync),
    limit: usize,
    threads: usize,
    exhaustive: bool,
    cancelled: &'a (dyn Fn() -> bool + Sync),
}

impl Ranking<'_, '_> {
    /// Resolves the states that may rank among `states` (surveyed ones);
    /// false if cancelled. Candidates are in file order, so a position
    /// orders ties like the index.
    fn rank(&self, states: &mut [State]) -> bool {
        let limit = self.limit;
        let mut pending: Vec<(i32, u32)> = states
            .iter()
            .enumerate()
            .filter(|(_, st)| st.pending != 0 && st.matched())
            .map(|(k, st)| (st.upper, k as u32))
            .collect();
        let by_rank = |a: &(i32, u32), b: &(i32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        let mut batch = (limit * 2).max(256);
        loop {
            if !self.exhaustive
                && let Some((score, pos)) = kth_best(states, limit)
            {
                pending.retain(|&(upper, k)| upper > score || (upper == score && k <= pos));
            }
            if pending.is_empty() || limit == 0 {
                return true;
            }
            if pending.len() > batch {
                pending.select_nth_unstable_by(batch - 1, by_rank);
            }
            let take = pending.len().min(batch);
            let mut work: Vec<(u32, State)> = pending
                .drain(..take)
                .map(|(_, k)| (k, states[k as usize]))
                .collect();
            let resolved = par_chunks(&mut work, self.threads, self.cancelled, |_, chunk| {
                let mut scratch = Scratch::default();
                for (k, st) in chunk.iter_mut() {
                    self.prepared
                        .resolve((self.node_at)(*k as usize), st, &mut scratch);
                }
            });
            if !resolved {
                return false;
            }
            for (k, st) in work {
                states[k as usize] = st;
            }
            batch *= 4;
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

/// The facts of the nodes that matched, in order, `words` per node: the
/// survey's array compacted in place.
fn keep_matched(mut facts: Vec<Facts>, states: &[State], words: usize) -> Vec<Facts> {
    let mut kept = 0;
    for (k, st) in states.iter().enumerate() {
        if st.matched() {
            facts.copy_within(k * words..(k + 1) * words, kept * words);
            kept += 1;
        }
    }
    facts.truncate(kept * words);
    facts
}

/// Runs `work(offset, chunk)` over `data` in chunks on up to `threads`
/// threads. Returns false if `cancelled` said so before the end.
fn par_chunks<T: Send>(
    data: &mut [T],
    threads: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
    work: impl Fn(usize, &mut [T]) + Sync,
) -> bool {
    let units = data.chunks_mut(CHUNK).enumerate();
    par_run(units, threads, cancelled, |(n, chunk)| {
        work(n * CHUNK, chunk)
    })
}

/// Runs `work` on each unit on up to `threads` threads, each taking the
/// next unit when done with one. Returns false if `cancelled` said so
/// before the end.
fn par_run<I>(
    units: I,
    threads: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
    work: impl Fn(I::Item) + Sync,
) -> bool
where
    I: ExactSizeIterator + Send,
    I::Item: Send,
{
    let threads = threads.min(units.len()).max(1);
    let queue = Mutex::new(units);
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
                Some(unit) => work(unit),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;

    /// A synthetic map with accents and capitals put in, so that folded
    /// copies and case-sensitive searches are surveyed too.
    fn index() -> Arc<SearchIndex> {
        let mut debate = crate::synth::debate(3000, 4);
        for (k, node) in debate.nodes.iter_mut().enumerate() {
            if k % 7 == 0
                && let Some(text) = &mut node.text
            {
                *text = text.replace("mor", "Mör").replace("win", "WÌN");
            }
            if k % 11 == 0 {
                node.title = node.title.replace('o', "ö");
            }
            if k % 13 == 0
                && let Some(quote) = &mut node.quote
            {
                *quote = quote.to_uppercase();
            }
        }
        Arc::new(SearchIndex::new(Arc::new(Graph::from_file(debate))))
    }

    /// Typing on from a remembered search, one char at a time or several
    /// (as when a search is cancelled), surveys every candidate to the
    /// very state a survey from nothing gives.
    #[test]
    fn a_survey_from_facts_is_a_survey_from_nothing() {
        let index = index();
        let mut searcher = Searcher::new(Arc::clone(&index)).with_threads(1);
        let mut rng = crate::synth::Rng::new(3);
        let typed = [
            "morale winter",
            "Mör WÌn",
            "sup  rat e",
            "'supply mor",
            "m o r",
            "zürich",
            // More words than have their facts kept.
            "su ra mo wi ba ca de",
        ];
        let (mut checked, mut same, mut extended) = (0, 0, 0);
        let mut scratch = Scratch::default();
        for text in typed {
            let mut end = 0;
            while end < text.len() {
                end = (end + 1 + rng.below(2)).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                let q = &text[..end];
                let query = Query::parse(q);
                if let Some(past) = searcher.narrowed(&query)
                    && let Some(memo) = &past.memo
                    && !query.is_empty_text()
                {
                    let mut prepared = Prepared::new(&index, &query);
                    prepared.link(memo);
                    same += prepared.links.iter().flatten().filter(|l| l.1).count();
                    extended += prepared.links.iter().flatten().filter(|l| !l.1).count();
                    let fresh = Prepared::new(&index, &query);
                    for (k, &node) in past.matched.iter().enumerate() {
                        let prior = memo.facts_of(k);
                        let mut out = vec![Facts::START; prepared.per_node()];
                        let from_facts = prepared.survey_from(
                            node as usize,
                            Some(prior),
                            &mut out,
                            &mut scratch,
                        );
                        let from_nothing = fresh.survey(node as usize, &mut scratch);
                        assert_eq!(from_facts, from_nothing, "{q:?}, node {node}");
                        checked += 1;
                    }
                }
                searcher.search(q, 20);
            }
        }
        assert!(
            checked > 10_000 && same > 3 && extended > 10,
            "{checked} {same} {extended}"
        );
    }

    /// A pasted paragraph of words keeps facts for a few of them only:
    /// what a search holds stays a small multiple of the nodes.
    #[test]
    fn facts_are_kept_for_a_few_words_whatever_the_query() {
        let index = index();
        let pasted = vec!["a"; 1000].join(" ");
        let query = Query::parse(&pasted);
        let prepared = Prepared::new(&index, &query);
        assert_eq!(prepared.terms.len(), 1000);
        assert_eq!(prepared.per_node(), REMEMBERED_WORDS);
        let mut searcher = Searcher::new(Arc::clone(&index));
        let found = searcher.search(&pasted, 5).total_matched;
        let past = searcher.history.back().expect("remembered");
        let memo = past.memo.as_ref().expect("with its facts");
        assert!(found > 0);
        assert_eq!(memo.facts.len(), found * REMEMBERED_WORDS);
    }
}
