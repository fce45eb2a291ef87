#!/bin/sh
# Relationships end to end (issue 14, items 1 and 2): `learn` dates Sent
# folder messages by their Date: (a folder over 45 days trusts its
# correspondent after one import), learns nothing twice (a second import,
# overlapping rotated logs), writes to the one default store that `check`
# then reads with no flags (also as a user who cannot write
# /var/lib/nearmiss), shows the relationships, and `check` flags the wrong
# person at the right domain with address-typo and its suggestion.
# Usage: relationships-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
data=$root/tests/testdata/history
json() {  # json EXPR ADDRESS: a field of `check --json`, with no flags
  "$bin" check --json "$2" | python3 -c "import json,sys; c=json.loads(sys.stdin.read()); print($1)"
}

# No store yet: check runs without history and says nothing of it.
check "before learning, partner.example is external" external "$(json 'c["verdict"]' john.smith@partner.example)"

"$bin" learn "$data/sent-45-days.mbox" > "$tmp/learn1.txt" 2>&1
check "learn exits 0" 0 $?
contains "learn says which store" "store: sqlite://$tmp/state/nearmiss.db (the default: \$NEARMISS_STATE_DIR)" "$(cat "$tmp/learn1.txt")"
contains "every message carries its Date:" "read 10 messages from Sent folders
" "$(cat "$tmp/learn1.txt")"
contains "one import trusts the correspondent" "trusted from history: 1 domains" "$(cat "$tmp/learn1.txt")"
contains "14 deliveries counted" "counted 14 new; 0 the store had counted before" "$(cat "$tmp/learn1.txt")"

check "learn then check, no flags: trusted" trusted "$(json 'c["verdict"]' john.smith@partner.example)"

"$bin" learn "$data/sent-45-days.mbox" > "$tmp/learn2.txt" 2>&1
contains "a second import counts nothing" "counted 0 new; 14 the store had counted before" "$(cat "$tmp/learn2.txt")"
"$bin" learn --show > "$tmp/show.txt"
contains "organisation-wide figures" "organisation: 14 deliveries from 1 senders to 2 addresses at 1 domains, 2026-09-01 to 2026-10-16" "$(cat "$tmp/show.txt")"
grep -Eq '^alice@mod.example -> john.smith@partner.example +10 2026-09-01 +2026-10-16$' "$tmp/show.txt" \
  && echo "ok   the pair: count, first and last seen by Date:" || { echo "FAIL --show:"; cat "$tmp/show.txt"; fail=1; }

# A message with no Date: is dated by its mbox "From " line.
"$bin" learn "$data/no-date.mbox" > "$tmp/learn3.txt" 2>&1
contains "the fallback is counted" "1 without a readable Date: dated by delivery" "$(cat "$tmp/learn3.txt")"
"$bin" learn --show --sender alice@mod.example > "$tmp/show2.txt"
grep -Eq '^alice@mod.example -> peter.brown@partner.example +1 2026-10-12 +2026-10-12$' "$tmp/show2.txt" \
  && echo "ok   ... at the From line's day" || { echo "FAIL no-date:"; cat "$tmp/show2.txt"; fail=1; }
"$bin" learn "$data/no-date.mbox" > "$tmp/learn4.txt" 2>&1
contains "... and counted once without a Message-ID" "counted 0 new; 1 the store had counted before" "$(cat "$tmp/learn4.txt")"

# address-typo through check, with no flags: the wrong person at the right domain.
check "jon.smith is an address-typo" "address-typo" \
  "$(json '",".join(r["code"] for r in c["reasons"] if r["code"]=="address-typo")' jon.smith@partner.example)"
check "... with the suggestion" "john.smith@partner.example" "$(json 'c["suggestion"]' jon.smith@partner.example)"
"$bin" check jon.smith@partner.example > "$tmp/check.txt"
contains "the sentence names the frequent address" "looks like john.smith@partner.example, a frequent correspondent" "$(cat "$tmp/check.txt")"
check "a genuinely new contact is not" "" \
  "$(json '",".join(r["code"] for r in c["reasons"] if r["code"]=="address-typo")' sarah.connor@partner.example)"
"$bin" policy explain --from alice@mod.example --to jsmith@partner.example > "$tmp/explain.txt"
contains "the default policy holds it" "did you mean john.smith@partner.example?" "$(cat "$tmp/explain.txt")"

# Overlapping rotated logs: maillog.1 and maillog share a delivery; each
# delivery counts once, in one run or across runs.
line() {  # line DAY QUEUEID RCPT
  echo "Oct $1 10:00:00 mx postfix/qmgr[2]: $2: from=<bob@mod.example>, size=900, nrcpt=1 (queue active)"
  echo "Oct $1 10:00:01 mx postfix/smtp[3]: $2: to=<$3>, relay=mx.example[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 ok)"
  echo "Oct $1 10:00:02 mx postfix/qmgr[2]: $2: removed"
}
mkdir "$tmp/logs"
{ line 01 A1B2C3 amy@partner.example; line 02 A1B2C4 amy@partner.example; } > "$tmp/logs/maillog.1"
{ line 02 A1B2C4 amy@partner.example; line 03 A1B2C5 amy@partner.example; } > "$tmp/logs/maillog"
"$bin" learn --year 2026 "$tmp/logs/maillog" "$tmp/logs/maillog.1" > "$tmp/log1.txt" 2>&1
contains "overlapping rotated logs count each delivery once" "counted 3 new; 1 the store had counted before" "$(cat "$tmp/log1.txt")"
"$bin" learn --year 2026 "$tmp/logs/maillog" > "$tmp/log2.txt" 2>&1
contains "a log learned again counts nothing" "counted 0 new; 2 the store had counted before" "$(cat "$tmp/log2.txt")"
"$bin" learn --show --sender bob@mod.example > "$tmp/show3.txt"
grep -Eq '^bob@mod.example -> amy@partner.example +3 2026-10-01 +2026-10-03$' "$tmp/show3.txt" \
  && echo "ok   log deliveries at the log's dates" || { echo "FAIL logs:"; cat "$tmp/show3.txt"; fail=1; }

# A configured store that cannot be opened fails closed: exit 2, named.
"$bin" check --store "$tmp/missing-dir/x.db" bob@partner.example > /dev/null 2> "$tmp/err.txt"
check "an unreachable configured store exits 2" 2 $?
contains "... naming it" "missing-dir/x.db" "$(cat "$tmp/err.txt")"

# A user who cannot write /var/lib/nearmiss: learn and check meet in
# $XDG_DATA_HOME. As root, run them as nobody.
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then
  as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
  as_user() { "$@"; }
fi
chmod 755 "$tmp"
mkdir -p "$tmp/xdg"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$tmp/xdg"
if as_user test -w /var/lib; then
  echo "skip the non-root fallback: this user can write /var/lib"
else
  user_env() { as_user env -u NEARMISS_STATE_DIR XDG_DATA_HOME="$tmp/xdg" HOME=/nonexistent "$@"; }
  out=$(user_env "$bin" learn "$data/sent-45-days.mbox" 2>&1)
  contains "a non-root user's store is in \$XDG_DATA_HOME" \
    "store: sqlite://$tmp/xdg/nearmiss/nearmiss.db (the default: /var/lib/nearmiss is not writable by this user: \$XDG_DATA_HOME)" "$out"
  v=$(user_env "$bin" check --json john.smith@partner.example |
    python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["verdict"])')
  check "... and check finds it with no flags" trusted "$v"
fi
exit $fail
