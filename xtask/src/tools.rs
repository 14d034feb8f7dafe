//! `cargo xtask setup`: installs whatever the build and the tests need, each step skipped when
//! its tool is already there at the right version. Versions are pinned here and in Trunk.toml.

use crate::run::{check, cmd, output, root, Result};

pub const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the `wasm-bindgen` crate pinned in Cargo.toml (`=0.2.130`).
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
/// `wasm_split_cli_support`, whose `wasm-split-cli` splits the app (see xtask/src/split.rs).
pub const WASM_SPLIT_VERSION: &str = "0.2.4";
const APT_PACKAGES: [(&str, &str); 5] = [
    ("chromium", "/usr/bin/chromium"),
    ("nginx", "/usr/sbin/nginx"),
    // Brotli for the bench's nginx only (`cargo xtask bench` loads them; hosting/nginx.conf
    // does not): first-load transfer is measured the way a CDN serves it.
    (
        "libnginx-mod-http-brotli-filter",
        "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so",
    ),
    (
        "libnginx-mod-http-brotli-static",
        "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
    ),
    (
        "fonts-noto-color-emoji",
        "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
    ),
];

pub fn setup() -> Result {
    wasm_target()?;
    cargo_tool("trunk", "trunk", TRUNK_VERSION, &["--locked"])?;
    // Without --locked: its lock file names a crate version the registry here does not serve.
    cargo_tool(
        "wasm-bindgen",
        "wasm-bindgen-cli",
        WASM_BINDGEN_VERSION,
        &[],
    )?;
    // The wasm splitter (`cargo xtask build`, xtask/src/split.rs); it prints no version.
    if !cmd("wasm-split-cli")
        .arg("--help")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        eprintln!("setup: installing wasm-split-cli {WASM_SPLIT_VERSION}");
        check(cmd("cargo").args([
            "install",
            "--locked",
            "wasm_split_cli_support",
            "--version",
            WASM_SPLIT_VERSION,
            "--features",
            "build-binary",
        ]))?;
    }
    apt()?;
    npm()?;
    // trunk runs cargo offline: make sure every crate is downloaded.
    check(cmd("cargo").args(["fetch", "--quiet"]))
}

fn wasm_target() -> Result {
    let installed =
        output(cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    eprintln!("setup: adding the wasm32-unknown-unknown target");
    check(cmd("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn cargo_tool(bin: &str, krate: &str, version: &str, extra: &[&str]) -> Result {
    let have = output(cmd(bin).arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(version) {
        return Ok(());
    }
    eprintln!("setup: installing {krate} {version} (this compiles it; several minutes on a fresh machine)");
    check(
        cmd("cargo")
            .args(["install", krate, "--version", version, "--force"])
            .args(extra),
    )
}

fn apt() -> Result {
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .filter(|(_, path)| !std::path::Path::new(path).exists())
        .map(|(p, _)| *p)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("setup: installing {} from Debian", missing.join(", "));
    check(cmd("apt-get").args(["update", "-qq"]))?;
    check(
        cmd("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// `npm ci` when node_modules is missing or older than the lock file.
fn npm() -> Result {
    let lock = root().join("package-lock.json");
    let marker = root().join("node_modules/.package-lock.json");
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = matches!((modified(&lock), modified(&marker)), (Some(l), Some(m)) if m >= l);
    if fresh {
        return Ok(());
    }
    eprintln!("setup: installing npm packages (Playwright, axe, wasm-opt, terser, Lighthouse)");
    check(cmd("npm").args(["ci", "--no-audit", "--no-fund"]))
}
