#include "base/env_dirs.h"

#include <sys/stat.h>
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

bool RootInOthersDir(const std::string& dir) {
  if (::geteuid() != 0) return false;
  std::filesystem::path p(dir);
  std::error_code ec;
  while (!p.empty() && !std::filesystem::exists(p, ec)) {
    if (p == p.parent_path()) break;
    p = p.parent_path();
  }
  struct stat st {};
  return !p.empty() && ::stat(p.c_str(), &st) == 0 && st.st_uid != 0;
}

}  // namespace nearmiss::base
