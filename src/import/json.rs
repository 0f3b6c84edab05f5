//! National database records as JSON → [`Record`]s. The value is walked by
//! hand rather than through serde derive, so that a wrong type is reported
//! with its path in the record (`executionMethods[2].processingTime`) and
//! the record's number and code, and so that the portal's loose spots
//! (`null` inside lists, a missing `currencyName`, `""` for no currency)
//! read as what they mean.

use super::read::{clean_text, line_location, origin};
use super::record::*;
use crate::diag::Diagnostic;
use crate::t;
use serde_json::{Map, Value};
use std::path::Path;

/// Every record of a JSON file (one value, an array, or JSON Lines).
pub fn read_json(bytes: &[u8], file: &Path) -> Result<Vec<Record>, Vec<Diagnostic>> {
    let values = values(bytes, file)?;
    // Envelopes and arrays are opened first, so a record's number is its
    // place among the records, whatever wraps them.
    let mut found: Vec<(Value, Option<usize>)> = Vec::new();
    let mut problems = Vec::new();
    let single = values.len() == 1;
    for (i, (v, line)) in values.into_iter().enumerate() {
        let at = if single { None } else { Some(i) };
        match unwrap(v) {
            Ok(list) => found.extend(list.into_iter().map(|v| (v, line))),
            Err(why) => problems.push(record_problem(file, at, line, None, why)),
        }
    }
    let count = found.len();
    let mut records = Vec::with_capacity(count);
    for (i, (v, line)) in found.into_iter().enumerate() {
        let origin = origin(file, i, count, line);
        match record(&v, origin) {
            Ok(r) => records.push(r),
            Err(why) => {
                let code = v.get("code").and_then(Value::as_str).map(str::to_string);
                let at = (count > 1).then_some(i);
                problems.push(record_problem(file, at, line, code, why));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if records.is_empty() {
        return Err(vec![Diagnostic::error(
            "import-no-record",
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
    Diagnostic::error("import-json", file, message)
        .at(Some(line_location(bytes, line.max(1), col.max(1))))
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

fn record_problem(
    file: &Path,
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
    let d = Diagnostic::error(
        "import-record",
        file,
        crate::lang::Text::new(format!("{vi}: {}", why.vi), format!("{en}: {}", why.en)),
    );
    match line {
        Some(l) => d.at(Some(crate::diag::Location {
            line: l,
            column: 1,
            width: 1,
            line_text: String::new(),
        })),
        None => d,
    }
}

type Got<T> = Result<T, crate::lang::Text>;

/// A JSON object and where it is in the record, for messages.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, path: String) -> Got<Obj<'a>> {
        match v {
            Value::Object(map) => Ok(Obj { map, path }),
            other => Err(wrong(&path, "một đối tượng {…}", "an object {…}", other)),
        }
    }

    fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// A text; absent and `null` are empty.
    fn text(&self, key: &str) -> Got<String> {
        match self.get(key) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(clean_text(s)),
            Some(other) => Err(wrong(&self.at(key), "chữ", "text", other)),
        }
    }

    /// A whole number ≥ 0; absent and `null` are `None`.
    fn number(&self, key: &str) -> Got<Option<u64>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) => match n.as_u64() {
                Some(v) => Ok(Some(v)),
                None => Err(wrong(
                    &self.at(key),
                    "số nguyên không âm",
                    "a whole number",
                    &Value::Number(n.clone()),
                )),
            },
            Some(other) => Err(wrong(&self.at(key), "số", "a number", other)),
        }
    }

    fn count(&self, key: &str) -> Got<u32> {
        let n = self.number(key)?.unwrap_or(0);
        u32::try_from(n).map_err(|_| {
            t!(
                "\"{}\" quá lớn ({n})",
                "\"{}\" is too large ({n})",
                self.at(key)
            )
        })
    }

    fn millis(&self, key: &str) -> Got<Option<i64>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) => Ok(n.as_i64()),
            Some(other) => Err(wrong(
                &self.at(key),
                "số (mili giây)",
                "a number (milliseconds)",
                other,
            )),
        }
    }

    fn flag(&self, key: &str) -> Got<bool> {
        match self.get(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(wrong(&self.at(key), "true/false", "true/false", other)),
        }
    }

    /// The objects of a list; `null` items are skipped.
    fn objects(&self, key: &str) -> Got<Vec<Obj<'a>>> {
        let items = match self.get(key) {
            None => return Ok(Vec::new()),
            Some(Value::Array(items)) => items,
            Some(other) => {
                return Err(wrong(
                    &self.at(key),
                    "một danh sách […]",
                    "a list […]",
                    other,
                ))
            }
        };
        items
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_null())
            .map(|(i, v)| Obj::new(v, format!("{}[{i}]", self.at(key))))
            .collect()
    }

    /// `[{name, code}]` items with a name.
    fn named(&self, key: &str) -> Got<Vec<Named>> {
        let mut out = Vec::new();
        for o in self.objects(key)? {
            let name = o.text("name")?;
            let code = o.text("code")?;
            if !name.trim().is_empty() || !code.trim().is_empty() {
                out.push(Named { name, code });
            }
        }
        Ok(out)
    }

    fn names(&self, key: &str) -> Got<Vec<String>> {
        Ok(self
            .named(key)?
            .into_iter()
            .map(|n| n.name)
            .filter(|n| !n.trim().is_empty())
            .collect())
    }
}

fn wrong(path: &str, want_vi: &str, want_en: &str, got: &Value) -> crate::lang::Text {
    let shown = match got {
        Value::String(s) => format!("\"{}\"", s.chars().take(40).collect::<String>()),
        other => other.to_string().chars().take(40).collect(),
    };
    t!(
        "\"{path}\" phải là {want_vi}, nhưng là {shown}",
        "\"{path}\" must be {want_en}, but it is {shown}"
    )
}

/// One record object → [`Record`].
fn record(v: &Value, origin: Origin) -> Got<Record> {
    let o = Obj::new(v, String::new())?;
    let mut code = o.text("code")?.trim().to_string();
    if code.is_empty() {
        code = o.text("codeNotation")?.trim().to_string();
    }
    let name = o.text("name")?;
    if code.is_empty() || name.trim().is_empty() {
        let missing = match (code.is_empty(), name.trim().is_empty()) {
            (true, true) => "code, name",
            (true, false) => "code",
            _ => "name",
        };
        return Err(t!(
            "thiếu {missing}: không phải bản ghi chi tiết thủ tục",
            "{missing} missing: not a procedure detail record"
        ));
    }
    let mut categories = o.names("categoriesDetails")?;
    if categories.is_empty() {
        if let Some(c) = o.get("category") {
            let c = Obj::new(c, "category".into())?;
            categories.extend(Some(c.text("name")?).filter(|n| !n.trim().is_empty()));
        }
    }
    Ok(Record {
        origin,
        code,
        name,
        categories,
        levels: Levels {
            ward: o.flag("isWard")?,
            province: o.flag("isProvince")?,
            ministry: o.flag("isMinistry")?,
            other_agency: o.flag("isOtherAgency")?,
            vertical: o.flag("isVertical")?,
        },
        methods: o
            .objects("executionMethods")?
            .iter()
            .map(method)
            .collect::<Got<_>>()?,
        groups: o
            .objects("executionCases")?
            .iter()
            .map(group)
            .collect::<Got<_>>()?,
        steps: o
            .objects("executionSteps")?
            .iter()
            .map(|s| {
                Ok(Step {
                    name: s.text("name")?,
                    description: s.text("description")?,
                })
            })
            .collect::<Got<_>>()?,
        requirements: o.text("requirementsAndConditions")?,
        legal_basis: o.named("legalBasisesDetails")?,
        results: o.named("resultsDetails")?,
        subjects: o.named("subjectTypesDetails")?,
        departments: o.names("departmentsExecuting")?,
        unit_groups: o.names("unitGroupsExecuting")?,
        executing_agencies: o.text("executingAgencies")?,
        receiving_addresses: o.text("dossierReceivingAddresses")?,
        non_territorial: o.flag("isNonTerritorial")?,
        full_process: o.flag("isFullProcess")?,
        updated_at: o.millis("updatedAt")?.or(o.millis("createdAt")?),
        proposal: proposal(&o)?,
        state: o.text("state")?,
        kind: o.text("type")?,
    })
}

fn proposal(o: &Obj) -> Got<Option<Proposal>> {
    let Some(p) = o.get("procedureProposal") else {
        return Ok(None);
    };
    let p = Obj::new(p, "procedureProposal".into())?;
    let number = p.text("proposalNumber")?;
    Ok((!number.trim().is_empty()).then_some(Proposal {
        number,
        decision_date: p.millis("decisionDate")?,
    }))
}

fn method(m: &Obj) -> Got<Method> {
    let raw = m.text("submissionMethod")?;
    let channel = match raw.trim().to_ascii_uppercase().as_str() {
        "DIRECT" => Channel::Direct,
        "ONLINE" => Channel::Online,
        "POSTAL" => Channel::Postal,
        other => {
            return Err(t!(
                "\"{}\" không nhận \"{other}\" (chỉ DIRECT, ONLINE, POSTAL)",
                "\"{}\" does not take \"{other}\" (only DIRECT, ONLINE, POSTAL)",
                m.at("submissionMethod")
            ))
        }
    };
    let unit = match m.text("processingTimeUnit")?.trim() {
        "WORKING_DAY" => TimeUnit::WorkingDay,
        "DAY" => TimeUnit::Day,
        "HOUR" => TimeUnit::Hour,
        "MONTH" => TimeUnit::Month,
        "YEAR" => TimeUnit::Year,
        other => TimeUnit::Other(other.to_string()),
    };
    let fees = m
        .objects("fees")?
        .iter()
        .map(|f| {
            let kind = match f.text("type")?.trim() {
                "FEE" => FeeKind::Fee,
                "SERVICE_FEE" => FeeKind::ServiceFee,
                "PRICE_LEVEL" => FeeKind::PriceLevel,
                other => FeeKind::Other(other.to_string()),
            };
            let currency = f.text("currencyName")?;
            Ok(RecordFee {
                kind,
                value: f.number("value")?,
                currency: Some(currency).filter(|c| !c.trim().is_empty()),
                description: f.text("description")?,
            })
        })
        .collect::<Got<_>>()?;
    Ok(Method {
        channel,
        time: m.number("processingTime")?.unwrap_or(0),
        unit,
        description: m.text("description")?,
        fees,
    })
}

fn group(g: &Obj) -> Got<DocGroup> {
    let items = g
        .objects("profileComponents")?
        .iter()
        .map(|p| {
            let attachments = p
                .objects("attachments")?
                .iter()
                .map(|a| {
                    Ok(RecordAttachment {
                        file_name: a.text("fileName")?,
                        file_path: a.text("filePath")?,
                    })
                })
                .collect::<Got<Vec<_>>>()?;
            Ok(Component {
                name: p.text("name")?,
                originals: p.count("originalQty")?,
                copies: p.count("copyQty")?,
                required: p.flag("required")?,
                is_result: p.flag("isProcessingResult")?,
                attachments: attachments
                    .into_iter()
                    .filter(|a| !a.file_name.trim().is_empty())
                    .collect(),
            })
        })
        .collect::<Got<_>>()?;
    Ok(DocGroup {
        heading: g.text("name")?,
        items,
    })
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
