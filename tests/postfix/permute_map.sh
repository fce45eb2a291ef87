#!/bin/bash
# End-to-end, issue 15 (breaker 15 round 6, defects 2 and 4): the map
# `nearmiss permute --format postfix` writes, loaded as
# check_recipient_access in a real Postfix, under both settings of
# parent_domain_matches_subdomains. Under each, every recipient the map
# refuses must be one `nearmiss check` flags (the map is a floor), and the
# look-alikes below must be refused: a domain look-alike and a host under
# it (army.ml, mail.gmial.com), a namespace look-alike (x.gov.uk.za, an
# ending added to .gov.uk), and, where the setting can say it, the names
# under a namespace look-alike that is a real name itself (hmrc.bgov.uk).
# With partner.ml protected beside the embedded list, the namespace "ml"
# of .mil is written with DUNNO keys for partner.ml (issue 15, round 42,
# item 3): partner.ml and its hosts pass, any other name under .ml is
# refused; so do Mali's government zones check accepts (sante.gov.ml,
# gouv.ml: round 43's tester, finding 7). A look-alike the policy
# confirms (gmial.com, gmai.com of the provider gmail.com) is HOLD, not
# REJECT (finding 9): RCPT is accepted and the message waits in the hold
# queue, where the milter's confirm puts it too.
# Usage: permute_map.sh NEARMISS_BINARY
NEARMISS=$(realpath "$1")
. "$(dirname "$0")/lib.sh"

# The sources: namespaces, a protected domain, a provider (all in the
# embedded lists, so check flags their look-alikes as the map does).
SOURCES=(.mil .gov.uk parliament.uk gmail.com)
# The embedded protected list and partner.ml, for permute and check alike.
{ cat "$(dirname "$0")/../../data/lists/protected.txt"; echo partner.ml; } >"$W/protect"
pf_customise() {
  postconf -c "$CONF" -e "smtpd_milters =" "non_smtpd_milters =" \
    "smtpd_recipient_restrictions = check_recipient_access hash:$CONF/nm_access, permit_mynetworks, reject" \
    "smtpd_hard_error_limit = 100000" "smtpd_soft_error_limit = 100000" \
    "smtpd_error_sleep_time = 0" "smtpd_recipient_limit = 100000"
  cp "$W/nm_access.yes" "$CONF/nm_access"
  postmap -c "$CONF" "hash:$CONF/nm_access"
}

for setting in yes no; do
  "$NEARMISS" permute --protect-file "$W/protect" --format postfix --parent-matching "$setting" \
    "${SOURCES[@]}" \
    >"$W/nm_access.$setting" 2>"$W/permute.$setting.err" ||
    { cat "$W/permute.$setting.err"; fail "permute --parent-matching $setting"; }
done

# The recipients: every key of the map as a domain and with hosts under it
# (namespace keys under a probe name), and the cases named above.
{
  for k in $(grep -v '^#' "$W/nm_access.no" | cut -d' ' -f1 | sed 's/^\.//' | grep -v '[^ -~]' | sort -u); do
    echo "x@$k"; echo "x@mail.$k"; echo "x@hmrc.$k"
  done
  printf '%s\n' x@army.ml x@mail.army.ml x@mail.gmial.com x@hmrc.gov.uk.za x@army.mil.com \
    x@mil.com x@hmrc.bgov.uk x@bgov.uk x@parliment.uk x@parliament.ul x@army.mil x@gmail.com \
    x@partner.ml x@mail.partner.ml x@navyy.ml x@sante.gov.ml x@gouv.ml x@gmai.com
} | sort -u >"$W/rcpts"
"$NEARMISS" check --protect-file "$W/protect" --json <"$W/rcpts" >"$W/check.jsonl" 2>/dev/null
python3 - "$W/rcpts" "$W/check.jsonl" >"$W/flagged" <<'PY'
import json, sys
rcpts = open(sys.argv[1]).read().split()
for r, line in zip(rcpts, open(sys.argv[2])):
    v = json.loads(line)["verdict"]
    print(r, "flagged" if v not in ("trusted", "external") else "accepted")
PY
[ "$(wc -l <"$W/flagged")" -eq "$(wc -l <"$W/rcpts")" ] || fail "check answered not every recipient"

start_sink
start_postfix

# RCPT TO for each recipient in one session; prints "ADDRESS CODE".
probe() {
  python3 - "$SMTP_PORT" "$W/rcpts" <<'PY'
import smtplib, sys
s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=60)
s.ehlo("client.nearmiss.test")
s.mail("alice@mod.gov.uk")
for r in open(sys.argv[2]).read().split():
    code, _ = s.rcpt(r)
    print(r, code)
s.quit()
PY
}

for setting in yes no; do
  cp "$W/nm_access.$setting" "$CONF/nm_access"
  postmap -c "$CONF" "hash:$CONF/nm_access" || fail "postmap"
  if [ $setting = yes ]; then
    postconf -c "$CONF" -X parent_domain_matches_subdomains
  else
    postconf -c "$CONF" -e "parent_domain_matches_subdomains = $(postconf -d -h parent_domain_matches_subdomains | sed 's/,* *smtpd_access_maps//')"
  fi
  postfix -c "$CONF" reload >/dev/null 2>&1 || fail "reload"
  sleep 2
  probe >"$W/smtp.$setting" || fail "SMTP session ($setting)"
  [ "$(wc -l <"$W/smtp.$setting")" -eq "$(wc -l <"$W/rcpts")" ] || fail "not every RCPT answered ($setting)"
  # The floor: nothing refused that check accepts.
  over=$(join <(sort "$W/smtp.$setting") <(sort "$W/flagged") | awk '$2 !~ /^2/ && $3 == "accepted"')
  [ -z "$over" ] || { echo "$over" | head -20; fail "$setting: the map refuses what check accepts"; }
  refused() { grep -q "^$1 5" "$W/smtp.$setting" || fail "$setting: $1 not refused by the map"; }
  passed() { grep -q "^$1 250" "$W/smtp.$setting" || fail "$setting: $1 refused by the map"; }
  for r in x@army.ml x@mail.army.ml x@hmrc.gov.uk.za \
           x@parliment.uk x@parliament.ul x@navyy.ml; do
    refused "$r"
  done
  # mil.com is mail.com's look-alike, confirmed; army.mil.com .mil's,
  # rejected (round 58's tester 15, finding 5). Without smtpd_access_maps
  # in the setting each has its key; with it one key "mil.com" matches
  # both and holds, the floor of the two.
  if [ $setting = no ]; then
    refused x@army.mil.com
    grep -q '^\.mil\.com REJECT ' "$CONF/nm_access" || fail "no: .mil.com is no REJECT line"
  else
    passed x@army.mil.com
  fi
  passed x@mil.com
  grep -q "^mil\.com HOLD nearmiss confirm (rule 'lookalike-confirm'): mil\.com looks like mail\.com" \
    "$CONF/nm_access" || fail "$setting: mil.com is no HOLD line of its own"
  passed x@army.mil; passed x@gmail.com; passed x@bgov.uk; passed x@partner.ml
  passed x@sante.gov.ml; passed x@gouv.ml
  # Held, not refused: the map says HOLD for what the policy confirms.
  passed x@mail.gmial.com; passed x@gmai.com
  grep -q "^gmai\.com HOLD " "$CONF/nm_access" || fail "$setting: gmai.com is no HOLD line"
  if [ $setting = no ]; then refused x@hmrc.bgov.uk; fi
  n=$(grep -c ' 5' "$W/smtp.$setting")
  ok "parent_domain_matches_subdomains $setting: $n of $(wc -l <"$W/rcpts") refused by the map, each one check flags"
  # A whole message to the confirmed look-alike lands in the hold queue.
  send --from alice@mod.gov.uk --to x@gmai.com --header "Subject: held $setting" ||
    { cat "$W/swaks.out"; fail "$setting: x@gmai.com not queued"; }
  id=$(held_id)
  ok "parent_domain_matches_subdomains $setting: x@gmai.com accepted at RCPT and held ($id)"
  postsuper -c "$CONF" -d "$id" hold >/dev/null 2>&1
done
