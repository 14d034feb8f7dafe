//! `cargo xtask test`: every test of the project, native and in a real browser.
//!
//! 1. `cargo test` for the model, press and xtask crates;
//! 2. the release site built twice, for `/` and for the sub-path `/newsletter/`, each served by
//!    nginx with `hosting/nginx.conf`;
//! 3. the Playwright suite (Debian's Chromium) against both.
//!
//! It ends with one line, `total: N passed, N failed`, counting both kinds.

use std::fs;
use std::path::{Path, PathBuf};

use crate::run::{cmd, press, root, work_dir, Result};
use crate::site;
use crate::{deploys, nginx};

const ROOT_PORT: u16 = 8181;
const SUB_PORT: u16 = 8182;
/// A second origin for pages that embed the site's widgets.
const HOST_PORT: u16 = 8184;
/// The site imported from the fixture Substack export (`tests/e2e/import.spec.ts`).
const IMPORT_PORT: u16 = 8185;
/// The deploy servers of the update test (`crate::deploys`), at the root and under the sub-path.
const DEPLOY_PORT: u16 = 8188;
const DEPLOY_SUB_PORT: u16 = 8189;
pub const SUB_BASE: &str = "/newsletter/";

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
}

/// Adds up cargo's `test result: … N passed; M failed` lines.
pub fn count_cargo(output: &str) -> Counts {
    let mut c = Counts::default();
    for line in output.lines().filter(|l| l.starts_with("test result:")) {
        let num_before = |word: &str| {
            line.split([';', '.'])
                .find_map(|part| {
                    part.trim()
                        .strip_suffix(word)
                        .and_then(|n| n.trim().parse::<u64>().ok())
                })
                .unwrap_or(0)
        };
        c.passed += num_before("passed");
        c.failed += num_before("failed");
    }
    c
}

/// Reads Playwright's JSON report stats.
pub fn count_playwright(report: &str) -> Result<Counts> {
    let json: serde_json::Value =
        serde_json::from_str(report).map_err(|e| format!("playwright report: {e}"))?;
    let stat = |k: &str| json["stats"][k].as_u64().unwrap_or(0);
    Ok(Counts {
        passed: stat("expected") + stat("flaky"),
        failed: stat("unexpected"),
    })
}

fn native() -> Result<Counts> {
    let out = cmd("cargo")
        .args(["test", "-p", "sb-model", "-p", "sb-press", "-p", "xtask"])
        .output()
        .map_err(|e| format!("cargo test: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    print!("{stdout}");
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    let counts = count_cargo(&stdout);
    if !out.status.success() && counts.failed == 0 {
        return Err("cargo test did not build or run".into());
    }
    Ok(counts)
}

/// Builds both sites, serves them and runs Playwright with `extra` arguments (a spec file, `-g`).
fn browser(extra: &[String]) -> Result<Counts> {
    let root_dist = work_dir("dist-root");
    site::build("/", &root_dist, site::Fallback::Demo)?;
    let sub_root = work_dir("dist-sub");
    site::build(
        SUB_BASE,
        &sub_root.join(SUB_BASE.trim_matches('/')),
        site::Fallback::Demo,
    )?;
    let main_site = nginx::start("test-root", ROOT_PORT, &root_dist, "/")?;
    let sub_site = nginx::start("test-sub", SUB_PORT, &sub_root, SUB_BASE)?;
    let host_site = host_pages(&main_site.url)?;
    let import_dist = imported_site(&root_dist)?;
    let import_site = nginx::start("test-import", IMPORT_PORT, &import_dist, "/")?;
    let deploy = deploys::start("test-deploy", DEPLOY_PORT, &root_dist, "/")?;
    let deploy_sub = deploys::start(
        "test-deploy-sub",
        DEPLOY_SUB_PORT,
        &sub_root.join(SUB_BASE.trim_matches('/')),
        SUB_BASE,
    )?;
    // An article of XSS payloads, pressed for real, that a browser test serves in place of one.
    let xss_data = work_dir("xss-data");
    press(
        &[
            "build",
            "--content",
            "crates/press/tests/fixtures/xss",
            "--out",
        ],
        &xss_data,
    )?;

    let report = work_dir("playwright").join("results.json");
    let _ = fs::remove_file(&report);
    let status = cmd("npx")
        .args(["playwright", "test"])
        .args(extra)
        .env("SITE_URL", &main_site.url)
        .env("SUB_SITE_URL", &sub_site.url)
        .env("HOST_URL", &host_site.url)
        .env("HOST_DIR", work_dir("host"))
        .env("XSS_DATA", &xss_data)
        .env("DIST_DIR", &root_dist)
        .env("IMPORT_SITE_URL", &import_site.url)
        .env("IMPORT_DIST_DIR", &import_dist)
        .envs(deploy_env("DEPLOY", &deploy))
        .envs(deploy_env("DEPLOY_SUB", &deploy_sub))
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &report)
        .status()
        .map_err(|e| format!("npx playwright: {e}"))?;
    let text =
        fs::read_to_string(&report).map_err(|e| format!("no Playwright report ({status}): {e}"))?;
    let counts = count_playwright(&text)?;
    if !status.success() && counts.failed == 0 {
        return Err(format!(
            "playwright exited with {status} without failing tests"
        ));
    }
    Ok(counts)
}

/// The environment that tells the update test where a deploy server is and what it may serve.
fn deploy_env(prefix: &str, d: &deploys::Deploys) -> Vec<(String, String)> {
    let path = |p: &Path| p.display().to_string();
    vec![
        (format!("{prefix}_URL"), d.server.url.clone()),
        (format!("{prefix}_LINK"), path(&d.link)),
        (format!("{prefix}_V1"), path(&d.first)),
        (format!("{prefix}_V2"), path(&d.second)),
    ]
}

/// The fixture Substack export (`crates/press/tests/fixtures/substack`) imported into a copy of
/// the minimal fixture site, pressed with the demo keys and served with the app of the root
/// build (the app is the same whatever the content: only `data/` and the pages differ).
fn imported_site(app: &Path) -> Result<PathBuf> {
    let content = work_dir("import-content");
    fs::remove_dir_all(&content).map_err(|e| format!("{}: {e}", content.display()))?;
    copy_dir(
        &root().join("crates/press/tests/fixtures/minimal"),
        &content,
    )?;
    let site_toml = content.join("site.toml");
    let text = fs::read_to_string(&site_toml).map_err(|e| e.to_string())?;
    fs::write(
        &site_toml,
        format!("{text}\n[[tiers]]\nid = \"paid\"\nname = \"paid subscribers\"\n"),
    )
    .map_err(|e| e.to_string())?;
    press(
        &[
            "import",
            "substack",
            "crates/press/tests/fixtures/substack",
            "--founding-tier",
            "paid",
            "--weekly-title",
            "^Week of",
            "--into",
        ],
        &content,
    )?;
    let dist = work_dir("dist-import");
    fs::remove_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    // The app's files (the top-level ones); the pages and data are the imported site's.
    for entry in fs::read_dir(app).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() {
            fs::copy(&path, dist.join(path.file_name().expect("a file")))
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    press_into(&content, &dist)?;
    Ok(dist)
}

/// Presses `content` (sealed with the demo keys) into `dist`, which already holds the app's
/// files: its data folder, then its pages. The app is the same whatever the content.
pub fn press_into(content: &Path, dist: &Path) -> Result {
    let keyring = root().join(site::DEMO_KEYRING).display().to_string();
    let content_arg = content.display().to_string();
    press(
        &[
            "build",
            "--demo-keyring",
            "--keyring",
            &keyring,
            "--content",
            &content_arg,
            "--out",
        ],
        &dist.join("data"),
    )?;
    let _ = fs::remove_file(dist.join("data/.press-output"));
    press(&["pages", "--content", &content_arg, "--dist"], dist)
}

pub fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in fs::read_dir(from).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// A plain static server on another port, standing in for a site that embeds the widgets.
struct HostServer {
    child: std::process::Child,
    url: String,
}

impl Drop for HostServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Writes the host pages of `tests/e2e/host` with the site's URL filled in, and serves them.
fn host_pages(site_url: &str) -> Result<HostServer> {
    let dir = work_dir("host");
    for entry in fs::read_dir(root().join("tests/e2e/host")).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let text = fs::read_to_string(&path).map_err(|e| e.to_string())?;
        fs::write(
            dir.join(path.file_name().expect("a file")),
            text.replace("{{SITE}}", site_url),
        )
        .map_err(|e| e.to_string())?;
    }
    let child = std::process::Command::new("python3")
        .args([
            "-m",
            "http.server",
            &HOST_PORT.to_string(),
            "--bind",
            "127.0.0.1",
            "--directory",
        ])
        .arg(&dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("python3 http.server: {e}"))?;
    let server = HostServer {
        child,
        url: format!("http://127.0.0.1:{HOST_PORT}/"),
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", HOST_PORT)).is_err() {
        if std::time::Instant::now() > deadline {
            return Err(format!(
                "the host page server did not start on port {HOST_PORT}"
            ));
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Ok(server)
}

/// Every test; `--browser-only` skips the native ones, and arguments after `--` go to Playwright
/// (for working on one spec: `cargo xtask test --browser-only -- tests/e2e/embed.spec.ts`).
pub fn run_all(args: &[String]) -> Result {
    let (own, extra) = match args.iter().position(|a| a == "--") {
        Some(i) => (&args[..i], &args[i + 1..]),
        None => (args, &[][..]),
    };
    let native = if own.iter().any(|a| a == "--browser-only") {
        Counts::default()
    } else {
        native()?
    };
    println!("native: {} passed, {} failed", native.passed, native.failed);
    let browser = browser(extra)?;
    println!(
        "browser: {} passed, {} failed",
        browser.passed, browser.failed
    );
    let total = Counts {
        passed: native.passed + browser.passed,
        failed: native.failed + browser.failed,
    };
    println!("total: {} passed, {} failed", total.passed, total.failed);
    if total.failed > 0 {
        Err(format!("{} test(s) failed", total.failed))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cargo_results() {
        let out = "test result: ok. 21 passed; 0 failed; 0 ignored\nfoo\ntest result: FAILED. 3 passed; 2 failed; 1 ignored";
        assert_eq!(
            count_cargo(out),
            Counts {
                passed: 24,
                failed: 2
            }
        );
    }

    #[test]
    fn counts_playwright_stats() {
        let json = r#"{"stats":{"expected":10,"unexpected":1,"flaky":2,"skipped":0}}"#;
        assert_eq!(
            count_playwright(json).unwrap(),
            Counts {
                passed: 12,
                failed: 1
            }
        );
    }
}
