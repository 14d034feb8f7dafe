//! The embeddable road map widget (`/embed/roadmap[/<section>]?theme=…&compact=…&progress=…`):
//! the road map alone, without the site's header and footer, sized to its content for the
//! iframe that `public/embed.js` creates, with a link back to the full road map. Every link out
//! of a widget opens a new tab: the frame itself only ever shows widgets.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use sb_model::embed::{EmbedOptions, EmbedTheme};
use sb_model::paths::page;
use sb_model::Roadmap;

use crate::api;
use crate::browser;
use crate::components::loaded::Loaded;
use crate::pages::roadmap::state::Explorer;
use crate::pages::roadmap::tree::Tree;

// The widget routes, lazily loaded: a chunk of their own, fetched only inside a widget's frame.
crate::pages::lazy_page!(EmbedRoute, EmbedRoadmapPage);

#[component]
pub fn EmbedRoadmapPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let options = EmbedOptions::from_query(params.read_untracked().get("section"), |k| {
        query.read_untracked().get(k)
    });
    browser::prepare_embed(match options.theme {
        EmbedTheme::Auto => None,
        t => Some(t.key()),
    });
    let roadmap = LocalResource::new(api::roadmap);
    view! {
        <Title text="ML Road Map widget" />
        <Loaded resource=roadmap render=move |roadmap| view! { <Widget roadmap options=options.clone() /> } />
    }
}

#[component]
fn Widget(mut roadmap: Roadmap, options: EmbedOptions) -> impl IntoView {
    let section = options
        .section
        .clone()
        .filter(|id| roadmap.section(id).is_some());
    let unknown_section = options.section.is_some() && section.is_none();
    let heading = match &section {
        Some(id) => {
            let title = roadmap
                .section(id)
                .map(|s| s.title.clone())
                .unwrap_or_default();
            roadmap.sections.retain(|s| &s.id == id);
            format!("ML Road Map: {title}")
        }
        None => roadmap.title.clone(),
    };
    let full = browser::absolute_url(&match &section {
        Some(s) => page::roadmap_section(s),
        None => page::roadmap(),
    });
    let credit = roadmap.credit.clone();
    let ex = Explorer::new(roadmap, true, options.progress);
    provide_context(ex);
    let only = section.clone();
    let tally = Memo::new(move |_| match &only {
        Some(id) => ex.tally(id),
        None => ex.overall.get(),
    });
    view! {
        <div class="embed-root" class:embed-compact=options.compact>
            <header class="embed-header">
                <h1>{heading}</h1>
                {unknown_section.then(|| view! { <p class="notice" role="alert">"This widget names a section the road map does not have; showing the whole road map."</p> })}
                {options.progress.then(|| view! {
                    <p class="overall">
                        <progress max="100" value=move || tally.get().percent() aria-label="Progress"></progress>
                        <span class="overall-text">{move || tally.get().summary()}</span>
                    </p>
                })}
            </header>
            <Tree />
            <p class="embed-credit">
                <a href=full target="_blank" rel="noopener noreferrer">"Open the full road map ↗"</a>
                " · by "
                <a href=credit.author_url target="_blank" rel="noopener noreferrer">{credit.author}</a>
                {format!(" ({})", credit.license)}
            </p>
            <p class="sr-only" role="status" aria-live="polite">{move || ex.announcement.get()}</p>
        </div>
    }
}
