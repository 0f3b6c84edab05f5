//! A procedure record of the national database (Cơ sở dữ liệu quốc gia về
//! thủ tục hành chính), as [`super::read`] gives it: only the keys that
//! matter for a catalogue, every text already NFC with hidden characters
//! (zero-width spaces, direction marks) removed and no-break spaces made
//! plain, but otherwise as the record wrote it (line breaks, list markers,
//! stray spaces kept: the mapping decides what they mean).
//!
//! Lists keep the record's order, which is NOT stable between two crawls of
//! the same day (legal basis, subjects): never compare them by position.
//!
//! These types are shared by `import`, `export` and `review`; they carry no
//! behaviour beyond small accessors.

use std::path::PathBuf;

/// Where a record or a table row came from, for messages and `source:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The input file as the user named it.
    pub file: PathBuf,
    /// Which record of the file: `None` for a file of one record.
    pub index: Option<usize>,
    /// 1-based line where the record starts (JSON Lines, tables), if known.
    pub line: Option<usize>,
}

/// How a dossier is submitted (`submissionMethod`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    /// DIRECT: at the one-stop office.
    Direct,
    Online,
    Postal,
}

/// `processingTimeUnit`. `Other` (and any unknown word) means the record
/// states no unit: the number alone must never be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeUnit {
    WorkingDay,
    Day,
    Hour,
    Month,
    Year,
    /// OTHER, empty, or a word this reader does not know (kept).
    Other(String),
}

impl TimeUnit {
    /// The unit as a record names it (`processingTimeUnit`, a day's `type`).
    pub fn from_code(s: &str) -> TimeUnit {
        match s.trim() {
            "WORKING_DAY" => TimeUnit::WorkingDay,
            "DAY" => TimeUnit::Day,
            "HOUR" => TimeUnit::Hour,
            "MONTH" => TimeUnit::Month,
            "YEAR" => TimeUnit::Year,
            other => TimeUnit::Other(other.to_string()),
        }
    }
}

/// `fees[].type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeeKind {
    /// FEE: lệ phí.
    Fee,
    /// SERVICE_FEE: phí.
    ServiceFee,
    /// PRICE_LEVEL: giá.
    PriceLevel,
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFee {
    pub kind: FeeKind,
    /// `value`; `None` when the record has `null`.
    pub value: Option<u64>,
    /// `currencyName`, often missing (then the amount is in đồng only by
    /// assumption, which [`RecordFee::is_vnd`] makes).
    pub currency: Option<String>,
    pub description: String,
}

impl RecordFee {
    /// Whether the amount is in đồng: no currency named, or a Vietnamese one.
    pub fn is_vnd(&self) -> bool {
        match &self.currency {
            None => true,
            Some(c) => {
                let f = crate::text::slugify(c);
                f.is_empty() || f.contains("dong") || f == "vnd" || f.contains("viet-nam")
            }
        }
    }
}

/// One entry of `executionMethods`: a channel with its own deadline and fees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Method {
    pub channel: Channel,
    /// `processingTime`; 0 often means "not stated".
    pub time: u64,
    pub unit: TimeUnit,
    pub description: String,
    pub fees: Vec<RecordFee>,
}

/// A file attached to a dossier item (the file itself is not in the record).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordAttachment {
    pub file_name: String,
    pub file_path: String,
}

/// One item of `executionCases[].profileComponents`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub name: String,
    pub originals: u32,
    pub copies: u32,
    /// False everywhere in real records: never decides anything.
    pub required: bool,
    pub is_result: bool,
    pub attachments: Vec<RecordAttachment>,
}

/// One entry of `executionCases`: a heading (`* Giấy tờ phải nộp:`, a case
/// such as `(1.7) Đối với công trình nhà ở riêng lẻ:`, or empty) and its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocGroup {
    pub heading: String,
    pub items: Vec<Component>,
}

/// `{name, code}` items: legal texts, results, subjects, categories.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub name: String,
    pub description: String,
}

/// `isWard`, `isProvince`, …: the levels that carry out the procedure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Levels {
    pub ward: bool,
    pub province: bool,
    pub ministry: bool,
    pub other_agency: bool,
    pub vertical: bool,
}

/// The decision that published the record (`procedureProposal`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub number: String,
    /// Epoch milliseconds.
    pub decision_date: Option<i64>,
}

/// A variant of the procedure (`cases[]`, codes like 1.001193.01) and the
/// deadline it states, which may contradict the methods': a hint for a
/// person, never used as the deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseDeadline {
    pub code: String,
    pub name: String,
    pub qty: u64,
    pub unit: TimeUnit,
}

/// A procedure no longer in force upstream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeal {
    /// From when, when the source says it ("bãi bỏ từ ngày 01/03/2026").
    pub date: Option<jiff::civil::Date>,
    /// What repealed it, as the source names it (a decree, a decision).
    pub by: Option<String>,
}

/// The `state` values of the national database's records, all of them in
/// force: every one of the 289 detail records and 5,670 list items studied
/// (crawls of July 2026) is `ACTIVE` or `UPDATED`. The public API gives no
/// repeal marker: a repealed procedure is left out of its list (2.001009,
/// repealed, is not among the 5,670). Another value is not guessed at.
pub const STATES_IN_FORCE: [&str; 2] = ["ACTIVE", "UPDATED"];

/// One national detail record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub origin: Origin,
    /// `code`, or `codeNotation` when `code` is empty.
    pub code: String,
    pub name: String,
    /// `categoriesDetails[].name` (else `category.name`): the field.
    pub categories: Vec<String>,
    pub levels: Levels,
    pub methods: Vec<Method>,
    /// `cases[].processingDay`.
    pub case_deadlines: Vec<CaseDeadline>,
    pub groups: Vec<DocGroup>,
    pub steps: Vec<Step>,
    pub requirements: String,
    pub legal_basis: Vec<Named>,
    pub results: Vec<Named>,
    pub subjects: Vec<Named>,
    /// `departmentsExecuting[].name`.
    pub departments: Vec<String>,
    /// `unitGroupsExecuting[].name` (`null` entries dropped).
    pub unit_groups: Vec<String>,
    /// `executingAgencies`: often the departments joined by ", ".
    pub executing_agencies: String,
    pub receiving_addresses: String,
    pub non_territorial: bool,
    pub full_process: bool,
    /// `updatedAt` (else `createdAt`), epoch milliseconds.
    pub updated_at: Option<i64>,
    pub proposal: Option<Proposal>,
    /// `state` (UPDATED, …) and `type` (STANDARD, SPECIFIC, …), as written.
    pub state: String,
    pub kind: String,
    /// Repealed, as a provincial repeal table given with it says (joined
    /// by code): a detail record has no key for it (see
    /// [`STATES_IN_FORCE`]), so the reader leaves this `None`.
    pub repealed: Option<Repeal>,
}

impl Record {
    /// Methods of one channel, in record order.
    pub fn methods_of(&self, channel: Channel) -> impl Iterator<Item = &Method> {
        self.methods.iter().filter(move |m| m.channel == channel)
    }

    /// Whether `state` is one known to be in force (or not given).
    pub fn state_known(&self) -> bool {
        let s = self.state.trim();
        s.is_empty() || STATES_IN_FORCE.contains(&s)
    }

    /// The snapshot date: `updatedAt` as a date in Vietnam (UTC+7).
    pub fn snapshot_date(&self) -> Option<jiff::civil::Date> {
        self.updated_at.and_then(vietnam_date)
    }
}

/// Epoch milliseconds → the calendar date in Vietnam (UTC+7, no DST). The
/// portal stores midnight in Vietnam as 17:00 UTC of the day before.
pub fn vietnam_date(ms: i64) -> Option<jiff::civil::Date> {
    let ts = jiff::Timestamp::from_millisecond(ms).ok()?;
    let offset = jiff::tz::Offset::constant(7);
    Some(ts.to_zoned(jiff::tz::TimeZone::fixed(offset)).date())
}

/// A row of a provincial catalogue table (CSV or XLSX), cells as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableRow {
    /// `origin.line` is the row number as a spreadsheet shows it (1-based).
    pub origin: Option<Origin>,
    /// The sheet's name (XLSX), for messages.
    pub sheet: Option<String>,
    /// From a "Lĩnh vực" column or the last heading row above it.
    pub field: Option<String>,
    pub code: Option<String>,
    pub name: String,
    /// "Thời hạn giải quyết" (or its "Theo quy định" part).
    pub deadline: Option<String>,
    /// The "Sau cắt giảm" part of a split deadline column.
    pub deadline_reduced: Option<String>,
    pub place: Option<String>,
    pub fees: Option<String>,
    pub legal_basis: Option<String>,
    pub agency: Option<String>,
    /// "Cung cấp DVCTT" / "Mức độ": toàn trình / một phần.
    pub online: Option<String>,
    /// A row of a repeal table (a "văn bản bãi bỏ" column, or rows under a
    /// heading "… bị bãi bỏ"): the procedure is no longer in force.
    pub repealed: Option<Repeal>,
}

/// What one input file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Records(Vec<Record>),
    Table(Vec<TableRow>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_vietnam_time() {
        // 2025-10-30T17:00:00Z is midnight of 31/10 in Vietnam.
        let d = vietnam_date(1761843600000).expect("date");
        assert_eq!(d.to_string(), "2025-10-31");
        let d = vietnam_date(1776761890007).expect("date");
        assert_eq!(d.to_string(), "2026-04-21");
    }

    #[test]
    fn a_fee_without_currency_is_in_dong() {
        let mut f = RecordFee {
            kind: FeeKind::Fee,
            value: Some(10),
            currency: None,
            description: String::new(),
        };
        assert!(f.is_vnd());
        f.currency = Some("Việt Nam Đồng".into());
        assert!(f.is_vnd());
        f.currency = Some("USD".into());
        assert!(!f.is_vnd());
    }
}
