//! A procedure repealed upstream (a row of a provincial repeal table, or a
//! record joined to one) is never made into a file: the import says so,
//! and, when the site already posts it, says what to add to its file. The
//! file is not changed: a repeal has a date the clerk must take from the
//! decision, and the page of a repealed procedure stays (format §6.5).

use super::plan::Site;
use super::record::{Record, Repeal, TableRow};
use crate::lang::Text;
use crate::render::format;
use crate::t;

/// The line of the review list (and the terminal) about one repealed
/// procedure.
pub fn said(record: Option<&Record>, row: Option<&TableRow>, rep: &Repeal, site: &Site) -> Text {
    let code = record
        .map(|r| r.code.clone())
        .or_else(|| row.and_then(|r| r.code.clone()))
        .filter(|c| !c.trim().is_empty());
    let name = record
        .map(|r| r.name.clone())
        .or_else(|| row.map(|r| r.name.clone()))
        .unwrap_or_default();
    let name = super::text::one_line(&name);
    let c = code.as_deref().map(|c| format!("{c} ")).unwrap_or_default();
    let (by_vi, by_en) = match &rep.by {
        Some(b) => {
            let b = super::text::one_line(b);
            (format!(" ({b})"), format!(" ({b})"))
        }
        None => (String::new(), String::new()),
    };
    let (since_vi, since_en) = match rep.date {
        Some(d) => (
            format!(" từ ngày {}", format::date(d)),
            format!(" from {}", format::date(d)),
        ),
        None => (String::new(), String::new()),
    };
    let existing = match code.as_deref() {
        Some(c) => site.codes.get(&crate::model::code_key(c)),
        None => site
            .titles
            .get(&crate::text::slugify(&super::map::title(&name))),
    };
    let day = rep
        .date
        .map_or_else(|| "YYYY-MM-DD".to_string(), |d| d.to_string());
    match existing {
        Some(e) => {
            let at = e.rel.to_string_lossy().replace('\\', "/");
            t!(
                "{c}\"{name}\": đã bãi bỏ{since_vi}{by_vi}, mà trang còn niêm yết ({at}); không sửa tệp: thêm repealed: {day} (ngày bãi bỏ theo quyết định) vào tệp đó",
                "{c}\"{name}\": repealed{since_en}{by_en}, yet still posted ({at}); the file is not changed: add repealed: {day} (the repeal date of the decision) to it"
            )
        }
        None => t!(
            "{c}\"{name}\": đã bãi bỏ{since_vi}{by_vi}; không tạo tệp",
            "{c}\"{name}\": repealed{since_en}{by_en}; no file made"
        ),
    }
}
