// The process environment as the default-location rules read it (the
// store's and the marking cache's): a variable's value, and whether this
// user may create files in a directory that may not exist yet.
// Thread safety: reads the environment; call before threads change it.
#ifndef NEARMISS_BASE_ENV_DIRS_H_
#define NEARMISS_BASE_ENV_DIRS_H_

#include <string>

namespace nearmiss::base {

// $name, or "" when unset.
std::string GetEnv(const char* name);

// Whether this user may create files in `dir`, or in its nearest existing
// parent when `dir` does not exist yet (it would be created there).
bool MayCreateIn(const std::string& dir);

}  // namespace nearmiss::base

#endif  // NEARMISS_BASE_ENV_DIRS_H_
