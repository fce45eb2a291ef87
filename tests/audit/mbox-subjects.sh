# shellcheck shell=sh
# tests/audit/mbox-subjects.sh: sourced by the audit marking tests.
# mbox SUBJECT...: on stdout, an mbox of one message to a look-alike
# (b1@army.ml, b2@army.ml, ...) from alice@army.mil per subject.
mbox() {
  i=0
  for subject in "$@"; do
    i=$((i + 1))
    printf 'From alice@army.mil Mon Nov  3 09:00:0%s 2025\nFrom: alice@army.mil\nTo: b%s@army.ml\nDate: Mon, 3 Nov 2025 09:00:0%s +0000\nMessage-ID: <cav%s@army.mil>\nSubject: %s\n\nbody\n\n' \
      "$i" "$i" "$i" "$i" "$subject"
  done
}
