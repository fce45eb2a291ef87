// The composition root of the one-shot commands (check, scan, audit,
// learn, policy): --store opened, the policy loaded (with --protect-file)
// and compiled with the store's history. The daemons compose theirs in the
// skeleton (daemon/single_server.h), which also keeps the engine fresh.
#include "base/log.h"
#include "cli/commands.h"
#include "cli/store_missing.h"
#include "daemon/single_server.h"
#include "engine/embedded_lists.h"
#include "engine/listed_lookalikes.h"

namespace nearmiss::cli {

Result<std::shared_ptr<Store>> OpenStore(const PolicyFlags& flags, std::string* no_history) {
  StoreChoice choice = ChooseStore(flags.store_url, /*create=*/false);
  if (no_history != nullptr) no_history->clear();
  if (choice.url.empty()) {
    // A store that is not there judges as an empty one does, so it is
    // said as an empty one is (the issue-14 tester, round 42, finding 5:
    // check passed a slip without a word).
    if (no_history != nullptr && !choice.configured) {
      std::string_view why = choice.origin;
      if (why.starts_with("none: ")) why.remove_prefix(6);
      *no_history = daemon::EmptyHistoryWarning("", EngineStats{}, why);
      log::Warn(*no_history);
    }
    return std::shared_ptr<Store>();
  }
  if (const std::string missing_path = MissingSqliteStore(choice.url); !missing_path.empty()) {
    Status missing = Status::NotFound("store " + missing_path +
                                      " does not exist (nearmiss learn creates it); refusing to "
                                      "judge with no history");
    log::Error(missing.message());
    return missing;
  }
  Result<PasswordSource> password = flags.store_password.Resolve();
  if (!password.ok()) {
    log::Error(password.error().message());
    return password.error();
  }
  // A database nearmiss never made (a 0-byte file) is no history either:
  // refused, not initialised by a command that only reads.
  Result<std::unique_ptr<Store>> store = Store::OpenExisting(choice.url, password->password);
  if (!store.ok()) {
    log::Error("store (" + choice.origin + "): " + store.error().message() +
               (store.error().code() == StatusCode::kNotFound
                    ? "; refusing to judge with no history"
                    : ""));
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
    // Said, not silent: the file takes the government and military
    // namespaces' place (stop 35's tester, item 13: .mil look-alikes were
    // no longer refused and nothing said so).
    if (policy->use_default_protected) {
      std::string warning = "--protect-file " + flags.protect_file + ": its ";
      warning += std::to_string(items->size());
      warning += items->size() == 1 ? " entry replaces" : " entries replace";
      warning += " the embedded protected list (";
      // The embedded list is the engine's, which parses it the same way.
      Result<std::vector<DomainItem>> embedded =
          ParseDomainList(data::kProtectedList, "data/lists/protected.txt");
      warning += embedded.ok() ? std::to_string(embedded->size()) : std::string("its");
      warning +=
          " entries, data/lists/protected.txt: .mil, .gov, .gov.uk, ...), so look-alikes of "
          "those are judged only as the file and the policy list them; to add to the embedded "
          "list instead, name the file in the policy's [domains] protected_files";
      log::Warn(warning);
    }
    policy->use_default_protected = false;
    for (DomainItem& item : *items)
      policy->protected_domains.push_back(std::move(item));
  }
  for (const DomainItem& item : flags.extra_protected) policy->protected_domains.push_back(item);
  // army.ml listed for army.mil trusts the slip for every sender: said with
  // its place (issue 15, round 42's tester, finding 3).
  LogListedLookalikes(*policy);
  std::optional<HistorySnapshot> history;
  if (store != nullptr) {
    Result<HistorySnapshot> snapshot =
        store->Snapshot(policy->history.needs_addresses());
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
  // A store that exists but holds nothing learned (a first `learn` that
  // failed leaves one): said, as the daemons say it, not judged silently
  // as if history had been consulted (stop 37's issue 14 tester, item 6).
  if (store != nullptr) {
    const std::string empty = daemon::EmptyHistoryWarning(flags.store_url.empty() ? "default"
                                                                                  : flags.store_url,
                                                           (*engine)->stats());
    if (!empty.empty()) log::Warn(empty);
  }
  std::string cache = content::DatabaseCacheWarning((*engine)->scanner().DatabaseCache());
  if (!cache.empty()) log::Warn(cache);
  return *engine;
}

std::shared_ptr<const Engine> LoadEngine(const PolicyFlags& flags) {
  Result<std::shared_ptr<Store>> store = OpenStore(flags);
  if (!store.ok()) return nullptr;
  return LoadEngine(flags, store->get());
}

}  // namespace nearmiss::cli
