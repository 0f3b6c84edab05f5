//! What `niemyet build` says about the printed output: posters that need
//! more than [`MANY_SHEETS`] sheets, and what every poster lacks.

use super::field::{catalogue_rows, catalogue_scale};
use crate::diag::{Diagnostic, Rule};
use crate::lang::Lang;
use crate::model::{Date, Procedure, Site, Status};
use crate::t;

/// Sheets a poster or a field's catalogue may take without a warning. Real
/// records are long: a third of a ward's procedures, written out in full as
/// the national database has them, need a second A4 sheet even at 11 pt
/// with the notes shortened. That is normal posting (the second sheet
/// repeats the title), not something for the clerk to fix, and 20 warnings
/// for it on a first build buried the ones that matter.
pub(super) const MANY_SHEETS: usize = 2;

/// What the clerk should know about the posters beyond each procedure's
/// (a poster that needs more sheets is found while it is rendered, see
/// [`too_long`]): field catalogues longer than two A3 sheets, and a site
/// without a feedback address (the posting rules ask for one on every
/// poster; the posters are still made, without that block).
pub(in crate::render) fn site_warnings(site: &Site, today: Date, lang: Lang) -> Vec<Diagnostic> {
    let listed: Vec<&Procedure> = site
        .procedures
        .iter()
        .map(AsRef::as_ref)
        .filter(|p| p.status(today) != Status::Repealed)
        .collect();
    let mut out = Vec::new();
    for f in &site.fields {
        let count = listed.iter().filter(|p| p.field == f.slug).count();
        let rows = catalogue_rows(&listed, f, today, lang);
        let (_, pages) = catalogue_scale(&rows, site);
        // Two A3 pages are normal for a big field (the column headings
        // repeat); a new site of real records has several. From the third
        // the list is worth a look.
        if pages > MANY_SHEETS {
            let name = &f.name;
            out.push(
                Diagnostic::warning(
                    Rule::PosterFieldLong,
                    f.source.clone(),
                    t!(
                        "danh mục lĩnh vực «{name}» ({count} thủ tục) cần khoảng {pages} trang A3 khi in",
                        "the catalogue poster of «{name}» ({count} procedures) needs about {pages} A3 pages"
                    ),
                )
                .hint(t!(
                    "in tất cả các trang và dán liền nhau; tiêu đề cột được nhắc lại ở mỗi trang",
                    "print every page and post them together; the column headings repeat on each page"
                )),
            );
        }
    }
    let f = &site.config.office.feedback;
    if f.address.is_none() && f.phone.is_none() && f.email.is_none() && f.hotline.is_none() {
        out.push(
            Diagnostic::warning(
                Rule::PosterNoFeedback,
                "content/site.yaml",
                t!(
                    "chưa có office.feedback: bản niêm yết phải ghi nơi tiếp nhận phản ánh, kiến nghị; các áp phích được in không có phần này",
                    "office.feedback is missing: posted procedures must say where to send feedback; the posters are printed without it"
                ),
            )
            .hint(t!(
                "thêm vào site.yaml:\noffice:\n  feedback:\n    address: ...\n    phone: \"...\"\n    email: ...",
                "add to site.yaml:\noffice:\n  feedback:\n    address: ...\n    phone: \"...\"\n    email: ..."
            )),
        );
    }
    out
}

/// The warning for a poster that needs `pages` sheets.
pub(in crate::render) fn too_long(p: &Procedure, pages: usize) -> Diagnostic {
    let title = &p.title;
    Diagnostic::warning(
        Rule::PosterTooLong,
        p.source.clone(),
        t!(
            "áp phích của thủ tục «{title}» cần {pages} trang A4 kể cả ở cỡ chữ nhỏ nhất (11 pt) và khi đã rút gọn các ghi chú; các trang sau nhắc lại tên thủ tục kèm “(tiếp theo)”",
            "the poster of «{title}» needs {pages} A4 pages even at the smallest type (11 pt) with the notes shortened; the later ones repeat the title with “(tiếp theo)”"
        ),
    )
    .hint(t!(
        "viết tên giấy tờ và các bước thực hiện ngắn gọn hơn (nội dung đầy đủ vẫn có trên trang web, qua mã QR), hoặc in các trang và dán cạnh nhau",
        "write shorter document names and steps (the full text stays on the website, behind the QR code), or print the pages and post them side by side"
    ))
}
