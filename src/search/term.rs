//! One word of a query scored against one node: its fuzzy or exact match
//! in each field, an upper bound on its score before the exact score is
//! known, and the reusable fuzzy matcher behind both.

use std::sync::atomic::{AtomicU64, Ordering};

use fuzzy_matcher::skim::SkimMatcherV2;

use super::Field;
use super::index::SearchIndex;
use super::matching::{Anchor, BoundNeedle, Found, Needle, Partial, Scratch, is_subsequence, mask};
use super::query::Term;

/// Field weights, added to the match score: a title match ranks above the
/// same match in a tag, a quote, then the text.
pub(super) const W_TITLE: i32 = 60;
pub(super) const W_TAG: i32 = 40;
pub(super) const W_QUOTE: i32 = 10;
pub(super) const W_TEXT: i32 = 0;
/// A source's title and author are what a node inherits, not what it says:
/// a match there ranks below every match in the node's own fields.
pub(super) const W_SOURCE: i32 = -(1 << 20);

/// A substring match scores like the fuzzy matcher scores a run of
/// consecutive chars, plus bonuses for word boundaries.
const PER_CHAR: i32 = 16;
const CONSECUTIVE: i32 = 4;
const WORD_START: i32 = 16;
const WORD_END: i32 = 8;

pub(super) const FILTERED: i32 = i32::MIN;
pub(super) const NO_MATCH: i32 = i32::MIN + 1;
/// The bound for what cannot be bounded (non-ASCII queries): always scored.
const UNBOUNDED: i32 = i32::MAX / 4;

/// Parts of a node still to be scored exactly.
pub(super) const TITLE_PENDING: u8 = 1;
pub(super) const SOURCE_PENDING: u8 = 2;
pub(super) const TEXT_PENDING: u8 = 4;
/// Several words, some still to be scored exactly.
pub(super) const WORDS_PENDING: u8 = 8;

/// Not yet computed, in [`TermPrep::source_exact`].
const UNKNOWN: u64 = u64::MAX;

/// A fuzzy matcher kept for a whole search and shared by its threads.
///
/// `SkimMatcherV2` keeps its score matrix per thread between calls and
/// clears only part of it: the first row, and in the others only the cell
/// before each pattern char's first match. The `bonus` of a cell that
/// matched is read by the next column before it is written, so a reused
/// matrix leaks bonuses from one text into the next one's score (and its
/// switch to drop the matrix after each call panics, fuzzy-matcher 0.3.7).
/// A one-char call first shrinks the matrix to four cells; the next call
/// grows it with fresh cells, and for a text of three chars or more those
/// four fall in the first row, which every call resets. So each score
/// depends only on its text and pattern, as with a fresh matcher, at a
/// third of the cost.
pub(super) struct Skim {
    matcher: SkimMatcherV2,
    fold_case: bool,
}

impl Skim {
    pub(super) fn new(fold_case: bool) -> Skim {
        Skim {
            matcher: matcher(fold_case),
            fold_case,
        }
    }

    /// The score of `pattern` in `text`, with the matched char indices when
    /// `positions`.
    pub(super) fn score(
        &self,
        text: &str,
        pattern: &str,
        positions: bool,
    ) -> Option<(i32, Vec<usize>)> {
        let found = if text.chars().nth(2).is_some() {
            let _ = self.matcher.fuzzy("a", "a", false);
            self.matcher.fuzzy(text, pattern, positions)
        } else {
            matcher(self.fold_case).fuzzy(text, pattern, positions)
        };
        found.map(|(score, p)| (clamp(score), p))
    }
}

fn matcher(fold_case: bool) -> SkimMatcherV2 {
    if fold_case {
        SkimMatcherV2::default().ignore_case()
    } else {
        SkimMatcherV2::default().respect_case()
    }
}

/// The best match found so far in one node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Best {
    pub score: i32,
    pub field: Field,
    pub part: u16,
}

impl Best {
    pub(super) const NONE: Best = Best {
        score: NO_MATCH,
        field: Field::Title,
        part: 0,
    };

    pub(super) fn offer(&mut self, score: i32, field: Field, part: usize) {
        if score > self.score {
            *self = Best {
                score,
                field,
                part: part.min(u16::MAX as usize) as u16,
            };
        }
    }
}

/// What is known of one node's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct State {
    /// Exact so far: a lower bound on the node's score.
    pub best: Best,
    /// No score of the node can exceed this.
    pub upper: i32,
    pub pending: u8,
}

impl State {
    pub(super) const FILTERED: State = State {
        best: Best {
            score: FILTERED,
            field: Field::Title,
            part: 0,
        },
        upper: FILTERED,
        pending: 0,
    };

    pub(super) const NO_MATCH: State = State {
        best: Best::NONE,
        upper: NO_MATCH,
        pending: 0,
    };

    /// Whether the node matches at all (pending fuzzy parts are known to match).
    pub(super) fn matched(&self) -> bool {
        self.best.score > NO_MATCH
            || self.pending & (TITLE_PENDING | SOURCE_PENDING | WORDS_PENDING) != 0
    }
}

/// What one word's survey of one node learnt that the next keystroke can
/// start from, when the word it is given to is this word typed on: a title
/// that lacks the word lacks every word typed on from it, and a long field
/// holds such a word only where it holds this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Facts {
    /// The title's [`Partial`] bound: its sum, for `title_chars` bytes of
    /// the word, and the in-order match's end.
    title_sum: i16,
    title_chars: u8,
    /// The first occurrence found in long text, when one was: in which
    /// field, and whether it begins and ends a word ([`Facts::FIRST_FOUND`]
    /// and the bits after it); 0 when none was looked for.
    long_first: u8,
    title_end: u32,
    /// For the quote and the text: no occurrence of the word starts before
    /// this byte, or [`Facts::ABSENT`] when there is none.
    long_from: [u32; 2],
}

impl Facts {
    /// Nothing known yet.
    pub(super) const START: Facts = Facts {
        title_sum: 0,
        title_chars: Facts::TITLE_UNKNOWN,
        long_first: 0,
        title_end: 0,
        long_from: [0; 2],
    };
    const ABSENT: u32 = u32::MAX;
    const TITLE_UNKNOWN: u8 = u8::MAX;
    const TITLE_ABSENT: u8 = u8::MAX - 1;
    const FIRST_FOUND: u8 = 1;
    const FIRST_IN_TEXT: u8 = 2;
    const FIRST_WORD_START: u8 = 4;
    const FIRST_WORD_END: u8 = 8;

    fn set_first(&mut self, field: Field, found: &Found) {
        let bit = |on: bool, bit: u8| if on { bit } else { 0 };
        self.long_first = Facts::FIRST_FOUND
            | bit(field == Field::Text, Facts::FIRST_IN_TEXT)
            | bit(found.word_start, Facts::FIRST_WORD_START)
            | bit(found.word_end, Facts::FIRST_WORD_END);
    }

    /// The recorded first occurrence: its field, whether it begins and
    /// whether it ends a word.
    fn first(&self) -> Option<(Field, bool, bool)> {
        let has = |bit: u8| self.long_first & bit != 0;
        has(Facts::FIRST_FOUND).then(|| {
            let field = if has(Facts::FIRST_IN_TEXT) {
                Field::Text
            } else {
                Field::Quote
            };
            let (start, end) = (has(Facts::FIRST_WORD_START), has(Facts::FIRST_WORD_END));
            (field, start, end)
        })
    }

    /// `None` when the title facts are unknown; `Some(None)` when the
    /// word is not in the title.
    fn title(&self) -> Option<Option<Partial>> {
        match self.title_chars {
            Facts::TITLE_UNKNOWN => None,
            Facts::TITLE_ABSENT => Some(None),
            chars => Some(Some(Partial {
                sum: self.title_sum.into(),
                chars,
                end: self.title_end,
            })),
        }
    }

    fn set_title(&mut self, title: Option<Partial>) {
        match title {
            // A bound is at most 32 chars of 31 each: it fits.
            Some(p) => {
                self.title_sum = p.sum as i16;
                self.title_chars = p.chars;
                self.title_end = p.end;
            }
            None => self.title_chars = Facts::TITLE_ABSENT,
        }
    }
}

/// [`Facts`] an earlier search left for a node, for a word this one
/// carries on from.
#[derive(Debug, Clone, Copy)]
pub(super) struct Prior<'a> {
    pub facts: &'a Facts,
    /// The very same word, not one typed on from it.
    pub same_word: bool,
}

/// One word of a query, prepared once for all nodes.
pub(super) struct TermPrep {
    /// `None` for a fuzzy word; otherwise where the exact word must stand.
    exact: Option<Anchor>,
    /// The word as matched (accents removed, lowercase when case is ignored).
    text: String,
    text_mask: u64,
    /// Bounds fuzzy scores; `None` for words it cannot bound.
    bounder: Option<BoundNeedle>,
    needle: Needle,
    /// Exact score of each distinct tag, or `NO_MATCH`.
    tag_scores: Vec<i32>,
    /// Bound on each source's score (title or author), or `NO_MATCH`.
    source_bounds: Vec<i32>,
    /// Exact source scores, computed when first needed by any thread.
    source_exact: Vec<AtomicU64>,
    /// No match in long text can score above this.
    text_bound: i32,
    /// The word is one letter or digit found anywhere, case ignored: the
    /// index's masks tell whether long text holds it. Its bit.
    one_letter: Option<u64>,
}

/// What a term needs from the search it belongs to.
pub(super) struct Ctx<'a> {
    pub index: &'a SearchIndex,
    pub fold_case: bool,
    pub skim: Skim,
}

impl Ctx<'_> {
    /// The title as the matcher should see it.
    pub(super) fn title(&self, i: usize) -> &str {
        self.index.title_for_match(i, self.fold_case)
    }
}

impl TermPrep {
    pub(super) fn new(ctx: &Ctx, term: &Term) -> TermPrep {
        let index = ctx.index;
        let fold_case = ctx.fold_case;
        let needle = Needle::new(&term.text, fold_case);
        let text = needle.text().to_string();
        let exact = term.exact;
        let bounder = BoundNeedle::new(text.as_bytes(), fold_case);
        let mut scratch = Scratch::default();
        let tag_scores = (0..index.tag_count() as u32)
            .map(|t| {
                let tag = index.tag(t, fold_case);
                match exact {
                    Some(anchor) => needle
                        .find_at(tag, anchor, &mut scratch)
                        .map_or(NO_MATCH, |f| substring_score(&needle, &f)),
                    None if is_subsequence(tag.as_bytes(), text.as_bytes(), fold_case) => ctx
                        .skim
                        .score(tag, &text, false)
                        .map_or(NO_MATCH, |(s, _)| s),
                    None => NO_MATCH,
                }
            })
            .collect();
        let sources = index.graph().sources.len();
        let source_exact: Vec<AtomicU64> = (0..sources).map(|_| AtomicU64::new(UNKNOWN)).collect();
        let bound_of = |s: &str| -> i32 {
            if s.is_empty() {
                NO_MATCH
            } else if let Some(b) = &bounder {
                b.bound(s.as_bytes()).unwrap_or(NO_MATCH)
            } else if is_subsequence(s.as_bytes(), text.as_bytes(), fold_case) {
                UNBOUNDED
            } else {
                NO_MATCH
            }
        };
        let source_bounds = (0..sources)
            .map(|s| {
                let part = |p| index.source_part(s, p, fold_case);
                match exact {
                    // Exact words are cheap: score each source now.
                    Some(anchor) => {
                        let mut score = |p| {
                            needle
                                .find_at(part(p), anchor, &mut scratch)
                                .map_or(NO_MATCH, |f| substring_score(&needle, &f))
                        };
                        let (title, author) = (score(0), score(1));
                        let (best, which) = if author > title {
                            (author, 1)
                        } else {
                            (title, 0)
                        };
                        source_exact[s].store(pack(best, which), Ordering::Relaxed);
                        best
                    }
                    None => bound_of(part(0)).max(bound_of(part(1))),
                }
            })
            .collect();
        let m = needle.char_len() as i32;
        let one_letter = match text.as_bytes() {
            [b] if fold_case
                && b.is_ascii_alphanumeric()
                && matches!(exact, None | Some(Anchor::Anywhere)) =>
            {
                Some(mask(&[*b]))
            }
            _ => None,
        };
        TermPrep {
            one_letter,
            exact,
            text_mask: mask(text.as_bytes()),
            bounder,
            text,
            tag_scores,
            source_bounds,
            source_exact,
            text_bound: text_score(m, true, true) + W_QUOTE.max(W_TEXT),
            needle,
        }
    }

    /// Whether [`Facts`] of an earlier word carry over to this one: both
    /// fuzzy and bounded, and this one typed on from it (`earlier`, as
    /// matched, with the same case rule).
    pub(super) fn carries_on_from(&self, earlier: &str) -> bool {
        self.exact.is_none() && self.bounder.is_some() && self.text.starts_with(earlier)
    }

    /// The word as matched, when [`Facts`] of it can carry over.
    pub(super) fn memo_key(&self) -> Option<&str> {
        (self.exact.is_none() && self.bounder.is_some()).then_some(self.text.as_str())
    }

    /// The bound on the title's score, or `None` when it cannot match,
    /// starting from what `prior` knew of an earlier word and telling `out`.
    fn title_bound(
        &self,
        ctx: &Ctx,
        i: usize,
        scratch: &mut Scratch,
        prior: Option<Prior>,
        out: &mut Facts,
    ) -> Option<i32> {
        if let (Some(b), None) = (&self.bounder, self.exact) {
            let known = match prior.and_then(|p| p.facts.title()) {
                Some(known) => known,
                None => (ctx.index.title_mask(i) & self.text_mask == self.text_mask)
                    .then_some(Partial::START),
            };
            let bound = known.and_then(|k| b.bound_from(ctx.title(i).as_bytes(), k));
            out.set_title(bound);
            return bound.map(|p| p.sum);
        }
        out.title_chars = Facts::TITLE_UNKNOWN;
        if ctx.index.title_mask(i) & self.text_mask != self.text_mask {
            return None;
        }
        let title = ctx.title(i);
        if let Some(anchor) = self.exact {
            let found = self.needle.find_at(title, anchor, scratch)?;
            return Some(substring_score(&self.needle, &found));
        }
        is_subsequence(title.as_bytes(), self.text.as_bytes(), ctx.fold_case).then_some(UNBOUNDED)
    }

    /// Whether the word matches the title at all.
    pub(super) fn in_title(&self, ctx: &Ctx, i: usize, scratch: &mut Scratch) -> bool {
        let mut unused = Facts::START;
        self.title_bound(ctx, i, scratch, None, &mut unused)
            .is_some()
    }

    pub(super) fn in_source(&self, ctx: &Ctx, i: usize) -> bool {
        ctx.index
            .source_of(i)
            .is_some_and(|s| self.source_bounds[s] > NO_MATCH)
    }

    /// The index in the node's tags of the best matching tag, if any.
    pub(super) fn in_tags(&self, ctx: &Ctx, i: usize) -> bool {
        ctx.index
            .tag_ids(i)
            .iter()
            .any(|&t| self.tag_scores[t as usize] > NO_MATCH)
    }

    /// The occurrence of the word in a long field (text or quote) of node
    /// `i`, as searched (maybe a folded copy): good for whether and how
    /// well it matches, not for where in the text as written.
    pub(super) fn in_long(
        &self,
        ctx: &Ctx,
        i: usize,
        field: Field,
        scratch: &mut Scratch,
    ) -> Option<Found> {
        let (hay, plain) = self.long_hay(ctx, i, field)?;
        let anchor = self.exact.unwrap_or(Anchor::Anywhere);
        self.needle.find_in(hay, plain, anchor, scratch)
    }

    /// The first occurrence of the word in a long field from byte `from` on.
    fn first_in(
        &self,
        ctx: &Ctx,
        i: usize,
        field: Field,
        from: usize,
        scratch: &mut Scratch,
    ) -> Option<Found> {
        let (hay, plain) = self.long_hay(ctx, i, field)?;
        let anchor = self.exact.unwrap_or(Anchor::Anywhere);
        self.needle.first_from(hay, plain, anchor, from, scratch)
    }

    /// A long field as searched, and whether its bytes compare as they
    /// are; `None` when it is absent or its mask rules the word out.
    fn long_hay<'i>(&self, ctx: &Ctx<'i>, i: usize, field: Field) -> Option<(&'i str, bool)> {
        if ctx.index.long_mask(i) & self.text_mask != self.text_mask {
            return None;
        }
        ctx.index.long_for_match(i, field, ctx.fold_case)
    }

    /// The occurrence of the word in `value` as written.
    pub(super) fn in_written(&self, value: &str, scratch: &mut Scratch) -> Option<Found> {
        let anchor = self.exact.unwrap_or(Anchor::Anywhere);
        self.needle.find_at(value, anchor, scratch)
    }

    /// The exact score of a source (best of title and author) and which part.
    fn source_score(&self, ctx: &Ctx, s: usize) -> (i32, usize) {
        let slot = &self.source_exact[s];
        let known = slot.load(Ordering::Relaxed);
        if known != UNKNOWN {
            return ((known >> 8) as u32 as i32, (known & 0xff) as usize);
        }
        let score = |part| {
            ctx.skim
                .score(
                    ctx.index.source_part(s, part, ctx.fold_case),
                    &self.text,
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
        slot.store(pack(best, part), Ordering::Relaxed);
        (best, part)
    }

    /// Whether the node matches, its bound, and what is cheap to know
    /// exactly; the rest is left pending for [`TermPrep::resolve`].
    pub(super) fn survey(&self, ctx: &Ctx, i: usize, scratch: &mut Scratch) -> State {
        let mut unused = Facts::START;
        self.survey_from(ctx, i, scratch, None, &mut unused)
    }

    /// [`TermPrep::survey`], starting from `prior`, [`Facts`] of an earlier
    /// word this one carries on from, and telling `out` what it learns.
    /// Gives exactly the state a survey from nothing gives.
    pub(super) fn survey_from(
        &self,
        ctx: &Ctx,
        i: usize,
        scratch: &mut Scratch,
        prior: Option<Prior>,
        out: &mut Facts,
    ) -> State {
        let mut st = State::NO_MATCH;
        out.long_from = prior.map_or([0; 2], |p| p.facts.long_from);
        out.long_first = prior
            .filter(|p| p.same_word)
            .map_or(0, |p| p.facts.long_first);
        if let Some(bound) = self.title_bound(ctx, i, scratch, prior, out) {
            if self.exact.is_some() {
                st.best.offer(bound + W_TITLE, Field::Title, 0);
            } else {
                st.pending |= TITLE_PENDING;
                st.upper = bound + W_TITLE;
            }
        }
        for (part, &t) in ctx.index.tag_ids(i).iter().enumerate() {
            let score = self.tag_scores[t as usize];
            if score > NO_MATCH {
                st.best.offer(score + W_TAG, Field::Tag, part);
            }
        }
        if let Some(s) = ctx.index.source_of(i) {
            let bound = self.source_bounds[s];
            if bound > NO_MATCH {
                st.pending |= SOURCE_PENDING;
                st.upper = st.upper.max(bound + W_SOURCE);
            }
        }
        if ctx.index.has_long_text(i) {
            if st.matched() {
                // It matches already; its text matters only if it could rank.
                st.pending |= TEXT_PENDING;
                st.upper = st.upper.max(self.text_bound);
            } else {
                self.first_in_long(ctx, i, &mut st, scratch, out);
            }
        } else {
            out.long_from = [Facts::ABSENT; 2];
        }
        st.upper = st.upper.max(st.best.score);
        st
    }

    /// The exact score of whatever is pending.
    pub(super) fn resolve(&self, ctx: &Ctx, i: usize, st: &mut State, scratch: &mut Scratch) {
        if st.pending & TITLE_PENDING != 0
            && let Some((score, _)) = ctx.skim.score(ctx.title(i), &self.text, false)
        {
            st.best.offer(
                score + title_weight(score, self.needle.char_len()),
                Field::Title,
                0,
            );
        }
        if st.pending & SOURCE_PENDING != 0
            && let Some(s) = ctx.index.source_of(i)
        {
            let (score, part) = self.source_score(ctx, s);
            if score > NO_MATCH {
                st.best.offer(score + W_SOURCE, Field::Source, part);
            }
        }
        // A text match cannot beat a score at or above its bound.
        if st.pending & TEXT_PENDING != 0 && st.best.score < self.text_bound {
            self.score_long(ctx, i, &mut st.best, scratch);
        }
        st.pending = 0;
        st.upper = st.best.score;
    }

    /// The word's exact best in the node.
    pub(super) fn exact(&self, ctx: &Ctx, i: usize, scratch: &mut Scratch) -> State {
        let mut st = self.survey(ctx, i, scratch);
        if st.pending & (TITLE_PENDING | SOURCE_PENDING) != 0 {
            st.pending |= TEXT_PENDING;
        }
        self.resolve(ctx, i, &mut st, scratch);
        st
    }

    /// Whether the word occurs in the quote or the text, searched from
    /// where `facts` says an occurrence can start (`facts` then says where
    /// the first one does). The first occurrence found gives a lower
    /// bound; the best is left pending, as most such nodes cannot rank.
    fn first_in_long(
        &self,
        ctx: &Ctx,
        i: usize,
        st: &mut State,
        scratch: &mut Scratch,
        facts: &mut Facts,
    ) {
        let found_at = |st: &mut State, score, field| {
            st.best.offer(score, field, 0);
            st.pending |= TEXT_PENDING;
            st.upper = st.upper.max(self.text_bound);
        };
        if let Some((field, start, end)) = facts.first() {
            // The same word, found before: it is still there.
            let weight = if field == Field::Quote {
                W_QUOTE
            } else {
                W_TEXT
            };
            let m = self.needle.char_len() as i32;
            return found_at(st, text_score(m, start, end) + weight, field);
        }
        if let Some(has) = self.one_letter.and_then(|bit| ctx.index.long_has(i, bit)) {
            // Without reading the text: any occurrence of one char scores
            // at least a char's worth, in the field weighed least.
            match has {
                true => found_at(st, PER_CHAR + W_TEXT.min(W_QUOTE), Field::Text),
                false => facts.long_from = [Facts::ABSENT; 2],
            }
            return;
        }
        let fields = [(Field::Quote, W_QUOTE), (Field::Text, W_TEXT)];
        for ((field, weight), from) in fields.into_iter().zip(&mut facts.long_from) {
            if *from == Facts::ABSENT {
                continue;
            }
            match self.first_in(ctx, i, field, *from as usize, scratch) {
                Some(found) => {
                    *from = found.start.min(Facts::ABSENT as usize - 1) as u32;
                    found_at(st, substring_score(&self.needle, &found) + weight, field);
                    facts.set_first(field, &found);
                    return;
                }
                None => *from = Facts::ABSENT,
            }
        }
    }

    /// The long fields' exact scores.
    fn score_long(&self, ctx: &Ctx, i: usize, best: &mut Best, scratch: &mut Scratch) {
        for (field, weight) in [(Field::Quote, W_QUOTE), (Field::Text, W_TEXT)] {
            if let Some(found) = self.in_long(ctx, i, field, scratch) {
                best.offer(substring_score(&self.needle, &found) + weight, field, 0);
            }
        }
    }

    /// Char indices of the word's match in `original`, whose matcher's view
    /// is `seen` (accents removed, maybe case folded).
    pub(super) fn positions(
        &self,
        ctx: &Ctx,
        original: &str,
        seen: &str,
        scratch: &mut Scratch,
    ) -> Vec<usize> {
        match self.exact {
            Some(anchor) => self
                .needle
                .find_at(original, anchor, scratch)
                .map(|f| char_range(original, &f).collect())
                .unwrap_or_default(),
            None => {
                let folded = ctx
                    .skim
                    .score(seen, &self.text, true)
                    .map(|(_, p)| p)
                    .unwrap_or_default();
                super::matching::unfold_positions(original, &folded, ctx.fold_case)
            }
        }
    }
}

/// The char indices an occurrence covers.
pub(super) fn char_range(value: &str, found: &Found) -> std::ops::Range<usize> {
    let start = super::matching::char_index(value, found.start);
    let len = super::matching::char_index(&value[found.start..], found.end - found.start);
    start..start + len
}

fn pack(score: i32, part: usize) -> u64 {
    (score as u32 as u64) << 8 | part as u64
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

fn substring_score(needle: &Needle, found: &Found) -> i32 {
    text_score(needle.char_len() as i32, found.word_start, found.word_end)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A reused matcher must score every text exactly as a fresh one does,
    /// whatever it matched before.
    #[test]
    fn a_reused_matcher_scores_like_a_fresh_one() {
        let debate = crate::synth::debate(400, 3);
        let mut texts: Vec<String> = debate.nodes.iter().map(|n| n.title.clone()).collect();
        texts.extend(["ll", "a", "llama llama", "Zürich", "mmmmorale"].map(String::from));
        let patterns = ["mo", "l", "ll", "morale", "a", "wint", "ea", "e"];
        for fold_case in [true, false] {
            let reused = Skim::new(fold_case);
            for pattern in patterns {
                for positions in [false, true] {
                    for text in &texts {
                        let fresh = matcher(fold_case)
                            .fuzzy(text, pattern, positions)
                            .map(|(s, p)| (clamp(s), p));
                        assert_eq!(
                            reused.score(text, pattern, positions),
                            fresh,
                            "{text:?} {pattern:?}"
                        );
                    }
                }
            }
        }
    }

    /// The bound must hold for every text and needle, or ranking would
    /// silently drop better matches: check it against the matcher itself.
    #[test]
    fn fuzzy_bound_is_never_below_the_matchers_score() {
        let debate = crate::synth::debate(3000, 21);
        let mut texts: Vec<String> = debate.nodes.iter().map(|n| n.title.clone()).collect();
        texts.extend(
            [
                "a-b_c d/e(f)gH1J",
                "camelCaseWords",
                "x",
                "",
                "Ünïcode ärmy",
            ]
            .map(String::from),
        );
        let mut rng = crate::synth::Rng::new(5);
        let mut checked = 0;
        for text in &texts {
            for _ in 0..6 {
                // Needles drawn from the text itself, so that most match.
                let bytes: Vec<u8> = text.bytes().filter(u8::is_ascii).collect();
                if bytes.is_empty() {
                    continue;
                }
                let len = 1 + rng.below(8);
                let mut needle = Vec::new();
                let mut at = rng.below(bytes.len());
                while needle.len() < len && at < bytes.len() {
                    needle.push(bytes[at]);
                    at += 1 + rng.below(3);
                }
                for fold_case in [true, false] {
                    let n: Vec<u8> = if fold_case {
                        needle.to_ascii_lowercase()
                    } else {
                        needle.clone()
                    };
                    let n_str = std::str::from_utf8(&n).unwrap();
                    let score = Skim::new(fold_case)
                        .score(text, n_str, false)
                        .map(|(s, _)| s);
                    let bound = BoundNeedle::new(&n, fold_case)
                        .unwrap()
                        .bound(text.as_bytes());
                    assert_eq!(score.is_some(), bound.is_some(), "{text:?} {n_str:?}");
                    if let (Some(s), Some(b)) = (score, bound) {
                        assert!(s <= b, "{text:?} {n_str:?}: score {s} > bound {b}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }
}
