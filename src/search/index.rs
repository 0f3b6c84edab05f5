//! Building the index and writing it as script files.
//!
//! File formats (each file is one call, so it loads from `file://`; `{v}` is
//! a hash of the index content, `{r}` of the runtime):
//! - `search/search.js`: the runtime, with its own version `{r}` written in.
//! - `search/idx/meta.js`: `niemyetSearch.m({"v":…,"r":…})`, the only index
//!   file with a fixed name. The runtime loads it without cache (it is tiny)
//!   and then only `{v}`-named files, so a browser never pairs files of two
//!   builds; when `r` is not its own version (a stale cached `search.js`), it
//!   loads `search.js?v={r}` in its place.
//! - `search/idx/w.{v}.js`: `niemyetSearch.w({"n":docs,"c":CHUNK,"f":[field
//!   names],"fu":[their pages],"lx":{query rules, see `Index::rules_json`},
//!   "vr":[[doc, the variant phrases in its title's opening, folded,
//!   joined by "|"],…],"w":"vocabulary","s":[first term of each head shard],"b":[first
//!   term of each body shard],"nf":[see below]})`, and when the runtime
//!   may prefetch, "pf" (bytes it may load ahead) and "ss"/"bs" (bytes of
//!   each head/body shard). The vocabulary is sorted by UTF-16 code
//!   units (the order of JS string comparison) and front-coded: each term is
//!   one character `48 + p` (p = length in chars of the prefix shared with
//!   the previous term, at most [`MAX_SHARED`]) followed by the rest of the
//!   term; terms are separated by one space (a folded term never contains one).
//!   Terms with a digit are left out (below); shard starts index this
//!   vocabulary.
//! - `search/idx/s{i}.{v}.js` (head shards): `niemyetSearch.s(i,[head
//!   postings of each term of the shard, in vocabulary order])`. The head
//!   postings of a term are the documents where it occurs outside the body
//!   only (title, aliases, code, field, documents, result), one flat array:
//!   per document `doc - previous doc` (the first from 0), the field mask,
//!   then `title positions, title length` when the mask has [`TITLE`], then
//!   `alias positions` when it has [`ALIAS`] (and the title length when
//!   it has no [`TITLE`]). Positions are bit sets (bit `p`
//!   = word `p`; words past 30 are not recorded); aliases are numbered as one
//!   sequence with a gap of one word between two aliases (the clerk's first,
//!   then the synonyms', shortest first), so a phrase never spans two
//!   aliases.
//! - `search/idx/b{i}.{v}.js` (body shards): `niemyetSearch.b(i,[…])`, per
//!   term the documents where it occurs in the body only, as deltas. A
//!   prefix completion reads head postings only (see `query.rs`), so typing
//!   a word does not download the body postings of every word it begins.
//! - Terms with an ASCII digit (codes, numbers: most of a catalogue's
//!   distinct terms, one code per procedure) are not in the vocabulary above:
//!   `search/idx/n{i}.{v}.js`: `niemyetSearch.n(i,{"w":"front-coded terms",
//!   "h":[head postings],"b":[body postings]})`, contiguous ranges of those
//!   terms; `w.{v}.js` has the first term of each (`"nf"`). The runtime loads
//!   them for a query word with a digit only.
//! - `search/idx/d{i}.{v}.js`: `niemyetSearch.d(i,[[title,url,field index,
//!   code or "",summary(,due)],…])` for documents `i*CHUNK ..`; `due`,
//!   when the result shows an expected return date, is the deadline's
//!   rule code for `assets/due.js`.

use super::fold::has_digit;
use super::lexicon::Lexicon;
use super::prepare::QueryRules;
use super::{plain_text, SearchDoc, SearchFile};
use std::collections::{BTreeSet, HashMap};

pub const TITLE: u8 = 1;
pub const ALIAS: u8 = 2;
pub const CODE: u8 = 4;
pub const FIELD: u8 = 8;
pub const DOCS: u8 = 16;
pub const RESULT: u8 = 32;
pub const BODY: u8 = 64;
/// Joins the words of a whole alias into one term (`so_do`); a folded
/// word never has it. Such terms are looked up whole, never completed.
pub const PHRASE: &str = "_";
/// The longest alias kept whole as a term, in words.
const MAX_PHRASE: usize = 8;

/// True for a term kept apart from the words loaded with the page: with
/// a digit (a code, a number) or a whole alias.
pub(crate) fn apart(t: &str) -> bool {
    has_digit(t) || t.contains(PHRASE)
}

/// A word of the clerk's own aliases (with [`ALIAS`]): what a site says a
/// procedure is called, as against the lexicon's synonyms.
pub const CLERK: u8 = 128;

/// Documents per display chunk.
pub const CHUNK: usize = 8;
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
    pub due: String,
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
    /// Each field's page, parallel to `fields` (the no-result page lists them).
    pub(crate) field_urls: Vec<String>,
    /// What a query needs at search time (filler, questions, the pairs
    /// that keep a filler word); written as `"lx"`.
    pub(crate) rules: QueryRules,
    /// Documents whose title begins with a variant phrase (`cấp lại`),
    /// with it, folded: written as `"vr"`.
    pub(crate) variants: Vec<(u32, String)>,
}

impl Index {
    /// The index with the built-in lexicon only.
    pub fn build(input: &[SearchDoc]) -> Index {
        Index::build_with(input, &Lexicon::builtin())
    }

    /// The index of `input`, with the synonyms of `lx` applied to each
    /// document (see `lexicon.rs`).
    pub fn build_with(input: &[SearchDoc], lx: &Lexicon) -> Index {
        use rayon::prelude::*;
        let mut order: Vec<(usize, String, &SearchDoc)> = input
            .par_iter()
            .map(|d| (d.field_order, super::fold(&d.title), d))
            .collect();
        // Equal scores keep this order: a version not yet in force comes
        // after the one in force of the same title.
        order.sort_by(|a, b| {
            let (x, y) = (a.2, b.2);
            (a.0, &a.1, x.upcoming, &x.title, &x.url)
                .cmp(&(b.0, &b.1, y.upcoming, &y.title, &y.url))
        });
        let mut fields: Vec<String> = Vec::new();
        let mut field_urls: Vec<String> = Vec::new();
        let mut docs = Vec::with_capacity(order.len());
        for (_, _, d) in &order {
            let field = match fields.iter().position(|f| *f == d.field_name) {
                Some(i) => i,
                None => {
                    fields.push(d.field_name.to_string());
                    // A procedure's page is `field/slug/index.html`.
                    let slug = d.url.split('/').next().unwrap_or_default();
                    field_urls.push(format!("{slug}/index.html"));
                    fields.len() - 1
                }
            };
            docs.push(DocRow {
                title: d.title.to_string(),
                url: d.url.clone(),
                field,
                code: d.code.as_deref().unwrap_or_default().to_string(),
                summary: d.summary.clone(),
                due: d.due.clone(),
            });
        }
        // Folding is most of the work: one document per task, a chunk of
        // documents at a time, so that only one chunk's terms are ever held
        // as separate strings (all at once, they were the build's peak
        // memory at 10,000 procedures).
        const CHUNK: usize = 1024;
        let mut terms: HashMap<String, Vec<Posting>> = HashMap::new();
        let fill = lx.filler_words();
        let mut keep = BTreeSet::new();
        let mut variants = Vec::new();
        for phrase in &lx.phrases {
            filler_pairs(phrase, &fill, &mut keep);
        }
        for (c, chunk) in order.chunks(CHUNK).enumerate() {
            let own: Vec<DocTerms> = chunk
                .par_iter()
                .map(|(_, _, d)| doc_terms(d, lx, &fill))
                .collect();
            for (i, (list, doc_pairs, variant)) in own.into_iter().enumerate() {
                keep.extend(doc_pairs);
                if let Some(v) = variant {
                    variants.push(((c * CHUNK + i) as u32, v));
                }
                for (t, mut p) in list {
                    p.doc = (c * CHUNK + i) as u32;
                    match terms.get_mut(&t) {
                        Some(v) => v.push(p),
                        None => {
                            terms.insert(t, vec![p]);
                        }
                    }
                }
            }
        }
        let mut pairs: Vec<(Vec<u16>, String, Vec<Posting>)> = terms
            .into_iter()
            .map(|(t, p)| (t.encode_utf16().collect(), t, p))
            .collect();
        pairs.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (vocab, postings) = pairs.into_iter().map(|(_, t, p)| (t, p)).unzip();
        Index {
            vocab,
            postings,
            docs,
            fields,
            field_urls,
            rules: QueryRules {
                filler: lx.filler.clone(),
                ask_deadline: lx.ask_deadline.clone(),
                ask_fee: lx.ask_fee.clone(),
                pairs: keep,
            },
            variants,
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

    /// The index files, deterministic for the same index. Consumes the
    /// index: each term's postings are dropped once encoded, and each
    /// shard once written into its file, so that at 100,000 procedures the
    /// postings, their JSON and the files are not all in memory at once.
    pub fn into_files(mut self) -> Vec<SearchFile> {
        let (words, nums) = self.words_and_numbers();
        let (heads, bodies) = self.take_postings(&words);
        let total: usize = heads.iter().chain(&bodies).map(String::len).sum();
        let limit = shard_bytes(total);
        let (head_starts, head_shards) = shard(heads, limit);
        let (body_starts, body_shards) = shard(bodies, limit);
        let (nheads, nbodies) = self.take_postings(&nums);
        let (num_firsts, num_shards) = self.number_shards(&nums, &nheads, &nbodies, limit);
        let chunks = self.doc_chunks();
        let word_terms: Vec<String> = words.iter().map(|&i| self.vocab[i].clone()).collect();
        let mut words = serde_json::json!({
            "n": self.docs.len(),
            "c": CHUNK,
            "f": self.fields,
            "fu": self.field_urls,
            "w": front_code(&word_terms),
            "s": head_starts,
            "b": body_starts,
            "nf": num_firsts,
            "lx": self.rules_json(),
            "vr": self.variants,
        });
        let pf = prefetch_bytes(total);
        if pf > 0 {
            words["pf"] = pf.into();
            words["ss"] = head_shards.iter().map(String::len).collect();
            words["bs"] = body_shards.iter().map(String::len).collect();
        }
        let words = words.to_string();
        let v = version([&head_shards, &body_shards, &num_shards, &chunks], &words);
        files(
            &v,
            &words,
            [
                ("s", head_shards),
                ("b", body_shards),
                ("n", num_shards),
                ("d", chunks),
            ],
        )
    }

    /// The query rules for the runtime: `{"f":[filler phrases],"d":[deadline
    /// questions],"p":[fee questions],"k":[pairs that keep a filler word]}`,
    /// phrases as folded words joined by a space.
    fn rules_json(&self) -> serde_json::Value {
        let join = |l: &[Vec<String>]| l.iter().map(|p| p.join(" ")).collect::<Vec<_>>();
        let r = &self.rules;
        serde_json::json!({
            "f": join(&r.filler),
            "d": join(&r.ask_deadline),
            "p": join(&r.ask_fee),
            "k": r.pairs,
        })
    }

    /// The positions in `vocab` of terms without a digit (the words: their
    /// vocabulary is loaded with the page) and with one (codes, numbers:
    /// shards of vocabulary and postings, loaded for a query word with a
    /// digit only).
    fn words_and_numbers(&self) -> (Vec<usize>, Vec<usize>) {
        let (mut words, mut nums) = (Vec::new(), Vec::new());
        for (i, t) in self.vocab.iter().enumerate() {
            if apart(t) {
                nums.push(i);
            } else {
                words.push(i);
            }
        }
        (words, nums)
    }

    /// The encoded head and body postings of the terms `ids`, each term's
    /// postings dropped once encoded.
    fn take_postings(&mut self, ids: &[usize]) -> (Vec<String>, Vec<String>) {
        ids.iter()
            .map(|&i| {
                let list = std::mem::take(&mut self.postings[i]);
                let (mut h, mut b) = (String::new(), String::new());
                encode_head(&list, &mut h);
                encode_body(&list, &mut b);
                (h, b)
            })
            .unzip()
    }

    /// Number shards, `{"w":front-coded terms,"h":[head postings],"b":[body
    /// postings]}`, each about `limit` bytes, and the first term of each.
    fn number_shards(
        &self,
        nums: &[usize],
        nheads: &[String],
        nbodies: &[String],
        limit: usize,
    ) -> (Vec<&str>, Vec<String>) {
        let sizes: Vec<usize> = nums
            .iter()
            .zip(nheads.iter().zip(nbodies))
            .map(|(&i, (h, b))| self.vocab[i].len() + h.len() + b.len() + 3)
            .collect();
        let mut num_firsts: Vec<&str> = Vec::new();
        let mut num_shards: Vec<String> = Vec::new();
        let mut at = 0;
        while at < nums.len() {
            let mut end = at;
            let mut bytes = 0;
            while end < nums.len() && (end == at || bytes < limit) {
                bytes += sizes[end];
                end += 1;
            }
            let terms: Vec<String> = nums[at..end]
                .iter()
                .map(|&i| self.vocab[i].clone())
                .collect();
            num_firsts.push(&self.vocab[nums[at]]);
            num_shards.push(format!(
                "{{\"w\":{},\"h\":[{}],\"b\":[{}]}}",
                serde_json::Value::from(front_code(&terms)),
                nheads[at..end].join(","),
                nbodies[at..end].join(",")
            ));
            at = end;
        }
        (num_firsts, num_shards)
    }

    /// The documents' rows (title, url, field, code, summary, due when
    /// any), `CHUNK` a file.
    fn doc_chunks(&self) -> Vec<String> {
        self.docs
            .chunks(CHUNK)
            .map(|rows| {
                let rows: Vec<serde_json::Value> = rows
                    .iter()
                    .map(|r| match r.due.as_str() {
                        "" => serde_json::json!([r.title, r.url, r.field, r.code, r.summary]),
                        due => serde_json::json!([r.title, r.url, r.field, r.code, r.summary, due]),
                    })
                    .collect();
                serde_json::to_string(&rows).unwrap_or_default()
            })
            .collect()
    }
}

/// The index's version `{v}`, a hash of every shard and the word file: it
/// names the files, so a browser never pairs files of two builds.
fn version(lists: [&Vec<String>; 4], words: &str) -> String {
    let mut h = Fnv::new();
    for list in lists {
        for part in list.iter() {
            h.write(part.as_bytes());
            h.write(&[0]);
        }
        h.write(&[1]);
    }
    h.write(words.as_bytes());
    h.short()
}

/// The runtime, the meta file, the word file and the shards (by kind
/// letter), each shard dropped once written into its file.
fn files(v: &str, words: &str, shards: [(&str, Vec<String>); 4]) -> Vec<SearchFile> {
    let (runtime, r) = runtime();
    let meta = serde_json::json!({ "v": v, "r": r });
    let mut files = vec![
        SearchFile {
            path: "search/search.js".into(),
            bytes: runtime.into_bytes(),
        },
        SearchFile {
            path: "search/idx/meta.js".into(),
            bytes: format!("niemyetSearch.m({meta});\n").into_bytes(),
        },
        SearchFile {
            path: format!("search/idx/w.{v}.js"),
            bytes: format!("niemyetSearch.w({words});\n").into_bytes(),
        },
    ];
    for (kind, list) in shards {
        for (i, s) in list.into_iter().enumerate() {
            files.push(SearchFile {
                path: format!("search/idx/{kind}{i}.{v}.js"),
                bytes: format!("niemyetSearch.{kind}({i},{s});\n").into_bytes(),
            });
        }
    }
    files
}

/// Shard size (bytes of JSON): a query reads a few terms, each shard holds
/// the neighbours of a term too; 8 KB keeps that waste small at 10,000
/// procedures (a common word's postings are a shard of their own).
fn shard_bytes(_total: usize) -> usize {
    8 * 1024
}

/// How many bytes of shards the runtime may load ahead of the keystrokes
/// (see `prefetch` in search.js) for an index whose word postings total
/// `total` bytes: a small catalogue spends some of the 100 KB gzipped budget
/// per query on latency (a keystroke that waits for a script load takes 2–4
/// times as long); a large one needs all of its budget for the query itself.
fn prefetch_bytes(total: usize) -> usize {
    if total <= 2 * 1024 * 1024 {
        160 * 1024
    } else {
        0
    }
}

/// Contiguous ranges of `lists` (one JSON array each), closed once a range
/// reaches `limit` bytes: the first index of each and its JSON array.
fn shard(lists: Vec<String>, limit: usize) -> (Vec<usize>, Vec<String>) {
    let mut starts = Vec::new();
    let mut shards = Vec::new();
    let mut cur = String::new();
    for (i, list) in lists.into_iter().enumerate() {
        if cur.is_empty() {
            starts.push(i);
            cur.push('[');
        } else {
            cur.push(',');
        }
        cur.push_str(&list);
        if cur.len() >= limit {
            cur.push(']');
            shards.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        cur.push(']');
        shards.push(cur);
    }
    (starts, shards)
}

/// The runtime with its version written in, and that version.
fn runtime() -> (String, String) {
    let mut h = Fnv::new();
    h.write(RUNTIME.as_bytes());
    let r = h.short();
    let text = RUNTIME.replacen(VERSION_SLOT, &format!("var VERSION = '{r}';"), 1);
    debug_assert!(text != RUNTIME, "search.js has no version slot");
    (text, r)
}

/// The line of `search.js` that the build replaces with the runtime's version.
const VERSION_SLOT: &str = "var VERSION = 'dev';";

/// A document's terms with their postings, and its pairs that keep a
/// filler word.
type DocTerms = (Vec<(String, Posting)>, Vec<String>, Option<String>);

/// The terms of one document with their postings (without the document),
/// the pairs of its title and aliases that keep a filler word, and the
/// variant phrases its title opens with (`Lexicon::variant_of`).
fn doc_terms(d: &SearchDoc, lx: &Lexicon, fill: &BTreeSet<&str>) -> DocTerms {
    let mut own: HashMap<String, Posting> = HashMap::new();
    let mut add = |t: &str, mask: u8, tbits: u32, abits: u32| {
        let p = match own.get_mut(t) {
            Some(p) => p,
            None => own.entry(t.to_string()).or_default(),
        };
        p.mask |= mask;
        p.tbits |= tbits;
        p.abits |= abits;
    };
    let title = super::words(&d.title);
    for (i, t) in title.iter().enumerate() {
        add(t, TITLE, bit(i), 0);
    }
    let aliases: Vec<Vec<String>> = d.aliases.iter().map(|a| super::words(a)).collect();
    // Synonyms of the title are more aliases. The clerk's aliases are not
    // expanded: they are free text ("bố nhận con chưa đăng ký kết hôn"),
    // where a phrase is often not what the procedure is about.
    let mut gained: Vec<&[String]> = Vec::new();
    lx.expand(&refs(&title), &mut gained);
    // Alias positions past 30 are not recorded: the shortest phrases
    // first, as they are the ones typed whole.
    gained.sort_by_key(|p| p.len());
    // Aliases are numbered as one sequence, one word apart.
    let mut pos = 0;
    let alias_like = aliases
        .iter()
        .map(Vec::as_slice)
        .chain(gained.iter().copied());
    for (i, alias) in alias_like.clone().enumerate() {
        let mask = if i < aliases.len() {
            ALIAS | CLERK
        } else {
            ALIAS
        };
        for t in alias {
            add(t, mask, 0, bit(pos));
            pos += 1;
        }
        pos += 1;
    }
    // Each alias whole, as one term (`so_do`): a query that is exactly an
    // alias ranks it above one where the words are part of a longer alias.
    for (i, alias) in alias_like.clone().enumerate() {
        if (2..=MAX_PHRASE).contains(&alias.len()) && !alias.iter().any(|w| has_digit(w)) {
            let mask = if i < aliases.len() {
                ALIAS | CLERK
            } else {
                ALIAS
            };
            add(&alias.join(PHRASE), mask, 0, 0);
        }
    }
    // The title's and the clerk's aliases' pairs; the synonyms' own pairs
    // come from the lexicon (`Lexicon::phrases`).
    let mut pairs = Vec::new();
    for seq in std::iter::once(&title).chain(&aliases) {
        let mut set = BTreeSet::new();
        filler_pairs(seq, fill, &mut set);
        pairs.extend(set);
    }
    if let Some(c) = &d.code {
        for t in super::words(c) {
            // A code also without its dots: `2000815` finds `2.000815`.
            if t.contains('.') {
                add(&t.replace('.', ""), CODE, 0, 0);
            }
            add(&t, CODE, 0, 0);
        }
    }
    for t in super::words(&d.field_name) {
        add(&t, FIELD, 0, 0);
    }
    let texts = d.documents.iter().map(|t| (t, DOCS));
    for (text, mask) in texts.chain(std::iter::once((&d.result, RESULT))) {
        let w = super::words(text);
        let mut more = Vec::new();
        lx.expand(&refs(&w), &mut more);
        for t in w.iter().chain(more.into_iter().flatten()) {
            add(t, mask, 0, 0);
        }
    }
    for t in super::words(&plain_text(&d.body)) {
        add(&t, BODY, 0, 0);
    }
    let tlen = title.len().min(255) as u8;
    let terms = own
        .into_iter()
        .map(|(t, mut p)| {
            // The title's length also where only an alias matched: the
            // ranking prefers the shorter title among alias matches too.
            if p.mask & (TITLE | ALIAS) != 0 {
                p.tlen = tlen;
            }
            (t, p)
        })
        .collect();
    (terms, pairs, lx.variant_of(&title))
}

fn refs(words: &[String]) -> Vec<&str> {
    words.iter().map(String::as_str).collect()
}

/// The neighbouring pairs of `seq` with a filler word in them, `a b`.
fn filler_pairs(seq: &[String], fill: &BTreeSet<&str>, out: &mut BTreeSet<String>) {
    for w in seq.windows(2) {
        if fill.contains(w[0].as_str()) || fill.contains(w[1].as_str()) {
            out.insert(format!("{} {}", w[0], w[1]));
        }
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

/// Head postings: the documents where the term occurs outside the body.
fn encode_head(list: &[Posting], out: &mut String) {
    use std::fmt::Write;
    out.push('[');
    let mut prev = 0;
    let mut first = true;
    for p in list.iter().filter(|p| p.mask != BODY) {
        if !first {
            out.push(',');
        }
        first = false;
        let _ = write!(out, "{},{}", p.doc - prev, p.mask);
        if p.mask & TITLE != 0 {
            let _ = write!(out, ",{},{}", p.tbits, p.tlen);
        }
        if p.mask & ALIAS != 0 {
            let _ = write!(out, ",{}", p.abits);
            if p.mask & TITLE == 0 {
                let _ = write!(out, ",{}", p.tlen);
            }
        }
        prev = p.doc;
    }
    out.push(']');
}

/// Body postings: the documents where the term occurs in the body only.
fn encode_body(list: &[Posting], out: &mut String) {
    use std::fmt::Write;
    out.push('[');
    let mut prev = 0;
    let mut first = true;
    for p in list.iter().filter(|p| p.mask == BODY) {
        if !first {
            out.push(',');
        }
        first = false;
        let _ = write!(out, "{}", p.doc - prev);
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
    /// The first 10 hex digits.
    fn short(&self) -> String {
        format!("{:016x}", self.0)[..10].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, field: usize) -> SearchDoc<'static> {
        SearchDoc {
            url: format!("f{field}/{}/", crate::text::slugify(title)),
            title: title.to_string().into(),
            field_name: format!("Lĩnh vực {field}").into(),
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
        let ix = Index::build_with(&[d], &Lexicon::default());
        let at = |t: &str| ix.postings[ix.vocab.iter().position(|v| v == t).unwrap()][0];
        let khai = at("khai");
        assert_eq!(khai.mask, TITLE | ALIAS | CLERK);
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
    fn a_version_not_yet_in_force_comes_after_the_one_in_force() {
        // Its URL sorts first (`…-tu-2027/` before `…/`): equal scores keep
        // document order, so the order must not come from the URL.
        let mut next = doc("Thanh toán thù lao", 0);
        next.url = "f0/thanh-toan-thu-lao-tu-2027/".into();
        next.upcoming = true;
        let ix = Index::build(&[next, doc("Thanh toán thù lao", 0)]);
        assert_eq!(ix.url(0), "f0/thanh-toan-thu-lao/");
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
        Index::build(docs).into_files()
    }
}
