// Which store a command uses: the one --store or the configuration file
// names, else the one default location (store/default_location.h) that
// `learn` creates and every other command reads when it exists.
#include <filesystem>

#include "cli/commands.h"
#include "cli/store_missing.h"
#include "nearmiss/store.h"
#include "store/default_location.h"

namespace nearmiss::cli {

StoreChoice ChooseStore(const std::string& given, bool create) {
  if (given == "none") return {"", "--store none", true};
  if (!given.empty()) return {given, "as configured", true};
  store::DefaultLocation d = store::FindDefaultStore(store::StoreEnvironment::FromProcess());
  std::string origin = "the default: " + d.why;
  std::error_code ec;
  if (create) {
    // SQLite makes the file, not its directory.
    std::filesystem::create_directories(std::filesystem::path(d.path).parent_path(), ec);
    return {"sqlite://" + d.path, origin, false};
  }
  // Nothing learned yet: no history, and nothing to fail on.
  if (!std::filesystem::exists(d.path, ec)) {
    return {"", "none: the default " + d.path + " does not exist (nearmiss learn makes it)",
            false};
  }
  return {"sqlite://" + d.path, origin, false};
}

std::string MissingSqliteStore(const std::string& url) {
  if (url.empty() || IsPostgresStoreUrl(url)) return {};
  // As Store::Open reads it: "sqlite:///abs/path", "sqlite:PATH", and a
  // SQLite "file:" URI in either (SqliteStoreFile).
  const std::string path = SqliteStoreFile(url);
  std::error_code ec;
  if (path.empty() || path == ":memory:" || std::filesystem::exists(std::filesystem::path(path), ec)) {
    return {};
  }
  return path;
}

}  // namespace nearmiss::cli
