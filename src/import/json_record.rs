//! One record object (a `serde_json::Value`) → [`Record`], walked key by
//! key with its path, so that a wrong type says where it is
//! (`executionMethods[2].processingTime`) and the portal's loose spots
//! (`null` in lists, a missing `currencyName`, `""` for no currency) read as
//! what they mean.

use super::origin::clean_text;
use super::record::*;
use crate::t;
use serde_json::{Map, Value};

pub(super) type Got<T> = Result<T, crate::lang::Text>;

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
pub(super) fn record(v: &Value, origin: Origin) -> Got<Record> {
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
        case_deadlines: case_deadlines(&o)?,
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
        repealed: None,
    })
}

fn case_deadlines(o: &Obj) -> Got<Vec<CaseDeadline>> {
    let mut out = Vec::new();
    for c in o.objects("cases")? {
        let Some(day) = c.get("processingDay") else {
            continue;
        };
        let day = Obj::new(day, c.at("processingDay"))?;
        out.push(CaseDeadline {
            code: c.text("code")?,
            name: c.text("name")?,
            qty: day.number("qty")?.unwrap_or(0),
            unit: TimeUnit::from_code(&day.text("type")?),
        });
    }
    Ok(out)
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
    let unit = TimeUnit::from_code(&m.text("processingTimeUnit")?);
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
