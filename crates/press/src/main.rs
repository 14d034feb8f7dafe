//! The `press` command line.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "press",
    about = "Publishes the Society's Backend content as the site's JSON data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate content/ and write the JSON data folder (replacing it).
    Build {
        /// The content folder (site.toml, articles/, weeks/).
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Where the JSON goes; trunk copies it into dist/. It is replaced entirely, so it must be
        /// missing, empty, or a folder press wrote (holding `.press-output`).
        #[arg(long, default_value = "public/data")]
        out: PathBuf,
        /// The keyring that seals paid content (keep it outside the repository).
        #[arg(long, env = sb_press::paid::keyring::ENV)]
        keyring: Option<PathBuf>,
        /// Allow the public demo keys (the sample's keyring, under any path) to seal: only to
        /// look at the sample content, never to publish. Without it press refuses them.
        #[arg(long)]
        demo_keyring: bool,
    },
    /// Create and rotate the keys that seal paid content, and print subscribers' unlock links.
    Keyring {
        /// The keyring file.
        #[arg(long, env = sb_press::paid::keyring::ENV, global = true)]
        keyring: Option<PathBuf>,
        #[command(subcommand)]
        action: KeyringAction,
    },
    /// Validate content/ without writing anything.
    Check {
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Write the feeds, sitemap, robots.txt and per-article HTML entries into a built site
    /// (run after trunk; `cargo xtask build` does).
    Pages {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The built site (trunk's dist folder).
        #[arg(long)]
        dist: PathBuf,
    },
    /// Write the data folder with the articles replaced by N generated ones (for the benchmark).
    SynthArchive {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// How many articles.
        #[arg(long)]
        articles: usize,
        #[arg(long)]
        out: PathBuf,
    },
    /// Import content from elsewhere into the content folder.
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Write the search index of a synthetic corpus (articles of ~1,500 words over a Zipf
    /// vocabulary, weekly resources, the road map) into OUT/search, and the same corpus as HTML
    /// pages into --html for Pagefind; prints a JSON report (for the benchmark).
    SynthSearch {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        #[arg(long, default_value_t = 5000)]
        articles: usize,
        /// Weekly resources (20 a week).
        #[arg(long, default_value_t = 20000)]
        resources: usize,
        #[arg(long)]
        html: Option<PathBuf>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Replay queries against a built search index and print, as JSON, the files each fetches
    /// step by step (for the benchmark).
    SearchPlan {
        /// The data folder holding search/.
        #[arg(long)]
        data: PathBuf,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        queries: Vec<String>,
    },
    /// Write a generated road map of N resources (for the benchmark).
    SynthRoadmap {
        /// How many distinct resources.
        #[arg(long)]
        resources: usize,
        /// The JSON file to write.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum ImportSource {
    /// A Substack export (Settings → Exports): its zip, or the folder it unpacks to. Posts
    /// become articles (or weekly lists), old /p/<slug> addresses redirect, and a report lists
    /// everything imported, skipped and not converted. Running it again updates only files it
    /// wrote and nobody edited since.
    Substack {
        /// The export's zip file or folder.
        export: PathBuf,
        /// The content folder to import into.
        #[arg(long, default_value = "content")]
        into: PathBuf,
        /// The site tier (from site.toml) for Substack's `founding` posts.
        #[arg(long)]
        founding_tier: Option<String>,
        /// Import unpublished drafts too, into <content>/drafts/ (which is not published).
        #[arg(long)]
        drafts: bool,
        /// Posts whose title matches this regular expression become weekly lists
        /// (e.g. "Week of|ML Updates").
        #[arg(long)]
        weekly_title: Option<String>,
        /// Overwrite files edited since the import, or not written by it.
        #[arg(long)]
        force: bool,
        /// Download images into <content>/images/substack/ (needs network and curl).
        #[arg(long)]
        download_images: bool,
    },
}

fn import_command(source: ImportSource) -> Result<(), String> {
    let ImportSource::Substack {
        export,
        into,
        founding_tier,
        drafts,
        weekly_title,
        force,
        download_images,
    } = source;
    use sb_press::import::substack;
    let weekly_title = weekly_title
        .map(|re| {
            regex::Regex::new(&re)
                .map_err(|e| format!("--weekly-title: not a regular expression: {e}"))
        })
        .transpose()?;
    let opts = substack::Options {
        founding_tier,
        drafts,
        weekly_title,
        force,
        download_images,
        progress: substack::Progress::Auto,
        ..substack::Options::new(export, into)
    };
    let report = substack::run(&opts)?;
    print!("{report}");
    Ok(())
}

#[derive(Subcommand)]
enum KeyringAction {
    /// Create a new keyring with one key per tier (refuses to replace an existing file).
    Create {
        /// A tier to create a key for (repeatable).
        #[arg(long = "tier", required = true)]
        tiers: Vec<String>,
    },
    /// Add a key to a tier: content dated on or after --since is sealed with it (rotation).
    Add {
        #[arg(long)]
        tier: String,
        /// First publication date the key seals, YYYY-MM-DD (default: today).
        #[arg(long)]
        since: Option<String>,
        /// The key id (default: k<since>).
        #[arg(long)]
        kid: Option<String>,
    },
    /// Print the unlock link to send a tier's subscribers (the newest key, or --kid).
    Link {
        #[arg(long)]
        tier: String,
        #[arg(long)]
        kid: Option<String>,
        /// The site's public URL (default: base_url from site.toml).
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// List the keys (tier, key id, since), never the secrets.
    List,
}

fn keyring_path(path: Option<PathBuf>) -> Result<PathBuf, String> {
    path.ok_or_else(|| {
        format!(
            "no keyring given: pass --keyring <file> or set {}",
            sb_press::paid::keyring::ENV
        )
    })
}

fn keyring_command(path: Option<PathBuf>, action: KeyringAction) -> Result<(), String> {
    use sb_press::paid::keyring::{today, Keyring};
    let path = keyring_path(path)?;
    match action {
        KeyringAction::Create { tiers } => {
            let mut ring = Keyring::new(&path);
            for tier in &tiers {
                ring.add(tier, today(), None)?;
            }
            ring.save(true).map_err(|e| e.to_string())?;
            println!(
                "press: keyring created at {} with a key for {}; keep it secret and out of the repository",
                path.display(),
                tiers.join(", ")
            );
        }
        KeyringAction::Add { tier, since, kid } => {
            let mut ring = Keyring::load(&path).map_err(|e| e.to_string())?;
            let since = match since {
                Some(s) => sb_model::Date::parse(&s).map_err(|e| format!("--since: {e}"))?,
                None => today(),
            };
            let kid = ring.add(&tier, since, kid.as_deref())?.key.kid.clone();
            ring.save(false).map_err(|e| e.to_string())?;
            println!(
                "press: added key `{kid}` to tier `{tier}`: content dated {since} or later is sealed with it; \
                 older keys still open older content"
            );
        }
        KeyringAction::Link {
            tier,
            kid,
            base_url,
            content,
        } => {
            let ring = Keyring::load(&path).map_err(|e| e.to_string())?;
            let key = match &kid {
                Some(kid) => ring.find(&tier, kid),
                None => ring.current(&tier),
            }
            .ok_or_else(|| format!("{} has no such key for tier `{tier}`", path.display()))?;
            let base_url = match base_url {
                Some(url) => url,
                None => {
                    sb_press::content::load_config(&content)
                        .map_err(|e| e.to_string())?
                        .base_url
                }
            };
            println!("{}", key.key.link(&base_url));
        }
        KeyringAction::List => {
            let ring = Keyring::load(&path).map_err(|e| e.to_string())?;
            for k in &ring.keys {
                println!("{}\t{}\tsince {}", k.key.tier, k.key.kid, k.since);
            }
        }
    }
    Ok(())
}

/// Loads the keyring that seals a build, refusing the public demo keys unless `allow_demo`.
fn load_keyring(
    path: Option<PathBuf>,
    allow_demo: bool,
) -> Result<Option<sb_press::paid::keyring::Keyring>, String> {
    let Some(path) = path else {
        return Ok(None);
    };
    let ring = sb_press::paid::keyring::Keyring::load(&path).map_err(|e| e.to_string())?;
    ring.check_not_demo(allow_demo).map_err(|e| e.to_string())?;
    if !ring.demo_keys().is_empty() {
        eprintln!(
            "press: sealing with the PUBLIC demo keys (--demo-keyring): anyone can open the paid \
             content of this build; never publish it"
        );
    }
    Ok(Some(ring))
}

fn print_warnings(site: &sb_press::content::Site) {
    for w in &site.warnings {
        eprintln!("warning: {w}");
    }
}

fn synth_roadmap(resources: usize, out: &Path) -> Result<(), String> {
    let roadmap = sb_press::roadmap::synthetic(resources);
    let json = serde_json::to_string(&roadmap).map_err(|e| e.to_string())?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(out, json).map_err(|e| format!("{}: {e}", out.display()))?;
    println!(
        "press: synthetic road map with {resources} resources written to {}",
        out.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Build {
            content,
            out,
            keyring,
            demo_keyring,
        } => load_keyring(keyring, demo_keyring).and_then(|keyring| {
            sb_press::content::load(&content)
                .and_then(|site| {
                    print_warnings(&site);
                    sb_press::publish::data::write(&site, &out, keyring.as_ref())
                })
                .map(|r| {
                    println!(
                        "press: {} articles, {} weeks, {} road-map resources, {} paid units sealed, {} files (and {} of the search index) written to {}",
                        r.articles,
                        r.weeks,
                        r.resources,
                        r.sealed,
                        r.files,
                        r.search_files,
                        out.display()
                    );
                })
                .map_err(|e| e.to_string())
        }),
        Command::Keyring { keyring, action } => keyring_command(keyring, action),
        Command::Check { content } => sb_press::content::load(&content)
            .map(|s| {
                print_warnings(&s);
                println!(
                    "press: content is valid ({} articles, {} weeks, {} road-map resources)",
                    s.articles.len(),
                    s.weeks.len(),
                    s.roadmap.as_ref().map_or(0, |r| r.resources.len())
                );
            })
            .map_err(|e| e.to_string()),
        Command::Pages { content, dist } => sb_press::content::load(&content)
            .and_then(|s| sb_press::publish::static_pages::write_all(&s, &dist))
            .map(|n| {
                println!(
                    "press: {n} feed, sitemap and entry files written to {}",
                    dist.display()
                )
            })
            .map_err(|e| e.to_string()),
        Command::SynthArchive {
            content,
            articles,
            out,
        } => sb_press::content::load(&content)
            .map(|s| sb_press::publish::synth_archive::with_synthetic_articles(s, articles))
            .and_then(|s| sb_press::publish::data::write(&s, &out, None))
            .map(|r| {
                println!(
                    "press: synthetic archive of {} articles, {} files written to {}",
                    r.articles,
                    r.files,
                    out.display()
                )
            })
            .map_err(|e| e.to_string()),
        Command::Import { source } => import_command(source),
        Command::SynthSearch {
            content,
            articles,
            resources,
            html,
            out,
        } => sb_press::publish::search_index::synth::command(
            &content,
            &out,
            html.as_deref(),
            articles,
            resources,
        ),
        Command::SearchPlan {
            data,
            limit,
            queries,
        } => sb_press::publish::search_index::plan::command(&data, limit, &queries),
        Command::SynthRoadmap { resources, out } => synth_roadmap(resources, &out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("press: {e}");
            ExitCode::FAILURE
        }
    }
}
