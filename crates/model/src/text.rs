//! Small text rules: URL slugs and reading time.

/// Words per minute used for the "N min read" estimate (a common figure for technical prose).
pub const WORDS_PER_MINUTE: usize = 230;
/// Escapes text for HTML (and XML) text and attribute values, dropping the characters XML 1.0
/// forbids (see [`xml_char`]). Used by `press` for every page and feed it writes, and by the
/// app for the search results it writes as HTML.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| xml_char(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether XML 1.0 allows the character: control characters but tab, line feed and carriage
/// return (and U+FFFE, U+FFFF) make a feed reader reject the whole feed, so they are dropped.
pub fn xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Turns a title into a URL slug: lowercase ASCII letters and digits separated by single dashes.
/// Other characters are dropped; accented Latin letters keep their base letter.
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    let mut pending_dash = false;
    for c in title.chars() {
        let c = fold_accent(c).to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c);
        } else if c.is_whitespace() || matches!(c, '-' | '_' | '/' | '.' | ':' | ',') {
            pending_dash = true;
        }
    }
    slug
}

fn fold_accent(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ò'..='ö' | 'Ò'..='Ö' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        _ => c,
    }
}

/// Whether `s` is a well-formed slug (what [`slugify`] produces).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Counts words the way a reader would: runs of letters or digits.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whole minutes to read `words` words, at least one.
pub fn reading_minutes(words: usize) -> u32 {
    words.div_ceil(WORDS_PER_MINUTE).max(1) as u32
}

#[cfg(test)]
mod tests {
    #[test]
    fn escape_html_escapes_markup_and_drops_control_characters() {
        assert_eq!(
            super::escape_html("<a href=\"x\">Tom & Jerry's\u{1}</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    use super::*;

    #[test]
    fn slugify_table() {
        let cases = [
            ("Serving Models at Scale", "serving-models-at-scale"),
            (
                "  GPUs vs. TPUs: what matters?  ",
                "gpus-vs-tpus-what-matters",
            ),
            ("Feature stores -- a primer", "feature-stores-a-primer"),
            ("Café Régression", "cafe-regression"),
            ("A/B testing & evaluation", "a-b-testing-evaluation"),
            ("LLM‑as‑judge 🤖", "llmasjudge"),
            ("", ""),
        ];
        for (title, slug) in cases {
            assert_eq!(slugify(title), slug, "{title}");
        }
    }

    #[test]
    fn slugify_output_is_a_slug() {
        for t in ["Hello World", "x -- y", "2026: a year"] {
            assert!(is_slug(&slugify(t)), "{t}");
        }
    }

    #[test]
    fn is_slug_table() {
        assert!(is_slug("serving-101"));
        for bad in ["", "-a", "a-", "a--b", "Upper", "with space", "ü"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn counts_words_and_minutes() {
        assert_eq!(word_count("Hello, world! It's 2026 — ok?"), 5);
        assert_eq!(word_count("   "), 0);
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(230), 1);
        assert_eq!(reading_minutes(231), 2);
        assert_eq!(reading_minutes(2300), 10);
    }
}

/// Percent-encodes text for a URL query value (RFC 3986 unreserved characters stay as they are).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod encode_tests {
    use super::percent_encode;

    #[test]
    fn encodes_reserved_and_unicode() {
        assert_eq!(percent_encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(percent_encode("safe-._~"), "safe-._~");
    }
}
