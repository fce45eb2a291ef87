// The policy's action for permute's look-alikes and the zones it accepts
// under a namespace look-alike (permute_policy.h).
#include "cli/permute_policy.h"

namespace nearmiss::cli {

PermuteAction LeastPolicyAction(const Engine& engine, const RecipientCheck& check) {
  std::vector<std::string> senders = {""};
  for (const SenderGroup& g : engine.policy().sender_groups) {
    if (!g.addresses.empty()) {
      senders.push_back(g.addresses.front());
    } else if (!g.domains.empty()) {
      const std::string& d = g.domains.front().domain;
      std::string sender = "x@";
      sender += d.starts_with('.') ? d.substr(1) : d;
      senders.push_back(std::move(sender));
    }
  }
  PermuteAction least;
  bool first = true;
  for (const std::string& sender : senders) {
    MessageFacts facts;
    facts.sender = sender;
    facts.path = MailPath::kSmtp;
    facts.recipients.push_back({check, RecipientField::kEnvelope});
    const Decision d = engine.Decide(facts);
    if (d.recipients.empty()) continue;
    const RecipientDecision& r = d.recipients.front();
    if (first || r.action < least.action) least = {r.action, r.rule.name};
    first = false;
  }
  return least;
}

std::vector<std::string> AcceptedZonesUnder(const Engine& engine, const std::string& cand,
                                            const std::vector<std::string>& zones) {
  std::vector<std::string> out;
  for (const std::string& zone : zones) {
    if (zone.size() <= cand.size() + 1 || !zone.ends_with(cand) ||
        zone[zone.size() - cand.size() - 1] != '.') {
      continue;
    }
    std::string probe = "x@example.";
    probe += zone;
    const Verdict v = engine.CheckRecipient(probe).verdict;
    if (v == Verdict::kTrusted || v == Verdict::kExternal) out.push_back(zone);
  }
  return out;
}

}  // namespace nearmiss::cli
