# Shared by bench/postfix-overhead and bench/milter-peers: one private
# Postfix (tests/postfix/lib.sh) delivering to a discarding smtp-sink, one
# smtpd listener per milter under test, the same four-kind message mix fed
# by smtp-source, and rounds that rotate the listeners' order.
#
# A script sets build, PER_ROUND, ROUNDS, SESSIONS, MIX, sources this file,
# starts its milters, calls add_listener NAME MILTER [PID] for each (an
# empty MILTER for none; PID is the milter's process, whose process tree's
# CPU is counted), then pf_reload and run_rounds OUT_FILE. Each line of
# OUT_FILE is one round on one listener:
# "NAME RATE CPU_MS_PER_MSG BUSY_PERCENT FAILED IOWAIT_PERCENT MILTER_CPU_MS_PER_MSG
# MILTER_USER_MS_PER_MSG MILTER_SYSTEM_MS_PER_MSG MILTER_WAKEUPS_PER_MSG":
# the milter's CPU split into user and system time (the kernel's utime and
# stime), which tells its own code's work from its system calls and
# wake-ups, and its wake-ups (voluntary context switches of every thread
# of its process tree: a count the machine's other load does not move).
bench_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
NEARMISS="$build/nearmiss"
PER_ROUND=$((PER_ROUND / 4 * 4))  # four message kinds, equal shares
[ -x "$build/bench/floor_milter" ] || { echo "FAIL: $build/bench/floor_milter missing (make)"; exit 1; }
command -v smtp-source >/dev/null || { echo "FAIL: smtp-source missing (scripts/install-deps)"; exit 1; }
. "$bench_here/../tests/postfix/lib.sh"

LISTENERS=()
declare -A LISTENER_PORT LISTENER_PID

# Starts the sink and Postfix. Postfix's inflow control makes cleanup sleep
# (up to in_flow_delay, 1 s) whenever reception outruns delivery: a
# throttle, not a cost, which left the fastest configuration idle at
# random. Off, so each round measures the work.
start_bench_postfix() {
  start_sink discard
  start_postfix
  postconf -c "$CONF" -e in_flow_delay=0
}

add_listener() {  # name milter [pid]
  local port
  port=$(free_port)
  echo "127.0.0.1:$port inet n - n - - smtpd -o smtpd_milters=$2" >>"$CONF/master.cf"
  LISTENERS+=("$1")
  LISTENER_PORT[$1]=$port
  LISTENER_PID[$1]=${3:-}
}

pf_reload() { postfix -c "$CONF" reload >/dev/null 2>&1; sleep 1; }

body=$(python3 -c 'print(("Dear colleague,\n\n" + "The quarterly figures are attached below. " * 60 + "\n") * 4)')
kinds=("Lunch|carol@army.mil" "Re: budget|erin@partner.example"
       "OFFICIAL: minutes|dave@example.com" "OFFICIAL-SENSITIVE: plan|dave@example.com")
[ "${MIX:-tagged}" = untagged ] && kinds[3]="Re: plan|dave@example.com"
for k in 0 1 2 3; do
  printf 'From: alice@mod.gov.uk\nTo: %s\nSubject: %s\nMessage-ID: <bench-%s@mod.gov.uk>\n\n%s\n' \
    "${kinds[$k]##*|}" "${kinds[$k]%%|*}" "$k" "$body" >"$W/kind$k.eml"
done

# Jiffies: busy (user, nice, system, irq, softirq), all, and iowait.
busy_jiffies() { awk '/^cpu /{print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8, $6}' /proc/stat; }

# CPU ticks "USER SYSTEM" (with the children it has reaped) of a process
# and every descendant alive: rspamd works in forked workers, the others
# in threads of one process; then the voluntary context switches of all
# their threads (each a sleep, so one wake-up). "0 0 0" without a process.
tree_ticks() {  # pid
  [ -n "$1" ] || { echo 0 0 0; return; }
  python3 - "$1" <<'PY'
import os, sys
stats = {}
for p in os.listdir("/proc"):
    if p.isdigit():
        try:
            f = open("/proc/%s/stat" % p).read()
        except OSError:
            continue
        rest = f[f.rindex(")") + 2:].split()  # the name may hold spaces
        # utime + cutime, stime + cstime (proc(5) fields 14-17)
        u = int(rest[11]) + int(rest[13])
        stats[int(p)] = (int(rest[1]), (u, int(rest[12]) + int(rest[14])))
tree, grew = {int(sys.argv[1])}, True
while grew:
    kids = {p for p, (ppid, _) in stats.items() if ppid in tree} - tree
    tree |= kids
    grew = bool(kids)
def switches(pid):
    n = 0
    try:
        for t in os.listdir("/proc/%d/task" % pid):
            for line in open("/proc/%d/task/%s/status" % (pid, t)):
                if line.startswith("voluntary_ctxt_switches:"):
                    n += int(line.split()[1])
    except OSError:
        pass
    return n
print(sum(stats[p][1][0] for p in tree if p in stats),
      sum(stats[p][1][1] for p in tree if p in stats), sum(switches(p) for p in tree))
PY
}

# Waits until Postfix has delivered everything (no file left in maildrop,
# incoming, active or deferred), then prints the time; "timeout" after 60 s.
drained_at() {
  python3 - "$W/queue" <<'PY'
import os, sys, time
dirs = [os.path.join(sys.argv[1], d) for d in ("maildrop", "incoming", "active", "deferred")]
limit = time.time() + 60
while any(files for d in dirs for _, _, files in os.walk(d)):
    if time.time() > limit:
        print("timeout"); sys.exit()
    time.sleep(0.002)
print(time.time())
PY
}

# One round on one listener, from the first connection until the last
# message has left the queue (Postfix delivers while it receives, so the
# delivery of one round must not spill into the next).
run_round() {  # name messages
  local pids=() failed=0 t0 t1 c0 c1 m0 m1 k port=${LISTENER_PORT[$1]}
  drained_at >/dev/null
  sleep 0.2
  m0=$(tree_ticks "${LISTENER_PID[$1]}")
  t0=$(date +%s.%N); c0=$(busy_jiffies)
  for k in 0 1 2 3; do
    smtp-source -d -s $((SESSIONS / 4)) -m $(($2 / 4)) -F "$W/kind$k.eml" \
      -f alice@mod.gov.uk -t "${kinds[$k]##*|}" "127.0.0.1:$port" >>"$W/source.log" 2>&1 &
    pids+=($!)
  done
  for k in "${pids[@]}"; do wait "$k" || failed=$((failed + 1)); done
  t1=$(drained_at); c1=$(busy_jiffies)
  m1=$(tree_ticks "${LISTENER_PID[$1]}")
  [ "$t1" = timeout ] && { failed=$((failed + 1)); t1=$(date +%s.%N); }
  python3 -c "
b0, a0, w0 = map(int, '$c0'.split()); b1, a1, w1 = map(int, '$c1'.split())
u0, s0, v0 = map(int, '$m0'.split()); u1, s1, v1 = map(int, '$m1'.split())
ticks = __import__('os').sysconf('SC_CLK_TCK')
ms = lambda t: t * 1000 / ticks / $2
print('$1', $2 / ($t1 - $t0), ms(b1 - b0), 100 * (b1 - b0) / max(1, a1 - a0), $failed,
      100 * (w1 - w0) / max(1, a1 - a0), ms(u1 + s1 - u0 - s0), ms(u1 - u0), ms(s1 - s0),
      (v1 - v0) / $2)"
}

# A warm-up round per listener (processes spawned, caches hot), then ROUNDS
# rounds, each starting one listener later in the order.
run_rounds() {  # out_file
  local name r i n=${#LISTENERS[@]}
  for name in "${LISTENERS[@]}"; do run_round "$name" 200 >/dev/null; done
  for r in $(seq "$ROUNDS"); do
    for i in $(seq 0 $((n - 1))); do
      name=${LISTENERS[$(((i + r) % n))]}
      run_round "$name" "$PER_ROUND"
    done
  done >"$1"
}
