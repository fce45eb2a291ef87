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

bool UrlHasPassword(std::string_view url) {
  if (!url.starts_with("postgresql://") && !url.starts_with("postgres://")) return false;
  std::string_view rest = url.substr(url.find("://") + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?"));
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos &&
      authority.substr(0, at).find(':') != std::string_view::npos) {
    return true;
  }
  size_t query = rest.find('?');
  if (query == std::string_view::npos) return false;
  std::string_view params = rest.substr(query + 1);
  while (!params.empty()) {
    std::string_view param = params.substr(0, params.find('&'));
    if (param.starts_with("password=")) return true;
    params.remove_prefix(std::min(params.size(), param.size() + 1));
  }
  return false;
}

std::string UrlWithoutPassword(std::string_view url) {
  if (!UrlHasPassword(url)) return std::string(url);
  std::string out(url);
  size_t start = out.find("://") + 3;
  size_t end = out.find_first_of("/?", start);
  size_t at = out.rfind('@', end == std::string::npos ? std::string::npos : end);
  if (at != std::string::npos && at > start) {
    size_t colon = out.find(':', start);
    if (colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  size_t p = out.find("password=", start);
  if (p != std::string::npos && (out[p - 1] == '?' || out[p - 1] == '&')) {
    size_t stop = out.find('&', p);
    out.replace(p + 9, (stop == std::string::npos ? out.size() : stop) - p - 9, "***");
  }
  return out;
}

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
    if (UrlHasPassword(url)) {
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
