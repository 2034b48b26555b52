//! Reading a debate file: parse, validate every rule, build the index.
//! Every problem is reported with the file, line and column where the
//! offending text is written, and all of them in one run.

use std::collections::HashSet;

use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

use super::diag::{self, Diagnostic, Pos, Severity};
use super::index::{Graph, Index};
use super::locate::{self, Seg};
use super::model::*;

/// A file larger than this is refused before parsing.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;
/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 500;
/// Longest text, quote or narration, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;

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

/// Reads and loads an agon RON file from disk.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let file = path.display().to_string();
    let bytes = read_file(path)?;
    load_bytes(&file, &bytes).map_err(LoadError::Invalid)
}

/// Reads a file, refusing directories and files too large to be a debate.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let file = path.display().to_string();
    let unreadable = |message: String| LoadError::Unreadable {
        file: file.clone(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
    if meta.is_dir() {
        return Err(unreadable("it is a directory".into()));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(unreadable(format!(
            "it is {} bytes; agon reads files up to {} bytes",
            meta.len(),
            MAX_FILE_BYTES
        )));
    }
    std::fs::read(path).map_err(|e| unreadable(e.to_string()))
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
    let parsed = super::parse_ron(text);
    let debate = match parsed {
        Ok(d) => d,
        Err(err) => return Err(syntax_errors(file, text, err)),
    };
    // Validation and indexing only read the file: they run side by side
    // (on 100,000 nodes each takes tens of milliseconds). The index is
    // thrown away if validation finds errors.
    let (problems, index) = std::thread::scope(|scope| {
        let indexing = scope.spawn(|| Index::build(&debate));
        let problems = validate(&debate);
        (problems, indexing.join())
    });
    let mut diags = Vec::new();
    if !problems.is_empty() {
        let locs = locate::locate(text);
        let offsets: Vec<usize> = problems
            .iter()
            .map(|p| locs.find(&p.path).unwrap_or(0))
            .collect();
        for (p, (pos, line)) in problems.into_iter().zip(diag::place_all(text, &offsets)) {
            diags.push(Diagnostic {
                file: file.to_string(),
                pos,
                severity: p.severity,
                message: p.message,
                line_text: Some(line),
            });
        }
        diag::sort(&mut diags);
    }
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
        let unknown = unknown_fields(text);
        if !unknown.is_empty() {
            let offsets: Vec<usize> = unknown.iter().map(|(offset, _)| *offset).collect();
            return unknown
                .into_iter()
                .zip(diag::place_all(text, &offsets))
                .map(|((_, message), (pos, line))| Diagnostic {
                    file: file.to_string(),
                    pos,
                    severity: Severity::Error,
                    message,
                    line_text: Some(line),
                })
                .collect();
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
    let locs = locate::locate(text);
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

/// A problem found after parsing, placed by its path in the written form
/// (`nodes[3].supports[1]`), for importers to map to their own positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub severity: Severity,
    pub message: String,
}

/// How many "did you mean" searches to run; each one scans every id.
const MAX_SUGGESTIONS: usize = 50;

/// Longest id quoted in a message; longer ones are cut with `…`. An id is
/// named in every message about its node, so a huge id would otherwise be
/// copied once per problem.
const MAX_QUOTED_ID_CHARS: usize = 80;

/// An id as a message quotes it: in double quotes, cut when very long.
fn q(id: &str) -> String {
    match id.char_indices().nth(MAX_QUOTED_ID_CHARS) {
        Some((cut, _)) => format!("\"{}…\"", &id[..cut]),
        None => format!("\"{id}\""),
    }
}

/// Relation targets resolved to node indices once, row per node, so the
/// cycle and reachability checks walk integers instead of looking ids up
/// again (on 100,000 nodes the repeated lookups and string reads were most
/// of validation's time).
struct Rows {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Rows {
    fn empty() -> Rows {
        Rows {
            offsets: Vec::new(),
            targets: Vec::new(),
        }
    }

    fn with_capacity(nodes: usize) -> Rows {
        let mut offsets = Vec::with_capacity(nodes + 1);
        offsets.push(0);
        Rows {
            offsets,
            targets: Vec::with_capacity(nodes),
        }
    }

    fn end_row(&mut self) {
        self.offsets.push(self.targets.len() as u32);
    }

    /// The targets of the row being filled.
    fn current(&self) -> &[u32] {
        let start = *self.offsets.last().unwrap_or(&0) as usize;
        &self.targets[start..]
    }

    fn row(&self, i: usize) -> &[u32] {
        &self.targets[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// Checks every rule of the format that parsing does not.
pub fn validate(d: &DebateFile) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut err = |path: String, message: String| {
        out.push(Problem {
            path,
            severity: Severity::Error,
            message,
        })
    };
    let mut suggestions_left = MAX_SUGGESTIONS;
    let mut suggest = |wanted: &str, ids: &mut dyn Iterator<Item = &str>| -> String {
        if suggestions_left == 0 {
            return String::new();
        }
        suggestions_left -= 1;
        diag::nearest(wanted, ids)
            .map(|s| format!("; did you mean \"{s}\"?"))
            .unwrap_or_default()
    };

    check_len(
        &mut err,
        || "title".into(),
        &d.title,
        MAX_TITLE_CHARS,
        || "the debate's title".into(),
    );
    for (field, value) in [("description", &d.description), ("question", &d.question)] {
        if let Some(v) = value {
            check_len(
                &mut err,
                || field.into(),
                v,
                MAX_TEXT_CHARS,
                || format!("the debate's {field}"),
            );
        }
    }

    // Ids: present and unique.
    let mut node_ids: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(d.nodes.len(), Default::default());
    for (i, n) in d.nodes.iter().enumerate() {
        if n.id.trim().is_empty() {
            err(
                format!("nodes[{i}].id"),
                "a node's id is empty; give it a short unique slug".into(),
            );
        } else if let Some(first) = node_ids.insert(&n.id, i) {
            node_ids.insert(&n.id, first);
            err(
                format!("nodes[{i}].id"),
                format!(
                    "duplicate node id {} (first used by node {} of the list); ids must be unique",
                    q(&n.id),
                    first + 1
                ),
            );
        }
    }
    let mut source_ids: HashMap<&str, usize> = HashMap::default();
    for (i, s) in d.sources.iter().enumerate() {
        if s.id.trim().is_empty() {
            err(format!("sources[{i}].id"), "a source's id is empty".into());
        } else if source_ids.insert(&s.id, i).is_some() {
            err(
                format!("sources[{i}].id"),
                format!("duplicate source id {}", q(&s.id)),
            );
        }
        let whose = |field: &str| format!("the {field} of source {}", q(&s.id));
        check_len(
            &mut err,
            || format!("sources[{i}].id"),
            &s.id,
            MAX_TEXT_CHARS,
            || whose("id"),
        );
        check_len(
            &mut err,
            || format!("sources[{i}].title"),
            &s.title,
            MAX_TITLE_CHARS,
            || whose("title"),
        );
        for (field, value) in [
            ("outlet", &s.outlet),
            ("author", &s.author),
            ("date", &s.date),
            ("url", &s.url),
            ("note", &s.note),
        ] {
            if let Some(v) = value {
                check_len(
                    &mut err,
                    || format!("sources[{i}].{field}"),
                    v,
                    MAX_TEXT_CHARS,
                    || whose(field),
                );
            }
        }
    }
    let mut tour_ids = HashSet::new();
    for (i, t) in d.tours.iter().enumerate() {
        if t.id.trim().is_empty() {
            err(
                format!("tours[{i}].id"),
                "a tour's id is empty; give it a short unique slug".into(),
            );
        } else if !tour_ids.insert(t.id.as_str()) {
            err(
                format!("tours[{i}].id"),
                format!("duplicate tour id {}", q(&t.id)),
            );
        }
        let whose = |field: &str| format!("the {field} of tour {}", q(&t.id));
        check_len(
            &mut err,
            || format!("tours[{i}].id"),
            &t.id,
            MAX_TEXT_CHARS,
            || whose("id"),
        );
        check_len(
            &mut err,
            || format!("tours[{i}].title"),
            &t.title,
            MAX_TITLE_CHARS,
            || whose("title"),
        );
        if let Some(v) = &t.description {
            check_len(
                &mut err,
                || format!("tours[{i}].description"),
                v,
                MAX_TEXT_CHARS,
                || whose("description"),
            );
        }
        if t.steps.is_empty() {
            err(
                format!("tours[{i}].steps"),
                format!("tour {} has no steps", q(&t.id)),
            );
        }
        for (j, step) in t.steps.iter().enumerate() {
            if !node_ids.contains_key(step.node.as_str()) {
                let hint = suggest(&step.node, &mut node_ids.keys().copied());
                err(
                    format!("tours[{i}].steps[{j}].node"),
                    format!(
                        "step {} of tour {} names unknown node {}{hint}",
                        j + 1,
                        q(&t.id),
                        q(&step.node)
                    ),
                );
            }
            check_len(
                &mut err,
                || format!("tours[{i}].steps[{j}].say"),
                &step.say,
                MAX_TEXT_CHARS,
                || format!("what step {} of tour {} says", j + 1, q(&t.id)),
            );
        }
    }

    if !d.nodes.iter().any(|n| n.kind == Kind::Thesis) {
        err(
            "nodes".into(),
            "the debate has no thesis; add a node with `kind: Thesis`".into(),
        );
    }

    let mut sup = Rows::with_capacity(d.nodes.len());
    let mut att = Rows::with_capacity(d.nodes.len());
    let mut repeats: Vec<(String, String)> = Vec::new();
    let mut supported_set: (usize, HashSet<u32>) = (usize::MAX, HashSet::new());
    for (i, n) in d.nodes.iter().enumerate() {
        let here = |field: &str| format!("nodes[{i}].{field}");
        let whose = |field: &str| format!("the {field} of node {}", q(&n.id));
        check_len(
            &mut err,
            || here("id"),
            &n.id,
            MAX_TEXT_CHARS,
            || whose("id"),
        );
        check_len(
            &mut err,
            || here("title"),
            &n.title,
            MAX_TITLE_CHARS,
            || whose("title"),
        );
        if n.title.trim().is_empty() {
            err(
                here("title"),
                format!("node {} has an empty title", q(&n.id)),
            );
        }
        for (field, value) in [
            ("text", &n.text),
            ("quote", &n.quote),
            ("locator", &n.locator),
        ] {
            if let Some(v) = value {
                check_len(&mut err, || here(field), v, MAX_TEXT_CHARS, || whose(field));
            }
        }
        for (j, tag) in n.tags.iter().enumerate() {
            check_len(
                &mut err,
                || format!("nodes[{i}].tags[{j}]"),
                tag,
                MAX_TEXT_CHARS,
                || format!("tag {} of node {}", j + 1, q(&n.id)),
            );
        }
        for (relation, list) in [("supports", &n.supports), ("attacks", &n.attacks)] {
            // Filled on the side, so the attack check can read `sup` meanwhile.
            let slot = if relation == "supports" {
                &mut sup
            } else {
                &mut att
            };
            let mut rows = std::mem::replace(slot, Rows::empty());
            // Long lists get a set for the repeat check; short ones are scanned.
            let mut long_seen: Option<HashSet<u32>> = (list.len() > 16).then(HashSet::new);
            for (j, target) in list.iter().enumerate() {
                let path = || format!("nodes[{i}].{relation}[{j}]");
                let resolved = node_ids.get(target.as_str()).copied();
                if target == &n.id {
                    err(
                        path(),
                        format!(
                            "node {} {relation} itself; remove {} from its `{relation}`",
                            q(&n.id),
                            q(target)
                        ),
                    );
                    continue;
                }
                let Some(t) = resolved else {
                    let hint = suggest(target, &mut node_ids.keys().copied());
                    err(
                        path(),
                        format!(
                            "node {} {relation} unknown node {}{hint}",
                            q(&n.id),
                            q(target)
                        ),
                    );
                    continue;
                };
                let t = t as u32;
                if relation == "attacks" && supported_by_node(&sup, &mut supported_set, i, t) {
                    err(
                        path(),
                        format!(
                            "node {} both supports and attacks {}; keep one",
                            q(&n.id),
                            q(target)
                        ),
                    );
                }
                let repeat = match &mut long_seen {
                    Some(set) => !set.insert(t),
                    None => rows.current().contains(&t),
                };
                if repeat {
                    repeats.push((
                        path(),
                        format!(
                            "node {} lists {} twice in `{relation}`; remove the repeat",
                            q(&n.id),
                            q(target)
                        ),
                    ));
                } else {
                    rows.targets.push(t);
                }
            }
            rows.end_row();
            *(if relation == "supports" {
                &mut sup
            } else {
                &mut att
            }) = rows;
        }
        match n.kind {
            Kind::Thesis if !n.supports.is_empty() || !n.attacks.is_empty() => {
                let field = if n.supports.is_empty() {
                    "attacks"
                } else {
                    "supports"
                };
                err(
                    here(field),
                    format!(
                        "thesis {} supports or attacks another node; a thesis is a root — make it a claim, or remove the relation",
                        q(&n.id)
                    ),
                );
            }
            Kind::Rebuttal if n.attacks.is_empty() => {
                err(
                    here("id"),
                    format!(
                        "rebuttal {} attacks nothing; add `attacks: [\"ID\"]` or make it a claim",
                        q(&n.id)
                    ),
                );
            }
            Kind::Rebuttal => {
                for (j, target) in n.attacks.iter().enumerate() {
                    if let Some(&t) = node_ids.get(target.as_str())
                        && d.nodes[t].kind == Kind::Thesis
                    {
                        err(
                            format!("nodes[{i}].attacks[{j}]"),
                            format!(
                                "rebuttal {} attacks thesis {}; a point against a thesis is a claim — change its kind to Claim",
                                q(&n.id),
                                q(target)
                            ),
                        );
                    }
                }
            }
            _ => {}
        }
        if let Some(w) = n.weight
            && !(0.0..=1.0).contains(&w)
        {
            err(
                here("weight"),
                format!(
                    "weight {w} of {} is out of range; a weight is a number from 0.0 to 1.0",
                    q(&n.id)
                ),
            );
        }
        if n.kind != Kind::Evidence {
            for (field, present) in [
                ("quote", n.quote.is_some()),
                ("source", n.source.is_some()),
                ("locator", n.locator.is_some()),
                ("basis", n.basis.is_some()),
            ] {
                if present {
                    err(
                        here(field),
                        format!(
                            "`{field}` is only allowed on evidence, and {} is a {}; change its kind to Evidence or remove the field",
                            q(&n.id),
                            n.kind.name()
                        ),
                    );
                }
            }
        } else if let Some(src) = &n.source
            && !source_ids.contains_key(src.as_str())
        {
            let hint = suggest(src, &mut source_ids.keys().copied());
            err(
                here("source"),
                format!(
                    "evidence {} cites unknown source {}{hint}",
                    q(&n.id),
                    q(src)
                ),
            );
        }
    }

    support_cycles(d, &sup, &mut err);

    let errors_so_far = out.len();
    let mut warn = |path: String, message: String| {
        out.push(Problem {
            path,
            severity: Severity::Warning,
            message,
        })
    };
    // The same relation written twice counts once in spirit, but twice in
    // the index: most likely a slip when editing.
    for (path, message) in repeats {
        warn(path, message);
    }
    for (i, n) in d.nodes.iter().enumerate() {
        if n.kind == Kind::Evidence {
            match (&n.quote, &n.source) {
                (None, _) => warn(
                    format!("nodes[{i}].id"),
                    format!(
                        "evidence {} has no quote; add the verbatim words it rests on",
                        q(&n.id)
                    ),
                ),
                (Some(_), None) => warn(
                    format!("nodes[{i}].quote"),
                    format!(
                        "evidence {} has a quote but no source; add `source: \"ID\"`",
                        q(&n.id)
                    ),
                ),
                _ => {}
            }
        }
    }
    if errors_so_far == 0 {
        for i in unreachable(d, &sup, &att) {
            warn(
                format!("nodes[{i}].id"),
                format!(
                    "node {} reaches no thesis through supports or attacks; relate it to the map or remove it",
                    q(&d.nodes[i].id)
                ),
            );
        }
    }
    out
}

/// Reports a value longer than `max` characters; `what` names it ("the
/// title of node \"x\""), built only when the value is too long.
/// `path` is only built when the check fails: formatting a path for every
/// field of a large file was a measurable share of loading it.
fn check_len(
    err: &mut impl FnMut(String, String),
    path: impl FnOnce() -> String,
    value: &str,
    max: usize,
    what: impl FnOnce() -> String,
) {
    // Cheap byte test first: most values are far below the limit.
    if value.len() > max && value.chars().count() > max {
        err(
            path(),
            format!(
                "{} is {} characters long; the limit is {max}",
                what(),
                value.chars().count()
            ),
        );
    }
}

/// Reports each cycle of supports once, as the chain of ids that closes it.
fn support_cycles(d: &DebateFile, sup: &Rows, err: &mut impl FnMut(String, String)) {
    const MAX_REPORTED: usize = 20;
    let n = d.nodes.len();
    // 0 unvisited, 1 on the stack, 2 done. Iterative, so deep chains cannot overflow the stack.
    let mut state = vec![0u8; n];
    let mut reported = 0;
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        // Each frame holds a node and the position in its `supports` to look
        // at next, so every written support is visited once (walking to the
        // k-th resolved target afresh each time was quadratic in a node's
        // supports: 20,000 of them took half a minute).
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let list = sup.row(node);
            let child = list.get(*next).map(|&t| t as usize);
            *next += 1;
            // Where the support is written, for the error (only on a cycle).
            let written_at = |c: usize| {
                d.nodes[node]
                    .supports
                    .iter()
                    .position(|t| *t == d.nodes[c].id)
                    .unwrap_or(0)
            };
            match child {
                Some(c) if state[c] == 0 => {
                    state[c] = 1;
                    stack.push((c, 0));
                }
                Some(c) if state[c] == 1 => {
                    if reported < MAX_REPORTED {
                        let start = stack.iter().position(|&(s, _)| s == c).unwrap_or(0);
                        let mut chain: Vec<String> = stack[start..]
                            .iter()
                            .map(|&(s, _)| q(&d.nodes[s].id))
                            .chain(std::iter::once(q(&d.nodes[c].id)))
                            .collect();
                        // A cycle through thousands of nodes: name its ends.
                        if chain.len() > 12 {
                            let skipped = chain.len() - 10;
                            chain.splice(5..chain.len() - 5, [format!("({skipped} more)")]);
                        }
                        err(
                            format!("nodes[{node}].supports[{}]", written_at(c)),
                            format!(
                                "cycle of supports: {}; a point cannot support itself through others — remove one of these supports",
                                chain.join(" → ")
                            ),
                        );
                    }
                    reported += 1;
                }
                Some(_) => {}
                None => {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
    }
}

/// Whether node `i` (whose supports are the last full row of `sup`)
/// supports `t`. Long rows are put in a set once per node.
fn supported_by_node(sup: &Rows, set: &mut (usize, HashSet<u32>), i: usize, t: u32) -> bool {
    let row = sup.row(i);
    if row.len() <= 16 {
        return row.contains(&t);
    }
    if set.0 != i {
        *set = (i, row.iter().copied().collect());
    }
    set.1.contains(&t)
}

/// Indices of nodes from which no thesis can be reached along supports and attacks.
fn unreachable(d: &DebateFile, sup: &Rows, att: &Rows) -> Vec<usize> {
    let n = d.nodes.len();
    // Incoming edges in compressed rows (count, then fill), then a walk back
    // from the theses.
    let mut offsets = vec![0u32; n + 1];
    for rows in [sup, att] {
        for &t in &rows.targets {
            offsets[t as usize + 1] += 1;
        }
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let mut fill = offsets.clone();
    let mut from = vec![0u32; offsets[n] as usize];
    for rows in [sup, att] {
        for i in 0..n {
            for &t in rows.row(i) {
                from[fill[t as usize] as usize] = i as u32;
                fill[t as usize] += 1;
            }
        }
    }
    let incoming = |i: usize| &from[offsets[i] as usize..offsets[i + 1] as usize];
    let mut seen = vec![false; n];
    let mut queue: Vec<usize> = (0..n)
        .filter(|&i| d.nodes[i].kind == Kind::Thesis)
        .collect();
    for &t in &queue {
        seen[t] = true;
    }
    while let Some(i) = queue.pop() {
        for &c in incoming(i) {
            if !seen[c as usize] {
                seen[c as usize] = true;
                queue.push(c as usize);
            }
        }
    }
    (0..n).filter(|&i| !seen[i]).collect()
}
