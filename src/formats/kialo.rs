//! Kialo discussion exports (`.txt`), in both the older one-line layout
//! (`Discussion Title:`, then `1.1. Pro: text`) and the newer two-line one
//! (`Discussion Name:`, then `  1.1. Pro:` with the text below it).
//!
//! Choices, documented in `data/FORMATS.md`:
//! - the root is the thesis; under a `Question:` root each `Thesis:` child
//!   is a thesis and the question becomes the debate's `question`;
//! - `Pro:` claims support their parent and `Con:` claims attack it; both
//!   stay claims (Kialo does not say what a point is, only its stance, and a
//!   linked claim may stand under a thesis in one place and a claim in another);
//! - a claim reading `-> See 1.2.3.` is another place of claim 1.2.3: that
//!   claim gets one more relation, toward the link's parent, with the link's stance;
//! - footnotes `[n]` stay in the text, the closing `Sources:` list becomes
//!   the debate's sources, and each citing claim's text ends with the
//!   addresses it cites (only evidence may name a source in agon).

use std::collections::HashMap;

use super::build::{self, Builder};
use super::escape::{find_unescaped, unescape};
use crate::graph::{Diagnostic, Kind, Loaded, Pos, Relation, Source};

/// A claim's marker after its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Pro,
    Con,
    Thesis,
    Question,
    /// The older layout's root has no marker.
    None,
}

/// One numbered claim as written.
struct RawClaim {
    number: String,
    marker: Marker,
    lines: Vec<String>,
    pos: Pos,
}

/// One entry of the closing `Sources:` list.
struct RawSource {
    number: String,
    address: String,
    pos: Pos,
}

/// Whether `text` looks like a Kialo export.
pub fn sniff(text: &str) -> bool {
    let first = text.trim_start_matches('\u{feff}').trim_start();
    first.starts_with("Discussion Title:") || first.starts_with("Discussion Name:")
}

/// Imports a Kialo export.
pub fn load_str(file: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let Some((title, body_start)) = header(&lines) else {
        let line = lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);
        let message = "a Kialo export starts with `Discussion Title: TITLE` or `Discussion Name:` \
                       followed by the title; this file does not";
        return Err(vec![build::diagnostic(
            file,
            text,
            Pos {
                line: line + 1,
                col: 1,
            },
            crate::graph::Severity::Error,
            message.into(),
        )]);
    };
    let mut b = Builder::new(file, text, title);
    let (claims, sources) = scan(&lines, body_start, &mut b);
    if claims.is_empty() {
        let pos = Pos {
            line: body_start.min(lines.len().saturating_sub(1)) + 1,
            col: 1,
        };
        b.error(
            pos,
            "the export lists no claims; Kialo numbers them `1.`, `1.1.`, `1.1.1.` …",
        );
        return b.stop();
    }
    build_graph(&mut b, &claims, &sources);
    b.finish()
}

/// The discussion's title and the index of the first line after it.
fn header(lines: &[&str]) -> Option<(String, usize)> {
    let first = lines.iter().position(|l| !l.trim().is_empty())?;
    let line = lines[first].trim().trim_start_matches('\u{feff}');
    if let Some(title) = line.strip_prefix("Discussion Title:") {
        return Some((title.trim().to_string(), first + 1));
    }
    let rest = line.strip_prefix("Discussion Name:")?.trim();
    if !rest.is_empty() {
        return Some((rest.to_string(), first + 1));
    }
    let next = (first + 1..lines.len()).find(|&i| !lines[i].trim().is_empty());
    match next {
        Some(i) if parse_header(lines[i], true).is_none() => {
            Some((lines[i].trim().to_string(), i + 1))
        }
        _ => Some((String::new(), first + 1)),
    }
}

/// Reads the numbered claims and the closing sources list.
fn scan(lines: &[&str], start: usize, b: &mut Builder) -> (Vec<RawClaim>, Vec<RawSource>) {
    let mut claims: Vec<RawClaim> = Vec::new();
    let mut sources = Vec::new();
    let mut in_sources = false;
    for (i, &line) in lines.iter().enumerate().skip(start) {
        if in_sources {
            if line.trim().is_empty() {
                continue;
            }
            match parse_source(line) {
                Some((number, address, col)) => sources.push(RawSource {
                    number,
                    address,
                    pos: build::pos_in_line(i, line, col),
                }),
                None => b.warn(
                    build::pos_in_line(i, line, line.len() - line.trim_start().len()),
                    "this line in the `Sources:` list is not `[n] ADDRESS`; it is ignored",
                ),
            }
            continue;
        }
        if line.trim() == "Sources:" && next_is_source(lines, i + 1) {
            in_sources = true;
            continue;
        }
        if let Some((number, marker, rest, col)) = parse_header(line, claims.is_empty()) {
            let mut raw = RawClaim {
                number,
                marker,
                lines: Vec::new(),
                pos: build::pos_in_line(i, line, col),
            };
            if !rest.trim().is_empty() {
                raw.lines.push(rest.trim().to_string());
            }
            claims.push(raw);
            continue;
        }
        match claims.last_mut() {
            Some(claim) => claim.lines.push(line.trim().to_string()),
            None if line.trim().is_empty() => {}
            None => b.warn(
                build::pos_in_line(i, line, 0),
                "text before the first numbered claim is ignored; claims start with `1.`",
            ),
        }
    }
    (claims, sources)
}

/// Reads `  1.2.3. Pro: text` into its number, marker, the text after the
/// marker and the column of the number. A line with no marker counts as a
/// claim only when it is the older layout's root (`1. Thesis text`).
fn parse_header(line: &str, first_claim: bool) -> Option<(String, Marker, &str, usize)> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let mut end = 0;
    let bytes = rest.as_bytes();
    // Digits, then '.', repeated; at least one group.
    let mut groups = 0;
    loop {
        let digits = bytes[end..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || bytes.get(end + digits) != Some(&b'.') {
            break;
        }
        end += digits + 1;
        groups += 1;
    }
    if groups == 0 {
        return None;
    }
    let after = &rest[end..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let number = rest[..end - 1].to_string();
    let after = after.trim_start();
    for (word, marker) in [
        ("Pro:", Marker::Pro),
        ("Con:", Marker::Con),
        ("Thesis:", Marker::Thesis),
        ("Question:", Marker::Question),
    ] {
        if let Some(text) = after.strip_prefix(word) {
            return Some((number, marker, text, indent));
        }
    }
    (groups == 1 && first_claim).then_some((number, Marker::None, after, indent))
}

/// Reads `[n] ADDRESS`, with the column of the `[`.
fn parse_source(line: &str) -> Option<(String, String, usize)> {
    let indent = line.len() - line.trim_start().len();
    let rest = line[indent..].strip_prefix('[')?;
    let close = rest.find(']')?;
    let number = &rest[..close];
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let address = rest[close + 1..].trim();
    Some((number.to_string(), unescape(address), indent))
}

fn next_is_source(lines: &[&str], from: usize) -> bool {
    lines[from.min(lines.len())..]
        .iter()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| parse_source(l).is_some())
}

/// What a claim turned into.
#[derive(Clone, Copy)]
enum Made {
    Node(usize),
    /// A link to another claim (by its place in `claims`).
    Link(usize),
    Question,
    /// Broken (reported already); relations to it are skipped.
    Nothing,
}

fn build_graph(b: &mut Builder, claims: &[RawClaim], sources: &[RawSource]) {
    let addresses = add_sources(b, sources);
    let by_number = number_claims(b, claims);
    // First pass: make the nodes, so links may point forward.
    let made: Vec<Made> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if by_number.get(c.number.as_str()) == Some(&i) {
                make_claim(b, c, i, &by_number, &addresses)
            } else {
                Made::Nothing
            }
        })
        .collect();
    let resolved = resolve_links(&made);
    for (i, c) in claims.iter().enumerate() {
        if matches!(made[i], Made::Link(_)) && matches!(resolved[i], Made::Nothing) {
            b.error(
                c.pos,
                format!(
                    "claim {}'s link leads only to other links in a loop; link to a written claim",
                    c.number
                ),
            );
        }
    }
    // Second pass: relations, now that every number is known.
    for (i, c) in claims.iter().enumerate() {
        relate_claim(b, c, made[i], &resolved, &by_number);
    }
}

/// Each claim number's place in `claims`; a number written twice is an error.
fn number_claims<'c>(b: &mut Builder, claims: &'c [RawClaim]) -> HashMap<&'c str, usize> {
    let mut by_number: HashMap<&str, usize> = HashMap::with_capacity(claims.len());
    for (i, c) in claims.iter().enumerate() {
        if let Some(&first) = by_number.get(c.number.as_str()) {
            b.error(
                c.pos,
                format!(
                    "claim {} is numbered twice (first on line {}); renumber one of them",
                    c.number, claims[first].pos.line
                ),
            );
        } else {
            by_number.insert(&c.number, i);
        }
    }
    by_number
}

/// Turns one claim into a node, a link, or the question.
fn make_claim(
    b: &mut Builder,
    c: &RawClaim,
    i: usize,
    by_number: &HashMap<&str, usize>,
    addresses: &HashMap<String, (String, String)>,
) -> Made {
    let joined = join_lines(&c.lines);
    if c.marker == Marker::Question {
        if c.number.contains('.') {
            b.error(
                c.pos,
                format!(
                    "claim {} is marked `Question:`, but only the root (`1.`) may be the question",
                    c.number
                ),
            );
            return Made::Nothing;
        }
        b.debate.question = Some(clean_text(&joined).0);
        return Made::Question;
    }
    if let Some(target) = link_target(&joined) {
        match by_number.get(target) {
            Some(&t) if t == i => b.error(
                c.pos,
                format!("claim {} links to itself; link to another claim", c.number),
            ),
            Some(&t) => return Made::Link(t),
            None => b.error(
                c.pos,
                format!(
                    "claim {} links to claim {target}, which is not in the file",
                    c.number
                ),
            ),
        }
        return Made::Nothing;
    }
    let (cleaned, footnotes) = clean_text(&joined);
    if cleaned.is_empty() {
        b.error(
            c.pos,
            format!("claim {} has no text; write it after the number", c.number),
        );
        return Made::Nothing;
    }
    let (title, mut text) = build::title_and_text(&cleaned);
    if let Some(note) = sources_note(b, c, &footnotes, addresses) {
        text = Some(match text {
            Some(t) => format!("{t}\n\n{note}"),
            None => note,
        });
    }
    let fallback = format!("k-{}", c.number.replace('.', "-"));
    Made::Node(b.add_node(title, text, &cleaned, &fallback, c.pos))
}

/// Gives the claim its relation to its parent, or makes it a thesis.
fn relate_claim(
    b: &mut Builder,
    c: &RawClaim,
    made: Made,
    resolved: &[Made],
    by_number: &HashMap<&str, usize>,
) {
    let Some(parent_number) = c.number.rsplit_once('.').map(|(p, _)| p) else {
        root_claim(b, c, made);
        return;
    };
    let Some(&parent) = by_number.get(parent_number) else {
        b.error(
            c.pos,
            format!(
                "claim {} has no parent: there is no claim {parent_number} in the file",
                c.number
            ),
        );
        return;
    };
    let parent_made = resolved[parent];
    let stance = match c.marker {
        Marker::Pro => Relation::Supports,
        Marker::Con => Relation::Attacks,
        Marker::Thesis | Marker::None if matches!(parent_made, Made::Question) => {
            thesis_under_question(b, c, made, None);
            return;
        }
        Marker::Thesis => {
            b.error(c.pos, format!("claim {} is marked `Thesis:`, but theses stand directly under a `Question:` root; mark it `Pro:` or `Con:`", c.number));
            return;
        }
        Marker::Question | Marker::None => return,
    };
    if matches!(parent_made, Made::Question) {
        let warning = format!(
            "claim {} stands directly under the question and is marked `Pro:`/`Con:`; it is read as a thesis",
            c.number
        );
        thesis_under_question(b, c, made, Some(warning));
        return;
    }
    let Made::Node(to) = parent_made else {
        return;
    };
    let from = match made {
        Made::Node(ix) => ix,
        Made::Link(t) => match resolved[t] {
            Made::Node(ix) => ix,
            Made::Question => {
                b.error(
                    c.pos,
                    format!(
                        "claim {} links to the question; only claims can be linked",
                        c.number
                    ),
                );
                return;
            }
            _ => return,
        },
        _ => return,
    };
    b.relate(from, stance, to, c.pos);
}

/// The root claim is the thesis.
fn root_claim(b: &mut Builder, c: &RawClaim, made: Made) {
    if let Made::Node(ix) = made {
        if matches!(c.marker, Marker::Pro | Marker::Con) {
            b.warn(
                c.pos,
                format!(
                    "the root claim {} is marked `Pro:`/`Con:`; it is read as the thesis",
                    c.number
                ),
            );
        }
        b.node_mut(ix).kind = Kind::Thesis;
    } else if let Made::Link(_) = made {
        b.error(
            c.pos,
            "the root claim cannot be a link; write the thesis itself",
        );
    }
}

/// A claim right under the question is a thesis (with `warning`, if any).
fn thesis_under_question(b: &mut Builder, c: &RawClaim, made: Made, warning: Option<String>) {
    match made {
        Made::Node(ix) => {
            if let Some(w) = warning {
                b.warn(c.pos, w);
            }
            b.node_mut(ix).kind = Kind::Thesis;
        }
        Made::Link(_) => b.error(
            c.pos,
            "a thesis under the question cannot be a link; write the thesis itself",
        ),
        _ => {}
    }
}

/// What each claim stands for once links are followed: a link gives what
/// its target gives, and a loop of links gives nothing. Each claim joins a
/// walk once, so chains of any length cost linear time.
fn resolve_links(made: &[Made]) -> Vec<Made> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        OnPath,
        Done,
    }
    let mut out = made.to_vec();
    let mut state = vec![State::New; made.len()];
    let mut path = Vec::new();
    for start in 0..made.len() {
        let mut i = start;
        let end = loop {
            match (state[i], made[i]) {
                (State::Done, _) => break out[i],
                (State::OnPath, _) => break Made::Nothing,
                (State::New, Made::Link(t)) => {
                    state[i] = State::OnPath;
                    path.push(i);
                    i = t;
                }
                (State::New, other) => {
                    state[i] = State::Done;
                    break other;
                }
            }
        };
        for j in path.drain(..) {
            out[j] = end;
            state[j] = State::Done;
        }
    }
    out
}

/// Adds the sources; returns each footnote number's address.
fn add_sources(b: &mut Builder, sources: &[RawSource]) -> HashMap<String, (String, String)> {
    let mut addresses = HashMap::new();
    for s in sources {
        if addresses.contains_key(&s.number) {
            b.warn(
                s.pos,
                format!(
                    "source [{}] is listed twice; the first entry is kept",
                    s.number
                ),
            );
            continue;
        }
        let id = format!("source-{}", s.number);
        let looks_like_address = s.address.contains("://") || s.address.starts_with("www.");
        // A footnote may be longer than a title may be: the title is then
        // its start, and the whole footnote is kept as the url or note.
        let title = short_title(&s.address);
        let whole = (title != s.address || looks_like_address).then(|| s.address.clone());
        let (url, note) = if looks_like_address {
            (whole, None)
        } else {
            (None, whole)
        };
        b.add_source(
            Source {
                id: id.clone(),
                title,
                outlet: None,
                author: None,
                date: None,
                url,
                note,
            },
            s.pos,
        );
        addresses.insert(s.number.clone(), (id, s.address.clone()));
    }
    addresses
}

/// A footnote as a source title: whole when it fits, else its first
/// characters and `…`.
fn short_title(address: &str) -> String {
    const KEEP: usize = 200;
    if address.chars().count() <= crate::graph::MAX_TITLE_CHARS {
        return address.to_string();
    }
    let mut title: String = address.chars().take(KEEP).collect();
    title.push('…');
    title
}

/// `Sources: [1] ADDRESS; [2] ADDRESS` for the footnotes a claim cites.
fn sources_note(
    b: &mut Builder,
    c: &RawClaim,
    footnotes: &[&str],
    addresses: &HashMap<String, (String, String)>,
) -> Option<String> {
    let mut cited = Vec::new();
    for &n in footnotes {
        match addresses.get(n) {
            // Each footnote comes once: no entry repeats.
            Some((_, address)) => cited.push(format!("[{n}] {address}")),
            None => b.warn(
                c.pos,
                format!(
                    "claim {} cites footnote [{n}], which the `Sources:` list does not have",
                    c.number
                ),
            ),
        }
    }
    (!cited.is_empty()).then(|| format!("Sources: {}", cited.join("; ")))
}

/// The claim's lines as one text: lines joined, runs of blank lines
/// reduced to one paragraph break.
fn join_lines(lines: &[String]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// The number in `-> See 1.2.3.`, when that is the claim's whole text.
fn link_target(text: &str) -> Option<&str> {
    let rest = text
        .trim()
        .strip_prefix("->")?
        .trim_start()
        .strip_prefix("See")?;
    let number = rest.trim().trim_end_matches('.');
    let valid = !number.is_empty()
        && number
            .split('.')
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
    valid.then_some(number)
}

/// Unescapes Kialo's Markdown escapes, writes links `[text](url)` as
/// `text (url)`, and collects the footnote numbers `[n]` the text cites,
/// each once, in the order first cited (a claim citing `[1]` a million
/// times kept a million copies, and warned about each).
fn clean_text(raw: &str) -> (String, Vec<&str>) {
    let mut out = String::with_capacity(raw.len());
    let mut footnotes = Footnotes::default();
    let mut closers = Closers::default();
    let mut at = 0;
    while let Some(c) = raw[at..].chars().next() {
        if c == '\\' {
            match raw[at + 1..].chars().next() {
                Some(next) if next.is_ascii_punctuation() => {
                    out.push(next);
                    at += 1 + next.len_utf8();
                }
                _ => {
                    out.push('\\');
                    at += 1;
                }
            }
            continue;
        }
        if c == '['
            && let Some((end, piece)) = bracket(raw, at, &mut closers, &mut footnotes)
        {
            out.push_str(&piece);
            at = end;
            continue;
        }
        out.push(c);
        at += c.len_utf8();
    }
    (out.trim().to_string(), footnotes.order)
}

/// The footnotes a text cites, each once.
#[derive(Default)]
struct Footnotes<'a> {
    order: Vec<&'a str>,
    seen: rustc_hash::FxHashSet<&'a str>,
}

impl<'a> Footnotes<'a> {
    fn cite(&mut self, number: &'a str) {
        if self.seen.insert(number) {
            self.order.push(number);
        }
    }
}

/// The next unescaped `]` and `)` on the line, remembered between searches so
/// that a run of `[` (or of `[x](`) is read in linear time: each search
/// starts where the text is not escaped, so the answer found from an earlier
/// place holds for every later place up to it.
#[derive(Default)]
struct Closers {
    bracket: Option<Found>,
    paren: Option<Found>,
}

/// A search's answer: the closer at `at`, or none before `at` (a line break
/// or the end of the text).
#[derive(Clone, Copy)]
struct Found {
    at: usize,
    found: bool,
}

impl Closers {
    fn next(&mut self, s: &str, from: usize, want: char) -> Option<usize> {
        let slot = if want == ']' {
            &mut self.bracket
        } else {
            &mut self.paren
        };
        let hit = match *slot {
            Some(f) if from <= f.at => f,
            _ => {
                let f = match find_unescaped(s, from, want) {
                    Some(at) => Found { at, found: true },
                    None => Found {
                        at: s[from..].find('\n').map_or(s.len(), |i| from + i),
                        found: false,
                    },
                };
                *slot = Some(f);
                f
            }
        };
        hit.found.then_some(hit.at)
    }
}

/// A `[n]` footnote (kept as written) or a `[text](url)` link at byte
/// `open` of `s`; returns where it ends and what to write.
fn bracket<'a>(
    s: &'a str,
    open: usize,
    closers: &mut Closers,
    footnotes: &mut Footnotes<'a>,
) -> Option<(usize, String)> {
    let close = closers.next(s, open + 1, ']')?;
    let inner = &s[open + 1..close];
    if s[close + 1..].starts_with('(') {
        let end = closers.next(s, close + 2, ')')?;
        let url = &s[close + 2..end];
        return Some((end + 1, format!("{} ({})", unescape(inner), unescape(url))));
    }
    if !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit()) {
        footnotes.cite(inner);
        return Some((close + 1, format!("[{inner}]")));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_by_number_and_marker() {
        let (n, m, rest, col) = parse_header("    1.1.2. Con: text", false).unwrap();
        assert_eq!(
            (n.as_str(), m, rest.trim(), col),
            ("1.1.2", Marker::Con, "text", 4)
        );
        assert!(parse_header("1.1. no marker", false).is_none());
        assert_eq!(parse_header("1. Root", true).unwrap().1, Marker::None);
        assert!(parse_header("1. Root", false).is_none());
        assert!(parse_header("1.5kg of flour", true).is_none());
        assert!(parse_header("2020 was a year", true).is_none());
    }

    #[test]
    fn text_is_unescaped_and_links_spelled_out() {
        let (t, f) =
            clean_text(r"A \(b\) \*c\* \[d\] \_e [site](https://x.org/a\_b) cites [2] and [10].");
        assert_eq!(
            t,
            "A (b) *c* [d] _e site (https://x.org/a_b) cites [2] and [10]."
        );
        assert_eq!(f, vec!["2".to_string(), "10".to_string()]);
        let (t, f) = clean_text("unclosed [3 and [x]");
        assert_eq!(t, "unclosed [3 and [x]");
        assert!(f.is_empty());
    }

    #[test]
    fn links_are_recognised_only_as_the_whole_text() {
        assert_eq!(link_target("-> See 1.2.3."), Some("1.2.3"));
        assert_eq!(link_target("->See 1.4"), Some("1.4"));
        assert_eq!(link_target("-> See the report"), None);
        assert_eq!(link_target("Prices rise -> See 1.2."), None);
    }
}
