#!/bin/sh
# Issue 14, round 37 (the work of round 36 built again), through the CLI:
# 1. an address holding a character no one can see (U+200B, U+FEFF,
#    U+202E) is judged as it reads and flagged invisible-character;
# 2. policy lint warns, naming the place, when a policy lets look-alikes
#    through;
# 3. check and policy explain name the finding whose rule decided
#    (new-address -> warn, not trusted -> warn);
# 4. acknowledgement_days = 180.0 (or 1e2) is refused with "write 180";
# 5. --store file:DIR is refused as a directory; audit --store without
#    --events is refused;
# 6. policy explain --message takes the sender and recipients from the
#    message, as scan does.
# Usage: round37b-cli.sh NEARMISS.
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
. "$root/tests/cli/lib.sh"
s="sqlite:$tmp/history.db"
"$bin" learn --store "$s" "$root/tests/testdata/history/sent-45-days.mbox" > /dev/null 2>&1
zw=$(printf '\342\200\213')   # U+200B ZERO WIDTH SPACE
bom=$(printf '\357\273\277')  # U+FEFF
rlo=$(printf '\342\200\256')  # U+202E RIGHT-TO-LEFT OVERRIDE

# --- 1: invisible characters ------------------------------------------------
n=0
for typed in "jo${zw}hn.smith@partner.example" "${bom}john.smith@partner.example" \
             "john.smith${rlo}@partner.example"; do
  n=$((n + 1))
  out=$("$bin" check --store "$s" "$typed" 2>&1)
  check "check john.smith@ with an invisible character ($n of 3): flagged (exit 1)" 1 $?
  contains "... did you mean the address it reads as" "did you mean john.smith@partner.example?" "$out"
  contains "... and says what is hidden" "holds a character no one can see" "$out"
done
out=$("$bin" check --store "$s" "zed${zw}@unknown.example" 2>&1)
check "an address like nothing known, with U+200B: flagged (exit 1)" 1 $?
contains "... as invisible-character, confirmed" "invisible-character" "$(printf '%s' "$out" | cut -d' ' -f1)"
contains "... named" "zed<U+200B>@unknown.example holds a character no one can see (U+200B ZERO WIDTH SPACE in the local part)" "$out"
contains "... the default policy confirms it" "policy: confirm" "$out"
out=$("$bin" check --store "$s" "bob@gm${zw}ail.com" 2>&1)
contains "in the domain too" "U+200B ZERO WIDTH SPACE in the domain" "$out"
"$bin" check --store "$s" john.smith@partner.example > /dev/null 2>&1
check "the address itself: clean (exit 0)" 0 $?

# --- 2: policy lint warns of look-alikes let through -------------------------
printf '[[rule]]\nname = "soft"\nrecipient = ["lookalike"]\naction = "tag"\n' > "$tmp/soft.toml"
out=$("$bin" policy lint "$tmp/soft.toml" 2>&1)
check "lint of a policy tagging look-alikes: exit 0 (a warning)" 0 $?
contains "... the rule named, with its place" \
  "$tmp/soft.toml:1:1: warning: rule 'soft' lets look-alikes through" "$out"
contains "... and counted" "$tmp/soft.toml: ok, 1 warning" "$out"
printf '[[rule]]\nname = "protected"\nrecipient = ["lookalike"]\ntarget = ["protected"]\naction = "reject"\n' \
  > "$tmp/narrow.toml"
out=$("$bin" policy lint "$tmp/narrow.toml" 2>&1)
contains "defaults.action reached by look-alikes: the file named" \
  "$tmp/narrow.toml: warning: defaults.action = \"accept\" lets look-alikes through" "$out"
"$bin" policy init > "$tmp/default.toml"
check "the default policy: no warning" "$tmp/default.toml: ok" "$("$bin" policy lint "$tmp/default.toml" 2>&1)"

# --- 3: the finding whose rule decided --------------------------------------
printf '[history]\nflag_new_addresses = true\n[[rule]]\nname = "new-address"\nreason = ["new-address"]\naction = "warn"\n[[rule]]\nname = "lookalikes"\nrecipient = ["lookalike"]\naction = "reject"\n' \
  > "$tmp/new.toml"
out=$("$bin" check --store "$s" --policy "$tmp/new.toml" zoe.quinn@partner.example 2>&1)
check "check: new address at a trusted domain warned (exit 1)" 1 $?
check "... its line starts with new-address, not trusted" new-address "$(printf '%s' "$out" | head -1 | cut -d' ' -f1)"
out=$("$bin" policy explain --store "$s" --policy "$tmp/new.toml" --from alice@mod.example \
      --to zoe.quinn@partner.example --subject hi 2>&1)
contains "policy explain: new-address -> warn" "to zoe.quinn@partner.example: new-address -> warn" "$out"

# --- 4: a whole number written as a float -----------------------------------
for v in 180.0 1e2; do
  printf '[confirm]\nacknowledgement_days = %s\n' "$v" > "$tmp/days.toml"
  out=$("$bin" policy lint "$tmp/days.toml" 2>&1)
  check "acknowledgement_days = $v: refused (exit 2)" 2 $?
  want=180; [ "$v" = 1e2 ] && want=100
  contains "... hint: write $want" "hint: write $want (a whole number" "$out"
done

# --- 5: a store that cannot be one, a store nothing reads ---------------------
mkdir -p "$tmp/dir"
out=$("$bin" check --store "file:$tmp/dir" x@partner.example 2>&1)
check "check --store file:DIRECTORY: exit 2" 2 $?
contains "... 'is a directory'" "is a directory" "$out"
out=$("$bin" learn --store "file://$tmp/dir" "$root/tests/testdata/history/sent-45-days.mbox" 2>&1)
check "learn --store file://DIRECTORY: exit 2" 2 $?
contains "... 'is a directory'" "is a directory" "$out"
cp "$tmp/history.db" "$tmp/copy.db"
"$bin" check --store "file:$tmp/copy.db" jon.smith@partner.example > "$tmp/file-uri.txt" 2>&1
check "check --store file:STORE reads it: the slip flagged (exit 1)" 1 $?
contains "... with its history" "did you mean john.smith@partner.example?" "$(cat "$tmp/file-uri.txt")"
printf 'Dec  1 06:00:00 mx postfix/smtp[1]: 4AB: to=<bob@army.ml>, relay=x[1.2.3.4]:25, delay=1, status=sent (250 ok)\n' \
  > "$tmp/mail.log"
out=$("$bin" audit --store "$s" "$tmp/mail.log" 2>&1)
check "audit --store without --events: exit 2" 2 $?
contains "... says --store is for --events" "give --events too" "$out"
"$bin" audit --events --store "$s" > /dev/null 2>&1
check "audit --events --store: still read (exit 0)" 0 $?

# --- 6: policy explain --message: sender and recipients from the message ----
printf 'Return-Path: <alice@mod.example>\nFrom: Team <team@mod.example>\nTo: Jon <jon.smith@partner.example>\nSubject: hi\nDate: Tue, 01 Dec 2026 06:00:00 +0000\nMessage-ID: <e1@mod.example>\n\nhello\n' \
  > "$tmp/m.eml"
out=$("$bin" policy explain --store "$s" --message "$tmp/m.eml" 2>&1)
check "explain --message alone: flagged (exit 1)" 1 $?
contains "... the sender from the Return-Path, as scan reads it" \
  "from: alice@mod.example (the message's Return-Path)" "$out"
contains "... the recipient from To" "to jon.smith@partner.example: address-typo -> confirm" "$out"
out=$("$bin" policy explain --store "$s" --message "$tmp/m.eml" --to bob@partner.example 2>&1)
contains "... --to given: that recipient only" "to bob@partner.example:" "$out"
check "... and not the message's" 0 "$(printf '%s\n' "$out" | grep -c 'jon.smith@partner.example:')"
"$bin" policy explain --store "$s" --to bob@partner.example --subject hi > /dev/null 2>"$tmp/nofrom.err"
check "explain without --from or --message: exit 2" 2 $?
contains "... says what to give" "give the sender (--from)" "$(cat "$tmp/nofrom.err")"

exit $fail
