// LateStore: the default store a daemon (milter, serve) found missing at
// start, opened when `nearmiss learn` makes it.
//
// With no --store and no `store =`, a daemon reads the one default store
// (store/default_location.h) when it exists. Started before the first
// `learn` (the ordinary install order: start the daemon, then import the
// Sent folders), it judged with no history until restarted, SIGHUP or not
// (issue-14 tester, round 42, item 4). Now the engine's history source is
// this store's, empty while the file is not there: every compile (a
// SIGHUP's reload, the watcher's refresh below) looks for the file and
// opens it once it exists (Store::OpenExisting: only a store learn made),
// logging that it did. The milter's acknowledgements read it from then on
// (LateAcknowledgements). The audit journal, and serve's store-backed
// routes (acknowledgements, confirm links, events), start with the next
// restart; the log line says so.
//
// StoreWatcher re-checks every `period` (kLateStoreCheck, 60 s) while the
// store is missing, logging how many decisions were made without history
// when that count moved; once the store is open it runs the daemon's usual
// Refresher on it (history refresh, audit retention).
//
// Thread safety: every method may be called from any thread.
#ifndef NEARMISS_DAEMON_LATE_STORE_H_
#define NEARMISS_DAEMON_LATE_STORE_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "daemon/refresher.h"
#include "nearmiss/acknowledgement.h"
#include "nearmiss/engine_holder.h"
#include "nearmiss/store.h"

namespace nearmiss::daemon {

// How often a daemon looks for a default store missing at start.
inline constexpr std::chrono::seconds kLateStoreCheck{60};

class LateStore {
 public:
  using Log = std::function<void(const std::string&)>;
  // `url` opens the store whose file is `path` ("sqlite://" + path).
  LateStore(std::string url, std::string path, Log log);

  // The store, opened first when it is not yet and its file exists now;
  // null while it cannot be (a failure to open an existing file is logged).
  std::shared_ptr<Store> Open();
  // The store if open; never opens it.
  std::shared_ptr<Store> Current() const;
  // Whether its file is there now (cheap: no open, no compile).
  bool FileThere() const;
  const std::string& url() const { return url_; }

 private:
  const std::string url_;
  const std::string path_;
  Log log_;
  mutable std::mutex mu_;
  std::shared_ptr<Store> store_;
  std::string last_error_;  // said once until it changes
};

// The EngineHolder's history source over `store`: Open()'s snapshot, or an
// empty history while there is no store.
EngineHolder::HistorySource LateHistory(std::shared_ptr<LateStore> store);

// The milter's acknowledgements over a LateStore: none while it is missing.
class LateAcknowledgements final : public AcknowledgementSource {
 public:
  explicit LateAcknowledgements(std::shared_ptr<LateStore> store) : store_(std::move(store)) {}
  Result<std::vector<Acknowledgement>> Live(std::string_view sender, int64_t now) const override;

 private:
  std::shared_ptr<LateStore> store_;
};

class StoreWatcher {
 public:
  StoreWatcher(std::shared_ptr<LateStore> store, std::shared_ptr<EngineHolder> engines,
               LateStore::Log log, std::chrono::milliseconds period = kLateStoreCheck);
  ~StoreWatcher();
  StoreWatcher(const StoreWatcher&) = delete;
  StoreWatcher& operator=(const StoreWatcher&) = delete;

  // One look: while the store is not open and its file is there, refreshes
  // the engine (its history source opens the store; no compile while the
  // file is missing) and, once open, starts the Refresher. True once the
  // store is open.
  bool RunOnce();
  void Start();
  void Stop();

 private:
  std::shared_ptr<LateStore> store_;
  std::shared_ptr<EngineHolder> engines_;
  LateStore::Log log_;
  const std::chrono::milliseconds period_;
  uint64_t said_count_ = 0;  // decisions without history last logged
  std::unique_ptr<Refresher> refresher_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace nearmiss::daemon

#endif  // NEARMISS_DAEMON_LATE_STORE_H_
