//! Reading Argdown line by line: comments blanked out, each line classified,
//! statements and arguments parsed with their titles, text and tags.
//! Byte offsets are kept equal to the original file's so that positions
//! can be computed on the original lines.

pub use crate::formats::escape::unescape;

/// How a relation line relates its element to the element above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `+` or `<+`: the line's element supports the one above.
    SupportedBy,
    /// `-` or `<-`: the line's element attacks the one above.
    AttackedBy,
    /// `_` or `<_`: the line's element undercuts the one above (an attack).
    UndercutBy,
    /// `+>`: the element above supports the line's element.
    Supports,
    /// `->`: the element above attacks the line's element.
    Attacks,
    /// `_>`: the element above undercuts the line's element.
    Undercuts,
    /// `><`: the two contradict each other (attacks both ways).
    Contradicts,
}

/// Relation operators, longest first so `+>` is not read as `+`.
const OPS: [(&str, Op); 10] = [
    ("+>", Op::Supports),
    ("<+", Op::SupportedBy),
    ("->", Op::Attacks),
    ("<-", Op::AttackedBy),
    ("_>", Op::Undercuts),
    ("<_", Op::UndercutBy),
    ("><", Op::Contradicts),
    ("+", Op::SupportedBy),
    ("-", Op::AttackedBy),
    ("_", Op::UndercutBy),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElemKind {
    Statement,
    Argument,
    /// Text with no `[Title]` or `<Title>`.
    Anonymous,
}

/// A statement or argument as written on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub kind: ElemKind,
    /// The title in brackets; for anonymous statements, empty.
    pub title: String,
    pub text: Option<String>,
    pub tags: Vec<String>,
    /// Byte offset in the line where the element starts.
    pub at: usize,
}

/// One classified line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Blank,
    Heading {
        level: usize,
        text: String,
    },
    Element(Element),
    Relation {
        op: Op,
        op_at: usize,
        element: Element,
    },
    /// `(1) statement` in a premise–conclusion structure.
    Pcs(Element),
    /// `----` or `-- rule --` before a conclusion; `rule` is the text
    /// between the dashes, if any.
    Inference {
        rule: Option<String>,
    },
    /// A line `--` alone: an inference whose rule and data follow on the
    /// next lines, up to another `--`.
    InferenceOpen,
    /// A construct agon has no place for, named for the warning.
    Unsupported {
        what: &'static str,
        at: usize,
    },
}

/// A problem found while reading a line: byte offset in the line and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    pub at: usize,
    pub message: String,
    pub is_error: bool,
}

/// Replaces `/* */`, `<!-- -->` and `//` comments with spaces, keeping
/// newlines and byte lengths, so every offset still points at the same
/// place. Returns the offset of an unclosed `/*` or `<!--`, if any.
pub fn blank_comments(text: &str) -> (String, Option<usize>) {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut unclosed = None;
    let mut titles = TitleEnds::default();
    let mut i = 0;
    while i < bytes.len() {
        let starts_line_comment = bytes[i] == b'/'
            && bytes.get(i + 1) == Some(&b'/')
            && (i == 0 || bytes[i - 1].is_ascii_whitespace())
            && (i == 0 || bytes[i - 1] != b'\\');
        let block = [("<!--", "-->"), ("/*", "*/")]
            .into_iter()
            .find(|(open, _)| bytes[i..].starts_with(open.as_bytes()));
        if let Some((open, close)) = block {
            let from = i + open.len();
            let end = text[from..].find(close).map(|e| from + e + close.len());
            if end.is_none() {
                unclosed = Some(i);
            }
            let end = end.unwrap_or(bytes.len());
            blank(&mut out, i, end);
            i = end;
        } else if starts_line_comment {
            let end = text[i..].find('\n').map_or(bytes.len(), |e| i + e);
            blank(&mut out, i, end);
            i = end;
        } else if bytes[i] == b'\\' {
            i += 2;
        } else if let Some(end) = titles.end(text, i) {
            // Titles are read as written: `//` in `[a // b]` is no comment.
            i = end;
        } else {
            i += 1;
        }
    }
    // Only ASCII bytes of whole characters were replaced by ASCII spaces,
    // except inside comments, where every byte became a space: still UTF-8.
    (String::from_utf8(out).unwrap_or_default(), unclosed)
}

/// Where `[title]` and `<title>` close, remembered between searches so a
/// run of `[` costs linear time: a search from an earlier place answers
/// every later place up to where it stopped.
#[derive(Default)]
struct TitleEnds {
    /// Per closer (`]`, `>`): where the last search stopped, and whether a
    /// closer is there (else the line ended).
    last: [Option<(usize, bool)>; 2],
}

impl TitleEnds {
    /// The byte after the title opening at `i`, when it closes on its line.
    fn end(&mut self, text: &str, i: usize) -> Option<usize> {
        let (slot, close) = match text.as_bytes()[i] {
            b'[' => (0, b']'),
            b'<' => (1, b'>'),
            _ => return None,
        };
        let (at, found) = match self.last[slot] {
            Some((at, found)) if i < at => (at, found),
            _ => {
                let rest = &text.as_bytes()[i + 1..];
                let line = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
                let hit = memchr::memchr(close, &rest[..line]);
                let stop = (i + 1 + hit.unwrap_or(line), hit.is_some());
                self.last[slot] = Some(stop);
                stop
            }
        };
        found.then_some(at + 1)
    }
}

fn blank(out: &mut [u8], from: usize, to: usize) {
    let to = to.min(out.len());
    for b in &mut out[from..to] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// Indentation width: spaces count one, tabs four.
pub fn indent_of(line: &str) -> (usize, usize) {
    let mut width = 0;
    let mut bytes = 0;
    for c in line.chars() {
        match c {
            ' ' => width += 1,
            '\t' => width += 4,
            _ => break,
        }
        bytes += 1;
    }
    (width, bytes)
}

/// Classifies one line (comments already blanked).
pub fn classify(line: &str, problems: &mut Vec<LineProblem>) -> Line {
    let (indent, start) = indent_of(line);
    let rest = line[start..].trim_end();
    if rest.is_empty() {
        return Line::Blank;
    }
    if indent == 0
        && let Some(h) = heading(rest)
    {
        return h;
    }
    if rest == "--" {
        return Line::InferenceOpen;
    }
    if rest.starts_with("--") {
        let rule = rest.trim_matches('-').trim();
        return Line::Inference {
            rule: (!rule.is_empty()).then(|| rule.to_string()),
        };
    }
    // A list item is the element after its marker.
    if let Some(marker) = list_marker(rest) {
        return Line::Element(element(line, start + marker, problems));
    }
    if let Some(after) = pcs_number(rest) {
        let at = start + (rest.len() - after.len());
        return Line::Pcs(element(line, at, problems));
    }
    if let Some((op, len)) = relation_op(rest) {
        let element_at = start + len + (rest[len..].len() - rest[len..].trim_start().len());
        if element_at >= start + rest.len() {
            problems.push(LineProblem {
                at: start,
                message: "this relation names nothing; write a statement `[Title]`, an argument `<Title>` or text after it".into(),
                is_error: true,
            });
            return Line::Blank;
        }
        return Line::Relation {
            op,
            op_at: start,
            element: element(line, element_at, problems),
        };
    }
    if let Some(what) = unsupported(rest) {
        return Line::Unsupported { what, at: start };
    }
    Line::Element(element(line, start, problems))
}

fn heading(rest: &str) -> Option<Line> {
    let level = rest.bytes().take_while(|&b| b == b'#').count();
    let after = &rest[level..];
    ((1..=6).contains(&level) && after.starts_with([' ', '\t'])).then(|| Line::Heading {
        level,
        text: after.trim().to_string(),
    })
}

/// The text after `(12)`, when the line starts with a premise number.
fn pcs_number(rest: &str) -> Option<&str> {
    let inner = rest.strip_prefix('(')?;
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    let after = inner[digits..].strip_prefix(')')?;
    (digits > 0 && (after.is_empty() || after.starts_with([' ', '\t']))).then_some(after)
}

/// A relation operator followed by whitespace, and its length.
fn relation_op(rest: &str) -> Option<(Op, usize)> {
    OPS.iter().find_map(|&(sym, op)| {
        let after = rest.strip_prefix(sym)?;
        (after.is_empty() || after.starts_with([' ', '\t'])).then_some((op, sym.len()))
    })
}

/// The length of a list item's marker (`* `, `12. `), if the line has one.
fn list_marker(rest: &str) -> Option<usize> {
    if rest.starts_with("* ") || rest.starts_with("*\t") {
        return Some(2);
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = &rest[digits..];
    (digits > 0 && (after.starts_with(". ") || after.starts_with(".\t"))).then_some(digits + 2)
}

/// Constructs of full Argdown that agon does not read.
fn unsupported(rest: &str) -> Option<&'static str> {
    if rest.starts_with("===") {
        return Some("a front matter or `===` block");
    }
    if rest.starts_with('{') {
        return Some("a data block `{...}`");
    }
    let op_run = rest
        .bytes()
        .take_while(|b| matches!(b, b'+' | b'-' | b'<' | b'>' | b'_' | b'='))
        .count();
    if op_run > 0 && rest[op_run..].starts_with([' ', '\t']) || op_run == rest.len() {
        return Some(
            "a relation operator agon does not know (it reads +, -, _, +>, <+, ->, <-, _>, <_ and ><)",
        );
    }
    None
}

/// Text with no title, starting at byte `at`.
fn anonymous(rest: &str, at: usize) -> Element {
    let (text, tags) = text_and_tags(rest);
    Element {
        kind: ElemKind::Anonymous,
        title: String::new(),
        text: Some(text).filter(|t| !t.is_empty()),
        tags,
        at,
    }
}

/// Parses `[Title]: text #tag`, `<Title>: text` or plain text starting at
/// byte `at` of `line`.
pub fn element(line: &str, at: usize, problems: &mut Vec<LineProblem>) -> Element {
    let at = at + (line[at..].len() - line[at..].trim_start().len());
    let rest = line[at..].trim_end();
    let (kind, close) = match rest.as_bytes().first() {
        Some(b'[') => (ElemKind::Statement, ']'),
        Some(b'<') => (ElemKind::Argument, '>'),
        _ => return anonymous(rest, at),
    };
    let Some(end) = rest[1..].find(close).map(|i| i + 1) else {
        // As Argdown reads it: text that happens to start with a bracket.
        problems.push(LineProblem {
            at,
            message: format!(
                "`{}` is never closed with `{close}` on this line, so it opens no title; the line is read as text",
                &rest[..1]
            ),
            is_error: false,
        });
        return anonymous(rest, at);
    };
    if kind == ElemKind::Statement && rest[end + 1..].starts_with('(') {
        // `[text](url)`: a Markdown link starting a line of text.
        return anonymous(rest, at);
    }
    // Argdown reads titles as written: no escapes.
    let title = rest[1..end].trim().to_string();
    if title.is_empty() {
        problems.push(LineProblem {
            at,
            message: format!(
                "the title in `{}{close}` is empty; name the {}",
                &rest[..1],
                if kind == ElemKind::Statement {
                    "statement"
                } else {
                    "argument"
                }
            ),
            is_error: true,
        });
    }
    let after = &rest[end + 1..];
    let after_at = at + end + 1;
    let body = match after.trim_start().strip_prefix(':') {
        Some(b) => b,
        None => {
            let trimmed = after.trim_start();
            if !trimmed.is_empty() && !trimmed.starts_with('#') && !trimmed.starts_with('{') {
                problems.push(LineProblem {
                    at: after_at,
                    message: "text follows the title without `:`; it is read as the text (write `[Title]: text`)".into(),
                    is_error: false,
                });
            }
            after
        }
    };
    let (text, tags) = text_and_tags(body);
    Element {
        kind,
        title,
        text: Some(text).filter(|t| !t.is_empty()),
        tags,
        at,
    }
}

/// Splits `#tag` and `#(two words)` out of a text and unescapes what
/// remains. A trailing data block `{...}` stays in the text, as written
/// (agon has no place for its data), with its tags-like `#` left alone.
fn text_and_tags(body: &str) -> (String, Vec<String>) {
    let body = body.trim_end();
    let (body, data) = match find_data_block(body) {
        Some(open) if body.ends_with('}') => (&body[..open], Some(body[open..].trim())),
        _ => (body, None),
    };
    let mut text = String::with_capacity(body.len());
    let mut tags = Vec::new();
    let mut i = 0;
    let mut no_close_paren = false;
    let bytes = body.as_bytes();
    while i < bytes.len() {
        let at_word_start = i == 0 || bytes[i - 1].is_ascii_whitespace();
        if bytes[i] == b'\\' && i + 1 < bytes.len() {
            // Keep escapes for `unescape` below, and skip the escaped char.
            let len = body[i + 1..].chars().next().map_or(0, char::len_utf8);
            text.push_str(&body[i..i + 1 + len]);
            i += 1 + len;
            continue;
        }
        if bytes[i] == b'#' && at_word_start {
            // Once no `)` follows, none follows a later `#(` either: the
            // search is not repeated, so a run of `#(` costs linear time.
            let close = match body[i + 1..].starts_with('(') && !no_close_paren {
                true => body[i + 2..].find(')'),
                false => None,
            };
            no_close_paren |= body[i + 1..].starts_with('(') && close.is_none();
            if let Some(close) = close {
                let tag = body[i + 2..i + 2 + close].trim();
                if !tag.is_empty() {
                    tags.push(tag.to_string());
                }
                i += 2 + close + 1;
                continue;
            }
            let len = body[i + 1..]
                .find(|c: char| c.is_whitespace())
                .unwrap_or(body.len() - i - 1);
            if len > 0 {
                tags.push(body[i + 1..i + 1 + len].to_string());
                i += 1 + len;
                continue;
            }
        }
        let len = body[i..].chars().next().map_or(1, char::len_utf8);
        text.push_str(&body[i..i + len]);
        i += len;
    }
    let mut text = unescape(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    if let Some(data) = data {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(data);
    }
    (text, tags)
}

/// A heading's text without a trailing data block `{...}` and tags.
pub fn strip_data(text: &str) -> String {
    let text = text.trim_end();
    let text = match find_data_block(text) {
        Some(open) if text.ends_with('}') => &text[..open],
        _ => text,
    };
    text_and_tags(text).0
}

/// Where a trailing `{...}` block opens, when the text ends with one.
/// Escaped braces (`\{`, `\}`) are text, not a block.
fn find_data_block(body: &str) -> Option<usize> {
    let mut depth = 0usize;
    let escaped = |i: usize| i > 0 && body.as_bytes()[i - 1] == b'\\';
    for (i, c) in body.char_indices().rev() {
        if escaped(i) {
            if depth == 0 {
                return None;
            }
            continue;
        }
        match c {
            '}' => depth += 1,
            '{' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Line {
        classify(s, &mut Vec::new())
    }

    #[test]
    fn relation_operators_are_read_longest_first() {
        for (text, op) in [
            ("  + [B]", Op::SupportedBy),
            ("  <+ [B]", Op::SupportedBy),
            ("  +> [B]", Op::Supports),
            ("  - [B]", Op::AttackedBy),
            ("  -> [B]", Op::Attacks),
            ("  <- [B]", Op::AttackedBy),
            ("  _ <B>", Op::UndercutBy),
            ("  _> <B>", Op::Undercuts),
            ("  >< [B]", Op::Contradicts),
        ] {
            match line(text) {
                Line::Relation { op: got, op_at, .. } => {
                    assert_eq!((got, op_at), (op, 2), "{text}")
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn elements_have_titles_text_and_tags() {
        let Line::Element(e) = line("[Sleep]: Teens sleep \\[late\\] #health #(school life)")
        else {
            panic!()
        };
        assert_eq!(e.kind, ElemKind::Statement);
        assert_eq!(e.title, "Sleep");
        assert_eq!(e.text.as_deref(), Some("Teens sleep [late]"));
        assert_eq!(e.tags, vec!["health", "school life"]);
        let Line::Element(e) = line("<Arg>") else {
            panic!()
        };
        assert_eq!(
            (e.kind, e.title.as_str(), e.text),
            (ElemKind::Argument, "Arg", None)
        );
        assert!(matches!(line("# Heading"), Line::Heading { level: 1, .. }));
        assert!(matches!(line("#tag only"), Line::Element(_)));
        assert!(matches!(line("(2) premise"), Line::Pcs(_)));
        assert!(matches!(
            line("-- modus ponens --"),
            Line::Inference { rule: Some(_) }
        ));
        assert!(matches!(line("----"), Line::Inference { rule: None }));
        assert!(matches!(line("--"), Line::InferenceOpen));
        assert!(matches!(line("* item"), Line::Element(_)));
        assert!(matches!(line("12. item"), Line::Element(_)));
        assert!(matches!(
            line("[link](http://x.org) text"),
            Line::Element(Element {
                kind: ElemKind::Anonymous,
                ..
            })
        ));
        assert!(matches!(line("  >> [B]"), Line::Unsupported { .. }));
    }

    #[test]
    fn unclosed_titles_are_text_with_a_warning() {
        let mut problems = Vec::new();
        let line = classify("[Sleep: text", &mut problems);
        assert!(!problems[0].is_error, "{problems:?}");
        assert!(matches!(
            line,
            Line::Element(Element {
                kind: ElemKind::Anonymous,
                ..
            })
        ));
    }

    #[test]
    fn comments_are_blanked_in_place() {
        let text = "[A]: x // note\n/* block\nstill */ [B]: é http://x.org";
        let (clean, unclosed) = blank_comments(text);
        assert_eq!(clean.len(), text.len());
        assert_eq!(unclosed, None);
        assert!(clean.starts_with("[A]: x        \n"));
        assert!(clean.contains("[B]: é http://x.org"));
        assert_eq!(blank_comments("a /* open").1, Some(2));
    }
}
