//! `cargo xtask <command>`: the project's orchestration, so the README's commands stay short and
//! work on a fresh machine.
//!
//! - `setup`  install what is missing (wasm target, trunk, wasm-bindgen-cli, npm packages,
//!   Chromium, nginx); fast and silent when everything is there.
//! - `build`  press the content and build the release site into `dist/` (`--base /sub/path/`);
//!   paid content is sealed with `SB_KEYRING`, or the demo keys with `--demo-keyring` (then the
//!   site goes to `target/xtask/demo-site`, never to `dist/`, unless `--out` says otherwise).
//! - `serve`  setup + build the sample with the demo keys into `target/xtask/serve-site`, then
//!   serve it with nginx on http://127.0.0.1:8080.
//! - `test`   setup, every native test, then the Playwright suite against nginx; ends with one
//!   line `N passed, N failed` for everything.
//! - `bench`  build, then measure sizes and speeds and write them to `bench/results.json`
//!   (`--only text-first,…` runs some steps and keeps the other results).

mod bench;
mod deploys;
mod nginx;
mod offline;
mod run;
mod site;
mod split;
mod test;
mod tools;

use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!(
        "usage: cargo xtask <setup | build [--base /path/] [--out DIR] [--demo-keyring] [--host netlify|cloudflare] | serve [--port N] | test [--browser-only] [-- PLAYWRIGHT ARGS] | bench [--only STEP,STEP]>"
    );
    ExitCode::FAILURE
}

/// The value after `--name` in the arguments, if any.
pub fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// Where `build` writes without `--out`: `dist/`, the folder to upload, only for a build sealed
/// with the publisher's keys; a demo build goes where nobody deploys from by accident.
fn default_out(demo_keyring: bool) -> &'static str {
    if demo_keyring {
        "target/xtask/demo-site"
    } else {
        "dist"
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        return usage();
    };
    let rest = &args[1..];
    let result = match command.as_str() {
        "setup" => tools::setup(),
        "build" => tools::setup().and_then(|()| {
            let base = flag(rest, "--base").unwrap_or_else(|| "/".into());
            let demo = rest.iter().any(|a| a == "--demo-keyring");
            let out = flag(rest, "--out")
                .map(Into::into)
                .unwrap_or_else(|| run::root().join(default_out(demo)));
            match flag(rest, "--host").as_deref() {
                None | Some("netlify") => {}
                Some("cloudflare") => {
                    let _ = site::HOST.set(site::Host::Cloudflare);
                }
                Some(other) => return Err(format!("--host {other}: netlify or cloudflare")),
            }
            let fallback = if demo {
                site::Fallback::Demo
            } else {
                site::Fallback::Refuse
            };
            site::build(&base, &out, fallback).map(|_| ())
        }),
        "serve" => tools::setup().and_then(|()| {
            let port = flag(rest, "--port")
                .and_then(|p| p.parse().ok())
                .unwrap_or(8080);
            nginx::serve_foreground(port)
        }),
        "test" => tools::setup().and_then(|()| test::run_all(rest)),
        "bench" => tools::setup().and_then(|()| bench::run(rest)),
        _ => return usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {command}: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_demo_build_never_defaults_to_dist() {
        assert_eq!(default_out(true), "target/xtask/demo-site");
        assert_eq!(default_out(false), "dist");
    }
}
