//! Reading a debate file: parse, validate every rule, build the index.
//! Every problem is reported with the file, line and column where the
//! offending text is written, and all of them in one run.

use std::path::Path;

use super::debate::Graph;
use super::diag::{self, Diagnostic, Pos, Severity};
use super::index::Index;
use super::locate::{self, Seg};
use super::model::*;
use super::rules;

/// A file larger than this is refused before parsing: room for agon's own
/// synthetic map of a million nodes (about 580 MB of RON) and more.
pub const MAX_FILE_BYTES: usize = 1 << 30;

/// A graph that loaded, with any warnings about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub graph: Graph,
    pub warnings: Vec<Diagnostic>,
}

/// Why a file did not load.
#[derive(Debug, Clone)]
pub enum LoadError {
    /// The file could not be read at all (missing, a directory, no permission).
    Unreadable { file: String, message: String },
    /// The file was read and has errors (warnings may be among them).
    Invalid(Vec<Diagnostic>),
}

impl LoadError {
    /// Exit status for the command line: 2 unreadable, 1 invalid.
    pub fn exit_code(&self) -> u8 {
        match self {
            LoadError::Unreadable { .. } => 2,
            LoadError::Invalid(_) => 1,
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Unreadable { file, message } => {
                write!(f, "{file}: error: cannot read the file: {message}")
            }
            LoadError::Invalid(diags) => {
                for (i, d) in diags.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
        }
    }
}

/// The RON options every debate file is read with: optional fields may be
/// written without `Some(...)`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parses a debate file's text into its serde shape, without validation.
pub fn parse_ron(text: &str) -> Result<DebateFile, ron::error::SpannedError> {
    ron_options().from_str(text)
}

/// Reads and loads an agon RON file from disk.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let file = path.display().to_string();
    let bytes = read_file(path)?;
    load_bytes(&file, &bytes).map_err(LoadError::Invalid)
}

/// Reads a file, refusing directories, anything else that is not a regular
/// file (a FIFO would block forever, a device such as `/dev/zero` report
/// size 0 and never end) and files too large to be a debate. The read
/// itself stops at the cap too, in case the file grows while it is read.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let (opened, len) = open_file(path)?;
    let mut bytes = Vec::with_capacity(len as usize);
    opened
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(path, e.to_string()))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    Ok(bytes)
}

/// Opens a file [`read_file`] would read, with its reported length, after
/// the same checks. Whoever reads it must stop at [`MAX_FILE_BYTES`] too.
pub fn open_file(path: &Path) -> Result<(std::fs::File, u64), LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| unreadable(path, e.to_string()))?;
    if meta.is_dir() {
        return Err(unreadable(path, "it is a directory".into()));
    }
    if !meta.is_file() {
        return Err(unreadable(
            path,
            "it is not a regular file (a pipe, device or socket); save the debate to a file".into(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(too_large(path, meta.len()));
    }
    let opened = std::fs::File::open(path).map_err(|e| unreadable(path, e.to_string()))?;
    Ok((opened, meta.len()))
}

fn unreadable(path: &Path, message: String) -> LoadError {
    LoadError::Unreadable {
        file: path.display().to_string(),
        message,
    }
}

/// The error for a file past [`MAX_FILE_BYTES`].
pub fn too_large(path: &Path, len: u64) -> LoadError {
    unreadable(
        path,
        format!("it is {len} bytes or more; agon reads files up to {MAX_FILE_BYTES} bytes"),
    )
}

/// Checks that bytes are UTF-8 text, pointing at the first bad byte if not.
pub fn utf8<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Vec<Diagnostic>> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let pos = diag::pos_of_offset(good, good.len());
        vec![Diagnostic {
            file: file.to_string(),
            pos,
            severity: Severity::Error,
            message: format!(
                "the file is not UTF-8 text (byte 0x{:02x} at offset {}); save it as UTF-8",
                bytes[e.valid_up_to()],
                e.valid_up_to()
            ),
            line_text: None,
        }]
    })
}

/// Loads a file's bytes.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Loaded, Vec<Diagnostic>> {
    let text = utf8(file, bytes)?;
    load_str(file, text)
}

/// Loads a file's text: `Ok` when it has no errors (warnings are returned
/// with the graph), `Err` with every problem found otherwise.
pub fn load_str(file: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    // A byte-order mark (as some Windows editors write) becomes a space:
    // one character for one, so every line and column stays right.
    let unmarked;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            unmarked = format!(" {rest}");
            unmarked.as_str()
        }
        None => text,
    };
    let at = |pos: Pos, severity, message: String| Diagnostic {
        file: file.to_string(),
        pos,
        severity,
        line_text: diag::line_text(text, pos.line),
        message,
    };
    if text.trim().is_empty() {
        return Err(vec![at(
            Pos { line: 1, col: 1 },
            Severity::Error,
            "the file is empty; a debate file starts with `Debate(` (see the format in data/README.md)"
                .into(),
        )]);
    }
    let parsed = parse_ron(text);
    let debate = match parsed {
        Ok(d) => d,
        Err(err) => return Err(syntax_errors(file, text, err)),
    };
    // Validation and indexing only read the file: they run side by side
    // (on 100,000 nodes each takes tens of milliseconds). The index is
    // thrown away if validation finds errors.
    let (problems, index) = std::thread::scope(|scope| {
        let indexing = scope.spawn(|| Index::build(&debate));
        let problems = rules::validate(&debate);
        (problems, indexing.join())
    });
    let diags = place_problems(file, text, problems);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    let graph = match index {
        Ok(index) => Graph::assemble(debate, index),
        // The indexing thread cannot panic on a validated file; if it ever
        // did, index again here rather than lose the load.
        Err(_) => Graph::from_file(debate),
    };
    Ok(Loaded {
        graph,
        warnings: diags,
    })
}

/// Places the first problems of each kind where they are written (the
/// rest are only counted), sorted and capped.
fn place_problems(file: &str, text: &str, problems: Vec<rules::Problem>) -> Vec<Diagnostic> {
    if problems.is_empty() {
        return Vec::new();
    }
    let mut counts = diag::KindCounts::default();
    let problems: Vec<rules::Problem> = problems
        .into_iter()
        .filter(|p| counts.admit(p.severity, &p.message))
        .collect();
    let want: rustc_hash::FxHashSet<String> = problems
        .iter()
        .flat_map(|p| locate::with_enclosing(&p.path))
        .map(str::to_string)
        .collect();
    let locs = locate::locate_some(text, Some(&want));
    let lines = diag::Lines::new(text);
    let mut diags: Vec<Diagnostic> = problems
        .into_iter()
        .map(|p| {
            let offset = locs.find(&p.path).unwrap_or(0);
            lines.at_offset(file, offset, p.severity, p.message)
        })
        .collect();
    diag::sort(&mut diags);
    diag::cap_counted(&mut diags, &counts);
    diags
}

/// Turns ron's error into diagnostics. An unknown field is reported with
/// every other unknown field in the file, each with the fields allowed there.
fn syntax_errors(file: &str, text: &str, err: ron::error::SpannedError) -> Vec<Diagnostic> {
    let mk = |pos: Pos, message: String| Diagnostic {
        file: file.to_string(),
        pos,
        severity: Severity::Error,
        line_text: diag::line_text(text, pos.line),
        message,
    };
    if matches!(err.code, ron::Error::NoSuchStructField { .. }) {
        let mut counts = diag::KindCounts::default();
        let unknown: Vec<(usize, String)> = unknown_fields(text)
            .into_iter()
            .filter(|(_, message)| counts.admit(Severity::Error, message))
            .collect();
        if !unknown.is_empty() {
            let lines = diag::Lines::new(text);
            let mut diags: Vec<Diagnostic> = unknown
                .into_iter()
                .map(|(offset, message)| lines.at_offset(file, offset, Severity::Error, message))
                .collect();
            diag::cap_counted(&mut diags, &counts);
            return diags;
        }
    }
    let pos = past_blanks(
        text,
        Pos {
            line: err.span.start.line.max(1),
            col: err.span.start.col.max(1),
        },
    );
    let hint = match &err.code {
        ron::Error::Eof => "; the file ends too early: check for a missing `)`, `]` or `\"`",
        ron::Error::ExceededRecursionLimit => {
            "; the file nests brackets far deeper than a debate needs"
        }
        ron::Error::ExpectedDifferentStructName { .. } => "",
        ron::Error::MissingStructField { .. } => "; add the field",
        _ => "",
    };
    vec![mk(pos, format!("{}{hint}", err.code))]
}

/// ron places a wrong-typed value at the blank before it (`title: 7` at the
/// space after the colon); move to the first character of the value itself.
/// A position followed only by blanks (the file ends too early) stays put.
fn past_blanks(text: &str, pos: Pos) -> Pos {
    let Some(start) = offset_of(text, pos) else {
        return pos;
    };
    let rest = &text[start..];
    match skip_blanks(rest) {
        0 => pos,
        n if n == rest.len() => pos,
        n => diag::pos_of_offset(text, start + n),
    }
}

/// The byte offset of a line and column, if that line exists.
fn offset_of(text: &str, pos: Pos) -> Option<usize> {
    let line_start = match pos.line {
        0 | 1 => 0,
        n => text.match_indices('\n').nth(n - 2)?.0 + 1,
    };
    let line = &text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let col = line
        .char_indices()
        .nth(pos.col.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    Some(line_start + col)
}

/// How many bytes of whitespace and comments `s` starts with (0 when a
/// block comment is never closed: there is nothing sensible to skip to).
fn skip_blanks(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        match b.get(i) {
            Some(b' ' | b'\t' | b'\r' | b'\n') => i += 1,
            Some(b'/') if b.get(i + 1) == Some(&b'/') => {
                i += s[i..].find('\n').unwrap_or(s.len() - i);
            }
            Some(b'/') if b.get(i + 1) == Some(&b'*') => {
                // Block comments nest in RON.
                let mut depth = 0usize;
                loop {
                    if b.get(i..i + 2) == Some(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if b.get(i..i + 2) == Some(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else if i >= b.len() {
                        return 0;
                    } else {
                        i += 1;
                    }
                }
            }
            _ => return i,
        }
    }
}

/// Every field name written where the format does not allow it.
fn unknown_fields(text: &str) -> Vec<(usize, String)> {
    // Field names only: no value's place is needed.
    let locs = locate::locate_some(text, Some(&Default::default()));
    let mut out = Vec::new();
    for f in &locs.fields {
        let (what, allowed) = match schema_at(&f.owner) {
            Some(s) => s,
            None => continue,
        };
        if allowed.contains(&f.name.as_str()) {
            continue;
        }
        let suggestion = diag::nearest(&f.name, allowed.iter().copied())
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default();
        out.push((
            f.offset,
            format!(
                "unknown field `{}` in {what}; {suggestion}fields allowed here: {}",
                f.name,
                allowed.join(", ")
            ),
        ));
    }
    out
}

/// The struct written at a path, and its fields.
fn schema_at(owner: &[Seg]) -> Option<(&'static str, &'static [&'static str])> {
    let names: Vec<&str> = owner
        .iter()
        .filter_map(|s| match s {
            Seg::Field(f) => Some(f.as_str()),
            Seg::Index(_) => None,
        })
        .collect();
    match names.as_slice() {
        [] => Some(("the debate", DEBATE_FIELDS)),
        ["nodes"] => Some(("a node", NODE_FIELDS)),
        ["sources"] => Some(("a source", SOURCE_FIELDS)),
        ["tours"] => Some(("a tour", TOUR_FIELDS)),
        ["tours", "steps"] => Some(("a tour step", STEP_FIELDS)),
        _ => None,
    }
}
