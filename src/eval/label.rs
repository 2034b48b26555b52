//! A node's grounded label: in, out or undec.

/// A node's grounded label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// It stands: every attacker is out.
    In,
    /// It falls: some attacker is in (or it is suspended).
    Out,
    /// Contested: it sits on (or depends on) an unresolved cycle of attacks.
    Undec,
}

impl Label {
    pub fn name(self) -> &'static str {
        match self {
            Label::In => "in",
            Label::Out => "out",
            Label::Undec => "undec",
        }
    }
}
