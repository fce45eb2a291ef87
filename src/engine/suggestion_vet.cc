// engine::AcceptedSuggestion: a suggestion the same check accepts.
#include "engine/suggestion_vet.h"

#include <optional>

#include "base/ascii.h"
#include "engine/suffix_mail_domain.h"
#include "nearmiss/address.h"

namespace nearmiss::engine {

namespace {

// True when the detector trusts `domain`, parsed as check parses it.
bool DetectorTrusts(const LookalikeDetector& detector, std::string_view domain) {
  Result<Domain> d = ParseDomain(domain);
  return d.ok() && detector.Classify(*d).kind == LookalikeMatch::Kind::kTrusted;
}

}  // namespace

std::string AcceptedSuggestion(const LookalikeDetector& detector, std::string_view domain) {
  // A public suffix the lists name as a mail domain (gc.ca, nic.in): check
  // judges it by the lists, so it stands (its TLD slips gc.cs, nic.ib lost
  // their suggestion when a public suffix was vetted as a namespace).
  if (const std::string lower = AsciiLower(domain);
      ListedSuffixMailDomain(lower) || WrittenAsDomainInProtectedList(lower)) {
    return std::string(domain);
  }
  Result<Domain> d = ParseDomain(domain);
  if (!d.ok()) {
    // A public suffix (gov.uk, nhs.uk): no mail domain, unless a namespace
    // listed there names one (nhs.net); a public suffix the trusted lists
    // name as a mail domain (gc.ca) is judged so by check, and kept.
    const std::string lower = AsciiLower(domain);
    if (std::optional<std::string> apex = detector.ApexMailDomain(lower)) return *apex;
    Domain whole;
    whole.ascii = lower;
    whole.unicode = lower;
    whole.registrable = lower;
    const size_t dot = lower.find('.');
    if (dot == std::string::npos) return "";
    whole.suffix = whole.ascii.substr(dot + 1);
    const LookalikeMatch m = detector.Classify(whole);
    return m.kind == LookalikeMatch::Kind::kTrusted && !m.trusted_namespace ? std::string(domain)
                                                                              : std::string();
  }
  const LookalikeMatch m = detector.Classify(*d);
  switch (m.kind) {
    case LookalikeMatch::Kind::kTrusted:
      return std::string(domain);
    case LookalikeMatch::Kind::kNone:
      return m.code == ReasonCode::kTldNotDelegated ? std::string() : std::string(domain);
    case LookalikeMatch::Kind::kLookalike:
      break;
  }
  // One step only: the second reading's own suggestion must be trusted.
  const std::string& next = m.target_domain_for_suggestion;
  if (!next.empty() && DetectorTrusts(detector, next)) return next;
  return "";
}

}  // namespace nearmiss::engine
