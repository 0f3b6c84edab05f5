//! `niemyet serve` on a temporary copy of the base site, over real HTTP
//! (a plain `TcpStream` client): edits show within 2 s, a broken file
//! shows the overlay while the last good site stays up, fixing it clears
//! it, traversal is refused, HEAD, 404 and content types; a form swapped
//! for a link out of `content/` is never served; half-sent and idle
//! connections are closed, their number is limited, and only names of
//! this computer are answered. And through the library: the incremental
//! rebuild gives, byte for byte, what a full `check` + render gives after
//! a sequence of edits.

mod common;

use common::{base_site, TODAY};
use niemyet::check::CheckOptions;
use niemyet::serve::live::{Changes, LiveSite, Rebuilt};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

const PROCEDURE: &str = "content/ho-tich/dang-ky-khai-sinh.md";
const PAGE: &str = "/ho-tich/dang-ky-khai-sinh/";

/// The running server; killed when dropped.
struct Server {
    child: Child,
    port: u16,
    output: Arc<Mutex<String>>,
}

impl Server {
    fn start(root: &Path) -> Server {
        Server::start_with(root, &["--port", "0"])
    }

    fn start_with(root: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_niemyet"))
            .arg("serve")
            .args(args)
            .args(["--date", TODAY, "--root"])
            .arg(root)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start niemyet serve");
        let output = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let out = Arc::clone(&output);
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                out.lock().unwrap().push_str(&format!("{line}\n"));
                let _ = tx.send(line);
            }
        });
        let stderr = child.stderr.take().unwrap();
        let err = Arc::clone(&output);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                err.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
        let mut server = Server {
            child,
            port: 0,
            output,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while server.port == 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = rx
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no URL printed:\n{}", server.output()));
            if let Some(i) = line.find("http://127.0.0.1:") {
                let rest = &line[i + "http://127.0.0.1:".len()..];
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                server.port = digits.parse().expect("port");
            }
        }
        server
    }

    /// The server's output once it holds `needle` (stdout and stderr are
    /// read by two threads: a line may arrive a moment after another).
    fn output_with(&self, needle: &str) -> String {
        let start = std::time::Instant::now();
        loop {
            let out = self.output();
            if out.contains(needle) || start.elapsed() > Duration::from_secs(5) {
                return out;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn output(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    fn get(&self, path: &str) -> Response {
        request(self.port, "GET", path)
    }

    /// Polls `path` until `pred` holds, at most `within`; the time it took.
    fn wait_for(&self, path: &str, within: Duration, pred: impl Fn(&Response) -> bool) -> Duration {
        let started = Instant::now();
        loop {
            let r = self.get(path);
            if pred(&r) {
                return started.elapsed();
            }
            if started.elapsed() > within {
                panic!(
                    "{path}: not seen within {within:?}; last answer {}:\n{}\n--- server output:\n{}",
                    r.status,
                    r.text(),
                    self.output()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One HTTP/1.1 request, the target sent exactly as given.
fn request(port: u16, method: &str, target: &str) -> Response {
    request_as(port, method, target, &format!("127.0.0.1:{port}"))
}

/// One HTTP/1.1 request naming the server `host`.
fn request_as(port: u16, method: &str, target: &str, host: &str) -> Response {
    try_request_as(port, method, target, host).expect("a response")
}

/// One HTTP/1.1 request; `None` if the connection failed.
fn try_request_as(port: u16, method: &str, target: &str, host: &str) -> Option<Response> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).ok()?;
    Some(parse(&raw))
}

fn parse(raw: &[u8]) -> Response {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of headers");
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    }
}

/// The live-reload stream, its response head read.
fn open_events(port: u16) -> (TcpStream, String) {
    let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
    events
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    write!(
        events,
        "GET /__niemyet/events HTTP/1.1\r\nHost: localhost:{port}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let mut seen = String::new();
    read_until(&mut events, &mut seen, "\r\n\r\n", Duration::from_secs(10));
    (events, seen)
}

/// Reads `stream` into `seen` until it holds `needle`, at most `within`.
fn read_until(stream: &mut TcpStream, seen: &mut String, needle: &str, within: Duration) {
    let started = Instant::now();
    while !seen.contains(needle) && started.elapsed() < within {
        let mut buf = [0u8; 4096];
        match stream.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
            Err(_) => {}
        }
    }
}

/// Whether the server closed `stream` (end of file or reset) within
/// `within`; whatever it sent before closing is ignored.
fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    let mut buf = [0u8; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        stream.set_read_timeout(Some(left)).unwrap();
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return false
            }
            Err(_) => return true,
        }
    }
}

/// Saves the way many editors do: a temporary file renamed over the old one.
fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_file_name(format!(
        ".{}.tmp",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn edits_errors_and_recovery_over_http() {
    let site = base_site();
    let root = site.path();
    let server = Server::start(root);
    let file = root.join(PROCEDURE);
    let original = std::fs::read_to_string(&file).unwrap();

    let page = server.get(PAGE);
    assert_eq!(page.status, 200, "{}", server.output());
    assert!(page.text().contains("Đăng ký khai sinh"));
    assert!(page.text().contains("/__niemyet/events"), "reload script");
    assert!(!page.text().contains("niemyet-overlay"));

    // The reload stream, opened before the edit.
    let (mut events, mut seen) = open_events(server.port);
    assert!(seen.contains("text/event-stream"), "{seen}");

    // An edit in place shows within 2 s, on the page and in the catalogue.
    std::fs::write(
        &file,
        original.replace(
            "title: Đăng ký khai sinh",
            "title: Đăng ký khai sinh cho trẻ em",
        ),
    )
    .unwrap();
    server.wait_for(PAGE, Duration::from_secs(2), |r| {
        r.text().contains("Đăng ký khai sinh cho trẻ em")
    });
    assert!(server
        .get("/danh-muc/")
        .text()
        .contains("Đăng ký khai sinh cho trẻ em"));
    // The poster, and the field's "print all" page (made on request).
    assert!(server
        .get("/posters/ho-tich/dang-ky-khai-sinh/")
        .text()
        .contains("Đăng ký khai sinh cho trẻ em"));
    let all = server.get("/posters/ho-tich/in-tat-ca.html");
    assert_eq!(all.status, 200);
    assert!(all.text().contains("Đăng ký khai sinh cho trẻ em"));
    assert!(all.text().contains("/__niemyet/events"), "reload script");
    read_until(
        &mut events,
        &mut seen,
        "event: reload",
        Duration::from_secs(2),
    );
    assert!(seen.contains("event: reload"), "no reload event:\n{seen}");

    // Saved by rename, as many editors do.
    save_by_rename(
        &file,
        &original.replace(
            "title: Đăng ký khai sinh",
            "title: Đăng ký khai sinh (lưu đổi tên)",
        ),
    );
    server.wait_for(PAGE, Duration::from_secs(2), |r| {
        r.text().contains("Đăng ký khai sinh (lưu đổi tên)")
    });

    // A broken file: the overlay on every page, the last good site still up.
    std::fs::write(
        &file,
        original
            .replace(
                "title: Đăng ký khai sinh",
                "title: Đăng ký khai sinh <b>&</b>",
            )
            .replace("deadline:", "deadlin:"),
    )
    .unwrap();
    server.wait_for(PAGE, Duration::from_secs(2), |r| {
        r.text().contains("niemyet-overlay")
    });
    let page = server.get(PAGE);
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(
        text.contains("Đăng ký khai sinh (lưu đổi tên)"),
        "last good page"
    );
    assert!(
        text.contains("content/ho-tich/dang-ky-khai-sinh.md:7:1"),
        "{text}"
    );
    assert!(text.contains("&quot;deadlin&quot;"), "message, escaped");
    assert!(text.contains("deadline"), "hint");
    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert!(home.text().contains("niemyet-overlay"));
    assert_eq!(
        server.get("/catalogue.json").header("content-type"),
        Some("application/json")
    );
    assert!(
        server
            .output()
            .contains("dang-ky-khai-sinh.md:7:1: lỗi: khóa không hợp lệ \"deadlin\""),
        "terminal shows the located message:\n{}",
        server.output()
    );

    // Fixed: the overlay goes, the new text shows.
    std::fs::write(
        &file,
        original.replace(
            "title: Đăng ký khai sinh",
            "title: Đăng ký khai sinh đã sửa",
        ),
    )
    .unwrap();
    server.wait_for(PAGE, Duration::from_secs(2), |r| {
        let t = r.text();
        t.contains("Đăng ký khai sinh đã sửa") && !t.contains("niemyet-overlay")
    });

    // A new procedure file, then deleted.
    let new = root.join("content/ho-tich/dang-ky-ket-hon.md");
    std::fs::write(
        &new,
        original
            .replace("1.001193", "1.000894")
            .replace("title: Đăng ký khai sinh", "title: Đăng ký kết hôn"),
    )
    .unwrap();
    server.wait_for("/ho-tich/dang-ky-ket-hon/", Duration::from_secs(2), |r| {
        r.status == 200 && r.text().contains("Đăng ký kết hôn")
    });
    std::fs::remove_file(&new).unwrap();
    server.wait_for("/ho-tich/dang-ky-ket-hon/", Duration::from_secs(2), |r| {
        r.status == 404
    });

    let out = server.output();
    assert!(
        out.contains("content/ho-tich/dang-ky-khai-sinh.md: dựng lại"),
        "{out}"
    );
    assert!(out.contains(" ms"), "{out}");
    assert!(!root.join("public").exists(), "serve never writes public/");
}

#[test]
fn polling_and_a_taken_port() {
    let site = base_site();
    let root = site.path();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let server = Server::start_with(root, &["--poll", "--port", &port]);
    assert_ne!(server.port.to_string(), port);
    let busy = format!("Cổng {port} đang bận; dùng cổng {}", server.port);
    let out = server.output_with(&busy);
    assert!(out.contains(&busy), "{out}");
    let out = server.output_with("dò định kỳ");
    assert!(out.contains("dò định kỳ"), "{out}");
    let file = root.join(PROCEDURE);
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        original.replace("title: Đăng ký khai sinh", "title: Khai sinh (dò)"),
    )
    .unwrap();
    server.wait_for(PAGE, Duration::from_secs(2), |r| {
        r.text().contains("Khai sinh (dò)")
    });
}

#[test]
fn http_refuses_traversal_and_serves_like_a_web_server() {
    let site = base_site();
    let server = Server::start(site.path());
    for bad in [
        "/../content/site.yaml",
        "/ho-tich/../../content/site.yaml",
        "/%2e%2e/content/site.yaml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/ho-tich/..%2f..%2fcontent%2fsite.yaml",
        "/ho-tich/%2e%2e%5c%2e%2e%5cetc",
        "/..\\content\\site.yaml",
        "//etc/passwd",
        "/C:/Windows/win.ini",
        "/a%00.html",
    ] {
        let r = request(server.port, "GET", bad);
        assert!((400..500).contains(&r.status), "{bad}: {}", r.status);
        assert!(!r.text().contains("base_url"), "{bad}");
    }
    // Only the rendered site is there: not content/, not the root.
    assert_eq!(server.get("/content/site.yaml").status, 404);

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let head = request(server.port, "HEAD", "/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("content-length"),
        Some(home.body.len().to_string().as_str())
    );
    assert_eq!(request(server.port, "POST", "/").status, 405);

    let missing = server.get("/khong-co/trang-nay.html");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("<html"), "the site's 404 page");
    assert!(missing.text().contains("/__niemyet/events"));

    // A folder: its index.html, or a redirect to the path with a slash.
    let field = server.get("/ho-tich");
    assert_eq!(field.status, 308);
    assert_eq!(field.header("location"), Some("/ho-tich/"));
    assert_eq!(server.get("/ho-tich/").status, 200);
    assert_eq!(server.get("/ho-tich/index.html").status, 200);

    for (path, ty) in [
        ("/catalogue.json", "application/json"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/assets/style.css", "text/css; charset=utf-8"),
        ("/assets/site.js", "text/javascript; charset=utf-8"),
        ("/ho-tich/dang-ky-khai-sinh/to-khai.pdf", "application/pdf"),
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some(ty), "{path}");
        assert!(
            !r.text().contains("__niemyet"),
            "{path}: script only in pages"
        );
    }
}

/// The library side: a [`LiveSite`] edited file by file gives what a full
/// `check` + render of the same content gives, byte for byte.
#[test]
fn incremental_rebuilds_equal_full_rebuilds() {
    let site = base_site();
    let root = site.path().to_path_buf();
    let today: jiff::civil::Date = TODAY.parse().unwrap();
    let opts = CheckOptions { today, lang: None };
    let field2 = root.join("content/chung-thuc");
    std::fs::create_dir_all(&field2).unwrap();
    std::fs::write(
        field2.join("_index.md"),
        "---\nname: Chứng thực\norder: 2\n---\n",
    )
    .unwrap();
    let main = root.join(PROCEDURE);
    let original = std::fs::read_to_string(&main).unwrap();
    let other = field2.join("chung-thuc-ban-sao.md");
    let other_text = original
        .replace("1.001193", "2.000815")
        .replace("title: Đăng ký khai sinh", "title: Chứng thực bản sao")
        .replace("    form: to-khai.pdf\n", "");
    std::fs::write(&other, &other_text).unwrap();

    let (mut live, first) = LiveSite::new(&root, opts);
    assert!(matches!(first.result, Rebuilt::Full { .. }));
    assert_same_as_full(&live, &root, opts);

    let edit = |live: &mut LiveSite, path: &PathBuf, text: &str| {
        std::fs::write(path, text).unwrap();
        live.apply(&Changes {
            procedures: [path.clone()].into(),
            everything: false,
        })
        .result
    };

    // A title (moves it in the A–Z lists), then a deadline.
    let r = edit(
        &mut live,
        &main,
        &original.replace("title: Đăng ký khai sinh", "title: Ân hạn khai sinh"),
    );
    assert!(matches!(r, Rebuilt::Partial { .. }), "{r:?}");
    assert_same_as_full(&live, &root, opts);
    let r = edit(
        &mut live,
        &other,
        &other_text.replace("working_days: 0", "working_days: 3"),
    );
    assert!(matches!(r, Rebuilt::Partial { .. }), "{r:?}");
    assert_same_as_full(&live, &root, opts);

    // Broken, another file edited meanwhile, then fixed: both edits land.
    let r = edit(&mut live, &main, &original.replace("deadline:", "deadlin:"));
    assert!(matches!(r, Rebuilt::Failed { errors: 1 }), "{r:?}");
    let r = edit(
        &mut live,
        &other,
        &other_text.replace(
            "title: Chứng thực bản sao",
            "title: Chứng thực bản sao giấy tờ",
        ),
    );
    assert!(matches!(r, Rebuilt::Failed { .. }), "{r:?}");
    let r = edit(
        &mut live,
        &main,
        &original.replace("Ghi chú.", "Ghi chú mới."),
    );
    assert!(matches!(r, Rebuilt::Partial { .. }), "{r:?}");
    assert_same_as_full(&live, &root, opts);

    // Repealed: the field's count on every page changes, so every page.
    let r = edit(
        &mut live,
        &other,
        &other_text.replace(
            "updated: 2026-05-01",
            "updated: 2026-05-01\nrepealed: 2026-06-01",
        ),
    );
    assert!(matches!(r, Rebuilt::Full { .. }), "{r:?}");
    assert_same_as_full(&live, &root, opts);

    // A form dropped: its attachment leaves the site.
    let r = edit(
        &mut live,
        &main,
        &original.replace("    form: to-khai.pdf\n", ""),
    );
    assert!(matches!(r, Rebuilt::Partial { .. }), "{r:?}");
    assert_same_as_full(&live, &root, opts);

    // A structural change goes through a full read.
    std::fs::remove_file(&other).unwrap();
    let r = live.apply(&Changes {
        procedures: Default::default(),
        everything: true,
    });
    assert!(matches!(r.result, Rebuilt::Full { .. }), "{:?}", r.result);
    assert_same_as_full(&live, &root, opts);
}

fn assert_same_as_full(live: &LiveSite, root: &Path, opts: CheckOptions) {
    let outcome = niemyet::check_site(root, opts);
    let site = outcome.site.expect("the content is valid");
    let full =
        niemyet::build::render_site(root, &site, opts.today).unwrap_or_else(|_| panic!("render"));
    let mut expected: Vec<(String, Vec<u8>)> = full
        .into_iter()
        .map(|f| {
            let bytes = match f.content {
                niemyet::render::Content::Html(s) => s,
                niemyet::render::Content::Bytes(b) => b,
                niemyet::render::Content::Static(b) => b.to_vec(),
                niemyet::render::Content::Copy(p) => std::fs::read(p).unwrap(),
            };
            (f.path, bytes)
        })
        .collect();
    expected.sort();
    let got = live.files();
    let paths = |v: &[(String, Vec<u8>)]| v.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&got), paths(&expected));
    for ((path, a), (_, b)) in got.iter().zip(&expected) {
        assert!(a == b, "{path} differs from a full rebuild");
    }
}

#[test]
fn a_site_broken_from_the_start_is_served_once_fixed() {
    let site = base_site();
    let root = site.path();
    let file = root.join(PROCEDURE);
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, original.replace("result:", "resul:")).unwrap();
    let server = Server::start(root);
    let r = server.get("/");
    assert_eq!(r.status, 503);
    assert!(r.text().contains("niemyet-overlay"), "{}", r.text());
    assert!(r.text().contains("/__niemyet/events"), "reloads once fixed");
    std::fs::write(&file, &original).unwrap();
    server.wait_for("/", Duration::from_secs(2), |r| {
        r.status == 200 && !r.text().contains("niemyet-overlay")
    });
    assert_eq!(server.get(PAGE).status, 200);
}

/// A form swapped for a link to a file outside the site: `check` refuses
/// it, the last good site stays up, and the outside file is never served,
/// neither before the rebuild sees the swap nor after. Fixed, the new
/// form is served.
#[cfg(unix)]
#[test]
fn a_form_swapped_for_a_link_out_of_the_site_is_never_served() {
    const SECRET: &str = "SECRET OUTSIDE THE SITE";
    let site = base_site();
    let root = site.path();
    // A bundle: content/ho-tich/dang-ky-ket-hon/{index.md, to-khai.pdf}.
    let bundle = root.join("content/ho-tich/dang-ky-ket-hon");
    std::fs::create_dir(&bundle).unwrap();
    let original = std::fs::read_to_string(root.join(PROCEDURE)).unwrap();
    std::fs::write(
        bundle.join("index.md"),
        original
            .replace("1.001193", "1.000894")
            .replace("title: Đăng ký khai sinh", "title: Đăng ký kết hôn"),
    )
    .unwrap();
    let form_bytes = std::fs::read(root.join("content/ho-tich/to-khai.pdf")).unwrap();
    std::fs::write(bundle.join("to-khai.pdf"), &form_bytes).unwrap();
    let outside = root.join("outside.pdf");
    std::fs::write(&outside, SECRET).unwrap();

    let server = Server::start(root);
    for (file, url, page) in [
        (
            bundle.join("to-khai.pdf"),
            "/ho-tich/dang-ky-ket-hon/to-khai.pdf",
            "/ho-tich/dang-ky-ket-hon/",
        ),
        (
            root.join("content/ho-tich/to-khai.pdf"),
            "/ho-tich/dang-ky-khai-sinh/to-khai.pdf",
            PAGE,
        ),
    ] {
        let before = server.get(url);
        assert_eq!(before.status, 200, "{url}: {}", server.output());
        assert_eq!(before.body, form_bytes, "{url}");

        std::fs::remove_file(&file).unwrap();
        std::os::unix::fs::symlink(&outside, &file).unwrap();
        // From the swap until the rebuild has shown the error, and after.
        let started = Instant::now();
        let mut refused_seen = false;
        while started.elapsed() < Duration::from_secs(5) {
            let r = server.get(url);
            assert!(!r.text().contains(SECRET), "{url} served the outside file");
            if server.get(page).text().contains("niemyet-overlay") {
                refused_seen = true;
                break;
            }
        }
        assert!(
            refused_seen,
            "check never refused the link:\n{}",
            server.output()
        );
        let out = server.output_with("trỏ ra ngoài thư mục content/");
        assert!(out.contains("trỏ ra ngoài thư mục content/"), "{out}");
        for _ in 0..3 {
            let r = server.get(url);
            assert!(!r.text().contains(SECRET), "{url} served the outside file");
            assert_eq!(r.status, 409, "{url}");
            assert!(r.text().contains("Tệp này đã thay đổi"), "{}", r.text());
            assert!(r.text().contains("This file changed"), "{}", r.text());
        }

        // A real file again: served once the site checks clean.
        std::fs::remove_file(&file).unwrap();
        std::fs::write(&file, b"%PDF-1.4 new form").unwrap();
        server.wait_for(url, Duration::from_secs(2), |r| {
            r.status == 200 && r.body == b"%PDF-1.4 new form"
        });
        std::fs::write(&file, &form_bytes).unwrap();
        server.wait_for(url, Duration::from_secs(2), |r| r.body == form_bytes);
    }
}

/// Reads one response to a keep-alive request (its length from its head).
fn read_response(s: &mut TcpStream) -> Response {
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    let started = Instant::now();
    loop {
        if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let r = parse(&raw);
            let len: usize = r
                .header("content-length")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            if raw.len() >= end + 4 + len {
                return r;
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no whole response"
        );
        let n = s.read(&mut buf).expect("read response");
        assert!(n > 0, "closed before the response ended");
        raw.extend_from_slice(&buf[..n]);
    }
}

/// 300 requests that never finish their head, as a slow or hostile client
/// sends them: a normal request is still answered at once, and they are
/// closed after the header timeout, as is an idle keep-alive connection;
/// the live-reload stream, which is a response, stays open past it.
#[test]
fn half_sent_and_idle_connections_are_closed_but_live_reload_stays() {
    let site = base_site();
    let root = site.path();
    let server = Server::start_with(root, &["--port", "0", "--header-timeout-ms", "1000"]);
    let (mut events, mut seen) = open_events(server.port);
    assert!(seen.contains("text/event-stream"), "{seen}");

    let opened = Instant::now();
    let mut half_sent: Vec<TcpStream> = (0..300)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
            s.write_all(b"GET / HTTP/1.1\r\n").unwrap();
            s
        })
        .collect();
    let started = Instant::now();
    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "answered in {:?}",
        started.elapsed()
    );

    // A keep-alive connection, idle after its first response.
    let mut idle = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    idle.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        idle,
        "GET / HTTP/1.1\r\nHost: localhost:{}\r\n\r\n",
        server.port
    )
    .unwrap();
    assert_eq!(read_response(&mut idle).status, 200);
    assert!(
        !closed_within(&mut idle, Duration::from_millis(300)),
        "kept alive at first"
    );

    // Every half-sent one closed by 1 s after it was opened (plus slack).
    for (i, s) in half_sent.iter_mut().enumerate() {
        let left = (opened + Duration::from_secs(3)).saturating_duration_since(Instant::now());
        assert!(
            closed_within(s, left.max(Duration::from_millis(1))),
            "half-sent connection {i} still open after {:?}",
            opened.elapsed()
        );
    }
    assert!(
        closed_within(&mut idle, Duration::from_secs(3)),
        "idle keep-alive"
    );

    // Well past the timeout, the reload stream still delivers.
    std::thread::sleep(Duration::from_millis(500));
    let file = root.join(PROCEDURE);
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        original.replace("title: Đăng ký khai sinh", "title: Khai sinh lâu"),
    )
    .unwrap();
    read_until(
        &mut events,
        &mut seen,
        "event: reload",
        Duration::from_secs(3),
    );
    assert!(
        seen.contains("event: reload"),
        "reload stream closed:\n{seen}"
    );
    assert_eq!(server.get("/").status, 200);
}

/// Beyond the limit, a new connection is closed at once (a 503 if it can
/// take it) while the others wait; once they go, requests are answered.
#[test]
fn connections_beyond_the_limit_are_refused_at_once() {
    let site = base_site();
    let server = Server::start_with(
        site.path(),
        &[
            "--port",
            "0",
            "--header-timeout-ms",
            "20000",
            "--max-connections",
            "20",
        ],
    );
    let mut held: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
            s.write_all(b"GET / HTTP/1.1\r\n").unwrap();
            s
        })
        .collect();
    // Connections are accepted in the order they came: the held ones take
    // every slot before the extra ones arrive.
    for i in 0..10 {
        let mut extra = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
        let _ = write!(extra, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assert!(
            closed_within(&mut extra, Duration::from_secs(2)),
            "connection {i} beyond the limit kept open"
        );
    }
    for s in &mut held {
        assert!(
            !closed_within(s, Duration::from_millis(1)),
            "held ones wait"
        );
    }
    held.clear();
    // Their slots come back as the server sees them closed.
    let started = Instant::now();
    let host = format!("127.0.0.1:{}", server.port);
    while try_request_as(server.port, "GET", "/", &host).is_none_or(|r| r.status != 200) {
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "slots not given back"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// DNS rebinding: a page of another site that made its name resolve to
/// 127.0.0.1 sends that name; only names of this computer are answered.
#[test]
fn only_names_of_this_computer_are_answered() {
    let site = base_site();
    let server = Server::start(site.path());
    let port = server.port;
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        "localhost".to_string(),
        "127.0.0.1".to_string(),
    ] {
        assert_eq!(request_as(port, "GET", "/", &host).status, 200, "{host}");
    }
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("192.168.1.20:{port}"),
    ] {
        for target in ["/", "/__niemyet/events", "/catalogue.json"] {
            let r = request_as(port, "GET", target, &host);
            assert_eq!(r.status, 403, "{host} {target}");
            assert!(r.text().contains("localhost"), "{}", r.text());
            assert!(!r.text().contains("Đăng ký khai sinh"), "{host} {target}");
        }
    }
    // No Host at all (HTTP/1.0) is no name of this computer either.
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(b"GET / HTTP/1.0\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    assert_eq!(parse(&raw).status, 403);
}

#[test]
fn the_kiosk_is_served_with_live_reload_and_follows_edits() {
    let site = base_site();
    let root = site.path();
    let server = Server::start(root);
    let kiosk = server.get("/kiosk/");
    assert_eq!(kiosk.status, 200, "{}", server.output());
    assert!(kiosk.text().contains("k-start"));
    assert!(kiosk.text().contains("/__niemyet/events"), "reload script");
    for asset in ["/assets/kiosk.js", "/assets/kiosk.css", "/search/search.js"] {
        assert_eq!(server.get(asset).status, 200, "{asset}");
    }
    // The data are scripts, made on request, never given the reload script.
    let data = server.get("/kiosk/data/ho-tich.0.js");
    assert_eq!(data.status, 200);
    assert_eq!(
        data.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(data.text().starts_with("niemyetKiosk.p(\"ho-tich\",0,"));
    assert!(!data.text().contains("__niemyet"));
    // An edit reaches the kiosk's data as it reaches the pages.
    let file = root.join(PROCEDURE);
    let original = std::fs::read_to_string(&file).unwrap();
    save_by_rename(
        &file,
        &original.replace("title: Đăng ký khai sinh", "title: Đăng ký khai sinh mới"),
    );
    server.wait_for("/kiosk/data/ho-tich.js", Duration::from_secs(2), |r| {
        r.text().contains("Đăng ký khai sinh mới")
    });
    assert!(server
        .get("/kiosk/data/ho-tich.0.js")
        .text()
        .contains("Đăng ký khai sinh mới"));
}
