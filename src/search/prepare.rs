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

/// What step 3 asks of the vocabulary: only its words without an ASCII
/// digit (what the browser has loaded), so Rust and JS read a word alike.
pub struct Lookups<'a> {
    /// The vocabulary has this word.
    pub has: &'a dyn Fn(&str) -> bool,
    /// The vocabulary has a word that begins with this one.
    pub begins: &'a dyn Fn(&str) -> bool,
    /// The vocabulary has a word one edit from this one (a typo).
    pub near: &'a dyn Fn(&str) -> bool,
}

/// Steps 1–3.
pub fn prepare(words: &[String], rules: &QueryRules, vocab: &Lookups) -> Prepared {
    let filler = filler_marks(words, rules);
    // A question counts only where its words were dropped as filler:
    // "chi phí mai táng" names a procedure, it does not ask for the fee.
    let asks = |list: &[Vec<String>]| {
        list.iter().any(|p| {
            (0..words.len())
                .any(|i| words[i..].starts_with(p) && filler[i..i + p.len()].iter().all(|f| *f))
        })
    };
    let ask = if asks(&rules.ask_deadline) {
        Ask::Deadline
    } else if asks(&rules.ask_fee) {
        Ask::Fee
    } else {
        Ask::Procedure
    };
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
        out.extend(read_word(w, i + 1 == n, vocab));
    }
    Prepared {
        words: out,
        dropped,
        ask,
    }
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
    // `mã`, `số` before a code, other filler between them allowed
    // (`mã số 1.004873`, `mã thủ tục 1.004873`); from the right, so that
    // `mã` sees `số` already dropped.
    for i in (0..n).rev() {
        let next = (i + 1..n).find(|&j| !mark[j]);
        if matches!(words[i].as_str(), "ma" | "so") && next.is_some_and(|j| has_digit(&words[j])) {
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

/// Step 3 for one word, in this order: the word itself; a VNI word (a
/// letter first, digits 1–9 after letters: never a code); a Telex word
/// whose tone key ends it (`giams`); the last word as a prefix; a split,
/// unless a word one edit away exists (`beit` is a typo of `biet`, not
/// `be it`); any other Telex reading (`nuooi`); else the word as typed.
fn read_word(w: &str, last: bool, vocab: &Lookups) -> Vec<String> {
    let has = vocab.has;
    if has(w) {
        return vec![w.to_string()];
    }
    if has_digit(w) {
        let vni: String = w.chars().filter(|c| !c.is_ascii_digit()).collect();
        if is_vni(w) && has(&vni) {
            return vec![vni];
        }
        return vec![w.to_string()];
    }
    let t = telex(w).filter(|t| t != w && has(t));
    let tone_last = w.ends_with(['s', 'f', 'r', 'x', 'j']);
    if let Some(t) = t.as_ref().filter(|_| tone_last) {
        return vec![t.clone()];
    }
    if last && w.chars().count() >= 3 && (vocab.begins)(w) {
        return vec![w.to_string()];
    }
    if !(vocab.near)(w) {
        if let Some(parts) = split(w, has) {
            return parts;
        }
    }
    vec![t.unwrap_or_else(|| w.to_string())]
}

/// A word typed in VNI: a letter first, then letters and the digits 1–9
/// (a tone or vowel mark after a letter); a code has a `0` or a `.`.
fn is_vni(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphabetic)
        && w.chars()
            .all(|c| c.is_alphabetic() || ('1'..='9').contains(&c))
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
            "nhan", "con", "nuoi", "ho", "can", "ngheo", "giam", "so", "c",
        ];
        let lookups = Lookups {
            has: &|w| vocab.contains(&w),
            begins: &|w| vocab.iter().any(|v| v.starts_with(w)),
            near: &|w| w == "hocon",
        };
        prepare(&words, &rules(), &lookups)
    }

    #[test]
    fn questions_lose_their_filler_and_say_what_they_ask() {
        let p = prep("toi muon nhan con nuoi thi can gi");
        assert_eq!(p.words, ["nhan", "con", "nuoi"]);
        assert_eq!(p.dropped, ["toi", "muon", "thi", "can", "gi"]);
        let p = prep("giams ho bao lau");
        assert_eq!(p.words, ["giam", "ho"]);
        assert_eq!(p.ask, Ask::Deadline);
        // Words that are kept do not ask.
        assert_eq!(prep("ho can ngheo bao nhieu").ask, Ask::Procedure);
        // A pair seen in a title keeps its filler word.
        assert_eq!(prep("ho can ngheo").words, ["ho", "can", "ngheo"]);
        // Only filler: nothing is dropped.
        assert_eq!(prep("toi muon").words, ["toi", "muon"]);
        assert_eq!(prep("ma 1.004873").words, ["1.004873"]);
        assert_eq!(prep("ma so 1.004873").words, ["1.004873"]);
        // A word with letters and digits is VNI only when it reads as VNI.
        assert_eq!(prep("1c").words, ["1c"]);
        assert_eq!(prep("ho6").words, ["ho"]);
        // Run together, not Telex: `hoso` is `ho so`; a typo is not split.
        assert_eq!(prep("hoso").words, ["ho", "so"]);
        assert_eq!(prep("hocon").words, ["hocon"]);
        assert_eq!(prep("nuoiconnuoi").words, ["nuoi", "con", "nuoi"]);
    }
}
