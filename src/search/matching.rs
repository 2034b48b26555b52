//! The low-level matching: case folding that keeps char positions, a
//! letter-presence mask and an in-order test for cheap rejection, and
//! substring search in long text.

/// Lowercases one char when its lowercase is a single char; otherwise keeps
/// it. Folding char by char keeps every char at its index, so positions
/// found in a folded copy point at the same chars in the original.
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

/// The whole string folded by [`fold_char`].
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// True when ASCII case-insensitive comparison is not enough for `s`: it
/// has a non-ASCII char that folding changes ("Ü", "Ł").
pub fn needs_fold(s: &str) -> bool {
    !s.is_ascii() && s.chars().any(|c| !c.is_ascii() && fold_char(c) != c)
}

/// Which byte classes occur in the text, one bit each, case-insensitively:
/// letters and digits have their own bit, other ASCII share bits, any
/// non-ASCII byte sets the top bit. If a query's mask is not contained in
/// a field's mask, the field cannot match.
pub fn mask(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |m, &b| m | byte_bit(b))
}

fn byte_bit(b: u8) -> u64 {
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

/// A prepared substring search, by smart case.
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
        let text = if fold_case {
            fold(text)
        } else {
            text.to_string()
        };
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

    pub fn char_len(&self) -> usize {
        self.chars.len()
    }

    /// The best occurrence in `hay`: one that begins a word, else the first.
    /// `scratch` is reused between calls by the slow path.
    pub fn find(&self, hay: &str, scratch: &mut Scratch) -> Option<Found> {
        if self.text.is_empty() || hay.len() < self.text.len() && self.ascii {
            return None;
        }
        let mut best: Option<Found> = None;
        let mut consider = |start: usize, end: usize| -> bool {
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
        if !self.fold_case {
            for start in memchr::memmem::find_iter(hay.as_bytes(), n) {
                if consider(start, start + n.len()) {
                    break;
                }
            }
        } else if self.ascii {
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
            scratch.fill(hay);
            let m = self.chars.len();
            let folded = &scratch.chars;
            if folded.len() >= m {
                for i in 0..=folded.len() - m {
                    if folded[i..i + m] == self.chars[..] {
                        let start = scratch.offsets[i] as usize;
                        let end = scratch.offsets[i + m] as usize;
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
    chars: Vec<char>,
    /// Byte offset of each char, and one past the end.
    offsets: Vec<u32>,
}

impl Scratch {
    fn fill(&mut self, hay: &str) {
        self.chars.clear();
        self.offsets.clear();
        for (i, c) in hay.char_indices() {
            self.chars.push(fold_char(c));
            self.offsets.push(i as u32);
        }
        self.offsets.push(hay.len() as u32);
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
    fn folding_keeps_char_count() {
        for s in ["Zürich", "ŁÓDŹ", "İstanbul", "日本語", "Straße 🙂"] {
            assert_eq!(fold(s).chars().count(), s.chars().count(), "{s}");
        }
        assert_eq!(fold("ŁÓDŹ"), "łódź");
        assert!(needs_fold("ZÜRICH") && !needs_fold("Zürich") && !needs_fold("ABC"));
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
