// Where the store lives when no --store and no configuration names one: the
// one default every command (learn, check, scan, audit, milter, serve)
// resolves the same way, so `learn` then `check` meet without flags.
//
//   1. $NEARMISS_STATE_DIR/nearmiss.db when that is set (the systemd units
//      set it to /var/lib/nearmiss);
//   2. /var/lib/nearmiss/nearmiss.db when this user may write there (the
//      directory, or the nearest existing parent when it is not made yet);
//   3. else the user's data directory (XDG Base Directory Specification):
//      $XDG_DATA_HOME/nearmiss/nearmiss.db, $XDG_DATA_HOME defaulting to
//      $HOME/.local/share.
//
// Thread safety: plain functions; FromProcess reads the environment.
#ifndef NEARMISS_STORE_DEFAULT_LOCATION_H_
#define NEARMISS_STORE_DEFAULT_LOCATION_H_

#include <functional>
#include <string>

namespace nearmiss::store {

// What the choice depends on, injected so tests need no root or HOME.
struct StoreEnvironment {
  std::string state_dir;                       // $NEARMISS_STATE_DIR; "" unset
  std::string system_dir = "/var/lib/nearmiss";
  std::string xdg_data_home;                   // $XDG_DATA_HOME; "" unset
  std::string home;                            // $HOME; "" unset
  // Whether this process may create files in `dir` (or, when `dir` does
  // not exist, in its nearest existing parent).
  std::function<bool(const std::string& dir)> writable;

  static StoreEnvironment FromProcess();
};

struct DefaultLocation {
  std::string path;  // "/var/lib/nearmiss/nearmiss.db"
  std::string why;   // "$NEARMISS_STATE_DIR", "the system state directory", ...
};

DefaultLocation FindDefaultStore(const StoreEnvironment& env);

}  // namespace nearmiss::store

#endif  // NEARMISS_STORE_DEFAULT_LOCATION_H_
