// Whether a store URL names a SQLite file that is not there. A read-only
// command (check, scan, policy explain) given one would judge with no
// history at all, since SQLite creates the file: a mistyped `--store` or
// `store =` would pass every slip the real store catches (issue 14
// breaker, item 7). Kept out of commands.h, which every subcommand includes.
#ifndef NEARMISS_CLI_STORE_MISSING_H_
#define NEARMISS_CLI_STORE_MISSING_H_

#include <string>

namespace nearmiss::cli {

// The file of `url` ("PATH", "sqlite:PATH" or "sqlite://PATH") when it does
// not exist; "" when it does, or `url` is PostgreSQL's, ":memory:" or "".
std::string MissingSqliteStore(const std::string& url);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_STORE_MISSING_H_
