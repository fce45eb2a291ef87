#include "nearmiss/engine_holder.h"

#include "engine/listed_lookalikes.h"

namespace nearmiss {
namespace {

Result<Policy> Load(const std::string& path) {
  return path.empty() ? DefaultPolicy() : LoadPolicyFile(path);
}

Result<std::shared_ptr<const Engine>> CompileWith(
    const Policy& policy, const EngineHolder::HistorySource& history) {
  if (!history) return Engine::Compile(policy);
  Result<HistorySnapshot> snapshot = history(policy);
  if (!snapshot.ok()) return snapshot.error().WithContext("history");
  return Engine::Compile(policy, &*snapshot);
}

}  // namespace

EngineHolder::EngineHolder(std::shared_ptr<const Engine> initial,
                           HistorySource history, Prepare prepare)
    : engine_(std::move(initial)), history_(std::move(history)), prepare_(std::move(prepare)) {}

Result<std::unique_ptr<EngineHolder>> EngineHolder::Open(
    const std::string& path, HistorySource history, Prepare prepare) {
  NM_ASSIGN_OR_RETURN(Policy policy, Load(path));
  if (prepare) prepare(policy);
  LogListedLookalikes(policy);
  NM_ASSIGN_OR_RETURN(std::shared_ptr<const Engine> engine,
                      CompileWith(policy, history));
  return std::make_unique<EngineHolder>(std::move(engine), std::move(history),
                                        std::move(prepare));
}

std::shared_ptr<const Engine> EngineHolder::Get() const {
  return engine_.load();
}

Status EngineHolder::ReloadFile(const std::string& path) {
  Result<Policy> policy = Load(path);
  if (!policy.ok()) return policy.error();
  return Reload(*policy);
}

Result<std::shared_ptr<const Engine>> EngineHolder::Compile(
    const Policy& policy) const {
  return CompileWith(policy, history_);
}

Status EngineHolder::Reload(const Policy& given) {
  Policy policy = given;
  if (prepare_) prepare_(policy);
  LogListedLookalikes(policy);
  std::lock_guard<std::mutex> lock(reload_mu_);
  Result<std::shared_ptr<const Engine>> engine = Compile(policy);
  if (!engine.ok()) return engine.error().WithContext(policy.source);
  engine_.store(std::move(*engine));
  generation_.fetch_add(1);
  return Status::Ok();
}

Status EngineHolder::Refresh() {
  if (!history_) return Status::Ok();
  std::lock_guard<std::mutex> lock(reload_mu_);
  // The policy is read under the lock: a SIGHUP reload that just finished
  // is the one refreshed, not undone.
  std::shared_ptr<const Engine> running = engine_.load();
  Result<std::shared_ptr<const Engine>> engine = Compile(running->policy());
  if (!engine.ok()) return engine.error().WithContext(running->policy().source);
  engine_.store(std::move(*engine));
  generation_.fetch_add(1);
  return Status::Ok();
}

}  // namespace nearmiss
