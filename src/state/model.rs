//! The marks and notes kept about one debate, as the state file holds them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::graph::Graph;

/// The version of the state file this build reads and writes. A file of any
/// other version is set aside, not guessed at.
pub const STATE_VERSION: u32 = 1;

/// One of the few marks a debater puts on a node while preparing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Mark {
    /// Worth remembering.
    Star,
    /// A point to use in one's own speech.
    Use,
    /// An opposing point one must answer.
    Answer,
}

impl Mark {
    /// The next mark in the cycle none → star → use → answer → none.
    pub fn next(current: Option<Mark>) -> Option<Mark> {
        match current {
            None => Some(Mark::Star),
            Some(Mark::Star) => Some(Mark::Use),
            Some(Mark::Use) => Some(Mark::Answer),
            Some(Mark::Answer) => None,
        }
    }

    pub const ALL: [Mark; 3] = [Mark::Star, Mark::Use, Mark::Answer];

    /// How the mark reads in text: "starred", "to use", "to answer".
    pub fn label(self) -> &'static str {
        match self {
            Mark::Star => "starred",
            Mark::Use => "to use",
            Mark::Answer => "to answer",
        }
    }
}

/// Marks and notes for one debate, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub version: u32,
    /// The debate's name as the user gave it (a path, or `<built-in>`).
    pub debate: String,
    /// The debate file's canonical path; none for the built-in debate. It
    /// lets a reader of the state directory tell which debate a file is for.
    #[serde(default)]
    pub path: Option<String>,
    /// The key of the debate's identity (its title and thesis ids, see
    /// [`super::Identity`]) the file is kept under; none for the built-in
    /// debate and in files written before state followed the debate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
    #[serde(default, deserialize_with = "unique_keys")]
    pub marks: BTreeMap<String, Mark>,
    #[serde(default, deserialize_with = "unique_keys")]
    pub notes: BTreeMap<String, String>,
}

impl State {
    pub fn new(debate: impl Into<String>, path: Option<String>) -> State {
        State {
            version: STATE_VERSION,
            debate: debate.into(),
            path,
            identity: None,
            marks: BTreeMap::new(),
            notes: BTreeMap::new(),
        }
    }

    pub fn mark(&self, id: &str) -> Option<Mark> {
        self.marks.get(id).copied()
    }

    /// Sets or clears the node's mark; a node has at most one.
    pub fn set_mark(&mut self, id: &str, mark: Option<Mark>) {
        match mark {
            Some(m) => {
                self.marks.insert(id.to_string(), m);
            }
            None => {
                self.marks.remove(id);
            }
        }
    }

    pub fn note(&self, id: &str) -> Option<&str> {
        self.notes.get(id).map(String::as_str)
    }

    /// Sets the node's note; text that is only whitespace removes it, so an
    /// emptied editor leaves no blank notes behind.
    pub fn set_note(&mut self, id: &str, text: &str) {
        if text.trim().is_empty() {
            self.notes.remove(id);
        } else {
            self.notes.insert(id.to_string(), text.to_string());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.notes.is_empty()
    }

    /// Ids with a mark or a note that the graph no longer has (the node was
    /// renamed or removed). They are kept, never dropped, so the UI can show
    /// them and the user can decide.
    pub fn orphans(&self, graph: &Graph) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .marks
            .keys()
            .chain(self.notes.keys())
            .map(String::as_str)
            .filter(|id| graph.by_id(id).is_none())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The ids carrying `mark`, in id order.
    pub fn marked(&self, mark: Mark) -> Vec<&str> {
        self.marks
            .iter()
            .filter(|(_, m)| **m == mark)
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// The state as saved: pretty RON, like the debate files themselves.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().struct_names(true);
        // Serializing maps of strings and unit enums cannot fail; fall back
        // to the compact form rather than panic if ron ever disagrees.
        ron::ser::to_string_pretty(self, config)
            .or_else(|_| ron::ser::to_string(self))
            .unwrap_or_default()
    }
}

/// A map whose keys must be unique: a node named twice in a state file is
/// a damaged file (which value did the user mean?), not one to read by
/// letting the last value win.
fn unique_keys<'de, D, V>(d: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Unique<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Unique<V> {
        type Value = BTreeMap<String, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map from node ids")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((key, value)) = map.next_entry::<String, V>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!(
                        "the id \"{}\" appears twice",
                        crate::text::sanitize_line(&key)
                    )));
                }
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Unique(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::load_str;

    #[test]
    fn one_mark_per_node_and_none_clears_it() {
        let mut s = State::new("d", None);
        s.set_mark("a", Some(Mark::Star));
        s.set_mark("a", Some(Mark::Answer));
        assert_eq!(s.mark("a"), Some(Mark::Answer));
        assert_eq!(s.marks.len(), 1);
        s.set_mark("a", None);
        assert_eq!(s.mark("a"), None);
        assert!(s.is_empty());
    }

    #[test]
    fn blank_notes_are_removed() {
        let mut s = State::new("d", None);
        s.set_note("a", "remember the 2019 figure");
        assert_eq!(s.note("a"), Some("remember the 2019 figure"));
        s.set_note("a", "  \n ");
        assert_eq!(s.note("a"), None);
    }

    #[test]
    fn orphans_are_ids_the_graph_lacks() {
        let g = load_str(
            "t",
            r#"Debate(title: "t", nodes: [Node(id: "th", kind: Thesis, title: "T")])"#,
        )
        .unwrap()
        .graph;
        let mut s = State::new("t", None);
        s.set_note("th", "kept");
        s.set_note("gone", "still kept");
        s.set_mark("gone", Some(Mark::Use));
        s.set_mark("also-gone", Some(Mark::Star));
        assert_eq!(s.orphans(&g), vec!["also-gone", "gone"]);
    }

    #[test]
    fn marked_lists_ids_by_mark() {
        let mut s = State::new("d", None);
        s.set_mark("b", Some(Mark::Use));
        s.set_mark("a", Some(Mark::Use));
        s.set_mark("c", Some(Mark::Star));
        assert_eq!(s.marked(Mark::Use), vec!["a", "b"]);
        assert_eq!(s.marked(Mark::Answer), Vec::<&str>::new());
    }

    #[test]
    fn a_duplicate_id_makes_the_file_damaged() {
        let text = r#"State(version: 1, debate: "d", notes: {"a": "one", "a": "two"})"#;
        let read: Result<State, _> = crate::graph::ron_options().from_str(text);
        let err = read.expect_err("a duplicate id is an error").to_string();
        assert!(err.contains("appears twice"), "{err}");
        let text = r#"State(version: 1, debate: "d", marks: {"a": Star, "a": Use})"#;
        assert!(crate::graph::ron_options().from_str::<State>(text).is_err());
    }

    proptest::proptest! {
        #[test]
        fn ron_round_trips_any_text(
            notes in proptest::collection::btree_map(".{0,12}", ".{1,60}", 0..6),
            debate in ".{0,30}",
        ) {
            let mut s = State::new(debate, Some("/x/y \"z\".ron".into()));
            s.notes = notes;
            s.set_mark("m", Some(Mark::Use));
            let back: State = crate::graph::ron_options().from_str(&s.to_ron()).unwrap();
            proptest::prop_assert_eq!(back, s);
        }
    }
}
