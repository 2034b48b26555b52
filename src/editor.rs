//! Opening a debate file in the user's editor at a given line and column:
//! which editor (`$VISUAL`, else `$EDITOR`), how each well-known editor is
//! told the position, and where a node is written in its file.

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

use crate::graph::diag::pos_of_offset;
use crate::graph::locate::locate;
use crate::graph::{Graph, NodeIx, Pos};

/// The editor the environment names: `$VISUAL`, else `$EDITOR` (empty
/// values count as unset). None when neither is set.
pub fn from_env() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().trim().to_string())
        .find(|v| !v.is_empty())
}

/// The command that opens `file` at `pos` in `editor` (a program with
/// optional arguments, split at spaces as `$EDITOR` usually is). The
/// position is passed the way that editor reads it; unknown editors get
/// the `+LINE FILE` most terminal editors accept.
pub fn command(editor: &str, file: &Path, pos: Pos) -> Option<Command> {
    let mut words = editor.split_whitespace();
    let program = words.next()?;
    let mut cmd = Command::new(program);
    cmd.args(words);
    let name = Path::new(program)
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().to_string());
    let (line, col) = (pos.line.max(1), pos.col.max(1));
    let at = |sep: &str| {
        let mut s = OsString::from(file.as_os_str());
        s.push(format!("{sep}{line}:{col}"));
        s
    };
    match name.as_str() {
        "vi" | "vim" | "nvim" | "gvim" | "mvim" | "view" => {
            cmd.arg(format!("+call cursor({line}, {col})")).arg(file);
        }
        "hx" | "helix" | "micro" | "subl" | "zed" | "gedit" => {
            cmd.arg(at(":"));
        }
        "code" | "codium" | "code-insiders" | "cursor" => {
            cmd.arg("--goto").arg(at(":"));
        }
        "emacs" | "emacsclient" | "kak" | "kakoune" => {
            cmd.arg(format!("+{line}:{col}")).arg(file);
        }
        "nano" | "pico" => {
            cmd.arg(format!("+{line},{col}")).arg(file);
        }
        _ => {
            cmd.arg(format!("+{line}")).arg(file);
        }
    }
    Some(cmd)
}

/// Where node `ix` is written in `text`, the file it was loaded from: the
/// start of its entry in agon's RON, otherwise the first place its title
/// (or failing that its id) is written, which is the line of the node in
/// every format agon reads.
pub fn node_pos(text: &str, graph: &Graph, ix: NodeIx) -> Option<Pos> {
    let node = graph.node(ix);
    let ron_entry = locate(text)
        .values
        .get(&format!("nodes[{}]", ix.index()))
        .copied()
        // The entry found must be this node's: its id is written in it.
        .filter(|&off| {
            text.get(off..)
                .and_then(|rest| rest.find(node.id.as_str()))
                .is_some_and(|at| at < 4096)
        });
    let offset = ron_entry.or_else(|| {
        let title: String = node.title.chars().take(60).collect();
        [title.as_str(), node.id.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .find_map(|s| text.find(s))
    })?;
    Some(pos_of_offset(text, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(editor: &str, line: usize, col: usize) -> Vec<String> {
        let cmd = command(editor, Path::new("d.ron"), Pos { line, col }).unwrap();
        std::iter::once(cmd.get_program())
            .chain(cmd.get_args())
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn each_editor_gets_the_position_its_way() {
        assert_eq!(args("vim", 3, 5), ["vim", "+call cursor(3, 5)", "d.ron"]);
        assert_eq!(
            args("/usr/bin/nvim", 3, 5),
            ["/usr/bin/nvim", "+call cursor(3, 5)", "d.ron"]
        );
        assert_eq!(args("hx", 3, 5), ["hx", "d.ron:3:5"]);
        assert_eq!(
            args("code --wait", 3, 5),
            ["code", "--wait", "--goto", "d.ron:3:5"]
        );
        assert_eq!(
            args("emacsclient -t", 3, 5),
            ["emacsclient", "-t", "+3:5", "d.ron"]
        );
        assert_eq!(args("nano", 3, 5), ["nano", "+3,5", "d.ron"]);
        assert_eq!(args("ed", 3, 5), ["ed", "+3", "d.ron"]);
        assert!(command("  ", Path::new("d.ron"), Pos { line: 1, col: 1 }).is_none());
    }

    #[test]
    fn nodes_are_found_where_they_are_written() {
        let text = "Debate(\n  title: \"T\",\n  nodes: [\n    (id: \"t\", kind: Thesis, title: \"The thesis\"),\n    (id: \"c\", kind: Claim, title: \"A claim\", supports: [\"t\"]),\n  ],\n)\n";
        let g = crate::graph::load_str("d.ron", text).unwrap().graph;
        let c = g.by_id("c").unwrap();
        assert_eq!(node_pos(text, &g, c), Some(Pos { line: 5, col: 5 }));
        let kialo = "Discussion Title: Tea\n\n1. Tea is good\n1.1. Pro: It is warm\n";
        let g = crate::formats::load_str_as(crate::formats::InputFormat::Kialo, "k.txt", kialo)
            .unwrap()
            .graph;
        let warm = g
            .indices()
            .find(|&ix| g.node(ix).title == "It is warm")
            .unwrap();
        assert_eq!(node_pos(kialo, &g, warm).map(|p| p.line), Some(4));
    }
}
