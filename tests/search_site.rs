//! Search over the example site: the shared vectors (`tests/search/vectors.json`)
//! through the Rust folding and the Rust reference ranking, and the test page
//! the browser tests open.
//!
//! Every run builds the example site with `niemyet build` into
//! `$CARGO_TARGET_TMPDIR/search-site/` (the default `SITE_DIR` of the node and
//! Chromium tests), and writes the Rust ranking beside it for the node test
//! that compares the JS ranking with it.
//!
//! For benchmarks, the ignored test `write_search_page` writes the same for
//! any content root:
//! `SEARCH_ROOT=DIR SEARCH_OUT=DIR/public cargo test --release
//! --no-default-features --test search_site -- --ignored`.

mod common;

use niemyet::model::{Date, DeadlineMeasure, Procedure, Site};
use niemyet::render::urls;
use niemyet::search::{self, SearchDoc};
use niemyet::{check_site, CheckOptions};
use std::path::{Path, PathBuf};

fn vectors() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search/vectors.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("vectors.json")).expect("json")
}

fn today() -> Date {
    vectors()["today"]
        .as_str()
        .expect("today")
        .parse()
        .expect("date")
}

fn load(root: &Path, today: Date) -> Site {
    let out = check_site(root, CheckOptions { today, lang: None });
    assert!(!out.has_errors(), "{:#?}", out.diagnostics);
    out.site.expect("site")
}

fn two(n: u32) -> String {
    format!("{n:02}")
}

fn money(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A stand-in for the renderer's summary (deadline · fee), for the test page.
fn summary(p: &Procedure) -> String {
    let deadline = match &p.deadline.measure {
        DeadlineMeasure::WorkingDays(0) => "Trong ngày làm việc".to_string(),
        DeadlineMeasure::WorkingDays(n) => format!("{} ngày làm việc", two(*n)),
        DeadlineMeasure::CalendarDays(n) => format!("{} ngày", two(*n)),
        DeadlineMeasure::Hours(n) => format!("{} giờ", two(*n)),
        DeadlineMeasure::Text(t) => t.clone(),
    };
    let fee = if p.fees.is_empty() {
        "Không thu phí".to_string()
    } else if let Some((f, n)) = p
        .fees
        .iter()
        .find_map(|f| f.amount.filter(|n| *n > 0).map(|n| (f, n)))
    {
        match &f.per {
            Some(per) => format!("{} đồng/{per}", money(n)),
            None => format!("{} đồng", money(n)),
        }
    } else {
        "Miễn lệ phí".to_string()
    };
    format!("{deadline} · {fee}")
}

/// Builds the site of `root` with the real `niemyet build` into `out`
/// (the pages, the search page and its index), published in `lang`: for
/// `en`, a copy of the site with `language: en` (`--lang` is the language
/// of messages only).
fn write_site(root: &Path, out: &Path, lang: &str) {
    // A folder from an earlier run of this test (ours to replace).
    let _ = std::fs::remove_dir_all(out);
    let copy = tempfile::tempdir().expect("tempdir");
    let root = if lang == "vi" {
        root.to_path_buf()
    } else {
        common::copy_tree(&root.join("content"), &copy.path().join("content"));
        let yaml = copy.path().join("content/site.yaml");
        let text = std::fs::read_to_string(&yaml).expect("site.yaml");
        let published = text.replace("language: vi", &format!("language: {lang}"));
        assert_ne!(text, published, "site.yaml has no `language: vi` line");
        std::fs::write(&yaml, published).expect("write site.yaml");
        copy.path().to_path_buf()
    };
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(["build", "--no-minify", "--date"])
        .arg(vectors()["today"].as_str().expect("today"))
        .arg("--root")
        .arg(&root)
        .arg("--out")
        .arg(out)
        .output()
        .expect("run niemyet build");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// The example site's documents (they borrow from the site, loaded once).
fn example_docs() -> Vec<SearchDoc<'static>> {
    static SITE: std::sync::OnceLock<Site> = std::sync::OnceLock::new();
    let site = SITE.get_or_init(|| load(Path::new(env!("CARGO_MANIFEST_DIR")), today()));
    search::docs_from_site(site, today(), urls::procedure, summary)
}

#[test]
fn fold_vectors() {
    let v = vectors();
    let cases = v["fold"].as_array().expect("fold");
    assert!(cases.len() >= 20);
    for c in cases {
        let (input, want) = (c[0].as_str().unwrap(), c[1].as_str().unwrap());
        assert_eq!(search::fold(input), want, "fold({input:?})");
    }
}

#[test]
fn query_vectors_on_the_example_site() {
    let docs = example_docs();
    let index = search::Index::build(&docs);
    let v = vectors();
    let queries = v["queries"].as_array().expect("queries");
    assert!(queries.len() >= 40);
    let mut failed = Vec::new();
    for c in queries {
        let q = c["q"].as_str().unwrap();
        let want = c["first"].as_str().unwrap();
        let hits = index.search(q);
        let got = hits.first().map(|h| index.title(h.doc)).unwrap_or("(none)");
        if got != want {
            let top: Vec<&str> = hits.iter().take(3).map(|h| index.title(h.doc)).collect();
            failed.push(format!("{q:?}: want {want:?}, top 3 {top:?}"));
        }
    }
    assert!(
        failed.is_empty(),
        "{} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn repealed_procedures_are_not_searchable() {
    let today = today();
    let site = load(Path::new(env!("CARGO_MANIFEST_DIR")), today);
    let later: Date = "2027-01-02".parse().unwrap();
    let now = search::docs_from_site(&site, today, urls::procedure, summary);
    let after = search::docs_from_site(&site, later, urls::procedure, summary);
    assert_eq!(now.len(), site.procedures.len());
    assert_eq!(after.len(), now.len() - 1);
    assert!(after
        .iter()
        .all(|d| d.url != "hoa-giai-o-co-so/thanh-toan-thu-lao-cho-hoa-giai-vien/"));
    assert_eq!(now[0].url.matches('/').count(), 2, "{{field}}/{{slug}}/");
}

#[test]
fn index_is_deterministic_and_the_query_is_never_in_it() {
    let docs = example_docs();
    let lx = search::Lexicon::builtin();
    let a = search::build_index(&docs, &lx);
    assert_eq!(a, search::build_index(&docs, &lx));
    let total: usize = a.iter().map(|f| f.bytes.len()).sum();
    assert!(
        total < 400_000,
        "{total} bytes for {} procedures",
        docs.len()
    );
    for f in &a {
        assert!(f.path.starts_with("search/"), "{}", f.path);
        assert!(!f.path.contains('\\'));
    }
}

/// Writes the example site's search page for the node and Chromium tests.
#[test]
fn write_example_search_page() {
    let docs = example_docs();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("search-site");
    write_site(root, &out, "vi");
    let en = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("search-site-en");
    write_site(root, &en, "en");
    // The Rust ranking's top 10 for every vector query and for each
    // keystroke of a few: the node test checks the JS ranking is the same.
    let index = search::Index::build(&docs);
    let mut queries: Vec<String> = vectors()["queries"]
        .as_array()
        .expect("queries")
        .iter()
        .map(|c| c["q"].as_str().unwrap().to_string())
        .collect();
    for q in [
        "dang ky khai sinh",
        "chung thuc chu ky",
        "1.001193",
        "tro cap",
    ] {
        let chars: Vec<char> = q.chars().collect();
        queries.extend((1..chars.len()).map(|n| chars[..n].iter().collect::<String>()));
    }
    queries.extend(["ho", "ky", "xin", "giay", "ban sao", "qqqq"].map(String::from));
    // How citizens ask: prepare (filler, Telex/VNI, splitting) must agree too.
    let questions = vectors()["questions"]
        .as_array()
        .expect("questions")
        .clone();
    queries.extend(
        questions
            .iter()
            .map(|c| c["q"].as_str().unwrap().to_string()),
    );
    let ranking: Vec<serde_json::Value> = queries
        .iter()
        .map(|q| {
            let hits = index.search(q);
            let top: Vec<&str> = hits.iter().take(10).map(|h| index.url(h.doc)).collect();
            serde_json::json!({"q": q, "count": hits.len(), "top": top})
        })
        .collect();
    std::fs::write(
        out.join("rust-ranking.json"),
        serde_json::to_string_pretty(&ranking).expect("json"),
    )
    .expect("write ranking");
    assert!(out.join("search/index.html").is_file());
    // The example without its aliases, for the question vectors.
    let copy = tempfile::tempdir().expect("tempdir");
    without_aliases(root, copy.path());
    let na = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("search-site-na");
    write_site(copy.path(), &na, "vi");
    run_node_tests(&out, &na);
}

/// A copy of the content root `root` into `dst` with every `aliases:` list
/// removed from every front matter: only the built-in lexicon can help.
fn without_aliases(root: &Path, dst: &Path) {
    common::copy_tree(&root.join("content"), &dst.join("content"));
    let mut stripped = 0;
    for entry in walkdir::WalkDir::new(dst.join("content")) {
        let entry = entry.expect("walk");
        if entry.path().extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("read");
        let out = strip_aliases(&text);
        if out != text {
            stripped += 1;
            std::fs::write(entry.path(), out).expect("write");
        }
    }
    assert!(stripped > 40, "only {stripped} files had aliases");
}

/// The front matter's `aliases:` key and its indented list, gone.
fn strip_aliases(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut fences, mut skipping) = (0, false);
    for line in text.split_inclusive('\n') {
        if line.trim_end() == "---" {
            fences += 1;
        }
        let in_front = fences == 1 && line.trim_end() != "---";
        if in_front && line.starts_with("aliases:") {
            skipping = true;
            continue;
        }
        if skipping && in_front && (line.starts_with(' ') || line.starts_with('-')) {
            continue;
        }
        skipping = false;
        out.push_str(line);
    }
    out
}

/// A site's own `synonyms:` line makes its words find the procedure, as
/// the build's index does (`Lexicon::with_site`).
#[test]
fn a_site_synonym_finds_its_procedure() {
    let copy = tempfile::tempdir().expect("tempdir");
    without_aliases(Path::new(env!("CARGO_MANIFEST_DIR")), copy.path());
    let first = |root: &Path| {
        let site = load(root, today());
        let docs = search::docs_from_site(&site, today(), urls::procedure, summary);
        let lx = search::Lexicon::with_site(&site.config.synonyms);
        let index = search::Index::build_with(&docs, &lx);
        let hits = index.search("ế");
        hits.first()
            .map(|h| index.title(h.doc).to_string())
            .unwrap_or_default()
    };
    let want = "Cấp Giấy xác nhận tình trạng hôn nhân";
    // "ế" (slang for "not married") is no word of the catalogue.
    assert_eq!(first(copy.path()), "", "found without the line");
    let yaml = copy.path().join("content/site.yaml");
    let mut text = std::fs::read_to_string(&yaml).expect("site.yaml");
    text.push_str("synonyms:\n  - ế, ế vợ, ế chồng -> xác nhận tình trạng hôn nhân\n");
    std::fs::write(&yaml, text).expect("write");
    assert_eq!(first(copy.path()), want);
}

/// The question vectors (how citizens ask) on the example without aliases:
/// every one not marked `miss` puts its title first; a `miss` that now
/// passes is reported, so its flag can go.
#[test]
fn question_vectors_without_aliases() {
    let copy = tempfile::tempdir().expect("tempdir");
    without_aliases(Path::new(env!("CARGO_MANIFEST_DIR")), copy.path());
    let site = load(copy.path(), today());
    let docs = search::docs_from_site(&site, today(), urls::procedure, summary);
    let index = search::Index::build(&docs);
    let v = vectors();
    let questions = v["questions"].as_array().expect("questions");
    assert!(questions.len() >= 100, "{}", questions.len());
    let (mut failed, mut fixed, mut passed) = (Vec::new(), Vec::new(), 0);
    for c in questions {
        let q = c["q"].as_str().unwrap();
        let want = c["first"].as_str().unwrap();
        let hits = index.search(q);
        let got = hits.first().map(|h| index.title(h.doc)).unwrap_or("(none)");
        let miss = c["miss"].as_bool().unwrap_or(false);
        match (got == want, miss) {
            (true, false) => passed += 1,
            (true, true) => fixed.push(q),
            (false, false) => failed.push(format!("{q:?}: want {want:?}, got {got:?}")),
            (false, true) => {}
        }
    }
    eprintln!(
        "question vectors: {passed} pass, {} known misses, {} misses that now pass: {fixed:?}",
        questions.len() - passed - fixed.len() - failed.len(),
        fixed.len()
    );
    assert!(
        failed.is_empty(),
        "{} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

/// The same vectors through the browser runtime: in node (folding, ranking
/// equal to Rust's) and in headless Chromium from `file://`, typing each
/// query. Needs `npm ci` and chromium; skipped outside CI when missing.
fn run_node_tests(site: &Path, without_aliases: &Path) {
    if common::browser::node_ready(&[]) {
        common::browser::node_tests(
            &[
                "tests/search/engine.test.js",
                "tests/search/browser.test.js",
            ],
            &[("SITE_DIR", site), ("SITE_NA", without_aliases)],
        );
    }
}

/// `SEARCH_ROOT=DIR SEARCH_OUT=OUT cargo test --release --no-default-features
/// --test search_site -- --ignored`: the search page of any content root.
#[test]
#[ignore]
fn write_search_page() {
    let root = PathBuf::from(std::env::var("SEARCH_ROOT").expect("SEARCH_ROOT"));
    let out = PathBuf::from(std::env::var("SEARCH_OUT").expect("SEARCH_OUT"));
    let today = today();
    let t = std::time::Instant::now();
    let site = load(&root, today);
    let docs = search::docs_from_site(&site, today, urls::procedure, summary);
    let t_check = t.elapsed();
    let t = std::time::Instant::now();
    let files = search::build_index(&docs, &search::Lexicon::builtin());
    let t_index = t.elapsed();
    write_site(&root, &out, "vi");
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    eprintln!(
        "{} procedures: check {t_check:?}, index {t_index:?}, {} files, {bytes} bytes",
        docs.len(),
        files.len()
    );
}
