//! Substack's post HTML to the Markdown press reads.
//!
//! Substack bodies are editor output with a known set of wrappers (captioned images, footnotes,
//! embeds with their data in `data-attrs` JSON, subscribe widgets, buttons). This module walks
//! the parsed tree and writes Markdown for what it knows, removes site furniture, and records
//! every element it could not convert (with the first 80 characters of its HTML) so the report
//! can list it: nothing is dropped without a line in the report.
//!
//! Only Markdown comes out: no raw HTML but the paywall marker. Text is escaped, so markup that
//! was text in the post stays text; links and images keep only http(s) (and mailto) URLs; the
//! attributes of an element are never copied. A `<script>`, an `onclick` or a `javascript:` link
//! cannot get through this, and press's sanitizer is the second wall.

use std::collections::{BTreeMap, HashSet};

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;

/// Something of the post that did not become Markdown as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unconverted {
    /// What it was and what became of it ("script removed", "poll embed: not supported").
    pub what: String,
    /// The first 80 characters of its HTML.
    pub snippet: String,
}

/// A post body as Markdown, cut where Substack's paywall stood.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// Everything before the first top-level `div.paywall-jump` (the whole body without one).
    pub free: String,
    /// Everything after it.
    pub paid: Option<String>,
    /// What could not be converted as it was.
    pub unconverted: Vec<Unconverted>,
    /// How many pieces of site furniture (subscribe widgets, share and subscribe buttons) were
    /// removed.
    pub furniture: usize,
    /// The image URLs the body uses, in order (for `--download-images`).
    pub images: Vec<String>,
    /// Footnotes cited before the cut but written after it: their text goes with the free
    /// part that cites them (the report says so).
    pub footnotes_made_public: Vec<String>,
}

/// Converts one post body.
pub fn convert(html: &str) -> Body {
    let doc = Html::parse_fragment(html);
    let mut c = Converter::default();
    let mut free = Vec::new();
    let mut paid: Option<Vec<String>> = None;
    let root = doc.root_element();
    for child in root.children() {
        if let Some(el) = ElementRef::wrap(child) {
            if has_class(el, "paywall-jump") {
                if paid.is_none() {
                    paid = Some(Vec::new());
                    c.in_paid = true;
                } else {
                    c.note(el, "a second paywall cut: ignored (the first one cuts)");
                }
                continue;
            }
        }
        let blocks = c.blocks_of(std::iter::once(child));
        match &mut paid {
            Some(p) => p.extend(blocks),
            None => free.extend(blocks),
        }
    }
    // Footnote definitions go with the part that refers to them, so each part renders on its
    // own (press renders the free part from the text before the marker alone).
    let (free_notes, paid_notes) = c.footnote_definitions(paid.is_some());
    free.extend(free_notes);
    if let Some(p) = &mut paid {
        p.extend(paid_notes);
    }
    Body {
        free: join_blocks(&free),
        paid: paid.map(|p| join_blocks(&p)),
        unconverted: c.unconverted,
        furniture: c.furniture,
        images: c.images,
        footnotes_made_public: c.footnotes_made_public,
    }
}

/// Converts a fragment to Markdown blocks without a paywall (weekly intros, list items).
pub fn convert_nodes<'a>(
    c: &mut Converter,
    nodes: impl IntoIterator<Item = NodeRef<'a, Node>>,
) -> String {
    join_blocks(&c.blocks_of(nodes))
}

fn join_blocks(blocks: &[String]) -> String {
    let mut out = blocks
        .iter()
        .map(|b| b.trim_end())
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Conversion state for one post.
#[derive(Debug, Default)]
pub struct Converter {
    pub unconverted: Vec<Unconverted>,
    pub furniture: usize,
    pub images: Vec<String>,
    /// Footnote label → (its Markdown, defined after the cut).
    footnotes: BTreeMap<String, String>,
    footnote_order: Vec<String>,
    refs_free: HashSet<String>,
    refs_paid: HashSet<String>,
    /// Footnotes without a number that were written after the cut.
    orphans_paid: HashSet<String>,
    /// Footnotes (by label) written after the cut.
    defined_paid: HashSet<String>,
    footnotes_made_public: Vec<String>,
    in_paid: bool,
    /// How deep the element being converted is nested.
    depth: usize,
}

/// Elements nested deeper than this are kept as their text (the conversion recurses, and a
/// hostile post nested 100,000 deep would otherwise overflow the stack).
pub const MAX_DEPTH: usize = 100;

/// Elements that never become content: scripts, forms, plug-ins.
const REMOVED: [&str; 15] = [
    "script", "style", "noscript", "form", "input", "button", "select", "textarea", "object",
    "embed", "template", "link", "meta", "base", "frameset",
];

/// Site furniture: Substack's own calls to action, not the author's content.
const FURNITURE_CLASSES: [&str; 10] = [
    "subscription-widget-wrap",
    "subscription-widget-wrap-editor",
    "subscription-widget",
    "subscribe-widget",
    "captioned-button-wrap",
    "install-substack-app-embed",
    "share-dialog",
    "post-ufi",
    "image-link-expand",
    "comment",
];

/// Whether an element never becomes content (a script, a form, a plug-in).
pub fn is_removed(name: &str) -> bool {
    REMOVED.contains(&name)
}

fn is_block_name(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "blockquote"
            | "pre"
            | "hr"
            | "figure"
            | "figcaption"
            | "table"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "aside"
            | "main"
            | "nav"
            | "iframe"
            | "dl"
            | "dt"
            | "dd"
            | "details"
            | "summary"
            | "video"
            | "audio"
            | "svg"
    ) || REMOVED.contains(&name)
}

fn has_class(el: ElementRef<'_>, class: &str) -> bool {
    el.value().classes().any(|c| c == class)
}

/// The first 80 characters of an element's HTML, control characters (terminal escapes)
/// shown as `\u{fffd}`.
pub fn snippet(el: ElementRef<'_>) -> String {
    let html = el.html();
    let html = html.split_whitespace().collect::<Vec<_>>().join(" ");
    html.chars()
        .take(80)
        .map(|c| {
            if c.is_control() {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect()
}

/// The `data-attrs` JSON Substack puts on its embeds.
fn data_attrs(el: ElementRef<'_>) -> Option<Value> {
    serde_json::from_str(el.attr("data-attrs")?).ok()
}

fn json_str<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key)?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A URL readers may follow: http(s) or mailto, made absolute when protocol-relative.
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
    {
        Some(url.to_string())
    } else if url.starts_with("//") && url.len() > 2 {
        Some(format!("https:{url}"))
    } else {
        None
    }
}

/// A web URL only (images, embeds, a podcast's audio).
pub fn web_url(url: &str) -> Option<String> {
    safe_url(url).filter(|u| !u.to_ascii_lowercase().starts_with("mailto:"))
}

/// Substack serves images through `https://substackcdn.com/image/fetch/<options>/<original>`,
/// the original percent-encoded as the last part: this returns the original.
pub fn unwrap_image_url(url: &str) -> String {
    if let Some(i) = url.find("/image/fetch/") {
        let rest = &url[i + "/image/fetch/".len()..];
        // The original starts at the first `http` after the options.
        if let Some(j) = rest.find("http") {
            let original = &rest[j..];
            let decoded = percent_encoding::percent_decode_str(original)
                .decode_utf8_lossy()
                .into_owned();
            if decoded.starts_with("http://") || decoded.starts_with("https://") {
                return decoded;
            }
        }
    }
    url.to_string()
}

/// A URL written into Markdown link syntax: characters that would end it are percent-encoded.
pub fn md_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text so Markdown reads it as the same text (no markup, no HTML).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// Plain text as a heading's Markdown: escaped, and `{` as its character reference (see
/// `heading_text`).
pub fn heading_markdown(text: &str) -> String {
    escape(text).replace('{', "&#123;")
}

/// Escapes what would start a block at the start of a line (`# `, `- `, `1. `, `===`).
fn escape_line_starts(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let t = line.trim_start();
            let first = t.chars().next();
            let needs = match first {
                Some('#') | Some('+') | Some('-') | Some('=') => true,
                Some(d) if d.is_ascii_digit() => {
                    let digits = t.chars().take_while(char::is_ascii_digit).count();
                    matches!(t[digits..].chars().next(), Some('.') | Some(')'))
                }
                _ => false,
            };
            if !needs {
                return t.to_string();
            }
            match first {
                Some(d) if d.is_ascii_digit() => {
                    let digits = t.chars().take_while(char::is_ascii_digit).count();
                    format!("{}\\{}", &t[..digits], &t[digits..])
                }
                _ => format!("\\{t}"),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Inline Markdown without the spaces and hard breaks (`\` + newline) at its ends: a `<br>` at
/// the start or end of a paragraph would otherwise leave a stray backslash.
fn trim_breaks(text: &str) -> &str {
    let mut t = text.trim();
    loop {
        let trailing = t.len() - t.trim_end_matches('\\').len();
        if trailing % 2 == 1 {
            t = t[..t.len() - 1].trim();
        } else if let Some(rest) = t.strip_prefix("\\\n") {
            t = rest.trim();
        } else {
            return t;
        }
    }
}

/// Whitespace runs as one space.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Wraps inline Markdown in a delimiter, keeping its outer spaces outside (`**a** `, not
/// `**a **`, which Markdown would not read as bold).
fn wrap(inner: &str, mark: &str) -> String {
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        return if inner.is_empty() {
            String::new()
        } else {
            " ".into()
        };
    }
    let lead = if inner.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if inner.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{mark}{trimmed}{mark}{trail}")
}

/// Prefixes every line (`> ` for quotes, indentation for list items).
fn indent(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let prefix = if i == 0 { first } else { rest };
        if line.is_empty() {
            out.push_str(prefix.trim_end());
        } else {
            out.push_str(prefix);
            out.push_str(line);
        }
    }
    out
}

/// A fenced code block whose fence is longer than any backtick run in the code.
fn fenced(code: &str, language: Option<&str>) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(3.max(longest + 1));
    let lang: String = language
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-' | '.' | '#'))
        .collect();
    let code = code.trim_end_matches('\n');
    format!("{fence}{}\n{code}\n{fence}", lang.to_ascii_lowercase())
}

/// The language a code element names in its class (`language-python`, `lang-rs`).
fn class_language(el: ElementRef<'_>) -> Option<String> {
    el.value().classes().find_map(|c| {
        c.strip_prefix("language-")
            .or_else(|| c.strip_prefix("lang-"))
            .map(str::to_string)
    })
}

/// The host of a URL, without `www.`.
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    host.trim_start_matches("www.").to_ascii_lowercase()
}

impl Converter {
    fn note(&mut self, el: ElementRef<'_>, what: impl Into<String>) {
        self.unconverted.push(Unconverted {
            what: what.into(),
            snippet: snippet(el),
        });
    }

    /// Markdown blocks of a run of sibling nodes: inline runs become paragraphs.
    pub fn blocks_of<'a>(
        &mut self,
        nodes: impl IntoIterator<Item = NodeRef<'a, Node>>,
    ) -> Vec<String> {
        let mut blocks = Vec::new();
        let mut inline = String::new();
        for node in nodes {
            let block_el = ElementRef::wrap(node).filter(|el| self.is_block(*el));
            match block_el {
                Some(el) => {
                    self.flush(&mut inline, &mut blocks);
                    blocks.extend(self.block(el));
                }
                None => inline.push_str(&self.inline(node)),
            }
        }
        self.flush(&mut inline, &mut blocks);
        blocks
    }

    fn is_block(&self, el: ElementRef<'_>) -> bool {
        is_block_name(el.value().name())
            || (el.value().name() == "a" && has_class(el, "image-link"))
    }

    fn flush(&mut self, inline: &mut String, blocks: &mut Vec<String>) {
        let text = escape_line_starts(trim_breaks(inline));
        if !text.trim().is_empty() {
            blocks.push(text);
        }
        inline.clear();
    }

    /// One block-level element as Markdown blocks.
    fn block(&mut self, el: ElementRef<'_>) -> Vec<String> {
        if self.depth >= MAX_DEPTH {
            return self.too_deep(el).into_iter().collect();
        }
        self.depth += 1;
        let blocks = self.block_at_depth(el);
        self.depth -= 1;
        blocks
    }

    /// An element nested too deep: its text, escaped, as one paragraph.
    fn too_deep(&mut self, el: ElementRef<'_>) -> Option<String> {
        self.note(
            el,
            format!("nested more than {MAX_DEPTH} levels deep: kept as plain text"),
        );
        let text = escape_line_starts(&escape(collapse(&el.text().collect::<String>()).trim()));
        (!text.is_empty()).then_some(text)
    }

    fn block_at_depth(&mut self, el: ElementRef<'_>) -> Vec<String> {
        let name = el.value().name();
        if REMOVED.contains(&name) {
            self.note_removed(el);
            return Vec::new();
        }
        if FURNITURE_CLASSES.iter().any(|c| has_class(el, c)) {
            self.furniture += 1;
            return Vec::new();
        }
        if has_class(el, "button-wrapper") {
            return self.button(el);
        }
        if has_class(el, "paywall-jump") {
            self.note(el, "a paywall cut inside other content: ignored");
            return Vec::new();
        }
        if has_class(el, "footnote") {
            self.footnote(el);
            return Vec::new();
        }
        if has_class(el, "captioned-image-container")
            || name == "figure"
            || (name == "a" && has_class(el, "image-link"))
        {
            return self.image_block(el);
        }
        if has_class(el, "tweet") {
            return self.tweet(el);
        }
        if has_class(el, "youtube-wrap") {
            return self.youtube(el);
        }
        if has_class(el, "highlighted_code_block") {
            let lang = data_attrs(el).and_then(|v| json_str(&v, "language").map(str::to_string));
            let code: String = el.text().collect();
            let lang = lang.or_else(|| {
                el.descendent_elements()
                    .find(|d| d.value().name() == "code")
                    .and_then(class_language)
            });
            return vec![fenced(&code, lang.as_deref())];
        }
        if has_class(el, "latex-rendered") {
            let expr = data_attrs(el)
                .and_then(|v| json_str(&v, "persistentExpression").map(str::to_string));
            self.note(
                el,
                "LaTeX block: kept as its source in a `latex` code block",
            );
            return vec![fenced(
                &expr.unwrap_or_else(|| el.text().collect()),
                Some("latex"),
            )];
        }
        if has_class(el, "embedded-post-wrap") || has_class(el, "digest-post-embed") {
            return self.embedded_post(el);
        }
        for (class, what) in [
            ("poll-embed", "poll"),
            ("native-video-embed", "Substack video"),
            ("native-audio-embed", "Substack audio"),
            ("file-embed-wrapper", "file attachment"),
        ] {
            if has_class(el, class) {
                self.note(el, format!("{what}: not supported, removed"));
                return Vec::new();
            }
        }
        if name == "div" {
            if let Some(card) = self.generic_embed(el) {
                return card;
            }
        }
        match name {
            "p" | "figcaption" | "dd" | "summary" => {
                let text = self.inline_children(el);
                let text = escape_line_starts(trim_breaks(&text));
                if text.trim().is_empty() {
                    Vec::new()
                } else {
                    vec![text]
                }
            }
            "dt" => {
                let text = self.inline_children(el);
                vec![wrap(&escape_line_starts(trim_breaks(&text)), "**")]
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level: usize = name[1..].parse().unwrap_or(2);
                // The article's title is the page's only h1.
                let level = level.max(2);
                let text = self.heading_text(el);
                if text.is_empty() {
                    Vec::new()
                } else {
                    vec![format!("{} {text}", "#".repeat(level))]
                }
            }
            "ul" | "ol" => vec![self.list(el)],
            "li" => self.blocks_of(el.children()),
            "blockquote" => {
                let inner = join_blocks(&self.blocks_of(el.children()));
                if inner.trim().is_empty() {
                    Vec::new()
                } else {
                    vec![indent(inner.trim_end(), "> ", "> ")]
                }
            }
            "pre" => {
                let code_el = el.child_elements().find(|c| c.value().name() == "code");
                let lang = code_el
                    .and_then(class_language)
                    .or_else(|| class_language(el))
                    .or_else(|| {
                        data_attrs(el).and_then(|v| json_str(&v, "language").map(str::to_string))
                    });
                let code: String = el.text().collect();
                vec![fenced(&code, lang.as_deref())]
            }
            "hr" => vec!["---".to_string()],
            "table" => self.table(el),
            "iframe" => self.iframe(el),
            "video" | "audio" => {
                let src = el
                    .attr("src")
                    .or_else(|| {
                        el.child_elements()
                            .find(|c| c.value().name() == "source")
                            .and_then(|s| s.attr("src"))
                    })
                    .and_then(web_url);
                match src {
                    Some(src) => {
                        let label = if name == "video" { "Video" } else { "Audio" };
                        vec![card(label, &src, None)]
                    }
                    None => {
                        self.note(el, format!("<{name}> without a web address: removed"));
                        Vec::new()
                    }
                }
            }
            "svg" => {
                self.note(el, "inline SVG drawing: removed");
                Vec::new()
            }
            _ => self.blocks_of(el.children()),
        }
    }

    /// Heading text without the bold Substack wraps headings in. A `{` is written as its
    /// character reference: press reads a heading ending in `{#id .class}` as attributes (a
    /// backslash does not stop that), and a post must not set ids on the page.
    fn heading_text(&mut self, el: ElementRef<'_>) -> String {
        let text = self.inline_children(el);
        let text = text.replace("**", "").replace('{', "&#123;");
        collapse(&text).trim().to_string()
    }

    fn inline_children(&mut self, el: ElementRef<'_>) -> String {
        let mut out = String::new();
        for child in el.children() {
            out.push_str(&self.inline(child));
        }
        out
    }

    /// One node as inline Markdown.
    fn inline(&mut self, node: NodeRef<'_, Node>) -> String {
        match node.value() {
            Node::Text(t) => escape(&collapse(t)),
            Node::Element(_) => {
                let el = ElementRef::wrap(node).expect("an element");
                self.inline_element(el)
            }
            _ => String::new(),
        }
    }

    fn inline_element(&mut self, el: ElementRef<'_>) -> String {
        if self.depth >= MAX_DEPTH {
            return self.too_deep(el).unwrap_or_default();
        }
        self.depth += 1;
        let text = self.inline_at_depth(el);
        self.depth -= 1;
        text
    }

    fn inline_at_depth(&mut self, el: ElementRef<'_>) -> String {
        let name = el.value().name();
        if REMOVED.contains(&name) {
            self.note(el, format!("<{name}> removed"));
            return String::new();
        }
        if is_block_name(name) {
            // A block inside inline content (a div in a span): its text, inline.
            let blocks = self.block(el);
            return format!(" {} ", blocks.join(" "));
        }
        match name {
            "strong" | "b" => wrap(&self.inline_children(el), "**"),
            "em" | "i" => wrap(&self.inline_children(el), "*"),
            "s" | "strike" | "del" => wrap(&self.inline_children(el), "~~"),
            "code" | "kbd" | "samp" => code_span(&el.text().collect::<String>()),
            "br" => "\\\n".to_string(),
            "img" => self.image_inline(el, None).unwrap_or_default(),
            "a" => self.link(el),
            _ => self.inline_children(el),
        }
    }

    fn link(&mut self, el: ElementRef<'_>) -> String {
        if has_class(el, "footnote-anchor") {
            let label = footnote_label(el.text().collect::<String>().trim()).or_else(|| {
                el.attr("href")
                    .and_then(|h| h.rsplit('-').next())
                    .and_then(footnote_label)
            });
            if let Some(label) = label {
                if self.in_paid {
                    self.refs_paid.insert(label.clone());
                } else {
                    self.refs_free.insert(label.clone());
                }
                return format!("[^{label}]");
            }
        }
        let inner = self.inline_children(el);
        let href = el.attr("href").unwrap_or("").trim();
        if href.is_empty() {
            return inner;
        }
        match safe_url(href) {
            Some(url) if !inner.trim().is_empty() => {
                let url = unwrap_image_url(&url);
                format!("[{}]({})", inner.trim(), md_url(&url))
            }
            Some(_) => inner,
            None => {
                let what = if href.starts_with('#') {
                    "in-page link: kept as text".to_string()
                } else if href.starts_with('/') {
                    "link relative to Substack's site: kept as text".to_string()
                } else {
                    format!(
                        "unsafe link `{}` removed, its text kept",
                        href.chars().take(30).collect::<String>()
                    )
                };
                self.note(el, what);
                inner
            }
        }
    }

    /// `![alt](src)`, from an `img` and, when it has them, Substack's `data-attrs` (the
    /// original image URL and its alt text).
    fn image_inline(&mut self, img: ElementRef<'_>, caption: Option<&str>) -> Option<String> {
        let attrs = data_attrs(img);
        let src = attrs
            .as_ref()
            .and_then(|a| json_str(a, "src"))
            .or_else(|| img.attr("src"))
            .map(unwrap_image_url);
        let Some(src) = src.as_deref().and_then(web_url) else {
            self.note(img, "image without a web address: removed");
            return None;
        };
        let alt = img
            .attr("alt")
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .or_else(|| attrs.as_ref().and_then(|a| json_str(a, "alt")))
            .map(str::to_string)
            .or_else(|| {
                caption
                    .map(|c| c.to_string())
                    .filter(|c| !c.trim().is_empty())
            });
        let alt = match alt {
            Some(alt) => collapse(&alt).trim().to_string(),
            None => {
                self.note(img, "image without alt text: add a description");
                String::new()
            }
        };
        self.images.push(src.clone());
        Some(format!(
            "![{}]({})",
            alt.replace('\\', "\\\\")
                .replace('[', "\\[")
                .replace(']', "\\]"),
            md_url(&src)
        ))
    }

    /// A captioned image (or a bare figure): the image, then its caption in italics.
    fn image_block(&mut self, el: ElementRef<'_>) -> Vec<String> {
        let Some(img) = el.descendent_elements().find(|d| d.value().name() == "img") else {
            if el.value().name() == "figure" {
                return self.blocks_of(el.children());
            }
            self.note(el, "image container without an image: removed");
            return Vec::new();
        };
        let caption_el = el
            .descendent_elements()
            .find(|d| d.value().name() == "figcaption");
        let caption = caption_el.map(|c| {
            let md = self.inline_children(c);
            collapse(&md).trim().to_string()
        });
        let caption_text =
            caption_el.map(|c| collapse(&c.text().collect::<String>()).trim().to_string());
        let Some(image) = self.image_inline(img, caption_text.as_deref()) else {
            return caption.into_iter().filter(|c| !c.is_empty()).collect();
        };
        match caption.filter(|c| !c.is_empty()) {
            Some(c) if !c.contains('*') => vec![format!("{image}\n*{c}*")],
            Some(c) => vec![format!("{image}\n{}", escape_line_starts(&c))],
            None => vec![image],
        }
    }

    /// A `p.button-wrapper`: subscribe, share, gift and comment buttons are furniture; a
    /// button to anything else is the author's link and stays, as a link.
    fn button(&mut self, el: ElementRef<'_>) -> Vec<String> {
        let attrs = data_attrs(el);
        let anchor = el.descendent_elements().find(|d| d.value().name() == "a");
        let url = attrs
            .as_ref()
            .and_then(|a| json_str(a, "url").map(str::to_string))
            .or_else(|| anchor.and_then(|a| a.attr("href")).map(str::to_string))
            .unwrap_or_default();
        let text = attrs
            .as_ref()
            .and_then(|a| json_str(a, "text").map(str::to_string))
            .or_else(|| anchor.map(|a| collapse(&a.text().collect::<String>()).trim().to_string()))
            .unwrap_or_default();
        let lower = url.to_ascii_lowercase();
        let furniture = [
            "/subscribe",
            "action=share",
            "utm_content=share",
            "gift=true",
            "/comments",
            "/comment",
            "/leaderboard",
            "/chat",
            "substack.com/app",
            "/recommendations",
        ]
        .iter()
        .any(|f| lower.contains(f))
            || url.is_empty();
        if furniture {
            self.furniture += 1;
            return Vec::new();
        }
        match safe_url(&url) {
            Some(url) if !text.is_empty() => {
                vec![format!("[{}]({})", escape(&text), md_url(&url))]
            }
            _ => {
                self.note(el, "button with an unusable link: removed");
                Vec::new()
            }
        }
    }

    fn footnote(&mut self, el: ElementRef<'_>) {
        let number = el
            .descendent_elements()
            .find(|d| has_class(*d, "footnote-number"))
            .map(|a| a.text().collect::<String>());
        let label = number
            .as_deref()
            .and_then(|n| footnote_label(n.trim()))
            .or_else(|| {
                el.value()
                    .id()
                    .or_else(|| {
                        el.descendent_elements()
                            .find(|d| d.value().name() == "a")
                            .and_then(|a| a.value().id())
                    })
                    .and_then(|id| id.rsplit('-').next())
                    .and_then(footnote_label)
            });
        let Some(label) = label else {
            self.note(
                el,
                "footnote without a number: its text kept as a paragraph",
            );
            let text = collapse(&el.text().collect::<String>()).trim().to_string();
            let key = format!("orphan-{}", self.footnote_order.len());
            if self.in_paid {
                self.orphans_paid.insert(key.clone());
            }
            self.footnote_order.push(key.clone());
            self.footnotes.insert(key, escape(&text));
            return;
        };
        let content = el
            .descendent_elements()
            .find(|d| has_class(*d, "footnote-content"));
        let md = match content {
            Some(c) => join_blocks(&self.blocks_of(c.children())),
            None => {
                let rest: Vec<_> = el
                    .children()
                    .filter(|c| {
                        ElementRef::wrap(*c).is_none_or(|e| !has_class(e, "footnote-number"))
                    })
                    .collect();
                join_blocks(&self.blocks_of(rest))
            }
        };
        if !self.footnotes.contains_key(&label) {
            self.footnote_order.push(label.clone());
        }
        if self.in_paid {
            self.defined_paid.insert(label.clone());
        }
        self.footnotes.insert(label, md);
    }

    /// Records an element of [`is_removed`] as removed.
    pub fn note_removed(&mut self, el: ElementRef<'_>) {
        let what = match el.value().name() {
            "script" => "script removed".to_string(),
            "style" => "style sheet removed".to_string(),
            other => format!("<{other}> removed"),
        };
        self.note(el, what);
    }

    /// Whether what is converted next comes after the paywall cut.
    pub fn set_in_paid(&mut self, in_paid: bool) {
        self.in_paid = in_paid;
    }

    /// The footnote definitions for the free part and for the paid part.
    pub fn footnote_definitions(&mut self, has_paid: bool) -> (Vec<String>, Vec<String>) {
        let mut free = Vec::new();
        let mut paid = Vec::new();
        for label in std::mem::take(&mut self.footnote_order) {
            let md = self.footnotes.remove(&label).unwrap_or_default();
            if label.starts_with("orphan-") {
                // Cited by nothing: it stays on the side of the cut it was written on.
                if has_paid && self.orphans_paid.contains(&label) {
                    paid.push(md);
                } else {
                    free.push(md);
                }
                continue;
            }
            let def = indent(md.trim_end(), &format!("[^{label}]: "), "    ");
            let def = if def.trim().is_empty() {
                format!("[^{label}]: ")
            } else {
                def
            };
            if self.refs_free.contains(&label) || !has_paid {
                if has_paid && self.defined_paid.contains(&label) {
                    self.footnotes_made_public.push(label.clone());
                }
                free.push(def);
            } else {
                paid.push(def);
            }
        }
        (free, paid)
    }

    fn list(&mut self, el: ElementRef<'_>) -> String {
        let ordered = el.value().name() == "ol";
        let mut n: u64 = el
            .attr("start")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(1);
        let mut items = Vec::new();
        for child in el.children() {
            let Some(li) = ElementRef::wrap(child) else {
                let text = self.inline(child);
                if !text.trim().is_empty() {
                    items.push(format!("- {}", text.trim()));
                }
                continue;
            };
            let content = if li.value().name() == "li" {
                join_blocks(&self.blocks_of(li.children()))
            } else {
                join_blocks(&self.block(li))
            };
            let marker = if ordered {
                format!("{n}. ")
            } else {
                "- ".to_string()
            };
            n += 1;
            let pad = " ".repeat(marker.len());
            let content = if content.trim().is_empty() {
                marker.trim_end().to_string()
            } else {
                indent(content.trim_end(), &marker, &pad)
            };
            items.push(content);
        }
        // Items with several blocks are loose: a blank line between all items keeps them one
        // list either way.
        if items.iter().any(|i| i.contains("\n\n")) {
            items.join("\n\n")
        } else {
            items.join("\n")
        }
    }

    fn table(&mut self, el: ElementRef<'_>) -> Vec<String> {
        let rows: Vec<ElementRef<'_>> = el
            .descendent_elements()
            .filter(|d| d.value().name() == "tr")
            .collect();
        let mut cells: Vec<Vec<String>> = Vec::new();
        for row in rows {
            let mut out = Vec::new();
            for cell in row
                .child_elements()
                .filter(|c| matches!(c.value().name(), "td" | "th"))
            {
                let md = join_blocks(&self.blocks_of(cell.children()));
                out.push(
                    md.replace("\\\n", " ")
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
            cells.push(out);
        }
        let width = cells.iter().map(Vec::len).max().unwrap_or(0);
        if cells.is_empty() || width == 0 {
            self.note(el, "empty table: removed");
            return Vec::new();
        }
        let line = |row: &[String]| {
            let mut cols: Vec<String> = row.to_vec();
            cols.resize(width, String::new());
            format!("| {} |", cols.join(" | "))
        };
        let mut out = vec![line(&cells[0]), format!("|{}", " --- |".repeat(width))];
        out.extend(cells[1..].iter().map(|r| line(r)));
        vec![out.join("\n")]
    }

    fn tweet(&mut self, el: ElementRef<'_>) -> Vec<String> {
        let attrs = data_attrs(el);
        let url = attrs
            .as_ref()
            .and_then(|a| json_str(a, "url").map(str::to_string))
            .or_else(|| {
                el.descendent_elements()
                    .filter(|d| d.value().name() == "a")
                    .find_map(|a| a.attr("href").map(str::to_string))
            })
            .and_then(|u| web_url(&u));
        let Some(url) = url else {
            self.note(el, "tweet without its address: removed");
            return Vec::new();
        };
        let url = url.split('?').next().unwrap_or(&url).to_string();
        let name = attrs
            .as_ref()
            .and_then(|a| json_str(a, "name").map(str::to_string));
        let user = attrs
            .as_ref()
            .and_then(|a| json_str(a, "username").map(str::to_string));
        let text = attrs
            .as_ref()
            .and_then(|a| json_str(a, "full_text").map(str::to_string))
            .or_else(|| {
                el.descendent_elements()
                    .find(|d| has_class(*d, "tweet-text"))
                    .map(|t| t.text().collect::<String>())
            });
        let who = match (name, user) {
            (Some(n), Some(u)) => format!("{n} (@{u})"),
            (Some(n), None) => n,
            (None, Some(u)) => format!("@{u}"),
            (None, None) => host_of(&url),
        };
        let mut lines = vec![format!("[Post by {}]({})", escape(&who), md_url(&url))];
        if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
            lines.push(String::new());
            let paragraphs: Vec<String> = text
                .split("\n\n")
                .map(|p| {
                    escape_line_starts(
                        &p.lines()
                            .map(|l| escape(l.trim()))
                            .collect::<Vec<_>>()
                            .join("\\\n"),
                    )
                })
                .filter(|p| !p.trim().is_empty())
                .collect();
            lines.push(paragraphs.join("\n\n"));
        }
        vec![indent(&lines.join("\n"), "> ", "> ")]
    }

    fn youtube(&mut self, el: ElementRef<'_>) -> Vec<String> {
        let attrs = data_attrs(el);
        let id = attrs
            .as_ref()
            .and_then(|a| json_str(a, "videoId").map(str::to_string))
            .or_else(|| {
                el.value()
                    .id()
                    .and_then(|id| id.strip_prefix("youtube2-"))
                    .map(str::to_string)
            })
            .or_else(|| {
                el.descendent_elements()
                    .find(|d| d.value().name() == "iframe")
                    .and_then(|f| f.attr("src"))
                    .and_then(|s| s.split("/embed/").nth(1))
                    .map(|s| s.split(['?', '&', '/']).next().unwrap_or("").to_string())
            })
            .filter(|id| {
                !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            });
        let Some(id) = id else {
            self.note(el, "YouTube embed without a video id: removed");
            return Vec::new();
        };
        let mut url = format!("https://www.youtube.com/watch?v={id}");
        if let Some(start) = attrs
            .as_ref()
            .and_then(|a| a.get("startTime"))
            .and_then(Value::as_u64)
        {
            url.push_str(&format!("&t={start}s"));
        }
        let title = attrs
            .as_ref()
            .and_then(|a| json_str(a, "title").map(str::to_string));
        vec![card("Video on YouTube", &url, title.as_deref())]
    }

    fn embedded_post(&mut self, el: ElementRef<'_>) -> Vec<String> {
        let attrs = data_attrs(el);
        let url = attrs.as_ref().and_then(|a| {
            json_str(a, "url")
                .or_else(|| json_str(a, "canonical_url"))
                .and_then(web_url)
        });
        let Some(url) = url else {
            self.note(el, "embedded post without its address: removed");
            return Vec::new();
        };
        let title = attrs
            .as_ref()
            .and_then(|a| json_str(a, "title").map(str::to_string));
        let publication = attrs
            .as_ref()
            .and_then(|a| json_str(a, "publication_name").map(str::to_string));
        let label = match publication {
            Some(p) => format!("Post from {p}"),
            None => "Post".to_string(),
        };
        vec![card(&label, &url, title.as_deref())]
    }

    /// Any other Substack embed (`vimeo-wrap`, `spotify-wrap`, `soundcloud-wrap`, …): a link
    /// card when its `data-attrs` name a web address.
    fn generic_embed(&mut self, el: ElementRef<'_>) -> Option<Vec<String>> {
        let is_embed = el
            .value()
            .classes()
            .any(|c| c.ends_with("-wrap") || c.ends_with("-embed"))
            || el
                .attr("data-component-name")
                .is_some_and(|n| n.contains("Embed"));
        if !is_embed {
            return None;
        }
        let attrs = data_attrs(el);
        let url = attrs
            .as_ref()
            .and_then(|a| {
                ["url", "src", "href", "embed_url"]
                    .iter()
                    .find_map(|k| json_str(a, k).and_then(web_url))
            })
            .or_else(|| {
                el.descendent_elements()
                    .find(|d| d.value().name() == "iframe")
                    .and_then(|f| f.attr("src"))
                    .and_then(web_url)
            });
        let class = el
            .value()
            .classes()
            .find(|c| c.ends_with("-wrap") || c.ends_with("-embed"))
            .unwrap_or("embed")
            .to_string();
        match url {
            Some(url) => {
                let title = attrs
                    .as_ref()
                    .and_then(|a| json_str(a, "title").map(str::to_string));
                let host = host_of(&url);
                self.note(el, format!("`{class}` embed: shown as a link card"));
                Some(vec![card(
                    &format!("Embedded from {host}"),
                    &url,
                    title.as_deref(),
                )])
            }
            None => None,
        }
    }

    fn iframe(&mut self, el: ElementRef<'_>) -> Vec<String> {
        match el.attr("src").and_then(web_url) {
            Some(url) => {
                let host = host_of(&url);
                self.note(el, "iframe: shown as a link card");
                vec![card(
                    &format!("Embedded from {host}"),
                    &url,
                    el.attr("title"),
                )]
            }
            None => {
                self.note(el, "iframe without a web address: removed");
                Vec::new()
            }
        }
    }
}

/// A link card: a quote holding a link and, when known, a title.
fn card(label: &str, url: &str, title: Option<&str>) -> String {
    match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => format!("> [{}: {}]({})", escape(label), escape(t), md_url(url)),
        None => format!("> [{}]({})", escape(label), md_url(url)),
    }
}

/// An inline code span with a fence longer than any backtick run inside.
fn code_span(code: &str) -> String {
    let code = collapse(code);
    if code.trim().is_empty() {
        return code;
    }
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{code}{pad}{fence}")
}

/// A footnote label: letters and digits only.
fn footnote_label(text: &str) -> Option<String> {
    let label: String = text.chars().filter(char::is_ascii_alphanumeric).collect();
    (!label.is_empty() && label.len() <= 12).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(html: &str) -> String {
        convert(html).free
    }

    #[test]
    fn paragraphs_headings_and_emphasis() {
        assert_eq!(
            md("<h2><strong>Why it matters</strong></h2><p>Some <strong>bold </strong>and <em>italic</em> and <s>gone</s>.</p>"),
            "## Why it matters\n\nSome **bold** and *italic* and ~~gone~~.\n"
        );
        assert_eq!(md("<h1>Top</h1><h4>Small</h4>"), "## Top\n\n#### Small\n");
    }

    #[test]
    fn a_heading_cannot_set_attributes() {
        let out = md("<h2>Title {#sb-app data-x=1}</h2>");
        assert_eq!(out, "## Title &#123;#sb-app data-x=1}\n");
        let html = crate::render::markdown::render(&out).html;
        assert!(!html.contains("id=\"sb-app\""), "{html}");
        assert!(html.contains("Title {#sb-app data-x=1}"), "{html}");
    }

    #[test]
    fn text_that_looks_like_markup_stays_text() {
        let out = md("<p>&lt;script&gt;alert(1)&lt;/script&gt; *not bold* [x](y) &amp;lt;</p><p>1. not a list</p><p># not a heading</p>");
        assert_eq!(
            out,
            "\\<script\\>alert(1)\\</script\\> \\*not bold\\* \\[x\\](y) \\&lt;\n\n1\\. not a list\n\n\\# not a heading\n"
        );
        let html = crate::render::markdown::render(&out).html;
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn hostile_html_never_survives() {
        let body = convert(
            "<p onclick=\"steal()\">Hi <a href=\"javascript:alert(1)\">click</a> \
             <a href=\" JaVaScRiPt:alert(2)\">me</a><img src=x onerror=alert(3)></p>\
             <script>alert(4)</script><style>p{}</style>\
             <iframe src=\"javascript:alert(5)\"></iframe><form><input></form>\
             <a href=\"data:text/html,<script>alert(6)</script>\">data</a>",
        );
        let out = &body.free;
        for bad in [
            "javascript",
            "onclick",
            "onerror",
            "alert(4)",
            "steal",
            "data:",
            "<",
        ] {
            assert!(!out.to_lowercase().contains(bad), "{bad} in {out}");
        }
        assert!(out.contains("click") && out.contains("me"), "{out}");
        let whats: Vec<_> = body.unconverted.iter().map(|u| u.what.as_str()).collect();
        assert!(whats.contains(&"script removed"), "{whats:?}");
        assert!(
            whats.iter().any(|w| w.starts_with("unsafe link")),
            "{whats:?}"
        );
        assert!(
            whats.contains(&"image without a web address: removed"),
            "{whats:?}"
        );
        assert!(body
            .unconverted
            .iter()
            .all(|u| u.snippet.chars().count() <= 80));
    }

    #[test]
    fn links_lists_quotes_and_breaks() {
        assert_eq!(
            md("<ul><li><p>One <a href=\"https://a.example/x (y)\">link</a></p></li><li>Two<ul><li>Nested</li></ul></li></ul>"),
            "- One [link](https://a.example/x%20%28y%29)\n\n- Two\n\n  - Nested\n"
        );
        assert_eq!(
            md("<ol start=\"3\"><li>c</li><li>d</li></ol>"),
            "3. c\n4. d\n"
        );
        assert_eq!(
            md("<blockquote><p>Quoted<br>line two</p><p>More</p></blockquote>"),
            "> Quoted\\\n> line two\n>\n> More\n"
        );
    }

    #[test]
    fn captioned_images_use_the_original_url_alt_and_caption() {
        let html = r#"<div class="captioned-image-container"><figure><a class="image-link image2 is-viewable-img" target="_blank" href="https://substackcdn.com/image/fetch/$s_!x!,f_auto/https%3A%2F%2Fsubstack-post-media.s3.amazonaws.com%2Fpublic%2Fimages%2Fchart.png"><div class="image2-inset"><picture><img src="https://substackcdn.com/image/fetch/w_1456,c_limit,f_auto,q_auto:good/https%3A%2F%2Fsubstack-post-media.s3.amazonaws.com%2Fpublic%2Fimages%2Fchart.png" alt="A latency chart" width="1456"></picture><div class="image-link-expand"><svg></svg></div></div></a><figcaption class="image-caption">Latency by <em>batch</em> size</figcaption></figure></div>"#;
        let body = convert(html);
        assert_eq!(
            body.free,
            "![A latency chart](https://substack-post-media.s3.amazonaws.com/public/images/chart.png)\nLatency by *batch* size\n"
        );
        assert!(body.unconverted.is_empty(), "{:?}", body.unconverted);
        // Without alt text, the caption describes the image.
        let out = md(
            r#"<figure><img src="https://e.example/a.png"><figcaption>The caption</figcaption></figure>"#,
        );
        assert_eq!(
            out,
            "![The caption](https://e.example/a.png)\n*The caption*\n"
        );
    }

    #[test]
    fn footnotes_become_markdown_footnotes_in_the_part_that_cites_them() {
        let html = r##"<p>Claim<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a>.</p><div class="paywall-jump"></div><p>Paid<a class="footnote-anchor" href="#footnote-2">2</a>.</p><div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content"><p>Free source.</p></div></div><div class="footnote"><a id="footnote-2" href="#footnote-anchor-2" class="footnote-number">2</a><div class="footnote-content"><p>Paid source.</p><p>Second para.</p></div></div>"##;
        let body = convert(html);
        assert_eq!(body.free, "Claim[^1].\n\n[^1]: Free source.\n");
        // Written after the cut, cited before it: public, and said so.
        assert_eq!(body.footnotes_made_public, ["1"]);
        assert_eq!(
            body.paid.as_deref(),
            Some("Paid[^2].\n\n[^2]: Paid source.\n\n    Second para.\n")
        );
        let rendered = crate::render::markdown::render(&body.free).html;
        assert!(rendered.contains("footnote"), "{rendered}");
    }

    #[test]
    fn embeds_become_link_cards() {
        let tweet = r#"<div class="tweet" data-attrs="{&quot;url&quot;:&quot;https://twitter.com/karpathy/status/1?s=20&quot;,&quot;full_text&quot;:&quot;Batching *is* everything&quot;,&quot;username&quot;:&quot;karpathy&quot;,&quot;name&quot;:&quot;Andrej&quot;}"><a class="tweet-link-top" href="https://twitter.com/karpathy/status/1">x</a></div>"#;
        assert_eq!(
            md(tweet),
            "> [Post by Andrej (@karpathy)](https://twitter.com/karpathy/status/1)\n>\n> Batching \\*is\\* everything\n"
        );
        let yt = r#"<div id="youtube2-dQw4w9WgXcQ" class="youtube-wrap" data-attrs="{&quot;videoId&quot;:&quot;dQw4w9WgXcQ&quot;,&quot;startTime&quot;:30,&quot;endTime&quot;:null}"><div class="youtube-inner"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"></iframe></div></div>"#;
        assert_eq!(
            md(yt),
            "> [Video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30s)\n"
        );
        let post = r#"<div class="embedded-post-wrap" data-attrs="{&quot;url&quot;:&quot;https://x.substack.com/p/y&quot;,&quot;title&quot;:&quot;Older post&quot;,&quot;publication_name&quot;:&quot;X&quot;}"></div>"#;
        assert_eq!(
            md(post),
            "> [Post from X: Older post](https://x.substack.com/p/y)\n"
        );
    }

    #[test]
    fn code_keeps_its_language() {
        assert_eq!(
            md("<pre><code class=\"language-python\">def f():\n    return `x`\n</code></pre>"),
            "```python\ndef f():\n    return `x`\n```\n"
        );
        assert_eq!(
            md(
                r#"<div class="highlighted_code_block" data-attrs="{&quot;language&quot;:&quot;rust&quot;}"><pre class="shiki"><code>fn main() {}</code></pre></div>"#
            ),
            "```rust\nfn main() {}\n```\n"
        );
        assert_eq!(md("<p>Use <code>a*b</code> here</p>"), "Use `a*b` here\n");
    }

    #[test]
    fn furniture_is_removed_and_counted_but_author_buttons_stay() {
        let body = convert(
            r#"<p>Text</p><div class="subscription-widget-wrap-editor"><div class="subscription-widget"><p class="cta-caption">Thanks for reading!</p><form><input type="email"></form></div></div><p class="button-wrapper" data-attrs="{&quot;url&quot;:&quot;https://x.substack.com/subscribe?&quot;,&quot;text&quot;:&quot;Subscribe now&quot;}"><a class="button primary" href="https://x.substack.com/subscribe?"><span>Subscribe now</span></a></p><p class="button-wrapper"><a class="button" href="https://x.substack.com/p/y?utm_source=substack&amp;action=share"><span>Share</span></a></p><p class="button-wrapper" data-attrs="{&quot;url&quot;:&quot;https://arxiv.org/abs/1&quot;,&quot;text&quot;:&quot;Read the paper&quot;}"><a class="button" href="https://arxiv.org/abs/1">Read the paper</a></p>"#,
        );
        assert_eq!(
            body.free,
            "Text\n\n[Read the paper](https://arxiv.org/abs/1)\n"
        );
        assert_eq!(body.furniture, 3);
        assert!(body.unconverted.is_empty(), "{:?}", body.unconverted);
    }

    #[test]
    fn paywall_cut_and_unknown_constructs() {
        let body = convert(
            r#"<p>Free</p><div class="paywall-jump" data-component-name="PaywallToDOM"></div><p>Paid</p><div class="poll-embed" data-attrs="{}">Poll</div>"#,
        );
        assert_eq!(body.free, "Free\n");
        assert_eq!(body.paid.as_deref(), Some("Paid\n"));
        assert_eq!(body.unconverted.len(), 1);
        assert!(body.unconverted[0].what.starts_with("poll"));
        assert!(body.unconverted[0]
            .snippet
            .starts_with("<div class=\"poll-embed\""));
    }

    #[test]
    fn breaks_at_the_ends_of_a_paragraph_leave_nothing() {
        assert_eq!(
            md("<p><br>Line<br></p><p>a\\<br></p><p><br></p>"),
            "Line\n\na\\\\\n"
        );
    }

    #[test]
    fn tables() {
        assert_eq!(
            md("<table><tr><th>a</th><th>b|c</th></tr><tr><td>1</td><td>2</td></tr></table>"),
            "| a | b\\|c |\n| --- | --- |\n| 1 | 2 |\n"
        );
    }
}
