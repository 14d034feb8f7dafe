//! Small road maps for the model's unit tests.

use crate::roadmap::{Credit, Entry, Resource, ResourceLink, ResourceType, Roadmap, Section};

pub fn resource(id: &str, kind: ResourceType) -> Resource {
    Resource {
        id: id.into(),
        title: id.replace('-', " "),
        links: vec![ResourceLink {
            label: id.into(),
            url: format!("https://example.com/{id}"),
        }],
        author: None,
        author_url: None,
        kind,
        free: true,
    }
}

pub fn entry(id: &str) -> Entry {
    Entry {
        resource: id.into(),
        note: None,
    }
}

/// A road map of these sections and resources (all courses unless `kinds` says otherwise).
pub fn roadmap(sections: Vec<Section>, resources: Vec<Resource>) -> Roadmap {
    Roadmap {
        schema: 1,
        title: "Test road map".into(),
        intro: String::new(),
        credit: Credit {
            author: "a".into(),
            author_url: "https://example.com/a".into(),
            source_url: "https://example.com/s".into(),
            license: "MIT".into(),
        },
        sections,
        resources,
    }
}
