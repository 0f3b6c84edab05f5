#!/usr/bin/env python3
"""`niemyet serve`: from an edited file written to the first HTTP response of
its page that shows the edit (issue 22: <= 100 ms median at 2,000).

Usage:

    python3 benches/bench_serve_latency.py [--rounds 20] [--bin PROGRAM] [SIZES...]   (default: 2000)

For each size N: the site of benches/gen_site.py (seed 1), cached under
${BENCH_DIR:-/tmp/niemyet-bench}/site-N, copied to a scratch folder; the
release binary's `niemyet serve --port 0`. Each round writes one procedure's
file with a new `result:` line (another procedure each round, a new text
each time), then asks for its page over HTTP in a loop, as fast as answers
come, until the page contains the new text: the time from the write's
close to that answer. Between rounds, 300 ms of quiet. Prints min, median,
max and each round, and serve's CPU time over the rounds.
Standard library only (the server class is bench_serve.py's).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve import ROOT, Server, cpu_ms, scratch_site  # noqa: E402


def fetch(port: int, path: str) -> str:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
            return r.read().decode()
    except Exception:  # a 404 or a dropped connection while it rebuilds
        return ""


def bench(binary: Path, n: int, rounds: int, base: Path) -> list[float]:
    site = scratch_site(n, base, "latency")
    content = site / "content"
    files = sorted(p for p in content.glob("*/*.md") if p.name != "_index.md" and p.parent.name != "notices")
    step = max(1, len(files) // rounds)
    targets = files[::step][:rounds]
    server = Server(binary, site)
    server.wait_line(0, r"[Bb]uilt all \d+ pages in (\d+) ms")
    port = server.port
    times = []
    cpu0 = cpu_ms(server.proc.pid)
    try:
        for r, target in enumerate(targets):
            page = f"/{target.parent.name}/{target.stem}/"
            assert "<html" in fetch(port, page).lower(), page
            text = target.read_text(encoding="utf-8")
            mark = f"đo {r} {time.time_ns()}"
            edited = re.sub(r"^result: ", f"result: {mark} ", text, count=1, flags=re.M)
            assert edited != text, target
            with open(target, "w", encoding="utf-8") as f:
                f.write(edited)
            t0 = time.perf_counter()
            while mark not in fetch(port, page):
                if time.perf_counter() - t0 > 30:
                    raise SystemExit(f"round {r}: {page} never showed the edit")
            times.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.3)
        cpu = cpu_ms(server.proc.pid) - cpu0
    finally:
        server.stop()
        shutil.rmtree(site, ignore_errors=True)
    print(f"| {n} | {min(times):.0f} | {statistics.median(times):.0f} | {max(times):.0f} | {cpu:.0f} |")
    print("rounds (ms): " + " ".join(f"{t:.0f}" for t in times), file=sys.stderr)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--bin", type=Path, help="another niemyet to measure (default: this checkout's release build)")
    ap.add_argument("sizes", nargs="*", type=int, default=[2000])
    a = ap.parse_args()
    import subprocess

    binary = a.bin
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = ROOT / "target/release/niemyet"
    base = Path(os.environ.get("BENCH_DIR", "/tmp/niemyet-bench"))
    print(f"load average at start: {os.getloadavg()[0]:.2f}", file=sys.stderr)
    print("| procedures | min ms | median ms | max ms | serve CPU ms over the rounds |")
    print("|---:|---:|---:|---:|---:|")
    for n in a.sizes:
        bench(binary, n, a.rounds, base)


if __name__ == "__main__":
    main()
