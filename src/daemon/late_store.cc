#include "daemon/late_store.h"

#include <filesystem>

namespace nearmiss::daemon {

LateStore::LateStore(std::string url, std::string path, Log log)
    : url_(std::move(url)), path_(std::move(path)), log_(std::move(log)) {}

std::shared_ptr<Store> LateStore::Current() const {
  std::lock_guard lock(mu_);
  return store_;
}

bool LateStore::FileThere() const {
  std::error_code ec;
  return std::filesystem::exists(path_, ec);
}

std::shared_ptr<Store> LateStore::Open() {
  std::lock_guard lock(mu_);
  if (store_) return store_;
  std::error_code ec;
  if (!std::filesystem::exists(path_, ec)) return nullptr;
  Result<std::unique_ptr<Store>> opened = Store::OpenExisting(url_);
  if (!opened.ok()) {
    if (opened.error().message() != last_error_) {
      last_error_ = opened.error().message();
      log_("store " + path_ + " exists but was not opened (" + last_error_ +
           "); still judging with no history");
    }
    return nullptr;
  }
  store_ = std::move(*opened);
  log_("store " + path_ + " appeared (nearmiss learn made it): opened it, the history comes "
       "from it now; the audit journal, and serve's acknowledgements, confirm links and events, "
       "start with the next restart");
  return store_;
}

EngineHolder::HistorySource LateHistory(std::shared_ptr<LateStore> late) {
  return [late = std::move(late)](const Policy& policy) -> Result<HistorySnapshot> {
    std::shared_ptr<Store> store = late->Open();
    if (!store) return HistorySnapshot{};
    return store->Snapshot(policy.history.needs_addresses());
  };
}

Result<std::vector<Acknowledgement>> LateAcknowledgements::Live(std::string_view sender,
                                                                int64_t now) const {
  std::shared_ptr<Store> store = store_->Current();
  if (!store) return std::vector<Acknowledgement>{};
  return store->LiveAcknowledgements(sender, now);
}

StoreWatcher::StoreWatcher(std::shared_ptr<LateStore> store,
                           std::shared_ptr<EngineHolder> engines, LateStore::Log log,
                           std::chrono::milliseconds period)
    : store_(std::move(store)), engines_(std::move(engines)), log_(std::move(log)),
      period_(period) {}

StoreWatcher::~StoreWatcher() { Stop(); }

bool StoreWatcher::RunOnce() {
  if (refresher_) return true;
  const bool was_open = store_->Current() != nullptr;
  if (!was_open && store_->FileThere()) {
    if (Status s = engines_->Refresh(); !s.ok()) log_("history refresh failed: " + s.message());
  }
  std::shared_ptr<Store> store = store_->Current();
  const uint64_t without = engines_->decisions_without_history();
  if (!store) {
    if (without != said_count_) {
      log_("history: empty (the default store " + store_->url() + " does not exist yet): " +
           std::to_string(without) + " decisions made without history since start");
      said_count_ = without;
    }
    return false;
  }
  // Opened by this look or by a reload since: from here the usual pass.
  if (!was_open && engines_->Get()->stats().HistoryEmpty()) {
    log_("history: the store is open but has learned nothing yet");
  }
  log_("history: " + std::to_string(without) + " decisions were made without history before "
       "the store opened");
  refresher_ = std::make_unique<Refresher>(engines_, store, log_);
  refresher_->Start();
  return true;
}

void StoreWatcher::Start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!wake_.wait_for(lock, period_, [this] { return stop_; })) {
      lock.unlock();
      const bool open = RunOnce();
      lock.lock();
      if (open) return;
    }
  });
}

void StoreWatcher::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (refresher_) refresher_->Stop();
}

}  // namespace nearmiss::daemon
