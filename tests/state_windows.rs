//! Two explorers on one debate, as two processes saving the same state file
//! over and over: every mark and note either of them made is on disk at the
//! end, and a note both edited keeps both texts.

use std::path::Path;
use std::process::Command;

use agon::state::{Debate, Mark, StateStore};

const SAVES: usize = 60;

/// One window: marks and notes its own nodes, and the shared node, saving
/// after every change as the explorer does. Runs only as a child process.
#[test]
fn window_child() {
    let (Some(dir), Some(name)) = (
        std::env::var_os("AGON_TEST_WINDOW_DIR"),
        std::env::var("AGON_TEST_WINDOW").ok(),
    ) else {
        return;
    };
    let (mut store, warnings) = StateStore::open_in(Path::new(&dir), Debate::builtin());
    assert!(warnings.is_empty(), "{warnings:?}");
    for i in 0..SAVES {
        let id = format!("{name}-{i}");
        store.state_mut().set_mark(&id, Some(Mark::Use));
        store.save().expect("saves");
        store
            .state_mut()
            .set_note(&id, &format!("note {i} by {name}"));
        store.state_mut().set_mark("shared", Some(Mark::Star));
        store.save().expect("saves");
    }
    store
        .state_mut()
        .set_note("shared", &format!("the shared note as {name} wrote it"));
    store.save().expect("saves");
}

#[test]
fn two_processes_saving_one_state_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = ["left", "right"]
        .into_iter()
        .map(|name| {
            Command::new(&exe)
                .args(["--exact", "window_child", "--test-threads=1"])
                .env("AGON_TEST_WINDOW_DIR", dir.path())
                .env("AGON_TEST_WINDOW", name)
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("the test binary runs")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success(), "a window failed");
    }
    let (store, warnings) = StateStore::open_in(dir.path(), Debate::builtin());
    assert!(warnings.is_empty(), "{warnings:?}");
    let state = store.state();
    for name in ["left", "right"] {
        for i in 0..SAVES {
            let id = format!("{name}-{i}");
            assert_eq!(state.mark(&id), Some(Mark::Use), "{id}'s mark");
            let note = format!("note {i} by {name}");
            assert_eq!(state.note(&id), Some(note.as_str()), "{id}'s note");
        }
    }
    assert_eq!(state.mark("shared"), Some(Mark::Star));
    let shared = state.note("shared").expect("the shared note");
    for name in ["left", "right"] {
        assert!(
            shared.contains(&format!("the shared note as {name} wrote it")),
            "{shared}"
        );
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.contains("conflict") && !n.contains(".tmp-")),
        "{names:?}"
    );
}
