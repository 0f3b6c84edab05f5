//! National database records as JSON → [`Record`]s. The value is walked by
//! hand rather than through serde derive, so that a wrong type is reported
//! with its path in the record (`executionMethods[2].processingTime`) and
//! the record's number and code, and so that the portal's loose spots
//! (`null` inside lists, a missing `currencyName`, `""` for no currency)
//! read as what they mean.

use super::json_record::record;
use super::origin::{line_location, origin};
use super::record::*;
use crate::diag::Diagnostic;
use crate::diag::Rule;
use crate::t;
use rayon::prelude::*;
use serde_json::Value;
use std::path::Path;

/// Every record of a JSON file (one value, an array, or JSON Lines): read
/// by the quick typed path when it is sure of them, else walked.
pub fn read_json(bytes: &[u8], file: &Path) -> Result<Vec<Record>, Vec<Diagnostic>> {
    match super::json_fast::read(bytes, file) {
        Some(records) => Ok(records),
        None => walk_json(bytes, file),
    }
}

/// Every record of a JSON file, each value walked by hand: the reader of
/// record, and the one whose messages name a problem's path.
pub fn walk_json(bytes: &[u8], file: &Path) -> Result<Vec<Record>, Vec<Diagnostic>> {
    let values = values(bytes, file)?;
    // Envelopes and arrays are opened first, so a record's number is its
    // place among the records, whatever wraps them.
    let here = At { file, bytes };
    let mut found: Vec<(Value, Option<usize>)> = Vec::new();
    let mut problems = Vec::new();
    let single = values.len() == 1;
    for (i, (v, line)) in values.into_iter().enumerate() {
        let at = if single { None } else { Some(i) };
        match unwrap(v) {
            Ok(list) => found.extend(list.into_iter().map(|v| (v, line))),
            Err(why) => problems.push(record_problem(&here, at, line, None, why)),
        }
    }
    let count = found.len();
    let mut records = Vec::with_capacity(count);
    // Records are walked in parallel, kept in order.
    let walked: Vec<Result<Record, Box<Diagnostic>>> = found
        .into_par_iter()
        .enumerate()
        .map(|(i, (v, line))| {
            record(&v, origin(file, i, count, line)).map_err(|why| {
                let code = v.get("code").and_then(Value::as_str).map(str::to_string);
                Box::new(record_problem(
                    &here,
                    (count > 1).then_some(i),
                    line,
                    code,
                    why,
                ))
            })
        })
        .collect();
    for w in walked {
        match w {
            Ok(r) => records.push(r),
            Err(d) => problems.push(*d),
        }
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    if records.is_empty() {
        return Err(vec![Diagnostic::error(
            Rule::ImportNoRecord,
            file,
            t!(
                "tệp không có bản ghi thủ tục nào",
                "the file holds no procedure record"
            ),
        )]);
    }
    Ok(records)
}

/// The top-level JSON values with the line each starts on: one for a JSON
/// file, one per line for JSON Lines.
fn values(bytes: &[u8], file: &Path) -> Result<Vec<(Value, Option<usize>)>, Vec<Diagnostic>> {
    let mut stream = serde_json::Deserializer::from_slice(bytes).into_iter::<Value>();
    let mut out = Vec::new();
    // Lines counted as the stream goes: counting from the top for each
    // value made a 5,000-line file quadratic.
    let (mut counted, mut line) = (0usize, 1usize);
    loop {
        let start = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Ok(v)) => {
                let skipped = bytes[start..]
                    .iter()
                    .take_while(|b| b.is_ascii_whitespace())
                    .count();
                let upto = start + skipped;
                line += bytes[counted..upto].iter().filter(|&&b| b == b'\n').count();
                counted = upto;
                out.push((v, Some(line)));
            }
            Some(Err(e)) => return Err(vec![syntax_problem(bytes, file, &e, out.len())]),
        }
    }
    if out.len() == 1 {
        out[0].1 = None;
    }
    Ok(out)
}

fn syntax_problem(bytes: &[u8], file: &Path, e: &serde_json::Error, done: usize) -> Diagnostic {
    let (line, col) = (e.line(), e.column());
    let nth = done + 1;
    let (message, hint) = if e.is_eof() {
        (
            t!(
                "tệp JSON bị cắt cụt: hết tệp khi bản ghi thứ {nth} chưa đóng (dòng {line}, cột {col})",
                "the JSON file is cut short: it ends before record {nth} is closed (line {line}, column {col})"
            ),
            t!(
                "tải lại bản ghi từ Cổng Dịch vụ công quốc gia; tệp tải dở hoặc chép thiếu",
                "download the record again from the national portal; the file was saved half-way"
            ),
        )
    } else {
        let what = e.to_string();
        (
            t!(
                "tệp JSON hỏng ở dòng {line}, cột {col} (bản ghi thứ {nth}): {what}",
                "the JSON file is broken at line {line}, column {col} (record {nth}): {what}"
            ),
            t!(
                "đừng sửa tệp bản ghi bằng tay; tải lại từ Cổng Dịch vụ công quốc gia",
                "do not edit record files by hand; download it again from the national portal"
            ),
        )
    };
    Diagnostic::error(Rule::ImportJson, file, message)
        .at(line_location(bytes, line.max(1), col.max(1)))
        .hint(hint)
}

/// The records inside one top-level value: the envelope's `data`, the
/// wrapper's `detail`, an array's items, or the value itself.
fn unwrap(v: Value) -> Result<Vec<Value>, crate::lang::Text> {
    match v {
        Value::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                out.extend(unwrap_one(item)?);
            }
            Ok(out)
        }
        other => unwrap_one(other),
    }
}

fn unwrap_one(v: Value) -> Result<Vec<Value>, crate::lang::Text> {
    let Value::Object(mut map) = v else {
        return Err(t!(
            "không phải một bản ghi thủ tục (cần một đối tượng JSON {{…}})",
            "not a procedure record (a JSON object {{…}} is needed)"
        ));
    };
    let is_envelope = map.contains_key("data")
        && (map.contains_key("message") || map.get("code").is_some_and(Value::is_string))
        && !map.contains_key("name");
    if is_envelope {
        let status = map
            .get("code")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let data = map.remove("data").unwrap_or(Value::Null);
        return match data {
            Value::Object(_) => Ok(vec![data]),
            Value::Array(items) => Ok(items),
            _ => {
                let msg = map.get("message").and_then(Value::as_str).unwrap_or("");
                Err(t!(
                    "Cổng Dịch vụ công trả lời lỗi, không có dữ liệu (code \"{status}\", message \"{msg}\")",
                    "the portal answered with an error and no data (code \"{status}\", message \"{msg}\")"
                ))
            }
        };
    }
    if let Some(Value::Object(mut detail)) = map.remove("detail") {
        // The wrapper's code and name stand in for a detail without them.
        for key in ["code", "name"] {
            let empty = detail
                .get(key)
                .and_then(Value::as_str)
                .is_none_or(str::is_empty);
            if let (true, Some(v)) = (empty, map.get(key)) {
                detail.insert(key.to_string(), v.clone());
            }
        }
        return Ok(vec![Value::Object(detail)]);
    }
    Ok(vec![Value::Object(map)])
}

/// Where a record is: its file, and the start of its line (JSON Lines).
struct At<'a> {
    file: &'a Path,
    bytes: &'a [u8],
}

fn record_problem(
    at: &At,
    index: Option<usize>,
    line: Option<usize>,
    code: Option<String>,
    why: crate::lang::Text,
) -> Diagnostic {
    let mut vi = String::new();
    let mut en = String::new();
    if let Some(i) = index {
        vi.push_str(&format!("bản ghi thứ {}", i + 1));
        en.push_str(&format!("record {}", i + 1));
    } else {
        vi.push_str("bản ghi");
        en.push_str("the record");
    }
    if let Some(c) = code.filter(|c| !c.trim().is_empty()) {
        vi.push_str(&format!(" (mã {c})"));
        en.push_str(&format!(" (code {c})"));
    }
    Diagnostic::error(
        Rule::ImportRecord,
        at.file,
        crate::lang::Text::new(format!("{vi}: {}", why.vi), format!("{en}: {}", why.en)),
    )
    .at(line.and_then(|l| line_location(at.bytes, l, 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Result<Vec<Record>, Vec<Diagnostic>> {
        read_json(s.as_bytes(), Path::new("in.json"))
    }

    const BARE: &str =
        r#"{"code":"1.001193","name":"Đăng ký khai sinh","updatedAt":1775659978538}"#;

    #[test]
    fn every_shape_gives_the_same_record() {
        let env = format!(r#"{{"code":"OK","message":"OK","data":{BARE}}}"#);
        let wrap = format!(r#"{{"id":"x","code":"1.001193","name":"n","detail":{BARE}}}"#);
        let arr = format!("[{BARE}]");
        for s in [BARE.to_string(), env, wrap, arr] {
            let r = read(&s).expect("read");
            assert_eq!(r.len(), 1, "{s}");
            assert_eq!(r[0].code, "1.001193");
            assert_eq!(r[0].name, "Đăng ký khai sinh");
        }
    }

    #[test]
    fn json_lines_name_their_line() {
        let s = format!("{BARE}\n\n{BARE}\n");
        let r = read(&s).expect("read");
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].origin.line, Some(3));
        let bad = format!("{BARE}\n{{\"code\":\"2\",\"name\":\"x\",\"isWard\":\"yes\"}}\n");
        let e = read(&bad).unwrap_err();
        assert_eq!(e[0].location.as_ref().map(|l| l.line), Some(2));
        assert!(
            e[0].message.vi.contains("bản ghi thứ 2 (mã 2)"),
            "{:?}",
            e[0].message
        );
        assert!(e[0].message.vi.contains("isWard"), "{:?}", e[0].message);
    }

    #[test]
    fn truncated_json_and_missing_keys_are_named() {
        let e = read(&BARE[..40]).unwrap_err();
        assert!(e[0].message.vi.contains("cắt cụt"), "{:?}", e[0].message);
        let e = read(r#"[{"name":"x"},{"code":"1.2","name":""}]"#).unwrap_err();
        assert_eq!(e.len(), 2);
        assert!(e[0].message.vi.contains("bản ghi thứ 1"));
        assert!(e[1].message.vi.contains("(mã 1.2)"));
        let e = read(r#"{"code":"OK","message":"Không tìm thấy","data":null}"#).unwrap_err();
        assert!(e[0].message.vi.contains("Không tìm thấy"));
    }

    /// Every fixture of the import and review tests, read both ways: the
    /// quick path, when it gives records, gives the walk's.
    #[test]
    fn the_quick_path_reads_what_the_walk_reads() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut quick = 0;
        for entry in walkdir::WalkDir::new(&root) {
            let path = entry.expect("walk").into_path();
            let json = path
                .extension()
                .is_some_and(|e| e == "json" || e == "jsonl");
            if !json {
                continue;
            }
            let bytes = std::fs::read(&path).expect("read");
            let walked = walk_json(&bytes, &path);
            if let Some(records) = super::super::json_fast::read(&bytes, &path) {
                quick += 1;
                assert_eq!(Ok(records), walked, "{}", path.display());
            }
        }
        assert!(quick >= 10, "{quick} files read the quick way");
        // Shapes the quick path leaves to the walk, and those it takes.
        for s in [
            r#"{"code":"1","name":"n","isWard":"yes"}"#,
            r#"{"code":"1","name":null,"data":{"code":"2","name":"m"},"message":"x"}"#,
            r#"{"code":"1","code":"2","name":"n"}"#,
            r#"{"code":"OK","message":"x","data":null}"#,
            r#"{"code":"1","name":"n","updatedAt":1.5}"#,
        ] {
            assert!(
                super::super::json_fast::read(s.as_bytes(), Path::new("x")).is_none(),
                "{s}"
            );
        }
        let wrap = r#"{"id":"x","code":"1.2","name":"Tên","detail":{"code":"","isWard":true}}"#;
        let r = super::super::json_fast::read(wrap.as_bytes(), Path::new("x")).expect("quick");
        assert_eq!(Ok(r), walk_json(wrap.as_bytes(), Path::new("x")));
    }

    #[test]
    fn wrong_types_name_their_path() {
        let s = r#"{"code":"1","name":"n","executionMethods":[{"submissionMethod":"DIRECT","processingTime":"3 ngày"}]}"#;
        let e = read(s).unwrap_err();
        assert!(
            e[0].message
                .vi
                .contains("executionMethods[0].processingTime"),
            "{:?}",
            e[0].message
        );
    }
}
