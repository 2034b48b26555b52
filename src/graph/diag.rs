//! Problems found in a file, each pinned to where it is written.

use std::fmt;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    /// Where the offending line is, for quoting with a caret when printed.
    pub line_text: Option<Quote>,
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
            crate::text::sanitize_line(&self.file),
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
        if let Some(quote) = &self.line_text {
            let (shown, caret_at) = quote.window(self.pos.col);
            // Pad by display width so the caret lines up under wide characters.
            let pad = " ".repeat(crate::text::width(
                &shown.chars().take(caret_at).collect::<String>(),
            ));
            write!(f, "\n    | {shown}\n    | {pad}^")?;
        }
        Ok(())
    }
}

/// A place in a file's text to quote from: the text itself, shared by every
/// diagnostic of the file (never a copy per diagnostic: a file on one line
/// with thousands of problems made gigabytes of copies), the start of the
/// offending line and, where known, the offset of the problem in it.
#[derive(Clone)]
pub struct Quote {
    text: Arc<str>,
    line_start: usize,
    at: Option<usize>,
}

impl Quote {
    /// The quoted line around the problem, cut to [`QUOTED_CHARS`] with `…`
    /// where it was cut, and the caret's index in characters. `col` places the
    /// caret when the problem's offset is not known.
    pub fn window(&self, col: usize) -> (String, usize) {
        let text = &*self.text;
        // Look no further than the window can show: the line may be the
        // whole file.
        let reach = match self.at {
            Some(at) => at.saturating_sub(self.line_start) + 4 * QUOTED_CHARS + 4,
            None => 4 * (col + QUOTED_CHARS) + 4,
        };
        let end = floor_boundary(text, (self.line_start + reach).min(text.len()));
        let line = &text[self.line_start..end];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let line = line.strip_suffix('\r').unwrap_or(line);
        let at = match self.at {
            Some(at) => at.saturating_sub(self.line_start).min(line.len()),
            None => line
                .char_indices()
                .nth(col.saturating_sub(1))
                .map_or(line.len(), |(i, _)| i),
        };
        let at = floor_boundary(line, at);
        // Up to a third of the window before the caret, the rest after it.
        let before: Vec<(usize, char)> = line[..at]
            .char_indices()
            .rev()
            .take(QUOTED_CHARS / 3 + 1)
            .collect();
        let (from, cut_before) = if before.len() > QUOTED_CHARS / 3 {
            (before[before.len() - 2].0, true)
        } else {
            (0, false)
        };
        let room = QUOTED_CHARS - (before.len().min(QUOTED_CHARS / 3));
        let after_end = line[at..].char_indices().nth(room).map(|(i, _)| at + i);
        let to = after_end.unwrap_or(line.len());
        let mut shown = String::new();
        if cut_before {
            shown.push('…');
        }
        let caret_text = crate::text::sanitize_line(&line[from..at]);
        let caret = caret_text.chars().count() + usize::from(cut_before);
        shown.push_str(&caret_text);
        shown.push_str(&crate::text::sanitize_line(&line[at..to]));
        if after_end.is_some() {
            shown.push('…');
        }
        (shown, caret)
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl PartialEq for Quote {
    fn eq(&self, other: &Quote) -> bool {
        self.line_start == other.line_start
            && self.at == other.at
            && (Arc::ptr_eq(&self.text, &other.text) || self.window(1) == other.window(1))
    }
}

impl Eq for Quote {}

impl fmt::Debug for Quote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Quote").field(&self.window(1).0).finish()
    }
}

/// Sorts problems by place, then severity, so output reads top to bottom.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.file.as_str(), a.pos, b.severity).cmp(&(b.file.as_str(), b.pos, a.severity))
    });
}

/// How much of a line a diagnostic quotes, in characters.
pub const QUOTED_CHARS: usize = 160;

/// How many problems of one kind a file reports before summing up the rest.
pub const MAX_PER_KIND: usize = 200;

/// Keeps the first [`MAX_PER_KIND`] problems of each kind in each file (a
/// kind is a message with its quoted names and numbers left out), and after
/// them one line saying how many more there were. Expects sorted problems.
pub fn cap_per_kind(diags: &mut Vec<Diagnostic>) {
    cap_counted(diags, &KindCounts::default());
}

/// Counts problems by kind as a reader finds them, so that it places and
/// keeps only the first of each kind (placing and quoting is where a file
/// with a million problems spent its time and memory) while the summary
/// line still says how many there were. For one file.
#[derive(Default)]
pub struct KindCounts {
    seen: rustc_hash::FxHashMap<(Severity, String), usize>,
}

impl KindCounts {
    /// Counts a problem; true when it is among the first of its kind, the
    /// ones worth placing: [`MAX_PER_KIND`] shown and one that stands for
    /// the rest.
    pub fn admit(&mut self, severity: Severity, message: &str) -> bool {
        let n = self.seen.entry((severity, kind_of(message))).or_insert(0);
        *n += 1;
        *n <= MAX_PER_KIND + 1
    }

    /// How many problems of this kind were counted.
    fn total(&self, severity: Severity, kind: &str) -> usize {
        // The key is owned; a lookup by borrowed parts would need a
        // custom hash, and this runs once per kind.
        self.seen
            .get(&(severity, kind.to_string()))
            .copied()
            .unwrap_or(0)
    }
}

/// [`cap_per_kind`] for problems admitted by `counts`: the summary line
/// counts the problems that were never placed too. Expects sorted problems.
pub fn cap_counted(diags: &mut Vec<Diagnostic>, counts: &KindCounts) {
    let mut seen: rustc_hash::FxHashMap<(String, Severity, String), usize> = Default::default();
    let mut first_dropped: Vec<(usize, (String, Severity, String))> = Vec::new();
    let mut kept = Vec::with_capacity(diags.len().min(4 * MAX_PER_KIND));
    for d in std::mem::take(diags) {
        let key = (d.file.clone(), d.severity, kind_of(&d.message));
        let n = seen.entry(key.clone()).or_insert(0);
        *n += 1;
        if *n <= MAX_PER_KIND {
            kept.push(d);
        } else if *n == MAX_PER_KIND + 1 {
            first_dropped.push((kept.len(), key));
            kept.push(d);
        }
    }
    // The first dropped problem of each kind stands for all the dropped ones.
    for (slot, key) in first_dropped {
        let total = seen[&key].max(counts.total(key.1, &key.2));
        let more = total - MAX_PER_KIND;
        let d = &mut kept[slot];
        d.message = format!(
            "and {more} more of this kind, the first here: {}",
            d.message
        );
        d.line_text = None;
    }
    *diags = kept;
}

/// A message with what varies between problems of one kind left out: text
/// in backticks or quotes, and numbers.
fn kind_of(message: &str) -> String {
    let mut out = String::new();
    let mut closing: Option<char> = None;
    for c in message.chars() {
        match closing {
            Some(close) if c == close => {
                closing = None;
                out.push(c);
            }
            Some(_) => {}
            None => match c {
                '`' | '"' => {
                    closing = Some(c);
                    out.push(c);
                }
                '“' => {
                    closing = Some('”');
                    out.push(c);
                }
                c if c.is_ascii_digit() => {
                    if !out.ends_with('#') {
                        out.push('#');
                    }
                }
                c => out.push(c),
            },
        }
    }
    out
}

/// How often [`Lines`] keeps a checkpoint inside a long line, in bytes:
/// placing an offset costs two binary searches and a scan of at most this
/// many bytes, and never more than the line up to the offset.
pub const CHECKPOINT_BYTES: usize = 1024;

thread_local! {
    /// Bytes scanned by every [`Lines`] of this thread: the work placing
    /// problems costs, for tests that load a whole file.
    static SCANNED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many bytes the [`Lines`] of this thread scanned so far, building
/// included.
pub fn scanned_on_this_thread() -> usize {
    SCANNED.with(std::cell::Cell::get)
}

/// Turns byte offsets into lines and columns and back, for one text, in
/// time independent of how many problems it has or where they are (even on
/// one long line), and makes the [`Quote`]s of its diagnostics. Every
/// format places its problems through one of these, built once per file.
pub struct Lines<'a> {
    text: &'a str,
    /// Where each line starts: the line of an offset is a binary search.
    starts: Vec<u32>,
    /// (offset, line, column) every [`CHECKPOINT_BYTES`] or so, for columns
    /// far into a long line.
    marks: Vec<(u32, u32, u32)>,
    shared: std::cell::OnceCell<Arc<str>>,
    /// Bytes scanned so far, building included: the work done, for tests.
    scanned: std::cell::Cell<usize>,
}

impl<'a> Lines<'a> {
    /// One pass over the text. (Texts are at most
    /// [`crate::graph::MAX_FILE_BYTES`], so offsets fit 32 bits.)
    pub fn new(text: &'a str) -> Lines<'a> {
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        let mut marks = vec![(0, 1, 1)];
        let (mut line, mut col) = (1u32, 1u32);
        let mut next = CHECKPOINT_BYTES;
        for (i, &b) in bytes.iter().enumerate() {
            if i >= next && b & 0xC0 != 0x80 {
                marks.push((i as u32, line, col));
                next = i + CHECKPOINT_BYTES;
            }
            if b == b'\n' {
                line += 1;
                col = 1;
                starts.push(i as u32 + 1);
            } else if b & 0xC0 != 0x80 {
                col += 1;
            }
        }
        let lines = Lines {
            text,
            starts,
            marks,
            shared: std::cell::OnceCell::new(),
            scanned: std::cell::Cell::new(0),
        };
        lines.count(text.len());
        lines
    }

    /// How many bytes of the text were scanned so far, building included.
    pub fn scanned(&self) -> usize {
        self.scanned.get()
    }

    fn count(&self, bytes: usize) {
        self.scanned.set(self.scanned.get() + bytes);
        SCANNED.with(|s| s.set(s.get() + bytes));
    }

    /// The 0-based index of the line holding `offset`.
    fn line_index(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s as usize <= offset) - 1
    }

    /// The line and column of a byte offset (clamped to the text).
    pub fn pos(&self, offset: usize) -> Pos {
        let offset = floor_boundary(self.text, offset.min(self.text.len()));
        let line = self.line_index(offset);
        let line_start = self.starts[line] as usize;
        // Count from the line's start, or from a checkpoint on the same line.
        let (start, mut col) =
            match self.marks[self.marks.partition_point(|m| m.0 as usize <= offset) - 1] {
                (at, _, col) if at as usize >= line_start => (at as usize, col as usize),
                _ => (line_start, 1),
            };
        self.count(offset - start);
        col += self.text.as_bytes()[start..offset]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        Pos {
            line: line + 1,
            col,
        }
    }

    /// The byte offset of a line and column: the end of the line when the
    /// column is past it, the end of the text when the line is.
    pub fn offset(&self, pos: Pos) -> usize {
        let (line, want) = (pos.line.max(1), pos.col.max(1));
        let Some(&line_start) = self.starts.get(line - 1) else {
            return self.text.len();
        };
        let line_start = line_start as usize;
        let i = self
            .marks
            .partition_point(|m| (m.1 as usize, m.2 as usize) <= (line, want))
            - 1;
        let (mut at, mut col) = match self.marks[i] {
            (at, l, col) if l as usize == line && at as usize >= line_start => {
                (at as usize, col as usize)
            }
            _ => (line_start, 1),
        };
        let from = at;
        for c in self.text[at..].chars() {
            if col >= want || c == '\n' {
                break;
            }
            col += 1;
            at += c.len_utf8();
        }
        self.count(at - from);
        at
    }

    /// Where the line holding `offset` starts.
    fn line_start(&self, offset: usize) -> usize {
        self.starts[self.line_index(offset)] as usize
    }

    /// A quote of the problem at `offset`.
    pub fn quote(&self, offset: usize) -> Quote {
        let offset = floor_boundary(self.text, offset.min(self.text.len()));
        Quote {
            text: self.shared.get_or_init(|| Arc::from(self.text)).clone(),
            line_start: self.line_start(offset),
            at: Some(offset),
        }
    }

    /// A diagnostic at a byte offset, with its line and column and a quote.
    pub fn at_offset(
        &self,
        file: &str,
        offset: usize,
        severity: Severity,
        message: String,
    ) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            pos: self.pos(offset),
            severity,
            message,
            line_text: Some(self.quote(offset)),
        }
    }

    /// A diagnostic at a line and column, quoting that line.
    pub fn at_pos(&self, file: &str, pos: Pos, severity: Severity, message: String) -> Diagnostic {
        let offset = self.offset(pos);
        Diagnostic {
            file: file.to_string(),
            pos,
            severity,
            message,
            line_text: Some(self.quote(offset)),
        }
    }
}

/// Converts a byte offset in `text` to a line and column.
pub fn pos_of_offset(text: &str, offset: usize) -> Pos {
    Lines::new(text).pos(offset)
}

/// A quote of 1-based line `line` of `text`, for a single diagnostic; many
/// diagnostics of one text share a [`Lines`] instead.
pub fn line_text(text: &str, line: usize) -> Option<Quote> {
    let lines = Lines::new(text);
    let pos = Pos { line, col: 1 };
    let offset = lines.offset(pos);
    (lines.pos(offset).line == line).then(|| Quote {
        at: None,
        ..lines.quote(offset)
    })
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
        // A string has at least a quarter as many characters as bytes, and
        // at most as many: most candidates are ruled out without counting.
        .filter(|c| c.len() + limit >= len && c.len() <= 4 * (len + limit))
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
    fn lines_place_offsets_and_back_like_counting_from_the_start() {
        let long = "x".repeat(10_000);
        let text = format!("ab\r\nçd\n{long}é{long}\n日本\n");
        let lines = Lines::new(&text);
        for offset in (0..=text.len())
            .filter(|&o| text.is_char_boundary(o))
            .step_by(7)
        {
            // The slow way: count from the start.
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let col = text[line_start..offset].chars().count() + 1;
            let pos = lines.pos(offset);
            assert_eq!(pos, Pos { line, col }, "offset {offset}");
            assert_eq!(lines.offset(pos), offset, "back from {pos:?}");
            assert_eq!(lines.line_start(offset), line_start);
        }
        // Past the end of a line: its end; past the last line: the end.
        assert_eq!(lines.offset(Pos { line: 1, col: 99 }), 3);
        assert_eq!(lines.offset(Pos { line: 99, col: 1 }), text.len());
    }

    #[test]
    fn a_quote_is_a_window_around_the_column_with_the_caret_on_it() {
        let text = format!("{}ERR{}\n", "a".repeat(5_000), "b".repeat(5_000));
        let lines = Lines::new(&text);
        let d = lines.at_offset("f", 5_000, Severity::Error, "here".into());
        assert_eq!(
            d.pos,
            Pos {
                line: 1,
                col: 5_001
            }
        );
        let shown = d.to_string();
        let quoted: Vec<&str> = shown.lines().collect();
        let line = quoted[1].trim_start_matches("    | ");
        let caret = quoted[2].trim_start_matches("    | ");
        assert!(line.chars().count() <= QUOTED_CHARS + 2, "{line}");
        assert!(line.starts_with('…') && line.ends_with('…'), "{line}");
        let caret_col = caret.chars().count() - 1;
        assert_eq!(line.chars().nth(caret_col), Some('E'), "{line}\n{caret}");
        // A short line is quoted whole, caret at the column.
        let lines = Lines::new("ab\ncdef\r\n");
        let d = lines.at_pos("f", Pos { line: 2, col: 3 }, Severity::Error, "x".into());
        assert_eq!(d.to_string(), "f:2:3: error: x\n    | cdef\n    |   ^");
    }

    #[test]
    fn repeated_problems_are_capped_per_kind() {
        let lines = Lines::new("x");
        let mut diags: Vec<Diagnostic> = (0..1000)
            .map(|i| {
                lines.at_offset(
                    "f",
                    0,
                    Severity::Warning,
                    format!("node `n{i}` leads nowhere ({i})"),
                )
            })
            .chain((0..3).map(|i| lines.at_offset("f", 0, Severity::Error, format!("other {i}"))))
            .collect();
        cap_per_kind(&mut diags);
        assert_eq!(diags.len(), MAX_PER_KIND + 1 + 3);
        let summary = &diags[MAX_PER_KIND];
        assert!(
            summary.message.starts_with("and 800 more of this kind"),
            "{}",
            summary.message
        );
        assert_eq!(diags.iter().filter(|d| d.is_error()).count(), 3);
    }

    #[test]
    fn problems_past_the_cap_are_counted_not_kept() {
        let lines = Lines::new("x");
        let mut counts = KindCounts::default();
        let mut diags: Vec<Diagnostic> = (0..5000)
            .map(|i| format!("node `n{i}` leads nowhere"))
            .filter(|m| counts.admit(Severity::Warning, m))
            .map(|m| lines.at_offset("f", 0, Severity::Warning, m))
            .collect();
        assert_eq!(diags.len(), MAX_PER_KIND + 1);
        assert!(counts.admit(Severity::Error, "another kind"));
        cap_counted(&mut diags, &counts);
        assert_eq!(diags.len(), MAX_PER_KIND + 1);
        let summary = &diags[MAX_PER_KIND].message;
        assert!(
            summary.starts_with("and 4800 more of this kind"),
            "{summary}"
        );
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
