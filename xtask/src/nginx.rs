//! Runs the built site under nginx with the config kept in `hosting/nginx.conf`: the stand-in
//! CDN for `cargo xtask serve` and for the browser tests.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::run::{root, work_dir, Result};
use crate::site;

/// A running nginx; stopped when dropped.
pub struct Server {
    child: Child,
    run: PathBuf,
    pub url: String,
}

/// Asks the nginx whose files are in `run` to stop (master and workers). Killing only the
/// master would leave its workers holding the port.
fn stop(run: &Path) {
    let _ = Command::new("nginx")
        .arg("-p")
        .arg(run)
        .arg("-c")
        .arg(run.join("nginx.conf"))
        .args(["-s", "stop"])
        .stderr(Stdio::null())
        .status();
}

impl Drop for Server {
    fn drop(&mut self) {
        stop(&self.run);
        let _ = self.child.wait();
    }
}

/// Fills in the config template for one site.
pub fn render_config(port: u16, site_root: &Path, base: &str, run: &Path) -> Result<String> {
    let template = fs::read_to_string(root().join("hosting/nginx.conf"))
        .map_err(|e| format!("hosting/nginx.conf: {e}"))?;
    Ok(template
        .replace("{{PORT}}", &port.to_string())
        .replace("{{ROOT}}", &site_root.display().to_string())
        .replace("{{BASE}}", base)
        .replace("{{RUN}}", &run.display().to_string()))
}

/// Starts nginx for `site_root` on `port` and waits until it answers.
pub fn start(name: &str, port: u16, site_root: &Path, base: &str) -> Result<Server> {
    start_with(name, port, site_root, base, Ok)
}

/// [`start`] with the rendered config passed through `edit` first (the bench adds brotli).
pub fn start_with(
    name: &str,
    port: u16,
    site_root: &Path,
    base: &str,
    edit: impl FnOnce(String) -> Result<String>,
) -> Result<Server> {
    let run = work_dir(&format!("nginx-{name}"));
    let conf = run.join("nginx.conf");
    if run.join("nginx.pid").exists() {
        stop(&run); // one left over from an interrupted run
        std::thread::sleep(Duration::from_millis(500));
        let _ = fs::remove_file(run.join("nginx.pid"));
    }
    fs::write(&conf, edit(render_config(port, site_root, base, &run)?)?)
        .map_err(|e| e.to_string())?;
    let mut child = Command::new("nginx")
        .arg("-p")
        .arg(&run)
        .arg("-c")
        .arg(&conf)
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start nginx: {e}"))?;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let exited = child.try_wait().map_err(|e| e.to_string())?;
        if exited.is_some() || Instant::now() > deadline {
            let log = fs::read_to_string(run.join("error.log")).unwrap_or_default();
            let _ = child.kill();
            return Err(format!(
                "nginx did not start on port {port} (is the port taken?):\n{log}"
            ));
        }
        if run.join("nginx.pid").exists()
            && std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(Server {
        child,
        run,
        url: format!("http://127.0.0.1:{port}{base}"),
    })
}

/// `cargo xtask serve`: build the sample for the root and serve it until interrupted. The demo
/// site (sealed with the public demo keys) goes to its own folder under `target/`, never to
/// `dist/`, the folder that is uploaded.
pub fn serve_foreground(port: u16) -> Result {
    let site_dir = work_dir("serve-site");
    site::build("/", &site_dir, site::Fallback::Demo)?;
    let mut server = start("serve", port, &site_dir, "/")?;
    println!("Serving the site at {} (Ctrl+C to stop)", server.url);
    server.child.wait().map_err(|e| e.to_string())?;
    Ok(())
}
