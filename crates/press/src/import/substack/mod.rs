//! `press import substack`: a Substack export (its zip, or the folder it unpacks to) into
//! `content/`.
//!
//! Each published post becomes `articles/<slug>.md` (or, when its title matches
//! `--weekly-title`, `weeks/<date>.md`), with front matter in press's format and a Markdown body
//! converted from Substack's HTML ([`html_to_markdown`]). Every file written is first read back
//! by press's own loaders, so what the importer writes passes `press check`. The old addresses
//! `/p/<slug>` are added to `content/redirects.toml`. A manifest ([`manifest`]) makes the import
//! repeatable: files the publisher edited are left alone. The [`report`] lists everything.

pub mod csv;
pub mod export;
pub mod html_to_markdown;
mod images;
pub mod manifest;
pub mod report;
pub mod weekly;

use std::collections::HashSet;
use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use regex::Regex;
use sb_model::paths::page;
use sb_model::text::{is_slug, slugify};
use sb_model::Date;

use crate::content::articles::PAYWALL_MARKER;
use crate::content::redirects::Redirect;
use csv::PostRow;
use export::Export;
use manifest::{Decision, Manifest};
use report::{Outcome, PostReport, Report};

/// Where drafts go (with `--drafts`): press does not publish this folder.
pub const DRAFTS: &str = "drafts";

/// How the import shows its progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// A progress bar when stderr is a terminal, a line per post otherwise.
    Auto,
    /// Nothing (tests).
    Quiet,
}

/// What `press import substack` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The export's zip or folder.
    pub export: PathBuf,
    /// The content folder to import into.
    pub content: PathBuf,
    /// The site tier Substack's `founding` posts are for.
    pub founding_tier: Option<String>,
    /// Import unpublished posts too, into `content/drafts/`.
    pub drafts: bool,
    /// Posts whose title matches become weekly lists.
    pub weekly_title: Option<Regex>,
    /// Overwrite files that were edited since the import, or not written by it.
    pub force: bool,
    /// Download images into `content/images/substack/` instead of linking to Substack's CDN.
    pub download_images: bool,
    pub progress: Progress,
}

impl Options {
    pub fn new(export: impl Into<PathBuf>, content: impl Into<PathBuf>) -> Options {
        Options {
            export: export.into(),
            content: content.into(),
            founding_tier: None,
            drafts: false,
            weekly_title: None,
            force: false,
            download_images: false,
            progress: Progress::Quiet,
        }
    }
}

/// The paid tier Substack's `only_paid` posts map to.
pub const PAID_TIER: &str = "paid";

/// Summary of a paid-only post without a subtitle (one taken from its body would give it away).
const PAID_SUMMARY: &str = "A post for paid subscribers.";

/// Runs the import. Errors that stop it before anything is written (no export, no
/// `posts.csv`, founding posts without `--founding-tier`) are returned; everything else is in
/// the report.
pub fn run(opts: &Options) -> Result<Report, String> {
    let mut export = Export::open(&opts.export)?;
    let csv_bytes = export
        .read("posts.csv")?
        .ok_or_else(|| format!("{}: no posts.csv", opts.export.display()))?;
    let (rows, damaged) = csv::read(&csv_bytes)?;

    let tiers = Some(site_tiers(&opts.content)?);
    let wanted = |r: &PostRow| r.is_published || opts.drafts;
    let founding = rows
        .iter()
        .filter(|r| r.audience == "founding" && wanted(r))
        .count();
    let founding_tier = match (&opts.founding_tier, founding) {
        (_, 0) => None,
        (None, n) => {
            return Err(format!(
                "{n} post(s) are for Substack's founding members, and the site has no such tier \
                 by default: pass --founding-tier <tier> with a tier of content/site.toml \
                 (`paid` makes them paid posts)"
            ))
        }
        (Some(t), _) => Some(t.clone()),
    };
    if let Some(tiers) = &tiers {
        let paid_needed = rows.iter().any(|r| r.audience == "only_paid" && wanted(r));
        for (needed, tier, flag) in [
            (paid_needed, Some(PAID_TIER.to_string()), "paid posts"),
            (founding > 0, founding_tier.clone(), "--founding-tier"),
        ] {
            if let (true, Some(tier)) = (needed, tier) {
                if !tiers.contains(&tier) {
                    return Err(format!(
                        "{flag}: content/site.toml has no tier `{tier}`: add a [[tiers]] table \
                         with id = \"{tier}\" first"
                    ));
                }
            }
        }
    }

    let mut manifest = Manifest::load(&opts.content)?;
    // Checked before anything is written: the old addresses go there at the end.
    crate::content::redirects::read_plain(&opts.content)
        .map_err(|e| format!("{e}: fix it (or move it away) and run the import again"))?;
    let mut report = Report::default();
    for d in &damaged {
        report.posts.push(PostReport {
            post: match &d.post_id {
                Some(id) => format!("posts.csv line {} ({id})", d.line),
                None => format!("posts.csv line {}", d.line),
            },
            outcome: Outcome::Skipped {
                why: format!("damaged row: {}", d.why),
            },
            notes: Vec::new(),
            unconverted: Vec::new(),
            furniture: 0,
        });
    }

    let bar = progress_bar(opts.progress, rows.len());
    let mut ctx = Context {
        opts,
        tiers: tiers.as_deref(),
        founding_tier: founding_tier.as_deref(),
        used: HashSet::new(),
        redirects: Vec::new(),
    };
    for (i, row) in rows.iter().enumerate() {
        match &bar {
            Some(bar) => {
                bar.set_message(row.post_id.clone());
                bar.inc(1);
            }
            None if opts.progress == Progress::Auto => {
                eprintln!("import: [{}/{}] {}", i + 1, rows.len(), row.post_id);
            }
            None => {}
        }
        let post = ctx.import(row, &mut export, &mut manifest);
        report.posts.push(post);
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }

    // The manifest first: the posts are written, and a later run must know they are its own.
    let manifest_path = manifest.save(&opts.content)?;
    if !ctx.redirects.is_empty() {
        let path =
            crate::content::redirects::upsert(&opts.content, &ctx.redirects).map_err(|e| {
                format!(
                    "{e}: the posts were imported (and recorded in {}), but their old addresses \
                 were not added: run the import again",
                    manifest::FILE
                )
            })?;
        report.redirects = ctx.redirects.len();
        report.files.push(path.display().to_string());
    }
    report.files.push(manifest_path.display().to_string());
    Ok(report)
}

fn progress_bar(progress: Progress, len: usize) -> Option<indicatif::ProgressBar> {
    if progress != Progress::Auto || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("importing {bar:30} {pos}/{len} {wide_msg}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

/// The tier ids of `content/site.toml`. Without a site.toml, `--into` is not a content
/// folder (a typo, or run from elsewhere): nothing is written there.
fn site_tiers(content: &Path) -> Result<Vec<String>, String> {
    let site = content.join("site.toml");
    if !site.is_file() {
        return Err(format!(
            "{} has no site.toml: --into must be the site's content folder (the one holding \
             site.toml, `content` by default)",
            content.display()
        ));
    }
    crate::content::load_config(content)
        .map(|c| c.tiers.into_iter().map(|t| t.id).collect())
        .map_err(|e| format!("{e}\nFix site.toml first: the import checks posts against it."))
}

struct Context<'a> {
    opts: &'a Options,
    tiers: Option<&'a [String]>,
    founding_tier: Option<&'a str>,
    /// Files (relative to content) this run writes, so two posts never share one.
    used: HashSet<String>,
    redirects: Vec<Redirect>,
}

/// A converted post, ready to write.
struct Converted {
    /// Relative to the content folder.
    rel: String,
    text: String,
    /// Where `/p/<slug>` should lead (None for drafts).
    redirect_to: Option<String>,
}

impl Context<'_> {
    fn import(
        &mut self,
        row: &PostRow,
        export: &mut Export,
        manifest: &mut Manifest,
    ) -> PostReport {
        let mut post = PostReport {
            post: row.post_id.clone(),
            outcome: Outcome::Skipped { why: String::new() },
            notes: Vec::new(),
            unconverted: Vec::new(),
            furniture: 0,
        };
        match self.convert(row, export, &mut post) {
            Ok(converted) => {
                let rel = converted.rel.clone();
                post.outcome = self.write(row, converted, manifest);
                // Imported before under another name (a week now, an article then): both
                // would be published.
                let before: Vec<String> = manifest
                    .paths_of(&row.post_id)
                    .filter(|p| *p != rel && self.opts.content.join(p).is_file())
                    .map(str::to_string)
                    .collect();
                for p in before {
                    post.notes.push(format!(
                        "an earlier import wrote it as {p}, which is still there: delete that \
                         file if {rel} replaces it"
                    ));
                }
                if matches!(post.outcome, Outcome::Skipped { .. }) {
                    // Left alone (edited, or not the importer's): what the conversion would
                    // have needed checking is not in the site.
                    post.notes.clear();
                    post.unconverted.clear();
                    post.furniture = 0;
                }
            }
            Err(why) => post.outcome = Outcome::Skipped { why },
        }
        post
    }

    fn convert(
        &mut self,
        row: &PostRow,
        export: &mut Export,
        post: &mut PostReport,
    ) -> Result<Converted, String> {
        if !row.is_published && !self.opts.drafts {
            return Err(
                "a draft (not published on Substack): pass --drafts to import it into content/drafts/"
                    .into(),
            );
        }
        if row.kind == "thread" {
            return Err("a discussion thread, not an article: not imported".into());
        }
        let rel_html = format!("posts/{}.html", row.post_id);
        let html = export
            .read(&rel_html)?
            .ok_or_else(|| format!("{} is missing from the export", export.describe(&rel_html)))?;
        let html = String::from_utf8_lossy(&html).into_owned();
        let tier = match row.audience.as_str() {
            "only_paid" => Some(PAID_TIER),
            "founding" => self.founding_tier,
            "only_free" => {
                post.notes.push(
                    "for free subscribers only on Substack: public here (the site has no sign-in)"
                        .into(),
                );
                None
            }
            "everyone" | "" => None,
            // Failing closed: an audience we do not know may be a paid one.
            other => {
                return Err(format!(
                    "audience `{}` is unknown (everyone, only_paid, only_free, founding): not \
                     imported, so nothing paid is published by mistake",
                    other.chars().take(40).collect::<String>()
                ))
            }
        };
        if !matches!(row.kind.as_str(), "newsletter" | "podcast" | "") {
            post.notes
                .push(format!("type `{}`: imported as an article", row.kind));
        }
        let date = match row.date {
            Some(d) => d,
            None => crate::paid::keyring::today(),
        };
        let weekly = row.is_published
            && self
                .opts
                .weekly_title
                .as_ref()
                .is_some_and(|re| re.is_match(&row.title));
        if weekly {
            match self.week(row, date, &html, tier, post) {
                Ok(c) => return Ok(c),
                Err(why) => post.notes.push(format!("{why}: imported as an article")),
            }
        }
        self.article(row, date, &html, tier, post)
    }

    /// A file name under `dir` not taken by this run: `base`, `base-2`, …
    fn free_slug(&mut self, dir: &str, base: &str) -> String {
        let mut slug = base.to_string();
        let mut n = 2;
        while self.used.contains(&format!("{dir}/{slug}.md")) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(format!("{dir}/{slug}.md"));
        slug
    }

    fn article(
        &mut self,
        row: &PostRow,
        date: Date,
        html: &str,
        tier: Option<&str>,
        post: &mut PostReport,
    ) -> Result<Converted, String> {
        let mut body = html_to_markdown::convert(html);
        post.unconverted.append(&mut body.unconverted);
        post.furniture += body.furniture;
        let mut free = body.free.clone();
        let mut paid = body.paid.clone();
        if self.opts.download_images {
            for url in &body.images {
                match images::download(&self.opts.content, url) {
                    Ok(local) => {
                        free = localize_image(&free, url, &local);
                        paid = paid.map(|p| localize_image(&p, url, &local));
                    }
                    Err(why) => post.notes.push(format!(
                        "image {url} not downloaded ({why}): kept at its address"
                    )),
                }
            }
        }
        if !row.podcast_url.is_empty() {
            // One web address, written the way links in the body are (no line breaks, no
            // `<`): a `podcast_url` cell is the export's text, not markup.
            let mut words = row.podcast_url.split_whitespace();
            let url = words.next().and_then(html_to_markdown::web_url);
            if url.is_some() && words.next().is_some() {
                post.notes
                    .push("the podcast address has text after it: only the address is kept".into());
            }
            match url {
                Some(url) => {
                    let listen = format!(
                        "> [Listen to the episode]({})",
                        html_to_markdown::md_url(&url)
                    );
                    // A paid episode's audio is for subscribers: with a free preview, the link
                    // opens the paid part.
                    match (&tier, &mut paid) {
                        (Some(_), Some(p)) => *p = format!("{listen}\n\n{p}"),
                        _ => free = format!("{listen}\n\n{free}"),
                    }
                }
                None => post
                    .notes
                    .push("the podcast address is not a web address: left out".into()),
            }
        }
        let words = |md: &str| crate::render::markdown::render(md).words;
        let summary_needed;
        let body_text = match (tier, paid) {
            (None, None) => {
                summary_needed = false;
                free
            }
            (None, Some(p)) => {
                post.notes.push(
                    "a paywall cut in a post for everyone: ignored, the whole post is public"
                        .into(),
                );
                summary_needed = false;
                join(&free, &p)
            }
            (Some(_), Some(p)) if words(&free) > 0 && words(&p) > 0 => {
                summary_needed = false;
                if !body.footnotes_made_public.is_empty() {
                    post.notes.push(format!(
                        "footnote(s) {} are cited before the paywall cut but written after it \
                         (Substack hid them from free readers): here they are public, with the \
                         preview that cites them",
                        body.footnotes_made_public.join(", ")
                    ));
                }
                format!("{}\n\n{PAYWALL_MARKER}\n\n{}", free.trim_end(), p)
            }
            (Some(_), Some(p)) => {
                post.notes
                    .push("the paywall cut has no text on one side: the whole post is paid".into());
                summary_needed = true;
                join(&free, &p)
            }
            (Some(_), None) => {
                summary_needed = true;
                free
            }
        };
        if words(&body_text) == 0 {
            return Err("the post has no text to import".into());
        }

        let base = article_slug(row);
        let (dir, redirect) = if row.is_published {
            ("articles", true)
        } else {
            (DRAFTS, false)
        };
        let slug = self.free_slug(dir, &base);
        let subtitle = row.subtitle.trim();
        let summary = if !subtitle.is_empty() {
            Some(subtitle.to_string())
        } else if summary_needed {
            post.notes.push(format!(
                "paid-only and no subtitle: its summary is \"{PAID_SUMMARY}\"; write a better one"
            ));
            Some(PAID_SUMMARY.to_string())
        } else {
            None
        };
        let mut front = vec![format!("title = {}", toml_str(&row.title))];
        if !subtitle.is_empty() {
            front.push(format!("subtitle = {}", toml_str(subtitle)));
        }
        front.push(format!("date = {date}"));
        front.push("topics = []".into());
        if let Some(s) = summary {
            front.push(format!("summary = {}", toml_str(&s)));
        }
        if let Some(t) = tier {
            front.push(format!("tier = {}", toml_str(t)));
        }
        post.notes
            .push("`topics = []`: file it under topics of content/topics.toml".into());
        let text = format!("+++\n{}\n+++\n\n{}", front.join("\n"), body_text.trim_end()) + "\n";
        let rel = format!("{dir}/{slug}.md");
        let path = self.opts.content.join(&rel);
        crate::content::articles::load_with(
            &path,
            &text,
            crate::content::articles::Known {
                topics: None,
                tiers: self.tiers,
            },
        )
        .map_err(|errors| would_not_pass("the converted post", &errors))?;
        Ok(Converted {
            rel,
            text,
            redirect_to: redirect.then(|| page::article(&slug)),
        })
    }

    fn week(
        &mut self,
        row: &PostRow,
        date: Date,
        html: &str,
        tier: Option<&str>,
        post: &mut PostReport,
    ) -> Result<Converted, String> {
        if !row.podcast_url.trim().is_empty() {
            return Err("a podcast episode (a weekly list has no place for its audio)".into());
        }
        let mut week = weekly::extract(html);
        let uncut = tier.is_some() && !week.cut;
        if uncut {
            // All of a paid post without a cut is for subscribers: nothing of it may become
            // the (public) intro or a free entry.
            week = weekly::extract_from(html, true);
        }
        if week.entry_count() == 0 {
            return Err("no linked list items to make weekly entries of".into());
        }
        if uncut {
            post.notes.push(
                "a paid post without a paywall cut: every entry is for paid subscribers".into(),
            );
        }
        if tier.is_some() {
            let sealed = week.seal_paid_headings();
            if sealed > 0 {
                post.notes.push(format!(
                    "{sealed} heading(s) after the paywall cut: their sections are titled \"{}\" \
                     (section titles are public); each heading starts the commentary of its \
                     section's first entry, sealed with it",
                    weekly::PAID_SECTION
                ));
            }
        }
        let paid_tier = tier.unwrap_or(PAID_TIER);
        let has_paid_entries = week
            .sections
            .iter()
            .flat_map(|s| &s.entries)
            .any(|e| e.paid);
        if !week.paid_rest.is_empty() {
            if tier.is_none() {
                // A public post: its text after the cut is public too.
                let rest = week.paid_rest.join("\n\n");
                week.intro = join(&week.intro, &rest);
            } else if has_paid_entries {
                // Paid text that is no entry: it goes with the last paid entry, never the intro.
                let rest = week.paid_rest.join("\n\n");
                if let Some(e) = week
                    .sections
                    .iter_mut()
                    .flat_map(|s| s.entries.iter_mut())
                    .rev()
                    .find(|e| e.paid)
                {
                    e.commentary = Some(match &e.commentary {
                        Some(c) => format!("{c} {}", flatten(&rest)),
                        None => flatten(&rest),
                    });
                }
                post.notes.push(
                    "paid text that is not an entry was added to the last paid entry's commentary"
                        .into(),
                );
            } else {
                return Err("paid text but no paid entries".into());
            }
        }
        if tier.is_none() && has_paid_entries {
            post.notes.push(
                "a paywall cut in a post for everyone: ignored, every entry is public".into(),
            );
        }
        if tier.is_some() && !has_paid_entries {
            post.notes.push(
                "a paid post with no entries after its cut: every entry is public here".into(),
            );
        }
        let guessed = week
            .sections
            .iter()
            .flat_map(|s| &s.entries)
            .filter(|e| e.summary_guessed)
            .count();
        if guessed > 0 {
            post.notes.push(format!(
                "{guessed} entr(ies) had no text after their link: their summary names the link's site"
            ));
        }
        post.unconverted.append(&mut week.unconverted);
        post.furniture += week.furniture;

        let mut front = vec![
            format!("title = {}", toml_str(&row.title)),
            format!("date = {date}"),
        ];
        for s in &week.sections {
            front.push(String::new());
            front.push("[[sections]]".into());
            front.push(format!("title = {}", toml_str(&s.title)));
            for e in &s.entries {
                front.push(String::new());
                front.push("[[sections.entries]]".into());
                front.push(format!("title = {}", toml_str(&e.title)));
                front.push(format!("url = {}", toml_str(&e.url)));
                front.push(format!("source = {}", toml_str(&e.source)));
                front.push(format!("kind = {}", toml_str(e.kind)));
                front.push(format!("summary = {}", toml_str(&e.summary)));
                if let Some(c) = &e.commentary {
                    front.push(format!("commentary = {}", toml_str(&flatten(c))));
                }
                if e.paid && tier.is_some() {
                    front.push(format!("tier = {}", toml_str(paid_tier)));
                }
            }
        }
        let mut intro = week.intro.clone();
        if !row.subtitle.trim().is_empty() {
            intro = join(&html_to_markdown::escape(row.subtitle.trim()), &intro);
        }
        let slug = self.free_slug("weeks", &date.to_string());
        let text = format!("+++\n{}\n+++\n\n{}", front.join("\n"), intro.trim_end()) + "\n";
        let rel = format!("weeks/{slug}.md");
        let path = self.opts.content.join(&rel);
        crate::content::weeks::load_with(&path, &text, self.tiers)
            .map_err(|errors| would_not_pass("the weekly list", &errors))?;
        Ok(Converted {
            rel,
            text,
            redirect_to: Some(page::week(&slug)),
        })
    }

    fn write(&mut self, row: &PostRow, c: Converted, manifest: &mut Manifest) -> Outcome {
        let content = &self.opts.content;
        let path = content.join(&c.rel);
        let decision = match manifest.decide(content, &c.rel) {
            Ok(d) => d,
            Err(why) => return Outcome::Skipped { why },
        };
        let existing = fs::read(&path).ok();
        let write = match decision {
            Decision::New | Decision::Untouched => true,
            Decision::Edited | Decision::Foreign if self.opts.force => true,
            Decision::Edited => {
                self.redirect(row, &c);
                return Outcome::Skipped {
                    why: format!(
                        "{} was edited since it was imported: left alone (--force overwrites it)",
                        path.display()
                    ),
                };
            }
            Decision::Foreign => {
                return Outcome::Skipped {
                    why: format!(
                        "{} exists and was not written by the importer: left alone (--force overwrites it)",
                        path.display()
                    ),
                }
            }
        };
        debug_assert!(write);
        let changed = existing.as_deref() != Some(c.text.as_bytes());
        if changed {
            if let Some(parent) = path.parent() {
                if let Err(e) = fs::create_dir_all(parent) {
                    return Outcome::Skipped {
                        why: format!("{}: {e}", parent.display()),
                    };
                }
            }
            if let Err(e) = fs::write(&path, &c.text) {
                return Outcome::Skipped {
                    why: format!("{}: {e}", path.display()),
                };
            }
        }
        manifest.record(&c.rel, &row.post_id, c.text.as_bytes());
        self.redirect(row, &c);
        Outcome::Imported {
            path: path.display().to_string(),
            changed,
        }
    }

    fn redirect(&mut self, row: &PostRow, c: &Converted) {
        if let Some(to) = &c.redirect_to {
            let slug = row.substack_slug();
            let from = page::old_post(slug);
            // Two rows with one slug (Substack's are unique): the first keeps the address.
            if crate::content::redirects::is_path_segment(slug)
                && !self.redirects.iter().any(|r| r.from == from)
            {
                self.redirects.push(Redirect {
                    from,
                    to: to.clone(),
                });
            }
        }
    }
}

/// The article's slug: Substack's own when it is a valid slug here (so `/p/<slug>` and
/// `/articles/<slug>` match), otherwise one made from it or the title.
fn article_slug(row: &PostRow) -> String {
    let theirs = row.substack_slug();
    let mut slug = if is_slug(theirs) {
        theirs.to_string()
    } else {
        let s = slugify(theirs);
        if is_slug(&s) {
            s
        } else {
            slugify(&row.title)
        }
    };
    if !is_slug(&slug) {
        slug = format!("post-{}", row.post_id.split('.').next().unwrap_or("0"));
    }
    // `page-N` names index pages.
    if slug
        .strip_prefix("page-")
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    {
        slug.push_str("-post");
    }
    slug
}

/// The Markdown with the image at `url` (as the converter wrote it: percent-encoded spaces and
/// parentheses) pointing to its downloaded copy.
fn localize_image(md: &str, url: &str, local: &str) -> String {
    md.replace(
        &format!("]({})", html_to_markdown::md_url(url)),
        &format!("]({local})"),
    )
}

fn join(a: &str, b: &str) -> String {
    match (a.trim().is_empty(), b.trim().is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{}\n\n{}", a.trim_end(), b),
    }
}

/// Markdown blocks as one line (a commentary is rendered inline).
fn flatten(md: &str) -> String {
    md.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A one-line TOML string (titles and summaries are one line).
fn toml_str(s: &str) -> String {
    toml::Value::String(flatten(s)).to_string()
}

/// Why a converted file is not written: what press's own check says of it.
fn would_not_pass(what: &str, errors: &[crate::ContentError]) -> String {
    let reasons: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    format!(
        "{what} would not pass `press check`: {}",
        reasons.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(post_id: &str, title: &str) -> PostRow {
        PostRow {
            post_id: post_id.into(),
            date: None,
            is_published: true,
            kind: "newsletter".into(),
            audience: "everyone".into(),
            title: title.into(),
            subtitle: String::new(),
            podcast_url: String::new(),
            line: 2,
        }
    }

    #[test]
    fn slugs_come_from_substack_or_the_title() {
        assert_eq!(
            article_slug(&row("1.the-ml-road-map", "X")),
            "the-ml-road-map"
        );
        assert_eq!(article_slug(&row("1.The_ML_Map", "X")), "the-ml-map");
        assert_eq!(article_slug(&row("1.page-2", "X")), "page-2-post");
        assert_eq!(article_slug(&row("17", "Hello, World")), "17");
    }

    #[test]
    fn a_downloaded_image_replaces_its_address_as_written() {
        let url = "https://e.example/a chart (v2).png";
        let md = html_to_markdown::convert(&format!("<p><img src=\"{url}\" alt=\"A\"></p>")).free;
        assert_eq!(
            localize_image(&md, url, "images/substack/x.png"),
            "![A](images/substack/x.png)\n"
        );
    }

    #[test]
    fn toml_strings_are_one_line_and_read_back() {
        for text in ["a \"b\"\nc", "it's \\ 'quoted'", "\"\"\"x"] {
            let line = toml_str(text);
            assert!(!line.contains('\n'), "{line}");
            let v: toml::Table = toml::from_str(&format!("k = {line}")).unwrap();
            assert_eq!(v["k"].as_str().unwrap(), flatten(text));
        }
    }
}
