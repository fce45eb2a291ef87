# Shared by the CLI end-to-end scripts (sourced): a scratch directory removed
# on exit, a failure flag the script exits with, check() and contains().
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Commands given no --store use the default store when it exists
# (src/store/default_location.h): point it here, so no test reads or
# writes the machine's.
NEARMISS_STATE_DIR="$tmp/state"
export NEARMISS_STATE_DIR
fail=0
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then
    echo "FAIL $1: expected '$2', got '$3'"
    fail=1
  else
    echo "ok   $1"
  fi
}
rows() {  # rows DB SQL: sqlite3's answer, one row a line
  python3 -c 'import sqlite3,sys; [print("|".join(map(str, r))) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])]' "$1" "$2"
}
contains() {  # contains NAME NEEDLE HAYSTACK
  case $3 in
    *"$2"*) echo "ok   $1" ;;
    *) echo "FAIL $1: '$2' not in:"; echo "$3"; fail=1 ;;
  esac
}
# check_fixtures BIN DATA CASES: for each line "name level complete action"
# of CASES, the scan of DATA/name.eml in $tmp/scan.jsonl (nearmiss scan
# --json, run by the caller) has that level (blanks as '_'), completeness
# and action, and `policy explain` gives bob@outside-partner.com that action.
check_fixtures() {
  # Every scanned message's "level complete action", read by one python3
  # for all fixtures (one a fixture cost a start each), one line a source:
  # SOURCE<TAB>LEVEL COMPLETE ACTION.
  python3 -c '
import json, sys
for line in open(sys.argv[1]):
    m = json.loads(line)
    s = m["sensitivity"]
    print("%s\t%s %s %s" % (m["source"], s["level"].replace(" ", "_"),
                            str(s["complete"]).lower(), m["action"]))' "$tmp/scan.jsonl" >"$tmp/scan.levels"
  printf '%s\n' "$3" | while read -r name level complete action; do
    got=$(awk -F '\t' -v s="$2/$name.eml" '$1 == s { print $2 }' "$tmp/scan.levels")
    check "scan $name" "$level $complete $action" "$got"
    out=$("$1" policy explain --from alice@example.org --to bob@outside-partner.com \
          --message "$2/$name.eml")
    contains "explain $name" "bob@outside-partner.com: external -> $action" "$out"
  done > "$tmp/checks.txt"
  cat "$tmp/checks.txt"
  if grep -q '^FAIL' "$tmp/checks.txt"; then fail=1; fi
}
# alice_sent TO...: a Sent folder (mbox, on stdout) of alice@trust.example's,
# one message to each TO (a To: header value) on each of 8 days of October
# 2026 (01, 05, ..., 29) at 10:00 UTC, Message-IDs <nN@trust.example> going
# on from the caller's $id (set it first; the function leaves it at the last).
alice_sent() {
  for day in 01 05 09 13 17 21 25 29; do
    for to in "$@"; do
      id=$((id + 1))
      printf 'From alice@trust.example Thu Oct %s 10:00:00 2026\nFrom: Alice <alice@trust.example>\nTo: %s\nSubject: note %s\nDate: Thu, %s Oct 2026 10:00:00 +0000\nMessage-ID: <n%s@trust.example>\n\nhello\n\n' \
        "$day" "$to" "$id" "$day" "$id"
    done
  done
}
# add_ack DB SENDER RECIPIENT REASONS SUGGESTION [TYPO_KIND]: an API
# acknowledgement made a minute ago, live for 100 days, written straight
# into the SQLite store DB (a file path), as `POST /v1/check` would record it.
add_ack() {
  python3 - "$@" <<'PY'
import sqlite3, sys, time
db, sender, recipient, reasons, suggestion = sys.argv[1:6]
c = sqlite3.connect(db)
cols = [r[1] for r in c.execute("PRAGMA table_info(nm_acknowledgement)")]
now = int(time.time())
row = {"sender": sender, "recipient": recipient, "domain": "", "who": sender, "why": "",
       "path": "api", "created_at": now - 60, "expires_at": now + 86400 * 100,
       "reasons": reasons, "suggestion": suggestion, "warning_recorded": 1,
       "typo_kind": sys.argv[6] if len(sys.argv) > 6 else ""}
row = {k: v for k, v in row.items() if k in cols}
c.execute("INSERT INTO nm_acknowledgement (%s) VALUES (%s)" % (",".join(row), ",".join("?" * len(row))), list(row.values()))
c.commit()
PY
}
# judge CASES [check options...]: `$bin check --json` of each case's address
# ("ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS", '#' lines skipped) judged
# by judge_cases.py, one line per case on stdout. $bin is the caller's binary.
judge() {
  cases=$1
  shift
  grep -v '^#' "$cases" | cut -d'|' -f1 | "$bin" check --store none --json "$@" > "$tmp/out.jsonl"
  python3 "$(dirname "$0")/judge_cases.py" "$cases" "$tmp/out.jsonl"
}
# fake_postfix DIR: Postfix's tools in DIR as serve runs them: postqueue -j
# lists one held message, 4F2A91C3B from alice@trust.example to
# jon@x.example; postcat shows its subject ('patient letter') and body;
# postsuper says nothing and exits 0.
fake_postfix() {
  mkdir -p "$1"
  cat >"$1/postqueue" <<'SH'
#!/bin/sh
[ "$1" = -j ] && echo '{"queue_name": "hold", "queue_id": "4F2A91C3B", "sender": "alice@trust.example", "recipients": [{"address": "jon@x.example"}]}'
exit 0
SH
  cat >"$1/postcat" <<'SH'
#!/bin/sh
echo '*** HEADER EXTRACTED hold/4F2A91C3B ***'; echo 'Subject: patient letter'
echo '*** MESSAGE CONTENTS hold/4F2A91C3B ***'; echo ''; echo 'Dear Ms Jones'
SH
  printf '#!/bin/sh\nexit 0\n' >"$1/postsuper"
  chmod 755 "$1/postqueue" "$1/postcat" "$1/postsuper"
}
