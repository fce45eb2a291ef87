#!/bin/sh
# Issue 15, tester round 56b, finding 6: a list saved as UTF-16 (PowerShell
# 5's `>` and Out-File, with a byte order mark) is read as the addresses it
# holds, little or big endian, CRLF or not; UTF-16 with no mark (NUL bytes)
# and invalid UTF-16 are refused with exit 2 and a message naming them,
# never judged as garbage "invalid" recipients. A domain list in UTF-16
# (--protect-file, protected_files) reads as its domains.
# Usage: check-input-encoding-cli.sh NEARMISS
set -u
bin=$1
. "$(dirname "$0")/lib.sh"

# The UTF-16 of stdin's text, after its byte order mark.
utf16() {  # utf16 le|be TEXT
  python3 -c 'import sys; e = sys.argv[1]; sys.stdout.buffer.write((b"\xff\xfe" if e == "le" else b"\xfe\xff") + sys.argv[2].encode("utf-16-" + e))' "$1" "$2"
}
summary() {  # the addresses and verdicts of check's JSON lines
  python3 -c 'import json,sys; print(" ".join(r["address"] + ":" + r["verdict"] for r in map(json.loads, sys.stdin)))'
}

got=$(utf16 le 'x@army.ml
y@gmail.com
' | "$bin" check --store none --json 2>/dev/null | summary)
check "UTF-16LE with its mark" "x@army.ml:lookalike y@gmail.com:trusted" "$got" > "$tmp/report"
got=$(utf16 be 'x@army.ml
y@gmail.com' | "$bin" check --store none --json 2>/dev/null | summary)
check "UTF-16BE with its mark, no final newline" "x@army.ml:lookalike y@gmail.com:trusted" "$got" >> "$tmp/report"
got=$(utf16 le "$(printf 'x@hmrc.gov.uk\r\n# a comment\r\n\r\nz@gmаil.com\r\n')" |
      "$bin" check --store none --json 2>/dev/null | summary)
check "UTF-16LE, CRLF, comment, homoglyph" "x@hmrc.gov.uk:trusted z@xn--gmil-63d.com:lookalike" "$got" >> "$tmp/report"

# No mark: refused, naming it; nothing judged.
printf 'x\000@\000a\000r\000m\000y\000.\000m\000l\000\n\000' |
  "$bin" check --store none > "$tmp/nomark.out" 2> "$tmp/nomark.err"
check "UTF-16 with no mark: exit 2" 2 $? >> "$tmp/report"
check "UTF-16 with no mark: nothing judged" "" "$(cat "$tmp/nomark.out")" >> "$tmp/report"
contains "UTF-16 with no mark: said" "without a byte order mark" "$(cat "$tmp/nomark.err")" >> "$tmp/report"
# A lone surrogate at the end: invalid UTF-16, refused.
printf '\377\376x\000@\000a\000\000\330' | "$bin" check --store none > /dev/null 2> "$tmp/bad.err"
check "invalid UTF-16: exit 2" 2 $? >> "$tmp/report"
contains "invalid UTF-16: said" "invalid UTF-16LE" "$(cat "$tmp/bad.err")" >> "$tmp/report"

# A domain list in UTF-16, as --protect-file and as a policy's
# protected_files: its domains, not a "not valid UTF-8" refusal.
utf16 le 'army.example
' > "$tmp/protect16.txt"
got=$("$bin" check --store none --json --protect-file "$tmp/protect16.txt" x@army.example x@armu.example 2>/dev/null | summary)
check "--protect-file in UTF-16" "x@army.example:trusted x@armu.example:lookalike" "$got" >> "$tmp/report"
printf '[domains]\nprotected_files = ["%s"]\n' "$tmp/protect16.txt" > "$tmp/policy.toml"
got=$("$bin" check --store none --json --policy "$tmp/policy.toml" x@army.example x@armu.example 2>/dev/null | summary)
check "protected_files in UTF-16" "x@army.example:trusted x@armu.example:lookalike" "$got" >> "$tmp/report"

cat "$tmp/report"
grep -q '^FAIL' "$tmp/report" && fail=1
exit $fail
