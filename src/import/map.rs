//! One record → a [`Draft`] and the review items it raises. The rules that
//! real records need live in `map_time` (deadlines), `map_fees` and
//! `map_docs`; this file holds the rest: title, level, agency, audience,
//! result, channels, steps, conditions, legal basis, provenance.

use super::draft::{Draft, DraftChannels, DraftLegal, DraftSource};
use super::record::{Channel, Record};
use super::review::Item;
use super::text::{markdown_item, marker, one_line, unmarked};
use super::{map_docs, map_fees, map_time};
use crate::t;
use crate::text::slugify;
use std::path::PathBuf;

/// What a record becomes.
pub struct Mapped {
    pub draft: Draft,
    /// The field's display name (from the record, the table or `--field`).
    pub field_name: Option<String>,
    pub items: Vec<Item>,
    pub forms: Vec<(PathBuf, String)>,
}

pub fn record(r: &Record, today: jiff::civil::Date) -> Mapped {
    let mut items = Vec::new();
    let dir = r
        .origin
        .file
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default();
    let docs = map_docs::documents(r, &dir, &mut items);
    if !r.state_known() {
        let state = r.state.trim();
        items.push(Item::new("state", "title", t!(
            "bản ghi có trạng thái (state) \"{state}\" chưa từng gặp: các bản ghi còn hiệu lực ghi ACTIVE hoặc UPDATED; xem thủ tục còn hiệu lực không",
            "the record's state \"{state}\" has not been seen before: records in force say ACTIVE or UPDATED; check the procedure is still in force"
        )));
    }
    let draft = Draft {
        code: Some(r.code.clone()),
        title: title(&r.name),
        level: Some(level(r, &mut items)),
        audience: audience(r),
        agency: agency(r, &mut items),
        result: result(r, &mut items),
        deadline: map_time::deadline(r, &mut items),
        fees: map_fees::fees(r, &mut items),
        documents: docs.documents,
        channels: channels(r),
        steps: steps(r, &mut items),
        conditions: lines(&r.requirements),
        legal_basis: legal_basis(r, &mut items),
        updated: today.to_string(),
        non_territorial: r.non_territorial.then(|| "true".to_string()),
        source: Some(DraftSource {
            from: "csdl-tthc".into(),
            code: Some(r.code.clone()),
            snapshot: r.snapshot_date().map(|d| d.to_string()),
            file: r
                .origin
                .file
                .file_name()
                .map(|f| f.to_string_lossy().into_owned()),
            imported: Some(today.to_string()),
            fingerprint: None,
        }),
        body: body(&docs.notes),
        ..Draft::default()
    };
    Mapped {
        draft,
        field_name: r.categories.first().map(|c| one_line(c)),
        items,
        forms: docs.forms,
    }
}

/// The record's name as a title: cleaned, without a stray final period.
pub fn title(name: &str) -> String {
    let t = crate::scaffold::clean_title(name);
    match t.strip_suffix(['.', ':', ';']) {
        Some(rest) if !rest.ends_with('.') => rest.trim_end().to_string(),
        _ => t,
    }
}

fn level(r: &Record, items: &mut Vec<Item>) -> String {
    if r.levels.ward {
        return "xa".into();
    }
    items.push(Item::new("level", "title", t!(
        "bản ghi không ghi thủ tục thực hiện ở cấp xã (isWard); kiểm tra phường có thực hiện thủ tục này không",
        "the record does not say the commune carries this out (isWard); check the ward does"
    )));
    if r.levels.province {
        "tinh".into()
    } else {
        "xa".into()
    }
}

fn audience(r: &Record) -> Option<String> {
    let mut names: Vec<String> = r
        .subjects
        .iter()
        .map(|s| one_line(&s.name))
        .filter(|s| !s.is_empty())
        .collect();
    // The portal's list order changes between crawls.
    names.sort();
    names.dedup();
    (!names.is_empty()).then(|| names.join("; "))
}

fn is_commune(name: &str) -> bool {
    let f = slugify(name);
    let has = |w: &str| super::text::has_words(&f, w);
    has("cap-xa")
        || has("xa-phuong")
        || has("nhan-dan-xa")
        || has("ubnd-xa")
        || has("ubnd-cap-xa")
        || f.ends_with("-xa")
}

/// The deciding agency: left out (the office itself) when the commune
/// decides; the record's bodies, verbatim, when a provincial or other body
/// decides and the ward only receives (1.010803: Sở Nội vụ).
fn agency(r: &Record, items: &mut Vec<Item>) -> Option<String> {
    let deps: Vec<String> = r
        .departments
        .iter()
        .map(|d| one_line(d).trim_end_matches('.').to_string())
        .collect();
    let groups_commune = r.unit_groups.iter().any(|g| is_commune(g));
    let provincial = |n: &str| {
        let f = slugify(n);
        ["so-", "bo-", "thu-tuong", "tinh", "trung-uong"]
            .iter()
            .any(|w| f.starts_with(w) || f.contains(&format!("-{w}")))
    };
    if deps.is_empty() || deps.iter().all(|d| is_commune(d)) {
        return None;
    }
    if groups_commune && !deps.iter().any(|d| provincial(d)) {
        return None;
    }
    let mut deps = deps;
    deps.sort();
    deps.dedup();
    let names = deps.join("; ");
    items.push(Item::new("agency", "agency", t!(
        "bản ghi ghi cơ quan thực hiện là \"{names}\": phường chỉ tiếp nhận? xác nhận cơ quan quyết định",
        "the record names \"{names}\" as the deciding body: does the ward only receive? confirm who decides"
    )));
    Some(names)
}

fn result(r: &Record, items: &mut Vec<Item>) -> String {
    let mut names: Vec<String> = Vec::new();
    for n in r
        .results
        .iter()
        .map(|x| unmarked(&x.name))
        .filter(|x| !x.is_empty())
    {
        if !names.contains(&n) {
            names.push(n);
        }
    }
    // Sorted like the audience: the portal returns lists in another order
    // on each crawl, and --update must not see a change in that.
    names.sort();
    if names.is_empty() {
        items.push(Item::new(
            "result-missing",
            "result",
            t!(
                "bản ghi không ghi kết quả thực hiện; ghi kết quả người dân nhận được",
                "the record names no result; write what the citizen receives"
            ),
        ));
        return "(CẦN SỬA) kết quả thực hiện".into();
    }
    names.join("; ")
}

fn channels(r: &Record) -> DraftChannels {
    let has = |c: Channel| r.methods_of(c).next().is_some();
    if r.methods.is_empty() {
        return DraftChannels::default();
    }
    DraftChannels {
        in_person: has(Channel::Direct),
        postal: has(Channel::Postal),
        online: has(Channel::Online).then(|| {
            let url = format!(
                "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc.html?ma_thu_tuc={}",
                r.code
            );
            (
                url,
                Some(if r.full_process { "full" } else { "partial" }.to_string()),
            )
        }),
    }
}

/// Lines of a text block as list items: each line without its marker;
/// blank lines dropped.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(unmarked)
        .filter(|l| !l.is_empty())
        .collect()
}

/// The steps: one per `executionSteps` item when there are several; a
/// single block is split at its top-level markers ("-" or "+"), other
/// lines (sub-points "(i)", "+", continuations) staying in their step.
fn steps(r: &Record, items: &mut Vec<Item>) -> Vec<String> {
    let parts: Vec<String> = if r.steps.len() > 1 {
        r.steps
            .iter()
            .map(|s| {
                let (n, d) = (unmarked(&s.name), unmarked(&s.description));
                match (n.is_empty(), d.is_empty()) {
                    (false, false) => format!("{n}: {d}"),
                    (true, _) => d,
                    (false, true) => n,
                }
            })
            .filter(|s| !s.is_empty())
            .collect()
    } else {
        let block = r
            .steps
            .first()
            .map(|s| s.description.as_str())
            .unwrap_or("");
        split_steps(block)
    };
    if parts.is_empty() {
        items.push(Item::new(
            "steps-missing",
            "steps",
            t!(
                "bản ghi không có trình tự thực hiện; ghi các bước",
                "the record has no steps; write them"
            ),
        ));
        return vec!["(CẦN SỬA) ghi các bước thực hiện".into()];
    }
    parts
}

fn split_steps(block: &str) -> Vec<String> {
    let top = block.lines().find_map(marker);
    let mut out: Vec<String> = Vec::new();
    for line in block.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let starts = top.is_none() || marker(line) == top;
        match out.last_mut() {
            Some(last) if !starts => {
                last.push(' ');
                last.push_str(&one_line(line));
            }
            _ => out.push(unmarked(line)),
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// `123/2015/NĐ-CP`-like numbers in a text.
fn legal_number(s: &str) -> Option<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .map(|w| w.trim_end_matches(['.', ':']))
        .find(|w| {
            let parts: Vec<&str> = w.split('/').collect();
            parts.len() >= 2
                && parts[0].chars().next().is_some_and(|c| c.is_ascii_digit())
                && parts
                    .last()
                    .is_some_and(|p| p.chars().any(char::is_alphabetic))
        })
        .map(str::to_string)
}

fn legal_rank(number: &str) -> (u8, String, String) {
    let f = slugify(number);
    let rank = if f.contains("qh") {
        0
    } else if f.contains("nd-cp") || f.contains("nq-cp") {
        1
    } else if f.contains("qd-ttg") {
        2
    } else if f.contains("-tt-") || f.starts_with("tt") || f.contains("tt-") {
        3
    } else {
        4
    };
    let year = number.split('/').nth(1).unwrap_or("").to_string();
    (rank, year, f)
}

/// Legal texts, sorted (the record's order changes between crawls, and a
/// stable order keeps `--update` diffs to real changes).
fn legal_basis(r: &Record, items: &mut Vec<Item>) -> Vec<DraftLegal> {
    let mut out: Vec<DraftLegal> = Vec::new();
    for l in &r.legal_basis {
        let (code, name) = (one_line(&l.code), one_line(&l.name));
        let number = legal_number(&code)
            .or_else(|| legal_number(&name))
            .unwrap_or_else(|| {
                if code.is_empty() {
                    name.clone()
                } else {
                    code.clone()
                }
            });
        let title = (!name.is_empty()
            && name != number
            && slugify(&name) != format!("luat-{}", slugify(&number)))
        .then_some(name);
        if number.is_empty() || out.iter().any(|x| slugify(&x.number) == slugify(&number)) {
            continue;
        }
        out.push(DraftLegal {
            number,
            title,
            date: None,
        });
    }
    out.sort_by_cached_key(|l| legal_rank(&l.number));
    if out.is_empty() {
        items.push(Item::new(
            "legal-missing",
            "legal_basis",
            t!(
                "bản ghi không có căn cứ pháp lý; ghi các văn bản",
                "the record has no legal basis; write the texts"
            ),
        ));
        out.push(DraftLegal {
            number: "(CẦN SỬA) số hiệu văn bản".into(),
            title: None,
            date: None,
        });
    }
    out
}

/// The notes of the dossier (items under "Lưu ý" and the like) as the
/// body: a heading per group, one list item per note, words as written.
pub fn body(notes: &[(String, Vec<String>)]) -> String {
    if notes.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n## Lưu ý về hồ sơ\n");
    let alone = notes.len() == 1 && notes[0].0 == "Lưu ý";
    for (heading, list) in notes {
        if !alone {
            let h = if heading.is_empty() {
                "Thành phần hồ sơ"
            } else {
                heading
            };
            out.push_str(&format!("\n**{}:**\n", markdown_item(h)));
        }
        out.push('\n');
        for n in list {
            out.push_str(&format!("- {}\n", markdown_item(n)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_split_at_their_top_marker() {
        let s = split_steps("- Nộp hồ sơ.\n(i) Trường hợp đủ;\n+ chi tiết\n- Trả kết quả.");
        assert_eq!(
            s,
            vec!["Nộp hồ sơ. (i) Trường hợp đủ; + chi tiết", "Trả kết quả."]
        );
        assert_eq!(
            split_steps("Bước một\nBước hai"),
            vec!["Bước một", "Bước hai"]
        );
    }

    #[test]
    fn legal_numbers_are_found() {
        assert_eq!(
            legal_number("Thông tư số 03/2023/TT-BTP").as_deref(),
            Some("03/2023/TT-BTP")
        );
        assert_eq!(
            legal_number("Luật 60/2014/QH13").as_deref(),
            Some("60/2014/QH13")
        );
        assert_eq!(
            legal_number("66.7/2025/NQ-CP").as_deref(),
            Some("66.7/2025/NQ-CP")
        );
        assert_eq!(legal_number("Luật Hộ tịch"), None);
    }

    #[test]
    fn commune_bodies_are_recognised() {
        assert!(is_commune("Ủy ban nhân dân cấp xã"));
        assert!(is_commune("Ủy ban Nhân dân xã, phường, thị trấn."));
        assert!(is_commune("Chủ tịch Ủy ban nhân dân xã"));
        assert!(!is_commune("Sở Nội vụ"));
    }
}
