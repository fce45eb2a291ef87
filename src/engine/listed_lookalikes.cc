// ListedLookalikeWarnings: see listed_lookalikes.h.
#include "engine/listed_lookalikes.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "base/log.h"
#include "engine/trust_inputs.h"
#include "lookalike/edit.h"
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

// The warning on `entry`: "[domains] protected entry army.ml" then `said`,
// and a hint naming `meant` when there is one.
PolicyError EntryWarning(const Listed& entry, std::string_view said, std::string_view meant) {
  PolicyError e;
  e.where = entry.item->where;
  e.what = "[domains] ";
  e.what += entry.list;
  e.what += " entry ";
  e.what += entry.item->domain;
  e.what += said;
  e.what += "; listed, mail to it is trusted for every sender";
  if (!meant.empty()) {
    e.hint = "did you mean ";
    e.hint += meant;
    e.hint += "? ";
  }
  e.hint += entry.source == TrustSource::kAllowlist
                ? "keep it only if it is a real domain the organisation writes to"
                : "list the name meant";
  return e;
}

// The warning for `name` of `entry` when `m` reads it as a look-alike or
// as undeliverable; nothing otherwise.
std::optional<PolicyError> Judge(const Listed& entry, const Domain& d, const LookalikeMatch& m,
                                 std::string_view meant) {
  const bool undeliverable =
      m.kind == LookalikeMatch::Kind::kNone && m.code == ReasonCode::kTldNotDelegated;
  if (m.kind != LookalikeMatch::Kind::kLookalike && !undeliverable) return std::nullopt;
  // The organisation's own name under a private-use TLD (an Active
  // Directory forest's acme.corp, acme.local, acme.internal) is routed
  // inside its network: listed where it belongs, nothing to warn of (round
  // 50's tester 15, finding 6).
  if (undeliverable && entry.source == TrustSource::kOrganisation &&
      address::IsPrivateUseTld(d.ascii.substr(d.ascii.rfind('.') + 1))) {
    return std::nullopt;
  }
  Reason reason;
  FillReason(m, d, &reason);
  std::string said = " is itself ";
  said += undeliverable ? "undeliverable: " : "a look-alike: ";
  std::string message = ReasonMessage(reason);
  // The reason's own offer ("gov.in is a real mail domain one slip away")
  // goes when the namespace's reading offers another.
  if (!meant.empty() && message.find("; ") != std::string::npos) {
    message.resize(message.find("; "));
  }
  said += message;
  return EntryWarning(entry, said, meant.empty() ? m.target_domain_for_suggestion : meant);
}

// For an entry written as a namespace (".gov.ik") whose name is
// undeliverable: the namespace check's own reading offers for a name under
// it (mod.gov.ik -> mod.gov.uk: the keyboard, the listed zones), as
// ".gov.uk"; "" when it offers none. The bare name's nearest real mail
// domain (gov.in) is no namespace anyone meant (round 44's tester, finding
// 10).
std::string NamespaceMeant(const LookalikeDetector& detector, const std::string& name) {
  Result<Domain> probe = ParseDomain("example." + name);
  if (!probe.ok()) return {};
  const LookalikeMatch m = detector.Classify(*probe);
  const std::string& s = m.target_domain_for_suggestion;
  if (m.kind != LookalikeMatch::Kind::kLookalike || !s.starts_with("example.")) return {};
  return s.substr(std::string_view("example").size());
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

// The warning for `name` of `entry` whose ending is a slip of another
// entry's (round 43's tester, finding 16): entries are not compared as
// names (an organisation lists barclays.co.uk beside barclays.com), but an
// ending is no brand's second TLD when it is
//   - no zone at all, one letter from another entry's multi-label suffix:
//     barclays.cp.uk beside barclays.co.uk (cp.uk is a name under .uk, not
//     one of the Public Suffix List's zones: the entry is a host of
//     whoever holds cp.uk);
//   - a country's TLD that another entry's suffix starts with, cut short
//     there: hsbc.co or natwest.co beside barclays.co.uk (.co is
//     Colombia's, not the UK's .co.uk).
// A warning, as the other: the admin who means cp.uk's host or a .co name
// keeps it.
std::optional<PolicyError> SuffixSlip(const Listed& entry, const std::string& name,
                                      const std::vector<Listed>& all) {
  const address::SuffixSplit own = address::SplitSuffix(name);
  if (own.registrable.empty()) return std::nullopt;
  // The zone the entry's last two labels would be if they were one: cp.uk.
  const bool under_name = own.registrable != name;
  const std::string& zone = own.registrable;
  const bool cctld = own.suffix.size() == 2 && own.suffix.find('.') == std::string::npos;
  // The name's own label ("hsbc" of hsbc.co): an entry of the same name
  // (hsbc.co.uk) is named before any other (barclays.co.uk).
  const std::string_view label =
      std::string_view(name).substr(0, name.size() - own.suffix.size() - 1);
  for (int pass = 0; pass < 2; ++pass) {
    for (const Listed& other : all) {
      if (other.item == entry.item) continue;
      for (const std::string& m : other.names) {
        if (m.starts_with('.')) continue;
        const bool same = m.starts_with(label) && m.size() > label.size() && m[label.size()] == '.';
        if (same != (pass == 0)) continue;
        const std::string t = address::SplitSuffix(m).suffix;
        if (t.find('.') == std::string::npos || t == own.suffix) continue;
        std::string why;
        if (under_name && t != zone && lookalike::BoundedDamerauAscii(zone, t, 1) <= 1) {
          why = "its ending .";
          why += zone;
          why += " is no zone of .";
          why += own.suffix;
          why += " (the Public Suffix List's) but .";
          why += t;
          // The other entry is named only when it is this name's own
          // (barclays.cp.uk beside barclays.co.uk), never another
          // company's (round 44's tester, finding 10).
          if (pass == 0) {
            why += " of ";
            why += other.item->domain;
          }
          why += " with one letter slipped";
        } else if (!under_name && cctld && t.size() > own.suffix.size() && t.starts_with(own.suffix) &&
                   t[own.suffix.size()] == '.') {
          why = "its TLD .";
          why += own.suffix;
          why += " is a country's own TLD, most often ";
          // .co is .com cut short far more often than .co.uk (check reads
          // natwest.co as natwest.com): offered first.
          if (own.suffix == "co") why += ".com or ";
          why += ".";
          why += t;
          if (pass == 0) {
            why += " of ";
            why += other.item->domain;
          }
          why += " cut short";
        }
        if (why.empty()) continue;
        // The entry with the other's ending: barclays.co.uk, hsbc.co.uk;
        // for .co, the .com name first.
        const std::string stem =
            name.substr(0, name.size() - (under_name ? zone : own.suffix).size());
        std::string meant;
        if (!under_name && own.suffix == "co") {
          meant = stem;
          meant += "com or ";
        }
        meant += stem;
        meant += t;
        std::string said = ": ";
        said += why;
        return EntryWarning(entry, said, meant);
      }
    }
  }
  return std::nullopt;
}

// A detector of `in`'s names and lists, at the policy's threshold.
Result<std::unique_ptr<const LookalikeDetector>> DetectorOf(engine::TrustInputs in,
                                                            double threshold) {
  LookalikeOptions options;
  options.threshold = threshold;
  return LookalikeDetector::BuildWithLists(std::move(in.entries), std::move(in.lists), options);
}

// A detector of `items` (one of the policy's lists, as `source`) alone; null
// when there are none or they do not build (Engine::Compile says why).
std::unique_ptr<const LookalikeDetector> DetectorOfList(const Policy& policy,
                                                        const std::vector<DomainItem>& items,
                                                        TrustSource source) {
  if (items.empty()) return nullptr;
  Policy bare = policy;
  bare.use_default_protected = false;
  bare.use_default_providers = false;
  Result<engine::TrustInputs> in = engine::MakeTrustInputs(bare, false);
  if (!in.ok() || !engine::AddPolicyItems(items, source, in->entries).ok()) return nullptr;
  Result<std::unique_ptr<const LookalikeDetector>> detector =
      DetectorOf(std::move(*in), policy.lookalike_threshold);
  return detector.ok() ? std::move(*detector) : nullptr;
}

// The first of `entry`'s names (namespaces aside) that `detector` reads as a
// look-alike and `wanted` keeps, with its reason in words; nullopt: none.
struct Judged {
  LookalikeMatch match;
  std::string reason;
};
template <typename Wanted>
std::optional<Judged> FirstLookalike(const Listed& entry, const LookalikeDetector& detector,
                                     const Wanted& wanted) {
  for (const std::string& name : entry.names) {
    if (name.starts_with('.')) continue;
    Result<Domain> d = ParseDomain(name);
    if (!d.ok()) continue;
    const LookalikeMatch m = detector.Classify(*d);
    if (m.kind != LookalikeMatch::Kind::kLookalike || !wanted(m)) continue;
    Reason reason;
    FillReason(m, *d, &reason);
    return Judged{m, ReasonMessage(reason)};
  }
  return std::nullopt;
}

// The warnings for protected and allow entries that are homoglyphs of the
// organisation's own domains (round 44's tester, finding 9): a Cyrillic
// "bаrclays.co.uk", or its A-label xn--brclays-2fg.co.uk, beside the
// organisation's barclays.co.uk. The organisation's own domain is never a
// look-alike of itself, so the entry is a mistake, and it does nothing:
// check flags the name as the organisation's look-alike whatever the
// lists say. Judged by a detector of the organisation's names alone.
std::vector<PolicyError> OwnHomoglyphs(const Policy& policy, const std::vector<Listed>& entries) {
  std::vector<PolicyError> out;
  const std::unique_ptr<const LookalikeDetector> detector =
      DetectorOfList(policy, policy.organisation, TrustSource::kOrganisation);
  if (!detector) return out;
  for (const Listed& entry : entries) {
    if (entry.source == TrustSource::kOrganisation) continue;
    const std::optional<Judged> j = FirstLookalike(
        entry, *detector, [](const LookalikeMatch& m) { return m.code == ReasonCode::kHomoglyph; });
    if (!j) continue;
    std::string said = ": a homoglyph of the organisation's own ";
    said += j->match.target;
    said += " (";
    said += j->reason;
    said += "), so listing it does nothing: check flags it as a look-alike of ";
    said += j->match.target;
    said += " whatever the lists say";
    PolicyError e = EntryWarning(entry, said, "");
    e.what.resize(e.what.rfind("; listed, mail to it"));
    e.hint = "remove it: the organisation's own domain is in organisation, and is never a "
             "look-alike of itself";
    out.push_back(std::move(e));
  }
  return out;
}

// The warning for an allow entry that is a look-alike of one of the
// policy's own protected names (round 47's tester, finding 3):
// barclays.co.ug or barclay.co.uk allowed beside the protected
// barclays.co.uk turns check's refusal into trust for every sender, the
// riskiest slip an allowlist can hold. Judged by a detector of the
// protected entries alone (the embedded lists' reading is Judge's).
std::optional<PolicyError> ProtectedSlip(const Listed& entry, const LookalikeDetector& detector) {
  // The same name under a whole other suffix is the organisation's own as
  // often (partner.example.org beside partner.example, barclays.com beside
  // barclays.co.uk): both taken as meant, as for two entries of the same
  // list (file comment).
  const std::optional<Judged> j = FirstLookalike(entry, detector, [](const LookalikeMatch& m) {
    return m.code != ReasonCode::kSuffixAppend && m.code != ReasonCode::kTldSwap;
  });
  if (!j) return std::nullopt;
  std::string said = " is a look-alike of the protected ";
  said += j->match.target;
  said += ": ";
  said += j->reason;
  return EntryWarning(entry, said, j->match.target_domain_for_suggestion);
}

}  // namespace

std::vector<PolicyError> ListedLookalikeWarnings(const Policy& policy) {
  std::vector<PolicyError> warnings;
  const std::vector<Listed> entries = PolicyEntries(policy);
  if (entries.empty()) return warnings;  // the embedded lists are not rebuilt for nothing
  warnings = OwnHomoglyphs(policy, entries);
  // The embedded lists whether or not the policy keeps them on: army.ml in
  // a --protect-file that replaced the embedded list is still .mil's slip.
  Policy reference = policy;
  reference.use_default_protected = true;
  reference.use_default_providers = true;
  Result<engine::TrustInputs> base = engine::MakeTrustInputs(reference, false);
  if (!base.ok()) return warnings;
  Result<std::unique_ptr<const LookalikeDetector>> embedded =
      DetectorOf(std::move(*base), policy.lookalike_threshold);
  if (!embedded.ok()) return warnings;
  // Built at the first allow entry that needs it.
  std::unique_ptr<const LookalikeDetector> protected_detector;
  bool protected_built = false;
  for (const Listed& entry : entries) {
    std::optional<PolicyError> warning;
    for (const std::string& name : entry.names) {
      if (warning || name.starts_with('.')) continue;
      Result<Domain> d = ParseDomain(name);
      if (!d.ok()) continue;
      const LookalikeMatch m = (*embedded)->Classify(*d);
      std::string meant;
      // A namespace entry's bare name read as undeliverable, or as the
      // look-alike of a namespace with no name to offer (gov.ik since
      // c49af88d: "gov.uk is a namespace"), is asked of a name under it.
      const bool undeliverable =
          m.kind == LookalikeMatch::Kind::kNone && m.code == ReasonCode::kTldNotDelegated;
      const bool no_offer =
          m.kind == LookalikeMatch::Kind::kLookalike && m.target_domain_for_suggestion.empty();
      if (entry.item->domain.starts_with('.') && (undeliverable || no_offer)) {
        meant = NamespaceMeant(**embedded, name);
      }
      warning = Judge(entry, *d, m, meant);
      if (warning) break;
    }
    for (const std::string& name : entry.names) {
      if (warning || name.starts_with('.')) continue;
      warning = SuffixSlip(entry, name, entries);
    }
    if (!warning && entry.source == TrustSource::kAllowlist) {
      if (!protected_built) {
        protected_detector =
            DetectorOfList(policy, policy.protected_domains, TrustSource::kProtected);
        protected_built = true;
      }
      if (protected_detector) warning = ProtectedSlip(entry, *protected_detector);
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
