// The process environment as the default-location rules read it (the
// store's and the marking cache's): a variable's value, and whether this
// user may create files in a directory that may not exist yet.
// Thread safety: reads the environment; call before threads change it.
#ifndef NEARMISS_BASE_ENV_DIRS_H_
#define NEARMISS_BASE_ENV_DIRS_H_

#include <optional>
#include <string>

namespace nearmiss::base {

// $name, or "" when unset.
std::string GetEnv(const char* name);

// Whether this user may create files in `dir`, or in its nearest existing
// parent when `dir` does not exist yet (it would be created there).
bool MayCreateIn(const std::string& dir);

// Whether this process runs as root and `dir` (or its nearest existing
// parent) belongs to another user: a daemon's directory that root should
// leave alone, so as not to leave root-owned files among the daemon's.
bool RootInOthersDir(const std::string& dir);

// The owner (uid, gid) of `dir`'s nearest existing ancestor-or-self when
// this process is root and that owner is another user; nullopt otherwise.
// For what root must create in a daemon's directory (its own spool file
// beside the daemon's): created with that owner, it leaves nothing
// root-owned among the daemon's files.
struct DirOwner {
  unsigned uid = 0;
  unsigned gid = 0;
};
std::optional<DirOwner> OthersDirOwner(const std::string& dir);

}  // namespace nearmiss::base

#endif  // NEARMISS_BASE_ENV_DIRS_H_
