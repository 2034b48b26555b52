//! The search box's little language: filters (`kind:`, `side:`, `tag:`)
//! mixed freely with the words to look for, which follow fzf's syntax:
//! every word must match, in any order; `'word` is exact, `^word` and
//! `word$` are anchored, `!word` excludes.

use super::matching::Anchor;
use crate::graph::{Kind, Side};

/// The filter syntax, as the help overlay shows it: (syntax, meaning).
pub const FILTER_HELP: &[(&str, &str)] = &[
    (
        "words",
        "all must match, in any order: fuzzy in titles, tags and sources; substring in text and quotes",
    ),
    ("'word", "exact: the word as typed, in any field"),
    ("^word  word$", "a field that starts or ends with the word"),
    ("!word", "only nodes without the word in any field"),
    (
        "kind:evidence  k:ev",
        "only nodes of that kind (thesis, claim, evidence, rebuttal; any prefix)",
    ),
    (
        "side:for  s:pro",
        "only nodes speaking for the thesis (for, pro, +)",
    ),
    (
        "side:against  s:con",
        "only nodes speaking against it (against, con, -)",
    ),
    (
        "tag:morale  #morale",
        "only nodes with that tag (several tags: all of them)",
    ),
    (
        "Capital letters",
        "make the search case-sensitive; all lowercase ignores case",
    ),
    ("k:claim k:ev", "the same filter twice: either value"),
];

/// How one word of the query matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The word without its `'`, `^`, `$` or `!` marks.
    pub text: String,
    /// Fuzzy (`None`) or exact, standing where the anchor says.
    pub exact: Option<Anchor>,
    /// `!word`: nodes matching it are left out.
    pub negated: bool,
}

impl Term {
    /// One word as typed; `None` for a word of marks alone ("'", "^", "!").
    pub fn parse(word: &str) -> Option<Term> {
        let (negated, rest) = match word.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, word),
        };
        let (quoted, rest) = match rest.strip_prefix('\'') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let (start, rest) = match rest.strip_prefix('^') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let (end, rest) = match rest.strip_suffix('$') {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, rest),
        };
        if rest.is_empty() {
            return None;
        }
        let exact = match (start, end) {
            (true, true) => Some(Anchor::Whole),
            (true, false) => Some(Anchor::Start),
            (false, true) => Some(Anchor::End),
            // As in fzf, an excluded word is matched exactly.
            (false, false) => (quoted || negated).then_some(Anchor::Anywhere),
        };
        Some(Term {
            text: rest.to_string(),
            exact,
            negated,
        })
    }
}

/// A parsed query: the filters, and the text left to match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Any of these kinds (empty: every kind).
    pub kinds: Vec<Kind>,
    /// Any of these sides (empty: every side).
    pub sides: Vec<Side>,
    /// All of these tags, compared without regard to case.
    pub tags: Vec<String>,
    /// The words to match, filters removed, single-spaced.
    pub text: String,
    /// Those words, parsed.
    pub terms: Vec<Term>,
    /// Filters that could not be understood, as messages for the user. A
    /// query with errors matches nothing rather than silently ignoring them.
    pub errors: Vec<String>,
}

impl Query {
    /// Parses the search box. Never fails: problems land in `errors`.
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        let mut words: Vec<&str> = Vec::new();
        for token in input.split_whitespace() {
            if let Some(tag) = token.strip_prefix('#') {
                if !tag.is_empty() {
                    q.add_tag(tag);
                }
                continue;
            }
            let Some((name, value)) = token.split_once(':') else {
                words.push(token);
                continue;
            };
            match name.to_lowercase().as_str() {
                "kind" | "k" => q.add_kind(value),
                "side" | "s" => q.add_side(value),
                "tag" | "t" => {
                    if !value.is_empty() {
                        q.add_tag(value)
                    }
                }
                // Not a filter ("http://…", "note:"): plain words.
                _ => words.push(token),
            }
        }
        q.text = words.join(" ");
        q.terms = words.into_iter().filter_map(Term::parse).collect();
        q
    }

    /// True when no word is there to rank by: only filters (or nothing at
    /// all), or only words that exclude.
    pub fn is_empty_text(&self) -> bool {
        self.terms.iter().all(|t| t.negated)
    }

    /// Smart case: any uppercase letter makes the search case-sensitive.
    pub fn case_sensitive(&self) -> bool {
        self.text.chars().any(char::is_uppercase)
    }

    /// Whether every node matching `self` also matches `longer`, a query
    /// typed on from it (same filters). Adding chars only makes fuzzy,
    /// exact and prefix words stricter; it can loosen an excluded word, and
    /// turns a suffix word into a fuzzy one ("ab$" to "ab$c").
    pub fn narrows_to(&self, longer: &Query) -> bool {
        self.same_filters(longer)
            && longer.text.starts_with(&self.text)
            && !self.text.contains(['!', '$'])
    }

    /// The filters alone, to tell whether two queries search the same set.
    pub fn same_filters(&self, other: &Query) -> bool {
        self.kinds == other.kinds
            && self.sides == other.sides
            && self.tags == other.tags
            && self.errors == other.errors
    }

    fn add_kind(&mut self, value: &str) {
        // An empty value is a filter still being typed: ignore it for now.
        if value.is_empty() {
            return;
        }
        let lower = value.to_lowercase();
        let found: Vec<Kind> = Kind::ALL
            .into_iter()
            .filter(|k| k.name().starts_with(&lower))
            .collect();
        match found.as_slice() {
            [k] => push_unique(&mut self.kinds, *k),
            [] => self.errors.push(format!(
                "unknown kind \"{value}\"; use thesis, claim, evidence or rebuttal"
            )),
            // No kind names share a first letter, so this cannot happen
            // today; stay honest if one is ever added.
            _ => self
                .errors
                .push(format!("kind \"{value}\" is ambiguous; type more letters")),
        }
    }

    fn add_side(&mut self, value: &str) {
        if value.is_empty() {
            return;
        }
        let side = match value.to_lowercase().as_str() {
            "for" | "pro" | "+" => Side::For,
            "against" | "con" | "-" => Side::Against,
            "thesis" => Side::Thesis,
            "none" => Side::None,
            _ => {
                self.errors.push(format!(
                    "unknown side \"{value}\"; use for (pro, +), against (con, -), thesis or none"
                ));
                return;
            }
        };
        push_unique(&mut self.sides, side);
    }

    fn add_tag(&mut self, value: &str) {
        let lower = value.to_lowercase();
        if !self.tags.contains(&lower) {
            self.tags.push(lower);
        }
    }
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_taken_out_of_the_text() {
        let q = Query::parse("  k:ev  morale  side:con #Press collapse ");
        assert_eq!(q.kinds, vec![Kind::Evidence]);
        assert_eq!(q.sides, vec![Side::Against]);
        assert_eq!(q.tags, vec!["press".to_string()]);
        assert_eq!(q.text, "morale collapse");
        assert!(q.errors.is_empty());
    }

    #[test]
    fn long_and_short_names_agree() {
        assert_eq!(
            Query::parse("kind:evidence side:for tag:x").kinds,
            Query::parse("k:e s:pro #x").kinds
        );
        assert_eq!(Query::parse("s:pro").sides, Query::parse("side:FOR").sides);
        assert_eq!(Query::parse("s:-").sides, vec![Side::Against]);
        assert_eq!(
            Query::parse("k:claim k:reb").kinds,
            vec![Kind::Claim, Kind::Rebuttal]
        );
    }

    #[test]
    fn bad_values_are_errors_and_unfinished_ones_are_ignored() {
        assert_eq!(Query::parse("k:zebra").errors.len(), 1);
        assert_eq!(Query::parse("side:maybe").errors.len(), 1);
        let typing = Query::parse("morale k:");
        assert!(typing.errors.is_empty() && typing.kinds.is_empty());
        assert_eq!(typing.text, "morale");
        assert!(Query::parse("#").tags.is_empty());
    }

    #[test]
    fn unknown_prefixes_stay_words() {
        let q = Query::parse("http://example.org note:x");
        assert_eq!(q.text, "http://example.org note:x");
    }

    #[test]
    fn fzf_words() {
        let q = Query::parse("renewable 'exact ^start end$ ^whole$ !not k:ev");
        let t: Vec<(&str, Option<Anchor>, bool)> = q
            .terms
            .iter()
            .map(|t| (t.text.as_str(), t.exact, t.negated))
            .collect();
        assert_eq!(
            t,
            vec![
                ("renewable", None, false),
                ("exact", Some(Anchor::Anywhere), false),
                ("start", Some(Anchor::Start), false),
                ("end", Some(Anchor::End), false),
                ("whole", Some(Anchor::Whole), false),
                ("not", Some(Anchor::Anywhere), true),
            ]
        );
        // Marks alone are words still being typed.
        assert!(
            Query::parse("' ^ ! !' $")
                .terms
                .iter()
                .all(|t| t.text == "$")
        );
        assert!(Query::parse("!gone").is_empty_text());
        assert!(!Query::parse("!gone here").is_empty_text());
    }

    #[test]
    fn narrowing_only_where_typing_on_is_stricter() {
        let narrows = |a: &str, b: &str| Query::parse(a).narrows_to(&Query::parse(b));
        assert!(narrows("mor", "mora"));
        assert!(narrows("mor", "mor win"));
        assert!(narrows("^mor", "^mora"));
        assert!(!narrows("!mor", "!mora"));
        assert!(!narrows("ab$", "ab$c"));
        assert!(!narrows("mor k:ev", "mora"));
    }

    #[test]
    fn smart_case() {
        assert!(!Query::parse("zürich").case_sensitive());
        assert!(Query::parse("Zürich").case_sensitive());
        assert!(Query::parse("zÜrich").case_sensitive());
        // Uppercase in a filter does not count.
        assert!(!Query::parse("K:EV morale").case_sensitive());
    }
}
