// OverriddenRuleWarnings: a rule about the message that can never decide
// because the first later rule about the recipient alone matches every
// recipient and is stricter. docs/policy.md ([[rule]]) has such a rule give
// way (engine/decide.cc, RecipientOverContent): "accept OFFICIAL, hold the
// rest" written as a sensitivity rule before a catch-all holds every
// message, and lint said ok (round 55's tester 13, finding 6).
#include "nearmiss/policy.h"

namespace nearmiss {
namespace {

// Its conditions name the message (engine/decision_table.cc AboutMessage).
bool AboutMessage(const Rule& r) {
  return r.sensitivity_at_least || r.sensitivity_at_most || !r.findings.empty() ||
         r.recipients_at_least || r.recipients_at_most || r.external_domains_at_least ||
         r.external_domains_at_most;
}

// It matches every recipient of every sender: no condition at all.
bool MatchesEveryRecipient(const Rule& r) {
  return !AboutMessage(r) && r.recipient.empty() && r.reasons.empty() && r.targets.empty() &&
         !r.can_receive && !r.catch_all && r.address_typo_kinds.empty() &&
         !r.address_typo_score_at_least && r.sender_groups.empty();
}

}  // namespace

std::vector<PolicyError> OverriddenRuleWarnings(const Policy& policy) {
  std::vector<PolicyError> out;
  for (size_t i = 0; i < policy.rules.size(); ++i) {
    const Rule& first = policy.rules[i];
    if (!AboutMessage(first)) continue;
    for (size_t j = i + 1; j < policy.rules.size(); ++j) {
      const Rule& later = policy.rules[j];
      if (AboutMessage(later)) continue;
      // The first later rule about the recipient alone is the one that
      // may take over; one that a sender may acknowledge (warn, confirm)
      // leaves the rule about the message standing once acknowledged.
      if (MatchesEveryRecipient(later) && later.action > first.action &&
          later.action != Action::kWarn && later.action != Action::kConfirm) {
        out.push_back(
            {first.where,
             "rule '" + first.name + "' never decides: rule '" + later.name + "' (" +
                 later.where + ") comes after it, matches every recipient and is stricter (" +
                 std::string(ActionName(later.action)) +
                 "), so it decides every message this one matches (docs/policy.md, [[rule]])",
             "give rule '" + later.name +
                 "' a condition about the message (sensitivity_at_least = \"OFFICIAL\"), or "
                 "use [defaults] action for what no rule decides"});
      }
      break;
    }
  }
  return out;
}

}  // namespace nearmiss
