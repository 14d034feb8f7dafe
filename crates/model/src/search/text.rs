//! Text normalisation for search: case and accent folding, tokenising and plural stemming.
//!
//! Accents are folded by a compact hand table covering Latin-1 and Latin Extended-A (the
//! `unicode-normalization` crate would add its decomposition tables, tens of KB, to the wasm).
//! Letters outside the table are only lowercased, so non-Latin scripts still match themselves.

/// The folded form of one lowercase character: its ASCII base letter(s), or itself.
fn fold_lower(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Whether `c` is part of a word (letters and digits; apostrophes inside words are dropped).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Appends the lowercased, accent-folded form of `c` to `out`.
fn push_folded(c: char, out: &mut String) {
    for l in c.to_lowercase() {
        match fold_lower(l) {
            Some(s) => out.push_str(s),
            None => out.push(l),
        }
    }
}

/// Lowercases and strips accents: `"Café Régression"` → `"cafe regression"`.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// One word of a text: where it is (byte range in the original text) and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Lowercased and accent-folded, apostrophes removed (not stemmed).
    pub word: String,
}

/// The words of `text` with their byte ranges: runs of letters and digits; an apostrophe
/// between letters joins them (`model's` → `models`).
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut current: Option<Token> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            let t = current.get_or_insert_with(|| Token {
                start: i,
                end: i,
                word: String::new(),
            });
            push_folded(c, &mut t.word);
            t.end = i + c.len_utf8();
        } else if is_apostrophe(c)
            && current.is_some()
            && chars.peek().is_some_and(|&(_, n)| is_word_char(n))
        {
            // Skipped: the word goes on after it.
        } else if let Some(t) = current.take() {
            out.push(t);
        }
    }
    out.extend(current);
    out
}

/// Simple plural stemming, the same for documents and queries: `transformers` → `transformer`,
/// `queries` → `query`, `caches` and `cache` → `cach`, `batches` → `batch`; words ending in
/// `ss`, `is`, `ias` or `ous` (`class`, `analysis`, `bias`, `various`), or in `us` with 5 letters
/// or more (`status`, `corpus`; `gpus` is a plural), are kept.
/// Short words (3 letters or fewer) are never changed.
pub fn stem(word: &str) -> String {
    let w = word;
    let n = w.len();
    if n <= 3 || !w.is_ascii() {
        return w.to_string();
    }
    let keep = ["ss", "is", "ias", "ous"];
    if w.ends_with("ies") && n > 4 {
        return format!("{}y", &w[..n - 3]);
    }
    for suffix in ["sses", "ches", "shes", "xes", "iases"] {
        if w.ends_with(suffix) {
            return w[..n - 2].to_string();
        }
    }
    // `cache` / `niche` stem like their plurals (`caches` → `cach`).
    if w.ends_with("che") || w.ends_with("she") {
        return w[..n - 1].to_string();
    }
    // `status`, `corpus` are kept; `gpus`, `cpus` are plurals.
    let keep_us = w.ends_with("us") && n >= 5;
    if w.ends_with('s') && !keep_us && !keep.iter().any(|k| w.ends_with(k)) {
        return w[..n - 1].to_string();
    }
    w.to_string()
}

/// The index terms of a text: normalised, stemmed words.
pub fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    tokens(text).into_iter().map(|t| stem(&t.word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(normalize("Café Régression"), "cafe regression");
        assert_eq!(normalize("Straße Œuvre ŁÓDŹ"), "strasse oeuvre lodz");
        assert_eq!(normalize("Ωmega"), "ωmega");
    }

    #[test]
    fn tokens_keep_byte_ranges_of_the_original() {
        let text = "Naïve  model's KV-cache, 2026!";
        let toks = tokens(text);
        let words: Vec<&str> = toks.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(words, ["naive", "models", "kv", "cache", "2026"]);
        assert_eq!(&text[toks[0].start..toks[0].end], "Naïve");
        assert_eq!(&text[toks[1].start..toks[1].end], "model's");
        assert_eq!(&text[toks[4].start..toks[4].end], "2026");
        assert!(tokens("  ,, ").is_empty());
        // A trailing apostrophe is not part of the word.
        assert_eq!(tokens("models' x")[0].word, "models");
    }

    #[test]
    fn plurals_stem_to_one_term() {
        let same = [
            ("transformers", "transformer"),
            ("queries", "query"),
            ("caches", "cache"),
            ("batches", "batch"),
            ("classes", "class"),
            ("boxes", "box"),
            ("gpus", "gpu"),
            ("models", "model"),
            ("embeddings", "embedding"),
        ];
        for (plural, single) in same {
            assert_eq!(stem(plural), stem(single), "{plural} / {single}");
        }
        assert_eq!(stem("transformers"), "transformer");
        assert_eq!(stem("queries"), "query");
    }

    #[test]
    fn words_that_only_look_plural_are_kept() {
        for w in [
            "bias", "class", "status", "analysis", "various", "alias", "gas", "its",
        ] {
            assert_eq!(stem(w), w, "{w}");
        }
        assert_ne!(stem("bias"), stem("bia"));
        assert_eq!(stem("biases"), "bias");
    }

    #[test]
    fn terms_are_folded_and_stemmed() {
        let t: Vec<String> = terms("Transformers über Caches").collect();
        assert_eq!(t, ["transformer", "uber", "cach"]);
    }
}
