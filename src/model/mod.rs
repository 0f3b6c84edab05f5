//! Stage 2: the typed, validated catalogue. Every value here has passed its
//! rule: a deadline is one of three measures, an amount is whole đồng, a date
//! is a real date, a form file exists inside `content/`. Later stages (render,
//! output) read only these types, never the raw front matter.

mod calendar;
mod catalogue;
mod checks;
mod notice;
mod procedure;
mod site;
mod source;
pub mod synonyms;
mod value;

pub use checks::{code_key, code_use, cross_checks, duplicate_codes, CodeUse};
pub use notice::validate_notice;
pub use procedure::validate_procedure;
pub use site::{theme_dir, validate_field, validate_site, ThemeProblem, DEFAULT_THEME};
pub use source::parse_fingerprint;
pub use synonyms::Synonym;
pub use value::amount_suggestion;

pub use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The catalogue, made by [`Site::new`] (in `catalogue.rs`) and not
/// changed after: its field index stays true.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    /// Fields sorted by `order`, then name.
    pub fields: Vec<Field>,
    /// Procedures sorted by field order, then title.
    pub procedures: Vec<std::sync::Arc<Procedure>>,
    /// Notices, newest first.
    pub notices: Vec<Notice>,
    /// Slug → position in `fields` ([`Site::field`]).
    field_index: std::collections::HashMap<String, usize>,
}

#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    /// Absolute http(s) URL, always ending in `/`.
    pub base_url: String,
    pub language: crate::Lang,
    /// A folder name under `themes/` (a slug: never a path), checked by
    /// [`theme_dir`].
    pub theme: String,
    pub office: Office,
    pub online_portal: Option<String>,
    pub holidays: Vec<Date>,
    /// Make-up working days (Saturdays worked for a bridge holiday).
    pub workdays: Vec<Date>,
    /// The touch-screen version under `kiosk/`; `None` when `kiosk: false`.
    pub kiosk: Option<Kiosk>,
    /// The site's own search synonyms (`synonyms:`), added to the built-in
    /// lexicon (`crate::search::lexicon`).
    pub synonyms: Vec<Synonym>,
}

/// `kiosk:` in site.yaml: the waiting-room touch screen (on by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kiosk {
    /// Seconds without a touch before "are you still there?".
    pub idle_seconds: u32,
    /// Whether the office has a printer for the handout button.
    pub print: bool,
}

impl Kiosk {
    pub const DEFAULT_IDLE_SECONDS: u32 = 90;
    /// Shorter, and a person still reading a procedure is interrupted.
    pub const MIN_IDLE_SECONDS: u32 = 30;
    /// Longer, and the next person finds the last one's screen.
    pub const MAX_IDLE_SECONDS: u32 = 600;
}

impl Default for Kiosk {
    fn default() -> Kiosk {
        Kiosk {
            idle_seconds: Kiosk::DEFAULT_IDLE_SECONDS,
            print: true,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Office {
    pub name: String,
    pub unit: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub hours: Vec<Hours>,
    pub staff: Vec<Staff>,
    pub feedback: Feedback,
}

#[derive(Debug, Clone)]
pub struct Hours {
    pub days: String,
    pub time: String,
}

#[derive(Debug, Clone)]
pub struct Staff {
    pub name: String,
    pub title: Option<String>,
    pub phone: Option<String>,
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Feedback {
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub hotline: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub slug: String,
    pub name: String,
    pub order: Option<i64>,
    /// Markdown description (the body of `_index.md`).
    pub description: String,
    pub source: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    Xa,
    Huyen,
    Tinh,
}

impl Level {
    /// Every level, in the order `check` lists them.
    pub const ALL: [Level; 3] = [Level::Xa, Level::Huyen, Level::Tinh];

    /// The name written in `level:`.
    pub fn name(self) -> &'static str {
        match self {
            Level::Xa => "xa",
            Level::Huyen => "huyen",
            Level::Tinh => "tinh",
        }
    }
}

/// Thời hạn giải quyết: exactly one measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeadlineMeasure {
    /// 0 means "within the working day" (trong ngày làm việc).
    WorkingDays(u32),
    CalendarDays(u32),
    Hours(u32),
    /// The deadline in words, shown as written (`deadline.text`): for a
    /// record that states no number and unit, or months ("03 tháng"),
    /// which are not converted to days.
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub measure: DeadlineMeasure,
    /// The deadline the law sets, in the measure's unit, when the ward has
    /// shortened it locally ("sau cắt giảm"); always more than the measure.
    /// `niemyet review` takes a record saying this number as a note.
    pub reduced_from: Option<u32>,
    pub note: Option<String>,
    /// `cutoff`, minutes after midnight: a dossier received later counts
    /// from the next working day.
    pub cutoff: Option<u16>,
}

impl DeadlineMeasure {
    /// The number, whatever the unit; `None` for a deadline in words.
    pub fn value(&self) -> Option<u32> {
        match self {
            DeadlineMeasure::WorkingDays(n)
            | DeadlineMeasure::CalendarDays(n)
            | DeadlineMeasure::Hours(n) => Some(*n),
            DeadlineMeasure::Text(_) => None,
        }
    }

    /// The same unit with another number; `None` for a deadline in words.
    pub fn with_value(&self, n: u32) -> Option<DeadlineMeasure> {
        match self {
            DeadlineMeasure::WorkingDays(_) => Some(DeadlineMeasure::WorkingDays(n)),
            DeadlineMeasure::CalendarDays(_) => Some(DeadlineMeasure::CalendarDays(n)),
            DeadlineMeasure::Hours(_) => Some(DeadlineMeasure::Hours(n)),
            DeadlineMeasure::Text(_) => None,
        }
    }
}

/// Who pays a fee: every applicant, or only those submitting one way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeeChannel {
    All,
    InPerson,
    Postal,
    Online,
}

impl FeeChannel {
    /// Every channel, in the order `check` lists them.
    pub const ALL: [FeeChannel; 4] = [
        FeeChannel::All,
        FeeChannel::InPerson,
        FeeChannel::Postal,
        FeeChannel::Online,
    ];

    /// The name written in a fee's `channel:` (and in `catalogue.json`).
    pub fn name(self) -> &'static str {
        match self {
            FeeChannel::All => "all",
            FeeChannel::InPerson => "in_person",
            FeeChannel::Postal => "postal",
            FeeChannel::Online => "online",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fee {
    pub name: String,
    /// Whole đồng; 0 means exempt (miễn). `None`: the amount is not a
    /// plain number, and `note` says what it is (e.g. "do HĐND tỉnh quy
    /// định"); never shown as free.
    pub amount: Option<u64>,
    pub note: Option<String>,
    pub per: Option<String>,
    pub channel: FeeChannel,
}

/// A file beside the procedure (a form or a filled sample).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The file name as written (`to-khai.pdf`).
    pub name: String,
    /// Where it is on disk.
    pub path: PathBuf,
    /// Its size in bytes when the site was read (a page says it: a citizen
    /// on a prepaid plan wants to know), so no later stage looks at it.
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub name: String,
    pub originals: u32,
    pub copies: u32,
    pub form: Option<Attachment>,
    pub sample: Option<Attachment>,
    pub note: Option<String>,
    /// Shown at the counter (xuất trình), not handed in.
    pub present: bool,
    pub optional: bool,
    /// The case it belongs to ("Đối với công trình nhà ở riêng lẻ"): a
    /// heading above the first document of each run of the same case.
    pub case: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OnlineLevel {
    /// Toàn trình.
    Full,
    /// Một phần.
    Partial,
}

impl OnlineLevel {
    /// Every level, in the order `check` lists them.
    pub const ALL: [OnlineLevel; 2] = [OnlineLevel::Full, OnlineLevel::Partial];

    /// The name written in `channels.online.level:`.
    pub fn name(self) -> &'static str {
        match self {
            OnlineLevel::Full => "full",
            OnlineLevel::Partial => "partial",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Online {
    pub url: String,
    pub level: OnlineLevel,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Channels {
    pub in_person: bool,
    pub postal: bool,
    pub online: Option<Online>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalText {
    pub number: String,
    pub title: Option<String>,
    pub date: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Announcement {
    pub number: String,
    pub date: Option<Date>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Procedure {
    pub field: String,
    pub slug: String,
    /// `content/<field>/<slug>.md` or `.../<slug>/index.md`.
    pub source: PathBuf,
    pub code: Option<String>,
    pub title: String,
    pub aliases: Vec<String>,
    pub level: Level,
    pub audience: Option<String>,
    /// `None` means the office itself (office.name).
    pub agency: Option<String>,
    pub result: String,
    pub deadline: Deadline,
    /// Empty means no fee or charge at all (Không thu phí).
    pub fees: Vec<Fee>,
    pub documents: Vec<Document>,
    pub channels: Channels,
    pub steps: Vec<String>,
    pub conditions: Vec<String>,
    pub legal_basis: Vec<LegalText>,
    pub updated: Date,
    pub announced_by: Option<Announcement>,
    pub effective: Option<Date>,
    pub repealed: Option<Date>,
    pub non_territorial: bool,
    /// `None` means office.unit (or office.name).
    pub submit_at: Option<String>,
    /// One of the procedures residents use most, chosen by the office
    /// (`featured: true`): the cultural-house pack shows these.
    pub featured: bool,
    pub body: String,
    pub body_line: usize,
    /// Provenance written by `niemyet import` (`source:`).
    pub provenance: Option<Source>,
    /// A digest of the file's decoded text, which every value above was
    /// read from: a build compares it with the previous build's
    /// (`render::inputs`) rather than every value.
    pub text_digest: u64,
}

/// Where an imported procedure came from (`source:`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub from: SourceKind,
    pub code: Option<String>,
    /// The record's own date (`updatedAt`, in Vietnam time).
    pub snapshot: Option<Date>,
    /// The input file's name.
    pub file: Option<String>,
    pub imported: Option<Date>,
    /// `key:hash` pairs of what the importer wrote, for `import --update`.
    pub fingerprint: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceKind {
    /// `csdl-tthc`: the national procedure database.
    National,
    /// `bang`: a province's catalogue table.
    Table,
}

impl SourceKind {
    /// Every kind, in the order `check` lists them.
    pub const ALL: [SourceKind; 2] = [SourceKind::National, SourceKind::Table];

    /// The name written in `source.from:`.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::National => "csdl-tthc",
            SourceKind::Table => "bang",
        }
    }
}

/// Where a procedure stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// In force: listed everywhere.
    Current,
    /// `effective` is after today: listed as "sắp có hiệu lực".
    Upcoming,
    /// `repealed` is today or earlier: only its page remains, marked.
    Repealed,
}

impl Procedure {
    pub fn status(&self, today: Date) -> Status {
        match (self.repealed, self.effective) {
            (Some(r), _) if r <= today => Status::Repealed,
            (_, Some(e)) if e > today => Status::Upcoming,
            _ => Status::Current,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Notice {
    pub slug: String,
    pub source: PathBuf,
    pub title: String,
    pub date: Date,
    pub expires: Option<Date>,
    pub body: String,
}

impl Notice {
    pub fn is_current(&self, today: Date) -> bool {
        self.expires.is_none_or(|e| e >= today)
    }
}
