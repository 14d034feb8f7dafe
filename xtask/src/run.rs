//! Running commands with readable failures, and the paths xtask works with.

use std::path::{Path, PathBuf};
use std::process::Command;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask is inside the repo")
        .to_path_buf()
}

/// Scratch space for builds and servers (ignored by git).
pub fn work_dir(name: &str) -> PathBuf {
    let dir = root().join("target").join("xtask").join(name);
    std::fs::create_dir_all(&dir).expect("target/ is writable");
    dir
}

/// PATH with the npm binaries (wasm-opt, playwright) and cargo's bin folder in front.
pub fn tool_path() -> String {
    let mut parts = vec![root().join("node_modules/.bin").display().to_string()];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        parts.push(home.join("bin").display().to_string());
    }
    parts.push(std::env::var("PATH").unwrap_or_default());
    parts.join(":")
}

/// A command that runs in the repo root with the tool PATH.
pub fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root()).env("PATH", tool_path());
    c
}

/// Runs to completion, failing with the command line when it does not succeed.
pub fn check(c: &mut Command) -> Result {
    let shown = format!("{c:?}");
    let status = c
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed with {status}"))
    }
}

/// Runs and returns stdout, or `None` when the program is missing or fails.
pub fn output(c: &mut Command) -> Option<String> {
    let out = c.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs the publishing CLI (`press`) from the workspace: `args`, then the path it writes to.
pub fn press(args: &[&str], path: &Path) -> Result {
    check(
        cmd("cargo")
            .args(["run", "--quiet", "-p", "sb-press", "--"])
            .args(args)
            .arg(path),
    )
}

/// Runs a bench Node script that prints one JSON object, with `BENCH_URL` and `env` set.
pub fn node_json(script: &str, url: &str, env: &[(&str, &str)]) -> Result<serde_json::Value> {
    let out = cmd("node")
        .arg(script)
        .env("BENCH_URL", url)
        .envs(env.iter().copied())
        .output()
        .map_err(|e| format!("node: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{script} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    serde_json::from_str(String::from_utf8_lossy(&out.stdout).trim())
        .map_err(|e| format!("{script} output: {e}"))
}
