//! Argdown's own parser (`@argdown/cli` 1.x) as the reference for agon's
//! Argdown reader and writer, and the mapping under which the two are
//! compared (documented in `data/FORMATS.md`):
//! - each equivalence class of statements is one agon node with its title
//!   (an anonymous one, which Argdown calls `Untitled N`, is titled by its
//!   text), and each argument is one node with its title;
//! - `support` is supports; `attack` and `undercut` are attacks;
//!   `contradictory` is attacks both ways;
//! - in a premise–conclusion structure, the premises (and the conclusion
//!   before them) support each conclusion, and the argument supports its
//!   main conclusion;
//! - the tags of each class and argument are the node's tags.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use agon::graph::{Graph, NodeIx, Relation};
use serde_json::Value;

/// The `argdown` command: the project's pinned install, else one on PATH.
/// Missing, a test skips, saying so, except in CI (`CI=true`), where the
/// reference must run.
pub fn argdown(test: &str) -> Option<PathBuf> {
    let local =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/argdown/node_modules/.bin/argdown");
    let found = if local.exists() {
        Some(local)
    } else {
        Command::new("argdown")
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|_| PathBuf::from("argdown"))
    };
    if found.is_none() {
        let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !in_ci,
            "{test}: the Argdown reference parser is missing; `npm ci --prefix tests/argdown` installs it"
        );
        eprintln!(
            "{test}: skipped, the Argdown reference parser is not installed (npm ci --prefix tests/argdown)"
        );
    }
    found
}

/// Runs `argdown json` once over the named texts; gives each name's JSON,
/// or `None` where the reference refused the text as invalid Argdown.
pub fn run(argdown: &Path, texts: &[(String, String)]) -> BTreeMap<String, Option<Value>> {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    let output = dir.path().join("out");
    std::fs::create_dir_all(&input).expect("input dir");
    for (name, text) in texts {
        std::fs::write(input.join(format!("{name}.argdown")), text).expect("write input");
    }
    let glob = format!("{}/*.argdown", input.display());
    let run = Command::new(argdown)
        .args(["json", &glob])
        .arg(&output)
        .output()
        .expect("argdown runs");
    let log =
        String::from_utf8_lossy(&run.stdout).to_string() + &String::from_utf8_lossy(&run.stderr);
    texts
        .iter()
        .map(|(name, _)| {
            let json = std::fs::read_to_string(output.join(format!("{name}.json"))).ok();
            let value = json.map(|j| {
                serde_json::from_str(&j).unwrap_or_else(|e| panic!("{name}: reference JSON: {e}"))
            });
            if value.is_none() {
                assert!(
                    log.contains(&format!("{name}.argdown")),
                    "{name}: the reference wrote no JSON and gave no reason:\n{log}"
                );
            }
            (name.clone(), value)
        })
        .collect()
}

/// What both sides must agree on.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Shape {
    /// Node keys, each with how many nodes have it.
    pub nodes: BTreeMap<String, usize>,
    pub relations: BTreeSet<(String, &'static str, String)>,
    /// Tags of each node key that has any.
    pub tags: BTreeMap<String, BTreeSet<String>>,
}

impl Shape {
    /// The differences, one line each, `-` for the reference's side and
    /// `+` for agon's.
    pub fn diff(&self, agon: &Shape) -> Vec<String> {
        let mut out = Vec::new();
        let keys: BTreeSet<&String> = self.nodes.keys().chain(agon.nodes.keys()).collect();
        for k in keys {
            let (r, a) = (self.nodes.get(k), agon.nodes.get(k));
            if r != a {
                out.push(format!("node {k:?}: reference {r:?}, agon {a:?}"));
            }
        }
        for r in self.relations.difference(&agon.relations) {
            out.push(format!("- {r:?}"));
        }
        for r in agon.relations.difference(&self.relations) {
            out.push(format!("+ {r:?}"));
        }
        if self.tags != agon.tags {
            out.push(format!(
                "tags: reference {:?}, agon {:?}",
                self.tags, agon.tags
            ));
        }
        out
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A key without Markdown: the reference gives statement texts rendered
/// (`[text](url)` as `text`, no `*` or `_` emphasis), agon keeps them as
/// written, so both sides are compared without it.
fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|close| {
            let url = &after[close + 2..];
            url.find(')').map(|end| (close, close + 2 + end + 1))
        });
        match link {
            Some((close, end)) => {
                out.push_str(&after[..close]);
                rest = &after[end..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    squash(&out.replace(['*', '_'], ""))
}

fn is_untitled(title: &str) -> bool {
    title
        .strip_prefix("Untitled ")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A statement's text as agon titles an anonymous statement: tags out.
fn text_without_tags(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('#') {
        let at_word = i == 0 || rest[..i].ends_with(char::is_whitespace);
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if !at_word {
            out.push('#');
            rest = after;
        } else if let Some(inner) = after.strip_prefix('(') {
            rest = inner.find(')').map_or("", |c| &inner[c + 1..]);
        } else {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            if end == 0 {
                out.push('#');
            }
            rest = &after[end..];
        }
    }
    out.push_str(rest);
    squash(&out)
}

/// The reference's graph under the mapping above.
pub fn shape_of_json(v: &Value) -> Shape {
    let mut shape = Shape::default();
    let mut key_of: BTreeMap<(bool, String), String> = BTreeMap::new();
    let empty = serde_json::Map::new();
    let statements = v["statements"].as_object().unwrap_or(&empty);
    let arguments = v["arguments"].as_object().unwrap_or(&empty);
    for (title, ec) in statements {
        let text = ec["members"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| m["text"].as_str())
            .find(|t| !t.trim().is_empty())
            .map(text_without_tags);
        let key = match text {
            // `[Untitled 1]` written as a title, with no text, is a title.
            Some(text) if is_untitled(title) => plain(&text),
            // The rule agon's side follows (`key_of`): a title cut from
            // its own text stands for the whole text.
            Some(text) if agon::formats::title_and_text(&text).0 == squash(title) => plain(&text),
            _ => plain(title),
        };
        key_of.insert((false, title.clone()), key.clone());
        note_node(&mut shape, key, &ec["tags"]);
    }
    for (title, arg) in arguments {
        key_of.insert((true, title.clone()), plain(title));
        note_node(&mut shape, plain(title), &arg["tags"]);
    }
    let key = |kind: &Value, title: &Value| -> String {
        let title = title.as_str().unwrap_or_default().to_string();
        let argument = kind.as_str() == Some("argument");
        key_of
            .get(&(argument, title.clone()))
            .cloned()
            .unwrap_or(title)
    };
    for r in v["relations"].as_array().into_iter().flatten() {
        let from = key(&r["fromType"], &r["from"]);
        let to = key(&r["toType"], &r["to"]);
        match r["relationType"].as_str().unwrap_or_default() {
            "support" | "entails" => shape.relations.insert((from, "supports", to)),
            "attack" | "undercut" | "contrary" => shape.relations.insert((from, "attacks", to)),
            "contradictory" => {
                shape
                    .relations
                    .insert((to.clone(), "attacks", from.clone()));
                shape.relations.insert((from, "attacks", to))
            }
            other => shape.relations.insert((from, other.to_string().leak(), to)),
        };
    }
    for (title, arg) in arguments {
        pcs_relations(&mut shape, &plain(title), &arg["pcs"], &|t| {
            key(&Value::from("statement"), &Value::from(t))
        });
    }
    shape
}

fn note_node(shape: &mut Shape, key: String, tags: &Value) {
    let tags: BTreeSet<String> = tags
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| t.as_str().map(squash))
        .collect();
    if !tags.is_empty() {
        shape.tags.entry(key.clone()).or_default().extend(tags);
    }
    *shape.nodes.entry(key).or_default() += 1;
}

/// Premises support each conclusion; the argument supports the last.
fn pcs_relations(shape: &mut Shape, argument: &str, pcs: &Value, key: &dyn Fn(&str) -> String) {
    let mut pending: Vec<String> = Vec::new();
    for s in pcs.as_array().into_iter().flatten() {
        let k = key(s["title"].as_str().unwrap_or_default());
        match s["role"].as_str().unwrap_or_default() {
            "premise" => pending.push(k),
            role => {
                for p in pending.drain(..) {
                    shape.relations.insert((p, "supports", k.clone()));
                }
                if role == "main-conclusion" {
                    shape
                        .relations
                        .insert((argument.to_string(), "supports", k.clone()));
                }
                pending.push(k);
            }
        }
    }
}

/// A node's key: its title, or its whole wording when the title was cut
/// from that (an anonymous statement longer than a title may be).
fn key_of(g: &Graph, ix: NodeIx) -> String {
    let n = g.node(ix);
    match &n.text {
        Some(text) if agon::formats::title_and_text(text).0 == n.title => plain(text),
        _ => plain(&n.title),
    }
}

/// agon's graph under the same mapping.
pub fn shape_of_graph(g: &Graph) -> Shape {
    let mut shape = Shape::default();
    for ix in g.indices() {
        let n = g.node(ix);
        let key = key_of(g, ix);
        if !n.tags.is_empty() {
            let tags = n.tags.iter().map(|t| squash(t));
            shape.tags.entry(key.clone()).or_default().extend(tags);
        }
        *shape.nodes.entry(key).or_default() += 1;
    }
    for ix in g.indices() {
        for (to, rel) in g.parents(ix) {
            let name = match rel {
                Relation::Supports => "supports",
                Relation::Attacks => "attacks",
            };
            shape.relations.insert((key_of(g, ix), name, key_of(g, to)));
        }
    }
    shape
}
