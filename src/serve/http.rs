//! The HTTP side of `serve` (axum): files of the in-memory site by exact
//! path, never the file system by a path from the request. Requests with
//! `..`, `.`, encoded slashes or backslashes, backslashes, NUL, drive
//! letters or `//` are refused with 400 even so. `GET` and `HEAD` only; a
//! folder serves its `index.html` (`/x` redirects to `/x/`), never a
//! listing; the site's `404.html` with status 404.
//!
//! Connections are served here, not by `axum::serve`, which has no timeout
//! and no limit: a request's head must arrive within
//! [`Limits::header_timeout`] (an idle keep-alive connection waits for the
//! next head, so it is closed after as long), and beyond
//! [`Limits::max_connections`] a new connection is answered 503 and
//! closed at once, before the process runs out of file descriptors. A
//! response being written is never timed out: the live-reload stream
//! stays open as long as its page.
//!
//! Only requests naming this computer (`localhost`, a loopback address) or
//! the `--bind` address are answered ([`host_allowed`]): a page of another
//! site whose name was made to resolve to 127.0.0.1 (DNS rebinding) sends
//! its own name, and gets 403.

use super::live::{Body, Snapshot};
use super::overlay::{self, EVENTS_PATH};
use crate::lang::Lang;
use axum::body::Body as HttpBody;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::convert::Infallible;
use std::io;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Semaphore};

#[derive(Clone)]
pub struct AppState {
    pub site: watch::Receiver<Arc<Snapshot>>,
    pub lang: Lang,
    /// The `--bind` address: a name for this server besides the loopback ones.
    pub bind: IpAddr,
}

/// How long a client may take, and how many may be connected at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// From the connection's start, or the end of its last response, to
    /// the end of a request's head.
    pub header_timeout: Duration,
    /// Open connections, live-reload streams included.
    pub max_connections: usize,
}

impl Default for Limits {
    /// A browser sends a request's head in one packet: 5 s is generous even
    /// on a phone over Wi-Fi. A browser opens at most 6 connections to one
    /// server (live-reload included); 512 leaves room for many tabs and
    /// browsers, and half of the usual limit of 1,024 descriptors to the
    /// rebuild's own files.
    fn default() -> Limits {
        Limits {
            header_timeout: Duration::from_secs(5),
            max_connections: 512,
        }
    }
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(events))
        .fallback(file)
        .layer(middleware::from_fn_with_state(state.clone(), check_host))
        .with_state(state)
}

/// Serves `app` on `listener` within `limits`, until the process ends.
pub async fn serve(listener: TcpListener, app: Router, limits: Limits) {
    let slots = Arc::new(Semaphore::new(
        limits.max_connections.min(Semaphore::MAX_PERMITS),
    ));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                accept_failed(e).await;
                continue;
            }
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            refuse(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let conn =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        tokio::spawn(async move {
            // A client that went away or timed out: nothing to report.
            let _ = conn.await;
            drop(slot);
        });
    }
}

/// Over the limit: a short answer if the socket takes it now, then closed.
fn refuse(stream: TcpStream) {
    const TEXT: &str = "Quá nhiều kết nối tới bản xem trước; thử lại sau.\n\
        Too many connections to the preview; try again later.\n";
    let answer = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\n\
         connection: close\r\ncontent-length: {}\r\n\r\n{TEXT}",
        TEXT.len()
    );
    let _ = stream.try_write(answer.as_bytes());
}

/// An accept that failed: the client's problem, or (out of descriptors)
/// ours, then a pause before the next try so the loop does not spin.
async fn accept_failed(e: io::Error) {
    use io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        e.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset
    ) {
        return;
    }
    eprintln!("serve: không nhận được kết nối · cannot accept a connection: {e}");
    tokio::time::sleep(Duration::from_millis(100)).await;
}

/// Answers only requests that name this server (see [`host_allowed`]).
async fn check_host(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    let authority = request.uri().authority().map(|a| a.as_str());
    let named = host.is_some() || authority.is_some();
    let allowed = [host, authority]
        .into_iter()
        .flatten()
        .all(|h| host_allowed(h, state.bind));
    if named && allowed {
        return next.run(request).await;
    }
    plain(StatusCode::FORBIDDEN, HOST_REFUSED)
}

const HOST_REFUSED: &str = "Bị từ chối: bản xem trước chỉ trả lời khi được mở bằng \
http://localhost hoặc http://127.0.0.1 (hoặc địa chỉ đã cho ở --bind), \
để trang web khác không đọc được nó.\n\
Forbidden: the preview answers only when opened as http://localhost or \
http://127.0.0.1 (or the --bind address), so that other websites cannot read it.\n";

/// Whether a `Host` value (`name`, `name:port`, `[v6]:port`) names this
/// server: `localhost`, a loopback address, or `bind`. Listening on every
/// address (`0.0.0.0`, `::`), any IP address is allowed: the computer's
/// addresses on the network are not known here, and DNS rebinding needs
/// a name, never an address.
pub fn host_allowed(value: &str, bind: IpAddr) -> bool {
    let Some(name) = host_name(value) else {
        return false;
    };
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback() || ip == bind || bind.is_unspecified(),
        Err(_) => false,
    }
}

/// The name of a `Host` value without its port; `None` if malformed.
fn host_name(value: &str) -> Option<&str> {
    let (name, port) = match value.strip_prefix('[') {
        Some(rest) => {
            let (v6, after) = rest.split_once(']')?;
            // Only an IPv6 address goes in brackets.
            v6.parse::<std::net::Ipv6Addr>().ok()?;
            (
                v6,
                after.strip_prefix(':').or(after.is_empty().then_some("")),
            )
        }
        None => match value.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (value, Some("")),
        },
    };
    let port = port?;
    let port_ok = port.is_empty() || (port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()));
    (port_ok && !name.is_empty()).then_some(name)
}

/// One `reload` event each time the site (or its list of errors) changes.
async fn events(
    State(state): State<AppState>,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let mut rx = state.site.clone();
    rx.mark_unchanged();
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.changed().await.ok()?;
        let version = rx.borrow_and_update().version;
        let event = Event::default().event("reload").data(version.to_string());
        Some((Ok(event), rx))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn file(State(state): State<AppState>, method: Method, uri: Uri) -> Response {
    let head = method == Method::HEAD;
    if method != Method::GET && !head {
        let mut r = plain(StatusCode::METHOD_NOT_ALLOWED, "method not allowed\n");
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let Some(path) = safe_path(uri.path()) else {
        return plain(StatusCode::BAD_REQUEST, "bad request: path refused\n");
    };
    let snapshot = Arc::clone(&state.site.borrow());
    if snapshot.site.is_none() {
        let overlay = snapshot.overlay.as_deref().unwrap_or_default();
        let page = overlay::error_page(overlay, state.lang);
        return respond(StatusCode::SERVICE_UNAVAILABLE, "index.html", page, head);
    }
    let key = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.clone()
    };
    if let Some(body) = lookup(&snapshot, &key).await {
        return send(&snapshot, StatusCode::OK, &key, body, head).await;
    }
    if !key.ends_with("/index.html") && snapshot.get_built(&format!("{path}/index.html")).is_some()
    {
        let mut to = format!("/{path}/");
        if let Some(q) = uri.query() {
            to.push('?');
            to.push_str(q);
        }
        let mut r = plain(StatusCode::PERMANENT_REDIRECT, "");
        if let Ok(v) = HeaderValue::from_str(&to) {
            r.headers_mut().insert(header::LOCATION, v);
        }
        return r;
    }
    match snapshot.get_built("404.html") {
        Some(body) => {
            send(
                &snapshot,
                StatusCode::NOT_FOUND,
                "404.html",
                body.clone(),
                head,
            )
            .await
        }
        None => plain(StatusCode::NOT_FOUND, "not found\n"),
    }
}

/// A file of the snapshot; data files are made off the async thread.
async fn lookup(snapshot: &Arc<Snapshot>, key: &str) -> Option<Body> {
    if let Some(b) = snapshot.get_built(key) {
        return Some(b.clone());
    }
    let s = Arc::clone(snapshot);
    let key = key.to_string();
    tokio::task::spawn_blocking(move || s.get(&key).cloned())
        .await
        .ok()
        .flatten()
}

async fn send(
    snapshot: &Snapshot,
    status: StatusCode,
    key: &str,
    body: Body,
    head: bool,
) -> Response {
    let bytes = match body {
        Body::Html(b) => overlay::inject(&b, snapshot.overlay.as_deref()),
        Body::Data(b) => return respond(status, key, b, head),
        Body::File(p) => match tokio::task::spawn_blocking(move || p.read()).await {
            Ok(Ok(b)) => b,
            _ => return plain(StatusCode::CONFLICT, FILE_CHANGED),
        },
    };
    respond(status, key, bytes, head)
}

/// A form (or theme file) is no longer the file the last good site was
/// checked with: it is not served from disk as it now is.
const FILE_CHANGED: &str = "Tệp này đã thay đổi sau lần kiểm tra gần nhất nên chưa mở được. \
Bản xem trước sẽ cập nhật khi nội dung được lưu lại và không còn lỗi.\n\
This file changed since the site was last checked, so it is not served. \
The preview updates at the next save without errors.\n";

fn respond(
    status: StatusCode,
    key: &str,
    bytes: impl Into<axum::body::Bytes>,
    head: bool,
) -> Response {
    let bytes: axum::body::Bytes = bytes.into();
    let len = bytes.len();
    let body = if head {
        HttpBody::empty()
    } else {
        HttpBody::from(bytes)
    };
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(key)),
    );
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut r = (status, text).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

/// The request path as a key of the site (`""`, `"x/"`, `"x/y.pdf"`), or
/// `None` for anything that could name a place outside it.
pub fn safe_path(raw: &str) -> Option<String> {
    let rest = raw.strip_prefix('/')?;
    let lower = rest.to_ascii_lowercase();
    // Encoded separators and NUL never name a file of the site.
    if rest.contains('\\') || ["%2f", "%5c", "%00"].iter().any(|e| lower.contains(e)) {
        return None;
    }
    let decoded = String::from_utf8(percent_decode(rest)?).ok()?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let last = segments.len() - 1;
    for (i, s) in segments.iter().enumerate() {
        let bad = *s == "." || *s == ".." || s.contains(':') || (s.is_empty() && i != last);
        if bad {
            return None;
        }
    }
    Some(decoded)
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The content type of a file of the site, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "rtf" => "application/rtf",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_could_leave_the_site_are_refused() {
        for bad in [
            "/..",
            "/../etc/passwd",
            "/a/../../b",
            "/%2e%2e/x",
            "/%2E%2E%2Fetc",
            "/a%2fb",
            "/a%5cb",
            "/a\\b",
            "//etc/passwd",
            "/C:/x",
            "/a/./b",
            "/a%00.html",
            "/%zz",
            "/%ff",
            "relative",
        ] {
            assert_eq!(safe_path(bad), None, "{bad}");
        }
        assert_eq!(safe_path("/").as_deref(), Some(""));
        assert_eq!(safe_path("/ho-tich/").as_deref(), Some("ho-tich/"));
        assert_eq!(safe_path("/a/t%E1%BB%9D.pdf").as_deref(), Some("a/tờ.pdf"));
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("x.PDF"), "application/pdf");
        assert_eq!(content_type("catalogue.json"), "application/json");
        assert_eq!(content_type("q.svg"), "image/svg+xml");
        assert_eq!(content_type("f.woff2"), "font/woff2");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }

    #[test]
    fn only_names_of_this_computer_are_answered() {
        let loopback = IpAddr::from([127, 0, 0, 1]);
        for ok in [
            "localhost",
            "LocalHost:1111",
            "127.0.0.1",
            "127.0.0.1:8080",
            "[::1]",
            "[::1]:1111",
        ] {
            assert!(host_allowed(ok, loopback), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "192.168.1.5:1111",
            "localhost:x",
            "localhost:1111:1",
            "[::1",
            "[evil]:1",
            "::1",
            ":1111",
            "",
        ] {
            assert!(!host_allowed(bad, loopback), "{bad}");
        }
        let lan = IpAddr::from([192, 168, 1, 5]);
        assert!(host_allowed("192.168.1.5:1111", lan));
        assert!(host_allowed("localhost:1111", lan));
        assert!(!host_allowed("192.168.1.6:1111", lan));
        assert!(!host_allowed("evil.example", lan));
        let any = IpAddr::from([0, 0, 0, 0]);
        assert!(host_allowed("10.0.0.7:1111", any));
        assert!(host_allowed("[fe80::1]:1111", any));
        assert!(!host_allowed("evil.example:1111", any));
    }
}
