//! The pieces around an article's body: its table of contents, share links, and the links to
//! the previous and next articles.

use leptos::prelude::*;
use sb_model::article::{ArticleLink, TocEntry};
use sb_model::paths::{app_href, page};
use sb_model::text::percent_encode;

use crate::browser;
use crate::components::link::Link;

/// Articles with at least this many headings get a table of contents.
const TOC_MIN_HEADINGS: usize = 3;

#[component]
pub fn TableOfContents(toc: Vec<TocEntry>) -> impl IntoView {
    (toc.len() >= TOC_MIN_HEADINGS).then(|| {
        view! {
            <nav class="toc" aria-label="Contents" on:click=browser::follow_in_page_link>
                <p class="toc-title">"Contents"</p>
                <ul>
                    {toc
                        .into_iter()
                        .map(|t| view! { <li class=format!("toc-level-{}", t.level)><a href=format!("#{}", t.id)>{t.text}</a></li> })
                        .collect_view()}
                </ul>
            </nav>
        }
    })
}

#[component]
pub fn ShareLinks(title: String, slug: String) -> impl IntoView {
    let url = format!(
        "{}{}",
        browser::origin(),
        app_href(&browser::base_path(), &page::article(&slug))
    );
    let (t, u) = (percent_encode(&title), percent_encode(&url));
    let copied = RwSignal::new(false);
    let copy = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            leptos::task::spawn_local(async move { copied.set(browser::copy_text(&url).await) });
        }
    };
    view! {
        <div class="share" role="group" aria-label="Share this article">
            <button type="button" class="button share-copy" on:click=copy>
                {move || if copied.get() { "Link copied" } else { "Copy link" }}
            </button>
            <a class="button" href=format!("https://x.com/intent/post?text={t}&url={u}") target="_blank" rel="noopener noreferrer">"Share on X"</a>
            <a class="button" href=format!("https://www.linkedin.com/sharing/share-offsite/?url={u}") target="_blank" rel="noopener noreferrer">"LinkedIn"</a>
            <a class="button" href=format!("mailto:?subject={t}&body={u}")>"Email"</a>
        </div>
    }
}

#[component]
pub fn PrevNext(previous: Option<ArticleLink>, next: Option<ArticleLink>) -> impl IntoView {
    (previous.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="prev-next" aria-label="More articles">
                {previous.map(|p| view! {
                    <Link href=page::article(&p.slug) attr:rel="prev" attr:class="prev">
                        <span class="prev-next-label">"← Previous"</span>
                        <span class="prev-next-title">{p.title}</span>
                    </Link>
                })}
                {next.map(|n| view! {
                    <Link href=page::article(&n.slug) attr:rel="next" attr:class="next">
                        <span class="prev-next-label">"Next →"</span>
                        <span class="prev-next-title">{n.title}</span>
                    </Link>
                })}
            </nav>
        }
    })
}
