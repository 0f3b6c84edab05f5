//! `niemyet serve`: the site rendered into memory (never into `public/`),
//! served on 127.0.0.1, rebuilt when a file under `content/` or `themes/`
//! changes, and every open page reloaded.
//!
//! Three threads, one direction: the watcher ([`watch`]) sends batches of
//! file events; the rebuild thread owns the [`live::LiveSite`], applies each
//! batch and publishes an immutable [`live::Snapshot`] on a `tokio::sync::watch`
//! channel; the HTTP side ([`http`], one tokio thread) reads the latest
//! snapshot for each request, and its Server-Sent Events stream tells pages
//! to reload when a new snapshot arrives. A broken file publishes the
//! overlay with the last good site still in the snapshot.

pub mod http;
pub mod live;
pub mod overlay;
pub mod pin;
pub mod watch;

use crate::check::CheckOptions;
use crate::diag::{self, Diagnostic, Style};
use crate::lang::Lang;
use crate::model::Date;
use live::{LiveSite, Rebuilt, Report};
use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{mpsc, Arc};

pub struct ServeOptions {
    /// `--root` as given (diagnostics print paths from there).
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 lets the system choose a free port.
    pub port: u16,
    pub open: bool,
    pub poll: bool,
    pub today: Date,
    pub lang: Option<Lang>,
    pub style: Style,
    /// Timeouts and the connection limit ([`http::Limits::default`] but in
    /// tests).
    pub limits: http::Limits,
}

/// Why `serve` could not start (it never stops on a content problem).
pub enum ServeError {
    /// No content/ folder: the diagnostics, as `check` prints them.
    Content(Vec<Diagnostic>, Lang),
    Io(String),
}

/// How many ports after the asked one are tried when it is taken.
const PORT_TRIES: u16 = 20;

pub fn run(opts: ServeOptions) -> Result<(), ServeError> {
    let root = std::fs::canonicalize(&opts.root)
        .map_err(|e| ServeError::Io(format!("{}: {e}", opts.root.display())))?;
    let check_opts = CheckOptions {
        today: opts.today,
        lang: opts.lang,
    };
    let (live, report) = LiveSite::new(&root, check_opts);
    if !root.join("content").is_dir() {
        return Err(ServeError::Content(report.diagnostics, report.lang));
    }
    let lang = report.lang;
    let printer = Printer {
        root: opts.root.clone(),
        style: opts.style,
    };
    printer.report(&report, &[], true);

    let listener = bind(opts.bind, opts.port, lang)?;
    let addr = listener
        .local_addr()
        .map_err(|e| ServeError::Io(e.to_string()))?;
    let shown_ip = if addr.ip().is_unspecified() {
        IpAddr::from([127, 0, 0, 1])
    } else {
        addr.ip()
    };
    let url = format!("http://{}/", SocketAddr::new(shown_ip, addr.port()));

    let (events_tx, events_rx) = mpsc::channel();
    let (watcher, native_error) = watch::start(&root, opts.poll, events_tx)
        .map_err(|e| ServeError::Io(format!("watch {}: {e}", root.display())))?;
    if let Some(e) = native_error {
        let line = match lang {
            Lang::Vi => format!(
                "Không theo dõi được thay đổi theo cách thường ({e}); chuyển sang dò định kỳ"
            ),
            Lang::En => format!("Native file watching failed ({e}); polling instead"),
        };
        eprintln!("{line}");
    }
    if !addr.ip().is_loopback() {
        let line = match lang {
            Lang::Vi => format!("Cảnh báo: đang mở trang cho mọi máy tính trong mạng thấy ({}); bản xem trước chưa kiểm duyệt", addr.ip()),
            Lang::En => format!("Warning: serving beyond this computer ({}); anyone on the network can see this unreviewed preview", addr.ip()),
        };
        eprintln!("{line}");
    }
    let mode = match (watcher.is_polling(), lang) {
        (false, _) => "",
        (true, Lang::Vi) => " (dò định kỳ)",
        (true, Lang::En) => " (polling)",
    };
    let line = match lang {
        Lang::Vi => format!("Xem trang tại {url} — đang theo dõi content/{mode}; Ctrl+C để dừng"),
        Lang::En => format!("Serving at {url} — watching content/{mode}; Ctrl+C to stop"),
    };
    println!("{line}");
    let _ = std::io::stdout().flush();

    let (site_tx, site_rx) = tokio::sync::watch::channel(Arc::new(live.snapshot()));
    std::thread::Builder::new()
        .name("niemyet-rebuild".into())
        .spawn(move || rebuild_loop(live, events_rx, site_tx, printer, watcher))
        .map_err(|e| ServeError::Io(e.to_string()))?;
    if opts.open {
        open_browser(&url);
    }

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| ServeError::Io(e.to_string()))?;
    let app = http::router(http::AppState {
        site: site_rx,
        lang,
        bind: opts.bind,
    });
    runtime.block_on(async move {
        listener
            .set_nonblocking(true)
            .map_err(|e| ServeError::Io(e.to_string()))?;
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| ServeError::Io(e.to_string()))?;
        http::serve(listener, app, opts.limits).await;
        Ok(())
    })
}

/// Binds `ip:port`; when that port is taken, the next free one (said so).
fn bind(ip: IpAddr, port: u16, lang: Lang) -> Result<TcpListener, ServeError> {
    let mut last_error = None;
    let tries = if port == 0 { 1 } else { PORT_TRIES };
    for p in (0..tries).filter_map(|i| port.checked_add(i)) {
        match TcpListener::bind((ip, p)) {
            Ok(l) => {
                if p != port {
                    let line = match lang {
                        Lang::Vi => format!("Cổng {port} đang bận; dùng cổng {p}"),
                        Lang::En => format!("Port {port} is in use; using port {p}"),
                    };
                    eprintln!("{line}");
                }
                return Ok(l);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => last_error = Some(e),
            Err(e) => return Err(ServeError::Io(format!("{ip}:{p}: {e}"))),
        }
    }
    let e = last_error.map(|e| e.to_string()).unwrap_or_default();
    Err(ServeError::Io(match lang {
        Lang::Vi => format!(
            "Cổng {port} đến {} đều bận ({e}); chọn cổng khác bằng --port",
            port.saturating_add(tries - 1)
        ),
        Lang::En => format!(
            "Ports {port} to {} are all in use ({e}); choose another with --port",
            port.saturating_add(tries - 1)
        ),
    }))
}

fn rebuild_loop(
    mut live: LiveSite,
    events: mpsc::Receiver<notify_debouncer_full::DebounceEventResult>,
    site: tokio::sync::watch::Sender<Arc<live::Snapshot>>,
    printer: Printer,
    watcher: watch::Watcher,
) {
    // The watcher lives as long as this loop.
    let _watcher = watcher;
    while let Ok(first) = events.recv() {
        let mut changes = live::Changes::default();
        let mut shown: Vec<PathBuf> = Vec::new();
        // Everything that arrived meanwhile goes into the same rebuild.
        for batch in std::iter::once(first).chain(events.try_iter()) {
            match batch {
                Ok(evs) => {
                    let (c, s) = watch::classify(live.root(), &evs, |p| live.is_procedure_file(p));
                    changes.merge(c);
                    shown.extend(
                        s.into_iter()
                            .filter(|p| !shown.contains(p))
                            .collect::<Vec<_>>(),
                    );
                }
                Err(errors) => {
                    for e in errors {
                        eprintln!("watch: {e}");
                    }
                    changes.everything = true;
                }
            }
        }
        if changes.is_empty() {
            continue;
        }
        let report = live.apply(&changes);
        printer.report(&report, &shown, false);
        if site.send(Arc::new(live.snapshot())).is_err() {
            return;
        }
    }
}

struct Printer {
    root: PathBuf,
    style: Style,
}

impl Printer {
    /// Errors, the warnings of the changed files (all of them on the first
    /// build), and one line: what changed, what was rebuilt, how long it took.
    fn report(&self, report: &Report, changed: &[PathBuf], first: bool) {
        let lang = report.lang;
        let shown: Vec<Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| d.is_error() || changed.is_empty() || changed.contains(&d.file))
            .cloned()
            .collect();
        eprint!("{}", diag::render(&shown, &self.root, lang, self.style));
        let ms = report.elapsed.as_millis();
        let what = match changed {
            [] => String::new(),
            [one] => format!("{}: ", one.display()),
            [one, rest @ ..] => match lang {
                Lang::Vi => format!("{} và {} tệp khác: ", one.display(), rest.len()),
                Lang::En => format!("{} and {} more: ", one.display(), rest.len()),
            },
        };
        let line = match (report.result, lang) {
            (Rebuilt::Full { pages }, Lang::Vi) if first => format!("Đã dựng toàn bộ {pages} trang trong {ms} ms"),
            (Rebuilt::Full { pages }, Lang::En) if first => format!("Built all {pages} pages in {ms} ms"),
            (Rebuilt::Full { pages }, Lang::Vi) => format!("{what}dựng lại toàn bộ {pages} trang trong {ms} ms"),
            (Rebuilt::Full { pages }, Lang::En) => format!("{what}rebuilt all {pages} pages in {ms} ms"),
            (Rebuilt::Partial { pages }, Lang::Vi) => format!("{what}dựng lại {pages} trang trong {ms} ms"),
            (Rebuilt::Partial { pages }, Lang::En) => format!("{what}rebuilt {pages} pages in {ms} ms"),
            (Rebuilt::Failed { errors }, Lang::Vi) => format!("{what}có {errors} lỗi ({ms} ms); trình duyệt hiện lỗi, trang cũ vẫn xem được"),
            (Rebuilt::Failed { errors }, Lang::En) => format!("{what}{errors} error(s) ({ms} ms); shown in the browser, the last good site stays up"),
        };
        println!("{line}");
        let _ = std::io::stdout().flush();
    }
}

/// Opens the URL in the default browser; failing that, says so.
fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "windows") {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if let Err(e) = cmd {
        eprintln!("--open: {e}");
    }
}
