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

#include "journal/store_writer.h"
#include "nearmiss/engine.h"
#include "nearmiss/engine_holder.h"
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

// The policy every command uses: --policy FILE or the embedded default, with
// --protect-file replacing the embedded protected list when given, and
// --store URL adding the learned history (and, for scan and the daemons,
// taking the audit log).
struct PolicyFlags {
  std::string policy_file;
  std::string protect_file;
  std::string store_url;  // "" : no history, no audit log
  void Register(CLI::App& cmd, bool with_protect_file, bool with_store = true);
};

// Opens --store; null when none was given. On error prints "nearmiss: ..."
// and returns an error.
Result<std::shared_ptr<Store>> OpenStore(const PolicyFlags& flags);

// Loads and compiles, with the history of `store` when not null; on error
// prints "nearmiss: ..." to stderr and returns null (the caller exits with
// kExitError).
std::shared_ptr<const Engine> LoadEngine(const PolicyFlags& flags, Store* store);
// The same, opening --store for the history when given.
std::shared_ptr<const Engine> LoadEngine(const PolicyFlags& flags);

// What the daemons (milter, serve) run on: --store (null when not given),
// opened before privileges are dropped, like the sockets; and the engine
// holder, compiling the policy with the store's history so that reloads and
// periodic refreshes keep it. Errors are returned, not printed.
// --log-format text|json and --syslog, for the daemons (base/log.h).
struct LogFlags {
  std::string format = "text";
  bool syslog = false;
  void Register(CLI::App& cmd);
  // Points the logging ladder at stderr (text or JSON) or syslog.
  void Apply(const std::string& program) const;
};

struct DaemonEngines {
  std::shared_ptr<Store> store;
  std::shared_ptr<EngineHolder> engines;
};
Result<DaemonEngines> OpenDaemonEngines(const PolicyFlags& flags,
                                        EngineHolder::Prepare prepare = nullptr);

// --spool and --spool-max-mb, for the commands that write decision records
// to --store (milter, serve, scan): where records wait while the store
// cannot be written (journal/spool.h).
struct SpoolFlags {
  // "": $NEARMISS_STATE_DIR/spool when that is set, else beside a SQLite
  // store (DIR_OF_DB/spool), else /var/lib/nearmiss/spool.
  // "memory": no file (records spooled then are lost if nearmiss stops).
  std::string dir;
  uint64_t max_mb = 256;
  void Register(CLI::App& cmd);
};

// The one decision-record writer over `store` (opened from `store_url`)
// for the process `name` ("milter", "serve", "scan"): its spool is
// NAME.spool in the spool directory, replayed now; when that cannot be
// opened (not writable, held by another process) a memory spool, which
// `report` is told when `say_fallback` (a daemon; a scan says so only if it
// ends with records out of the store). `options` tune the writer.
std::unique_ptr<journal::StoreWriter> OpenJournal(std::shared_ptr<Store> store,
                                                  std::string_view store_url,
                                                  const SpoolFlags& flags, std::string_view name,
                                                  journal::StoreWriter::Report report,
                                                  bool say_fallback = true,
                                                  journal::WriterOptions options = {});

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_COMMANDS_H_
