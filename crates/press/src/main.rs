//! The `press` command line.

use std::path::PathBuf;
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
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Build { content, out } => sb_press::build(&content, &out).map(|r| {
            println!(
                "press: {} articles, {} weeks, {} files written to {}",
                r.articles,
                r.weeks,
                r.files,
                out.display()
            );
        }),
        Command::Check { content } => sb_press::site::load(&content).map(|s| {
            println!(
                "press: content is valid ({} articles, {} weeks)",
                s.articles.len(),
                s.weeks.len()
            );
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("press: {e}");
            ExitCode::FAILURE
        }
    }
}
