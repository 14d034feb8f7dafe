//! About the newsletter: what it offers and who writes it.

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::loaded::Loaded;
use crate::components::shell::{ChannelLinks, SiteData};

#[component]
pub fn AboutPage() -> impl IntoView {
    let site = SiteData::expect();
    view! {
        <Title text="About" />
        <article class="about">
            <Loaded
                resource=site.0
                render=|c| {
                    // The publisher's words (`[about]` in site.toml), from site.json.
                    let about = c.about.clone();
                    let offers = (!about.offers.is_empty())
                        .then(|| {
                            view! {
                                <h2>{about.offers_title.clone()}</h2>
                                <dl class="offers">
                                    {about
                                        .offers
                                        .iter()
                                        .map(|o| {
                                            let link = o
                                                .link
                                                .clone()
                                                .map(|l| {
                                                    view! {
                                                        " "
                                                        <Link href=l.path>{l.label}</Link>
                                                        "."
                                                    }
                                                });
                                            view! {
                                                <dt>{o.title.clone()}</dt>
                                                <dd>
                                                    <span inner_html=o.text_html.clone()></span>
                                                    {link}
                                                </dd>
                                            }
                                        })
                                        .collect_view()}
                                </dl>
                            }
                        });
                    view! {
                        <h1>{about.title.clone()}</h1>
                        <p class="lead" inner_html=about.lead_html.clone()></p>
                        {offers}
                        <h2>"Who writes it"</h2>
                        <p class="author-line">
                            <strong>{c.author.name.clone()}</strong>
                            {format!(", {}", c.author.role)}
                        </p>
                        <div class="prose" inner_html=c.author.bio_html.clone()></div>
                        <h2>"Join in"</h2>
                        <ul class="join">
                            <li>
                                <a href=c.subscribe_url.clone() rel="noopener noreferrer">
                                    {c.subscribe_label.clone()}
                                </a>
                                " for the weekly article and list in your inbox."
                            </li>
                            <li>
                                <a href=c.chat_url.clone() rel="noopener noreferrer">
                                    {c.chat_label.clone()}
                                </a>
                                "."
                            </li>
                            <ChannelLinks links=c.links.clone() />
                        </ul>
                        <p class="sign-off">{c.sign_off.clone()}</p>
                    }
                }
            />
        </article>
    }
}
