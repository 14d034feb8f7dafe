//! The Society's Backend site: a Leptos app that loads the JSON written by `press` and renders
//! every page in the browser.
//!
//! - [`app`]: the route table and the page shell.
//! - [`api`]: the only place that fetches; returns typed errors.
//! - [`browser`]: the only place that touches web-sys (storage, base path, theme attribute).
//! - [`webcrypto`]: the only place that calls SubtleCrypto (opening paid content).
//! - [`offline`]: offline reading: the service worker's app side (saved pages, updates).
//! - [`paid`]: the reader's subscriber keys and opening sealed units with them.
//! - [`pages`]: one module per route.
//! - [`components`]: pieces shared by several pages.
//! - [`tasks`]: work spread over several tasks so none blocks the page for long.

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod offline;
pub mod pages;
pub mod paid;
pub mod search;
pub mod tasks;
pub mod webcrypto;
