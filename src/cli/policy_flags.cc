#include <cstdio>

#include "cli/commands.h"

namespace nearmiss::cli {

void PolicyFlags::Register(CLI::App& cmd, bool with_protect_file) {
  cmd.add_option("--policy", policy_file,
                 "Policy file (TOML); the embedded default when omitted")
      ->check(CLI::ExistingFile);
  if (with_protect_file) {
    cmd.add_option("--protect-file", protect_file,
                   "Protected domains, one per line (# comments, .suffix for a namespace); "
                   "replaces the embedded protected list")
        ->check(CLI::ExistingFile);
  }
}

std::shared_ptr<const Engine> LoadEngine(const PolicyFlags& flags) {
  Result<Policy> policy = flags.policy_file.empty() ? DefaultPolicy()
                                                    : LoadPolicyFile(flags.policy_file);
  if (!policy.ok()) {
    std::fprintf(stderr, "nearmiss: %s\n", policy.error().message().c_str());
    return nullptr;
  }
  if (!flags.protect_file.empty()) {
    Result<std::vector<DomainItem>> items = ReadDomainListFile(flags.protect_file);
    if (!items.ok()) {
      std::fprintf(stderr, "nearmiss: %s\n", items.error().message().c_str());
      return nullptr;
    }
    policy->use_default_protected = false;
    for (DomainItem& item : *items) policy->protected_domains.push_back(std::move(item));
  }
  Result<std::shared_ptr<const Engine>> engine = Engine::Compile(*policy);
  if (!engine.ok()) {
    std::fprintf(stderr, "nearmiss: %s: %s\n", policy->source.c_str(),
                 engine.error().message().c_str());
    return nullptr;
  }
  return *engine;
}

}  // namespace nearmiss::cli
