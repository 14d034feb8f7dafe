//! The export as Substack hands it over: a zip, or the folder it unpacks to. Both give the same
//! two things, `posts.csv` and `posts/<post_id>.html`, so the importer reads either through
//! [`Export`] and never cares which it has. Nothing is extracted to disk: files are read by
//! name, and a file larger than [`MAX_FILE`] is refused (a zip bomb stays a zip).

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest file read from an export (a post's HTML, `posts.csv`).
pub const MAX_FILE: u64 = 64 * 1024 * 1024;

/// An opened export.
pub enum Export {
    Folder(PathBuf),
    Zip {
        archive: zip::ZipArchive<fs::File>,
        /// Entry name (with `/`) → index, for the files under the folder holding `posts.csv`.
        names: HashMap<String, usize>,
        /// The folder inside the zip that holds `posts.csv` (`""` at the top, or `export/`).
        prefix: String,
    },
}

impl Export {
    /// Opens a zip file or a folder.
    pub fn open(path: &Path) -> Result<Export, String> {
        let meta = fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if meta.is_dir() {
            let dir = if path.join("posts.csv").is_file() {
                path.to_path_buf()
            } else {
                // An export unpacked into a folder of its own.
                fs::read_dir(path)
                    .map_err(|e| format!("{}: {e}", path.display()))?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()))
                    .find(|p| p.join("posts.csv").is_file())
                    .ok_or_else(|| {
                        format!(
                            "{}: no posts.csv here: give the Substack export's zip or the folder it unpacks to",
                            path.display()
                        )
                    })?
            };
            return Ok(Export::Folder(dir));
        }
        let file = fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let archive = zip::ZipArchive::new(file).map_err(|e| {
            format!(
                "{}: not a zip file nor a folder ({e}): give the Substack export's zip or the folder it unpacks to",
                path.display()
            )
        })?;
        let all: Vec<(usize, String)> = (0..archive.len())
            .filter_map(|i| match archive.name_for_index(i) {
                Some(Ok(name)) => Some((i, name.into_owned())),
                _ => None,
            })
            .collect();
        let csv = all
            .iter()
            .map(|(_, n)| n)
            .filter(|n| *n == "posts.csv" || n.ends_with("/posts.csv"))
            .min_by_key(|n| n.len())
            .ok_or_else(|| format!("{}: the zip holds no posts.csv", path.display()))?;
        let prefix = csv.trim_end_matches("posts.csv").to_string();
        let names: HashMap<String, usize> = all
            .iter()
            .filter_map(|(i, name)| name.strip_prefix(&prefix).map(|rel| (rel.to_string(), *i)))
            .collect();
        Ok(Export::Zip {
            archive,
            names,
            prefix,
        })
    }

    /// A file of the export by its path relative to `posts.csv`'s folder, or `None` when the
    /// export has no such file.
    pub fn read(&mut self, rel: &str) -> Result<Option<Vec<u8>>, String> {
        match self {
            Export::Folder(dir) => {
                let path = dir.join(rel);
                let meta = match fs::symlink_metadata(&path) {
                    Err(_) => return Ok(None),
                    Ok(m) => m,
                };
                // A link (the file, or `posts/` itself) could lead anywhere on this machine,
                // and what is read here gets published: only the export's own files are read.
                let inside = match (fs::canonicalize(dir), fs::canonicalize(&path)) {
                    (Ok(root), Ok(real)) => real.starts_with(root),
                    _ => false,
                };
                if meta.file_type().is_symlink() || !inside {
                    return Err(format!(
                        "{}: a symbolic link, or in a folder that is one: not read (the export's \
                         files must be in its folder)",
                        path.display()
                    ));
                }
                match meta {
                    m if !m.is_file() => Ok(None),
                    m if m.len() > MAX_FILE => Err(format!(
                        "{}: larger than {} MB",
                        path.display(),
                        MAX_FILE >> 20
                    )),
                    _ => fs::read(&path)
                        .map(Some)
                        .map_err(|e| format!("{}: {e}", path.display())),
                }
            }
            Export::Zip {
                archive,
                names,
                prefix,
            } => {
                let Some(&index) = names.get(rel) else {
                    return Ok(None);
                };
                let entry = archive
                    .by_index(index)
                    .map_err(|e| format!("{prefix}{rel} in the zip: {e}"))?;
                if entry.size() > MAX_FILE {
                    return Err(format!(
                        "{prefix}{rel} in the zip: larger than {} MB",
                        MAX_FILE >> 20
                    ));
                }
                let mut bytes = Vec::with_capacity(entry.size() as usize);
                entry
                    .take(MAX_FILE + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|e| format!("{prefix}{rel} in the zip: {e}"))?;
                if bytes.len() as u64 > MAX_FILE {
                    return Err(format!(
                        "{prefix}{rel} in the zip: larger than {} MB",
                        MAX_FILE >> 20
                    ));
                }
                Ok(Some(bytes))
            }
        }
    }

    /// How the report names a file of the export.
    pub fn describe(&self, rel: &str) -> String {
        match self {
            Export::Folder(dir) => dir.join(rel).display().to_string(),
            Export::Zip { prefix, .. } => format!("{prefix}{rel} (in the zip)"),
        }
    }
}
