//! Opening and saving one debate's state file. Nothing the user wrote is
//! ever deleted: a file agon cannot use is renamed aside with a warning, and
//! a save merges with what another window saved meanwhile, under a lock, so
//! two explorers on one debate never lose each other's marks and notes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Deserialize;

use super::atomic::{clean_stale_temps, write_atomic_with};
use super::location::BUILTIN_FILE_NAME;
use super::location::{Identity, canonical, state_dir, state_file_name};
use super::model::{STATE_VERSION, State};
use crate::formats::Input;

/// A state file larger than this is not notes a person wrote; it is set aside.
const MAX_STATE_BYTES: u64 = 64 * 1024 * 1024;
/// A temporary file this old is a leftover of a killed save, not a save in progress.
const STALE_TEMP_AGE: Duration = Duration::from_secs(10 * 60);

/// One debate's state and the file it is kept in.
#[derive(Debug)]
pub struct StateStore {
    /// None when no state directory could be determined.
    file: Option<PathBuf>,
    state: State,
    /// The state as this window last read or saved it: what differs from it
    /// in `state` is this window's own change, merged into the file on save.
    base: State,
    /// Why saving is refused: writing would destroy a file agon could not read.
    blocked: Option<String>,
    /// A file kept by path (as agon kept state before it followed the
    /// debate's identity) that this state was read from: set aside once the
    /// state is saved under the identity, so it is neither lost nor read again.
    migrate: Option<PathBuf>,
}

/// Which debate a state file must be for.
#[derive(Clone, Copy)]
enum Owner<'a> {
    /// The debate at this canonical path (none: the built-in debate), in a
    /// file keyed by path.
    Path(Option<&'a str>),
    /// The debate with this identity key.
    Identity(&'a str),
}

/// The debate a store is for: its name, its file and its identity.
#[derive(Clone, Copy)]
pub struct Debate<'a> {
    /// The name the user gave it (a path, or `<built-in>`).
    pub name: &'a str,
    /// Its file; none for the built-in debate.
    pub path: Option<&'a Path>,
    /// What it is known by wherever it lies; none keys it by path alone.
    pub identity: Option<&'a Identity>,
}

impl<'a> Debate<'a> {
    /// The built-in debate.
    pub fn builtin() -> Debate<'static> {
        Debate {
            name: crate::graph::BUILTIN_NAME,
            path: None,
            identity: None,
        }
    }

    /// The state this debate starts with: empty, naming the debate.
    fn new_state(&self) -> State {
        let mut state = State::new(
            self.name,
            self.path
                .map(|p| canonical(p).to_string_lossy().into_owned()),
        );
        if self.path.is_some() {
            state.identity = self.identity.map(|i| i.key().to_string());
        }
        state
    }

    /// The state file's name and who it must belong to: a debate read from
    /// a file is kept under its identity, the built-in one by name.
    fn file<'s>(&self, dir: &Path, state: &'s State) -> (PathBuf, Owner<'s>) {
        match (self.path, &state.identity) {
            (Some(_), Some(key)) => (
                dir.join(self.identity.map(Identity::file_name).unwrap_or_default()),
                Owner::Identity(key),
            ),
            _ => (
                dir.join(state_file_name(self.path.map(canonical).as_deref())),
                Owner::Path(state.path.as_deref()),
            ),
        }
    }
}

/// What reading a state file found.
enum Found {
    Missing,
    Good {
        state: State,
    },
    /// Readable but unusable: `tag` names the backup, `why` the problem.
    Bad {
        tag: String,
        why: String,
    },
    /// Could not be read at all; it must not be touched.
    Unreadable(String),
}

/// The first thing read from a file: its version, whatever else it holds.
/// Named like [`State`] because ron checks the struct name when one is written.
#[derive(Deserialize)]
#[serde(rename = "State")]
struct Probe {
    version: u32,
}

impl StateStore {
    /// Opens the state of a debate in the directory [`state_dir`] picks.
    /// Never fails: problems come back as warnings to show the user.
    pub fn open(debate: Debate) -> (StateStore, Vec<String>) {
        match state_dir() {
            Some(dir) => StateStore::open_in(&dir, debate),
            None => {
                StateStore::unsaved(debate, "no directory for notes: set AGON_STATE_DIR or HOME")
            }
        }
    }

    /// A store kept in memory only, with the warning that says `why`.
    fn unsaved(debate: Debate, why: &str) -> (StateStore, Vec<String>) {
        let state = debate.new_state();
        let store = StateStore {
            file: None,
            base: state.clone(),
            state,
            blocked: Some(why.to_string()),
            migrate: None,
        };
        (
            store,
            vec![format!("{why}; marks and notes will not be saved")],
        )
    }

    /// [`StateStore::open`] for an input as the command line names it, and
    /// the debate loaded from it. A debate read from standard input has no
    /// file to key its notes by, so they are kept in memory only.
    pub fn open_input(input: &Input, graph: &crate::graph::Graph) -> (StateStore, Vec<String>) {
        let (identity, name) = (Identity::of(graph), input.name());
        let debate = input_debate(input, &name, identity.as_ref());
        if *input == Input::Stdin {
            return StateStore::unsaved(debate, "the debate came from standard input");
        }
        StateStore::open(debate)
    }

    /// [`StateStore::open`] with the directory given, for tests and callers
    /// that choose their own place.
    pub fn open_in(dir: &Path, debate: Debate) -> (StateStore, Vec<String>) {
        let state = debate.new_state();
        let expected = state.clone();
        let (file, owner) = debate.file(dir, &expected);
        let name = file_name(&file);
        clean_stale_temps(dir, &name, STALE_TEMP_AGE);
        let mut store = StateStore {
            file: Some(file.clone()),
            base: state.clone(),
            state,
            blocked: None,
            migrate: None,
        };
        let mut warnings = Vec::new();
        let found = match read(&file, owner) {
            Found::Missing => match find_by_path(dir, &debate, &expected) {
                Some((from, state)) => {
                    if from.file_name() == legacy_file(dir, &debate).file_name() {
                        store.migrate = Some(from);
                    }
                    Found::Good { state }
                }
                None => Found::Missing,
            },
            found => found,
        };
        match found {
            Found::Missing => {}
            Found::Good { state } => {
                store.state.marks = state.marks;
                store.state.notes = state.notes;
                store.base = store.state.clone();
            }
            Found::Bad { tag, why } => match set_aside(&file, &tag) {
                Ok(backup) => warnings.push(format!(
                    "the notes file {} {why}; it was kept as {} and a new one started",
                    file.display(),
                    backup.display()
                )),
                Err(err) => {
                    let msg = format!(
                        "the notes file {} {why}, and it could not be renamed aside ({err})",
                        file.display()
                    );
                    warnings.push(format!("{msg}; marks and notes will not be saved"));
                    store.blocked = Some(msg);
                }
            },
            Found::Unreadable(err) => {
                let msg = format!("the notes file {} cannot be read ({err})", file.display());
                warnings.push(format!("{msg}; marks and notes will not be saved"));
                store.blocked = Some(msg);
            }
        }
        (store, warnings)
    }

    /// Reads a debate's state without changing anything on disk: for
    /// commands that only print. A file that cannot be used is reported and
    /// left where it is. Found as [`StateStore::open_input`] finds it.
    pub fn read_only(input: &Input, graph: &crate::graph::Graph) -> (Option<State>, Vec<String>) {
        let (identity, name) = (Identity::of(graph), input.name());
        match state_dir() {
            Some(dir) => {
                StateStore::read_only_in(&dir, input_debate(input, &name, identity.as_ref()))
            }
            None => (None, Vec::new()),
        }
    }

    /// [`StateStore::read_only`] with the directory given.
    pub fn read_only_in(dir: &Path, debate: Debate) -> (Option<State>, Vec<String>) {
        let expected = debate.new_state();
        let (file, owner) = debate.file(dir, &expected);
        match read(&file, owner) {
            Found::Missing => (
                find_by_path(dir, &debate, &expected).map(|(_, state)| state),
                Vec::new(),
            ),
            Found::Good { state } => (Some(state), Vec::new()),
            Found::Bad { why, .. } => (
                None,
                vec![format!(
                    "the notes file {} {why}; ignoring it",
                    file.display()
                )],
            ),
            Found::Unreadable(err) => (
                None,
                vec![format!(
                    "the notes file {} cannot be read ({err}); ignoring it",
                    file.display()
                )],
            ),
        }
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn state_mut(&mut self) -> &mut State {
        &mut self.state
    }

    /// Where the state is kept; none when there is no state directory.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// Whether [`StateStore::save`] will refuse, and why.
    pub fn save_blocked(&self) -> Option<&str> {
        self.blocked.as_deref()
    }

    /// Saves the state: under a lock, reads what is on disk now, applies
    /// this window's changes since it last read or saved (see
    /// [`super::merge`]), and replaces the file atomically. A file that
    /// became unusable meanwhile is set aside first, with a warning.
    pub fn save(&mut self) -> io::Result<Vec<String>> {
        if let Some(why) = &self.blocked {
            return Err(io::Error::other(why.clone()));
        }
        let Some(file) = self.file.clone() else {
            return Err(io::Error::other("no directory for notes"));
        };
        if let Some(dir) = file.parent() {
            fs::create_dir_all(dir)?;
        }
        let _lock = lock(&file)?;
        let mut warnings = Vec::new();
        let owner = match &self.state.identity {
            Some(key) => Owner::Identity(key),
            None => Owner::Path(self.state.path.as_deref()),
        };
        let theirs = match read(&file, owner) {
            Found::Good { state } => state,
            // Nothing on disk to merge with: as far as this window knows,
            // nothing changed there.
            Found::Missing => self.base.clone(),
            Found::Bad { tag, why } => {
                let backup = set_aside(&file, &tag)?;
                warnings.push(format!(
                    "the notes file {} {why}; it was kept as {}",
                    file.display(),
                    backup.display()
                ));
                self.base.clone()
            }
            Found::Unreadable(err) => return Err(io::Error::other(err)),
        };
        let merged = super::merge::merge(&self.base, &self.state, &theirs);
        write_atomic_with(&file, merged.to_ron().as_bytes(), true)?;
        self.base = self.state.clone();
        // The state now lives under the debate's identity: the file it was
        // read from by path is kept aside, never deleted, and not read again.
        if let Some(old) = self.migrate.take() {
            match set_aside(&old, "migrated") {
                Ok(_) => {}
                // Another window migrated it first.
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => warnings.push(format!(
                    "the old notes file {} could not be renamed aside ({e}); its notes are saved in {}",
                    old.display(),
                    file.display()
                )),
            }
        }
        Ok(warnings)
    }
}

/// How long a save waits for another agon's save of the same file.
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// Takes the advisory lock that serialises saves of `file`: an exclusive
/// lock on a hidden file beside it (the state file itself is replaced by
/// each save, so a lock on it would not outlive the rename). Released when
/// the returned file is dropped, or when the process dies.
fn lock(file: &Path) -> io::Result<fs::File> {
    let path = file.with_file_name(format!(".{}.lock", file_name(file)));
    // Opening a FIFO would block: lock only a regular file.
    if let Ok(meta) = fs::symlink_metadata(&path)
        && !meta.is_file()
    {
        return Err(io::Error::other(format!(
            "{} is not a regular file",
            path.display()
        )));
    }
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)?;
    let start = std::time::Instant::now();
    loop {
        match lock.try_lock() {
            Ok(()) => return Ok(lock),
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(io::Error::other(format!(
                    "another agon has held {} for {} s",
                    path.display(),
                    LOCK_WAIT.as_secs()
                )));
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}

/// The debate an input names, known by `identity` when it is a file.
fn input_debate<'a>(input: &'a Input, name: &'a str, identity: Option<&'a Identity>) -> Debate<'a> {
    let path = match input {
        Input::Builtin => return Debate::builtin(),
        Input::Stdin => None,
        Input::File(p) => Some(p.as_path()),
    };
    Debate {
        name,
        path,
        identity,
    }
}

/// Where state was kept when it was keyed by the debate file's path.
fn legacy_file(dir: &Path, debate: &Debate) -> PathBuf {
    dir.join(state_file_name(debate.path.map(canonical).as_deref()))
}

/// The state last saved for the debate at this path, when none is kept
/// under its identity: a file keyed by path (from before state followed
/// the debate), or one kept under the identity the debate had before its
/// title or theses were edited. The newest such file wins; files agon
/// cannot read are left for the window that owns them to report.
fn find_by_path(dir: &Path, debate: &Debate, expected: &State) -> Option<(PathBuf, State)> {
    let path = expected.path.as_deref()?;
    expected.identity.as_ref()?;
    let legacy = legacy_file(dir, debate);
    if let Found::Good { state } = read(&legacy, Owner::Path(Some(path))) {
        return Some((legacy, state));
    }
    let mut best: Option<(SystemTime, PathBuf, State)> = None;
    for entry in fs::read_dir(dir).ok()?.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // State files only: not temporary files, locks or backups.
        if name.starts_with('.') || !name.ends_with(".ron") || name == BUILTIN_FILE_NAME {
            continue;
        }
        let file = entry.path();
        let Found::Good { state } = read(&file, Owner::Path(Some(path))) else {
            continue;
        };
        let modified = entry
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(UNIX_EPOCH);
        if best.as_ref().is_none_or(|(t, _, _)| modified > *t) {
            best = Some((modified, file, state));
        }
    }
    best.map(|(_, file, state)| (file, state))
}

fn file_name(file: &Path) -> String {
    file.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads and checks a state file; `owner` is the debate it must be for.
fn read(file: &Path, owner: Owner) -> Found {
    let meta = match fs::metadata(file) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Found::Missing,
        Err(e) => return Found::Unreadable(e.to_string()),
    };
    if meta.is_dir() {
        return Found::Unreadable("it is a directory".into());
    }
    // A FIFO or a device would block the read or never end.
    if !meta.is_file() {
        return Found::Unreadable("it is not a regular file".into());
    }
    let bad = |tag: &str, why: String| Found::Bad {
        tag: tag.to_string(),
        why,
    };
    if meta.len() > MAX_STATE_BYTES {
        return bad("corrupt", format!("is {} bytes, too large", meta.len()));
    }
    let bytes = match fs::read(file) {
        Ok(b) => b,
        Err(e) => return Found::Unreadable(e.to_string()),
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return bad("corrupt", "is not UTF-8 text".into());
    };
    let options = crate::graph::ron_options();
    let probe: Probe = match options.from_str(text) {
        Ok(p) => p,
        Err(e) => return bad("corrupt", format!("is damaged ({e})")),
    };
    if probe.version != STATE_VERSION {
        return bad(
            &format!("version-{}", probe.version),
            format!(
                "is from version {} of the notes format; this agon reads version {STATE_VERSION}",
                probe.version
            ),
        );
    }
    let state: State = match options.from_str(text) {
        Ok(s) => s,
        Err(e) => return bad("corrupt", format!("is damaged ({e})")),
    };
    let ours = match owner {
        Owner::Path(path) => state.path.as_deref() == path,
        Owner::Identity(key) => state.identity.as_deref() == Some(key),
    };
    if !ours {
        let owner = state.path.as_deref().unwrap_or("the built-in debate");
        return bad("other", format!("belongs to another debate ({owner})"));
    }
    Found::Good { state }
}

/// Renames `file` to `NAME.TAG-<unix time>` (with `-1`, `-2`, … if that
/// exists), never replacing an existing file. Returns the new path.
fn set_aside(file: &Path, tag: &str) -> io::Result<PathBuf> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let base = format!("{}.{tag}-{now}", file_name(file));
    for n in 0..1000u32 {
        let name = if n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let backup = file.with_file_name(name);
        // A hard link fails rather than replace an existing file, which a
        // rename would do silently.
        match fs::hard_link(file, &backup) {
            Ok(()) => {
                fs::remove_file(file)?;
                return Ok(backup);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            // No hard links here (some file systems): check, then rename.
            Err(_) if !backup.exists() => {
                fs::rename(file, &backup)?;
                return Ok(backup);
            }
            Err(_) => continue,
        }
    }
    Err(io::Error::other("no free name for a backup"))
}

#[cfg(test)]
mod tests {
    use super::super::Mark;
    use super::super::atomic::temp_prefix;
    use super::*;

    /// A debate read from `path`, known by `id`.
    fn on_file<'a>(name: &'a str, path: &'a Path, id: &'a Identity) -> Debate<'a> {
        Debate {
            name,
            path: Some(path),
            identity: Some(id),
        }
    }

    fn debate_file(dir: &Path) -> PathBuf {
        let p = dir.join("my debate.ron");
        fs::write(&p, "Debate(title: \"t\", nodes: [])").unwrap();
        p
    }

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_missing_file_is_an_empty_state() {
        let dir = tempfile::tempdir().unwrap();
        let (store, warnings) = StateStore::open_in(dir.path(), Debate::builtin());
        assert!(warnings.is_empty());
        assert!(store.state().is_empty());
        assert_eq!(store.file(), Some(dir.path().join("builtin.ron").as_path()));
        assert!(
            !dir.path().join("builtin.ron").exists(),
            "opening writes nothing"
        );
    }

    #[test]
    fn marks_and_notes_survive_a_restart() {
        let data = tempfile::tempdir().unwrap();
        let debate = debate_file(data.path());
        let id = Identity::from_parts("t", &["th"]);
        let states = tempfile::tempdir().unwrap();
        let dir = states.path().join("nested").join("agon");
        let (mut store, _) = StateStore::open_in(&dir, on_file("my debate.ron", &debate, &id));
        store.state_mut().set_mark("a", Some(Mark::Use));
        store.state_mut().set_note("a", "quote the 2019 figure");
        store.state_mut().set_note("removed-node", "kept anyway");
        assert!(store.save().unwrap().is_empty());

        let (again, warnings) = StateStore::open_in(&dir, on_file("my debate.ron", &debate, &id));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(again.state().mark("a"), Some(Mark::Use));
        assert_eq!(again.state().note("a"), Some("quote the 2019 figure"));
        assert_eq!(again.state().note("removed-node"), Some("kept anyway"));
        let name = file_name(again.file().unwrap());
        assert_eq!(name, id.file_name());
        assert!(name.starts_with("t."), "{name}");
        let text = fs::read_to_string(again.file().unwrap()).unwrap();
        assert!(text.contains(&canonical(&debate).to_string_lossy().into_owned()));
    }

    /// Marks `a` and notes `b` on the debate at `path`, known by `id`.
    fn mark_and_note(states: &Path, path: &Path, id: &Identity) -> PathBuf {
        let (mut store, warnings) = StateStore::open_in(states, on_file("d.ron", path, id));
        assert!(warnings.is_empty(), "{warnings:?}");
        store.state_mut().set_mark("a", Some(Mark::Answer));
        store.state_mut().set_note("b", "bring the figures");
        assert!(store.save().unwrap().is_empty());
        store.file().unwrap().to_path_buf()
    }

    #[test]
    fn a_moved_debate_keeps_its_marks_and_notes() {
        let (data, states) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let id = Identity::from_parts("Trams", &["thesis"]);
        let first = debate_file(data.path());
        mark_and_note(states.path(), &first, &id);
        let elsewhere = data.path().join("moved").join("renamed.ron");
        fs::create_dir_all(elsewhere.parent().unwrap()).unwrap();
        fs::rename(&first, &elsewhere).unwrap();
        let (moved, warnings) = StateStore::open_in(states.path(), on_file("r", &elsewhere, &id));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(moved.state().mark("a"), Some(Mark::Answer));
        assert_eq!(moved.state().note("b"), Some("bring the figures"));
        let (read, _) = StateStore::read_only_in(states.path(), on_file("r", &elsewhere, &id));
        assert_eq!(read.unwrap().mark("a"), Some(Mark::Answer));
    }

    #[test]
    fn a_copied_debate_shares_the_marks_of_its_original() {
        let (data, states) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let id = Identity::from_parts("Trams", &["thesis"]);
        let original = debate_file(data.path());
        mark_and_note(states.path(), &original, &id);
        let copy = data.path().join("copy.ron");
        fs::copy(&original, &copy).unwrap();
        let (mut copied, warnings) = StateStore::open_in(states.path(), on_file("c", &copy, &id));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(copied.state().mark("a"), Some(Mark::Answer));
        // Saving from the copy keeps the original's state whole.
        copied.state_mut().set_mark("c", Some(Mark::Star));
        copied.save().unwrap();
        let (again, _) = StateStore::open_in(states.path(), on_file("o", &original, &id));
        assert_eq!(again.state().mark("a"), Some(Mark::Answer));
        assert_eq!(again.state().mark("c"), Some(Mark::Star));
        assert_eq!(
            files_in(states.path())
                .iter()
                .filter(|n| n.ends_with(".ron"))
                .count(),
            1
        );
    }

    #[test]
    fn another_debate_with_another_identity_starts_empty() {
        let (data, states) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let debate = debate_file(data.path());
        mark_and_note(
            states.path(),
            &debate,
            &Identity::from_parts("Trams", &["thesis"]),
        );
        let other = data.path().join("other.ron");
        fs::copy(&debate, &other).unwrap();
        let id = Identity::from_parts("Buses", &["thesis"]);
        let (store, warnings) = StateStore::open_in(states.path(), on_file("x", &other, &id));
        assert!(warnings.is_empty() && store.state().is_empty());
    }

    #[test]
    fn an_old_state_file_keyed_by_path_is_read_then_migrated_on_first_save() {
        let (data, states) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let debate = debate_file(data.path());
        // As an earlier agon wrote it: named and checked by the path.
        let mut old = State::new("d.ron", Some(canonical(&debate).to_string_lossy().into()));
        old.set_mark("a", Some(Mark::Use));
        old.set_note("b", "from before");
        let legacy = states
            .path()
            .join(state_file_name(Some(&canonical(&debate))));
        fs::write(&legacy, old.to_ron()).unwrap();
        let id = Identity::from_parts("t", &["th"]);

        // Reading changes nothing on disk.
        let (read, _) = StateStore::read_only_in(states.path(), on_file("d", &debate, &id));
        assert_eq!(read.unwrap().note("b"), Some("from before"));
        let (mut store, warnings) = StateStore::open_in(states.path(), on_file("d", &debate, &id));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(store.state().mark("a"), Some(Mark::Use));
        assert_eq!(files_in(states.path()), vec![file_name(&legacy)]);

        store.state_mut().set_mark("c", Some(Mark::Star));
        assert!(store.save().unwrap().is_empty());
        let names = files_in(states.path());
        assert!(!legacy.exists(), "{names:?}");
        // Kept aside, never lost.
        let aside = names
            .iter()
            .find(|n| n.starts_with(&format!("{}.migrated-", file_name(&legacy))))
            .expect("the old file kept aside");
        assert_eq!(
            fs::read_to_string(states.path().join(aside)).unwrap(),
            old.to_ron()
        );
        let (again, _) = StateStore::open_in(states.path(), on_file("d", &debate, &id));
        assert_eq!(
            again.file(),
            Some(states.path().join(id.file_name()).as_path())
        );
        assert_eq!(again.state().mark("a"), Some(Mark::Use));
        assert_eq!(again.state().mark("c"), Some(Mark::Star));
        assert_eq!(again.state().note("b"), Some("from before"));
    }

    #[test]
    fn a_debate_whose_theses_changed_finds_its_state_by_path() {
        let (data, states) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let debate = debate_file(data.path());
        let before = mark_and_note(states.path(), &debate, &Identity::from_parts("t", &["a"]));
        let id = Identity::from_parts("t", &["a", "new-thesis"]);
        let (mut store, warnings) = StateStore::open_in(states.path(), on_file("d", &debate, &id));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(store.state().mark("a"), Some(Mark::Answer));
        store.save().unwrap();
        // The file under the old identity stays for copies that still have it.
        assert!(before.exists());
        assert!(states.path().join(id.file_name()).exists());
    }

    #[test]
    fn a_corrupt_file_is_set_aside_with_its_notes() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = StateStore::open_in(dir.path(), Debate::builtin());
        store.state_mut().set_note("a", "precious note");
        store.save().unwrap();
        let file = dir.path().join("builtin.ron");
        // Damage it the way a bad hand edit would, keeping the note's text.
        let mut text = fs::read_to_string(&file).unwrap();
        text.truncate(text.len() - 3);
        fs::write(&file, &text).unwrap();

        let (mut fresh, warnings) = StateStore::open_in(dir.path(), Debate::builtin());
        assert!(fresh.state().is_empty());
        assert_eq!(warnings.len(), 1);
        let backups: Vec<String> = files_in(dir.path())
            .into_iter()
            .filter(|n| n.starts_with("builtin.ron.corrupt-"))
            .collect();
        assert_eq!(backups.len(), 1);
        assert!(warnings[0].contains(&file.display().to_string()));
        assert!(warnings[0].contains(&backups[0]), "{}", warnings[0]);
        let kept = fs::read_to_string(dir.path().join(&backups[0])).unwrap();
        assert_eq!(kept, text);
        assert!(kept.contains("precious note"));

        // The new state saves normally and the backup stays.
        fresh.state_mut().set_mark("b", Some(Mark::Star));
        fresh.save().unwrap();
        assert!(dir.path().join(&backups[0]).exists());
    }

    #[test]
    fn setting_aside_never_overwrites_an_earlier_backup() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("builtin.ron");
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        // Occupy the names the next few seconds would give.
        for t in now..now + 5 {
            fs::write(dir.path().join(format!("builtin.ron.corrupt-{t}")), "old").unwrap();
        }
        fs::write(&file, "not ron at all").unwrap();
        let (_, warnings) = StateStore::open_in(dir.path(), Debate::builtin());
        assert_eq!(warnings.len(), 1);
        let names = files_in(dir.path());
        assert_eq!(names.len(), 6, "{names:?}");
        for t in now..now + 5 {
            let old = fs::read_to_string(dir.path().join(format!("builtin.ron.corrupt-{t}")));
            assert_eq!(old.unwrap(), "old");
        }
        assert!(!file.exists());
    }

    #[test]
    fn another_version_is_set_aside_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("builtin.ron");
        let future = "State(version: 2, debate: \"<built-in>\", notes: {\"a\": \"n\"}, colour: 3)";
        fs::write(&file, future).unwrap();
        let (store, warnings) = StateStore::open_in(dir.path(), Debate::builtin());
        assert!(store.state().is_empty());
        assert!(warnings[0].contains("version 2"), "{}", warnings[0]);
        let backup = files_in(dir.path())
            .into_iter()
            .find(|n| n.starts_with("builtin.ron.version-2-"))
            .expect("a backup");
        assert_eq!(fs::read_to_string(dir.path().join(backup)).unwrap(), future);
    }

    #[test]
    fn an_interrupted_save_leaves_the_previous_state() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = StateStore::open_in(dir.path(), Debate::builtin());
        store.state_mut().set_note("a", "before");
        store.save().unwrap();
        // A save killed after writing half its temporary file.
        store.state_mut().set_note("a", "after, but never renamed");
        let full = store.state().to_ron();
        let temp = dir
            .path()
            .join(format!("{}4242-0", temp_prefix("builtin.ron")));
        fs::write(&temp, &full.as_bytes()[..full.len() / 2]).unwrap();
        drop(store);

        let (again, warnings) = StateStore::open_in(dir.path(), Debate::builtin());
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(again.state().note("a"), Some("before"));
    }

    #[test]
    fn a_stale_temp_file_is_cleaned_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let temp = dir
            .path()
            .join(format!("{}4242-0", temp_prefix("builtin.ron")));
        fs::write(&temp, "State(version: 1, deb").unwrap();
        let long_ago = SystemTime::now() - Duration::from_secs(24 * 3600);
        fs::File::options()
            .write(true)
            .open(&temp)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        let (store, warnings) = StateStore::open_in(dir.path(), Debate::builtin());
        assert!(warnings.is_empty() && store.state().is_empty());
        assert!(!temp.exists());
    }

    #[test]
    fn two_windows_saving_in_turn_keep_each_others_notes() {
        let dir = tempfile::tempdir().unwrap();
        let (mut first, _) = StateStore::open_in(dir.path(), Debate::builtin());
        let (mut second, _) = StateStore::open_in(dir.path(), Debate::builtin());
        first.state_mut().set_note("a", "from the first window");
        assert!(first.save().unwrap().is_empty());
        second.state_mut().set_note("b", "from the second window");
        second.state_mut().set_mark("c", Some(Mark::Use));
        assert!(second.save().unwrap().is_empty());
        first.state_mut().set_mark("d", Some(Mark::Star));
        first.save().unwrap();
        let (again, _) = StateStore::open_in(dir.path(), Debate::builtin());
        assert_eq!(again.state().note("a"), Some("from the first window"));
        assert_eq!(again.state().note("b"), Some("from the second window"));
        assert_eq!(again.state().mark("c"), Some(Mark::Use));
        assert_eq!(again.state().mark("d"), Some(Mark::Star));
        let names = files_in(dir.path());
        assert!(
            names.iter().all(|n| !n.contains("conflict")),
            "nothing set aside: {names:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_as_the_state_file_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("builtin.ron");
        let made = std::process::Command::new("mkfifo").arg(&file).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        // Reading it would block until a writer came: the test would hang.
        let (mut store, warnings) = StateStore::open_in(dir.path(), Debate::builtin());
        assert!(warnings[0].contains("not a regular file"), "{warnings:?}");
        assert!(store.save().is_err());
        let (state, warnings) = StateStore::read_only_in(dir.path(), Debate::builtin());
        assert!(state.is_none() && !warnings.is_empty());
    }

    #[test]
    fn a_state_for_another_debate_is_set_aside() {
        let data = tempfile::tempdir().unwrap();
        let debate = debate_file(data.path());
        let id = Identity::from_parts("t", &[]);
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = StateStore::open_in(dir.path(), on_file("x", &debate, &id));
        store.state_mut().set_note("a", "n");
        store.save().unwrap();
        // The same file under the built-in debate's name, as a hash collision would look.
        fs::copy(store.file().unwrap(), dir.path().join("builtin.ron")).unwrap();
        let (other, warnings) = StateStore::open_in(dir.path(), Debate::builtin());
        assert!(other.state().is_empty());
        assert!(warnings[0].contains("another debate"), "{}", warnings[0]);
    }

    #[test]
    fn an_unreadable_file_blocks_saving_instead_of_being_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("builtin.ron");
        fs::create_dir(&file).unwrap();
        fs::write(file.join("keep"), "x").unwrap();
        let (mut store, warnings) = StateStore::open_in(dir.path(), Debate::builtin());
        assert_eq!(warnings.len(), 1);
        assert!(store.save_blocked().is_some());
        store.state_mut().set_note("a", "n");
        assert!(store.save().is_err());
        assert!(file.join("keep").exists());
    }

    #[test]
    fn read_only_reports_but_never_moves_a_bad_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("builtin.ron");
        fs::write(&file, "garbage(").unwrap();
        let (state, warnings) = StateStore::read_only_in(dir.path(), Debate::builtin());
        assert!(state.is_none());
        assert_eq!(warnings.len(), 1);
        assert_eq!(files_in(dir.path()), vec!["builtin.ron"]);
    }
}
