//! Merging two windows' saves of one debate's state, node by node.
//!
//! Each save knows `base`, the state this window last read or wrote, and
//! `ours`, what it holds now: what differs between them is this window's
//! change. Whatever another window saved meanwhile is `theirs`, on disk.
//! A mark or note this window changed wins over the one on disk, since it
//! is the later change (a save follows every change); anything else is
//! taken from disk. A note both windows edited keeps both texts.

use std::collections::BTreeMap;

use super::State;

/// What separates two versions of a note edited in two windows at once.
pub const BOTH_NOTES: &str = "\n\n(edited in another window at the same time:)\n";

/// The state to write: `theirs` with this window's changes since `base` applied.
pub fn merge(base: &State, ours: &State, theirs: &State) -> State {
    let mut merged = theirs.clone();
    merged.marks = merge_map(&base.marks, &ours.marks, &theirs.marks, |o, _| o.copied());
    merged.notes = merge_map(&base.notes, &ours.notes, &theirs.notes, both_notes);
    merged.debate.clone_from(&ours.debate);
    merged.path.clone_from(&ours.path);
    merged.identity.clone_from(&ours.identity);
    merged
}

/// Per key: ours where ours changed since base, else theirs; `both` decides
/// when both changed to different values.
fn merge_map<V: Clone + PartialEq>(
    base: &BTreeMap<String, V>,
    ours: &BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
    both: impl Fn(Option<&V>, Option<&V>) -> Option<V>,
) -> BTreeMap<String, V> {
    let mut out = theirs.clone();
    let keys = base.keys().chain(ours.keys());
    for key in keys {
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        if o == b {
            continue;
        }
        let value = if t == b || t == o {
            o.cloned()
        } else {
            both(o, t)
        };
        match value {
            Some(v) => out.insert(key.clone(), v),
            None => out.remove(key),
        };
    }
    out
}

/// Notes edited in both windows: both texts, theirs first; a note removed in
/// one window and edited in the other keeps the edit.
fn both_notes(ours: Option<&String>, theirs: Option<&String>) -> Option<String> {
    match (ours, theirs) {
        (Some(o), Some(t)) => Some(format!("{t}{BOTH_NOTES}{o}")),
        (o, t) => o.or(t).cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Mark;
    use super::*;

    fn state(marks: &[(&str, Mark)], notes: &[(&str, &str)]) -> State {
        let mut s = State::new("d", None);
        for (id, m) in marks {
            s.set_mark(id, Some(*m));
        }
        for (id, n) in notes {
            s.set_note(id, n);
        }
        s
    }

    #[test]
    fn changes_to_different_nodes_are_all_kept() {
        let base = state(&[("a", Mark::Star)], &[]);
        let ours = state(&[("a", Mark::Star), ("b", Mark::Use)], &[("b", "ours")]);
        let theirs = state(
            &[("a", Mark::Star), ("c", Mark::Answer)],
            &[("c", "theirs")],
        );
        let m = merge(&base, &ours, &theirs);
        assert_eq!(m.mark("b"), Some(Mark::Use));
        assert_eq!(m.mark("c"), Some(Mark::Answer));
        assert_eq!(m.note("b"), Some("ours"));
        assert_eq!(m.note("c"), Some("theirs"));
    }

    #[test]
    fn the_later_change_to_a_mark_wins_and_removals_count() {
        let base = state(&[("a", Mark::Star), ("b", Mark::Star)], &[]);
        let ours = state(&[("a", Mark::Use)], &[]);
        let theirs = state(&[("a", Mark::Answer), ("b", Mark::Star)], &[]);
        let m = merge(&base, &ours, &theirs);
        assert_eq!(m.mark("a"), Some(Mark::Use), "our change is the later one");
        assert_eq!(m.mark("b"), None, "we removed it");
        // Unchanged here: theirs stands, even a removal.
        let m = merge(&base, &base, &state(&[], &[]));
        assert!(m.marks.is_empty());
    }

    #[test]
    fn a_note_edited_in_both_windows_keeps_both_texts() {
        let base = state(&[], &[("a", "first")]);
        let ours = state(&[], &[("a", "first, and ours")]);
        let theirs = state(&[], &[("a", "first, and theirs")]);
        let m = merge(&base, &ours, &theirs);
        let note = m.note("a").unwrap();
        assert!(note.contains("first, and ours") && note.contains("first, and theirs"));
        // Removed here, edited there: the edit is kept.
        let m = merge(&base, &state(&[], &[]), &theirs);
        assert_eq!(m.note("a"), Some("first, and theirs"));
    }
}
