// The subcommands of the `nearmiss` binary. Each Add* registers its options
// on `app` and sets `run` to the function main calls when it is chosen.
// Exit codes: 0 nothing flagged, 1 something flagged, 2 usage or
// configuration error.
#ifndef NEARMISS_CLI_COMMANDS_H_
#define NEARMISS_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "daemon/single_server.h"
#include "journal/open_journal.h"
#include "journal/store_writer.h"
#include "maillog/trace_log.h"
#include "nearmiss/engine.h"
#include "nearmiss/engine_holder.h"
#include "nearmiss/policy.h"
#include "nearmiss/store.h"

namespace nearmiss::cli {

constexpr int kExitClean = 0;
constexpr int kExitFlagged = 1;
constexpr int kExitError = 2;

using Run = std::function<int()>;

void AddCheckCommand(CLI::App& app, Run& run);
void AddPolicyCommand(CLI::App& app, Run& run);
void AddScanCommand(CLI::App& app, Run& run);
void AddMilterCommand(CLI::App& app, Run& run);
void AddServeCommand(CLI::App& app, Run& run);
void AddAuditCommand(CLI::App& app, Run& run);
void AddLearnCommand(CLI::App& app, Run& run);
void AddConfigCommand(CLI::App& app, Run& run);
void AddPermuteCommand(CLI::App& app, Run& run);

// The PostgreSQL store's password, from a file or the environment, never
// argv (store_password.cc).
struct PasswordSource {
  std::string password;  // "": leave it to libpq
  std::string origin;    // "file PATH", "env NEARMISS_STORE_PASSWORD", "libpq's own (...)"
};
struct StorePasswordFlags {
  std::string file;  // --store-password-file, or store_password_file in the configuration
  // Registers --store-password-file and warns when `store_option`'s value
  // on the command line carries a password.
  void Register(CLI::App& cmd, CLI::Option* store_option);
  // The file's first line, else $NEARMISS_STORE_PASSWORD, else "". Errors:
  // the file cannot be read or is empty.
  Result<PasswordSource> Resolve() const;
};

// The --store help of every command: the forms a store is named in and the
// rule for the default location (store/default_location.h), in one text so
// learn and the commands that read its store say the same.
std::string StoreFormsHelp();
std::string DefaultStoreRuleHelp();

// The policy every command uses: --policy FILE or the embedded default, with
// --protect-file replacing the embedded protected list when given, and
// --store URL adding the learned history (and, for scan and the daemons,
// taking the audit log).
struct PolicyFlags {
  std::string policy_file;
  std::string protect_file;
  std::string store_url;  // "" : no history, no audit log
  StorePasswordFlags store_password;
  // Protected besides the policy's (not a flag: `permute` adds the domains
  // it was given that no list names).
  std::vector<DomainItem> extra_protected;
  void Register(CLI::App& cmd, bool with_protect_file, bool with_store = true);
};

// Which store a command uses. `given` is --store or the configuration's
// `store` ("" when neither; "none" for no store): that one, and failing to
// open it is an error (fail closed: the command exits 2, a daemon does not
// start). Else the default location (store/default_location.h): `create`
// (learn) makes its directory; the other commands use it only when it
// exists, and otherwise run with no history. store_choice.cc.
struct StoreChoice {
  std::string url;     // "" : no store
  std::string origin;  // for messages: "as configured", "the default: ..."
  bool configured = false;
};
StoreChoice ChooseStore(const std::string& given, bool create);

// `learn --show`: organisation-wide figures, each recipient address, then
// sender -> recipient counts with first and last seen (relationships_show.cc);
// `sender` "" for every sender, `limit` rows per table (0: all); addresses
// counted by mailbox, an extension after one of `delimiters` (the policy's
// [history] recipient_delimiter) folded as the engine folds it.
int ShowRelationships(Store& store, const std::string& sender, size_t limit,
                      const std::string& delimiters);

// The composition of the one-shot commands (check, scan, audit, learn,
// policy), in open_engine.cc; the daemons' is the skeleton's
// (daemon/single_server.h).
//
// Opens the store ChooseStore picks; null when none. On error logs it and
// returns it. `no_history` (check, scan, policy explain: the commands that
// judge with history) given: when no store is used though none was refused
// with `--store none` (the default store does not exist: nothing learned
// yet, or another user's or a mistyped NEARMISS_STATE_DIR's), the
// warning is logged, as an empty store's is, and kept there; else "".
Result<std::shared_ptr<Store>> OpenStore(const PolicyFlags& flags,
                                         std::string* no_history = nullptr);

// Loads and compiles, with the history of `store` when not null; on error
// logs it ("nearmiss: error: ...") and returns null (the caller exits with
// kExitError).
std::shared_ptr<const Engine> LoadEngine(const PolicyFlags& flags, Store* store);
// The same, opening --store for the history when given.
std::shared_ptr<const Engine> LoadEngine(const PolicyFlags& flags);

// `audit --events [STORE]` (audit_events.cc): the administrative events
// and acknowledgements of an existing store (never created; `store_url` ""
// for the default store), as text or JSON lines. Acknowledgements are shown
// live or expired under `acknowledgement_days` (the policy's [confirm]), as
// the engine applies them.
// `since`/`until` (unix seconds, 0: open) keep the events in [since,
// until) and the acknowledgements made then; `csv`: one CSV row per event
// and acknowledgement (a `type` column first) instead of the text.
struct AuditEventsOptions {
  std::string store_url;
  bool json = false;
  bool csv = false;
  int acknowledgement_days = 0;
  int64_t since = 0;
  int64_t until = 0;
};
int RunAuditEvents(const AuditEventsOptions& options);
inline int RunAuditEvents(const std::string& store_url, bool json, int acknowledgement_days) {
  return RunAuditEvents({store_url, json, false, acknowledgement_days, 0, 0});
}

// --date-order dmy|mdy, for audit and learn: the order of day and month in
// a trace's slash dates, which the file does not say (maillog/trace_log.h).
void AddDateOrderOption(CLI::App& cmd, maillog::DateOrder* order);

// --log-format text|json and --syslog, for the daemons (base/log.h).
struct LogFlags {
  std::string format = "text";
  bool syslog = false;
  void Register(CLI::App& cmd);
  // Points the logging ladder at stderr (text or JSON) or syslog.
  void Apply(const std::string& program) const;
};

// --spool and --spool-max-mb, for the commands that write decision records
// to --store (milter, serve, scan): where records wait while the store
// cannot be written (journal/open_journal.h says where "" puts them).
struct SpoolFlags : journal::SpoolPlace {
  void Register(CLI::App& cmd);
};
// scan opens its writer as the daemons' skeleton does.
using journal::OpenJournal;

// What both daemons take beside --policy and --store: --user and --spool
// (daemon_flags.cc).
struct DaemonFlags {
  std::string user;  // "": run as whoever started the daemon
  SpoolFlags spool;
  void Register(CLI::App& cmd);
  // The skeleton's options for the daemon `name` ("milter", "serve") on
  // `policy`'s --policy and --store.
  // Errors: the store password file cannot be read.
  Result<daemon::SingleServerOptions> Options(std::string name, const PolicyFlags& policy) const;
};

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_COMMANDS_H_
