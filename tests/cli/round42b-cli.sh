#!/bin/sh
# Issue 14, the tester's round-41 report (/work/tester14.md), through the CLI:
# 1. (item 12) check and policy explain read Outlook's pasted
#    "Okafor, Chidi <c@x>" as one recipient, not two;
# 2. (item 13) learn's summary counts CSV rows, their recipients and the
#    rows not used (with the first places) apart, and a trace's Failed row
#    is in a figure;
# 3. (item 14) a UTF-16 CSV with its byte order mark (Excel's "Unicode
#    Text", tab separated; PowerShell 5.1's Export-Csv -Encoding Unicode)
#    is read; one with NUL bytes and no mark is refused as such;
# 4. (item 11) a Sent folder's Date: warnings name the field's line and
#    text; an unreadable Date: (and a zone of "+9999") is counted and named;
# 5. learn --show shows the name each recipient was written under.
# Usage: round42b-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
d="$root/tests/testdata/history/round42"

# --- 1: Outlook's "Last, First <addr>" ---------------------------------------
out=$("$bin" check --store none --from alice@ourorg.example 'Okafor, Chidi <c.okafor2@nhs.example>' 2>&1)
check "check: Outlook's pasted recipient is one address (one line)" 1 "$(printf '%s\n' "$out" | grep -c .)"
contains "... the address judged" "c.okafor2@nhs.example: nhs.example" "$out"
case $out in *"invalid   Okafor"*) check "check: no recipient 'Okafor'" absent present ;; esac
out=$(printf 'Okafor, Chidi <c.okafor2@nhs.example>; Doe, Jane <jane@nhs.example>\n' |
      "$bin" check --from alice@ourorg.example 2>&1)
contains "check on stdin: an Outlook list of two is two" "2 checked" "$out"
contains "... the second one judged" "jane@nhs.example" "$out"
out=$("$bin" check --from alice@ourorg.example 'Okafor' 2>&1)
check "check: a word that is no address is refused (exit 1)" 1 $?
contains "... naming it" "invalid   Okafor: no '@' in 'Okafor'" "$out"
out=$("$bin" policy explain --from alice@ourorg.example \
      --to 'Okafor, Chidi <c.okafor2@nhs.example>' 2>&1)
contains "policy explain --to: the pasted recipient is the address" "to c.okafor2@nhs.example:" "$out"
case $out in *"to Okafor"*) check "policy explain: no recipient 'Okafor'" absent present ;; esac

# --- 2: CSV rows, recipients and rows not used --------------------------------
out=$("$bin" learn --store "sqlite:$tmp/ol.db" "$d/outlook.csv" 2>&1)
contains "learn outlook.csv: rows, recipients, rows not used and where" \
  "read: 0 log lines in 0 files, 0 Sent folder messages, 4 CSV rows (2 recipients; 3 rows not used, first at $d/outlook.csv:3, $d/outlook.csv:4, $d/outlook.csv:5)" "$out"
contains "... the recipients left out" "left out 3 recipients that are not addresses (first: $d/outlook.csv:3:" "$out"
contains "... the deliveries" "deliveries: 2 found = 2 new" "$out"

# A Microsoft 365 trace's Failed row: in a figure of the summary, with its place.
printf '[domains]\norganisation = ["ourorg.example"]\n' > "$tmp/org.toml"
out=$("$bin" learn --store "sqlite:$tmp/m365.db" --policy "$tmp/org.toml" "$d/m365-failed.csv" 2>&1)
contains "learn: a trace's Failed row is counted and placed" \
  "left out 1 delivery the log or trace says was not made (bounced, expired, discarded or deleted; a trace's Failed): not learned; first at $d/m365-failed.csv:18" "$out"

# --- 3: UTF-16 ("Unicode Text") ------------------------------------------------
for form in le be; do
  out=$("$bin" learn --store "sqlite:$tmp/u16$form.db" "$d/unicode-text-$form.csv" 2>&1)
  check "learn a UTF-16$form CSV with its mark (exit 0)" 0 $?
  contains "... both rows read" "2 CSV rows (2 recipients)" "$out"
  show=$("$bin" learn --show --store "sqlite:$tmp/u16$form.db" 2>&1)
  contains "... the Outlook cell's address learned" "j.mueller@bom.example" "$show"
done
out=$("$bin" learn --store "sqlite:$tmp/nomark.db" "$d/utf16-no-mark.csv" 2>&1)
check "learn a UTF-16 CSV with no mark: refused (exit 2)" 2 $?
contains "... saying what the file is" "utf16-no-mark.csv:1: holds NUL bytes and no byte order mark" "$out"

# --- 4: Sent folder dates by their line ----------------------------------------
out=$("$bin" learn --store "sqlite:$tmp/dates.db" "$d/dates.mbox" 2>&1)
contains "learn: a Date: set aside named by its line and text" \
  "(first: $d/dates.mbox:13: Date: Tue, 01 Sep 2027 10:00:00 +0000)" "$out"
contains "learn: unreadable Date: fields (one a zone of +9999) counted and named" \
  "; 2 with a Date: that cannot be read (first: $d/dates.mbox:22: Date: garbage)" "$out"

# --- 5: learn --show, the names learned -----------------------------------------
"$bin" learn --store "sqlite:$tmp/names.db" "$root/tests/testdata/history/round41/smythe.mbox" \
  > /dev/null 2>&1
row=$("$bin" learn --store "sqlite:$tmp/names.db" --show --limit 0 2>&1 | grep ' -> js@partner.example ')
contains "learn --show: the pair shows the name it was written under" '"Jon Smythe"' "$row"

exit $fail
