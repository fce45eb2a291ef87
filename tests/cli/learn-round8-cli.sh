#!/bin/sh
# Issue 14, breaker round 8, the command-line items: a --store path that
# does not exist made check and scan judge with a new, empty store (item 7);
# CSV dates written DD.MM.YYYY without a time were refused though the docs
# and the error list them (item 8, every documented form with and without
# a time); a Maildir folder named as sent mail in another client's naming
# was skipped with no hint of --sent-folder (item 10); and the minimal
# history of the breaker's items 1, 2, 3 and 5 through `check`.
# Usage: learn-round8-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"

# Item 7: check, scan and policy explain refuse a store that is not there,
# and create nothing; learn creates it and says so.
"$bin" check --store "$tmp/typo.db" --from alice@ourorg.example x@p.example >"$tmp/o" 2>"$tmp/e"
check "check: missing store exits 2" 2 $?
contains "check: names the path" "store $tmp/typo.db does not exist" "$(cat "$tmp/e")"
check "check: creates nothing" no "$([ -e "$tmp/typo.db" ] && echo yes || echo no)"
"$bin" check --store "sqlite:$tmp/typo2.db" x@p.example >"$tmp/o" 2>"$tmp/e"
check "check: sqlite: URL too" 2 $?
printf 'From: a@ourorg.example\nTo: x@p.example\nSubject: hi\n\nhi\n' >"$tmp/m.eml"
"$bin" scan --store "$tmp/typo3.db" "$tmp/m.eml" >"$tmp/o" 2>"$tmp/e"
check "scan: missing store exits 2" 2 $?
check "scan: creates nothing" no "$([ -e "$tmp/typo3.db" ] && echo yes || echo no)"
"$bin" policy explain --store "$tmp/typo4.db" --from a@ourorg.example --to x@p.example \
  >"$tmp/o" 2>"$tmp/e"
check "explain: missing store exits 2" 2 $?
printf 'sender,recipient,date\nalice@ourorg.example,x@p9.example,2026-10-01\n' >"$tmp/one.csv"
out=$("$bin" learn --store "$tmp/new.db" "$tmp/one.csv" 2>&1)
contains "learn: says it creates the store" "did not exist; creating it" "$out"
out=$("$bin" learn --store "$tmp/new.db" "$tmp/one.csv" 2>&1)
case $out in *"creating it"*) check "learn: an existing store is not new" no yes ;;
             *) check "learn: an existing store is not new" no no ;; esac
"$bin" check --store "$tmp/new.db" x@p9.example >/dev/null 2>&1
check "check: an existing store is read" 0 $?

# Item 8: each documented date form, with and without a time, with ',' and
# ';' separators; each learns one delivery dated as written.
n=0
for d in 2026-10-01 "2026-10-01 10:00:00" 2026-10-01T10:00:00Z 1790812800 01.10.2026 \
         "01.10.2026 10:00" 1.10.2026 "1.10.2026 10:00" 21.10.2026 "21.10.2026 10:00:00"; do
  for sep in , ';'; do
    n=$((n + 1))
    printf 'sender%srecipient%sdate\nalice@ourorg.example%sx@p9.example%s%s\n' \
      "$sep" "$sep" "$sep" "$sep" "$d" >"$tmp/d$n.csv"
    out=$("$bin" learn --store "$tmp/d$n.db" "$tmp/d$n.csv" 2>&1)
    contains "csv date '$d' sep '$sep'" "1 found = 1 new" "$out"
  done
done
for d in 21/10/2026 "21/10/2026 10:00"; do
  n=$((n + 1))
  printf 'sender,recipient,date\nalice@ourorg.example,x@p9.example,%s\n' "$d" >"$tmp/d$n.csv"
  out=$("$bin" learn --date-order dmy --store "$tmp/d$n.db" "$tmp/d$n.csv" 2>&1)
  contains "csv slash date '$d' with --date-order dmy" "1 found = 1 new" "$out"
done
out=$("$bin" learn --store "$tmp/d1.db" --show 2>&1)
contains "date-only is the day" "2026-10-01" "$out"
printf 'sender,recipient,date\nalice@ourorg.example,x@p9.example,32.10.2026\n' >"$tmp/bad.csv"
out=$("$bin" learn --store "$tmp/bad.db" "$tmp/bad.csv" 2>&1)
contains "a day that cannot be is still refused" "bad.csv:2: bad time '32.10.2026'" "$out"

# Item 10: folders named as sent mail elsewhere get the --sent-folder hint.
m=$tmp/M
for f in .Sent ".[Gmail].Sent Mail" .INBOX.Sent ".Gesendete Objekte" .Trash; do
  mkdir -p "$m/$f/cur" "$m/$f/new" "$m/$f/tmp"
  touch "$m/$f/maildirfolder"
done
mkdir -p "$m/cur" "$m/new" "$m/tmp"
out=$("$bin" learn --store "$tmp/md.db" "$m" 2>&1)
contains "gmail hint" "$m/.[Gmail].Sent Mail; if it is sent mail, read it with --sent-folder '[Gmail].Sent Mail'" "$out"
contains "INBOX.Sent hint" "--sent-folder 'INBOX.Sent'" "$out"
contains "German hint" "--sent-folder 'Gesendete Objekte'" "$out"
case $out in *"Trash; if"*) check "no hint for Trash" no yes ;; *) check "no hint for Trash" no no ;; esac

# Items 1, 2, 3, 5 through check, on the breaker's minimal history.
cat >"$tmp/ff.csv" <<'CSV'
sender,recipient,date
CSV
for d in 01 08 15 22 29; do
  for r in castro.john@partner-ff.example lancaster_ella@partner-ff.example \
           alvarez.daniel@partner-ff.example p.okonkwo@client.example k.nakamura@client.example \
           maria.garcia@client.example pieter.van.der.berg@client.example pmacdonald@client.example; do
    echo "alice@ourorg.example,$r,2026-10-$d" >>"$tmp/ff.csv"
  done
done
"$bin" learn --store "$tmp/m.db" "$tmp/ff.csv" >/dev/null 2>&1
action() {  # action ADDRESS: the policy's action for alice's ADDRESS
  "$bin" check --store "$tmp/m.db" --json --from alice@ourorg.example "$1" |
    python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["action"])'
}
for a in castillo.john@partner-ff.example lancashire_ella@partner-ff.example \
         alvarado.daniel@partner-ff.example '"P. Okonkwo" <lin.new@client.example>' \
         '"Okonkwo, P." <lin.new@client.example>' '"Garcia, M." <lin.new@client.example>' \
         '"Maria G." <lin.new@client.example>' '"Ｍａｒｉａ Ｇａｒｃｉａ" <lin.new@client.example>' \
         pieter.vd.berg@client.example p.vd.berg@client.example pieter.vdberg@client.example; do
  check "slip $a" confirm "$(action "$a")"
done
for a in bmacdonald@client.example castro.maria@partner-ff.example; do
  check "new contact $a" accept "$(action "$a")"
done
exit $fail
