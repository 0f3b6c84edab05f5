#!/usr/bin/env bash
# Measures `niemyet check` on generated sites of several sizes.
#
#   benches/bench_check.sh [SIZES...]        default: 2000 10000
#
# For each size: generates the site once (benches/gen_site.py, seed 1) under
# ${BENCH_DIR:-/tmp/niemyet-bench}, then runs hyperfine (3 warm-ups, 10 runs:
# min / median / max) and /usr/bin/time -v (peak RSS). Needs hyperfine and
# GNU time (Debian: apt-get install hyperfine time). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/common.sh
echo "| procedures | min | median | max | peak RSS |"
echo "|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  site=$(site "$n")
  json="$dir/check-$n.json"
  hyperfine --warmup 3 --runs 10 -N --export-json "$json" "$bin check --root $site --date 2026-11-23" >/dev/null 2>&1
  read -r min med max < <(ms_stats "$json")
  rss=$(peak_rss_mb "$bin" check --root "$site" --date 2026-11-23)
  echo "| $n | ${min} ms | ${med} ms | ${max} ms | ${rss} MB |"
done
