//! Watching a debate file for changes, so the explorer can reload it.
//!
//! The folder is watched rather than the file: most editors save by
//! writing a new file and renaming it over the old one, which a watch on
//! the old file would never see. Bursts of events (one save is often
//! several) are merged: the callback runs once the file has been quiet
//! for [`QUIET`].

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

/// How long the file must be left alone before a change is reported.
pub const QUIET: Duration = Duration::from_millis(150);

/// Watches one file while it lives; dropping it stops the watching.
pub struct FileWatcher {
    _watcher: notify::RecommendedWatcher,
}

impl FileWatcher {
    /// Calls `on_change` (on a thread of its own) after each burst of
    /// changes to `path`: written, created, renamed over, or removed.
    pub fn new(path: &Path, on_change: impl Fn() + Send + 'static) -> notify::Result<FileWatcher> {
        let name: OsString = path
            .file_name()
            .ok_or_else(|| notify::Error::generic("the path names no file"))?
            .to_os_string();
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (tx, rx) = mpsc::channel::<()>();
        let mut watcher =
            notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
                let Ok(event) = res else { return };
                if event.kind.is_access() {
                    return;
                }
                if event
                    .paths
                    .iter()
                    .any(|p| p.file_name() == Some(name.as_os_str()))
                {
                    let _ = tx.send(());
                }
            })?;
        watcher.watch(&dir, RecursiveMode::NonRecursive)?;
        std::thread::Builder::new()
            .name("agon-watch".into())
            .spawn(move || debounce(&rx, on_change))
            .map_err(notify::Error::io)?;
        Ok(FileWatcher { _watcher: watcher })
    }
}

/// Waits for a change, then for quiet, then reports; ends when the watcher
/// (the sender) is gone.
fn debounce(rx: &mpsc::Receiver<()>, on_change: impl Fn()) {
    while rx.recv().is_ok() {
        loop {
            match rx.recv_timeout(QUIET) {
                Ok(()) => continue,
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
        on_change();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    #[test]
    fn a_save_by_rename_is_seen_once_and_other_files_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("d.ron");
        std::fs::write(&file, "one").unwrap();
        let (tx, rx) = channel();
        let _w = FileWatcher::new(&file, move || {
            let _ = tx.send(());
        })
        .unwrap();
        std::fs::write(dir.path().join("other.ron"), "x").unwrap();
        assert!(
            rx.recv_timeout(Duration::from_millis(600)).is_err(),
            "another file"
        );
        let tmp = dir.path().join(".d.ron.tmp");
        std::fs::write(&tmp, "two").unwrap();
        std::fs::rename(&tmp, &file).unwrap();
        std::fs::write(&file, "three").unwrap();
        rx.recv_timeout(Duration::from_secs(10))
            .expect("the change is reported");
        assert!(
            rx.recv_timeout(Duration::from_millis(600)).is_err(),
            "one report per burst"
        );
    }
}
