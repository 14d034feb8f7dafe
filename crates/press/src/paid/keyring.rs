//! The publisher's keyring: per tier, random 256-bit keys with a key id (`kid`) and the date
//! from which new content is sealed with them. It lives outside the repository (path from
//! `--keyring` or `SB_KEYRING`); the sample content uses a demo keyring under test fixtures.
//!
//! Rotation: `press keyring add` appends a key with a later `since`. Content dated before it
//! stays sealed with the older key, so readers holding old keys keep reading old content, and
//! only holders of the new key read what comes after.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use aes_gcm::aead::{KeyInit, OsRng};
use aes_gcm::Aes256Gcm;
use sb_model::paywall::{UnlockKey, KEY_BYTES};
use sb_model::text::is_slug;
use sb_model::Date;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::source::error::{BuildError, ContentError, Problems};
use crate::source::fields::{self, DateValue};
use crate::source::front_matter::{self, Document};

/// The environment variable naming the keyring file.
pub const ENV: &str = "SB_KEYRING";

/// The public demo keyring that seals the sample content, built in so that press recognises its
/// keys by their bytes under any file name (a copy elsewhere is still the public keys).
const DEMO_KEYRING: &str = include_str!("../../tests/fixtures/demo-keyring.toml");

const HEADER: &str = "\
# Society's Backend keyring: the keys that seal paid content (`press keyring --help`).
# Keep this file secret and out of the repository: anyone holding a key reads its tier.
";

/// One key of one tier (`key` is the subscriber's key: tier, kid and secret; its `Debug` never
/// prints the secret) and the first publication date it seals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyEntry {
    pub key: UnlockKey,
    /// Content dated on or after this day is sealed with this key (until a newer one).
    pub since: Date,
}

/// A keyring in memory, with the file it came from.
#[derive(Debug, Clone)]
pub struct Keyring {
    pub path: PathBuf,
    pub keys: Vec<KeyEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyringFile {
    #[serde(default)]
    keys: Vec<KeyFront>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFront {
    tier: Spanned<String>,
    kid: Spanned<String>,
    since: Spanned<DateValue>,
    key: Spanned<String>,
}

#[derive(Serialize)]
struct KeyringOut<'a> {
    keys: Vec<KeyOut<'a>>,
}

#[derive(Serialize)]
struct KeyOut<'a> {
    tier: &'a str,
    kid: &'a str,
    since: String,
    key: String,
}

impl Keyring {
    /// Reads a keyring, naming the line of every bad key.
    pub fn load(path: &Path) -> Result<Keyring, BuildError> {
        let text = fs::read_to_string(path).map_err(BuildError::io(path))?;
        Self::parse(path, &text).map_err(BuildError::Content)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Keyring, Vec<ContentError>> {
        let doc = Document::whole_toml(text);
        let file: KeyringFile = front_matter::parse(path, &doc).map_err(|e| vec![e])?;
        let mut problems = Problems::default();
        let mut keys: Vec<KeyEntry> = Vec::new();
        for k in &file.keys {
            let line = fields::line_in_file(&doc, k.kid.span());
            let bad = |field: &str, why: String| ContentError::new(path, line, Some(field), why);
            let tier = k.tier.get_ref().trim();
            let kid = k.kid.get_ref().trim();
            if !is_slug(tier) {
                problems.push(bad("keys.tier", format!("`{tier}` is not a tier slug")));
            }
            if !is_slug(kid) {
                problems.push(bad(
                    "keys.kid",
                    format!("`{kid}` is not a key id (lowercase letters, digits, dashes)"),
                ));
            }
            if keys.iter().any(|o| o.key.tier == tier && o.key.kid == kid) {
                problems.push(bad(
                    "keys.kid",
                    format!("tier `{tier}` has key id `{kid}` twice"),
                ));
            }
            let since = problems.keep(fields::date(path, &doc, "keys.since", &k.since));
            let key: Option<[u8; KEY_BYTES]> =
                sb_model::paywall::decode(k.key.get_ref()).and_then(|b| b.try_into().ok());
            if key.is_none() {
                problems.push(ContentError::new(
                    path,
                    fields::line_in_file(&doc, k.key.span()),
                    Some("keys.key"),
                    format!("not {KEY_BYTES} bytes of base64url: was the file edited by hand?"),
                ));
            }
            if let (Some(since), Some(key)) = (since, key) {
                keys.push(KeyEntry {
                    key: UnlockKey {
                        tier: tier.into(),
                        kid: kid.into(),
                        key,
                    },
                    since,
                });
            }
        }
        if problems.is_empty() {
            Ok(Keyring {
                path: path.to_path_buf(),
                keys,
            })
        } else {
            Err(problems.0)
        }
    }

    /// The keys whose secrets are the public demo keyring's: anyone can open what they seal.
    pub fn demo_keys(&self) -> Vec<&KeyEntry> {
        let demo = Keyring::parse(Path::new("demo-keyring.toml"), DEMO_KEYRING)
            .expect("the built-in demo keyring parses");
        self.keys
            .iter()
            .filter(|k| demo.keys.iter().any(|d| d.key.key == k.key.key))
            .collect()
    }

    /// Refuses a keyring holding any public demo key, unless `allow_demo` (`--demo-keyring`).
    pub fn check_not_demo(&self, allow_demo: bool) -> Result<(), BuildError> {
        let demo: Vec<String> = self
            .demo_keys()
            .iter()
            .map(|k| format!("`{}.{}`", k.key.tier, k.key.kid))
            .collect();
        if demo.is_empty() || allow_demo {
            return Ok(());
        }
        Err(BuildError::Keyring(format!(
            "{}: key {} is a public demo key (from the sample's demo keyring): anyone can open \
             what it seals. Create your own keyring with `press keyring create --tier <tier>`, or \
             pass --demo-keyring to seal the sample content for a local look",
            self.path.display(),
            demo.join(", ")
        )))
    }

    /// An empty keyring that [`Keyring::save`] will create at `path`.
    pub fn new(path: &Path) -> Keyring {
        Keyring {
            path: path.to_path_buf(),
            keys: Vec::new(),
        }
    }

    /// Writes the keyring, readable by its owner only. `create` refuses to replace a file.
    pub fn save(&self, create: bool) -> Result<(), BuildError> {
        let out = KeyringOut {
            keys: self
                .keys
                .iter()
                .map(|k| KeyOut {
                    tier: &k.key.tier,
                    kid: &k.key.kid,
                    since: k.since.to_string(),
                    key: sb_model::paywall::encode(&k.key.key),
                })
                .collect(),
        };
        let text = format!(
            "{HEADER}\n{}",
            toml::to_string(&out).expect("a keyring always serializes")
        );
        let parent = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
        if create && self.path.exists() {
            return Err(BuildError::Keyring(format!(
                "{} exists: a keyring is never replaced (use `keyring add`)",
                self.path.display()
            )));
        }
        // Written to a new file next to the keyring, then renamed over it: a crash never leaves
        // half a file. The temp file is created exclusively (O_EXCL, a random name, mode 0600),
        // so a file or symlink planted at a guessable name can neither receive the keys nor
        // lend its looser permissions to the keyring.
        let mut builder = tempfile::Builder::new();
        builder.prefix(".keyring-").suffix(".tmp");
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600));
        let mut temp = builder
            .tempfile_in(parent)
            .map_err(BuildError::io(parent))?;
        temp.write_all(text.as_bytes())
            .and_then(|()| temp.as_file().sync_all())
            .map_err(BuildError::io(temp.path()))?;
        let persisted = if create {
            temp.persist_noclobber(&self.path)
        } else {
            temp.persist(&self.path)
        };
        persisted
            .map(drop)
            .map_err(|e| BuildError::io(&self.path)(e.error))
    }

    /// Adds a fresh random key for `tier`, used for content dated `since` or later. The key id
    /// defaults to `k<since>` (with a counter when taken).
    pub fn add(&mut self, tier: &str, since: Date, kid: Option<&str>) -> Result<&KeyEntry, String> {
        if !is_slug(tier) {
            return Err(format!("`{tier}` is not a tier slug such as `paid`"));
        }
        let kid = match kid {
            Some(kid) if !is_slug(kid) => {
                return Err(format!(
                    "`{kid}` is not a key id (lowercase letters, digits, dashes)"
                ))
            }
            Some(kid) if self.find(tier, kid).is_some() => {
                return Err(format!("tier `{tier}` already has key id `{kid}`"))
            }
            Some(kid) => kid.to_string(),
            None => {
                let base = format!("k{since}");
                let mut kid = base.clone();
                let mut n = 2;
                while self.find(tier, &kid).is_some() {
                    kid = format!("{base}-{n}");
                    n += 1;
                }
                kid
            }
        };
        let key: [u8; KEY_BYTES] = Aes256Gcm::generate_key(OsRng).into();
        self.keys.push(KeyEntry {
            key: UnlockKey {
                tier: tier.into(),
                kid,
                key,
            },
            since,
        });
        Ok(self.keys.last().expect("just pushed"))
    }

    pub fn find(&self, tier: &str, kid: &str) -> Option<&KeyEntry> {
        self.keys
            .iter()
            .find(|k| k.key.tier == tier && k.key.kid == kid)
    }

    /// The key that seals `tier` content dated `date`: the newest key whose `since` is not after
    /// the date, else (content older than every key) the oldest key.
    pub fn sealing_key(&self, tier: &str, date: Date) -> Option<&KeyEntry> {
        let mut of_tier: Vec<&KeyEntry> = self.keys.iter().filter(|k| k.key.tier == tier).collect();
        of_tier.sort_by_key(|k| k.since);
        of_tier
            .iter()
            .rev()
            .find(|k| k.since <= date)
            .or(of_tier.first())
            .copied()
    }

    /// The key that seals a tier's content published today: the one to hand to subscribers
    /// (a key added for a future date is not handed out before that date).
    pub fn current(&self, tier: &str) -> Option<&KeyEntry> {
        self.sealing_key(tier, today())
    }
}

/// Today's date (UTC), the default `since` of a new key.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    Date::new(year, month, day).expect("the algorithm yields valid dates")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn days_to_dates() {
        assert_eq!(civil_from_days(0), date("1970-01-01"));
        assert_eq!(civil_from_days(20_784), date("2026-11-27"));
        assert_eq!(civil_from_days(11_016), date("2000-02-29"));
    }

    #[test]
    fn save_load_round_trip_keeps_the_keys_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret/keyring.toml");
        let mut ring = Keyring::new(&path);
        ring.add("paid", date("2026-01-01"), None).unwrap();
        ring.add("paid", date("2026-01-01"), None).unwrap();
        ring.save(true).unwrap();
        assert!(
            ring.save(true).is_err(),
            "create must not replace a keyring"
        );
        let back = Keyring::load(&path).unwrap();
        assert_eq!(back.keys, ring.keys);
        let kids: Vec<_> = back.keys.iter().map(|k| k.key.kid.as_str()).collect();
        assert_eq!(kids, ["k2026-01-01", "k2026-01-01-2"]);
        assert_ne!(
            back.keys[0].key.key, back.keys[1].key.key,
            "keys are random"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    /// The old save wrote to a fixed `keyring.toml.tmp` opened without O_EXCL: a symlink planted
    /// there received the keys, and a planted world-readable file gave the keyring its mode.
    #[cfg(unix)]
    #[test]
    fn save_never_writes_through_a_planted_temp_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keyring.toml");
        let stolen = dir.path().join("stolen.txt");
        fs::write(&stolen, "").unwrap();
        std::os::unix::fs::symlink(&stolen, dir.path().join("keyring.toml.tmp")).unwrap();
        let mut ring = Keyring::new(&path);
        ring.add("paid", date("2026-01-01"), None).unwrap();
        ring.save(true).unwrap();
        assert_eq!(fs::read_to_string(&stolen).unwrap(), "", "no key leaked");

        let planted = dir.path().join("keyring.toml.tmp");
        fs::remove_file(&planted).unwrap();
        fs::write(&planted, "").unwrap();
        fs::set_permissions(&planted, fs::Permissions::from_mode(0o666)).unwrap();
        ring.add("paid", date("2026-02-01"), None).unwrap();
        ring.save(false).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the keyring stays private");
        assert_eq!(Keyring::load(&path).unwrap().keys, ring.keys);
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with(".keyring-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn sealing_key_follows_rotation_dates() {
        let mut ring = Keyring::new(Path::new("k.toml"));
        ring.add("paid", date("2026-01-01"), Some("old")).unwrap();
        ring.add("paid", date("2026-11-15"), Some("new")).unwrap();
        let kid = |d: &str| ring.sealing_key("paid", date(d)).unwrap().key.kid.clone();
        assert_eq!(kid("2025-06-01"), "old");
        assert_eq!(kid("2026-11-14"), "old");
        assert_eq!(kid("2026-11-15"), "new");
        assert_eq!(ring.current("paid").unwrap().key.kid, "new");
        ring.add("paid", date("2999-01-01"), Some("future"))
            .unwrap();
        assert_eq!(
            ring.current("paid").unwrap().key.kid,
            "new",
            "not before its date"
        );
        assert!(ring.sealing_key("founding", date("2026-11-15")).is_none());
        assert!(ring.add("paid", date("2026-12-01"), Some("new")).is_err());
        assert!(ring.add("paid", date("2026-12-01"), Some("a.b")).is_err());
    }

    #[test]
    fn demo_keys_are_recognised_by_their_bytes_under_any_name() {
        let demo = Keyring::parse(Path::new("x.toml"), DEMO_KEYRING).unwrap();
        assert_eq!(demo.demo_keys().len(), 2);
        let renamed = DEMO_KEYRING
            .replace("k2026-01", "mine")
            .replace("tier = \"paid\"", "tier = \"founding\"");
        let mut ring = Keyring::parse(Path::new("elsewhere/ring.toml"), &renamed).unwrap();
        ring.add("paid", date("2026-12-01"), None).unwrap();
        let err = ring.check_not_demo(false).unwrap_err().to_string();
        assert!(err.contains("elsewhere/ring.toml"), "{err}");
        assert!(
            err.contains("`founding.mine`") && err.contains("--demo-keyring"),
            "{err}"
        );
        assert!(ring.check_not_demo(true).is_ok());
        let mut own = Keyring::new(Path::new("own.toml"));
        own.add("paid", date("2026-01-01"), None).unwrap();
        assert!(own.demo_keys().is_empty() && own.check_not_demo(false).is_ok());
    }

    #[test]
    fn a_damaged_keyring_names_the_line() {
        let text = "[[keys]]\ntier = \"paid\"\nkid = \"k1\"\nsince = 2026-01-01\nkey = \"short\"\n";
        let errs = Keyring::parse(Path::new("ring.toml"), text).unwrap_err();
        assert_eq!(
            (errs[0].line, errs[0].field.as_deref()),
            (5, Some("keys.key"))
        );
    }
}
