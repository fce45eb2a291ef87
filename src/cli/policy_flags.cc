// --policy, --protect-file and --store, as every command registers them.
#include "cli/commands.h"

namespace nearmiss::cli {

void PolicyFlags::Register(CLI::App& cmd, bool with_protect_file,
                           bool with_store) {
  cmd.add_option("--policy", policy_file,
                 "Policy file (TOML); the embedded default when omitted")
      ->check(CLI::ExistingFile);
  if (with_protect_file) {
    cmd.add_option("--protect-file", protect_file,
                   "Protected domains, one per line (# comments, .suffix for a "
                   "namespace); "
                   "replaces the embedded protected list")
        ->check(CLI::ExistingFile);
  }
  if (with_store) {
    cmd.add_option("--store", store_url,
                   "Store with the learned history (nearmiss learn) and the "
                   "audit log: a SQLite "
                   "path or sqlite:PATH, or postgresql://USER@HOST:PORT/DB; "
                   "default none (no "
                   "history)");
  }
}

}  // namespace nearmiss::cli
