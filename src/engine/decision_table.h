// The policy's rules compiled for matching: recipient classes as a bit set,
// sender groups as hash sets, ranges with their defaults filled in. Matching
// is three-valued so that RCPT time (no content, no recipient list yet) can
// tell "this rule cannot fire" from "wait for the end of the message".
#ifndef NEARMISS_ENGINE_DECISION_TABLE_H_
#define NEARMISS_ENGINE_DECISION_TABLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "nearmiss/decision.h"
#include "nearmiss/policy.h"
#include "nearmiss/verdict.h"

namespace nearmiss::engine {

// What is known about the message when a recipient is matched; nullopt for
// what is not known yet (RCPT time).
struct MessageView {
  std::vector<bool> sender_in_group;  // by group index
  std::optional<content::Level> level;
  // Bit i: the message carries content::ConditionFindingNames()[i].
  std::optional<unsigned> findings;
  std::optional<int> recipients;
  std::optional<int> external_domains;
};

struct CompiledRule {
  RuleRef ref;
  unsigned classes = 0;  // bit per Verdict; 0 = any
  // Of `classes`, those added to what the policy wrote: `lookalike` for a
  // rule about the message that names `external` (DecisionTable).
  uint32_t reasons = 0;  // bit per ReasonCode; 0 = any
  bool has_level = false;
  content::Level level_lo = content::Level::kNone;
  content::Level level_hi = content::Level::kUnknownLabel;
  unsigned findings = 0;  // bit per ConditionFindingNames(); 0 = any
  std::vector<int> groups;
  std::optional<int> recipients_lo, recipients_hi;
  std::optional<int> external_lo, external_hi;
  unsigned targets = 0;  // bit per TrustSource of a look-alike's target; 0 = any
  std::optional<bool> can_receive;  // Rule::can_receive
  std::optional<bool> catch_all;    // Rule::catch_all
  // Rule::address_typo_kinds (bit per AddressTypoKind; 0 = any) and
  // address_typo_score_at_least in hundredths; `typo` when either is set,
  // and then only a recipient with an address-typo finding can match.
  bool typo = false;
  uint32_t typo_kinds = 0;
  int typo_score_lo = 0;
  Action action = Action::kAccept;
  // Rule::acknowledge; unset: acknowledgeable unless the recipient is
  // blocked or a look-alike of a protected domain (Acknowledgeable).
  std::optional<bool> acknowledge;
  std::string message;    // the template; a built-in one when the rule has none
  std::string smtp_code;  // resolved against the default; "" unless reject
  unsigned extended_classes = 0;
  // Needs neither content nor the recipient list: decidable at RCPT.
  bool decidable_at_rcpt = true;
};

// Whether `rule` has a condition about the message rather than the
// recipient: a sensitivity level, a finding, a count of recipients or of
// external domains.
bool AboutMessage(const CompiledRule& rule);

// Whether a sender's acknowledgement may settle `rule`'s action for `check`:
// only warn and confirm, never a rule marked `acknowledge = false`, and by
// default never a rule about the message (AboutMessage: an acknowledgement
// is of a recipient), a blocked recipient or a look-alike of a protected
// domain. `acknowledge = true` overrides the defaults.
bool Acknowledgeable(const CompiledRule& rule, const RecipientCheck& check);

class DecisionTable {
 public:
  explicit DecisionTable(const Policy& policy);

  // The index of the first rule at or after index `from` matching `check`,
  // -1 when none does (the default applies); `deferred` when a rule that
  // might match cannot be settled with what `view` knows. `from` > 0 asks
  // what would decide had the rules before it not matched (a sender's
  // warn/confirm, see Engine::Decide).
  struct Match {
    int rule = -1;
    bool deferred = false;
  };
  Match First(const RecipientCheck& check, const MessageView& view, size_t from = 0) const;

  // Whether DNS facts could change the decision for `check`: some rule with
  // a DNS condition (can_receive, catch_all) whose conditions about the
  // recipient hold comes before any rule that decides it whatever the
  // sender, the message and DNS say (no message or group condition, an
  // action other than warn or confirm). False: the shells do not look its
  // domain up, which the look-alike's own name servers would see (issue
  // 15, fresh tester 15, item 26).
  bool DnsCanDecide(const RecipientCheck& check) const;

  // Which groups `sender` belongs to (by address or domain).
  std::vector<bool> SenderGroups(std::string_view sender) const;

  const CompiledRule& rule(int i) const { return rules_[i]; }
  const CompiledRule& default_rule() const { return default_; }
  // What applies when no rule matches `check`: the default action, but
  // [defaults] on_invalid for an invalid one. That one's built-in text
  // says the domain cannot receive mail when its TLD is outside the root
  // zone (reason tld-not-delegated): nearmiss knows where it would go.
  const CompiledRule& fallback(const RecipientCheck& check) const {
    if (check.verdict != Verdict::kInvalid) return default_;
    const bool undelegated = !check.reasons.empty() &&
                             NoPublicTld(check.reasons.front().code);
    return undelegated ? undelegated_ : invalid_;
  }
  size_t size() const { return rules_.size(); }

  // The MessageView::findings bits of `s`.
  static unsigned FindingBits(const content::Sensitivity& s);

 private:
  struct Group {
    std::unordered_set<std::string> addresses;
    std::vector<std::string> domains;
  };
  std::vector<CompiledRule> rules_;
  CompiledRule default_;
  CompiledRule invalid_;
  CompiledRule undelegated_;  // invalid_ with the text for tld-not-delegated
  std::vector<Group> groups_;
};

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_DECISION_TABLE_H_
