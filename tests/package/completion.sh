#!/bin/bash
# The shell completions (dist/completion/) against the built binary: they
# read its --help, so they must offer its real subcommands, options,
# choices and files. zsh's is run with compadd/_describe/_files stubbed to
# print what they were given.
# Usage: completion.sh NEARMISS_BINARY
set -u
bin=$(realpath "$1")
dist=$(cd "$(dirname "$0")/../../dist/completion" && pwd)
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
ln -s "$bin" "$t/nearmiss"; touch "$t/policy.toml" "$t/mail.eml"
status=0
expect() {  # what got want
  if [ "$2" = "$3" ]; then echo "ok: $1 -> $2"; else echo "FAIL: $1 -> '$2', want '$3'"; status=1; fi
}

b() {  # words... (the last is the word being completed)
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _nearmiss
           printf "%s\n" "${COMPREPLY[@]}" | sort | paste -sd" "' _ "$dist/nearmiss.bash" "$@"
}
subs=$("$bin" --help | awk '/^Subcommands:/ {s = 1; next} /^[^ ]/ {s = 0} s && /^  [a-z]/ {print $1}' |
  sort | paste -sd" ")
expect "bash: nearmiss ''" "$(b "$t/nearmiss" "")" "$subs"
expect "bash: nearmiss policy l" "$(b "$t/nearmiss" policy l)" "lint"
expect "bash: nearmiss milter --log-format ''" "$(b "$t/nearmiss" milter --log-format "")" "json text"
expect "bash: nearmiss milter --lis" "$(b "$t/nearmiss" milter --lis)" "--listen"
expect "bash: nearmiss check --policy $t/pol" "$(b "$t/nearmiss" check --policy "$t/pol")" "$t/policy.toml"
expect "bash: nearmiss scan $t/ma" "$(b "$t/nearmiss" scan "$t/ma")" "$t/mail.eml"

if command -v zsh >/dev/null; then
  z() {
    zsh -fc 'compadd() { [[ $1 == -- ]] && shift; print -r -- "compadd $*"; }
             _files() { print -r -- "_files"; }
             _describe() { local -a items; items=("${(@P)4}"); print -r -- _describe ${items%%:*}; }
             source "$1"; shift; words=("$@"); CURRENT=$#; PREFIX=${words[-1]}; _nearmiss' \
      _ "$dist/_nearmiss" "$@"
  }
  expect "zsh: nearmiss ''" "$(z "$t/nearmiss" "" | tr ' ' '\n' | sed 1d | sort | paste -sd" ")" "$subs"
  expect "zsh: nearmiss milter --log-format ''" "$(z "$t/nearmiss" milter --log-format "")" "compadd text json"
  expect "zsh: nearmiss check --policy ''" "$(z "$t/nearmiss" check --policy "")" "_files"
  expect "zsh: nearmiss milter --lis (has --listen)" \
    "$(z "$t/nearmiss" milter --lis | tr ' ' '\n' | grep -cx -- --listen)" "1"
else
  echo "FAIL: zsh missing (scripts/install-deps)"; status=1
fi
exit $status
