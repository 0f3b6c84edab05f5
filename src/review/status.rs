//! Whether a procedure should be posted at all: repealed upstream but still
//! on the site, repealed on the site but in force upstream, or done at
//! commune level upstream and not on the site.

use super::finding::Finding;
use super::locate::{Fact, Places};
use super::upstream::Upstream;
use crate::diag::Rule;
use crate::lang::Text;
use crate::model::{Date, Procedure, Status};
use crate::render::format;
use crate::t;

/// Whether the record is repealed on `today` (a repeal dated later is not
/// in effect yet).
pub fn repealed_upstream(r: &Upstream, today: Date) -> bool {
    r.repealed
        .is_some_and(|rep| rep.since.is_none_or(|d| d <= today))
}

fn base(p: &Procedure, r: &Upstream, places: &Places, rule: crate::diag::Rule) -> Finding {
    Finding {
        rule,
        note: false,
        code: p.code.clone().or_else(|| r.code.clone()),
        name: p.title.clone(),
        what: t!("Hiệu lực", "In force"),
        site: String::new(),
        record: String::new(),
        file: p.source.clone(),
        at: places.of(Fact::Repealed),
        origin: r.origin.clone(),
        message: Text::new("", ""),
        hint: Text::new("", ""),
    }
}

/// The status of a matched pair, when it is wrong; `None` when both agree
/// (then the facts are compared, unless both say repealed).
pub fn status(p: &Procedure, r: &Upstream, today: Date, places: &Places) -> Option<Finding> {
    let theirs = repealed_upstream(r, today);
    let ours = p.status(today) == Status::Repealed;
    let title = &p.title;
    match (theirs, ours) {
        (true, false) => {
            let mut f = base(p, r, places, Rule::ReviewRepealed);
            let since = r.repealed.and_then(|x| x.since);
            let day = since.map_or_else(|| "YYYY-MM-DD".to_string(), |d| d.to_string());
            f.site = t!("đang niêm yết", "posted").vi;
            f.record = match since {
                Some(d) => format!("bãi bỏ từ {}", format::date(d)),
                None => "đã bãi bỏ".into(),
            };
            f.message = t!(
                "\"{title}\" đã bị bãi bỏ theo bản ghi nhưng trang vẫn niêm yết",
                "\"{title}\" is repealed according to the record but still posted"
            );
            f.hint = t!(
                "thêm repealed: {day} (ngày bãi bỏ theo quyết định công bố); trang riêng vẫn giữ, ghi rõ đã bãi bỏ",
                "add repealed: {day} (the repeal date of the announcing decision); its page stays, marked repealed"
            );
            Some(f)
        }
        (false, true) if r.commune => {
            let mut f = base(p, r, places, Rule::ReviewRepealed);
            f.site = t!("đã bãi bỏ", "repealed").vi;
            f.record = "còn hiệu lực".into();
            f.message = t!(
                "trang ghi \"{title}\" đã bãi bỏ nhưng bản ghi vẫn còn hiệu lực",
                "the site says \"{title}\" is repealed but the record is still in force"
            );
            f.hint = t!(
                "kiểm tra quyết định bãi bỏ; nếu thủ tục còn hiệu lực thì xóa dòng repealed",
                "check the repealing decision; if the procedure is still in force, delete the repealed line"
            );
            Some(f)
        }
        _ => None,
    }
}

/// A commune-level record in force that no site procedure matched.
pub fn missing(r: &Upstream) -> Finding {
    let name = &r.name;
    let code = r.code.as_deref().unwrap_or("");
    Finding {
        rule: Rule::ReviewMissing,
        note: false,
        code: r.code.clone(),
        name: name.clone(),
        what: t!("Niêm yết", "Posted"),
        site: t!("chưa niêm yết", "not posted").vi,
        record: t!("thủ tục cấp xã", "commune level").vi,
        file: r.origin.file.clone(),
        at: r.origin.at.clone(),
        origin: r.origin.clone(),
        message: t!(
            "thủ tục cấp xã \"{name}\" ({code}) có trong dữ liệu nhưng trang chưa niêm yết",
            "the commune-level procedure \"{name}\" ({code}) is in the records but not on the site"
        ),
        hint: t!(
            "tạo tệp thủ tục (niemyet new LĨNH_VỰC \"{name}\", hoặc niemyet import) với code: \"{code}\"; nếu phường không thực hiện thì ghi lý do vào biên bản",
            "make its procedure file (niemyet new FIELD \"{name}\", or niemyet import) with code: \"{code}\"; if the ward does not do it, say why in the report"
        ),
    }
}
