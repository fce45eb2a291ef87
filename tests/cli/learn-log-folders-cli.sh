#!/bin/sh
# Issue 16, round 54's tester, finding 3, through the CLI: `learn DIR`
# where DIR is a folder of mail logs (a folder per Exchange server of
# MSGTRK*.LOG, a Postfix rotated set, Microsoft 365 trace CSVs) reads it
# as `audit DIR` does, file by file, and learns what the same files given
# by name teach; before, it read the folder as Sent folders ("not a
# message") and learned nothing. An empty subfolder and Windows's
# desktop.ini in it are skipped and said (finding 5); a mail client's
# folder (a Thunderbird profile's "Sent" mbox) is still read as Sent
# folders.
# Usage: learn-log-folders-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
cases=$root/tests/audit/cases
pairs() {  # pairs DB: the learned sender -> recipient pairs, one a line
  rows "$1" "select sender || ' ' || recipient || ' ' || messages from nm_correspondent order by 1"
}
mkdir -p "$tmp/ex/EX01/a" "$tmp/ex/EX02/empty" "$tmp/pf" "$tmp/m365"
cp "$cases/exchange-set/MSGTRK2025110309-1.LOG" "$tmp/ex/EX01/a/"
cp "$cases/exchange-set/MSGTRK2025110310-1.LOG" "$tmp/ex/EX02/"
printf '[.ShellClassInfo]\r\nIconResource=C:\\Windows\\system32\\imageres.dll,-3\r\n' \
  > "$tmp/ex/EX02/desktop.ini"
cp "$cases/postfix-rotated-year/maillog" "$cases/postfix-rotated-year/maillog.1" "$tmp/pf/"
gzip "$tmp/pf/maillog.1"
cp "$cases/m365-overlap/"*.csv "$tmp/m365/"

# The traces say no direction: the organisation's domain tells sent mail.
printf '[domains]\norganisation = ["mod.gov.uk"]\n' > "$tmp/m365.toml"
printf '' > "$tmp/ex.toml"
printf '' > "$tmp/pf.toml"
for set in ex pf m365; do
  files=$(find "$tmp/$set" -type f ! -name desktop.ini | sort)
  # shellcheck disable=SC2086 # the files, one word each (no spaces)
  "$bin" learn --policy "$tmp/$set.toml" --year 2025 --store "$tmp/$set-files.db" $files \
    > "$tmp/$set-files.out" 2>&1
  want=$?
  "$bin" learn --policy "$tmp/$set.toml" --year 2025 --store "$tmp/$set-dir.db" "$tmp/$set" \
    > "$tmp/$set-dir.out" 2>&1
  check "learn $set/: the exit of its files given by name" "$want" $?
  out=$(cat "$tmp/$set-dir.out")
  case $out in
    *"not a message"*|*"Sent folder"*" not read"*) check "learn $set/: read as logs" "logs" "$out" ;;
  esac
  learned=$(pairs "$tmp/$set-dir.db")
  check "learn $set/: learned what its files teach" "$(pairs "$tmp/$set-files.db")" "$learned"
  [ -n "$learned" ] || check "learn $set/: learned something" "pairs" ""
done
out=$(cat "$tmp/ex-dir.out")
contains "the empty subfolder said" "$tmp/ex/EX02/empty: an empty folder; nothing in it to read" "$out"
contains "desktop.ini skipped and named" \
  "$tmp/ex/EX02/desktop.ini: Windows's folder settings, not a log; skipped" "$out"

# Any other file in a folder of logs still stops the learn (fail closed).
printf 'notes about this server\n' > "$tmp/ex/EX02/README.txt"
"$bin" learn --year 2025 --store "$tmp/readme.db" "$tmp/ex" > "$tmp/readme.out" 2>&1
check "a README in a folder of logs: exit 2" 2 $?
contains "... named" "$tmp/ex/EX02/README.txt" "$(cat "$tmp/readme.out")"

# A Thunderbird folder: its "Sent" mbox read as a Sent folder, as before.
mkdir -p "$tmp/tb"
printf 'From - Mon Nov  3 10:00:00 2025\nFrom: Alice <alice@corp.example>\nTo: dana@tb.example\nSubject: hi\nDate: Mon, 3 Nov 2025 10:00:00 +0000\nMessage-ID: <tb1@corp.example>\n\nhello\n' \
  > "$tmp/tb/Sent"
printf '// <!-- <mdb:mork:z v="1.4"/> -->\n' > "$tmp/tb/Sent.msf"
"$bin" learn --store "$tmp/tb.db" "$tmp/tb" > "$tmp/tb.out" 2>&1
check "learn of a Thunderbird folder: exit 0" 0 $?
check "... its Sent folder learned" "alice@corp.example dana@tb.example 1" "$(pairs "$tmp/tb.db")"
exit $fail
