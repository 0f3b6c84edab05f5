//! The `niemyet` command: parses arguments, runs the library, prints, and owns
//! the exit status (0 ok, 1 problems in the content, 2 wrong usage or I/O).

/// mimalloc, without transparent huge pages. Rendering makes many
/// short-lived strings on every core; mimalloc is ~5 % faster than glibc's
/// malloc here. Its default, huge pages, doubled peak memory (2,000
/// procedures: 155 MB against 80 MB with `no_thp`) and a sixth of the build
/// went to the kernel zeroing those pages. See BENCHMARKS.md.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use niemyet::build::{build_site, BuildOptions, Progress};
use niemyet::diag::{self, Shown, Style};
use niemyet::{check_site, CheckOptions, Lang};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "niemyet",
    version,
    about = "Niêm yết thủ tục hành chính: trang web tra cứu và áp phích in từ thư mục content/\nPublic procedure catalogues: a searchable website and printable posters from content/"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Thư mục của trang (chứa content/) · the site's folder (holding content/)
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    /// Ngôn ngữ thông báo: vi | en · message language
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Coi hôm nay là ngày này (YYYY-MM-DD) · take this as today
    #[arg(long, global = true, value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
    /// In mọi cảnh báo (mặc định: 10 cảnh báo đầu của mỗi loại, rồi đếm phần còn lại) · print every warning (default: the first 10 of each kind, then a count)
    #[arg(long, global = true)]
    all: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Kiểm tra nội dung, báo mọi lỗi kèm vị trí · check the content, report every problem
    Check,
    /// Dựng trang web và bản in vào public/ · build the website and posters into public/
    Build {
        /// Thư mục kết quả (mặc định: public/ trong --root) · output folder
        #[arg(long)]
        out: Option<PathBuf>,
        /// Không rút gọn HTML · do not minify HTML
        #[arg(long)]
        no_minify: bool,
        /// In thời gian từng bước · print how long each stage took
        #[arg(long)]
        timings: bool,
        /// Dựng lại tất cả, không giữ tệp nào của lần dựng trước · make every file again, keeping nothing of the previous build
        #[arg(long)]
        clean: bool,
    },
    /// Tạo tệp thủ tục mới có đủ các khóa · write a new procedure file with every key
    New {
        /// Tên thư mục lĩnh vực, ví dụ ho-tich · the field's folder
        field: String,
        /// Tên thủ tục, trong ngoặc kép · the procedure's title, in quotes
        title: String,
    },
    /// Tạo trang mới trong thư mục DIR · make a new site in DIR
    Init {
        /// Thư mục của trang mới (tạo nếu chưa có) · the new site's folder (created if missing)
        dir: PathBuf,
    },
    /// Xuất danh mục thành bảng gửi tỉnh (XLSX hoặc CSV) · export the catalogue as a table
    #[command(group(clap::ArgGroup::new("to").required(true).args(["xlsx", "csv"])))]
    Export {
        /// Ghi tệp Excel này · write this Excel file
        #[arg(long, value_name = "FILE")]
        xlsx: Option<PathBuf>,
        /// Ghi tệp CSV này (UTF-8, dấu phẩy) · write this CSV file
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Thay tệp đã có · replace the file if it exists
        #[arg(long)]
        force: bool,
    },
    /// Rà soát trang với dữ liệu quốc gia (JSON) hoặc bảng của tỉnh (CSV, XLSX) · review the site against records
    Review {
        /// Tệp bản ghi hoặc bảng đối chiếu · record files or tables to compare with
        #[arg(long, value_name = "FILE", num_args = 1.., required = true)]
        against: Vec<PathBuf>,
        /// Nơi ghi biên bản (tệp .html hoặc thư mục; mặc định bien-ban-ra-soat.html cạnh content/) · where to write the report
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Nhập thủ tục từ bản ghi CSDL quốc gia (JSON) hoặc bảng danh mục (CSV, XLSX) · import procedures from national records or a province's table
    Import {
        /// Tệp bản ghi .json hoặc bảng .csv, .xlsx · record or table files
        files: Vec<PathBuf>,
        /// Đưa mọi thủ tục vào lĩnh vực này · put every procedure in this field
        #[arg(long)]
        field: Option<String>,
        /// Cập nhật tệp đã có cùng mã, giữ phần đã sửa tay · update files of the same code, keeping hand edits
        #[arg(long)]
        update: bool,
    },
    /// Xem trước trang, tự tải lại khi sửa tệp · preview the site, reloading on every save
    Serve {
        /// Cổng (0: tự chọn; đang bận thì dùng cổng kế tiếp) · port (0: any free one)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Địa chỉ nghe (mặc định chỉ máy này) · address to listen on (default: this computer only)
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Mở trình duyệt · open the browser
        #[arg(long)]
        open: bool,
        /// Dò thay đổi định kỳ thay vì nhận tin từ hệ điều hành · poll for changes
        #[arg(long)]
        poll: bool,
        /// For tests: how long a request's head may take, in milliseconds.
        #[arg(long, hide = true)]
        header_timeout_ms: Option<u64>,
        /// For tests: how many connections may be open at once.
        #[arg(long, hide = true)]
        max_connections: Option<usize>,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| "vi | en".to_string())
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse().map_err(|_| "YYYY-MM-DD".to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let at = At {
        today: cli.date.unwrap_or_else(|| jiff::Zoned::now().date()),
        lang: cli.lang,
        root: cli.root,
        shown: if cli.all {
            Shown::All
        } else {
            Shown::Summarised
        },
    };
    match cli.command {
        Command::Check => run_check(
            &at.root,
            CheckOptions {
                today: at.today,
                lang: at.lang,
            },
            at.shown,
        ),
        Command::Build {
            out,
            no_minify,
            timings,
            clean,
        } => build(&at, out, !no_minify, timings, clean),
        Command::Export { xlsx, csv, force } => export(&at, xlsx, csv, force),
        Command::Review { against, out } => {
            let opts = niemyet::review::ReviewOptions {
                today: at.today,
                lang: at.lang,
                against,
                out,
            };
            run_review(&at.root, &opts, at.shown)
        }
        Command::New { field, title } => {
            let done =
                niemyet::scaffold::new_procedure(&at.root, &field, &title, at.today, at.lang);
            printed(done.render(style()), done.code)
        }
        Command::Init { dir } => {
            let done = niemyet::scaffold::init_site(&dir, at.today, at.lang);
            printed(done.render(style()), done.code)
        }
        Command::Import {
            files,
            field,
            update,
        } => import(&at, files, field, update),
        Command::Serve {
            port,
            bind,
            open,
            poll,
            header_timeout_ms,
            max_connections,
        } => {
            let defaults = niemyet::serve::http::Limits::default();
            let limits = niemyet::serve::http::Limits {
                header_timeout: header_timeout_ms
                    .map_or(defaults.header_timeout, std::time::Duration::from_millis),
                max_connections: max_connections.unwrap_or(defaults.max_connections),
            };
            serve(&at, port, bind, open, poll, limits)
        }
    }
}

/// What every command is given: the site's folder, the language of
/// messages and "today".
struct At {
    root: PathBuf,
    lang: Option<Lang>,
    today: jiff::civil::Date,
    /// Every warning, or the first few of each rule (`--all`).
    shown: Shown,
}

/// A command's report, already rendered: stdout, stderr, exit status.
fn printed((out, err): (String, String), code: u8) -> ExitCode {
    print!("{out}");
    eprint!("{err}");
    ExitCode::from(code)
}

fn build(at: &At, out: Option<PathBuf>, minify: bool, timings: bool, clean: bool) -> ExitCode {
    let lang = at.lang;
    let line = niemyet::progress::Line::on_terminal(lang.unwrap_or_default());
    let waiting = |pid: Option<u32>| match &line {
        Some(line) => line.say(&waiting_line(pid, lang)),
        None => eprintln!("{}", waiting_line(pid, lang)),
    };
    let opts = BuildOptions {
        today: at.today,
        lang: at.lang,
        out,
        minify,
        waiting: &waiting,
        clean,
        progress: line.as_ref().map(|l| l as &dyn Progress),
    };
    run_build(&at.root, &opts, timings, at.shown)
}

fn export(at: &At, xlsx: Option<PathBuf>, csv: Option<PathBuf>, force: bool) -> ExitCode {
    let (format, out) = match (xlsx, csv) {
        (Some(x), _) => (niemyet::export::Format::Xlsx, x),
        (None, Some(c)) => (niemyet::export::Format::Csv, c),
        // clap's group asks for one of the two.
        (None, None) => return ExitCode::from(2),
    };
    let opts = niemyet::export::ExportOptions {
        today: at.today,
        lang: at.lang,
        format,
        out,
        force,
    };
    run_export(&at.root, &opts, at.shown)
}

fn import(at: &At, files: Vec<PathBuf>, field: Option<String>, update: bool) -> ExitCode {
    let opts = niemyet::import::ImportOptions {
        root: at.root.clone(),
        files,
        field,
        update,
        today: at.today,
        lang: at.lang,
    };
    let outcome = niemyet::import::run(&opts);
    let report = niemyet::import::report::render(&outcome, &at.root, style());
    printed(report, outcome.code)
}

fn serve(
    at: &At,
    port: u16,
    bind: std::net::IpAddr,
    open: bool,
    poll: bool,
    limits: niemyet::serve::http::Limits,
) -> ExitCode {
    let opts = niemyet::serve::ServeOptions {
        root: at.root.clone(),
        bind,
        port,
        open,
        poll,
        today: at.today,
        lang: at.lang,
        style: style(),
        limits,
    };
    match niemyet::serve::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(niemyet::serve::ServeError::Content(d, lang)) => {
            eprint!("{}", diag::render(&d, &at.root, lang, style()));
            ExitCode::from(1)
        }
        Err(niemyet::serve::ServeError::Io(e)) => {
            eprintln!("niemyet serve: {e}");
            ExitCode::from(2)
        }
    }
}

fn style() -> Style {
    if std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal() {
        Style::Color
    } else {
        Style::Plain
    }
}

fn run_check(root: &std::path::Path, opts: CheckOptions, shown: Shown) -> ExitCode {
    let outcome = check_site(root, opts);
    let lang = outcome.lang;
    eprint!(
        "{}",
        diag::render_shown(&outcome.diagnostics, root, lang, style(), shown)
    );
    let (errors, warnings) = diag::summary_counts(&outcome.diagnostics);
    match &outcome.site {
        Some(site) => {
            let (p, f, n) = (site.procedures.len(), site.fields.len(), site.notices.len());
            let line = match lang {
                Lang::Vi => format!("OK: {p} thủ tục, {f} lĩnh vực, {n} thông báo"),
                Lang::En => format!(
                    "OK: {}, {}, {}",
                    plural(p, "procedure"),
                    plural(f, "field"),
                    plural(n, "notice")
                ),
            };
            let tail = match (warnings, lang) {
                (0, _) => String::new(),
                (w, Lang::Vi) => format!(" ({w} cảnh báo cần rà soát)"),
                (w, Lang::En) => format!(" ({} to review)", plural(w, "warning")),
            };
            println!("{line}{tail}");
            ExitCode::SUCCESS
        }
        None => {
            let line = match lang {
                Lang::Vi => format!(
                    "Có {errors} lỗi và {warnings} cảnh báo. Sửa các lỗi trên rồi chạy lại."
                ),
                Lang::En => format!(
                    "{} and {}. Fix the errors above and run again.",
                    plural(errors, "error"),
                    plural(warnings, "warning")
                ),
            };
            eprintln!("{line}");
            ExitCode::from(1)
        }
    }
}

fn run_build(root: &std::path::Path, opts: &BuildOptions, timings: bool, shown: Shown) -> ExitCode {
    let outcome = build_site(root, opts);
    if let Some(p) = opts.progress {
        p.done();
    }
    let lang = outcome.lang;
    eprint!(
        "{}",
        diag::render_shown(&outcome.diagnostics, root, lang, style(), shown)
    );
    let (errors, warnings) = diag::summary_counts(&outcome.diagnostics);
    let Some(built) = outcome.built else {
        let line = match lang {
            Lang::Vi => format!(
                "Không dựng trang: có {errors} lỗi. Bản cũ của trang (nếu có) vẫn giữ nguyên."
            ),
            Lang::En => format!(
                "Nothing built: {}. The previous output, if any, is unchanged.",
                plural(errors, "error")
            ),
        };
        eprintln!("{line}");
        return ExitCode::from(1);
    };
    let ms = built.elapsed.as_millis();
    let kb = built.bytes.div_ceil(1024);
    let shown = |p: &std::path::Path| niemyet::text::printable(&p.to_string_lossy()).into_owned();
    let out = match &built.link {
        Some(link) => format!("{} → {}", shown(link), shown(&built.out)),
        None => shown(&built.out),
    };
    let line = match lang {
        Lang::Vi => format!(
            "Đã dựng {} thủ tục: {} tệp, {kb} KB vào {out} trong {ms} ms",
            built.procedures, built.files
        ),
        Lang::En => format!(
            "Built {}: {}, {kb} KB into {out} in {ms} ms",
            plural(built.procedures, "procedure"),
            plural(built.files, "file")
        ),
    };
    let kept = match (built.kept, lang) {
        (0, _) => String::new(),
        (k, Lang::Vi) => format!(", {k} tệp giữ nguyên từ lần dựng trước"),
        (k, Lang::En) => format!(", {k} kept from the previous build"),
    };
    let tail = match (warnings, lang) {
        (0, _) => String::new(),
        (w, Lang::Vi) => format!(" ({w} cảnh báo cần rà soát)"),
        (w, Lang::En) => format!(" ({} to review)", plural(w, "warning")),
    };
    println!("{line}{kept}{tail}");
    if timings {
        for (stage, took) in &built.phases {
            println!("  {stage:<7} {:>6} ms", took.as_millis());
        }
    }
    ExitCode::SUCCESS
}

fn run_export(
    root: &std::path::Path,
    opts: &niemyet::export::ExportOptions,
    shown: Shown,
) -> ExitCode {
    let outcome = niemyet::export::export(root, opts);
    let lang = outcome.lang;
    eprint!(
        "{}",
        diag::render_shown(&outcome.diagnostics, root, lang, style(), shown)
    );
    match &outcome.exported {
        Some(e) => {
            let out = niemyet::text::printable(&e.out.to_string_lossy()).into_owned();
            let line = match lang {
                Lang::Vi => format!(
                    "Đã xuất {} thủ tục, {} lĩnh vực vào {out}",
                    e.procedures, e.fields
                ),
                Lang::En => format!(
                    "Exported {}, {} into {out}",
                    plural(e.procedures, "procedure"),
                    plural(e.fields, "field")
                ),
            };
            println!("{line}");
        }
        None if outcome.code == 1 => {
            let (errors, _) = diag::summary_counts(&outcome.diagnostics);
            let line = match lang {
                Lang::Vi => format!("Không xuất bảng: có {errors} lỗi trong nội dung."),
                Lang::En => format!(
                    "Nothing exported: {} in the content.",
                    plural(errors, "error")
                ),
            };
            eprintln!("{line}");
        }
        None => {}
    }
    ExitCode::from(outcome.code)
}

fn run_review(
    root: &std::path::Path,
    opts: &niemyet::review::ReviewOptions,
    shown: Shown,
) -> ExitCode {
    let outcome = niemyet::review::review(root, opts);
    let lang = outcome.lang;
    eprint!(
        "{}",
        diag::render_shown(&outcome.diagnostics, root, lang, style(), shown)
    );
    let diffs = outcome.findings.iter().filter(|f| !f.note).count();
    let notes = outcome.findings.len() - diffs;
    let s = &outcome.summary;
    if let Some(page) = &outcome.page {
        let page = niemyet::text::printable(&page.to_string_lossy()).into_owned();
        let line = match (diffs, lang) {
            (0, Lang::Vi) => format!(
                "Khớp: {} bản ghi, {} thủ tục được đối chiếu, {notes} ghi chú. Biên bản: {page}",
                s.records, s.matched
            ),
            (d, Lang::Vi) => format!(
                "Có {d} sai khác, {notes} ghi chú ({} bản ghi, {} thủ tục được đối chiếu). Biên bản: {page}",
                s.records, s.matched
            ),
            (0, Lang::En) => format!(
                "All agree: {}, {} compared, {}. Report: {page}",
                plural(s.records, "record"),
                plural(s.matched, "procedure"),
                plural(notes, "note")
            ),
            (d, Lang::En) => format!(
                "{}, {} ({}, {} compared). Report: {page}",
                plural(d, "difference"),
                plural(notes, "note"),
                plural(s.records, "record"),
                plural(s.matched, "procedure")
            ),
        };
        println!("{line}");
    }
    ExitCode::from(outcome.code)
}

/// Said once, before a build waits for another one writing the same output.
fn waiting_line(pid: Option<u32>, lang: Option<Lang>) -> String {
    let who = pid.map(|p| format!(" (PID {p})")).unwrap_or_default();
    match lang.unwrap_or_default() {
        Lang::Vi => format!(
            "Một lần dựng khác{who} đang ghi vào thư mục kết quả; chờ nó xong rồi dựng tiếp…"
        ),
        Lang::En => {
            format!("Another build{who} is writing the output folder; waiting for it to finish…")
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
