//! The search lexicon: the built-in file `themes/default/search/lexicon.yaml`
//! (everyday words, old names and abbreviations mapped to official terms;
//! question words; words that ask for the deadline or the fee) plus a
//! site's own `synonyms:` lines (read and checked by
//! [`crate::model::synonyms`]).
//!
//! Synonyms are applied when the index is built, not when a query runs: a
//! procedure whose title, documents or result contain a phrase gets the
//! phrases that mean it as extra words of the same kind (title: as
//! aliases, with positions, so a synonym phrase ranks like an alias
//! phrase). The clerk's own aliases are not expanded: they are free text. So the browser downloads no synonym table, the Rust and
//! JS rankings cannot disagree about them, and a query costs nothing more.
//! What must run at query time (question words, the deadline/fee
//! questions, the pairs that keep a question word) is small and goes into
//! the index's word file (`index.rs`, `"lx"`).

use super::fold::words;
use crate::model::synonyms::{parse_line, Synonym};
use std::collections::{BTreeSet, HashMap};

/// How many words open a title, for [`Lexicon::variant_of`]: "Đăng ký
/// chấm dứt giám hộ", "Đổi, cấp lại …".
const VARIANT_OPENING: usize = 4;

const BUILTIN: &str = include_str!("../../themes/default/search/lexicon.yaml");

/// The file as written.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    synonyms: Vec<String>,
    filler: Vec<String>,
    variants: Vec<String>,
    ask_deadline: Vec<String>,
    ask_fee: Vec<String>,
}

/// One expansion: a document text with `found` (folded words, in order)
/// also gets `add`.
#[derive(Debug, Clone)]
struct Expansion {
    found: Vec<String>,
    add: Vec<String>,
}

/// A lexicon ready for the indexer and the query.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Expansions by the first word of `found`.
    expansions: HashMap<String, Vec<Expansion>>,
    /// Question words and filler, folded, longest first.
    pub(crate) filler: Vec<Vec<String>>,
    pub(crate) ask_deadline: Vec<Vec<String>>,
    pub(crate) ask_fee: Vec<Vec<String>>,
    /// How a title begins when its procedure re-does, changes or ends
    /// another (`cấp lại`), folded, longest first.
    pub(crate) variants: Vec<Vec<String>>,
    /// Every phrase of every synonym line, folded (for the pairs that keep
    /// a filler word: `khai sinh muộn`), without a filler word that opens
    /// it (`xin giấy phép kinh doanh` must not keep `xin` in a question).
    pub(crate) phrases: Vec<Vec<String>>,
}

impl Lexicon {
    /// The built-in lexicon with a site's own lines after it.
    pub fn with_site(site: &[Synonym]) -> Lexicon {
        let file = builtin_file();
        let mut lines: Vec<Synonym> = file
            .synonyms
            .iter()
            .filter_map(|l| parse_line(l).ok())
            .collect();
        lines.extend(site.iter().cloned());
        let mut lx = Lexicon {
            filler: folded_phrases(&file.filler),
            ask_deadline: folded_phrases(&file.ask_deadline),
            ask_fee: folded_phrases(&file.ask_fee),
            variants: folded_phrases(&file.variants),
            ..Lexicon::default()
        };
        let fill: BTreeSet<String> = lx.filler_words().into_iter().map(String::from).collect();
        for line in &lines {
            lx.add_line(line, &fill);
        }
        lx
    }

    /// The built-in lexicon alone.
    pub fn builtin() -> Lexicon {
        Lexicon::with_site(&[])
    }

    fn add_line(&mut self, line: &Synonym, fill: &BTreeSet<String>) {
        let pairs: Vec<(String, String)> = match line {
            Synonym::Same(all) => all
                .iter()
                .flat_map(|a| all.iter().filter(move |b| *b != a).map(move |b| (a, b)))
                .map(|(a, b)| (a.clone(), b.clone()))
                .collect(),
            Synonym::Means { said, means } => {
                said.iter().map(|s| (means.clone(), s.clone())).collect()
            }
        };
        for (found, add) in pairs {
            let (found, add) = (words(&found), words(&add));
            if found.is_empty() || add.is_empty() || found == add {
                continue;
            }
            // A filler word that opens a phrase (`xin giấy phép`) keeps no
            // pair: in a question it is filler.
            for p in [&found, &add] {
                let opens = usize::from(fill.contains(&p[0]));
                self.phrases.push(p[opens..].to_vec());
            }
            let list = self.expansions.entry(found[0].clone()).or_default();
            if !list.iter().any(|e| e.found == found && e.add == add) {
                list.push(Expansion { found, add });
            }
        }
    }

    /// The phrases a text of folded `text` words gains, each once, in the
    /// order of the lexicon.
    pub(crate) fn expand<'s>(&'s self, text: &[&str], out: &mut Vec<&'s [String]>) {
        for (i, w) in text.iter().enumerate() {
            let Some(list) = self.expansions.get(*w) else {
                continue;
            };
            for e in list {
                let fits = text.len() - i >= e.found.len()
                    && e.found.iter().zip(&text[i..]).all(|(a, b)| a == b);
                if fits && !out.iter().any(|x| *x == &e.add[..]) {
                    out.push(&e.add);
                }
            }
        }
    }

    /// The variant phrases in the opening of a folded title ("Đổi, cấp
    /// lại …": `doi`, `cap lai`), joined by `|`; `None` for a title that
    /// opens with none.
    pub(crate) fn variant_of(&self, title: &[String]) -> Option<String> {
        let opening = &title[..title.len().min(VARIANT_OPENING)];
        let found: Vec<String> = self
            .variants
            .iter()
            .filter(|v| opening.windows(v.len()).any(|w| w == v.as_slice()))
            .map(|v| v.join(" "))
            .collect();
        (!found.is_empty()).then(|| found.join("|"))
    }

    /// The single words of the filler list (a pair with one of them, seen
    /// in a title, keeps it in a query).
    pub(crate) fn filler_words(&self) -> BTreeSet<&str> {
        self.filler
            .iter()
            .filter(|p| p.len() == 1)
            .map(|p| p[0].as_str())
            .collect()
    }
}

fn builtin_file() -> &'static File {
    static FILE: std::sync::OnceLock<File> = std::sync::OnceLock::new();
    // The file is part of the program and a unit test reads it: an error
    // here is a bug in niemyet, not in a site.
    FILE.get_or_init(|| serde_saphyr::from_str(BUILTIN).expect("the built-in search lexicon"))
}

/// Folded phrases, longest first (a query takes the longest that fits).
fn folded_phrases(list: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = list
        .iter()
        .map(|p| words(p))
        .filter(|p| !p.is_empty())
        .collect();
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.clone()));
    // Stable: phrases of one length keep the file's order.
    out.sort_by_key(|p| std::cmp::Reverse(p.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_lexicon_reads_and_every_line_is_valid() {
        let file = builtin_file();
        assert!(file.synonyms.len() >= 60, "{}", file.synonyms.len());
        for line in &file.synonyms {
            assert!(parse_line(line).is_ok(), "{line}: {:?}", parse_line(line));
        }
        assert!(file.filler.len() >= 30);
        let lx = Lexicon::builtin();
        assert!(lx.filler_words().contains("toi"));
        assert!(lx.filler[0].len() >= lx.filler.last().map_or(0, Vec::len));
    }

    #[test]
    fn a_text_gains_what_means_it() {
        let lx = Lexicon::builtin();
        let title = words("Cấp Giấy xác nhận tình trạng hôn nhân");
        let t: Vec<&str> = title.iter().map(String::as_str).collect();
        let mut out = Vec::new();
        lx.expand(&t, &mut out);
        let gained: Vec<String> = out.iter().map(|p| p.join(" ")).collect();
        assert!(gained.contains(&"giai doc than".to_string()), "{gained:?}");
        // `->` is one way: "độc thân" does not gain the official term.
        let mut back = Vec::new();
        lx.expand(&["doc", "than"], &mut back);
        assert!(back
            .iter()
            .all(|p| p.join(" ") != "xac nhan tinh trang hon nhan"));
    }

    #[test]
    fn a_site_line_adds_to_the_built_in_ones() {
        let site = [parse_line("nhà văn hóa = nhà sinh hoạt cộng đồng").unwrap()];
        let lx = Lexicon::with_site(&site);
        let mut out = Vec::new();
        lx.expand(&["nha", "van", "hoa"], &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].join(" "), "nha sinh hoat cong dong");
    }
}
