# Shared by the CLI end-to-end scripts (sourced): a scratch directory removed
# on exit, a failure flag the script exits with, check() and contains().
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Commands given no --store use the default store when it exists
# (src/store/default_location.h): point it here, so no test reads or
# writes the machine's.
NEARMISS_STATE_DIR="$tmp/state"
export NEARMISS_STATE_DIR
fail=0
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then
    echo "FAIL $1: expected '$2', got '$3'"
    fail=1
  else
    echo "ok   $1"
  fi
}
contains() {  # contains NAME NEEDLE HAYSTACK
  case $3 in
    *"$2"*) echo "ok   $1" ;;
    *) echo "FAIL $1: '$2' not in:"; echo "$3"; fail=1 ;;
  esac
}
