//! Every rule a diagnostic can break, with its stable code: the code is
//! printed with each message (`[unknown-key]`, as rustc prints `E0308`) and
//! listed, with what it means, in the clerk guides' index of messages
//! (generated from this list by a test), so a clerk can look a
//! message up and a test can name what it expects. A typo in a code is a
//! compile error.

use crate::lang::Lang;

macro_rules! rules {
    ($($variant:ident = $code:literal, $vi:literal, $en:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        pub enum Rule {
            $($variant,)*
        }

        impl Rule {
            /// Every rule, in code order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The stable code, e.g. `unknown-key`.
            pub const fn code(self) -> &'static str {
                match self {
                    $(Rule::$variant => $code,)*
                }
            }

            /// What the rule means and how to mend it, in a sentence.
            pub const fn meaning(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Rule::$variant, Lang::Vi) => $vi,
                      (Rule::$variant, Lang::En) => $en,)*
                }
            }
        }
    };
}

rules! {
    BadAmount = "bad-amount",
        "Số tiền viết sai: chỉ viết số đồng, không dấu chấm, dấu phẩy hay chữ (8000, không phải 8.000 đồng).",
        "An amount written wrong: whole đồng only, no dots, commas or words (8000, not 8.000 đồng).";
    BadChoice = "bad-choice",
        "Giá trị không thuộc danh sách được nhận (ví dụ level chỉ nhận xa, huyen, tinh); gợi ý liệt kê các giá trị đúng.",
        "A value outside the allowed list (e.g. level takes xa, huyen, tinh); the hint lists them.";
    BadCode = "bad-code",
        "Mã thủ tục có ký tự ẩn hoặc sai dạng; gõ lại mã, chỉ chữ số và dấu chấm.",
        "A procedure code with a hidden character or a wrong shape; type it again, digits and dots only.";
    BadDate = "bad-date",
        "Ngày tháng sai: viết năm-tháng-ngày, ví dụ 2026-05-01, và phải là ngày có thật.",
        "A wrong date: write year-month-day, e.g. 2026-05-01, a real day.";
    BadDateOrder = "bad-date-order",
        "Hai ngày ngược thứ tự, ví dụ ngày hết hạn của thông báo trước ngày đăng.",
        "Two dates in the wrong order, e.g. a notice that expires before it is dated.";
    BadFingerprint = "bad-fingerprint",
        "Nhóm source (nguồn) do niemyet import ghi đã bị sửa hỏng; xóa dòng fingerprint hoặc nhập lại.",
        "The source group written by niemyet import was damaged; delete the fingerprint line or import again.";
    BadFlag = "bad-flag",
        "Giá trị có/không: chỉ viết true hoặc false.",
        "A yes/no value: write true or false.";
    BadIdle = "bad-idle",
        "kiosk.idle_seconds nằm ngoài khoảng 30 đến 600 giây.",
        "kiosk.idle_seconds outside 30 to 600 seconds.";
    BadKiosk = "bad-kiosk",
        "kiosk nhận false (không dựng màn hình tra cứu) hoặc một nhóm cài đặt.",
        "kiosk takes false (no touch screen) or a group of settings.";
    BadName = "bad-name",
        "Tên tệp, thư mục không dùng được làm địa chỉ web: chỉ chữ thường không dấu, số và dấu gạch ngang.",
        "A file or folder name unusable as a web address: lowercase ASCII, digits and hyphens only.";
    BadNumber = "bad-number",
        "Cần một số nguyên từ 0 trở lên, chỉ con số (3, không phải 3 ngày).",
        "A whole number from 0 up is needed, digits only (3, not 3 ngày).";
    BadReduction = "bad-reduction",
        "reduced_from (thời hạn trước cắt giảm) sai: phải cùng đơn vị và dài hơn thời hạn đang ghi.",
        "reduced_from (the deadline before shortening) is wrong: same unit, longer than the deadline.";
    BadSynonym = "bad-synonym",
        "Một dòng từ đồng nghĩa cho tìm kiếm (synonyms) viết sai: cần ít nhất hai cách gọi nối bằng = (cùng nghĩa) hoặc -> (cách gọi thường ngày -> tên chính thức).",
        "A search synonym line (synonyms) is malformed: at least two phrases joined by = (same meaning) or -> (everyday words -> the official term).";
    BadTheme = "bad-theme",
        "theme phải là tên một thư mục trong themes/, không phải đường dẫn.",
        "theme must be the name of a folder under themes/, not a path.";
    BadTime = "bad-time",
        "Giờ viết sai (cutoff): viết giờ:phút trong ngày, ví dụ \"15:00\".",
        "A wrong time (cutoff): write hour:minute within a day, e.g. \"15:00\".";
    BadUrl = "bad-url",
        "Địa chỉ web chưa đầy đủ: phải bắt đầu bằng https:// hoặc http://.",
        "An incomplete web address: it must start with https:// or http://.";
    CurlyQuotes = "curly-quotes",
        "Dấu ngoặc kép cong “ ” (chép từ Word) thay cho dấu \" thẳng gõ từ bàn phím.",
        "Curly quotes “ ” (pasted from Word) where the keyboard's straight \" is needed.";
    DeadlineMeasure = "deadline-measure",
        "Thời hạn giải quyết cần đúng một cách tính: working_days, calendar_days, hours hoặc text.",
        "A deadline needs exactly one measure: working_days, calendar_days, hours or text.";
    DuplicateCode = "duplicate-code",
        "Hai thủ tục cùng một mã thủ tục.",
        "Two procedures share one code.";
    DuplicateKey = "duplicate-key",
        "Một khóa được viết hai lần trong cùng một nhóm.",
        "A key written twice in one group.";
    DuplicateSlug = "duplicate-slug",
        "Hai thủ tục cùng một địa chỉ (tên tệp trùng nhau trong một lĩnh vực).",
        "Two procedures at the same address (the same file name in one field).";
    EmptyField = "empty-field",
        "Lĩnh vực chưa có thủ tục nào (cảnh báo).",
        "A field with no procedure yet (warning).";
    EmptyFile = "empty-file",
        "Tệp trống.",
        "An empty file.";
    EmptyFrontMatter = "empty-front-matter",
        "Phần khai báo giữa hai dòng --- đang trống.",
        "The front matter between the --- lines is empty.";
    EmptyList = "empty-list",
        "Danh sách bắt buộc đang trống (ví dụ steps cần ít nhất một bước).",
        "A required list is empty (e.g. steps needs at least one step).";
    EmptyTitle = "empty-title",
        "Tên thủ tục đang trống (niemyet new).",
        "An empty procedure title (niemyet new).";
    EmptyValue = "empty-value",
        "Khóa bắt buộc có mặt nhưng chưa có nội dung.",
        "A required key is present but has no value.";
    Exists = "exists",
        "Tệp thủ tục định tạo đã có (niemyet new không ghi đè).",
        "The procedure file to create already exists (niemyet new never overwrites).";
    ExpiredNotice = "expired-notice",
        "Thông báo đã quá ngày expires nên không còn niêm yết (cảnh báo).",
        "A notice past its expires date, no longer posted (warning).";
    FolderNotEmpty = "folder-not-empty",
        "Thư mục cho trang mới không trống (niemyet init chỉ tạo trong thư mục trống).",
        "The folder for a new site is not empty (niemyet init only writes into an empty one).";
    FormMissing = "form-missing",
        "Không thấy tệp mẫu đơn (form, sample) cạnh tệp thủ tục.",
        "The form or sample file is not beside the procedure file.";
    FormNotFile = "form-not-file",
        "Tên ở form, sample là thư mục hay tệp đặc biệt, không phải tệp thường.",
        "The form or sample named is a folder or a special file, not a regular file.";
    FormPath = "form-path",
        "form, sample chỉ ghi tên tệp cạnh thủ tục, không ghi đường dẫn ra ngoài.",
        "form and sample name a file beside the procedure, never a path leading out.";
    FormType = "form-type",
        "Loại tệp không được đăng: chỉ PDF, Word, Excel, OpenDocument và ảnh PNG, JPG.",
        "A file type that is not published: only PDF, Word, Excel, OpenDocument and PNG/JPG pictures.";
    FutureDate = "future-date",
        "Ngày cập nhật (updated) ở tương lai.",
        "The updated date is in the future.";
    IgnoredFile = "ignored-file",
        "Tệp nằm ở chỗ niemyet không đọc nên bị bỏ qua (cảnh báo).",
        "A file where niemyet does not read, ignored (warning).";
    ImportCheck = "import-check",
        "Lỗi của chính niemyet import: tệp tạo ra không qua kiểm tra; không ghi gì. Xin báo lỗi này.",
        "A bug in niemyet import: a generated file fails the check; nothing written. Please report it.";
    ImportEmpty = "import-empty",
        "Tệp nhập (JSON, bảng) trống.",
        "The file to import (JSON, table) is empty.";
    ImportFormat = "import-format",
        "Định dạng tệp nhập chưa đọc được (ví dụ Excel đời cũ .xls: lưu lại thành .xlsx).",
        "An import format that cannot be read (e.g. old .xls: save it as .xlsx).";
    ImportIo = "import-io",
        "Không đọc được tệp nhập.",
        "The file to import cannot be read.";
    ImportJson = "import-json",
        "Tệp JSON hỏng hoặc bị cắt cụt, hoặc không phải bản ghi thủ tục.",
        "Broken or truncated JSON, or not a procedure record.";
    ImportNoRecord = "import-no-record",
        "Tệp nhập không có bản ghi thủ tục nào.",
        "The file to import holds no procedure record.";
    ImportNotFile = "import-not-file",
        "Đường dẫn nhập không phải một tệp.",
        "The path to import is not a file.";
    ImportNotUtf8 = "import-not-utf8",
        "Tệp nhập không phải UTF-8 (bảng CSV lưu bằng bảng mã cũ: lưu lại dạng CSV UTF-8).",
        "The file to import is not UTF-8 (a CSV saved in an old code page: save as CSV UTF-8).";
    ImportRecord = "import-record",
        "Bản ghi thiếu thông tin cần thiết (mã, tên) hoặc sai kiểu.",
        "A record lacks what is needed (code, name) or has a wrong type.";
    ImportTable = "import-table",
        "Bảng CSV hỏng ở một dòng.",
        "A CSV table broken at a line.";
    ImportTableHeader = "import-table-header",
        "Không nhận ra dòng tiêu đề của bảng danh mục (cần ít nhất cột Tên thủ tục và một cột khác).",
        "The catalogue table's header row is not recognised (at least the name column and one more).";
    ImportTooLarge = "import-too-large",
        "Tệp nhập quá lớn.",
        "The file to import is too large.";
    ImportUsage = "import-usage",
        "Lệnh import chưa có tệp nào để nhập.",
        "import was given no file.";
    InvisibleChar = "invisible-char",
        "Ký tự ẩn (dấu cách không ngắt, ký tự rộng 0) ở chỗ cần dấu cách thường.",
        "A hidden character (no-break or zero-width space) where a plain space is needed.";
    Io = "io",
        "Không đọc được tệp (quyền, ổ đĩa).",
        "A file cannot be read (permissions, disk).";
    LinkOutside = "link-outside",
        "Liên kết (symlink) trỏ ra ngoài thư mục content/.",
        "A link (symlink) leading outside content/.";
    LinkedFolder = "linked-folder",
        "Thư mục dạng liên kết (symlink) không được hỗ trợ.",
        "A folder that is a link (symlink) is not supported.";
    MisplacedIndex = "misplaced-index",
        "index.md chỉ dùng trong thư mục của một thủ tục (gói thủ tục).",
        "index.md belongs only in a procedure's own folder (a bundle).";
    MissingKey = "missing-key",
        "Thiếu khóa bắt buộc.",
        "A required key is missing.";
    NoBundleIndex = "no-bundle-index",
        "Thư mục thủ tục (gói) thiếu tệp index.md.",
        "A procedure folder (bundle) without index.md.";
    NoChannel = "no-channel",
        "Thủ tục không có cách nộp hồ sơ nào (channels đều tắt).",
        "A procedure with no way to apply (every channel off).";
    NoContent = "no-content",
        "Không có thư mục content/ ở chỗ đã chỉ (--root).",
        "No content/ folder where --root points.";
    NoFieldIndex = "no-field-index",
        "Thư mục lĩnh vực thiếu tệp _index.md.",
        "A field folder without _index.md.";
    NoFrontMatter = "no-front-matter",
        "Tệp thủ tục phải mở đầu bằng dòng ---.",
        "A procedure file must start with a --- line.";
    NoSiteYaml = "no-site-yaml",
        "Thiếu tệp content/site.yaml.",
        "content/site.yaml is missing.";
    NoTheme = "no-theme",
        "Không có thư mục giao diện themes/<tên>/ đã ghi ở theme.",
        "The theme folder named by theme is missing.";
    NotAFolder = "not-a-folder",
        "Đường dẫn cho trang mới là một tệp, không phải thư mục.",
        "The path for a new site is a file, not a folder.";
    NotText = "not-text",
        "Tệp có ký tự nhị phân, không phải văn bản.",
        "The file holds binary bytes, not text.";
    NotUtf8 = "not-utf8",
        "Tệp không lưu bằng UTF-8 (lưu lại bằng UTF-8).",
        "The file is not saved as UTF-8 (save it again as UTF-8).";
    OfficeHours = "office-hours",
        "Giờ làm việc (office.hours) không đọc được để tính ngày hẹn trả; dùng giờ mặc định (cảnh báo).",
        "office.hours cannot be read for the expected date; defaults used (warning).";
    OutCannotSwap = "out-cannot-swap",
        "Không thay được thư mục kết quả (điểm gắn ổ đĩa, ổ khác); trang cũ giữ nguyên.",
        "The output folder cannot be swapped (a mount point, another disk); the old site stays.";
    OutExists = "out-exists",
        "Tệp kết quả đã có và không do niemyet viết: không ghi đè (--force hoặc tên khác).",
        "The output file exists and was not written by niemyet: not overwritten (--force or another name).";
    OutInContent = "out-in-content",
        "Thư mục kết quả nằm trong content/.",
        "The output folder is inside content/.";
    OutIo = "out-io",
        "Không ghi được kết quả (quyền ghi, dung lượng đĩa); trang cũ giữ nguyên.",
        "The output cannot be written (permissions, disk space); the old site stays.";
    OutLinkLoop = "out-link-loop",
        "Thư mục kết quả là liên kết vòng quanh.",
        "The output folder is a link that loops.";
    OutLinkNowhere = "out-link-nowhere",
        "Thư mục kết quả là liên kết tới chỗ không có thư mục cha.",
        "The output folder links to a place whose parent folder is missing.";
    OutLinkParent = "out-link-parent",
        "Thư mục kết quả là liên kết; không được ghi bên cạnh thư mục được trỏ tới.",
        "The output folder is a link; niemyet may not write beside the folder it names.";
    OutNotFile = "out-not-file",
        "Đường dẫn kết quả là thư mục hoặc liên kết, không phải tệp.",
        "The output path is a folder or a link, not a file.";
    OutNotOurs = "out-not-ours",
        "Thư mục kết quả có tệp khác, không do niemyet tạo: không ghi đè.",
        "The output folder holds other files, not niemyet's: not overwritten.";
    OutOldCopyKept = "out-old-copy-kept",
        "Trang mới đã vào chỗ nhưng không xóa được bản cũ (cảnh báo).",
        "The new site is in place but an old copy could not be deleted (warning).";
    OutsideField = "outside-field",
        "Thủ tục nằm ngoài thư mục lĩnh vực.",
        "A procedure outside any field folder.";
    Placeholder = "placeholder",
        "Còn chữ CẦN SỬA của tệp mẫu hay của niemyet import (cảnh báo).",
        "A CẦN SỬA placeholder of a template or of niemyet import is left (warning).";
    PosterFieldLong = "poster-field-long",
        "Danh mục lĩnh vực cần từ ba trang A3 trở lên (cảnh báo; hai trang là bình thường).",
        "A field's catalogue needs three A3 sheets or more (warning; two are normal).";
    PosterNoFeedback = "poster-no-feedback",
        "Chưa có office.feedback: áp phích phải ghi nơi tiếp nhận phản ánh, kiến nghị (cảnh báo).",
        "No office.feedback: posters must say where feedback goes (warning).";
    PosterTooLong = "poster-too-long",
        "Áp phích thủ tục cần từ ba tờ A4 trở lên (cảnh báo; hai tờ là bình thường).",
        "A procedure poster needs three A4 sheets or more (warning; two are normal).";
    ReservedSlug = "reserved-slug",
        "Tên thư mục đã dành cho trang hệ thống (tim-kiem, danh-muc, kiosk…).",
        "A folder name reserved for the site's own pages (tim-kiem, danh-muc, kiosk…).";
    ReviewDeadline = "review-deadline",
        "Rà soát: thời hạn trên trang khác bản ghi.",
        "Review: the deadline differs from the record.";
    ReviewDeadlineReduced = "review-deadline-reduced",
        "Rà soát: phường đã cắt giảm thời hạn so với bản ghi (ghi chú, không phải sai).",
        "Review: the ward shortened the record's deadline (a note, not a difference).";
    ReviewDocument = "review-document",
        "Rà soát: thành phần hồ sơ khác bản ghi.",
        "Review: the documents differ from the record.";
    ReviewFee = "review-fee",
        "Rà soát: phí, lệ phí khác bản ghi.",
        "Review: the fees differ from the record.";
    ReviewIo = "review-io",
        "Rà soát: không đọc được tệp đối chiếu.",
        "Review: a file to compare with cannot be read.";
    ReviewLegal = "review-legal",
        "Rà soát: căn cứ pháp lý khác bản ghi.",
        "Review: the legal basis differs from the record.";
    ReviewMissing = "review-missing",
        "Rà soát: thủ tục cấp xã có trong dữ liệu nhưng trang chưa niêm yết.",
        "Review: a commune-level procedure in the records the site does not post.";
    ReviewName = "review-name",
        "Rà soát: tên thủ tục khác bản ghi.",
        "Review: the name differs from the record.";
    ReviewOutdated = "review-outdated",
        "Rà soát: ngày cập nhật trên trang cũ hơn bản ghi.",
        "Review: the site's updated date is older than the record.";
    ReviewRepealed = "review-repealed",
        "Rà soát: thủ tục đã bãi bỏ trong dữ liệu mà trang vẫn niêm yết.",
        "Review: a procedure repealed upstream but still posted.";
    ReviewSite = "review-site",
        "Rà soát: nội dung trang còn lỗi nên chưa rà soát được (chạy niemyet check).",
        "Review: the site has errors, so it cannot be reviewed (run niemyet check).";
    SavedAsText = "saved-as-text",
        "Thủ tục lưu thành .txt: đổi đuôi tệp thành .md.",
        "A procedure saved as .txt: rename it to .md.";
    SiteExists = "site-exists",
        "Thư mục đã có content/: niemyet init không ghi đè trang có sẵn.",
        "The folder already has content/: niemyet init never overwrites a site.";
    SpecialFile = "special-file",
        "Tệp đặc biệt (FIFO, thiết bị, socket) trong content/: niemyet không đọc nó.",
        "A special file (FIFO, device, socket) in content/: niemyet does not read it.";
    Stale = "stale",
        "Thủ tục lâu chưa được rà soát (updated quá 12 tháng) (cảnh báo).",
        "A procedure not reviewed for a long time (updated over 12 months ago) (warning).";
    StrayText = "stray-text",
        "Dòng chữ trong phần khai báo không có dạng khóa: giá trị (thường do quên dòng --- đóng).",
        "A line in the front matter that is no key: value (often a forgotten closing ---).";
    TabIndent = "tab-indent",
        "Thụt lề bằng phím Tab: YAML cần dấu cách.",
        "Indented with Tab: YAML needs spaces.";
    TetHolidays = "tet-holidays",
        "holidays chưa có lịch nghỉ Tết sắp tới (cảnh báo: ngày hẹn trả dự kiến sẽ sai).",
        "holidays lacks the coming Tết days (warning: expected dates would be wrong).";
    TextAfterQuote = "text-after-quote",
        "Có chữ sau dấu ngoặc kép đóng; đặt cả giá trị trong ngoặc.",
        "Text after a closing quote; quote the whole value.";
    ThemeOutside = "theme-outside",
        "Thư mục giao diện là liên kết trỏ ra ngoài thư mục của trang.",
        "The theme folder is a link leading outside the site.";
    ThemeRead = "theme-read",
        "Không đọc được tệp của giao diện.",
        "A theme file cannot be read.";
    ThemeRender = "theme-render",
        "Mẫu giao diện lỗi khi dựng trang.",
        "A theme template fails while rendering.";
    ThemeTemplate = "theme-template",
        "Lỗi cú pháp trong mẫu giao diện.",
        "A syntax error in a theme template.";
    TitleWithoutLetters = "title-without-letters",
        "Tên thủ tục không có chữ hay số để đặt tên tệp (niemyet new).",
        "A title with no letter or digit to name the file (niemyet new).";
    TooDeep = "too-deep",
        "Phần nội dung Markdown lồng nhau quá sâu (trích dẫn, danh sách, chữ đậm lồng quá 32 mức).",
        "A Markdown body nested too deep (quotes, lists, emphasis over 32 levels).";
    TooLarge = "too-large",
        "Tệp quá lớn (tối đa 1 MB).",
        "A file too large (1 MB at most).";
    UnclosedFrontMatter = "unclosed-front-matter",
        "Phần khai báo mở bằng --- mà không có dòng --- đóng.",
        "Front matter opened by --- with no closing --- line.";
    UnclosedQuote = "unclosed-quote",
        "Dấu ngoặc mở mà không đóng trên cùng dòng.",
        "A quote opened and not closed on the same line.";
    UnexpectedFolder = "unexpected-folder",
        "Thư mục ở chỗ không được có thư mục (ví dụ trong notices/).",
        "A folder where none may be (e.g. inside notices/).";
    UnknownField = "unknown-field",
        "Cán bộ được giao một lĩnh vực không có thư mục (cảnh báo).",
        "A staff member assigned a field with no folder (warning).";
    UnknownKey = "unknown-key",
        "Khóa không có trong định dạng, thường do gõ sai tên khóa; gợi ý khóa đúng.",
        "A key the format does not have, usually a typo; the hint names the right one.";
    WorkdayHoliday = "workday-holiday",
        "Một ngày có trong cả holidays và workdays (cảnh báo).",
        "A day in both holidays and workdays (warning).";
    WorkdayWeekday = "workday-weekday",
        "workdays ghi một ngày vốn đã là ngày làm việc (cảnh báo).",
        "workdays names a day that is a working day anyway (warning).";
    WrongShape = "wrong-shape",
        "Giá trị sai dạng: cần một danh sách, một nhóm hay một giá trị đơn ở chỗ này.",
        "A value of the wrong shape: a list, a group or a single value is needed here.";
    YamlComment = "yaml-comment",
        "Dấu # sau dấu cách làm phần sau thành ghi chú và bị bỏ qua; đặt giá trị trong ngoặc kép (cảnh báo).",
        "A # after a space turns the rest into a comment, dropped; quote the value (warning).";
    YamlEscape = "yaml-escape",
        "Trong ngoặc kép, dấu \\ mở đầu ký tự đặc biệt; dùng ngoặc đơn hoặc viết \\\\.",
        "Inside double quotes a \\ starts an escape; use single quotes or write \\\\.";
    YamlSpecialStart = "yaml-special-start",
        "Giá trị bắt đầu bằng ký tự YAML hiểu là ký hiệu riêng (&, !, *, @…); đặt trong ngoặc kép.",
        "A value starting with a character YAML reads as syntax (&, !, *, @…); quote it.";
    YamlSyntax = "yaml-syntax",
        "Lỗi cú pháp YAML khác; gợi ý nói cách sửa.",
        "Another YAML syntax error; the hint says how to fix it.";
    YamlTooDeep = "yaml-too-deep",
        "Phần khai báo lồng nhau quá sâu.",
        "Front matter nested too deep.";
    YamlTooLarge = "yaml-too-large",
        "Phần khai báo quá lớn (thường do bí danh YAML * lặp lại).",
        "Front matter too large (usually repeated YAML aliases *).";
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The guides' index of messages, as Markdown table rows: code, meaning.
    fn index_table(lang: Lang) -> String {
        let head = match lang {
            Lang::Vi => "| Mã | Ý nghĩa, cách sửa |\n|---|---|\n",
            Lang::En => "| Code | Meaning, how to mend |\n|---|---|\n",
        };
        let rows = Rule::ALL.iter().map(|r| {
            let meaning = r.meaning(lang).replace('|', "\\|");
            format!("| `{}` | {meaning} |\n", r.code())
        });
        std::iter::once(head.to_string()).chain(rows).collect()
    }

    #[test]
    fn codes_are_unique_sorted_and_kebab_case() {
        let codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        for c in codes {
            let word = |w: &str| {
                !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            };
            assert!(c.split('-').all(word), "{c}");
        }
    }

    /// The clerk guides list every code with its meaning: the part between
    /// the `rules` markers is this list. `NIEMYET_BLESS=1` rewrites it.
    #[test]
    fn the_guides_index_every_code() {
        for (file, lang) in [
            ("docs/dinh-dang.md", Lang::Vi),
            ("docs/format.md", Lang::En),
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
            let text = std::fs::read_to_string(&path).expect("guide");
            let (begin, end) = ("<!-- rules:begin -->\n", "<!-- rules:end -->");
            let a = text.find(begin).expect("a rules:begin marker") + begin.len();
            let b = a + text[a..].find(end).expect("a rules:end marker");
            let table = index_table(lang);
            if std::env::var_os("NIEMYET_BLESS").is_some() {
                let new = format!("{}{table}{}", &text[..a], &text[b..]);
                std::fs::write(&path, new).expect("write guide");
            } else {
                assert!(
                    text[a..b] == table,
                    "{file}: the index of messages is stale (NIEMYET_BLESS=1 cargo test --lib)"
                );
            }
        }
    }
}
