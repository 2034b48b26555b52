//! The one keymap: it dispatches keys, and the help overlay and the status
//! bar are generated from it, so the three never disagree.

use super::action::{Action, Edit, View};
pub use super::key::Key;

/// Where a binding applies. The explorer's contexts are tried from the most
/// specific (the focused pane or overlay) to `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    /// Moving in any list pane (outline, columns, sources, detail links, …).
    Lists,
    Outline,
    Columns,
    Detail,
    Brief,
    /// An overlay that lists things to choose (help, tours).
    Chooser,
    /// The help overlay, over the chooser's moving keys.
    Help,
    Search,
    Note,
    Presenter,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Lists => "Moving",
            Context::Outline => "Outline",
            Context::Columns => "Pro / Con columns",
            Context::Detail => "Detail pane",
            Context::Brief => "Brief",
            Context::Chooser => "Lists (tours; the help scrolls with these too)",
            Context::Help => "Help",
            Context::Search => "Search box",
            Context::Note => "Note editor",
            Context::Presenter => "Presenter mode",
        }
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub desc: &'static str,
    /// Shown in the status bar when set (a short word).
    pub hint: Option<&'static str>,
}

impl Binding {
    /// The keys that trigger this binding: the user's, when the
    /// configuration replaced this action's keys, else the defaults. The
    /// text boxes (search, note) keep their own keys, so a letter bound
    /// elsewhere never stops typing, and Ctrl-C quits whatever the configuration says.
    pub fn keys(&self) -> &'static [Key] {
        if self.keys.contains(&Key::Ctrl('c')) {
            return self.keys;
        }
        match self.context {
            Context::Search | Context::Note => self.keys,
            _ => super::remap::keys_for(self.action).unwrap_or(self.keys),
        }
    }

    pub fn keys_label(&self) -> String {
        self.keys()
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join("/")
    }
}

use Action as A;
use Context as C;
use Key as K;

const fn b(
    context: Context,
    keys: &'static [Key],
    action: Action,
    desc: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        desc,
        hint,
    }
}

/// Every key agon answers to.
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    b(C::Global, &[K::Char('q')], A::Quit, "quit", Some("quit")),
    b(C::Global, &[K::Ctrl('c')], A::Quit, "quit at once (anywhere)", None),
    b(C::Global, &[K::Char('?')], A::Help, "show every key", Some("help")),
    b(C::Global, &[K::Char('/')], A::Search, "search everything", Some("search")),
    b(C::Global, &[K::Char('t')], A::Tours, "guided tours (presenter mode)", Some("tours")),
    b(C::Global, &[K::Esc], A::Close, "close the top overlay, or dismiss a warning", None),
    b(C::Global, &[K::Tab, K::BackTab], A::NextPane, "switch between the view and the detail pane", Some("pane")),
    b(C::Global, &[K::Backspace, K::Char('[')], A::Back, "back to the previous node", Some("back")),
    b(C::Global, &[K::Char(']')], A::Forward, "forward again", None),
    b(C::Global, &[K::Char('1')], A::ShowView(View::Outline), "outline view", None),
    b(C::Global, &[K::Char('2')], A::ShowView(View::Columns), "pro / con columns view", None),
    b(C::Global, &[K::Char('3')], A::ShowView(View::Sources), "sources view", None),
    b(C::Global, &[K::Char('4')], A::ShowView(View::Brief), "debate brief view", None),
    b(C::Global, &[K::Char('5')], A::ShowView(View::Marks), "marked nodes view", None),
    b(C::Global, &[K::Char('w')], A::WhatIf, "what-if: suspend or restore the focused node", Some("what-if")),
    b(C::Global, &[K::Char('W')], A::ClearWhatIfs, "clear every what-if suspension", None),
    b(C::Global, &[K::Char('a')], A::SourcesOnly, "sources only: suspend every ∴ analysis node (again: restore them)", None),
    b(C::Global, &[K::Char('S')], A::CycleSemantics, "labels follow: grounded → preferred → stable → strength", Some("semantics")),
    b(C::Global, &[K::Char('m')], A::CycleMark, "mark: ★ star → ▶ use → ! answer → none", Some("mark")),
    b(C::Global, &[K::Char('E')], A::OpenEditor, "edit the file at this node ($VISUAL, else $EDITOR)", Some("edit")),
    b(C::Global, &[K::Char('n')], A::EditNote, "write a note on the focused node", Some("note")),
    b(C::Global, &[K::Char('y')], A::Copy, "copy: evidence as quote and citation, else title and text", Some("copy")),
    b(C::Global, &[K::Char('o')], A::OpenUrl, "open the source's URL in the browser", None),
    b(C::Global, &[K::Char('e')], A::PresenterExplore, "back to the running tour's card", None),
    b(C::Lists, &[K::Char('k'), K::Up], A::Up, "move up", None),
    b(C::Lists, &[K::Char('j'), K::Down], A::Down, "move down", None),
    b(C::Lists, &[K::Char('g'), K::Home], A::Top, "first row", None),
    b(C::Lists, &[K::Char('G'), K::End], A::Bottom, "last row", None),
    b(C::Lists, &[K::PageUp], A::PageUp, "page up", None),
    b(C::Lists, &[K::PageDown], A::PageDown, "page down", None),
    b(C::Lists, &[K::Enter], A::Activate, "focus the node / follow the link", Some("open")),
    b(C::Outline, &[K::Char('h'), K::Left], A::Left, "collapse, or go to the parent", None),
    b(C::Outline, &[K::Char('l'), K::Right], A::Right, "expand, or go to the first child", Some("expand")),
    b(C::Columns, &[K::Left], A::Left, "the supporting column", None),
    b(C::Columns, &[K::Right], A::Right, "the opposing column", None),
    b(C::Columns, &[K::Char('h')], A::Parent, "up to the parent of the node on top", Some("parent")),
    b(C::Columns, &[K::Char('f')], A::SortByStrength, "strongest first (your strongest points, their most dangerous attacks), or as written", Some("strongest")),
    b(C::Detail, &[K::Char('h'), K::Left], A::Left, "previous link", None),
    b(C::Detail, &[K::Char('l'), K::Right], A::Right, "next link", None),
    b(C::Brief, &[K::Char('s')], A::ToggleSide, "argue for / against (then the next thesis)", Some("side")),
    b(C::Chooser, &[K::Char('k'), K::Up], A::Up, "move up", None),
    b(C::Chooser, &[K::Char('j'), K::Down], A::Down, "move down", None),
    b(C::Chooser, &[K::PageUp], A::PageUp, "page up", None),
    b(C::Chooser, &[K::PageDown], A::PageDown, "page down", None),
    b(C::Chooser, &[K::Char('g'), K::Home], A::Top, "first row", None),
    b(C::Chooser, &[K::Char('G'), K::End], A::Bottom, "last row", None),
    b(C::Chooser, &[K::Enter], A::Activate, "choose", Some("choose")),
    b(C::Chooser, &[K::Esc], A::Close, "close", Some("close")),
    b(C::Help, &[K::Esc, K::Enter, K::Char('?')], A::Close, "close the help", Some("close")),
    b(C::Search, &[K::Up, K::Ctrl('p')], A::Up, "previous result", None),
    b(C::Search, &[K::Down, K::Ctrl('n')], A::Down, "next result", None),
    b(C::Search, &[K::Enter], A::Activate, "jump to the result", Some("jump")),
    b(C::Search, &[K::Esc], A::Close, "close and go back", Some("cancel")),
    b(C::Search, &[K::Backspace], A::DeleteBack, "delete a character", None),
    b(C::Search, &[K::PageUp], A::PageUp, "a page of results up", None),
    b(C::Search, &[K::PageDown], A::PageDown, "a page of results down", None),
    b(C::Search, &[K::Home], A::Top, "first result", None),
    b(C::Search, &[K::End], A::Bottom, "last result", None),
    b(C::Search, &[K::Ctrl('u')], A::ClearInput, "clear the search box", None),
    b(C::Note, &[K::Ctrl('s')], A::Save, "save the note (empty deletes it)", Some("save")),
    b(C::Note, &[K::Esc], A::Close, "close; asks first when there are unsaved changes", Some("close")),
    b(C::Note, &[K::Enter], A::Edit(Edit::NewLine), "line break", None),
    b(C::Note, &[K::Backspace], A::DeleteBack, "delete the character before the cursor", None),
    b(C::Note, &[K::Delete], A::Edit(Edit::DeleteForward), "delete the character under the cursor", None),
    b(C::Note, &[K::Ctrl('w')], A::Edit(Edit::DeleteWord), "delete the word before the cursor", Some("del word")),
    b(C::Note, &[K::Ctrl('u')], A::Edit(Edit::DeleteToLineStart), "delete to the start of the line", None),
    b(C::Note, &[K::Left], A::Edit(Edit::Left), "cursor left", None),
    b(C::Note, &[K::Right], A::Edit(Edit::Right), "cursor right", None),
    b(C::Note, &[K::Up], A::Edit(Edit::Up), "cursor up a line", None),
    b(C::Note, &[K::Down], A::Edit(Edit::Down), "cursor down a line", None),
    b(C::Note, &[K::Home, K::Ctrl('a')], A::Edit(Edit::LineStart), "start of the line", None),
    b(C::Note, &[K::End, K::Ctrl('e')], A::Edit(Edit::LineEnd), "end of the line", None),
    b(C::Presenter, &[K::Right, K::Char(' '), K::Char('l')], A::NextStep, "next step", Some("next")),
    b(C::Presenter, &[K::Left, K::Backspace, K::Char('h')], A::PrevStep, "previous step", Some("prev")),
    b(C::Presenter, &[K::Down, K::Char('j')], A::Down, "scroll the card's text when it does not fit", None),
    b(C::Presenter, &[K::Up, K::Char('k')], A::Up, "scroll the card's text back", None),
    b(C::Presenter, &[K::Char('r')], A::Reveal, "reveal the next response", Some("reveal")),
    b(C::Presenter, &[K::Char('e')], A::PresenterExplore, "explore at this node (e again returns)", Some("explore")),
    b(C::Presenter, &[K::Char('n')], A::ToggleNarration, "hide / show the narration on the card", Some("narration")),
    b(C::Presenter, &[K::Esc, K::Char('q')], A::Close, "leave presenter mode", Some("leave")),
];

/// The action `key` means in `contexts` (most specific first), if any.
/// Text contexts (search, note) take printable characters before commands.
pub fn lookup(contexts: &[Context], key: Key) -> Option<Action> {
    if let (Some(C::Search | C::Note), K::Char(c)) = (contexts.first(), key) {
        return Some(A::Input(c));
    }
    contexts.iter().find_map(|&ctx| {
        KEYMAP
            .iter()
            .find(|bd| bd.context == ctx && bd.keys().contains(&key))
            .map(|bd| bd.action)
    })
}

/// The first key bound to `action` in `context`, as titles and messages
/// name it; `prefer` picks among several (say, the arrow over the letter).
pub fn key_name(context: Context, action: Action, prefer: fn(&Key) -> bool) -> String {
    let keys = KEYMAP
        .iter()
        .filter(|bd| bd.context == context && bd.action == action)
        .flat_map(|bd| bd.keys().iter());
    let all: Vec<&Key> = keys.collect();
    all.iter()
        .find(|k| prefer(k))
        .or(all.first())
        .map_or_else(|| "?".into(), |k| k.label())
}

/// Any key will do: the first one the keymap lists.
pub fn first(_: &Key) -> bool {
    true
}

/// The arrow (or other named key) rather than a letter.
pub fn named(key: &Key) -> bool {
    !matches!(key, Key::Char(_))
}

/// One line of the help overlay: a context heading, or keys and what they do.
pub type HelpLine = (Option<Context>, String, &'static str);

/// The help text's lines, generated from the keymap.
pub fn help_lines() -> Vec<HelpLine> {
    let mut lines = Vec::new();
    let mut seen = Vec::new();
    for bd in KEYMAP {
        if !seen.contains(&bd.context) {
            seen.push(bd.context);
            if !lines.is_empty() {
                lines.push((None, String::new(), ""));
            }
            lines.push((Some(bd.context), String::new(), ""));
        }
        lines.push((None, bd.keys_label(), bd.desc));
    }
    // What each semantics the labels can follow tells a debater.
    lines.push((None, String::new(), ""));
    lines.push((
        Some(Context::Global),
        String::new(),
        "semantics the labels follow",
    ));
    for r in super::whatif::Reading::ALL {
        for (i, line) in r.meaning().iter().enumerate() {
            let key = if i == 0 { r.name() } else { "" };
            lines.push((None, key.to_string(), line));
        }
    }
    // The search box's filters, from the search module's own table.
    lines.push((None, String::new(), ""));
    lines.push((Some(Context::Search), String::new(), "filters"));
    for (syntax, meaning) in crate::search::FILTER_HELP {
        lines.push((None, syntax.to_string(), meaning));
    }
    lines
}

/// Status-bar hints for `contexts`: `(keys, word)`, most specific first.
/// A key bound in a more specific context is not hinted again; overlays and
/// presenter mode, which take most keys for themselves, hint only their own
/// keys (and help).
pub fn hints(contexts: &[Context]) -> Vec<(String, &'static str)> {
    let own_keys_only = matches!(
        contexts.first(),
        Some(C::Search | C::Note | C::Chooser | C::Help | C::Presenter)
    );
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let mut taken: Vec<Key> = Vec::new();
    for (depth, &ctx) in contexts.iter().enumerate() {
        for bd in KEYMAP.iter().filter(|bd| bd.context == ctx) {
            let shadowed = bd.keys().iter().any(|k| taken.contains(k));
            let allowed = depth == 0
                || !own_keys_only
                || (bd.action == A::Help && matches!(contexts.first(), Some(C::Presenter)));
            if let Some(h) = bd.hint
                && !shadowed
                && allowed
                && !out.iter().any(|(_, w)| *w == h)
            {
                out.push((bd.keys()[0].label(), h));
            }
        }
        taken.extend(
            KEYMAP
                .iter()
                .filter(|bd| bd.context == ctx)
                .flat_map(|bd| bd.keys().iter().copied()),
        );
    }
    out
}

/// Each bindable action with the names of its default keys (outside the
/// text boxes), for `agon config --default`.
pub fn defaults() -> Vec<(&'static str, Vec<String>)> {
    super::remap::ACTIONS
        .iter()
        .map(|&(name, action)| {
            let mut keys: Vec<String> = Vec::new();
            for bd in KEYMAP.iter().filter(|bd| bd.action == action) {
                if matches!(bd.context, Context::Search | Context::Note) {
                    continue;
                }
                // Ctrl-C always quits; it is not the user's to rebind.
                for k in bd.keys.iter().filter(|k| **k != Key::Ctrl('c')) {
                    let n = k.config_name();
                    if !keys.contains(&n) {
                        keys.push(n);
                    }
                }
            }
            (name, keys)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_key_reads_back_and_every_action_has_keys() {
        for (name, keys) in defaults() {
            assert!(!keys.is_empty(), "{name} has no default key");
            for k in keys {
                assert!(super::super::remap::parse_key(&k).is_some(), "{name}: {k}");
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for bnd in &KEYMAP[i + 1..] {
                if a.context == bnd.context {
                    for k in a.keys {
                        assert!(
                            !bnd.keys.contains(k),
                            "{k:?} is bound twice in {:?}",
                            a.context
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn text_fields_take_printable_keys() {
        assert_eq!(
            lookup(&[C::Search, C::Global], K::Char('q')),
            Some(A::Input('q'))
        );
        assert_eq!(
            lookup(&[C::Outline, C::Lists, C::Global], K::Char('q')),
            Some(A::Quit)
        );
        assert_eq!(lookup(&[C::Search, C::Global], K::Ctrl('c')), Some(A::Quit));
    }

    #[test]
    fn specific_context_wins() {
        assert_eq!(
            lookup(&[C::Presenter, C::Global], K::Char('q')),
            Some(A::Close)
        );
        assert_eq!(
            lookup(&[C::Outline, C::Lists, C::Global], K::Left),
            Some(A::Left)
        );
    }

    #[test]
    fn hints_never_advertise_a_key_that_does_something_else_there() {
        let words = |ctx: &[Context]| -> Vec<&'static str> {
            hints(ctx).into_iter().map(|(_, w)| w).collect()
        };
        let presenter = words(&[C::Presenter, C::Global]);
        assert!(presenter.contains(&"leave") && !presenter.contains(&"quit"));
        let search = words(&[C::Search, C::Global]);
        assert!(
            !search.contains(&"back") && !search.contains(&"help"),
            "{search:?}"
        );
        let outline = words(&[C::Outline, C::Lists, C::Global]);
        assert!(outline.contains(&"quit") && outline.contains(&"expand"));
    }
}
