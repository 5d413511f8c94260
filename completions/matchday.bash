# bash completion for matchday, and for `standings` and `eligibility` (the same
# program under other names). Installed as
# share/bash-completion/completions/{matchday,standings,eligibility}.
#
# The subcommands, options and option values are read from the program's own
# --help (in English, whatever the locale), so they never go out of date.

# The --help text of "$@" (the program, and the subcommand if any).
_matchday_help() {
  env LC_ALL=C LC_MESSAGES=C LANG=C "$@" --help 2>/dev/null
}

_matchday() {
  local cur prev
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=""
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  COMPREPLY=()

  # The command: `standings ...`, `eligibility ...` or `matchday SUBCOMMAND ...`.
  local prog=${COMP_WORDS[0]} i sub=""
  local -a cmd=("$prog")
  case ${prog##*/} in
    standings | eligibility) sub=${prog##*/} ;;
    *)
      for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} != -* && ${COMP_WORDS[i - 1]} != --lang ]]; then
          sub=${COMP_WORDS[i]}
          break
        fi
      done
      if [[ -z $sub ]]; then
        local subs
        subs=$(_matchday_help "$prog" | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
        COMPREPLY=($(compgen -W "$subs --help --version --lang" -- "$cur"))
        return 0
      fi
      cmd+=("$sub")
      ;;
  esac

  local help
  help=$(_matchday_help "${cmd[@]}")

  # The value of an option: its choices ({a,b,c} in the help), a file, or nothing to offer.
  if [[ $prev == -* ]]; then
    local line
    line=$(printf '%s\n' "$help" | grep -E -m1 "^  (-[^ ,]+,)*${prev}([ ,]|$)")
    if [[ -n $line && $line =~ ^\ \ [^\ ]+\ [A-Z] ]]; then
      if [[ $line =~ \{([^}]*)\} ]]; then
        COMPREPLY=($(compgen -W "${BASH_REMATCH[1]//,/ }" -- "$cur"))
      elif [[ $prev == --rules ]]; then
        local presets
        # `matchday rules`: beside `standings` and `eligibility` when called by those names.
        presets=$(env LC_ALL=C "${prog%"${prog##*/}"}matchday" rules --format csv 2>/dev/null | sed -n '2,$s/,.*//p')
        COMPREPLY=($(compgen -W "$presets" -- "$cur") $(compgen -f -- "$cur"))
      else
        COMPREPLY=($(compgen -f -- "$cur"))
      fi
      compopt -o filenames 2>/dev/null
      return 0
    fi
  fi

  if [[ $cur == -* ]]; then
    local opts
    opts=$(printf '%s\n' "$help" | sed -n 's/^  \(-[^ ]*\).*/\1/p' | tr ',' '\n')
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return 0
  fi

  # Input files: results and rosters (CSV, TSV, Excel's Unicode text) and folders.
  compopt -o filenames 2>/dev/null
  local f
  local -a names
  mapfile -t names < <(compgen -f -- "$cur")
  for f in "${names[@]}"; do
    case ${f,,} in
      *.csv | *.tsv | *.txt) COMPREPLY+=("$f") ;;
      *) [[ -d $f ]] && COMPREPLY+=("$f") ;;
    esac
  done
  return 0
}

complete -F _matchday matchday standings eligibility
