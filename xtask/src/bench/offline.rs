//! Repeat visits with a warm service worker (issue 14), `cargo xtask bench --only offline`.
//!
//! The newest article (as `text_first` picks it) in the app and a plain HTML copy of it (no
//! scripts, so no worker), served by the bench's nginx (brotli when Debian's modules are there)
//! with an access log; in Chromium at 4× CPU on slow 4G, fresh context per run with its HTTP
//! cache on, a first visit then a repeat visit in a new tab (`bench/repeat-visit.mjs`). Times:
//! until the text is visible on each visit. Bytes: what nginx itself sent (`$bytes_sent`, headers
//! included) between the marks the script takes around each visit, so the worker's own fetches
//! (precache, revalidations) count as well as the page's. The HTML document (the page URL's
//! lines) is reported apart from everything else.

use std::fs;
use std::path::Path;

use serde_json::{json, Value};

use super::{bench_config, kb, precompress, text_first_pages, yes_no, Scratch, BROTLI_MODULES};
use crate::nginx;
use crate::run::{node_json, work_dir, Result};

/// The port of this step's nginx, apart from the other steps' servers.
const PORT: u16 = 8187;
/// The name `nginx::start_with` runs this step's server under (`target/xtask/nginx-<name>`).
const SERVER: &str = "bench-offline";
/// The plain HTML copy of the article, written at the top of the bench build.
const STATIC_COPY: &str = "bench-offline-static.html";
/// Goal: the app's repeat visit over the copy's repeat visit (text visible).
const RATIO_GOAL: f64 = 1.0;
/// Goal: bytes of a repeat visit beyond the HTML document's revalidation.
const BEYOND_HTML_GOAL_BYTES: u64 = 2048;
/// The access log's format: one request a line.
const LOG_FORMAT: &str = "'$request_uri $status $bytes_sent $http_sec_fetch_dest'";

/// One line of the access log.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Logged {
    uri: String,
    status: u16,
    bytes: u64,
    /// `Sec-Fetch-Dest` (`document`, `script`, `empty`, `serviceworker`…), `-` when absent.
    dest: String,
}

/// The bench config with an access log to `log` in [`LOG_FORMAT`] instead of none.
fn with_access_log(conf: &str, log: &Path) -> Result<String> {
    let off = "    access_log off;\n";
    if !conf.contains(off) {
        return Err("hosting/nginx.conf: no `access_log off;` line to replace".into());
    }
    Ok(conf.replacen(
        off,
        &format!(
            "    log_format sb_bench {LOG_FORMAT};\n    access_log {} sb_bench;\n",
            log.display()
        ),
        1,
    ))
}

/// The requests logged in `text` (lines that do not parse are skipped).
fn parse_log(text: &str) -> Vec<Logged> {
    text.lines()
        .filter_map(|line| {
            let mut f = line.split(' ');
            let uri = f.next()?.to_string();
            let status = f.next()?.parse().ok()?;
            let bytes = f.next()?.parse().ok()?;
            let dest = f.next().unwrap_or("-").to_string();
            Some(Logged {
                uri,
                status,
                bytes,
                dest,
            })
        })
        .collect()
}

/// The requests logged between byte offsets `[from, to)` of the log.
fn window(log: &[u8], range: &Value) -> Vec<Logged> {
    let at = |i: usize| range[i].as_u64().map_or(0, |n| (n as usize).min(log.len()));
    let (from, to) = (at(0), at(1));
    parse_log(&String::from_utf8_lossy(&log[from..to.max(from)]))
}

/// Bytes of the page's own lines (its path, any query) and of everything else.
fn split_document(requests: &[Logged], page: &str) -> (u64, u64) {
    requests.iter().fold((0, 0), |(doc, other), r| {
        if r.uri.split('?').next() == Some(page) {
            (doc + r.bytes, other)
        } else {
            (doc, other + r.bytes)
        }
    })
}

/// The emulated round trip (slow 4G).
const RTT_MS: u64 = 150;

/// Runs whose repeat visit's document response started sooner than one round trip: its request
/// never paid the emulated latency (the worker's fetch was not throttled, or nothing was fetched).
fn without_rtt(runs: &Value, rtt: u64) -> usize {
    runs.as_array()
        .into_iter()
        .flatten()
        .filter(|r| {
            r["repeat_response_start_ms"]
                .as_i64()
                .is_some_and(|ms| ms >= 0 && (ms as u64) < rtt)
        })
        .count()
}

fn median(xs: &[u64]) -> f64 {
    let mut s = xs.to_vec();
    s.sort_unstable();
    match s.len() {
        0 => 0.0,
        n if n % 2 == 1 => s[n / 2] as f64,
        n => (s[n / 2 - 1] + s[n / 2]) as f64 / 2.0,
    }
}

fn ratio(a: f64, b: f64) -> Value {
    if b == 0.0 {
        Value::Null
    } else {
        json!((a / b * 100.0).round() / 100.0)
    }
}

fn listed(requests: &[Logged]) -> Value {
    requests
        .iter()
        .map(|r| json!({ "uri": r.uri, "status": r.status, "bytes": r.bytes, "dest": r.dest }))
        .collect()
}

/// Adds the bytes of each run (from the log) and their medians to one side's summary.
fn count_bytes(side: &mut Value, log: &[u8], page: &str) {
    let runs = side["runs"].as_array().cloned().unwrap_or_default();
    let (mut first, mut html, mut beyond, mut requests) = (vec![], vec![], vec![], vec![]);
    let mut counted = Vec::new();
    for (i, r) in runs.iter().enumerate() {
        let first_visit = window(log, &r["first_log"]);
        let repeat = window(log, &r["repeat_log"]);
        let (doc, other) = split_document(&repeat, page);
        first.push(first_visit.iter().map(|r| r.bytes).sum());
        html.push(doc);
        beyond.push(other);
        requests.push(repeat.len() as u64);
        let mut run = r.clone();
        run["first_visit_bytes"] = json!(first[i]);
        run["first_visit_requests"] = json!(first_visit.len());
        run["repeat_html_bytes"] = json!(doc);
        run["repeat_beyond_html_bytes"] = json!(other);
        run["repeat_requests"] = json!(repeat.len());
        if i == 0 {
            run["first_visit_requested"] = listed(&first_visit);
            run["repeat_requested"] = listed(&repeat);
        }
        counted.push(run);
    }
    side["first_visit_bytes_median"] = json!(median(&first));
    side["repeat_html_bytes_median"] = json!(median(&html));
    side["repeat_beyond_html_bytes_median"] = json!(median(&beyond));
    side["repeat_beyond_html_bytes_max"] = json!(beyond.iter().max());
    side["repeat_requests_median"] = json!(median(&requests));
    side["runs"] = counted.into();
}

/// The step: serves the bench build with an access log, runs `bench/repeat-visit.mjs`, counts
/// the bytes of each visit from the log. A failure is recorded as `{"error": …}` and returned.
pub fn run(dist: &Path) -> Result<(Value, Vec<String>)> {
    match measure(dist) {
        Ok(v) => {
            for line in table(&v) {
                println!("{line}");
            }
            Ok((v, Vec::new()))
        }
        Err(e) => {
            println!("offline: failed: {e}");
            Ok((json!({ "error": e }), vec![format!("offline: {e}")]))
        }
    }
}

fn measure(dist: &Path) -> Result<Value> {
    let brotli = BROTLI_MODULES.iter().all(|m| Path::new(m).exists());
    if !dist.join("sw.js").exists() {
        return Err(format!(
            "{} has no sw.js: the build has no service worker",
            dist.display()
        ));
    }
    let article = text_first_pages(dist)?
        .into_iter()
        .find(|(name, _)| *name == "article")
        .map(|(_, path)| path)
        .ok_or("no article page")?;
    let mut scratch = Scratch(vec![
        dist.join(STATIC_COPY),
        dist.join(format!("{STATIC_COPY}.br")),
    ]);
    if brotli {
        precompress(dist, &mut scratch.0)?;
    }
    let log = work_dir(&format!("nginx-{SERVER}")).join("access.log");
    let _ = fs::remove_file(&log);
    let server = nginx::start_with(SERVER, PORT, dist, "/", |c| {
        with_access_log(&bench_config(&c, brotli)?, &log)
    })?;
    let mut value = node_json(
        "bench/repeat-visit.mjs",
        &server.url,
        &[
            ("BENCH_DIST", &dist.display().to_string()),
            ("BENCH_ARTICLE", &article),
            ("BENCH_STATIC", STATIC_COPY),
            ("BENCH_LOG", &log.display().to_string()),
        ],
    )?;
    drop(server);
    drop(scratch);
    let bytes = fs::read(&log).map_err(|e| format!("{}: {e}", log.display()))?;
    count_bytes(&mut value["app"], &bytes, &format!("/{article}"));
    count_bytes(&mut value["static"], &bytes, &format!("/{STATIC_COPY}"));
    let ms = |side: &str, key: &str| value[side][key].as_f64().unwrap_or(f64::NAN);
    let (app_first, app_repeat, static_repeat) = (
        ms("app", "first_text_ms_median"),
        ms("app", "repeat_text_ms_median"),
        ms("static", "repeat_text_ms_median"),
    );
    value["served_encoding"] = json!(if brotli { "br" } else { "gzip" });
    value["http_cache"] = json!("enabled");
    value["goal_app_repeat_over_static_repeat"] = json!(RATIO_GOAL);
    value["goal_repeat_beyond_html_bytes"] = json!(BEYOND_HTML_GOAL_BYTES);
    value["app_repeat_over_static_repeat"] = ratio(app_repeat, static_repeat);
    value["app_repeat_over_app_first"] = ratio(app_repeat, app_first);
    value["app_repeat_requested_first_run"] = value["app"]["runs"][0]["repeat_requested"].clone();
    value["app_repeat_runs_without_rtt"] = json!(without_rtt(&value["app"]["runs"], RTT_MS));
    Ok(value)
}

/// The printed table.
fn table(v: &Value) -> Vec<String> {
    let row = |what: &str, app: &str, copy: &str, note: &str| {
        format!("{what:<36} {app:>14} {copy:>14}  {note}")
    };
    let ms = |side: &str, key: &str| format!("{} ms", v[side][key]);
    let bytes = |side: &str, key: &str| kb(v[side][key].as_f64().unwrap_or(0.0) as u64);
    let bytes_b = |side: &str, key: &str| format!("{} B", v[side][key].as_f64().unwrap_or(0.0));
    let over_static = v["app_repeat_over_static_repeat"]
        .as_f64()
        .unwrap_or(f64::INFINITY);
    let beyond = v["app"]["repeat_beyond_html_bytes_median"]
        .as_f64()
        .unwrap_or(f64::INFINITY);
    let mut lines = vec![
        format!(
            "offline (issue 14): {} and its plain copy, served with {}; first visit, then a repeat visit in a new tab (same context, HTTP cache on); medians of {}, 4× CPU, slow 4G",
            v["article"].as_str().unwrap_or("?"),
            v["served_encoding"].as_str().unwrap_or("?"),
            v["runs"]
        ),
        row("", "app", "plain copy", ""),
        row(
            "text visible, first visit",
            &ms("app", "first_text_ms_median"),
            &ms("static", "first_text_ms_median"),
            "",
        ),
        row(
            "text visible, repeat visit",
            &ms("app", "repeat_text_ms_median"),
            &ms("static", "repeat_text_ms_median"),
            &format!(
                "app/copy {over_static}×, goal ≤ {RATIO_GOAL}×: {}; app repeat/first {}×",
                yes_no(over_static <= RATIO_GOAL),
                v["app_repeat_over_app_first"]
            ),
        ),
        row(
            "bytes sent, first visit",
            &bytes("app", "first_visit_bytes_median"),
            &bytes("static", "first_visit_bytes_median"),
            "app: with the worker's precache",
        ),
        row(
            "bytes sent, repeat: HTML document",
            &bytes_b("app", "repeat_html_bytes_median"),
            &bytes_b("static", "repeat_html_bytes_median"),
            "",
        ),
        row(
            "bytes sent, repeat: beyond the HTML",
            &bytes_b("app", "repeat_beyond_html_bytes_median"),
            &bytes_b("static", "repeat_beyond_html_bytes_median"),
            &format!(
                "goal for the app ≤ {BEYOND_HTML_GOAL_BYTES} B: {}",
                yes_no(beyond <= BEYOND_HTML_GOAL_BYTES as f64)
            ),
        ),
    ];
    lines.push("app's repeat visit, first run (uri status bytes sec-fetch-dest):".into());
    for r in v["app_repeat_requested_first_run"]
        .as_array()
        .into_iter()
        .flatten()
    {
        lines.push(format!(
            "  {} {} {} {}",
            r["uri"].as_str().unwrap_or_default(),
            r["status"],
            r["bytes"],
            r["dest"].as_str().unwrap_or_default()
        ));
    }
    let fast = v["app_repeat_runs_without_rtt"].as_u64().unwrap_or(0);
    if fast > 0 {
        lines.push(format!(
            "note: in {fast} of {} app runs the repeat visit's document answered in under one round trip ({RTT_MS} ms): the worker's fetch was not throttled there (repeat_response_start_ms per run)",
            v["runs"]
        ));
    }
    let w = &v["workers"];
    if w["throttled"] != w["seen"] {
        lines.push(format!("service workers throttled: {w}"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "/articles/a 200 5120 document\n\
        /sb-site-0123456789abcdef_bg.wasm 200 90000 -\n\
        /sw.js 200 4000 serviceworker\n\
        broken line\n\
        /articles/a?x=1 304 712 document\n\
        /data/site.json 304 650 empty\n";

    #[test]
    fn access_log_lines_are_parsed_and_split() {
        let all = parse_log(LOG);
        assert_eq!(all.len(), 5, "the broken line is skipped");
        assert_eq!(
            all[2],
            Logged {
                uri: "/sw.js".into(),
                status: 200,
                bytes: 4000,
                dest: "serviceworker".into()
            }
        );
        assert_eq!(parse_log("/a 200 10")[0].dest, "-");
        assert_eq!(
            split_document(&all, "/articles/a"),
            (5120 + 712, 90000 + 4000 + 650)
        );
    }

    #[test]
    fn windows_are_byte_ranges_of_the_log() {
        let log = LOG.as_bytes();
        let second = LOG.find("/sb-site").unwrap() as u64;
        let third = LOG.find("/sw.js").unwrap() as u64;
        let w = window(log, &json!([second, third]));
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].bytes, 90000);
        assert_eq!(window(log, &json!([0, 1_000_000])).len(), 5);
        assert!(window(log, &json!([third, second])).is_empty());
        assert!(window(log, &Value::Null).is_empty());
    }

    #[test]
    fn bytes_are_counted_per_run_with_medians() {
        let log = LOG.as_bytes();
        let end = log.len() as u64;
        let repeat_from = LOG.find("/articles/a?x").unwrap() as u64;
        let mut side = json!({ "runs": [
            { "first_log": [0, repeat_from], "repeat_log": [repeat_from, end] },
            { "first_log": [0, 0], "repeat_log": [end, end] },
        ] });
        count_bytes(&mut side, log, "/articles/a");
        assert_eq!(side["runs"][0]["first_visit_bytes"], 5120 + 90000 + 4000);
        assert_eq!(side["runs"][0]["repeat_html_bytes"], 712);
        assert_eq!(side["runs"][0]["repeat_beyond_html_bytes"], 650);
        assert_eq!(
            side["runs"][0]["repeat_requested"][1]["uri"],
            "/data/site.json"
        );
        assert!(side["runs"][1].get("repeat_requested").is_none());
        assert_eq!(side["repeat_html_bytes_median"], 356.0);
        assert_eq!(side["repeat_beyond_html_bytes_max"], 650);
    }

    #[test]
    fn the_log_replaces_access_log_off() {
        let conf = "http {\n    access_log off;\n    gzip on;\n}\n";
        let out = with_access_log(conf, Path::new("/run/access.log")).unwrap();
        assert!(out.contains(
            "    log_format sb_bench '$request_uri $status $bytes_sent $http_sec_fetch_dest';\n    access_log /run/access.log sb_bench;\n"
        ));
        assert!(!out.contains("access_log off"));
        assert!(with_access_log("http {}", Path::new("/x")).is_err());
        // The template every test renders has the line.
        let template = fs::read_to_string(crate::run::root().join("hosting/nginx.conf")).unwrap();
        assert!(with_access_log(&template, Path::new("/x")).is_ok());
    }

    #[test]
    fn runs_that_skipped_the_round_trip() {
        let runs = json!([
            { "repeat_response_start_ms": 15 },
            { "repeat_response_start_ms": 170 },
            { "repeat_response_start_ms": -1 },
            {},
        ]);
        assert_eq!(without_rtt(&runs, 150), 1);
        assert_eq!(without_rtt(&Value::Null, 150), 0);
    }

    #[test]
    fn medians_and_ratios() {
        assert_eq!(median(&[3, 1, 2]), 2.0);
        assert_eq!(median(&[4, 1, 2, 3]), 2.5);
        assert_eq!(median(&[]), 0.0);
        assert_eq!(ratio(1.0, 3.0), json!(0.33));
        assert_eq!(ratio(1.0, 0.0), Value::Null);
    }
}
