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
        /// Where the JSON goes; trunk copies it into dist/.
        #[arg(long, default_value = "public/data")]
        out: PathBuf,
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

fn print_warnings(site: &sb_press::site::Site) {
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
        Command::Build { content, out } => sb_press::site::load(&content)
            .and_then(|site| {
                print_warnings(&site);
                sb_press::site::write(&site, &out)
            })
            .map(|r| {
                println!(
                    "press: {} articles, {} weeks, {} road-map resources, {} files written to {}",
                    r.articles,
                    r.weeks,
                    r.resources,
                    r.files,
                    out.display()
                );
            })
            .map_err(|e| e.to_string()),
        Command::Check { content } => sb_press::site::load(&content)
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
        Command::Pages { content, dist } => sb_press::site::load(&content)
            .and_then(|s| sb_press::static_pages::write_all(&s, &dist))
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
        } => sb_press::site::load(&content)
            .map(|s| sb_press::synth_archive::with_synthetic_articles(s, articles))
            .and_then(|s| sb_press::site::write(&s, &out))
            .map(|r| {
                println!(
                    "press: synthetic archive of {} articles, {} files written to {}",
                    r.articles,
                    r.files,
                    out.display()
                )
            })
            .map_err(|e| e.to_string()),
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
