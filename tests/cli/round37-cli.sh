#!/bin/sh
# Issue 14, round 37 (learning what the organisation writes to), through the
# CLI:
# 1. A CSV is taken as a form (Microsoft 365 trace, historical search,
#    Exchange tracking export, sent-mail CSV) only with every column that
#    defines it; any other is refused (exit 2) naming the file, what it
#    lacks and each form's columns. No CSV without Status is an M365 trace.
# 2. A recipient cell lists several addresses (';' or ','), Outlook's
#    "Smith, John <j@x>; Doe, Jane <d@y>" never split inside a name; a cell
#    not read names FILE:LINE and its column.
# 3. CSV dates: RFC 5322, ISO 8601 with an offset, 'Z', no seconds, a
#    " UTC" suffix, "GMT+0100" with its offset; an unknown zone refused; the
#    headings exports write (To: (Address), Recipients, Date (UTC+02:00))
#    and a Date and a Time column joined.
# 4. learn --show: sub-addresses and gmail.com/googlemail.com as one
#    mailbox, the merged row explained, columns padded by display width.
# 5. A Google Takeout mbox: only messages labelled Sent are learned; an
#    Apple Mail .mbox folder is read, its index files skipped; of a folder
#    of such exports only the Sent ones are read.
# Usage: round37-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
data=$root/tests/testdata/history/round37
found() {  # found LEARN_OUTPUT: the "deliveries: ..." figures
  sed -n 's/^deliveries: //p' "$1"
}
# pairs DB: the sender -> recipient rows of learn --show, "RECIPIENT COUNT FIRST".
pairs() {
  "$bin" learn --store "sqlite:$tmp/$1" --show --limit 0 2>/dev/null |
    awk '$2 == "->" && $1 != "sender" { print $3, $4, $5 }' | sort
}

# --- 1: forms by every column ----------------------------------------------
"$bin" learn --store "sqlite:$tmp/f1.db" "$data/trace-no-status.csv" > "$tmp/f1.txt" 2>&1
check "a trace without Status: refused (exit 2)" 2 $?
contains "... naming the file and what it lacks" \
  "trace-no-status.csv:1: a CSV of no form nearmiss reads" "$(cat "$tmp/f1.txt")"
contains "... as a message trace: Status" \
  "a Microsoft 365 message trace needs Received, SenderAddress, RecipientAddress and Status (this file has no Status)" \
  "$(cat "$tmp/f1.txt")"
contains "... and the other forms' columns" \
  "a Microsoft 365 historical search needs origin_timestamp_utc, sender_address and recipient_status" \
  "$(cat "$tmp/f1.txt")"
"$bin" audit --min-recognised 0 "$data/trace-no-status.csv" > "$tmp/f1a.txt" 2>&1
check "audit of it, --min-recognised 0: refused (exit 2)" 2 $?
contains "... naming Status" "(this file has no Status)" "$(cat "$tmp/f1a.txt")"
"$bin" learn --store "sqlite:$tmp/f2.db" "$data/no-sender.csv" > "$tmp/f2.txt" 2>&1
check "a CSV without a sender column: refused (exit 2)" 2 $?
contains "... naming the sender column" \
  "a sent-mail CSV needs sender, recipient and date columns (this file has no sender)" \
  "$(cat "$tmp/f2.txt")"
"$bin" audit "$data/dates.csv" > "$tmp/f3.txt" 2>&1
check "audit of a sent-mail CSV: refused (exit 2)" 2 $?
contains "... saying learn reads it" "which \`nearmiss learn\` reads, not audit" "$(cat "$tmp/f3.txt")"
"$bin" learn --store "sqlite:$tmp/f4.db" "$data/sender-address.csv" > "$tmp/f4.txt" 2>&1
check "Sender Address, Recipient Address, Date: a sent-mail CSV (exit 0)" 0 $?
check "... its row learned" "pat@client.example 1 2026-09-01" "$(pairs f4.db)"

# --- 2: recipient cells ----------------------------------------------------
"$bin" learn --store "sqlite:$tmp/c.db" "$data/recipient-cells.csv" > "$tmp/c.txt" 2>&1
check "recipient cells: 4 deliveries" \
  "4 found = 4 new + 0 repeated in the sources + 0 already in the store" "$(found "$tmp/c.txt")"
check "... one per address, none split in a display name" \
  "jane.doe@partner.example 1 2026-09-01
john.smith@partner.example 1 2026-09-01
kim@partner.example 1 2026-09-02
lee@partner.example 1 2026-09-02" "$(pairs c.db)"
contains "... a cell read in part is left out, named with FILE:LINE and column" \
  "left out 1 recipient that is not an address (first: $data/recipient-cells.csv:4: column 'recipient': 'garbage <<, bob@partner.example')" \
  "$(cat "$tmp/c.txt")"

# --- 3: dates and headings -------------------------------------------------
"$bin" learn --store "sqlite:$tmp/d.db" "$data/dates.csv" > "$tmp/d.txt" 2>&1
check "dates: exit 0" 0 $?
# Each is 2026-09-01 23:30 UTC: a day earlier than written where an offset
# was read (GMT+0100 read as GMT would give 2026-09-02).
check "... each read at its offset" \
  "gmtoffset@dates.example 1 2026-09-01
isooffset@dates.example 1 2026-09-01
noseconds@dates.example 1 2026-09-01
rfc@dates.example 1 2026-09-01
utc@dates.example 1 2026-09-01
zulu@dates.example 1 2026-09-01" "$(pairs d.db)"
"$bin" learn --store "sqlite:$tmp/z.db" "$data/unknown-zone.csv" > "$tmp/z.txt" 2>&1
check "a zone no offset says (BST): refused (exit 2)" 2 $?
contains "... naming FILE:LINE and the column" "unknown-zone.csv:2: the date 'Tue, 01 Sep 2026 10:00:00 BST' in column 'date' names a zone" \
  "$(cat "$tmp/z.txt")"
"$bin" learn --store "sqlite:$tmp/b.db" "$data/bad-date.csv" > "$tmp/b.txt" 2>&1
check "a date in no form: refused (exit 2)" 2 $?
contains "... naming FILE:LINE and the column" "bad-date.csv:3: bad time 'someday' in column 'date'" \
  "$(cat "$tmp/b.txt")"
"$bin" learn --store "sqlite:$tmp/o.db" "$data/outlook-headings.csv" > "$tmp/o.txt" 2>&1
check "Outlook's headings, Date (UTC+02:00): exit 0" 0 $?
check "... To: (Address) learned, at UTC" "pat@outlook.example 1 2026-09-01" "$(pairs o.db)"
"$bin" learn --store "sqlite:$tmp/t.db" "$data/date-time-columns.csv" > "$tmp/t.txt" 2>&1
check "a Date and a Time column, Recipients: exit 0" 0 $?
check "... joined" "dt@columns.example 1 2026-09-01" "$(pairs t.db)"

# --- 4: learn --show by mailbox --------------------------------------------
"$bin" learn --store "sqlite:$tmp/g.db" "$data/gmail-merge.csv" > /dev/null 2>&1
"$bin" learn --store "sqlite:$tmp/g.db" --show --limit 0 > "$tmp/g.txt" 2>&1
contains "gmail.com, googlemail.com and +news: one mailbox" \
  "organisation: 6 deliveries from 1 sender to 3 addresses at 2 domains" "$(cat "$tmp/g.txt")"
check "... one row, counted 4 times, marked" 1 \
  "$(grep -cE '^john.smith@gmail.com \* +4 +1 2026-09-01 +2026-09-04$' "$tmp/g.txt")"
check "... no row for googlemail.com" 0 "$(grep -c '^john.smith@googlemail' "$tmp/g.txt")"
contains "... the merge explained (domain)" \
  "john.smith@gmail.com counts john.smith@googlemail.com: googlemail.com and gmail.com are one mailbox domain" \
  "$(cat "$tmp/g.txt")"
contains "... the merge explained (sub-address)" \
  "john.smith@gmail.com counts john.smith+news@gmail.com: a sub-address (recipient_delimiter '+')" \
  "$(cat "$tmp/g.txt")"
# Every row's count ends at the same terminal column, whatever the
# address's characters (a CJK character takes two columns, é one).
widths=$(python3 - "$tmp/g.txt" <<'PY'
import re, sys, unicodedata
def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w
seen = set()
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^(\S.*?)\s+(\d+) +(\d+) (\d{4}-\d\d-\d\d)", line)
    if m and "->" not in line:
        seen.add(width(line[:m.end(2)]))
print(" ".join(str(w) for w in sorted(seen)))
PY
)
check "... the recipients' counts end in one column" 50 "$widths"

# --- 5: Takeout and Apple Mail ---------------------------------------------
"$bin" learn --store "sqlite:$tmp/k.db" "$data/takeout.mbox" > "$tmp/k.txt" 2>&1
check "a Takeout mbox: exit 0" 0 $?
contains "... 2 messages labelled Sent read" "read 2 messages from Sent folders" "$(cat "$tmp/k.txt")"
contains "... the other skipped and said" \
  "skipped 1 message of a Google Takeout mbox not labelled Sent in X-Gmail-Labels" "$(cat "$tmp/k.txt")"
check "... only the sent mail's recipients learned" \
  "kim@client.example 1 2026-09-03
pat@client.example 1 2026-09-01" "$(pairs k.db)"
"$bin" learn --store "sqlite:$tmp/a.db" "$data/Sent Messages.mbox" > "$tmp/a.txt" 2>&1
check "an Apple Mail .mbox folder: exit 0" 0 $?
contains "... its 2 messages read" "read 2 messages from Sent folders" "$(cat "$tmp/a.txt")"
check "... Info.plist and table_of_contents not read as files" 0 "$(grep -c 'not read' "$tmp/a.txt")"
check "... both recipients learned" \
  "ann@apple.example 1 2026-09-01
ben@apple.example 1 2026-09-02" "$(pairs a.db)"
# A folder of Apple Mail exports is a mail store: its Sent Messages.mbox
# read, its INBOX.mbox (received mail) skipped and said.
"$bin" learn --store "sqlite:$tmp/e.db" "$data/apple-export" > "$tmp/e.txt" 2>&1
check "a folder of Apple Mail exports: exit 0" 0 $?
contains "... INBOX.mbox skipped" "skipped (not a Sent folder): $data/apple-export/INBOX.mbox" \
  "$(cat "$tmp/e.txt")"
check "... only Sent Messages.mbox learned" \
  "ann@apple.example 1 2026-09-01
ben@apple.example 1 2026-09-02" "$(pairs e.db)"

exit $fail
