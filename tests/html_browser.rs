//! The HTML export in a real browser: headless Chromium loads the page,
//! runs its script, and the DOM it leaves is checked. Skipped (with a
//! message) where Chromium is not installed, except under CI=true, where
//! `.ci/run` installs it and a missing browser fails the test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use agon::graph::Graph;

const AGON: &str = env!("CARGO_BIN_EXE_agon");
const BROWSER_TIMEOUT: Duration = Duration::from_secs(120);

/// The Chromium binary, or None (after saying so) when the test may skip.
fn chromium() -> Option<PathBuf> {
    let names = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ];
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::var_os("AGON_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::split_paths(&path)
                .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
                .find(|p| p.is_file())
        });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "headless Chromium is required in CI (.ci/run installs Debian's chromium)"
        );
        eprintln!("skipped: no chromium on PATH (set AGON_CHROMIUM to use another)");
    }
    found
}

/// A page exported by the real binary, in its own temporary folder.
struct Page {
    dir: tempfile::TempDir,
    path: PathBuf,
}

fn export(args: &[&str]) -> Page {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    let out = Command::new(AGON)
        .args(args)
        .args(["--format", "html", "-o"])
        .arg(&path)
        .output()
        .expect("agon runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Page { dir, path }
}

/// The DOM after the page's script ran, serialised by Chromium.
fn dump_dom(browser: &Path, page: &Page, fragment: &str) -> String {
    let url = format!("file://{}{fragment}", page.path.display());
    let profile = page.dir.path().join(format!("profile{}", fragment.len()));
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--virtual-time-budget=5000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(&url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).map(|_| s)
    });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > BROWSER_TIMEOUT {
            let _ = child.kill();
            panic!("chromium did not finish within {BROWSER_TIMEOUT:?} on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let dom = reader.join().unwrap().expect("chromium's output is UTF-8");
    assert!(dom.contains("</html>"), "chromium printed no DOM for {url}");
    dom
}

/// Every start tag whose name is one of `names`, in document order, with
/// its attributes.
fn start_tags(dom: &str, names: &[&str]) -> Vec<(String, BTreeMap<String, String>)> {
    let mut out = Vec::new();
    let mut rest = dom;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find([' ', '>']).unwrap_or(rest.len());
        let name = &rest[..end];
        if names.contains(&name) {
            let (attrs, after) = attributes(&rest[end..]);
            out.push((name.to_string(), attrs));
            rest = after;
        }
    }
    out
}

/// The attributes of every start tag named `name`, in document order.
fn tags(dom: &str, name: &str) -> Vec<BTreeMap<String, String>> {
    start_tags(dom, &[name])
        .into_iter()
        .map(|(_, a)| a)
        .collect()
}

/// Parses `a="v" b c="w">` (Chromium always double-quotes values).
fn attributes(mut s: &str) -> (BTreeMap<String, String>, &str) {
    let mut attrs = BTreeMap::new();
    loop {
        s = s.trim_start();
        if let Some(after) = s.strip_prefix('>') {
            return (attrs, after);
        }
        let end = s.find(['=', ' ', '>']).unwrap_or(s.len());
        let name = s[..end].to_string();
        s = &s[end..];
        if let Some(value) = s.strip_prefix("=\"") {
            let close = value.find('"').expect("a closed attribute value");
            attrs.insert(name, value[..close].to_string());
            s = &value[close + 1..];
        } else {
            attrs.insert(name, String::new());
        }
        if s.is_empty() {
            return (attrs, s);
        }
    }
}

fn has_class(attrs: &BTreeMap<String, String>, class: &str) -> bool {
    attrs
        .get("class")
        .is_some_and(|c| c.split(' ').any(|x| x == class))
}

fn builtin() -> Graph {
    agon::graph::builtin().expect("built-in debate loads").graph
}

#[test]
fn every_node_is_in_the_outline_once_and_the_script_ran() {
    let Some(browser) = chromium() else { return };
    let page = export(&["export"]);
    let dom = dump_dom(&browser, &page, "");
    let html = &tags(&dom, "html")[0];
    assert!(
        has_class(html, "js"),
        "the page's script did not run (CSP?)"
    );
    let ids: Vec<String> = tags(&dom, "li")
        .into_iter()
        .filter_map(|a| a.get("data-id").cloned())
        .collect();
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "a node is written in full twice");
    let g = builtin();
    let expected: BTreeSet<String> = g.nodes.iter().map(|n| n.id.clone()).collect();
    assert_eq!(ids.into_iter().collect::<BTreeSet<_>>(), expected);
    let tours = tags(&dom, "section")
        .into_iter()
        .filter(|a| a.contains_key("data-tour"))
        .count();
    assert_eq!(tours, g.tours.len());
}

/// The slide marked current: (tour id, step, node id of its heading).
fn current_slide(dom: &str) -> Option<(String, String, String)> {
    let mut tour = None;
    let mut found = None;
    let mut in_current_slide = false;
    for (tag, attrs) in start_tags(dom, &["section", "li", "h4"]) {
        match tag.as_str() {
            "section" if has_class(&attrs, "current") => tour = attrs.get("data-tour").cloned(),
            "li" if attrs.contains_key("data-step") => {
                in_current_slide = has_class(&attrs, "current");
                if in_current_slide {
                    assert!(found.is_none(), "two slides are current");
                    found = Some((attrs["data-step"].clone(), String::new()));
                }
            }
            "h4" if in_current_slide => {
                if let Some((_, node)) = found.as_mut() {
                    *node = attrs.get("data-node").cloned().unwrap_or_default();
                }
                in_current_slide = false;
            }
            _ => {}
        }
    }
    let (step, node) = found?;
    Some((tour?, step, node))
}

#[test]
fn a_slide_url_shows_its_step() {
    let Some(browser) = chromium() else { return };
    let page = export(&["export"]);
    let g = builtin();
    let tour = &g.tours[0];
    let dom = dump_dom(&browser, &page, &format!("#tour-{}/2", tour.id));
    let body = &tags(&dom, "body")[0];
    assert!(
        has_class(body, "presenting"),
        "the page is not in slide mode"
    );
    assert_eq!(
        current_slide(&dom),
        Some((tour.id.clone(), "2".into(), tour.steps[1].node.clone()))
    );
    // A step past the end shows the last one.
    let dom = dump_dom(&browser, &page, &format!("#tour-{}/999", tour.id));
    let last = tour.steps.len();
    assert_eq!(
        current_slide(&dom),
        Some((
            tour.id.clone(),
            last.to_string(),
            tour.steps[last - 1].node.clone()
        ))
    );
    // Without a fragment no slide is shown.
    let dom = dump_dom(&browser, &page, "");
    assert_eq!(current_slide(&dom), None);
}

#[test]
fn search_narrows_the_outline() {
    let Some(browser) = chromium() else { return };
    let page = export(&["export"]);
    let g = builtin();
    let word = "morale";
    let dom = dump_dom(&browser, &page, &format!("#search={word}"));
    let nodes: Vec<_> = tags(&dom, "li")
        .into_iter()
        .filter(|a| a.contains_key("data-id"))
        .collect();
    let shown: BTreeSet<&str> = nodes
        .iter()
        .filter(|a| !a.contains_key("hidden"))
        .map(|a| a["data-id"].as_str())
        .collect();
    let hits: BTreeSet<&str> = nodes
        .iter()
        .filter(|a| has_class(a, "hit"))
        .map(|a| a["data-id"].as_str())
        .collect();
    assert!(!hits.is_empty(), "nothing matched {word:?}");
    assert!(shown.len() < nodes.len(), "search hid nothing");
    for n in &g.nodes {
        let title = n.title.to_lowercase().contains(word);
        if title {
            assert!(
                hits.contains(n.id.as_str()),
                "{} matches but is no hit",
                n.id
            );
        }
        let own = [
            Some(&n.title),
            n.text.as_ref(),
            n.quote.as_ref(),
            n.locator.as_ref(),
        ]
        .into_iter()
        .flatten()
        .chain(n.tags.iter())
        .chain(
            n.source
                .as_ref()
                .and_then(|s| g.source(s))
                .map(|s| &s.title),
        )
        .any(|t| t.to_lowercase().contains(word));
        if hits.contains(n.id.as_str()) {
            assert!(own, "{} is a hit without the word", n.id);
        }
    }
    // Clearing the search (no fragment) shows everything again.
    let dom = dump_dom(&browser, &page, "#search=");
    assert!(tags(&dom, "li").iter().all(|a| !a.contains_key("hidden")));
}

#[test]
fn hostile_text_stays_text_in_the_browser() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("hostile.ron");
    let evil =
        r#"<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"#;
    std::fs::write(
        &src,
        format!(
            "Debate(title: \"{evil}\", nodes: [(id: \"t\", kind: Thesis, title: \"{evil}\", text: \"{evil}\")], \
             tours: [(id: \"x\\\"/1\", title: \"{evil}\", steps: [(node: \"t\", say: \"{evil}\")])])"
        ),
    )
    .unwrap();
    let page = export(&["export", src.to_str().unwrap()]);
    let mut dom = String::new();
    for fragment in ["", "#tour-x%22%2F1/1"] {
        dom = dump_dom(&browser, &page, fragment);
        assert!(!dom.contains("<title>pwned"), "data ran as script");
        assert_eq!(tags(&dom, "img").len(), 0, "data became an element");
        assert_eq!(tags(&dom, "script").len(), 1, "only the page's own script");
    }
    // The last page read is the tour's slide.
    assert_eq!(
        current_slide(&dom).map(|s| s.0),
        Some("x&quot;/1".to_string())
    );
}

/// A tiny Chrome DevTools Protocol driver over `--remote-debugging-pipe`
/// (messages are JSON ended by a NUL byte on file descriptors 3 and 4), so
/// the test can press keys and type into the page like a user.
mod cdp {
    use std::io::{BufRead, BufReader, Write};
    use std::os::fd::AsRawFd;
    use std::os::unix::process::CommandExt;
    use std::path::Path;
    use std::process::{Child, Command, Stdio};
    use std::sync::mpsc::{Receiver, channel};
    use std::time::{Duration, Instant};

    use serde_json::{Value, json};

    pub struct Browser {
        child: Child,
        to_browser: std::io::PipeWriter,
        from_browser: Receiver<Value>,
        next_id: u64,
        session: Option<String>,
    }

    impl Browser {
        pub fn launch(browser: &Path, profile: &Path) -> Browser {
            let (browser_reads, to_browser) = std::io::pipe().unwrap();
            let (from_browser_pipe, browser_writes) = std::io::pipe().unwrap();
            let (r, w) = (browser_reads.as_raw_fd(), browser_writes.as_raw_fd());
            let mut cmd = Command::new(browser);
            cmd.args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--remote-debugging-pipe",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
            // SAFETY: only async-signal-safe calls (dup, dup2) between fork and exec.
            unsafe {
                cmd.pre_exec(move || {
                    let (r2, w2) = (nix::unistd::dup(r)?, nix::unistd::dup(w)?);
                    nix::unistd::dup2(r2, 3)?;
                    nix::unistd::dup2(w2, 4)?;
                    Ok(())
                });
            }
            let child = cmd.spawn().expect("chromium starts");
            drop((browser_reads, browser_writes));
            let (tx, rx) = channel();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(from_browser_pipe);
                let mut buf = Vec::new();
                while reader.read_until(0, &mut buf).is_ok_and(|n| n > 0) {
                    buf.pop();
                    if let Ok(v) = serde_json::from_slice::<Value>(&buf)
                        && tx.send(v).is_err()
                    {
                        return;
                    }
                    buf.clear();
                }
            });
            Browser {
                child,
                to_browser,
                from_browser: rx,
                next_id: 1,
                session: None,
            }
        }

        /// Sends a command and waits for its answer (events are skipped).
        pub fn call(&mut self, method: &str, params: Value) -> Value {
            let id = self.next_id;
            self.next_id += 1;
            let mut msg = json!({ "id": id, "method": method, "params": params });
            if let Some(s) = &self.session {
                msg["sessionId"] = json!(s);
            }
            let mut bytes = serde_json::to_vec(&msg).unwrap();
            bytes.push(0);
            self.to_browser
                .write_all(&bytes)
                .expect("chromium reads commands");
            let deadline = Instant::now() + Duration::from_secs(60);
            loop {
                let left = deadline.saturating_duration_since(Instant::now());
                let v = self
                    .from_browser
                    .recv_timeout(left)
                    .unwrap_or_else(|_| panic!("no answer to {method}"));
                if v["id"] == json!(id) {
                    assert!(v.get("error").is_none(), "{method} failed: {v}");
                    return v["result"].clone();
                }
            }
        }

        /// Opens `url` in a new tab and talks to that tab from now on.
        pub fn open(&mut self, url: &str) {
            let target = self.call("Target.createTarget", json!({ "url": url }));
            let attached = self.call(
                "Target.attachToTarget",
                json!({ "targetId": target["targetId"], "flatten": true }),
            );
            self.session = attached["sessionId"].as_str().map(String::from);
        }

        /// The value of a JavaScript expression in the page.
        pub fn eval(&mut self, expression: &str) -> Value {
            let r = self.call(
                "Runtime.evaluate",
                json!({ "expression": expression, "returnByValue": true }),
            );
            r["result"]["value"].clone()
        }

        /// Waits until `expression` is true in the page.
        pub fn wait_for(&mut self, expression: &str) {
            let deadline = Instant::now() + Duration::from_secs(30);
            while self.eval(expression) != json!(true) {
                assert!(
                    Instant::now() < deadline,
                    "timed out waiting for {expression}"
                );
                std::thread::sleep(Duration::from_millis(50));
            }
        }

        pub fn press(&mut self, key: &str, code: u32) {
            for kind in ["keyDown", "keyUp"] {
                self.call(
                    "Input.dispatchKeyEvent",
                    json!({ "type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code }),
                );
            }
        }

        pub fn type_text(&mut self, text: &str) {
            self.call("Input.insertText", json!({ "text": text }));
        }
    }

    impl Drop for Browser {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn arrow_keys_move_through_a_tour_and_typing_searches() {
    let Some(browser) = chromium() else { return };
    let page = export(&["export"]);
    let g = builtin();
    let tour = &g.tours[0];
    let mut b = cdp::Browser::launch(&browser, &page.dir.path().join("cdp-profile"));
    let url = format!("file://{}#tour-{}/1", page.path.display(), tour.id);
    b.open(&url);
    let step = "(document.querySelector('.slide.current') || {dataset: {}}).dataset.step";
    b.wait_for(&format!("{step} === '1'"));
    b.press("ArrowRight", 39);
    b.wait_for(&format!("{step} === '2' && location.hash.endsWith('/2')"));
    b.press("ArrowRight", 39);
    b.wait_for(&format!("{step} === '3'"));
    b.press("ArrowLeft", 37);
    b.wait_for(&format!("{step} === '2'"));
    b.press("End", 35);
    b.wait_for(&format!("{step} === '{}'", tour.steps.len()));
    // Past the last step the right arrow stays put.
    b.press("ArrowRight", 39);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        b.eval(step),
        serde_json::json!(tour.steps.len().to_string())
    );
    // Escape goes back to the map; typing in the search box narrows it.
    b.press("Escape", 27);
    b.wait_for("!document.body.classList.contains('presenting')");
    b.eval("document.getElementById('q').focus()");
    let total = b.eval("document.querySelectorAll('#outline li.node').length");
    b.type_text("morale");
    b.wait_for("document.getElementById('count').value !== ''");
    let shown = b.eval("document.querySelectorAll('#outline li.node:not([hidden])').length");
    assert!(shown.as_u64().unwrap() > 0);
    assert!(shown.as_u64() < total.as_u64(), "{shown} of {total} shown");
    // Keys typed in the search box do not move slides.
    assert_eq!(
        b.eval("document.getElementById('q').value"),
        serde_json::json!("morale")
    );
}
