# Shared by the bench_*.sh scripts (sourced from the repository root):
# sizes from the arguments, the cached generated sites, the release binary,
# the tools, and hyperfine's min/median/max in milliseconds.
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 10000)
dir=${BENCH_DIR:-/tmp/niemyet-bench}
mkdir -p "$dir"
cargo build --release --quiet
bin=target/release/niemyet
for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hyperfine time)" >&2; exit 2; }
done

# site N: the generated site of N procedures (seed 1), made once.
site() {
  local s="$dir/site-$1"
  [ -d "$s/content" ] || python3 benches/gen_site.py --procedures "$1" --out "$s" >/dev/null
  echo "$s"
}

# ms_stats FILE.json: "min median max" in ms from a hyperfine export.
ms_stats() {
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(round(r['min']*1000), round(r['median']*1000), round(r['max']*1000))" "$1"
}

# peak_rss_mb CMD...: peak resident memory of one run, in MB.
peak_rss_mb() {
  local kb
  kb=$(/usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}')
  echo $((kb / 1024))
}
