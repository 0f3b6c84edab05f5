//! Building the index and writing it as script files.
//!
//! File formats (each file is one call, so it loads from `file://`):
//! - `search/idx/meta.js`: `niemyetSearch.m({"v":…,"n":docs,"c":CHUNK,
//!   "f":[field names],"w":"vocabulary","s":[first term of each shard]})`.
//!   The vocabulary is sorted by UTF-16 code units (the order of JS string
//!   comparison) and front-coded: each term is one character `48 + p` (p =
//!   length in chars of the prefix shared with the previous term, at most
//!   [`MAX_SHARED`]) followed by the rest of the term; terms are separated by
//!   one space (a folded term never contains one).
//! - `search/idx/s{i}.{v}.js`: `niemyetSearch.s(i,[postings of each term of
//!   the shard, in vocabulary order])`. Postings of a term are one flat array:
//!   per document `doc - previous doc` (the first from 0), the field mask, then
//!   `title positions, title length` when the mask has [`TITLE`], then `alias
//!   positions` when it has [`ALIAS`]. Positions are bit sets (bit `p` = word
//!   `p`; words past 30 are not recorded); aliases are numbered as one
//!   sequence with a gap of one word between two aliases, so a phrase never
//!   spans two aliases.
//! - `search/idx/d{i}.{v}.js`: `niemyetSearch.d(i,[[title,url,field index,
//!   code or "",summary],…])` for documents `i*CHUNK ..`.

use super::{fold::words, plain_text, SearchDoc, SearchFile};
use std::collections::{BTreeMap, HashMap};

pub const TITLE: u8 = 1;
pub const ALIAS: u8 = 2;
pub const CODE: u8 = 4;
pub const FIELD: u8 = 8;
pub const DOCS: u8 = 16;
pub const RESULT: u8 = 32;
pub const BODY: u8 = 64;

/// Documents per display chunk.
pub const CHUNK: usize = 16;
/// A shard is closed once its postings reach this many bytes of JSON.
const SHARD_BYTES: usize = 8 * 1024;
const MAX_SHARED: usize = 60;
/// Word positions recorded for phrases (bits 0..=30 of a JS int).
const MAX_POS: usize = 31;

/// One document's occurrences of one term.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub mask: u8,
    /// Title word positions (bit set), when `mask & TITLE`.
    pub tbits: u32,
    /// Title length in words (saturating), when `mask & TITLE`.
    pub tlen: u8,
    /// Alias word positions (bit set), when `mask & ALIAS`.
    pub abits: u32,
}

#[derive(Debug, Clone)]
pub(crate) struct DocRow {
    pub title: String,
    pub url: String,
    pub field: usize,
    pub code: String,
    pub summary: String,
}

/// The whole index in memory: what [`Index::files`] writes and what
/// [`Index::search`] (the reference ranking) reads.
#[derive(Debug, Clone)]
pub struct Index {
    /// Folded terms, sorted by UTF-16 code units.
    pub(crate) vocab: Vec<String>,
    /// Parallel to `vocab`; each sorted by document.
    pub(crate) postings: Vec<Vec<Posting>>,
    /// Documents in index order (field order, folded title, title, url).
    pub(crate) docs: Vec<DocRow>,
    pub(crate) fields: Vec<String>,
}

impl Index {
    pub fn build(input: &[SearchDoc]) -> Index {
        let mut order: Vec<(usize, String, &SearchDoc)> = input
            .iter()
            .map(|d| (d.field_order, super::fold(&d.title), d))
            .collect();
        order.sort_by(|a, b| {
            (a.0, &a.1, &a.2.title, &a.2.url).cmp(&(b.0, &b.1, &b.2.title, &b.2.url))
        });
        let mut fields: Vec<String> = Vec::new();
        let mut docs = Vec::with_capacity(order.len());
        let mut terms: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
        for (id, (_, _, d)) in order.iter().enumerate() {
            let field = match fields.iter().position(|f| *f == d.field_name) {
                Some(i) => i,
                None => {
                    fields.push(d.field_name.clone());
                    fields.len() - 1
                }
            };
            docs.push(DocRow {
                title: d.title.clone(),
                url: d.url.clone(),
                field,
                code: d.code.clone().unwrap_or_default(),
                summary: d.summary.clone(),
            });
            let mut own: HashMap<String, Posting> = HashMap::new();
            let mut add = |t: String, mask: u8, tbits: u32, abits: u32| {
                let p = own.entry(t).or_default();
                p.mask |= mask;
                p.tbits |= tbits;
                p.abits |= abits;
            };
            let title = words(&d.title);
            let tlen = title.len().min(255) as u8;
            for (i, t) in title.into_iter().enumerate() {
                add(t, TITLE, bit(i), 0);
            }
            let mut pos = 0;
            for alias in &d.aliases {
                for t in words(alias) {
                    add(t, ALIAS, 0, bit(pos));
                    pos += 1;
                }
                pos += 1;
            }
            for t in d.code.iter().flat_map(|c| words(c)) {
                add(t, CODE, 0, 0);
            }
            for t in words(&d.field_name) {
                add(t, FIELD, 0, 0);
            }
            for t in d.documents.iter().flat_map(|c| words(c)) {
                add(t, DOCS, 0, 0);
            }
            for t in words(&d.result) {
                add(t, RESULT, 0, 0);
            }
            for t in words(&plain_text(&d.body)) {
                add(t, BODY, 0, 0);
            }
            for (t, mut p) in own {
                p.doc = id as u32;
                if p.mask & TITLE != 0 {
                    p.tlen = tlen;
                }
                terms.entry(t).or_default().push(p);
            }
        }
        let mut pairs: Vec<(String, Vec<Posting>)> = terms.into_iter().collect();
        pairs.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
        let (vocab, postings) = pairs.into_iter().unzip();
        Index {
            vocab,
            postings,
            docs,
            fields,
        }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The title of the document at index position `id`.
    pub fn title(&self, id: u32) -> &str {
        &self.docs[id as usize].title
    }

    /// The url of the document at index position `id`.
    pub fn url(&self, id: u32) -> &str {
        &self.docs[id as usize].url
    }

    /// The index files, deterministic for the same index.
    pub fn files(&self) -> Vec<SearchFile> {
        // Shards: contiguous vocabulary ranges.
        let mut shards: Vec<String> = Vec::new();
        let mut starts: Vec<usize> = Vec::new();
        let mut cur = String::new();
        for (i, list) in self.postings.iter().enumerate() {
            if cur.is_empty() {
                starts.push(i);
                cur.push('[');
            } else {
                cur.push(',');
            }
            encode_postings(list, &mut cur);
            if cur.len() >= SHARD_BYTES {
                cur.push(']');
                shards.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            cur.push(']');
            shards.push(cur);
        }
        let chunks: Vec<String> = self
            .docs
            .chunks(CHUNK)
            .map(|rows| {
                let rows: Vec<serde_json::Value> = rows
                    .iter()
                    .map(|r| serde_json::json!([r.title, r.url, r.field, r.code, r.summary]))
                    .collect();
                serde_json::to_string(&rows).unwrap_or_default()
            })
            .collect();
        let vocab = front_code(&self.vocab);
        let mut h = Fnv::new();
        for part in shards.iter().chain(&chunks).chain([&vocab]) {
            h.write(part.as_bytes());
            h.write(&[0]);
        }
        for f in &self.fields {
            h.write(f.as_bytes());
            h.write(&[0]);
        }
        let v = format!("{:016x}", h.0)[..10].to_string();
        let meta = serde_json::json!({
            "v": v,
            "n": self.docs.len(),
            "c": CHUNK,
            "f": self.fields,
            "w": vocab,
            "s": starts,
        });
        let mut files = vec![
            SearchFile {
                path: "search/search.js".into(),
                bytes: RUNTIME.as_bytes().to_vec(),
            },
            SearchFile {
                path: "search/idx/meta.js".into(),
                bytes: format!("niemyetSearch.m({meta});\n").into_bytes(),
            },
        ];
        for (i, s) in shards.iter().enumerate() {
            files.push(SearchFile {
                path: format!("search/idx/s{i}.{v}.js"),
                bytes: format!("niemyetSearch.s({i},{s});\n").into_bytes(),
            });
        }
        for (i, c) in chunks.iter().enumerate() {
            files.push(SearchFile {
                path: format!("search/idx/d{i}.{v}.js"),
                bytes: format!("niemyetSearch.d({i},{c});\n").into_bytes(),
            });
        }
        files
    }
}

/// The browser runtime, shipped as `search/search.js`.
pub(crate) const RUNTIME: &str = include_str!("../../themes/default/static/search.js");

fn bit(pos: usize) -> u32 {
    if pos < MAX_POS {
        1 << pos
    } else {
        0
    }
}

fn encode_postings(list: &[Posting], out: &mut String) {
    use std::fmt::Write;
    out.push('[');
    let mut prev = 0;
    for (i, p) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{},{}", p.doc - prev, p.mask);
        if p.mask & TITLE != 0 {
            let _ = write!(out, ",{},{}", p.tbits, p.tlen);
        }
        if p.mask & ALIAS != 0 {
            let _ = write!(out, ",{}", p.abits);
        }
        prev = p.doc;
    }
    out.push(']');
}

fn front_code(vocab: &[String]) -> String {
    let mut out = String::new();
    let mut prev: &str = "";
    for (i, t) in vocab.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let shared = prev
            .chars()
            .zip(t.chars())
            .take_while(|(a, b)| a == b)
            .count()
            .min(MAX_SHARED);
        out.push(char::from(48 + shared as u8));
        out.extend(t.chars().skip(shared));
        prev = t;
    }
    out
}

/// FNV-1a, 64 bits: a stable content hash without a dependency.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, field: usize) -> SearchDoc {
        SearchDoc {
            url: format!("f{field}/{}/", crate::text::slugify(title)),
            title: title.into(),
            field_name: format!("Lĩnh vực {field}"),
            field_order: field,
            ..SearchDoc::default()
        }
    }

    #[test]
    fn front_coding() {
        let v: Vec<String> = ["dan", "dang", "danh", "ki"].map(String::from).into();
        assert_eq!(front_code(&v), "0dan 3g 3h 0ki");
    }

    #[test]
    fn postings_record_positions_and_lengths() {
        let mut d = doc("Đăng ký khai sinh", 0);
        d.aliases = vec!["làm giấy khai sinh".into(), "khai sinh cho con".into()];
        let ix = Index::build(&[d]);
        let at = |t: &str| ix.postings[ix.vocab.iter().position(|v| v == t).unwrap()][0];
        let khai = at("khai");
        assert_eq!(khai.mask, TITLE | ALIAS);
        assert_eq!(khai.tbits, 0b100);
        assert_eq!(khai.tlen, 4);
        // aliases: lam0 giay1 khai2 sinh3 _ khai5 sinh6 cho7 con8
        assert_eq!(khai.abits, (1 << 2) | (1 << 5));
        assert_eq!(at("vuc").mask, FIELD);
    }

    #[test]
    fn documents_sorted_by_field_then_title() {
        let ix = Index::build(&[doc("Zeta", 0), doc("Beta", 1), doc("Ánh", 0)]);
        let titles: Vec<&str> = (0..3).map(|i| ix.title(i)).collect();
        assert_eq!(titles, ["Ánh", "Zeta", "Beta"]);
    }

    #[test]
    fn files_are_deterministic_and_named_by_content() {
        let docs: Vec<SearchDoc> = (0..40)
            .map(|i| doc(&format!("Thủ tục số {i}"), i % 3))
            .collect();
        let a = build(&docs);
        let b = build(&docs);
        assert_eq!(a, b);
        let names: Vec<&str> = a.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(names[0], "search/search.js");
        assert_eq!(names[1], "search/idx/meta.js");
        assert!(names.iter().any(|n| n.starts_with("search/idx/d2.")));
        let mut other = docs.clone();
        other[0].body = "khác".into();
        let c = build(&other);
        assert_ne!(a[2].path, c[2].path, "a new index gets new shard names");
    }

    fn build(docs: &[SearchDoc]) -> Vec<SearchFile> {
        Index::build(docs).files()
    }
}
