//! What search precomputes once per graph: compact per-node facts read on
//! every keystroke, kept in flat arrays so a scan touches little memory.

use std::collections::HashMap;
use std::sync::Arc;

use super::results::Field;

use super::matching::{fold, mask, needs_fold, plain};
use crate::graph::{Graph, Kind, NodeIx, Side};

/// Set in a node's meta byte when it has text or a quote.
const LONG_TEXT: u8 = 1 << 5;

/// Set in a node's meta byte when its text and quote have nothing that
/// folding changes (ASCII, or other chars such as typographic quotes that
/// fold to themselves): substring search then compares bytes as written.
const PLAIN_LONG_TEXT: u8 = 1 << 6;

/// No source, in [`SearchIndex::source_of`]; no folded copy, in
/// [`SearchIndex::title_slot`] and [`SearchIndex::long_slot`].
const NO_SOURCE: u32 = u32::MAX;
const NO_COPY: u32 = u32::MAX;

/// A node's text and quote folded for search (either may be absent).
type FoldedLong = (Option<Box<str>>, Option<Box<str>>);

/// The search index over one graph. Build it once after loading; share it
/// (it is immutable) between the interface and the search worker.
#[derive(Debug)]
pub struct SearchIndex {
    graph: Arc<Graph>,
    /// Kind in the low two bits, side in the next two, then [`LONG_TEXT`]
    /// and [`PLAIN_LONG_TEXT`].
    meta: Vec<u8>,
    /// [`mask`] of each title.
    title_mask: Vec<u64>,
    /// Every title, end to end, so that a scan reads memory in order
    /// instead of chasing one pointer per node: title `i` is
    /// `titles[title_start[i]..title_start[i + 1]]`.
    titles: String,
    title_start: Vec<u32>,
    /// Folded titles (accents removed and case folded, then accents
    /// removed alone), only for the few with non-ASCII letters that folding
    /// changes; the rest are matched as they are, ASCII case ignored.
    /// `title_slot[i]` is the title's place among them, or `NO_COPY`: an
    /// array read, not a hash lookup, on every title of every keystroke.
    /// They too lie end to end, in node order, so that a scan never leaves
    /// the memory it streams through: copy `k` is
    /// `folded_titles[folded_start[k]..folded_start[k + 1]]`, the folded one
    /// at even `k`, the one with accents removed alone after it.
    title_slot: Vec<u32>,
    folded_titles: String,
    folded_start: Vec<u32>,
    /// [`mask`] of each node's text and quote as searched (folded), 0 when
    /// it has neither: most nodes whose title misses a word are ruled out
    /// here without reading their text.
    long_mask: Vec<u64>,
    /// Whether `long_mask` was computed (a full index) rather than left at
    /// all bits set (an index for one query).
    long_masks: bool,
    /// Text and quote with accents removed and case folded, only for nodes
    /// whose long text folding changes; `long_slot[i]` is the place in
    /// `folded_long`, or `NO_COPY`. Folding those texts once here, instead
    /// of at every keystroke, is what makes a scan of them a byte search.
    long_slot: Vec<u32>,
    folded_long: Vec<FoldedLong>,
    /// Each node's tags as indices into `tags`: `tag_ids[tag_start[i]..tag_start[i + 1]]`.
    tag_start: Vec<u32>,
    tag_ids: Vec<u32>,
    /// Distinct tags as written, folded, and with accents removed.
    tags: Vec<String>,
    tags_folded: Vec<String>,
    tags_plain: Vec<String>,
    /// The index in `graph.sources` of each node's source, or `NO_SOURCE`.
    source_of: Vec<u32>,
    /// Source titles and authors, folded and with accents removed (empty
    /// when absent).
    source_titles_folded: Vec<String>,
    source_authors_folded: Vec<String>,
    source_titles_plain: Vec<String>,
    source_authors_plain: Vec<String>,
}

impl SearchIndex {
    pub fn new(graph: Arc<Graph>) -> SearchIndex {
        SearchIndex::build(graph, true)
    }

    /// An index for one query (the command line): long text gets no folded
    /// copies and no masks, which pay back only over many keystrokes; it is
    /// folded as the query reads it, where needed. Same results as
    /// [`SearchIndex::new`].
    pub fn for_one_query(graph: Arc<Graph>) -> SearchIndex {
        SearchIndex::build(graph, false)
    }

    fn build(graph: Arc<Graph>, fold_long: bool) -> SearchIndex {
        let n = graph.len();
        let mut meta = Vec::with_capacity(n);
        let mut title_mask = Vec::with_capacity(n);
        let mut titles = String::with_capacity(graph.nodes.iter().map(|n| n.title.len()).sum());
        let mut title_start = Vec::with_capacity(n + 1);
        let mut title_slot = Vec::with_capacity(n);
        let mut folded_titles = String::new();
        let mut folded_start = vec![0];
        let mut long_mask = Vec::with_capacity(n);
        let mut long_slot = Vec::with_capacity(n);
        let mut folded_long = Vec::new();
        let mut tag_start = Vec::with_capacity(n + 1);
        let mut tag_ids = Vec::new();
        let mut tags: Vec<String> = Vec::new();
        let mut tag_number: HashMap<&str, u32> = HashMap::new();
        let mut source_of = Vec::with_capacity(n);
        let source_number: HashMap<&str, u32> = graph
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i as u32))
            .collect();

        for ix in graph.indices() {
            let node = graph.node(ix);
            let mut bits = kind_bits(node.kind) | side_bits(graph.side(ix)) << 2;
            let folded = needs_fold(&node.title).then(|| fold(&node.title));
            title_mask.push(mask(folded.as_ref().unwrap_or(&node.title).as_bytes()));
            title_start.push(titles.len() as u32);
            titles.push_str(&node.title);
            if node.text.is_some() || node.quote.is_some() {
                bits |= LONG_TEXT;
            }
            let (plain_long, lmask, copies) = long_text(node, fold_long);
            if plain_long {
                bits |= PLAIN_LONG_TEXT;
            }
            long_mask.push(lmask);
            match copies {
                Some(copies) => {
                    long_slot.push(folded_long.len() as u32);
                    folded_long.push(copies);
                }
                None => long_slot.push(NO_COPY),
            }
            match folded {
                Some(folded) => {
                    title_slot.push(folded_start.len() as u32 - 1);
                    for copy in [folded, plain(&node.title)] {
                        folded_titles.push_str(&copy);
                        folded_start.push(folded_titles.len() as u32);
                    }
                }
                None => title_slot.push(NO_COPY),
            }
            meta.push(bits);
            tag_start.push(tag_ids.len() as u32);
            for tag in &node.tags {
                let next = tags.len() as u32;
                let id = *tag_number.entry(tag.as_str()).or_insert_with(|| {
                    tags.push(tag.clone());
                    next
                });
                tag_ids.push(id);
            }
            source_of.push(
                node.source
                    .as_deref()
                    .and_then(|id| source_number.get(id).copied())
                    .unwrap_or(NO_SOURCE),
            );
        }
        tag_start.push(tag_ids.len() as u32);
        title_start.push(titles.len() as u32);
        drop(tag_number);
        drop(source_number);
        let tags_folded = tags.iter().map(|t| fold(t)).collect();
        let tags_plain = tags.iter().map(|t| plain(t)).collect();
        let sources = &graph.sources;
        let source_titles_folded = sources.iter().map(|s| fold(&s.title)).collect();
        let source_titles_plain = sources.iter().map(|s| plain(&s.title)).collect();
        let author = |f: fn(&str) -> String| -> Vec<String> {
            let of = |s: &crate::graph::Source| s.author.as_deref().map(f).unwrap_or_default();
            sources.iter().map(of).collect()
        };
        let source_authors_folded = author(fold);
        let source_authors_plain = author(plain);
        folded_titles.shrink_to_fit();
        folded_start.shrink_to_fit();
        tag_ids.shrink_to_fit();
        SearchIndex {
            graph,
            meta,
            title_mask,
            titles,
            title_start,
            title_slot,
            folded_titles,
            folded_start,
            long_mask,
            long_masks: fold_long,
            long_slot,
            folded_long,
            tag_start,
            tag_ids,
            tags,
            tags_folded,
            tags_plain,
            source_of,
            source_titles_folded,
            source_authors_folded,
            source_titles_plain,
            source_authors_plain,
        }
    }

    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    pub fn len(&self) -> usize {
        self.meta.len()
    }

    pub fn is_empty(&self) -> bool {
        self.meta.is_empty()
    }

    /// Bytes of memory the index itself holds beyond the graph (approximate).
    pub fn heap_bytes(&self) -> usize {
        self.meta.capacity()
            + self.title_mask.capacity() * 8
            + self.titles.capacity()
            + self.title_start.capacity() * 4
            + self.title_slot.capacity() * 4
            + self.folded_titles.capacity()
            + self.folded_start.capacity() * 4
            + self.long_mask.capacity() * 8
            + self.long_slot.capacity() * 4
            + self.folded_long.capacity() * 32
            + self
                .folded_long
                .iter()
                .flat_map(|(t, q)| [t, q])
                .flatten()
                .map(|t| t.len())
                .sum::<usize>()
            + (self.tag_start.capacity() + self.tag_ids.capacity() + self.source_of.capacity()) * 4
    }

    pub(crate) fn kind(&self, i: usize) -> Kind {
        Kind::ALL[(self.meta[i] & 3) as usize]
    }

    pub(crate) fn side(&self, i: usize) -> Side {
        SIDES[(self.meta[i] >> 2 & 3) as usize]
    }

    pub(crate) fn title_mask(&self, i: usize) -> u64 {
        self.title_mask[i]
    }

    /// The title as the fuzzy matcher should see it: accents removed, and
    /// case folded when `fold_case` where ASCII folding is not enough.
    pub(crate) fn title_for_match(&self, i: usize, fold_case: bool) -> &str {
        let slot = self.title_slot[i];
        if slot == NO_COPY {
            return self.title(i);
        }
        let k = slot as usize + usize::from(!fold_case);
        &self.folded_titles[self.folded_start[k] as usize..self.folded_start[k + 1] as usize]
    }

    /// A node's title, from the index's own copy.
    pub(crate) fn title(&self, i: usize) -> &str {
        &self.titles[self.title_start[i] as usize..self.title_start[i + 1] as usize]
    }

    /// [`mask`] of the node's text and quote together, as searched.
    pub(crate) fn long_mask(&self, i: usize) -> u64 {
        self.long_mask[i]
    }

    /// Whether node `i`'s text or quote holds the letter or digit whose
    /// [`mask`] bit is `bit`, ignoring case and accents, or `None` when the
    /// index cannot tell without reading them. A letter or digit has a bit
    /// of its own, so the mask answers exactly.
    pub(crate) fn long_has(&self, i: usize, bit: u64) -> Option<bool> {
        self.long_masks.then(|| self.long_mask[i] & bit != 0)
    }

    /// The node's text or quote (`field`) as a substring search should
    /// read it, and whether bytes can be compared as they are (nothing in
    /// it for folding to change). Case-sensitive searches of text with
    /// accents get the text as written, to be folded as they go.
    pub(crate) fn long_for_match(
        &self,
        i: usize,
        field: Field,
        fold_case: bool,
    ) -> Option<(&str, bool)> {
        let node = &self.graph.nodes[i];
        let written = if field == Field::Quote {
            &node.quote
        } else {
            &node.text
        };
        let written = written.as_deref()?;
        if self.meta[i] & PLAIN_LONG_TEXT != 0 {
            return Some((written, true));
        }
        match self.folded_long.get(self.long_slot[i] as usize) {
            Some((text, quote)) if fold_case => {
                let copy = if field == Field::Quote { quote } else { text };
                copy.as_deref().map(|c| (c, true))
            }
            _ => Some((written, false)),
        }
    }

    /// Whether the node has text or a quote.
    pub(crate) fn has_long_text(&self, i: usize) -> bool {
        self.meta[i] & LONG_TEXT != 0
    }

    pub(crate) fn tag_ids(&self, i: usize) -> &[u32] {
        &self.tag_ids[self.tag_start[i] as usize..self.tag_start[i + 1] as usize]
    }

    pub(crate) fn tag_count(&self) -> usize {
        self.tags.len()
    }

    /// A distinct tag as the matcher sees it: accents removed, and case
    /// folded when `folded`.
    pub(crate) fn tag(&self, id: u32, folded: bool) -> &str {
        if folded {
            &self.tags_folded[id as usize]
        } else {
            &self.tags_plain[id as usize]
        }
    }

    /// A distinct tag as written.
    pub(crate) fn tag_as_written(&self, id: u32) -> &str {
        &self.tags[id as usize]
    }

    pub(crate) fn source_of(&self, i: usize) -> Option<usize> {
        let s = self.source_of[i];
        (s != NO_SOURCE).then_some(s as usize)
    }

    /// A source's title (`part` 0) or author (`part` 1) as the matcher sees
    /// it: accents removed, and case folded when `folded`.
    pub(crate) fn source_part(&self, source: usize, part: usize, folded: bool) -> &str {
        match (part, folded) {
            (0, false) => &self.source_titles_plain[source],
            (0, true) => &self.source_titles_folded[source],
            (_, false) => &self.source_authors_plain[source],
            (_, true) => &self.source_authors_folded[source],
        }
    }

    /// A source's title (`part` 0) or author (`part` 1) as written.
    pub(crate) fn source_part_as_written(&self, source: usize, part: usize) -> &str {
        let s = &self.graph.sources[source];
        match part {
            0 => &s.title,
            _ => s.author.as_deref().unwrap_or(""),
        }
    }

    pub(crate) fn node_ix(i: usize) -> NodeIx {
        NodeIx(i as u32)
    }
}

const SIDES: [Side; 4] = [Side::Thesis, Side::For, Side::Against, Side::None];

/// How search reads a node's long text: whether its bytes can be compared
/// as written, its mask, and its folded copies when it has any. Without
/// `copy` (an index for one query), nothing is copied and nothing masked.
fn long_text(node: &crate::graph::Node, copy: bool) -> (bool, u64, Option<FoldedLong>) {
    let long = [&node.text, &node.quote];
    let present = || long.into_iter().flatten();
    if !copy {
        return (present().all(|t| t.is_ascii()), u64::MAX, None);
    }
    if present().any(|t| needs_fold(t)) {
        let folded = |t: &Option<String>| t.as_deref().map(|t| fold(t).into_boxed_str());
        let copies = (folded(&node.text), folded(&node.quote));
        return (false, mask_of([&copies.0, &copies.1]), Some(copies));
    }
    let lmask = present().fold(0, |m, t| m | mask(t.as_bytes()));
    (true, lmask, None)
}

/// [`mask`] of the copies there are.
fn mask_of(copies: [&Option<Box<str>>; 2]) -> u64 {
    copies
        .into_iter()
        .flatten()
        .fold(0, |m, t| m | mask(t.as_bytes()))
}

fn kind_bits(kind: Kind) -> u8 {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0) as u8
}

fn side_bits(side: Side) -> u8 {
    SIDES.iter().position(|&s| s == side).unwrap_or(3) as u8
}
