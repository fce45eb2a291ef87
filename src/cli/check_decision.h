// What `nearmiss check` adds to a recipient check: the policy's answer for
// a message to that one recipient with no content (the action, the rule,
// whether an acknowledgement settled it), and what could not be judged
// without the sender.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CLI_CHECK_DECISION_H_
#define NEARMISS_CLI_CHECK_DECISION_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nearmiss/decision.h"
#include "nearmiss/policy.h"
#include "render/terminal.h"

namespace nearmiss::cli {

// The parts of the policy that depend on the envelope sender (RFC 5321
// MAIL FROM), each named for a person: address-typo in the sender scope
// (history.address_typo_scope = "sender"; only with history) and rules with
// sender groups. Empty when none applies.
std::vector<std::string> SenderDependentParts(const Policy& policy, bool with_history);
// The part one address adds when its action is one the sender's
// acknowledgement could settle, and there is a store but no sender.
extern const char kAcknowledgementsPart[];

// Adds to a check object: "action", "rule" {"index", "name", "id"},
// "acknowledgeable", "acknowledged_by" (when one settled it, with
// "rule_action", the action it settled, and "settled_rule"), "message" (when the rule has one),
// "sender" (when `sender` is given) and "not_evaluated" (when not empty).
void AddDecisionJson(const RecipientDecision& d, const std::string* sender,
                     const std::vector<std::string>& not_evaluated, nlohmann::ordered_json* j);

// "; policy: confirm (rule 9 'address-typo' (policy.toml:70:1))", or with
// an acknowledgement "; policy: accept (confirm by rule 9 '...' settled by
// acknowledgement 7)"; the action coloured when the terminal allows.
std::string DecisionClause(const RecipientDecision& d, const render::Terminal& term);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_CHECK_DECISION_H_
