//! Argdown (`.argdown`, `.ad`), read as Argdown's own parser reads it
//! (the conformance tests hold it to `@argdown/cli`; every construct and
//! what it maps to is in `data/FORMATS.md`): statements `[Title]: text`,
//! arguments `<Title>: text`, elements that wrap onto the next lines,
//! relations on indented lines below them (`+`, `-`, `_`, `><`, `+>`,
//! `<+`, `->`, `<-`, `_>`, `<_`), premise–conclusion structures, lists,
//! `#tags`, headings, comments, front matter and data.
//!
//! Mapping: an Argdown title is the node's title and its text the node's
//! text; statements and arguments are claims, and those that support or
//! attack nothing become theses. In a premise–conclusion structure each
//! premise (and an intermediate conclusion) supports the next conclusion,
//! and the argument supports its main conclusion. What agon has no place
//! for (inference rules, data, front matter) is kept as text; only what is
//! kept nowhere is a warning.

mod lex;

pub use lex::unescape;

use std::collections::{HashMap, HashSet};

use super::build::{self, Builder};
use crate::graph::{Diagnostic, Loaded, Pos, Relation};
use lex::{ElemKind, Element, Line, LineProblem, Op};

/// Whether `text` (past comments) starts like Argdown.
pub fn sniff(text: &str) -> bool {
    let (clean, _) = lex::blank_comments(text.strip_prefix('\u{feff}').unwrap_or(text));
    let trimmed = clean.trim_start();
    // Front matter opens with `===`; otherwise the first element or heading.
    let opens = trimmed.starts_with("===")
        || (trimmed.starts_with(['[', '<', '#']) && !trimmed.starts_with("#!["));
    // A Markdown file opens the same way (`# Title`): it takes a line only
    // Argdown writes to tell them apart.
    opens && clean.lines().any(is_argdown_line)
}

/// A statement or argument defined with its text (`[Title]: text`,
/// `<Title>: text`; not a Markdown link reference `[1]: https://…`), a
/// relation on an indented line (`  + [Title]`; not a Markdown list item
/// holding a link `  - [text](url)`), or a numbered premise `(1)`.
fn is_argdown_line(line: &str) -> bool {
    let t = line.trim_start();
    let defined = |open: char, close: &str| {
        t.strip_prefix(open)
            .and_then(|rest| rest.split_once(close))
            .is_some_and(|(_, text)| {
                let text = text.trim_start();
                !text.is_empty() && !text.starts_with("http") && !text.starts_with('/')
            })
    };
    if defined('[', "]:") || defined('<', ">:") {
        return true;
    }
    const OPS: [&str; 10] = ["+>", "<+", "->", "<-", "_>", "<_", "><", "+", "-", "_"];
    let related = OPS.iter().any(|op| {
        t.strip_prefix(op)
            .and_then(|rest| rest.strip_prefix(' '))
            .map(str::trim_start)
            .is_some_and(|target| {
                let close = match target.chars().next() {
                    Some('[') => ']',
                    Some('<') => '>',
                    _ => return false,
                };
                // A Markdown link goes straight on with its address.
                target
                    .split_once(close)
                    .is_some_and(|(_, after)| !after.starts_with('('))
            })
    });
    (related && t.len() < line.len()) || t.starts_with("(1)")
}

/// Imports an Argdown file.
pub fn load_str(file: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::new(file, text);
    let (clean, unclosed) = lex::blank_comments(text);
    if let Some(offset) = unclosed {
        let pos = reader.b.pos_of(offset);
        let message = if text[offset..].starts_with("<!--") {
            "this `<!--` comment is never closed with `-->`"
        } else {
            "this `/*` comment is never closed with `*/`"
        };
        reader.b.error(pos, message);
    }
    let originals: Vec<&str> = text.split('\n').collect();
    for (i, line) in clean.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let original = originals.get(i).copied().unwrap_or("");
        let at = |byte: usize| build::pos_in_line(i, original, byte);
        // Front matter: `===` on the first line opens it, the next `===`
        // closes it.
        if i == 0 && line.trim() == "===" {
            reader.block = Some(Block::FrontMatter);
            continue;
        }
        if reader.in_block(line) || reader.heading_goes_on(line) {
            continue;
        }
        let mut problems = Vec::new();
        let line = reader.open_data_block(line);
        let classified = lex::classify(line, &mut problems);
        for p in problems {
            report(&mut reader.b, at(p.at), p);
        }
        reader.line(classified, line, &at);
    }
    reader.end_pcs();
    reader.apply_relations();
    let Reader {
        mut b,
        heading_title,
        ..
    } = reader;
    b.debate.title = heading_title
        .map(|t| lex::strip_data(&t))
        .unwrap_or_else(|| build::file_stem(file));
    if b.node_count() == 0 && !b.has_errors() {
        b.error(
            Pos { line: 1, col: 1 },
            "the file has no statements or arguments; write `[Title]: text` to start",
        );
    }
    b.roots_become_theses();
    b.finish()
}

fn report(b: &mut Builder, pos: Pos, p: LineProblem) {
    if p.is_error {
        b.error(pos, p.message);
    } else {
        b.warn(pos, p.message);
    }
}

/// A premise–conclusion structure being read.
struct Pcs {
    argument: usize,
    premises: Vec<usize>,
    last_conclusion: Option<usize>,
    /// Where the pending `----` is, when the next statement is a conclusion.
    inference: Option<Pos>,
    start: Pos,
}

struct Reader<'a> {
    b: Builder<'a>,
    statements: HashMap<String, usize>,
    arguments: HashMap<String, usize>,
    /// Elements that relation lines may hang under: (indentation, node).
    stack: Vec<(usize, usize)>,
    pcs: Option<Pcs>,
    /// The argument defined at the top level most recently, which a
    /// following premise–conclusion structure belongs to.
    last_argument: Option<usize>,
    heading_title: Option<String>,
    /// The node whose text a following plain line continues.
    continues: Option<usize>,
    /// Premise–conclusion structures with no argument above them so far;
    /// each gets one, titled `Untitled N` as Argdown titles it.
    untitled_arguments: usize,
    /// Relations as written: applied at the end, once every argument's
    /// conclusion is known (a reconstructed argument's outgoing relations
    /// are its main conclusion's, as in Argdown).
    relations: Vec<(usize, Relation, usize, Pos)>,
    conclusion_of: HashMap<usize, usize>,
    /// A multi-line block being read: front matter, an expanded
    /// inference's rule and data between `--` lines, or a data block
    /// `{` … `}`.
    block: Option<Block>,
    block_lines: Vec<String>,
    /// Statements with no title, titled by their text.
    anonymous: HashSet<usize>,
    /// A heading being read (as written: `strip_data` unescapes it), which goes on to the next blank line; true
    /// when it gives the debate's title.
    heading_open: Option<bool>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    /// `===` … `===` at the start: the debate's description, as written.
    FrontMatter,
    Inference,
    Data,
}

impl<'a> Reader<'a> {
    fn new(file: &'a str, text: &'a str) -> Reader<'a> {
        Reader {
            b: Builder::new(file, text, String::new()),
            statements: HashMap::new(),
            arguments: HashMap::new(),
            stack: Vec::new(),
            pcs: None,
            last_argument: None,
            heading_title: None,
            continues: None,
            untitled_arguments: 0,
            relations: Vec::new(),
            conclusion_of: HashMap::new(),
            block: None,
            anonymous: HashSet::new(),
            heading_open: None,
            block_lines: Vec::new(),
        }
    }

    fn line(&mut self, line: Line, raw: &str, at: &dyn Fn(usize) -> Pos) {
        let (indent, _) = lex::indent_of(raw);
        let continues = self.continues.take();
        match line {
            Line::Blank => {}
            Line::Heading { level, text } => {
                self.end_pcs();
                self.stack.clear();
                self.last_argument = None;
                let titles = level == 1 && self.heading_title.is_none() && !text.is_empty();
                if titles {
                    self.heading_title = Some(text);
                }
                self.heading_open = Some(titles);
            }
            Line::Element(e) if e.kind == ElemKind::Anonymous && continues.is_some() => {
                let ix = continues.unwrap_or_default();
                self.continue_text(ix, &e);
                self.continues = Some(ix);
            }
            Line::Element(e) => {
                self.end_pcs();
                let ix = self.node_for(&e, at(e.at));
                self.stack = vec![(indent, ix)];
                self.last_argument = (e.kind == ElemKind::Argument).then_some(ix);
                self.continues = Some(ix);
            }
            Line::Relation { op, op_at, element } => {
                self.relation_line(op, indent, at(op_at), &element, at(element.at));
            }
            Line::Pcs(e) => self.pcs_line(&e, indent, at(e.at)),
            Line::Inference { rule } => {
                self.inference(indent, at(indent));
                self.note_rule(rule.as_deref().unwrap_or_default());
            }
            Line::InferenceOpen => {
                self.inference(indent, at(indent));
                self.block = Some(Block::Inference);
            }
            Line::Unsupported { what, at: byte } => {
                self.b.warn(
                    at(byte),
                    format!("{what} has no place in agon; the line is ignored"),
                );
            }
        }
    }

    /// Inside a block being skipped: whether this line belongs to it.
    fn in_block(&mut self, line: &str) -> bool {
        let Some(block) = self.block else {
            return false;
        };
        let trimmed = line.trim();
        let closes = match block {
            Block::FrontMatter => trimmed == "===",
            Block::Inference => trimmed.starts_with("--"),
            Block::Data => trimmed.starts_with('}'),
        };
        if !closes {
            let kept = if block == Block::FrontMatter {
                line
            } else {
                trimmed
            };
            self.block_lines.push(kept.to_string());
            return true;
        }
        self.block = None;
        let lines = std::mem::take(&mut self.block_lines);
        match block {
            Block::FrontMatter => {
                let kept = lines.join("\n").trim().to_string();
                self.b.debate.description = (!kept.is_empty()).then_some(kept);
            }
            Block::Inference => self.note_rule(&lines.join(" ")),
            Block::Data => {
                // Kept as written at the end of the element's text.
                let data = format!("{{ {} {trimmed}", lines.join(" "));
                if let Some(ix) = self.continues {
                    append(&mut self.b.node_mut(ix).text, &data, " ");
                }
            }
        }
        true
    }

    /// A line ending in `{` opens a multi-line data block, kept as text:
    /// gives the line without it.
    fn open_data_block<'l>(&mut self, line: &'l str) -> &'l str {
        let trimmed = line.trim_end();
        let opens = trimmed.ends_with('{')
            && !trimmed.ends_with("\\{")
            && (trimmed.len() == 1 || trimmed[..trimmed.len() - 1].ends_with(char::is_whitespace));
        if !opens {
            return line;
        }
        self.block = Some(Block::Data);
        &line[..trimmed.len() - 1]
    }

    /// An inference rule and its data, kept in the argument's text (agon
    /// has no place of its own for them).
    fn note_rule(&mut self, rule: &str) {
        let rule = rule.trim();
        if let (Some(pcs), false) = (&self.pcs, rule.is_empty()) {
            let argument = pcs.argument;
            append(
                &mut self.b.node_mut(argument).text,
                &format!("Inference: {rule}"),
                " ",
            );
        }
    }

    fn relation_line(&mut self, op: Op, indent: usize, pos: Pos, element: &Element, el_pos: Pos) {
        while self.stack.last().is_some_and(|&(i, _)| i >= indent) {
            self.stack.pop();
        }
        let Some(&(_, parent)) = self.stack.last() else {
            self.b.error(pos, "this relation has nothing above it to relate to; indent it under the statement or argument it belongs to");
            return;
        };
        let child = self.node_for(element, el_pos);
        self.relate(op, parent, child, pos);
        self.stack.push((indent, child));
        self.continues = Some(child);
    }

    /// `(n) statement`: a premise, or the conclusion after an inference line.
    fn pcs_line(&mut self, e: &Element, indent: usize, pos: Pos) {
        let ix = self.node_for(e, pos);
        if self.pcs.is_none() {
            let argument = match self.last_argument.take() {
                Some(a) => a,
                None => self.untitled_argument(pos),
            };
            self.pcs = Some(Pcs {
                argument,
                premises: Vec::new(),
                last_conclusion: None,
                inference: None,
                start: pos,
            });
        }
        let Some(pcs) = self.pcs.as_mut() else { return };
        if pcs.inference.take().is_some() {
            let mut from = std::mem::take(&mut pcs.premises);
            from.extend(pcs.last_conclusion);
            pcs.last_conclusion = Some(ix);
            for p in from {
                self.relations.push((p, Relation::Supports, ix, pos));
            }
        } else {
            pcs.premises.push(ix);
        }
        self.stack = vec![(indent, ix)];
        self.continues = Some(ix);
    }

    /// An argument for a structure written with none above it.
    fn untitled_argument(&mut self, pos: Pos) -> usize {
        self.untitled_arguments += 1;
        let title = format!("Untitled {}", self.untitled_arguments);
        let ix = self
            .b
            .add_node(title.clone(), None, &title, "argument", pos);
        self.arguments.insert(title, ix);
        ix
    }

    /// An inference line; relations indented below it concern the
    /// inference, which agon represents by the argument.
    fn inference(&mut self, indent: usize, pos: Pos) {
        match &mut self.pcs {
            Some(pcs) if pcs.inference.is_none() => {
                pcs.inference = Some(pos);
                self.stack = vec![(indent, pcs.argument)];
            }
            Some(_) => self
                .b
                .warn(pos, "a second inference line in a row; one is enough"),
            None => self.b.error(
                pos,
                "this inference line `----` has no premises `(1) …` above it",
            ),
        }
    }

    /// Applies the relations read, a reconstructed argument's outgoing
    /// ones from its main conclusion.
    fn apply_relations(&mut self) {
        for (from, relation, to, pos) in std::mem::take(&mut self.relations) {
            let moved = self.conclusion_of.get(&from).copied().unwrap_or(from);
            match (moved == to, relation) {
                // An argument said to support its own conclusion: the
                // structure already says so.
                (true, Relation::Supports) => {}
                (true, Relation::Attacks) => self.b.relate(from, relation, to, pos),
                (false, _) => self.b.relate(moved, relation, to, pos),
            }
        }
    }

    /// A heading goes on until a blank line; a line of it is no element.
    fn heading_goes_on(&mut self, line: &str) -> bool {
        let Some(titles) = self.heading_open else {
            return false;
        };
        if line.trim().is_empty() {
            self.heading_open = None;
            return false;
        }
        if titles && let Some(title) = &mut self.heading_title {
            title.push(' ');
            title.push_str(line.trim());
        }
        true
    }

    /// The node a statement or argument names, made on first mention.
    fn node_for(&mut self, e: &Element, pos: Pos) -> usize {
        let map = match e.kind {
            ElemKind::Statement => &mut self.statements,
            ElemKind::Argument => &mut self.arguments,
            ElemKind::Anonymous => {
                let wording = e.text.clone().unwrap_or_default();
                if wording.is_empty() {
                    self.b.error(pos, "this line has no text");
                }
                let (title, text) = build::title_and_text(&wording);
                let ix = self
                    .b
                    .add_node(title.clone(), text, &title, "statement", pos);
                self.b.node_mut(ix).tags = e.tags.clone();
                self.anonymous.insert(ix);
                return ix;
            }
        };
        let ix = match map.get(&e.title) {
            Some(&ix) => ix,
            None => {
                let fallback = if e.kind == ElemKind::Argument {
                    "argument"
                } else {
                    "statement"
                };
                let ix = self
                    .b
                    .add_node(e.title.clone(), None, &e.title, fallback, pos);
                map.insert(e.title.clone(), ix);
                ix
            }
        };
        let node = self.b.node_mut(ix);
        // Argdown lets a statement be written with several texts: each
        // new one is kept, after the others (on one line, as Argdown
        // writes a text, so the export reads back the same).
        if let Some(more) = &e.text
            && !node
                .text
                .as_deref()
                .is_some_and(|t| t.contains(more.as_str()))
        {
            append(&mut node.text, more, " ");
        }
        for tag in &e.tags {
            if !node.tags.contains(tag) {
                node.tags.push(tag.clone());
            }
        }
        ix
    }

    fn continue_text(&mut self, ix: usize, e: &Element) {
        let anonymous = self.anonymous.contains(&ix);
        let node = self.b.node_mut(ix);
        if let Some(more) = &e.text {
            if anonymous {
                // Its title is its text, so both grow.
                let wording = node.text.take().unwrap_or_else(|| node.title.clone());
                let (title, text) = build::title_and_text(&format!("{wording} {more}"));
                node.title = title;
                node.text = text;
            } else {
                node.text = Some(match node.text.take() {
                    Some(t) => format!("{t} {more}"),
                    None => more.clone(),
                });
            }
        }
        for tag in &e.tags {
            if !node.tags.contains(tag) {
                node.tags.push(tag.clone());
            }
        }
    }

    fn relate(&mut self, op: Op, parent: usize, child: usize, pos: Pos) {
        let mut push = |from, relation, to| self.relations.push((from, relation, to, pos));
        match op {
            Op::SupportedBy => push(child, Relation::Supports, parent),
            Op::AttackedBy | Op::UndercutBy => push(child, Relation::Attacks, parent),
            Op::Supports => push(parent, Relation::Supports, child),
            Op::Attacks | Op::Undercuts => push(parent, Relation::Attacks, child),
            Op::Contradicts => {
                push(parent, Relation::Attacks, child);
                push(child, Relation::Attacks, parent);
            }
        }
    }

    /// Closes the structure being read: its argument supports its final
    /// conclusion; a structure that does not end in a conclusion is an error.
    fn end_pcs(&mut self) {
        let Some(pcs) = self.pcs.take() else { return };
        if let Some(at) = pcs.inference {
            self.b.error(
                at,
                "this inference line `----` is not followed by a conclusion `(n) …`",
            );
            return;
        }
        match pcs.last_conclusion {
            None => self.b.error(
                pcs.start,
                "this premise–conclusion structure has no conclusion; add `----` and the conclusion after the premises",
            ),
            Some(_) if !pcs.premises.is_empty() => self.b.error(
                pcs.start,
                "this premise–conclusion structure ends with a premise; end it with `----` and a conclusion",
            ),
            Some(conclusion) => {
                // Not through `relations`, which would move it to the conclusion.
                self.b
                    .relate(pcs.argument, Relation::Supports, conclusion, pcs.start);
                self.conclusion_of.insert(pcs.argument, conclusion);
            }
        }
    }
}

/// Adds `more` to a text, after `sep` when there is text already.
fn append(text: &mut Option<String>, more: &str, sep: &str) {
    match text {
        Some(t) => {
            t.push_str(sep);
            t.push_str(more);
        }
        None => *text = Some(more.to_string()),
    }
}
