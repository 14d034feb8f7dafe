//! `posts.csv`, the export's list of posts: one row per post, read by column name (Substack
//! has added columns over the years), each row checked on its own so a damaged row is named
//! in the report and the others still import.

use sb_model::Date;

/// One row of `posts.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostRow {
    /// `143067291.the-ml-road-map`: the HTML file's name and, after the dot, the post's slug.
    pub post_id: String,
    /// The publication date (the date part of `post_date`), when it has one.
    pub date: Option<Date>,
    pub is_published: bool,
    /// `newsletter`, `podcast`, `thread`, …
    pub kind: String,
    /// `everyone`, `only_paid`, `only_free`, `founding`.
    pub audience: String,
    pub title: String,
    pub subtitle: String,
    pub podcast_url: String,
    /// The line of `posts.csv` the row starts on.
    pub line: u64,
}

impl PostRow {
    /// The slug Substack gave the post (`/p/<slug>`).
    pub fn substack_slug(&self) -> &str {
        self.post_id
            .split_once('.')
            .map(|(_, s)| s)
            .unwrap_or(&self.post_id)
    }
}

/// A row that could not be read, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedRow {
    pub line: u64,
    /// The row's `post_id`, when it could be read.
    pub post_id: Option<String>,
    pub why: String,
}

/// Reads `posts.csv`: the good rows, and every damaged one with its line.
pub fn read(bytes: &[u8]) -> Result<(Vec<PostRow>, Vec<DamagedRow>), String> {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| format!("posts.csv: the header row cannot be read: {e}"))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let Some(id_col) = column("post_id") else {
        return Err("posts.csv has no `post_id` column: is this a Substack export?".into());
    };
    let cols = Columns {
        id: id_col,
        date: column("post_date"),
        published: column("is_published"),
        kind: column("type"),
        audience: column("audience"),
        title: column("title"),
        subtitle: column("subtitle"),
        podcast: column("podcast_url"),
    };
    let mut rows = Vec::new();
    let mut damaged = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line());
                match cols.row(&record, line) {
                    Ok(row) => rows.push(row),
                    Err(why) => damaged.push(DamagedRow {
                        line,
                        post_id: record
                            .get(id_col)
                            .map(|s| s.trim().chars().take(80).collect::<String>())
                            .filter(|s| !s.is_empty()),
                        why,
                    }),
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                let why = match e.kind() {
                    ::csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!("{len} fields where the header has {expected_len}"),
                    _ => e.to_string(),
                };
                damaged.push(DamagedRow {
                    line,
                    post_id: None,
                    why,
                });
            }
        }
    }
    Ok((rows, damaged))
}

struct Columns {
    id: usize,
    date: Option<usize>,
    published: Option<usize>,
    kind: Option<usize>,
    audience: Option<usize>,
    title: Option<usize>,
    subtitle: Option<usize>,
    podcast: Option<usize>,
}

impl Columns {
    fn row(&self, record: &::csv::StringRecord, line: u64) -> Result<PostRow, String> {
        let get = |col: Option<usize>| col.and_then(|c| record.get(c)).unwrap_or("").trim();
        let post_id = get(Some(self.id)).to_string();
        let valid_id = !post_id.is_empty()
            && post_id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
            && !post_id.starts_with('.');
        if !valid_id {
            return Err(format!(
                "`post_id` `{}` is not a Substack post id such as `143067291.the-ml-road-map`",
                post_id.chars().take(60).collect::<String>()
            ));
        }
        let raw_date = get(self.date);
        let date =
            if raw_date.is_empty() {
                None
            } else {
                let day = raw_date.get(..10).unwrap_or(raw_date);
                Some(Date::parse(day).map_err(|e| {
                    format!("`post_date` `{raw_date}` is not an ISO 8601 date: {e}")
                })?)
            };
        let published = get(self.published).to_ascii_lowercase();
        let is_published = match published.as_str() {
            "true" | "t" | "1" | "yes" => true,
            "false" | "f" | "0" | "no" | "" => false,
            other => {
                return Err(format!(
                    "`is_published` `{other}` is neither true nor false"
                ))
            }
        };
        if is_published && date.is_none() {
            return Err("a published post without a `post_date`".into());
        }
        let title = decode_entities(get(self.title));
        if title.is_empty() {
            return Err("`title` is empty".into());
        }
        Ok(PostRow {
            post_id,
            date,
            is_published,
            kind: get(self.kind).to_ascii_lowercase(),
            audience: get(self.audience).to_ascii_lowercase(),
            title,
            subtitle: decode_entities(get(self.subtitle)),
            podcast_url: get(self.podcast).to_string(),
            line,
        })
    }
}

/// The few HTML entities Substack leaves in titles and subtitles.
fn decode_entities(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url\n";

    #[test]
    fn reads_rows_by_column_name() {
        let csv = format!(
            "{HEAD}143067291.the-ml-road-map,2024-03-05T14:30:00.000Z,true,2024-03-05T14:31:00.000Z,,newsletter,everyone,\"The ML Road Map, explained\",Why &amp; how,\n"
        );
        let (rows, damaged) = read(csv.as_bytes()).unwrap();
        assert!(damaged.is_empty(), "{damaged:?}");
        assert_eq!(rows[0].substack_slug(), "the-ml-road-map");
        assert_eq!(rows[0].date.unwrap().to_string(), "2024-03-05");
        assert_eq!(rows[0].title, "The ML Road Map, explained");
        assert_eq!(rows[0].subtitle, "Why & how");
        assert_eq!(rows[0].line, 2);
    }

    #[test]
    fn damaged_rows_are_named_and_the_rest_reads() {
        let csv = format!(
            "{HEAD}1.a,2024-01-01,true,,,newsletter,everyone,A,,\n2.b,not a date,true,,,newsletter,everyone,B,,\n3.c,2024-01-03,true\n4.d,2024-01-04,true,,,newsletter,everyone,D,,\n"
        );
        let (rows, damaged) = read(csv.as_bytes()).unwrap();
        assert_eq!(
            rows.iter().map(|r| r.post_id.as_str()).collect::<Vec<_>>(),
            ["1.a", "4.d"]
        );
        assert_eq!(damaged.len(), 2, "{damaged:?}");
        assert_eq!(damaged[0].line, 3);
        assert!(damaged[0].why.contains("not a date"), "{damaged:?}");
        assert_eq!(damaged[1].line, 4);
        assert!(damaged[1].why.contains("3 fields"), "{damaged:?}");
    }

    #[test]
    fn refuses_a_file_without_post_ids() {
        assert!(read(b"title,date\nA,2024-01-01\n")
            .unwrap_err()
            .contains("post_id"));
    }
}
