//! `cargo xtask bench`: builds the release site and measures what a reader downloads before the
//! first page can render (wasm, JS, CSS), raw, gzip -9 and brotli q11. Prints a table and writes
//! `bench/results.json`. The budget from the foundation issue: wasm + js + css ≤ 150 KB brotli.
//! Then the "text first" numbers of issue 11 (`text_first`): first-load transfer per page, the
//! time until an article's text is visible against a plain HTML copy of the same page, the time
//! until the app is interactive, Lighthouse 12, and a twiggy profile of the wasm.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

mod offline;
mod search;

use crate::nginx;
use crate::run::{check, cmd, node_json, output, press, root, work_dir, Result};
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
    Sizes {
        raw: bytes.len() as u64,
        gzip,
        brotli: brotli_q11(bytes).len() as u64,
    }
}

/// Brotli at its best (quality 11, 4 MiB window), as a CDN precompresses static files.
fn brotli_q11(bytes: &[u8]) -> Vec<u8> {
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params).expect("writing to memory");
    br
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

/// The bench's steps, in the order a full run takes them (the later ones rewrite the data with
/// synthetic content, so `unlock`, `text-first` and `offline` come first). `--only a,b` runs
/// some of them and keeps the other entries of `bench/results.json` as they were.
const STEPS: [&str; 8] = [
    "sizes",
    "unlock",
    "text-first",
    "offline",
    "roadmap",
    "archive",
    "profile",
    "search",
];

/// `cargo xtask bench [--only STEP,STEP]`.
pub fn run(args: &[String]) -> Result {
    let only = crate::flag(args, "--only");
    let chosen: Vec<&str> = match &only {
        None => STEPS.to_vec(),
        Some(list) => list.split(',').map(str::trim).collect(),
    };
    if let Some(unknown) = chosen.iter().find(|s| !STEPS.contains(s)) {
        return Err(format!("--only {unknown}: one of {}", STEPS.join(", ")));
    }
    let dist = work_dir("dist-bench");
    site::build("/", &dist, site::Fallback::Demo)?;
    let out = root().join("bench/results.json");
    let mut results = match (&only, fs::read_to_string(&out)) {
        (Some(_), Ok(text)) => serde_json::from_str(&text).unwrap_or_else(|_| json!({})),
        _ => json!({}),
    };
    let mut failures = Vec::new();
    for step in STEPS.iter().filter(|s| chosen.contains(s)) {
        match *step {
            "sizes" => {
                for (key, value) in sizes(&dist)? {
                    results[key] = value;
                }
            }
            "unlock" => results["paid_week"] = unlock_speed(&dist)?,
            "text-first" => {
                let (value, failed) = text_first(&dist)?;
                results["text_first"] = value;
                failures.extend(failed);
            }
            "roadmap" => results["roadmap_explorer"] = roadmap_speed(&dist)?,
            "archive" => results["archive_first_page"] = archive_bytes(&dist)?,
            "profile" => results["wasm_profile"] = wasm_profile(&dist),
            "search" => results["search"] = search::run(&dist)?,
            "offline" => {
                let (value, failed) = offline::run(&dist)?;
                results["offline"] = value;
                failures.extend(failed);
            }
            _ => unreachable!("checked above"),
        }
    }
    fs::create_dir_all(out.parent().expect("has a parent")).map_err(|e| e.to_string())?;
    fs::write(
        &out,
        serde_json::to_string_pretty(&results).expect("json") + "\n",
    )
    .map_err(|e| e.to_string())?;
    println!("written to {}", out.display());
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("bench steps failed:\n{}", failures.join("\n")))
    }
}

/// The code's size: every wasm, js and css file of the build (all chunks, whichever route loads
/// them), and the widget loader other sites embed.
fn sizes(dist: &Path) -> Result<Vec<(&'static str, Value)>> {
    let kinds = bundle_sizes(dist)?;
    let mut total = Sizes::default();
    println!(
        "{:<8} {:>12} {:>12} {:>12}  (every file of the build: all wasm chunks, whichever route loads them)",
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
        "all",
        kb(total.raw),
        kb(total.gzip),
        kb(total.brotli)
    );
    let ratio = total.brotli as f64 / BUDGET_BROTLI_BYTES as f64;
    println!(
        "budget for all files: {} brotli, used {:.0}% (what one page loads is in `text first` below)",
        kb(BUDGET_BROTLI_BYTES),
        ratio * 100.0
    );

    let entry = |s: &Sizes| json!({ "raw": s.raw, "gzip": s.gzip, "brotli": s.brotli });
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
    Ok(vec![
        ("bundle_bytes", bundle.into()),
        ("budget_brotli_bytes", BUDGET_BROTLI_BYTES.into()),
        ("budget_used", ((ratio * 1000.0).round() / 1000.0).into()),
        ("embed_loader_bytes", entry(&loader)),
    ])
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
        let value = node_json("bench/archive-bytes.mjs", &server.url, &[])?;
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
    let value = node_json("bench/unlock-perf.mjs", &server.url, &[])?;
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
    let mut value = node_json("bench/roadmap-perf.mjs", &server.url, &[])?;
    value["synthetic_resources"] = SYNTHETIC_RESOURCES.into();
    println!(
        "road map explorer, {} resources ({} rows): render {} ms (median of {}), toggle {} ms to the DOM, {} ms to the next frame (medians of {})",
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

// ---------------------------------------------------------------------------------------------
// Issue 11, "Text first": the numbers its goals are stated in, each beside its anchor (the goal,
// the plain HTML copy timed in the same run, and what the issue measured when it was filed).

/// The port of the bench's own nginx (brotli), apart from the other steps' server.
const TEXT_FIRST_PORT: u16 = 8184;
/// Debian's brotli modules for nginx (`cargo xtask setup` installs them): loaded only by the
/// bench's config, never by `hosting/nginx.conf`.
const BROTLI_MODULES: [&str; 2] = [
    "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so",
    "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
];
/// Files given a `.br` twin (brotli q11) for nginx's `brotli_static`, as a CDN would serve them.
const PRECOMPRESSED: [&str; 8] = ["html", "js", "css", "wasm", "json", "svg", "xml", "txt"];
/// The plain HTML copy of the article's final DOM, written at the top of the bench build.
const STATIC_COPY: &str = "bench-static-article.html";
/// Goal: first-load transfer of home, an article and a week.
const FIRST_LOAD_GOAL_BYTES: u64 = 150 * 1024;
/// Goal: app time to text over the plain copy's.
const TEXT_RATIO_GOAL: f64 = 1.1;
/// Goals: Lighthouse performance, accessibility, best practices, SEO.
const LIGHTHOUSE_GOALS: [(&str, u64); 4] = [
    ("performance", 95),
    ("accessibility", 100),
    ("best-practices", 100),
    ("seo", 100),
];
/// What issue 11 measured when it was filed (wasm + js + css brotli; Lighthouse performance per
/// page; the article's text, app and plain copy).
const ISSUE_BUNDLE_KB: u64 = 284;
const ISSUE_PERFORMANCE: [(&str, u64); 4] =
    [("home", 65), ("article", 89), ("week", 81), ("roadmap", 71)];
const ISSUE_TEXT: &str = "app 2.4–3.3 s, copy 0.8–1.2 s: 2.5–3.0×";

/// The pages measured: home, the newest article, the newest week, the road map (paths under
/// the base, as the Node scripts take them).
fn text_first_pages(dist: &Path) -> Result<Vec<(&'static str, String)>> {
    let newest = |index: &str| -> Result<String> {
        let path = dist.join("data").join(index);
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let page: Value = serde_json::from_str(&text).map_err(|e| format!("{index}: {e}"))?;
        newest_slug(&page).ok_or_else(|| format!("{index}: no items"))
    };
    Ok(vec![
        ("home", String::new()),
        (
            "article",
            format!("articles/{}", newest("articles/page-1.json")?),
        ),
        ("week", format!("weekly/{}", newest("weeks/page-1.json")?)),
        ("roadmap", "roadmap".into()),
    ])
}

/// The slug of the item with the latest date in an index page.
fn newest_slug(page: &Value) -> Option<String> {
    page["items"]
        .as_array()?
        .iter()
        .max_by_key(|i| i["date"].as_str().unwrap_or_default().to_string())
        .and_then(|i| i["slug"].as_str())
        .map(str::to_string)
}

/// The bench's nginx config: `hosting/nginx.conf` as every test renders it, plus Debian's
/// brotli modules (pre-compressed `.br` files first, on-the-fly level 5 for anything else) when
/// `brotli`; else the template's gzip as it is.
fn bench_config(rendered: &str, brotli: bool) -> Result<String> {
    if !brotli {
        return Ok(rendered.to_string());
    }
    let gzip = "    gzip on;\n";
    if !rendered.contains(gzip) {
        return Err("hosting/nginx.conf: no `gzip on;` line to put brotli beside".into());
    }
    let modules: String = BROTLI_MODULES
        .iter()
        .map(|m| format!("load_module {m};\n"))
        .collect();
    let types = "text/css application/javascript application/json application/wasm image/svg+xml application/xml application/rss+xml application/atom+xml text/plain";
    Ok(modules
        + &rendered.replacen(
            gzip,
            &format!(
                "{gzip}    brotli_static on;\n    brotli on;\n    brotli_comp_level 5;\n    brotli_types {types};\n"
            ),
            1,
        ))
}

/// Files the text-first steps add to the bench build (`.br` twins, the plain copy), removed
/// when dropped, so the later steps (which rewrite the data) never see stale ones.
struct Scratch(Vec<PathBuf>);

impl Drop for Scratch {
    fn drop(&mut self) {
        for path in &self.0 {
            let _ = fs::remove_file(path);
        }
    }
}

/// Writes a brotli q11 `.br` beside every text file in `dir` (recursively).
fn precompress(dir: &Path, written: &mut Vec<PathBuf>) -> Result {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            precompress(&path, written)?;
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !PRECOMPRESSED.contains(&ext) {
            continue;
        }
        let bytes = fs::read(&path).map_err(|e| e.to_string())?;
        let br = brotli_q11(&bytes);
        let mut out = path.into_os_string();
        out.push(".br");
        let out = PathBuf::from(out);
        fs::write(&out, br).map_err(|e| format!("{}: {e}", out.display()))?;
        written.push(out);
    }
    Ok(())
}

/// Issue 11's numbers on the bench build, served by the bench's nginx (brotli when Debian's
/// modules are installed, else gzip): first-load transfer (`bench/first-load.mjs`), the
/// article's text against its plain copy and the app's interactive time
/// (`bench/text-visible.mjs`), Lighthouse (`bench/lighthouse.mjs`). A step that fails is
/// recorded as `{"error": …}` and returned in the failures; the others still run.
fn text_first(dist: &Path) -> Result<(Value, Vec<String>)> {
    let brotli = BROTLI_MODULES.iter().all(|m| Path::new(m).exists());
    let encoding = if brotli { "br" } else { "gzip" };
    if !brotli {
        println!(
            "text first: nginx's brotli modules are missing (`cargo xtask setup` installs them): serving gzip"
        );
    }
    let pages = text_first_pages(dist)?;
    let pages_json = serde_json::to_string(&Value::Array(
        pages
            .iter()
            .map(|(name, path)| json!({ "name": name, "path": path }))
            .collect(),
    ))
    .expect("json");
    let mut scratch = Scratch(vec![
        dist.join(STATIC_COPY),
        dist.join(format!("{STATIC_COPY}.br")),
    ]);
    if brotli {
        precompress(dist, &mut scratch.0)?;
    }
    let server = nginx::start_with("bench-text-first", TEXT_FIRST_PORT, dist, "/", |c| {
        bench_config(&c, brotli)
    })?;
    let mut failures = Vec::new();
    let mut step = |name: &str, result: Result<Value>| match result {
        Ok(v) => v,
        Err(e) => {
            failures.push(format!("{name}: {e}"));
            json!({ "error": e })
        }
    };
    let dist_str = dist.display().to_string();
    let article = &pages[1].1;
    let transfer = step(
        "first-load transfer",
        node_json(
            "bench/first-load.mjs",
            &server.url,
            &[("BENCH_PAGES", &pages_json)],
        ),
    );
    let text = step(
        "text visible",
        node_json(
            "bench/text-visible.mjs",
            &server.url,
            &[
                ("BENCH_DIST", &dist_str),
                ("BENCH_ARTICLE", article),
                ("BENCH_STATIC", STATIC_COPY),
            ],
        ),
    );
    let lighthouse = step(
        "lighthouse",
        node_json(
            "bench/lighthouse.mjs",
            &server.url,
            &[("BENCH_PAGES", &pages_json)],
        ),
    );
    drop(server);
    drop(scratch);
    let value = json!({
        "served_encoding": encoding,
        "first_load_transfer": {
            "goal_bytes": FIRST_LOAD_GOAL_BYTES,
            "goal_pages": ["home", "article", "week"],
            "issue_bundle_brotli_kb": ISSUE_BUNDLE_KB,
            "pages": transfer,
        },
        "text_visible": {
            "goal_app_over_static": TEXT_RATIO_GOAL,
            "issue": ISSUE_TEXT,
            "measured": text,
        },
        "lighthouse": {
            "goals": LIGHTHOUSE_GOALS.iter().map(|(k, v)| (k.to_string(), json!(v))).collect::<serde_json::Map<_, _>>(),
            "issue_performance": ISSUE_PERFORMANCE.iter().map(|(k, v)| (k.to_string(), json!(v))).collect::<serde_json::Map<_, _>>(),
            "pages": lighthouse,
        },
    });
    for line in text_first_table(&value) {
        println!("{line}");
    }
    Ok((value, failures))
}

fn yes_no(ok: bool) -> &'static str {
    if ok {
        "yes"
    } else {
        "NO"
    }
}

/// The pages of a per-page result in the order they are measured (home, article, week, road map).
fn in_page_order(pages: &Value) -> impl Iterator<Item = (&'static str, &Value)> {
    ["home", "article", "week", "roadmap"]
        .into_iter()
        .filter_map(move |name| pages.get(name).map(|p| (name, p)))
}

/// The printed table: each number, its anchor, and whether it meets the goal.
fn text_first_table(v: &Value) -> Vec<String> {
    let row = |what: &str, measured: &str, anchor: &str, met: &str| {
        format!("{what:<34} {measured:>22}  {anchor:<44} {met}")
    };
    let mut lines = vec![
        format!(
            "text first (issue 11), served with {}",
            v["served_encoding"].as_str().unwrap_or("?")
        ),
        row("", "measured", "anchor", "goal met"),
    ];
    let transfer = &v["first_load_transfer"]["pages"];
    if let Some(e) = transfer["error"].as_str() {
        lines.push(format!("first-load transfer: failed: {e}"));
    } else if transfer.is_object() {
        for (name, p) in in_page_order(transfer) {
            let bytes = p["bytes"].as_u64().unwrap_or_default();
            let goal = name != "roadmap";
            lines.push(row(
                &format!("first-load transfer, {name}"),
                &format!("{} in {} requests", kb(bytes), p["requests"]),
                &if goal {
                    format!(
                        "goal ≤ {} (issue: {ISSUE_BUNDLE_KB} KB)",
                        kb(FIRST_LOAD_GOAL_BYTES)
                    )
                } else {
                    format!("its own chunk on top (issue: {ISSUE_BUNDLE_KB} KB)")
                },
                if goal {
                    yes_no(bytes <= FIRST_LOAD_GOAL_BYTES)
                } else {
                    "-"
                },
            ));
        }
    }
    let text = &v["text_visible"]["measured"];
    if let Some(e) = text["error"].as_str() {
        lines.push(format!("text visible: failed: {e}"));
    } else {
        let ratio = text["app_over_static"].as_f64().unwrap_or(f64::INFINITY);
        lines.push(row(
            "article text visible, app",
            &format!("{} ms", text["app_text_ms_median"]),
            &format!(
                "plain copy {} ms: {ratio}×, goal ≤ {TEXT_RATIO_GOAL}×",
                text["static_text_ms_median"]
            ),
            yes_no(ratio <= TEXT_RATIO_GOAL),
        ));
        lines.push(row("", "", &format!("issue: {ISSUE_TEXT}"), ""));
        lines.push(row(
            &format!(
                "app interactive ({})",
                text["interactive_marker"].as_str().unwrap_or("?")
            ),
            &format!("{} ms", text["app_interactive_ms_median"]),
            &format!("medians of {}, 4× CPU, slow 4G", text["runs"]),
            "",
        ));
        // A reading page's app comes when asked for (focusing the search box once loaded).
        if text["app_on_request_ms_median"].is_number() {
            lines.push(row(
                "app on request (ask → taken over)",
                &format!("{} ms", text["app_on_request_ms_median"]),
                "the wasm a reading page no longer loads first",
                "",
            ));
        }
    }
    let lh = &v["lighthouse"]["pages"];
    if let Some(e) = lh["error"].as_str() {
        lines.push(format!("lighthouse: failed: {e}"));
    } else if lh.is_object() {
        for (name, p) in in_page_order(lh) {
            let scores: Vec<String> = LIGHTHOUSE_GOALS
                .iter()
                .map(|(k, _)| p[*k].to_string())
                .collect();
            let met = LIGHTHOUSE_GOALS
                .iter()
                .all(|(k, goal)| p[*k].as_f64().is_some_and(|s| s >= *goal as f64));
            let was = ISSUE_PERFORMANCE
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(String::new(), |(_, s)| format!(" (issue: {s})"));
            lines.push(row(
                &format!("lighthouse {name}, perf/a11y/bp/seo"),
                &scores.join("/"),
                &format!("goal ≥ 95/100/100/100{was}"),
                yes_no(met),
            ));
            lines.push(row(
                &format!("lighthouse {name}, LCP/TBT/CLS"),
                &format!("{}/{}/{}", p["lcp_ms"], p["tbt_ms"], p["cls"]),
                &format!(
                    "ms/ms/-; issue: LCP 3.6–3.8 s; median of {}; {} offsite requests",
                    p["runs"],
                    p["offsite_requests"].as_array().map_or(0, Vec::len)
                ),
                "",
            ));
        }
    }
    lines
}

/// Entries of `twiggy top` kept in the results.
const TWIGGY_TOP: usize = 15;

/// The wasm's largest items by `twiggy top` (installed with `cargo install twiggy` the first
/// time; skipped with a message when that fails). trunk's wasm-opt strips the function names
/// from the shipped wasm; when they are gone, the profile is of cargo's own output, before
/// wasm-bindgen and wasm-opt, which keeps them (its name and custom sections left out of the
/// list: they are not shipped).
fn wasm_profile(dist: &Path) -> Value {
    match wasm_profile_inner(dist) {
        Ok(v) => v,
        Err(e) => {
            println!("wasm profile skipped: {e}");
            json!({ "skipped": e })
        }
    }
}

fn wasm_profile_inner(dist: &Path) -> Result<Value> {
    if output(cmd("twiggy").arg("--version")).is_none() {
        println!("wasm profile: installing twiggy (cargo install twiggy; a few minutes)");
        check(cmd("cargo").args(["install", "twiggy", "--locked"]))
            .map_err(|e| format!("twiggy could not be installed: {e}"))?;
    }
    let shipped = largest_wasm(dist)?;
    let mut top = twiggy_top(&shipped)?;
    let mut profiled = shipped.clone();
    let names_kept = !names_stripped(&top);
    let mut note = "the shipped wasm keeps its function names".to_string();
    if !names_kept {
        let unstripped = root().join("target/wasm32-unknown-unknown/release/sb-site.wasm");
        if !unstripped.exists() {
            return Err(format!(
                "the shipped wasm has no function names and {} is missing",
                unstripped.display()
            ));
        }
        top = twiggy_top(&unstripped)?;
        note = format!(
            "the shipped wasm ({}) has no function names (wasm-opt strips them): profile of cargo's output before wasm-bindgen and wasm-opt, which keeps them; its name and custom sections are left out",
            shipped.file_name().unwrap_or_default().to_string_lossy()
        );
        profiled = unstripped;
    }
    let shown = |p: &Path| p.strip_prefix(root()).unwrap_or(p).display().to_string();
    println!("wasm profile (twiggy top, {}): {note}", shown(&profiled));
    for item in &top {
        println!(
            "{:>10}  {}",
            kb(item["shallow_size"].as_u64().unwrap_or_default()),
            item["name"].as_str().unwrap_or_default()
        );
    }
    let entries: Vec<Value> = top
        .iter()
        .map(|i| {
            let bytes = i["shallow_size"].as_u64().unwrap_or_default();
            json!({ "name": i["name"], "bytes": bytes, "kb": (bytes as f64 / 102.4).round() / 10.0 })
        })
        .collect();
    Ok(json!({
        "wasm": shown(&profiled),
        "names_kept_in_shipped_wasm": names_kept,
        "note": note,
        "top": entries,
    }))
}

/// The largest `.wasm` in the build outside its data (the app's main module).
fn largest_wasm(dist: &Path) -> Result<PathBuf> {
    fn walk(dir: &Path, best: &mut Option<(u64, PathBuf)>) {
        for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() && path.file_name().is_some_and(|n| n != "data") {
                walk(&path, best);
            } else if path.extension().is_some_and(|e| e == "wasm") {
                let len = entry.metadata().map(|m| m.len()).unwrap_or_default();
                if best.as_ref().is_none_or(|(b, _)| len > *b) {
                    *best = Some((len, path));
                }
            }
        }
    }
    let mut best = None;
    walk(dist, &mut best);
    best.map(|(_, p)| p)
        .ok_or_else(|| format!("no .wasm in {}", dist.display()))
}

/// `twiggy top` as JSON, without the name and custom sections, first `TWIGGY_TOP` items.
fn twiggy_top(wasm: &Path) -> Result<Vec<Value>> {
    let out = output(
        cmd("twiggy")
            .args(["top", "-n", "60", "-f", "json"])
            .arg(wasm),
    )
    .ok_or_else(|| format!("twiggy top {} failed", wasm.display()))?;
    let items: Vec<Value> =
        serde_json::from_str(&out).map_err(|e| format!("twiggy output: {e}"))?;
    Ok(items
        .into_iter()
        .filter(|i| !is_metadata(i["name"].as_str().unwrap_or_default()))
        .take(TWIGGY_TOP)
        .collect())
}

/// Sections that are not code or data the reader downloads (names, wasm-bindgen's descriptors).
fn is_metadata(name: &str) -> bool {
    name.contains("subsection") || name.starts_with("custom section")
}

/// Whether twiggy's items are anonymous (`code[12]`, `data[3]`): the names were stripped.
fn names_stripped(items: &[Value]) -> bool {
    let anonymous = items
        .iter()
        .filter(|i| {
            let name = i["name"].as_str().unwrap_or_default();
            let kind = name.split('[').next().unwrap_or_default();
            matches!(kind, "code" | "data")
                && name.ends_with(']')
                && name[kind.len() + 1..name.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_digit())
        })
        .count();
    anonymous * 2 > items.len()
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

    #[test]
    fn bench_config_loads_brotli_only_when_asked() {
        let rendered = "worker_processes 1;\nhttp {\n    gzip on;\n    server {}\n}\n";
        assert_eq!(bench_config(rendered, false).unwrap(), rendered);
        let conf = bench_config(rendered, true).unwrap();
        assert!(conf
            .starts_with("load_module /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so;\n"));
        assert!(conf.contains("    gzip on;\n    brotli_static on;\n    brotli on;\n"));
        assert!(bench_config("http {}", true).is_err());
        // The template every test renders has the line the brotli config goes beside.
        let template = fs::read_to_string(root().join("hosting/nginx.conf")).unwrap();
        assert!(bench_config(&template, true).is_ok());
    }

    #[test]
    fn newest_item_by_date() {
        let page = json!({ "items": [
            { "slug": "b", "date": "2026-11-13" },
            { "slug": "c", "date": "2026-11-20" },
            { "slug": "a", "date": "2026-11-06" },
        ] });
        assert_eq!(newest_slug(&page).as_deref(), Some("c"));
        assert_eq!(newest_slug(&json!({ "items": [] })), None);
    }

    #[test]
    fn stripped_names_are_told_apart() {
        let named = [
            json!({ "name": "sb_site::main::h00a3" }),
            json!({ "name": "data segment \".rodata\"" }),
        ];
        let anonymous = [
            json!({ "name": "code[272]" }),
            json!({ "name": "data[0]" }),
            json!({ "name": "elem[0]" }),
        ];
        assert!(!names_stripped(&named));
        assert!(names_stripped(&anonymous));
        assert!(is_metadata("\"function names\" subsection"));
        assert!(is_metadata("custom section '__wasm_bindgen_unstable'"));
        assert!(!is_metadata("sb_site::main::h00a3"));
    }
}
