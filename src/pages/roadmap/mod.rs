//! The ML Road Map explorer (`/roadmap`, `/roadmap/<section>`, `/roadmap/<section>/<resource>`):
//! overall and per-section progress, a visual map, search and filters, the tree of resources,
//! and ways to take progress to another device. Progress is kept in this browser only.

mod embed_dialog;
mod filters;
mod map_view;
mod progress_tools;
pub(crate) mod state;
pub(crate) mod tree;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use sb_model::paths::{app_href, page};
use sb_model::progress::Progress;
use sb_model::roadmap_tree::{entry_key, section_key};
use sb_model::Roadmap;

use crate::api;
use crate::browser;
use crate::components::loaded::Loaded;
use embed_dialog::EmbedDialog;
use filters::Filters;
use map_view::MapView;
use progress_tools::ProgressTools;
use state::Explorer;
use tree::{jump_to_row, Tree};

// The road map route, lazily loaded: its code is a wasm chunk of its own, fetched only when
// a reader opens `/roadmap` (see `xtask/src/split.rs`).
crate::pages::lazy_page!(RoadmapRoute, RoadmapPage);

#[component]
pub fn RoadmapPage() -> impl IntoView {
    let roadmap = LocalResource::new(api::roadmap);
    view! {
        <Title text="Machine Learning Road Map" />
        <Loaded resource=roadmap render=|roadmap| view! { <ExplorerView roadmap /> } whole_page=true />
    }
}

/// The page is built in four tasks, not one (issue 11: Lighthouse's total blocking time on a
/// phone): the header; the map and the filters; the tree (whose rows follow in tasks of their
/// own); the progress and embed tools. V8 compiles each wasm function on its first call, so
/// this also spreads the chunk's compiling. `aria-busy` holds the takeover until the last
/// stage.
const LAST_STAGE: u8 = 3;
/// The stage that builds the tree.
const TREE_STAGE: u8 = 2;

#[component]
fn ExplorerView(roadmap: Roadmap) -> impl IntoView {
    let ex = Explorer::new(roadmap, false, true);
    provide_context(ex);
    let params = use_params_map();
    let query = use_query_map();
    let navigate = use_navigate();
    let missing = RwSignal::new(false);

    // A share link (`?progress=…`) offers progress from another device (applied only if the
    // reader says so), then leaves the URL.
    Effect::new(move |_| {
        let Some(code) = query.read().get("progress") else {
            return;
        };
        ex.propose(state::Source::Link, Progress::from_share_code(&code));
        navigate(
            &app_href(&browser::base_path(), &page::roadmap()),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });

    // Once the app has taken over, a visit is a click away from a page already shown: the
    // whole page is built at once, with no page filling in.
    let stage = RwSignal::new(if browser::taken_over() { LAST_STAGE } else { 0 });
    crate::tasks::advance_in_tasks(stage, |now| (now < LAST_STAGE).then_some(now + 1));
    let tree_built = Memo::new(move |_| stage.get() >= TREE_STAGE);

    // Permalinks: open, scroll to and highlight the section or resource they name (once the
    // tree is there to hold the row).
    Effect::new(move |_| {
        if !tree_built.get() {
            return;
        }
        let section = params.read().get("section");
        let resource = params.read().get("resource");
        let Some(section) = section else {
            missing.set(false);
            return;
        };
        let known = ex.roadmap.with_value(|r| {
            r.section(&section).is_some()
                && resource.as_deref().is_none_or(|id| {
                    r.section(&section)
                        .is_some_and(|s| r.section_resource_ids(s).iter().any(|x| x == id))
                })
        });
        missing.set(!known);
        if !known {
            return;
        }
        let key = match &resource {
            Some(id) => entry_key(&section, id),
            None => section_key(&section),
        };
        ex.reveal(&section);
        ex.highlighted.set(resource.is_some().then(|| key.clone()));
        jump_to_row(key);
    });

    let overall = ex.overall;
    let (title, intro, credit) = ex
        .roadmap
        .with_value(|r| (r.title.clone(), r.intro.clone(), r.credit.clone()));
    view! {
        <div class="roadmap" aria-busy=move || (stage.get() < LAST_STAGE).to_string()>
            <header class="roadmap-header">
                <h1>{title}</h1>
                <p class="lead">{intro}</p>
                <p class="credit">
                    "By " <a href=credit.author_url rel="noopener noreferrer">{credit.author}</a>
                    {format!(" · {} licence · ", credit.license)}
                    <a href=credit.source_url rel="noopener noreferrer">"Source on GitHub"</a>
                </p>
                <div class="overall">
                    <progress max="100" value=move || overall.get().percent() aria-label="Overall progress"></progress>
                    <span class="overall-text">
                        {move || format!("{} · {}%", overall.get().summary(), overall.get().percent())}
                    </span>
                </div>
            </header>
            <Show when=move || missing.get()>
                <p class="notice" role="alert">"That part of the road map does not exist (any more). Here is the whole road map."</p>
            </Show>
            <div class="roadmap-layout">
                <aside class="roadmap-map" aria-label="Map view">
                    <Show when=move || { stage.get() >= 1 }>
                        <MapView />
                    </Show>
                </aside>
                <div class="roadmap-list">
                    <Show when=move || { stage.get() >= 1 }>
                        <Filters />
                    </Show>
                    <Show when=move || tree_built.get()>
                        <Tree />
                    </Show>
                </div>
            </div>
            <Show when=move || { stage.get() >= LAST_STAGE }>
                <ProgressTools />
                <section class="embed-tools" aria-labelledby="embed-tools-title">
                    <h2 id="embed-tools-title">"Put it on your site"</h2>
                    <p class="muted">"Show the road map, or one section of it, on a course page or blog with two lines of HTML."</p>
                    <EmbedDialog />
                </section>
            </Show>
            <p class="sr-only" role="status" aria-live="polite">{move || ex.announcement.get()}</p>
        </div>
    }
}
