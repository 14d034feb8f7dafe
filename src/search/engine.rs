//! The search code the reader loads only when they first focus a search box: a chunk of its
//! own (`#[lazy]`), so no other page pays for it. It fetches the index files the query steps of
//! [`sb_model::search`] ask for, keeps them for the page's lifetime, and ranks.

use std::cell::RefCell;
use std::rc::Rc;

use sb_model::search::docs::{article_doc, week_entry_doc};
use sb_model::search::{present, Fetched, Kind, LocalIndex, Query, Root, Step};
use sb_model::search::{Filters, TopicFacet};

use super::opened::OpenedDoc;
use super::results::{results_html, Layout};
use crate::api::{fetch_text, ApiError};

/// What a search box asks: the words, the filters, how many results, and the paid units the
/// reader has opened in this browser, searched locally.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub text: String,
    pub kinds: Vec<Kind>,
    pub topic: Option<String>,
    pub limit: usize,
    pub opened: Vec<OpenedDoc>,
    /// How the results are written ([`Found::html`]).
    pub layout: Layout,
}

/// The results of a request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Each result's link, relative to the site's base.
    pub urls: Vec<String>,
    /// The results as list items (see [`results_html`]).
    pub html: String,
    /// More documents match than were asked for.
    pub more: bool,
    /// Every topic of the index, for the filter.
    pub topics: Vec<TopicFacet>,
}

/// Why a search gave no results: a file could not be fetched, or is damaged.
#[derive(Debug, Clone, PartialEq)]
pub struct Failed(pub String);

thread_local! {
    /// The root and every file fetched so far: the index does not change while the page is open.
    static INDEX: RefCell<(Option<Rc<Root>>, Fetched)> = RefCell::new((None, Fetched::default()));
}

/// Runs a request. An empty query only loads this chunk (a search box calls it on focus).
#[leptos::lazy]
pub async fn run_search(request: Request) -> Result<Found, Failed> {
    let query = Query::parse(&request.text);
    if query.is_empty() {
        return Ok(Found::default());
    }
    let root = root().await?;
    let filters = Filters {
        kinds: request.kinds,
        topic: request.topic,
    };
    let mut local = LocalIndex::default();
    for opened in &request.opened {
        local.add_doc(&match opened {
            OpenedDoc::Article { meta, html } => article_doc(meta, html),
            OpenedDoc::WeekEntry { week, entry } => week_entry_doc(week, entry),
        });
    }
    let ranked = loop {
        let step = INDEX.with_borrow(|(_, fetched)| {
            sb_model::search::search(&root, fetched, &query, &filters, &local, request.limit)
        });
        match step.map_err(|e| Failed(e.to_string()))? {
            Step::Need(paths) => fetch_all(paths).await?,
            Step::Done(ranked) => break ranked,
        }
    };
    let docs = root.doc_shards_for(&ranked);
    let missing = INDEX.with_borrow(|(_, fetched)| fetched.missing(&docs));
    fetch_all(missing).await?;
    let results = INDEX
        .with_borrow(|(_, fetched)| present(&root, &ranked, fetched, &local, &query))
        .map_err(|e| Failed(e.to_string()))?;
    let base = crate::browser::base_path();
    Ok(Found {
        urls: results.iter().map(|r| r.url.clone()).collect(),
        html: results_html(&results, request.layout, &base),
        more: ranked.more,
        topics: root.topics.clone(),
    })
}

/// The root, fetched once and shared by every later query.
async fn root() -> Result<Rc<Root>, Failed> {
    if let Some(root) = INDEX.with_borrow(|(root, _)| root.clone()) {
        return Ok(root);
    }
    let (_, text) = fetch_text(&sb_model::search::format::root_path())
        .await
        .map_err(failed)?;
    let root = Rc::new(Root::decode(&text).map_err(|e| Failed(e.to_string()))?);
    INDEX.with_borrow_mut(|(slot, _)| *slot = Some(Rc::clone(&root)));
    Ok(root)
}

/// Fetches the files together and keeps them; the first failure is the answer.
async fn fetch_all(paths: Vec<String>) -> Result<(), Failed> {
    let bodies = futures_util::future::join_all(paths.iter().map(|p| fetch_text(p.as_str()))).await;
    for (path, body) in paths.iter().zip(bodies) {
        let (_, text) = body.map_err(failed)?;
        INDEX
            .with_borrow_mut(|(_, fetched)| fetched.add(path, &text))
            .map_err(|e| Failed(e.to_string()))?;
    }
    Ok(())
}

fn failed(e: ApiError) -> Failed {
    Failed(e.to_string())
}
