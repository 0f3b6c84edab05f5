#!/usr/bin/env bash
# Measures `niemyet import` of N generated records into a new site.
#
#   benches/bench_import.sh [COUNT] [TEMPLATES]   default: 5000, tests/fixtures/import
#
# Generates the records once (benches/gen_records.py, seed 1) under
# ${BENCH_DIR:-/tmp/niemyet-bench}, makes 5 fresh sites with `niemyet init`
# (sample procedure removed), waits ${SETTLE:-30} s, then times one import
# of every record into each (GNU time: wall, CPU, peak RSS). Prints a Markdown table, the
# median wall time, and the file-creation floor of the disk: the time to
# create as many empty files (5,000) in a fresh folder, with no program work,
# since on a busy ext4 each create can cost the kernel ~1 ms. Set BENCH_DIR
# to a tmpfs folder (/dev/shm/...) to measure the program without the disk.
# Needs GNU time (Debian: apt-get install time).
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
# Sites made before any run, and old ones deleted first: on ext4, creating
# files soon after thousands were deleted makes the kernel scan the freed
# inodes (~1 ms a file here), which is the disk's cost, not the program's.
rm -rf "$dir"/import-site-*
for run in 1 2 3 4 5; do
  "$bin" init "$dir/import-site-$run" >/dev/null
  rm -f "$dir/import-site-$run"/content/*/dang-ky-khai-sinh.md
done
sync
sleep "${SETTLE:-30}"
for run in 1 2 3 4 5; do
  site="$dir/import-site-$run"
  stats=$( { /usr/bin/time -f "%e %U %S %M" "$bin" import --root "$site" --date 2026-11-23 "$records"/records-*.jsonl >/dev/null; } 2>&1 | tail -1)
  read -r wall user sys rss <<<"$stats"
  files=$(find "$site/content" -name '*.md' ! -name '_index.md' | wc -l)
  walls+=("$wall")
  echo "| $run | ${wall} s | $(echo "$user + $sys" | bc) s | $((rss / 1024)) MB | $files |"
done
median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 3p)
floor=$(python3 - "$dir" "$count" <<'PY'
import os, shutil, sys, time
d = os.path.join(sys.argv[1], "floor")
shutil.rmtree(d, ignore_errors=True)
os.makedirs(d)
t = time.monotonic()
for i in range(int(sys.argv[2])):
    open(os.path.join(d, f"f{i}.md"), "w").close()
print(f"{time.monotonic() - t:.2f}")
shutil.rmtree(d)
PY
)
echo
echo "median wall: ${median} s ($count records from $templates, in $dir)"
echo "file-creation floor of that disk: ${floor} s for $count empty files"
