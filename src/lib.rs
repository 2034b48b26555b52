//! agon: a terminal argument explorer. The library holds everything that does
//! not need a terminal: the graph, loading, search, evaluation and export.

pub mod graph;
