//! `niemyet export` on the example site: the CSV read back with the csv
//! crate (BOM, header, field headings in the site's order, one row per
//! procedure in force, multi-line cells intact, every fact as the
//! procedure page writes it); the XLSX opened by LibreOffice (converted to
//! CSV: the same cells as the CSV export; to PDF: A4 landscape with the
//! Vietnamese text); the frozen header and title row in the sheet's XML;
//! never over an existing file without `--force`; the same bytes twice.
//!
//! The LibreOffice part needs `soffice` (`libreoffice-calc-nogui`) and
//! `pdfinfo`/`pdftotext`; without them it says so and passes outside CI.

mod common;

use common::{html, niemyet, niemyet_on, EXAMPLE_TODAY, TODAY};
use std::path::{Path, PathBuf};
use std::process::Command;

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("read csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM first");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    r.records()
        .map(|rec| rec.expect("record").iter().map(str::to_string).collect())
        .collect()
}

/// Exports the example as CSV on `date`, and reads it back.
fn export_csv(dir: &Path, date: &str) -> Vec<Vec<String>> {
    let out = dir.join(format!("danh-muc-{date}.csv"));
    let run = Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(["export", "--csv"])
        .arg(&out)
        .arg("--root")
        .arg(example())
        .args(["--date", date])
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    read_csv(&out)
}

fn row<'a>(rows: &'a [Vec<String>], code: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[1] == code)
        .unwrap_or_else(|| panic!("no row for {code}"))
}

#[test]
fn csv_reads_back_with_the_right_cells() {
    let dir = tempfile::tempdir().unwrap();
    let rows = export_csv(dir.path(), EXAMPLE_TODAY);
    assert_eq!(
        rows[0],
        [
            "STT",
            "Mã TTHC",
            "Tên TTHC",
            "Thời hạn giải quyết",
            "Địa điểm thực hiện",
            "Phí, lệ phí",
            "Căn cứ pháp lý",
            "Cơ quan thực hiện",
            "Cách thức thực hiện",
            "Cung cấp DVCTT",
            "Ghi chú"
        ]
    );
    assert!(rows.iter().all(|r| r.len() == 11), "every row has 11 cells");
    // Field headings in the site's order (`order:` of each _index.md).
    let headings: Vec<&str> = rows
        .iter()
        .filter(|r| r[1..].iter().all(String::is_empty))
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(headings[0], "I. LĨNH VỰC HỘ TỊCH");
    assert_eq!(headings[1], "II. LĨNH VỰC CHỨNG THỰC");
    assert!(headings.iter().all(|h| h.contains(". LĨNH VỰC ")));
    // Numbered 1..N across the fields.
    let numbers: Vec<usize> = rows[1..]
        .iter()
        .filter(|r| !r[1..].iter().all(String::is_empty))
        .map(|r| r[0].parse().expect("STT is a number"))
        .collect();
    assert_eq!(numbers, (1..=numbers.len()).collect::<Vec<_>>());

    let birth = row(&rows, "1.001193");
    assert_eq!(birth[2], "Đăng ký khai sinh");
    assert!(
        birth[3].starts_with("Trong ngày làm việc\n"),
        "{:?}",
        birth[3]
    );
    let copy = row(&rows, "2.000815");
    assert!(copy[5].contains("2.000 đồng/trang"), "{:?}", copy[5]);
    // A multi-line cell survives quoting: one legal text per line.
    assert!(birth[6].lines().count() >= 2, "{:?}", birth[6]);
    assert!(birth[6]
        .lines()
        .any(|l| l == "60/2014/QH13 – Luật Hộ tịch (ngày 20/11/2014)"));
    // The national record 1.001193 marks online filing as partial
    // (isFullProcess: false).
    assert_eq!(birth[9], "Một phần");
}

#[test]
fn repealed_procedures_are_left_out_and_upcoming_ones_marked() {
    let dir = tempfile::tempdir().unwrap();
    let names = |rows: &[Vec<String>]| -> Vec<String> {
        rows.iter()
            .filter(|r| r[2].starts_with("Thanh toán thù lao"))
            .map(|r| format!("{} | {}", r[2], r[10]))
            .collect()
    };
    // Before 2027 both the old procedure and its successor are posted, the
    // successor marked; from 2027 the old one (repealed) is gone.
    let before = names(&export_csv(dir.path(), EXAMPLE_TODAY));
    assert_eq!(before.len(), 2, "{before:?}");
    assert!(before
        .iter()
        .any(|r| r.ends_with("Sắp có hiệu lực từ ngày 01/01/2027")));
    let after = names(&export_csv(dir.path(), "2027-01-02"));
    assert_eq!(after.len(), 1, "{after:?}");
    assert!(after[0].ends_with(" | "), "in force: no note: {after:?}");
}

/// Each fact of the table is on the procedure's page, word for word.
#[test]
fn facts_read_as_the_pages_write_them() {
    let dir = tempfile::tempdir().unwrap();
    let rows = export_csv(dir.path(), EXAMPLE_TODAY);
    let today = EXAMPLE_TODAY.parse().unwrap();
    let outcome = niemyet::check_site(&example(), niemyet::CheckOptions { today, lang: None });
    let site = outcome.site.expect("example site is valid");
    let files = niemyet::build::render_site(&example(), &site, today).expect("render");
    let squash = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let mut checked = 0;
    for p in &site.procedures {
        let Some(code) = &p.code else { continue };
        let Some(r) = rows.iter().find(|r| &r[1] == code) else {
            continue;
        };
        let page = format!("{}/{}/index.html", p.field, p.slug);
        let file = files.iter().find(|f| f.path == page).expect("page");
        let text = match &file.content {
            niemyet::render::Content::Html(b) => html::visible_text(&String::from_utf8_lossy(b)),
            _ => panic!("page is HTML"),
        };
        for cell in [&r[2], &r[3], &r[5], &r[6], &r[7]] {
            for part in cell.lines().flat_map(|l| l.split(" – ")) {
                assert!(
                    text.contains(&squash(part)),
                    "{page}: {part:?} is not on the page"
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 20, "checked {checked} procedures");
}

#[test]
fn an_existing_file_is_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bang.xlsx");
    std::fs::write(&out, "the province's own file").unwrap();
    let run = niemyet_on(
        &example(),
        &["export", "--xlsx", out.to_str().unwrap()],
        EXAMPLE_TODAY,
    );
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("tệp này đã có"), "{}", run.stderr);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "the province's own file"
    );
    let run = niemyet_on(
        &example(),
        &["export", "--xlsx", out.to_str().unwrap(), "--force"],
        EXAMPLE_TODAY,
    );
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        std::fs::read(&out).unwrap().starts_with(b"PK"),
        "a zip file"
    );
    // Nothing else was left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_file_inside_content_is_refused() {
    let site = common::base_site();
    let out = site.path().join("content/bang.csv");
    let run = niemyet(site.path(), &["export", "--csv", out.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("out-in-content") || run.stderr.contains("content/"));
    assert!(!out.exists());
}

#[test]
fn xlsx_is_the_same_bytes_twice_with_a_frozen_header() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.xlsx"), dir.path().join("b.xlsx"));
    for out in [&a, &b] {
        let run = niemyet_on(
            &example(),
            &["export", "--xlsx", out.to_str().unwrap()],
            EXAMPLE_TODAY,
        );
        assert_eq!(run.code, 0, "{}", run.all());
        assert!(run.stdout.contains("Đã xuất"), "{}", run.stdout);
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let sheet = unzip(&a, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(r#"ySplit="3""#) && sheet.contains(r#"state="frozen""#),
        "header frozen under the title rows"
    );
    assert!(sheet.contains("<mergeCell "), "title and headings merged");
    assert!(sheet.contains(r#"orientation="landscape""#));
}

/// Text a clerk wrote that starts like a formula (`=`, `+`, `-`, `@`).
const FORMULAS: &str = "---
code: \"9.000002\"
title: \"=HYPERLINK(\\\"https://example.invalid\\\",\\\"Bấm vào\\\")\"
agency: \"@Phòng Tư pháp\"
result: Giấy xác nhận
deadline:
  working_days: 3
fees:
  - name: \"-Phí thử\"
    amount: 1000
documents: []
steps:
  - Nộp hồ sơ.
legal_basis:
  - number: \"+12/2020/TT-BTP\"
updated: 2026-11-01
---
";

/// Cells that start like a formula are written behind a space: the CSV
/// holds no cell a spreadsheet would run, LibreOffice opens them as text
/// (when it is installed), the XLSX has no formula at all, and `niemyet
/// import` reads the same text back.
#[test]
fn cells_that_look_like_formulas_stay_text() {
    let site = common::base_site();
    let root = site.path();
    std::fs::write(root.join("content/ho-tich/cong-thuc.md"), FORMULAS).unwrap();
    let csv = root.join("bang.csv");
    let run = niemyet(root, &["export", "--csv", csv.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.all());
    let rows = read_csv(&csv);
    let row = row(&rows, "9.000002");
    let title = "=HYPERLINK(\"https://example.invalid\",\"Bấm vào\")";
    assert_eq!(row[2], format!(" {title}"));
    assert_eq!(row[5], " -Phí thử: 1.000 đồng");
    assert_eq!(row[6], " +12/2020/TT-BTP");
    assert_eq!(row[7], " @Phòng Tư pháp");
    for r in &rows {
        for cell in r {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?}");
        }
    }
    let xlsx = root.join("bang.xlsx");
    let run = niemyet(root, &["export", "--xlsx", xlsx.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(!unzip(&xlsx, "xl/worksheets/sheet1.xml").contains("<f>"));

    let fresh = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(fresh.path().join("content")).unwrap();
    std::fs::copy(
        root.join("content/site.yaml"),
        fresh.path().join("content/site.yaml"),
    )
    .unwrap();
    let run = niemyet(fresh.path(), &["import", csv.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.all());
    let opts = niemyet::CheckOptions {
        today: TODAY.parse().unwrap(),
        lang: None,
    };
    let back = niemyet::check_site(fresh.path(), opts).site.expect("valid");
    let p = back
        .procedures
        .iter()
        .find(|p| p.code.as_deref() == Some("9.000002"))
        .expect("imported");
    assert_eq!(p.title, title);
    assert_eq!(p.fees[0].name, "-Phí thử");

    if !have("soffice") {
        assert!(std::env::var_os("CI").is_none(), "missing in CI: soffice");
        eprintln!("SKIPPED: apt-get install libreoffice-calc-nogui");
        return;
    }
    let conv = root.join("conv");
    soffice(
        &["--infilter=CSV:44,34,76,1", "--convert-to", "xlsx"],
        &csv,
        &conv,
    );
    let sheet = unzip(&conv.join("bang.xlsx"), "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f"), "LibreOffice read a formula: {sheet}");
    let strings = unzip(&conv.join("bang.xlsx"), "xl/sharedStrings.xml");
    assert!(strings.contains(" =HYPERLINK("), "{strings}");
}

/// One member of a zip file, with python3's zipfile (no zip crate in tests).
fn unzip(zip: &Path, member: &str) -> String {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys,zipfile;sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())",
        ])
        .arg(zip)
        .arg(member)
        .output()
        .expect("python3");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn soffice(args: &[&str], file: &Path, outdir: &Path) {
    // A profile of its own: LibreOffice refuses to run twice on one.
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new("timeout")
        .arg("180")
        .arg("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .arg("--headless")
        .args(args)
        .arg("--outdir")
        .arg(outdir)
        .arg(file)
        .output()
        .expect("soffice");
    assert!(status.status.success(), "{status:?}");
}

#[test]
fn libreoffice_opens_the_xlsx_with_the_same_cells() {
    if !["soffice", "pdfinfo", "pdftotext"].iter().all(|t| have(t)) {
        assert!(
            std::env::var_os("CI").is_none(),
            "missing in CI: soffice, pdfinfo or pdftotext"
        );
        eprintln!("SKIPPED: apt-get install libreoffice-calc-nogui poppler-utils");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let csv_rows = export_csv(dir.path(), EXAMPLE_TODAY);
    let xlsx = dir.path().join("danh-muc.xlsx");
    let run = niemyet_on(
        &example(),
        &["export", "--xlsx", xlsx.to_str().unwrap()],
        EXAMPLE_TODAY,
    );
    assert_eq!(run.code, 0, "{}", run.all());

    // 44 = comma, 34 = double quote, 76 = UTF-8, 1 = from the first line.
    let conv = dir.path().join("conv");
    soffice(
        &["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1"],
        &xlsx,
        &conv,
    );
    let text = std::fs::read_to_string(conv.join("danh-muc.csv")).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let got: Vec<Vec<String>> = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(got[0][0], "DANH MỤC THỦ TỤC HÀNH CHÍNH");
    assert!(got[1][0].contains("UBND phường Hồng Lam"), "{:?}", got[1]);
    assert_eq!(&got[2..], &csv_rows[..], "the XLSX holds the CSV's cells");

    let pdf_dir = dir.path().join("pdf");
    soffice(&["--convert-to", "pdf"], &xlsx, &pdf_dir);
    let pdf = pdf_dir.join("danh-muc.pdf");
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("841.89 x 595.30"), "A4 landscape: {info}");
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for expected in [
        "DANH MỤC THỦ TỤC HÀNH CHÍNH",
        "I. LĨNH VỰC HỘ TỊCH",
        "Đăng ký khai sinh",
        "Thời hạn giải quyết",
    ] {
        assert!(text.contains(expected), "{expected:?} printed");
    }
}

/// A procedure the example does not have, so that the round trip also
/// carries a deadline cut from the legal one, a fee per channel, a unit
/// with a slash, and a fee whose words stand for its amount.
const EXTRA: &str = "---
code: \"9.000001\"
title: Thủ tục thử đọc lại bảng
result: Giấy xác nhận
deadline:
  working_days: 3
  reduced_from: 5
  note: Kể từ ngày nhận đủ hồ sơ.
fees:
  - name: Lệ phí
    amount: 15000
    per: bản sao Trích lục/sự kiện
    channel: in_person
  - name: Lệ phí
    amount: 0
    channel: online
    note: Nộp trực tuyến được miễn.
  - name: Phí thẩm định
    note: Theo Nghị quyết của HĐND tỉnh
documents: []
steps:
  - Nộp hồ sơ.
legal_basis:
  - number: 60/2014/QH13
updated: 2026-11-01
---
";

/// The example (and [`EXTRA`]) exported as CSV and as XLSX, each table
/// imported by `niemyet import` into a new site: every procedure comes
/// back with its code, name, field, deadline (measure, number,
/// `reduced_from`, note) and fees (name, amount, unit, channel, note),
/// equal, not as words. And `review` of the site against its own table
/// agrees.
#[test]
fn export_then_import_gives_the_same_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let site_dir = dir.path().join("site");
    common::copy_tree(&example().join("content"), &site_dir.join("content"));
    std::fs::write(site_dir.join("content/ho-tich/thu-doc-lai-bang.md"), EXTRA).unwrap();
    let today = EXAMPLE_TODAY.parse().unwrap();
    let opts = niemyet::CheckOptions { today, lang: None };
    let site = niemyet::check_site(&site_dir, opts).site.expect("valid");
    let posted: Vec<_> = site
        .procedures
        .iter()
        .filter(|p| p.status(today) != niemyet::model::Status::Repealed)
        .collect();
    assert!(posted.iter().any(|p| p.deadline.reduced_from.is_some()));
    for (flag, name) in [("--csv", "bang.csv"), ("--xlsx", "bang.xlsx")] {
        let out = dir.path().join(name);
        let run = niemyet_on(
            &site_dir,
            &["export", flag, out.to_str().unwrap()],
            EXAMPLE_TODAY,
        );
        assert_eq!(run.code, 0, "{}", run.all());
        let fresh = dir.path().join(format!("fresh-{name}"));
        std::fs::create_dir_all(fresh.join("content")).unwrap();
        std::fs::copy(
            example().join("content/site.yaml"),
            fresh.join("content/site.yaml"),
        )
        .unwrap();
        let run = niemyet_on(&fresh, &["import", out.to_str().unwrap()], EXAMPLE_TODAY);
        assert_eq!(run.code, 0, "{name}: {}", run.all());
        let back = niemyet::check_site(&fresh, opts)
            .site
            .expect("imported site checks");
        assert_eq!(back.procedures.len(), posted.len(), "{name}");
        for p in &posted {
            let q = back
                .procedures
                .iter()
                .find(|q| q.code == p.code && q.title == p.title)
                .unwrap_or_else(|| panic!("{name}: {:?} {} not imported", p.code, p.title));
            let field = |s: &niemyet::model::Site, slug: &str| {
                s.fields
                    .iter()
                    .find(|f| f.slug == slug)
                    .map(|f| f.name.clone())
            };
            assert_eq!(field(&back, &q.field), field(&site, &p.field), "{name}");
            let what = format!("{name}: {}", p.title);
            assert_eq!(q.deadline.measure, p.deadline.measure, "{what}");
            assert_eq!(q.deadline.reduced_from, p.deadline.reduced_from, "{what}");
            assert_eq!(q.deadline.note, p.deadline.note, "{what}");
            // The cut-off comes back; where the site has none but its note
            // states one ("nhận sau 15 giờ … ngày làm việc tiếp theo"),
            // import reads it. A receipt slip given "sau 15 giờ" (1.004859)
            // is no cut-off.
            let worded =
                p.deadline.note.as_deref().is_some_and(|n| {
                    n.contains("sau 15 giờ") && n.contains("ngày làm việc tiếp theo")
                });
            match p.deadline.cutoff {
                None if worded => assert_eq!(q.deadline.cutoff, Some(15 * 60), "{what}"),
                c => assert_eq!(q.deadline.cutoff, c, "{what}"),
            }
            let fees = |p: &niemyet::model::Procedure| -> Vec<_> {
                p.fees
                    .iter()
                    .map(|f| {
                        (
                            f.name.clone(),
                            f.amount,
                            f.per.clone(),
                            f.channel,
                            f.note.clone(),
                        )
                    })
                    .collect()
            };
            assert_eq!(fees(q), fees(p), "{what}");
        }
        let page = dir.path().join(format!("{name}.html"));
        let run = niemyet_on(
            &site_dir,
            &[
                "review",
                "--against",
                out.to_str().unwrap(),
                "--out",
                page.to_str().unwrap(),
            ],
            EXAMPLE_TODAY,
        );
        assert_eq!(
            run.code,
            0,
            "{name}: the site agrees with its own table\n{}",
            run.all()
        );
    }
}

/// A table of December reviewed in January, after the old hòa giải
/// procedure was repealed and its successor (no code yet) took over: the
/// old row's code leads to the successor, whose facts are compared, never
/// to "repealed here but in force there".
#[test]
fn a_repealed_procedures_code_leads_to_its_successor() {
    let dir = tempfile::tempdir().unwrap();
    export_csv(dir.path(), EXAMPLE_TODAY);
    let table = dir.path().join("danh-muc-2026-12-07.csv");
    let run = Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(["review", "--against"])
        .arg(&table)
        .arg("--out")
        .arg(dir.path().join("bb.html"))
        .arg("--root")
        .arg(example())
        .args(["--date", "2027-01-02"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{text}");
    assert!(
        !text.contains("đã bãi bỏ nhưng bản ghi vẫn còn hiệu lực"),
        "{text}"
    );
    assert!(
        text.contains("thanh-toan-thu-lao-cho-hoa-giai-vien-tu-2027.md:10:17: lỗi: thời hạn giải quyết khác bản ghi: trang ghi 03 ngày làm việc, bản ghi ghi 05 ngày làm việc"),
        "{text}"
    );
}
