//! Posters written by `niemyet build` (issue 5): one poster and one handout
//! per listed procedure, the index, QR codes, nothing for a repealed
//! procedure, and the warning for a poster that cannot fit one page.
//! Printing is checked in `posters_print.rs`.

mod common;

use common::{base_site, niemyet};
use std::fs;
use std::path::Path;

/// A procedure file with `docs` documents, each with a long note.
fn procedure(code: &str, title: &str, extra: &str, docs: usize) -> String {
    let mut s = format!(
        "---\ncode: \"{code}\"\ntitle: {title}\nresult: Giấy xác nhận\ndeadline:\n  working_days: 3\nfees: []\ndocuments:\n"
    );
    if docs == 0 {
        s.push_str("  - name: Tờ khai\n");
    }
    for i in 0..docs {
        s.push_str(&format!(
            "  - name: Giấy tờ số {i} chứng minh nhân thân, nơi cư trú và quan hệ gia đình của người yêu cầu\n    note: \"Trường hợp không có giấy tờ này thì nộp văn bản xác nhận của cơ quan có thẩm quyền nơi người yêu cầu cư trú; nếu đã nộp bản điện tử thì không phải nộp bản giấy. Cán bộ tiếp nhận có trách nhiệm hướng dẫn.\"\n"
        ));
    }
    s.push_str("steps:\n  - Nộp hồ sơ.\n  - Nhận kết quả.\nlegal_basis:\n  - number: 60/2014/QH13\nupdated: 2026-05-01\n");
    s.push_str(extra);
    s.push_str("---\n");
    s
}

struct Built {
    _dir: tempfile::TempDir,
    out: std::path::PathBuf,
    all: String,
}

fn build(with: &[(&str, String)]) -> Built {
    let dir = base_site();
    for (path, text) in with {
        let p = dir.path().join("content").join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    let out = dir.path().join("public");
    let run = niemyet(
        dir.path(),
        &["build", "--no-minify", "--out", out.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    Built {
        out,
        all: run.all(),
        _dir: dir,
    }
}

fn read(out: &Path, rel: &str) -> String {
    fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn every_listed_procedure_has_a_poster_and_a_handout_in_the_index() {
    let b = build(&[
        (
            "ho-tich/cap-ban-sao-trich-luc.md",
            procedure("2.000635", "Cấp bản sao trích lục hộ tịch", "", 1),
        ),
        (
            "ho-tich/dang-ky-giam-ho.md",
            procedure("1.000000", "Đăng ký giám hộ", "effective: 2027-01-01\n", 1),
        ),
    ]);
    let index = read(&b.out, "posters/index.html");
    for (slug, title) in [
        ("dang-ky-khai-sinh", "Đăng ký khai sinh"),
        ("cap-ban-sao-trich-luc", "Cấp bản sao trích lục hộ tịch"),
        ("dang-ky-giam-ho", "Đăng ký giám hộ"),
    ] {
        let poster = format!("posters/ho-tich/{slug}/index.html");
        let handout = format!("posters/ho-tich/{slug}/huong-dan.html");
        let html = read(&b.out, &poster);
        assert!(html.contains(&format!("<h1>{title}</h1>")), "{poster}");
        assert!(read(&b.out, &handout).contains(&format!("<h1>{title}</h1>")));
        // Relative links from the index, from the procedure page.
        assert!(index.contains(&format!("href=\"../{poster}\"")), "{poster}");
        assert!(
            index.contains(&format!("href=\"../{handout}\"")),
            "{handout}"
        );
        let page = read(&b.out, &format!("ho-tich/{slug}/index.html"));
        assert!(page.contains(&format!("href=\"../../{poster}\"")), "{slug}");
        // The print stylesheet, from three folders down.
        assert!(html.contains("href=\"../../../assets/poster.css\""));
    }
    // Not yet in force: a poster that says so.
    let upcoming = read(&b.out, "posters/ho-tich/dang-ky-giam-ho/index.html");
    assert!(upcoming.contains("Sắp có hiệu lực từ ngày 01/01/2027"));
    // The other kinds, and the index lists them.
    for path in [
        "posters/ho-tich/index.html",
        "posters/ho-tich/in-tat-ca.html",
        "posters/bang-lien-he.html",
        "posters/thong-bao/2026-12-lich-tet.html",
    ] {
        assert!(b.out.join(path).is_file(), "{path}");
        let rel = path.trim_start_matches("posters/");
        assert!(
            index.contains(&format!("href=\"../posters/{rel}\"")),
            "{path}"
        );
    }
    assert!(b.out.join("assets/poster.css").is_file());
    // "Print all": the field's catalogue, then each poster, one sheet each.
    let all = read(&b.out, "posters/ho-tich/in-tat-ca.html");
    assert_eq!(all.matches("class=\"sheet a3l").count(), 1);
    assert_eq!(all.matches("class=\"sheet a4 poster").count(), 3);
}

#[test]
fn posters_carry_the_qr_code_of_the_procedure_page() {
    let b = build(&[]);
    for rel in [
        "posters/ho-tich/dang-ky-khai-sinh/index.html",
        "posters/ho-tich/dang-ky-khai-sinh/huong-dan.html",
    ] {
        let html = read(&b.out, rel);
        let start = html.find("<svg class=\"qr\"").expect("inline QR svg");
        let svg = &html[start..start + html[start..].find("</svg>").unwrap()];
        assert!(svg.contains("viewBox=\"0 0 "), "{rel}");
        // The 4-module quiet zone: the first dark run starts at (4, 4).
        assert!(svg.contains("d=\"M4 4.5h7m"), "{rel}");
        assert!(!html.contains("<?xml"));
    }
    // The URL itself is decoded from the printed page in posters_print.rs;
    // here: the page the code stands for exists under base_url's layout.
    assert!(b.out.join("ho-tich/dang-ky-khai-sinh/index.html").is_file());
}

#[test]
fn a_repealed_procedure_has_no_poster_but_keeps_its_page() {
    let b = build(&[(
        "ho-tich/dang-ky-cu.md",
        procedure(
            "9.999999",
            "Thủ tục cũ đã bãi bỏ",
            "repealed: 2026-01-01\n",
            1,
        ),
    )]);
    assert!(!b.out.join("posters/ho-tich/dang-ky-cu").exists());
    let page = read(&b.out, "ho-tich/dang-ky-cu/index.html");
    assert!(page.contains("<h1>Thủ tục cũ đã bãi bỏ</h1>"));
    assert!(
        !page.contains("posters/ho-tich/dang-ky-cu"),
        "no poster link on a repealed page"
    );
    let index = read(&b.out, "posters/index.html");
    assert!(!index.contains("Thủ tục cũ đã bãi bỏ"));
    let all = read(&b.out, "posters/ho-tich/in-tat-ca.html");
    assert!(!all.contains("Thủ tục cũ đã bãi bỏ"));
    let catalogue = read(&b.out, "posters/ho-tich/index.html");
    assert!(!catalogue.contains("9.999999"));
}

/// The body sizes (`--b`) of the sheets in `html`, in pt.
fn body_sizes(html: &str) -> Vec<f32> {
    html.split("--b:")
        .skip(1)
        .map(|s| s[..s.find("pt").unwrap()].parse().unwrap())
        .collect()
}

#[test]
fn a_long_procedure_fits_one_page_with_its_notes_abridged_and_says_so() {
    let b = build(&[(
        "ho-tich/thu-tuc-kha-dai.md",
        procedure("8.888887", "Thủ tục khá dài", "", 9),
    )]);
    assert!(!b.all.contains("«Thủ tục khá dài»"), "{}", b.all);
    let html = read(&b.out, "posters/ho-tich/thu-tuc-kha-dai/index.html");
    assert_eq!(html.matches("class=\"sheet a4 poster").count(), 1);
    assert!(body_sizes(&html).iter().all(|&pt| pt >= 11.0), "{html}");
    for i in 0..9 {
        assert!(html.contains(&format!("Giấy tờ số {i} chứng minh")), "{i}");
    }
    // The notes are cut (or left out), and the poster says where the full
    // text is.
    assert!(!html.contains("Cán bộ tiếp nhận có trách nhiệm hướng dẫn."));
    assert!(html.contains("Một số nội dung được rút gọn"));
}

#[test]
fn an_abridged_poster_still_prints_every_fee_and_deadline_note_whole() {
    // Who is exempt, and when the deadline stretches, often sit in a second
    // sentence: cutting there would tell a late applicant it is free.
    let fee_note = "Miễn lệ phí đối với trường hợp khai sinh đúng hạn, người thuộc hộ nghèo, người khuyết tật. Đối với trường hợp đăng ký không đúng hạn: theo mức thu lệ phí do Hội đồng nhân dân cấp tỉnh quy định.";
    let deadline_note = "Trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo; cần xác minh thì không quá 05 ngày làm việc.";
    let text = procedure("8.888886", "Thủ tục có ghi chú lệ phí", "", 9)
        .replace(
            "fees: []\n",
            &format!("fees:\n  - name: Lệ phí đăng ký\n    amount: 0\n    note: \"{fee_note}\"\n"),
        )
        .replace(
            "  working_days: 3\n",
            &format!("  working_days: 3\n  note: \"{deadline_note}\"\n"),
        );
    let b = build(&[("ho-tich/thu-tuc-co-ghi-chu.md", text)]);
    let html = read(&b.out, "posters/ho-tich/thu-tuc-co-ghi-chu/index.html");
    assert_eq!(html.matches("class=\"sheet a4 poster").count(), 1);
    // The documents' notes are cut to make room…
    assert!(html.contains("Một số nội dung được rút gọn"));
    assert!(!html.contains("Cán bộ tiếp nhận có trách nhiệm hướng dẫn."));
    // …never those of the fees and the deadline.
    assert!(html.contains(fee_note), "{html}");
    assert!(html.contains(deadline_note), "{html}");
}

#[test]
fn a_procedure_too_long_for_one_page_continues_on_more_sheets_and_warns_from_the_third() {
    let b = build(&[
        (
            "ho-tich/thu-tuc-rat-dai.md",
            procedure("8.888888", "Thủ tục rất dài", "", 24),
        ),
        (
            "ho-tich/thu-tuc-qua-dai.md",
            procedure("8.888889", "Thủ tục quá dài", "", 90),
        ),
    ]);
    let sheets = |slug: &str| {
        read(&b.out, &format!("posters/ho-tich/{slug}/index.html"))
            .matches("class=\"sheet a4 poster")
            .count()
    };
    // Two sheets are normal posting: no warning.
    assert_eq!(sheets("thu-tuc-rat-dai"), 2);
    assert!(!b.all.contains("«Thủ tục rất dài»"), "{}", b.all);
    // Three or more are named, with the count.
    let long = sheets("thu-tuc-qua-dai");
    assert!(long >= 3, "{long}");
    assert!(
        b.all.contains("content/ho-tich/thu-tuc-qua-dai.md")
            && b.all.contains(&format!(
                "áp phích của thủ tục «Thủ tục quá dài» cần {long} trang A4"
            )),
        "{}",
        b.all
    );
    // The short one does not warn.
    assert!(!b.all.contains("«Đăng ký khai sinh»"), "{}", b.all);
    let html = read(&b.out, "posters/ho-tich/thu-tuc-rat-dai/index.html");
    assert!(html.contains("Thủ tục rất dài (tiếp theo)"));
    assert!(html.contains("Giấy tờ cần mang theo (tiếp theo)"));
    // Nothing lost: every document is on one of the sheets, in order,
    // never under 11 pt.
    let mut at = 0;
    for i in 0..24 {
        let found = html[at..].find(&format!("Giấy tờ số {i} chứng minh"));
        at += found.unwrap_or_else(|| panic!("document {i}"));
    }
    assert!(body_sizes(&html).iter().all(|&pt| pt >= 11.0), "{html}");
}

#[test]
fn a_site_without_a_feedback_address_gets_posters_without_it_and_a_warning() {
    let dir = base_site();
    let site = dir.path().join("content/site.yaml");
    let text = fs::read_to_string(&site).unwrap();
    let cut = text.find("  feedback:").unwrap();
    fs::write(&site, &text[..cut]).unwrap();
    let out = dir.path().join("public");
    let run = niemyet(
        dir.path(),
        &["build", "--no-minify", "--out", out.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.all().contains("chưa có office.feedback"),
        "{}",
        run.all()
    );
    let html = read(&out, "posters/ho-tich/dang-ky-khai-sinh/index.html");
    assert!(!html.contains("Phản ánh, kiến nghị"));
}
