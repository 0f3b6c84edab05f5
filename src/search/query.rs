//! The ranking, in Rust. `search.js` implements the same steps over the
//! loaded shards (functions `candidates` and `rank`); the shared query vectors
//! check that both put the same procedure first.
//!
//! 1. The query is folded, split into words and prepared (`prepare.rs`;
//!    at most [`MAX_WORDS`]).
//! 2. Each word gets candidate terms from the vocabulary. A word without an
//!    ASCII digit looks only at terms without one: itself (quality 10); for
//!    the last word of 3+ characters, the [`MAX_PREFIX`] shortest terms it
//!    begins (quality 8); only when neither exists and the word has 4+
//!    characters, up to [`MAX_TYPO`] terms at one edit (insert, delete,
//!    substitute, swap two neighbours; quality 6). A word with a digit (a
//!    code, a number) looks only at terms with one (the browser loads those,
//!    most of a catalogue's vocabulary, on demand): itself, and for the last
//!    word the first [`MAX_PREFIX`] terms it begins in vocabulary order;
//!    never a typo.
//!    A prefix completion (quality 8) counts only where the term occurs
//!    outside the body (title, aliases, code, field, documents, result: its
//!    head postings): a word being typed is not looked up in every body, and
//!    the browser loads only head shards for it.
//! 3. Words with no candidate are dropped: they do not empty the results.
//! 4. Per document and word: the best `field weight × quality` over the
//!    word's candidates, and the fields, title and alias positions it
//!    matched; when the word matched the document exactly somewhere, the
//!    tier only looks at those exact matches.
//! 5. Each word weighs [`info`]: 1 for a word in every document, more the
//!    rarer it is (`đăng ký`, `cấp` tell little).
//! 6. Order: information of the words matched in the name (title, alias,
//!    code), counted twice for those next to a query neighbour there; of
//!    those next to a neighbour; of those matched anywhere, then exactly (so `bao tu` prefers the alias
//!    "báo tử" to "bảo trợ … đối tượng"), tier (see `tier`, over the words
//!    of the name), a title that does not begin with a variant phrase the
//!    query lacks (`cấp lại`, `chấm dứt`: the lexicon's `variants`), from tier 2 up the shorter title, score (Σ field
//!    weight × quality × information), title length, catalogue order.

use super::fold::has_digit;
use super::index::{
    apart, Index, Posting, ALIAS, BODY, CLERK, CODE, DOCS, FIELD, PHRASE, RESULT, TITLE,
};

/// The fields that name a procedure: a query word matched there counts
/// first.
const NAMES: u8 = TITLE | ALIAS | CODE;
use super::prepare::{prepare, Lookups, Prepared};

pub const MAX_WORDS: usize = 10;
pub const MAX_PREFIX: usize = 8;
pub const MAX_TYPO: usize = 10;
const PREFIX_MIN: usize = 3;
/// The quality of a prefix completion.
const PREFIX: u32 = 8;
const TYPO_MIN: usize = 4;

/// Field weights; a word's weight in a document is its best field.
pub(crate) fn weight(mask: u8) -> u32 {
    if mask & (TITLE | CODE) != 0 {
        10
    } else if mask & ALIAS != 0 {
        9
    } else if mask & FIELD != 0 {
        4
    } else if mask & DOCS != 0 {
        3
    } else if mask & RESULT != 0 {
        2
    } else if mask & BODY != 0 {
        1
    } else {
        0
    }
}

/// How much a query word tells, from the number of documents it matched
/// (`df`) out of `n`: 1 for a word in every document, one more for each
/// factor of 2^(1/4) (1.189) by which it is rarer. Integers only, so that
/// Rust and JS agree to the last bit.
pub(crate) fn info(df: u32, n: u32) -> u32 {
    if df == 0 {
        return 0;
    }
    let (mut x, lim) = (u64::from(df) * 1000, u64::from(n) * 1000);
    let mut k = 1;
    while x * 1189 / 1000 <= lim {
        x = x * 1189 / 1000;
        k += 1;
    }
    k
}

/// One ranked result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub doc: u32,
    /// Some word matched one of the clerk's own aliases.
    pub clerk: bool,
    /// Query words matched (for "matches every word").
    pub matched: u32,
    /// The information of the words matched in the title, an alias or the
    /// code: the first key of the order.
    pub titled: u32,
    /// The information of the words next to a neighbour of the query in
    /// the title or an alias (all, when the words are an alias whole).
    pub linked: u32,
    /// The information of the words matched anywhere ([`info`] summed).
    pub cover: u32,
    /// The information of the words matched exactly (not as a prefix or
    /// with a typo).
    pub exact: u32,
    pub tier: u32,
    /// The words are a phrase of the title (tier 5 or more before an
    /// alias whole raised it).
    pub phrase: bool,
    pub score: u32,
}

/// Candidate terms (vocabulary index, quality) of one query word.
pub(crate) fn candidates(vocab: &[String], word: &str, last: bool) -> Vec<(usize, u32)> {
    let key: Vec<u16> = word.encode_utf16().collect();
    let lower = vocab.partition_point(|t| t.encode_utf16().lt(key.iter().copied()));
    let mut out = Vec::new();
    let mut start = lower;
    if vocab.get(lower).is_some_and(|t| t == word) {
        out.push((lower, 10));
        start += 1;
    }
    let len = word.chars().count();
    let digit = has_digit(word);
    if last && len >= PREFIX_MIN {
        let range = (start..vocab.len()).take_while(|&i| vocab[i].starts_with(word));
        if digit {
            // Every term a word with a digit begins has that digit.
            out.extend(range.take(MAX_PREFIX).map(|i| (i, PREFIX)));
        } else {
            let mut pre: Vec<usize> = range.filter(|&i| !apart(&vocab[i])).collect();
            pre.sort_by_key(|&i| (vocab[i].chars().count(), i));
            out.extend(pre.into_iter().take(MAX_PREFIX).map(|i| (i, PREFIX)));
        }
    }
    if out.is_empty() && len >= TYPO_MIN && !digit {
        let w: Vec<char> = word.chars().collect();
        out.extend(
            vocab
                .iter()
                .enumerate()
                .filter(|(_, t)| !apart(t) && one_edit(&w, t))
                .take(MAX_TYPO)
                .map(|(i, _)| (i, 6)),
        );
    }
    out
}

/// True when `t` is exactly one edit from `w` (optimal string alignment:
/// insert, delete, substitute, or swap two neighbours).
pub(crate) fn one_edit(w: &[char], t: &str) -> bool {
    let t: Vec<char> = t.chars().collect();
    let (a, b) = (w, &t[..]);
    if a.len().abs_diff(b.len()) > 1 || a == b {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
    }
}

/// Per document, per query word: what its candidates matched, kept apart for
/// exact matches (`[0]`) and prefix or typo matches (`[1]`).
#[derive(Clone, Default)]
struct State {
    score: Vec<u32>,
    masks: [Vec<u8>; 2],
    tb: [Vec<u32>; 2],
    ab: [Vec<u32>; 2],
    code_exact: Vec<bool>,
    tlen: Option<u8>,
}

impl Index {
    /// The query's words as looked up (`prepare.rs`).
    pub fn prepare(&self, query: &str) -> Prepared {
        let words = super::words(query);
        // The words without a digit only, as the browser has them.
        let has = |w: &str| !has_digit(w) && self.find(w).is_ok();
        let begins = |w: &str| {
            let at = self.find(w).unwrap_or_else(|i| i);
            self.vocab[at..]
                .iter()
                .take_while(|t| t.starts_with(w))
                .any(|t| !apart(t))
        };
        let near = |w: &str| {
            let c: Vec<char> = w.chars().collect();
            self.vocab.iter().any(|t| !apart(t) && one_edit(&c, t))
        };
        let vocab = Lookups {
            has: &has,
            begins: &begins,
            near: &near,
        };
        let mut p = prepare(&words, &self.rules, &vocab);
        p.words.truncate(MAX_WORDS);
        p
    }

    /// Where `w` is in the vocabulary (UTF-16 order), or would be.
    fn find(&self, w: &str) -> Result<usize, usize> {
        let key: Vec<u16> = w.encode_utf16().collect();
        self.vocab
            .binary_search_by(|t| t.encode_utf16().cmp(key.iter().copied()))
    }

    /// Ranks the documents for a query; best first.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.search_words(&self.prepare(query).words)
    }

    /// Ranks the documents for prepared words.
    pub fn search_words(&self, words: &[String]) -> Vec<Hit> {
        let n = words.len();
        let per_word: Vec<Vec<(usize, u32)>> = words
            .iter()
            .enumerate()
            .map(|(i, w)| candidates(&self.vocab, w, i + 1 == n))
            .filter(|c| !c.is_empty())
            .collect();
        // Prefix completions: head postings only.
        let heads: Vec<Vec<Vec<Posting>>> = per_word
            .iter()
            .map(|c| {
                c.iter()
                    .map(|&(t, q)| match q {
                        PREFIX => self.postings[t]
                            .iter()
                            .filter(|p| p.mask != BODY)
                            .copied()
                            .collect(),
                        _ => Vec::new(),
                    })
                    .collect()
            })
            .collect();
        let lists: Vec<Vec<(&[Posting], u32)>> = per_word
            .iter()
            .zip(&heads)
            .map(|(c, h)| {
                c.iter()
                    .zip(h)
                    .map(|(&(t, q), head)| match q {
                        PREFIX => (&head[..], q),
                        _ => (&self.postings[t][..], q),
                    })
                    .collect()
            })
            .collect();
        rank(&lists, &self.demoted(words), &self.whole_alias(words))
    }

    /// Per document: the query's words are one of its aliases, whole.
    fn whole_alias(&self, words: &[String]) -> Vec<bool> {
        let mut out = vec![false; self.docs.len()];
        if words.len() >= 2 {
            if let Ok(t) = self.find(&words.join(PHRASE)) {
                for p in &self.postings[t] {
                    out[p.doc as usize] = true;
                }
            }
        }
        out
    }

    /// Per document: its title opens with variant phrases (`cấp lại`),
    /// none of which the query's words have.
    fn demoted(&self, words: &[String]) -> Vec<bool> {
        let mut out = vec![false; self.docs.len()];
        for (doc, phrase) in &self.variants {
            let asked = |p: &str| p.split(' ').all(|w| words.iter().any(|q| q == w));
            out[*doc as usize] = !phrase.split('|').any(asked);
        }
        out
    }
}

/// The tier of a document over some query words (per word, its fields,
/// title and alias positions, exact matches when there are; the title's
/// length; whether the first word is the code, typed exactly):
/// 7 the title's words and no more, in any order (or the code); 6 the title
/// begins with the words as a phrase (or they are an alias, whole: see
/// `rank`); 5 the phrase is in the title; 4 the
/// phrase is in an alias or synonym; 3 the words are all in the title; 2 in
/// title or aliases; 1 outside the body; 0 anywhere.
fn tier(tlen: Option<u8>, code_exact: bool, masks: &[u8], tb: &[u32], ab: &[u32]) -> u32 {
    let k = masks.len();
    let all = masks.iter().all(|&m| m != 0);
    let in_any = |bits: u8| all && masks.iter().all(|m| m & bits != 0);
    let phrase = |b: &[u32]| {
        b.iter()
            .enumerate()
            .fold(u32::MAX, |acc, (j, x)| acc & (x >> j))
    };
    let alias_phrase = all && phrase(ab) != 0;
    if in_any(TITLE | CODE) {
        let tp = phrase(tb);
        // Exact wording, in any order: the title has the query's words and
        // nothing more.
        let union = tb.iter().fold(0, |a, b| a | b);
        let whole = tlen == Some(k as u8) && k < 31 && union == (1u32 << k) - 1;
        if whole || (k == 1 && code_exact) {
            7
        } else if tp & 1 != 0 {
            6
        } else if tp != 0 {
            5
        } else if alias_phrase {
            4
        } else {
            3
        }
    } else if alias_phrase {
        4
    } else if in_any(NAMES) {
        2
    } else if in_any(!BODY) {
        1
    } else {
        0
    }
}

/// The information of the words next to a neighbour of the query in the
/// title or in an alias (`tb`, `ab`: per word, its positions).
fn linked(infos: &[u32], tb: &[u32], ab: &[u32]) -> u32 {
    let k = infos.len();
    let next = |j: usize| ((tb[j] << 1) & tb[j + 1]) != 0 || ((ab[j] << 1) & ab[j + 1]) != 0;
    (0..k)
        .filter(|&j| (j > 0 && next(j - 1)) || (j + 1 < k && next(j)))
        .map(|j| infos[j])
        .sum()
}

/// Steps 4 and 5, over the postings of each kept word's candidates.
/// `demoted`, per document: a variant title the query did not ask for
/// (see `Index::demoted`); among equal matches it comes after the others.
pub(crate) fn rank(words: &[Vec<(&[Posting], u32)>], demoted: &[bool], whole: &[bool]) -> Vec<Hit> {
    let ndocs = demoted.len();
    let k = words.len();
    if k == 0 {
        return Vec::new();
    }
    let (states, df) = gather(words, ndocs);
    let infos: Vec<u32> = df.iter().map(|&d| info(d, ndocs as u32)).collect();
    let mut hits: Vec<(Hit, u8)> = states
        .iter()
        .enumerate()
        .filter_map(|(doc, s)| {
            let s = s.as_ref()?;
            Some((judge(doc, s, &infos, whole[doc]), s.tlen.unwrap_or(255)))
        })
        .collect();
    sort(&mut hits, demoted);
    hits.into_iter().map(|(h, _)| h).collect()
}

/// Step 4: per document and word, what the word's candidates matched;
/// and each word's document frequency.
fn gather(words: &[Vec<(&[Posting], u32)>], ndocs: usize) -> (Vec<Option<State>>, Vec<u32>) {
    let k = words.len();
    let mut states: Vec<Option<State>> = vec![None; ndocs];
    let mut df = vec![0u32; k];
    for (j, cands) in words.iter().enumerate() {
        for &(list, q) in cands {
            let e = usize::from(q != 10);
            for p in list {
                let s = states[p.doc as usize].get_or_insert_with(|| State {
                    score: vec![0; k],
                    masks: [vec![0; k], vec![0; k]],
                    tb: [vec![0; k], vec![0; k]],
                    ab: [vec![0; k], vec![0; k]],
                    code_exact: vec![false; k],
                    tlen: None,
                });
                if s.masks[0][j] | s.masks[1][j] == 0 {
                    df[j] += 1;
                }
                s.score[j] = s.score[j].max(weight(p.mask) * q);
                s.masks[e][j] |= p.mask;
                if p.mask & TITLE != 0 {
                    s.tb[e][j] |= p.tbits;
                }
                if p.mask & ALIAS != 0 {
                    s.ab[e][j] |= p.abits;
                }
                if p.mask & (TITLE | ALIAS) != 0 {
                    s.tlen = Some(p.tlen);
                }
                if p.mask & CODE != 0 && q == 10 {
                    s.code_exact[j] = true;
                }
            }
        }
    }
    (states, df)
}

/// Step 5 for one document: its keys (`whole`: the words are one of its
/// aliases, whole).
fn judge(doc: usize, s: &State, infos: &[u32], whole: bool) -> Hit {
    let k = infos.len();
    // A word matched exactly somewhere is taken as meant exactly: the
    // tier looks at its exact matches only.
    let pick = |j: usize| usize::from(s.masks[0][j] == 0);
    let masks: Vec<u8> = (0..k).map(|j| s.masks[pick(j)][j]).collect();
    let tb: Vec<u32> = (0..k).map(|j| s.tb[pick(j)][j]).collect();
    let ab: Vec<u32> = (0..k).map(|j| s.ab[pick(j)][j]).collect();
    let matched = masks.iter().filter(|&&m| m != 0).count() as u32;
    let sum = |m: &[u8]| (0..k).filter(|&j| m[j] != 0).map(|j| infos[j]).sum::<u32>();
    let (cover, exact) = (sum(&masks), sum(&s.masks[0]));
    // The words that name this procedure (title, alias, code): they
    // count first, and the tier looks at them alone, so that a
    // stray word ("cho", "mất") found in some other procedure's
    // documents does not outrank the words of the name.
    let named: Vec<usize> = (0..k).filter(|&j| masks[j] & NAMES != 0).collect();
    let titled = named.iter().map(|&j| infos[j]).sum();
    let tier = if named.is_empty() || named.len() == k {
        tier(s.tlen, s.code_exact[0], &masks, &tb, &ab)
    } else {
        let pick = |v: &[u32]| named.iter().map(|&j| v[j]).collect::<Vec<u32>>();
        let m: Vec<u8> = named.iter().map(|&j| masks[j]).collect();
        tier(s.tlen, s.code_exact[named[0]], &m, &pick(&tb), &pick(&ab))
    };
    // The words are one of its aliases, whole: every word is linked,
    // and the tier is at least 6 (above a phrase inside a longer
    // alias, below the title's own words).
    let is_whole = named.len() == k && whole;
    Hit {
        doc: doc as u32,
        clerk: masks.iter().any(|m| m & CLERK != 0),
        matched,
        titled,
        linked: if is_whole {
            cover
        } else {
            linked(infos, &tb, &ab)
        },
        cover,
        exact,
        phrase: tier >= 5,
        tier: if is_whole { tier.max(6) } else { tier },
        score: (0..k).map(|j| s.score[j] * infos[j]).sum(),
    }
}

/// Step 6: the order.
fn sort(hits: &mut [(Hit, u8)], demoted: &[bool]) {
    // From tier 2 up (every word in the title or an alias), the shorter
    // title first: a longer title only adds other things.
    let short = |h: &Hit, len: u8| if h.tier >= 2 { len } else { 0 };
    // A variant title the query did not ask for comes after the others,
    // unless the words are a phrase of its title ("giấy xác nhận khuyết
    // tật" is in "Đổi, cấp lại Giấy xác nhận khuyết tật") or the clerk's
    // own aliases matched: the site said so.
    let base = |h: &Hit| h.phrase || h.clerk || !demoted[h.doc as usize];
    hits.sort_by(|(a, la), (b, lb)| {
        // Words of the name count once, twice when they stand together
        // as in the name: a phrase of two words tells more than two
        // words scattered over a long title.
        let named = |h: &Hit| h.titled + h.linked;
        (named(b), b.linked, b.cover, b.exact, b.tier, base(b))
            .cmp(&(named(a), a.linked, a.cover, a.exact, a.tier, base(a)))
            .then(short(a, *la).cmp(&short(b, *lb)))
            .then(b.score.cmp(&a.score))
            .then(la.cmp(lb))
            .then(a.doc.cmp(&b.doc))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::SearchDoc;

    fn one_edit_s(a: &str, b: &str) -> bool {
        one_edit(&a.chars().collect::<Vec<_>>(), b)
    }

    #[test]
    fn edits() {
        assert!(one_edit_s("snih", "sinh"));
        assert!(one_edit_s("khia", "khai"));
        assert!(one_edit_s("sinh", "sin"));
        assert!(one_edit_s("sih", "sinh"));
        assert!(one_edit_s("sinj", "sinh"));
        assert!(!one_edit_s("sinh", "sinh"));
        assert!(!one_edit_s("sinh", "snhi"));
        assert!(!one_edit_s("abcd", "badc"));
    }

    fn d(title: &str, field: usize, aliases: &[&str], body: &str) -> SearchDoc<'static> {
        SearchDoc {
            url: format!("f{field}/{}/", crate::text::slugify(title)),
            title: title.to_string().into(),
            field_name: ["Hộ tịch", "Chứng thực"][field].into(),
            field_order: field,
            aliases: aliases.iter().map(|s| s.to_string().into()).collect(),
            body: body.to_string().into(),
            ..SearchDoc::default()
        }
    }

    fn index() -> Index {
        let mut docs = vec![
            d("Đăng ký lại khai sinh", 0, &["mất giấy khai sinh"], ""),
            d("Đăng ký khai sinh lưu động", 0, &["khai sinh tại nhà"], ""),
            d(
                "Đăng ký khai sinh có yếu tố nước ngoài",
                0,
                &["khai sinh cho con lai"],
                "",
            ),
            d(
                "Đăng ký khai sinh",
                0,
                &["làm giấy khai sinh", "khai sinh cho con"],
                "",
            ),
            d(
                "Đăng ký kết hôn",
                0,
                &["giấy hôn thú"],
                "Cần giấy xác nhận độc thân.",
            ),
            d(
                "Chứng thực chữ ký",
                1,
                &["công chứng chữ ký"],
                "Người ký phải có mặt.",
            ),
            d("Chứng thực bản sao từ bản chính", 1, &["sao y"], ""),
        ];
        docs[5].code = Some("2.000884".into());
        docs[6].documents = vec!["Bản chính giấy khai sinh".into()];
        // The ranking alone: no synonyms, no filler words.
        Index::build_with(&docs, &crate::search::Lexicon::default())
    }

    fn first(ix: &Index, q: &str) -> String {
        ix.search(q)
            .first()
            .map(|h| ix.title(h.doc).to_string())
            .unwrap_or_default()
    }

    #[test]
    fn exact_title_beats_near_identical_titles() {
        let ix = index();
        assert_eq!(first(&ix, "dang ky khai sinh"), "Đăng ký khai sinh");
        assert_eq!(first(&ix, "ĐĂNG KÝ KHAI SINH"), "Đăng ký khai sinh");
        assert_eq!(first(&ix, "khai sinh"), "Đăng ký khai sinh");
        assert_eq!(first(&ix, "dang ky lai khai sinh"), "Đăng ký lại khai sinh");
        assert_eq!(
            first(&ix, "khai sinh luu dong"),
            "Đăng ký khai sinh lưu động"
        );
        assert_eq!(
            first(&ix, "khai sinh nuoc ngoai"),
            "Đăng ký khai sinh có yếu tố nước ngoài"
        );
        let order: Vec<&str> = ix
            .search("dang ky khai sinh")
            .iter()
            .map(|h| ix.title(h.doc))
            .collect();
        assert_eq!(order[0], "Đăng ký khai sinh");
        // title phrase (shorter title first), then all title words.
        assert_eq!(order[1], "Đăng ký khai sinh lưu động");
        assert_eq!(order[2], "Đăng ký khai sinh có yếu tố nước ngoài");
        assert_eq!(order[3], "Đăng ký lại khai sinh");
    }

    #[test]
    fn i_y_prefix_typo_code_alias() {
        let ix = index();
        assert_eq!(first(&ix, "chu ki"), "Chứng thực chữ ký");
        assert_eq!(first(&ix, "khai sin"), "Đăng ký khai sinh");
        assert_eq!(first(&ix, "dang ky khai snih"), "Đăng ký khai sinh");
        assert_eq!(first(&ix, "2.000884"), "Chứng thực chữ ký");
        assert_eq!(first(&ix, "giay hon thu"), "Đăng ký kết hôn");
        assert_eq!(first(&ix, "sao y"), "Chứng thực bản sao từ bản chính");
        assert_eq!(first(&ix, "khai sinh cho con"), "Đăng ký khai sinh");
    }

    #[test]
    fn unknown_word_does_not_empty_results() {
        let ix = index();
        assert_eq!(first(&ix, "dang ky khai sinh qqqq"), "Đăng ký khai sinh");
        assert!(ix.search("qqqqq zzzz").is_empty());
        assert!(ix.search("").is_empty());
    }

    #[test]
    fn ranking_tiers() {
        let ix = index();
        // "doc than" is only in a body: found, with tier 0.
        let h = ix.search("doc than");
        assert_eq!(h.len(), 1);
        assert_eq!((h[0].tier, ix.title(h[0].doc)), (0, "Đăng ký kết hôn"));
        // A document name ranks below titles.
        let h = ix.search("ban chinh");
        assert_eq!(ix.title(h[0].doc), "Chứng thực bản sao từ bản chính");
        // Field name: every procedure of the field, title order.
        let h = ix.search("chung thuc");
        assert_eq!(h.len(), 2);
        // A word of the name (the alias "mất giấy khai sinh") counts
        // before words found in a body ("người", "mặt").
        let h = ix.search("ky nguoi mat");
        assert_eq!(ix.title(h[0].doc), "Đăng ký lại khai sinh");
        // More matched words beat a better tier.
        let h = ix.search("chu ky nguoi mat");
        assert_eq!(ix.title(h[0].doc), "Chứng thực chữ ký");
        // Short words count: every title with "ký", none dropped.
        assert_eq!(ix.search("ky").len(), 6);
        assert_eq!(ix.search("ky")[0].tier, 5);
    }
}
