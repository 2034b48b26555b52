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
            let shown: String = crate::text::sanitize_line(line).chars().take(160).collect();
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

/// Converts a byte offset in `text` to a line and column.
pub fn pos_of_offset(text: &str, offset: usize) -> Pos {
    let offset = offset.min(text.len());
    let mut line = 1;
    let mut line_start = 0;
    for (i, b) in text.as_bytes()[..offset].iter().enumerate() {
        if *b == b'\n' {
            line += 1;
            line_start = i + 1;
        }
    }
    let col = text
        .get(line_start..offset)
        .map(|s| s.chars().count())
        .unwrap_or(offset - line_start)
        + 1;
    Pos { line, col }
}

/// The text of 1-based line `line`, if it exists.
pub fn line_text(text: &str, line: usize) -> Option<String> {
    text.lines()
        .nth(line.checked_sub(1)?)
        .map(|l| l.trim_end_matches('\r').to_string())
}

/// The existing name closest to `wanted`, when it is close enough to be a likely typo.
pub fn nearest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (wanted.chars().count() / 3).max(2);
    candidates
        .into_iter()
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
    fn nearest_finds_typos_and_ignores_strangers() {
        let ids = ["surrender-is-contagious", "morale-is-low"];
        assert_eq!(
            nearest("surender-is-contagious", ids),
            Some("surrender-is-contagious")
        );
        assert_eq!(nearest("economy", ids), None);
    }
}
