#include "store/default_location.h"

#include "base/env_dirs.h"

namespace nearmiss::store {

StoreEnvironment StoreEnvironment::FromProcess() {
  StoreEnvironment env;
  env.state_dir = base::GetEnv("NEARMISS_STATE_DIR");
  env.xdg_data_home = base::GetEnv("XDG_DATA_HOME");
  env.home = base::GetEnv("HOME");
  env.writable = base::MayCreateIn;
  return env;
}

DefaultLocation FindDefaultStore(const StoreEnvironment& env) {
  if (!env.state_dir.empty()) return {env.state_dir + "/nearmiss.db", "$NEARMISS_STATE_DIR"};
  if (env.writable && env.writable(env.system_dir)) {
    return {env.system_dir + "/nearmiss.db", "the system state directory"};
  }
  // The XDG spec says a relative $XDG_DATA_HOME is invalid and is ignored.
  if (env.xdg_data_home.starts_with('/')) {
    return {env.xdg_data_home + "/nearmiss/nearmiss.db",
            env.system_dir + " is not writable by this user: $XDG_DATA_HOME"};
  }
  if (!env.home.empty()) {
    return {env.home + "/.local/share/nearmiss/nearmiss.db",
            env.system_dir + " is not writable by this user: ~/.local/share"};
  }
  return {env.system_dir + "/nearmiss.db", "the system state directory (no $HOME to fall back to)"};
}

}  // namespace nearmiss::store
