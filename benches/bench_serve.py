#!/usr/bin/env python3
"""Measure `niemyet serve`: first build, edit -> reload, full rebuilds, memory.

Usage:

    python3 benches/bench_serve.py [--edits 300] [--full 5] [SIZES...]   (default: 2000 10000)

For each size N: generates the site once (benches/gen_site.py, seed 1) under
${BENCH_DIR:-/tmp/niemyet-bench}/site-N, copies it to a scratch folder (edits
never touch the cached site), starts the release binary
`niemyet serve --port 0`, and listens to its reload stream
(/__niemyet/events) like a browser does. Then:

  * edits: rewrites the title of one procedure --edits times (valid each
    time, a different title each time) and measures, per edit,
      - edit -> reload: from the file written and closed until the `reload`
        event arrives (what the clerk waits for: debounce 50 ms + rebuild +
        event), and
      - rebuild: the server's own figure, printed on its terminal line;
    after each edit the page is fetched and must show the new title.
  * full: touches the field's `_index.md` --full times (a whole re-read and
    render of the site), edit -> reload and rebuild as above.
  * memory: VmRSS of the server after the first build, after 10 edits,
    every 100 edits and after all edits (Linux /proc).
  * data files: the first request for catalogue.json after the edits, which
    makes the data files (catalogue.json, sitemap, search index) that serve
    only makes when one is asked for.

Needs the release build (`cargo build --release --no-default-features`; this
script runs it). Prints a Markdown table. Standard library only.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Server:
    def __init__(self, binary: Path, site: Path):
        self.proc = subprocess.Popen(
            [str(binary), "serve", "--port", "0", "--date", TODAY, "--lang", "en", "--root", str(site)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        self.lines: list[str] = []
        self.cond = threading.Condition()
        self.port = None
        RUNNING.append(self)
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.time() + 600
        with self.cond:
            while self.port is None:
                if time.time() > deadline or self.proc.poll() is not None:
                    raise SystemExit("serve did not start:\n" + "\n".join(self.lines))
                self.cond.wait(1)

    def _read(self):
        for line in self.proc.stdout:
            with self.cond:
                self.lines.append(line.rstrip("\n"))
                m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
                if m:
                    self.port = int(m.group(1))
                self.cond.notify_all()

    def wait_line(self, start: int, pattern: str, timeout=600) -> tuple[re.Match, int]:
        """The first line from index `start` on matching `pattern`, and the
        index after it."""
        deadline = time.time() + timeout
        with self.cond:
            while True:
                for i, line in enumerate(self.lines[start:], start):
                    m = re.search(pattern, line)
                    if m:
                        return m, i + 1
                if time.time() > deadline:
                    raise SystemExit(f"no line /{pattern}/:\n" + "\n".join(self.lines[-5:]))
                self.cond.wait(1)

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=30) as r:
            return r.read().decode()

    def stop(self):
        self.proc.kill()
        self.proc.wait()


RUNNING: list["Server"] = []


class Events:
    """The reload stream, read on a raw socket as it arrives."""

    def __init__(self, port: int):
        self.sock = socket.create_connection(("127.0.0.1", port))
        # serve answers only requests naming this computer.
        self.sock.sendall(
            f"GET /__niemyet/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            "Accept: text/event-stream\r\n\r\n".encode()
        )
        self.buf = b""
        self.sock.settimeout(60)
        while b"\r\n\r\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise SystemExit("event stream closed")
            self.buf += chunk
        assert b" 200 " in self.buf.split(b"\r\n", 1)[0], self.buf

    def next_reload(self, timeout=600) -> float:
        """Blocks until the next `event: reload`; returns when it arrived."""
        self.sock.settimeout(timeout)
        while b"event: reload" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise SystemExit("event stream closed")
            self.buf += chunk
        at = time.perf_counter()
        i = self.buf.index(b"event: reload")
        end = self.buf.find(b"\n\n", i)
        while end < 0:
            self.buf += self.sock.recv(65536)
            end = self.buf.find(b"\n\n", i)
        self.buf = self.buf[end + 2 :]
        return at


def cpu_ms(pid: int) -> float:
    """User + system CPU time of the whole process so far (all threads)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def pct(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def scratch_site(n: int, base: Path, name: str) -> Path:
    """A copy, at base/name-N, of the generated site of N procedures (made
    once under base/site-N): edits never touch the cached site."""
    cached = base / f"site-{n}"
    if not (cached / "content").is_dir():
        subprocess.run(
            [sys.executable, str(ROOT / "benches/gen_site.py"), "--procedures", str(n), "--out", str(cached)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    site = base / f"{name}-{n}"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(cached, site)
    return site


def bench(binary: Path, n: int, edits: int, fulls: int, base: Path) -> dict:
    site = scratch_site(n, base, "serve")
    content = site / "content"
    field = sorted(p for p in content.iterdir() if p.is_dir() and p.name != "notices")[0]
    target = sorted(p for p in field.glob("*.md") if p.name != "_index.md")[0]
    page = f"/{field.name}/{target.stem}/"
    original = target.read_text(encoding="utf-8")
    title = re.search(r'^title: (.*)$', original, re.M)
    assert title, target

    t0 = time.perf_counter()
    server = Server(binary, site)
    first_wall = time.perf_counter() - t0
    m, cursor = server.wait_line(0, r"[Bb]uilt all \d+ pages in (\d+) ms")
    first = int(m.group(1))
    events = Events(server.port)
    rss_start = rss_mb(server.proc.pid)

    # One status line per rebuild, printed before its reload event is sent.
    status = r"rebuilt (all )?(\d+) pages in (\d+) ms|(\d+) error\(s\)"
    extra = [0]

    def round_trip(write) -> tuple[float, int, str]:
        """Writes, then waits for the reload of a good rebuild. An editor
        that truncates then writes can be caught in between (a rebuild that
        fails on the half-written file, then a good one): counted in extra."""
        nonlocal cursor
        cpu0 = cpu_ms(server.proc.pid)
        t = time.perf_counter()
        write()
        while True:
            at = events.next_reload()
            m, cursor = server.wait_line(cursor, status)
            if m.group(4) is None:
                break
            extra[0] += 1
        cpu.append(cpu_ms(server.proc.pid) - cpu0)
        return (at - t) * 1000, int(m.group(3)), m.group(1) or ""

    cpu: list[float] = []
    edit_ms, rebuild_ms = [], []
    rss_10 = None
    rss_series: list[str] = []
    for i in range(edits):
        new_title = f'"Thủ tục thử số {i} {n}"'
        text = original.replace(title.group(0), f"title: {new_title}")
        wall, server_ms, kind = round_trip(lambda: target.write_text(text, encoding="utf-8"))
        assert kind == "", f"edit {i} was not incremental"
        edit_ms.append(wall)
        rebuild_ms.append(server_ms)
        assert new_title.strip('"') in server.get(page), f"edit {i} not served"
        if i == 9:
            rss_10 = rss_mb(server.proc.pid)
        if (i + 1) % 100 == 0:
            rss_series.append(f"{i + 1}: {rss_mb(server.proc.pid):.0f}")
    rss_end = rss_mb(server.proc.pid)
    edit_cpu = statistics.median(cpu)
    round_trip(lambda: target.write_text(original, encoding="utf-8"))
    cpu.clear()
    # Data files (catalogue.json, sitemap, search index) are made on the
    # first request after a rebuild.
    t = time.perf_counter()
    server.get("/catalogue.json")
    data_cold = (time.perf_counter() - t) * 1000

    full_ms, full_rebuild_ms = [], []
    index = field / "_index.md"
    index_text = index.read_text(encoding="utf-8")
    for i in range(fulls):
        text = index_text + ("\n" * (i + 1))
        wall, server_ms, kind = round_trip(lambda: index.write_text(text, encoding="utf-8"))
        assert kind == "all ", "a field edit rebuilds all"
        full_ms.append(wall)
        full_rebuild_ms.append(server_ms)
    server.stop()
    shutil.rmtree(site, ignore_errors=True)
    return {
        "n": n,
        "first": first,
        "first_wall": first_wall * 1000,
        "edit_med": statistics.median(edit_ms),
        "edit_p90": pct(edit_ms, 0.9),
        "edit_max": max(edit_ms),
        "rebuild_med": statistics.median(rebuild_ms),
        "rebuild_p90": pct(rebuild_ms, 0.9),
        "edit_cpu": edit_cpu,
        "full_cpu": statistics.median(cpu) if cpu else float("nan"),
        "full_med": statistics.median(full_ms) if full_ms else float("nan"),
        "full_rebuild_med": statistics.median(full_rebuild_ms) if full_rebuild_ms else float("nan"),
        "rss_start": rss_start,
        "rss_10": rss_10 or float("nan"),
        "rss_end": rss_end,
        "edits": edits,
        "rss_series": rss_series,
        "data_cold": data_cold,
        "extra": extra[0],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="*", type=int, default=[2000, 10000])
    ap.add_argument("--edits", type=int, default=300)
    ap.add_argument("--full", type=int, default=5)
    ap.add_argument("--no-build", action="store_true", help="use target/release/niemyet as it is")
    args = ap.parse_args()
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--no-default-features"], cwd=ROOT, check=True)
    target_dir = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    binary = target_dir / "release" / "niemyet"
    base = Path(os.environ.get("BENCH_DIR", "/tmp/niemyet-bench"))
    base.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    rows = [bench(binary, n, args.edits, args.full, base) for n in args.sizes]
    load_after = os.getloadavg()[0]
    print(f"load average (1 min) before / after: {load_before:.1f} / {load_after:.1f} on {os.cpu_count()} CPUs")
    print()
    print("| procedures | first build | edit → reload (median / p90 / max) | rebuild on edit (median / p90) "
          "| CPU per edit | full rebuild → reload (median) | RSS after first build / 10 edits / all edits |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['n']:,} | {r['first']} ms | {r['edit_med']:.0f} / {r['edit_p90']:.0f} / {r['edit_max']:.0f} ms "
            f"| {r['rebuild_med']:.0f} / {r['rebuild_p90']:.0f} ms "
            f"| {r['edit_cpu']:.0f} ms "
            f"| {r['full_med']:.0f} ms (server {r['full_rebuild_med']:.0f} ms, CPU {r['full_cpu']:.0f} ms) "
            f"| {r['rss_start']:.0f} / {r['rss_10']:.0f} / {r['rss_end']:.0f} MB ({r['edits']} edits) |"
        )


    for r in rows:
        print(f"RSS (MB) of the {r['n']:,} site every 100 edits: " + ", ".join(r["rss_series"]))
        print(f"first request for a data file after a rebuild ({r['n']:,}): {r['data_cold']:.0f} ms")
        print(f"edits caught half-written (a failed rebuild before the good one) ({r['n']:,}): {r['extra']}")


if __name__ == "__main__":
    try:
        main()
    finally:
        for srv in RUNNING:
            if srv.proc.poll() is None:
                srv.stop()
