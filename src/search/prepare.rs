//! From the words of a query to the words that are looked up. `search.js`
//! (function `prepare`) does the same steps; the shared vectors keep them
//! equal.
//!
//! 1. **What it asks.** A phrase of `ask_deadline` ("bao lâu") or, else,
//!    of `ask_fee` ("bao nhiêu tiền") anywhere in the query: the result
//!    line then shows that fact first.
//! 2. **Question words and filler** (the lexicon's `filler`, longest phrase
//!    first, left to right) are dropped, and `mã`/`số` before a code. A
//!    filler word stays when it forms, with the word before or after it, a
//!    pair seen in some title, alias or synonym (`hộ cận nghèo`: `cận`
//!    folds like `cần`). When every word is filler, none is dropped.
//! 3. **Each remaining word** is taken as it is when the vocabulary has it.
//!    Otherwise, in order: a word with letters and digits is read as VNI
//!    (`ke61t` → `ket`) and a word of ASCII letters as Telex (`giams` →
//!    `giam`, `ddawngf` → `dang`), kept only when the vocabulary has the
//!    result; the last word, if the vocabulary has a term it begins, stays
//!    (a prefix); a word of 4+ letters is split into the fewest vocabulary
//!    words of 2–7 letters (`nuoiconnuoi` → `nuoi con nuoi`); else it stays
//!    as typed (typo matching, or nothing).

use super::fold::has_digit;
use std::collections::BTreeSet;

/// The longest piece of a run-together word (Vietnamese syllables folded
/// have at most 7 letters: `nghieng`).
const PIECE_MAX: usize = 7;
const PIECE_MIN: usize = 2;
const SPLIT_MIN: usize = 4;

/// What a query asks about, besides which procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ask {
    #[default]
    Procedure,
    Deadline,
    Fee,
}

/// The rules a query needs at search time, from the lexicon and the
/// site's titles (written into the index's word file as `"lx"`).
#[derive(Debug, Clone, Default)]
pub struct QueryRules {
    pub filler: Vec<Vec<String>>,
    pub ask_deadline: Vec<Vec<String>>,
    pub ask_fee: Vec<Vec<String>>,
    /// `a b` pairs that keep a filler word.
    pub pairs: BTreeSet<String>,
}

/// A query ready for lookup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prepared {
    pub words: Vec<String>,
    /// Filler words dropped, in query order.
    pub dropped: Vec<String>,
    pub ask: Ask,
}

/// Steps 1–3; `has` says whether the vocabulary has a term, `begins`
/// whether it has a term that begins with a word.
pub fn prepare(
    words: &[String],
    rules: &QueryRules,
    has: &dyn Fn(&str) -> bool,
    begins: &dyn Fn(&str) -> bool,
) -> Prepared {
    let ask = if rules.ask_deadline.iter().any(|p| contains(words, p)) {
        Ask::Deadline
    } else if rules.ask_fee.iter().any(|p| contains(words, p)) {
        Ask::Fee
    } else {
        Ask::Procedure
    };
    let filler = filler_marks(words, rules);
    let (mut kept, mut dropped) = (Vec::new(), Vec::new());
    for (w, f) in words.iter().zip(&filler) {
        if *f {
            dropped.push(w.clone());
        } else {
            kept.push(w.clone());
        }
    }
    let n = kept.len();
    let mut out = Vec::new();
    for (i, w) in kept.iter().enumerate() {
        out.extend(read_word(w, i + 1 == n, has, begins));
    }
    Prepared {
        words: out,
        dropped,
        ask,
    }
}

fn contains(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|w| w == phrase)
}

/// Step 2: which words are filler.
fn filler_marks(words: &[String], rules: &QueryRules) -> Vec<bool> {
    let n = words.len();
    let mut mark = vec![false; n];
    let mut i = 0;
    while i < n {
        let fit = rules
            .filler
            .iter()
            .find(|p| words[i..].starts_with(p))
            .map_or(0, Vec::len);
        for m in &mut mark[i..i + fit] {
            *m = true;
        }
        i += fit.max(1);
    }
    for i in 0..n {
        let before_code = matches!(words[i].as_str(), "ma" | "so")
            && words.get(i + 1).is_some_and(|w| has_digit(w));
        if before_code {
            mark[i] = true;
        }
    }
    let pair = |a: usize, b: usize| rules.pairs.contains(&format!("{} {}", words[a], words[b]));
    let keep: Vec<bool> = (0..n)
        .map(|i| mark[i] && ((i > 0 && pair(i - 1, i)) || (i + 1 < n && pair(i, i + 1))))
        .collect();
    for (m, k) in mark.iter_mut().zip(keep) {
        *m &= !k;
    }
    if mark.iter().all(|m| *m) {
        return vec![false; n];
    }
    mark
}

/// Step 3 for one word.
fn read_word(
    w: &str,
    last: bool,
    has: &dyn Fn(&str) -> bool,
    begins: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    if has(w) {
        return vec![w.to_string()];
    }
    if has_digit(w) {
        let letters = w.chars().any(char::is_alphabetic);
        let vni: String = w.chars().filter(|c| !c.is_ascii_digit()).collect();
        if letters && has(&vni) {
            return vec![vni];
        }
        return vec![w.to_string()];
    }
    if let Some(t) = telex(w).filter(|t| t != w && has(t)) {
        return vec![t];
    }
    if last && w.chars().count() >= 3 && begins(w) {
        return vec![w.to_string()];
    }
    split(w, has).unwrap_or_else(|| vec![w.to_string()])
}

/// A word typed with Telex keys left in, without them: one tone key
/// (`s f r x j`, the last one after the first vowel) dropped, then `dd` →
/// `d`, `aa ee oo` → one letter, `aw ow uw` → the vowel, another `w` → `u`.
/// `None` for a word that is not all ASCII letters.
pub fn telex(w: &str) -> Option<String> {
    if !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut b: Vec<u8> = w.bytes().collect();
    let first_vowel = b.iter().position(|c| b"aeiou".contains(c))?;
    if let Some(t) = (first_vowel + 1..b.len())
        .rev()
        .find(|&i| b"sfrxj".contains(&b[i]))
    {
        b.remove(t);
    }
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let (c, next) = (b[i], b.get(i + 1).copied());
        let pair = match next {
            Some(n) => {
                (c == b'd' && n == b'd')
                    || (b"aeo".contains(&c) && n == c)
                    || (b"aou".contains(&c) && n == b'w')
            }
            None => false,
        };
        out.push(if c == b'w' { 'u' } else { char::from(c) });
        i += if pair { 2 } else { 1 };
    }
    Some(out)
}

/// The fewest vocabulary words of 2–7 letters that make `w`, when there
/// are at least two; among those, the most even split.
pub fn split(w: &str, has: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
    let c: Vec<char> = w.chars().collect();
    let n = c.len();
    if n < SPLIT_MIN {
        return None;
    }
    // best[j]: (pieces, sum of squared piece lengths) of the best split of
    // c[..j]: the fewest pieces, then the most even (`ket hon`, not `ke thon`).
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    let mut back = vec![0; n + 1];
    best[0] = Some((0, 0));
    for i in 0..n {
        let Some((count, squares)) = best[i] else {
            continue;
        };
        for j in (i + PIECE_MIN)..=(i + PIECE_MAX).min(n) {
            let cand = (count + 1, squares + (j - i) * (j - i));
            if best[j].is_none_or(|b| cand < b) && has(&c[i..j].iter().collect::<String>()) {
                best[j] = Some(cand);
                back[j] = i;
            }
        }
    }
    if best[n].is_none_or(|(count, _)| count < 2) {
        return None;
    }
    let mut parts = Vec::new();
    let mut j = n;
    while j > 0 {
        parts.push(c[back[j]..j].iter().collect());
        j = back[j];
    }
    parts.reverse();
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn telex_keys_come_out() {
        let t = |w: &str| telex(w).unwrap();
        assert_eq!(t("giams"), "giam");
        assert_eq!(t("hooj"), "ho");
        assert_eq!(t("hoaf"), "hoa");
        assert_eq!(t("giair"), "giai");
        assert_eq!(t("nuooi"), "nuoi");
        assert_eq!(t("ddawngf"), "dang");
        assert_eq!(t("nguwowfi"), "nguoi");
        assert_eq!(t("truwowngf"), "truong");
        assert_eq!(t("chuwngs"), "chung");
        // An initial `tr`, `x`, `s`: not tone keys.
        assert_eq!(t("tra"), "tra");
        assert_eq!(t("xa"), "xa");
        assert_eq!(telex("2000815"), None);
    }

    #[test]
    fn run_together_words_split_into_vocabulary_words() {
        let vocab = ["chung", "thuc", "chu", "ki", "nuoi", "con", "thu"];
        let has = |w: &str| vocab.contains(&w);
        assert_eq!(
            split("chungthucchuki", &has).unwrap(),
            ["chung", "thuc", "chu", "ki"]
        );
        assert_eq!(split("nuoiconnuoi", &has).unwrap(), ["nuoi", "con", "nuoi"]);
        assert_eq!(split("chung", &has), None);
        assert_eq!(split("qqqqqq", &has), None);
    }

    fn rules() -> QueryRules {
        let w = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        QueryRules {
            filler: vec![
                w("bao lau"),
                w("toi"),
                w("muon"),
                w("can"),
                w("thi"),
                w("gi"),
            ],
            ask_deadline: vec![w("bao lau")],
            ask_fee: vec![w("bao nhieu")],
            pairs: ["ho can".to_string()].into(),
        }
    }

    fn prep(q: &str) -> Prepared {
        let words: Vec<String> = q.split(' ').map(String::from).collect();
        let vocab = [
            "nhan", "con", "nuoi", "ho", "can", "ngheo", "giam", "1.004873",
        ];
        prepare(&words, &rules(), &|w| vocab.contains(&w), &|w| {
            vocab.iter().any(|v| v.starts_with(w))
        })
    }

    #[test]
    fn questions_lose_their_filler_and_say_what_they_ask() {
        let p = prep("toi muon nhan con nuoi thi can gi");
        assert_eq!(p.words, ["nhan", "con", "nuoi"]);
        assert_eq!(p.dropped, ["toi", "muon", "thi", "can", "gi"]);
        let p = prep("giams ho bao lau");
        assert_eq!(p.words, ["giam", "ho"]);
        assert_eq!(p.ask, Ask::Deadline);
        // A pair seen in a title keeps its filler word.
        assert_eq!(prep("ho can ngheo").words, ["ho", "can", "ngheo"]);
        // Only filler: nothing is dropped.
        assert_eq!(prep("toi muon").words, ["toi", "muon"]);
        assert_eq!(prep("ma 1.004873").words, ["1.004873"]);
        assert_eq!(prep("nuoiconnuoi").words, ["nuoi", "con", "nuoi"]);
    }
}
