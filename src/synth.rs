//! Synthetic debates of any size, for tests, benchmarks and stress runs.
//!
//! The output is valid (no errors from [`crate::graph::validate`]) and has a
//! realistic shape: a few theses, claims for and against them, evidence
//! quoting sources, rebuttals, tags from a small vocabulary, supports forming
//! a DAG toward the theses and a few attack cycles. The same seed always
//! gives the same debate, on every platform: the generator is a tiny
//! splitmix64, not a dependency whose stream might change between versions.

use crate::graph::{Basis, DebateFile, Kind, Node, Source};

/// splitmix64: tiny, fast and good enough to shape test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0). The slight modulo bias does not matter here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The words titles and text are made of. A handful are not ASCII so that
/// every run exercises multi-byte text.
const WORDS: &[&str] = &[
    "army",
    "morale",
    "supply",
    "winter",
    "front",
    "soldiers",
    "officers",
    "retreat",
    "advance",
    "bridge",
    "river",
    "city",
    "siege",
    "harbour",
    "fleet",
    "convoy",
    "railway",
    "factory",
    "workers",
    "strike",
    "bread",
    "ration",
    "famine",
    "harvest",
    "price",
    "market",
    "trade",
    "treaty",
    "alliance",
    "envoy",
    "cabinet",
    "minister",
    "parliament",
    "election",
    "vote",
    "press",
    "censor",
    "rumour",
    "letter",
    "diary",
    "report",
    "memo",
    "order",
    "command",
    "general",
    "colonel",
    "captain",
    "sergeant",
    "recruit",
    "deserter",
    "prisoner",
    "hospital",
    "nurse",
    "doctor",
    "wound",
    "fever",
    "typhus",
    "cholera",
    "weather",
    "mud",
    "snow",
    "rain",
    "forest",
    "mountain",
    "valley",
    "coast",
    "island",
    "border",
    "province",
    "capital",
    "village",
    "farm",
    "church",
    "school",
    "university",
    "museum",
    "archive",
    "library",
    "record",
    "ledger",
    "census",
    "survey",
    "estimate",
    "figure",
    "count",
    "total",
    "share",
    "majority",
    "minority",
    "rise",
    "fall",
    "collapse",
    "recovery",
    "growth",
    "decline",
    "surrender",
    "victory",
    "defeat",
    "stalemate",
    "offensive",
    "defence",
    "artillery",
    "cavalry",
    "infantry",
    "engineers",
    "signals",
    "telegraph",
    "radio",
    "wireless",
    "cipher",
    "spy",
    "agent",
    "informant",
    "witness",
    "testimony",
    "account",
    "memoir",
    "history",
    "historian",
    "scholar",
    "critic",
    "reviewer",
    "editor",
    "journal",
    "newspaper",
    "pamphlet",
    "poster",
    "speech",
    "crowd",
    "protest",
    "riot",
    "mutiny",
    "loyalty",
    "discipline",
    "fear",
    "hope",
    "hunger",
    "cold",
    "fatigue",
    "courage",
    "panic",
    "contagious",
    "sudden",
    "gradual",
    "early",
    "late",
    "long",
    "short",
    "heavy",
    "light",
    "many",
    "few",
    "most",
    "some",
    "every",
    "never",
    "often",
    "rarely",
    "clearly",
    "barely",
    "largely",
    "mostly",
    "widely",
    "deeply",
    "because",
    "although",
    "therefore",
    "despite",
    "during",
    "after",
    "before",
    "within",
    "without",
    "against",
    "toward",
    "across",
    "between",
    "among",
    "under",
    "over",
    "through",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "was",
    "were",
    "had",
    "not",
    "that",
    "which",
    "Zürich",
    "Genève",
    "café",
    "naïve",
    "résumé",
    "Kraków",
    "Łódź",
    "São Paulo",
];

const TAGS: &[&str] = &[
    "morale",
    "logistics",
    "economy",
    "politics",
    "medicine",
    "weather",
    "intelligence",
    "diplomacy",
    "propaganda",
    "labour",
    "navy",
    "air",
    "casualties",
    "civilians",
    "sources",
    "statistics",
    "memoirs",
    "press",
    "law",
    "technology",
];

const FIRST_NAMES: &[&str] = &[
    "Anna", "Boris", "Clara", "David", "Elena", "Frank", "Greta", "Hans", "Irene", "Jonas",
    "Karin", "Lukas", "Marta", "Niels", "Olga", "Pavel", "Rosa", "Stefan", "Tomás", "Ülla",
];

const LAST_NAMES: &[&str] = &[
    "Adler",
    "Becker",
    "Costa",
    "Dvořák",
    "Engel",
    "Fischer",
    "García",
    "Hoffmann",
    "Ivanova",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Olsen",
    "Petrov",
    "Quinn",
    "Rossi",
    "Schmidt",
    "Tanaka",
];

const OUTLETS: &[&str] = &[
    "The Times",
    "Journal of Modern History",
    "War Office",
    "Le Monde",
    "Neue Zürcher Zeitung",
    "Imperial Archive",
];

const BASES: [Basis; 6] = [
    Basis::Testimony,
    Basis::Statistic,
    Basis::ExpertOpinion,
    Basis::HistoricalPrecedent,
    Basis::OfficialStatement,
    Basis::Report,
];

/// Words joined until the text is at least `chars` long, as sentences.
fn prose(rng: &mut Rng, chars: usize) -> String {
    let mut out = String::with_capacity(chars + 16);
    let mut sentence_start = true;
    while out.chars().count() < chars {
        let word = *rng.pick(WORDS);
        if !out.is_empty() {
            out.push(' ');
        }
        if sentence_start {
            capitalize_into(&mut out, word);
            sentence_start = false;
        } else {
            out.push_str(word);
        }
        if rng.chance(8) {
            out.push('.');
            sentence_start = true;
        }
    }
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// A one-line title of about `chars` characters, capitalised, no full stop.
fn headline(rng: &mut Rng, chars: usize) -> String {
    let mut out = String::with_capacity(chars + 16);
    while out.chars().count() < chars {
        let word = *rng.pick(WORDS);
        if out.is_empty() {
            capitalize_into(&mut out, word);
        } else {
            out.push(' ');
            out.push_str(word);
        }
    }
    out
}

fn capitalize_into(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
}

/// A unique, readable slug: the title's first words and the node number.
fn slug(title: &str, n: usize) -> String {
    let mut out = String::new();
    for word in title.split_whitespace().take(3) {
        for c in word.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            }
        }
        out.push('-');
    }
    out.push_str(&n.to_string());
    out
}

fn tags(rng: &mut Rng) -> Vec<String> {
    let count = rng.below(4);
    let mut out: Vec<String> = Vec::with_capacity(count);
    for _ in 0..count {
        let tag = *rng.pick(TAGS);
        if !out.iter().any(|t| t == tag) {
            out.push(tag.to_string());
        }
    }
    out
}

/// A valid synthetic debate of `nodes` nodes (at least one), the same for
/// the same seed.
pub fn debate(nodes: usize, seed: u64) -> DebateFile {
    let n = nodes.max(1);
    let mut rng = Rng::new(seed);
    let source_count = (n / 50).max(1);
    let sources = sources(&mut rng, source_count);

    let theses = 1 + rng.below(3).min(n - 1);
    let mut out: Vec<Node> = Vec::with_capacity(n);
    let mut roles = Roles::default();
    for i in 0..n {
        let kind = if i < theses {
            Kind::Thesis
        } else if roles.arguable.is_empty() {
            // Something must exist for evidence and rebuttals to speak to.
            Kind::Claim
        } else {
            match rng.below(100) {
                0..=44 => Kind::Claim,
                45..=74 => Kind::Evidence,
                _ => Kind::Rebuttal,
            }
        };
        let title = {
            let len = 55 + rng.below(10);
            headline(&mut rng, len)
        };
        let mut node = Node::new(slug(&title, i), kind, title);
        node.tags = tags(&mut rng);
        match kind {
            Kind::Thesis => {
                node.text = Some(prose_of(&mut rng, 280, 40));
                roles.thesis.push(i);
            }
            Kind::Claim => claim(&mut rng, &mut node, &out, &roles),
            Kind::Evidence => evidence(&mut rng, &mut node, &out, &roles, source_count),
            Kind::Rebuttal => rebuttal(&mut rng, &mut node, &mut out, &roles),
        }
        if kind != Kind::Thesis {
            roles.non_thesis.push(i);
        }
        if matches!(kind, Kind::Claim | Kind::Rebuttal) {
            roles.arguable.push(i);
        }
        out.push(node);
    }

    DebateFile {
        title: format!("Synthetic debate of {n} nodes (seed {seed})"),
        description: Some("Generated for tests and benchmarks.".into()),
        question: if theses > 1 {
            Some("Which of these positions holds?".into())
        } else {
            None
        },
        sources,
        nodes: out,
        tours: Vec::new(),
    }
}

/// The nodes made so far, by role, so that targets are picked in O(1).
#[derive(Default)]
struct Roles {
    thesis: Vec<usize>,
    /// Claims and rebuttals: what evidence and rebuttals answer.
    arguable: Vec<usize>,
    non_thesis: Vec<usize>,
}

fn sources(rng: &mut Rng, count: usize) -> Vec<Source> {
    (0..count)
        .map(|i| Source {
            id: format!("source-{i}"),
            title: headline(rng, 45),
            outlet: Some(rng.pick(OUTLETS).to_string()),
            author: Some(format!(
                "{} {}",
                rng.pick(FIRST_NAMES),
                rng.pick(LAST_NAMES)
            )),
            date: Some(format!("19{:02}", 10 + rng.below(40))),
            url: None,
            note: None,
        })
        .collect()
}

/// Prose of `min` to `min + spread - 1` characters.
fn prose_of(rng: &mut Rng, min: usize, spread: usize) -> String {
    let len = min + rng.below(spread);
    prose(rng, len)
}

fn claim(rng: &mut Rng, node: &mut Node, out: &[Node], roles: &Roles) {
    node.text = Some(prose_of(rng, 280, 40));
    // Mostly toward a thesis or another claim; all targets are
    // earlier nodes, so supports can never close a cycle.
    let target = if rng.chance(40) || roles.arguable.is_empty() {
        *rng.pick(&roles.thesis)
    } else {
        *rng.pick(&roles.arguable)
    };
    let id = out[target].id.clone();
    if rng.chance(65) {
        node.supports.push(id);
    } else {
        node.attacks.push(id);
    }
    // Now and then a second, different point supported.
    if rng.chance(15) {
        let second = *rng.pick(&roles.thesis);
        let id = out[second].id.clone();
        if !node.supports.contains(&id) && !node.attacks.contains(&id) {
            node.supports.push(id);
        }
    }
}

fn evidence(rng: &mut Rng, node: &mut Node, out: &[Node], roles: &Roles, source_count: usize) {
    if rng.chance(30) {
        node.text = Some(prose_of(rng, 120, 60));
    }
    node.quote = Some(prose_of(rng, 130, 40));
    node.source = Some(format!("source-{}", rng.below(source_count)));
    node.locator = Some(format!("p. {}", 1 + rng.below(400)));
    node.basis = Some(*rng.pick(&BASES));
    let target = out[*rng.pick(&roles.arguable)].id.clone();
    if rng.chance(85) {
        node.supports.push(target);
    } else {
        node.attacks.push(target);
    }
}

fn rebuttal(rng: &mut Rng, node: &mut Node, out: &mut [Node], roles: &Roles) {
    node.text = Some(prose_of(rng, 200, 120));
    let target = *rng.pick(&roles.non_thesis);
    node.attacks.push(out[target].id.clone());
    // A few attack cycles: the point answered answers back.
    if rng.chance(3) {
        let back = node.id.clone();
        out[target].attacks.push(back);
    }
}

/// The debate in the RON format, as a person would write it: struct names,
/// plain optional fields, one field per line.
pub fn to_ron(file: &DebateFile) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("  ")
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    // Serialising plain data (strings, enums, vectors) cannot fail.
    ron::ser::to_string_pretty(file, config).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::validate;

    #[test]
    fn same_seed_same_debate_other_seed_other_debate() {
        assert_eq!(debate(200, 7), debate(200, 7));
        assert_ne!(debate(200, 7), debate(200, 8));
    }

    #[test]
    fn output_validates_without_errors_or_warnings() {
        for (n, seed) in [(1, 1), (2, 2), (5, 3), (60, 4), (1500, 5)] {
            let d = debate(n, seed);
            assert_eq!(d.nodes.len(), n);
            let problems = validate(&d);
            assert!(
                problems.is_empty(),
                "n={n}: {:?}",
                &problems[..problems.len().min(3)]
            );
        }
    }

    #[test]
    fn shape_is_realistic() {
        let d = debate(5000, 11);
        let count = |k| d.nodes.iter().filter(|n| n.kind == k).count();
        let theses = count(Kind::Thesis);
        assert!((1..=3).contains(&theses));
        let evidence = count(Kind::Evidence) as f64 / 5000.0;
        assert!((0.2..0.4).contains(&evidence), "evidence share {evidence}");
        assert!(count(Kind::Rebuttal) > 0);
        assert_eq!(d.sources.len(), 100);
        let mean_title = d
            .nodes
            .iter()
            .map(|n| n.title.chars().count())
            .sum::<usize>() as f64
            / 5000.0;
        assert!((50.0..75.0).contains(&mean_title), "{mean_title}");
        // Some node attacks one that attacks it back.
        let ids: std::collections::HashMap<&str, &Node> =
            d.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
        let cycle = d.nodes.iter().any(|n| {
            n.attacks
                .iter()
                .any(|t| ids[t.as_str()].attacks.contains(&n.id))
        });
        assert!(cycle, "no attack cycle");
    }
}
