#include "cli/check_decision.h"

namespace nearmiss::cli {

const char kAcknowledgementsPart[] = "the sender's acknowledgements (this action may be acknowledged)";

std::vector<std::string> SenderDependentParts(const Policy& policy, bool with_history) {
  std::vector<std::string> out;
  if (with_history && policy.history.address_typo &&
      policy.history.address_typo_scope == HistoryPolicy::TypoScope::kSender) {
    // The engine then compares with everyone's correspondents, as for a
    // null sender: said, so a hit or a miss is not taken for the sender's.
    out.push_back("address-typo against the sender's own correspondents "
                  "(history.address_typo_scope = \"sender\"; compared with the "
                  "organisation's instead)");
  }
  for (const Rule& r : policy.rules) {
    if (!r.sender_groups.empty()) {
      out.push_back("rule '" + r.name + "' (" + r.where + "): its sender groups");
    }
  }
  return out;
}

void AddDecisionJson(const RecipientDecision& d, const std::string* sender,
                     const std::vector<std::string>& not_evaluated, nlohmann::ordered_json* j) {
  nlohmann::ordered_json& o = *j;
  o["action"] = ActionName(d.action);
  o["rule"] = {{"index", d.rule.index}, {"name", d.rule.name}, {"id", d.rule.id}};
  o["acknowledgeable"] = d.acknowledgeable;
  if (d.acknowledged_by != 0) {
    o["acknowledged_by"] = d.acknowledged_by;
    o["rule_action"] = ActionName(d.rule_action);
    o["settled_rule"] = {
        {"index", d.settled_rule.index}, {"name", d.settled_rule.name}, {"id", d.settled_rule.id}};
  }
  if (!d.message.empty()) o["message"] = d.message;
  if (sender != nullptr) o["sender"] = *sender;
  if (!not_evaluated.empty()) o["not_evaluated"] = not_evaluated;
}

std::string DecisionClause(const RecipientDecision& d, const render::Terminal& term) {
  using render::Colour;
  Colour colour = d.action == Action::kAccept ? Colour::kGreen
                  : d.action <= Action::kWarn ? Colour::kYellow
                                              : Colour::kRed;
  std::string out = "; policy: " + term.Paint(colour, ActionName(d.action)) + " (";
  if (d.acknowledged_by != 0) {
    out += std::string(ActionName(d.rule_action)) + " by " + d.settled_rule.id +
           " settled by acknowledgement " + std::to_string(d.acknowledged_by) + "; then " +
           d.rule.id;
  } else {
    out += d.rule.id;
  }
  return out + ")";
}

}  // namespace nearmiss::cli
