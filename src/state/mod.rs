//! What a user keeps about one debate between sessions: marks and notes,
//! keyed by node id so they survive edits of the data file. The file lives
//! in the user's data directory, never next to (or inside) the debate file.

mod atomic;
mod location;
mod merge;
mod model;
mod store;

pub use atomic::write_atomic;
pub use location::{
    BUILTIN_FILE_NAME, Identity, fnv1a64, state_dir, state_dir_from, state_file_name,
};
pub use model::{Mark, STATE_VERSION, State};
pub use store::{Debate, StateStore};
