//! The page shell around every route: skip link, header with the name and navigation, footer
//! with the subscribe and community links from the site config.

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;
use sb_model::embed::is_embed_path;
use sb_model::paths::page;
use sb_model::{SiteConfig, SiteLink};

use crate::api::ApiError;
use crate::components::theme_toggle::ThemeToggle;
use crate::offline::update_notice::UpdateNotice;
use crate::search::search_box::SearchBox;

/// The site config, loaded once and shared through context.
#[derive(Clone, Copy)]
pub struct SiteData(pub LocalResource<Result<SiteConfig, ApiError>>);

impl SiteData {
    pub fn expect() -> Self {
        expect_context::<SiteData>()
    }

    /// The config once it has loaded (None while loading or after a failure).
    pub fn config(self) -> Option<SiteConfig> {
        self.0.get().and_then(Result::ok)
    }
}

/// The site's name while the config loads (and if it fails): the one press published the page
/// with.
pub fn site_name() -> String {
    crate::browser::site_name()
}

/// The header, the main landmark and the footer around the routed page. Embed widgets
/// (`/embed/…`) get the page alone. Inside a frame only widgets render: any other page shows
/// [`FramedRefusal`] instead (and is never created), whatever the host's headers allowed, so a
/// framing site cannot drive the full site (say `/unlock#k=…`) inside its frame.
#[component]
pub fn Shell(children: ChildrenFn) -> impl IntoView {
    let location = use_location();
    let base = crate::browser::base_path();
    let is_embed = Memo::new(move |_| location.pathname.with(|p| is_embed_path(&base, p)));
    let framed = crate::browser::is_framed();
    let chrome = move || !framed && !is_embed.get();
    // The routed page is built in a task after the header's: built together, they kept the
    // main thread busy for ~500 ms on a phone, mostly V8 compiling the wasm on its first call
    // (issue 11: total blocking time). Meanwhile the pre-rendered copy is what the reader sees.
    let routed = RwSignal::new(false);
    set_timeout(move || routed.set(true), std::time::Duration::ZERO);
    let page = move || {
        let children = children.clone();
        view! {
            <Show when=move || !framed || is_embed.get() fallback=FramedRefusal>
                {children()}
            </Show>
        }
    };
    view! {
        <Show when=chrome>
            <Header />
        </Show>
        <main id="main" tabindex="-1">
            <Show when=move || routed.get()>{page.clone()}</Show>
        </main>
        <Show when=chrome>
            <Footer />
            <UpdateNotice />
        </Show>
    }
}

/// What a framed non-widget page shows: a way to open it in its own tab (`_blank`: a
/// sandboxed frame may not navigate its parent), without the fragment, which may hold a key.
#[component]
fn FramedRefusal() -> impl IntoView {
    view! {
        <Title text="Open in a new tab" />
        <section class="notice framed-refusal">
            <h1>"This page opens only in its own tab"</h1>
            <p>"Other sites may show the road map widgets, but not the rest of this site."</p>
            <p>
                <a href=crate::browser::href_without_fragment() target="_blank" rel="noopener noreferrer">
                    "Open it in a new tab ↗"
                </a>
            </p>
        </section>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let site = SiteData::expect();
    let name = move || site.config().map(|c| c.title).unwrap_or_else(site_name);
    view! {
        <a class="skip-link" href="#main" on:click=crate::browser::skip_to_main>
            "Skip to content"
        </a>
        <header class="site-header">
            <div class="header-inner">
                <Link href=page::home() attr:class="brand">
                    {name}
                </Link>
                <nav aria-label="Main" class="main-nav">
                    <Link href=page::home() exact=true>"Home"</Link>
                    <Link href=page::articles()>"Articles"</Link>
                    <Link href=page::weekly()>"Weekly"</Link>
                    <Link href=page::roadmap()>"Road Map"</Link>
                    <Link href=page::about()>"About"</Link>
                </nav>
                <SearchBox />
                <ThemeToggle />
            </div>
        </header>
    }
}

#[component]
pub fn SubscribeLink() -> impl IntoView {
    let site = SiteData::expect();
    move || {
        site.config().map(|c| {
            view! {
                <a class="button button-primary" href=c.subscribe_url rel="noopener noreferrer">
                    {c.subscribe_label}
                </a>
            }
        })
    }
}

/// The author's channels from the site config, as list items.
#[component]
pub fn ChannelLinks(links: Vec<SiteLink>) -> impl IntoView {
    links
        .into_iter()
        .map(|l| {
            view! {
                <li>
                    <a href=l.url rel="noopener noreferrer">{l.label}</a>
                </li>
            }
        })
        .collect_view()
}

#[component]
pub fn Footer() -> impl IntoView {
    let site = SiteData::expect();
    view! {
        <footer class="site-footer">
            <div class="footer-inner">
                {move || {
                    site.config()
                        .map(|c| {
                            view! {
                                <p class="sign-off">{c.sign_off.clone()}</p>
                                <ul class="footer-links" aria-label="Newsletter">
                                    <li>
                                        <a href=c.subscribe_url.clone() rel="noopener noreferrer">
                                            "Subscribe"
                                        </a>
                                    </li>
                                    <li>
                                        <a href=c.chat_url.clone() rel="noopener noreferrer">
                                            "Community chat"
                                        </a>
                                    </li>
                                    <li>
                                        <Link href=page::unlock()>"Subscriber key"</Link>
                                    </li>
                                    <li>
                                        <Link href=page::offline()>"Read offline"</Link>
                                    </li>
                                    <ChannelLinks links=c.links.clone() />
                                </ul>
                                <p class="copyright">
                                    {format!("© {} · {}", c.author.name, c.title)}
                                </p>
                            }
                        })
                }}
            </div>
        </footer>
    }
}
