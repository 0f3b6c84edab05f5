//! No import cycles between the library's files (issue 23): stages depend
//! one way (load → model → render → output), and a helper two files share
//! lives below both, so a cycle is always a design mistake, found here
//! rather than when it has grown.
//!
//! The test reads `src/**/*.rs`, builds the graph of which file uses which
//! and fails listing every group of files that reach each other (Tarjan's
//! strongly connected components), each with the uses that tie it.
//!
//! Simplifications (a reader of text, not a compiler):
//! - Edges are paths that start with `crate::` (or `$crate::`), `super::`
//!   or `self::`, in `use` items (with `{…}` groups) and written inline in
//!   code (`crate::text::slugify(…)`). A path relative to the file's own
//!   module (`index::Index` in `search/mod.rs`) is one of its children.
//! - A path goes to the file of its longest prefix that is a module file:
//!   `crate::x::y::Z` → `src/x/y.rs` or `src/x/y/mod.rs`, else `src/x.rs` or
//!   `src/x/mod.rs`; a root item (`crate::t!`) → `src/lib.rs`. Re-exports
//!   are not followed: an item a `mod.rs` re-exports counts as the
//!   `mod.rs`'s.
//! - A module's own children are its parts, not what it depends on: edges
//!   from a module file into its own sub-modules are left out (however
//!   spelled), so a `mod.rs` re-exporting its children is no cycle with
//!   them; a child's `super::` use of its parent is an edge.
//! - Comments, string and character literals, and `#[cfg(test)]` items are
//!   blanked first: a test may use a stage above the one it tests.
//! - `src/main.rs` is the binary, another crate (it names `niemyet::`).

#[path = "common/rust_source.rs"]
mod rust_source;

use rust_source::{blank_comments_and_literals, is_ident, rust_files};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Cycles known and not yet broken: each a set of files (relative to
/// `src/`). A group found must lie within one of these; a known one no
/// longer found fails too, so the list only shrinks. Empty: no cycle.
const KNOWN: &[&[&str]] = &[];

/// One use of another file: where, and the path as written.
#[derive(Debug, Clone)]
struct Use {
    line: usize,
    path: String,
}

#[test]
fn no_import_cycles_between_files() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // main.rs is the binary's root, not a file of the library.
    let files: Vec<String> = rust_files(&src)
        .into_iter()
        .filter(|f| f != "main.rs")
        .collect();
    let modules: BTreeMap<Vec<String>, String> =
        files.iter().map(|f| (module_of(f), f.clone())).collect();
    let mut edges: BTreeMap<String, BTreeMap<String, Use>> = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(src.join(file)).expect("read source");
        let code = blank_tests(&blank_comments_and_literals(&text));
        let own = module_of(file);
        let out = edges.entry(file.clone()).or_default();
        for (at, path) in paths(&code) {
            let Some(target) = resolve(&own, &path) else {
                continue;
            };
            // A module file naming its own sub-modules: its parts.
            if target.len() > own.len() && target.starts_with(&own) && is_module_root(file) {
                continue;
            }
            let to = file_of(&modules, &target);
            if to != *file {
                out.entry(to).or_insert(Use {
                    line: line_of(&code, at),
                    path: path.join("::"),
                });
            }
        }
    }
    let groups = tarjan(&files, &edges);
    let mut problems = Vec::new();
    for g in &groups {
        if KNOWN
            .iter()
            .any(|k| g.iter().all(|f| k.contains(&f.as_str())))
        {
            continue;
        }
        let mut s = format!("a cycle between {} files:", g.len());
        for from in g {
            for (to, u) in &edges[from] {
                if g.contains(to) {
                    s.push_str(&format!(
                        "\n    src/{from}:{} uses {} (src/{to})",
                        u.line, u.path
                    ));
                }
            }
        }
        problems.push(s);
    }
    for k in KNOWN {
        if !groups
            .iter()
            .any(|g| k.iter().any(|f| g.iter().any(|x| x == f)))
        {
            problems.push(format!(
                "the known cycle {k:?} is gone: remove it from KNOWN in tests/no_cycles.rs"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s) with imports between files (see the test's comment):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

/// The search index is below the renderer, which gives it what it needs
/// (a procedure's URL, its summary): nothing in `src/search` names render.
#[test]
fn search_names_nothing_of_render() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for file in rust_files(&src).iter().filter(|f| f.starts_with("search/")) {
        let text = std::fs::read_to_string(src.join(file)).expect("read source");
        let code = blank_comments_and_literals(&text);
        for (at, path) in paths(&code) {
            if resolve(&module_of(file), &path)
                .is_some_and(|p| p.first().is_some_and(|m| m == "render"))
            {
                found.push(format!(
                    "src/{file}:{} uses {}",
                    line_of(&code, at),
                    path.join("::")
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "search uses render:\n{}",
        found.join("\n")
    );
}

/// `load/walk.rs` → [load, walk]; `load/mod.rs` → [load]; `lib.rs` → [].
fn module_of(file: &str) -> Vec<String> {
    let stem = file.strip_suffix(".rs").unwrap_or(file);
    let mut parts: Vec<String> = stem.split('/').map(String::from).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

fn is_module_root(file: &str) -> bool {
    file == "lib.rs" || file.ends_with("/mod.rs")
}

/// The file holding the longest module prefix of `path`; `lib.rs` for a
/// root item.
fn file_of(modules: &BTreeMap<Vec<String>, String>, path: &[String]) -> String {
    (1..=path.len())
        .rev()
        .find_map(|n| modules.get(&path[..n]))
        .cloned()
        .unwrap_or_else(|| "lib.rs".to_string())
}

/// An absolute module path for `path` used in module `own`; `None` when it
/// climbs above the crate.
fn resolve(own: &[String], path: &[String]) -> Option<Vec<String>> {
    let mut cur: Vec<String> = Vec::new();
    let mut segs = path.iter().peekable();
    match segs.next().map(String::as_str) {
        Some("crate" | "$crate") => {}
        Some("self") => cur = own.to_vec(),
        Some("super") => {
            cur = own.to_vec();
            cur.pop()?;
        }
        _ => return None,
    }
    while segs.peek().is_some_and(|s| *s == "super") {
        segs.next();
        cur.pop()?;
    }
    cur.extend(segs.cloned());
    Some(cur)
}

fn line_of(code: &str, at: usize) -> usize {
    code[..at].bytes().filter(|&b| b == b'\n').count() + 1
}

/// The code with every `#[cfg(test)]` item blanked.
fn blank_tests(code: &str) -> String {
    let mut out = code.as_bytes().to_vec();
    let mut from = 0;
    while let Some(n) = code[from..].find("#[cfg(test)]") {
        let start = from + n;
        let b = code.as_bytes();
        let mut j = start + "#[cfg(test)]".len();
        while j < b.len() && b[j] != b'{' && b[j] != b';' {
            j += 1;
        }
        if j < b.len() && b[j] == b'{' {
            let mut depth = 0;
            while j < b.len() {
                match b[j] {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        let end = (j + 1).min(b.len());
        for x in &mut out[start..end] {
            if *x != b'\n' {
                *x = b' ';
            }
        }
        from = end;
    }
    String::from_utf8(out).expect("still UTF-8")
}

/// Every path starting with `crate`, `$crate`, `super` or `self` followed
/// by `::`, `use` groups expanded: (byte offset, segments).
fn paths(code: &str) -> Vec<(usize, Vec<String>)> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() && b[i] != b'$' || i > 0 && is_ident(b[i - 1]) {
            i += 1;
            continue;
        }
        let mut j = i + usize::from(b[i] == b'$');
        while j < b.len() && is_ident(b[j]) {
            j += 1;
        }
        let word = &code[i..j];
        let after_colons = i >= 2 && &b[i - 2..i] == b"::";
        if matches!(word, "crate" | "$crate" | "super" | "self")
            && !after_colons
            && code[j..].trim_start().starts_with("::")
        {
            let mut found = Vec::new();
            let end = tree(code, j, vec![word.to_string()], &mut found);
            out.extend(found.into_iter().map(|p| (i, p)));
            i = end.max(j);
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

/// Reads `::seg::seg`, `::{a, b::c, self}` or `::*` after `prefix` from
/// `at`; pushes each full path; returns where it stopped.
fn tree(code: &str, mut at: usize, mut prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let b = code.as_bytes();
    let skip_ws = |mut k: usize| {
        while k < b.len() && b[k].is_ascii_whitespace() {
            k += 1;
        }
        k
    };
    loop {
        let k = skip_ws(at);
        if !code[k..].starts_with("::") {
            out.push(prefix);
            return at;
        }
        let k = skip_ws(k + 2);
        if b.get(k) == Some(&b'{') {
            let mut k = k + 1;
            loop {
                k = skip_ws(k);
                match b.get(k) {
                    None => return k,
                    Some(b'}') => return k + 1,
                    Some(b',') => k += 1,
                    Some(b'*') => {
                        out.push(prefix.clone());
                        k += 1;
                    }
                    Some(&c) if is_ident(c) => {
                        let mut e = k;
                        while e < b.len() && is_ident(b[e]) {
                            e += 1;
                        }
                        let seg = &code[k..e];
                        let mut p = prefix.clone();
                        if seg != "self" {
                            p.push(seg.to_string());
                        }
                        k = tree(code, e, p, out);
                        // `as name`
                        let s = skip_ws(k);
                        if code[s..].starts_with("as ") {
                            let mut e = skip_ws(s + 3);
                            while e < b.len() && is_ident(b[e]) {
                                e += 1;
                            }
                            k = e;
                        }
                    }
                    Some(_) => k += 1,
                }
            }
        }
        if b.get(k) == Some(&b'*') {
            out.push(prefix);
            return k + 1;
        }
        let mut e = k;
        while e < b.len() && is_ident(b[e]) {
            e += 1;
        }
        if e == k {
            out.push(prefix);
            return k;
        }
        prefix.push(code[k..e].to_string());
        at = e;
    }
}

/// Strongly connected components of more than one file (Tarjan), each
/// sorted, in file order.
fn tarjan(files: &[String], edges: &BTreeMap<String, BTreeMap<String, Use>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeMap<String, Use>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        groups: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        let edges = s.edges;
        for w in edges.get(v).into_iter().flat_map(BTreeMap::keys) {
            if !s.index.contains_key(w.as_str()) {
                visit(s, w);
                let low = s.low[v].min(s.low[w.as_str()]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w.as_str()) {
                let low = s.low[v].min(s.index[w.as_str()]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.groups.push(group);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        groups: Vec::new(),
    };
    for f in files {
        if !s.index.contains_key(f.as_str()) {
            visit(&mut s, f);
        }
    }
    s.groups.sort();
    s.groups
}

#[test]
fn the_reader_finds_paths_and_skips_the_rest() {
    let code = blank_tests(&blank_comments_and_literals(
        "use crate::{a::b, c::{self, d}};\n\
         use super::*; // crate::no\n\
         fn f() { let s = \"crate::no\"; let c = '\"'; crate::x::y(s); }\n\
         fn g<'a>(x: &'a str) -> &'a str { super::super::z::w(x) }\n\
         pub(crate) fn h() { r#\"crate::no\"#; }\n\
         #[cfg(test)]\nmod tests { use crate::no; }\n",
    ));
    let found: Vec<String> = paths(&code)
        .into_iter()
        .map(|(_, p)| p.join("::"))
        .collect();
    assert_eq!(
        found,
        [
            "crate::a::b",
            "crate::c",
            "crate::c::d",
            "super",
            "crate::x::y",
            "super::super::z::w"
        ]
    );
    let own = module_of("load/walk.rs");
    assert_eq!(
        resolve(&own, &["super".into(), "raw".into()]),
        Some(vec!["load".to_string(), "raw".to_string()])
    );
    assert_eq!(module_of("load/mod.rs"), ["load"]);
}
