//! Finds where each value of a RON file is written, so that problems found
//! after parsing (a duplicate id, an unknown reference) can name a line and
//! column. It is a lenient scanner, run only when there is something to report.

/// One step of a path into the file: a struct field or a list index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Field(String),
    Index(usize),
}

/// Renders a path as `nodes[3].supports[1]`.
pub fn path_key(path: &[Seg]) -> String {
    let mut s = String::new();
    write_path_key(&mut s, path);
    s
}

/// [`path_key`] into a buffer that is cleared first, so that a scan
/// reuses one allocation for every value.
fn write_path_key(s: &mut String, path: &[Seg]) {
    s.clear();
    for seg in path {
        match seg {
            Seg::Field(f) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(f);
            }
            Seg::Index(i) => {
                use std::fmt::Write;
                let _ = write!(s, "[{i}]");
            }
        }
    }
}

/// A path and every path it lies within (`nodes[3].supports[1]`,
/// `nodes[3].supports`, `nodes[3]`, `nodes`): what [`Locations::find`]
/// may look up for it.
pub fn with_enclosing(path: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(path), |p| p.rfind(['.', '[']).map(|cut| &p[..cut]))
}

/// A field name as written, with the path of the struct it is written in.
#[derive(Debug, Clone)]
pub struct FieldUse {
    pub owner: Vec<Seg>,
    pub name: String,
    pub offset: usize,
}

/// Where things are written in one file.
#[derive(Debug, Default)]
pub struct Locations {
    /// Byte offset of each value's first character, by `path_key`.
    pub values: rustc_hash::FxHashMap<String, usize>,
    /// Every field name written, in file order.
    pub fields: Vec<FieldUse>,
}

impl Locations {
    /// The offset of the value at `key`, or of its nearest enclosing value.
    pub fn find(&self, key: &str) -> Option<usize> {
        let mut key = key;
        loop {
            if let Some(&off) = self.values.get(key) {
                return Some(off);
            }
            let cut = key.rfind(['.', '['])?;
            key = &key[..cut];
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Open(u8),
    Close,
    Comma,
    Colon,
    Ident,
    Atom,
}

/// Nesting deeper than this is not followed (a debate needs about six levels).
const MAX_DEPTH: usize = 128;

/// Values and field names deeper than this are not recorded: no part of a
/// debate is written there, and building the path of every value in a
/// deeply nested heap of garbage cost time in proportion to depth × values.
const MAX_RECORDED_DEPTH: usize = 12;

struct Frame {
    delim: u8,
    index: usize,
    path_len: usize,
}

/// Scans `text` and records where each value and field name is written.
/// Never fails: on text it cannot follow it records what it saw so far.
pub fn locate(text: &str) -> Locations {
    locate_some(text, None)
}

/// [`locate`] recording only the values at the paths in `want` (every
/// value when none): a file with a problem in each of its million values
/// has only the first few hundred placed.
pub fn locate_some(text: &str, want: Option<&rustc_hash::FxHashSet<String>>) -> Locations {
    let toks = tokenize(text);
    let mut locs = Locations::default();
    let mut key = String::new();
    let mut place = |locs: &mut Locations, path: &mut Vec<Seg>, stack: &[Frame], start: usize| {
        enter_value(locs, path, stack, start, &mut key, want)
    };
    let mut path: Vec<Seg> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if stack.len() > MAX_DEPTH {
            // Far deeper than any debate: stop rather than build huge paths.
            break;
        }
        let (tok, start, end) = toks[i];
        let next = toks.get(i + 1).map(|t| t.0);
        match tok {
            Tok::Ident
                if next == Some(Tok::Colon) && stack.last().is_some_and(|f| f.delim == b'(') =>
            {
                let frame = stack.last().expect("checked above");
                path.truncate(frame.path_len);
                if stack.len() <= MAX_RECORDED_DEPTH {
                    let name = text[start..end].trim_start_matches("r#").to_string();
                    locs.fields.push(FieldUse {
                        owner: path.clone(),
                        name: name.clone(),
                        offset: start,
                    });
                    path.push(Seg::Field(name));
                }
                i += 2;
                continue;
            }
            Tok::Ident if next == Some(Tok::Open(b'(')) => {
                // A struct or variant name: the value starts here.
                place(&mut locs, &mut path, &stack, start);
                i += 1;
                stack.push(Frame {
                    delim: b'(',
                    index: 0,
                    path_len: path.len(),
                });
            }
            Tok::Open(d) => {
                place(&mut locs, &mut path, &stack, start);
                stack.push(Frame {
                    delim: d,
                    index: 0,
                    path_len: path.len(),
                });
            }
            Tok::Ident | Tok::Atom => place(&mut locs, &mut path, &stack, start),
            Tok::Comma => {
                if let Some(frame) = stack.last_mut() {
                    frame.index += 1;
                    path.truncate(frame.path_len);
                }
            }
            Tok::Close => {
                if let Some(frame) = stack.pop() {
                    path.truncate(frame.path_len);
                }
            }
            Tok::Colon => {}
        }
        i += 1;
    }
    locs
}

/// Records the start of a value at the current place: a list element gets
/// its index appended; a field value already has its name on the path.
fn enter_value(
    locs: &mut Locations,
    path: &mut Vec<Seg>,
    stack: &[Frame],
    start: usize,
    key: &mut String,
    want: Option<&rustc_hash::FxHashSet<String>>,
) {
    if stack.len() > MAX_RECORDED_DEPTH {
        return;
    }
    if let Some(frame) = stack.last()
        && frame.delim == b'['
    {
        path.truncate(frame.path_len);
        path.push(Seg::Index(frame.index));
    }
    write_path_key(key, path);
    if want.is_none_or(|w| w.contains(key.as_str())) && !locs.values.contains_key(key.as_str()) {
        locs.values.insert(key.clone(), start);
    }
}

/// Splits RON text into the tokens the locator needs, with byte spans.
/// Comments and whitespace are skipped; a string is one atom.
fn tokenize(text: &str) -> Vec<(Tok, usize, usize)> {
    let b = text.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => i = skip_block_comment(b, i),
            b'(' | b'[' | b'{' => {
                toks.push((Tok::Open(c), start, start + 1));
                i += 1;
            }
            b')' | b']' | b'}' => {
                toks.push((Tok::Close, start, start + 1));
                i += 1;
            }
            b',' => {
                toks.push((Tok::Comma, start, start + 1));
                i += 1;
            }
            b':' => {
                toks.push((Tok::Colon, start, start + 1));
                i += 1;
            }
            b'"' => {
                i = skip_string(b, i + 1);
                toks.push((Tok::Atom, start, i));
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#')) && is_raw_string(b, i + 1) => {
                i = skip_raw_string(b, i + 1);
                toks.push((Tok::Atom, start, i.min(b.len())));
            }
            b'\'' => {
                i = skip_char(b, i + 1);
                toks.push((Tok::Atom, start, i));
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                if c == b'r' && b.get(i + 1) == Some(&b'#') {
                    i += 2;
                }
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                toks.push((Tok::Ident, start, i));
            }
            _ => {
                // Numbers, signs and anything unexpected: one atom up to a delimiter.
                i += 1;
                while i < b.len() && !b" \t\r\n()[]{},:\"'".contains(&b[i]) {
                    i += 1;
                }
                // Never split a UTF-8 character.
                while i < b.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
                toks.push((Tok::Atom, start, i));
            }
        }
    }
    toks
}

/// Returns the offset just past a block comment starting at `i` (they
/// nest), or the end of the text if it is never closed.
fn skip_block_comment(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                break;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// Returns the offset just past a raw string whose hashes (if any) start
/// at `i`, just after the `r`; may run past the end of an unclosed one.
fn skip_raw_string(b: &[u8], mut i: usize) -> usize {
    let mut hashes = 0;
    while b.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    i += 1; // opening quote
    while i < b.len() {
        if b[i] == b'"'
            && b[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&h| h == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}

/// Returns the offset just past a char literal whose body starts at `i`.
fn skip_char(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i] != b'\'' {
        if b[i] == b'\\' {
            i += 1;
        }
        i += 1;
    }
    (i + 1).min(b.len())
}

fn is_raw_string(b: &[u8], mut i: usize) -> bool {
    while b.get(i) == Some(&b'#') {
        i += 1;
    }
    b.get(i) == Some(&b'"')
}

/// Returns the offset just past the closing quote of a string whose body starts at `i`.
fn skip_string(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_fields() {
        let text = r#"Debate(
    title: "T", // a comment with "quotes" and (brackets)
    nodes: [
        Node(id: "a", kind: Thesis, title: "A"),
        (id: "b", supports: ["a", "c"], titel: "B"),
    ],
)"#;
        let locs = locate(text);
        let at = |key: &str| {
            let off = locs.values[key];
            &text[off..off + 3]
        };
        assert_eq!(at("title"), "\"T\"");
        assert_eq!(at("nodes[0].id"), "\"a\"");
        assert_eq!(at("nodes[1].id"), "\"b\"");
        assert_eq!(at("nodes[1].supports[1]"), "\"c\"");
        assert_eq!(at("nodes[0]"), "Nod");
        let titel = locs.fields.iter().find(|f| f.name == "titel").unwrap();
        assert_eq!(path_key(&titel.owner), "nodes[1]");
        assert_eq!(
            locs.find("nodes[1].attacks[0]"),
            locs.values.get("nodes[1]").copied()
        );
    }

    #[test]
    fn survives_garbage_and_deep_nesting() {
        let deep = "[".repeat(100_000);
        let _ = locate(&deep);
        let _ = locate("\"unterminated");
        let _ = locate("r##\"raw");
        let _ = locate("'\\");
        let _ = locate("(a: é, b: 日本)");
    }
}
