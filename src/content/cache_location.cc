#include "content/cache_location.h"

#include <filesystem>

#include "base/env_dirs.h"

namespace nearmiss::content {

CacheEnvironment CacheEnvironment::FromProcess() {
  CacheEnvironment env;
  env.cache_dir = base::GetEnv("NEARMISS_CACHE_DIR");
  env.state_dir = base::GetEnv("NEARMISS_STATE_DIR");
  env.xdg_cache_home = base::GetEnv("XDG_CACHE_HOME");
  env.home = base::GetEnv("HOME");
  env.writable = base::MayCreateIn;
  env.others_dir = base::RootInOthersDir;
  env.system_dir_exists = [](const std::string& dir) {
    std::error_code ec;
    return std::filesystem::is_directory(dir, ec);
  };
  return env;
}

std::string DefaultDatabaseCacheDir(const CacheEnvironment& env) {
  if (env.cache_dir == "none") return "";
  if (!env.cache_dir.empty()) return env.cache_dir;
  auto others = [&env](const std::string& dir) {
    return env.others_dir && env.others_dir(dir);
  };
  if (!env.state_dir.empty() && !others(env.state_dir)) return env.state_dir + "/cache";
  if (env.state_dir.empty() && env.system_dir_exists && env.system_dir_exists(env.system_dir) &&
      env.writable && env.writable(env.system_dir + "/cache") && !others(env.system_dir)) {
    return env.system_dir + "/cache";
  }
  if (env.xdg_cache_home.starts_with('/')) return env.xdg_cache_home + "/nearmiss";
  if (!env.home.empty()) return env.home + "/.cache/nearmiss";
  return "";
}

std::string DefaultDatabaseCacheDir() {
  return DefaultDatabaseCacheDir(CacheEnvironment::FromProcess());
}

}  // namespace nearmiss::content
