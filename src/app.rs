//! The app's root: meta context, the site config shared by every page, the shell, and the only
//! route table.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::hooks::use_params_map;
use leptos_router::{path, Lazy, NavigateOptions};

use crate::api;
use crate::browser;
use crate::components::shell::{site_name, Shell, SiteData};
use crate::offline::page::OfflineRoute;
use crate::pages::about::AboutPage;
use crate::pages::article::ArticlePage;
use crate::pages::articles::ArticlesPage;
use crate::pages::embed::EmbedRoute;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::roadmap::RoadmapRoute;
use crate::pages::topics::{TopicPage, TopicsPage};
use crate::pages::unlock::UnlockRoute;
use crate::pages::week::WeekPage;
use crate::pages::weeks::WeeksPage;
use crate::paid::Keys;
use crate::search::opened::OpenedUnits;
use crate::search::page::SearchRoute;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(SiteData(LocalResource::new(api::site)));
    Keys::provide();
    OpenedUnits::provide();
    crate::offline::start();
    let base = browser::base_path();
    view! {
        <Title formatter=|text: String| format!("{text} · {}", site_name()) />
        <Router base=base>
            <Shell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/articles") view=ArticlesPage />
                    <Route path=path!("/articles/page/:n") view=ArticlesPage />
                    <Route path=path!("/articles/:slug") view=ArticlePage />
                    <Route path=path!("/topics") view=TopicsPage />
                    <Route path=path!("/topics/:slug") view=TopicPage />
                    <Route path=path!("/topics/:slug/page/:n") view=TopicPage />
                    <Route path=path!("/weekly") view=WeeksPage />
                    <Route path=path!("/weekly/page/:n") view=WeeksPage />
                    <Route path=path!("/weekly/:slug") view=WeekPage />
                    <Route path=path!("/roadmap/:section?/:resource?") view={Lazy::<RoadmapRoute>::new()} />
                    <Route path=path!("/about") view=AboutPage />
                    <Route path=path!("/p/:slug") view=OldPostRedirect />
                    <Route path=path!("/search") view={Lazy::<SearchRoute>::new()} />
                    <Route path=path!("/unlock") view={Lazy::<UnlockRoute>::new()} />
                    <Route path=path!("/offline") view={Lazy::<OfflineRoute>::new()} />
                    <Route path=path!("/embed/roadmap/:section?") view={Lazy::<EmbedRoute>::new()} />
                </Routes>
            </Shell>
        </Router>
    }
}

/// `/p/<slug>`, Substack's address of a post, on a host that serves only the app's fallback
/// page (with the shipped configs, nginx and `_redirects` redirect before the app loads): the
/// article imported under the same slug, replacing the old address in the history.
#[component]
fn OldPostRedirect() -> impl IntoView {
    let slug: String = use_params_map()
        .with_untracked(|p| p.get("slug").unwrap_or_default())
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    view! {
        <Redirect
            path=sb_model::paths::app_href(&browser::base_path(), &sb_model::paths::page::article(&slug))
            options=NavigateOptions { replace: true, ..Default::default() }
        />
    }
}
