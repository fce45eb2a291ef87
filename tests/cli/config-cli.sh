#!/bin/sh
# End-to-end tests of the configuration file and the CLI's manners:
#  - `config show` (text and --json) over a fixture configuration with a
#    flag overriding it, against goldens; NEARMISS_CONFIG picks the file;
#    serve and milter listen, and log as JSON, as the file says;
#  - an invalid configuration (unknown key, TOML syntax, wrong type, bad
#    log format) is an error naming FILE:LINE, exit 2, for every command;
#    a named file that is missing is an error; an absent default is not;
#  - --store-password-file is used, never printed; a password in an argv
#    --store URL draws a warning and is never echoed;
#  - --version names the commit, the build date and every embedded list;
#  - a password= parameter or a libpq password keyword is never printed;
#    a libpq keyword/value string is PostgreSQL, not a SQLite file name;
#  - `policy lint` without FILE lints the configuration's policy;
#  - a mistyped subcommand is named at every level, with the closest
#    subcommand and the list of them, exit 2.
# Usage: config-cli.sh NEARMISS (run from the source root)
# NM_UPDATE_GOLDEN=1 rewrites the goldens (review the diff by hand).
set -u
bin=$1
data=tests/testdata/config  # relative: the goldens name files this way
. "$(dirname "$0")/lib.sh"
golden() {  # golden NAME FILE ACTUAL_FILE
  if [ "${NM_UPDATE_GOLDEN:-}" = 1 ]; then cp "$3" "$2"; fi
  if diff -u "$2" "$3"; then echo "ok   $1"; else echo "FAIL $1 (diff above)"; fail=1; fi
}
unset NEARMISS_CONFIG NEARMISS_STORE_PASSWORD

# 1. config show: the file, a flag over it, and where each value came from.
"$bin" --config "$data/nearmiss.toml" config show --store sqlite:/tmp/override.db \
  > "$tmp/show.txt"
check "config show exits 0" 0 $?
golden "config show (text)" "$data/show.golden" "$tmp/show.txt"
NEARMISS_CONFIG="$data/nearmiss.toml" "$bin" config show --json \
  --store-password-file "$data/store-password" --store postgresql://nearmiss@127.0.0.1/nm \
  > "$tmp/show.json"
check "config show --json exits 0" 0 $?
golden "config show --json (NEARMISS_CONFIG, password file)" "$data/show-json.golden" "$tmp/show.json"
case $(cat "$tmp/show.json") in
  *s3cret*) echo "FAIL config show printed the store password"; fail=1 ;;
  *) echo "ok   config show never prints the store password" ;;
esac
# --config after the subcommand works as well.
out=$("$bin" config show --config "$data/nearmiss.toml" | head -1)
check "--config after the subcommand" \
  "configuration file: $data/nearmiss.toml (flag --config)" "$out"

# 1b. The daemons take their listen addresses and log format from the file.
port=$(tests/free-port)
printf 'log_format = "json"\n[serve]\nlisten = "127.0.0.1:%s"\n[milter]\nlisten = "unix:%s"\n' \
  "$port" "$tmp/milter.sock" > "$tmp/daemons.toml"
. "$(dirname "$0")/../daemon/lib.sh"  # wait_for
started() { wait_for "$2" '"listening on' "$1"; }  # started PID LOG: a JSON line
NEARMISS_CONFIG="$tmp/daemons.toml" "$bin" serve --postfix-bin /nonexistent 2> "$tmp/serve.err" &
serve_pid=$!
if started $serve_pid "$tmp/serve.err"; then
  check "serve listens where the file says" 200 \
    "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")"
else
  echo "FAIL serve did not start from the file (JSON log):"; cat "$tmp/serve.err"; fail=1
fi
kill $serve_pid 2>/dev/null; wait $serve_pid 2>/dev/null
NEARMISS_CONFIG="$tmp/daemons.toml" "$bin" milter --no-postconf > /dev/null 2> "$tmp/milter.err" &
milter_pid=$!
if started $milter_pid "$tmp/milter.err"; then
  check "milter listens on the file's socket" yes "$([ -S "$tmp/milter.sock" ] && echo yes)"
else
  echo "FAIL milter did not start from the file (JSON log):"; cat "$tmp/milter.err"; fail=1
fi
kill $milter_pid 2>/dev/null; wait $milter_pid 2>/dev/null

# 2. Invalid files: FILE:LINE:COLUMN and exit 2, whatever the command.
: > "$tmp/errors.txt"
for f in unknown-key bad-syntax bad-type bad-log-format; do
  "$bin" --config "$data/$f.toml" check alice@example.org 2>> "$tmp/errors.txt"
  check "$f.toml: exit 2" 2 $?
done
golden "invalid configuration messages" "$data/errors.golden" "$tmp/errors.txt"
err=$("$bin" --config "$tmp/none.toml" config show 2>&1)
check "a named file that is missing: exit 2" 2 $?
contains "the missing file is named" "$tmp/none.toml: cannot read the configuration file (flag --config)" "$err"
err=$(NEARMISS_CONFIG="$tmp/none.toml" "$bin" config show 2>&1)
contains "NEARMISS_CONFIG missing is named" "(env NEARMISS_CONFIG)" "$err"

# 3. Secrets. A password in argv is warned about, never echoed back.
err=$("$bin" check --store 'postgresql://nm:argv-s3cret@127.0.0.1:1/nm' alice@example.org 2>&1)
contains "password in --store: warning" "--store carries a password, which ps shows" "$err"
case $err in
  *argv-s3cret*) echo "FAIL the argv password was echoed: $err"; fail=1 ;;
  *) echo "ok   the argv password is not echoed" ;;
esac
err=$("$bin" check --store 'postgresql://nm@127.0.0.1:1/nm?connect_timeout=2&password=param-s3cret' \
  alice@example.org 2>&1)
contains "password= parameter: warning" "--store carries a password" "$err"
contains "password= parameter: the store named" "postgresql://nm@127.0.0.1:1/nm?connect_timeout=2&password=***: cannot connect" "$err"
case $err in
  *param-s3cret*) echo "FAIL the password= parameter was printed: $err"; fail=1 ;;
  *) echo "ok   the password= parameter is not printed" ;;
esac
abs_bin=$(realpath "$bin")
# libpq's keyword/value form: PostgreSQL (a connection refused), not a
# SQLite file created under that name.
err=$(cd "$tmp" && "$abs_bin" check --store 'host=127.0.0.1 port=1 dbname=nm connect_timeout=2 password=kv-s3cret' \
  alice@example.org 2>&1)
check "keyword/value store: exit 2" 2 $?
contains "keyword/value store: PostgreSQL" "host=127.0.0.1 port=1 dbname=nm connect_timeout=2 password=***: cannot connect" "$err"
case $err in
  *kv-s3cret*) echo "FAIL the keyword password was printed: $err"; fail=1 ;;
  *) echo "ok   the keyword password is not printed" ;;
esac
check "keyword/value store: no SQLite file made" "" "$(ls "$tmp" | grep '^host=')"
err=$("$bin" check --store 'postgresql://nm@127.0.0.1:1/nm' alice@example.org 2>&1)
case $err in
  *"carries a password"*) echo "FAIL warned about a URL without a password"; fail=1 ;;
  *) echo "ok   no warning for a URL without a password" ;;
esac
err=$("$bin" check --store 'postgresql://nm@127.0.0.1:1/nm' \
  --store-password-file "$tmp/no-such-file" alice@example.org 2>&1)
check "unreadable --store-password-file: exit 2" 2 $?
contains "unreadable password file named" "$tmp/no-such-file: cannot read the store password file" "$err"

# 4. --version: version, commit, build date, each embedded list, the PSL.
v=$("$bin" --version)
check "--version exits 0" 0 $?
contains "--version: version" "nearmiss 0.1.0" "$v"
# The commit the build was configured at: one of this checkout's (HEAD may
# have moved since), or "unknown" outside a git checkout.
commit=$(printf '%s\n' "$v" | sed -n 's/^commit \([^ ]*\) (.*)$/\1/p')
if git rev-parse --git-dir >/dev/null 2>&1; then
  if [ -n "$commit" ] && git cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "ok   --version: commit $commit is in this checkout"
  else
    echo "FAIL --version: no commit of this checkout in: $v"; fail=1
  fi
else
  check "--version: commit outside git" unknown "$commit"
fi
contains "--version: build date" "built 20" "$v"
for list in data/lists/*.txt data/markings/*.toml data/policy/default.toml; do
  contains "--version: $list" "  $list " "$v"
done
contains "--version: public suffix list" "public suffix list: libpsl " "$v"
contains "--version: root zone TLDs" "root zone TLDs: data/lists/root-zone-tlds.txt: " "$v"
# How old the root zone list is, from its header's IANA version (issue 15,
# round 35, defect 5): "..., updated 2024-11-08, 755 days ago".
case "$v" in
  *"root zone TLDs: "*"(IANA Version "*"), updated "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]", "*" day"*) echo "ok   --version: root zone list's age" ;;
  *) echo "FAIL --version: root zone list's age: $v"; fail=1 ;;
esac
# The PSL's age the same way (issue 15, round 37, item 6): "..., 612 days ago".
case "$v" in
  *"public suffix list: libpsl "*" of "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]", "*" day"*) echo "ok   --version: public suffix list's age" ;;
  *) echo "FAIL --version: public suffix list's age: $v"; fail=1 ;;
esac

# 5. A mistyped subcommand is named, at every level, with the closest one.
err=$("$bin" frobnicate 2>&1)
check "nearmiss frobnicate: exit 2" 2 $?
check "nearmiss frobnicate: message" \
  "nearmiss: unknown subcommand 'frobnicate'. The subcommands are: check, permute, policy, scan, milter, serve, audit, learn, config
Run 'nearmiss --help' for what each does." "$err"
err=$("$bin" chek alice@example.org 2>&1)
contains "nearmiss chek: did you mean" "nearmiss: unknown subcommand 'chek'; did you mean 'check'?" "$err"
err=$("$bin" policy lnt 2>&1)
check "nearmiss policy lnt: exit 2" 2 $?
check "nearmiss policy lnt: message" \
  "nearmiss policy: unknown subcommand 'lnt'; did you mean 'lint'? The subcommands are: init, lint, explain
Run 'nearmiss policy --help' for what each does." "$err"
err=$("$bin" --config "$data/nearmiss.toml" config shwo --json 2>&1)
check "nearmiss config shwo: exit 2" 2 $?
contains "nearmiss config shwo: message" "nearmiss config: unknown subcommand 'shwo'; did you mean 'show'? The subcommands are: show" "$err"

# 6. policy lint without FILE: the configuration's policy.
"$bin" policy init > "$tmp/policy.toml"
printf 'policy = "%s"\n' "$tmp/policy.toml" > "$tmp/lint.toml"
out=$("$bin" --config "$tmp/lint.toml" policy lint 2>&1)
check "policy lint (the configuration's policy): exit 0" 0 $?
check "policy lint (the configuration's policy): names it" "$tmp/policy.toml: ok" "$out"
printf '[[broken\n' >> "$tmp/policy.toml"
NEARMISS_CONFIG="$tmp/lint.toml" "$bin" policy lint > "$tmp/lint.out" 2>&1
check "policy lint of a broken configured policy: exit 2" 2 $?
contains "policy lint of a broken configured policy: names it" "$tmp/policy.toml:" "$(cat "$tmp/lint.out")"
err=$(NEARMISS_CONFIG=/dev/null "$bin" policy lint 2>&1)
check "policy lint with no FILE and no policy: exit 2" 2 $?
contains "policy lint with no FILE and no policy: says so" "no policy file to lint: give FILE, or set policy in /dev/null" "$err"

exit $fail
