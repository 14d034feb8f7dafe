//! Pieces shared by several pages.

pub mod cards;
pub mod error_view;
pub mod fragment;
pub mod index_list;
pub mod link;
pub mod loaded;
pub mod pager;
pub mod paywall;
pub mod shell;
pub mod theme_toggle;
