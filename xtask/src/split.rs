//! The app's wasm, split into lazily loaded chunks (issue 11): trunk 0.21 cannot run a step
//! between cargo and wasm-bindgen, so `cargo xtask build` does the rust part itself and trunk
//! only the CSS, icons and copies (index.html has no `rel="rust"` link any more).
//!
//! 1. `cargo build --release --target wasm32-unknown-unknown` with `-Clink-args=--emit-relocs`
//!    (wasm-split needs the relocations and the symbol names; the release profile strips none);
//! 2. `wasm-split-cli`: the main module, one chunk per `#[lazy]` / `#[lazy_route]` split point,
//!    shared chunks for code several of them use, and `__wasm_split.js`, which loads them;
//! 3. `wasm-bindgen --target web --keep-lld-exports` on the main module only;
//! 4. `wasm-opt -Oz` on every module, with the features rustc 1.95 emits;
//! 5. content-hashed names for every file, the references between them rewritten, the two JS
//!    modules minified (terser), and the boot script put into `index.html` (it starts the app
//!    once the pre-rendered page has loaded).
//!
//! An unsplit build of this app fails at run time (the split points import from a placeholder
//! module), so every build and every test uses this one.

use std::fs;
use std::path::{Path, PathBuf};

use crate::run::{check, cmd, root, Result};
use crate::site::{fnv1a, fnv1a_continue, FNV1A_START};

/// The features rustc 1.95 emits by default: wasm-opt must be told.
const WASM_OPT_FEATURES: [&str; 7] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

const NAME: &str = "sb-site";

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root().join(p) })
        .unwrap_or_else(|| root().join("target"))
}

fn err(p: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{}: {e}", p.display())
}

/// Builds, splits, binds and optimizes the app into `out` (trunk's dist, its `index.html`
/// already written) with base path `base`, and links it from `index.html`.
pub fn build_app(out: &Path, base: &str) -> Result {
    // `--config` adds to the target's rustflags in .cargo/config.toml (RUSTFLAGS would replace
    // them): wasm-split reads the relocations.
    check(cmd("cargo").args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        NAME,
        "--bin",
        NAME,
        "--config",
        "target.wasm32-unknown-unknown.rustflags=[\"-Clink-args=--emit-relocs\"]",
    ]))?;
    let input = target_dir().join("wasm32-unknown-unknown/release/sb-site.wasm");
    let stage = crate::run::work_dir("split");
    let _ = fs::remove_dir_all(&stage);
    let (split, bound) = (stage.join("split"), stage.join("bound"));
    fs::create_dir_all(&split).map_err(err(&split))?;
    fs::create_dir_all(&bound).map_err(err(&bound))?;
    check(
        cmd("wasm-split-cli")
            .args(["--out-name", NAME])
            .arg(&input)
            .arg(&split),
    )?;
    check(
        cmd("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--keep-lld-exports",
                "--no-typescript",
                "--out-name",
                NAME,
                "--out-dir",
            ])
            .arg(&bound)
            .arg(split.join("sb-site.wasm")),
    )?;

    // Every wasm module, optimized (in parallel: the main module takes the longest).
    let mut modules = vec![(format!("{NAME}_bg"), bound.join("sb-site_bg.wasm"))];
    for entry in fs::read_dir(&split).map_err(err(&split))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        if path.extension().is_some_and(|e| e == "wasm") && stem != NAME {
            modules.push((stem.into_owned(), path));
        }
    }
    modules.sort();
    let optimized = stage.join("opt");
    fs::create_dir_all(&optimized).map_err(err(&optimized))?;
    let children = modules
        .iter()
        .map(|(stem, path)| {
            let dest = optimized.join(format!("{stem}.wasm"));
            let child = cmd("wasm-opt")
                .arg("-Oz")
                .args(WASM_OPT_FEATURES)
                .arg(path)
                .arg("-o")
                .arg(&dest)
                .spawn()
                .map_err(|e| format!("could not start wasm-opt: {e}"))?;
            Ok((stem.clone(), dest, child))
        })
        .collect::<Result<Vec<_>>>()?;
    let mut done = Vec::new();
    for (stem, dest, mut child) in children {
        let status = child.wait().map_err(|e| e.to_string())?;
        if !status.success() {
            return Err(format!("wasm-opt failed on {stem}.wasm"));
        }
        done.push((stem, dest));
    }

    // Hashed names: chunks first (the loader names them), then the two JS modules, which
    // import each other and so share one hash over both and the main module.
    let mut loader = read(&split.join("__wasm_split.js"))?;
    let mut main_wasm_name = String::new();
    // One hash over every module, the glue and the loader, in that order (no copy of them all).
    let mut all = FNV1A_START;
    for (stem, path) in &done {
        let bytes = fs::read(path).map_err(err(path))?;
        // Every file starts `sb-site-` and ends in its hash: the hosts' cache rules
        // (hosting/_headers, nginx) cache them for a year.
        let hashed = format!("{stem}-{:016x}.wasm", fnv1a(&bytes));
        all = fnv1a_continue(all, &bytes);
        if stem == &format!("{NAME}_bg") {
            main_wasm_name = hashed.replace("_bg-", "-").replace(".wasm", "_bg.wasm");
            fs::write(out.join(&main_wasm_name), &bytes).map_err(err(out))?;
        } else {
            let reference = format!("\"./{stem}.wasm\"");
            if !loader.contains(&reference) {
                return Err(format!("__wasm_split.js does not load {stem}.wasm"));
            }
            let hashed = format!("{NAME}-{hashed}");
            loader = loader.replace(&reference, &format!("\"./{hashed}\""));
            fs::write(out.join(&hashed), &bytes).map_err(err(out))?;
        }
    }
    let glue = read(&bound.join("sb-site.js"))?;
    all = fnv1a_continue(all, glue.as_bytes());
    all = fnv1a_continue(all, loader.as_bytes());
    // The names must change when terser would write other bytes from the same input.
    all = fnv1a_continue(all, terser_identity()?.as_bytes());
    let hash = format!("{all:016x}");
    let (glue_name, loader_name) = (
        format!("{NAME}-{hash}.js"),
        format!("{NAME}-loader-{hash}.js"),
    );
    // Only the JS imports: the wasm's own import module stays `./__wasm_split.js`.
    let glue = replace_all(
        &glue,
        "from \"./__wasm_split.js\"",
        &format!("from \"./{loader_name}\""),
    )?;
    let loader = replace_once(
        &loader,
        &format!("\"./{NAME}.js\""),
        &format!("\"./{glue_name}\""),
    )?;
    for (name, text) in [(&glue_name, glue), (&loader_name, loader)] {
        let path = out.join(name);
        fs::write(&path, text).map_err(err(&path))?;
        minify(&path)?;
    }

    // index.html: the boot script (finish_dist moves it into a hashed file). The page is
    // pre-rendered, so nothing of the app is preloaded: the glue and the main module are
    // fetched once the page has loaded (a reading page: once the reader asks for the app),
    // never competing with the text, its styles and its images for a slow network, and the app
    // then takes over the page (src/main.rs).
    let index_path = out.join("index.html");
    let html = read(&index_path)?;
    // Minified like the glue: it is on every page, beside the styles.
    let boot_path = out.join("boot.min.js");
    let boot = boot_script(base, &main_wasm_name, &glue_name)?;
    fs::write(&boot_path, boot).map_err(err(&boot_path))?;
    minify(&boot_path)?;
    let boot = read(&boot_path)?;
    fs::remove_file(&boot_path).map_err(err(&boot_path))?;
    if boot.contains("</script") {
        return Err("the minified boot script holds </script".into());
    }
    let links = format!("<script type=\"module\">\n{boot}\n</script>");
    let html = replace_once(&html, "</head>", &format!("{links}</head>"))?;
    fs::write(&index_path, html).map_err(err(&index_path))?;
    Ok(())
}

/// The boot script's source, with `{{BASE}}`, `{{WASM}}` and `{{GLUE}}` to fill in.
const BOOT_TEMPLATE: &str = include_str!("boot.template.js");

/// The boot script for a site under `base` whose main module and glue have these names.
fn boot_script(base: &str, wasm: &str, glue: &str) -> Result<String> {
    let mut js = BOOT_TEMPLATE.to_string();
    for (name, value) in [("{{BASE}}", base), ("{{WASM}}", wasm), ("{{GLUE}}", glue)] {
        if js.matches(name).count() != 1 {
            return Err(format!("boot.template.js: {name} must appear exactly once"));
        }
        js = js.replace(
            name,
            &serde_json::to_string(value).map_err(|e| e.to_string())?,
        );
    }
    if js.contains("</script") {
        return Err("boot.template.js: must not contain </script (it is inlined first)".into());
    }
    Ok(js)
}

/// How terser is run on the glue and the loader.
const TERSER_ARGS: [&str; 3] = ["--module", "--compress", "--mangle"];

/// Minifies a JS module in place with terser (npm): the glue is ~70 KB of readable code the
/// browser must parse on the main thread before the app starts (issue 11: blocking time).
/// Names of exports, properties and strings (the hashed file names) are kept.
fn minify(path: &Path) -> Result {
    check(
        cmd("terser")
            .arg(path)
            .args(TERSER_ARGS)
            .arg("--output")
            .arg(path),
    )
}

/// terser's installed version and its arguments: part of the JS files' content hash, since the
/// names are computed before minifying and are cached for a year.
fn terser_identity() -> Result<String> {
    let manifest = root().join("node_modules/terser/package.json");
    let json: serde_json::Value = serde_json::from_str(&read(&manifest)?)
        .map_err(|e| format!("{}: {e}", manifest.display()))?;
    let version = json["version"]
        .as_str()
        .ok_or_else(|| format!("{}: no version", manifest.display()))?;
    Ok(format!("terser {version} {}", TERSER_ARGS.join(" ")))
}

fn read(p: &Path) -> Result<String> {
    fs::read_to_string(p).map_err(err(p))
}

fn replace_once(text: &str, from: &str, to: &str) -> Result<String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("expected `{from}` once, found it {n} times")),
    }
}

fn replace_all(text: &str, from: &str, to: &str) -> Result<String> {
    match text.matches(from).count() {
        0 => Err(format!("expected `{from}`, found none")),
        _ => Ok(text.replace(from, to)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boot_script_names_the_modules_under_the_base() {
        let js = boot_script("/newsletter/", "sb-site-00ff_bg.wasm", "sb-site-00ff.js").unwrap();
        assert!(js.contains("const BASE = \"/newsletter/\";"));
        assert!(js.contains("const WASM = \"sb-site-00ff_bg.wasm\";"));
        assert!(js.contains("const GLUE = \"sb-site-00ff.js\";"));
        assert!(!js.contains("{{"), "every placeholder is filled");
        // A reading page waits to be asked; every other page starts the app once loaded.
        assert!(js.contains("copy.dataset.app === 'on-request'"));
        assert!(js.contains("whenLoaded(() => boot()"));
    }
}
