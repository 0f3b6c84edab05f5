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
sizes=("${@:-2000}")
[ $# -eq 0 ] && sizes=(2000 10000)
dir=${BENCH_DIR:-/tmp/niemyet-bench}
mkdir -p "$dir"
cargo build --release --quiet
bin=target/release/niemyet
for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hyperfine time)" >&2; exit 2; }
done
echo "| procedures | min | median | max | peak RSS |"
echo "|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  site="$dir/site-$n"
  [ -d "$site/content" ] || python3 benches/gen_site.py --procedures "$n" --out "$site" >/dev/null
  json="$dir/check-$n.json"
  hyperfine --warmup 3 --runs 10 -N --export-json "$json" "$bin check --root $site --date 2026-11-23" >/dev/null 2>&1
  read -r min med max < <(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(round(r['min']*1000), round(r['median']*1000), round(r['max']*1000))" "$json")
  rss=$(/usr/bin/time -v "$bin" check --root "$site" --date 2026-11-23 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}')
  echo "| $n | ${min} ms | ${med} ms | ${max} ms | $((rss / 1024)) MB |"
done
