//! The low-level matching: case folding that keeps char positions, a
//! letter-presence mask and an in-order test for cheap rejection, and
//! substring search in long text.

/// Lowercases one char when its lowercase is a single char; otherwise keeps
/// it, so that case folding alone keeps every char at its index.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Whether a char is a Latin letter whose accents or ligature folding
/// removes: Latin-1 Supplement, Latin Extended-A and -B, and Latin
/// Extended Additional. Other scripts are left alone, so that a Greek or
/// Japanese query still finds Greek or Japanese text.
fn is_foldable_latin(c: char) -> bool {
    matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') && c.is_alphabetic()
}

/// Calls `out` with the chars `c` folds to: accents removed from Latin
/// letters ("ü" to "u", "ß" to "ss", "æ" to "ae"), and lowercased too when
/// `fold_case`. Most chars fold to one char; a few to two or more.
pub fn fold_into(c: char, fold_case: bool, mut out: impl FnMut(char)) {
    if c.is_ascii() {
        return out(if fold_case { c.to_ascii_lowercase() } else { c });
    }
    if is_foldable_latin(c)
        && let Some(plain) = deunicode::deunicode_char(c)
        && !plain.is_empty()
        && plain.bytes().all(|b| b.is_ascii_alphabetic())
    {
        for p in plain.chars() {
            out(if fold_case { p.to_ascii_lowercase() } else { p });
        }
        return;
    }
    out(if fold_case { fold_char(c) } else { c })
}

/// The whole string with accents removed and case folded ([`fold_into`]).
pub fn fold(s: &str) -> String {
    fold_with(s, true)
}

/// The whole string with accents removed, case kept (for case-sensitive
/// queries).
pub fn plain(s: &str) -> String {
    fold_with(s, false)
}

fn fold_with(s: &str, fold_case: bool) -> String {
    if s.is_ascii() {
        return if fold_case {
            s.to_ascii_lowercase()
        } else {
            s.to_string()
        };
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_into(c, fold_case, |f| out.push(f));
    }
    out
}

/// True when ASCII case-insensitive comparison of `s` as written is not
/// enough: it has a non-ASCII char that folding changes ("Ü", "é", "ß").
pub fn needs_fold(s: &str) -> bool {
    !s.is_ascii()
        && s.chars()
            .any(|c| !c.is_ascii() && (fold_char(c) != c || is_foldable_latin(c)))
}

/// Maps char indices in the folded form of `original` back to char indices
/// in `original`, ascending and without repeats.
pub fn unfold_positions(original: &str, folded: &[usize], fold_case: bool) -> Vec<usize> {
    if original.is_ascii() {
        return folded.to_vec();
    }
    let mut out = Vec::with_capacity(folded.len());
    let mut wanted = folded.iter().copied().peekable();
    let mut at = 0;
    for (i, c) in original.chars().enumerate() {
        let mut len = 0;
        fold_into(c, fold_case, |_| len += 1);
        while let Some(&p) = wanted.peek() {
            if p >= at + len {
                break;
            }
            wanted.next();
            if out.last() != Some(&i) {
                out.push(i);
            }
        }
        at += len;
    }
    out
}

/// Which byte classes occur in the text, one bit each, case-insensitively:
/// letters and digits have their own bit, other ASCII share bits, any
/// non-ASCII byte sets the top bit. If a query's mask is not contained in
/// a field's mask, the field cannot match.
pub fn mask(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |m, &b| m | BYTE_BIT[b as usize])
}

/// [`byte_bit`] of every byte: the index masks every title and text.
static BYTE_BIT: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = byte_bit(b as u8);
        b += 1;
    }
    t
};

const fn byte_bit(b: u8) -> u64 {
    let b = b.to_ascii_lowercase();
    let bit = match b {
        b'a'..=b'z' => b - b'a',
        b'0'..=b'9' => 26 + (b - b'0'),
        0x80..=0xff => 63,
        other => 36 + other % 27,
    };
    1u64 << bit
}

/// Whether `needle`'s bytes occur in `hay` in order, ASCII case ignored
/// when `fold_case` (the needle is then already lowercase). This is the
/// fuzzy matcher's own acceptance test, done on bytes without allocating.
pub fn is_subsequence(hay: &[u8], needle: &[u8], fold_case: bool) -> bool {
    let mut rest = needle;
    for &b in hay {
        let Some((&want, tail)) = rest.split_first() else {
            return true;
        };
        let b = if fold_case { b.to_ascii_lowercase() } else { b };
        if b == want {
            rest = tail;
        }
    }
    rest.is_empty()
}

/// A needle prepared for [`BoundNeedle::bound`]: which needle positions each
/// byte value matches.
#[derive(Debug, Clone)]
pub struct BoundNeedle {
    needle: Vec<u8>,
    positions: Box<[u32; 256]>,
    fold_case: bool,
}

impl BoundNeedle {
    /// `None` when the needle is not ASCII, is empty or has more than 32
    /// bytes: such needles are not bounded.
    pub fn new(needle: &[u8], fold_case: bool) -> Option<BoundNeedle> {
        if needle.is_empty() || needle.len() > 32 || !needle.is_ascii() {
            return None;
        }
        // Indexed by the text's byte as written: both cases when folding, so
        // the scan needs no lowercasing for the bytes that do not match.
        let mut positions = Box::new([0u32; 256]);
        for (j, &b) in needle.iter().enumerate() {
            positions[b as usize] |= 1 << j;
            if fold_case {
                positions[b.to_ascii_uppercase() as usize] |= 1 << j;
            }
        }
        Some(BoundNeedle {
            needle: needle.to_vec(),
            positions,
            fold_case,
        })
    }

    /// An upper bound on the fuzzy matcher's score (`SkimMatcherV2` with
    /// its default scores, compressed mode, fresh matrix) for the needle in
    /// `hay`, or `None` when its bytes do not occur in order (no match).
    ///
    /// Why it holds: the matcher gives each matched char 16, less 2 for a
    /// case mismatch, plus a bonus. The first char's is its in-place bonus
    /// less 1 (16 at the very first char of the text, 8 at a word head, 7
    /// after punctuation, 6 at a camel hump, else 0). A char right after the
    /// previous needle char's match earns the larger of 4 and its in-place
    /// bonus; after a gap it earns its in-place bonus less at least 4. No
    /// alignment places a needle char before the place the in-order test
    /// that takes each char at its first chance gives it, so each char's
    /// best over its occurrences from there on, summed, bounds every
    /// alignment. The matcher's reuse of stale matrix rows only lets an
    /// alignment skip needle chars, which costs more than it can gain.
    pub fn bound(&self, hay: &[u8]) -> Option<i32> {
        self.bound_from(hay, Partial::START).map(|p| p.sum)
    }

    /// [`BoundNeedle::bound`], given `known`: the same computation for the
    /// first `known.chars` bytes of this needle (a word typed on from an
    /// earlier one). Each needle char's best depends only on it, the char
    /// before it, its earliest place and the text, so only the chars after
    /// those are looked for, and the in-order test resumes where it stopped.
    pub fn bound_from(&self, hay: &[u8], known: Partial) -> Option<Partial> {
        let m = self.needle.len();
        let first = known.chars as usize;
        if first >= m {
            return Some(known);
        }
        // The in-order test, which gives each new char its earliest place.
        let mut earliest = [0usize; 32];
        let mut end = known.end as usize;
        for (place, &want) in earliest[first..m].iter_mut().zip(&self.needle[first..]) {
            *place = self.next(hay, end, want)?;
            end = *place + 1;
        }
        let mut best = [i32::MIN; 32];
        if m - first == 1 {
            // One char more, the usual keystroke: visit its occurrences alone.
            let mut at = Some(earliest[first]);
            while let Some(col) = at {
                self.offer_column(hay, col, 1 << first, &mut best);
                at = self.next(hay, col + 1, self.needle[first]);
            }
        } else {
            let low = |k: usize| u32::MAX.checked_shr(32 - k as u32).unwrap_or(0);
            // The needle chars whose earliest place the scan has reached.
            let mut reached = first;
            for col in earliest[first]..hay.len() {
                while reached < m && earliest[reached] <= col {
                    reached += 1;
                }
                let bits = self.positions[hay[col] as usize] & low(reached) & !low(first);
                if bits != 0 {
                    self.offer_column(hay, col, bits, &mut best);
                }
            }
        }
        Some(Partial {
            sum: known.sum + best[first..m].iter().sum::<i32>(),
            chars: m as u8,
            end: end.min(u32::MAX as usize) as u32,
        })
    }

    /// Where the needle byte `want` next occurs in `hay` from `from` on,
    /// in either case when folding (the needle is then lowercase).
    fn next(&self, hay: &[u8], from: usize, want: u8) -> Option<usize> {
        let rest = hay.get(from..)?;
        let either_case = self.fold_case && want.is_ascii_lowercase();
        find_byte(rest, want, either_case).map(|at| from + at)
    }

    /// The byte as the needle holds it.
    fn key(&self, b: u8) -> u8 {
        if self.fold_case {
            b.to_ascii_lowercase()
        } else {
            b
        }
    }

    /// Raises `best[j]` for each needle position `j` in `bits` to what a
    /// match of `hay[col]` there could earn.
    fn offer_column(&self, hay: &[u8], col: usize, bits: u32, best: &mut [i32; 32]) {
        let b = hay[col];
        let (bonus, prev_bits) = match col {
            0 => (16, 0),
            _ => {
                let prev = hay[col - 1];
                let bonus = in_place_bonus(KIND[prev as usize], KIND[b as usize]);
                (bonus, self.positions[prev as usize])
            }
        };
        let penalty = if self.key(b) != b { 2 } else { 0 };
        let mut rest = bits;
        while rest != 0 {
            let j = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let term = if j == 0 {
                15 + bonus
            } else if prev_bits & 1 << (j - 1) != 0 {
                16 + bonus.max(4)
            } else {
                12 + bonus
            };
            best[j] = best[j].max(term - penalty);
        }
    }
}

/// What [`BoundNeedle::bound_from`] knows of a needle's first `chars` bytes
/// in one text: the sum of their bests, and the byte after the in-order
/// match of them that takes each at its first chance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partial {
    pub sum: i32,
    pub chars: u8,
    pub end: u32,
}

impl Partial {
    pub const START: Partial = Partial {
        sum: 0,
        chars: 0,
        end: 0,
    };
}

/// The first place in `hay` holding `want`, or its uppercase when
/// `either_case` (`want` is then a lowercase letter), eight bytes at a time.
/// Titles are short: memchr's set-up costs more than this whole scan.
fn find_byte(hay: &[u8], want: u8, either_case: bool) -> Option<usize> {
    let case = if either_case { CASE_BITS } else { 0 };
    let wanted = u64::from_ne_bytes([want; 8]);
    let mut words = hay.chunks_exact(8);
    for (k, word) in words.by_ref().enumerate() {
        let zero = zero_bytes((word_at(word, 0) | case) ^ wanted);
        if zero != 0 {
            return Some(k * 8 + zero.trailing_zeros() as usize / 8);
        }
    }
    let tail = words.remainder();
    let at = tail
        .iter()
        .position(|&b| b == want || either_case && b | 0x20 == want)?;
    Some(hay.len() - tail.len() + at)
}

/// Calls `found` with each place from `from` on where `hay` holds `needle`
/// (lowercase), ASCII case ignored, in order, until it returns true. The
/// two needle bytes at `pair` are tested at eight places at once, and the
/// whole needle is compared only where both agree: searching per byte, or
/// setting memchr up again after each of a common letter's many
/// occurrences, costs several times as much on text of a few hundred bytes.
fn find_caseless(
    hay: &[u8],
    needle: &[u8],
    pair: (usize, usize),
    from: usize,
    mut found: impl FnMut(usize) -> bool,
) {
    let n = needle.len();
    let Some(last) = hay.len().checked_sub(n) else {
        return;
    };
    let lane = |i: usize| {
        let b = needle[i];
        let case = if b.is_ascii_lowercase() { CASE_BITS } else { 0 };
        (u64::from_ne_bytes([b; 8]), case)
    };
    let ((want_a, case_a), (want_b, case_b)) = (lane(pair.0), lane(pair.1));
    let mut start = from;
    // Eight starts at a time while all eight can hold the needle.
    while start + 8 <= last + 1 {
        let a = (word_at(hay, start + pair.0) | case_a) ^ want_a;
        let b = (word_at(hay, start + pair.1) | case_b) ^ want_b;
        let mut both = zero_bytes(a) & zero_bytes(b);
        while both != 0 {
            let at = start + both.trailing_zeros() as usize / 8;
            both &= both - 1;
            if hay[at..at + n].eq_ignore_ascii_case(needle) && found(at) {
                return;
            }
        }
        start += 8;
    }
    while start <= last {
        if hay[start..start + n].eq_ignore_ascii_case(needle) && found(start) {
            return;
        }
        start += 1;
    }
}

/// Bit 5 of each byte: all that tells an ASCII letter's cases apart.
const CASE_BITS: u64 = 0x2020_2020_2020_2020;

/// The eight bytes of `hay` from `at` on, the first lowest.
fn word_at(hay: &[u8], at: usize) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&hay[at..at + 8]);
    u64::from_le_bytes(bytes)
}

/// The high bit of each zero byte of `x`, and of no other byte.
fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// The matcher's char classes, for the bytes of UTF-8 text: every byte of a
/// non-ASCII char counts as lowercase, as the matcher counts the char.
const HEAD: u8 = 0;
const SOFT: u8 = 1;
const NUMBER: u8 = 2;
const UPPER: u8 = 3;
const LOWER: u8 = 4;

/// [`byte_kind`] of every byte, looked up once per byte of every title.
static KIND: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = byte_kind(b as u8);
        b += 1;
    }
    t
};

const fn byte_kind(b: u8) -> u8 {
    match b {
        0 | b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => HEAD,
        b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => SOFT,
        b'0'..=b'9' => NUMBER,
        b'A'..=b'Z' => UPPER,
        _ => LOWER,
    }
}

fn in_place_bonus(prev: u8, cur: u8) -> i32 {
    match (prev, cur) {
        (HEAD, _) => 8,
        (SOFT, _) => 7,
        (LOWER | NUMBER, UPPER) => 6,
        _ => 0,
    }
}

/// One occurrence of a needle in a text, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    /// The match begins a word.
    pub word_start: bool,
    /// The match ends a word.
    pub word_end: bool,
}

impl Found {
    /// Better matches begin words, then also end them; earlier breaks ties.
    fn rank(&self) -> u8 {
        self.word_start as u8 * 2 + self.word_end as u8
    }
}

/// Where an occurrence must stand in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Anywhere,
    /// At the very start (`^term`).
    Start,
    /// At the very end (`term$`).
    End,
    /// The whole text (`^term$`).
    Whole,
}

impl Anchor {
    fn allows(self, start: usize, end: usize, len: usize) -> bool {
        match self {
            Anchor::Anywhere => true,
            Anchor::Start => start == 0,
            Anchor::End => end == len,
            Anchor::Whole => start == 0 && end == len,
        }
    }
}

/// A prepared substring search, by smart case, accents folded.
#[derive(Debug, Clone)]
pub struct Needle {
    /// The needle as matched: lowercase when case is ignored.
    text: String,
    fold_case: bool,
    /// Lowercase ASCII needle searched by bytes; otherwise chars are folded.
    ascii: bool,
    /// The two needle bytes to look for first: the rarest in ordinary text
    /// (the same one twice for a needle of one byte).
    pair: (usize, usize),
    chars: Vec<char>,
}

impl Needle {
    /// `fold_case`: ignore case (the caller's smart-case decision).
    pub fn new(text: &str, fold_case: bool) -> Needle {
        let text = if fold_case { fold(text) } else { plain(text) };
        let ascii = text.is_ascii();
        let mut by_rarity: Vec<usize> = (0..text.len()).collect();
        by_rarity.sort_by_key(|&i| std::cmp::Reverse(rarity(text.as_bytes()[i])));
        let first = by_rarity.first().copied().unwrap_or(0);
        let pair = (first, by_rarity.get(1).copied().unwrap_or(first));
        Needle {
            chars: text.chars().collect(),
            text,
            fold_case,
            ascii,
            pair,
        }
    }

    /// The needle as matched: accents removed, lowercase when case is ignored.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn char_len(&self) -> usize {
        self.chars.len()
    }

    /// The best occurrence in `hay`: one that begins a word, else the first.
    /// `scratch` is reused between calls by the slow path.
    #[cfg(test)]
    pub fn find(&self, hay: &str, scratch: &mut Scratch) -> Option<Found> {
        self.find_at(hay, Anchor::Anywhere, scratch)
    }

    /// Like [`Needle::find`], for an occurrence standing where `anchor` says.
    pub fn find_at(&self, hay: &str, anchor: Anchor, scratch: &mut Scratch) -> Option<Found> {
        self.find_in(hay, hay.is_ascii(), anchor, scratch)
    }

    /// [`Needle::find_at`] for a text already known to have nothing that
    /// folding changes, or not (`hay_plain`; ASCII text has nothing), sparing
    /// long texts a pass to find out.
    pub fn find_in(
        &self,
        hay: &str,
        hay_plain: bool,
        anchor: Anchor,
        scratch: &mut Scratch,
    ) -> Option<Found> {
        self.scan(hay, hay_plain, anchor, 0, false, scratch)
    }

    /// The first occurrence at byte `from` or later: whether the needle
    /// occurs, and a lower bound on how well, without reading further.
    pub fn first_from(
        &self,
        hay: &str,
        hay_plain: bool,
        anchor: Anchor,
        from: usize,
        scratch: &mut Scratch,
    ) -> Option<Found> {
        self.scan(hay, hay_plain, anchor, from, true, scratch)
    }

    /// The best occurrence from byte `from` on, or the first when
    /// `first_only`.
    fn scan(
        &self,
        hay: &str,
        hay_plain: bool,
        anchor: Anchor,
        from: usize,
        first_only: bool,
        scratch: &mut Scratch,
    ) -> Option<Found> {
        // Folding never shortens ASCII, so an ASCII text shorter than the
        // needle cannot hold it.
        if self.text.is_empty() || self.ascii && hay_plain && hay.len() < self.text.len() + from {
            return None;
        }
        let mut best: Option<Found> = None;
        let mut consider = |start: usize, end: usize| -> bool {
            if !anchor.allows(start, end, hay.len()) {
                return false;
            }
            let found = Found {
                start,
                end,
                word_start: !hay[..start].chars().next_back().is_some_and(is_word_char),
                word_end: !hay[end..].chars().next().is_some_and(is_word_char),
            };
            if best.is_none_or(|b| found.rank() > b.rank()) {
                best = Some(found);
            }
            // Stop once nothing can beat it.
            first_only || found.rank() == 3
        };
        let n = self.text.as_bytes();
        // Bytes can be compared only when neither side has chars to fold.
        let bytes = self.ascii && hay_plain;
        if bytes && !self.fold_case {
            let rest = hay.as_bytes().get(from..).unwrap_or_default();
            for at in memchr::memmem::find_iter(rest, n) {
                if consider(from + at, from + at + n.len()) {
                    break;
                }
            }
        } else if bytes {
            find_caseless(hay.as_bytes(), n, self.pair, from, |start| {
                consider(start, start + n.len())
            });
        } else {
            scratch.fill(hay, self.fold_case);
            let m = self.chars.len();
            let folded = &scratch.chars;
            if folded.len() >= m {
                let skip = scratch.starts.partition_point(|&s| (s as usize) < from);
                for i in skip..=folded.len() - m {
                    if folded[i..i + m] == self.chars[..] {
                        let start = scratch.starts[i] as usize;
                        let end = scratch.ends[i + m - 1] as usize;
                        if consider(start, end) {
                            break;
                        }
                    }
                }
            }
        }
        best
    }
}

/// Reusable buffers for folding text that is not plain ASCII.
#[derive(Debug, Default)]
pub struct Scratch {
    /// The folded chars.
    chars: Vec<char>,
    /// For each folded char, the byte range of the char it comes from (a
    /// char folding to several shares its range among them).
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl Scratch {
    fn fill(&mut self, hay: &str, fold_case: bool) {
        self.chars.clear();
        self.starts.clear();
        self.ends.clear();
        for (i, c) in hay.char_indices() {
            fold_into(c, fold_case, |f| {
                self.chars.push(f);
                self.starts.push(i as u32);
                self.ends.push((i + c.len_utf8()) as u32);
            });
        }
    }
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// How rarely a byte appears in English prose: searching for the rarest
/// needle byte first leaves the fewest places to check.
fn rarity(b: u8) -> u8 {
    const BY_FREQUENCY: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";
    match b {
        b' ' => 0,
        b'a'..=b'z' => 1 + BY_FREQUENCY.iter().position(|&c| c == b).unwrap_or(0) as u8,
        b'A'..=b'Z' => 30,
        b'0'..=b'9' => 30,
        _ => 28,
    }
}

/// The char index of a byte offset (which must be on a char boundary).
pub fn char_index(s: &str, byte: usize) -> usize {
    s.get(..byte).map_or(0, |head| head.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_accents_from_latin_letters_only() {
        assert_eq!(fold("ŁÓDŹ"), "lodz");
        assert_eq!(fold("Zürich"), "zurich");
        assert_eq!(fold("naïve Straße"), "naive strasse");
        assert_eq!(fold("Æsop"), "aesop");
        assert_eq!(plain("Zürich"), "Zurich");
        // Other scripts keep their letters, case folded.
        assert_eq!(fold("日本語 ΑΘΗΝΑ"), "日本語 αθηνα");
        // Punctuation stays as it is.
        assert_eq!(fold("“quoted” — x"), "“quoted” — x");
        assert!(needs_fold("Zürich") && needs_fold("ZÜRICH") && !needs_fold("ABC"));
        assert!(!needs_fold("日本語"));
    }

    #[test]
    fn positions_in_folded_text_map_back() {
        // "straße" folds to "strasse": the two s of ß are its one char.
        assert_eq!(
            unfold_positions("Straße", &[0, 4, 5, 6], true),
            vec![0, 4, 5]
        );
        assert_eq!(unfold_positions("Zürich", &[1, 2], true), vec![1, 2]);
        assert_eq!(unfold_positions("abc", &[2], true), vec![2]);
    }

    #[test]
    fn accents_fold_in_substring_search() {
        let f = find("in der Straße", "strasse", true).unwrap();
        assert_eq!(&"in der Straße"[f.start..f.end], "Straße");
        let f = find("a naïve view", "naive", true).unwrap();
        assert_eq!(&"a naïve view"[f.start..f.end], "naïve");
        // A query with accents finds text without them, and case-sensitive.
        assert!(find("Zurich", "Zürich", false).is_some());
        assert!(find("zurich", "Zürich", false).is_none());
        // One half of ß is a match of its own.
        let f = find("Straße", "as", true).unwrap();
        assert_eq!(&"Straße"[f.start..f.end], "aß");
    }

    #[test]
    fn mask_rejects_missing_letters_only() {
        let title = mask(b"Morale collapsed in 1917");
        assert_eq!(mask(b"mor") & !title, 0);
        assert_eq!(mask(b"MOR 19") & !title, 0);
        assert_ne!(mask(b"moz") & !title, 0);
    }

    #[test]
    fn subsequence() {
        assert!(is_subsequence(b"Morale Collapsed", b"mcl", true));
        assert!(!is_subsequence(b"Morale Collapsed", b"mcl", false));
        assert!(is_subsequence(b"Morale Collapsed", b"MC", false));
        assert!(!is_subsequence(b"abc", b"cb", true));
        assert!(is_subsequence(b"abc", b"", true));
    }

    fn find(hay: &str, needle: &str, fold_case: bool) -> Option<Found> {
        Needle::new(needle, fold_case).find(hay, &mut Scratch::default())
    }

    #[test]
    fn substring_prefers_word_starts() {
        let f = find("the bread rationing, a ration", "ration", true).unwrap();
        assert_eq!(&"the bread rationing, a ration"[f.start..f.end], "ration");
        assert_eq!(f.start, 23);
        assert!(f.word_start && f.word_end);
        let inside = find("generation", "ration", true).unwrap();
        assert!(!inside.word_start && inside.word_end);
        assert_eq!(find("abc", "abcd", true), None);
        assert_eq!(find("", "a", true), None);
    }

    #[test]
    fn case_rules() {
        assert!(find("The Morale", "morale", true).is_some());
        assert!(find("The Morale", "Morale", false).is_some());
        assert!(find("The morale", "Morale", false).is_none());
        // Non-ASCII folding: "zürich" finds "ZÜRICH".
        let f = find("in ZÜRICH today", "zürich", true).unwrap();
        assert_eq!(&"in ZÜRICH today"[f.start..f.end], "ZÜRICH");
        assert!(find("日本語のテキスト", "本語", true).is_some());
    }

    /// A bound resumed from a shorter needle's, one char or several at a
    /// time, must be the bound computed from nothing.
    #[test]
    fn a_resumed_bound_is_the_bound_from_nothing() {
        let debate = crate::synth::debate(1500, 8);
        let mut texts: Vec<String> = debate.nodes.iter().map(|n| n.title.clone()).collect();
        texts.extend(["mmmorale", "Morale Winter", "m", "", "a-b_c MoRaLe"].map(String::from));
        let mut rng = crate::synth::Rng::new(11);
        let mut compared = 0;
        for text in &texts {
            let hay = text.as_bytes();
            for needle in ["morale winte", "mmo", "w", "the sup", "aaaa", "e e"] {
                for fold_case in [true, false] {
                    let mut known = Some(Partial::START);
                    let mut len = 0;
                    while len < needle.len() {
                        len += 1 + rng.below(3).min(needle.len() - len - 1);
                        let b = BoundNeedle::new(&needle.as_bytes()[..len], fold_case).unwrap();
                        let fresh = b.bound_from(hay, Partial::START);
                        assert_eq!(fresh.map(|p| p.sum), b.bound(hay));
                        // Once absent, the longer needle is absent too.
                        known = known.and_then(|k| b.bound_from(hay, k));
                        assert_eq!(known, fresh, "{text:?} {:?}", &needle[..len]);
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 50_000, "{compared}");
    }

    #[test]
    fn occurrences_from_an_offset_and_the_first_one() {
        let mut scratch = Scratch::default();
        let hay = "Moral, the mora of morale; MORALE again";
        let n = Needle::new("mora", true);
        let best = n
            .find_in(hay, true, Anchor::Anywhere, &mut scratch)
            .unwrap();
        assert_eq!(&hay[best.start..best.end], "mora");
        assert_eq!(best.start, 11, "a whole word beats the earlier ones");
        let first = |from| {
            n.first_from(hay, true, Anchor::Anywhere, from, &mut Scratch::default())
                .map(|f| f.start)
        };
        assert_eq!(first(0), Some(0));
        assert_eq!(first(1), Some(11));
        let f = n
            .first_from(hay, true, Anchor::Anywhere, 12, &mut scratch)
            .unwrap();
        assert_eq!(f.start, 19);
        assert_eq!(
            n.first_from(hay, true, Anchor::Anywhere, 28, &mut scratch),
            None
        );
        // Case kept, and text with chars to fold: the same offsets.
        let n = Needle::new("MORA", false);
        assert_eq!(
            n.first_from(hay, true, Anchor::Anywhere, 1, &mut scratch)
                .map(|f| f.start),
            Some(27)
        );
        let accented = "Zürich, zurich, ZÜRICH";
        let n = Needle::new("zurich", true);
        let starts: Vec<usize> = [0, 1, 9, 10]
            .into_iter()
            .filter_map(|from| n.first_from(accented, false, Anchor::Anywhere, from, &mut scratch))
            .map(|f| f.start)
            .collect();
        assert_eq!(starts, vec![0, 9, 9, 17]);
        assert_eq!(
            n.first_from(accented, false, Anchor::Anywhere, 18, &mut scratch),
            None
        );
    }

    /// The word-at-a-time search finds every place a plain scan finds, in
    /// order, whatever the needle's bytes and the text around them.
    #[test]
    fn caseless_search_finds_what_a_plain_scan_finds() {
        let mut rng = crate::synth::Rng::new(17);
        let alphabet = b"aAbB .-_zZ09~^@`";
        for _ in 0..3000 {
            let len = rng.below(90);
            let hay: Vec<u8> = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            let needle: Vec<u8> = (0..1 + rng.below(4))
                .map(|_| alphabet[rng.below(alphabet.len())].to_ascii_lowercase())
                .collect();
            let from = rng.below(len + 2);
            let pair = (rng.below(needle.len()), rng.below(needle.len()));
            let mut seen = Vec::new();
            find_caseless(&hay, &needle, pair, from, |at| {
                seen.push(at);
                false
            });
            let expected: Vec<usize> = (from..(len + 1).saturating_sub(needle.len()))
                .filter(|&at| hay[at..at + needle.len()].eq_ignore_ascii_case(&needle))
                .collect();
            assert_eq!(seen, expected, "{:?} in {:?} from {from}", needle, hay);
        }
        assert_eq!(find_byte(b"xxxxxxxxxM", b'm', true), Some(9));
        assert_eq!(find_byte(b"xxxxxxxxxM", b'm', false), None);
        assert_eq!(find_byte(b"@@@@@@@@`", b'`', false), Some(8));
    }

    #[test]
    fn char_index_counts_chars() {
        let s = "Zürich 日本";
        let byte = s.find('日').unwrap();
        assert_eq!(char_index(s, byte), 7);
    }
}
