#!/usr/bin/env python3
"""Copy a niemyet site with every `aliases:` removed, for search comparisons.

Issue 18 measures search on a catalogue whose clerks wrote no aliases: the
citizen's everyday words must be found without them. This script makes that
variant of a site:

    python3 benches/no_aliases.py SRC DST
    /tmp/niemyet-base --root DST build --out DST/public --date 2026-12-07

SRC is a site root (the folder holding content/). DST must not exist yet.
Copied: SRC/content/ in full, and SRC/themes/<name>/ for every theme other
than `default` (the default theme is built into the binary; a repository
checkout keeps its source in themes/default/, which is not a site override).
Nothing else (target/, node_modules/, public/ ...) is copied.

In every Markdown file's YAML front matter (between the opening `---` line
and the next `---` line) the `aliases` key is removed together with its
value: a block list (the following lines that are indented or start with
`-`), or an inline value on the same line (`aliases: [a, b]`, `aliases: []`).
Every other byte of every file is kept as it was (line endings included);
attachments (PDF, images) are copied byte for byte. The script prints how
many files and alias lines it removed, and checks that no `aliases:` key is
left in any front matter.
"""
import os
import re
import shutil
import sys

KEY = re.compile(rb"^aliases[ \t]*:")


def strip_front_matter_aliases(data: bytes):
    """Return (new bytes, number of lines removed)."""
    lines = data.splitlines(keepends=True)
    if not lines or lines[0].rstrip(b"\r\n").rstrip() != b"---":
        return data, 0
    # find the closing fence
    end = None
    for i in range(1, len(lines)):
        if lines[i].rstrip(b"\r\n").rstrip() == b"---":
            end = i
            break
    if end is None:
        return data, 0
    out = [lines[0]]
    removed = 0
    i = 1
    while i < end:
        line = lines[i]
        if KEY.match(line):
            removed += 1
            i += 1
            rest = KEY.sub(b"", line).split(b"#", 1)[0].strip()
            if rest == b"" or rest in (b"|", b">", b"|-", b">-"):
                # block value: indented lines and `- item` lines belong to it;
                # blank lines only if more of the block follows
                while i < end:
                    nxt = lines[i]
                    bare = nxt.rstrip(b"\r\n")
                    if bare[:1] in (b" ", b"\t") or bare.startswith(b"-"):
                        removed += 1
                        i += 1
                        continue
                    if bare.strip() == b"":
                        j = i
                        while j < end and lines[j].rstrip(b"\r\n").strip() == b"":
                            j += 1
                        if j < end and (lines[j][:1] in (b" ", b"\t") or lines[j].startswith(b"-")):
                            removed += j - i
                            i = j
                            continue
                    break
            continue
        out.append(line)
        i += 1
    out.extend(lines[end:])
    return b"".join(out), removed


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, dst = (os.path.abspath(a) for a in sys.argv[1:3])
    if not os.path.isdir(os.path.join(src, "content")):
        sys.exit(f"{src}: no content/ folder")
    if os.path.exists(dst):
        sys.exit(f"{dst} exists already: give a new folder")
    os.makedirs(dst)
    shutil.copytree(os.path.join(src, "content"), os.path.join(dst, "content"), symlinks=True)
    themes = os.path.join(src, "themes")
    if os.path.isdir(themes):
        for name in sorted(os.listdir(themes)):
            if name != "default" and os.path.isdir(os.path.join(themes, name)):
                shutil.copytree(os.path.join(themes, name), os.path.join(dst, "themes", name), symlinks=True)
    files = lines = 0
    for root, _dirs, names in os.walk(os.path.join(dst, "content")):
        for n in sorted(names):
            if not n.endswith(".md"):
                continue
            p = os.path.join(root, n)
            if os.path.islink(p):
                continue
            with open(p, "rb") as f:
                data = f.read()
            new, removed = strip_front_matter_aliases(data)
            if removed:
                with open(p, "wb") as f:
                    f.write(new)
                files += 1
                lines += removed
            # nothing may be left
            again, left = strip_front_matter_aliases(new)
            if left:
                sys.exit(f"{p}: aliases still present after stripping")
    print(f"{dst}: removed aliases from {files} files ({lines} lines)")


if __name__ == "__main__":
    main()
