#!/usr/bin/env bash
# Prints an .xlsx workbook as text for golden cases: each sheet's name, frozen
# pane and column widths, then every cell as `A1 [s1] n 3` (a number) or
# `A1 [s1] "text"` (a string, line breaks shown as spaces; s is the cell's style:
# 1 header, 2 good, 3 bad, as xlsx.cpp adds them).
# Reads the XML parts with unzip, as Excel would find them.
#   bash tests/golden/xlsx_cells.sh FILE.xlsx
set -euo pipefail
file=$1
unzip -p "$file" xl/sharedStrings.xml 2>/dev/null | tr '\n' ' ' | sed 's/<si>/\n<si>/g' | sed -n 's/^<si><t[^>]*>\(.*\)<\/t><\/si>.*/\1/p' >"${TMPDIR:-/tmp}/.xlsx_strings.$$" || true
trap 'rm -f "${TMPDIR:-/tmp}/.xlsx_strings.$$"' EXIT
i=0
unzip -p "$file" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/<sheet name="\(.*\)"/\1/' | while IFS= read -r name; do
  i=$((i + 1))
  echo "sheet $i: $name"
  unzip -p "$file" "xl/worksheets/sheet$i.xml" | sed 's/></>\n</g' | awk -v strings="${TMPDIR:-/tmp}/.xlsx_strings.$$" '
    BEGIN { n = 0; while ((getline line < strings) > 0) s[n++] = line }
    /<pane / { match($0, /ySplit="[0-9]+"/); print "  frozen rows: " substr($0, RSTART + 8, RLENGTH - 9) }
    /<oddHeader>/ { sub(/.*<oddHeader>/, ""); sub(/<\/oddHeader>.*/, ""); gsub(/&amp;/, "\&"); print "  page header: " $0 }
    /<col / {
      match($0, /min="[0-9]+"/); c = substr($0, RSTART + 5, RLENGTH - 6)
      match($0, /width="[0-9.]+"/); w = substr($0, RSTART + 7, RLENGTH - 8)
      widths = widths " " c ":" w
    }
    /<\/cols>/ { print "  widths:" widths }
    /<c / {
      match($0, /r="[A-Z]+[0-9]+"/); ref = substr($0, RSTART + 3, RLENGTH - 4)
      style = "s0"; if (match($0, /s="[0-9]+"/)) style = "s" substr($0, RSTART + 3, RLENGTH - 4)
      str = ($0 ~ /t="s"/)
      blank = ($0 ~ /\/>$/)
      if (blank) print "  " ref " [" style "] blank"
    }
    /^<v>/ {
      v = $0; sub(/^<v>/, "", v); sub(/<\/v>.*/, "", v)
      if (str) print "  " ref " [" style "] \"" s[v] "\""; else print "  " ref " [" style "] n " v
    }'
done
