//! Fetching the site's JSON documents: the only module that talks to the network.
//!
//! Every failure becomes an [`ApiError`] that says what went wrong in words a reader can act
//! on (and a developer can debug: the URL, the HTTP status, the JSON path of a bad field).

use gloo_net::http::Request;
use sb_model::paths::{self, data_url};
use sb_model::{
    decode_document, Article, ArticleSummary, DecodeError, IndexPage, SchemaError, SiteConfig,
    Week, WeekSummary,
};
use serde::de::DeserializeOwned;

/// Why a document could not be shown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    #[error("The network request for {url} failed: {reason}")]
    Network { url: String, reason: String },
    #[error("{url} does not exist.")]
    NotFound { url: String },
    #[error("The server answered {status} for {url}.")]
    Status { url: String, status: u16 },
    #[error("The data in {url} is invalid at `{path}`: {message}")]
    InvalidJson {
        url: String,
        path: String,
        message: String,
    },
    #[error("{url}: {source}")]
    NewerSchema { url: String, source: SchemaError },
}

impl ApiError {
    /// Whether trying again may help (a 404 or an incompatible file will not change by retrying).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ApiError::NotFound { .. })
    }
}

/// Fetches a document under the data folder and decodes it, checking its schema version first.
async fn get<T: DeserializeOwned>(rel: &str) -> Result<T, ApiError> {
    let (url, text) = fetch_text(rel).await?;
    decode(&url, &text)
}

/// The network part, kept free of the document type so it is compiled once, not per type.
pub(crate) async fn fetch_text(rel: &str) -> Result<(String, String), ApiError> {
    let url = data_url(&crate::browser::base_path(), rel);
    let response = Request::get(&url)
        .send()
        .await
        .map_err(|e| ApiError::Network {
            url: url.clone(),
            reason: e.to_string(),
        })?;
    match response.status() {
        200..=299 => {}
        404 => return Err(ApiError::NotFound { url }),
        status => return Err(ApiError::Status { url, status }),
    }
    match response.text().await {
        Ok(text) => Ok((url, text)),
        Err(e) => Err(ApiError::Network {
            url,
            reason: e.to_string(),
        }),
    }
}

fn decode<T: DeserializeOwned>(url: &str, text: &str) -> Result<T, ApiError> {
    decode_document(text).map_err(|e| match e {
        DecodeError::Invalid { path, message } => ApiError::InvalidJson {
            url: url.to_string(),
            path,
            message,
        },
        DecodeError::NewerSchema(source) => ApiError::NewerSchema {
            url: url.to_string(),
            source,
        },
    })
}

pub async fn site() -> Result<SiteConfig, ApiError> {
    get(&paths::site()).await
}

pub async fn articles_page(page: u32) -> Result<IndexPage<ArticleSummary>, ApiError> {
    get(&paths::articles_page(page)).await
}

pub async fn article(slug: String) -> Result<Article, ApiError> {
    get(&paths::article(&slug)).await
}

pub async fn weeks_page(page: u32) -> Result<IndexPage<WeekSummary>, ApiError> {
    get(&paths::weeks_page(page)).await
}

pub async fn week(slug: String) -> Result<Week, ApiError> {
    get(&paths::week(&slug)).await
}

pub async fn roadmap() -> Result<sb_model::Roadmap, ApiError> {
    get(&paths::roadmap()).await
}

pub async fn topics() -> Result<sb_model::topic::TopicIndex, ApiError> {
    get(&paths::topics()).await
}

/// One page of the archive: all articles, or only those of one topic.
pub async fn archive_page(
    topic: Option<String>,
    page: u32,
) -> Result<IndexPage<ArticleSummary>, ApiError> {
    match topic {
        Some(slug) => get(&paths::topic_page(&slug, page)).await,
        None => articles_page(page).await,
    }
}
