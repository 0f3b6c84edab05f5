//! Fees: per channel in the record, the amount spread over `value`, the
//! fee's `description` ("/trang") and the method's description (the cap).
//! A value that is not a plain whole number of đồng keeps the record's text
//! verbatim as the note; an amount the province decides ("do HĐND tỉnh
//! quy định") is never written as 0, which would print "Miễn lệ phí".
//! Fees in another currency are only charged at missions abroad: they are
//! left out, with a review item.

use super::draft::DraftFee;
use super::record::{Channel, FeeKind, Method, Record, RecordFee};
use super::review::Item;
use super::text::{has_words, one_line};
use crate::t;
use crate::text::slugify;

fn name(kind: &FeeKind) -> String {
    match kind {
        FeeKind::Fee => "Lệ phí".into(),
        FeeKind::ServiceFee => "Phí".into(),
        FeeKind::PriceLevel => "Giá dịch vụ".into(),
        FeeKind::Other(o) if !o.is_empty() => format!("Phí ({o})"),
        FeeKind::Other(_) => "Phí, lệ phí".into(),
    }
}

fn province_decides(folded: &str) -> bool {
    has_words(folded, "hoi-dong-nhan-dan") || has_words(folded, "hdnd")
}

/// `/trang`, `/ bản` → the unit.
fn unit_only(desc: &str) -> Option<String> {
    let d = desc.trim();
    let rest = d.strip_prefix('/')?.trim();
    (!rest.is_empty() && rest.chars().count() <= 30 && !rest.contains('/'))
        .then(|| rest.to_string())
}

/// One record fee → a draft fee (or `None`: left out), and its review items.
fn fee(f: &RecordFee, m: &Method, items: &mut Vec<Item>, anchor: &str) -> Option<DraftFee> {
    let desc = one_line(&f.description);
    let folded = slugify(&desc);
    let method_desc = one_line(&m.description);
    let mut d = DraftFee {
        name: name(&f.kind),
        ..DraftFee::default()
    };
    if !f.is_vnd() {
        let cur = f.currency.clone().unwrap_or_default();
        let v = f.value.map(|v| v.to_string()).unwrap_or_default();
        let text = [format!("{v} {cur}{desc}"), method_desc].join(" ");
        items.push(Item::new(
            "fee-foreign",
            "fees",
            t!(
                "bỏ qua khoản thu bằng ngoại tệ ({}), chỉ thu tại cơ quan đại diện ở nước ngoài",
                "left out a fee in a foreign currency ({}), charged only at missions abroad",
                one_line(&text)
            ),
        ));
        return None;
    }
    let Some(value) = f.value else {
        d.note = Some(if desc.is_empty() {
            "(CẦN SỬA) bản ghi không ghi mức thu".into()
        } else {
            desc.clone()
        });
        items.push(Item::new(
            "fee-unknown",
            anchor.to_string(),
            t!(
                "bản ghi không ghi số tiền; ghi mức thu của tỉnh",
                "the record states no amount; write the province's amount"
            ),
        ));
        return Some(d);
    };
    if let Some(per) = unit_only(&desc) {
        d.amount = Some(value.to_string());
        d.per = Some(per);
        // The cap and the rate from page 3 live in the method's text.
        let f2 = slugify(&method_desc);
        if has_words(&f2, "dong") || has_words(&f2, "toi-da") {
            d.note = Some(method_desc);
        }
        return Some(d);
    }
    if province_decides(&folded) {
        d.note = Some(desc.clone());
        if value == 0 {
            items.push(Item::new("fee-hdnd", anchor.to_string(), t!(
                "mức thu do HĐND tỉnh quyết định, bản ghi ghi 0: không phải miễn phí; ghi amount theo nghị quyết của HĐND tỉnh",
                "the province's council sets this fee and the record says 0: it is not free; write amount from the council's resolution"
            )));
        } else {
            d.amount = Some(value.to_string());
            items.push(Item::new("fee-hdnd", anchor.to_string(), t!(
                "bản ghi ghi {value} đồng nhưng mức thu do HĐND tỉnh quyết định; đối chiếu nghị quyết của tỉnh",
                "the record says {value} đồng but the province's council sets the fee; check the council's resolution"
            )));
        }
        return Some(d);
    }
    if value == 0
        && !desc.is_empty()
        && !(folded.starts_with("mien") || folded.starts_with("khong"))
    {
        d.note = Some(desc);
        items.push(Item::new("fee-text", anchor.to_string(), t!(
            "bản ghi ghi 0 đồng kèm lời giải thích, không rõ mức thu; ghi amount nếu biết",
            "the record says 0 đồng with an explanation, the amount is unclear; write amount when known"
        )));
        return Some(d);
    }
    d.amount = Some(value.to_string());
    if !desc.is_empty() {
        d.note = Some(desc);
    }
    if value == 0 && d.note.is_none() {
        items.push(Item::new("fee-zero", anchor.to_string(), t!(
            "bản ghi ghi 0 đồng, không có lời nào: trang sẽ in \"Miễn lệ phí\"; nếu thủ tục không thu gì thì viết fees: []",
            "the record says 0 đồng with no words: the page prints \"free of charge\"; if nothing is ever charged write fees: []"
        )));
    }
    Some(d)
}

fn channel_key(c: Channel) -> &'static str {
    match c {
        Channel::Direct => "in_person",
        Channel::Online => "online",
        Channel::Postal => "postal",
    }
}

/// Every fee of the record: a fee the same on every channel once, one that
/// differs per channel once per channel (`channel:`).
pub fn fees(r: &Record, items: &mut Vec<Item>) -> Vec<DraftFee> {
    let channels: Vec<Channel> = {
        let mut c: Vec<Channel> = r.methods.iter().map(|m| m.channel).collect();
        c.sort();
        c.dedup();
        c
    };
    let mut per_channel: Vec<(Channel, DraftFee)> = Vec::new();
    let mut scratch = Vec::new();
    for m in &r.methods {
        for f in &m.fees {
            if let Some(d) = fee(f, m, &mut scratch, "fees") {
                if !per_channel.iter().any(|(c, x)| *c == m.channel && *x == d) {
                    per_channel.push((m.channel, d));
                }
            }
        }
    }
    // Review items once per distinct message (the same fee on 3 channels).
    for i in scratch {
        if !items.iter().any(|x| x.message == i.message) {
            items.push(i);
        }
    }
    let mut out: Vec<DraftFee> = Vec::new();
    for (c, d) in &per_channel {
        let everywhere = channels
            .iter()
            .all(|ch| per_channel.iter().any(|(c2, d2)| c2 == ch && d2 == d));
        let mut d = d.clone();
        if !everywhere {
            d.channel = Some(channel_key(*c).to_string());
        }
        if !out.contains(&d) {
            out.push(d);
        }
    }
    // Anchor the fee items at the first fee.
    for i in items
        .iter_mut()
        .filter(|i| i.anchor == "fees" && i.kind != "fee-foreign")
    {
        i.anchor = "fees.0".into();
    }
    out
}
