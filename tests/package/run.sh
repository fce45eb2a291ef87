#!/bin/bash
# The Debian package end to end, as a mail administrator meets it:
#   1. built in a clean clone of this repository (make deb: dpkg-buildpackage,
#      then lintian, which fails the build on an error or warning), at the
#      JOBS given on make's command line;
#   2. installed with apt install ./nearmiss_*.deb;
#   3. nearmiss check run from /usr/bin; --version knows every list's date
#      (the build tree was no git checkout); check, scan and audit read the
#      policy /etc/nearmiss/nearmiss.toml names;
#   4. the installed nearmiss-milter.service, whose lines give no settings
#      (they are the conffile's, user = "nearmiss" included), started as
#      systemd starts it: with systemctl where systemd is PID 1, else its
#      exact ExecStartPre and ExecStart lines as its User= (run-unit.py);
#   5. a private Postfix (tests/postfix/lib.sh: loopback, every domain routed
#      to a local smtp-sink) sending through the unit's unix socket: a
#      look-alike refused with the suggestion, a good recipient delivered;
#   6. Postfix installed after nearmiss (its file trigger, fired by hand):
#      postfix joins group nearmiss again;
#   7. apt purge: no file the package or its scripts made, no nearmiss user
#      or group, postfix out of the group.
# Needs root; refuses to run where nearmiss is already installed (it would
# purge it). Usage: tests/package/run.sh [WORKDIR]  (default
# /var/tmp/nearmiss-package-test, emptied first: a fixed path lets ccache
# reuse objects between runs). JOBS sets the build's parallelism.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${1:-/var/tmp/nearmiss-package-test}
if [ "$(id -u)" -ne 0 ]; then echo "skipped: installs a package, needs root"; exit 77; fi
if dpkg-query -W -f='${Status}' nearmiss 2>/dev/null | grep -q 'installed\|config-files'; then
  echo "FAIL: nearmiss is already installed here; this test would purge it" >&2; exit 1
fi
step() { echo "== $*"; }
die() { echo "FAIL: $*" >&2; exit 1; }

# Everything that could be ours, before: after the purge it must match.
leftovers() {
  find /etc /usr /lib /var/lib /var/spool /run \( -name '*nearmiss*' -o -path '*/nearmiss/*' \) \
    -not -path '/var/lib/dpkg/*' 2>/dev/null | sort
}
before=$(leftovers)

step "clean clone of $repo at $(git -C "$repo" rev-parse --short HEAD)"
rm -rf "$work"; mkdir -p "$work"
git clone -q "$repo" "$work/nearmiss" || die "git clone"
step "make deb (-O3, warnings as errors; unit tests are make test's; nocheck here)"
start=$(date +%s)
# DEB_BUILD_OPTIONS on make's command line, as a user types it: make passes
# it down in MAKEFLAGS, which must not cost the parallel=JOBS.
jobs=${JOBS:-2}
# The package's build is also the release check (make release-check: -O3,
# NDEBUG, warnings as errors; GCC 12 warns at -O3 where -O2 does not), so CI
# compiles the tree twice, not three times: debian/rules reads NM_WERROR,
# dpkg-buildflags appends the DEB_*FLAGS_APPEND to Debian's own flags.
NM_WERROR=ON DEB_CFLAGS_APPEND="-O3" DEB_CXXFLAGS_APPEND="-O3" DEB_CPPFLAGS_APPEND="-DNDEBUG" \
DEB_BUILD_PROFILES=nocheck \
  make -C "$work/nearmiss" deb JOBS="$jobs" DEB_BUILD_OPTIONS=nocheck >"$work/deb.log" 2>&1 ||
  { tail -60 "$work/deb.log"; die "make deb"; }
sed -n '/^build-deb: lintian/,$p' "$work/deb.log"
grep -q "ninja -j$jobs " "$work/deb.log" ||
  die "make deb JOBS=$jobs did not build with ninja -j$jobs: $(grep -m1 'ninja -j' "$work/deb.log")"
grep -q -- ' -O3 .* -DNDEBUG .* -Werror ' "$work/deb.log" ||
  die "the package build was not the release check (no compile line with -O3, -DNDEBUG and -Werror in $work/deb.log)"
echo "package built in $(( $(date +%s) - start )) s"
deb=$(ls "$work"/nearmiss/build-deb/nearmiss_*.deb)

# Root ran nearmiss before the package (`nearmiss learn` as root writes
# the system state directory): the package must adopt what it left, so the
# daemons own their store and cache (postinst, first install).
mkdir -p /var/lib/nearmiss/cache /var/lib/nearmiss/spool
: >/var/lib/nearmiss/nearmiss.db
# ... and the marking databases root's scan cached there (postinst drops them).
: >/var/lib/nearmiss/cache/markings-0000.hsdb
: >/var/lib/nearmiss/cache/marking-extents-0000.hsdb
step "apt install ./$(basename "$deb")"
(cd "$(dirname "$deb")" && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$(basename "$deb")") \
  >"$work/install.log" 2>&1 || { cat "$work/install.log"; die "apt install"; }
installed=1
purge() {
  [ -n "${installed:-}" ] || return 0
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -q nearmiss >"$work/purge.log" 2>&1
  installed=
}

# From here on: the private Postfix and the milter, under lib.sh's cleanup,
# then the purge.
NEARMISS=/usr/bin/nearmiss
. "$repo/tests/postfix/lib.sh"
trap 'pf_cleanup; purge' EXIT
dpkg -L nearmiss >"$work/files"

step "nearmiss check from /usr/bin"
[ "$(command -v nearmiss)" = /usr/bin/nearmiss ] || fail "nearmiss is not /usr/bin/nearmiss"
/usr/bin/nearmiss check bob@army.ml >"$W/check.out"; rc=$?
[ $rc -eq 1 ] && grep -q "army.mil" "$W/check.out" || { cat "$W/check.out"; fail "check bob@army.ml: exit $rc"; }
/usr/bin/nearmiss check carol@army.mil >/dev/null || fail "check carol@army.mil flagged"
/usr/bin/nearmiss policy lint /etc/nearmiss/policy.toml || fail "the shipped policy does not lint"
/usr/bin/nearmiss policy lint || fail "policy lint without FILE (the configuration's policy)"
ok "check, policy lint from /usr/bin"
/usr/bin/nearmiss --version >"$W/version.out"
grep -q unknown "$W/version.out" && { cat "$W/version.out"; fail "--version says unknown"; }
grep -q "^commit $(git -C "$work/nearmiss" rev-parse --short=12 HEAD) " "$W/version.out" ||
  { cat "$W/version.out"; fail "--version has not the commit built"; }
ok "--version: the commit and every list's date"
grep -qx /etc/nearmiss/nearmiss.toml /var/lib/dpkg/info/nearmiss.conffiles ||
  fail "/etc/nearmiss/nearmiss.toml is not a conffile"
/usr/bin/nearmiss config show >"$W/config.out"
grep -q "^policy  *\/etc\/nearmiss\/policy.toml  *\/etc\/nearmiss\/nearmiss.toml:" "$W/config.out" ||
  { cat "$W/config.out"; fail "config show: policy not from /etc/nearmiss/nearmiss.toml"; }
# check, scan and audit read the policy the configuration names: broken for
# a moment, each must say so, naming it.
cp -p /etc/nearmiss/policy.toml "$W/policy.toml.orig"
printf '\n[[broken\n' >>/etc/nearmiss/policy.toml
printf 'From: a@mod.gov.uk\nTo: b@army.mil\nSubject: x\n\nx\n' >"$W/one.eml"
: >"$W/mail.log"
for cmd in "check bob@army.ml" "scan $W/one.eml" "audit $W/mail.log"; do
  # shellcheck disable=SC2086  # a command and its argument
  /usr/bin/nearmiss $cmd >/dev/null 2>"$W/broken.err"
  grep -q "/etc/nearmiss/policy.toml" "$W/broken.err" ||
    fail "nearmiss $cmd did not read /etc/nearmiss/policy.toml: $(cat "$W/broken.err")"
done
cp -p "$W/policy.toml.orig" /etc/nearmiss/policy.toml
# Root's scan records its decision in the daemons' store, through its own
# spool in their state directory: it must leave nothing root-owned there
# (checked after the milter ran, below).
/usr/bin/nearmiss scan "$W/one.eml" >/dev/null || fail "root's nearmiss scan of a clean message"
ok "check, scan, audit read the configuration's policy"
getent passwd nearmiss >/dev/null || fail "no nearmiss user"
id -nG postfix | grep -qw nearmiss || fail "postfix is not in group nearmiss"
[ "$(stat -c %U:%G /var/lib/nearmiss)" = nearmiss:nearmiss ] || fail "/var/lib/nearmiss not nearmiss's"
man -w nearmiss >/dev/null && man -w nearmiss-policy.toml >/dev/null || fail "man pages not found by man"
ok "user, group, state directory, man pages"

unit=$(grep '/nearmiss-milter.service$' "$work/files") || fail "no nearmiss-milter.service"
echo "unit: $unit"; grep '^ExecStart' "$unit"
grep -E '^ExecStart(Pre)?=.*--(policy|listen|store|user)' "$unit" "${unit%/*}/nearmiss-serve.service" &&
  fail "a unit spells out a setting that is the configuration file's"
sock=$(/usr/bin/nearmiss config show --json |
  python3 -c 'import json,sys; print(next(s["value"] for s in json.load(sys.stdin)["settings"] if s["key"] == "milter.listen")[0])')
sock=${sock#unix:}
[ -n "$sock" ] || fail "the configuration's milter.listen is no unix socket"
if command -v systemd-analyze >/dev/null; then
  for u in "$unit" "${unit%/*}/nearmiss-serve.service"; do
    systemd-analyze verify --man=no "$u" || fail "systemd-analyze verify $u"
    systemd-analyze security --offline=yes "$u" | tail -1
  done
  ok "systemd-analyze verify: both units"
fi
if [ "$(cat /proc/1/comm)" = systemd ] && [ -d /run/systemd/system ]; then
  step "systemctl restart nearmiss-milter (systemd is PID 1)"
  systemctl daemon-reload && systemctl restart nearmiss-milter || fail "systemctl restart"
  MILTER_ERR=/dev/null
else
  step "the unit's lines as its User= (systemd is not PID 1: $(cat /proc/1/comm))"
  # Type=notify: systemd's end of sd_notify, a datagram socket the unit's
  # user can write to; what arrives is kept, one datagram per line.
  grep -qx 'Type=notify' "$unit" || fail "the milter unit is not Type=notify"
  notify_dir=$(mktemp -d) && chmod 0755 "$notify_dir"
  python3 -c '
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1]); os.chmod(sys.argv[1], 0o666)
with open(sys.argv[2], "a", buffering=1) as out:
    while True:
        out.write(s.recv(4096).decode().replace("\n", " ") + "\n")
' "$notify_dir/notify" "$notify_dir/received" &
  NOTIFY_READER=$!
  for _ in $(seq 50); do [ -S "$notify_dir/notify" ] && break; sleep 0.1; done
  NOTIFY_SOCKET="$notify_dir/notify" "$here/run-unit.py" "$unit" >>"$MILTER_LOG" 2>>"$MILTER_ERR" &
  MILTER_PID=$!
  for _ in $(seq 300); do grep -q '^READY=1' "$notify_dir/received" 2>/dev/null && break; sleep 0.1; done
  kill "$NOTIFY_READER" 2>/dev/null
  grep '^READY=1' "$notify_dir/received" || { cat "$MILTER_ERR"; fail "the milter never sent READY=1"; }
  rm -rf "$notify_dir"
  ok "READY=1 on \$NOTIFY_SOCKET, as systemd waits for it"
fi
for _ in $(seq 300); do [ -S "$sock" ] && break; sleep 0.1; done
[ -S "$sock" ] || { cat "$MILTER_ERR"; fail "no socket $sock"; }
[ "$(stat -c '%U:%G %a' "$sock")" = "nearmiss:nearmiss 660" ] ||
  fail "socket is $(stat -c '%U:%G %a' "$sock"), not nearmiss:nearmiss 660"
[ -n "$MILTER_PID" ] && { [ "$(ps -o user= -p "$MILTER_PID")" = nearmiss ] ||
  fail "milter runs as $(ps -o user= -p "$MILTER_PID")"; }
ok "milter listening on $sock as nearmiss"

step "a private Postfix through the socket"
# lib.sh's instance runs without a chroot, so Postfix names the socket by
# its full path (a chrooted Debian smtpd: unix:/nearmiss/milter.sock).
pf_customise() { postconf -c "$CONF" -e "smtpd_milters = unix:$sock"; }
start_sink
start_postfix
send --from alice@mod.gov.uk --to bob@army.ml --header "Subject: packaged" && fail "look-alike accepted"
grep -q "550 5.7.1 bob@army.ml: army.ml looks like army.mil" "$W/swaks.out" ||
  { cat "$W/swaks.out"; fail "no 550 with the reason"; }
grep -q "did you mean bob@army.mil?" "$W/swaks.out" || fail "no suggestion"
send --from alice@mod.gov.uk --to carol@army.mil --header "Subject: packaged ok" --body "hello" ||
  { cat "$W/swaks.out"; fail "carol@army.mil refused"; }
wait_delivered "X-Rcpt-Args: <carol@army.mil>" "Subject: packaged ok" || fail "carol@army.mil not delivered"
[ -z "$MILTER_PID" ] && journalctl -u nearmiss-milter -o cat >"$MILTER_LOG"
grep -q '"event":"rcpt".*"verdict":"lookalike"' "$MILTER_LOG" || fail "no rcpt decision line"
grep -q '"event":"message"' "$MILTER_LOG" || fail "no message decision line"
[ "$(stat -c %U /var/lib/nearmiss/nearmiss.db)" = nearmiss ] || fail "store not written by nearmiss"
# root ran check, scan and audit on the same store above: nothing of root's
# may be left where the daemons write.
rooted=$(find /var/lib/nearmiss ! -user nearmiss)
[ -z "$rooted" ] || fail "not nearmiss's in /var/lib/nearmiss: $rooted"
ok "Postfix -> unit's milter: look-alike refused with the suggestion, good recipient delivered"

step "Postfix installed after nearmiss: the file trigger on /usr/sbin/postfix"
gpasswd -d postfix nearmiss >/dev/null || fail "gpasswd -d postfix nearmiss"
dpkg-trigger --no-await /usr/sbin/postfix && dpkg --triggers-only nearmiss ||
  fail "dpkg-trigger /usr/sbin/postfix"
id -nG postfix | grep -qw nearmiss || fail "the trigger did not put postfix in group nearmiss"
ok "the postfix trigger puts postfix in group nearmiss"

step "apt purge nearmiss"
pf_cleanup; trap - EXIT
trap purge EXIT
purge || true
grep -i "warning\|error" "$work/purge.log" && fail "purge said so"
dpkg-query -W -f='${Status}' nearmiss 2>/dev/null | grep -q 'installed\|config-files' && fail "still known to dpkg"
while read -r f; do
  [ -d "$f" ] && continue
  [ -e "$f" ] || [ -L "$f" ] && fail "left behind: $f"
done <"$work/files"
after=$(leftovers)
[ "$before" = "$after" ] || { diff <(echo "$before") <(echo "$after"); fail "left behind (above)"; }
getent passwd nearmiss && fail "user nearmiss left"
getent group nearmiss && fail "group nearmiss left"
id -nG postfix | grep -qw nearmiss && fail "postfix still in group nearmiss"
ok "purged: no file, no user, no group left"
rm -rf "$work"
echo PASS
