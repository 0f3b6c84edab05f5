#!/usr/bin/env bash
# Measures `niemyet import` of N generated records into a new site.
#
#   benches/bench_import.sh [COUNT] [TEMPLATES]   default: 5000, tests/fixtures/import
#
# Generates the records once (benches/gen_records.py, seed 1) under
# ${BENCH_DIR:-/tmp/niemyet-bench}, then, 5 times: a fresh site from
# `niemyet init` (its sample procedure removed), and one timed import of every
# record (GNU time: wall, CPU, peak RSS). Prints a Markdown table and the
# median wall time. Needs GNU time (Debian: apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5000}
templates=${2:-tests/fixtures/import}
dir=${BENCH_DIR:-/tmp/niemyet-bench}
records="$dir/records-$count-$(basename "$templates")"
mkdir -p "$dir"
cargo build --release --quiet
bin=$PWD/target/release/niemyet
command -v /usr/bin/time >/dev/null || { echo "missing GNU time (apt-get install time)" >&2; exit 2; }
[ -d "$records" ] || python3 benches/gen_records.py --count "$count" --templates "$templates" --out "$records" >/dev/null
echo "| run | wall | CPU (user + sys) | peak RSS | files written |"
echo "|---:|---:|---:|---:|---:|"
walls=()
for run in 1 2 3 4 5; do
  site="$dir/import-site"
  rm -rf "$site"
  "$bin" init "$site" >/dev/null
  rm -f "$site"/content/*/dang-ky-khai-sinh.md
  stats=$( { /usr/bin/time -f "%e %U %S %M" "$bin" import --root "$site" --date 2026-11-23 "$records"/records-*.jsonl >/dev/null; } 2>&1 | tail -1)
  read -r wall user sys rss <<<"$stats"
  files=$(find "$site/content" -name '*.md' ! -name '_index.md' | wc -l)
  walls+=("$wall")
  echo "| $run | ${wall} s | $(echo "$user + $sys" | bc) s | $((rss / 1024)) MB | $files |"
done
median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 3p)
echo
echo "median wall: ${median} s ($count records from $templates)"
