//! The search bench (issue 12), `cargo xtask bench --only search`: our index against
//! Pagefind's on the same synthetic corpus (`press synth-search`: 5,000 articles of ~1,500
//! words over a Zipf vocabulary, 20,000 weekly resources, the road map; the same documents as
//! HTML pages for Pagefind).
//!
//! Measured natively, no browser: index size on disk, build time, and for five queries (a rare
//! word, a medium word, a word in nearly every document, two words, a 3-letter prefix) the
//! bytes a reader downloads before the first results can be shown. Ours: `press search-plan`
//! replays the app's steps (root, term shards or prefix file, any later blocks, the doc shards
//! of the top 10), each file counted raw and compressed as a CDN serves it (gzip -9, brotli
//! q11). Pagefind's: its own pagefind.js and wasm run in Node over its index with `fetch` served
//! from disk and logged (`bench/search-pagefind.mjs`): entry, meta, wasm, index chunks and the
//! fragments of the top 10; its files are stored gzip-compressed, so their bytes are what goes
//! over the wire. Keystroke-to-paint times are the browser's and are measured with the UI.

use std::fs;
use std::path::Path;
use std::time::Instant;

use serde_json::{json, Value};

use super::{measure, Sizes};
use crate::run::{check, cmd, root, work_dir, Result};

/// Results a query shows (and whose excerpts it loads), for both engines.
const LIMIT: usize = 10;

fn release_press(args: &[&str]) -> Result<Value> {
    let out = cmd("cargo")
        .args(["run", "--quiet", "--release", "-p", "sb-press", "--"])
        .args(args)
        .output()
        .map_err(|e| format!("press: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "press {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("press {args:?} output: {e}"))
}

/// Files and bytes under `dir`, and their gzip -9 total when `gzip` (slow on big folders).
fn folder(dir: &Path, gzip: bool) -> Result<(u64, u64, u64)> {
    let (mut files, mut raw, mut gz) = (0, 0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                files += 1;
                raw += bytes.len() as u64;
                if gzip {
                    let mut enc =
                        flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                    std::io::Write::write_all(&mut enc, &bytes).map_err(|e| e.to_string())?;
                    gz += enc.finish().map_err(|e| e.to_string())?.len() as u64;
                }
            }
        }
    }
    Ok((files, raw, gz))
}

fn ratio(ours: u64, theirs: u64) -> Value {
    if theirs == 0 {
        Value::Null
    } else {
        json!((ours as f64 / theirs as f64 * 1000.0).round() / 1000.0)
    }
}

fn kb(n: u64) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}

/// Our bytes for one replayed plan: every file, compressed one by one.
fn our_query(data: &Path, plan: &Value) -> Result<Value> {
    let mut files: Vec<String> = vec![plan["root"].as_str().unwrap_or_default().to_string()];
    let steps = plan["steps"].as_array().cloned().unwrap_or_default();
    for step in &steps {
        for f in step.as_array().into_iter().flatten() {
            files.push(f.as_str().unwrap_or_default().to_string());
        }
    }
    let mut total = Sizes::default();
    let mut root_sizes = Sizes::default();
    for (i, f) in files.iter().enumerate() {
        let bytes = fs::read(data.join(f)).map_err(|e| format!("{f}: {e}"))?;
        let s = measure(&bytes);
        if i == 0 {
            root_sizes = s;
        }
        total += s;
    }
    Ok(json!({
        "bytes": { "raw": total.raw, "gzip": total.gzip, "brotli": total.brotli },
        "root_bytes": { "raw": root_sizes.raw, "gzip": root_sizes.gzip, "brotli": root_sizes.brotli },
        "requests": files.len(),
        // The root, then each step's files fetched in parallel.
        "round_trips": 1 + steps.iter().filter(|s| s.as_array().is_some_and(|a| !a.is_empty())).count(),
        "results": plan["results"],
        "first": plan["first"],
        "files": files,
    }))
}

fn pagefind_query(html: &Path, query: &str) -> Result<Value> {
    let out = cmd("node")
        .arg("bench/search-pagefind.mjs")
        .arg(html)
        .arg(query)
        .arg(LIMIT.to_string())
        .output()
        .map_err(|e| format!("node: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "bench/search-pagefind.mjs failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let mut v: Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("bench/search-pagefind.mjs output: {e}"))?;
    // pagefind.js itself is loaded by a <script> before any fetch: count it, compressed.
    let js = fs::read(html.join("pagefind/pagefind.js")).map_err(|e| e.to_string())?;
    let js = measure(&js);
    let data = v["data_bytes"].as_u64().unwrap_or(0);
    v["pagefind_js_brotli"] = json!(js.brotli);
    v["bytes"] = json!(data + js.brotli);
    Ok(v)
}

/// The port of the nginx serving the site with the synthetic index and Pagefind's bundle.
const BROWSER_PORT: u16 = 8186;
/// Page loads per query and engine in the browser.
const BROWSER_RUNS: &str = "9";

/// Keystroke to results painted, and bytes from focusing the box to the first results, in
/// Chromium at 4x CPU slowdown: our header box against Pagefind's JS API over the same corpus,
/// both served by the same nginx from a copy of the bench site whose `data/search` is the
/// synthetic index and whose `pagefind/` is Pagefind's bundle (`bench/search-perf.mjs`).
fn browser_times(dist: &Path, dir: &Path, queries: &[(&str, String)]) -> Result<Value> {
    let site = dir.join("site");
    let _ = fs::remove_dir_all(&site);
    check(cmd("cp").arg("-a").arg(dist).arg(&site))?;
    let search = site.join("data/search");
    fs::remove_dir_all(&search).map_err(|e| format!("{}: {e}", search.display()))?;
    let link = |from: &Path, to: &Path| {
        std::os::unix::fs::symlink(from, to).map_err(|e| format!("{}: {e}", to.display()))
    };
    link(&dir.join("data/search"), &search)?;
    link(&dir.join("html/pagefind"), &site.join("pagefind"))?;
    let server = crate::nginx::start("bench-search", BROWSER_PORT, &site, "/")?;
    let list: Vec<Value> = queries
        .iter()
        .map(|(name, text)| json!({ "name": name, "text": text }))
        .collect();
    let list = serde_json::to_string(&list).expect("json");
    crate::run::node_json(
        "bench/search-perf.mjs",
        &server.url,
        &[
            ("BENCH_QUERIES", list.as_str()),
            ("BENCH_PAGEFIND", "pagefind/"),
            ("BENCH_RUNS", BROWSER_RUNS),
        ],
    )
}

/// Runs the search bench and returns its `results.json` entry; `dist` is the bench's site.
pub fn run(dist: &Path) -> Result<Value> {
    let dir = work_dir("search-bench");
    let data = dir.join("data");
    let html = dir.join("html");
    let _ = fs::remove_dir_all(&data);
    // Ours: the synthetic corpus, its index (timed inside press) and its HTML.
    let report = release_press(&[
        "synth-search",
        "--out",
        &data.display().to_string(),
        "--html",
        &html.display().to_string(),
    ])?;
    let ours_ms = report["build_ms"].as_u64().unwrap_or(0);
    let (our_files, our_raw, our_gzip) = folder(&data.join("search"), true)?;

    // Pagefind over the same documents as HTML.
    let started = Instant::now();
    check(
        cmd(&root()
            .join("node_modules/.bin/pagefind")
            .display()
            .to_string())
        .arg("--site")
        .arg(&html)
        .arg("--quiet"),
    )?;
    let pagefind_ms = started.elapsed().as_millis() as u64;
    let (pf_files, pf_bytes, _) = folder(&html.join("pagefind"), false)?;

    let q = &report["queries"];
    // `common_complete` is the common word followed by a space: complete, so not a prefix.
    let names = [
        "rare",
        "medium",
        "common",
        "common_complete",
        "two_words",
        "prefix3",
    ];
    let texts: Vec<String> = names
        .iter()
        .map(|n| match n.strip_suffix("_complete") {
            Some(base) => format!("{} ", q[base].as_str().unwrap_or_default()),
            None => q[*n].as_str().unwrap_or_default().to_string(),
        })
        .collect();
    let mut args = vec![
        "search-plan".to_string(),
        "--data".to_string(),
        data.display().to_string(),
        "--limit".to_string(),
        LIMIT.to_string(),
    ];
    args.extend(texts.iter().cloned());
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let plans = release_press(&arg_refs)?;

    println!(
        "search: {} docs; index {} files, {} raw, {} gzip (ours) vs {} files, {} (Pagefind, stored gzipped); build {} ms vs {} ms",
        report["docs"], our_files, kb(our_raw), kb(our_gzip), pf_files, kb(pf_bytes), ours_ms, pagefind_ms
    );
    println!(
        "{:<10} {:<28} {:>12} {:>12} {:>8}  {:>12} {:>8}",
        "query", "text", "ours brotli", "ours raw", "trips", "Pagefind", "ratio"
    );
    let mut queries = serde_json::Map::new();
    for (i, name) in names.iter().enumerate() {
        let ours = our_query(&data, &plans[i])?;
        let theirs = pagefind_query(&html, &texts[i])?;
        let ob = ours["bytes"]["brotli"].as_u64().unwrap_or(0);
        let tb = theirs["bytes"].as_u64().unwrap_or(0);
        println!(
            "{:<10} {:<28} {:>12} {:>12} {:>8}  {:>12} {:>8}",
            name,
            texts[i],
            kb(ob),
            kb(ours["bytes"]["raw"].as_u64().unwrap_or(0)),
            ours["round_trips"],
            kb(tb),
            ratio(ob, tb)
        );
        let df: Vec<Value> = texts[i]
            .split_whitespace()
            .map(|w| q["df"].get(w).cloned().unwrap_or(Value::Null))
            .collect();
        queries.insert(
            name.to_string(),
            json!({
                "query": texts[i],
                "df": df,
                "ours": ours,
                "pagefind": theirs,
                "ratio_bytes": ratio(ob, tb),
                "goal_bytes": 100 * 1024,
            }),
        );
    }
    let browser_queries: Vec<(&str, String)> =
        names.iter().copied().zip(texts.iter().cloned()).collect();
    let browser = match browser_times(dist, &dir, &browser_queries) {
        Ok(v) => {
            println!(
                "{:<16} {:>9} {:>11} {:>7} {:>9} {:>11} {:>7} {:>11} {:>14}  (Chromium, 4x CPU; medians; warm: files already fetched)",
                "in the browser", "ours ms", "Pagefind ms", "ratio", "warm ms", "Pagefind", "ratio", "ours bytes", "Pagefind bytes"
            );
            for (name, _) in &browser_queries {
                let q = &v["queries"][name];
                println!(
                    "{:<16} {:>9} {:>11} {:>7} {:>9} {:>11} {:>7} {:>11} {:>14}",
                    name,
                    q["ours"]["ms_median"],
                    q["pagefind"]["ms_median"],
                    q["ms_ratio"],
                    q["ours"]["warm_ms_median"],
                    q["pagefind"]["warm_ms_median"],
                    q["warm_ms_ratio"],
                    kb(q["ours"]["bytes_median"].as_f64().unwrap_or(0.0) as u64),
                    kb(q["pagefind"]["bytes_median"].as_f64().unwrap_or(0.0) as u64),
                );
            }
            v
        }
        Err(e) => {
            println!("search in the browser: failed: {e}");
            json!({ "error": e })
        }
    };
    Ok(json!({
        "browser": browser,
        "goal_ms": 50,
        "corpus": {
            "articles": report["articles"],
            "weekly_resources": report["weekly_resources"],
            "roadmap_resources": report["roadmap_resources"],
            "docs": report["docs"],
            "html_pages": report["html_pages"],
        },
        "index_size": {
            "ours": { "files": our_files, "raw": our_raw, "gzip": our_gzip },
            "pagefind": { "files": pf_files, "bytes": pf_bytes },
            "ratio_gzip": ratio(our_gzip, pf_bytes),
        },
        "build_ms": {
            "ours": ours_ms,
            "pagefind": pagefind_ms,
            "ratio": ratio(ours_ms, pagefind_ms),
        },
        "limit": LIMIT,
        "queries": queries,
        "notes": "bytes before first results: ours = root + term shards/prefix file + later blocks + doc shards of the top 10, each brotli q11 (the search wasm chunk not included: it comes with the UI); Pagefind = pagefind.js (brotli) + entry + meta + wasm + index chunks + fragments of the top 10 as stored (gzip). Build: ours = indexing the documents in memory and writing the files (release press); Pagefind = its CLI over the HTML pages. Keystroke-to-paint times are measured in the browser with the UI.",
    }))
}
