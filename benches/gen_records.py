#!/usr/bin/env python3
"""Generates N national-database detail records for the import benchmark.

Templates are real-structure records: by default the hand-written fixtures in
tests/fixtures/import/ (envelope, bare data, wrapper, arrays), or any folder of
detail records (--templates DIR, e.g. a folder of records saved from the
portal). Each generated record is a template with its own code, a varied
name, a category from a list of commune fields, shuffled legal basis and
subject lists (as the portal returns them), varied deadlines, and every
tenth name in NFD, as records pasted from Word arrive. Written as JSON Lines
files of --per-file records, the way a province's records come in bulk.

  benches/gen_records.py --count 5000 --out /tmp/niemyet-bench/records
"""
import argparse, glob, json, os, random, unicodedata

FIELDS = ["Hộ tịch", "Chứng thực", "Bảo trợ xã hội", "Người có công", "Giảm nghèo", "Văn hóa",
          "Giáo dục và Đào tạo", "Đăng ký hộ kinh doanh", "Đất đai", "Đăng ký biện pháp bảo đảm",
          "Nuôi con nuôi", "Hòa giải ở cơ sở", "Hoạt động xây dựng", "Trồng trọt", "Chăn nuôi"]
UNITS = ["WORKING_DAY", "WORKING_DAY", "WORKING_DAY", "DAY", "OTHER", "HOUR", "MONTH"]

def unwrap(v):
    if isinstance(v, list):
        return [r for x in v for r in unwrap(x)]
    if isinstance(v, dict) and isinstance(v.get("data"), dict):
        return [v["data"]]
    if isinstance(v, dict) and isinstance(v.get("detail"), dict):
        return [v["detail"]]
    return [v] if isinstance(v, dict) and v.get("code") else []

def templates(folder):
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "*.json")) + sorted(glob.glob(os.path.join(folder, "*.jsonl")))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        try:
            out += unwrap(json.loads(text))
        except json.JSONDecodeError:
            out += [r for line in text.splitlines() if line.strip() for r in unwrap(json.loads(line))]
    return out

def vary(t, i, rng):
    r = json.loads(json.dumps(t))
    r["code"] = r["codeNotation"] = f"9.{i:06d}"
    name = f"{r['name']} (bản thử {i})"
    r["name"] = unicodedata.normalize("NFD", name) if i % 10 == 0 else name
    r["categoriesDetails"] = [{"id": "c", "name": rng.choice(FIELDS), "code": "G"}]
    for key in ("legalBasisesDetails", "subjectTypesDetails"):
        rng.shuffle(r.get(key) or [])
    for m in r.get("executionMethods") or []:
        m["processingTime"] = rng.randint(0, 30)
        m["processingTimeUnit"] = rng.choice(UNITS)
    r["updatedAt"] = 1760000000000 + i * 86_400_000 // 7
    return r

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--templates", default=os.path.join(here, "..", "tests", "fixtures", "import"))
    ap.add_argument("--per-file", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    ts = templates(a.templates)
    if not ts:
        raise SystemExit(f"no records in {a.templates}")
    os.makedirs(a.out, exist_ok=True)
    for old in glob.glob(os.path.join(a.out, "records-*.jsonl")):
        os.remove(old)
    for start in range(0, a.count, a.per_file):
        with open(os.path.join(a.out, f"records-{start // a.per_file:03d}.jsonl"), "w", encoding="utf-8") as f:
            for i in range(start, min(start + a.per_file, a.count)):
                f.write(json.dumps(vary(ts[i % len(ts)], i, rng), ensure_ascii=False) + "\n")
    print(f"{a.count} records from {len(ts)} templates in {a.out}")

main()
