//! Notices for the neighbourhood notice boards.

use super::value::{Checked, Ctx, Parent};
use super::{Date, Notice};
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::load::NoticeDoc;
use crate::t;

pub fn validate_notice(
    nd: &NoticeDoc,
    today: Date,
    diags: &mut Vec<Diagnostic>,
) -> Checked<Notice> {
    let doc = nd.doc.as_ref().map_err(|why| *why)?;
    let raw = doc.raw.as_ref().map_err(|why| *why)?;
    let mut cx = Ctx::new(doc, diags);
    let title = cx.text(
        &raw.title,
        "title",
        Parent::Top,
        t!(
            "viết tiêu đề thông báo, ví dụ title: Lịch tiếp công dân dịp Tết",
            "write the notice's title, e.g. title: Lịch tiếp công dân dịp Tết"
        ),
    );
    let date = cx.date(&raw.date, "date", Parent::Top);
    let expires = cx.opt_date(&raw.expires, "expires");
    let mut order = Ok(());
    if let (Ok(d), Ok(Some(e)), Some(v)) = (date, expires, raw.expires.value()) {
        if e < d {
            let at = cx.loc(&v.referenced);
            order = Err(cx.error(
                Rule::BadDateOrder,
                at,
                t!(
                    "ngày hết hạn ({e}) trước ngày đăng ({d})",
                    "the expiry date ({e}) is before the notice's date ({d})"
                ),
                Some(t!(
                    "sửa expires thành một ngày từ {d} trở đi",
                    "set expires to {d} or later"
                )),
            ));
        }
    }
    // An expiry before the notice's date is the error to fix, not a warning.
    if let (Ok(()), Ok(Some(e)), Some(v)) = (order, expires, raw.expires.value()) {
        if e < today {
            let at = cx.loc(&v.referenced);
            cx.warning(
                Rule::ExpiredNotice,
                at,
                t!("thông báo đã hết hạn ngày {e}", "the notice expired on {e}"),
                Some(t!(
                    "thông báo hết hạn không còn được niêm yết; có thể xóa tệp này",
                    "expired notices are no longer posted; this file can be deleted"
                )),
            );
        }
    }
    let body = cx.body(&doc.body);
    order?;
    Ok(Notice {
        slug: nd.slug.clone(),
        source: nd.rel.clone(),
        title: title?,
        date: date?,
        expires: expires?,
        body: body?,
    })
}
