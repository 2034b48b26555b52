//! agon: a terminal argument explorer. Everything but the explorer needs no
//! terminal: the graph, loading, search, evaluation, export and the command
//! line. The explorer (`tui`) is the `tui` feature, on by default; without
//! it the library does not depend on ratatui, crossterm or notify.

pub mod brief;
pub mod cache;
pub mod cli;
pub mod config;
pub mod editor;
pub mod eval;
pub mod export;
pub mod formats;
pub mod graph;
mod md;
mod report;
pub mod search;
pub mod state;
pub mod synth;
pub mod text;
pub mod tour;
#[cfg(feature = "tui")]
pub mod tui;
/// Watching the open file is the explorer's; it needs `notify`.
#[cfg(feature = "tui")]
pub mod watch;
