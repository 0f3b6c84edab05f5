//! In-browser search: the index the build writes beside the site, and a Rust
//! reference implementation of the ranking that the browser runtime
//! (`themes/default/static/search.js`) mirrors.
//!
//! Why it looks like this:
//! - The site must search from `file://` (a kiosk opening a USB stick), where
//!   `fetch()` of a local file is blocked. So every index file is a script
//!   that calls a registration function (`niemyetSearch.m/s/d`), loaded by
//!   inserting a `<script>` next to `search.js`.
//! - The download for a query must stay small at 10,000 procedures, so the
//!   index is split (formats in `index.rs`): `meta.js` (fixed name, tiny: the
//!   index and runtime versions) and `w.{v}.js` (the vocabulary of words
//!   without digits) load with the page; postings live in shards of
//!   contiguous vocabulary ranges, head (outside the body) and body apart,
//!   loaded for the terms of the query only; codes and numbers, with their
//!   postings, in shards loaded for a query word with a digit only; what a
//!   result shows lives in chunks of [`CHUNK`] procedures, loaded for the
//!   results on screen only. `{v}` is a hash of the index content, so a
//!   browser never mixes files of two builds; a stale `search.js` notices
//!   and loads the runtime `meta.js` names.
//! - Folding ([`fold`]) is one specification in two languages; see `fold.rs`.
//!
//! Ranking (same in Rust and JS; see [`Index::search`]): the query is first
//! prepared (`prepare.rs`: question words dropped, Telex/VNI read, words run
//! together split); the words that match nothing are dropped; each word
//! weighs what it tells ([`query`]'s `info`: rarer words more); documents are
//! ordered by the information of the words they match, of those matched
//! exactly (not as a prefix or typo), then a tier (the title's words and no
//! more, in any order > title begins with the phrase > title phrase > alias
//! or synonym phrase > all words in the title > words in title/aliases > in
//! other fields > body), from the phrase tiers up the shorter title, then a
//! score (best field weight × match quality × information per word), then
//! the title's length (shortest first), then catalogue order. Synonyms of
//! the lexicon ([`lexicon`]) are applied when the index is built.

mod fold;
mod index;
pub mod lexicon;
pub mod prepare;
mod query;

pub use fold::{fold, words};
pub use index::{Index, Posting, CHUNK};
pub use lexicon::Lexicon;
pub use prepare::{Ask, Prepared};
pub use query::Hit;

use crate::model::{Date, Procedure, Site, Status};
use std::borrow::Cow;

/// One searchable procedure, prepared by the renderer. Its texts borrow
/// from the catalogue where they can: at 100,000 procedures, copies of every
/// body and document name were hundreds of megabytes.
#[derive(Debug, Clone, Default)]
pub struct SearchDoc<'a> {
    /// Relative to the site root, naming `index.html` (links from `file://`
    /// must not end at a folder), e.g. `ho-tich/dang-ky-khai-sinh/index.html`.
    pub url: String,
    pub title: Cow<'a, str>,
    pub code: Option<Cow<'a, str>>,
    pub field_name: Cow<'a, str>,
    /// Position of the field in the catalogue (0 = first).
    pub field_order: usize,
    /// Not yet in force: after the one in force of the same title.
    pub upcoming: bool,
    /// Already formatted, e.g. `Thời hạn giải quyết: 03 ngày làm việc · Phí,
    /// lệ phí: 8.000 đồng/bản` (src/render/mod.rs `search_files`). For a
    /// procedure in force it opens with the deadline: `search.js` puts the
    /// expected date after its first ` · `.
    pub summary: String,
    /// The deadline's rule for the expected return date (`w3`, see
    /// [`crate::calendar::due::Rule::code`]); empty when none is shown.
    pub due: String,
    pub aliases: Vec<Cow<'a, str>>,
    pub documents: Vec<Cow<'a, str>>,
    pub result: Cow<'a, str>,
    /// The Markdown body, raw; the indexer keeps its text only.
    pub body: Cow<'a, str>,
}

/// One file of the index, to be written under the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchFile {
    /// Relative to the site root, `/`-separated, e.g. `search/idx/meta.js`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Every file search needs under the site root: `search/search.js` (the
/// runtime), `search/idx/meta.js`, and the vocabulary, shards and chunks of
/// the version it names. The
/// same docs give the same bytes. The page includes only
/// `<script src="../search/search.js"></script>`; the runtime loads the rest.
pub fn build_index(docs: &[SearchDoc<'_>], lexicon: &Lexicon) -> Vec<SearchFile> {
    Index::build_with(docs, lexicon).into_files()
}

/// The searchable procedures of a site on `today`, in catalogue order:
/// repealed procedures are left out; `url` is where a procedure's page is
/// (the renderer knows; search is below it), `summary` formats the facts a
/// result shows after its title (deadline, fee).
pub fn docs_from_site<'s>(
    site: &'s Site,
    today: Date,
    url: impl Fn(&Procedure) -> String,
    summary: impl Fn(&Procedure) -> String,
) -> Vec<SearchDoc<'s>> {
    site.procedures
        .iter()
        .filter_map(|p| {
            let status = p.status(today);
            (status != Status::Repealed).then_some((p, status))
        })
        .map(|(p, status)| {
            let field = site.field_position(&p.field);
            SearchDoc {
                url: url(p),
                title: Cow::from(&p.title),
                code: p.code.as_deref().map(Cow::from),
                field_name: field
                    .map(|i| Cow::from(&site.fields[i].name))
                    .unwrap_or_default(),
                field_order: field.unwrap_or(usize::MAX),
                upcoming: status == Status::Upcoming,
                summary: summary(p),
                due: match status {
                    Status::Current => crate::calendar::due::Rule::of(&p.deadline)
                        .map(|r| r.code())
                        .unwrap_or_default(),
                    _ => String::new(),
                },
                aliases: p.aliases.iter().map(Cow::from).collect(),
                documents: p.documents.iter().map(|d| Cow::from(&d.name)).collect(),
                result: Cow::from(&p.result),
                body: Cow::from(&p.body),
            }
        })
        .collect()
}

/// The text of a Markdown body: text and code spans, blocks separated by a
/// space; raw HTML is dropped. Parsed with the site's one dialect
/// ([`crate::markdown::parser`]), so a table's cells are indexed as the
/// page shows them, not as rows of pipes.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in crate::markdown::parser(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                out.push(' ')
            }
            Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_words_only() {
        let t = plain_text(
            "# Lưu ý\n\n**Hồ sơ** nộp tại [phường](http://x).\n\n- một\n- hai <b>ba</b>\n\n`mã`",
        );
        assert_eq!(fold(&t), "luu i ho so nop tai phuong mot hai ba ma");
        assert!(!t.contains("http"));
        assert!(!t.contains("<b>"));
    }

    #[test]
    fn plain_text_reads_tables_and_strikethrough_as_the_page_shows_them() {
        let t = plain_text("| Lệ phí | Mức |\n|---|---|\n| Bản sao | 2.000 |\n\n~~cũ~~ mới");
        assert!(!t.contains('|'), "{t}");
        assert!(!t.contains("---"), "{t}");
        assert!(!t.contains('~'), "{t}");
        assert_eq!(
            fold(&t).split_whitespace().collect::<Vec<_>>().join(" "),
            "le phi muc ban sao 2.000 cu moi"
        );
    }
}
