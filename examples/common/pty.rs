//! The real agon binary in a pseudo-terminal, for the harnesses that time
//! what the user sees (`keystroke_pty`, `whatif_pty`).

use std::io::{Read, Write};
use std::time::Instant;

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// A running agon: keys go in through [`Agon::send`]; what it writes goes
/// to the `feed` given to [`Agon::start`], on a thread of its own.
pub struct Agon {
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn MasterPty + Send>,
    /// Marks and notes go here, never to the user's own state.
    _state: tempfile::TempDir,
}

impl Agon {
    /// Starts `bin` with `args` on a `rows` x `cols` terminal.
    pub fn start(
        bin: &str,
        args: &[&str],
        (rows, cols): (u16, u16),
        mut feed: impl FnMut(&[u8]) + Send + 'static,
    ) -> Agon {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(bin);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        let state = tempfile::tempdir().expect("a state directory");
        cmd.env("AGON_STATE_DIR", state.path());
        let child = pty.slave.spawn_command(cmd).expect("agon starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed(&buf[..n]);
            }
        });
        Agon {
            child,
            writer,
            _master: pty.master,
            _state: state,
        }
    }

    /// Writes `bytes` as typed; the moment they were written.
    pub fn send(&mut self, bytes: &[u8]) -> Instant {
        self.writer.write_all(bytes).expect("write");
        self.writer.flush().expect("flush");
        Instant::now()
    }
}
