//! Replaying a query's fetch plan natively (`press search-plan`, for the benchmark): which
//! files the app fetches, step by step, before the first results can be shown.

use std::fs;
use std::path::Path;

use sb_model::search::format::root_path;
use sb_model::search::{present, search, Fetched, Filters, LocalIndex, Query, Root, Step};
use serde::Serialize;

/// The files of one query, in the order the app fetches them.
#[derive(Debug, Serialize)]
pub struct Plan {
    pub query: String,
    /// `search/root.json` (fetched once, on the first keystroke).
    pub root: String,
    /// Each `Step::Need` of `search`, then the doc shards of the results.
    pub steps: Vec<Vec<String>>,
    pub results: usize,
    /// The first result's title, to show the query found something.
    pub first: Option<String>,
    /// Every result: kind, title and link.
    pub shown: Vec<String>,
}

/// Runs `query` against the index under `data` and lists the files it needed.
pub fn plan(data: &Path, query: &str, limit: usize) -> Result<Plan, String> {
    let read = |p: &str| fs::read_to_string(data.join(p)).map_err(|e| format!("{p}: {e}"));
    let root = Root::decode(&read(&root_path())?).map_err(|e| e.to_string())?;
    let q = Query::parse(query);
    let mut fetched = Fetched::default();
    let local = LocalIndex::default();
    let mut steps = Vec::new();
    let ranked = loop {
        match search(&root, &fetched, &q, &Filters::default(), &local, limit)
            .map_err(|e| e.to_string())?
        {
            Step::Need(paths) => {
                for p in &paths {
                    fetched.add(p, &read(p)?).map_err(|e| e.to_string())?;
                }
                steps.push(paths);
            }
            Step::Done(r) => break r,
        }
    };
    let docs = fetched.missing(&root.doc_shards_for(&ranked));
    for p in &docs {
        fetched.add(p, &read(p)?).map_err(|e| e.to_string())?;
    }
    steps.push(docs);
    let results = present(&root, &ranked, &fetched, &local, &q).map_err(|e| e.to_string())?;
    Ok(Plan {
        query: query.to_string(),
        root: root_path(),
        steps,
        results: results.len(),
        first: results.first().map(|r| r.title.clone()),
        shown: results
            .iter()
            .map(|r| format!("{}: {} <{}>", r.kind.label(), r.title, r.url))
            .collect(),
    })
}

/// `press search-plan`: prints the plans of `queries` as a JSON array.
pub fn command(data: &Path, limit: usize, queries: &[String]) -> Result<(), String> {
    let plans = queries
        .iter()
        .map(|q| plan(data, q, limit))
        .collect::<Result<Vec<_>, _>>()?;
    println!(
        "{}",
        serde_json::to_string_pretty(&plans).map_err(|e| e.to_string())?
    );
    Ok(())
}
