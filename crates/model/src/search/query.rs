//! What the reader typed, parsed: every word is required (AND), the last one is also a prefix.

use super::text::{stem, tokens};

/// At most this many words of a query are used (the rest are ignored).
pub const MAX_WORDS: usize = 8;

/// A parsed query. Words are deduplicated by term; an empty query has no words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The required words before the last one, as index terms (folded and stemmed).
    pub exact: Vec<String>,
    /// The last word, which the reader may still be typing.
    pub last: Option<LastWord>,
}

/// The last word of a query: it matches its own term exactly, or any term starting with
/// `prefix` (only the [`super::PREFIX_TERMS`] best such terms are used).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastWord {
    /// The word folded but not stemmed (`quant`, `queries`).
    pub prefix: String,
    /// The word folded and stemmed (`quant`, `query`).
    pub term: String,
}

impl Query {
    /// Parses what the reader typed. Punctuation separates words; case and accents do not
    /// matter. The last word is a prefix while the reader may still be typing it; once the text
    /// ends with a space (or punctuation) it is complete and matches exactly like the others.
    pub fn parse(text: &str) -> Query {
        let complete = text.chars().last().is_some_and(|c| !c.is_alphanumeric());
        let words: Vec<String> = tokens(text)
            .into_iter()
            .map(|t| t.word)
            .take(MAX_WORDS)
            .collect();
        let Some((last, rest)) = words.split_last() else {
            return Query::default();
        };
        let last_term = stem(last);
        let mut exact: Vec<String> = Vec::new();
        for w in rest {
            let t = stem(w);
            if t != last_term && !exact.contains(&t) {
                exact.push(t);
            }
        }
        if complete {
            exact.push(last_term);
            return Query { exact, last: None };
        }
        Query {
            exact,
            last: Some(LastWord {
                prefix: last.clone(),
                term: last_term,
            }),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty() && self.last.is_none()
    }

    /// Number of words (each must match).
    pub fn word_count(&self) -> usize {
        self.exact.len() + usize::from(self.last.is_some())
    }

    /// Whether a token of a document (folded, unstemmed `word`) matches some word of the query:
    /// used to highlight matches.
    pub fn matches_word(&self, word: &str) -> bool {
        let t = stem(word);
        self.exact.contains(&t)
            || self.last.as_ref().is_some_and(|l| {
                t == l.term || word.starts_with(&l.prefix) || t.starts_with(&l.prefix)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_exact_but_the_last_a_prefix() {
        let q = Query::parse("KV Caches  quant");
        assert_eq!(q.exact, ["kv", "cach"]);
        let last = q.last.unwrap();
        assert_eq!(last.prefix, "quant");
        assert_eq!(last.term, "quant");
    }

    #[test]
    fn last_word_keeps_its_unstemmed_prefix_and_its_stem() {
        let q = Query::parse("Queries");
        let last = q.last.unwrap();
        assert_eq!(
            (last.prefix.as_str(), last.term.as_str()),
            ("queries", "query")
        );
    }

    #[test]
    fn empty_and_punctuation_only_queries_are_empty() {
        assert!(Query::parse("").is_empty());
        assert!(Query::parse("  !? ").is_empty());
        assert_eq!(Query::parse("a a a").word_count(), 1);
    }

    #[test]
    fn a_trailing_space_completes_the_last_word() {
        let q = Query::parse("kv cache ");
        assert_eq!(q.exact, ["kv", "cach"]);
        assert_eq!(q.last, None);
        assert!(!q.is_empty());
        assert!(Query::parse("cache, kv").last.is_some());
        assert!(Query::parse("kv cache.").last.is_none());
        assert!(Query::parse("  ").is_empty());
    }

    #[test]
    fn duplicate_words_count_once() {
        let q = Query::parse("model models serving");
        assert_eq!(q.exact, ["model"]);
        assert_eq!(q.word_count(), 2);
    }

    #[test]
    fn highlights_match_words_and_the_prefix() {
        let q = Query::parse("transformer quant");
        assert!(q.matches_word("transformers"));
        assert!(q.matches_word("quantization"));
        assert!(!q.matches_word("quack"));
    }
}
