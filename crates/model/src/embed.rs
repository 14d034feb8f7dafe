//! The embeddable road map widget's options: read from the widget's query string, written into
//! the snippet a site owner pastes, so both sides agree on names and defaults.

/// Whether `pathname` (as the address bar has it) is a widget address: under
/// `<base>/embed/`. Only these may be framed by other sites, so the app renders nothing else
/// inside a frame, and an unknown widget address gets a widget-only error (no site links).
pub fn is_embed_path(base_path: &str, pathname: &str) -> bool {
    pathname
        .strip_prefix(base_path)
        .is_some_and(|rest| rest.starts_with("/embed/"))
}

/// Colour theme of a widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedTheme {
    /// Follow the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl EmbedTheme {
    pub const ALL: [EmbedTheme; 3] = [EmbedTheme::Auto, EmbedTheme::Light, EmbedTheme::Dark];

    pub fn key(self) -> &'static str {
        match self {
            EmbedTheme::Auto => "auto",
            EmbedTheme::Light => "light",
            EmbedTheme::Dark => "dark",
        }
    }

    pub fn from_key(key: &str) -> Option<EmbedTheme> {
        EmbedTheme::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// What a widget shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Only this section (its id), or the whole road map.
    pub section: Option<String>,
    pub theme: EmbedTheme,
    /// Tighter spacing, no notes, for narrow sidebars.
    pub compact: bool,
    /// Show progress bars and let readers mark resources (shared with the full site).
    pub progress: bool,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        Self {
            section: None,
            theme: EmbedTheme::Auto,
            compact: false,
            progress: true,
        }
    }
}

fn flag(value: Option<String>, default: bool) -> bool {
    match value.as_deref() {
        Some("true" | "1" | "on" | "yes") => true,
        Some("false" | "0" | "off" | "no") => false,
        _ => default,
    }
}

impl EmbedOptions {
    /// Reads the widget's query parameters (`theme`, `compact`, `progress`); the section comes
    /// from the path. Unknown values fall back to the defaults.
    pub fn from_query(section: Option<String>, get: impl Fn(&str) -> Option<String>) -> Self {
        let d = Self::default();
        Self {
            section: section.filter(|s| crate::text::is_slug(s)),
            theme: get("theme")
                .and_then(|t| EmbedTheme::from_key(&t))
                .unwrap_or(d.theme),
            compact: flag(get("compact"), d.compact),
            progress: flag(get("progress"), d.progress),
        }
    }

    /// The widget's path and query under the site's base, e.g.
    /// `/embed/roadmap/fundamentals?theme=dark&compact=true&progress=false`.
    pub fn path(&self) -> String {
        let mut path = String::from("/embed/roadmap");
        if let Some(s) = &self.section {
            path.push('/');
            path.push_str(s);
        }
        let d = Self::default();
        let mut query = Vec::new();
        if self.theme != d.theme {
            query.push(format!("theme={}", self.theme.key()));
        }
        if self.compact != d.compact {
            query.push(format!("compact={}", self.compact));
        }
        if self.progress != d.progress {
            query.push(format!("progress={}", self.progress));
        }
        if !query.is_empty() {
            path.push('?');
            path.push_str(&query.join("&"));
        }
        path
    }

    /// The two lines a site owner pastes. `site_url` is the site's absolute base URL, ending in `/`.
    pub fn snippet(&self, site_url: &str) -> String {
        let mut attrs = String::from("data-sb-roadmap");
        if let Some(s) = &self.section {
            attrs.push_str(&format!(" data-section=\"{s}\""));
        }
        attrs.push_str(&format!(" data-theme=\"{}\"", self.theme.key()));
        if self.compact {
            attrs.push_str(" data-compact=\"true\"");
        }
        if !self.progress {
            attrs.push_str(" data-progress=\"false\"");
        }
        format!("<div {attrs}></div>\n<script src=\"{site_url}embed.js\" async></script>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn embed_paths_are_under_the_base() {
        for (base, path, want) in [
            ("", "/embed/roadmap", true),
            ("", "/embed/x/y", true),
            ("", "/embed", false),
            ("", "/embedded", false),
            ("", "/unlock", false),
            ("", "/roadmap/embed/x", false),
            (
                "/newsletter",
                "/newsletter/embed/roadmap/fundamentals",
                true,
            ),
            ("/newsletter", "/embed/roadmap", false),
            ("/newsletter", "/newsletter/unlock", false),
        ] {
            assert_eq!(is_embed_path(base, path), want, "{base} {path}");
        }
    }

    #[test]
    fn defaults_and_parsing() {
        assert_eq!(
            EmbedOptions::from_query(None, query(&[])),
            EmbedOptions::default()
        );
        let o = EmbedOptions::from_query(
            Some("fundamentals".into()),
            query(&[("theme", "dark"), ("compact", "1"), ("progress", "off")]),
        );
        assert_eq!(
            o,
            EmbedOptions {
                section: Some("fundamentals".into()),
                theme: EmbedTheme::Dark,
                compact: true,
                progress: false
            }
        );
    }

    #[test]
    fn bad_values_fall_back() {
        let o = EmbedOptions::from_query(
            Some("../etc".into()),
            query(&[("theme", "neon"), ("compact", "maybe")]),
        );
        assert_eq!(o, EmbedOptions::default());
    }

    #[test]
    fn path_round_trips_through_the_query() {
        let o = EmbedOptions {
            section: Some("job-skills".into()),
            theme: EmbedTheme::Light,
            compact: true,
            progress: false,
        };
        assert_eq!(
            o.path(),
            "/embed/roadmap/job-skills?theme=light&compact=true&progress=false"
        );
        assert_eq!(EmbedOptions::default().path(), "/embed/roadmap");
        let (_, q) = o
            .path()
            .split_once('?')
            .map(|(p, q)| (p.to_string(), q.to_string()))
            .unwrap();
        let pairs: Vec<(String, String)> = q
            .split('&')
            .map(|kv| {
                kv.split_once('=')
                    .map(|(k, v)| (k.into(), v.into()))
                    .unwrap()
            })
            .collect();
        let back = EmbedOptions::from_query(Some("job-skills".into()), |k| {
            pairs.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone())
        });
        assert_eq!(back, o);
    }

    #[test]
    fn snippet_names_the_options_and_the_loader() {
        let o = EmbedOptions {
            section: Some("fundamentals".into()),
            compact: true,
            progress: false,
            ..Default::default()
        };
        assert_eq!(
            o.snippet("https://example.com/newsletter/"),
            "<div data-sb-roadmap data-section=\"fundamentals\" data-theme=\"auto\" data-compact=\"true\" data-progress=\"false\"></div>\n<script src=\"https://example.com/newsletter/embed.js\" async></script>"
        );
    }
}
