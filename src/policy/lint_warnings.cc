// PolicyWarnings: what a clean policy lets through that it may not mean
// to. Today one thing: look-alikes (army.ml for army.mil, gmial.com),
// the misdirection nearmiss exists to stop, accepted, tagged or only
// warned about, by a rule or by [defaults] action when no rule decides
// them.
//
// Each look-alike is one of ten cases: the trusted list of its target
// (organisation, protected, allowlist, provider, learned) times whether its
// domain can receive mail (`can_receive`; without DNS, a TLD the root zone
// has). The rules are walked in order for each case as the decision table
// would (engine/decision_table.cc): a rule that may match a look-alike of
// the case and does less than confirm is reported; a rule that surely
// matches it (conditions on nothing else) decides the case. A case no rule
// decides falls to [defaults] action.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "policy/sections.h"

namespace nearmiss {
namespace {

constexpr std::array<TrustSource, 5> kTargets = {TrustSource::kOrganisation,
                                                 TrustSource::kProtected, TrustSource::kAllowlist,
                                                 TrustSource::kProvider, TrustSource::kLearned};
// As a rule's `target` writes them (rules_section.cc).
constexpr std::array<std::string_view, 5> kTargetNames = {"organisation", "protected",
                                                         "allowlist", "provider", "learned"};

// Accepted, tagged or only warned about: the mail goes, the sender at most
// told (docs/policy.md, actions).
bool LetsThrough(Action a) { return a == Action::kAccept || a == Action::kTag || a == Action::kWarn; }

bool NamesLookalikes(const Rule& r) {
  return r.recipient.empty() ||
         std::find(r.recipient.begin(), r.recipient.end(), Verdict::kLookalike) != r.recipient.end();
}

// Whether one of `r`'s reason codes can come with a look-alike.
bool ReasonsAllowLookalikes(const Rule& r) {
  if (r.reasons.empty()) return true;
  return std::any_of(r.reasons.begin(), r.reasons.end(), [](const std::string& code) {
    const std::vector<Verdict> classes = policy::ReasonClasses(code);
    return std::find(classes.begin(), classes.end(), Verdict::kLookalike) != classes.end();
  });
}

// Whether `r` may match a look-alike of `target` whose domain can (or
// cannot) receive mail.
bool MayMatch(const Rule& r, TrustSource target, bool can_receive) {
  if (!NamesLookalikes(r) || !ReasonsAllowLookalikes(r)) return false;
  // An address-typo condition needs a trusted or external recipient.
  if (!r.address_typo_kinds.empty() || r.address_typo_score_at_least) return false;
  if (!r.targets.empty() &&
      std::find(r.targets.begin(), r.targets.end(), target) == r.targets.end()) {
    return false;
  }
  return !r.can_receive || *r.can_receive == can_receive;
}

// Whether `r` matches every look-alike of the case, whatever the message:
// no condition but the class, the target and can_receive.
bool SurelyMatches(const Rule& r, TrustSource target, bool can_receive) {
  return MayMatch(r, target, can_receive) && r.reasons.empty() && r.sender_groups.empty() &&
         r.findings.empty() && !r.sensitivity_at_least && !r.sensitivity_at_most &&
         !r.recipients_at_least && !r.recipients_at_most && !r.external_domains_at_least &&
         !r.external_domains_at_most && !r.catch_all;
}

std::string CaseName(TrustSource target, bool can_receive) {
  std::string out("of ");
  out += kTargetNames[static_cast<size_t>(target)];
  out += can_receive ? " domains" : " domains that cannot receive mail";
  return out;
}

}  // namespace

std::vector<PolicyError> PolicyWarnings(const Policy& policy) {
  std::vector<PolicyError> out;
  std::vector<bool> reported(policy.rules.size(), false);
  std::vector<std::string> to_default;  // the cases no rule decides
  for (TrustSource target : kTargets) {
    bool undecided[2] = {false, false};  // [can_receive]
    for (bool can_receive : {true, false}) {
      bool decided = false;
      for (size_t i = 0; i < policy.rules.size() && !decided; ++i) {
        const Rule& r = policy.rules[i];
        if (!MayMatch(r, target, can_receive)) continue;
        decided = SurelyMatches(r, target, can_receive);
        if (!LetsThrough(r.action) || reported[i]) continue;
        reported[i] = true;
        std::string what("rule '");
        what += r.name;
        what += "' lets look-alikes through: it can match a look-alike ";
        what += CaseName(target, can_receive);
        what += " (army.ml for army.mil, gmial.com for gmail.com) and its action is ";
        what += ActionName(r.action);
        out.push_back({r.where, std::move(what),
                       "make it confirm, hold or reject, or keep look-alikes out of it "
                       "(recipient = [\"external\"])"});
      }
      undecided[can_receive] = !decided;
    }
    if (undecided[0] || undecided[1]) {
      std::string name("of ");
      name += kTargetNames[static_cast<size_t>(target)];
      name += " domains";
      if (!undecided[1]) name += " that cannot receive mail";
      if (!undecided[0]) name += " that can receive mail";
      to_default.push_back(std::move(name));
    }
  }
  if (!to_default.empty() && LetsThrough(policy.defaults.action)) {
    std::string what("defaults.action = \"");
    what += ActionName(policy.defaults.action);
    what += "\" lets look-alikes through: no rule decides every look-alike ";
    for (size_t i = 0; i < to_default.size(); ++i) {
      if (i > 0) what += i + 1 == to_default.size() ? " or " : ", ";
      what += to_default[i];
    }
    out.push_back({policy.defaults.action_where.empty() ? policy.source
                                                         : policy.defaults.action_where,
                   std::move(what),
                   "add a rule for them: recipient = [\"lookalike\"] with action = \"confirm\" "
                   "(or \"reject\")"});
  }
  for (PolicyError& w : ConfirmLinkWarnings(policy)) out.push_back(std::move(w));
  for (PolicyError& w : OverriddenRuleWarnings(policy)) out.push_back(std::move(w));
  // The probe rides on the lookups: with [dns] off it never runs unless a
  // command turns DNS on (--dns), and nothing else would say so (round
  // 46's tester 15, finding 11; docs/policy.md, dns.catch_all_probe).
  if (policy.dns.catch_all_probe && !policy.dns.enabled) {
    out.push_back({policy.dns.where.empty() ? policy.source : policy.dns.where,
                   "dns.catch_all_probe = true does nothing while dns.enabled is false: no "
                   "look-alike's mail exchanger is asked unless a command is given --dns",
                   "set dns.enabled = true (with dns.servers), or leave the probe out"});
  }
  return out;
}

}  // namespace nearmiss
