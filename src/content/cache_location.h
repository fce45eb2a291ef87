// Where the marking database cache lives when the policy does not say
// ([sensitivity] cache_dir), in this order:
//   1. $NEARMISS_CACHE_DIR ("none" turns the cache off);
//   2. $NEARMISS_STATE_DIR/cache (the state directory the store uses);
//   3. /var/lib/nearmiss/cache when /var/lib/nearmiss exists (the package
//      or an administrator made it; the cache never creates it, so a root
//      run before the package is installed leaves nothing root-owned
//      there) and this user may write there (the packaged daemons, next
//      to the store);
//   Root skips 2 and 3 when the directory belongs to another user (the
//   packaged /var/lib/nearmiss is the `nearmiss` user's): root would leave
//   root-owned files among the daemon's, and root never loads a database
//   file the daemon account could have written (database_cache.h), so a
//   cache there would be compiled again at every root start anyway.
//   4. the user's cache directory (XDG Base Directory Specification):
//      $XDG_CACHE_HOME/nearmiss, $XDG_CACHE_HOME defaulting to ~/.cache;
//      a relative $XDG_CACHE_HOME is invalid and ignored, as the spec says.
//   5. none: no $HOME either, so the database is compiled every time.
// The environment is passed in, so tests need not change the process's.
#ifndef NEARMISS_CONTENT_CACHE_LOCATION_H_
#define NEARMISS_CONTENT_CACHE_LOCATION_H_

#include <functional>
#include <string>

namespace nearmiss::content {

struct CacheEnvironment {
  std::string cache_dir;       // $NEARMISS_CACHE_DIR; "" unset
  std::string state_dir;       // $NEARMISS_STATE_DIR; "" unset
  std::string system_dir = "/var/lib/nearmiss";
  std::string xdg_cache_home;  // $XDG_CACHE_HOME; "" unset
  std::string home;            // $HOME; "" unset
  // Whether this user may create files in `dir` (or in its nearest
  // existing parent, when it does not exist yet).
  std::function<bool(const std::string& dir)> writable;
  // Whether this process is root and `dir` (or its nearest existing
  // parent) belongs to another user; unset means no.
  std::function<bool(const std::string& dir)> others_dir;
  // Whether `dir` exists as a directory; unset means no.
  std::function<bool(const std::string& dir)> system_dir_exists;

  static CacheEnvironment FromProcess();
};

// The directory; "" when the cache is off.
std::string DefaultDatabaseCacheDir(const CacheEnvironment& env);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_CACHE_LOCATION_H_
