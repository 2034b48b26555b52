//! A short excerpt of long text around a match, for one line of a result list.

/// About how many chars a snippet shows.
pub const SNIPPET_CHARS: usize = 80;
/// How many chars of context to keep before the match, at most.
const CONTEXT_BEFORE: usize = 24;

/// An excerpt with the matched chars marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// One line: control chars and line breaks are spaces; `…` marks a cut.
    pub text: String,
    /// Char indices into `text` of the matched chars.
    pub highlights: Vec<usize>,
}

/// The snippet of `text` around the `len` chars starting at char `start`,
/// marking those and any chars of `also` (ascending char indices) it shows.
pub fn snippet(text: &str, start: usize, len: usize, also: &[usize]) -> Snippet {
    let chars: Vec<char> = text.chars().collect();
    let start = start.min(chars.len());
    let end = (start + len).min(chars.len());
    let mut from = start.saturating_sub(CONTEXT_BEFORE);
    // Begin at a word rather than in the middle of one.
    if from > 0
        && let Some(p) = chars[from..start].iter().position(|c| c.is_whitespace())
    {
        from += p + 1;
    }
    let mut to = (from + SNIPPET_CHARS).max(end).min(chars.len());
    if to < chars.len()
        && let Some(p) = chars[end..to].iter().rposition(|c| c.is_whitespace())
    {
        to = end + p;
    }
    let mut out = String::with_capacity((to - from) * 2 + 6);
    let mut lead = 0;
    if from > 0 {
        out.push('…');
        lead = 1;
    }
    // One char for one char, so that highlight indices stay exact.
    out.extend(chars[from..to].iter().map(|&c| {
        if c.is_control() || c.is_whitespace() {
            ' '
        } else {
            c
        }
    }));
    if to < chars.len() {
        out.push('…');
    }
    Snippet {
        text: out,
        highlights: also
            .iter()
            .copied()
            .filter(|&c| (from..to).contains(&c))
            .chain(start..end)
            .collect::<std::collections::BTreeSet<usize>>()
            .into_iter()
            .map(|c| c - from + lead)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(s: &Snippet) -> String {
        s.text
            .chars()
            .enumerate()
            .filter(|(i, _)| s.highlights.contains(i))
            .map(|(_, c)| c)
            .collect()
    }

    #[test]
    fn short_text_is_whole() {
        let s = snippet("Bread ran out\nin Zürich.", 17, 6, &[]);
        assert_eq!(s.text, "Bread ran out in Zürich.");
        assert_eq!(marked(&s), "Zürich");
    }

    #[test]
    fn long_text_is_cut_around_the_match() {
        let words = "alpha beta gamma delta epsilon ".repeat(20);
        let text = format!("{words}日本語 target word {words}");
        let start = text.chars().position(|c| c == '日').unwrap();
        let s = snippet(&text, start, 3, &[]);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert!(s.text.chars().count() <= SNIPPET_CHARS + 2);
        assert_eq!(marked(&s), "日本語");
    }

    #[test]
    fn out_of_range_is_safe() {
        let s = snippet("abc", 10, 5, &[]);
        assert!(s.highlights.is_empty());
        assert_eq!(snippet("", 0, 0, &[]).text, "");
    }
}
