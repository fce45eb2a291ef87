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

namespace {

// `dir`, or its nearest existing parent when it does not exist yet.
std::filesystem::path NearestExisting(const std::string& dir) {
  std::filesystem::path p(dir);
  std::error_code ec;
  while (!p.empty() && !std::filesystem::exists(p, ec)) {
    if (p == p.parent_path()) break;
    p = p.parent_path();
  }
  return p;
}

}  // namespace

bool MayCreateIn(const std::string& dir) {
  std::filesystem::path p = NearestExisting(dir);
  return !p.empty() && ::access(p.c_str(), W_OK | X_OK) == 0;
}

std::optional<DirOwner> OthersDirOwner(const std::string& dir) {
  if (::geteuid() != 0) return std::nullopt;
  std::filesystem::path p = NearestExisting(dir);
  struct stat st {};
  if (p.empty() || ::stat(p.c_str(), &st) != 0 || st.st_uid == 0) return std::nullopt;
  return DirOwner{st.st_uid, st.st_gid};
}

bool RootInOthersDir(const std::string& dir) { return OthersDirOwner(dir).has_value(); }

}  // namespace nearmiss::base
