#include "daemon/refresher.h"

#include <chrono>

namespace nearmiss::daemon {

constexpr int64_t kDayMs = 86'400'000;

EngineHolder::HistorySource HistoryFrom(std::shared_ptr<Store> store) {
  return [store](const Policy& policy) {
    return store->Snapshot(policy.history.needs_addresses());
  };
}

Result<int64_t> PruneAudit(Store& store, const HistoryPolicy& policy,
                           int64_t now_ms) {
  if (policy.audit_retention_days <= 0) return int64_t{0};
  return store.PruneAudit(now_ms - policy.audit_retention_days * kDayMs);
}

Refresher::Refresher(std::shared_ptr<EngineHolder> engines,
                     std::shared_ptr<Store> store, Log log)
    : engines_(std::move(engines)),
      store_(std::move(store)),
      log_(std::move(log)) {}

Refresher::~Refresher() { Stop(); }

bool Refresher::RunOnce(int64_t now_ms) {
  bool ok = true;
  if (Status s = engines_->Refresh(); !s.ok()) {
    log_("history refresh failed, keeping the running engine: " + s.message());
    ok = false;
  }
  const HistoryPolicy& policy = engines_->Get()->policy().history;
  Result<int64_t> pruned = PruneAudit(*store_, policy, now_ms);
  if (!pruned.ok()) {
    log_("audit retention failed: " + pruned.error().message());
    ok = false;
  } else if (*pruned > 0) {
    log_("audit log: deleted " + std::to_string(*pruned) +
         " records older than " + std::to_string(policy.audit_retention_days) +
         " days");
  }
  return ok;
}

void Refresher::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void Refresher::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Refresher::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    // Read each time: a SIGHUP may have changed the period.
    auto period =
        std::chrono::seconds(engines_->Get()->policy().history.refresh_seconds);
    if (wake_.wait_for(lock, period, [this] { return stop_; })) return;
    lock.unlock();
    int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    RunOnce(now_ms);
    lock.lock();
  }
}

}  // namespace nearmiss::daemon
