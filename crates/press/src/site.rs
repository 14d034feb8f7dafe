//! Building the whole data folder from the content folder.
//!
//! Reads every content file, reports every problem at once, and only when all of it is valid
//! replaces the output folder with the new JSON documents (press owns that folder).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use sb_model::article::ArticleLink;
use sb_model::paging::paginate;
use sb_model::topic::{Topic, TopicIndex};
use sb_model::{article, paths, week, Article, Roadmap, SiteConfig, Week, SCHEMA_VERSION};
use serde::Serialize;

use crate::error::{BuildError, ContentError};
use crate::internal_links::{self, KnownPages};
use crate::keyring::Keyring;
use crate::paid::{seal_documents, PaidContent};
use crate::topics::{self, TopicDef};
use crate::{articles, roadmap, site_config, weeks};

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
    crate::images::DIR,
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

/// Everything a valid content folder holds, in memory.
#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    /// Newest first.
    pub articles: Vec<Article>,
    /// Newest first.
    pub weeks: Vec<Week>,
    /// The ML Road Map, when `content/roadmap/README.md` exists.
    pub roadmap: Option<Roadmap>,
    /// The road map's licence text (`content/roadmap/LICENSE`), shipped next to it.
    pub roadmap_license: Option<Vec<u8>>,
    /// Things that were read but guessed or skipped; `press` prints them, they do not fail it.
    pub warnings: Vec<ContentError>,
    /// The topic registry (`content/topics.toml`), in the publisher's order.
    pub topics: Vec<TopicDef>,
    /// The files of `content/images` (each checked to be an image), published as `data/images`.
    pub images: Vec<crate::images::Image>,
    /// The plaintext of every paid unit; `write` seals it into the documents.
    pub paid: PaidContent,
    /// Old addresses and the pages they lead to (`content/redirects.toml`).
    pub redirects: Vec<crate::redirects::Redirect>,
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

/// Markdown files of a content sub-folder, sorted by name so builds are reproducible.
fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>, BuildError> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(BuildError::io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    Ok(files)
}

/// The Markdown files of a content sub-folder with their text.
fn read_markdown(dir: &Path) -> Result<Vec<(PathBuf, String)>, BuildError> {
    markdown_files(dir)?
        .into_iter()
        .map(|file| read(&file).map(|text| (file, text)))
        .collect()
}

fn read(path: &Path) -> Result<String, BuildError> {
    fs::read_to_string(path).map_err(BuildError::io(path))
}

/// Gives each article (sorted newest first) links to the next newer and next older one.
fn link_neighbours(articles: &mut [Article]) {
    let links: Vec<ArticleLink> = articles
        .iter()
        .map(|a| ArticleLink {
            slug: a.meta.slug.clone(),
            title: a.meta.title.clone(),
        })
        .collect();
    for (i, a) in articles.iter_mut().enumerate() {
        a.next = i.checked_sub(1).map(|j| links[j].clone());
        a.previous = links.get(i + 1).cloned();
    }
}

/// Reads `content/site.toml` alone (for commands that need only the site's settings).
pub fn load_config(content: &Path) -> Result<SiteConfig, BuildError> {
    let path = content.join("site.toml");
    site_config::load(&path, &read(&path)?).map_err(BuildError::Content)
}

/// Loads and validates the whole content folder.
pub fn load(content: &Path) -> Result<Site, BuildError> {
    let mut errors: Vec<ContentError> = Vec::new();

    let config = match load_config(content) {
        Ok(c) => Some(c),
        Err(BuildError::Content(e)) => {
            errors.extend(e);
            None
        }
        Err(other) => return Err(other),
    };

    let topics_path = content.join("topics.toml");
    let topic_defs = if topics_path.exists() {
        match topics::load(&topics_path, &read(&topics_path)?) {
            Ok(t) => t,
            Err(e) => {
                errors.extend(e);
                Vec::new()
            }
        }
    } else {
        Vec::new()
    };
    // Without a registry any well-formed topic is accepted.
    let known: Option<Vec<String>> = topics_path
        .exists()
        .then(|| topic_defs.iter().map(|t| t.slug.clone()).collect());

    // Each content file is read once: loaded here, link-checked below.
    let article_files = read_markdown(&content.join("articles"))?;
    let week_files = read_markdown(&content.join("weeks"))?;

    let tiers: Option<Vec<String>> = config
        .as_ref()
        .map(|c| c.tiers.iter().map(|t| t.id.clone()).collect());
    let registries = articles::Known {
        topics: known.as_deref(),
        tiers: tiers.as_deref(),
    };
    let mut paid = PaidContent::default();
    let mut loaded = Vec::new();
    for (file, text) in &article_files {
        match articles::load_with(file, text, registries) {
            Ok(l) => {
                if let Some(part) = l.paid {
                    paid.articles.insert(l.article.meta.slug.clone(), part);
                }
                loaded.push((file, l.article));
            }
            Err(e) => errors.extend(e),
        }
    }
    let mut seen: HashMap<String, &PathBuf> = HashMap::new();
    for (file, a) in &loaded {
        if let Some(first) = seen.insert(a.meta.slug.clone(), file) {
            errors.push(ContentError::new(
                file,
                1,
                Some("slug"),
                format!(
                    "slug `{}` is already used by {}",
                    a.meta.slug,
                    first.display()
                ),
            ));
        }
    }
    let mut articles: Vec<Article> = loaded.into_iter().map(|(_, a)| a).collect();
    articles.sort_by(|a, b| article::newest_first(&a.meta, &b.meta));
    link_neighbours(&mut articles);

    let mut weeks = Vec::new();
    for (file, text) in &week_files {
        match weeks::load_with(file, text, tiers.as_deref()) {
            Ok(l) => {
                if l.paid.iter().any(|s| !s.is_empty()) {
                    paid.weeks.insert(l.week.meta.slug.clone(), l.paid);
                }
                weeks.push(l.week);
            }
            Err(e) => errors.extend(e),
        }
    }
    weeks.sort_by(|a: &Week, b: &Week| week::newest_first(&a.meta, &b.meta));

    let mut warnings = Vec::new();
    let roadmap_repo = config.as_ref().and_then(|c| c.roadmap_repo.as_deref());
    let (roadmap, roadmap_license) =
        load_roadmap(content, roadmap_repo, &mut errors, &mut warnings)?;
    let images = crate::images::collect(
        &content.join(crate::images::DIR),
        &mut errors,
        &mut warnings,
    )?;

    let known = KnownPages {
        articles: articles.iter().map(|a| a.meta.slug.clone()).collect(),
        weeks: weeks.iter().map(|w| w.meta.slug.clone()).collect(),
        topics: topic_defs.iter().map(|t| t.slug.clone()).collect(),
        roadmap_sections: roadmap
            .iter()
            .flat_map(|r| r.sections.iter().map(|s| s.id.clone()))
            .collect(),
    };
    for (file, text) in article_files.iter().chain(&week_files) {
        errors.extend(internal_links::check(file, text, &known));
    }
    let redirects = crate::redirects::load(content, &known, &mut errors)?;

    match config {
        Some(config) if errors.is_empty() => Ok(Site {
            config,
            articles,
            weeks,
            roadmap,
            roadmap_license,
            warnings,
            topics: topic_defs,
            images,
            paid,
            redirects,
        }),
        _ => Err(BuildError::Content(errors)),
    }
}

/// The road map folder: `README.md` (the road map) and `LICENSE` (its licence, which must ship
/// with it). Relative links in it resolve against `repo`.
fn load_roadmap(
    content: &Path,
    repo: Option<&str>,
    errors: &mut Vec<ContentError>,
    warnings: &mut Vec<ContentError>,
) -> Result<(Option<Roadmap>, Option<Vec<u8>>), BuildError> {
    let dir = content.join("roadmap");
    let readme = dir.join("README.md");
    let license = dir.join("LICENSE");
    if !readme.exists() {
        return Ok((None, None));
    }
    let mut roadmap = match roadmap::import(&readme, &read(&readme)?, repo) {
        Ok((r, w)) => {
            warnings.extend(w);
            Some(r)
        }
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    // Who made it: the publisher's to state, next to the README.
    let credit_file = dir.join(roadmap::credit::FILE);
    if credit_file.exists() {
        match roadmap::credit::load(&credit_file, &read(&credit_file)?) {
            Ok(credit) => {
                if let Some(r) = &mut roadmap {
                    roadmap::credit::apply(r, credit);
                }
            }
            Err(e) => errors.extend(e),
        }
    } else {
        errors.push(ContentError::new(
            &credit_file,
            1,
            None,
            "missing: who made the road map (author, author_url, source_url, license) is shown \
             with it on every page",
        ));
    }
    let license_text = if license.exists() {
        Some(fs::read(&license).map_err(BuildError::io(&license))?)
    } else {
        errors.push(ContentError::new(
            &license,
            1,
            None,
            "missing: the road map is MIT-licensed and its licence must be published with it",
        ));
        None
    };
    Ok((roadmap, license_text))
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
        let dest = out.join(crate::images::DIR).join(&image.rel);
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
    let search_files = crate::search_index::write(site, out)?;
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
