//! The load cache: hits give back the same graph; a changed file, another
//! version, a corrupt or truncated entry all miss; the directory stays
//! within its budget; the command line uses it unless told not to.

use std::path::{Path, PathBuf};
use std::process::Command;

use agon::cache::LoadCache;
use agon::graph::Graph;

fn graph(nodes: usize, seed: u64) -> Graph {
    Graph::from_file(agon::synth::debate(nodes, seed))
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|x| x == "graph"));
    v.sort();
    v
}

#[test]
fn a_hit_gives_back_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    let cache = LoadCache::at(dir.path(), "1.0.0");
    let g = graph(500, 3);
    let key = cache.key("ron", b"the file's bytes");
    assert!(cache.get(key).is_none());
    cache.put(key, &g);
    let back = cache.get(key).expect("a hit");
    assert_eq!(back.to_file(), g.to_file());
    assert_eq!(back.relation_count(), g.relation_count());
    // Relations come back by node number; ids, sides and both directions
    // must agree with the graph that was stored.
    for ix in g.indices() {
        assert_eq!(back.by_id(&g.node(ix).id), Some(ix));
        assert_eq!(back.side(ix), g.side(ix));
        assert_eq!(back.supporters(ix), g.supporters(ix));
        assert_eq!(back.attackers(ix), g.attackers(ix));
    }
}

/// A big graph is stored in parts decoded side by side; it must come back
/// whole and in order.
#[test]
fn a_graph_stored_in_parts_comes_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let cache = LoadCache::at(dir.path(), "1.0.0");
    let g = graph(40_000, 5);
    let key = cache.key("ron", b"a big file");
    cache.put(key, &g);
    let back = cache.get(key).expect("a hit");
    assert_eq!(back.to_file(), g.to_file());
    assert_eq!(back.relation_count(), g.relation_count());
}

#[test]
fn a_streamed_key_is_the_key_of_the_whole_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let cache = LoadCache::at(dir.path(), "1.0.0");
    // Longer than the reader's buffer, so it is hashed in several pieces.
    let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    let streamed = cache.key_of_reader("ron", &bytes[..], 1 << 30).unwrap();
    assert_eq!(streamed, Ok(cache.key("ron", &bytes)));
    assert_ne!(streamed, Ok(cache.key("json", &bytes)));
    // Past the cap, it stops and says how much it read.
    let over = cache.key_of_reader("ron", &bytes[..], 1_000_000).unwrap();
    assert!(matches!(over, Err(n) if n > 1_000_000), "{over:?}");
}

#[test]
fn a_changed_file_or_format_misses() {
    let dir = tempfile::tempdir().unwrap();
    let cache = LoadCache::at(dir.path(), "1.0.0");
    cache.put(cache.key("ron", b"version one"), &graph(50, 1));
    assert!(cache.get(cache.key("ron", b"version two")).is_none());
    assert!(cache.get(cache.key("json", b"version one")).is_none());
    assert!(cache.get(cache.key("ron", b"version one")).is_some());
}

#[test]
fn another_version_misses_even_under_the_same_name() {
    let dir = tempfile::tempdir().unwrap();
    let old = LoadCache::at(dir.path(), "1.0.0");
    let new = LoadCache::at(dir.path(), "1.1.0");
    let bytes = b"same file";
    old.put(old.key("ron", bytes), &graph(50, 1));
    assert!(new.get(new.key("ron", bytes)).is_none());
    // Even an entry moved to the new version's name is not trusted: its
    // header says which version wrote it.
    let [written] = entries(dir.path()).try_into().unwrap();
    let new_key = new.key("ron", bytes);
    new.put(new_key, &graph(10, 2));
    let new_path = entries(dir.path())
        .into_iter()
        .find(|p| *p != written)
        .unwrap();
    std::fs::rename(&written, &new_path).unwrap();
    assert!(new.get(new_key).is_none());
    assert!(!new_path.exists(), "a bad entry is removed");
}

#[test]
fn a_corrupt_or_truncated_entry_is_ignored_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let cache = LoadCache::at(dir.path(), "1.0.0");
    let key = cache.key("ron", b"x");
    let g = graph(300, 5);
    for damage in 0..4 {
        cache.put(key, &g);
        let [path] = entries(dir.path()).try_into().unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        let len = bytes.len();
        match damage {
            0 => bytes[len / 2] ^= 0x20,
            1 => bytes.truncate(len / 2),
            2 => bytes.truncate(3),
            _ => bytes[len - 1] ^= 1,
        }
        std::fs::write(&path, &bytes).unwrap();
        assert!(cache.get(key).is_none(), "damage {damage}");
        assert!(!path.exists(), "damage {damage}");
    }
    // Rebuilt on the next store.
    cache.put(key, &g);
    assert!(cache.get(key).is_some());
}

#[test]
fn the_directory_stays_within_its_budget() {
    let dir = tempfile::tempdir().unwrap();
    let probe = LoadCache::at(dir.path(), "1.0.0");
    let g = graph(200, 1);
    probe.put(probe.key("ron", b"probe"), &g);
    let size = std::fs::metadata(&entries(dir.path())[0]).unwrap().len();
    let cache = LoadCache::at(dir.path(), "1.0.0").with_budget(size * 3);
    for n in 0..10u8 {
        cache.put(cache.key("ron", &[n]), &g);
        // Distinct modification times, for the order of eviction.
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    let left = entries(dir.path());
    assert_eq!(left.len(), 3, "{left:?}");
    // The newest stay.
    assert!(cache.get(cache.key("ron", &[9])).is_some());
    assert!(cache.get(cache.key("ron", &[0])).is_none());
}

fn agon(cache: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_agon"))
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_uses_the_cache_unless_told_not_to() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let file = tmp.path().join("big.ron");
    let text = agon::synth::to_ron(&agon::synth::debate(300, 7));
    std::fs::write(&file, &text).unwrap();
    let file = file.to_str().unwrap();

    let fresh = agon(&cache, &["check", "--no-cache", file]);
    assert!(fresh.status.success(), "{fresh:?}");
    assert!(entries(&cache.join("agon")).is_empty());

    let first = agon(&cache, &["check", file]);
    assert_eq!(first.stdout, fresh.stdout);
    let [entry] = entries(&cache.join("agon")).try_into().unwrap();
    let warm = agon(&cache, &["check", file]);
    assert_eq!(warm.stdout, fresh.stdout);
    let search = agon(&cache, &["search", "morale", file]);
    let search_fresh = agon(&cache, &["search", "--no-cache", "morale", file]);
    assert_eq!(search.stdout, search_fresh.stdout);

    // A corrupt entry is rebuilt, and the answer stays right.
    std::fs::write(&entry, b"agoncch1 not really").unwrap();
    let after = agon(&cache, &["check", file]);
    assert_eq!(after.stdout, fresh.stdout);
    assert!(std::fs::metadata(&entry).unwrap().len() > 100);

    // An edited file misses, and is checked afresh.
    std::fs::write(file, text.replacen("title:", "oops: 1, title:", 1)).unwrap();
    let broken = agon(&cache, &["check", file]);
    assert!(!broken.status.success());
}

/// A file whose size, times and inode are unchanged is not hashed again:
/// its key is remembered. Any edit changes its change time, which no tool
/// sets back, so an edit of the same size with its old modification time
/// restored is still seen.
#[test]
fn an_unchanged_file_keeps_its_key_and_an_edited_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let cache =
        LoadCache::at(dir.path().join("cache"), "1.0.0").settled_after(std::time::Duration::ZERO);
    let file = dir.path().join("debate.ron");
    std::fs::write(&file, "version one").unwrap();
    let meta = std::fs::metadata(&file).unwrap();
    let key = cache.key("Some(Agon)", b"version one");
    assert_eq!(cache.remembered_key(&file, &meta), None);
    cache.remember_key(&file, &meta, key);
    assert_eq!(cache.remembered_key(&file, &meta), Some(key));
    // Another agon version does not trust it.
    let other = LoadCache::at(dir.path().join("cache"), "2.0.0");
    assert_eq!(other.remembered_key(&file, &meta), None);
    // The same size, the old modification time put back: still an edit.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&file, "version two").unwrap();
    let handle = std::fs::File::options().write(true).open(&file).unwrap();
    handle.set_modified(meta.modified().unwrap()).unwrap();
    let edited = std::fs::metadata(&file).unwrap();
    assert_eq!(edited.len(), meta.len());
    assert_eq!(edited.modified().unwrap(), meta.modified().unwrap());
    assert_eq!(cache.remembered_key(&file, &edited), None);
}

/// A file written a moment ago could change again within the same clock
/// tick without its times changing: its hash is not remembered.
#[test]
fn a_file_written_a_moment_ago_is_hashed_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let cache = LoadCache::at(dir.path().join("cache"), "1.0.0");
    let file = dir.path().join("debate.ron");
    std::fs::write(&file, "fresh").unwrap();
    let meta = std::fs::metadata(&file).unwrap();
    cache.remember_key(&file, &meta, cache.key("Some(Agon)", b"fresh"));
    assert_eq!(cache.remembered_key(&file, &meta), None);
}

/// The record of hashed files never grows without bound.
#[test]
fn the_record_of_hashed_files_is_capped() {
    let dir = tempfile::tempdir().unwrap();
    let cache_dir = dir.path().join("cache");
    let cache = LoadCache::at(&cache_dir, "1.0.0").settled_after(std::time::Duration::ZERO);
    for n in 0..300 {
        let file = dir.path().join(format!("{n}.ron"));
        std::fs::write(&file, n.to_string()).unwrap();
        let meta = std::fs::metadata(&file).unwrap();
        cache.remember_key(&file, &meta, cache.key("ron", n.to_string().as_bytes()));
    }
    let records = || {
        std::fs::read_dir(&cache_dir)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("seen-"))
            .count()
    };
    assert_eq!(records(), 300);
    // Storing an entry trims the directory, records included.
    cache.put(cache.key("ron", b"x"), &graph(10, 1));
    assert_eq!(records(), 256);
}
