#include <cstdio>

#include "base/log.h"
#include "cli/commands.h"
#include "daemon/refresher.h"

namespace nearmiss::cli {

void PolicyFlags::Register(CLI::App& cmd, bool with_protect_file,
                           bool with_store) {
  cmd.add_option("--policy", policy_file,
                 "Policy file (TOML); the embedded default when omitted")
      ->check(CLI::ExistingFile);
  if (with_protect_file) {
    cmd.add_option("--protect-file", protect_file,
                   "Protected domains, one per line (# comments, .suffix for a "
                   "namespace); "
                   "replaces the embedded protected list")
        ->check(CLI::ExistingFile);
  }
  if (with_store) {
    cmd.add_option("--store", store_url,
                   "Store with the learned history (nearmiss learn) and the "
                   "audit log: a SQLite "
                   "path or sqlite:PATH, or postgresql://USER@HOST:PORT/DB; "
                   "default none (no "
                   "history)");
  }
}

Result<std::shared_ptr<Store>> OpenStore(const PolicyFlags& flags) {
  if (flags.store_url.empty()) return std::shared_ptr<Store>();
  Result<std::unique_ptr<Store>> store = Store::Open(flags.store_url);
  if (!store.ok()) {
    log::Error(store.error().message());
    return store.error();
  }
  return std::shared_ptr<Store>(std::move(*store));
}

std::shared_ptr<const Engine> LoadEngine(const PolicyFlags& flags,
                                         Store* store) {
  Result<Policy> policy = flags.policy_file.empty()
                              ? DefaultPolicy()
                              : LoadPolicyFile(flags.policy_file);
  if (!policy.ok()) {
    log::Error(policy.error().message());
    return nullptr;
  }
  if (!flags.protect_file.empty()) {
    Result<std::vector<DomainItem>> items =
        ReadDomainListFile(flags.protect_file);
    if (!items.ok()) {
      log::Error(items.error().message());
      return nullptr;
    }
    policy->use_default_protected = false;
    for (DomainItem& item : *items)
      policy->protected_domains.push_back(std::move(item));
  }
  std::optional<HistorySnapshot> history;
  if (store != nullptr) {
    Result<HistorySnapshot> snapshot =
        store->Snapshot(policy->history.flag_new_addresses);
    if (!snapshot.ok()) {
      log::Error("history: " + snapshot.error().message());
      return nullptr;
    }
    history = std::move(*snapshot);
  }
  Result<std::shared_ptr<const Engine>> engine =
      Engine::Compile(*policy, history ? &*history : nullptr);
  if (!engine.ok()) {
    log::Error(policy->source + ": " + engine.error().message());
    return nullptr;
  }
  return *engine;
}

std::shared_ptr<const Engine> LoadEngine(const PolicyFlags& flags) {
  Result<std::shared_ptr<Store>> store = OpenStore(flags);
  if (!store.ok()) return nullptr;
  return LoadEngine(flags, store->get());
}

Result<DaemonEngines> OpenDaemonEngines(const PolicyFlags& flags,
                                        EngineHolder::Prepare prepare) {
  DaemonEngines out;
  if (!flags.store_url.empty()) {
    Result<std::unique_ptr<Store>> opened = Store::Open(flags.store_url);
    if (!opened.ok()) return opened.error();
    out.store = std::move(*opened);
  }
  Result<std::unique_ptr<EngineHolder>> holder = EngineHolder::Open(
      flags.policy_file, out.store ? daemon::HistoryFrom(out.store) : nullptr,
      std::move(prepare));
  if (!holder.ok()) return holder.error();
  out.engines = std::move(*holder);
  return out;
}

}  // namespace nearmiss::cli
