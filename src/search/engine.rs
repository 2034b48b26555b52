//! Ranking: the passes over the nodes, split across cores, the top-k
//! selection, and narrowing from earlier queries.
//!
//! A query is answered in two passes over the candidate nodes. The first
//! scores the short fields (title, tags, source), fuzzily; the second looks
//! for the query as a substring in the long fields (text, quote), but only in
//! nodes whose first-pass score a text match could still beat. Then the best
//! `limit` are selected and only they get highlight positions and snippets.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use fuzzy_matcher::skim::SkimMatcherV2;

use super::index::SearchIndex;
use super::matching::{Needle, Scratch, char_index, is_subsequence, mask};
use super::query::Query;
use super::snippet::snippet;
use super::{Field, Hit, Results};

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

/// Searches with at least this many candidates report the short-field
/// results first, before the slower pass over long text.
pub const PARTIAL_MIN_NODES: usize = 200_000;

/// Nodes per unit of parallel work: big enough that handing out work costs
/// nothing, small enough that both cores finish together.
const CHUNK: usize = 4096;

/// Past searches kept for narrowing; bounded in count and in stored nodes.
const HISTORY: usize = 24;

const FILTERED: i32 = i32::MIN;
const NO_MATCH: i32 = i32::MIN + 1;

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

    fn matched(&self) -> bool {
        self.score > NO_MATCH
    }
}

/// One search's view of the query, prepared once for all nodes.
struct Prepared<'a> {
    index: &'a SearchIndex,
    query: &'a Query,
    matcher: &'a SkimMatcherV2,
    fold_case: bool,
    /// The text as matched (lowercase when case is ignored).
    text: String,
    text_mask: u64,
    needle: Needle,
    /// Best fuzzy score of each distinct tag, or `NO_MATCH`.
    tag_scores: Vec<i32>,
    /// Best fuzzy score of each source (title or author) and which part.
    source_scores: Vec<(i32, u8)>,
    /// For each distinct tag, which tag filters it satisfies (bit per filter).
    tag_filter_bits: Vec<u64>,
    all_tag_filters: u64,
    /// No text match can score above this.
    text_bound: i32,
}

impl<'a> Prepared<'a> {
    fn new(index: &'a SearchIndex, query: &'a Query, matchers: &'a Matchers) -> Prepared<'a> {
        let fold_case = !query.case_sensitive();
        let matcher = if fold_case {
            &matchers.ignore_case
        } else {
            &matchers.respect_case
        };
        let text = if fold_case {
            super::matching::fold(&query.text)
        } else {
            query.text.clone()
        };
        let fuzzy = |s: &str| -> i32 {
            if s.is_empty() || text.is_empty() {
                return NO_MATCH;
            }
            matcher
                .fuzzy(s, &text, false)
                .map_or(NO_MATCH, |(score, _)| clamp(score))
        };
        let tag_scores = (0..index.tag_count() as u32)
            .map(|t| fuzzy(index.tag(t, fold_case)))
            .collect();
        let source_scores = (0..index.graph().sources.len())
            .map(|s| {
                let title = fuzzy(index.source_part(s, 0, fold_case));
                let author = fuzzy(index.source_part(s, 1, fold_case));
                if author > title {
                    (author, 1)
                } else {
                    (title, 0)
                }
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
            matcher,
            fold_case,
            text_mask: mask(text.as_bytes()),
            text,
            needle,
            tag_scores,
            source_scores,
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
            &self.index.graph().nodes[i].title
        }
    }

    /// First pass: filters, then the short fields.
    fn score_short(&self, i: usize) -> Best {
        if !self.passes_filters(i) {
            return Best {
                score: FILTERED,
                ..Best::NONE
            };
        }
        let mut best = Best::NONE;
        if self.index.title_mask(i) & self.text_mask == self.text_mask {
            let title = self.title(i);
            if is_subsequence(title.as_bytes(), self.text.as_bytes(), self.fold_case)
                && let Some((score, _)) = self.matcher.fuzzy(title, &self.text, false)
            {
                best.offer(clamp(score) + W_TITLE, Field::Title, 0);
            }
        }
        for (part, &t) in self.index.tag_ids(i).iter().enumerate() {
            let score = self.tag_scores[t as usize];
            if score > NO_MATCH {
                best.offer(score + W_TAG, Field::Tag, part);
            }
        }
        if let Some(s) = self.index.source_of(i) {
            let (score, part) = self.source_scores[s];
            if score > NO_MATCH {
                best.offer(score + W_SOURCE, Field::Source, part as usize);
            }
        }
        best
    }

    /// Second pass: the long fields, where they could still win.
    fn score_long(&self, i: usize, best: &mut Best, scratch: &mut Scratch) {
        if best.score == FILTERED || best.score >= self.text_bound {
            return;
        }
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

    /// Every field's best match in one node, in the order the passes offer
    /// them, so the winner is the same one the passes found.
    fn score_all(&self, i: usize, scratch: &mut Scratch) -> (Best, Vec<Field>) {
        let mut best = self.score_short(i);
        let mut fields = Vec::new();
        if best.score == FILTERED {
            return (best, fields);
        }
        let node = &self.index.graph().nodes[i];
        let title = self.title(i);
        if self.matcher.fuzzy(title, &self.text, false).is_some() {
            fields.push(Field::Title);
        }
        if self
            .index
            .tag_ids(i)
            .iter()
            .any(|&t| self.tag_scores[t as usize] > NO_MATCH)
        {
            fields.push(Field::Tag);
        }
        if self
            .index
            .source_of(i)
            .is_some_and(|s| self.source_scores[s].0 > NO_MATCH)
        {
            fields.push(Field::Source);
        }
        let m = self.needle.char_len() as i32;
        for (field, value, weight) in [
            (Field::Quote, &node.quote, W_QUOTE),
            (Field::Text, &node.text, W_TEXT),
        ] {
            if let Some(value) = value
                && let Some(found) = self.needle.find(value, scratch)
            {
                fields.push(field);
                best.offer(
                    text_score(m, found.word_start, found.word_end) + weight,
                    field,
                    0,
                );
            }
        }
        (best, fields)
    }

    /// The finished hit: positions in the matched field, and a snippet for long text.
    fn hit(&self, i: usize, scratch: &mut Scratch) -> Hit {
        let (best, mut fields) = self.score_all(i, scratch);
        fields.sort_by_key(|f| *f as u8);
        let node = &self.index.graph().nodes[i];
        let part = best.part as usize;
        let fuzzy_positions = |s: &str| -> Vec<usize> {
            self.matcher
                .fuzzy(s, &self.text, true)
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

fn text_score(chars: i32, word_start: bool, word_end: bool) -> i32 {
    PER_CHAR * chars
        + CONSECUTIVE * (chars - 1).max(0)
        + if word_start { WORD_START } else { 0 }
        + if word_end { WORD_END } else { 0 }
}

fn clamp(score: i64) -> i32 {
    score.clamp(-(1 << 24), 1 << 24) as i32
}

/// The fuzzy matchers for both cases of smart case. The matcher keeps its
/// scratch space per thread, so one can serve every worker thread.
struct Matchers {
    ignore_case: SkimMatcherV2,
    respect_case: SkimMatcherV2,
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
    matchers: Matchers,
    history: VecDeque<Past>,
    threads: usize,
}

impl Searcher {
    pub fn new(index: Arc<SearchIndex>) -> Searcher {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(8);
        Searcher {
            index,
            matchers: Matchers {
                ignore_case: SkimMatcherV2::default().ignore_case(),
                respect_case: SkimMatcherV2::default().respect_case(),
            },
            history: VecDeque::new(),
            threads,
        }
    }

    /// Uses at most `threads` threads (at least one).
    pub fn with_threads(mut self, threads: usize) -> Searcher {
        self.threads = threads.max(1);
        self
    }

    pub fn index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    /// Forgets past searches, so the next one scans every node.
    pub fn clear_history(&mut self) {
        self.history.clear();
    }

    /// The best `limit` matches of `query`, best first.
    pub fn search(&mut self, query: &str, limit: usize) -> Results {
        self.search_with(query, limit, &|| false, &mut |_| {})
            .unwrap_or_else(|| Results::empty(query))
    }

    /// Like [`Searcher::search`], but gives up (returning `None`) as soon as
    /// `cancelled` says so, and on large graphs hands best-so-far results
    /// (`complete: false`) to `partial` before the slower long-text pass.
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
        let prepared = Prepared::new(&self.index, &query, &self.matchers);
        if query.is_empty_text() {
            return Some(self.unranked(&prepared, query_text, limit));
        }

        let candidates = self.narrowed(&query);
        let count = candidates.map_or(self.index.len(), <[u32]>::len);
        let node_at = |k: usize| -> usize { candidates.map_or(k, |c| c[k] as usize) };
        let mut best = vec![Best::NONE; count];

        let done = par_chunks(&mut best, self.threads, cancelled, |offset, chunk| {
            for (k, b) in chunk.iter_mut().enumerate() {
                *b = prepared.score_short(node_at(offset + k));
            }
        });
        if !done {
            return None;
        }
        if count >= PARTIAL_MIN_NODES {
            let (hits, total) = top(&prepared, &best, &node_at, limit, None);
            partial(Results {
                hits,
                total_matched: total,
                complete: false,
                ..Results::empty(query_text)
            });
        }
        let done = par_chunks(&mut best, self.threads, cancelled, |offset, chunk| {
            let mut scratch = Scratch::default();
            for (k, b) in chunk.iter_mut().enumerate() {
                prepared.score_long(node_at(offset + k), b, &mut scratch);
            }
        });
        if !done {
            return None;
        }
        let mut matched = Vec::new();
        let (hits, total) = top(&prepared, &best, &node_at, limit, Some(&mut matched));
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

/// The `limit` best matched nodes as finished hits, and how many matched.
/// When `matched` is given, every matching node is written to it in order.
fn top(
    prepared: &Prepared,
    best: &[Best],
    node_at: &(dyn Fn(usize) -> usize + Sync),
    limit: usize,
    mut matched: Option<&mut Vec<u32>>,
) -> (Vec<Hit>, usize) {
    let mut scored: Vec<(i32, u32)> = Vec::new();
    for (k, b) in best.iter().enumerate() {
        if b.matched() {
            let i = node_at(k) as u32;
            scored.push((b.score, i));
            if let Some(m) = matched.as_deref_mut() {
                m.push(i);
            }
        }
    }
    let total = scored.len();
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
