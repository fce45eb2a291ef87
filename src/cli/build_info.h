// What `nearmiss --version` reports: the version, the git commit it was
// built from, the build date, and the date and commit of the last change to
// each list compiled into the binary. Values are fixed at configure time by
// cmake/build_info.cmake; "unknown" where the source tree was not a git
// checkout. Immutable; safe from any thread.
#ifndef NEARMISS_CLI_BUILD_INFO_H_
#define NEARMISS_CLI_BUILD_INFO_H_

#include <string>
#include <vector>

namespace nearmiss::cli {

struct EmbeddedList {
  std::string path;    // in the source tree: "data/lists/protected.txt"
  std::string date;    // YYYY-MM-DD of its last commit, or "unknown"
  std::string commit;  // that commit, abbreviated, or "unknown"
};

struct BuildInfo {
  std::string version;      // "0.1.0", the project() version
  std::string commit;       // abbreviated hash of HEAD, or "unknown"
  std::string commit_date;  // YYYY-MM-DD, or "unknown"
  std::string build_date;   // YYYY-MM-DD UTC (SOURCE_DATE_EPOCH when set)
  std::vector<EmbeddedList> lists;
};

const BuildInfo& GetBuildInfo();

// The text of `nearmiss --version`, ending in a newline: the build facts,
// each embedded list, and the public suffix list libpsl serves.
std::string VersionText();

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_BUILD_INFO_H_
