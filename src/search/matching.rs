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
    /// bonus; after a gap it earns its in-place bonus less at least 4. Each
    /// char's best over all its occurrences, summed, bounds every
    /// alignment. The matcher's reuse of stale matrix rows only lets an
    /// alignment skip needle chars, which costs more than it can gain.
    pub fn bound(&self, hay: &[u8]) -> Option<i32> {
        let m = self.needle.len();
        let mut best = [i32::MIN; 32];
        let mut found = 0;
        let mut prev_bits = 0u32;
        for (col, &b) in hay.iter().enumerate() {
            let bits = self.positions[b as usize];
            if bits == 0 {
                prev_bits = 0;
                continue;
            }
            let bonus = match col {
                0 => 16,
                _ => in_place_bonus(KIND[hay[col - 1] as usize], KIND[b as usize]),
            };
            let key = if self.fold_case {
                b.to_ascii_lowercase()
            } else {
                b
            };
            let penalty = if key != b { 2 } else { 0 };
            if bits & 1 != 0 {
                best[0] = best[0].max(15 + bonus - penalty);
            }
            let mut rest = bits & !1;
            while rest != 0 {
                let j = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                let term = if prev_bits & 1 << (j - 1) != 0 {
                    16 + bonus.max(4)
                } else {
                    12 + bonus
                };
                best[j] = best[j].max(term - penalty);
            }
            if found < m && self.needle[found] == key {
                found += 1;
            }
            prev_bits = bits;
        }
        (found == m).then(|| best[..m].iter().sum())
    }
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
    /// The needle byte to look for first: the rarest in ordinary text.
    anchor: usize,
    chars: Vec<char>,
}

impl Needle {
    /// `fold_case`: ignore case (the caller's smart-case decision).
    pub fn new(text: &str, fold_case: bool) -> Needle {
        let text = if fold_case { fold(text) } else { plain(text) };
        let ascii = text.is_ascii();
        let anchor = (0..text.len())
            .max_by_key(|&i| rarity(text.as_bytes()[i]))
            .unwrap_or(0);
        Needle {
            chars: text.chars().collect(),
            text,
            fold_case,
            ascii,
            anchor,
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
        // Folding never shortens ASCII, so an ASCII text shorter than the
        // needle cannot hold it.
        if self.text.is_empty() || self.ascii && hay_plain && hay.len() < self.text.len() {
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
            found.rank() == 3
        };
        let n = self.text.as_bytes();
        // Bytes can be compared only when neither side has chars to fold.
        let bytes = self.ascii && hay_plain;
        if bytes && !self.fold_case {
            for start in memchr::memmem::find_iter(hay.as_bytes(), n) {
                if consider(start, start + n.len()) {
                    break;
                }
            }
        } else if bytes {
            let h = hay.as_bytes();
            let a = self.anchor;
            let want = n[a];
            let mut check = |p: usize| -> bool {
                if p < a || p - a + n.len() > h.len() {
                    return false;
                }
                let start = p - a;
                h[start..start + n.len()].eq_ignore_ascii_case(n)
                    && consider(start, start + n.len())
            };
            if want.is_ascii_lowercase() {
                for p in memchr::memchr2_iter(want, want.to_ascii_uppercase(), h) {
                    if check(p) {
                        break;
                    }
                }
            } else {
                for p in memchr::memchr_iter(want, h) {
                    if check(p) {
                        break;
                    }
                }
            }
        } else {
            scratch.fill(hay, self.fold_case);
            let m = self.chars.len();
            let folded = &scratch.chars;
            if folded.len() >= m {
                for i in 0..=folded.len() - m {
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

    #[test]
    fn char_index_counts_chars() {
        let s = "Zürich 日本";
        let byte = s.find('日').unwrap();
        assert_eq!(char_index(s, byte), 7);
    }
}
