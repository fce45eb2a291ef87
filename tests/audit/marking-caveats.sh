#!/bin/sh
# tests/audit/marking-caveats.sh NEARMISS: the report's own marking keeps
# every category of the data's, whatever form the data wrote it in, and a
# --marking is checked against it category by category (breaker round 16
# §1, §4, §8). Each check is one member of a family the tester's example
# stands for: abbreviated US banners without parentheses (capitals and
# mixed case), REL TO lists, UK descriptors and caveats in brackets.
set -u
nearmiss=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
w=$(mktemp -d /tmp/nearmiss-caveats.XXXXXX)
trap 'rm -rf "$w"' EXIT
fail=0
no() { echo "FAIL: $*" >&2; fail=1; }
cd "$w" || exit 2

. "$here/mbox-subjects.sh"
marked() {  # marked WANT SUBJECT...: the banner of a report over SUBJECTs
  want=$1
  shift
  mbox "$@" >m.mbox
  "$nearmiss" audit --html m.html m.mbox >/dev/null 2>&1
  got=$(sed -n 's/.*<div class="marking">\([^<]*\)<.*/\1/p' m.html | head -n 1)
  [ "$got" = "$want" ] || no "marking of [$*]: want $want, got $got"
  # One message: its row's marking is the same.
  [ $# -gt 1 ] || "$nearmiss" audit --json m.mbox 2>/dev/null | grep -qF "\"marking\":\"$want\"" ||
    no "--json marking of [$*]: not $want"
}
# §1: abbreviated banners kept whole (they lost all but the first control,
# or, for REL TO, the countries, which made them NOFORN).
marked "TOP SECRET//SCI//NOFORN" "TS//SCI//NOFORN"
marked "TOP SECRET//SCI//NOFORN" "TS//SCI//NF weekly"
marked "SECRET//SCI//NOFORN" "S//SCI//NOFORN weekly"
marked "SECRET//ORCON//NOFORN" "S//ORCON//NOFORN: plan"
marked "TOP SECRET//SI/TK//NOFORN" "TS//SI/TK//NOFORN plan"
marked "TOP SECRET//SI//ORCON//NOFORN" "TS//SI//ORCON//NOFORN - plan"
marked "SECRET//SI//REL TO USA, FVEY" "S//SI//REL TO USA, FVEY plan"
marked "SECRET//FGI GBR//NOFORN" "S//FGI GBR//NOFORN plan"
marked "SECRET//REL TO USA, GBR" "S//REL TO USA, GBR weekly"
marked "CONFIDENTIAL//REL TO USA, GBR" "C//REL TO USA, GBR weekly"
marked "UNCLASSIFIED//REL TO USA, GBR" "U//REL TO USA, GBR weekly"
# ... and in mixed case.
marked "SECRET//SI//NOFORN" "Secret//SI//NoForn weekly"
marked "TOP SECRET//SCI//NOFORN" "Top Secret//SCI//NoForn weekly"
marked "SECRET//REL TO USA, GBR" "Secret//Rel To USA, GBR weekly"
# The spelt-out and parenthesised forms, right before, stay right.
marked "TOP SECRET//SCI//NOFORN" "TOP SECRET//SCI//NOFORN weekly"
marked "CONFIDENTIAL//REL TO USA, GBR" "(C//REL TO USA, GBR) weekly"
# §8: UK descriptors and caveats in brackets, written whole (they were cut
# at the closing bracket: "SECRET [UK EYES ONLY"; or lost in parentheses).
marked "SECRET UK EYES ONLY" "SECRET [UK EYES ONLY] x"
marked "TOP SECRET UK EYES ONLY" "TOP SECRET (UK EYES ONLY) x"
marked "OFFICIAL-SENSITIVE COMMERCIAL" "OFFICIAL-SENSITIVE [COMMERCIAL] bid"
marked "OFFICIAL-SENSITIVE PERSONAL" "OFFICIAL-SENSITIVE (PERSONAL) case"
marked "OFFICIAL-SENSITIVE LOCSEN" "OFFICIAL-SENSITIVE [LOCSEN] rota"
marked "SECRET UK EYES ONLY PERSONAL" "SECRET [UK EYES ONLY] x" "OFFICIAL-SENSITIVE [PERSONAL] y"

# §9: --csv carries the marking too, in a column of its own after level.
mbox "S//REL TO USA, GBR weekly" >csv.mbox
"$nearmiss" audit --csv csv.mbox >csv.out 2>/dev/null
head -n 1 csv.out | grep -qF ",level,marking,source," || no "--csv header has no marking column"
grep -qF ',SECRET,"SECRET//REL TO USA, GBR",' csv.out || { cat csv.out >&2; no "--csv row lacks the marking"; }

given() {  # given WANT_EXIT MARKING SUBJECT...: audit --marking MARKING over SUBJECTs
  want=$1
  marking=$2
  shift 2
  mbox "$@" >g.mbox
  rm -f g.html
  "$nearmiss" audit --marking "$marking" --html g.html g.mbox >/dev/null 2>g.err
  rc=$?
  [ "$rc" -eq "$want" ] || { cat g.err >&2; no "--marking '$marking' over [$*]: exit $rc, want $want"; }
  if [ "$want" -eq 2 ]; then
    [ ! -e g.html ] || no "--marking '$marking' over [$*]: refused report written"
    grep -qF "a caveat of the data" g.err || no "--marking '$marking': refusal names no caveat"
  fi
}
# §1: a marking without the NOFORN the abbreviated banner carries.
given 2 "TOP SECRET//SCI" "TS//SCI//NOFORN"
given 2 "SECRET//SCI" "S//SCI//NOFORN weekly"
given 2 "SECRET//REL TO USA, GBR" "S//ORCON//NOFORN plan"
given 1 "TOP SECRET//SCI//NOFORN" "TS//SCI//NOFORN"
given 1 "TS//SCI//NF" "TS//SCI//NOFORN"
# §4: a REL TO wider than the data's, or NOT REL TO, is below the data.
given 2 "SECRET//REL TO USA, GBR, FRA, DEU" "SECRET//REL TO USA, GBR plan"
given 2 "SECRET//NOT REL TO USA, GBR" "SECRET//REL TO USA, GBR plan"
given 2 "SECRET//REL TO USA, FRA" "S//REL TO USA, GBR weekly"
given 2 "SECRET" "SECRET//REL TO USA, GBR plan"
given 1 "SECRET//REL TO USA, GBR" "SECRET//REL TO USA, GBR plan"
given 1 "SECRET//REL TO GBR, USA" "S//REL TO USA, GBR weekly"
given 1 "SECRET//NOFORN" "SECRET//REL TO USA, GBR plan"
# §8: the caveat's words, bracketed or not, carry it.
given 1 "SECRET UK EYES ONLY" "SECRET [UK EYES ONLY] x"
given 1 "SECRET [UK EYES ONLY]" "SECRET [UK EYES ONLY] x"
given 1 "SECRET [UK EYES ONLY]" "SECRET UK EYES ONLY - x"
given 2 "SECRET" "SECRET [UK EYES ONLY] x"
given 1 "OFFICIAL-SENSITIVE COMMERCIAL" "OFFICIAL-SENSITIVE [COMMERCIAL] bid"
# Issue-16 tester, item 3: data in two schemes. The data's own marking, as
# the report writes it (and as its refusal now names it), is accepted; so is
# one that carries every scheme's caveats; one that lacks a scheme's is not.
own() {  # own SUBJECT...: the marking the report gives the data itself
  mbox "$@" >o.mbox
  "$nearmiss" audit --html o.html o.mbox >/dev/null 2>&1
  sed -n 's/.*<div class="marking">\([^<]*\)<.*/\1/p' o.html | head -n 1
}
for pair in "Budget [SEC=PROTECTED, CAVEAT=SH:CABINET]|TS//SCI//NOFORN" \
    "SECRET [UK EYES ONLY] x|C//REL TO USA, GBR weekly" \
    "NATO SECRET plan|S//NOFORN weekly" \
    "OFFICIAL-SENSITIVE [PERSONAL] y|CUI//SP-PRVCY weekly" \
    "[SEC=SECRET, CAVEAT=RI:AUSTEO] x|TOP SECRET [UK EYES ONLY] x|S//SI//NOFORN plan"; do
  old_ifs=$IFS
  IFS='|'
  # shellcheck disable=SC2086
  set -- $pair
  IFS=$old_ifs
  data=$(own "$@")
  [ -n "$data" ] || { no "no marking for [$*]"; continue; }
  given 1 "$data" "$@"
  # The refusal of a marking without a caveat names the data's own.
  mbox "$@" >r.mbox
  "$nearmiss" audit --marking "TOP SECRET" --html r.html r.mbox >/dev/null 2>r.err
  if grep -qF "a caveat of the data" r.err; then
    grep -qF -- "--marking '$data'" r.err || { cat r.err >&2; no "refusal over [$*] names no accepted marking"; }
  fi
done
given 1 "TOP SECRET//SCI//NOFORN CAVEAT=SH:CABINET" "Budget [SEC=PROTECTED, CAVEAT=SH:CABINET]" "TS//SCI//NOFORN"
given 1 "TOP SECRET//SCI//NOFORN / PROTECTED CABINET" "Budget [SEC=PROTECTED, CAVEAT=SH:CABINET]" "TS//SCI//NOFORN"
given 2 "TOP SECRET//SCI//NOFORN" "Budget [SEC=PROTECTED, CAVEAT=SH:CABINET]" "TS//SCI//NOFORN"
given 2 "TOP SECRET//SCI CAVEAT=SH:CABINET" "Budget [SEC=PROTECTED, CAVEAT=SH:CABINET]" "TS//SCI//NOFORN"
given 2 "UK SECRET / US CONFIDENTIAL" "SECRET [UK EYES ONLY] x" "C//REL TO USA, GBR weekly"

[ "$fail" -eq 0 ] && echo "audit marking caveats: ok"
exit "$fail"
