// The configuration file, /etc/nearmiss/nearmiss.toml: the settings every
// command shares (the policy, the store, listen addresses, the admin token
// file, the daemons' user, spool and log format), so a daemon's unit file
// need not spell them out. A flag on the command line overrides the file.
//
//   policy = "/etc/nearmiss/policy.toml"
//   store = "postgresql://nearmiss@db.example.org/nearmiss"
//   store_password_file = "/etc/nearmiss/store-password"
//   user = "nearmiss"
//   spool = "/var/lib/nearmiss/spool"
//   log_format = "json"               # text | json
//   [milter]
//   listen = ["unix:/var/spool/postfix/nearmiss/milter.sock"]  # or one string
//   max_connections = 1000         # positive integers (milter/server.h)
//   idle_timeout = 310             # seconds
//   max_buffered_bytes = 536870912
//   [serve]
//   listen = "127.0.0.1:8025"
//   token_file = "/etc/nearmiss/tokens"
//
// Which file: --config FILE, else $NEARMISS_CONFIG, else the default path.
// A named file (flag or environment) must exist; the default may be absent
// (then every setting is a flag or a built-in default). A file that cannot
// be read, is not TOML, or has a key not listed above, a value of the wrong
// type or an unknown log format is an error naming FILE:LINE: a misspelled
// key silently ignored would leave a daemon on its built-in default.
//
// Relative paths in the file are taken as written (relative to the
// daemon's working directory); the documentation asks for absolute ones.
#ifndef NEARMISS_CLI_CONFIG_FILE_H_
#define NEARMISS_CLI_CONFIG_FILE_H_

#include <map>
#include <string>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss::cli {

inline constexpr char kDefaultConfigPath[] = "/etc/nearmiss/nearmiss.toml";

// Where the configuration comes from, before it is read.
struct ConfigLocation {
  std::string path;    // "" when there is none
  std::string origin;  // "flag --config", "env NEARMISS_CONFIG", "built-in default"
  bool required = false;  // named by the flag or the environment
};

// `flag` is --config's value ("" when not given); `env` NEARMISS_CONFIG's
// (null when unset).
ConfigLocation LocateConfig(const std::string& flag, const char* env);

// One setting read from the file.
struct ConfigEntry {
  std::vector<std::string> values;  // one, except for milter.listen
  int line = 0;                     // 1-based line of the key
};

struct ConfigFile {
  std::string path;  // "" when no file was read
  // Dotted keys: "store", "milter.listen", "serve.token_file".
  std::map<std::string, ConfigEntry> entries;
};

// Reads the file at `where` (an absent default gives an empty ConfigFile).
// Errors: IoError (cannot read), InvalidArgument ("FILE:LINE:COL: ...").
Result<ConfigFile> LoadConfig(const ConfigLocation& where);

// Parses `text` as the file `name` (tests use it without a file).
Result<ConfigFile> ParseConfig(std::string_view text, const std::string& name);

// Every key the file may hold, in the order `config show` prints them.
const std::vector<std::string>& ConfigKeys();

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_CONFIG_FILE_H_
