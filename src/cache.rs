//! The load cache: a debate that loaded cleanly, kept in agon's cache
//! directory in a compact binary form, so that opening the same file again
//! skips parsing and validation.
//!
//! An entry is keyed by a hash of the file's bytes, its format and agon's
//! version; a changed file or a new agon misses. An entry carries a
//! checksum of its payload: a corrupt or truncated one is ignored, removed
//! and rebuilt, never trusted. The directory is kept under a size budget by
//! removing the entries used longest ago.
//!
//! The payload is postcard: serde's compact binary format (varints, no
//! field names), with the nodes in up to eight parts that are decoded side
//! by side. `cargo run --release --example cache_formats -- 100000`
//! compares it with parsing RON and JSON. Relations are kept as node
//! numbers, so reading an entry back looks up no id; building every string
//! is most of a warm load's time.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};

mod seen;

pub use seen::change_time;

use crate::graph::{Basis, DebateFile, Graph, Kind, Node, NodeIx, Origin, Source, Step, Tour};

/// Starts every entry, so that a stray file is never read as one.
const MAGIC: &[u8; 8] = b"agoncch2";
/// How much the cache directory may hold; older entries go first.
pub const BUDGET_BYTES: u64 = 2 << 30;
/// How many entries it may hold.
pub const MAX_ENTRIES: usize = 64;

static DISABLED: AtomicBool = AtomicBool::new(false);

/// Turns the cache off for this process (`--no-cache`).
pub fn disable() {
    DISABLED.store(true, Ordering::Relaxed);
}

/// A cache directory and the version its entries must be written by.
#[derive(Debug, Clone)]
pub struct LoadCache {
    dir: PathBuf,
    version: String,
    budget: u64,
    /// How old a file's times must be for its hash to be remembered.
    settled: std::time::Duration,
}

/// An entry's bytes, mapped from the file where the system allows it.
///
/// Reading a big entry into fresh memory cost more than decoding it: the
/// kernel zeroes every page first (half of a warm 1M-node load). Mapped,
/// the bytes are the page cache's own. Entries are only ever written whole
/// to a new file and renamed into place, and removed by unlinking, so a
/// mapped entry never changes under the reader.
enum Entry {
    Mapped(memmap2::Mmap),
    Read(Vec<u8>),
}

impl Entry {
    fn open(path: &Path) -> Option<Entry> {
        let file = std::fs::File::open(path).ok()?;
        // SAFETY: see above; an entry's file is never written in place.
        match unsafe { memmap2::MmapOptions::new().populate().map(&file) } {
            Ok(map) => Some(Entry::Mapped(map)),
            Err(_) => std::fs::read(path).ok().map(Entry::Read),
        }
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Entry::Mapped(map) => map,
            Entry::Read(bytes) => bytes,
        }
    }
}

/// What identifies one entry: the hash of what was loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(u128);

impl LoadCache {
    /// The cache of this process: `$XDG_CACHE_HOME/agon`, else
    /// `$HOME/.cache/agon`; none when turned off or neither is set.
    pub fn for_process() -> Option<LoadCache> {
        if DISABLED.load(Ordering::Relaxed) {
            return None;
        }
        let dir = cache_dir_from(|name| std::env::var_os(name))?;
        Some(LoadCache::at(dir, env!("CARGO_PKG_VERSION")))
    }

    /// A cache in `dir` for entries written by agon `version`.
    pub fn at(dir: impl Into<PathBuf>, version: &str) -> LoadCache {
        LoadCache {
            dir: dir.into(),
            version: version.to_string(),
            budget: BUDGET_BYTES,
            settled: seen::SETTLED,
        }
    }

    /// Keeps the directory under `bytes`.
    /// Remembers the hash of files whose times are at least `age` old
    /// (two seconds unless set; tests set zero).
    pub fn settled_after(mut self, age: std::time::Duration) -> LoadCache {
        self.settled = age;
        self
    }

    pub fn with_budget(mut self, bytes: u64) -> LoadCache {
        self.budget = bytes;
        self
    }

    /// The key of `bytes` read as `format` (any name that tells formats apart).
    pub fn key(&self, format: &str, bytes: &[u8]) -> Key {
        let mut h = self.hasher(format);
        h.update(bytes);
        Key(h.digest128())
    }

    /// [`LoadCache::key`] of what `reader` holds, read in pieces: a warm
    /// load need not hold the whole file in memory only to hash it. Reads
    /// at most `cap + 1` bytes; `None` with the count read past `cap`.
    pub fn key_of_reader(
        &self,
        format: &str,
        mut reader: impl std::io::Read,
        cap: u64,
    ) -> std::io::Result<Result<Key, u64>> {
        let mut h = self.hasher(format);
        let mut buf = vec![0u8; 1 << 20];
        let mut total = 0u64;
        loop {
            let n = match reader.read(&mut buf) {
                Ok(0) => return Ok(Ok(Key(h.digest128()))),
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            total += n as u64;
            if total > cap {
                return Ok(Err(total));
            }
            h.update(&buf[..n]);
        }
    }

    fn hasher(&self, format: &str) -> xxhash_rust::xxh3::Xxh3 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(self.version.as_bytes());
        h.update(&[0]);
        h.update(format.as_bytes());
        h.update(&[0]);
        h
    }

    fn path(&self, key: Key) -> PathBuf {
        self.dir.join(format!("{:032x}.graph", key.0))
    }

    /// The graph stored under `key`, if a sound entry is there.
    pub fn get(&self, key: Key) -> Option<Graph> {
        let path = self.path(key);
        let bytes = Entry::open(&path)?;
        match self.decode(key, bytes.bytes()) {
            Some(file) => {
                // Mark it used, for eviction; failing to is harmless.
                let _ = std::fs::File::options()
                    .append(true)
                    .open(&path)
                    .and_then(|f| f.set_modified(std::time::SystemTime::now()));
                Some(file)
            }
            None => {
                let _ = std::fs::remove_file(&path);
                None
            }
        }
    }

    fn decode(&self, key: Key, bytes: &[u8]) -> Option<Graph> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (header, payload) = postcard::take_from_bytes::<Header>(rest).ok()?;
        if header.version != self.version || header.key != key.0 {
            return None;
        }
        if header.len != payload.len() as u64
            || header.checksum != xxhash_rust::xxh3::xxh3_64(payload)
        {
            return None;
        }
        let stored: Stored = postcard::from_bytes(payload).ok()?;
        let nodes = decode_parts(&stored.node_parts)?;
        Some(stored.into_graph(nodes))
    }

    /// Stores `graph` under `key`, written whole to a temporary file and
    /// renamed into place, then trims the directory to its budget. Failing
    /// to store only costs the next load its speed, so errors are dropped.
    pub fn put(&self, key: Key, graph: &Graph) {
        let _ = self.try_put(key, graph);
        self.evict();
    }

    fn try_put(&self, key: Key, graph: &Graph) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let stored = StoredRef::of(graph).map_err(std::io::Error::other)?;
        let payload = postcard::to_stdvec(&stored).map_err(std::io::Error::other)?;
        let header = Header {
            version: self.version.clone(),
            key: key.0,
            len: payload.len() as u64,
            checksum: xxhash_rust::xxh3::xxh3_64(&payload),
        };
        let header = postcard::to_stdvec(&header).map_err(std::io::Error::other)?;
        let mut tmp = tempfile_in(&self.dir)?;
        tmp.1.write_all(MAGIC)?;
        tmp.1.write_all(&header)?;
        tmp.1.write_all(&payload)?;
        tmp.1.flush()?;
        std::fs::rename(&tmp.0, self.path(key)).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp.0);
        })
    }

    /// Removes the entries used longest ago until the rest fit the budget.
    fn evict(&self) {
        self.evict_seen();
        let entries = self.newest_first(|e| e.path().extension().is_some_and(|x| x == "graph"));
        let mut total = 0u64;
        for (n, (len, path)) in entries.into_iter().enumerate() {
            total = total.saturating_add(len);
            if total > self.budget || n >= MAX_ENTRIES {
                let _ = std::fs::remove_file(path);
            }
        }
    }

    /// Keeps the newest [`seen::MAX_SEEN`] records of files already hashed.
    fn evict_seen(&self) {
        let records = self.newest_first(|e| e.file_name().to_string_lossy().starts_with("seen-"));
        for (_, path) in records.into_iter().skip(seen::MAX_SEEN) {
            let _ = std::fs::remove_file(path);
        }
    }

    /// The files of the cache directory that `wanted` picks, with their
    /// sizes, the most recently used first.
    fn newest_first(&self, wanted: impl Fn(&std::fs::DirEntry) -> bool) -> Vec<(u64, PathBuf)> {
        let Ok(dir) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> = dir
            .flatten()
            .filter(|e| wanted(e))
            .filter_map(|e| {
                let meta = e.metadata().ok()?;
                Some((meta.modified().ok()?, meta.len(), e.path()))
            })
            .collect();
        files.sort_by_key(|f| std::cmp::Reverse(f.0));
        files
            .into_iter()
            .map(|(_, len, path)| (len, path))
            .collect()
    }
}

/// The model's nodes from an entry's parts, in order, each part freed as
/// soon as it is taken (the relations are the index's, not the nodes').
fn into_nodes(parts: Vec<Vec<StoredNode>>, count: usize) -> Vec<Node> {
    let mut nodes = Vec::with_capacity(count);
    for part in parts {
        nodes.extend(part.into_iter().map(|n| Node {
            id: n.id,
            kind: n.kind,
            title: n.title,
            text: n.text,
            tags: n.tags,
            supports: Vec::new(),
            attacks: Vec::new(),
            quote: n.quote,
            source: n.source,
            locator: n.locator,
            basis: n.basis,
            origin: n.origin,
            weight: n.weight,
        }));
    }
    nodes
}

/// The nodes of an entry, its parts decoded side by side; `None` if any
/// part does not decode. No more threads than cores: the explorer draws
/// its first frame while the load runs, and a thread per part would leave
/// it waiting for a core.
fn decode_parts(parts: &[&[u8]]) -> Option<Vec<Vec<StoredNode>>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_thread = parts.len().div_ceil(cores.max(1)).max(1);
    let decode = |group: &[&[u8]]| -> Option<Vec<Vec<StoredNode>>> {
        group
            .iter()
            .map(|part| postcard::from_bytes::<Vec<StoredNode>>(part).ok())
            .collect()
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .chunks(per_thread)
            .map(|group| s.spawn(move || decode(group)))
            .collect();
        let mut nodes = Vec::with_capacity(parts.len());
        for handle in handles {
            nodes.extend(handle.join().ok().flatten()?);
        }
        Some(nodes)
    })
}

/// A new file in `dir` with a name no other process picks.
fn tempfile_in(dir: &Path) -> std::io::Result<(PathBuf, std::io::BufWriter<std::fs::File>)> {
    use std::sync::atomic::AtomicU64;
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = format!(
        ".tmp-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let path = dir.join(name);
    let file = std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(&path)?;
    Ok((path, std::io::BufWriter::new(file)))
}

/// `$XDG_CACHE_HOME/agon`, else `$HOME/.cache/agon`, reading variables
/// through `var` so that the rule can be tested.
pub fn cache_dir_from(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |name: &str| var(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    // The XDG spec says a relative value is invalid and must be ignored.
    if let Some(dir) = set("XDG_CACHE_HOME").filter(|p| p.is_absolute()) {
        return Some(dir.join("agon"));
    }
    set("HOME").map(|home| home.join(".cache").join("agon"))
}

#[derive(Serialize, Deserialize)]
struct Header {
    version: String,
    key: u128,
    len: u64,
    checksum: u64,
}

// The model's serde shape skips empty fields, which only a self-describing
// format can read back; the cache has its own shape with every field.

#[derive(Deserialize)]
struct Stored<'a> {
    title: String,
    description: Option<String>,
    question: Option<String>,
    sources: Vec<StoredSource>,
    /// The nodes in parts, each a postcard `Vec<StoredNode>`, so that the
    /// parts can be decoded side by side.
    #[serde(borrow)]
    node_parts: Vec<&'a [u8]>,
    tours: Vec<StoredTour>,
}

#[derive(Serialize)]
struct StoredRef<'a> {
    title: &'a str,
    description: &'a Option<String>,
    question: &'a Option<String>,
    sources: Vec<StoredSourceRef<'a>>,
    node_parts: Vec<Vec<u8>>,
    tours: Vec<StoredTourRef<'a>>,
}

/// Nodes per part of an entry; at most [`MAX_PARTS`] parts.
const PART_NODES: usize = 16_384;
const MAX_PARTS: usize = 8;

#[derive(Deserialize)]
struct StoredNode {
    id: String,
    kind: Kind,
    title: String,
    text: Option<String>,
    tags: Vec<String>,
    supports: Vec<u32>,
    attacks: Vec<u32>,
    quote: Option<String>,
    source: Option<String>,
    locator: Option<String>,
    basis: Option<Basis>,
    origin: Origin,
    weight: Option<f64>,
}

#[derive(Serialize)]
struct StoredNodeRef<'a> {
    id: &'a str,
    kind: Kind,
    title: &'a str,
    text: &'a Option<String>,
    tags: &'a [String],
    supports: Vec<u32>,
    attacks: Vec<u32>,
    quote: &'a Option<String>,
    source: &'a Option<String>,
    locator: &'a Option<String>,
    basis: Option<Basis>,
    origin: Origin,
    weight: Option<f64>,
}

#[derive(Deserialize)]
struct StoredSource {
    id: String,
    title: String,
    outlet: Option<String>,
    author: Option<String>,
    date: Option<String>,
    url: Option<String>,
    note: Option<String>,
}

#[derive(Serialize)]
struct StoredSourceRef<'a> {
    id: &'a str,
    title: &'a str,
    outlet: &'a Option<String>,
    author: &'a Option<String>,
    date: &'a Option<String>,
    url: &'a Option<String>,
    note: &'a Option<String>,
}

#[derive(Deserialize)]
struct StoredTour {
    id: String,
    title: String,
    description: Option<String>,
    steps: Vec<(String, String)>,
}

#[derive(Serialize)]
struct StoredTourRef<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a Option<String>,
    steps: Vec<(&'a str, &'a str)>,
}

impl<'a> StoredRef<'a> {
    fn of(g: &'a Graph) -> postcard::Result<StoredRef<'a>> {
        let ixs = |v: &[crate::graph::NodeIx]| v.iter().map(|ix| ix.0).collect();
        let nodes: Vec<StoredNodeRef> = g
            .indices()
            .map(|ix| {
                let n = g.node(ix);
                StoredNodeRef {
                    id: &n.id,
                    kind: n.kind,
                    title: &n.title,
                    text: &n.text,
                    tags: &n.tags,
                    supports: ixs(g.supports(ix)),
                    attacks: ixs(g.attacks(ix)),
                    quote: &n.quote,
                    source: &n.source,
                    locator: &n.locator,
                    basis: n.basis,
                    origin: n.origin,
                    weight: n.weight,
                }
            })
            .collect();
        let parts = (nodes.len() / PART_NODES).clamp(1, MAX_PARTS);
        let per_part = nodes.len().div_ceil(parts).max(1);
        let node_parts = nodes
            .chunks(per_part)
            .map(postcard::to_stdvec)
            .collect::<postcard::Result<Vec<_>>>()?;
        Ok(StoredRef {
            title: &g.title,
            description: &g.description,
            question: &g.question,
            sources: g
                .sources
                .iter()
                .map(|s| StoredSourceRef {
                    id: &s.id,
                    title: &s.title,
                    outlet: &s.outlet,
                    author: &s.author,
                    date: &s.date,
                    url: &s.url,
                    note: &s.note,
                })
                .collect(),
            node_parts,
            tours: g
                .tours
                .iter()
                .map(|t| StoredTourRef {
                    id: &t.id,
                    title: &t.title,
                    description: &t.description,
                    steps: t
                        .steps
                        .iter()
                        .map(|s| (s.node.as_str(), s.say.as_str()))
                        .collect(),
                })
                .collect(),
        })
    }
}

impl Stored<'_> {
    /// The graph back, its relations straight from their node numbers (no
    /// id is hashed or looked up). A number out of range cannot pass the
    /// checksum; it is skipped rather than trusted.
    fn into_graph(self, parts: Vec<Vec<StoredNode>>) -> Graph {
        let n = parts.iter().map(Vec::len).sum::<usize>() as u32;
        let (mut supports, mut attacks) = (Vec::new(), Vec::new());
        for (i, node) in parts.iter().flatten().enumerate() {
            let from = NodeIx(i as u32);
            let edge = |&t: &u32| (t < n).then_some((from, NodeIx(t)));
            supports.extend(node.supports.iter().filter_map(edge));
            attacks.extend(node.attacks.iter().filter_map(edge));
        }
        let file = DebateFile {
            title: self.title,
            description: self.description,
            question: self.question,
            sources: self
                .sources
                .into_iter()
                .map(|s| Source {
                    id: s.id,
                    title: s.title,
                    outlet: s.outlet,
                    author: s.author,
                    date: s.date,
                    url: s.url,
                    note: s.note,
                })
                .collect(),
            nodes: into_nodes(parts, n as usize),
            tours: self
                .tours
                .into_iter()
                .map(|t| Tour {
                    id: t.id,
                    title: t.title,
                    description: t.description,
                    steps: t
                        .steps
                        .into_iter()
                        .map(|(node, say)| Step { node, say })
                        .collect(),
                })
                .collect(),
        };
        Graph::from_edges(file, &supports, &attacks)
    }
}
