#!/bin/sh
# Issue 15, finding 1 (carried, LOW): an address under a special-use TLD
# (IANA's Special-Use Domain Names: RFC 6761 .invalid, RFC 6762 .local, RFC
# 7686 .onion, RFC 9476 .alt) is refused as before (public mail cannot
# reach it), but said to be a special-use name under its RFC, with reason
# special-use-name, never "the TLD does not exist" (tld-not-delegated).
# Each case: ADDRESS|VERDICT|ACTION|SUGGESTION|CODE|WORDS ('*' takes any).
# Usage: special-use-names-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

cat > "$tmp/cases" <<'CASES'
x@service.onion|invalid|reject|*|special-use-name|the TLD .onion is a special-use name (RFC 7686), not deliverable on the Internet
x@printer.local|invalid|reject|*|special-use-name|the TLD .local is a special-use name (RFC 6762), not deliverable on the Internet
x@foo.invalid|invalid|reject|*|special-use-name|the TLD .invalid is a special-use name (RFC 6761), not deliverable on the Internet
x@gmail.com.invalid|invalid|reject|-|special-use-name|(RFC 6761)
x@foo.alt|invalid|reject|*|special-use-name|the TLD .alt is a special-use name (RFC 9476), not deliverable on the Internet
x@gmail.onion|lookalike|reject|x@gmail.com|special-use-name|the TLD .onion is a special-use name (RFC 7686)
x@gmail.com.onion|lookalike|reject|x@gmail.com|special-use-name|the TLD .onion is a special-use name (RFC 7686)
x@gmail.local|lookalike|reject|x@gmail.com|special-use-name|the TLD .local is a special-use name (RFC 6762)
x@army.alt|lookalike|reject|*|special-use-name|the TLD .alt is a special-use name (RFC 9476)
x@foo.zz|invalid|reject|-|tld-not-delegated|the TLD .zz does not exist
x@hq.corp|invalid|reject|-|tld-not-delegated|the TLD .corp is for private networks
CASES
judge "$tmp/cases" > "$tmp/report"
# No sentence says a special-use TLD does not exist.
out=$(grep -v '^#' "$tmp/cases" | cut -d'|' -f1 | grep -v 'zz\|corp' |
      "$bin" check --store none 2>&1)
case $out in
  *"does not exist"*) echo "FAIL a special-use name said not to exist:"; echo "$out"; fail=1 ;;
  *) echo "ok   no special-use name said not to exist" ;;
esac
cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail
