// ListedLookalikeWarnings: see listed_lookalikes.h.
#include "engine/listed_lookalikes.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "base/log.h"
#include "engine/trust_inputs.h"
#include "nearmiss/address.h"
#include "nearmiss/lookalike.h"
#include "policy/trusted_names.h"

namespace nearmiss {
namespace {

struct Listed {
  const DomainItem* item;
  TrustSource source;
  std::string_view list;       // as [domains] writes it: "protected"
  std::vector<std::string> names;  // TrustedNamesOf: "army.ml", ".mil"
};

// The warning for `name` of `entry` when `m` reads it as a look-alike or
// as undeliverable; nothing otherwise.
std::optional<PolicyError> Judge(const Listed& entry, const Domain& d, const LookalikeMatch& m) {
  const bool undeliverable =
      m.kind == LookalikeMatch::Kind::kNone && m.code == ReasonCode::kTldNotDelegated;
  if (m.kind != LookalikeMatch::Kind::kLookalike && !undeliverable) return std::nullopt;
  Reason reason;
  FillReason(m, d, &reason);
  PolicyError e;
  e.where = entry.item->where;
  e.what = "[domains] ";
  e.what += entry.list;
  e.what += " entry ";
  e.what += entry.item->domain;
  e.what += " is itself ";
  e.what += undeliverable ? "undeliverable: " : "a look-alike: ";
  e.what += ReasonMessage(reason);
  e.what += "; listed, mail to it is trusted for every sender";
  if (!m.target_domain_for_suggestion.empty()) {
    e.hint = "did you mean ";
    e.hint += m.target_domain_for_suggestion;
    e.hint += "? ";
  }
  e.hint += entry.source == TrustSource::kAllowlist
                ? "keep it only if it is a real domain the organisation writes to"
                : "list the name meant";
  return e;
}

std::vector<Listed> PolicyEntries(const Policy& policy) {
  std::vector<Listed> out;
  auto add = [&out](const std::vector<DomainItem>& items, TrustSource source,
                    std::string_view list) {
    for (const DomainItem& item : items) {
      Result<std::vector<std::string>> names = TrustedNamesOf(item);
      if (!names.ok()) continue;  // refused by Engine::Compile, with its place
      out.push_back({&item, source, list, std::move(*names)});
    }
  };
  add(policy.organisation, TrustSource::kOrganisation, "organisation");
  add(policy.protected_domains, TrustSource::kProtected, "protected");
  add(policy.allow, TrustSource::kAllowlist, "allow");
  return out;
}

}  // namespace

std::vector<PolicyError> ListedLookalikeWarnings(const Policy& policy) {
  std::vector<PolicyError> warnings;
  const std::vector<Listed> entries = PolicyEntries(policy);
  if (entries.empty()) return warnings;  // the embedded lists are not rebuilt for nothing
  // The embedded lists whether or not the policy keeps them on: army.ml in
  // a --protect-file that replaced the embedded list is still .mil's slip.
  Policy reference = policy;
  reference.use_default_protected = true;
  reference.use_default_providers = true;
  Result<engine::TrustInputs> base = engine::MakeTrustInputs(reference, false);
  if (!base.ok()) return warnings;
  LookalikeOptions options;
  options.threshold = policy.lookalike_threshold;
  Result<std::unique_ptr<const LookalikeDetector>> embedded =
      LookalikeDetector::BuildWithLists(std::move(base->entries), std::move(base->lists), options);
  if (!embedded.ok()) return warnings;
  for (const Listed& entry : entries) {
    std::optional<PolicyError> warning;
    for (const std::string& name : entry.names) {
      if (warning || name.starts_with('.')) continue;
      Result<Domain> d = ParseDomain(name);
      if (!d.ok()) continue;
      warning = Judge(entry, *d, (*embedded)->Classify(*d));
      if (warning) break;
    }
    if (warning) warnings.push_back(std::move(*warning));
  }
  return warnings;
}

void LogListedLookalikes(const Policy& policy) {
  for (PolicyError& w : ListedLookalikeWarnings(policy)) {
    std::string what = "warning: ";
    what += w.what;
    w.what = std::move(what);
    log::Warn(w.ToString());
  }
}

}  // namespace nearmiss
