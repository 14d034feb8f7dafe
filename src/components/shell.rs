//! The page shell around every route: skip link, header with the name and navigation, footer
//! with the subscribe and community links from the site config.

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use sb_model::{SiteConfig, SiteLink};

use crate::api::ApiError;
use crate::components::theme_toggle::ThemeToggle;

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

/// Fallback name while the config loads (and if it fails).
pub const SITE_NAME: &str = "Society's Backend";

/// The header, the main landmark and the footer around the routed page. Embed widgets
/// (`/embed/…`) get the page alone.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let location = use_location();
    let embed_prefix = format!("{}/embed/", crate::browser::base_path());
    let is_embed = Memo::new(move |_| location.pathname.with(|p| p.starts_with(&embed_prefix)));
    view! {
        <Show when=move || !is_embed.get()>
            <Header />
        </Show>
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <Show when=move || !is_embed.get()>
            <Footer />
        </Show>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let site = SiteData::expect();
    let name = move || {
        site.config()
            .map(|c| c.title)
            .unwrap_or_else(|| SITE_NAME.to_string())
    };
    view! {
        <a class="skip-link" href="#main" on:click=crate::browser::skip_to_main>
            "Skip to content"
        </a>
        <header class="site-header">
            <div class="header-inner">
                <Link href="/" attr:class="brand">
                    {name}
                </Link>
                <nav aria-label="Main" class="main-nav">
                    <Link href="/" exact=true>"Home"</Link>
                    <Link href="/articles">"Articles"</Link>
                    <Link href="/weekly">"Weekly"</Link>
                    <Link href="/roadmap">"Road Map"</Link>
                    <Link href="/about">"About"</Link>
                </nav>
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
                    "Subscribe on Substack"
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
                                        <Link href="/unlock">"Subscriber key"</Link>
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
