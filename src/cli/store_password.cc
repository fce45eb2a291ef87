// The PostgreSQL store's password, kept out of argv: `ps` shows every
// process's arguments to every user, while a file's mode and a process's
// environment (/proc/PID/environ, mode 0400) are the owner's alone.
//
// In order: --store-password-file (or store_password_file in the
// configuration), $NEARMISS_STORE_PASSWORD, then libpq's own ways, which
// need nothing from us: the URL's passfile= parameter, $PGPASSFILE,
// ~/.pgpass, $PGPASSWORD (https://www.postgresql.org/docs/current/libpq-pgpass.html).
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "base/log.h"
#include "cli/commands.h"
#include "cli/config_flags.h"

namespace nearmiss::cli {

void StorePasswordFlags::Register(CLI::App& cmd, CLI::Option* store_option) {
  CLI::Option* file_option = cmd.add_option(
      "--store-password-file", file,
      "File holding the PostgreSQL store's password (its first line); "
      "$NEARMISS_STORE_PASSWORD and libpq's passfile= / PGPASSFILE also work. "
      "Never put the password in --store: ps shows it to every user");
  BindConfig("store_password_file", cmd, file_option, &file);
  // Runs only for a value given on the command line: one from the
  // configuration file is not in argv.
  store_option->each([](const std::string& url) {
    if (StoreUrlHasPassword(url)) {
      log::Warn("--store carries a password, which ps shows to every user of this machine; "
                "use --store-password-file, $NEARMISS_STORE_PASSWORD or libpq's passfile= "
                "(docs/deployment.md)");
    }
  });
}

Result<PasswordSource> StorePasswordFlags::Resolve() const {
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      return Status::IoError(file + ": cannot read the store password file: " +
                             std::strerror(errno));
    }
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) return Status::InvalidArgument(file + ": the store password file is empty");
    return PasswordSource{line, "file " + file};
  }
  const char* env = std::getenv("NEARMISS_STORE_PASSWORD");
  if (env != nullptr && *env != '\0') return PasswordSource{env, "env NEARMISS_STORE_PASSWORD"};
  return PasswordSource{"", "libpq's own (the URL, passfile=, PGPASSFILE, ~/.pgpass, PGPASSWORD)"};
}

}  // namespace nearmiss::cli
