#include "daemon/single_server.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <optional>

#include "base/log.h"
#include "daemon/privileges.h"
#include "daemon/refresher.h"
#include "daemon/reloader.h"
#include "daemon/service_manager.h"
#include "daemon/signals.h"

namespace nearmiss::daemon {
namespace {

int Fail(const std::string& message) {
  log::Error(message);
  return 2;
}

// "drained: journal: 12 written, 0 spooled, 0 flushed from the spool,
// 0 dropped, 0 left in the spool".
std::string DrainedLine(const journal::StoreWriter* journal) {
  if (journal == nullptr) return "drained: no journal (no store)";
  journal::JournalStats s = journal->stats();
  return "drained: journal: " + std::to_string(s.written) + " written, " +
         std::to_string(s.spooled) + " spooled, " + std::to_string(s.flushed) +
         " flushed from the spool, " + std::to_string(s.dropped) + " dropped, " +
         std::to_string(s.depth) + " left in the " + (s.durable ? "spool file" : "memory spool");
}

}  // namespace

std::string EmptyHistoryWarning(std::string_view store_url, const EngineStats& stats,
                                std::string_view no_store_why) {
  if (!stats.HistoryEmpty()) return {};
  std::string where = store_url.empty() ? std::string("no store")
                                        : "the store has learned nothing yet";
  if (store_url.empty() && !no_store_why.empty()) where.append(": ").append(no_store_why);
  return "history: empty (" + where +
         "): address-typo, new-domain and trust learning have nothing to compare against "
         "until `nearmiss learn` fills the store";
}

std::string_view StepName(Step step) {
  switch (step) {
    case Step::kOpenStore: return "open store";
    case Step::kCompileEngine: return "compile engine";
    case Step::kOpenJournal: return "open journal";
    case Step::kStartRefresher: return "start refresher";
    case Step::kBind: return "bind";
    case Step::kDropPrivileges: return "drop privileges";
    case Step::kInstallSignals: return "install signals";
    case Step::kRun: return "run";
    case Step::kDrain: return "drain";
  }
  return "?";
}

int RunSingleServer(const SingleServerOptions& options, const ServiceFactory& make_service) {
  auto step = [&options](Step s) {
    if (options.on_step) options.on_step(s);
  };
  SignalMask mask;  // step 0: before the first thread

  std::optional<RunAs> run_as;
  if (!options.user.empty()) {
    Result<RunAs> who = LookUpUser(options.user);
    if (!who.ok()) return Fail(who.error().message());
    run_as = *who;
  }

  // On an early return, destruction in reverse order of declaration undoes
  // the steps as the drain does: the service (it writes to the journal),
  // then the refresher, then the journal (its destructor flushes), the
  // engine and the store.
  Resources r;
  step(Step::kOpenStore);
  if (!options.store_url.empty()) {
    FilesAs files_as(run_as ? &*run_as : nullptr);
    if (!files_as.status().ok()) return Fail(files_as.status().message());
    // The store must be one nearmiss made on purpose (learn, or the
    // package's `learn --prune`): opened for writing, SQLite would create
    // a mistyped path on the spot, and the daemon would judge every slip
    // with no history, as `check` refuses to (issue 14, round 34, item 3).
    // An empty PostgreSQL database (createdb, a wrong dbname, a restore
    // that failed) is refused the same way: only learn makes the schema,
    // so a node never starts on a history no one learned (issue 14, round
    // 41, item 2). ":memory:" is a test's private store, made here.
    const bool memory = options.store_url.find(":memory:") != std::string::npos;
    Result<std::unique_ptr<Store>> store =
        memory ? Store::Open(options.store_url, options.store_password)
               : Store::OpenExisting(options.store_url, options.store_password);
    if (!store.ok()) {
      std::string said = "store ";
      said += StoreDisplayName(options.store_url);
      said += ": ";
      said += WithoutStoreSecrets(store.error().message(), options.store_url);
      if (!memory) {
        said += "; refusing to judge with no history (make it on purpose: nearmiss learn "
                "--store URL --prune, or learn a mail log into it)";
      }
      return Fail(said);
    }
    r.store = std::move(*store);
  } else if (!options.late_store_path.empty()) {
    r.late_store = std::make_shared<LateStore>(options.late_store_url, options.late_store_path,
                                               [](const std::string& m) { log::Info(m); });
    log::Info("the default store " + options.late_store_path +
              " does not exist yet: looked for at each SIGHUP and every " +
              std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                 options.late_store_check).count()) +
              " s, and opened for the history once nearmiss learn makes it");
  }

  step(Step::kCompileEngine);
  Result<std::unique_ptr<EngineHolder>> engines = EngineHolder::Open(
      options.policy_file,
      r.store ? HistoryFrom(r.store) : r.late_store ? LateHistory(r.late_store) : nullptr,
      options.prepare);
  if (!engines.ok()) return Fail(engines.error().message());
  r.engines = std::move(*engines);
  // Said once, at start; a reload that meets the same directory is silent.
  std::string cache = content::DatabaseCacheWarning(r.engines->Get()->scanner().DatabaseCache());
  if (!cache.empty()) log::Warn(cache);
  // Said once, at start: a daemon judging with no history passes every
  // slip of a correspondent's address and trusts no learned domain, which
  // no other line shows (issue 14, round 33, item 7). serve's /metrics
  // counts what the history holds (nearmiss_history_*).
  if (std::string empty = EmptyHistoryWarning(options.store_url, r.engines->Get()->stats());
      !empty.empty()) {
    log::Warn(empty);
  }

  step(Step::kOpenJournal);
  if (r.store) {
    FilesAs files_as(run_as ? &*run_as : nullptr);
    if (!files_as.status().ok()) return Fail(files_as.status().message());
    auto report = [tell = options.on_journal_report](std::string_view line,
                                                     const journal::JournalStats& s) {
      log::Info("journal: " + std::string(line));
      if (tell) tell(line, s);
    };
    r.journal = journal::OpenJournal(r.store, options.store_url, options.spool, options.name,
                                     report, /*say_fallback=*/true, options.journal);
  }

  step(Step::kStartRefresher);
  std::unique_ptr<Refresher> refresher;
  if (r.store) {
    refresher = std::make_unique<Refresher>(r.engines, r.store,
                                            [](const std::string& m) { log::Info(m); });
    refresher->Start();
  }
  std::unique_ptr<StoreWatcher> watcher;
  if (r.late_store) {
    watcher = std::make_unique<StoreWatcher>(r.late_store, r.engines,
                                             [](const std::string& m) { log::Info(m); },
                                             options.late_store_check);
    watcher->Start();
  }

  Result<std::unique_ptr<Service>> made = make_service(r);
  if (!made.ok()) return Fail(made.error().message());
  std::unique_ptr<Service> service = std::move(*made);

  step(Step::kBind);
  if (Status s = service->Bind(run_as ? &*run_as : nullptr); !s.ok()) return Fail(s.message());

  step(Step::kDropPrivileges);
  if (run_as) {
    if (Status s = DropPrivileges(*run_as); !s.ok()) return Fail(s.message());
  } else if (::geteuid() == 0) {
    log::Warn("running as root; --user USER drops privileges after binding");
  }

  step(Step::kInstallSignals);
  // Reloads run on their own thread, coalesced (reloader.h): the signal
  // thread never waits for a compile, so a SIGTERM is taken at once.
  Reloader reloader([&service](uint64_t requests) {
    std::string merged =
        requests > 1 ? " (" + std::to_string(requests) + " SIGHUPs answered by one reload)" : "";
    NotifyReloading();
    if (Status s = service->Reload(); s.ok()) {
      log::Info("policy reloaded" + merged);
      NotifyReady("policy reloaded" + merged);
    } else {
      log::Warn("reload refused, old policy kept" + merged + ": " + s.message());
      NotifyReady("reload refused, old policy kept: " + s.message());
    }
  });
  std::optional<SignalThread> signals;
  signals.emplace(mask, [&reloader] { reloader.Request(); }, [&service] { service->Stop(); });

  step(Step::kRun);
  std::string listening =
      "listening on " + service->Where() + " (policy: " + r.engines->Get()->policy().source + ")";
  log::Info(listening);
  // Bound in step 5: from here the kernel queues connections until Run
  // accepts them, so systemd may start what comes after the unit.
  NotifyReady(listening);
  service->Run();

  step(Step::kDrain);
  signals->Finished();
  signals.reset();
  // A pending reload is dropped; a running one gets a second to finish. A
  // niced compile on a loaded machine can take far longer, and a SIGTERM
  // must not wait for a policy that would never serve (the reload storm of
  // tests/milter/reliability.py).
  bool reload_finished = reloader.StopWithin(std::chrono::seconds(1));
  // After the reloader: a reload's READY=1 must not follow STOPPING=1.
  NotifyStopping();
  // The abandoned reload still uses the service: it is left to _exit.
  if (reload_finished) service.reset();
  if (refresher) refresher->Stop();
  if (watcher) watcher->Stop();
  if (r.journal) {
    r.journal->Flush();
    if (r.journal->stats().depth > 0) r.journal->Drain(options.drain_timeout);
  }
  log::Info(DrainedLine(r.journal.get()));
  if (!reload_finished) {
    // Nothing is lost: Run answered every message, the journal is in the
    // store or the spool; only the new policy's compile is cut short.
    log::Info("stopped (a reload still compiling was abandoned)");
    std::fflush(nullptr);
    ::_exit(0);
  }
  log::Info("stopped");
  return 0;
}

}  // namespace nearmiss::daemon
