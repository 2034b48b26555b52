//! End-to-end: the real binary in a pseudo-terminal. Keys go in, the screen
//! is read through a terminal emulator, and after exit the terminal must be
//! back as it was: cooked mode, main screen, mouse off, cursor shown.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nix::sys::termios::LocalFlags;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/explorer.ron");
/// Generous: the binary starts in milliseconds, but CI machines can be slow.
const PATIENCE: Duration = Duration::from_secs(20);

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).expect("non-zero")
}

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// Where marks and notes go, so tests never touch the real data dir.
    _state: Option<tempfile::TempDir>,
}

impl Session {
    fn spawn(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_agon"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        // The terminal running the tests must not decide the colours sent.
        cmd.env_remove("COLORTERM");
        let state = if env.iter().any(|(k, _)| *k == "AGON_STATE_DIR") {
            None
        } else {
            let dir = tempfile::tempdir().expect("state dir");
            cmd.env("AGON_STATE_DIR", dir.path());
            Some(dir)
        };
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn agon");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (s, r) = (screen.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            master: pty.master,
            writer,
            child,
            screen,
            raw,
            _state: state,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "{text:?} never appeared; the screen shows:\n{}",
            self.contents()
        );
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush");
    }

    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader drain what was written before exit.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("agon did not exit; the screen shows:\n{}", self.contents());
    }

    fn canonical_mode(&self) -> bool {
        let t = self.master.get_termios().expect("termios of the pty");
        t.local_flags.contains(LocalFlags::ICANON) && t.local_flags.contains(LocalFlags::ECHO)
    }

    fn assert_restored(&self) {
        assert!(self.canonical_mode(), "raw mode was left on");
        let p = self.screen.lock().unwrap();
        let screen = p.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture was left on"
        );
        assert!(!screen.hide_cursor(), "cursor left hidden");
    }
}

#[test]
fn q_quits_and_restores_the_terminal() {
    let mut s = Session::spawn(&[FIXTURE], &[], 100, 30);
    s.wait_for("Outline 1/6");
    assert!(!s.canonical_mode(), "the explorer runs in raw mode");
    assert!(s.screen.lock().unwrap().screen().alternate_screen());
    s.send(b"j");
    s.wait_for("Outline 2/6");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_even_from_an_overlay() {
    let mut s = Session::spawn(&[FIXTURE], &[], 100, 30);
    s.wait_for("Outline 1/6");
    s.send(b"?");
    s.wait_for("Keys (Esc closes");
    s.send(&[0x03]);
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_panic_still_restores_the_terminal() {
    let mut s = Session::spawn(&[FIXTURE], &[("AGON_TEST_PANIC", "1")], 100, 30);
    let code = s.wait_exit();
    assert_eq!(code, 101, "a panic exits with 101");
    s.assert_restored();
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(
        raw.contains("panicking on purpose"),
        "the panic message is shown"
    );
}

#[test]
fn no_mouse_leaves_the_mouse_alone() {
    let mut s = Session::spawn(&["--no-mouse", FIXTURE], &[], 100, 30);
    s.wait_for("Outline 1/6");
    assert_eq!(
        s.screen.lock().unwrap().screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn mouse_capture_is_on_by_default_and_clicks_select() {
    let mut s = Session::spawn(&[FIXTURE], &[], 100, 30);
    s.wait_for("Outline 1/6");
    assert_ne!(
        s.screen.lock().unwrap().screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    // SGR mouse report: left press at column 5, row 7 (1-based) = outline row 4.
    s.send(b"\x1b[<0;5;7M\x1b[<0;5;7m");
    s.wait_for("Outline 4/6");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn resizing_redraws_and_tiny_sizes_say_too_small() {
    let mut s = Session::spawn(&[FIXTURE], &[], 100, 30);
    s.wait_for("Outline 1/6");
    // The parser takes the new size before the terminal does, and holds its
    // lock meanwhile: output drawn for the new size is never read at the old
    // one (under load, a redraw could otherwise land on a 1x1 parser and be
    // lost).
    let resize = |s: &Session, cols, rows| {
        let mut screen = s.screen.lock().unwrap();
        screen.set_size(nz(rows), nz(cols));
        s.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    };
    resize(&s, 30, 8);
    s.wait_for("too small");
    resize(&s, 1, 1);
    std::thread::sleep(Duration::from_millis(200));
    resize(&s, 100, 30);
    s.wait_for("Outline 1/6");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_bad_file_prints_its_errors_on_the_restored_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "Debate(title: \"T\", nodes: [(id: \"a\", kind: Thesis, titel: \"x\")])",
    )
    .unwrap();
    let mut s = Session::spawn(&[bad.to_str().unwrap()], &[], 100, 30);
    assert_eq!(s.wait_exit(), 1);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    let error = "bad.ron:1:52: error: unknown field `titel`";
    let at = raw.find(error).unwrap_or_else(|| panic!("{raw}"));
    // A load slower than a moment shows the loading screen first; the
    // errors must then come after the terminal is given back.
    if let Some(entered) = raw.find("\x1b[?1049h") {
        let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
        assert!(entered < left && left < at, "{raw:?}");
    }
    s.assert_restored();
}

/// Stars the second node of `file` in the explorer and notes `note` on it
/// (with a `q` in the note: typed text, not quit), then quits.
fn star_and_note(file: &str, env: &[(&str, &str)], note: &str) {
    let mut s = Session::spawn(&[file], env, 100, 30);
    s.wait_for("Outline 1/6");
    s.send(b"jm");
    s.wait_for("Marked starred");
    s.send(format!("n{note}\x13").as_bytes());
    s.wait_for("Note saved");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}

/// Opens `file` in the explorer and finds the star and the note on its
/// second node.
fn sees_star_and_note(file: &str, env: &[(&str, &str)], note: &str) {
    let mut s = Session::spawn(&[file], env, 100, 30);
    s.wait_for("Outline 1/6");
    s.send(b"j");
    s.wait_for(note);
    assert!(s.contents().contains("★"), "{}", s.contents());
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn marks_and_notes_survive_a_restart() {
    let state = tempfile::tempdir().unwrap();
    let dir = state.path().to_str().unwrap().to_string();
    let env = [("AGON_STATE_DIR", dir.as_str())];
    star_and_note(FIXTURE, &env, "quick trams");
    sees_star_and_note(FIXTURE, &env, "quick trams");
}

#[test]
fn marks_follow_a_moved_debate_into_the_explorer_and_the_brief() {
    let state = tempfile::tempdir().unwrap();
    let dir = state.path().to_str().unwrap().to_string();
    let env = [("AGON_STATE_DIR", dir.as_str())];
    let work = tempfile::tempdir().unwrap();
    let first = work.path().join("tram.ron");
    std::fs::copy(FIXTURE, &first).unwrap();
    star_and_note(first.to_str().unwrap(), &env, "check the timetable");

    // Moved and renamed: the explorer and the brief both find the marks.
    std::fs::create_dir(work.path().join("moved")).unwrap();
    let moved = work.path().join("moved").join("town.ron");
    std::fs::rename(&first, &moved).unwrap();
    let brief = std::process::Command::new(env!("CARGO_BIN_EXE_agon"))
        .args(["brief", moved.to_str().unwrap(), "--side", "for"])
        .env("AGON_STATE_DIR", &dir)
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&brief.stdout);
    assert!(md.contains("*Your note:* check the timetable"), "{md}");
    assert!(md.contains("**starred**"), "{md}");
    sees_star_and_note(moved.to_str().unwrap(), &env, "check the timetable");
}

#[test]
fn a_paste_is_text_in_every_text_box_and_never_commands() {
    let mut s = Session::spawn(&[FIXTURE], &[], 100, 30);
    s.wait_for("Outline 1/6");
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(
        raw.contains("\x1b[?2004h"),
        "bracketed paste is not enabled"
    );
    // Two lines pasted into the note editor: the second starts with q.
    s.send(b"n");
    s.wait_for("Note on");
    s.send(b"\x1b[200~first line\nq quits? no\x1b[201~");
    s.wait_for("q quits? no");
    assert!(s.contents().contains("first line"), "{}", s.contents());
    s.send(b"\x13");
    s.wait_for("Note saved");
    // Into the search box, a pasted q is part of the query.
    s.send(b"/");
    s.wait_for("Search");
    s.send(b"\x1b[200~qq\x1b[201~");
    s.wait_for("qq");
    // Esc alone: a key right after it would read as Alt-key.
    s.send(b"\x1b");
    std::thread::sleep(Duration::from_millis(300));
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    let off = raw
        .rfind("\x1b[?2004l")
        .expect("bracketed paste is turned off on the way out");
    assert!(off > raw.rfind("\x1b[?2004h").unwrap());
    s.assert_restored();
}

/// Searches for `query`, waits for `result` among the results and jumps
/// to the first one.
fn jump_to(s: &mut Session, query: &str, result: &str) {
    s.send(b"/");
    s.wait_for("/ ▏");
    s.send(query.as_bytes());
    s.wait_for(result);
    s.send(b"\r");
}

#[test]
fn search_finds_and_jumps_in_a_few_keystrokes() {
    let mut s = Session::spawn(&[FIXTURE], &[], 100, 30);
    s.wait_for("Outline 1/6");
    jump_to(&mut s, "grant", "National grants cover");
    s.wait_for("REBUTTAL");
    assert!(s.contents().contains("National grants cover two thirds"));
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn no_color_sends_no_colour_and_keeps_the_selection_visible() {
    let mut s = Session::spawn(&[FIXTURE], &[("NO_COLOR", "1")], 100, 30);
    s.wait_for("Outline 1/6");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    // crossterm writes colours as SGR 38;… (foreground) and 48;… (background).
    assert!(
        !raw.contains("[38;") && !raw.contains("[48;"),
        "colour was sent"
    );
    assert!(
        raw.contains("\u{1b}[7m"),
        "the selection is not drawn in reverse video"
    );
}

/// Everything the explorer wrote on its first screen, started with
/// `args` and `env` (TERM is xterm-256color unless `env` says otherwise).
fn first_screen_bytes(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut s = Session::spawn(&[args, &[FIXTURE]].concat(), env, 100, 30);
    s.wait_for("Outline 1/6");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string()
}

/// The palette indices of the `38;5;N` (foreground) and `48;5;N`
/// (background) colours in `raw`.
fn indexed_colours(raw: &str) -> Vec<u8> {
    let mut found = Vec::new();
    for sgr in ["38;5;", "48;5;"] {
        for (at, _) in raw.match_indices(sgr) {
            let digits: String = raw[at + sgr.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            found.push(digits.parse().expect("an index after 38;5;"));
        }
    }
    found
}

#[test]
fn without_truecolor_hex_colours_become_256_or_16_colours() {
    let truecolor = |raw: &str| raw.contains("38;2;") || raw.contains("48;2;");
    // The light theme is mostly #hex colours.
    let light = ["--theme", "light"];
    let raw = first_screen_bytes(&light, &[("COLORTERM", "truecolor")]);
    assert!(truecolor(&raw), "COLORTERM=truecolor: #hex is sent as is");
    // COLORTERM unset, TERM with 256color: palette indices beyond the 16.
    let raw = first_screen_bytes(&light, &[]);
    assert!(!truecolor(&raw), "24-bit colour sent without COLORTERM");
    assert!(indexed_colours(&raw).iter().any(|&i| i >= 16), "{raw:?}");
    // A terminal that names no 256 colours gets the 16 ANSI colours.
    let raw = first_screen_bytes(&light, &[("TERM", "xterm")]);
    assert!(!truecolor(&raw));
    let sent = indexed_colours(&raw);
    assert!(!sent.is_empty() && sent.iter().all(|&i| i < 16), "{sent:?}");
}

#[test]
fn color_never_and_always_override_the_environment() {
    let coloured = |raw: &str| raw.contains("[38;") || raw.contains("[48;");
    let raw = first_screen_bytes(&["--color", "never"], &[]);
    assert!(!coloured(&raw), "--color never sent colour");
    assert!(
        raw.contains("\u{1b}[7m"),
        "the selection is drawn in reverse video"
    );
    let raw = first_screen_bytes(&["--color=always"], &[("NO_COLOR", "1")]);
    assert!(
        coloured(&raw),
        "--color always draws in colour under NO_COLOR"
    );
    let raw = first_screen_bytes(&["--color=auto"], &[("NO_COLOR", "1")]);
    assert!(!coloured(&raw), "under auto, NO_COLOR wins");
}

#[test]
fn light_theme_and_bad_theme_files() {
    let mut s = Session::spawn(&["--theme", "light", FIXTURE], &[], 100, 30);
    s.wait_for("Outline 1/6");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad-theme.ron");
    std::fs::write(&bad, "Theme(text: \"Greyish\")").unwrap();
    let mut s = Session::spawn(&["--theme", bad.to_str().unwrap(), FIXTURE], &[], 100, 30);
    assert_eq!(s.wait_exit(), 1);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(raw.contains("bad-theme.ron:1:"), "{raw}");
}

/// A copy of the fixture in a folder of its own, to edit while agon runs.
fn editable_copy() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tram.ron");
    let text = std::fs::read_to_string(FIXTURE).expect("fixture");
    std::fs::write(&path, &text).expect("copy the fixture");
    (dir, path, text)
}

#[test]
fn e_opens_the_editor_at_the_focused_node_and_comes_back() {
    let (dir, path, text) = editable_copy();
    let log = dir.path().join("args.txt");
    let editor = dir.path().join("fake-editor");
    std::fs::write(
        &editor,
        format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\n", log.display()),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let editor_cmd = format!("{} --wait", editor.display());
    let mut s = Session::spawn(
        &[path.to_str().unwrap(), "--no-watch"],
        &[("EDITOR", editor_cmd.as_str()), ("VISUAL", "")],
        120,
        30,
    );
    s.wait_for("The town should build a tram line");
    s.send(b"E");
    let start = Instant::now();
    while !log.exists() && start.elapsed() < PATIENCE {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    let args = std::fs::read_to_string(&log).expect("the editor ran");
    // The focused node is the thesis: its entry's line in the file.
    let offset = text
        .find("id: \"tram\"")
        .expect("the thesis is in the fixture");
    let entry = text[..offset].rfind('(').unwrap();
    let line = text[..entry].matches('\n').count() + 1;
    let lines: Vec<&str> = args.lines().collect();
    assert_eq!(
        lines,
        ["--wait", &format!("+{line}"), path.to_str().unwrap()],
        "{args}"
    );
    // Back in the explorer, which still answers keys.
    s.wait_for("Outline");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn e_on_the_built_in_debate_says_how_to_get_an_editable_copy() {
    let mut s = Session::spawn(&[], &[("EDITOR", "/bin/false")], 200, 30);
    s.wait_for("Outline");
    s.send(b"E");
    s.wait_for("agon export --format ron -o my.ron");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_saved_file_reloads_and_a_broken_one_keeps_the_last_good_map() {
    let (_dir, path, text) = editable_copy();
    let mut s = Session::spawn(&[path.to_str().unwrap()], &[], 200, 30);
    s.wait_for("The town should build a tram line");
    let edited = text.replace(
        "The town should build a tram line",
        "The town should build a light rail",
    );
    // Written to a new file and renamed over the old one, as editors save.
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, &edited).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    s.wait_for("The town should build a light rail");
    s.wait_for("reloaded: 1 node changed");
    std::fs::write(&path, edited.replacen("kind: Thesis", "kind: Thesys", 1)).unwrap();
    s.wait_for("showing the last good map");
    let screen = s.contents();
    assert!(
        screen.contains("tram.ron:"),
        "the error names the file: {screen}"
    );
    assert!(
        screen.contains("The town should build a light rail"),
        "{screen}"
    );
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn the_config_file_sets_the_mouse_and_a_broken_one_warns_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let config_dir = dir.path().to_str().unwrap();
    std::fs::write(dir.path().join("config.ron"), "(\n  mouse: false,\n)\n").unwrap();
    let mut s = Session::spawn(&[FIXTURE], &[("AGON_CONFIG_DIR", config_dir)], 200, 30);
    s.wait_for("The town should build a tram line");
    assert_eq!(
        s.screen.lock().unwrap().screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse: false in config.ron leaves the mouse alone"
    );
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);

    std::fs::write(
        dir.path().join("config.ron"),
        "(\n  mouse: false,\n  colour: 3,\n)\n",
    )
    .unwrap();
    let mut s = Session::spawn(&[FIXTURE], &[("AGON_CONFIG_DIR", config_dir)], 200, 30);
    s.wait_for("The town should build a tram line");
    s.wait_for("config.ron:3:3");
    assert_ne!(
        s.screen.lock().unwrap().screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "a broken config leaves every default, the mouse on"
    );
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn keys_remapped_in_the_config_drive_dispatch_help_and_hints() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.ron"),
        "(keys: {\"quit\": [\"x\"], \"help\": [\"F\"], \"serch\": [\"s\"]})\n",
    )
    .unwrap();
    let config_dir = dir.path().to_str().unwrap();
    let mut s = Session::spawn(&[FIXTURE], &[("AGON_CONFIG_DIR", config_dir)], 200, 30);
    s.wait_for("The town should build a tram line");
    // The unknown action is reported with its place in the file.
    s.wait_for("config.ron:1:");
    s.wait_for("did you mean \"search\"");
    s.send(b"j");
    // The status line hints the user's keys.
    s.wait_for("x quit");
    s.wait_for("F help");
    // q no longer quits; F opens the help, which lists x for quitting.
    s.send(b"q");
    std::thread::sleep(Duration::from_millis(300));
    assert!(s.child.try_wait().unwrap().is_none(), "q still quit");
    s.send(b"F");
    s.wait_for("Everywhere");
    let help = s.contents();
    assert!(help.contains("x ") && help.contains("quit"), "{help}");
    s.send(b"\x1b");
    s.send(b"x");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

/// Sends `signal` to the explorer.
fn signal(s: &Session, signal: nix::sys::signal::Signal) {
    let pid = s.child.process_id().expect("agon's pid");
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), signal).expect("kill");
}

#[test]
fn each_ending_signal_restores_the_terminal_and_keeps_the_note_being_typed() {
    use nix::sys::signal::Signal;
    for sig in [
        Signal::SIGTERM,
        Signal::SIGHUP,
        Signal::SIGINT,
        Signal::SIGQUIT,
    ] {
        let state = tempfile::tempdir().unwrap();
        let dir = state.path().to_str().unwrap().to_string();
        let mut s = Session::spawn(&[FIXTURE], &[("AGON_STATE_DIR", dir.as_str())], 100, 30);
        s.wait_for("Outline 1/6");
        s.send(b"nhalf a thought");
        s.wait_for("half a thought");
        signal(&s, sig);
        s.wait_exit();
        s.assert_restored();
        let saved: String = std::fs::read_dir(state.path())
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
            .collect();
        assert!(
            saved.contains("half a thought"),
            "{sig}: the draft was lost"
        );
    }
}

/// The process state letter from /proc: `T` when stopped.
fn proc_state(s: &Session) -> Option<char> {
    let pid = s.child.process_id()?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit(')').next()?.trim_start().chars().next()
}

fn wait_for_state(s: &Session, want: char) {
    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        if proc_state(s) == Some(want) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("agon never reached state {want}: {:?}", proc_state(s));
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_sigcont_takes_the_screen_back() {
    if !std::path::Path::new("/proc/self/stat").exists() {
        eprintln!("skipped: no /proc to see a stopped process");
        return;
    }
    let mut s = Session::spawn(&[FIXTURE], &[], 100, 30);
    s.wait_for("Outline 1/6");
    for stop in [None, Some(nix::sys::signal::Signal::SIGTSTP)] {
        match stop {
            None => s.send(&[0x1a]),
            Some(sig) => signal(&s, sig),
        }
        wait_for_state(&s, 'T');
        std::thread::sleep(Duration::from_millis(100));
        s.assert_restored();
        signal(&s, nix::sys::signal::Signal::SIGCONT);
        let start = Instant::now();
        while !s.screen.lock().unwrap().screen().alternate_screen() {
            assert!(start.elapsed() < PATIENCE, "the screen was not taken back");
            std::thread::sleep(Duration::from_millis(20));
        }
        s.wait_for("Outline 1/6");
        assert!(!s.canonical_mode(), "raw mode again");
    }
    // Keys after resuming are the explorer's again.
    s.send(b"j");
    s.wait_for("Outline 2/6");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

/// The count the search box shows once `query`'s results are in, from
/// the command line's answer to the same query.
fn result_count(query: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_agon"))
        .args(["search", "--json", "--limit", "100000", query, FIXTURE])
        .output()
        .expect("run agon search");
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON hits");
    format!("{0} of {0}", hits.len())
}

#[test]
fn search_results_appear_with_no_further_key_press() {
    let mut s = Session::spawn(&[FIXTURE], &[], 100, 30);
    s.wait_for("Outline 1/6");
    s.send(b"/");
    s.wait_for("/ ▏");
    let all = s.contents();
    // One key at a time, as typed; after the last one nothing more is
    // sent: the results must come to the screen on their own.
    for key in ["g", "r", "a", "n", "t", " ", "c"] {
        s.send(key.as_bytes());
    }
    let want = result_count("grant c");
    assert!(!all.contains(&want), "{want} shows before typing");
    s.wait_for(&want);
    s.send(b"\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

/// The explorer on a debate big enough that the test build takes well
/// over a moment to load it, with a cache of its own (so nothing is warm).
fn slow_to_load(seed: u64) -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    std::fs::write(
        &big,
        agon::synth::to_ron(&agon::synth::debate(30_000, seed)),
    )
    .unwrap();
    let cache = dir.path().join("cache");
    let env = [("XDG_CACHE_HOME", cache.to_str().unwrap())];
    let s = Session::spawn(&[big.to_str().unwrap()], &env, 100, 30);
    (dir, s)
}

/// A load that takes more than a moment shows a loading screen, keys
/// typed meanwhile reach the explorer once it is open, and the terminal
/// comes back clean.
#[test]
fn a_slow_load_shows_a_loading_screen_and_keeps_what_was_typed() {
    let (_dir, mut s) = slow_to_load(1);
    s.wait_for("loading");
    assert!(s.contents().contains("big.ron"), "{}", s.contents());
    s.send(b"/");
    s.wait_for("Search");
    s.send(b"\x1b");
    s.wait_for("Outline");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

/// A file big enough that even the load cache takes longer than a moment
/// (32 MB here, padded with spaces) gets its loading screen before the
/// load starts, so the load never holds the first frame back: even when,
/// as here, the cache makes its load quick. The explorer then opens as
/// usual; a load error comes after the terminal is given back.
#[test]
fn a_big_file_gets_its_loading_screen_before_the_load_starts() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let env = [("XDG_CACHE_HOME", cache.to_str().unwrap())];
    let padding = " ".repeat(32 << 20);
    let good = dir.path().join("padded.ron");
    let debate = agon::synth::to_ron(&agon::synth::debate(50, 3));
    std::fs::write(&good, format!("{debate}{padding}")).unwrap();
    // Settled long ago, so the cache trusts it without reading it again.
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let file = std::fs::File::options().write(true).open(&good).unwrap();
    file.set_modified(hour_ago).unwrap();
    drop(file);
    for run in ["fills the cache", "reads the cache"] {
        let mut s = Session::spawn(&[good.to_str().unwrap()], &env, 100, 30);
        s.wait_for("Outline");
        s.send(b"q");
        assert_eq!(s.wait_exit(), 0, "{run}");
        s.assert_restored();
        let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
        let loading = raw
            .find("loading")
            .unwrap_or_else(|| panic!("{run}: {raw:?}"));
        assert!(loading < raw.find("Outline").unwrap(), "{run}: {raw:?}");
    }

    let bad = dir.path().join("padded-bad.ron");
    let debate = "Debate(title: \"T\", nodes: [(id: \"a\", kind: Thesis, titel: \"x\")])";
    std::fs::write(&bad, format!("{debate}{padding}")).unwrap();
    let mut s = Session::spawn(&[bad.to_str().unwrap()], &env, 100, 30);
    assert_eq!(s.wait_exit(), 1);
    s.assert_restored();
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    let error = raw
        .find("unknown field `titel`")
        .unwrap_or_else(|| panic!("{raw:?}"));
    let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
    assert!(
        raw.find("loading").is_some_and(|at| at < left) && left < error,
        "{raw:?}"
    );
}

/// q on the loading screen quits at once, without waiting for the load.
#[test]
fn q_on_the_loading_screen_quits() {
    let (_dir, mut s) = slow_to_load(2);
    s.wait_for("q quits");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
    // Had the q waited for the explorer (as other typed keys do), the
    // outline would have been drawn before it quit.
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(
        !raw.contains("Outline"),
        "the explorer opened before quitting"
    );
}

/// The texts of the OSC 52 clipboard sequences (`ESC ] 52 ; c ; BASE64
/// BEL`) in `raw`, decoded.
fn clipboard_writes(raw: &[u8]) -> Vec<String> {
    use base64::Engine;
    let raw = String::from_utf8_lossy(raw);
    raw.match_indices("\u{1b}]52;c;")
        .map(|(at, intro)| {
            let rest = &raw[at + intro.len()..];
            let end = rest
                .find('\u{7}')
                .expect("the OSC 52 sequence ends with BEL");
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(&rest[..end])
                .expect("the payload is base64");
            String::from_utf8(bytes).expect("the payload is UTF-8")
        })
        .collect()
}

#[test]
fn y_on_evidence_copies_the_quote_with_its_citation_by_osc_52() {
    let mut s = Session::spawn(&[FIXTURE], &[], 120, 30);
    s.wait_for("Outline 1/6");
    jump_to(&mut s, "twenty minutes", "Commuters lose 20 minutes a day");
    s.wait_for("EVIDENCE");
    assert!(clipboard_writes(&s.raw.lock().unwrap()).is_empty());
    s.send(b"y");
    s.wait_for("Copied the quote with its citation");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    // Written by hand from the fixture: the quote, then author, title,
    // outlet, date and locator.
    let want = "“The average commuter loses twenty minutes a day in traffic.”\n\
                — R. Roe, “Commuter survey 2023”, Town Gazette, 2023, p. 2";
    assert_eq!(clipboard_writes(&s.raw.lock().unwrap()), [want]);
    s.assert_restored();
}

/// Waits until `done` holds for the session's screen.
fn wait_until(s: &Session, what: &str, done: impl Fn(&Session) -> bool) {
    let start = Instant::now();
    while !done(s) {
        assert!(
            start.elapsed() < PATIENCE,
            "{what} never showed; the screen shows:\n{}",
            s.contents()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The rows of the screen holding `text`, top to bottom.
fn rows_with(s: &Session, text: &str) -> Vec<usize> {
    s.contents()
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(text))
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn semantics_and_strengths_recomputed_off_the_ui_thread_arrive_with_no_further_key() {
    // The worker waits before it computes, so the screen in between is seen.
    let env = [("AGON_TEST_RECOMPUTE_DELAY_MS", "600")];
    let mut s = Session::spawn(&[FIXTURE], &env, 160, 40);
    s.wait_for("Outline 1/6");
    s.send(b"2");
    // As written, "Modern trams" (0.33) comes before the wide-text claim
    // (0.50); sorted by strength it comes last. (A frame can arrive in
    // pieces: each screen is waited for whole.)
    let quiet = "Modern trams are quieter";
    let wide = "wide text";
    let order = |s: &Session| rows_with(s, quiet).first() < rows_with(s, wide).first();
    wait_until(&s, "the columns as written", |s| {
        s.contents().contains("Supporting: 3") && order(s)
    });
    s.send(b"f");
    wait_until(&s, "the columns by strength", |s| {
        s.contents().contains("Your strongest points") && !order(s)
    });
    // S: the key returns at once with grounded's labels; preferred's come
    // from the worker and are drawn with no key pressed.
    s.send(b"S");
    s.wait_for("(preferred: recomputing…)");
    let settled = |s: &Session, text: &str| {
        let screen = s.contents();
        screen.contains(text) && !screen.contains("recomputing")
    };
    wait_until(&s, "preferred's result", |s| {
        settled(s, "thesis arguable (preferred: some cases)")
    });
    // A what-if: the strengths wait for the worker, then come back.
    s.send(b"w");
    wait_until(&s, "strengths recomputing", |s| {
        let screen = s.contents();
        screen.contains("strength recomputing…") && screen.contains("  …  Trams are faster")
    });
    wait_until(&s, "the new strengths", |s| {
        settled(s, "▇.88 Trams are faster")
    });
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}
