#include "store/default_location.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace nearmiss::store {
namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

bool Writable(const std::string& dir) {
  std::filesystem::path p(dir);
  std::error_code ec;
  while (!p.empty() && !std::filesystem::exists(p, ec)) {
    if (p == p.parent_path()) break;
    p = p.parent_path();
  }
  return !p.empty() && ::access(p.c_str(), W_OK | X_OK) == 0;
}

}  // namespace

StoreEnvironment StoreEnvironment::FromProcess() {
  StoreEnvironment env;
  env.state_dir = Env("NEARMISS_STATE_DIR");
  env.xdg_data_home = Env("XDG_DATA_HOME");
  env.home = Env("HOME");
  env.writable = Writable;
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
