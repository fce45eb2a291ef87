#!/bin/sh
# Issue 14, round 47's tester 14, finding 4: [history] learn_skip_senders
# keeps a helpdesk's or a notification system's mail out of what `learn`
# counts, so four ticket replies to a customer's mistyped address do not
# make the slip "known" for everyone; a bad entry is refused with its line.
# Usage: learn-skip-senders-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
def msg(i, day, frm, to):
    return (f"From {frm} Mon Nov {day:2d} 09:00:00 2026\nFrom: {frm}\nTo: {to}\nSubject: s{i}\n"
            f"Date: Mon, {day:02d} Nov 2026 09:00:00 +0000\nMessage-ID: <m{i}@ourorg.example>\n\nbody\n\n")
people = ''.join(msg(i, 1 + 3 * i, 'alice@ourorg.example', 'john.smith@partner.example') for i in range(6))
# The ticket system sends with a new extension each ticket (round 49's
# tester 14, finding 3): the mailbox is what the entry names.
desk = ''.join(msg(20 + i, 2 + 3 * i, f'Helpdesk+ticket-{4711 + i}@OurOrg.example',
                   'jon.smith@partner.example') for i in range(4))
desk += ''.join(msg(30 + i, 2 + 3 * i, 'noreply@ourorg.example', 'jon.smith@partner.example') for i in range(4))
open(f'{d}/Sent.mbox', 'w').write(people + desk)
open(f'{d}/Desk.mbox', 'w').write(desk)
PY
base='[domains]
organisation = ["ourorg.example"]'
printf '%s\n' "$base" > "$tmp/plain.toml"
printf '%s\n[history]\nlearn_skip_senders = ["helpdesk@ourorg.example", "noreply@"]\n' "$base" > "$tmp/skip.toml"
action() {  # action POLICY STORE: what `check` does for carol's mail to the slip
  "$bin" check --json --policy "$1" --store "sqlite:$2" --from carol@ourorg.example \
    jon.smith@partner.example 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["action"])'
}
"$bin" learn --policy "$tmp/plain.toml" --store "sqlite:$tmp/plain.db" "$tmp/Sent.mbox" >/dev/null 2>&1
check "without the setting the helpdesk's slip is known" accept "$(action "$tmp/plain.toml" "$tmp/plain.db")"
out=$("$bin" learn --policy "$tmp/skip.toml" --store "sqlite:$tmp/skip.db" "$tmp/Sent.mbox" 2>&1)
contains "the skipped deliveries are counted and the first sender named" \
  "skipped 8 deliveries of senders [history] learn_skip_senders names" "$out"
check "with it the slip is still asked about" confirm "$(action "$tmp/skip.toml" "$tmp/skip.db")"
# A source of the helpdesk's mail alone: skipped on purpose, no failure.
out=$("$bin" learn --policy "$tmp/skip.toml" --store "sqlite:$tmp/desk.db" "$tmp/Desk.mbox" 2>&1)
check "a source all skipped on purpose exits 0" 0 "$?"
contains "... and says what it skipped" "every delivery given was skipped" "$out"
printf '%s\n[history]\nlearn_skip_senders = ["helpdesk"]\n' "$base" > "$tmp/bad.toml"
err=$("$bin" policy lint "$tmp/bad.toml" 2>&1)
contains "a bad entry is refused with its place" "bad learn_skip_senders entry 'helpdesk'" "$err"
contains "... at its line" "bad.toml:4" "$err"
exit $fail
