#!/bin/bash
# The Postfix differential test (issue 11): every recipient form in
# recipient-forms.tsv goes through a private Postfix that records where it
# delivers each recipient, and through nearmiss; the test fails on any form
# that Postfix delivers to a domain nearmiss did not judge.
# Usage: differential.sh NEARMISS_BINARY [CORPUS]
# KEEP=1 keeps the work directory (results.tsv, records, messages).
NEARMISS=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
CORPUS=$(realpath "${2:-$HERE/recipient-forms.tsv}")
. "$HERE/lib.sh"

# The same instance as the other suites, except: it has a name of its own
# that is a local domain (so the percent hack and bang paths are live, with
# Postfix's defaults allow_percent_hack = yes, swap_bangpath = yes), a relay
# and a virtual domain, every transport is the pipe recorder, and the milter
# is milter-recorder, which logs what smtpd gives a milter for each RCPT.
MYHOSTNAME=mail.example.org
RECORD="$W/record.jsonl"
MILTER_RECORD="$W/milter.jsonl"
pf_customise() {
  install -m 755 "$HERE/pipe-recorder" "$W/pipe-recorder"
  : >"$RECORD"; chown nobody "$RECORD"
  postconf -c "$CONF" -e \
    "myhostname = $MYHOSTNAME" "mydomain = example.org" "myorigin = \$myhostname" \
    "mydestination = $MYHOSTNAME, localhost" \
    "allow_percent_hack = yes" "swap_bangpath = yes" \
    "relay_domains = relay.example" \
    "virtual_mailbox_domains = virt.example" "virtual_mailbox_maps = static:ok" \
    "local_transport = nmlocal" "virtual_transport = nmvirtual" \
    "relay_transport = nmrelay" "default_transport = nmdefault" \
    "smtpd_peername_lookup = no" \
    "2bounce_notice_recipient = postmaster" || return 1
  local c
  for c in local virtual relay default; do
    postconf -c "$CONF" -e "nm${c}_destination_recipient_limit = 1"
    printf '%s\n  %s\n' "nm$c unix - n n - - pipe" \
      "user=nobody argv=$W/pipe-recorder $RECORD $c \${nexthop} \${domain} \${recipient} \${original_recipient} \${sender}" \
      >>"$CONF/master.cf"
  done
}

# nearmiss judges with the embedded default plus the same [delivery]
# settings as this Postfix.
DELIVERY="myhostname = \"$MYHOSTNAME\"
mydestination = [\"$MYHOSTNAME\", \"localhost\"]
allow_percent_hack = true
swap_bangpath = true"
"$NEARMISS" policy init 2>/dev/null | awk -v keys="$DELIVERY" '
  { print } /^\[delivery\]/ { print keys; done = 1 }
  END { if (!done) print "\n[delivery]\n" keys }' >"$W/policy.toml"
[ -s "$W/policy.toml" ] || fail "policy init"

"$HERE/milter-recorder" "$MILTER_PORT" "$MILTER_RECORD" >"$MILTER_LOG" 2>"$MILTER_ERR" &
MILTER_PID=$!
for _ in $(seq 100); do grep -q listening "$MILTER_LOG" && break; sleep 0.1; done
grep -q listening "$MILTER_LOG" || { cat "$MILTER_ERR"; fail "milter-recorder did not start"; }
start_postfix
python3 "$HERE/differential.py" --nearmiss "$NEARMISS" --conf "$CONF" --port "$SMTP_PORT" \
  --record "$RECORD" --milter-record "$MILTER_RECORD" --corpus "$CORPUS" --policy "$W/policy.toml" --work "$W"
rc=$?
[ $rc -eq 0 ] || { echo "--- maillog (last 15 lines)"; tail -15 "$W/maillog"; }
[ -n "${KEEP:-}" ] && echo "work directory kept: $W"
exit $rc
