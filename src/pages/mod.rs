//! One module per route of the app (see the route table in `app.rs`).
//!
//! The routes few readers open first (road map, widgets, unlock, search, offline shelf) are lazy:
//! [`lazy_page!`] puts each in a wasm chunk of its own. The reading pages stay in the main
//! module: made lazy too (tried for issue 11), the code they share became some 50 tiny shared
//! chunks per page, and the first load grew from 280 to 290–330 KB in 68–86 requests.

/// Declares `$route`, the route whose view is `$page` in a chunk of its own: use it in the
/// route table as `Lazy::<$route>::new()`.
macro_rules! lazy_page {
    ($route:ident, $page:ident) => {
        pub struct $route;

        #[leptos_router::lazy_route]
        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> ::leptos::prelude::AnyView {
                use ::leptos::prelude::IntoAny;
                ::leptos::view! { <$page /> }.into_any()
            }
        }
    };
}
pub(crate) use lazy_page;

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
