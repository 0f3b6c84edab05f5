#!/usr/bin/env python3
"""Turn a niemyet benchmark site into a Zola site with the same text.

Usage:

    python3 benches/zola_site.py SITE_DIR ZOLA_DIR [--minify]

Issue 8 measures niemyet against Zola 0.22 "building the same text (a
minimal theme, pages + its Fuse search index)". This script makes that Zola
site from SITE_DIR/content (as written by gen_site.py): one Zola section per
field, one page per procedure whose Markdown body carries every fact of the
procedure (documents, steps, deadline, fees, legal basis, contacts) followed
by its own Markdown body, bundles with their PDF form beside them, and the
notices. Templates are minimal (title, content, the list of a section's
pages); `build_search_index` writes a Fuse JSON index of titles and content.
`--minify` turns on Zola's `minify_html`.

Nothing of Zola is committed; `benches/zola_compare.sh` documents how to
build Zola and run both side by side. Standard library only; the YAML of
gen_site.py is simple enough to read with a small line parser (double-quoted
strings, integers, dates, lists of scalars and of flat mappings).
"""

from __future__ import annotations

import json
import os
import shutil
import sys


def scalar(text: str):
    text = text.strip()
    if text.startswith('"'):
        return json.loads(text)
    if text == "[]":
        return []
    return text


def parse_yaml(lines: list[str]) -> dict:
    """The subset gen_site.py writes: top-level keys, one nested mapping
    level, lists of scalars or of mappings."""
    root: dict = {}
    key = None
    item = None
    for line in lines:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if indent == 0:
            k, _, v = body.partition(":")
            key, item = k, None
            root[k] = scalar(v) if v.strip() else None
        elif body.startswith("- "):
            if not isinstance(root.get(key), list):
                root[key] = []
            rest = body[2:]
            if ":" in rest and not rest.startswith('"'):
                k, _, v = rest.partition(":")
                item = {k.strip(): scalar(v)}
                root[key].append(item)
            else:
                item = None
                root[key].append(scalar(rest))
        else:
            k, _, v = body.partition(":")
            if item is not None:
                item[k.strip()] = scalar(v)
            else:
                if not isinstance(root.get(key), dict):
                    root[key] = {}
                root[key][k.strip()] = scalar(v)
    return root


def split(path: str) -> tuple[dict, str]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.startswith("---\n"):
        return {}, text
    head, _, body = text[4:].partition("\n---\n")
    return parse_yaml(head.split("\n")), body


def toml_str(s) -> str:
    return json.dumps(str(s), ensure_ascii=False)


def facts(fm: dict) -> str:
    """The procedure's structured facts as Markdown, so Zola renders and
    indexes the same text niemyet does."""
    out = []
    for key, label in (("code", "Mã thủ tục"), ("level", "Cấp"), ("audience", "Đối tượng"),
                       ("result", "Kết quả")):
        if fm.get(key):
            out.append(f"**{label}:** {fm[key]}\n")
    aliases = fm.get("aliases") or []
    if aliases:
        out.append("Tên gọi khác: " + "; ".join(aliases) + "\n")
    d = fm.get("deadline")
    if isinstance(d, dict):
        out.append("## Thời hạn giải quyết\n\n" + "; ".join(f"{k}: {v}" for k, v in d.items()) + "\n")
    elif d:
        out.append(f"## Thời hạn giải quyết\n\n{d}\n")
    for key, title in (("documents", "Thành phần hồ sơ"), ("steps", "Trình tự thực hiện"),
                       ("fees", "Phí, lệ phí"), ("legal_basis", "Căn cứ pháp lý"),
                       ("channels", "Cách thức thực hiện"), ("forms", "Mẫu đơn, tờ khai"),
                       ("requirements", "Yêu cầu, điều kiện")):
        items = fm.get(key)
        if not items:
            continue
        out.append(f"## {title}\n")
        for i, it in enumerate(items, 1):
            text = it if isinstance(it, str) else " – ".join(str(v) for v in it.values())
            out.append(f"{i}. {text}")
        out.append("")
    return "\n".join(out) + "\n"


def page(fm: dict, body: str, weight: int) -> str:
    title = fm.get("title") or fm.get("name") or "?"
    head = [f"title = {toml_str(title)}", f"weight = {weight}"]
    if fm.get("updated"):
        head.append(f"date = {fm['updated']}")
    if fm.get("result"):
        head.append(f"description = {toml_str(fm['result'])}")
    return "+++\n" + "\n".join(head) + "\n+++\n" + facts(fm) + body


def convert(site: str, out: str, minify: bool) -> int:
    src = os.path.join(site, "content")
    with open(os.path.join(src, "site.yaml"), encoding="utf-8") as f:
        site_fm = parse_yaml(f.read().split("\n"))
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "templates"))
    os.makedirs(os.path.join(out, "content"))
    base = site_fm.get("base_url") or "https://example.invalid/"
    with open(os.path.join(out, "config.toml"), "w", encoding="utf-8") as f:
        f.write(f'base_url = {toml_str(base)}\ntitle = {toml_str(site_fm.get("title", "TTHC"))}\n'
                f'default_language = "vi"\nbuild_search_index = true\ncompile_sass = false\n'
                f'minify_html = {"true" if minify else "false"}\n\n'
                '[search]\nindex_format = "fuse_json"\n\n[markdown]\n')
    write_templates(os.path.join(out, "templates"))
    pages = 0
    for entry in sorted(os.scandir(src), key=lambda e: e.name):
        if not entry.is_dir():
            continue
        dst = os.path.join(out, "content", entry.name)
        os.makedirs(dst)
        for weight, item in enumerate(sorted(os.scandir(entry.path), key=lambda e: e.name)):
            if item.name == "_index.md":
                fm, body = split(item.path)
                with open(os.path.join(dst, "_index.md"), "w", encoding="utf-8") as f:
                    f.write(f'+++\ntitle = {toml_str(fm.get("name") or fm.get("title") or entry.name)}\n'
                            f'sort_by = "weight"\n+++\n{body}')
            elif item.is_dir():
                os.makedirs(os.path.join(dst, item.name))
                for asset in os.scandir(item.path):
                    if asset.name == "index.md":
                        fm, body = split(asset.path)
                        with open(os.path.join(dst, item.name, "index.md"), "w", encoding="utf-8") as f:
                            f.write(page(fm, body, weight))
                        pages += 1
                    else:
                        shutil.copyfile(asset.path, os.path.join(dst, item.name, asset.name))
            elif item.name.endswith(".md"):
                fm, body = split(item.path)
                with open(os.path.join(dst, item.name), "w", encoding="utf-8") as f:
                    f.write(page(fm, body, weight))
                pages += 1
        if not os.path.exists(os.path.join(dst, "_index.md")):
            with open(os.path.join(dst, "_index.md"), "w", encoding="utf-8") as f:
                f.write(f'+++\ntitle = {toml_str(entry.name)}\nsort_by = "weight"\n+++\n')
    with open(os.path.join(out, "content", "_index.md"), "w", encoding="utf-8") as f:
        f.write("+++\n+++\n")
    print(f"{pages} pages → {out}")
    return 0


BASE = """<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock %}</title></head>
<body>
<header><a href="{{ config.base_url }}">{{ config.title }}</a></header>
<main>{% block content %}{% endblock %}</main>
</body>
</html>
"""

TEMPLATES = {
    "base.html": BASE,
    "index.html": """{% extends "base.html" %}{% block content %}
<ul>{% for s in section.subsections %}{% set sub = get_section(path=s) %}
<li><a href="{{ sub.permalink }}">{{ sub.title }}</a> ({{ sub.pages | length }})</li>{% endfor %}</ul>
{% endblock %}""",
    "section.html": """{% extends "base.html" %}{% block title %}{{ section.title }}{% endblock %}
{% block content %}<h1>{{ section.title }}</h1>{{ section.content | safe }}
<ul>{% for p in section.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a></li>{% endfor %}</ul>
{% endblock %}""",
    "page.html": """{% extends "base.html" %}{% block title %}{{ page.title }}{% endblock %}
{% block content %}<article><h1>{{ page.title }}</h1>{{ page.content | safe }}</article>{% endblock %}""",
}


def write_templates(dst: str) -> None:
    for name, text in TEMPLATES.items():
        with open(os.path.join(dst, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(convert(args[0], args[1], "--minify" in sys.argv))
