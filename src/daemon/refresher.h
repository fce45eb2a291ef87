// Refresher: keeps a daemon's engine and audit log in step with its store.
// Every history.refresh_seconds of the running policy it recompiles the
// engine with a fresh history snapshot (EngineHolder::Refresh), so what
// `nearmiss learn` adds reaches the milter and `serve` without a SIGHUP, and
// deletes audit records older than history.audit_retention_days.
//
// A pass that fails (the store unreachable, a snapshot that does not
// compile) is logged and retried next period; the running engine stays.
//
// Ownership: shares the EngineHolder and the Store with the daemon. Thread
// safety: RunOnce may be called from any thread; Start and Stop from the
// owner. The destructor stops the thread.
#ifndef NEARMISS_DAEMON_REFRESHER_H_
#define NEARMISS_DAEMON_REFRESHER_H_

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "nearmiss/engine_holder.h"
#include "nearmiss/store.h"

namespace nearmiss::daemon {

// The EngineHolder's history source over `store`: a snapshot with the
// known addresses when the policy flags new ones.
EngineHolder::HistorySource HistoryFrom(std::shared_ptr<Store> store);

// Deletes audit records older than the policy's retention, counted back
// from `now_ms`; 0 (and nothing deleted) when retention is 0 (forever).
Result<int64_t> PruneAudit(Store& store, const HistoryPolicy& policy,
                           int64_t now_ms);

class Refresher {
 public:
  using Log = std::function<void(const std::string&)>;
  Refresher(std::shared_ptr<EngineHolder> engines, std::shared_ptr<Store> store,
            Log log);
  ~Refresher();
  Refresher(const Refresher&) = delete;
  Refresher& operator=(const Refresher&) = delete;

  // One pass as of `now_ms` (unix milliseconds): refresh, then prune. False
  // when either step failed (and was logged).
  bool RunOnce(int64_t now_ms);

  // Runs a pass every refresh_seconds of the policy running at the time,
  // the first one period after Start (the engine was just compiled).
  void Start();
  void Stop();

 private:
  void Loop();

  std::shared_ptr<EngineHolder> engines_;
  std::shared_ptr<Store> store_;
  Log log_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace nearmiss::daemon

#endif  // NEARMISS_DAEMON_REFRESHER_H_
