//! Topics: the subjects articles are filed under, each with its own page.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// How many articles carry it.
    pub count: u32,
}

/// `topics.json`: every topic, in the order the publisher listed them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicIndex {
    pub schema: u32,
    pub topics: Vec<Topic>,
}

impl TopicIndex {
    pub fn get(&self, slug: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.slug == slug)
    }
}
