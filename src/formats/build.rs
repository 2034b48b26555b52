//! What every importer shares: a builder that collects nodes and relations
//! together with where each was written in the imported file, then runs
//! agon's own validation and reports its problems at those places.

use std::collections::{HashMap, HashSet};

use crate::graph::{
    self, DebateFile, Diagnostic, Graph, Kind, Loaded, Node, Pos, Relation, Severity, Source,
};

/// Longest title an importer keeps whole; longer text gets a shortened title
/// and keeps the full wording as the node's text.
pub const MAX_IMPORTED_TITLE: usize = 300;
/// Longest generated id, in characters, before a uniqueness suffix.
const MAX_SLUG: usize = 48;

/// Builds a [`DebateFile`] from an imported file, remembering positions.
pub struct Builder<'a> {
    file: &'a str,
    text: &'a str,
    pub debate: DebateFile,
    node_pos: Vec<Pos>,
    source_pos: Vec<Pos>,
    relations: Vec<(usize, Relation, usize, Pos)>,
    seen_relations: HashSet<(usize, Relation, usize)>,
    slugs: Slugger,
    diags: Vec<Diagnostic>,
    /// Problems counted by kind: only the first of each kind are placed.
    counts: graph::diag::KindCounts,
    /// Places problems in the text and quotes them, built at the first
    /// diagnostic, so many problems in a large file stay linear.
    lines: Option<graph::diag::Lines<'a>>,
}

impl<'a> Builder<'a> {
    pub fn new(file: &'a str, text: &'a str, title: String) -> Builder<'a> {
        Builder {
            file,
            text,
            debate: DebateFile {
                title,
                description: None,
                question: None,
                sources: Vec::new(),
                nodes: Vec::new(),
                tours: Vec::new(),
            },
            node_pos: Vec::new(),
            source_pos: Vec::new(),
            relations: Vec::new(),
            seen_relations: HashSet::new(),
            slugs: Slugger::default(),
            diags: Vec::new(),
            counts: graph::diag::KindCounts::default(),
            lines: None,
        }
    }

    /// Adds a claim with a generated id made from `slug_from` (or `fallback`
    /// when that has no letters or digits); returns its index.
    pub fn add_node(
        &mut self,
        title: String,
        text: Option<String>,
        slug_from: &str,
        fallback: &str,
        pos: Pos,
    ) -> usize {
        let id = self.slugs.unique(slug_from, fallback);
        let mut node = Node::new(id, Kind::Claim, title);
        node.text = text;
        self.debate.nodes.push(node);
        self.node_pos.push(pos);
        self.debate.nodes.len() - 1
    }

    /// A text longer than agon keeps is cut, with a warning at its node's
    /// line: a real file is never refused for its length.
    fn shorten_long_texts(&mut self) {
        const KEEP: usize = crate::graph::MAX_TEXT_CHARS - 1;
        for ix in 0..self.debate.nodes.len() {
            let node = &mut self.debate.nodes[ix];
            let Some(text) = &mut node.text else { continue };
            let Some((cut, _)) = text.char_indices().nth(KEEP) else {
                continue;
            };
            text.truncate(cut);
            text.push('…');
            let message = format!(
                "this text is longer than the {} characters agon keeps; the rest is cut",
                crate::graph::MAX_TEXT_CHARS
            );
            let pos = self.node_pos[ix];
            self.warn(pos, message);
        }
    }

    pub fn node_mut(&mut self, ix: usize) -> &mut Node {
        &mut self.debate.nodes[ix]
    }

    pub fn node_count(&self) -> usize {
        self.debate.nodes.len()
    }

    pub fn add_source(&mut self, source: Source, pos: Pos) {
        self.debate.sources.push(source);
        self.source_pos.push(pos);
    }

    /// Records that `from` supports or attacks `to`, once; a repeat is ignored.
    pub fn relate(&mut self, from: usize, relation: Relation, to: usize, pos: Pos) {
        if self.seen_relations.insert((from, relation, to)) {
            self.relations.push((from, relation, to, pos));
        }
    }

    /// Whether node `ix` supports or attacks anything so far.
    pub fn points_at_something(&self) -> Vec<bool> {
        let mut out = vec![false; self.debate.nodes.len()];
        for &(from, _, _, _) in &self.relations {
            out[from] = true;
        }
        out
    }

    /// Makes every node that supports or attacks nothing a thesis.
    pub fn roots_become_theses(&mut self) {
        let pointing = self.points_at_something();
        for (node, points) in self.debate.nodes.iter_mut().zip(pointing) {
            if !points {
                node.kind = Kind::Thesis;
            }
        }
    }

    pub fn error(&mut self, pos: Pos, message: impl Into<String>) {
        self.push(pos, Severity::Error, message.into());
    }

    pub fn warn(&mut self, pos: Pos, message: impl Into<String>) {
        self.push(pos, Severity::Warning, message.into());
    }

    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }

    fn push(&mut self, pos: Pos, severity: Severity, message: String) {
        if !self.counts.admit(severity, &message) {
            return;
        }
        let file = self.file;
        let diag = self.lines().at_pos(file, pos, severity, message);
        self.diags.push(diag);
    }

    /// The file's one line index, built at its first use.
    fn lines(&mut self) -> &graph::diag::Lines<'a> {
        let text = self.text;
        self.lines
            .get_or_insert_with(|| graph::diag::Lines::new(text))
    }

    /// The line and column of a byte offset in the file.
    pub fn pos_of(&mut self, offset: usize) -> Pos {
        self.lines().pos(offset)
    }

    /// Gives up after an error that leaves nothing worth validating.
    pub fn stop(mut self) -> Result<Loaded, Vec<Diagnostic>> {
        graph::diag::sort(&mut self.diags);
        graph::diag::cap_counted(&mut self.diags, &self.counts);
        Err(self.diags)
    }

    /// Writes the relations onto the nodes, validates the result with the
    /// rules every agon file obeys, and reports each problem where the
    /// offending node or relation was written in the imported file.
    pub fn finish(mut self) -> Result<Loaded, Vec<Diagnostic>> {
        self.shorten_long_texts();
        // Positions of each written relation, parallel to the id lists.
        let n = self.debate.nodes.len();
        let mut support_pos: Vec<Vec<Pos>> = vec![Vec::new(); n];
        let mut attack_pos: Vec<Vec<Pos>> = vec![Vec::new(); n];
        for &(from, relation, to, pos) in &self.relations {
            let target = self.debate.nodes[to].id.clone();
            let node = &mut self.debate.nodes[from];
            match relation {
                Relation::Supports => {
                    node.supports.push(target);
                    support_pos[from].push(pos);
                }
                Relation::Attacks => {
                    node.attacks.push(target);
                    attack_pos[from].push(pos);
                }
            }
        }
        let start = Pos { line: 1, col: 1 };
        for problem in graph::validate(&self.debate) {
            let pos = match parse_path(&problem.path) {
                PathAt::Node(i) => self.node_pos.get(i).copied(),
                PathAt::Relation(i, Relation::Supports, j) => {
                    support_pos.get(i).and_then(|v| v.get(j)).copied()
                }
                PathAt::Relation(i, Relation::Attacks, j) => {
                    attack_pos.get(i).and_then(|v| v.get(j)).copied()
                }
                PathAt::Source(i) => self.source_pos.get(i).copied(),
                PathAt::Other => None,
            }
            .unwrap_or(start);
            let message = explain_for_import(&problem.message);
            self.push(pos, problem.severity, message);
        }
        graph::diag::sort(&mut self.diags);
        self.diags.dedup();
        graph::diag::cap_counted(&mut self.diags, &self.counts);
        if self.has_errors() {
            return Err(self.diags);
        }
        Ok(Loaded {
            graph: Graph::from_file(self.debate),
            warnings: self.diags,
        })
    }
}

/// Validation speaks of agon's own fields (`supports`, `kind: Claim`); in an
/// imported file those fields do not exist, so say where the fault comes from.
fn explain_for_import(message: &str) -> String {
    format!(
        "{message} (in the debate agon built from this file; its ids are made from the wording)"
    )
}

/// Where a validation problem's path points.
enum PathAt {
    Node(usize),
    Relation(usize, Relation, usize),
    Source(usize),
    Other,
}

/// Reads `nodes[3]`, `nodes[3].supports[1]`, `sources[2].id` and the like.
fn parse_path(path: &str) -> PathAt {
    fn index(s: &str, prefix: &str) -> Option<(usize, String)> {
        let rest = s.strip_prefix(prefix)?.strip_prefix('[')?;
        let close = rest.find(']')?;
        let i = rest[..close].parse().ok()?;
        Some((i, rest[close + 1..].trim_start_matches('.').to_string()))
    }
    if let Some((i, rest)) = index(path, "nodes") {
        for (name, relation) in [
            ("supports", Relation::Supports),
            ("attacks", Relation::Attacks),
        ] {
            if let Some((j, _)) = index(&rest, name) {
                return PathAt::Relation(i, relation, j);
            }
        }
        return PathAt::Node(i);
    }
    if let Some((i, _)) = index(path, "sources") {
        return PathAt::Source(i);
    }
    PathAt::Other
}

/// One diagnostic in `file`, quoting the offending line.
pub fn diagnostic(
    file: &str,
    text: &str,
    pos: Pos,
    severity: Severity,
    message: String,
) -> Diagnostic {
    Diagnostic {
        file: file.to_string(),
        pos,
        severity,
        message,
        line_text: graph::diag::line_text(text, pos.line),
    }
}

/// Generates readable ids from text, unique within one file.
#[derive(Default)]
pub struct Slugger {
    taken: HashSet<String>,
    /// The next suffix to try for a base, so many equal texts stay linear.
    next_suffix: HashMap<String, usize>,
}

impl Slugger {
    pub fn unique(&mut self, text: &str, fallback: &str) -> String {
        let mut base = slug(text);
        if base.is_empty() {
            base = slug(fallback);
        }
        if base.is_empty() {
            base = "node".into();
        }
        if self.taken.insert(base.clone()) {
            return base;
        }
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(2);
        loop {
            let candidate = format!("{base}-{n}");
            n += 1;
            if self.taken.insert(candidate.clone()) {
                self.next_suffix.insert(base, n);
                return candidate;
            }
        }
    }
}

/// Lower-case letters and digits joined by single hyphens, cut at a word
/// boundary to at most [`MAX_SLUG`] characters.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word: String = word.chars().flat_map(char::to_lowercase).collect();
        let needed = word.chars().count() + usize::from(!out.is_empty());
        if out.chars().count() + needed > MAX_SLUG {
            if out.is_empty() {
                out = word.chars().take(MAX_SLUG).collect();
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    out
}

/// Splits imported wording into agon's one-line title and longer text.
///
/// The first paragraph is the title when it is short enough and the rest,
/// if any, the text. A longer first paragraph gives a title made of its
/// first sentence (or its first words, ending in `…`), and the whole wording
/// is kept as the text, so nothing is lost.
pub fn title_and_text(wording: &str) -> (String, Option<String>) {
    let wording = wording.trim();
    let (first, rest) = match wording.find("\n\n") {
        Some(i) => (wording[..i].trim(), Some(wording[i..].trim())),
        None => (wording, None),
    };
    let first_line = one_line(first);
    if first_line.chars().count() <= MAX_IMPORTED_TITLE {
        let rest = rest.filter(|r| !r.is_empty()).map(str::to_string);
        return (first_line, rest);
    }
    (shorten(&first_line), Some(wording.to_string()))
}

/// Joins the lines of a paragraph with single spaces.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first sentence when it is short enough, or else the first words up
/// to a sensible length followed by `…`.
fn shorten(s: &str) -> String {
    const SENTENCE_MAX: usize = 200;
    const WORDS_MAX: usize = 120;
    let mut count = 0;
    for (i, c) in s.char_indices() {
        count += 1;
        if count > SENTENCE_MAX {
            break;
        }
        if matches!(c, '.' | '?' | '!') && s[i + c.len_utf8()..].starts_with(' ') {
            return s[..i + c.len_utf8()].to_string();
        }
    }
    let mut out = String::new();
    for word in s.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > WORDS_MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = s.chars().take(WORDS_MAX).collect();
    }
    out.push('…');
    out
}

/// The file's name without folder or extension, for a title when the
/// format has none.
pub fn file_stem(file: &str) -> String {
    std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Imported debate".into())
}

/// A line and column from a 0-based line index and byte offset in that line.
pub fn pos_in_line(line_index: usize, line: &str, byte: usize) -> Pos {
    let byte = byte.min(line.len());
    let col = line.get(..byte).map_or(byte, |s| s.chars().count()) + 1;
    Pos {
        line: line_index + 1,
        col,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_and_unique() {
        let mut s = Slugger::default();
        assert_eq!(s.unique("Teens sleep late!", "x"), "teens-sleep-late");
        assert_eq!(s.unique("Teens   sleep, late", "x"), "teens-sleep-late-2");
        assert_eq!(s.unique("teens-sleep-late-2", "x"), "teens-sleep-late-2-2");
        assert_eq!(s.unique("???", "k 1.2"), "k-1-2");
        assert_eq!(s.unique("", ""), "node");
        let long = slug(&"word ".repeat(40));
        assert!(long.chars().count() <= MAX_SLUG, "{long}");
    }

    #[test]
    fn long_wording_keeps_a_short_title_and_the_full_text() {
        let (t, x) = title_and_text("Short point");
        assert_eq!((t.as_str(), x), ("Short point", None));
        let (t, x) = title_and_text("Title line\n\nMore words here.");
        assert_eq!(t, "Title line");
        assert_eq!(x.as_deref(), Some("More words here."));
        let long = format!("First sentence. {}", "word ".repeat(100));
        let (t, x) = title_and_text(&long);
        assert_eq!(t, "First sentence.");
        assert_eq!(x.as_deref(), Some(long.trim()));
        let no_stop = "word ".repeat(100);
        let (t, _) = title_and_text(&no_stop);
        assert!(t.ends_with('…') && t.chars().count() <= 121, "{t}");
    }

    #[test]
    fn validation_paths_point_at_nodes_relations_and_sources() {
        assert!(matches!(parse_path("nodes[3].title"), PathAt::Node(3)));
        assert!(matches!(
            parse_path("nodes[2].attacks[1]"),
            PathAt::Relation(2, Relation::Attacks, 1)
        ));
        assert!(matches!(parse_path("sources[0].id"), PathAt::Source(0)));
        assert!(matches!(parse_path("title"), PathAt::Other));
    }
}
