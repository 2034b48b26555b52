//! What-if keystroke to screen, measured where the user sees it: runs the
//! real binary in a pseudo-terminal with the labels following preferred,
//! presses `w` on the first outline row (suspend, then restore), and times
//! each key from the moment its byte is written until the screen first
//! shows that key's effect (the suspension banner or its end), and until
//! the preferred labels and strengths are back ("recomputing…" gone).
//!
//! `cargo build --release && cargo run --release --example whatif_pty -- FILE [ROUNDS]`
//!
//! The binary is target/release/agon (AGON_BIN overrides: a binary that
//! recomputes on the UI thread shows both moments at once). The load cache
//! is used as the explorer uses it: run once before measuring to warm it.

use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

#[path = "common/pty.rs"]
mod pty;

const ROWS: u16 = 40;
const COLS: u16 = 160;
const PATIENCE: Duration = Duration::from_secs(300);

/// The screen as the terminal shows it, and when it last changed.
struct Screen {
    parser: Mutex<vt100::Parser>,
    changed: Condvar,
}

impl Screen {
    /// Waits until `done` holds for the screen; when it first did (the
    /// time the bytes that made it true arrived).
    fn wait(&self, what: &str, done: impl Fn(&str) -> bool) -> Instant {
        let start = Instant::now();
        let mut p = self.parser.lock().unwrap();
        loop {
            if done(&p.screen().contents()) {
                return Instant::now();
            }
            assert!(
                start.elapsed() < PATIENCE,
                "{what} never showed; the screen is:\n{}",
                p.screen().contents()
            );
            p = self
                .changed
                .wait_timeout(p, Duration::from_millis(200))
                .unwrap()
                .0;
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().expect("a debate file");
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let bin = std::env::var("AGON_BIN").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/agon").to_string()
    });
    let screen = Arc::new(Screen {
        parser: Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(ROWS).unwrap(),
            std::num::NonZeroU16::new(COLS).unwrap(),
            0,
        )),
        changed: Condvar::new(),
    });
    let feeder = Arc::clone(&screen);
    let mut agon = pty::Agon::start(
        &bin,
        &[file.as_str(), "--no-watch"],
        (ROWS, COLS),
        move |bytes| {
            feeder.parser.lock().unwrap().process(bytes);
            feeder.changed.notify_all();
        },
    );
    let mut send = |bytes: &[u8]| agon.send(bytes);
    screen.wait("the outline", |s| s.contains("Outline"));
    let settled = |s: &str| !s.contains("recomputing…");
    send(b"S");
    screen.wait("preferred", |s| s.contains("(preferred: ") && settled(s));

    let (mut first, mut complete) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        for suspend in [true, false] {
            let shown = move |s: &str| s.contains("what-if: 1 suspended") == suspend;
            let t = send(b"w");
            first.push(screen.wait("the what-if", shown) - t);
            complete.push(screen.wait("the result", |s| shown(s) && settled(s)) - t);
        }
    }
    send(b"q");
    let _ = agon.child.wait();
    println!(
        "{file}, labels following preferred: {} what-if keys (w), {bin}",
        first.len()
    );
    println!(
        "  key to its grounded labels on screen:       median {:.1} ms, max {:.1} ms",
        ms(median(first.clone())),
        ms(first.iter().max().copied().unwrap_or_default())
    );
    println!(
        "  key to preferred and strength on screen:    median {:.1} ms, max {:.1} ms",
        ms(median(complete.clone())),
        ms(complete.iter().max().copied().unwrap_or_default())
    );
}
