//! Files already hashed: a file whose size, times and inode are as they
//! were when its bytes were last hashed need not be read again to find its
//! cache entry. The key is still the hash of the bytes; this only
//! remembers it, as git's index remembers which files are unchanged.
//!
//! A record is trusted only when the file's change time (`ctime`, which no
//! tool can set back) and modification time are both unchanged, and were
//! already two seconds old when the record was written: a file written
//! within the same clock tick as its hash could change again without its
//! times changing, so such a file is hashed every time.

use std::path::Path;

use super::{Key, LoadCache};

/// Records kept; the oldest go first.
pub(super) const MAX_SEEN: usize = 256;

/// Younger files than this are hashed every time (see above).
pub(super) const SETTLED: std::time::Duration = std::time::Duration::from_secs(2);

impl LoadCache {
    /// The key `path` had when last hashed, if `meta` shows it unchanged.
    pub fn remembered_key(&self, path: &Path, meta: &std::fs::Metadata) -> Option<Key> {
        let stamp = stamp(path, meta)?;
        let record = std::fs::read_to_string(self.seen_path(path)).ok()?;
        let hex = record.strip_prefix(&format!("{}\t{stamp}\t", self.version))?;
        let hex = hex.strip_suffix('\n')?;
        (hex.len() == 32)
            .then(|| u128::from_str_radix(hex, 16).ok())
            .flatten()
            .map(Key)
    }

    /// Remembers that `path`, as `meta` describes it, hashed to `key`;
    /// files changed too recently to be trusted are not remembered.
    pub fn remember_key(&self, path: &Path, meta: &std::fs::Metadata, key: Key) {
        let settled = |t: std::io::Result<std::time::SystemTime>| {
            t.ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age >= self.settled)
        };
        if !settled(meta.modified()) || !settled(change_time(meta)) {
            return;
        }
        let Some(stamp) = stamp(path, meta) else {
            return;
        };
        let record = format!("{}\t{stamp}\t{:032x}\n", self.version, key.0);
        let _ = self.write_seen(path, &record);
    }

    fn write_seen(&self, path: &Path, record: &str) -> std::io::Result<()> {
        use std::io::Write;
        std::fs::create_dir_all(&self.dir)?;
        let (tmp, mut out) = super::tempfile_in(&self.dir)?;
        out.write_all(record.as_bytes())?;
        out.flush()?;
        drop(out);
        std::fs::rename(&tmp, self.seen_path(path)).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }

    fn seen_path(&self, path: &Path) -> std::path::PathBuf {
        let name = path.as_os_str().as_encoded_bytes();
        let hash = xxhash_rust::xxh3::xxh3_64(name);
        self.dir.join(format!("seen-{hash:016x}"))
    }
}

/// The change time (`ctime`) of `meta`.
pub fn change_time(meta: &std::fs::Metadata) -> std::io::Result<std::time::SystemTime> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let since = std::time::Duration::new(meta.ctime().max(0) as u64, meta.ctime_nsec() as u32);
        Ok(std::time::UNIX_EPOCH + since)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Err(std::io::Error::other("no change time on this system"))
    }
}

/// What must be unchanged: path, device, inode, size, modification and
/// change times. `None` where the system does not give them all.
fn stamp(path: &Path, meta: &std::fs::Metadata) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let path = std::fs::canonicalize(path).ok()?;
        Some(format!(
            "{}\t{}\t{}\t{}.{:09}\t{}.{:09}\t{}",
            meta.dev(),
            meta.ino(),
            meta.len(),
            meta.mtime(),
            meta.mtime_nsec(),
            meta.ctime(),
            meta.ctime_nsec(),
            path.display()
        ))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, meta);
        None
    }
}
