//! What a search returns: the hits, best first, and what each matched.

use super::snippet::Snippet;
use crate::graph::{Graph, NodeIx};

/// Which field of a node a query matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    Text,
    Quote,
    /// The cited source's title or author.
    Source,
    Tag,
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Text => "text",
            Field::Quote => "quote",
            Field::Source => "source",
            Field::Tag => "tag",
        }
    }
}

/// One matching node.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub node: NodeIx,
    /// Higher is better; comparable within one query only.
    pub score: i64,
    /// The field of the best match.
    pub field: Field,
    /// Which one of several: for [`Field::Tag`] the index in the node's
    /// tags, for [`Field::Source`] 0 for the title and 1 for the author.
    pub part: usize,
    /// Char indices of the matched chars in that field's text
    /// ([`Hit::field_text`]), ascending.
    pub positions: Vec<usize>,
    /// For [`Field::Text`] and [`Field::Quote`]: an excerpt around the match.
    pub snippet: Option<Snippet>,
    /// Every field the query matches in this node, the best one among them.
    pub fields: Vec<Field>,
}

impl Hit {
    /// A node listed without ranking (a query of filters alone): no score,
    /// no field matched.
    pub fn unranked(node: NodeIx) -> Hit {
        Hit {
            node,
            score: 0,
            field: Field::Title,
            part: 0,
            positions: Vec::new(),
            snippet: None,
            fields: Vec::new(),
        }
    }

    /// The text `positions` point into.
    pub fn field_text<'g>(&self, graph: &'g Graph) -> &'g str {
        let node = graph.node(self.node);
        match self.field {
            Field::Title => &node.title,
            Field::Text => node.text.as_deref().unwrap_or(""),
            Field::Quote => node.quote.as_deref().unwrap_or(""),
            Field::Tag => node.tags.get(self.part).map_or("", String::as_str),
            Field::Source => match (graph.source_of(self.node), self.part) {
                (Some(s), 0) => &s.title,
                (Some(s), _) => s.author.as_deref().unwrap_or(""),
                (None, _) => "",
            },
        }
    }
}

/// The answer to one query.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// The worker's number for the query (0 from a [`Searcher`]).
    pub generation: u64,
    /// The query as typed.
    pub query: String,
    /// The best matches, best first; with no words, the filtered nodes in file order.
    pub hits: Vec<Hit>,
    /// How many nodes match in all (more than `hits` when limited).
    pub total_matched: usize,
    /// False for early "best so far" results that may still change.
    pub complete: bool,
    /// Filters that could not be understood; such a query matches nothing.
    pub errors: Vec<String>,
}

impl Results {
    pub fn empty(query: &str) -> Results {
        Results {
            generation: 0,
            query: query.to_string(),
            hits: Vec::new(),
            total_matched: 0,
            complete: true,
            errors: Vec::new(),
        }
    }
}
