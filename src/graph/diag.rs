//! Problems found in a file, each pinned to where it is written.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub pos: Pos,
    pub severity: Severity,
    pub message: String,
    /// The offending line of the file, for quoting with a caret.
    pub line_text: Option<String>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line, `FILE:LINE:COL: error: MESSAGE`.
    pub fn headline(&self) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Messages quote ids and names from the file: never let them carry
        // terminal escapes to whoever prints the headline.
        format!(
            "{}:{}:{}: {}: {}",
            self.file,
            self.pos.line,
            self.pos.col,
            sev,
            crate::text::sanitize_line(&self.message)
        )
    }
}

impl fmt::Display for Diagnostic {
    /// The headline, then the offending line quoted with a caret under the column.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.headline())?;
        if let Some(line) = &self.line_text {
            let shown: String = crate::text::sanitize_line(line)
                .chars()
                .take(QUOTED_CHARS)
                .collect();
            let caret_at = self.pos.col.saturating_sub(1).min(shown.chars().count());
            // Pad by display width so the caret lines up under wide characters.
            let pad = " ".repeat(crate::text::width(
                &shown.chars().take(caret_at).collect::<String>(),
            ));
            write!(f, "\n    | {shown}\n    | {pad}^")?;
        }
        Ok(())
    }
}

/// Sorts problems by place, then severity, so output reads top to bottom.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.file.as_str(), a.pos, b.severity).cmp(&(b.file.as_str(), b.pos, a.severity))
    });
}

/// How much of a line a diagnostic quotes.
pub const QUOTED_CHARS: usize = 160;

/// Converts a byte offset in `text` to a line and column.
pub fn pos_of_offset(text: &str, offset: usize) -> Pos {
    place_all(text, &[offset])[0].0
}

/// Places many byte offsets at once, each with the start of its line as a
/// diagnostic quotes it. One pass over the text whatever the number of
/// offsets: placing each problem on its own rescans the file from the start,
/// which made a file with thousands of problems take minutes.
pub fn place_all(text: &str, offsets: &[usize]) -> Vec<(Pos, String)> {
    let bytes = text.as_bytes();
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![(Pos::default(), String::new()); offsets.len()];
    let (mut at, mut line, mut line_start, mut col) = (0, 1, 0, 1);
    let mut quoted: Option<(usize, String)> = None;
    for i in order {
        let target = offsets[i].min(text.len());
        for (j, &b) in bytes[at..target].iter().enumerate() {
            if b == b'\n' {
                line += 1;
                line_start = at + j + 1;
                col = 1;
            } else if b & 0xC0 != 0x80 {
                // Count characters, not bytes: skip UTF-8 continuation bytes.
                col += 1;
            }
        }
        at = at.max(target);
        // Several problems on one line share one quotation.
        if quoted
            .as_ref()
            .is_none_or(|(start, _)| *start != line_start)
        {
            quoted = Some((line_start, quote_line(&text[line_start..])));
        }
        let quote = quoted.as_ref().map(|(_, q)| q.clone()).unwrap_or_default();
        out[i] = (Pos { line, col }, quote);
    }
    out
}

/// The start of the line `rest` begins with, as much of it as a diagnostic shows.
fn quote_line(rest: &str) -> String {
    let mut quote: String = rest
        .chars()
        .take_while(|&c| c != '\n')
        .take(QUOTED_CHARS)
        .collect();
    if quote.ends_with('\r') {
        quote.pop();
    }
    quote
}

/// The text of 1-based line `line`, as much of it as a diagnostic shows.
pub fn line_text(text: &str, line: usize) -> Option<String> {
    text.split('\n').nth(line.checked_sub(1)?).map(quote_line)
}

/// Names longer than this get no "did you mean": ids are short slugs, and
/// comparing long strings costs the product of their lengths (two
/// 200,000-character ids kept a check busy for hours).
pub const MAX_SUGGESTED_CHARS: usize = 100;

/// The existing name closest to `wanted`, when it is close enough to be a likely typo.
pub fn nearest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = wanted.chars().take(MAX_SUGGESTED_CHARS + 1).count();
    if len > MAX_SUGGESTED_CHARS {
        return None;
    }
    let limit = (len / 3).max(2);
    candidates
        .into_iter()
        // Lengths that differ by more than the limit cannot be within it.
        .filter(|c| c.len() <= 4 * (MAX_SUGGESTED_CHARS + limit))
        .filter(|c| c.chars().count().abs_diff(len) <= limit)
        .map(|c| (edit_distance(wanted, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, c.len()))
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters, with one row of memory.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diag + usize::from(ca != *cb));
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_char_columns() {
        let text = "ab\nçd\nx";
        assert_eq!(pos_of_offset(text, 0), Pos { line: 1, col: 1 });
        assert_eq!(pos_of_offset(text, 3), Pos { line: 2, col: 1 });
        // 'ç' is two bytes: the 'd' after it is the second character.
        assert_eq!(pos_of_offset(text, 5), Pos { line: 2, col: 2 });
        assert_eq!(pos_of_offset(text, 7), Pos { line: 3, col: 1 });
    }

    #[test]
    fn placing_many_offsets_at_once_matches_placing_each() {
        let long = "x".repeat(1000);
        let text = format!("ab\r\nçd\n{long}\n日本\n");
        let offsets = [text.len(), 7, 0, 9, 6, 3, 9 + 500, text.len() - 4];
        let placed = place_all(&text, &offsets);
        for (&offset, (pos, quote)) in offsets.iter().zip(&placed) {
            // The slow way: count from the start for each offset.
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let col = text[line_start..offset].chars().count() + 1;
            assert_eq!(*pos, Pos { line, col }, "offset {offset}");
            let full = text[line_start..].split('\n').next().unwrap();
            let expected: String = full
                .trim_end_matches('\r')
                .chars()
                .take(QUOTED_CHARS)
                .collect();
            assert_eq!(quote, &expected);
        }
        assert_eq!(placed[3].1.len(), QUOTED_CHARS, "a long line is quoted cut");
    }

    #[test]
    fn long_names_get_no_suggestion() {
        let long = "a".repeat(MAX_SUGGESTED_CHARS + 1);
        let typo = format!("{}b", &long[1..]);
        assert_eq!(nearest(&typo, [long.as_str()]), None);
        let short = "a".repeat(MAX_SUGGESTED_CHARS);
        let typo = format!("{}b", &short[1..]);
        assert_eq!(nearest(&typo, [short.as_str()]), Some(short.as_str()));
    }

    #[test]
    fn nearest_finds_typos_and_ignores_strangers() {
        let ids = ["surrender-is-contagious", "morale-is-low"];
        assert_eq!(
            nearest("surender-is-contagious", ids),
            Some("surrender-is-contagious")
        );
        assert_eq!(nearest("economy", ids), None);
    }
}
