//! Pieces shared by several pages.

pub mod article_card;
pub mod error_view;
pub mod link;
pub mod loaded;
pub mod pager;
pub mod shell;
pub mod theme_toggle;
