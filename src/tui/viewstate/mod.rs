//! One state struct per view and overlay, beside the view that draws it
//! (`viewstate/X.rs` holds what `views/X.rs` draws). The app and the
//! overlay stack hold these; the views read them. Nothing here names the
//! app or a view's widget, so the dependencies run one way:
//! views → app → viewstate.

pub mod brief;
pub mod columns;
pub mod detail;
pub mod help;
pub mod marks;
pub mod note;
pub mod outline;
pub mod presenter;
pub mod search;
pub mod sources;
pub mod tours;

use crate::graph::NodeIx;

/// What a layer did with an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Not the layer's business: the explorer handles it.
    Ignored,
    /// Handled inside the layer.
    Consumed,
    /// The layer closes, optionally with a message.
    Close(Option<&'static str>),
    /// The layer closes and the explorer goes to a node (recorded in history).
    Jump(NodeIx),
    /// The tours list closes and the chosen tour starts.
    StartTour(usize),
    /// The note editor closes, saving its text.
    SaveNote,
    /// The layer stays and the status bar says something.
    Say(&'static str),
}
