//! The commands on the focused node that mean the same in every pane:
//! what-if, sources only, the semantics, marks, copying and opening URLs.

use super::{App, Request};
use crate::graph::NodeIx;
use crate::state::Mark;
use crate::tui::clipboard;
use crate::tui::whatif::RECOMPUTING;

impl App {
    pub(super) fn what_if(&mut self, clear: bool) {
        let ix = self.focused();
        if clear {
            self.model.whatif.clear(&self.model.graph);
            self.labels_changed();
            self.message = Some("What-if cleared: every node is back.".into());
            return;
        }
        self.model.whatif.toggle(&self.model.graph, ix);
        self.labels_changed();
        let w = &self.model.whatif;
        let verb = if w.is_suspended(ix) {
            "suspended"
        } else {
            "restored"
        };
        let changed = self.graph().indices().filter(|&i| w.changed(i)).count();
        let title = crate::text::truncate(&self.graph().node(ix).title, 24);
        self.message = Some(if w.labels_pending() {
            format!(
                "\"{title}\" {verb}; {changed} grounded labels changed. {}: {RECOMPUTING}",
                w.reading().name()
            )
        } else {
            format!("\"{title}\" {verb}; {changed} labels changed (see Detail).")
        });
    }

    /// `a`: what the sources alone establish. Suspends every analysis
    /// node, or, when they all are already, brings them back.
    pub(super) fn sources_only(&mut self) {
        let g = self.model.graph.clone();
        let nodes: Vec<NodeIx> = crate::eval::analysis_nodes(&g).collect();
        if nodes.is_empty() {
            self.message = Some("This map marks no node as its own analysis.".into());
            return;
        }
        let eval = &mut self.model.whatif.eval;
        let all = nodes.iter().all(|&ix| eval.is_suspended(ix));
        if all {
            for &ix in &nodes {
                eval.unsuspend(ix);
            }
        } else {
            crate::eval::suspend_analysis(&g, eval);
        }
        self.model.whatif.refresh(&g);
        self.labels_changed();
        let n = nodes.len();
        let w = &self.model.whatif;
        let waiting = if w.labels_pending() {
            format!(" {}: {RECOMPUTING}", w.reading().name())
        } else {
            String::new()
        };
        self.message = Some(if all {
            format!("Sources only off: {n} analysis nodes restored.{waiting}")
        } else if w.labels_pending() {
            format!("Sources only: {n} analysis nodes suspended.{waiting}")
        } else {
            let changed = g.indices().filter(|&i| self.whatif().changed(i)).count();
            format!(
                "Sources only: {n} analysis nodes suspended; {changed} labels differ from the full map."
            )
        });
    }

    /// `y`: the source shown in the detail pane, or the focused node.
    pub(super) fn copy(&mut self) {
        let g = self.graph();
        let (text, what) = match self.shown_source() {
            Some(s) => (clipboard::source_text(&g.sources[s]), "the source"),
            None if g.node(self.detail_node()).quote.is_some() => (
                clipboard::node_text(g, self.detail_node()),
                "the quote with its citation",
            ),
            None => (
                clipboard::node_text(g, self.focused()),
                "the title and text",
            ),
        };
        self.message = Some(format!("Copied {what} to the clipboard."));
        self.requests.push(Request::Copy(text));
    }

    /// `o`: the URL of the source shown, or of the focused evidence's source.
    pub(super) fn open_url(&mut self) {
        let g = self.graph();
        let src = match self.shown_source() {
            Some(s) => Some(&g.sources[s]),
            None => g.source_of(self.detail_node()),
        };
        match src.and_then(|s| s.url.as_deref()) {
            Some(url) => {
                let url = crate::text::sanitize_line(url);
                self.message = Some(format!("Opening {url} in the browser."));
                self.requests.push(Request::OpenUrl(url));
            }
            None => self.message = Some("No URL to open here: a source with a URL opens.".into()),
        }
    }

    /// Labels follow the next semantics; the status bar says what it means
    /// and anything a reader must know about it (no stable extension, …).
    pub(super) fn cycle_semantics(&mut self) {
        self.model.whatif.cycle_reading(&self.model.graph);
        self.labels_changed();
        let w = &self.model.whatif;
        let r = w.reading();
        self.message = Some(match w.note() {
            _ if w.labels_pending() => format!("Labels follow {}: {RECOMPUTING}", r.name()),
            Some(note) => format!("Labels follow {}. {note}", r.name()),
            None => format!("Labels follow {}: {}.", r.name(), r.meaning().join(" ")),
        });
    }

    pub(super) fn cycle_mark(&mut self) {
        let id = self.graph().node(self.focused()).id.clone();
        let mark = Mark::next(self.model.state.mark(&id));
        self.model.state.set_mark(&id, mark);
        self.model.dirty = true;
        self.message = Some(match mark {
            Some(m) => format!("Marked {}.", m.label()),
            None => "Mark removed.".into(),
        });
    }
}
