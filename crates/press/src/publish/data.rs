//! Writing the data folder from a loaded site (`press build`): replaces the output folder with
//! the new JSON documents (press owns that folder), paid units sealed.

use std::fs;
use std::path::Path;

use sb_model::paging::paginate;
use sb_model::topic::{Topic, TopicIndex};
use sb_model::{paths, SCHEMA_VERSION};
use serde::Serialize;

use crate::content::{load, Site};
use crate::paid::keyring::Keyring;
use crate::paid::seal_documents;
use crate::publish::search_index;
use crate::render::local_images;
use crate::source::error::BuildError;

/// Where the road map's licence is copied, relative to the data folder.
pub const ROADMAP_LICENSE: &str = "roadmap-LICENSE.txt";

/// The file every build leaves in its output folder: `write` deletes a non-empty folder only
/// when it holds this file (or is recognisably an older press output), so a mistyped `--out`
/// never wipes someone's files.
pub const OUTPUT_MARKER: &str = ".press-output";

/// The top-level names a press build writes (before the marker existed, these identified it).
const OUTPUT_NAMES: [&str; 10] = [
    OUTPUT_MARKER,
    sb_model::search::format::DIR,
    "site.json",
    "articles",
    "weeks",
    "topics.json",
    "topics",
    "roadmap.json",
    ROADMAP_LICENSE,
    local_images::DIR,
];

/// Refuses to delete `out` unless it is missing, empty, marked as press output, or holds
/// `site.json` and nothing press does not write.
fn check_replaceable(out: &Path) -> Result<(), BuildError> {
    let meta = match fs::symlink_metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        other => other.map_err(BuildError::io(out))?,
    };
    let refuse = |why: &str| {
        Err(BuildError::io(out)(std::io::Error::other(format!(
            "{why}; press replaces its output folder entirely, so it only deletes an empty \
             folder or one it wrote (holding `{OUTPUT_MARKER}`): choose another --out, or empty \
             the folder yourself"
        ))))
    };
    if !meta.is_dir() {
        return refuse("not a folder");
    }
    if out.join(OUTPUT_MARKER).is_file() {
        return Ok(());
    }
    let names: Vec<String> = fs::read_dir(out)
        .map_err(BuildError::io(out))?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()
        .map_err(BuildError::io(out))?;
    let foreign: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|n| !OUTPUT_NAMES.contains(n))
        .collect();
    if names.is_empty() || (foreign.is_empty() && names.iter().any(|n| n == "site.json")) {
        Ok(())
    } else if let Some(first) = foreign.first() {
        refuse(&format!(
            "not empty and not written by press (it holds `{first}`)"
        ))
    } else {
        refuse("not empty and not written by press (no `site.json`)")
    }
}

/// What a build wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildReport {
    pub articles: usize,
    pub weeks: usize,
    pub files: usize,
    /// Files of the search index (`search/`), not counted in `files`.
    pub search_files: usize,
    /// Distinct road-map resources (0 without a road map).
    pub resources: usize,
    /// Paid units sealed.
    pub sealed: usize,
}

fn write_json<T: Serialize>(
    out: &Path,
    rel: &str,
    value: &T,
    count: &mut usize,
) -> Result<(), BuildError> {
    let path = out.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
    }
    let json = serde_json::to_string(value).expect("the model's types always serialize");
    fs::write(&path, json).map_err(BuildError::io(&path))?;
    *count += 1;
    Ok(())
}

/// Writes every JSON document of a loaded site into `out`, replacing what was there. Paid units
/// are sealed with `keyring`, which is required when there are any.
pub fn write(
    site: &Site,
    out: &Path,
    keyring: Option<&Keyring>,
) -> Result<BuildReport, BuildError> {
    let (articles, weeks) = seal_documents(&site.articles, &site.weeks, &site.paid, keyring)?;
    check_replaceable(out)?;
    if out.exists() {
        fs::remove_dir_all(out).map_err(BuildError::io(out))?;
    }
    fs::create_dir_all(out).map_err(BuildError::io(out))?;
    let marker = out.join(OUTPUT_MARKER);
    fs::write(
        &marker,
        "Written by `press build`: the next build deletes and rewrites this whole folder.\n",
    )
    .map_err(BuildError::io(&marker))?;
    let mut files = 0;
    write_json(out, &paths::site(), &site.config, &mut files)?;
    for image in &site.images {
        let dest = out.join(local_images::DIR).join(&image.rel);
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
        }
        fs::write(&dest, &image.bytes).map_err(BuildError::io(&dest))?;
        files += 1;
    }

    // `load` sorted the articles and weeks newest first.
    let summaries: Vec<_> = site.articles.iter().map(|a| a.meta.clone()).collect();
    for page in paginate(&summaries, site.config.page_size as usize, SCHEMA_VERSION) {
        write_json(out, &paths::articles_page(page.page), &page, &mut files)?;
    }
    for a in &articles {
        write_json(out, &paths::article(&a.meta.slug), a, &mut files)?;
    }

    write_topics(site, &summaries, out, &mut files)?;

    let week_summaries: Vec<_> = site.weeks.iter().map(|w| w.meta.clone()).collect();
    for page in paginate(
        &week_summaries,
        site.config.page_size as usize,
        SCHEMA_VERSION,
    ) {
        write_json(out, &paths::weeks_page(page.page), &page, &mut files)?;
    }
    for w in &weeks {
        write_json(out, &paths::week(&w.meta.slug), w, &mut files)?;
    }
    if let Some(roadmap) = &site.roadmap {
        write_json(out, &paths::roadmap(), roadmap, &mut files)?;
    }
    if let Some(license) = &site.roadmap_license {
        let path = out.join(ROADMAP_LICENSE);
        fs::write(&path, license).map_err(BuildError::io(&path))?;
        files += 1;
    }
    let search_files = search_index::write(site, out)?;
    Ok(BuildReport {
        articles: site.articles.len(),
        weeks: site.weeks.len(),
        files,
        search_files,
        resources: site.roadmap.as_ref().map_or(0, |r| r.resources.len()),
        sealed: site.paid.units(),
    })
}

/// `topics.json`: every topic with its number of articles.
pub fn topic_index(site: &Site) -> TopicIndex {
    TopicIndex {
        schema: SCHEMA_VERSION,
        topics: site
            .topics
            .iter()
            .map(|t| Topic {
                slug: t.slug.clone(),
                name: t.name.clone(),
                description: t.description.clone(),
                count: site
                    .articles
                    .iter()
                    .filter(|a| a.meta.topics.contains(&t.slug))
                    .count() as u32,
            })
            .collect(),
    }
}

/// A topic's articles as index pages, newest first.
pub fn topic_pages(
    site: &Site,
    summaries: &[sb_model::ArticleSummary],
    slug: &str,
) -> Vec<sb_model::IndexPage<sb_model::ArticleSummary>> {
    let tagged: Vec<_> = summaries
        .iter()
        .filter(|a| a.topics.iter().any(|t| t == slug))
        .cloned()
        .collect();
    paginate(&tagged, site.config.page_size as usize, SCHEMA_VERSION)
}

/// `topics.json` and, per topic, its articles as index pages (newest first).
fn write_topics(
    site: &Site,
    summaries: &[sb_model::ArticleSummary],
    out: &Path,
    files: &mut usize,
) -> Result<(), BuildError> {
    let index = topic_index(site);
    write_json(out, &paths::topics(), &index, files)?;
    for topic in &index.topics {
        for page in topic_pages(site, summaries, &topic.slug) {
            write_json(
                out,
                &paths::topic_page(&topic.slug, page.page),
                &page,
                files,
            )?;
        }
    }
    Ok(())
}

/// Loads `content` and writes `out`: the `press build` command.
pub fn build(
    content: &Path,
    out: &Path,
    keyring: Option<&Keyring>,
) -> Result<BuildReport, BuildError> {
    let site = load(content)?;
    write(&site, out, keyring)
}
