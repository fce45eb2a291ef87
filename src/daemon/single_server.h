// RunSingleServer: the skeleton every nearmiss daemon runs (`milter`,
// `serve`), after Postfix's single_server(3) (src/master/single_server.c):
// what needs the privileges the daemon was started with is done first, then
// they are dropped for good, then it serves. The command provides only its
// listener and loop (Service); the order is fixed here:
//
//   0. block SIGHUP, SIGTERM, SIGINT; ignore SIGPIPE   (signals.h)
//   1. open the store          `store_url`; none: no history, no audit log
//   2. compile the engine      the policy, with the store's history
//   3. open the journal        the decision-record writer and its spool
//                              (journal/open_journal.h); with a store only
//   4. start the refresher     history refresh, audit retention
//                              (refresher.h); with a store only
//   5. bind                    Service::Bind, still privileged (a port below
//                              1024, a socket under /run or in Postfix's
//                              chroot, owned by `user`)
//   6. drop privileges         to `user`: initgroups, setgid, setuid (groups
//                              first: after setuid no right is left to
//                              change them), then checked
//   7. install signals         a thread takes them: SIGHUP Service::Reload
//                              (on the Reloader's thread, coalesced:
//                              reloader.h),
//                              SIGTERM/SIGINT Service::Stop
//   8. run                     "listening on WHERE (policy: SOURCE)" is
//                              logged, then Service::Run until stopped
//   9. drain                   the service is closed, the refresher stopped,
//                              the journal flushed to the store (what it
//                              will not take stays in the spool), and
//                              "drained: ..." logged
//
// Steps 1 to 4 run as whoever started the daemon, like Postfix's pre_init:
// the store, the spool file and the policy are opened before the drop. The
// store and the spool are opened with `user`'s effective ids (FilesAs in
// privileges.h), so the files they create are the user's, who writes them
// after step 6. A
// daemon started as root without `user` keeps running as root (the
// milter's behaviour since its first release) and says so with a warning.
//
// Errors: a step that fails is logged through base/log.h and ends the run
// with exit status 2 after the steps already done are undone; a clean stop
// is 0. `user` is looked up before step 1, so a wrong name fails at once.
//
// Thread safety: call once, from the main thread, before any other thread
// is started (step 0 must reach every thread).
#ifndef NEARMISS_DAEMON_SINGLE_SERVER_H_
#define NEARMISS_DAEMON_SINGLE_SERVER_H_

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "daemon/late_store.h"
#include "journal/open_journal.h"
#include "journal/store_writer.h"
#include "nearmiss/engine_holder.h"
#include "nearmiss/status.h"
#include "nearmiss/store.h"

namespace nearmiss::daemon {

// The account the daemon runs as after step 6 (getpwnam of `user`).
struct RunAs {
  std::string name;
  uid_t uid = 0;
  gid_t gid = 0;
};

// What steps 1 to 4 opened, for the command to build its service on. The
// skeleton keeps them until the drain is over.
struct Resources {
  std::shared_ptr<Store> store;                   // null without a store
  // The default store missing at start (SingleServerOptions::late_store_url),
  // opened when it appears; null otherwise (late_store.h).
  std::shared_ptr<LateStore> late_store;
  std::shared_ptr<EngineHolder> engines;          // never null
  std::shared_ptr<journal::StoreWriter> journal;  // null without a store
};

// The warning a daemon logs at start when the engine's history is empty
// (EngineStats::HistoryEmpty): with no store (`store_url` ""), or a store
// nothing was learned into; "" when the history holds something.
// `no_store_why` says why there is no store ("the default PATH does not
// exist (nearmiss learn makes it)"), shown after "no store: ".
std::string EmptyHistoryWarning(std::string_view store_url, const EngineStats& stats,
                                std::string_view no_store_why = {});

// A daemon's listener and loop, provided by its command.
class Service {
 public:
  virtual ~Service() = default;
  // Step 5: opens every listener. `run_as` is the account of step 6 (null:
  // none), for sockets that must be its own.
  virtual Status Bind(const RunAs* run_as) = 0;
  // Where it listens, for the "listening on" line: "inet:127.0.0.1:8890".
  virtual std::string Where() const = 0;
  // Step 8: serves until Stop, lets what is in flight finish, returns.
  virtual void Run() = 0;
  // From the signal thread, possibly before Run and more than once.
  virtual void Stop() = 0;
  // SIGHUP, on the signal thread while Run serves: recompiles the policy
  // (and whatever else the service reads from files); an error keeps the
  // running state.
  virtual Status Reload() = 0;
};

enum class Step {
  kOpenStore,
  kCompileEngine,
  kOpenJournal,
  kStartRefresher,
  kBind,
  kDropPrivileges,
  kInstallSignals,
  kRun,
  kDrain,
};
std::string_view StepName(Step step);  // "open store", "bind", ...

struct SingleServerOptions {
  std::string name;         // "milter", "serve": the spool is NAME.spool
  std::string policy_file;  // "": the embedded default policy
  // Runs on every policy before it is compiled (EngineHolder::Prepare).
  EngineHolder::Prepare prepare;
  std::string store_url;  // "": no store, so no journal and no refresher
  // With store_url "": the default store that did not exist at start, and
  // its file; the daemon opens it for the history when it appears (at a
  // SIGHUP, or every late_store_check). "" for none (--store none).
  std::string late_store_url;
  std::string late_store_path;
  std::chrono::milliseconds late_store_check = kLateStoreCheck;
  std::string store_password;  // "": libpq's own (URL, passfile, PGPASSWORD)
  journal::SpoolPlace spool;
  journal::WriterOptions journal;
  // Each journal report is logged as "journal: LINE"; this is told too.
  journal::StoreWriter::Report on_journal_report;
  std::string user;  // step 6; "": stay who we are
  // How long step 9 retries the store for records still in the spool.
  std::chrono::milliseconds drain_timeout{5000};
  // Called as each step begins (tests; a supervisor's readiness at kRun).
  std::function<void(Step)> on_step;
};

using ServiceFactory = std::function<Result<std::unique_ptr<Service>>(const Resources&)>;

// Runs steps 0 to 9; `make_service` is called between steps 4 and 5.
// Returns the exit status: 0 after a stop, 2 when a step failed.
int RunSingleServer(const SingleServerOptions& options, const ServiceFactory& make_service);

}  // namespace nearmiss::daemon

#endif  // NEARMISS_DAEMON_SINGLE_SERVER_H_
