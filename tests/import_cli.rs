//! `niemyet import` through the real binary, on hand-written records with
//! the national database's structure (tests/fixtures/import/, made by its
//! make_fixtures.py): every shape of input imports and passes `check`, the
//! built pages say what the records say, malformed inputs write nothing,
//! and `--update` keeps a clerk's edits.

mod common;

use common::{base_site, niemyet, TODAY};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn input(name: &str) -> String {
    common::fixtures()
        .join("import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn import(root: &Path, files: &[&str]) -> common::Run {
    let mut args = vec!["import".to_string()];
    args.extend(files.iter().map(|f| input(f)));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    niemyet(root, &args)
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .map(|e| {
            let bytes = if e.file_type().is_file() {
                std::fs::read(e.path()).expect("read")
            } else {
                Vec::new()
            };
            (
                e.path().strip_prefix(dir).expect("prefix").to_path_buf(),
                bytes,
            )
        })
        .collect()
}

fn review_file(root: &Path) -> String {
    read(root, &format!("niemyet-review-{TODAY}.md"))
}

const CHUNG_THUC: &str =
    "content/chung-thuc/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban-do-co-quan.md";
const KET_HON: &str = "content/ho-tich/dang-ky-ket-hon/index.md";
const HKD: &str =
    "content/thanh-lap-va-hoat-dong-doanh-nghiep-ho-kinh-doanh/dang-ky-thanh-lap-ho-kinh-doanh.md";
const THO_CUNG: &str = "content/nguoi-co-cong/giai-quyet-che-do-tro-cap-tho-cung-liet-si.md";
const XAY_DUNG: &str = "content/hoat-dong-xay-dung/cap-giay-phep-xay-dung-moi.md";

#[test]
fn every_shape_of_input_imports_and_passes_check() {
    let site = base_site();
    let root = site.path();
    let run = import(
        root,
        &[
            "chung-thuc.json",
            "ho-kinh-doanh.json",
            "ket-hon.json",
            "nhieu.json",
            "danh-muc.csv",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    for f in [
        CHUNG_THUC,
        KET_HON,
        HKD,
        THO_CUNG,
        XAY_DUNG,
        "content/ho-tich/dang-ky-giam-ho.md",
    ] {
        assert!(root.join(f).is_file(), "{f} missing:\n{}", run.all());
        assert!(
            run.stdout
                .contains(&format!("Đã tạo {}", root.join(f).display())),
            "{}",
            run.stdout
        );
    }
    // New fields get an _index.md named after the record's category.
    assert!(read(root, "content/chung-thuc/_index.md").contains("name: Chứng thực"));
    let check = niemyet(root, &["check"]);
    assert_eq!(check.code, 0, "{}", check.all());
    assert!(check.stdout.contains("OK: 7 thủ tục"), "{}", check.stdout);
    // The review list: beside content/, never inside it; Vietnamese first.
    let review = review_file(root);
    assert!(review.starts_with("# Danh sách cần rà soát"), "{review}");
    assert!(review.contains(&format!("`{CHUNG_THUC}:")), "{review}");
    assert!(run.stdout.contains("Tổng "), "{}", run.stdout);
}

#[test]
fn a_folder_or_a_pattern_names_many_files() {
    let site = base_site();
    let root = site.path();
    // The fixtures' folder holds records, tables and a form: the form is
    // no input; the table rows join their records.
    let run = niemyet(root, &["import", &input("")]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(root.join(KET_HON).is_file(), "{}", run.stdout);
    assert!(
        run.stdout.contains("có hai lần trong các tệp nhập"),
        "{}",
        run.stdout
    );
    let other = base_site();
    let run = niemyet(other.path(), &["import", &input("nhieu.*")]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(other.path().join(THO_CUNG).is_file());
}

#[test]
fn json_lines_and_an_excel_table_with_merged_headers() {
    let site = base_site();
    let root = site.path();
    let run = import(root, &["nhieu.jsonl", "danh-muc.xlsx"]);
    assert_eq!(run.code, 0, "{}", run.all());
    // Table rows: the field from the merged heading row, the reduced
    // deadline from the second header row.
    let ket_hon = read(root, "content/ho-tich/dang-ky-ket-hon.md");
    assert!(ket_hon.contains("code: \"1.000894\""), "{ket_hon}");
    assert!(
        ket_hon.contains("  working_days: 3\n  reduced_from: 5\n"),
        "{ket_hon}"
    );
    assert!(ket_hon.contains("from: bang"), "{ket_hon}");
    assert!(root.join(THO_CUNG).is_file() && root.join(XAY_DUNG).is_file());
    assert!(review_file(root).contains("(table-only)"));
    let check = niemyet(root, &["check"]);
    assert_eq!(check.code, 0, "{}", check.all());
}

#[test]
fn records_map_to_what_a_poster_must_say() {
    let site = base_site();
    let root = site.path();
    let run = import(
        root,
        &[
            "chung-thuc.json",
            "ho-kinh-doanh.json",
            "ket-hon.json",
            "nhieu.json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    let ct = read(root, CHUNG_THUC);
    // NFD title composed; no-break space made plain; the per-page fee
    // keeps its unit and its cap; the USD fee (missions abroad) is out.
    assert!(
        ct.contains("title: Chứng thực bản sao từ bản chính"),
        "{ct}"
    );
    assert!(!ct.contains('\u{a0}'));
    assert!(ct.contains("    amount: 2000\n    per: trang\n"), "{ct}");
    assert!(ct.contains("tối đa thu không quá 200.000 đồng/bản"), "{ct}");
    assert!(!ct.contains("USD"), "{ct}");
    // No unit in the record: the deadline is words, marked, never a number.
    assert!(
        ct.contains("  text: \"(CẦN SỬA) bản ghi không ghi thời hạn\""),
        "{ct}"
    );
    assert!(
        ct.contains(
            "  - \"Người thực hiện chứng thực kiểm tra, đối chiếu: * Ghi lời chứng; * Ký, đóng dấu.\""
        ),
        "{ct}"
    );
    let kh = read(root, KET_HON);
    // A council-set fee of 0 is no "free": no amount, the record's words.
    assert!(
        kh.contains("  - name: Lệ phí\n    note: Theo Nghị quyết của Hội đồng nhân dân tỉnh\n"),
        "{kh}"
    );
    assert!(kh.contains("  working_days: 5\n"), "{kh}");
    assert!(kh.contains("Nộp trực tuyến: 03 ngày làm việc."), "{kh}");
    // The cut-off said in the steps' words: the time, and the words in the note.
    assert!(kh.contains("  cutoff: \"15:00\"\n"), "{kh}");
    assert!(
        kh.contains("Nhận hồ sơ sau 15 giờ thì hẹn trả kết quả trong ngày làm việc tiếp theo."),
        "{kh}"
    );
    assert!(kh.contains("  - name: Hộ chiếu/Thẻ căn cước của hai bên nam, nữ.\n    originals: 1\n    present: true\n"), "{kh}");
    assert!(
        kh.contains("  - name: Văn bản ủy quyền (nếu có)\n    originals: 1\n    optional: true\n"),
        "{kh}"
    );
    assert!(kh.contains("  - name: \"Chứng cứ chứng minh quan hệ hôn nhân gồm:\"\n    originals: 1\n    note: \"+ Văn bản"), "{kh}");
    assert!(kh.contains("    form: mus01-to-khai.docx\n"), "{kh}");
    assert!(root
        .join("content/ho-tich/dang-ky-ket-hon/mus01-to-khai.docx")
        .is_file());
    // The result of the procedure is no document; Lưu ý is body text.
    assert!(!kh.contains("name: Giấy chứng nhận kết hôn"), "{kh}");
    assert!(
        kh.contains("## Lưu ý về hồ sơ") && kh.contains("- Người tiếp nhận không được yêu cầu"),
        "{kh}"
    );
    let hkd = read(root, HKD);
    assert!(
        hkd.contains("    amount: 50000\n    channel: in_person\n"),
        "{hkd}"
    );
    assert!(
        hkd.contains("    amount: 150000\n    channel: online\n"),
        "{hkd}"
    );
    let tc = read(root, THO_CUNG);
    assert!(
        tc.contains("title: Giải quyết chế độ trợ cấp thờ cúng liệt sĩ\n"),
        "{tc}"
    );
    assert!(tc.contains("agency: Sở Nội vụ\n"), "{tc}");
    let xd = read(root, XAY_DUNG);
    assert!(
        xd.contains("    case: \"(1.7) Đối với công trình nhà ở riêng lẻ\"\n"),
        "{xd}"
    );
    assert!(xd.contains("Nộp qua bưu chính: 01 tháng."), "{xd}");
    let review = review_file(root);
    for kind in [
        "deadline-unitless",
        "fee-hdnd",
        "fee-foreign",
        "agency",
        "form-missing",
    ] {
        assert!(review.contains(&format!("({kind})")), "{kind}:\n{review}");
    }
}

#[test]
fn the_built_pages_say_what_the_records_say() {
    let site = base_site();
    let root = site.path();
    let run = import(root, &["chung-thuc.json", "ket-hon.json", "nhieu.json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let out = tempfile::tempdir().expect("out");
    let out_dir = out.path().join("public");
    let build = niemyet(
        root,
        &["build", "--no-minify", "--out", &out_dir.to_string_lossy()],
    );
    assert_eq!(build.code, 0, "{}", build.all());
    let page = |rel: &str| {
        std::fs::read_to_string(out_dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    };
    let ct =
        page("chung-thuc/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban-do-co-quan/index.html");
    assert!(ct.contains("<strong>2.000 đồng/trang</strong>"), "{ct}");
    assert!(ct.contains("tối đa thu không quá 200.000 đồng/bản"));
    assert!(ct.contains("(CẦN SỬA) bản ghi không ghi thời hạn"));
    assert!(
        ct.contains("Nguồn: Cơ sở dữ liệu quốc gia về thủ tục hành chính, bản ngày 21/04/2026"),
        "{ct}"
    );
    let kh = page("ho-tich/dang-ky-ket-hon/index.html");
    assert!(kh.contains("<strong>05 ngày làm việc</strong>"), "{kh}");
    assert!(
        kh.contains("Lệ phí: <strong>Theo Nghị quyết của Hội đồng nhân dân tỉnh</strong>"),
        "{kh}"
    );
    assert!(!kh.contains("Miễn lệ phí"), "{kh}");
    assert!(kh.contains("Xuất trình để đối chiếu (không nộp)"));
    assert!(kh.contains("Văn bản ủy quyền (nếu có) <em>"), "{kh}");
    assert!(kh.contains("Hai bên ký vào Sổ đăng ký kết hôn"));
    assert!(kh.contains("60/2014/QH13"));
    assert!(kh.contains("href=\"mus01-to-khai.docx\" download"), "{kh}");
    // A fee text that is no amount, verbatim (its line break made a space).
    let tc = page("nguoi-co-cong/giai-quyet-che-do-tro-cap-tho-cung-liet-si/index.html");
    assert!(
        tc.contains("Lệ phí: <strong>Theo quy định của Luật phí và lệ phí và các văn bản hướng dẫn thi hành</strong>"),
        "{tc}"
    );
    let xd = page("hoat-dong-xay-dung/cap-giay-phep-xay-dung-moi/index.html");
    assert!(
        xd.contains("<h3 class=\"doc-case\">(1.7) Đối với công trình nhà ở riêng lẻ</h3>"),
        "{xd}"
    );
    assert!(xd.contains("<ol class=\"docs\" start=\"3\">"), "{xd}");
}

#[test]
fn malformed_inputs_name_the_file_and_record_and_write_nothing() {
    let site = base_site();
    let root = site.path();
    let before = snapshot(root);
    let big = root.join("lon.json");
    std::fs::File::create(&big)
        .expect("create")
        .set_len(50 * 1024 * 1024)
        .expect("set_len");
    let cases: [(&str, &[&str]); 6] = [
        (
            "bad/cut-short.json",
            &["cut-short.json", "cắt cụt", "bản ghi thứ 1"],
        ),
        (
            "bad/no-code.json",
            &["no-code.json", "bản ghi thứ 2", "thiếu code"],
        ),
        (
            "bad/no-name.json",
            &["no-name.json", "bản ghi (mã 1.004946)", "thiếu name"],
        ),
        (
            "bad/wrong-type.jsonl",
            &[
                "wrong-type.jsonl:2:",
                "bản ghi thứ 2 (mã 1.010803)",
                "executionMethods[0].processingTime",
            ],
        ),
        (
            "bad/no-header.csv",
            &["no-header.csv", "không nhận ra dòng tiêu đề"],
        ),
        ("LON", &["lon.json", "tệp quá lớn (50 MB"]),
    ];
    for (file, said) in cases {
        let bad = if file == "LON" {
            big.to_string_lossy().into_owned()
        } else {
            input(file)
        };
        let run = niemyet(root, &["import", &input("ket-hon.json"), &bad]);
        assert_eq!(run.code, 1, "{file}: {}", run.all());
        for s in said {
            assert!(
                run.stderr.contains(s),
                "{file}: {s:?} not in\n{}",
                run.stderr
            );
        }
        assert!(run.stderr.contains("Không ghi tệp nào."), "{}", run.stderr);
    }
    std::fs::remove_file(&big).expect("rm");
    assert_eq!(before, snapshot(root), "nothing may be written");
}

#[test]
fn a_procedure_already_in_the_site_is_never_overwritten() {
    let site = base_site();
    let root = site.path();
    let run = import(root, &["ket-hon.json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let first = read(root, KET_HON);
    // A table row without a code is known by its title.
    assert_eq!(import(root, &["danh-muc.csv"]).code, 0);
    let giam_ho = read(root, "content/ho-tich/dang-ky-giam-ho.md");
    let twice = import(root, &["danh-muc.csv"]);
    assert!(
        twice
            .stdout
            .contains("Bỏ qua: \"Đăng ký giám hộ\": đã có trong trang"),
        "{}",
        twice.stdout
    );
    assert!(!root.join("content/ho-tich/dang-ky-giam-ho-2.md").exists());
    assert_eq!(giam_ho, read(root, "content/ho-tich/dang-ky-giam-ho.md"));
    let again = import(root, &["ket-hon.json"]);
    assert_eq!(again.code, 0, "{}", again.all());
    assert!(
        again.stdout.contains("Bỏ qua: 1.000894"),
        "{}",
        again.stdout
    );
    assert!(
        again
            .stdout
            .contains("đã có trong trang (content/ho-tich/dang-ky-ket-hon/index.md)"),
        "{}",
        again.stdout
    );
    assert_eq!(first, read(root, KET_HON));
}

#[test]
fn update_keeps_the_clerks_edits_and_takes_the_records_changes() {
    let site = base_site();
    let root = site.path();
    assert_eq!(import(root, &["ket-hon.json"]).code, 0);
    // A clerk's edits: an alias, the deadline shortened by the province,
    // a note on a document, words of their own in the body.
    let text = read(root, KET_HON)
        .replace(
            "level: xa\n",
            "aliases:\n  - làm giấy đăng ký kết hôn\nlevel: xa\n",
        )
        .replace("  working_days: 5\n", "  working_days: 2\n")
        .replace(
            "fees:\n",
            "fees:\n  - name: Phí cấp bản sao trích lục kết hôn\n    amount: 8000\n    per: bản\n",
        )
        .replace(
            "    form: mus01-to-khai.docx\n",
            "    form: mus01-to-khai.docx\n    note: Phường có mẫu in sẵn tại quầy\n",
        )
        + "\nMang theo ảnh nếu muốn nhận giấy chứng nhận ngay.\n";
    std::fs::write(root.join(KET_HON), text).expect("edit");
    assert_eq!(niemyet(root, &["check"]).code, 0);
    let run = niemyet(root, &["import", "--update", &input("newer/ket-hon.json")]);
    assert_eq!(run.code, 0, "{}", run.all());
    let merged = read(root, KET_HON);
    // The clerk's edits are there…
    assert!(
        merged.contains("  - làm giấy đăng ký kết hôn\n"),
        "{merged}"
    );
    assert!(merged.contains("  working_days: 2\n"), "{merged}");
    assert!(
        merged.contains("    note: Phường có mẫu in sẵn tại quầy\n"),
        "{merged}"
    );
    assert!(
        merged.contains("Mang theo ảnh nếu muốn nhận giấy chứng nhận ngay."),
        "{merged}"
    );
    // …and so are the record's changes.
    assert!(
        merged.contains("Nộp trực tuyến: 02 ngày làm việc."),
        "{merged}"
    );
    assert!(
        merged.contains("  - name: Giấy xác nhận tình trạng hôn nhân\n"),
        "{merged}"
    );
    assert!(
        merged.contains("number: \"07/2025/NĐ-CP\"")
            && !merged.contains("number: \"123/2015/NĐ-CP\""),
        "{merged}"
    );
    assert!(merged.contains("snapshot: 2026-05-29"), "{merged}");
    // The diff is printed; the conflict is on the review list.
    assert!(
        run.stdout
            .contains(&format!("--- {}", root.join(KET_HON).display())),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("+  - name: Giấy xác nhận tình trạng hôn nhân"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!("Đã cập nhật {}", root.join(KET_HON).display())),
        "{}",
        run.stdout
    );
    let review = review_file(root);
    assert!(review.contains("bạn đã sửa \"deadline\""), "{review}");
    assert!(review.contains("working_days | 4"), "{review}");
    assert_eq!(niemyet(root, &["check"]).code, 0);
    // A second update with the same record changes nothing more.
    let again = niemyet(root, &["import", "--update", &input("newer/ket-hon.json")]);
    assert!(
        again.stdout.contains("không có gì thay đổi"),
        "{}",
        again.all()
    );
}

#[test]
fn update_of_a_hand_written_file_keeps_its_form_and_names_what_differs() {
    let site = base_site();
    let root = site.path();
    // The base site's birth registration: written by hand, no source:,
    // its form beside it in the field folder.
    let before = read(root, "content/ho-tich/dang-ky-khai-sinh.md");
    assert!(before.contains("form: to-khai.pdf"));
    let dir = tempfile::tempdir().expect("tempdir");
    let record = r#"{"code":"1.001193","name":"Đăng ký khai sinh","isWard":true,
      "categoriesDetails":[{"name":"Hộ tịch"}],
      "executionMethods":[{"submissionMethod":"DIRECT","processingTime":1,"processingTimeUnit":"WORKING_DAY","fees":[]}],
      "executionCases":[{"name":"","profileComponents":[
        {"name":"Tờ khai đăng ký khai sinh","originalQty":1,"copyQty":0,
         "attachments":[{"fileName":"Mau moi.docx"}]}]}],
      "executionSteps":[{"name":"","description":"Nộp hồ sơ.\nNhận kết quả."}],
      "legalBasisesDetails":[{"name":"Luật Hộ tịch","code":"60/2014/QH13"}],
      "resultsDetails":[{"name":"Giấy khai sinh"}],"updatedAt":1775659978538}"#;
    let file = dir.path().join("1.001193.json");
    std::fs::write(&file, record).expect("write");
    let run = niemyet(root, &["import", "--update", &file.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.all());
    let after = read(root, "content/ho-tich/dang-ky-khai-sinh.md");
    assert!(after.contains("form: to-khai.pdf"), "{after}");
    assert!(after.contains("source:\n  from: csdl-tthc\n"), "{after}");
    let review = review_file(root);
    // Without a fingerprint every value counts as the clerk's: kept, and
    // where the record says otherwise, named.
    assert!(review.contains("(conflict)"), "{review}");
    assert!(review.contains("(form-missing)"), "{review}");
    let check = niemyet(root, &["check"]);
    assert_eq!(check.code, 0, "{}", check.all());
}

/// A provincial repeal table (the national records carry no repeal
/// marker): a repealed procedure is never made into a file, even with its
/// record given beside the table; one the site still posts is named with
/// the line to add, and its file is left alone. A record whose `state` is
/// not one seen (ACTIVE, UPDATED) is imported, not taken as repealed, and
/// named on the review list.
#[test]
fn repealed_procedures_make_no_file() {
    let site = base_site();
    let root = site.path();
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("bai-bo.csv");
    std::fs::write(
        &table,
        "STT,Mã TTHC,Tên TTHC,Tên VBQPPL quy định việc bãi bỏ TTHC,Lĩnh vực,Cơ quan thực hiện,Quyết định công bố\r\n\
         1,1.000894,Đăng ký kết hôn,\"Văn bản thử, bãi bỏ từ ngày 01/03/2026\",Hộ tịch,UBND cấp xã,QĐ thử\r\n\
         2,1.001193,Đăng ký khai sinh,Văn bản thử,Hộ tịch,UBND cấp xã,QĐ thử\r\n",
    )
    .unwrap();
    let before = read(root, "content/ho-tich/dang-ky-khai-sinh.md");
    let run = niemyet(
        root,
        &["import", &input("ket-hon.json"), table.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        !root.join(KET_HON).exists() && !root.join("content/ho-tich/dang-ky-ket-hon.md").exists()
    );
    let all = run.all();
    assert!(
        all.contains("1.000894 \"Thủ tục đăng ký kết hôn\": đã bãi bỏ từ ngày 01/03/2026 (Văn bản thử, bãi bỏ từ ngày 01/03/2026); không tạo tệp"),
        "{all}"
    );
    assert!(
        all.contains("1.001193 \"Đăng ký khai sinh\": đã bãi bỏ (Văn bản thử), mà trang còn niêm yết (content/ho-tich/dang-ky-khai-sinh.md); không sửa tệp: thêm repealed: YYYY-MM-DD"),
        "{all}"
    );
    assert_eq!(read(root, "content/ho-tich/dang-ky-khai-sinh.md"), before);
    assert!(review_file(root).contains("không tạo tệp"));

    let odd = dir.path().join("odd.json");
    let text = std::fs::read_to_string(input("ket-hon.json")).unwrap();
    std::fs::write(&odd, text.replace("\"UPDATED\"", "\"ABOLISHED\"")).unwrap();
    let run = niemyet(root, &["import", odd.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.all());
    // Its form is not beside this copy: a file, not a bundle.
    assert!(
        root.join("content/ho-tich/dang-ky-ket-hon.md").is_file(),
        "{}",
        run.all()
    );
    assert!(
        run.all()
            .contains("state: bản ghi có trạng thái (state) \"ABOLISHED\""),
        "{}",
        run.all()
    );
}
