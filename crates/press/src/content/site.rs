//! Loading the whole content folder: reads every content file and reports every problem at
//! once; `publish::data` writes what it loaded.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use sb_model::article::ArticleLink;
use sb_model::{article, week, Article, Roadmap, SiteConfig, Week};

use crate::content::internal_links::{self, KnownPages};
use crate::content::topics::{self, TopicDef};
use crate::content::{articles, images, redirects, site_config, weeks};
use crate::paid::PaidContent;
use crate::render::local_images;
use crate::roadmap;
use crate::source::error::{BuildError, ContentError};

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
    pub images: Vec<images::Image>,
    /// The plaintext of every paid unit; `write` seals it into the documents.
    pub paid: PaidContent,
    /// Old addresses and the pages they lead to (`content/redirects.toml`).
    pub redirects: Vec<redirects::Redirect>,
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
    let images = images::collect(&content.join(local_images::DIR), &mut errors, &mut warnings)?;

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
    let redirects = redirects::load(content, &known, &mut errors)?;

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
