//! What the user can ask for. Keys and mouse events become actions; only
//! [`super::app::App::update`] changes state, and it does no I/O.

/// The main views of the left pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Outline,
    Columns,
    Sources,
    Brief,
    Marks,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Outline,
        View::Columns,
        View::Sources,
        View::Brief,
        View::Marks,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Outline => "Outline",
            View::Columns => "Pro / Con",
            View::Sources => "Sources",
            View::Brief => "Brief",
            View::Marks => "Marks",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    Search,
    Tours,
    /// Esc: close the top overlay (or leave presenter mode).
    Close,
    Back,
    Forward,
    NextPane,
    ShowView(View),
    Up,
    Down,
    /// Collapse, or go to the parent; in columns, the column to the left.
    Left,
    /// The focused node's parent (the pro/con view's way up).
    Parent,
    /// Expand, or go in; in columns, the column to the right.
    Right,
    Top,
    Bottom,
    /// Empty the text box being typed in.
    ClearInput,
    PageUp,
    PageDown,
    /// Enter: focus the selected node, follow a link, choose an item.
    Activate,
    /// Suspend or restore the focused node for what-if evaluation.
    WhatIf,
    ClearWhatIfs,
    /// What-if: suspend every node that is the map's own analysis, or
    /// bring them all back.
    SourcesOnly,
    /// Labels follow the next semantics: grounded → preferred → stable → strength.
    CycleSemantics,
    CycleMark,
    /// Copy the focused node (or source) to the clipboard.
    Copy,
    /// Open the URL of the source in view.
    OpenUrl,
    EditNote,
    ToggleSide,
    /// Columns: strongest first, or as written.
    SortByStrength,
    /// Presenter: reveal the next hidden supporter or attacker.
    Reveal,
    /// Presenter: jump from the card into the explorer, and back.
    PresenterExplore,
    /// Open the debate file in `$VISUAL` / `$EDITOR` at the focused node
    /// (or at the first error of a failed reload). Carried out by the
    /// terminal loop, which can suspend the explorer; `update` ignores it.
    OpenEditor,
    NextStep,
    PrevStep,
    /// Presenter: hide the narration from the card, or show it again.
    ToggleNarration,
    /// Text fields: a typed character, deletion, submit.
    Input(char),
    DeleteBack,
    /// The note editor: cursor moves, line breaks and deletions.
    Edit(Edit),
    /// Save what the editor holds (the note editor's Ctrl-S).
    Save,
    /// Mouse: a left click or a wheel turn at a cell.
    Click {
        col: u16,
        row: u16,
    },
    Scroll {
        col: u16,
        row: u16,
        down: bool,
    },
    Resize {
        width: u16,
        height: u16,
    },
}

/// What a key does to a multi-line text box beyond typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edit {
    Left,
    Right,
    Up,
    Down,
    LineStart,
    LineEnd,
    NewLine,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
    /// Delete from the start of the line to the cursor (Ctrl-U).
    DeleteToLineStart,
    DeleteForward,
}
