#!/usr/bin/env bash
# Rebuilds the seed corpora in tests/fuzz/corpus/ from tests/data and examples.
# Each target reads a first "selector" byte (see the target's comment) before
# the file itself; the seeds use the plain choices plus a few others.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=tests/fuzz/corpus
rm -rf "$out"
mkdir -p "$out"/{fuzz_csv,fuzz_results,fuzz_date,fuzz_rules,fuzz_roster,fuzz_idcard}

seed() {  # seed TARGET NAME SELECTOR_OCTAL FILE
  { printf "\\$3"; cat "$4"; } >"$out/$1/$2"
}

n=0
for f in examples/*.csv tests/data/results/* tests/data/eligibility/encodings/*; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  b=$(basename "$f")
  seed fuzz_csv "$n-$b-auto" 011 "$f"      # automatic encoding, sniffed delimiter
  case "$f" in
    *gbk*) seed fuzz_csv "$n-$b-gb18030" 002 "$f" ;;  # --encoding gb18030, ','
    *utf8*) seed fuzz_csv "$n-$b-utf8" 001 "$f" ;;   # --encoding utf-8, ','
  esac
done
for f in examples/*.csv tests/data/results/*; do
  [ -f "$f" ] || continue
  b=$(basename "$f")
  seed fuzz_results "$b-qinghai" 000 "$f"
  seed fuzz_results "$b-uefa" 002 "$f"
  seed fuzz_results "$b-league" 003 "$f"
done
# Dates: each input of the vectors, one per file.
tail -n +2 tests/data/eligibility/date-vectors.csv | cut -d, -f1 | sed 's/^"//; s/"$//' |
  awk -v dir="$out/fuzz_date" '{ f = sprintf("%s/%02d", dir, NR); printf "%s", $0 > f; close(f) }'
printf '39877' >"$out/fuzz_date/serial"
printf '２００９年３月５日' >"$out/fuzz_date/fullwidth"
printf '2009/3/5 0:00' >"$out/fuzz_date/with-time"
for f in tests/fuzz/rules/*.rules; do cp "$f" "$out/fuzz_rules/"; done
# Rosters (for fuzz_roster): the four encodings and the example rosters.
for f in tests/data/eligibility/encodings/* examples/rosters/*.csv; do
  [ -f "$f" ] && seed fuzz_roster "$(basename "$f")" 000 "$f"
done
# ID numbers (for fuzz_idcard): each value of the vectors.
tail -n +2 tests/data/eligibility/idcard-vectors.csv | cut -d, -f2 |
  awk -v dir="$out/fuzz_idcard" '{ f = sprintf("%s/%02d", dir, NR); printf "%s", $0 > f; close(f) }'
du -sh "$out"/*
