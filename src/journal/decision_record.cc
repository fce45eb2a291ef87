// Decision -> DecisionRecord, shared by the milter, the HTTP API and `scan` so
// the audit log reads the same whoever decided.
#include "nearmiss/decision_record.h"

#include <openssl/evp.h>

#include <chrono>

namespace nearmiss {

std::string MessageDigest(std::string_view message) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(message.data(), message.size(), md, &len, EVP_sha256(), nullptr) != 1) {
    return "";
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "sha256:";
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 15];
  }
  return out;
}

DecisionRecord MakeDecisionRecord(std::string_view source, const MessageFacts& facts,
                            const Decision& decision, std::string_view queue_id,
                            std::string_view message_id, std::string_view message) {
  DecisionRecord r;
  r.time_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
  r.source = std::string(source);
  r.queue_id = std::string(queue_id);
  r.sender = facts.sender;
  r.level = std::string(content::LevelName(decision.level));
  r.action = std::string(ActionName(decision.action));
  r.rule = decision.rule.id;
  r.message_id = std::string(message_id);
  if (!message.empty()) r.digest = MessageDigest(message);
  for (size_t i = 0; i < decision.recipients.size(); ++i) {
    const RecipientDecision& d = decision.recipients[i];
    DecisionRecipient p;
    p.address = d.recipient;
    p.verdict = std::string(VerdictName(d.verdict));
    p.action = std::string(ActionName(d.action));
    for (const Reason& reason : d.reasons) p.reasons.emplace_back(ReasonCodeName(reason.code));
    if (i < facts.recipients.size()) {
      p.target = facts.recipients[i].check.target;
      p.suggestion = facts.recipients[i].check.suggestion;
    }
    if (d.acknowledged_by != 0) {
      p.acknowledged_by = d.acknowledged_by;
      p.settled_rule = d.settled_rule.id;
      p.rule_action = std::string(ActionName(d.rule_action));
      if (i < facts.recipients.size() && facts.recipients[i].acknowledgement == d.acknowledged_by) {
        p.acknowledgement = facts.recipients[i].acknowledgement_origin;
      }
    }
    r.recipients.push_back(std::move(p));
  }
  return r;
}

}  // namespace nearmiss
