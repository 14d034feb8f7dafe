//! The `press keyring` commands as a publisher runs them: create, rotate, print the unlock link,
//! list; the keyring path from `--keyring` or `SB_KEYRING`.

use std::path::Path;
use std::process::{Command, Output};

use sb_model::paywall::UnlockKey;
use sb_press::paid::keyring::Keyring;

fn press(keyring: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_press"))
        .args(args)
        .env("SB_KEYRING", keyring)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn create_rotate_link_and_list() {
    let dir = tempfile::tempdir().unwrap();
    let ring = dir.path().join("keyring.toml");
    stdout(&press(&ring, &["keyring", "create", "--tier", "paid"]));
    let again = press(&ring, &["keyring", "create", "--tier", "paid"]);
    assert!(!again.status.success(), "create never replaces a keyring");

    let link = |extra: &[&str]| {
        let mut args = vec![
            "keyring",
            "link",
            "--tier",
            "paid",
            "--base-url",
            "https://example.com/news/",
        ];
        args.extend_from_slice(extra);
        stdout(&press(&ring, &args)).trim().to_string()
    };
    let first = link(&[]);
    assert!(
        first.starts_with("https://example.com/news/unlock#k=paid.k"),
        "{first}"
    );

    stdout(&press(
        &ring,
        &[
            "keyring",
            "add",
            "--tier",
            "paid",
            "--since",
            "2000-01-01",
            "--kid",
            "old",
        ],
    ));
    stdout(&press(
        &ring,
        &["keyring", "add", "--tier", "paid", "--since", "2999-01-01"],
    ));
    // The link hands out the key for today's content: not the old one, not the future one.
    assert_eq!(link(&[]), first);
    let old = UnlockKey::parse(&link(&["--kid", "old"])).unwrap();
    let keys = Keyring::load(&ring).unwrap();
    assert_eq!(old, keys.find("paid", "old").unwrap().key);
    assert_eq!(keys.keys.len(), 3);

    let list = stdout(&press(&ring, &["keyring", "list"]));
    assert_eq!(list.lines().count(), 3, "{list}");
    assert!(list.contains("paid\told\tsince 2000-01-01"), "{list}");
    let secret = sb_model::paywall::encode(&old.key);
    assert!(!list.contains(&secret), "list never prints a key");
}

#[test]
fn without_a_keyring_the_command_says_how_to_name_one() {
    let out = Command::new(env!("CARGO_BIN_EXE_press"))
        .args(["keyring", "list"])
        .env_remove("SB_KEYRING")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--keyring") && err.contains("SB_KEYRING"),
        "{err}"
    );
}

/// `press build` refuses the public demo keys by their bytes, wherever the keyring lives and
/// whatever its key ids, unless `--demo-keyring` asks for them (the old build sealed with any
/// keyring it was given).
#[test]
fn build_refuses_the_demo_keys_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let demo = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/demo-keyring.toml"),
    )
    .unwrap();
    let copy = dir.path().join("my-keyring.toml");
    std::fs::write(&copy, demo.replace("k2026-01", "mine")).unwrap();
    stdout(&press(
        &copy,
        &["keyring", "add", "--tier", "paid", "--since", "2026-12-01"],
    ));
    let out = dir.path().join("data");
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "--content", "../../content", "--out"];
        args.push(out.to_str().unwrap());
        args.extend_from_slice(extra);
        press(&copy, &args)
    };
    let refused = build(&[]);
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("my-keyring.toml") && err.contains("`paid.mine`") && err.contains("demo"),
        "{err}"
    );
    assert!(!out.exists(), "nothing sealed");

    let allowed = build(&["--demo-keyring"]);
    stdout(&allowed);
    assert!(String::from_utf8_lossy(&allowed.stderr).contains("PUBLIC demo keys"));

    // The publisher's own keyring needs no flag.
    let own = dir.path().join("own.toml");
    stdout(&press(&own, &["keyring", "create", "--tier", "paid"]));
    stdout(&press(
        &own,
        &[
            "build",
            "--content",
            "../../content",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
}
