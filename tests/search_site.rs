//! Search over the example site: the shared vectors (`tests/search/vectors.json`)
//! through the Rust folding and the Rust reference ranking, and the test page
//! the browser tests open.
//!
//! Every run writes the example site's search page and index to
//! `$CARGO_TARGET_TMPDIR/search-site/` (the default `SITE_DIR` of the node and
//! Chromium tests). Until `niemyet build` exists this is the page they test:
//! the markup the search template promises (form, `#search-status`, the A–Z
//! fallback in `<ol id="results">`, one `<script>`).
//!
//! For benchmarks, the ignored test `write_search_page` writes the same for
//! any content root:
//! `SEARCH_ROOT=DIR SEARCH_OUT=DIR/public cargo test --release
//! --no-default-features --test search_site -- --ignored`.

use niemyet::model::{Date, DeadlineMeasure, Procedure, Site};
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
    let deadline = match p.deadline.measure {
        DeadlineMeasure::WorkingDays(0) => "Trong ngày làm việc".to_string(),
        DeadlineMeasure::WorkingDays(n) => format!("{} ngày làm việc", two(n)),
        DeadlineMeasure::CalendarDays(n) => format!("{} ngày", two(n)),
        DeadlineMeasure::Hours(n) => format!("{} giờ", two(n)),
    };
    let fee = if p.fees.is_empty() {
        "Không thu phí".to_string()
    } else if let Some(f) = p.fees.iter().find(|f| f.amount > 0) {
        match &f.per {
            Some(per) => format!("{} đồng/{per}", money(f.amount)),
            None => format!("{} đồng", money(f.amount)),
        }
    } else {
        "Miễn lệ phí".to_string()
    };
    format!("{deadline} · {fee}")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The search page with the markup the template promises.
fn page(docs: &[SearchDoc], lang: &str) -> String {
    let mut az: Vec<&SearchDoc> = docs.iter().collect();
    az.sort_by_key(|d| (search::fold(&d.title), d.title.clone(), d.url.clone()));
    let mut items = String::new();
    for d in az {
        let meta: Vec<&str> = [
            Some(d.field_name.as_str()),
            d.code.as_deref(),
            Some(&d.summary),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
        items.push_str(&format!(
            "  <li><a href=\"../{}\">{}</a> <span class=\"meta\">{}</span></li>\n",
            escape(&d.url),
            escape(&d.title),
            escape(&meta.join(" · "))
        ));
    }
    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tìm thủ tục</title></head>
<body>
<main>
<h1>Tìm thủ tục</h1>
<form role="search" action="./" method="get" class="search-form">
  <label for="q">Tìm thủ tục</label>
  <input id="q" name="q" type="search" autocomplete="off">
  <button type="submit">Tìm</button>
</form>
<p id="search-status" role="status" aria-live="polite">Bật JavaScript để tìm; dưới đây là danh mục đầy đủ.</p>
<ol id="results">
{items}</ol>
</main>
<script src="../search/search.js"></script>
</body>
</html>
"#
    )
}

/// Writes `search/index.html` and the index files under `out`.
fn write_site(docs: &[SearchDoc], out: &Path, lang: &str) {
    let _ = std::fs::remove_dir_all(out.join("search"));
    for f in search::build_index(docs) {
        let path = out.join(&f.path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, &f.bytes).expect("write");
    }
    std::fs::write(out.join("search/index.html"), page(docs, lang)).expect("write page");
}

fn example_docs() -> Vec<SearchDoc> {
    let today = today();
    let site = load(Path::new(env!("CARGO_MANIFEST_DIR")), today);
    search::docs_from_site(&site, today, summary)
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
    let now = search::docs_from_site(&site, today, summary);
    let after = search::docs_from_site(&site, later, summary);
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
    let a = search::build_index(&docs);
    assert_eq!(a, search::build_index(&docs));
    let total: usize = a.iter().map(|f| f.bytes.len()).sum();
    assert!(total < 400_000, "{total} bytes for 32 procedures");
    for f in &a {
        assert!(f.path.starts_with("search/"), "{}", f.path);
        assert!(!f.path.contains('\\'));
    }
}

/// Writes the example site's search page for the node and Chromium tests.
#[test]
fn write_example_search_page() {
    let docs = example_docs();
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("search-site");
    write_site(&docs, &out, "vi");
    let en = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("search-site-en");
    write_site(&docs, &en, "en");
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
    let docs = search::docs_from_site(&site, today, summary);
    let t_check = t.elapsed();
    let t = std::time::Instant::now();
    let files = search::build_index(&docs);
    let t_index = t.elapsed();
    write_site(&docs, &out, "vi");
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    eprintln!(
        "{} procedures: check {t_check:?}, index {t_index:?}, {} files, {bytes} bytes",
        docs.len(),
        files.len()
    );
}
