//! Where values stand in a JSON text. serde_json's `Value` forgets
//! positions, so after a successful parse one more linear scan records the
//! byte offset of every value near the top (`nodes[3]`, `AIF.edges[7].toID`),
//! letting importers point at the node or edge at fault.

/// How deep paths are recorded: enough for `AIF.nodes[3].nodeID`.
const MAX_DEPTH: usize = 4;

/// Byte offsets of values, keyed by paths like `AIF.nodes[3]`.
#[derive(Debug, Default)]
pub struct JsonPositions {
    offsets: rustc_hash::FxHashMap<String, usize>,
}

impl JsonPositions {
    pub fn get(&self, path: &str) -> Option<usize> {
        self.offsets.get(path).copied()
    }
}

enum Frame {
    Object { key: Option<String> },
    Array { index: usize },
}

/// Scans a JSON text that serde_json has already accepted. On text that is
/// not valid JSON it still finishes without panicking; positions may then be
/// missing.
pub fn locate(text: &str) -> JsonPositions {
    locate_some(text, None)
}

/// [`locate`] recording only the values at the paths in `want` (every
/// value when none).
pub fn locate_some(text: &str, want: Option<&rustc_hash::FxHashSet<String>>) -> JsonPositions {
    let bytes = text.as_bytes();
    let mut out = JsonPositions::default();
    // One buffer for every value's path.
    let mut path = String::new();
    let mut stack: Vec<Frame> = Vec::new();
    // The path segments of the frames on the stack, kept as text.
    let mut i = 0;
    let mut expecting_key = false;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' => {
                if b == b',' {
                    match stack.last_mut() {
                        Some(Frame::Array { index }) => *index += 1,
                        Some(Frame::Object { key }) => {
                            *key = None;
                            expecting_key = true;
                        }
                        None => {}
                    }
                }
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                expecting_key = false;
                i += 1;
            }
            b'"' if expecting_key => {
                let end = string_end(bytes, i);
                let key = text
                    .get(i + 1..end.saturating_sub(1))
                    .unwrap_or("")
                    .to_string();
                if let Some(Frame::Object { key: slot }) = stack.last_mut() {
                    *slot = Some(key);
                }
                expecting_key = false;
                i = end;
            }
            _ => {
                // A value starts here.
                if stack.len() <= MAX_DEPTH && !stack.is_empty() {
                    write_path(&mut path, &stack);
                    if want.is_none_or(|w| w.contains(path.as_str())) {
                        out.offsets.insert(path.clone(), i);
                    }
                }
                match b {
                    b'{' => {
                        stack.push(Frame::Object { key: None });
                        expecting_key = true;
                        i += 1;
                    }
                    b'[' => {
                        stack.push(Frame::Array { index: 0 });
                        i += 1;
                    }
                    b'"' => i = string_end(bytes, i),
                    _ => {
                        while i < bytes.len()
                            && !matches!(
                                bytes[i],
                                b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
                            )
                        {
                            i += 1;
                        }
                    }
                }
            }
        }
    }
    out
}

/// The index just past the string starting at `start` (a `"`).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Writes the path of the value the stack stands at into `path`.
fn write_path(path: &mut String, stack: &[Frame]) {
    use std::fmt::Write;
    path.clear();
    for frame in stack {
        match frame {
            Frame::Object { key } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key.as_deref().unwrap_or(""));
            }
            Frame::Array { index } => {
                let _ = write!(path, "[{index}]");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_array_elements_and_fields() {
        let text = r#"{"AIF": {"nodes": [ {"nodeID": 1, "text": "a \" b"},
  {"nodeID": "2"} ], "edges": []}, "x": [[1], {"y": 2}]}"#;
        let pos = locate(text);
        assert_eq!(
            pos.get("AIF.nodes[0]"),
            Some(text.find("{\"nodeID\": 1").unwrap())
        );
        assert_eq!(
            pos.get("AIF.nodes[1]"),
            Some(text.find("{\"nodeID\": \"2\"").unwrap())
        );
        assert_eq!(
            pos.get("AIF.nodes[1].nodeID"),
            Some(text.find("\"2\"").unwrap())
        );
        assert_eq!(pos.get("x[1].y"), Some(text.rfind('2').unwrap()));
        assert_eq!(pos.get("AIF.edges"), Some(text.find("[]").unwrap()));
    }

    #[test]
    fn survives_broken_text() {
        for text in ["", "{", "[[[", "{\"a", "{\"a\": \"\\", "}}]]", "{,,:"] {
            let _ = locate(text);
        }
    }
}
