//! `cargo xtask bench`: builds the release site and measures what a reader downloads before the
//! first page can render (wasm, JS, CSS), raw, gzip -9 and brotli q11. Prints a table and writes
//! `bench/results.json`. The budget from the foundation issue: wasm + js + css ≤ 150 KB brotli.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::nginx;
use crate::run::{node_json, press, root, work_dir, Result};
use crate::site;

const BENCH_PORT: u16 = 8183;
/// Resources in the synthetic road map the explorer is timed with.
const SYNTHETIC_RESOURCES: usize = 1000;

pub const BUDGET_BROTLI_BYTES: u64 = 150 * 1024;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl std::ops::AddAssign for Sizes {
    fn add_assign(&mut self, o: Self) {
        self.raw += o.raw;
        self.gzip += o.gzip;
        self.brotli += o.brotli;
    }
}

pub fn measure(bytes: &[u8]) -> Sizes {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("writing to memory");
    let gzip = gz.finish().expect("writing to memory").len() as u64;
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params).expect("writing to memory");
    Sizes {
        raw: bytes.len() as u64,
        gzip,
        brotli: br.len() as u64,
    }
}

/// The widget loader for other sites: not part of the site's own bundle, reported apart.
const EMBED_LOADER: &str = "embed.js";

/// Sizes per kind (wasm, js, css) of the files at the top of `dist` that the site loads.
pub fn bundle_sizes(dist: &Path) -> Result<Vec<(&'static str, Sizes)>> {
    let mut kinds = vec![
        ("wasm", Sizes::default()),
        ("js", Sizes::default()),
        ("css", Sizes::default()),
    ];
    for entry in fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.file_name().is_some_and(|n| n == EMBED_LOADER) {
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if let Some((_, sizes)) = kinds.iter_mut().find(|(k, _)| *k == ext) {
            *sizes += measure(&fs::read(&path).map_err(|e| e.to_string())?);
        }
    }
    Ok(kinds)
}

fn kb(n: u64) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}

pub fn run() -> Result {
    let dist = work_dir("dist-bench");
    site::build("/", &dist, site::Fallback::Demo)?;
    let kinds = bundle_sizes(&dist)?;
    let mut total = Sizes::default();
    println!(
        "{:<8} {:>12} {:>12} {:>12}",
        "bundle", "raw", "gzip -9", "brotli q11"
    );
    for (kind, s) in &kinds {
        println!(
            "{:<8} {:>12} {:>12} {:>12}",
            kind,
            kb(s.raw),
            kb(s.gzip),
            kb(s.brotli)
        );
        total += *s;
    }
    println!(
        "{:<8} {:>12} {:>12} {:>12}",
        "total",
        kb(total.raw),
        kb(total.gzip),
        kb(total.brotli)
    );
    let ratio = total.brotli as f64 / BUDGET_BROTLI_BYTES as f64;
    println!(
        "budget: {} brotli, used {:.0}%",
        kb(BUDGET_BROTLI_BYTES),
        ratio * 100.0
    );

    let entry = |s: &Sizes| serde_json::json!({ "raw": s.raw, "gzip": s.gzip, "brotli": s.brotli });
    let mut bundle = serde_json::Map::new();
    for (kind, s) in &kinds {
        bundle.insert(kind.to_string(), entry(s));
    }
    bundle.insert("total".into(), entry(&total));
    let loader =
        measure(&fs::read(dist.join(EMBED_LOADER)).map_err(|e| format!("{EMBED_LOADER}: {e}"))?);
    println!(
        "{:<8} {:>12} {:>12} {:>12}  (widget loader for other sites)",
        EMBED_LOADER,
        kb(loader.raw),
        kb(loader.gzip),
        kb(loader.brotli)
    );
    let paid = unlock_speed(&dist)?;
    let explorer = roadmap_speed(&dist)?;
    let archive = archive_bytes(&dist)?;
    let results = serde_json::json!({
        "bundle_bytes": bundle,
        "budget_brotli_bytes": BUDGET_BROTLI_BYTES,
        "budget_used": (ratio * 1000.0).round() / 1000.0,
        "embed_loader_bytes": entry(&loader),
        "roadmap_explorer": explorer,
        "archive_first_page": archive,
        "paid_week": paid,
    });
    let out = root().join("bench/results.json");
    fs::create_dir_all(out.parent().expect("has a parent")).map_err(|e| e.to_string())?;
    fs::write(
        &out,
        serde_json::to_string_pretty(&results).expect("json") + "\n",
    )
    .map_err(|e| e.to_string())?;
    println!("written to {}", out.display());
    Ok(())
}

/// Archive sizes the first-page cost is compared at.
const ARCHIVE_SIZES: [usize; 2] = [50, 5000];

/// Bytes of data a reader downloads to see the archive's first page, with the site's articles
/// replaced by 50 and by 5,000 generated ones (`bench/archive-bytes.mjs`).
fn archive_bytes(dist: &Path) -> Result<serde_json::Value> {
    let server = nginx::start("bench", BENCH_PORT, dist, "/")?;
    let mut results = serde_json::Map::new();
    for n in ARCHIVE_SIZES {
        press(
            &["synth-archive", "--articles", &n.to_string(), "--out"],
            &dist.join("data"),
        )?;
        let value = node_json("bench/archive-bytes.mjs", &server.url)?;
        println!(
            "archive first page with {n} articles: {} bytes of data in {} requests",
            value["data_bytes"],
            value["requests"].as_array().map_or(0, Vec::len)
        );
        results.insert(format!("articles_{n}"), value);
    }
    Ok(results.into())
}

/// Times a week with paid entries for a free reader and for a subscriber whose browser opens
/// them with WebCrypto (`bench/unlock-perf.mjs`). Runs first: the later steps rewrite the data.
fn unlock_speed(dist: &Path) -> Result<serde_json::Value> {
    let server = nginx::start("bench", BENCH_PORT, dist, "/")?;
    let value = node_json("bench/unlock-perf.mjs", &server.url)?;
    println!(
        "paid week {} ({} paid entries): painted in {} ms for a free reader, {} ms opened for a subscriber (medians of {}, ratio {})",
        value["week"],
        value["paid_entries"],
        value["free_reader_ms_median"],
        value["subscriber_ms_median"],
        value["runs"],
        value["subscriber_over_free"],
    );
    Ok(value)
}

/// Times the road map explorer in Chromium with a synthetic road map of 1,000 resources
/// (`bench/roadmap-perf.mjs`), served by nginx from the bench build.
fn roadmap_speed(dist: &Path) -> Result<serde_json::Value> {
    let synthetic = dist.join("data/roadmap.json");
    press(
        &[
            "synth-roadmap",
            "--resources",
            &SYNTHETIC_RESOURCES.to_string(),
            "--out",
        ],
        &synthetic,
    )?;
    let server = nginx::start("bench", BENCH_PORT, dist, "/")?;
    let mut value = node_json("bench/roadmap-perf.mjs", &server.url)?;
    value["synthetic_resources"] = SYNTHETIC_RESOURCES.into();
    println!(
        "road map explorer, {} resources ({} rows): render {} ms (median of {:?}), toggle {} ms to the DOM, {} ms to the next frame (medians of {})",
        SYNTHETIC_RESOURCES,
        value["rows"],
        value["render_ms_median"],
        value["render_ms_runs"],
        value["toggle_dom_ms_median"],
        value["toggle_next_frame_ms_median"],
        value["toggles"],
    );
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compression_shrinks_repetitive_bytes() {
        let bytes = "ml systems ".repeat(1000);
        let s = measure(bytes.as_bytes());
        assert_eq!(s.raw, 11_000);
        assert!(s.gzip < s.raw / 10 && s.brotli < s.raw / 10, "{s:?}");
    }
}
