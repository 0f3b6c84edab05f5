//! `niemyet build` on fixture sites: the facts a citizen reads, links that
//! resolve from disk, byte-identical rebuilds, a failed build that leaves
//! the previous site untouched, and content that never becomes markup.

mod common;

use common::html::attr_values;
use common::{base_site, niemyet, TODAY};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Every file of a folder, path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

fn build(root: &Path, extra: &[&str]) -> common::Run {
    let mut args = vec!["build", "--no-minify"];
    args.extend_from_slice(extra);
    niemyet(root, &args)
}

fn read(root: &Path, rel: &str) -> String {
    fs::read_to_string(root.join("public").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A second procedure with every deadline kind we format, and a third whose
/// text tries to become markup.
fn add_procedures(root: &Path) {
    let dir = root.join("content/ho-tich");
    fs::write(
        dir.join("cap-ban-sao-trich-luc.md"),
        "---\ncode: \"2.000635\"\ntitle: Cấp bản sao trích lục hộ tịch\nresult: Bản sao trích lục\n\
         deadline:\n  hours: 4\nfees:\n  - name: Phí cấp bản sao\n    amount: 8000\n    per: bản\n\
         documents:\n  - name: Tờ khai\n    originals: 1\nsteps: [Nộp tờ khai]\n\
         legal_basis:\n  - number: 123/2015/NĐ-CP\nupdated: 2026-10-01\n---\n",
    )
    .unwrap();
    fs::write(
        dir.join("dang-ky-giam-ho.md"),
        "---\ntitle: Đăng ký giám hộ <script>alert('tieu-de')</script>\nresult: Trích lục\n\
         deadline:\n  calendar_days: 30\nfees: []\ndocuments:\n  - name: \"<img src=x onerror=alert(1)>\"\n\
         steps:\n  - \"<b>đậm</b> & bước\"\nlegal_basis:\n  - number: 60/2014/QH13\nupdated: 2026-10-01\n---\n\
         Xem <script>alert('than')</script> và [bấm](javascript:alert(1)).\n\n<iframe src=\"https://evil.example\"></iframe>\n",
    )
    .unwrap();
}

#[test]
fn the_procedure_page_says_the_facts_the_vietnamese_way() {
    let site = base_site();
    add_procedures(site.path());
    let run = build(site.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("Đã dựng 3 thủ tục"), "{}", run.stdout);

    let page = read(site.path(), "ho-tich/dang-ky-khai-sinh/index.html");
    assert!(page.contains("<html lang=\"vi\">"));
    assert!(page.contains("<h1>Đăng ký khai sinh</h1>"));
    for fact in [
        "Trong ngày làm việc",
        "Miễn lệ phí",
        "8.000 đồng/bản",
        "1.001193",
        "Giấy khai sinh (bản chính)",
        "01 bản sao",
        "20/11/2014",
        "01/05/2026",
        "Bộ phận tiếp nhận và trả kết quả",
        "Số 1 phố Thử Nghiệm",
        "Nguyễn Thị Lan",
        "Dịch vụ công trực tuyến toàn trình",
    ] {
        assert!(page.contains(fact), "missing {fact:?}");
    }
    assert!(page.contains(r#"href="to-khai.pdf""#), "form link");
    assert!(page.contains("\"@type\":\"GovernmentService\""), "JSON-LD");
    // Facts come in the order a citizen needs them.
    let order = [
        "Kết quả nhận được",
        "Thời hạn giải quyết",
        "Phí, lệ phí",
        "Giấy tờ cần mang theo",
        "Nộp hồ sơ ở đâu",
        "Trình tự thực hiện",
        "Căn cứ pháp lý",
        "Cập nhật ngày",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|h| page.find(h).unwrap_or_else(|| panic!("{h}")))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "facts out of order: {positions:?}"
    );

    let hours = read(site.path(), "ho-tich/cap-ban-sao-trich-luc/index.html");
    assert!(hours.contains("04 giờ"));
    let days = read(site.path(), "ho-tich/dang-ky-giam-ho/index.html");
    assert!(days.contains("30 ngày"));
    assert!(days.contains("Không thu phí"));

    let field = read(site.path(), "ho-tich/index.html");
    assert!(field.contains("Đăng ký khai sinh") && field.contains("04 giờ"));
    let az = read(site.path(), "danh-muc/index.html");
    let (a, b) = (
        az.find("Cấp bản sao").unwrap(),
        az.find("Đăng ký giám hộ").unwrap(),
    );
    assert!(a < b, "A–Z order");
    assert!(fs::read(
        site.path()
            .join("public/ho-tich/dang-ky-khai-sinh/to-khai.pdf")
    )
    .is_ok());
}

#[test]
fn text_from_content_is_shown_never_run() {
    let site = base_site();
    add_procedures(site.path());
    assert_eq!(build(site.path(), &[]).code, 0);
    let out = site.path().join("public");
    for (path, bytes) in tree(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        assert!(
            !html.contains("<script>alert"),
            "{path}: a script from content runs"
        );
        assert!(!html.contains("<img src=x"), "{path}: markup from content");
        assert!(!html.contains("<iframe"), "{path}: markup from content");
        assert!(
            !html.to_lowercase().contains("javascript:"),
            "{path}: javascript: link"
        );
    }
    let page = read(site.path(), "ho-tich/dang-ky-giam-ho/index.html");
    assert!(
        page.contains("Đăng ký giám hộ &lt;script&gt;"),
        "title shown as text"
    );
    assert!(
        page.contains("&lt;b&gt;đậm&lt;&#x2F;b&gt; &amp; bước")
            || page.contains("&lt;b&gt;đậm&lt;/b&gt; &amp; bước")
    );
    assert!(
        page.contains("&lt;script&gt;alert"),
        "body HTML shown as text"
    );
    assert!(page.contains("bấm"), "the text of a dropped link stays");
}

/// Resolves a relative link from a page; None for links that leave the site.
fn target(page: &str, link: &str) -> Option<String> {
    let link = link.split(['#', '?']).next().unwrap_or("");
    if link.is_empty() || link.contains(':') {
        return None;
    }
    assert!(
        !link.starts_with('/'),
        "{page}: root-absolute link {link} breaks under a sub-path and from disk"
    );
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            "." | "" => {}
            ".." => {
                assert!(parts.pop().is_some(), "{page}: {link} leaves the site");
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[test]
fn every_link_and_asset_resolves_inside_the_output() {
    let site = base_site();
    add_procedures(site.path());
    assert_eq!(build(site.path(), &[]).code, 0);
    let files = tree(&site.path().join("public"));
    let mut checked = 0;
    for (path, bytes) in &files {
        if !path.ends_with(".html") || path == "404.html" {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for attr in ["href", "src"] {
            for link in attr_values(&html, attr) {
                if attr == "src" {
                    assert!(
                        !link.starts_with("http") && !link.starts_with("//"),
                        "{path}: external request {link}"
                    );
                }
                if let Some(t) = target(path, &link) {
                    assert!(
                        !t.ends_with('/') && !t.is_empty(),
                        "{path}: {link} is a folder (shows a file listing from disk)"
                    );
                    assert!(files.contains_key(&t), "{path}: broken link {link} → {t}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} links checked");
    for required in [
        "index.html",
        "search/index.html",
        "catalogue.json",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "danh-muc/index.html",
        "lien-he/index.html",
        "notices/index.html",
    ] {
        assert!(files.contains_key(required), "missing {required}");
    }
}

#[test]
fn data_files_use_absolute_urls_and_a_stable_schema() {
    let site = base_site();
    assert_eq!(build(site.path(), &[]).code, 0);
    let sitemap = read(site.path(), "sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://tthc.thunghiem.example/ho-tich/dang-ky-khai-sinh/</loc>")
    );
    assert!(sitemap.contains("<lastmod>2026-05-01</lastmod>"));
    let robots = read(site.path(), "robots.txt");
    assert!(robots.contains("Sitemap: https://tthc.thunghiem.example/sitemap.xml"));
    let json: serde_json::Value =
        serde_json::from_str(&read(site.path(), "catalogue.json")).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["date"], TODAY);
    let p = &json["procedures"][0];
    assert_eq!(p["code"], "1.001193");
    assert_eq!(
        p["url"],
        "https://tthc.thunghiem.example/ho-tich/dang-ky-khai-sinh/"
    );
    assert_eq!(p["deadline"]["working_days"], 0);
    assert_eq!(p["fees"][1]["amount"], 8000);
    assert_eq!(
        p["documents"][0]["form"],
        "https://tthc.thunghiem.example/ho-tich/dang-ky-khai-sinh/to-khai.pdf"
    );
}

/// Issue 16: an empty `copies:` made the model give no procedure and no
/// error; `check` said OK and the build left the procedure out of every
/// output. Empty means the default, and a procedure that passes `check` is
/// in the page, the lists, the search, the sitemap and the open data.
#[test]
fn an_empty_optional_value_keeps_the_procedure_everywhere() {
    let site = base_site();
    let proc = site.path().join("content/ho-tich/dang-ky-khai-sinh.md");
    let text = fs::read_to_string(&proc).unwrap();
    let edited = text
        .replace("    copies: 1\n", "    copies:\n    originals: ~\n")
        .replace(
            "    form: to-khai.pdf\n",
            "    form: to-khai.pdf\n    copies: null\n",
        );
    assert_ne!(edited, text);
    fs::write(&proc, edited).unwrap();
    let run = build(site.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("Đã dựng 1 thủ tục"), "{}", run.stdout);
    let page = read(site.path(), "ho-tich/dang-ky-khai-sinh/index.html");
    assert!(page.contains("<h1>Đăng ký khai sinh</h1>"));
    // The defaults: one original, no copy, for both documents.
    assert_eq!(
        page.matches(r#"<p class="qty">01 bản chính</p>"#).count(),
        2,
        "{page}"
    );
    for list in ["ho-tich/index.html", "danh-muc/index.html"] {
        let html = read(site.path(), list);
        assert!(html.contains("dang-ky-khai-sinh/"), "{list} lists it");
    }
    assert!(read(site.path(), "sitemap.xml").contains("/ho-tich/dang-ky-khai-sinh/</loc>"));
    let json: serde_json::Value =
        serde_json::from_str(&read(site.path(), "catalogue.json")).unwrap();
    assert_eq!(json["procedures"][0]["title"], "Đăng ký khai sinh");
    let search = tree(&site.path().join("public/search"));
    assert!(
        search
            .values()
            .any(|b| String::from_utf8_lossy(b).contains("Đăng ký khai sinh")),
        "the search index has it"
    );
}

/// Issue 16: a form or sample opened as a page of the site (an `.html`
/// ran its script; fixture cases refuse those types). Links to them say
/// `download`, so even an allowed file is saved, not shown as a page.
#[test]
fn links_to_forms_and_samples_download_the_file() {
    let site = base_site();
    let dir = site.path().join("content/ho-tich");
    fs::copy(dir.join("to-khai.pdf"), dir.join("mau-da-dien.pdf")).unwrap();
    let proc = dir.join("dang-ky-khai-sinh.md");
    let text = fs::read_to_string(&proc).unwrap();
    let edited = text.replace(
        "    form: to-khai.pdf\n",
        "    form: to-khai.pdf\n    sample: mau-da-dien.pdf\n",
    );
    assert_ne!(edited, text);
    fs::write(&proc, edited).unwrap();
    let run = build(site.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.all());
    let page = read(site.path(), "ho-tich/dang-ky-khai-sinh/index.html");
    for file in ["to-khai.pdf", "mau-da-dien.pdf"] {
        assert!(
            page.contains(&format!(r#"href="{file}" download>"#)),
            "{file}: {page}"
        );
    }
    assert_eq!(
        page.matches(r#"<a class="file""#).count(),
        page.matches(" download>").count(),
        "every link to an attachment downloads it"
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let site = base_site();
    add_procedures(site.path());
    let other = tempfile::tempdir().unwrap();
    let out2 = other.path().join("out");
    assert_eq!(niemyet(site.path(), &["build"]).code, 0);
    assert_eq!(
        niemyet(site.path(), &["build", "--out", out2.to_str().unwrap()]).code,
        0
    );
    let (a, b) = (tree(&site.path().join("public")), tree(&out2));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(v == &b[k], "{k} differs between two builds");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let site = base_site();
    assert_eq!(build(site.path(), &[]).code, 0);
    let before = tree(&site.path().join("public"));
    let proc = site.path().join("content/ho-tich/dang-ky-khai-sinh.md");
    let text = fs::read_to_string(&proc).unwrap();
    fs::write(&proc, text.replace("amount: 8000", "amount: 8.000 đồng")).unwrap();
    let run = build(site.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr.contains("dang-ky-khai-sinh.md:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Bản cũ của trang"), "{}", run.stderr);
    assert_eq!(
        tree(&site.path().join("public")),
        before,
        "public/ changed after a failed build"
    );
    let leftovers: Vec<PathBuf> = fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.ends_with(".public.niemyet-lock"))
        .filter(|p| p.to_string_lossy().contains("niemyet-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_removed_procedure_leaves_no_stale_page() {
    let site = base_site();
    add_procedures(site.path());
    assert_eq!(build(site.path(), &[]).code, 0);
    assert!(site
        .path()
        .join("public/ho-tich/dang-ky-giam-ho/index.html")
        .exists());
    fs::remove_file(site.path().join("content/ho-tich/dang-ky-giam-ho.md")).unwrap();
    assert_eq!(build(site.path(), &[]).code, 0);
    assert!(
        !site.path().join("public/ho-tich/dang-ky-giam-ho").exists(),
        "stale page survived"
    );
}

#[test]
fn out_refuses_a_folder_that_niemyet_did_not_make() {
    let site = base_site();
    let mine = site.path().join("tai-lieu");
    fs::create_dir(&mine).unwrap();
    fs::write(mine.join("bao-cao.docx"), b"do not lose me").unwrap();
    let run = build(site.path(), &["--out", mine.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr.contains("không phải do niemyet tạo"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read(mine.join("bao-cao.docx")).unwrap(),
        b"do not lose me"
    );
    assert_eq!(fs::read_dir(&mine).unwrap().count(), 1);
    // An empty folder is fine, and a folder niemyet made may be rebuilt.
    let empty = site.path().join("trong");
    fs::create_dir(&empty).unwrap();
    assert_eq!(
        build(site.path(), &["--out", empty.to_str().unwrap()]).code,
        0
    );
    assert_eq!(
        build(site.path(), &["--out", empty.to_str().unwrap()]).code,
        0
    );
}

#[test]
fn expired_notices_and_repealed_procedures_leave_the_lists_but_keep_their_pages() {
    let site = base_site();
    let c = site.path().join("content");
    fs::write(
        c.join("notices/2025-01-cu.md"),
        "---\ntitle: Thông báo cũ đã hết hạn\ndate: 2025-01-02\nexpires: 2025-02-01\n---\nCũ.\n",
    )
    .unwrap();
    fs::write(
        c.join("ho-tich/thu-tuc-cu.md"),
        "---\ntitle: Thủ tục đã bãi bỏ\nresult: Không\ndeadline:\n  working_days: 3\nfees: []\ndocuments:\n  - name: Tờ khai\nsteps: [Nộp]\nlegal_basis:\n  - number: 1/2020/TT\nupdated: 2026-01-05\nrepealed: 2026-06-01\n---\n",
    ).unwrap();
    let run = build(site.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(!read(site.path(), "notices/index.html").contains("Thông báo cũ"));
    assert!(read(site.path(), "notices/2025-01-cu/index.html").contains("Thông báo cũ"));
    assert!(!read(site.path(), "ho-tich/index.html").contains("Thủ tục đã bãi bỏ"));
    assert!(!read(site.path(), "danh-muc/index.html").contains("Thủ tục đã bãi bỏ"));
    assert!(!read(site.path(), "sitemap.xml").contains("thu-tuc-cu"));
    let page = read(site.path(), "ho-tich/thu-tuc-cu/index.html");
    assert!(
        page.contains("đã bị bãi bỏ từ ngày 01/06/2026"),
        "repealed page is marked"
    );
}

#[test]
fn a_procedure_not_yet_in_force_says_so_in_every_list() {
    let site = base_site();
    fs::write(
        site.path().join("content/ho-tich/thu-tuc-moi.md"),
        "---\ntitle: Thủ tục sắp áp dụng\nresult: Giấy\ndeadline:\n  working_days: 3\nfees: []\ndocuments:\n  - name: Tờ khai\nsteps: [Nộp]\nlegal_basis:\n  - number: 1/2026/TT\nupdated: 2026-01-05\neffective: 2027-01-01\n---\n",
    ).unwrap();
    let run = build(site.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.all());
    let label = "Sắp có hiệu lực từ ngày 01/01/2027";
    for page in [
        "danh-muc/index.html",
        "ho-tich/index.html",
        "search/index.html",
    ] {
        let html = read(site.path(), page);
        let at = html
            .find("Thủ tục sắp áp dụng")
            .unwrap_or_else(|| panic!("{page}"));
        let row = &html[at..at
            + html[at..]
                .find("</li>")
                .or(html[at..].find("</tr>"))
                .unwrap()];
        assert!(row.contains(label), "{page}: {row}");
    }
}

/// A snapshot of one procedure page, reviewed by eye when it changes:
/// `UPDATE_GOLDEN=1 cargo test --test build_site` rewrites it.
#[test]
fn procedure_page_matches_the_reviewed_snapshot() {
    let site = base_site();
    assert_eq!(build(site.path(), &[]).code, 0);
    let page = read(site.path(), "ho-tich/dang-ky-khai-sinh/index.html");
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/dang-ky-khai-sinh.html");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&golden, &page).unwrap();
    }
    let expected = fs::read_to_string(&golden).expect("golden file; run with UPDATE_GOLDEN=1 once");
    if page != expected {
        let line = page
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "the page differs from tests/golden/dang-ky-khai-sinh.html at line {}:\n  got:      {}\n  expected: {}\n(review the change, then UPDATE_GOLDEN=1)",
            line + 1,
            page.lines().nth(line).unwrap_or(""),
            expected.lines().nth(line).unwrap_or("")
        );
    }
}

/// minify-html has broken pages in other generators: the minified site must
/// show the same text and the same links as the unminified one.
#[cfg(feature = "minify")]
#[test]
fn minified_pages_show_the_same_text_and_links() {
    use common::html::visible_text;
    let site = base_site();
    add_procedures(site.path());
    let plain = tempfile::tempdir().unwrap();
    let plain_out = plain.path().join("p");
    assert_eq!(niemyet(site.path(), &["build"]).code, 0);
    assert_eq!(
        niemyet(
            site.path(),
            &["build", "--no-minify", "--out", plain_out.to_str().unwrap()]
        )
        .code,
        0
    );
    let (min, full) = (tree(&site.path().join("public")), tree(&plain_out));
    let mut smaller = 0;
    for (path, bytes) in &full {
        if !path.ends_with(".html") {
            continue;
        }
        let (a, b) = (
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&min[path]),
        );
        assert_eq!(
            visible_text(&a),
            visible_text(&b),
            "{path}: text changed by minification"
        );
        for attr in ["href", "src", "id", "for", "lang"] {
            assert_eq!(
                attr_values(&a, attr),
                attr_values(&b, attr),
                "{path}: {attr} changed"
            );
        }
        if b.len() < a.len() {
            smaller += 1;
        }
    }
    assert!(smaller > 5, "minification did nothing");
}

#[test]
fn a_site_theme_overrides_one_template_and_adds_an_asset() {
    let site = base_site();
    let theme = site.path().join("themes/phuong");
    fs::create_dir_all(theme.join("templates")).unwrap();
    fs::create_dir_all(theme.join("static/img")).unwrap();
    fs::write(
        theme.join("templates/notice.html"),
        "{% extends \"base.html\" %}{% block main %}<h1 class=\"rieng\">{{ notice.title }}</h1>{% endblock main %}",
    )
    .unwrap();
    fs::write(
        theme.join("static/img/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    let yaml = site.path().join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, format!("{text}theme: phuong\n")).unwrap();
    let run = build(site.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        read(site.path(), "notices/2026-12-lich-tet/index.html").contains("<h1 class=\"rieng\">")
    );
    assert!(site.path().join("public/assets/img/logo.svg").is_file());
    // Everything not overridden comes from the embedded default theme.
    assert!(read(site.path(), "ho-tich/dang-ky-khai-sinh/index.html")
        .contains("<h1>Đăng ký khai sinh</h1>"));
}

/// Issue 16: `theme:` was joined to `themes/` as a path, so an absolute
/// path (fixture case), `../..` or a link published a folder from outside
/// the site: its files in `assets/`, its templates for the pages.
#[cfg(unix)]
#[test]
fn a_theme_folder_linked_from_outside_the_site_is_refused() {
    let site = base_site();
    let outside = tempfile::tempdir().unwrap();
    fs::create_dir_all(outside.path().join("templates")).unwrap();
    fs::write(outside.path().join("templates/notice.html"), "LẠ").unwrap();
    fs::create_dir_all(outside.path().join("static")).unwrap();
    fs::write(outside.path().join("static/bi-mat.txt"), "bí mật").unwrap();
    let themes = site.path().join("themes");
    fs::create_dir_all(&themes).unwrap();
    let yaml = site.path().join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    // With themes/ there, `../..` is a folder: it was used as the theme.
    fs::write(&yaml, format!("{text}theme: ../..\n")).unwrap();
    let run = build(site.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr
            .contains("lỗi: \"../..\" không phải tên giao diện"),
        "{}",
        run.stderr
    );
    assert!(!site.path().join("public").exists());
    std::os::unix::fs::symlink(outside.path(), themes.join("phuong")).unwrap();
    fs::write(&yaml, format!("{text}theme: phuong\n")).unwrap();
    let refused = "lỗi: thư mục giao diện themes/phuong/ là liên kết (symlink) trỏ ra ngoài thư mục của trang";
    let run = build(site.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("content/site.yaml:"), "{}", run.stderr);
    assert!(run.stderr.contains(refused), "{}", run.stderr);
    assert!(!site.path().join("public").exists());
    // A real folder whose static/ is a link to outside: refused as well.
    fs::remove_file(themes.join("phuong")).unwrap();
    fs::create_dir_all(themes.join("phuong")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("static"), themes.join("phuong/static"))
        .unwrap();
    let run = build(site.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains(refused), "{}", run.stderr);
    assert!(!site.path().join("public").exists());
}

#[test]
fn a_broken_theme_template_is_reported_with_its_file_and_builds_nothing() {
    let site = base_site();
    assert_eq!(build(site.path(), &[]).code, 0);
    let before = tree(&site.path().join("public"));
    let dir = site.path().join("themes/default/templates");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("field.html"),
        "{% extends \"base.html\" %}\n{% block main %}\n{{ field.name \n{% endblock main %}",
    )
    .unwrap();
    let run = build(site.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr.contains("themes/default/templates/field.html"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("lỗi trong mẫu giao diện"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&site.path().join("public")), before);
    // A variable the views do not have is an error too, naming the template.
    fs::write(
        dir.join("field.html"),
        "{% extends \"base.html\" %}{% block main %}{{ field.khong_co }}{% endblock main %}",
    )
    .unwrap();
    let run = build(site.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("field.html"), "{}", run.stderr);
}

#[test]
fn lang_changes_the_messages_not_the_published_site() {
    // `--lang en` is for the person at the terminal; a `language: vi` site
    // is still published in Vietnamese (issue 16, fault 6).
    let site = base_site();
    let run = build(site.path(), &["--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("Built 1 procedure"), "{}", run.stdout);
    let page = read(site.path(), "ho-tich/dang-ky-khai-sinh/index.html");
    assert!(page.contains("<html lang=\"vi\">"), "published in English");
    assert!(
        page.contains("Miễn lệ phí"),
        "facts not written the Vietnamese way"
    );
    let poster = read(site.path(), "posters/ho-tich/dang-ky-khai-sinh/index.html");
    assert!(
        poster.contains("lang=\"vi\""),
        "poster published in English"
    );
}
