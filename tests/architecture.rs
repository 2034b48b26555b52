//! The crate's modules form no cycle: no module imports a module that
//! imports it back, directly or through others.
//!
//! The graph is built from the source text of `src/**/*.rs` (the library;
//! `main.rs` is a separate crate). A node is a file module (`src/a/b.rs` or
//! `src/a/b/mod.rs` is `crate::a::b`); inline modules (`mod tests { … }`)
//! belong to their file. An edge A → B means A names an item of B by path:
//! in a `use` (`crate::…`, `super::…`, `self::…`, or a child module's name)
//! or inline in the code (`crate::eval::why(…)`, `super::keymap::first`,
//! or a path through a name a `use` brought in).
//!
//! The rules:
//! - A parent's `mod child;` is not an import: declaring a module is not
//!   depending on what it holds.
//! - A module naming an item defined in one of its ancestors (`use
//!   super::Pane` in `tui/app/panes.rs`, `crate::tui::Key` in
//!   `tui/views/detail.rs`) is not an edge either: a child is part of its
//!   parent, and Rust gives it the parent's private items for that reason.
//!   The parent is the hub its children share. What the rule does forbid is
//!   two modules that are not each other's ancestors naming each other,
//!   directly or round a longer loop (`app` → `views` → `app`).
//! - A name a module only re-exports or imports (`pub use model::*`,
//!   `use crate::graph::Graph`) leads to the module that defines it: naming
//!   `crate::graph::Graph` depends on `graph::debate`, not on `graph`.
//!
//! Paths are read from the text with a small tokenizer (comments and string
//! literals stripped), so methods called on a type from another module
//! (`impl App` blocks in `app/panes.rs`) are not edges: only paths are.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

type ModPath = Vec<String>;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Punct(&'static str),
    Other,
}

/// Tokens with their line numbers; comments, strings and chars dropped.
fn tokenize(src: &str) -> Vec<(Tok, usize)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            line += 1;
            i += 1;
        } else if c.is_ascii_whitespace() {
            i += 1;
        } else if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(b[i] == b'\n');
                    i += 1;
                }
            }
        } else if let Some(end) = raw_string_end(b, i) {
            line += b[i..end].iter().filter(|&&c| c == b'\n').count();
            i = end;
            out.push((Tok::Other, line));
        } else if c == b'"' || (c == b'b' && b.get(i + 1) == Some(&b'"')) {
            i += if c == b'b' { 2 } else { 1 };
            while i < b.len() && b[i] != b'"' {
                line += usize::from(b[i] == b'\n');
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push((Tok::Other, line));
        } else if c == b'\'' {
            i = after_quote(b, i);
            out.push((Tok::Other, line));
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push((Tok::Ident(src[start..i].to_string()), line));
        } else if b[i..].starts_with(b"::") {
            out.push((Tok::Punct("::"), line));
            i += 2;
        } else {
            let p = match c {
                b'{' => "{",
                b'}' => "}",
                b';' => ";",
                b',' => ",",
                b'*' => "*",
                b'(' => "(",
                b')' => ")",
                b'<' => "<",
                b'#' => "#",
                b'!' => "!",
                _ => "",
            };
            out.push((
                if p.is_empty() {
                    Tok::Other
                } else {
                    Tok::Punct(p)
                },
                line,
            ));
            i += 1;
        }
    }
    out
}

/// Past a char literal ('x', '\n', '\u{..}') or a lifetime ('a) at `i`.
fn after_quote(b: &[u8], mut i: usize) -> usize {
    if b.get(i + 1) == Some(&b'\\') {
        i += 2;
        while i < b.len() && b[i] != b'\'' {
            i += 1;
        }
        return i + 1;
    }
    if b.get(i + 2) == Some(&b'\'') {
        return i + 3;
    }
    // A lifetime, or a multi-byte char: skip to the quote if near.
    let close = b[i + 1..].iter().take(5).position(|&c| c == b'\'');
    match close {
        Some(p) if !b[i + 1..i + 1 + p].iter().all(|c| c.is_ascii()) => i + p + 2,
        _ => {
            i += 1;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            i
        }
    }
}

/// The end of a raw string (`r"…"`, `r#"…"#`, `br"…"`) starting at `i`.
fn raw_string_end(b: &[u8], i: usize) -> Option<usize> {
    let start = if b[i] == b'b' { i + 1 } else { i };
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_') {
        return None;
    }
    if b.get(start) != Some(&b'r') {
        return None;
    }
    let mut j = start + 1;
    while b.get(j) == Some(&b'#') {
        j += 1;
    }
    if b.get(j) != Some(&b'"') {
        return None;
    }
    let hashes = j - start - 1;
    let mut close = vec![b'"'];
    close.extend(std::iter::repeat_n(b'#', hashes));
    let rest = &b[j + 1..];
    let at = rest
        .windows(close.len())
        .position(|w| w == close.as_slice())?;
    Some(j + 1 + at + close.len())
}

/// One `use` leaf: the path as written, the name it binds (none for a glob).
struct UseLeaf {
    path: Vec<String>,
    name: Option<String>,
    line: usize,
}

/// Parses a use tree from `toks[*i]` up to its `;`.
fn parse_use_tree(
    toks: &[(Tok, usize)],
    i: &mut usize,
    prefix: Vec<String>,
    out: &mut Vec<UseLeaf>,
) {
    let mut path = prefix;
    while *i < toks.len() {
        let (tok, line) = &toks[*i];
        match tok {
            Tok::Ident(s) if s == "as" => {
                *i += 1;
                if let Some((Tok::Ident(alias), _)) = toks.get(*i) {
                    out.push(UseLeaf {
                        path: path.clone(),
                        name: Some(alias.clone()),
                        line: *line,
                    });
                    *i += 1;
                }
                return;
            }
            Tok::Ident(s) => {
                path.push(s.clone());
                *i += 1;
            }
            Tok::Punct("::") => *i += 1,
            Tok::Punct("*") => {
                out.push(UseLeaf {
                    path: path.clone(),
                    name: None,
                    line: *line,
                });
                *i += 1;
                return;
            }
            Tok::Punct("{") => {
                *i += 1;
                loop {
                    match toks.get(*i).map(|t| &t.0) {
                        Some(Tok::Punct("}")) => {
                            *i += 1;
                            return;
                        }
                        Some(Tok::Punct(",")) => *i += 1,
                        None => return,
                        _ => parse_use_tree(toks, i, path.clone(), out),
                    }
                }
            }
            _ => break,
        }
    }
    if let Some(last) = path.last() {
        let name = if last == "self" {
            path.len().checked_sub(2).map(|k| path[k].clone())
        } else {
            Some(last.clone())
        };
        let path = if last == "self" {
            path[..path.len() - 1].to_vec()
        } else {
            path.clone()
        };
        out.push(UseLeaf {
            path,
            name,
            line: toks.get(*i).map_or(0, |t| t.1),
        });
    }
}

/// What one file says: its uses, the other paths it names, its items.
#[derive(Default)]
struct FileFacts {
    /// (scope within the file, leaf) for every `use`.
    uses: Vec<(Vec<String>, UseLeaf)>,
    /// (scope within the file, path, line) for paths in code.
    paths: Vec<(Vec<String>, Vec<String>, usize)>,
    /// `mod x;` or `mod x { … }` names, by scope within the file.
    children: BTreeSet<(Vec<String>, String)>,
    /// Items defined at the file's top level.
    items: BTreeSet<String>,
}

fn is_kw(t: &Tok, kw: &str) -> bool {
    matches!(t, Tok::Ident(s) if s == kw)
}

fn scan(src: &str) -> FileFacts {
    let toks = tokenize(src);
    let mut f = FileFacts::default();
    // The brace stack: Some(name) for an inline module's brace.
    let mut braces: Vec<Option<String>> = Vec::new();
    let scope = |braces: &Vec<Option<String>>| -> Vec<String> {
        braces.iter().flatten().cloned().collect()
    };
    let mut i = 0;
    while i < toks.len() {
        let (tok, line) = (&toks[i].0, toks[i].1);
        let prev = i.checked_sub(1).map(|p| &toks[p].0);
        match tok {
            Tok::Punct("{") => {
                braces.push(None);
                i += 1;
            }
            Tok::Punct("}") => {
                braces.pop();
                i += 1;
            }
            Tok::Ident(kw) if kw == "mod" => {
                if let Some((Tok::Ident(name), _)) = toks.get(i + 1) {
                    f.children.insert((scope(&braces), name.clone()));
                    if braces.is_empty() {
                        f.items.insert(name.clone());
                    }
                    if matches!(toks.get(i + 2), Some((Tok::Punct("{"), _))) {
                        braces.push(Some(name.clone()));
                        i += 3;
                        continue;
                    }
                }
                i += 2;
            }
            Tok::Ident(kw) if kw == "use" && !matches!(prev, Some(Tok::Punct("::"))) => {
                i += 1;
                let mut leaves = Vec::new();
                parse_use_tree(&toks, &mut i, Vec::new(), &mut leaves);
                let s = scope(&braces);
                f.uses.extend(leaves.into_iter().map(|l| (s.clone(), l)));
            }
            Tok::Ident(kw)
                if braces.is_empty()
                    && [
                        "fn", "struct", "enum", "trait", "type", "const", "static", "union",
                    ]
                    .contains(&kw.as_str()) =>
            {
                if let Some((Tok::Ident(name), _)) = toks.get(i + 1) {
                    f.items.insert(name.clone());
                }
                i += 1;
            }
            Tok::Ident(kw) if kw == "macro_rules" => {
                if let Some((Tok::Ident(name), _)) = toks.get(i + 2) {
                    f.items.insert(name.clone());
                }
                i += 1;
            }
            Tok::Ident(first)
                if matches!(toks.get(i + 1), Some((Tok::Punct("::"), _)))
                    && !matches!(prev, Some(Tok::Punct("::")))
                    && !is_kw(prev.unwrap_or(&Tok::Other), "in") =>
            {
                let mut path = vec![first.clone()];
                let mut j = i + 1;
                while let (Some((Tok::Punct("::"), _)), Some((Tok::Ident(s), _))) =
                    (toks.get(j), toks.get(j + 1))
                {
                    path.push(s.clone());
                    j += 2;
                }
                f.paths.push((scope(&braces), path, line));
                i = j;
            }
            _ => i += 1,
        }
    }
    f
}

/// The crate's file modules and what each one says.
fn read_crate(src: &Path) -> BTreeMap<ModPath, (PathBuf, FileFacts)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).unwrap();
            let mut module: ModPath = vec!["crate".into()];
            module.extend(
                rel.parent()
                    .into_iter()
                    .flat_map(|p| p.iter())
                    .map(|s| s.to_string_lossy().into_owned()),
            );
            match rel.file_stem().unwrap().to_str().unwrap() {
                "main" if rel.parent() == Some(Path::new("")) => continue,
                "lib" if rel.parent() == Some(Path::new("")) => {}
                "mod" => {}
                stem => module.push(stem.to_string()),
            }
            let text = std::fs::read_to_string(&path).unwrap();
            out.insert(module, (rel.to_path_buf(), scan(&text)));
        }
    }
    out
}

struct Crate {
    files: BTreeMap<ModPath, (PathBuf, FileFacts)>,
    /// Per file module: a name brought in at its top level → the full path.
    imports: HashMap<ModPath, HashMap<String, ModPath>>,
    globs: HashMap<ModPath, Vec<ModPath>>,
}

impl Crate {
    /// `path` as written in `module` (inside inline modules `scope`), made
    /// absolute; None for a path outside the crate or a local name.
    fn absolute(&self, module: &ModPath, scope: &[String], path: &[String]) -> Option<ModPath> {
        let mut base: ModPath = module
            .iter()
            .cloned()
            .chain(scope.iter().cloned())
            .collect();
        let facts = &self.files[module].1;
        let first = path.first()?;
        let rest = match first.as_str() {
            "crate" => {
                base = vec!["crate".into()];
                &path[1..]
            }
            "self" => &path[1..],
            "super" => {
                let supers = path.iter().take_while(|s| *s == "super").count();
                for _ in 0..supers {
                    base.pop()?;
                }
                &path[supers..]
            }
            _ if facts.children.contains(&(scope.to_vec(), first.clone())) => path,
            _ => {
                let full = self.local_import(module, scope, first)?;
                let mut p = full;
                p.extend(path[1..].iter().cloned());
                return Some(p);
            }
        };
        base.extend(rest.iter().cloned());
        Some(base)
    }

    /// What `name` stands for in `module` (in `scope`) by a `use` there.
    fn local_import(&self, module: &ModPath, scope: &[String], name: &str) -> Option<ModPath> {
        let facts = &self.files[module].1;
        let leaf = facts
            .uses
            .iter()
            .filter(|(s, l)| l.name.as_deref() == Some(name) && scope.starts_with(s))
            .max_by_key(|(s, _)| s.len())?;
        self.absolute(module, &leaf.0, &leaf.1.path)
    }

    /// The file module holding `path`'s item, through imports and re-exports.
    fn owner(&self, path: &ModPath) -> ModPath {
        let mut path = path.clone();
        for _ in 0..16 {
            let module = (1..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|m| self.files.contains_key(m))
                .unwrap_or_else(|| vec!["crate".into()]);
            let Some(name) = path.get(module.len()) else {
                return module;
            };
            if self.files[&module].1.items.contains(name) {
                return module;
            }
            let via = self
                .imports
                .get(&module)
                .and_then(|m| m.get(name))
                .cloned()
                .or_else(|| {
                    self.globs.get(&module)?.iter().find_map(|g| {
                        let target = self.owner(g);
                        self.files[&target].1.items.contains(name).then(|| {
                            let mut p = target.clone();
                            p.push(name.clone());
                            p
                        })
                    })
                });
            match via {
                Some(mut full) => {
                    full.extend(path[module.len() + 1..].iter().cloned());
                    path = full;
                }
                None => return module,
            }
        }
        path
    }
}

/// Every edge A → B with where A names B (file:line).
fn module_graph() -> BTreeMap<ModPath, BTreeMap<ModPath, String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = read_crate(&src);
    let mut krate = Crate {
        files,
        imports: HashMap::new(),
        globs: HashMap::new(),
    };
    let mut imports = HashMap::new();
    let mut globs = HashMap::new();
    for (module, (_, facts)) in &krate.files {
        for (scope, leaf) in facts.uses.iter().filter(|(s, _)| s.is_empty()) {
            let Some(full) = krate.absolute(module, scope, &leaf.path) else {
                continue;
            };
            match &leaf.name {
                Some(name) => {
                    imports
                        .entry(module.clone())
                        .or_insert_with(HashMap::new)
                        .insert(name.clone(), full);
                }
                None => globs
                    .entry(module.clone())
                    .or_insert_with(Vec::new)
                    .push(full),
            }
        }
    }
    krate.imports = imports;
    krate.globs = globs;
    let mut edges: BTreeMap<ModPath, BTreeMap<ModPath, String>> = BTreeMap::new();
    for (module, (file, facts)) in &krate.files {
        let named = facts
            .uses
            .iter()
            .map(|(s, l)| (s, &l.path, l.line))
            .chain(facts.paths.iter().map(|(s, p, line)| (s, p, *line)));
        for (scope, path, line) in named {
            let Some(full) = krate.absolute(module, scope, path) else {
                continue;
            };
            let target = krate.owner(&full);
            // A child may name its ancestors' items (see the rules above).
            if !module.starts_with(&target) {
                let site = format!("src/{}:{line}", file.display());
                edges
                    .entry(module.clone())
                    .or_default()
                    .entry(target)
                    .or_insert(site);
            }
        }
    }
    edges
}

/// A cycle in the graph, as (module, where it names the next) pairs.
fn find_cycle(
    edges: &BTreeMap<ModPath, BTreeMap<ModPath, String>>,
) -> Option<Vec<(ModPath, String)>> {
    // Depth-first search with colours; the first back edge closes a cycle.
    fn visit(
        m: &ModPath,
        edges: &BTreeMap<ModPath, BTreeMap<ModPath, String>>,
        state: &mut HashMap<ModPath, u8>,
        stack: &mut Vec<(ModPath, String)>,
    ) -> Option<Vec<(ModPath, String)>> {
        state.insert(m.clone(), 1);
        for (next, site) in edges.get(m).into_iter().flatten() {
            stack.push((m.clone(), site.clone()));
            match state.get(next) {
                Some(1) => {
                    let at = stack.iter().position(|(s, _)| s == next).unwrap();
                    return Some(stack[at..].to_vec());
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(next, edges, state, stack) {
                        return Some(c);
                    }
                }
            }
            stack.pop();
        }
        state.insert(m.clone(), 2);
        None
    }
    let mut state = HashMap::new();
    for m in edges.keys() {
        if !state.contains_key(m)
            && let Some(c) = visit(m, edges, &mut state, &mut Vec::new())
        {
            return Some(c);
        }
    }
    None
}

fn show(cycle: &[(ModPath, String)]) -> String {
    let mut s = String::new();
    for (m, site) in cycle {
        s.push_str(&format!("  {} names the next at {site}\n", m.join("::")));
    }
    s.push_str(&format!("  … back to {}\n", cycle[0].0.join("::")));
    s
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let edges = module_graph();
    // Report every cycle there is, one per strongly tied pair of modules.
    let mut found = Vec::new();
    let mut edges_left = edges.clone();
    while let Some(cycle) = find_cycle(&edges_left) {
        found.push(show(&cycle));
        // Drop the cycle's closing edge and look again, to list them all.
        let (last, _) = cycle.last().unwrap();
        let first = &cycle[0].0;
        edges_left.get_mut(last).unwrap().remove(first);
        if found.len() > 50 {
            break;
        }
    }
    assert!(
        found.is_empty(),
        "{} module cycle(s):\n{}",
        found.len(),
        found.join("\n")
    );
}

/// The checker finds what it must: a sibling cycle, a child naming its
/// parent that names it back, and a path through a re-export.
#[test]
fn the_checker_sees_the_edges_it_must() {
    let edges = module_graph();
    let has = |a: &str, b: &str| {
        let split = |s: &str| s.split("::").map(String::from).collect::<ModPath>();
        edges
            .get(&split(a))
            .is_some_and(|e| e.contains_key(&split(b)))
    };
    // `use crate::graph::{Graph, …}` in the cache leads to where Graph lives.
    assert!(has("crate::cache", "crate::graph::debate"));
    assert!(!has("crate::cache", "crate::graph"));
    // A `super::` path, and a path through a child module's name.
    assert!(has("crate::tui::app", "crate::tui::action"));
    assert!(has("crate::tui", "crate::tui::app"));
    let text =
        "mod a { use super::b::X; pub struct Y; }\nmod b { pub struct X; fn f() { crate::a::Y; } }";
    let f = scan(text);
    assert_eq!(f.uses.len(), 1);
    assert_eq!(f.paths.len(), 1);
    let cycle = find_cycle(&BTreeMap::from([
        (
            vec!["a".into()],
            BTreeMap::from([(vec!["b".into()], "x".into())]),
        ),
        (
            vec!["b".into()],
            BTreeMap::from([(vec!["a".into()], "y".into())]),
        ),
    ]));
    assert_eq!(cycle.map(|c| c.len()), Some(2));
}
