//! One module per route of the app (see the route table in `app.rs`).

pub mod about;
pub mod article;
pub mod article_extras;
pub mod articles;
pub mod embed;
pub mod home;
pub mod not_found;
pub mod roadmap;
pub mod topics;
pub mod unlock;
pub mod week;
pub mod weeks;
