//! Backslash escapes, as Argdown and Kialo's Markdown write them: `\x`
//! stands for the character `x`.

/// `\x` becomes `x` for any ASCII punctuation `x`; other backslashes stay.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && next.is_ascii_punctuation()
        {
            out.push(next);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

/// The byte index of the first `want` at or after `from`, on the same
/// line, that no `\` escapes; `from` must not fall between a backslash and
/// the character it escapes. (Kialo's links and footnotes never span
/// lines; Argdown's titles need no search, having no escapes.)
pub fn find_unescaped(s: &str, from: usize, want: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in s.get(from..)?.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == want {
            return Some(from + i);
        } else if c == '\n' {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_skipped_and_lines_bound_the_search() {
        assert_eq!(find_unescaped(r"[a\]b]", 1, ']'), Some(5));
        assert_eq!(find_unescaped("[a\nb]", 1, ']'), None);
        assert_eq!(find_unescaped("[a", 9, ']'), None);
        assert_eq!(unescape(r"\[x\] \é \\"), r"[x] \é \");
    }
}
