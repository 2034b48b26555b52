//! Where a debate's state file lives: the directory chosen from the
//! environment, and a file name derived from the debate's identity.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The state file of the built-in debate.
pub const BUILTIN_FILE_NAME: &str = "builtin.ron";

/// The directory for state files: `$AGON_STATE_DIR`, else
/// `$XDG_DATA_HOME/agon`, else `$HOME/.local/share/agon`; none when the
/// environment names no home at all.
pub fn state_dir() -> Option<PathBuf> {
    state_dir_from(|name| std::env::var_os(name))
}

/// [`state_dir`] reading variables through `var`, so the rule can be tested
/// without touching the process environment (which tests share).
pub fn state_dir_from(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |name: &str| var(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = set("AGON_STATE_DIR") {
        return Some(dir);
    }
    // The XDG spec says a relative value is invalid and must be ignored.
    if let Some(data) = set("XDG_DATA_HOME").filter(|p| p.is_absolute()) {
        return Some(data.join("agon"));
    }
    if let Some(home) = set("HOME") {
        return Some(home.join(".local").join("share").join("agon"));
    }
    set("APPDATA").map(|d| d.join("agon"))
}

/// What a debate's state is keyed by wherever its file lies: its title and
/// the ids of its theses, hashed. Not the file's content, which changes with
/// every edit; not its path, which changes when it is moved or copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The title, for a readable file name.
    title: String,
    /// The hash of the title and the sorted thesis ids, in hex.
    key: String,
}

impl Identity {
    /// The identity of a loaded debate; none for a map without a thesis
    /// (an abstract argumentation framework), which its title alone (often
    /// its file's name) would not tell apart from others: it is kept by path.
    pub fn of(graph: &crate::graph::Graph) -> Option<Identity> {
        let mut theses: Vec<&str> = graph
            .theses()
            .iter()
            .map(|&t| graph.node(t).id.as_str())
            .collect();
        theses.sort_unstable();
        (!theses.is_empty()).then(|| Identity::from_parts(&graph.title, &theses))
    }

    /// The identity of a debate with this title and these thesis ids.
    pub fn from_parts(title: &str, theses: &[&str]) -> Identity {
        // A separator no title or id holds (they are sanitised text), so
        // that ("a b", []) and ("a", ["b"]) differ.
        let mut bytes = title.as_bytes().to_vec();
        for id in theses {
            bytes.push(0);
            bytes.extend_from_slice(id.as_bytes());
        }
        Identity {
            title: title.to_string(),
            key: format!("{:016x}", fnv1a64(&bytes)),
        }
    }

    /// The key written in the state file, to check the file is this debate's.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The state file's name: the title for readability, the key for
    /// uniqueness: `my_debate.3f2a9c0d1e2b4a5f.ron` (a dot, where the names
    /// keyed by path have a dash, so the two never meet).
    pub fn file_name(&self) -> String {
        format!("{}.{}.ron", readable(&self.title), self.key)
    }
}

/// Up to 40 characters of `text` fit for a file name: ASCII letters, digits,
/// `-` and `_`; `debate` when nothing is left.
fn readable(text: &str) -> String {
    let name: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    if name.is_empty() {
        "debate".into()
    } else {
        name
    }
}

/// The state file name for a debate, keyed by its path (how state was
/// keyed before [`Identity`], and still the fallback): [`BUILTIN_FILE_NAME`] for the built-in
/// one (`path` none), else the file's stem for readability and a hash of its
/// canonical path for uniqueness: `debate-3f2a9c0d1e2b4a5f.ron`.
pub fn state_file_name(canonical: Option<&Path>) -> String {
    let Some(path) = canonical else {
        return BUILTIN_FILE_NAME.to_string();
    };
    let stem = readable(
        &path
            .file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default(),
    );
    format!(
        "{stem}-{:016x}.ron",
        fnv1a64(path.as_os_str().as_encoded_bytes())
    )
}

/// FNV-1a, 64 bits: small, stable across releases and platforms' Rust
/// versions (unlike `DefaultHasher`), good enough to tell paths apart.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The path a debate file is known by: canonical when it exists, so
/// `./a.ron` and `/home/x/a.ron` share their notes; absolute otherwise.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let map: HashMap<String, OsString> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn directory_precedence() {
        let all = [
            ("AGON_STATE_DIR", "/s"),
            ("XDG_DATA_HOME", "/x"),
            ("HOME", "/h"),
        ];
        assert_eq!(state_dir_from(env(&all)), Some(PathBuf::from("/s")));
        assert_eq!(
            state_dir_from(env(&all[1..])),
            Some(PathBuf::from("/x/agon"))
        );
        assert_eq!(
            state_dir_from(env(&all[2..])),
            Some(PathBuf::from("/h/.local/share/agon"))
        );
        assert_eq!(state_dir_from(env(&[])), None);
    }

    #[test]
    fn empty_and_relative_values_are_ignored() {
        let e = env(&[
            ("AGON_STATE_DIR", ""),
            ("XDG_DATA_HOME", "rel/dir"),
            ("HOME", "/h"),
        ]);
        assert_eq!(
            state_dir_from(e),
            Some(PathBuf::from("/h/.local/share/agon"))
        );
    }

    #[test]
    fn fnv_matches_reference_values() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn identity_is_the_title_and_the_thesis_ids_in_any_order() {
        let graph = |title: &str, nodes: &str| {
            let text = format!("Debate(title: \"{title}\", nodes: [{nodes}])");
            crate::graph::load_str("d.ron", &text).unwrap().graph
        };
        let a = "Node(id: \"a\", kind: Thesis, title: \"A\")";
        let b = "Node(id: \"b\", kind: Thesis, title: \"B\")";
        let one = Identity::of(&graph("Trams", &format!("{a}, {b}"))).unwrap();
        // Wording, order and the rest of the file do not matter.
        let reordered = graph(
            "Trams",
            &format!("{b}, {a}, Node(id: \"c\", kind: Claim, title: \"C\", supports: [\"a\"])"),
        );
        assert_eq!(Identity::of(&reordered), Some(one.clone()));
        assert_ne!(
            Identity::of(&graph("Buses", &format!("{a}, {b}"))),
            Some(one.clone())
        );
        assert_ne!(Identity::of(&graph("Trams", a)), Some(one.clone()));
        assert!(one.file_name().starts_with("Trams.") && one.file_name().ends_with(".ron"));
        // No thesis: nothing to go by but the path.
        let aaf = graph("Trams", "Node(id: \"x\", kind: Claim, title: \"X\")");
        assert_eq!(Identity::of(&aaf), None);
    }

    #[test]
    fn file_names_keep_the_stem_and_differ_by_path() {
        assert_eq!(state_file_name(None), "builtin.ron");
        let a = state_file_name(Some(Path::new("/d/one/debate.ron")));
        let b = state_file_name(Some(Path::new("/d/two/debate.ron")));
        assert!(a.starts_with("debate-") && a.ends_with(".ron"), "{a}");
        assert_eq!(a.len(), "debate-".len() + 16 + ".ron".len());
        assert_ne!(a, b);
        assert_eq!(a, state_file_name(Some(Path::new("/d/one/debate.ron"))));
        let odd = state_file_name(Some(Path::new("/d/é vil*name.ron")));
        assert!(odd.starts_with("__vil_name-"), "{odd}");
    }
}
