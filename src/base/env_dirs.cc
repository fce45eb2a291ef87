#include "base/env_dirs.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace nearmiss::base {

std::string GetEnv(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

bool MayCreateIn(const std::string& dir) {
  std::filesystem::path p(dir);
  std::error_code ec;
  while (!p.empty() && !std::filesystem::exists(p, ec)) {
    if (p == p.parent_path()) break;
    p = p.parent_path();
  }
  return !p.empty() && ::access(p.c_str(), W_OK | X_OK) == 0;
}

}  // namespace nearmiss::base
