//! A tiny HTML reader for tests: attribute values (quoted or not, as
//! minify-html leaves them) and the visible text of a page.

/// The page as a list of tags (their inside, between `<` and `>`, quotes
/// respected) and text runs; `<script>`, `<style>` and `<title>` content is
/// raw text, as a browser reads it.
fn tokens(html: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let b = html.as_bytes();
    let (mut i, mut text_from) = (0, 0);
    while i < b.len() {
        let starts_tag = b[i] == b'<'
            && b.get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!');
        if !starts_tag {
            i += 1;
            continue;
        }
        out.push((false, &html[text_from..i]));
        let mut j = i + 1;
        let mut quote = None;
        while j < b.len() {
            match (quote, b[j]) {
                (None, b'"' | b'\'') => quote = Some(b[j]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        let tag = &html[i + 1..j.min(b.len())];
        out.push((true, tag));
        i = j + 1;
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if matches!(name.as_str(), "script" | "style" | "title") {
            let close = format!("</{name}");
            let rest = html.get(i..).unwrap_or("");
            let end = rest
                .to_ascii_lowercase()
                .find(&close)
                .map_or(html.len(), |e| i + e);
            if name == "title" {
                out.push((false, &html[i.min(end)..end]));
            }
            i = end;
        }
        text_from = i.min(html.len());
    }
    out.push((false, html.get(text_from..).unwrap_or("")));
    out
}

/// Every value of `attr=` inside the page's tags, quoted or not (text that
/// merely looks like an attribute, e.g. escaped markup, does not count).
pub fn attr_values(html: &str, attr: &str) -> Vec<String> {
    tokens(html)
        .into_iter()
        .filter(|(is_tag, _)| *is_tag)
        .flat_map(|(_, tag)| attr_values_in(&format!(" {tag}>"), attr))
        .collect()
}

/// Attribute values in one tag's inside. An attribute starts after
/// whitespace, or right after a quoted value (`class="a"href=#b`: valid
/// HTML, and what the minifier writes).
fn attr_values_in(tag: &str, attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let needle = format!("{attr}=");
    let bytes = tag.as_bytes();
    let mut quote: Option<u8> = None;
    for i in 0..bytes.len() {
        let starts_here = match (quote, bytes[i]) {
            (None, b'"' | b'\'') => {
                quote = Some(bytes[i]);
                false
            }
            (Some(q), c) if c == q => {
                quote = None;
                true
            }
            (None, c) => c.is_ascii_whitespace(),
            _ => false,
        };
        if starts_here && tag[i + 1..].starts_with(&needle) {
            let rest = &tag[i + 1 + needle.len()..];
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                _ => rest
                    .split(|c: char| c.is_ascii_whitespace() || c == '>')
                    .next()
                    .unwrap_or(""),
            };
            out.push(decode_entities(value));
        }
    }
    out
}

/// The text a reader sees: tags, scripts and styles removed, entities
/// decoded, all whitespace removed (minifiers may move it between blocks).
pub fn visible_text(html: &str) -> String {
    let text: String = tokens(html)
        .into_iter()
        .filter(|(is_tag, _)| !is_tag)
        .map(|(_, t)| t)
        .collect();
    decode_entities(&text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

const LEGACY: [(&str, char); 8] = [
    ("amp", '&'),
    ("AMP", '&'),
    ("lt", '<'),
    ("LT", '<'),
    ("gt", '>'),
    ("GT", '>'),
    ("quot", '"'),
    ("QUOT", '"'),
];

pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i < 12) else {
            // Minifiers write the legacy references a browser decodes in
            // text without a semicolon (`&LT`, `&amp`).
            match LEGACY.iter().find(|(name, _)| rest[1..].starts_with(name)) {
                Some((name, c)) => {
                    out.push(*c);
                    rest = &rest[1 + name.len()..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
            continue;
        };
        let name = &rest[1..semi];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ if name.starts_with("#x") || name.starts_with("#X") => {
                u32::from_str_radix(&name[2..], 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
