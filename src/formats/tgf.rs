//! Trivial Graph Format, as abstract-argumentation tools write it: one
//! argument per line (`ID`, optionally followed by a label), a line `#`,
//! then one attack per line (`ATTACKER TARGET`).
//!
//! Every argument becomes a claim, except those that attack nothing: they
//! become theses, so the outline has roots. A node's title is its label, or
//! its id when it has none. Edge labels, which general TGF allows, are
//! refused: in an argumentation framework every edge is an attack, so a
//! third word is more likely a mistake than a label. Self-attacks are
//! allowed (they are common in the literature); an attack written twice is
//! kept once, with a warning.

use std::collections::{HashMap, HashSet};

use crate::graph::diag::{self, Diagnostic, Pos, Severity};
use std::path::Path;

use crate::graph::{DebateFile, Graph, Kind, Loaded, MAX_TITLE_CHARS, Node};

/// After this many errors the rest of the file is not read: a file that
/// wrong is probably not TGF at all, and the list would only bury the first.
const MAX_ERRORS: usize = 200;
/// "Did you mean" hints are worked out for this many unknown ids only:
/// each costs a comparison with every id.
const MAX_SUGGESTIONS: usize = 50;

const MISSING_SEPARATOR: &str = "no line `#` separates the arguments from the attacks";

/// Whether text without a telling extension looks like TGF: a line that is
/// `#` alone, every line before it one argument (an id, maybe a label).
/// Called only when no other format claimed the text.
pub fn sniff(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().map(str::trim);
    lines
        .by_ref()
        .take_while(|l| *l != "#")
        .all(|l| !l.starts_with(['#', '(', '{', '[', '<']))
        && text.lines().any(|l| l.trim() == "#")
}

/// Loads TGF text: `Ok` with any warnings, or `Err` with every error
/// (up to a limit), each naming its line and column.
pub fn load_str(file: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::new(file, text);
    reader.read(text);
    let Reader {
        mut diags, errors, ..
    } = reader;
    diag::sort(&mut diags);
    diag::cap_per_kind(&mut diags);
    if errors > 0 {
        return Err(diags);
    }
    Ok(Loaded {
        graph: Graph::from_file(debate(file, reader.declared)),
        warnings: diags,
    })
}

/// One argument as declared.
struct Declared<'t> {
    id: &'t str,
    title: &'t str,
    attacks: Vec<&'t str>,
}

/// What has been read so far, and the problems found in it.
struct Reader<'f, 't> {
    file: &'f str,
    declared: Vec<Declared<'t>>,
    /// Each id's place in `declared` and the line it was declared on.
    by_id: HashMap<&'t str, (usize, usize)>,
    /// Attacks read, as places in `declared`, to spot repeats.
    attacks: HashSet<(usize, usize)>,
    diags: Vec<Diagnostic>,
    /// Places problems and quotes their lines.
    lines: diag::Lines<'t>,
    errors: usize,
    suggestions_left: usize,
    /// The first redeclaration, with the number of diagnostics and errors
    /// before it: if `#` turns out to be missing, the attacks start there.
    first_redeclared: Option<(usize, usize, usize)>,
}

impl<'f, 't> Reader<'f, 't> {
    fn new(file: &'f str, text: &'t str) -> Self {
        Reader {
            file,
            lines: diag::Lines::new(text),
            declared: Vec::new(),
            by_id: HashMap::new(),
            attacks: HashSet::new(),
            diags: Vec::new(),
            errors: 0,
            suggestions_left: MAX_SUGGESTIONS,
            first_redeclared: None,
        }
    }

    fn report(
        &mut self,
        severity: Severity,
        at: (usize, usize),
        line: Option<&str>,
        message: String,
    ) {
        if severity == Severity::Error {
            self.errors += 1;
        }
        let pos = Pos {
            line: at.0,
            col: at.1,
        };
        self.diags.push(Diagnostic {
            file: self.file.to_string(),
            pos,
            severity,
            message,
            line_text: line.map(|_| self.lines.quote(self.lines.offset(pos))),
        });
    }

    fn error(&mut self, at: (usize, usize), line: &str, message: String) {
        self.report(Severity::Error, at, Some(line), message);
    }

    fn read(&mut self, text: &'t str) {
        if text.trim().is_empty() {
            self.report(
                Severity::Error,
                (1, 1),
                None,
                "the file is empty; a TGF file lists arguments, then a line `#`, then one attack per line".into(),
            );
            return;
        }
        let mut in_attacks = false;
        let mut last_line = 0;
        for (i, raw) in text.split('\n').enumerate() {
            let line_no = i + 1;
            if self.errors >= MAX_ERRORS {
                self.report(
                    Severity::Error,
                    (line_no, 1),
                    None,
                    format!("stopped reading after {MAX_ERRORS} errors; is this a TGF file?"),
                );
                return;
            }
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let words = words(line);
            if words.is_empty() {
                continue;
            }
            last_line = line_no;
            if in_attacks {
                self.attack(line_no, line, &words);
            } else if line.trim() == "#" {
                in_attacks = true;
            } else {
                self.argument(line_no, line, words[0]);
            }
        }
        if !in_attacks {
            self.missing_separator(text, last_line);
        }
    }

    /// A line before `#`: an id, then perhaps a label.
    fn argument(&mut self, line_no: usize, line: &'t str, first: Word<'t>) {
        let Word { col, end, text: id } = first;
        let label = line[end..].trim();
        if let Some(&(_, first_line)) = self.by_id.get(id) {
            self.first_redeclared
                .get_or_insert((line_no, self.diags.len(), self.errors));
            self.error(
                (line_no, col),
                line,
                format!("argument \"{id}\" is declared twice; it was first declared on line {first_line}"),
            );
            return;
        }
        let title = if label.is_empty() { id } else { label };
        if title.chars().count() > MAX_TITLE_CHARS {
            let message = if label.is_empty() {
                format!(
                    "argument id \"{id}\" serves as its title and is longer than {MAX_TITLE_CHARS} characters; shorten it or add a label"
                )
            } else {
                format!(
                    "the label of argument \"{id}\" is longer than {MAX_TITLE_CHARS} characters; shorten it"
                )
            };
            self.error((line_no, col), line, message);
        }
        self.by_id.insert(id, (self.declared.len(), line_no));
        self.declared.push(Declared {
            id,
            title,
            attacks: Vec::new(),
        });
    }

    /// A line after `#`: exactly two declared ids.
    fn attack(&mut self, line_no: usize, line: &str, words: &[Word<'_>]) {
        let [attacker, target] = words else {
            let (col, found) = match words.get(2) {
                None => (1, "only one word".to_string()),
                Some(third) => (third.col, format!("{} words", words.len())),
            };
            self.error(
                (line_no, col),
                line,
                format!("an attack is written `ATTACKER TARGET`, two ids separated by a space; this line has {found}"),
            );
            return;
        };
        let (Some(from), Some(to)) = (
            self.resolve(line_no, line, attacker),
            self.resolve(line_no, line, target),
        ) else {
            return;
        };
        if !self.attacks.insert((from, to)) {
            self.report(
                Severity::Warning,
                (line_no, 1),
                Some(line),
                format!(
                    "the attack of \"{}\" on \"{}\" is written twice; it counts once",
                    attacker.text, target.text
                ),
            );
            return;
        }
        let target_id = self.declared[to].id;
        self.declared[from].attacks.push(target_id);
    }

    /// The place in `declared` of the argument a word names, or an error.
    fn resolve(&mut self, line_no: usize, line: &str, word: &Word<'_>) -> Option<usize> {
        if let Some(&(at, _)) = self.by_id.get(word.text) {
            return Some(at);
        }
        let mut hint = String::new();
        if self.suggestions_left > 0 {
            self.suggestions_left -= 1;
            if let Some(near) = diag::nearest(word.text, self.by_id.keys().copied()) {
                hint = format!("; did you mean \"{near}\"?");
            }
        }
        self.error(
            (line_no, word.col),
            line,
            format!("attack names unknown argument \"{}\"{hint}", word.text),
        );
        None
    }

    /// Reports the missing `#`. Attacks read as arguments redeclare ids,
    /// so if any id was redeclared, that is where the attacks start, and
    /// the redeclarations from there on are that one mistake.
    fn missing_separator(&mut self, text: &str, last_line: usize) {
        match self.first_redeclared {
            Some((line_no, diags_before, errors_before)) => {
                self.diags.truncate(diags_before);
                self.errors = errors_before;
                let line = text
                    .split('\n')
                    .nth(line_no - 1)
                    .map(|l| l.trim_end_matches('\r'));
                self.report(
                    Severity::Error,
                    (line_no, 1),
                    line,
                    format!("{MISSING_SEPARATOR}; this line looks like the first attack"),
                );
            }
            // After the last line read, or on it when the file ends there.
            None => self.report(
                Severity::Error,
                ((last_line + 1).min(text.split('\n').count()), 1),
                None,
                format!("{MISSING_SEPARATOR}; a TGF file lists arguments, then `#`, then one attack per line"),
            ),
        }
    }
}

/// The arguments as a debate titled by the file's name: those that attack
/// nothing are theses, the rest claims.
fn debate(file: &str, declared: Vec<Declared<'_>>) -> DebateFile {
    let title = Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_string());
    let nodes = declared
        .into_iter()
        .map(|d| {
            let kind = if d.attacks.is_empty() {
                Kind::Thesis
            } else {
                Kind::Claim
            };
            let mut node = Node::new(d.id, kind, d.title);
            node.attacks = d.attacks.into_iter().map(str::to_string).collect();
            node
        })
        .collect();
    DebateFile {
        title,
        description: None,
        question: None,
        sources: Vec::new(),
        nodes,
        tours: Vec::new(),
    }
}

/// A whitespace-separated word of a line.
#[derive(Debug, Clone, Copy)]
struct Word<'t> {
    /// 1-based, counted in characters.
    col: usize,
    /// The byte just past the word.
    end: usize,
    text: &'t str,
}

fn words(line: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte, column)
    for (col, (byte, c)) in line.char_indices().enumerate() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some((byte, col + 1)),
            (true, Some((b, col0))) => {
                out.push(Word {
                    col: col0,
                    end: byte,
                    text: &line[b..byte],
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some((b, col0)) = start {
        out.push(Word {
            col: col0,
            end: line.len(),
            text: &line[b..],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        match load_str("f.tgf", text) {
            Ok(_) => panic!("{text:?} should not load"),
            Err(diags) => diags.iter().map(Diagnostic::headline).collect(),
        }
    }

    #[test]
    fn reads_arguments_labels_and_attacks() {
        let loaded = load_str(
            "dir/frame.tgf",
            "a First point\nb\nc  spaced   label \n#\na b\nb c\n",
        )
        .expect("loads");
        let g = &loaded.graph;
        assert!(loaded.warnings.is_empty());
        assert_eq!(g.title, "frame.tgf");
        assert_eq!(g.len(), 3);
        let node = |id: &str| g.node(g.by_id(id).unwrap());
        assert_eq!(node("a").title, "First point");
        assert_eq!(node("b").title, "b", "no label: the id is the title");
        assert_eq!(node("c").title, "spaced   label");
        // Only c attacks nothing, so only c is a root.
        assert_eq!(node("a").kind, Kind::Claim);
        assert_eq!(node("b").kind, Kind::Claim);
        assert_eq!(node("c").kind, Kind::Thesis);
        let a = g.by_id("a").unwrap();
        let b = g.by_id("b").unwrap();
        assert_eq!(g.attacks(a), &[b]);
        assert_eq!(g.attackers(b), &[a]);
    }

    #[test]
    fn tolerates_crlf_a_bom_blank_lines_and_no_attacks() {
        let loaded = load_str("f.tgf", "\u{feff}a\r\n\r\nb x\r\n#\r\n\r\nb a\r\n").expect("loads");
        assert_eq!(loaded.graph.len(), 2);
        let g = &loaded.graph;
        assert_eq!(g.node(g.by_id("b").unwrap()).title, "x");
        let loaded = load_str("f.tgf", "a\n#\n").expect("no attacks is fine");
        assert_eq!(loaded.graph.theses().len(), 1);
    }

    #[test]
    fn a_self_attack_is_kept_and_a_repeated_attack_warned_about() {
        let loaded = load_str("f.tgf", "a\nb\n#\na a\na b\na b\n").expect("loads");
        let g = &loaded.graph;
        let a = g.by_id("a").unwrap();
        assert_eq!(g.attacks(a).len(), 2, "self-attack and one a→b");
        let warnings: Vec<String> = loaded.warnings.iter().map(Diagnostic::headline).collect();
        assert_eq!(
            warnings,
            ["f.tgf:6:1: warning: the attack of \"a\" on \"b\" is written twice; it counts once"]
        );
    }

    #[test]
    fn reports_every_error_with_its_position() {
        let text =
            "alpha\nbeta\n  alpha again\n#\nalpha betta\nbeta\nalpha beta gamma\ngamma alpha\n";
        assert_eq!(
            errors(text),
            [
                "f.tgf:3:3: error: argument \"alpha\" is declared twice; it was first declared on line 1",
                "f.tgf:5:7: error: attack names unknown argument \"betta\"; did you mean \"beta\"?",
                "f.tgf:6:1: error: an attack is written `ATTACKER TARGET`, two ids separated by a space; this line has only one word",
                "f.tgf:7:12: error: an attack is written `ATTACKER TARGET`, two ids separated by a space; this line has 3 words",
                "f.tgf:8:1: error: attack names unknown argument \"gamma\"",
            ]
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(
            errors("école\n#\nécole  über\n"),
            ["f.tgf:3:8: error: attack names unknown argument \"über\""]
        );
    }

    #[test]
    fn a_missing_separator_and_an_empty_file_are_errors() {
        assert_eq!(
            errors("a\nb\nc\n"),
            [
                "f.tgf:4:1: error: no line `#` separates the arguments from the attacks; a TGF file lists arguments, then `#`, then one attack per line"
            ]
        );
        // Attacks read as arguments redeclare ids: that points at the real
        // problem, so the redeclarations are not reported on their own.
        assert_eq!(
            errors("a\nb\na b\nb a\n"),
            [
                "f.tgf:3:1: error: no line `#` separates the arguments from the attacks; this line looks like the first attack"
            ]
        );
        assert_eq!(
            errors("  \n"),
            [
                "f.tgf:1:1: error: the file is empty; a TGF file lists arguments, then a line `#`, then one attack per line"
            ]
        );
    }

    #[test]
    fn an_overlong_label_is_an_error() {
        let text = format!("a {}\n#\n", "x".repeat(MAX_TITLE_CHARS + 1));
        let errs = errors(&text);
        assert_eq!(errs.len(), 1);
        assert!(errs[0].starts_with("f.tgf:1:1: error: the label of argument \"a\""));
    }

    #[test]
    fn stops_after_too_many_errors() {
        let text = format!("a\n#\n{}", "x y\n".repeat(MAX_ERRORS * 3));
        let errs = errors(&text);
        // Two unknown ids per line; the list stops soon after the limit.
        assert!(errs.len() <= MAX_ERRORS + 2, "{} errors", errs.len());
        assert!(errs.last().unwrap().contains("stopped reading"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_arbitrary_text(text in "(([a-c#é ]{0,6})\n){0,12}") {
            let _ = load_str("f.tgf", &text);
        }
    }
}
