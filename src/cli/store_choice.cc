// Which store a command uses: the one --store or the configuration file
// names, else the one default location (store/default_location.h) that
// `learn` creates and every other command reads when it exists.
#include <filesystem>

#include "cli/commands.h"
#include "nearmiss/store.h"
#include "store/default_location.h"

namespace nearmiss::cli {

StoreChoice ChooseStore(const std::string& given, bool create) {
  if (given == "none") return {"", "--store none", true};
  if (!given.empty()) {
    StoreChoice choice{given, "as configured", true};
    // A read-only command given a SQLite store that is not there judges with
    // no history at all: a mistyped path would pass every slip the real
    // store catches (issue 14 breaker, item 7). SQLite would create it.
    std::string_view path = given;
    if (path.starts_with("sqlite://")) {
      path.remove_prefix(9);
    } else if (path.starts_with("sqlite:")) {
      path.remove_prefix(7);
    }
    std::error_code ec;
    if (!create && !IsPostgresStoreUrl(given) && !path.empty() && path != ":memory:" &&
        !std::filesystem::exists(std::filesystem::path(path), ec)) {
      choice.missing = std::string(path);
    }
    return choice;
  }
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

}  // namespace nearmiss::cli
