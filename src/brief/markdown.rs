//! The brief as printable Markdown. A node's note is printed once, under its
//! heading when it has one, else where it is first listed; marks are shown
//! wherever the node appears. Marks and notes the brief had no place for
//! (including those on ids the debate no longer has) close the brief, so
//! nothing the user wrote is left out of it.

use std::collections::HashSet;

use super::{Brief, Opposing, Point, Rated};
use crate::eval::Label;
use crate::graph::{Graph, Kind, NodeIx, Relation};
use crate::md;
use crate::state::State;

pub(super) fn render(graph: &Graph, brief: &Brief, state: Option<&State>) -> String {
    if brief.thesis.index() >= graph.len() {
        return "# Brief\n\nThe thesis is not in this debate.\n".to_string();
    }
    let headed = brief
        .points
        .iter()
        .map(|p| p.node)
        .chain(brief.to_answer.iter().map(|o| o.node))
        .collect();
    let mut w = Writer {
        graph,
        state,
        thesis: brief.thesis,
        headed,
        noted: HashSet::new(),
        marked: HashSet::new(),
        out: String::new(),
    };
    w.header(brief);
    w.points(&brief.points);
    w.opposing_points(&brief.to_answer);
    w.answered(&brief.answered);
    w.source_notes(&brief.source_notes);
    w.leftovers();
    md::tidy(&w.out)
}

struct Writer<'a> {
    graph: &'a Graph,
    state: Option<&'a State>,
    thesis: NodeIx,
    /// Nodes with a heading of their own: their note goes there.
    headed: HashSet<NodeIx>,
    /// Ids whose note has been printed.
    noted: HashSet<String>,
    /// Ids whose mark has been printed.
    marked: HashSet<String>,
    out: String,
}

fn label_word(label: Label) -> &'static str {
    match label {
        Label::In => "stands",
        Label::Undec => "contested",
        Label::Out => "falls",
    }
}

impl Writer<'_> {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn title(&self, ix: NodeIx) -> String {
        md::inline(&self.graph.node(ix).title)
    }

    /// "the thesis", or the node's title in quotation marks.
    fn refer(&self, ix: NodeIx) -> String {
        if ix == self.thesis {
            "the thesis".into()
        } else {
            format!("“{}”", self.title(ix))
        }
    }

    /// " · **to use**" when the node is marked.
    fn mark(&mut self, ix: NodeIx) -> String {
        let id = &self.graph.node(ix).id;
        match self.state.and_then(|s| s.mark(id)) {
            Some(m) => {
                self.marked.insert(id.clone());
                format!(" · **{}**", m.label())
            }
            None => String::new(),
        }
    }

    /// The node's note, once per brief, as paragraphs under `indent`.
    fn note(&mut self, ix: NodeIx, indent: &str) {
        let id = self.graph.node(ix).id.clone();
        let Some(note) = self.state.and_then(|s| s.note(&id)) else {
            return;
        };
        if !self.noted.insert(id) {
            return;
        }
        let paras = md::paragraphs(note);
        for (i, p) in paras.iter().enumerate() {
            if i == 0 {
                self.line(&format!("{indent}*Your note:* {p}"));
            } else {
                self.line(&format!("{indent}{p}"));
            }
            self.line("");
        }
    }

    fn text(&mut self, ix: NodeIx) {
        if let Some(text) = &self.graph.node(ix).text {
            let block = md::block(text, "");
            if !block.is_empty() {
                self.line(&block);
                self.line("");
            }
        }
    }

    fn header(&mut self, brief: &Brief) {
        let side = brief.side.name();
        self.line(&format!("# Brief {side}: {}", self.title(brief.thesis)));
        self.line("");
        let mut about = format!("Debate: {}", md::inline(&self.graph.title));
        if let Some(q) = &self.graph.question {
            about.push_str(&format!(" — {}", md::inline(q)));
        }
        self.line(&about);
        self.line("");
        let standing = match brief.thesis_label {
            Label::In => "stands",
            Label::Undec => "is contested",
            Label::Out => "falls",
        };
        let (n, m) = brief.answered_count();
        let mark = self.mark(brief.thesis);
        self.line(&format!(
            "You argue **{side}** the thesis. On the map as it is, the thesis {standing}. \
             Answered {n} of {m} opposing points.{mark}"
        ));
        self.line("");
        self.line(
            "Points are listed by strength, yours strongest first and theirs most dangerous \
             first. Strength runs from 0 to 1: each point starts at 0.50 (or its weight), \
             supports raise it and attacks lower it (DF-QuAD).",
        );
        self.line("");
        self.note(brief.thesis, "");
    }

    fn evidence(&mut self, evidence: &[Rated]) {
        if evidence.is_empty() {
            return;
        }
        self.line("**Evidence**");
        self.line("");
        for e in evidence {
            let node = self.graph.node(e.node);
            let basis = node
                .basis
                .map(|b| format!("{} · ", b.name()))
                .unwrap_or_default();
            let mark = self.mark(e.node);
            self.line(&format!(
                "- {} — {basis}{}{mark}",
                self.title(e.node),
                label_word(e.label)
            ));
            self.line("");
            if let Some(q) = md::quoted_evidence(self.graph, e.node, "  ") {
                self.line(&q);
                self.line("");
            }
            if !self.headed.contains(&e.node) {
                self.note(e.node, "  ");
            }
        }
    }

    /// A bullet list of related nodes with kind and label.
    fn related(&mut self, heading: &str, nodes: &[Rated], none: Option<&str>) {
        if nodes.is_empty() {
            if let Some(none) = none {
                self.line(&format!("**{heading}:** {none}"));
                self.line("");
            }
            return;
        }
        self.line(&format!("**{heading}**"));
        self.line("");
        for r in nodes {
            let kind = md::kind(self.graph.node(r.node));
            let mark = self.mark(r.node);
            self.line(&format!(
                "- {} — {kind} · {}{mark}",
                self.title(r.node),
                label_word(r.label)
            ));
            if !self.headed.contains(&r.node) {
                self.note(r.node, "  ");
            }
        }
        self.line("");
    }

    fn points(&mut self, points: &[Point]) {
        self.line(&format!("## Your points ({})", points.len()));
        self.line("");
        if points.is_empty() {
            self.line("The map has no points for this side yet.");
            self.line("");
        }
        for (i, p) in points.iter().enumerate() {
            self.line(&format!("### {}. {}", i + 1, self.title(p.node)));
            self.line("");
            let mark = self.mark(p.node);
            self.line(&format!(
                "*{} · {} · strength {:.2} · {} in support · {}*{mark}",
                md::kind(self.graph.node(p.node)),
                label_word(p.label),
                p.strength,
                p.support,
                self.relations(&p.backs)
            ));
            self.line("");
            self.text(p.node);
            self.evidence(&p.evidence);
            self.related("Attacked by", &p.attackers, None);
            self.note(p.node, "");
        }
    }

    /// "supports the thesis; attacks “X”".
    fn relations(&self, targets: &[(NodeIx, Relation)]) -> String {
        targets
            .iter()
            .map(|&(t, rel)| {
                let verb = match rel {
                    Relation::Supports => "supports",
                    Relation::Attacks => "attacks",
                };
                format!("{verb} {}", self.refer(t))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn opposing_points(&mut self, opposing: &[Opposing]) {
        self.line(&format!("## Points to answer ({})", opposing.len()));
        self.line("");
        if opposing.is_empty() {
            self.line("No opposing point still stands.");
            self.line("");
        }
        for (i, o) in opposing.iter().enumerate() {
            self.line(&format!("### {}. {}", i + 1, self.title(o.node)));
            self.line("");
            let mark = self.mark(o.node);
            self.line(&format!(
                "*{} · {} · strength {:.2} · {}*{mark}",
                md::kind(self.graph.node(o.node)),
                label_word(o.label),
                o.strength,
                self.relations(&o.targets)
            ));
            self.line("");
            self.text(o.node);
            if self.graph.node(o.node).kind == Kind::Evidence
                && let Some(q) = md::quoted_evidence(self.graph, o.node, "")
            {
                self.line(&q);
                self.line("");
            }
            self.evidence(&o.evidence);
            self.related(
                "Rebuttals in the map",
                &o.rebuttals,
                Some("none in the map; prepare your own."),
            );
            self.note(o.node, "");
        }
    }

    fn answered(&mut self, answered: &[Opposing]) {
        if answered.is_empty() {
            return;
        }
        self.line(&format!("## Already answered ({})", answered.len()));
        self.line("");
        for o in answered {
            let by: Vec<String> = o
                .rebuttals
                .iter()
                .filter(|r| r.label == Label::In)
                .map(|r| self.refer(r.node))
                .collect();
            let mark = self.mark(o.node);
            self.line(&format!(
                "- {} — {} · strength {:.2} · answered by {}{mark}",
                self.title(o.node),
                md::kind(self.graph.node(o.node)),
                o.strength,
                by.join(", ")
            ));
            self.note(o.node, "  ");
        }
        self.line("");
    }

    /// Marks and notes with no place above, so the brief carries all of them.
    /// What the sources' own notes warn of, for every source the brief cites.
    fn source_notes(&mut self, sources: &[usize]) {
        if sources.is_empty() {
            return;
        }
        self.line("## Notes on the sources");
        self.line("");
        for &i in sources {
            let src = &self.graph.sources[i];
            let about: Vec<String> = [&src.author, &src.outlet, &src.date]
                .into_iter()
                .flatten()
                .map(|f| md::inline(f))
                .collect();
            let mut item = format!("- **{}**", md::inline(&src.title));
            if !about.is_empty() {
                item.push_str(&format!(" ({})", about.join(", ")));
            }
            let note = src.note.as_deref().unwrap_or("");
            item.push_str(&format!(": {}", md::paragraphs(note).join(" ")));
            self.line(&item);
        }
        self.line("");
    }

    fn leftovers(&mut self) {
        let Some(state) = self.state else {
            return;
        };
        let mut ids: Vec<&String> = state
            .notes
            .keys()
            .filter(|id| !self.noted.contains(*id))
            .chain(state.marks.keys().filter(|id| !self.marked.contains(*id)))
            .collect();
        ids.sort();
        ids.dedup();
        if ids.is_empty() {
            return;
        }
        self.line("## Other marks and notes");
        self.line("");
        for id in ids {
            let what = match self.graph.by_id(id) {
                Some(ix) => format!("{} ({})", self.title(ix), md::kind(self.graph.node(ix))),
                None => format!("{} (no longer in the debate)", md::inline(id)),
            };
            let mark = state
                .mark(id)
                .map(|m| format!(" · **{}**", m.label()))
                .unwrap_or_default();
            self.line(&format!("- {what}{mark}"));
            if let Some(note) = state.note(id) {
                for p in md::paragraphs(note) {
                    self.line("");
                    self.line(&format!("  {p}"));
                }
            }
        }
        self.line("");
    }
}
