//! Replacing a file so that a crash at any moment leaves either the old
//! content or the new, never a torn mix: write a temporary file beside the
//! target, flush it to disk, then rename it over the target.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// Tells temporary files of one process apart when it saves twice at once.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Replaces `path` with `bytes` atomically, creating its directory if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, false)
}

/// Like [`write_atomic`]; `private` makes the new file readable by its owner
/// only (notes are the user's own business).
pub(crate) fn write_atomic_with(path: &Path, bytes: &[u8], private: bool) -> io::Result<()> {
    let (dir, name) = split(path)?;
    fs::create_dir_all(&dir)?;
    let (temp, mut file) = create_temp(&dir, &name, private)?;
    // A file written over keeps its mode: an export over a private file
    // must not become readable by everyone.
    let kept_mode = match fs::metadata(path) {
        Ok(meta) if !private && meta.is_file() => file.set_permissions(meta.permissions()),
        _ => Ok(()),
    };
    let written = kept_mode
        .and_then(|()| file.write_all(bytes))
        .and_then(|()| file.flush())
        .and_then(|()| file.sync_all());
    drop(file);
    if let Err(err) = written.and_then(|()| fs::rename(&temp, path)) {
        let _ = fs::remove_file(&temp);
        return Err(err);
    }
    sync_dir(&dir);
    Ok(())
}

/// The start of the names of `name`'s temporary files: hidden, and never
/// ending in `.ron`, so nothing mistakes one for a state file.
pub(crate) fn temp_prefix(name: &str) -> String {
    format!(".{name}.tmp-")
}

/// Removes temporary files of `name` in `dir` left by saves that were killed
/// before their rename, when older than `max_age` (a younger one may belong
/// to another agon saving right now). Returns what it removed.
pub(crate) fn clean_stale_temps(dir: &Path, name: &str, max_age: Duration) -> Vec<PathBuf> {
    let prefix = temp_prefix(name);
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let now = SystemTime::now();
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(&prefix) {
            continue;
        }
        let old_enough = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age >= max_age);
        if old_enough && fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

fn split(path: &Path) -> io::Result<(PathBuf, String)> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?
        .to_string_lossy()
        .into_owned();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((dir, name))
}

fn create_temp(dir: &Path, name: &str, private: bool) -> io::Result<(PathBuf, File)> {
    let prefix = temp_prefix(name);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!("{prefix}{}-{n}", std::process::id()));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        match options.open(&temp) {
            Ok(file) => return Ok((temp, file)),
            // A leftover of a killed process that had our pid: try the next name.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Makes the rename itself durable. Best effort: not every platform or
/// file system lets a directory be opened and synced.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub").join("out.md");
        write_atomic(&target, b"first").unwrap();
        write_atomic(&target, b"second").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(target.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.md")]);
    }

    #[test]
    fn a_failed_rename_keeps_the_old_file_and_removes_the_temp() {
        let dir = tempfile::tempdir().unwrap();
        // A directory in the target's place cannot be replaced by a file.
        let target = dir.path().join("busy");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("inside"), b"x").unwrap();
        assert!(write_atomic(&target, b"new").is_err());
        assert!(target.join("inside").exists());
        let leftovers = fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "only the directory remains");
    }

    #[test]
    fn only_old_temps_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(format!("{}1-0", temp_prefix("s.ron")));
        let young = dir.path().join(format!("{}2-0", temp_prefix("s.ron")));
        let other = dir.path().join(format!("{}3-0", temp_prefix("t.ron")));
        for p in [&old, &young, &other] {
            fs::write(p, b"partial").unwrap();
        }
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        for p in [&old, &other] {
            File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(hour_ago)
                .unwrap();
        }
        let removed = clean_stale_temps(dir.path(), "s.ron", Duration::from_secs(600));
        assert_eq!(removed, vec![old.clone()]);
        assert!(!old.exists() && young.exists() && other.exists());
    }
}
