//! agon: a terminal argument explorer. The library holds everything that does
//! not need a terminal: the graph, loading, search, evaluation and export.

pub mod brief;
pub mod cli;
pub mod eval;
pub mod export;
pub mod formats;
pub mod graph;
mod md;
pub mod search;
pub mod state;
pub mod synth;
pub mod text;
pub mod tour;
pub mod tui;
