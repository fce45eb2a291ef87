# Shared by the Postfix end-to-end tests: a private Postfix on loopback,
# smtp-sink collecting every delivery, and the nearmiss milter, all under
# one temporary directory. Nothing leaves the machine: every transport goes
# to the sink, DNS is off, and nothing is local.
# Needs root (Postfix's master runs as root and drops to `postfix`).

set -u
if [ "$(id -u)" -ne 0 ]; then
  echo "skipped: a private Postfix needs root"; exit 77
fi
for tool in postfix swaks smtp-sink; do
  command -v $tool >/dev/null || { echo "FAIL: $tool missing (scripts/install-deps)"; exit 1; }
done
W=$(mktemp -d /var/tmp/nearmiss-postfix.XXXXXX)
chmod 755 "$W"
CONF="$W/etc"
SINK_DIR="$W/sink"
MILTER_LOG="$W/milter.log"
MILTER_ERR="$W/milter.err"
MILTER_PID=
SINK_PID=

free_port() { "$(dirname "${BASH_SOURCE[0]}")/../free-port"; }
SMTP_PORT=$(free_port)
SINK_PORT=$(free_port)
MILTER_PORT=$(free_port)

fail() { echo "FAIL: $*" >&2; echo "--- maillog" >&2; tail -30 "$W/maillog" >&2 2>/dev/null; exit 1; }
ok() { echo "ok: $*"; }

pf_cleanup() {
  postfix -c "$CONF" stop >/dev/null 2>&1
  [ -n "$MILTER_PID" ] && kill "$MILTER_PID" 2>/dev/null
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null
  wait 2>/dev/null
  [ -n "${KEEP:-}" ] || rm -rf "$W"
}
trap pf_cleanup EXIT

start_milter() {  # [extra args]
  local before
  before=$(grep -c "listening on" "$MILTER_ERR" 2>/dev/null)
  "$NEARMISS" milter --listen "inet:127.0.0.1:$MILTER_PORT" "$@" >>"$MILTER_LOG" 2>>"$MILTER_ERR" &
  MILTER_PID=$!
  # Under ASan on a loaded machine compiling the engine takes seconds.
  for _ in $(seq 600); do
    [ "$(grep -c "listening on" "$MILTER_ERR")" -gt "${before:-0}" ] && return 0
    sleep 0.1
  done
  cat "$MILTER_ERR" >&2; fail "milter did not start"
}

stop_milter() {
  kill -TERM "$MILTER_PID"; wait "$MILTER_PID" 2>/dev/null; MILTER_PID=
}

start_postfix() {
  mkdir -p "$CONF" "$W/queue" "$W/data" "$SINK_DIR"
  chown postfix "$W/data" "$SINK_DIR"
  cat >"$CONF/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $W/queue
data_directory = $W/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
shlib_directory = /usr/lib/postfix
meta_directory = /etc/postfix
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.nearmiss.test
mydomain = nearmiss.test
myorigin = mod.gov.uk
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mydestination =
relay_domains =
local_recipient_maps =
alias_maps =
alias_database =
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
smtp_dns_support_level = disabled
default_transport = smtp:[127.0.0.1]:$SINK_PORT
relay_transport = smtp:[127.0.0.1]:$SINK_PORT
local_transport = smtp:[127.0.0.1]:$SINK_PORT
smtpd_milters = inet:127.0.0.1:$MILTER_PORT
non_smtpd_milters = \$smtpd_milters
milter_default_action = tempfail
maillog_file = $W/maillog
maillog_file_prefixes = /var
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
biff = no
CF
  # Debian's master.cf with chroot off, and smtpd on our port only.
  awk -v port="$SMTP_PORT" '
    /^smtp[ \t]+inet/ { print "127.0.0.1:" port " inet n - n - - smtpd"; next }
    /^[a-z]/ && NF >= 8 { $5 = "n" }
    { print }' /etc/postfix/master.cf >"$CONF/master.cf"
  # A suite that needs a different instance changes it here (differential.sh).
  if declare -F pf_customise >/dev/null; then pf_customise || fail "pf_customise"; fi
  postfix -c "$CONF" check >"$W/check.log" 2>&1 || { cat "$W/check.log" >&2; fail "postfix check"; }
  postfix -c "$CONF" start >"$W/start.log" 2>&1 || { cat "$W/start.log" >&2; fail "postfix start"; }
  for _ in $(seq 100); do
    (exec 3<>/dev/tcp/127.0.0.1/$SMTP_PORT) 2>/dev/null && return 0
    sleep 0.1
  done
  fail "postfix smtpd did not listen"
}

start_sink() {  # [discard]: accept and drop (benchmarks), else keep files
  mkdir -p "$SINK_DIR"; chown postfix "$SINK_DIR"
  local keep=(-d "$SINK_DIR/%H%M%S.")
  [ "${1:-}" = discard ] && keep=()
  (cd "$SINK_DIR" && exec smtp-sink -u postfix "${keep[@]}" 127.0.0.1:$SINK_PORT 128) &
  SINK_PID=$!
}

start_all() {  # [milter args]
  start_sink
  start_milter "$@"
  start_postfix
}

send() {  # swaks args...; output in $W/swaks.out, status returned
  swaks --server 127.0.0.1 --port "$SMTP_PORT" --helo client.nearmiss.test \
        --timeout 30 "$@" >"$W/swaks.out" 2>&1
}

# Files in the sink that mention all the given strings, counted.
delivered() {
  local n=0 f
  for f in "$SINK_DIR"/*; do
    [ -f "$f" ] || continue
    local all=1 s
    for s in "$@"; do grep -qF -- "$s" "$f" || { all=0; break; }; done
    [ $all = 1 ] && n=$((n + 1))
  done
  echo $n
}

wait_delivered() {  # strings...: waits up to 20 s for a matching delivery
  for _ in $(seq 200); do
    [ "$(delivered "$@")" -ge 1 ] && return 0
    sleep 0.1
  done
  return 1
}

queue_json() { postqueue -c "$CONF" -j; }

# A delivered message as its reader sees it: the headers, a blank line, the
# body with its transfer encoding undone (the confirm notice is written
# quoted-printable, so its long links carry soft breaks and "=3D").
notice_text() {  # file
  python3 - "$1" <<'PY'
import email, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'))
sys.stdout.write(''.join('%s: %s\n' % (k, v) for k, v in m.items()) + '\n')
sys.stdout.flush()
sys.stdout.buffer.write(m.get_payload(decode=True) or b'')
PY
}

# The queue id of the message the last `send` queued, once it is in the
# hold queue (waits up to 20 s); fails, showing the queue, otherwise.
held_id() {
  local id
  id=$(sed -n 's/.*250 2.0.0 Ok: queued as \([0-9A-Za-z]*\).*/\1/p' "$W/swaks.out")
  [ -n "$id" ] || fail "no queue id"
  for _ in $(seq 200); do
    queue_json | grep "\"queue_id\": *\"$id\"" | grep -q '"queue_name": *"hold"' &&
      { echo "$id"; return 0; }
    sleep 0.1
  done
  queue_json >&2; cat "$MILTER_LOG" >&2; fail "$id not in the hold queue"
}

queue_empty_within() {  # seconds
  for _ in $(seq $(($1 * 10))); do
    [ -z "$(queue_json)" ] && return 0
    sleep 0.1
  done
  return 1
}

# The confirm suites' start (tests/browser/confirm.sh, held_race.sh): the
# embedded default policy with [confirm] pointed at serve on $URL, in
# $W/policy.toml, and alice's history learned into $STORE.
confirm_setup() {  # needs NEARMISS, URL, STORE
  head -c 32 /dev/urandom >"$W/confirm.key"
  # The embedded default policy, with [confirm] pointed at this instance.
  "$NEARMISS" policy init |
    sed -e "s|^notice_from = .*|notice_from = \"nearmiss@mod.gov.uk\"|" \
        -e 's|^organisation = \[\]|organisation = ["mod.gov.uk"]|' \
        -e "s|^link_base = .*|link_base = \"$URL\"|" \
        -e "s|^# key_file = .*|key_file = \"$W/confirm.key\"|" \
        -e "s|^# postfix_config = .*|postfix_config = \"$CONF\"|" >"$W/policy.toml"
  grep -q "^key_file = \"$W/confirm.key\"" "$W/policy.toml" || fail "policy: [confirm] not set"
  # Notices go only to the organisation's senders (docs/policy.md, [confirm]).
  grep -q '^organisation = \["mod.gov.uk"\]' "$W/policy.toml" || fail "policy: organisation not set"

  # What alice really writes to, from a log (RFC 3339 stamps, as rsyslog
  #    writes them) of 8 deliveries to john.smith@partner.example over 40 days.
  for i in 1 2 3 4 5 6 7 8; do
    stamp=$(date -u -d "$((i * 5)) days ago" +%Y-%m-%dT%H:%M:%S.000000+00:00)
    qid=$(printf '4B%02dC0%03d' "$i" "$i")
    echo "$stamp mx postfix/qmgr[10]: $qid: from=<alice@mod.gov.uk>, size=900, nrcpt=1 (queue active)"
    echo "$stamp mx postfix/smtp[11]: $qid: to=<john.smith@partner.example>," \
         "relay=mx.partner.example[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0," \
         "status=sent (250 2.0.0 Ok)"
  done >"$W/sent.log"
  "$NEARMISS" learn --policy "$W/policy.toml" --store "$STORE" "$W/sent.log" >"$W/learn.out" 2>&1 ||
    { cat "$W/learn.out"; fail "learn"; }
  grep -q "deliveries: 8 found = 8 new " "$W/learn.out" || { cat "$W/learn.out"; fail "learn did not count 8"; }
}

# confirm_setup, then Postfix, the milter and `nearmiss serve` on $URL with
# one admin token ($ADMIN_TOKEN, Ann Admin) and one check token
# ($CHECK_TOKEN, the add-ins': a "Send anyway" acknowledgement needs a token
# to vouch for it); serve's stderr in $W/serve.err.
# The caller's EXIT trap stops $SERVE_PID.
confirm_start() {  # needs NEARMISS
  API_PORT=$(free_port)
  URL="http://127.0.0.1:$API_PORT"
  STORE="sqlite:$W/nearmiss.db"
  confirm_setup
  start_all --policy "$W/policy.toml" --store "$STORE" --spool memory
  ADMIN_TOKEN=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  CHECK_TOKEN=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf 'admin %s Ann Admin\ncheck %s outlook add-in\n' "$ADMIN_TOKEN" "$CHECK_TOKEN" >"$W/tokens"
  "$NEARMISS" serve --listen "127.0.0.1:$API_PORT" --token-file "$W/tokens" \
    --policy "$W/policy.toml" --store "$STORE" --spool memory --postfix-config "$CONF" \
    2>"$W/serve.err" &
  SERVE_PID=$!
  for _ in $(seq 100); do grep -q "listening on" "$W/serve.err" && return 0; sleep 0.05; done
  cat "$W/serve.err"; fail "serve did not start"
}

notice_links() {  # subject: the notice's release and delete links, one a line
  for _ in $(seq 100); do
    n=$(grep -lF "$1" "$SINK_DIR"/* 2>/dev/null | xargs -r grep -lF "Held: please confirm" | head -1)
    [ -n "$n" ] && { notice_text "$n" | grep -o "$URL/confirm?t=[0-9a-f.]*"; return 0; }
    sleep 0.1
  done
  return 1
}
held_ids() { queue_json | grep '"queue_name": *"hold"' | sed -n 's/.*"queue_id": *"\([0-9A-Za-z]*\)".*/\1/p'; }
wait_held() {  # subject: waits for a held message, prints its queue id
  for _ in $(seq 100); do
    for id in $(held_ids); do
      postcat -c "$CONF" -hq "$id" 2>/dev/null | grep -qF "Subject: $1" && { echo "$id"; return 0; }
    done
    sleep 0.1
  done
  return 1
}
