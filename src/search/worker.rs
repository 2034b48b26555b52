//! Searching off the interface thread: the interface submits every
//! keystroke's query without waiting, the worker runs only the newest one
//! (abandoning a search as soon as a newer query arrives) and the interface
//! picks up whatever finished last.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::engine::Searcher;
use super::index::SearchIndex;
use super::results::Results;

/// What the interface and the worker share.
struct Shared {
    pending: Mutex<Pending>,
    wake: Condvar,
    /// The newest generation submitted; a search for an older one stops.
    latest: AtomicU64,
    /// How many searches ran to the end (stale ones do not count).
    finished: AtomicU64,
}

#[derive(Default)]
struct Pending {
    /// Only the newest query waits: submitting replaces an unstarted one.
    query: Option<(u64, String, usize)>,
    stop: bool,
}

/// A search thread owning its [`Searcher`] (so narrowing carries over from
/// keystroke to keystroke).
pub struct SearchWorker {
    shared: Arc<Shared>,
    /// Hits per search unless a submission says otherwise.
    limit: usize,
    results: Receiver<Results>,
    thread: Option<JoinHandle<()>>,
}

impl SearchWorker {
    /// Starts the worker; each search returns at most `limit` hits.
    pub fn new(index: Arc<SearchIndex>, limit: usize) -> SearchWorker {
        SearchWorker::notifying(index, limit, || {})
    }

    /// Like [`SearchWorker::new`], calling `notify` on the worker's thread
    /// each time results are ready, so that an event loop can sleep until
    /// something happens instead of polling.
    pub fn notifying(
        index: Arc<SearchIndex>,
        limit: usize,
        notify: impl Fn() + Send + 'static,
    ) -> SearchWorker {
        let shared = Arc::new(Shared {
            pending: Mutex::new(Pending::default()),
            wake: Condvar::new(),
            latest: AtomicU64::new(0),
            finished: AtomicU64::new(0),
        });
        let (send, results) = mpsc::channel();
        let theirs = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("agon-search".into())
            .spawn(move || run(&theirs, Searcher::new(index), &send, &notify))
            .ok();
        SearchWorker {
            shared,
            limit,
            results,
            thread,
        }
    }

    /// Queues `query` and returns its generation number at once. Any query
    /// still waiting is dropped, and a search already running for an older
    /// one is abandoned.
    pub fn submit(&self, query: String) -> u64 {
        self.submit_limited(query, self.limit)
    }

    /// Like [`SearchWorker::submit`], for at most `limit` hits.
    pub fn submit_limited(&self, query: String, limit: usize) -> u64 {
        let mut pending = lock(&self.shared.pending);
        let generation = self.shared.latest.load(Ordering::SeqCst) + 1;
        self.shared.latest.store(generation, Ordering::SeqCst);
        pending.query = Some((generation, query, limit));
        self.shared.wake.notify_one();
        generation
    }

    /// The most recent results that arrived since the last call, without
    /// waiting; older ones that arrived in between are skipped.
    pub fn try_recv(&self) -> Option<Results> {
        self.results.try_iter().last()
    }

    /// Waits up to `timeout` for results, then returns the most recent.
    pub fn recv_timeout(&self, timeout: Duration) -> Option<Results> {
        match self.results.recv_timeout(timeout) {
            Ok(first) => Some(self.try_recv().unwrap_or(first)),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
        }
    }

    /// Waits up to `timeout` for the complete results of `generation`.
    pub fn wait_for(&self, generation: u64, timeout: Duration) -> Option<Results> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            match self.results.recv_timeout(left) {
                Ok(r) if r.generation == generation && r.complete => return Some(r),
                Ok(r) if r.generation > generation => return None,
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    }

    /// The newest generation submitted.
    pub fn latest(&self) -> u64 {
        self.shared.latest.load(Ordering::SeqCst)
    }

    /// How many searches ran to the end; the rest were dropped as stale.
    pub fn searches_finished(&self) -> u64 {
        self.shared.finished.load(Ordering::SeqCst)
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        lock(&self.shared.pending).stop = true;
        // Make a running search stop at its next check.
        self.shared.latest.fetch_add(1, Ordering::SeqCst);
        self.shared.wake.notify_one();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A lock that survives a panic elsewhere: the data is a plain slot.
fn lock(m: &Mutex<Pending>) -> std::sync::MutexGuard<'_, Pending> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn run(shared: &Shared, mut searcher: Searcher, send: &mpsc::Sender<Results>, notify: &dyn Fn()) {
    loop {
        let (generation, query, limit) = {
            let mut pending = lock(&shared.pending);
            loop {
                if pending.stop {
                    return;
                }
                if let Some(next) = pending.query.take() {
                    break next;
                }
                pending = shared.wake.wait(pending).unwrap_or_else(|e| e.into_inner());
            }
        };
        let stale = || shared.latest.load(Ordering::SeqCst) != generation;
        let mut early = |mut partial: Results| {
            partial.generation = generation;
            let _ = send.send(partial);
            notify();
        };
        if let Some(mut results) = searcher.search_with(&query, limit, &stale, &mut early) {
            results.generation = generation;
            shared.finished.fetch_add(1, Ordering::SeqCst);
            if send.send(results).is_err() {
                return;
            }
            notify();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;

    fn index(nodes: usize) -> Arc<SearchIndex> {
        let graph = Graph::from_file(crate::synth::debate(nodes, 5));
        Arc::new(SearchIndex::new(Arc::new(graph)))
    }

    #[test]
    fn stale_queries_are_dropped_and_the_last_one_answered() {
        let worker = SearchWorker::new(index(30_000), 20);
        let queries = ["m", "mo", "mor", "mora", "moral", "morale"];
        let mut last = 0;
        for round in 0..40 {
            for q in queries {
                last = worker.submit(format!("{q} {}", round % 3));
            }
        }
        let submitted = (queries.len() * 40) as u64;
        assert_eq!(last, submitted);
        let results = worker
            .wait_for(last, Duration::from_secs(60))
            .expect("the last query is answered");
        assert_eq!(results.query, format!("morale {}", 39 % 3));
        assert!(results.complete);
        assert!(
            worker.searches_finished() < submitted,
            "{} of {submitted} searches ran",
            worker.searches_finished()
        );
        // Nothing newer is left to arrive.
        assert!(worker.recv_timeout(Duration::from_millis(50)).is_none());
    }

    #[test]
    fn results_match_a_direct_search() {
        let idx = index(2_000);
        let worker = SearchWorker::new(Arc::clone(&idx), 10);
        let g = worker.submit("supply".into());
        let from_worker = worker.wait_for(g, Duration::from_secs(60)).unwrap();
        let direct = super::super::search(&idx, "supply", 10);
        assert_eq!(from_worker.hits, direct.hits);
        assert_eq!(from_worker.total_matched, direct.total_matched);
        assert!(!from_worker.hits.is_empty());
    }

    #[test]
    fn try_recv_never_blocks_and_drop_stops_the_thread() {
        let worker = SearchWorker::new(index(100), 5);
        assert!(worker.try_recv().is_none() || worker.latest() == 0);
        worker.submit("army".into());
        drop(worker);
    }
}
