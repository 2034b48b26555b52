//! What-if evaluation: labels under the user's suspensions, and which
//! labels differ from the full map's.

use crate::eval::{Evaluation, Label};
use crate::graph::{Graph, NodeIx};

/// What-if evaluation: labels under the current suspensions, and which
/// labels differ from the full map's.
#[derive(Debug, Clone)]
pub struct WhatIf {
    pub eval: Evaluation,
}

impl WhatIf {
    pub fn new(graph: &Graph) -> WhatIf {
        WhatIf {
            eval: Evaluation::new(graph),
        }
    }

    pub fn count(&self) -> usize {
        self.eval.suspended().len()
    }

    pub fn is_suspended(&self, ix: NodeIx) -> bool {
        self.eval.is_suspended(ix)
    }

    pub fn changed(&self, ix: NodeIx) -> bool {
        self.eval.changed_since_baseline(ix)
    }

    pub fn labels(&self) -> &[Label] {
        self.eval.labels()
    }

    pub fn toggle(&mut self, ix: NodeIx) {
        self.eval.toggle(ix);
    }

    pub fn clear(&mut self) {
        self.eval.clear();
    }
}
