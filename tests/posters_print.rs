//! Prints the example site's posters with headless Chromium and checks the
//! paper: page count and size (`pdfinfo`), the Vietnamese facts in the text
//! (`pdftotext`, NFC), the title not shrunk (`pdftotext -bbox`), and the QR
//! code decoding to the procedure's absolute URL (`pdftoppm -r 150` +
//! `zbarimg`). Every procedure poster of the example is printed, through the
//! fields' "print all" pages (one PDF per field: the A3 catalogue, then each
//! poster; the page count must equal the sheets the build planned).
//!
//! Needs `chromium`, `poppler-utils` and `zbar-tools`; without them the test
//! says so and passes (it cannot check anything). ~30 s on 2 cores.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use unicode_normalization::UnicodeNormalization;

const BASE: &str = "https://tthc.honglam.example/";
const A4: (f64, f64) = (594.96, 841.92);
const A3L: (f64, f64) = (1191.12, 841.92);
const A5: (f64, f64) = (420.0, 594.96);

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run tool");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).nfc().collect()
}

struct Printed {
    pdf: PathBuf,
    pages: Vec<(f64, f64)>,
    text: String,
}

fn print(out: &Path, rel: &str, work: &Path) -> Printed {
    let pdf = work.join(format!("{}.pdf", rel.replace('/', "_")));
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new("timeout")
        .args([
            "90",
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
        ])
        .args(["--disable-dev-shm-usage", "--no-pdf-header-footer"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", out.join(rel).display()))
        .output()
        .expect("chromium");
    assert!(
        pdf.is_file(),
        "{rel}: no PDF\n{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let info = run(Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(&pdf));
    let pages = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let v: Vec<f64> = l
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (v[v.len() - 2], v[v.len() - 1])
        })
        .collect();
    let text = run(Command::new("pdftotext").arg(&pdf).arg("-"));
    Printed { pdf, pages, text }
}

fn same_size(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 1.0 && (a.1 - b.1).abs() < 1.0
}

fn qr(p: &Printed) -> String {
    let stem = p.pdf.to_string_lossy().trim_end_matches(".pdf").to_string();
    run(Command::new("pdftoppm")
        .args(["-r", "150", "-png", "-singlefile", "-f", "1", "-l", "1"])
        .arg(&p.pdf)
        .arg(&stem));
    run(Command::new("zbarimg")
        .args(["--nodbus", "--quiet", "--raw"])
        .arg(format!("{stem}.png")))
    .trim()
    .to_string()
}

/// Font size of the first word `word` on page 1, from its box height
/// (Noto Sans: ascent + descent = 1.362 em; Arial 1.15 em, so this errs low).
fn size_of(p: &Printed, word: &str) -> f64 {
    let bbox = run(Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(&p.pdf)
        .arg("-"));
    let line = bbox
        .lines()
        .find(|l| l.contains(&format!(">{word}</word>")))
        .unwrap_or_else(|| panic!("{word} not on page 1"));
    let num = |k: &str| -> f64 {
        let i = line.find(k).unwrap() + k.len() + 2;
        line[i..i + line[i..].find('"').unwrap()].parse().unwrap()
    };
    (num("yMax") - num("yMin")) / 1.362
}

fn contains_all(p: &Printed, what: &str, facts: &[&str]) {
    let flat: String = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
    for f in facts {
        let f: String = f.nfc().collect();
        assert!(
            flat.contains(&f),
            "{what}: «{f}» not in the printed text:\n{flat}"
        );
    }
}

#[test]
fn example_posters_print_on_their_paper_with_facts_and_a_working_qr_code() {
    let missing: Vec<&str> = ["chromium", "pdfinfo", "pdftotext", "pdftoppm", "zbarimg"]
        .into_iter()
        .filter(|t| !have(t))
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "SKIPPED posters_print: missing {} (apt-get install chromium poppler-utils zbar-tools fonts-noto-core)",
            missing.join(", ")
        );
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("public");
    let build = Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(["build", "--no-minify", "--root"])
        .arg(root)
        .args(["--date", common::TODAY, "--out"])
        .arg(&out)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let w = work.path();

    // A procedure poster that fits: one A4 page, the facts, the QR code,
    // the title at its full size (≥ 28 pt: not shrunk to fit).
    let p = print(
        &out,
        "posters/hoa-giai-o-co-so/cong-nhan-hoa-giai-vien/index.html",
        w,
    );
    assert_eq!(p.pages.len(), 1, "{:?}", p.pages);
    assert!(same_size(p.pages[0], A4));
    contains_all(
        &p,
        "poster",
        &[
            "Công nhận hòa giải viên",
            "Mã thủ tục: 1.002211",
            "05 ngày làm việc",
            "Không thu phí",
            "Quyết định công nhận hòa giải viên",
            "GIẤY TỜ CẦN MANG THEO",
            "Thứ Hai - Thứ Sáu",
            "Phản ánh, kiến nghị",
            "0200 3812 999",
            "Cập nhật ngày: 20/01/2026",
        ],
    );
    assert_eq!(
        qr(&p),
        format!("{BASE}hoa-giai-o-co-so/cong-nhan-hoa-giai-vien/")
    );
    let title = size_of(&p, "Công");
    assert!(title >= 27.5, "title printed at {title:.1} pt");
    assert!(size_of(&p, "UBND") >= 10.5, "the page was shrunk");

    // The longest procedure: the build warned, it prints on two A4 pages and
    // the second repeats the title.
    let p = print(&out, "posters/ho-tich/dang-ky-khai-sinh/index.html", w);
    assert_eq!(p.pages.len(), 2, "{:?}", p.pages);
    assert!(p.pages.iter().all(|&s| same_size(s, A4)));
    contains_all(
        &p,
        "long poster",
        &[
            "Đăng ký khai sinh (tiếp theo)",
            "Trong ngày làm việc",
            "Miễn lệ phí",
            "8.000 đồng/bản",
            "Giấy chứng sinh",
            "Xuất trình để đối chiếu (không nộp)",
        ],
    );
    assert_eq!(qr(&p), format!("{BASE}ho-tich/dang-ky-khai-sinh/"));

    // Handout: A5, the checklist, at most front and back.
    let p = print(
        &out,
        "posters/chung-thuc/chung-thuc-chu-ky/huong-dan.html",
        w,
    );
    assert!((1..=2).contains(&p.pages.len()), "{:?}", p.pages);
    assert!(p.pages.iter().all(|&s| same_size(s, A5)));
    contains_all(
        &p,
        "handout",
        &[
            "GIẤY HƯỚNG DẪN",
            "GIẤY TỜ CẦN MANG THEO",
            "Thời hạn giải quyết",
        ],
    );
    assert_eq!(qr(&p), format!("{BASE}chung-thuc/chung-thuc-chu-ky/"));

    // Staff and contact board: one A4 page.
    let p = print(&out, "posters/bang-lien-he.html", w);
    assert_eq!(p.pages.len(), 1, "{:?}", p.pages);
    assert!(same_size(p.pages[0], A4));
    contains_all(
        &p,
        "staff board",
        &[
            "Nguyễn Thị Lan",
            "Phó Giám đốc Trung tâm",
            "0200 3812 001",
            "Hộ tịch, Nuôi con nuôi",
            "Sáng 7:30 - 11:30, chiều 13:30 - 17:00",
            "phananh@honglam.example",
            "1022",
            "motcua@honglam.example",
        ],
    );
    assert_eq!(qr(&p), BASE);

    // The current notice: one A4 page.
    let p = print(&out, "posters/thong-bao/2026-12-lich-tiep-dan-tet.html", w);
    assert_eq!(p.pages.len(), 1, "{:?}", p.pages);
    contains_all(
        &p,
        "notice",
        &["THÔNG BÁO", "Lịch tiếp nhận hồ sơ", "Ngày đăng: 20/12/2026"],
    );

    // Every field's "print all" page: the A3 landscape catalogue, then each
    // procedure poster on A4, as many pages as the build planned sheets.
    let mut fields: Vec<PathBuf> = std::fs::read_dir(out.join("posters"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("in-tat-ca.html").is_file())
        .collect();
    fields.sort();
    let mut printed_posters = 0;
    for dir in fields {
        let slug = dir.file_name().unwrap().to_string_lossy().into_owned();
        let html = std::fs::read_to_string(dir.join("in-tat-ca.html")).unwrap();
        let sheets = html.matches("class=\"sheet a4 poster").count();
        let p = print(&out, &format!("posters/{slug}/in-tat-ca.html"), w);
        assert_eq!(p.pages.len(), 1 + sheets, "{slug}: {:?}", p.pages);
        assert!(same_size(p.pages[0], A3L), "{slug}: {:?}", p.pages[0]);
        assert!(p.pages[1..].iter().all(|&s| same_size(s, A4)), "{slug}");
        contains_all(&p, &slug, &["Danh mục thủ tục hành chính lĩnh vực"]);
        assert_eq!(qr(&p), format!("{BASE}{slug}/"), "{slug}: field QR");
        printed_posters += html.matches("<h1>").count() - 1;
    }
    // 32 procedures, one not yet in force is still posted; none repealed today.
    assert_eq!(printed_posters, 32);
}
