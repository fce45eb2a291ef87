#include "engine/malformed_domain.h"

#include "address/normal_domain.h"
#include "nearmiss/address.h"

namespace nearmiss {

bool MalformedDomain(const RecipientCheck& check, std::string_view domain) {
  return check.verdict == Verdict::kInvalid && !domain.starts_with('[') &&
         domain.find('.') != std::string_view::npos &&
         (check.reasons.empty() || check.reasons.front().code != ReasonCode::kTldNotDelegated);
}

DomainJudge DomainJudge::ForEngine(std::shared_ptr<const Engine> engine) {
  return DomainJudge([engine = std::move(engine)](const std::string& normal) {
    // "postmaster" stands in for the local part: the class depends on the
    // domain alone.
    return MalformedDomain(engine->CheckRecipient("postmaster@" + normal), normal);
  });
}

bool DomainJudge::Judgeable(std::string_view domain) {
  // Keyed on the domain as logged: normalising it (IDNA) for every
  // delivery line cost a third of audit's reading time.
  key_.assign(domain);
  if (auto it = known_.find(key_); it != known_.end()) return it->second;
  Domain parsed;
  std::string normal;
  address::NormalDomain(domain, &parsed, &normal);
  bool ok = !malformed_(normal);
  if (known_.size() >= kMax) known_.clear();  // bounded memory
  known_.emplace(key_, ok);
  return ok;
}

}  // namespace nearmiss
