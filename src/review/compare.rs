//! One site procedure against the record it matched: name, deadline, fees,
//! documents, legal basis and update date, each compared as a set (never
//! by position) after [`norm`](super::norm). A side the record does not
//! give (`None`, an empty deadline list) is not compared.

use super::finding::Finding;
use super::locate::{Fact, Places};
use super::norm;
use super::upstream::Upstream;
use crate::diag::Rule;
use crate::lang::{Lang, Text};
use crate::model::{Date, Deadline, DeadlineMeasure, Procedure};
use crate::render::format;
use crate::t;

/// What is compared for one pair; makes the findings.
pub struct Pair<'a> {
    pub site: &'a Procedure,
    pub record: &'a Upstream,
    pub places: &'a Places,
}

impl Pair<'_> {
    /// A finding about this pair, located at `fact` in the site's file.
    fn finding(&self, rule: crate::diag::Rule, fact: Fact, what: Text) -> Finding {
        Finding {
            rule,
            note: false,
            code: self.site.code.clone().or_else(|| self.record.code.clone()),
            name: self.site.title.clone(),
            what,
            site: String::new(),
            record: String::new(),
            file: self.site.source.clone(),
            at: self.places.of(fact),
            origin: self.record.origin.clone(),
            message: Text::new("", ""),
            hint: Text::new("", ""),
        }
    }
}

/// Every difference of one matched pair (the record is in force).
pub fn compare(pair: &Pair) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(name(pair));
    out.extend(deadline(pair));
    fees(pair, &mut out);
    documents(pair, &mut out);
    legal_basis(pair, &mut out);
    out.extend(updated(pair));
    out
}

fn name(pair: &Pair) -> Option<Finding> {
    let (p, r) = (pair.site, pair.record);
    let want = norm::name(&r.name);
    // An official name kept as an alias is the clerk's choice of title.
    if std::iter::once(&p.title)
        .chain(&p.aliases)
        .any(|n| norm::name(n) == want)
    {
        return None;
    }
    let mut f = pair.finding(Rule::ReviewName, Fact::Title, t!("Tên thủ tục", "Name"));
    let (site, record) = (&p.title, &r.name);
    f.message = t!(
        "tên thủ tục khác bản ghi: trang ghi \"{site}\", bản ghi ghi \"{record}\"",
        "the name differs from the record: the site says \"{site}\", the record \"{record}\""
    );
    f.hint = t!(
        "sửa title theo tên trong bản ghi; tên quen gọi thì giữ trong aliases",
        "write the record's name in title; keep the familiar name in aliases"
    );
    f.site = site.clone();
    f.record = record.clone();
    Some(f)
}

fn written(m: &DeadlineMeasure, lang: Lang) -> String {
    let d = Deadline {
        measure: m.clone(),
        reduced_from: None,
        note: None,
        cutoff: None,
    };
    format::deadline(&d, lang)
}

/// The same deadline: the same number and unit, or the same words.
fn same(a: &DeadlineMeasure, b: &DeadlineMeasure) -> bool {
    match (a, b) {
        (DeadlineMeasure::Text(x), DeadlineMeasure::Text(y)) => norm::text(x) == norm::text(y),
        _ => a == b,
    }
}

fn deadline(pair: &Pair) -> Option<Finding> {
    let (d, r) = (&pair.site.deadline, pair.record);
    let recorded = |m: &DeadlineMeasure| r.deadlines.iter().any(|x| same(x, m));
    if r.deadlines.is_empty() || recorded(&d.measure) {
        return None;
    }
    let listed = |lang| -> String {
        let all: Vec<String> = r.deadlines.iter().map(|m| written(m, lang)).collect();
        all.join("; ")
    };
    let (site_vi, site_en) = (written(&d.measure, Lang::Vi), written(&d.measure, Lang::En));
    let (rec_vi, rec_en) = (listed(Lang::Vi), listed(Lang::En));
    let what = t!("Thời hạn giải quyết", "Processing time");
    let mut f = pair.finding(Rule::ReviewDeadline, Fact::Deadline, what);
    f.site = site_vi.clone();
    f.record = rec_vi.clone();
    let legal = d.reduced_from.and_then(|n| d.measure.with_value(n));
    if legal.is_some_and(|l| recorded(&l)) {
        f.rule = Rule::ReviewDeadlineReduced;
        f.note = true;
        f.message = t!(
            "thời hạn đã cắt giảm: trang ghi {site_vi}, bản ghi ghi {rec_vi} (thời hạn theo quy định, khớp reduced_from)",
            "a shortened deadline: the site says {site_en}, the record {rec_en} (the legal one, as reduced_from says)"
        );
        f.hint = t!(
            "không cần sửa; đây là ghi chú để đối chiếu với quyết định cắt giảm thời hạn",
            "nothing to fix; noted to check against the decision that shortened it"
        );
        return Some(f);
    }
    f.message = t!(
        "thời hạn giải quyết khác bản ghi: trang ghi {site_vi}, bản ghi ghi {rec_vi}",
        "the processing time differs from the record: the site says {site_en}, the record {rec_en}"
    );
    // The record's longer deadline in the same unit: perhaps cut on purpose.
    let longer = r
        .deadlines
        .iter()
        .filter(|m| std::mem::discriminant(*m) == std::mem::discriminant(&d.measure))
        .filter_map(DeadlineMeasure::value)
        .filter(|n| d.measure.value().is_some_and(|mine| *n > mine))
        .max();
    f.hint = if let Some(n) = longer {
        t!(
            "nếu phường đã cắt giảm thời hạn, ghi thêm reduced_from: {n} dưới con số; nếu không, sửa theo bản ghi",
            "if the ward has shortened it, add reduced_from: {n} under the number; otherwise write the record's"
        )
    } else {
        t!(
            "sửa deadline theo bản ghi (cùng đơn vị: working_days, calendar_days hoặc hours)",
            "write the record's deadline (in its unit: working_days, calendar_days or hours)"
        )
    };
    Some(f)
}

fn fees(pair: &Pair, out: &mut Vec<Finding>) {
    let Some(recorded) = &pair.record.fees else {
        return;
    };
    let fees = &pair.site.fees;
    // 0 is "exempt" on either side, and "no fee" (fees: []) is the same.
    let site: Vec<u64> = fees
        .iter()
        .filter_map(|f| f.amount)
        .filter(|a| *a > 0)
        .collect();
    let record: Vec<u64> = recorded.iter().copied().filter(|a| *a > 0).collect();
    let what = || t!("Phí, lệ phí", "Fees");
    let shown = |a: u64| format!("{} đồng", format::amount(a));
    for (i, fee) in fees.iter().enumerate() {
        let Some(mine) = fee.amount.filter(|a| *a > 0) else {
            continue;
        };
        if !record.contains(&mine) {
            let mut f = pair.finding(Rule::ReviewFee, Fact::Fee(i), what());
            let amount = shown(mine);
            f.site = format::fee_line(fee, Lang::Vi);
            f.record = amounts(&record);
            f.message = t!(
                "mức phí {amount} không có trong bản ghi",
                "the fee of {amount} is not in the record"
            );
            f.hint = fee_hint(&f.record);
            out.push(f);
        }
    }
    for a in dedup(&record) {
        if !site.contains(&a) {
            let mut f = pair.finding(Rule::ReviewFee, Fact::Fees, what());
            let amount = shown(a);
            f.site = format::fees_short(fees, Lang::Vi);
            f.record = amount.clone();
            f.message = t!(
                "bản ghi có mức phí {amount} mà trang không ghi",
                "the record has a fee of {amount} that the site does not list"
            );
            f.hint = fee_hint(&amounts(&record));
            out.push(f);
        }
    }
}

fn dedup(v: &[u64]) -> Vec<u64> {
    let mut v = v.to_vec();
    v.sort_unstable();
    v.dedup();
    v
}

fn amounts(v: &[u64]) -> String {
    let all: Vec<String> = dedup(v)
        .into_iter()
        .map(|a| format!("{} đồng", format::amount(a)))
        .collect();
    if all.is_empty() {
        "Miễn lệ phí".into()
    } else {
        all.join("; ")
    }
}

fn fee_hint(record: &str) -> Text {
    t!(
        "bản ghi ghi: {record}; sửa amount cho đúng, hoặc ghi rõ nguồn (nghị quyết HĐND tỉnh) trong note nếu mức phí của tỉnh khác",
        "the record says: {record}; correct the amount, or cite the province's resolution in note if its fee differs"
    )
}

fn documents(pair: &Pair, out: &mut Vec<Finding>) {
    let Some(recorded) = &pair.record.documents else {
        return;
    };
    let site: Vec<String> = pair
        .site
        .documents
        .iter()
        .map(|d| norm::text(&d.name))
        .collect();
    let record: Vec<String> = recorded.iter().map(|n| norm::text(n)).collect();
    let what = || t!("Thành phần hồ sơ", "Documents");
    for (i, d) in pair.site.documents.iter().enumerate() {
        if !record.contains(&site[i]) {
            let mut f = pair.finding(Rule::ReviewDocument, Fact::Document(i), what());
            let name = &d.name;
            f.site = name.clone();
            f.message = t!(
                "giấy tờ \"{name}\" không có trong bản ghi",
                "the document \"{name}\" is not in the record"
            );
            f.hint = t!(
                "đối chiếu tên giấy tờ với bản ghi; viết đúng tên như bản ghi, hoặc xóa nếu không còn yêu cầu",
                "check the name against the record: write it as the record does, or delete it if no longer asked for"
            );
            out.push(f);
        }
    }
    for (n, name) in recorded.iter().enumerate() {
        if !site.contains(&record[n]) && !record[..n].contains(&record[n]) {
            let mut f = pair.finding(Rule::ReviewDocument, Fact::Documents, what());
            f.record = name.clone();
            f.message = t!(
                "bản ghi có giấy tờ \"{name}\" mà trang không ghi",
                "the record lists the document \"{name}\", which the site does not"
            );
            f.hint = t!(
                "thêm vào documents một mục - name: {name}",
                "add to documents an item - name: {name}"
            );
            out.push(f);
        }
    }
}

fn legal_basis(pair: &Pair, out: &mut Vec<Finding>) {
    let Some(recorded) = &pair.record.legal_basis else {
        return;
    };
    let laws = &pair.site.legal_basis;
    let site: Vec<String> = laws.iter().map(|l| norm::legal_number(&l.number)).collect();
    let record: Vec<String> = recorded.iter().map(|n| norm::legal_number(n)).collect();
    let what = || t!("Căn cứ pháp lý", "Legal basis");
    for (i, l) in laws.iter().enumerate() {
        if !record.contains(&site[i]) {
            let mut f = pair.finding(Rule::ReviewLegal, Fact::Legal(i), what());
            let number = &l.number;
            f.site = format::legal_text(l, Lang::Vi);
            f.message = t!(
                "văn bản {number} không có trong căn cứ pháp lý của bản ghi",
                "{number} is not in the record's legal basis"
            );
            f.hint = t!(
                "kiểm tra văn bản còn hiệu lực không; bản ghi không nêu thì xóa, hoặc sửa số hiệu cho đúng",
                "check that the text is still in force; delete it if the record does not cite it, or correct its number"
            );
            out.push(f);
        }
    }
    for (n, name) in recorded.iter().enumerate() {
        if !site.contains(&record[n]) && !record[..n].contains(&record[n]) {
            let mut f = pair.finding(Rule::ReviewLegal, Fact::LegalBasis, what());
            f.record = name.clone();
            f.message = t!(
                "bản ghi có căn cứ pháp lý \"{name}\" mà trang không ghi",
                "the record cites \"{name}\", which the site does not"
            );
            f.hint = t!(
                "thêm vào legal_basis một mục - number: ... (số hiệu văn bản), title: ... (tên)",
                "add to legal_basis an item - number: ... (the text's number), title: ... (its name)"
            );
            out.push(f);
        }
    }
}

fn updated(pair: &Pair) -> Option<Finding> {
    let mine = pair.site.updated;
    let theirs: Date = pair.record.updated.filter(|u| *u > mine)?;
    let mut f = pair.finding(
        Rule::ReviewOutdated,
        Fact::Updated,
        t!("Ngày cập nhật", "Updated"),
    );
    let (a, b) = (format::date(mine), format::date(theirs));
    f.site = a.clone();
    f.record = b.clone();
    f.message = t!(
        "trang cập nhật ngày {a}, bản ghi được sửa sau đó, ngày {b}",
        "the site was updated on {a}; the record changed later, on {b}"
    );
    f.hint = t!(
        "đọc lại bản ghi, sửa những gì đã đổi, rồi ghi updated: ngày rà soát",
        "read the record again, change what changed, then set updated: to the day of the review"
    );
    Some(f)
}
