#!/usr/bin/env bash
# Drives completions/matchday.bash as bash does (COMP_WORDS, COMP_CWORD) and
# checks what it offers.   tests/package/completion_test.sh BINARY SCRIPT
set -u
bin=$(realpath "$1")
script=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/files" "$work/files/rosters"
for name in matchday standings eligibility; do ln -s "$bin" "$work/bin/$name"; done
touch "$work/files/groupA.csv" "$work/files/groupB.TSV" "$work/files/notes.txt" "$work/files/logo.png"
export PATH="$work/bin:$PATH" LANG=zh_CN.UTF-8
# shellcheck source=/dev/null
source "$script"
fail=0
# expect "WORDS" "OFFERED": the last word is the one being completed.
expect() {
  read -r -a COMP_WORDS <<<"$1"
  [[ $1 == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  _matchday
  local got
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
  if [ "${got% }" != "$2" ]; then
    echo "completing \"$1\": got \"${got% }\", expected \"$2\"" >&2
    fail=1
  fi
}
complete -p matchday standings eligibility >/dev/null || fail=1
expect "matchday st" "standings"
expect "matchday --lang zh st" "standings"
expect "matchday standings --for" "--format"
expect "matchday standings --format x" "xlsx"
expect "matchday standings --lang " "en zh"
expect "standings --exp" "--explain"
expect "eligibility --cat" "--category"
expect "matchday eligibility -o" "-o"
expect "standings --rules uefa" "uefa-euro"
cd "$work/files"
expect "matchday standings " "groupA.csv groupB.TSV notes.txt rosters"
expect "standings --explain gr" "groupA.csv groupB.TSV"
expect "matchday standings -o " "groupA.csv groupB.TSV logo.png notes.txt rosters"
exit $fail
