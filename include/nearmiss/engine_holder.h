// EngineHolder: the running Engine of a long-lived process (the milter, the
// HTTP API), and how a changed policy replaces it.
//
// Reload compiles the new policy beside the running Engine and publishes it
// with an atomic shared_ptr swap: sessions in flight keep the Engine they
// took with Get() until they drop it. A policy that does not parse or
// compile is refused with all its errors, and the old Engine keeps running.
//
// With a HistorySource every compile takes a fresh history snapshot (the
// milter and `serve` with --store); Refresh recompiles the running policy
// with a new one. The engine library knows no store: the source is a
// function the daemon builds over its Store.
//
// Thread safety: every method may be called from any thread. Reloads are
// serialised among themselves; Get() never waits for a reload.
#ifndef NEARMISS_ENGINE_HOLDER_H_
#define NEARMISS_ENGINE_HOLDER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "nearmiss/engine.h"
#include "nearmiss/policy.h"
#include "nearmiss/status.h"

namespace nearmiss {

class EngineHolder {
 public:
  // The history to compile a policy with (thresholds are the policy's).
  using HistorySource = std::function<Result<HistorySnapshot>(const Policy&)>;

  // Adjusts every policy before it is compiled (the milter fills [delivery]
  // from postconf when the policy leaves it out).
  using Prepare = std::function<void(Policy&)>;

  explicit EngineHolder(std::shared_ptr<const Engine> initial, HistorySource history = nullptr,
                        Prepare prepare = nullptr);

  // Compiles the policy file (or the embedded default when `path` is empty)
  // and holds it; fails with every error, like LoadPolicyFile. `history`
  // null: no history.
  static Result<std::unique_ptr<EngineHolder>> Open(const std::string& path,
                                                    HistorySource history = nullptr,
                                                    Prepare prepare = nullptr);

  // The Engine to use for one session or request; keep it for the session.
  std::shared_ptr<const Engine> Get() const;

  // Re-reads `path` ("" for the embedded default) and swaps on success. On
  // failure the running Engine stays and the Status says why (every policy
  // error, one per line).
  Status ReloadFile(const std::string& path);
  // The same from a Policy already in hand (the API's PUT /policy).
  Status Reload(const Policy& policy);
  // Recompiles the running policy with a fresh history snapshot; on failure
  // (the store unreachable) the running Engine stays. Ok and no swap
  // without a HistorySource.
  Status Refresh();

  // Counts successful swaps: 0 for the initial Engine.
  uint64_t generation() const { return generation_.load(); }

  // Counts a decision (a milter message, an API check) made by `engine`
  // when its history is empty (EngineStats::HistoryEmpty): what slipped by
  // address-typo, new-domain and trust learning unjudged. The milter logs
  // the count, serve's /metrics shows it
  // (nearmiss_decisions_without_history_total). Issue-14 tester, round 42,
  // item 4.
  void CountDecision(const Engine& engine) {
    if (engine.stats().HistoryEmpty()) without_history_.fetch_add(1, std::memory_order_relaxed);
  }
  uint64_t decisions_without_history() const { return without_history_.load(); }

 private:
  // Compiles `policy` with history when there is a source.
  Result<std::shared_ptr<const Engine>> Compile(const Policy& policy) const;

  std::atomic<std::shared_ptr<const Engine>> engine_;
  HistorySource history_;
  Prepare prepare_;
  std::atomic<uint64_t> generation_{0};
  std::atomic<uint64_t> without_history_{0};
  std::mutex reload_mu_;  // one compile at a time: they are heavy
};

}  // namespace nearmiss

#endif  // NEARMISS_ENGINE_HOLDER_H_
