#include "nearmiss/engine_holder.h"

namespace nearmiss {
namespace {

Result<Policy> Load(const std::string& path) {
  return path.empty() ? DefaultPolicy() : LoadPolicyFile(path);
}

}  // namespace

EngineHolder::EngineHolder(std::shared_ptr<const Engine> initial) : engine_(std::move(initial)) {}

Result<std::unique_ptr<EngineHolder>> EngineHolder::Open(const std::string& path) {
  NM_ASSIGN_OR_RETURN(Policy policy, Load(path));
  NM_ASSIGN_OR_RETURN(std::shared_ptr<const Engine> engine, Engine::Compile(policy));
  return std::make_unique<EngineHolder>(std::move(engine));
}

std::shared_ptr<const Engine> EngineHolder::Get() const { return engine_.load(); }

Status EngineHolder::ReloadFile(const std::string& path) {
  Result<Policy> policy = Load(path);
  if (!policy.ok()) return policy.error();
  return Reload(*policy);
}

Status EngineHolder::Reload(const Policy& policy) {
  std::lock_guard<std::mutex> lock(reload_mu_);
  Result<std::shared_ptr<const Engine>> engine = Engine::Compile(policy);
  if (!engine.ok()) return engine.error().WithContext(policy.source);
  engine_.store(std::move(*engine));
  generation_.fetch_add(1);
  return Status::Ok();
}

}  // namespace nearmiss
