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
            <h1>"About Society's Backend"</h1>
            <p class="lead">
                "Society's Backend explains how machine learning works when it has to run for real: on hardware with limits, on data that drifts, for users who notice latency. No hype and no doom, just engineering backed by sources you can read yourself."
            </p>
            <h2>"What you get"</h2>
            <dl class="offers">
                <dt>"A weekly topic article"</dt>
                <dd>
                    "Each week one ML engineering topic, from model serving to evaluation to hardware, explained from the why to the how, with the resources behind it. "
                    <Link href="/articles">"Read the articles"</Link> "."
                </dd>
                <dt>"A weekly reading list"</dt>
                <dd>
                    "The papers, posts, videos and tools worth your time that week, each with a short note on why. Paid subscribers get a longer list. "
                    <Link href="/weekly">"See the lists"</Link> "."
                </dd>
                <dt>"A community chat"</dt>
                <dd>"Subscribers talk shop, share what they are building and ask questions in the newsletter's chat."</dd>
                <dt>"A free Machine Learning Road Map"</dt>
                <dd>
                    "A streamlined path through free, high-quality resources for learning ML, from the math prerequisites to the skills the job asks for. It is open source under the MIT license. "
                    <Link href="/roadmap">"Explore the road map"</Link> "."
                </dd>
            </dl>
            <Loaded
                resource=site.0
                render=|c| {
                    view! {
                        <h2>"Who writes it"</h2>
                        <p class="author-line">
                            <strong>{c.author.name.clone()}</strong>
                            {format!(", {}", c.author.role)}
                        </p>
                        <div class="prose" inner_html=c.author.bio_html.clone()></div>
                        <h2>"Join in"</h2>
                        <ul class="join">
                            <li>
                                <a href=c.subscribe_url.clone() rel="noopener noreferrer">"Subscribe on Substack"</a>
                                " for the weekly article and list in your inbox."
                            </li>
                            <li>
                                <a href=c.chat_url.clone() rel="noopener noreferrer">"Join the community chat"</a>
                                " in the Substack app."
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
