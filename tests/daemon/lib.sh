# Shared by the daemon scripts (sourced).
# wait_for FILE PATTERN [PID]: true once PATTERN is in FILE, up to 30 s;
# false sooner when PID (default $pid) has exited.
wait_for() {
  local who=${3:-$pid}
  for _ in $(seq 300); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$who" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
