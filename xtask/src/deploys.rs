//! The sites `tests/e2e/offline.spec.ts` deploys over each other: a reader of the first deploy
//! must see the update notice when the second is out, and its content after Reload. Each is
//! served by nginx from a symlink (`…/site` at the root, `…/newsletter` under the sub-path) that
//! the test points at the first or the second deploy's folder, so the same server answers with
//! new files.

use std::fs;
use std::path::{Path, PathBuf};

use crate::run::{root, work_dir, Result};
use crate::{nginx, offline};

/// What the second deploy's home page says that the first's does not.
pub const SECOND_DEPLOY_TEXT: &str = "This is the second deploy.";

/// One deploy server and the folders its symlink may point at.
pub struct Deploys {
    pub server: nginx::Server,
    pub link: PathBuf,
    pub first: PathBuf,
    pub second: PathBuf,
}

/// Serves `first` (a built site for `base`) on `port` through a symlink, and builds the second
/// deploy next to it: the same app, content changed (the home intro), pressed again, with its
/// own worker.
pub fn start(name: &str, port: u16, first: &Path, base: &str) -> Result<Deploys> {
    let second = work_dir(&format!("{name}-second"));
    second_deploy(first, base, &second)?;
    let served = work_dir(&format!("{name}-served"));
    let link = match base.trim_matches('/') {
        "" => served.join("site"),
        sub => served.join(sub),
    };
    let _ = fs::remove_file(&link);
    std::os::unix::fs::symlink(first, &link).map_err(|e| format!("{}: {e}", link.display()))?;
    let site_root = if base == "/" { link.clone() } else { served };
    let server = nginx::start(name, port, &site_root, base)?;
    Ok(Deploys {
        server,
        link,
        first: first.to_path_buf(),
        second,
    })
}

fn second_deploy(first: &Path, base: &str, dist: &Path) -> Result {
    let content = work_dir("deploy-content");
    fs::remove_dir_all(&content).map_err(|e| format!("{}: {e}", content.display()))?;
    crate::test::copy_dir(&root().join("content"), &content)?;
    let site_toml = content.join("site.toml");
    let text = fs::read_to_string(&site_toml).map_err(|e| e.to_string())?;
    let changed = with_second_intro(&text)?;
    fs::write(&site_toml, changed).map_err(|e| e.to_string())?;

    fs::remove_dir_all(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    crate::test::copy_dir(first, dist)?;
    fs::remove_dir_all(dist.join("data")).map_err(|e| e.to_string())?;
    crate::test::press_into(&content, dist)?;
    offline::write(dist, base)?;
    Ok(())
}

/// `site.toml` with [`SECOND_DEPLOY_TEXT`] added to the home page's intro.
fn with_second_intro(site_toml: &str) -> Result<String> {
    let mut in_home = false;
    let mut done = false;
    let mut out = String::new();
    for line in site_toml.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            in_home = trimmed == "[home]";
        }
        match line.strip_suffix('"') {
            Some(start) if in_home && !done && trimmed.starts_with("intro = \"") => {
                out.push_str(&format!("{start} {SECOND_DEPLOY_TEXT}\"\n"));
                done = true;
            }
            _ => out.push_str(&format!("{line}\n")),
        }
    }
    done.then_some(out)
        .ok_or_else(|| "content/site.toml: no one-line `intro` under [home]".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_deploy_changes_only_the_home_intro() {
        let toml = "title = \"S\"\nintro = \"not home\"\n[home]\ntitle = \"H\"\nintro = \"Hello.\"\n[about]\nintro = \"x\"\n";
        assert_eq!(
            with_second_intro(toml).unwrap(),
            format!("title = \"S\"\nintro = \"not home\"\n[home]\ntitle = \"H\"\nintro = \"Hello. {SECOND_DEPLOY_TEXT}\"\n[about]\nintro = \"x\"\n")
        );
        assert!(with_second_intro("[home]\ntitle = \"H\"\n").is_err());
    }

    #[test]
    fn the_sample_content_has_a_home_intro_to_change() {
        let text = fs::read_to_string(root().join("content/site.toml")).unwrap();
        assert!(with_second_intro(&text)
            .unwrap()
            .contains(SECOND_DEPLOY_TEXT));
    }
}
