//! Keystroke to screen, measured where the user sees it: runs the real
//! binary in a pseudo-terminal, types a query into the search box one key
//! at a time, and times each key from the moment its byte is written to the
//! moment the screen shows that key's result count. Also times the first
//! frame after start (the loading screen or the explorer), and the first
//! frame that shows the outline.
//!
//! `cargo build --release && cargo run --release --example keystroke_pty -- [FILE|builtin] [QUERY] [ROUNDS]`
//!
//! The binary is target/release/agon (AGON_BIN overrides). The load cache
//! is used as the explorer uses it: run once before measuring to warm it.
//! A key whose count is the same as the previous key's cannot be told
//! apart on screen and is not timed. The counts to wait for come from the
//! library, in a run of this program of its own (`--counts FILE QUERY`).

use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

#[path = "common/pty.rs"]
mod pty;

const ROWS: u16 = 40;
const COLS: u16 = 120;
const LIMIT: usize = 200;
const PATIENCE: Duration = Duration::from_secs(120);

/// The screen, and what the reader thread is watching it for.
struct Watch {
    parser: vt100::Parser,
    /// Text to wait for, and when it first appeared.
    want: Vec<String>,
    seen: Vec<Option<Instant>>,
}

struct Screen {
    watch: Mutex<Watch>,
    changed: Condvar,
}

impl Screen {
    fn feed(&self, bytes: &[u8]) {
        let now = Instant::now();
        let mut w = self.watch.lock().unwrap();
        w.parser.process(bytes);
        let contents = w.parser.screen().contents();
        for k in 0..w.want.len() {
            if w.seen[k].is_none() && contents.contains(&w.want[k]) {
                w.seen[k] = Some(now);
            }
        }
        self.changed.notify_all();
    }

    /// Starts watching for each of `texts`.
    fn watch(&self, texts: &[String]) {
        let mut w = self.watch.lock().unwrap();
        w.want = texts.to_vec();
        w.seen = vec![None; texts.len()];
        let contents = w.parser.screen().contents();
        for (k, text) in texts.iter().enumerate() {
            if contents.contains(text) {
                w.seen[k] = Some(Instant::now());
            }
        }
    }

    /// Waits until watched text `k` has appeared; when it did.
    fn wait(&self, k: usize) -> Instant {
        let start = Instant::now();
        let mut w = self.watch.lock().unwrap();
        loop {
            if let Some(t) = w.seen[k] {
                return t;
            }
            if start.elapsed() > PATIENCE {
                panic!(
                    "{:?} never appeared; the screen shows:\n{}",
                    w.want[k],
                    w.parser.screen().contents()
                );
            }
            w = self
                .changed
                .wait_timeout(w, Duration::from_millis(200))
                .unwrap()
                .0;
        }
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap_or(std::num::NonZeroU16::MIN)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let k = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[k]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The result count the screen shows with nothing typed, then after each
/// key of `query`, from the library itself: `--counts FILE QUERY` prints
/// them a line each. It runs in a process of its own, so that the process
/// that starts agon holds no graph: starting a process from a big one costs
/// time the first frame would be charged with.
fn counts(file: &str, query: &str) -> Vec<String> {
    let input = match file {
        "builtin" => agon::formats::Input::Builtin,
        f => agon::formats::Input::File(f.into()),
    };
    let graph = input.load().expect("the debate loads").graph;
    let index = Arc::new(agon::search::SearchIndex::new(Arc::new(graph)));
    let mut searcher = agon::search::Searcher::new(Arc::clone(&index));
    let count = |total: usize| format!("{} of {}", total.min(LIMIT), total);
    let mut counts = vec![count(index.len())];
    for (i, c) in query.char_indices() {
        let typed = &query[..i + c.len_utf8()];
        counts.push(count(searcher.search(typed, LIMIT).total_matched));
    }
    counts
}

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().unwrap_or_else(|| "builtin".into());
    if file == "--counts" {
        let (file, query) = (
            args.next().unwrap_or_default(),
            args.next().unwrap_or_default(),
        );
        for line in counts(&file, &query) {
            println!("{line}");
        }
        return;
    }
    let query = args.next().unwrap_or_else(|| "sab".into());
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let bin = std::env::var("AGON_BIN").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/agon").to_string()
    });

    // What the screen will say after each key.
    let me = std::env::current_exe().expect("this program's path");
    let out = std::process::Command::new(me)
        .args(["--counts", file.as_str(), query.as_str()])
        .output()
        .expect("the counts");
    let mut counts: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(String::from)
        .collect();
    assert!(
        counts.len() == query.chars().count() + 1,
        "counting failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all = counts.remove(0);
    let prefixes: Vec<String> = query
        .char_indices()
        .map(|(i, c)| query[..i + c.len_utf8()].to_string())
        .collect();

    let screen = Arc::new(Screen {
        watch: Mutex::new(Watch {
            parser: vt100::Parser::new(nz(ROWS), nz(COLS), 0),
            want: Vec::new(),
            seen: Vec::new(),
        }),
        changed: Condvar::new(),
    });
    // The explorer's outline, and any first frame: the loading screen
    // ("agon: loading …") or the explorer's header (" agon ").
    screen.watch(&["Outline".to_string(), "agon".to_string()]);
    let args: Vec<&str> = Some(file.as_str())
        .filter(|f| *f != "builtin")
        .into_iter()
        .collect();
    let feeder = Arc::clone(&screen);
    let started = Instant::now();
    let mut agon = pty::Agon::start(&bin, &args, (ROWS, COLS), move |bytes| feeder.feed(bytes));
    let first_frame = screen.wait(1) - started;
    let explorer_ready = screen.wait(0) - started;
    let mut send = |bytes: &[u8]| agon.send(bytes);
    screen.watch(std::slice::from_ref(&all));
    send(b"/");
    screen.wait(0);

    let mut complete = Vec::new();
    let mut first = Vec::new();
    for _ in 0..rounds {
        let mut previous = all.clone();
        for (p, want) in prefixes.iter().zip(&counts) {
            let key = &p.as_bytes()[p.len() - p.chars().last().map_or(1, char::len_utf8)..];
            if *want == previous {
                send(key);
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
            // Early results on big graphs say "N+ so far…".
            screen.watch(&[want.clone(), "so far…".to_string()]);
            let t = send(key);
            let done = screen.wait(0);
            complete.push(done - t);
            // "so far…" left from an earlier key does not count.
            let early = screen.watch.lock().unwrap().seen[1].filter(|&e| e > t);
            first.push(early.map_or(done, |e| e.min(done)) - t);
            previous = want.clone();
        }
        screen.watch(std::slice::from_ref(&all));
        send(b"\x15");
        screen.wait(0);
    }
    send(b"\x03");
    let _ = agon.child.wait();

    complete.sort();
    first.sort();
    println!(
        "{file} \"{query}\": {} keys timed over {rounds} rounds; first frame {:.1} ms, \
         explorer ready (outline shown) {:.1} ms",
        complete.len(),
        ms(first_frame),
        ms(explorer_ready)
    );
    println!(
        "  keystroke to complete count on screen: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        ms(percentile(&complete, 0.5)),
        ms(percentile(&complete, 0.95)),
        ms(complete.last().copied().unwrap_or_default())
    );
    println!(
        "  keystroke to first results on screen:  p50 {:.1} ms, p95 {:.1} ms",
        ms(percentile(&first, 0.5)),
        ms(percentile(&first, 0.95))
    );
}
