//! agon: a terminal argument explorer. The library holds everything that does
//! not need a terminal: the graph, loading, search, evaluation and export.

pub mod cli;
pub mod eval;
pub mod export;
pub mod formats;
pub mod graph;
pub mod text;
pub mod tui;
