# bash completion for nearmiss(1).
# It asks the binary being completed for its own --help (CLI11's help text),
# so it offers exactly the subcommands, options and choices that binary has
# and cannot drift from it. Needs no bash-completion helpers.

# _nearmiss_help_subcommands: the names under "Subcommands:".
_nearmiss_help_subcommands() {
  awk '/^Subcommands:/ {s = 1; next} /^[^ ]/ {s = 0} s && /^  [a-z]/ {print $1}'
}

# _nearmiss_help_options: every spelling of every option ("-h", "--help").
_nearmiss_help_options() {
  awk '/^  -/ {n = split($1, a, ","); for (i = 1; i <= n; i++) print a[i]}'
}

# _nearmiss_help_type OPTION: the value type CLI11 shows for OPTION
# ("TEXT:FILE", "TEXT:{text,json}", "INT"), empty for a flag.
_nearmiss_help_type() {
  awk -v want="$1" '/^  -/ {
    n = split($1, a, ",")
    for (i = 1; i <= n; i++) if (a[i] == want && $2 ~ /^[A-Z]+(:|$)/) print $2
  }'
}

_nearmiss() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local prog=${COMP_WORDS[0]} help i w type
  local -a path=()
  help=$("$prog" --help 2>/dev/null) || return 0
  # Descend through the subcommands typed so far.
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if printf '%s\n' "$help" | _nearmiss_help_subcommands | grep -qxF -- "$w"; then
      path+=("$w")
      help=$("$prog" "${path[@]}" --help 2>/dev/null) || return 0
    fi
  done

  # The value of the option before the cursor.
  if [[ $prev == -* ]]; then
    type=$(printf '%s\n' "$help" | _nearmiss_help_type "$prev")
    if [[ $type == *"{"*"}"* ]]; then
      type=${type#*\{}; type=${type%\}*}
      mapfile -t COMPREPLY < <(compgen -W "${type//,/ }" -- "$cur")
      return 0
    elif [[ $type == *FILE* ]]; then
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return 0
    elif [[ -n $type ]]; then
      # A free value (TEXT, INT): paths are the likeliest (--store, --spool).
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return 0
    fi
  fi

  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(printf '%s\n' "$help" | _nearmiss_help_options)" -- "$cur")
    return 0
  fi
  local subs
  subs=$(printf '%s\n' "$help" | _nearmiss_help_subcommands)
  if [[ -n $subs ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$subs" -- "$cur")
  elif printf '%s\n' "$help" | grep -q '^Positionals:'; then
    # Inputs: messages, logs, folders.
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
  return 0
}
complete -o filenames -F _nearmiss nearmiss
