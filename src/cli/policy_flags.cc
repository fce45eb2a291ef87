// --policy, --protect-file, --store and --store-password-file, as every
// command registers them; --policy and --store also come from the
// configuration file (config_file.h).
#include "cli/commands.h"
#include "cli/config_flags.h"

namespace nearmiss::cli {

std::string StoreFormsHelp() {
  return "a SQLite path or sqlite:PATH, or postgresql://USER@HOST:PORT/DB or libpq's "
         "'host=H dbname=DB ...' (the password from --store-password-file, never here)";
}

std::string DefaultStoreRuleHelp() {
  return "$NEARMISS_STATE_DIR/nearmiss.db when set, else /var/lib/nearmiss/nearmiss.db when "
         "this user may write there, else $XDG_DATA_HOME/nearmiss/nearmiss.db "
         "($XDG_DATA_HOME defaulting to ~/.local/share)";
}

void PolicyFlags::Register(CLI::App& cmd, bool with_protect_file, bool with_store) {
  CLI::Option* policy =
      cmd.add_option("--policy", policy_file, "Policy file (TOML); the embedded default when omitted")
          ->check(CLI::ExistingFile);
  BindConfig("policy", cmd, policy, &policy_file);
  if (with_protect_file) {
    cmd.add_option("--protect-file", protect_file,
                   "Protected domains, one per line (# comments, .suffix for a namespace); "
                   "replaces the embedded protected list")
        ->check(CLI::ExistingFile);
  }
  if (with_store) {
    CLI::Option* store = cmd.add_option(
        "--store", store_url,
        "Store with the learned history (nearmiss learn) and the audit log: " +
            StoreFormsHelp() + ", or none; default: the store `nearmiss learn` writes, when it "
            "exists: " + DefaultStoreRuleHelp());
    BindConfig("store", cmd, store, &store_url);
    store_password.Register(cmd, store);
  }
}

}  // namespace nearmiss::cli
