#!/bin/sh
# Issue 14, round 47's tester 14, finding 3: a Sent-folder message with no
# usable date takes the time of the dated message before it in its mailbox
# (else the next), so it widens no span: a slip repeated three times within
# 20 minutes, one copy undated, stays a burst and is still asked about. A
# mailbox with no dated message at all is dated now, as before.
# Usage: learn-undated-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
printf '[domains]\norganisation = ["ourorg.example"]\n' > "$tmp/pol.toml"
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
def msg(i, date, to):
    return (f"From alice@ourorg.example Sat Dec  5 12:00:00 2026\nFrom: Alice <alice@ourorg.example>\n"
            f"To: {to}\nSubject: hi {i}\nDate: {date}\nMessage-ID: <m{i}@ourorg.example>\n\nbody\n\n")
sent = ''.join(msg(10 + i, f'Mon, {2 + i * 3:02d} Nov 2026 09:00:00 +0000', 'john.smith@partner.example')
               for i in range(6))
open(f'{d}/Sent.mbox', 'w').write(sent)
for name, order in (('first', (0, 1, 2)), ('middle', (1, 0, 2)), ('last', (1, 2, 0))):
    dates = {0: 'Thu, 01 Jan 1970 00:00:00 +0000', 1: 'Sat, 28 Nov 2026 10:00:00 +0000',
             2: 'Sat, 28 Nov 2026 10:20:00 +0000'}
    open(f'{d}/{name}.mbox', 'w').write(''.join(msg(i, dates[i], 'jon.smith@partner.example') for i in order))
open(f'{d}/none.mbox', 'w').write(''.join(msg(20 + i, 'not a date', 'pat.lee@other.example') for i in range(2)))
PY
for where in first middle last; do
  store="sqlite:$tmp/$where.db"
  "$bin" learn --policy "$tmp/pol.toml" --store "$store" "$tmp/Sent.mbox" >/dev/null 2>&1
  "$bin" learn --policy "$tmp/pol.toml" --store "$store" "$tmp/$where.mbox" > "$tmp/out" 2>&1
  contains "undated copy $where: said" "dated as the dated message before it in its mailbox" "$(cat "$tmp/out")"
  shown=$("$bin" learn --show --policy "$tmp/pol.toml" --store "$store" 2>/dev/null | grep '^jon.smith@')
  contains "undated copy $where: the span stays 2026-11-28" "2026-11-28  2026-11-28" "$shown"
  verdict=$("$bin" check --json --policy "$tmp/pol.toml" --store "$store" --from bob@ourorg.example \
    jon.smith@partner.example 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["action"])')
  check "undated copy $where: the burst's slip is still asked about" confirm "$verdict"
done
store="sqlite:$tmp/none.db"
"$bin" learn --policy "$tmp/pol.toml" --store "$store" "$tmp/none.mbox" >/dev/null 2>&1
today=$(date -u +%Y-%m-%d)
shown=$("$bin" learn --show --policy "$tmp/pol.toml" --store "$store" 2>/dev/null | grep '^pat.lee@')
contains "no dated message: dated now" "$today  $today" "$shown"
exit $fail
