// DecisionRecord: one decision as the audit log (the journal) keeps it, and
// DecisionSink, the hook every place that decides (milter, HTTP API, `scan`)
// calls.
//
// A record holds who, to whom, what the policy said and why, and a digest of
// the message, never its body: the log must be safe to hand to auditors.
//
// Thread safety: DecisionRecord is a value. DecisionSink::Record may be called
// from any thread at once and must not block on I/O for long (the milter
// calls it on its I/O thread); implementations queue and write in batches.
#ifndef NEARMISS_DECISION_RECORD_H_
#define NEARMISS_DECISION_RECORD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/decision.h"

namespace nearmiss {

struct DecisionRecipient {
  std::string address;  // canonical, or the input when invalid
  std::string verdict;  // "trusted", "external", "lookalike", "blocked", "invalid"
  std::string action;   // "accept" ... "reject"
  std::vector<std::string> reasons;  // reason codes: "suffix-edit", ...
  std::string target;      // look-alike: the domain it resembles
  std::string suggestion;  // look-alike: the corrected address
  // The sender's acknowledgement that settled this recipient's warn or
  // confirm (RecipientDecision::acknowledged_by); 0, and the rest empty,
  // when none did. `acknowledgement` says who made it, which way and
  // when; `settled_rule` is the rule it settled (RuleRef::id) and
  // `rule_action` that rule's own action ("warn", "confirm"), while
  // `action` is what the message got for this recipient. Stored since
  // schema 8; records written before read as none.
  int64_t acknowledged_by = 0;
  AcknowledgementOrigin acknowledgement = {};
  std::string settled_rule = {};
  std::string rule_action = {};
};

struct DecisionRecord {
  int64_t id = 0;       // assigned by the store; 0 before it is written
  // Idempotency key, unique per record across processes and nodes, given by
  // the journal's writer ("" until then): a store keeps one record per key,
  // so a batch retried after a lost COMMIT answer is not stored twice.
  std::string key;
  int64_t time_ms = 0;  // unix milliseconds of the decision
  std::string source;   // "milter", "api", "scan"
  std::string queue_id;    // the MTA's queue id; "" when none
  std::string sender;      // envelope sender or From address
  std::vector<DecisionRecipient> recipients;
  std::string level;       // sensitivity level name: "none", "SECRET", ...
  std::string action;      // the message's action (Decision::action)
  std::string rule;        // RuleRef::id of the deciding rule
  std::string message_id;  // without angle brackets; "" when absent
  std::string digest;      // "sha256:<hex>" of the message bytes; "" if unseen
};

class DecisionSink {
 public:
  virtual ~DecisionSink() = default;
  // Takes one record; never fails (a sink that cannot write counts and
  // reports the loss itself).
  virtual void Record(DecisionRecord record) = 0;
};

// The record of one Decision on `facts` (library nearmiss_journal).
// `message` is hashed, not kept; empty when the content was never seen.
// time_ms is now.
DecisionRecord MakeDecisionRecord(std::string_view source, const MessageFacts& facts,
                            const Decision& decision, std::string_view queue_id,
                            std::string_view message_id, std::string_view message);

// "sha256:<64 hex digits>".
std::string MessageDigest(std::string_view message);

}  // namespace nearmiss

#endif  // NEARMISS_DECISION_RECORD_H_
