//! Search over a graph: fuzzy in titles, tags and sources, substring in
//! long text and quotes, with filters typed into the query
//! ([`FILTER_HELP`]), ranked best first.
//!
//! Build a [`SearchIndex`] once per graph. Then either run searches on the
//! spot with a [`Searcher`] (the command line does), or hand the index to a
//! [`SearchWorker`], which searches on its own thread so that typing never
//! waits (the explorer does). Both rank with the same code.

mod engine;
mod index;
mod matching;
mod query;
mod results;
mod snippet;
mod term;
mod worker;

use std::sync::Arc;

pub use engine::{PARTIAL_MIN_NODES, Searcher};
pub use index::SearchIndex;
pub use query::{FILTER_HELP, Query};
pub use results::{Field, Hit, Results};
pub use snippet::{SNIPPET_CHARS, Snippet};
pub use worker::SearchWorker;

/// One search, without narrowing: the best `limit` matches of `query`.
pub fn search(index: &Arc<SearchIndex>, query: &str, limit: usize) -> Results {
    Searcher::new(Arc::clone(index)).search(query, limit)
}
