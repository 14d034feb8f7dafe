//! What a road-map link's URL tells us: whether it is http(s), its host, its normalized form
//! (the identity of a resource), whether it points at a shop, and a type guess for entries whose
//! emoji is missing. Also the stable hash that tells apart resources with the same title.

use sb_model::ResourceType;

/// Shops: a resource linking to one is (usually) not free. A `*.` entry means "this domain and
/// every subdomain" (`tivadar.gumroad.com`); an entry ending in `.` means "any top-level domain",
/// with or without `www.` (`amazon.com`, `www.amazon.co.uk`), which deliberately leaves out
/// `aws.amazon.com`, whose training pages the road map lists as free.
const STORES: &[&str] = &["amazon.", "*.gumroad.com"];

/// Whether `url` is an absolute `http://` or `https://` URL with a host.
pub fn is_http_url(url: &str) -> bool {
    scheme_and_rest(url).is_some_and(|(scheme, _)| scheme == "http" || scheme == "https")
        && host(url).is_some_and(|h| !h.is_empty())
        && !url.chars().any(char::is_whitespace)
}

/// Where a link in the road map goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// An absolute http(s) URL: a resource or a page on the web.
    Web,
    /// `#heading`: a place in the road map's own README, which the explorer replaces.
    Anchor,
    /// `road_maps/x.md`, `./others.md`, `/LICENSE`: a file of the road map's repository.
    Relative,
    /// Anything else (`javascript:`, `mailto:`, `//host`, empty, with spaces): never published.
    Other,
}

pub fn target(url: &str) -> Target {
    let scheme = url.split_once(':').map(|(s, _)| s).filter(|s| {
        s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if is_http_url(url) {
        Target::Web
    } else if url.starts_with('#') {
        Target::Anchor
    } else if url.is_empty()
        || scheme.is_some()
        || url.starts_with("//")
        || url.contains(['\\', '<', '>', '"'])
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        Target::Other
    } else {
        Target::Relative
    }
}

/// A relative link resolved against `repo` (the repository's file URL ending in `/`, such as
/// `https://github.com/o/r/blob/main/`): `./a/../b.md` becomes `<repo>b.md`. `None` when the
/// path climbs out of the repository, also once percent-decoded: browsers read `%2e%2e` as
/// `..`, and servers may decode `%2f` (`/`) and `%5c` (`\`) before resolving the path.
pub fn resolve(repo: &str, relative: &str) -> Option<String> {
    let split = relative.find(['?', '#']).unwrap_or(relative.len());
    let (path, suffix) = relative.split_at(split);
    let mut depth = 0usize;
    for segment in fully_decoded(path).split(['/', '\\']) {
        match segment {
            "." | "" => {}
            ".." => depth = depth.checked_sub(1)?,
            _ => depth += 1,
        }
    }
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.trim_start_matches('/').split('/') {
        match fully_decoded(segment).as_str() {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            _ => parts.push(segment),
        }
    }
    let trailing = if path.ends_with('/') && !parts.is_empty() {
        "/"
    } else {
        ""
    };
    Some(format!("{repo}{}{trailing}{suffix}", parts.join("/")))
}

/// `text` with its `%XX` escapes decoded, again and again until none is left (`%252e` is `.`).
fn fully_decoded(text: &str) -> String {
    let mut text = text.to_string();
    loop {
        let decoded = percent_encoding::percent_decode_str(&text)
            .decode_utf8_lossy()
            .into_owned();
        if decoded == text {
            return text;
        }
        text = decoded;
    }
}

fn scheme_and_rest(url: &str) -> Option<(String, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    Some((scheme.to_ascii_lowercase(), rest))
}

/// The authority part of `rest` (what follows `scheme://`): up to the first `/`, `?` or `#`.
fn authority(rest: &str) -> &str {
    rest.split(['/', '?', '#']).next().unwrap_or_default()
}

/// The lowercase host, without user info or port.
pub fn host(url: &str) -> Option<String> {
    let (_, rest) = scheme_and_rest(url)?;
    let authority = authority(rest);
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    Some(host.to_ascii_lowercase())
}

/// The form two links are compared in: scheme and host lowercased, trailing `/` removed.
pub fn normalize(url: &str) -> String {
    let Some((scheme, rest)) = scheme_and_rest(url) else {
        return url.trim_end_matches('/').to_string();
    };
    let authority = authority(rest);
    let path = &rest[authority.len()..];
    format!("{scheme}://{}{path}", authority.to_ascii_lowercase())
        .trim_end_matches('/')
        .to_string()
}

/// Whether `host` is `domain` or one of its subdomains.
fn on_domain(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|sub| sub.ends_with('.'))
}

fn matches_store(host: &str, store: &str) -> bool {
    if let Some(domain) = store.strip_prefix("*.") {
        on_domain(host, domain)
    } else {
        host.strip_prefix("www.").unwrap_or(host).starts_with(store)
    }
}

/// Whether `url` points at a shop (see [`STORES`]).
pub fn is_store(url: &str) -> bool {
    host(url).is_some_and(|h| STORES.iter().any(|s| matches_store(&h, s)))
}

/// A best guess at a resource's type from its link, for entries without a known emoji.
pub fn guess_type(url: &str) -> ResourceType {
    let host = host(url).unwrap_or_default();
    if on_domain(&host, "youtube.com") || on_domain(&host, "youtu.be") {
        ResourceType::Video
    } else if matches_store(&host, "amazon.") || on_domain(&host, "github.com") {
        ResourceType::Book
    } else {
        ResourceType::Other
    }
}

/// 64-bit FNV-1a: tiny, stable across Rust versions and platforms (unlike `DefaultHasher`).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The first `len` hex digits (at most 16) of the FNV-1a hash of `normalized_url`.
pub fn url_hash(normalized_url: &str, len: usize) -> String {
    let hex = format!("{:016x}", fnv1a(normalized_url.as_bytes()));
    hex[..len.min(16)].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_urls() {
        assert!(is_http_url("https://cs50.harvard.edu/x/2024/weeks/0/"));
        assert!(is_http_url("HTTP://Example.com"));
        for bad in [
            "",
            "x",
            "ftp://a/b",
            "https://",
            "https:///x",
            "https://a b",
            "#x",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn targets_and_resolution() {
        assert_eq!(target("https://a.com/x"), Target::Web);
        assert_eq!(target("#learn-from-others"), Target::Anchor);
        for relative in [
            "others.md",
            "road_maps/dev_road_map.md",
            "./a.md",
            "/LICENSE",
            "a.md#x",
        ] {
            assert_eq!(target(relative), Target::Relative, "{relative}");
        }
        for other in [
            "javascript:alert(1)",
            "JavaScript:x",
            "mailto:a@b",
            "//evil.com/x",
            "",
            "a b",
            "https://",
        ] {
            assert_eq!(target(other), Target::Other, "{other}");
        }
        let repo = "https://github.com/o/r/blob/main/";
        assert_eq!(
            resolve(repo, "road_maps/dev.md").as_deref(),
            Some("https://github.com/o/r/blob/main/road_maps/dev.md")
        );
        assert_eq!(
            resolve(repo, "./a/../others.md#x").as_deref(),
            Some("https://github.com/o/r/blob/main/others.md#x")
        );
        assert_eq!(
            resolve(repo, "/LICENSE").as_deref(),
            Some("https://github.com/o/r/blob/main/LICENSE")
        );
        assert_eq!(resolve(repo, "../../etc/passwd"), None);
        assert_eq!(
            resolve(repo, "a/b%20c.md?x=1#../../..").as_deref(),
            Some("https://github.com/o/r/blob/main/a/b%20c.md?x=1#../../..")
        );
    }

    /// The security review's escape: `%2e%2e` is `..` to a browser, which would normalise the
    /// link to `https://github.com/attacker/repo`; encoded slashes may be decoded by a server.
    #[test]
    fn percent_encoded_dot_segments_do_not_escape_the_repository() {
        let repo = "https://github.com/o/r/blob/main/";
        for escape in [
            "%2e%2e/%2e%2e/%2e%2e/%2e%2e/attacker/repo",
            "%2E%2E/%2e./.%2E/..%2F..%2fattacker/repo",
            "a/..%2f..%2f..%2f..%2f..%2fattacker/repo",
            "..%5c..%5c..%5c..%5cattacker/repo",
            "%252e%252e/%252e%252e/%252e%252e/%252e%252e/attacker/repo",
        ] {
            assert_eq!(resolve(repo, escape), None, "{escape}");
        }
        assert_eq!(
            resolve(repo, "a/%2e%2e/b.md").as_deref(),
            Some("https://github.com/o/r/blob/main/b.md")
        );
        assert_eq!(
            resolve(repo, "a/%2E/b%2fc.md").as_deref(),
            Some("https://github.com/o/r/blob/main/a/b%2fc.md")
        );
    }

    #[test]
    fn hosts_and_normal_forms() {
        assert_eq!(
            host("https://user@WWW.Example.com:8080/a").as_deref(),
            Some("www.example.com")
        );
        assert_eq!(
            normalize("HTTPS://Cs50.Harvard.EDU/Python/2022/"),
            "https://cs50.harvard.edu/Python/2022"
        );
        assert_eq!(
            normalize("https://a.com?q=1/"),
            normalize("https://A.com?q=1")
        );
    }

    #[test]
    fn stores() {
        assert!(is_store("https://www.amazon.com/dp/1718503768/"));
        assert!(is_store("https://amazon.co.uk/x"));
        assert!(is_store("https://tivadar.gumroad.com/l/mathematics"));
        assert!(is_store("https://gumroad.com/"));
        assert!(!is_store("https://aws.amazon.com/training/"));
        assert!(!is_store("https://notgumroad.com/"));
        assert!(!is_store("https://github.com/amazon/x"));
    }

    #[test]
    fn type_guesses() {
        assert_eq!(
            guess_type("https://www.youtube.com/watch?v=1"),
            ResourceType::Video
        );
        assert_eq!(guess_type("https://youtu.be/1"), ResourceType::Video);
        assert_eq!(guess_type("https://www.amazon.com/x"), ResourceType::Book);
        assert_eq!(guess_type("https://github.com/a/b"), ResourceType::Book);
        assert_eq!(guess_type("https://aws.amazon.com/x"), ResourceType::Other);
        assert_eq!(guess_type("https://example.com"), ResourceType::Other);
    }

    #[test]
    fn hash_is_fnv1a() {
        // Reference values of 64-bit FNV-1a.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(url_hash("a", 6), "af63dc");
    }
}
