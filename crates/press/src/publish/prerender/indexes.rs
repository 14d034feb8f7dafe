//! The paged indexes (`src/components/index_list.rs`): the archive (`/articles`), the weekly
//! lists (`/weekly`), the topics (`/topics`) and each topic; every page after the first at its
//! own path (`…/page/<n>`), so the pager works as plain links.

use sb_model::paging::paginate;
use sb_model::paths::{self, page};
use sb_model::text::escape_html;
use sb_model::{ArticleSummary, IndexPage, SCHEMA_VERSION};

use super::cards::{article_card, pager, week_card};
use super::{link, Page};
use crate::content::Site;
use crate::publish::data::{topic_index, topic_pages};

const ARCHIVE_LEAD: &str = "Every weekly topic article, newest first.";
const WEEKLY_TITLE: &str = "Weekly reading lists";
const WEEKLY_LEAD: &str =
    "What is worth your time in ML engineering each week, with our take on each.";
const TOPICS_LEAD: &str =
    "The subjects the weekly articles cover. Each topic page lists its articles, newest first.";

fn summaries(site: &Site) -> Vec<ArticleSummary> {
    site.articles.iter().map(|a| a.meta.clone()).collect()
}

/// The cards of one index page and its pager.
fn list<T>(base: &str, index: &IndexPage<T>, card: impl Fn(&T) -> String) -> String {
    let cards: String = index.items.iter().map(card).collect();
    format!(
        "<div class=\"card-list\">{cards}</div>{}",
        pager(base, index.page, index.total_pages)
    )
}

/// `/articles` and its further pages, with the topic filter the app shows (inert without
/// JavaScript; the topics link works).
pub fn archive(site: &Site) -> Vec<Page> {
    let topics = topic_index(site);
    let options: String = topics
        .topics
        .iter()
        .map(|t| {
            format!(
                "<option value=\"{}\">{}</option>",
                escape_html(&t.slug),
                escape_html(&format!("{} ({})", t.name, t.count))
            )
        })
        .collect();
    let filter = format!(
        "<label class=\"filter topic-filter\"><span>Topic</span><select><option value=\"\" selected>All topics</option>{options}</select></label>\
         <p class=\"topics-link\">{}</p>",
        link(&page::topics(), "", "Browse all topics")
    );
    paginate(
        &summaries(site),
        site.config.page_size as usize,
        SCHEMA_VERSION,
    )
    .into_iter()
    .map(|index| {
        let path = page::index_page(&page::articles(), index.page);
        Page::new(page::relative(&path), "Articles", ARCHIVE_LEAD)
            .data([paths::articles_page(index.page), paths::topics()])
            .main(format!(
                "<h1>Articles</h1><p class=\"lead\">{ARCHIVE_LEAD}</p>{filter}{}",
                list(&page::articles(), &index, |a| article_card(a, false, false))
            ))
            .on_request(false)
    })
    .collect()
}

/// `/weekly` and its further pages.
pub fn weekly(site: &Site) -> Vec<Page> {
    let weeks: Vec<_> = site.weeks.iter().map(|w| w.meta.clone()).collect();
    paginate(&weeks, site.config.page_size as usize, SCHEMA_VERSION)
        .into_iter()
        .map(|index| {
            let path = page::index_page(&page::weekly(), index.page);
            Page::new(page::relative(&path), WEEKLY_TITLE, WEEKLY_LEAD)
                .data([paths::weeks_page(index.page)])
                .main(format!(
                    "<h1>{WEEKLY_TITLE}</h1><p class=\"lead\">{WEEKLY_LEAD}</p>{}",
                    list(&page::weekly(), &index, |w| week_card(w, false))
                ))
                .on_request(false)
        })
        .collect()
}

/// `/topics`, and each topic with its pages.
pub fn topics(site: &Site) -> Vec<Page> {
    let index = topic_index(site);
    let items: String = index
        .topics
        .iter()
        .map(|t| {
            format!(
                "<li class=\"card\"><h2 class=\"card-title\">{}</h2><p class=\"meta\">{} article{}</p><p class=\"card-summary\">{}</p></li>",
                link(&page::topic(&t.slug), "", &t.name),
                t.count,
                if t.count == 1 { "" } else { "s" },
                escape_html(&t.description)
            )
        })
        .collect();
    let mut pages = vec![Page::new(page::relative(&page::topics()), "Topics", TOPICS_LEAD)
        .data([paths::topics()])
        .main(format!(
            "<h1>Topics</h1><p class=\"lead\">{TOPICS_LEAD}</p><ul class=\"topic-list\">{items}</ul>"
        ))
        .on_request(false)];
    let summaries = summaries(site);
    for topic in &index.topics {
        let base = page::topic(&topic.slug);
        for index in topic_pages(site, &summaries, &topic.slug) {
            let path = page::index_page(&base, index.page);
            pages.push(
                Page::new(page::relative(&path), &topic.name, &topic.description)
                    .data([paths::topics(), paths::topic_page(&topic.slug, index.page)])
                    .main(format!(
                        "<p class=\"section-label\">{}</p><h1>{}</h1><p class=\"lead\">{}</p>{}",
                        link(&page::topics(), "", "Topics"),
                        escape_html(&topic.name),
                        escape_html(&topic.description),
                        list(&base, &index, |a| article_card(a, false, false))
                    ))
                    .on_request(false),
            );
        }
    }
    pages
}
