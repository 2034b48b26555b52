//! Key bindings from the configuration: action names, key names, and the
//! table of replaced keys the keymap consults. Set once at start-up.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use super::action::{Action, View};
use super::key::Key;

/// The name of every action a user can bind, as `config.ron` spells it.
pub const ACTIONS: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("help", Action::Help),
    ("search", Action::Search),
    ("tours", Action::Tours),
    ("close", Action::Close),
    ("back", Action::Back),
    ("forward", Action::Forward),
    ("next-pane", Action::NextPane),
    ("view-outline", Action::ShowView(View::Outline)),
    ("view-columns", Action::ShowView(View::Columns)),
    ("view-sources", Action::ShowView(View::Sources)),
    ("view-brief", Action::ShowView(View::Brief)),
    ("view-marks", Action::ShowView(View::Marks)),
    ("up", Action::Up),
    ("down", Action::Down),
    ("left", Action::Left),
    ("right", Action::Right),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("page-up", Action::PageUp),
    ("page-down", Action::PageDown),
    ("open", Action::Activate),
    ("what-if", Action::WhatIf),
    ("clear-what-ifs", Action::ClearWhatIfs),
    ("mark", Action::CycleMark),
    ("note", Action::EditNote),
    ("edit", Action::OpenEditor),
    ("switch-side", Action::ToggleSide),
    ("reveal", Action::Reveal),
    ("tour-explore", Action::PresenterExplore),
    ("next-step", Action::NextStep),
    ("previous-step", Action::PrevStep),
];

pub fn action_named(name: &str) -> Option<Action> {
    ACTIONS.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
}

/// A key as written in the configuration: one character, `Space`,
/// `Ctrl-x`, or a named key (`Enter`, `Esc`, `Tab`, `S-Tab`, `Backspace`, `Delete`,
/// `Up`, `Down`, `Left`, `Right`, `Home`, `End`, `PageUp`, `PageDown`).
pub fn parse_key(s: &str) -> Option<Key> {
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(Key::Char(c));
    }
    if let Some(rest) = s.strip_prefix("Ctrl-").or_else(|| s.strip_prefix("C-")) {
        let mut cs = rest.chars();
        if let (Some(c), None) = (cs.next(), cs.next())
            && c.is_ascii_alphanumeric()
        {
            return Some(Key::Ctrl(c.to_ascii_lowercase()));
        }
        return None;
    }
    Some(match s.to_ascii_lowercase().as_str() {
        "space" => Key::Char(' '),
        "enter" | "return" => Key::Enter,
        "esc" | "escape" => Key::Esc,
        "tab" => Key::Tab,
        "s-tab" | "backtab" | "shift-tab" => Key::BackTab,
        "backspace" | "bksp" => Key::Backspace,
        "delete" | "del" => Key::Delete,
        "up" => Key::Up,
        "down" => Key::Down,
        "left" => Key::Left,
        "right" => Key::Right,
        "home" => Key::Home,
        "end" => Key::End,
        "pageup" | "pgup" => Key::PageUp,
        "pagedown" | "pgdn" => Key::PageDown,
        _ => return None,
    })
}

/// Each action's keys as the user replaced them.
pub type Table = HashMap<Action, Vec<Key>>;

/// What could not be read: the text as written (to find it in the file)
/// and what is wrong with it.
pub type Problems = Vec<(String, String)>;

/// The replaced keys of each action named in `keys`, and a message for
/// each name or key that could not be read (those are left out).
pub fn from_config(keys: &BTreeMap<String, Vec<String>>) -> (Table, Problems) {
    let mut table = HashMap::new();
    let mut problems = Vec::new();
    for (name, list) in keys {
        let Some(action) = action_named(name) else {
            let names: Vec<&str> = ACTIONS.iter().map(|(n, _)| *n).collect();
            let hint = crate::graph::diag::nearest(name, names.iter().copied())
                .map_or_else(String::new, |n| format!("; did you mean \"{n}\"?"));
            problems.push((
                name.clone(),
                format!("no action is called \"{name}\"{hint}"),
            ));
            continue;
        };
        let mut parsed = Vec::new();
        for k in list {
            match parse_key(k) {
                Some(key) => parsed.push(key),
                None => problems.push((
                    k.clone(),
                    format!("\"{k}\" is not a key agon knows (try \"x\", \"Ctrl-x\", \"Space\", \"Enter\", \"PageDown\")"),
                )),
            }
        }
        if !parsed.is_empty() {
            table.insert(action, parsed);
        }
    }
    (table, problems)
}

static TABLE: OnceLock<Table> = OnceLock::new();

/// Installs the user's keys; only the first call counts.
pub fn install(table: Table) {
    let _ = TABLE.set(table);
}

/// The user's keys for `action`, if they replaced its defaults.
pub fn keys_for(action: Action) -> Option<&'static [Key]> {
    TABLE.get()?.get(&action).map(Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_by_their_names() {
        assert_eq!(parse_key("x"), Some(Key::Char('x')));
        assert_eq!(parse_key("Ctrl-F"), Some(Key::Ctrl('f')));
        assert_eq!(parse_key("Space"), Some(Key::Char(' ')));
        assert_eq!(parse_key("PageDown"), Some(Key::PageDown));
        assert_eq!(parse_key("Hyper-x"), None);
        assert_eq!(parse_key(""), None);
    }

    #[test]
    fn unknown_names_and_keys_are_reported_and_the_rest_applies() {
        let mut keys = BTreeMap::new();
        keys.insert("quit".to_string(), vec!["x".to_string()]);
        keys.insert("serch".to_string(), vec!["s".to_string()]);
        keys.insert(
            "help".to_string(),
            vec!["Nope".to_string(), "F".to_string()],
        );
        let (table, problems) = from_config(&keys);
        assert_eq!(table[&Action::Quit], vec![Key::Char('x')]);
        assert_eq!(table[&Action::Help], vec![Key::Char('F')]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|(_, m)| m.contains("did you mean \"search\""))
        );
    }
}
