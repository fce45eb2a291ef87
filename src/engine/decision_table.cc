#include "engine/decision_table.h"

#include <algorithm>
#include <cmath>

#include "base/ascii.h"
#include "nearmiss/address.h"

namespace nearmiss::engine {

static_assert(kReasonCodeCount <= 32, "reason codes are matched as a 32-bit set");
static_assert(kAddressTypoKindCount <= 32, "address-typo kinds are matched as a 32-bit set");
namespace {

enum class Tri { kNo, kYes, kUnknown };

Tri And(Tri a, Tri b) {
  if (a == Tri::kNo || b == Tri::kNo) return Tri::kNo;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kYes;
}

Tri InRange(const std::optional<int>& value, const std::optional<int>& lo,
            const std::optional<int>& hi) {
  if (!lo && !hi) return Tri::kYes;
  if (!value) return Tri::kUnknown;
  return (!lo || *value >= *lo) && (!hi || *value <= *hi) ? Tri::kYes : Tri::kNo;
}

// Sentences for rules without a message of their own.
std::string BuiltinMessage(Action action) {
  switch (action) {
    case Action::kAccept: return "";
    case Action::kTag: return "{recipient}: {reason}";
    case Action::kWarn: return "check before sending to {recipient}: {reason}";
    case Action::kConfirm:
      return "held until you confirm ({recipient}): {reason}; did you mean {suggestions}?";
    case Action::kHold: return "held for review ({recipient}): {reason}";
    case Action::kRemoveRecipient: return "{recipient} was removed from the recipients: {reason}";
    case Action::kReject: return "{recipient}: {reason}";
  }
  return "";
}

// Scores compare in the hundredths the engine gives them (verdict.h
// AddressTypo::score), never on a double's last bits.
int Hundredths(double score) { return static_cast<int>(std::lround(score * 100)); }

bool DomainCovers(std::string_view entry, std::string_view domain) {
  if (entry.starts_with('.')) entry.remove_prefix(1);
  if (domain == entry) return true;
  return domain.size() > entry.size() && domain.ends_with(entry) &&
         domain[domain.size() - entry.size() - 1] == '.';
}

}  // namespace

DecisionTable::DecisionTable(const Policy& policy) {
  for (const SenderGroup& g : policy.sender_groups) {
    Group group;
    group.addresses.insert(g.addresses.begin(), g.addresses.end());
    for (const DomainItem& d : g.domains) group.domains.push_back(d.domain);
    groups_.push_back(std::move(group));
  }
  int index = 0;
  for (const Rule& r : policy.rules) {
    CompiledRule c;
    c.ref.index = ++index;
    c.ref.name = r.name;
    c.ref.where = r.where;
    c.ref.id = "rule " + std::to_string(index) + " '" + r.name + "' (" + r.where + ")";
    for (Verdict v : r.recipient) c.classes |= 1u << static_cast<unsigned>(v);
    for (const std::string& name : r.reasons) {
      // The policy parser refuses unknown codes, so every name parses.
      if (std::optional<ReasonCode> code = ParseReasonCode(name)) {
        c.reasons |= uint32_t{1} << static_cast<unsigned>(*code);
      }
    }
    c.has_level = r.sensitivity_at_least.has_value() || r.sensitivity_at_most.has_value();
    c.level_lo = r.sensitivity_at_least.value_or(content::Level::kNone);
    c.level_hi = r.sensitivity_at_most.value_or(content::Level::kUnknownLabel);
    // "at least none" and "at most unknown-label" hold for every message.
    if (c.level_lo == content::Level::kNone && c.level_hi == content::Level::kUnknownLabel) {
      c.has_level = false;
    }
    const std::vector<std::string>& finding_names = content::ConditionFindingNames();
    for (const std::string& name : r.findings) {
      auto it = std::find(finding_names.begin(), finding_names.end(), name);
      if (it != finding_names.end()) c.findings |= 1u << (it - finding_names.begin());
    }
    for (const std::string& name : r.sender_groups) {
      for (size_t i = 0; i < policy.sender_groups.size(); ++i) {
        if (policy.sender_groups[i].name == name) c.groups.push_back(static_cast<int>(i));
      }
    }
    c.recipients_lo = r.recipients_at_least;
    c.recipients_hi = r.recipients_at_most;
    c.external_lo = r.external_domains_at_least;
    c.external_hi = r.external_domains_at_most;
    for (TrustSource s : r.targets) c.targets |= 1u << static_cast<unsigned>(s);
    c.can_receive = r.can_receive;
    c.catch_all = r.catch_all;
    for (AddressTypoKind k : r.address_typo_kinds) {
      c.typo_kinds |= uint32_t{1} << static_cast<unsigned>(k);
    }
    c.typo = c.typo_kinds != 0 || r.address_typo_score_at_least.has_value();
    c.typo_score_lo = Hundredths(r.address_typo_score_at_least.value_or(0));
    c.action = r.action;
    c.acknowledge = r.acknowledge;
    c.message = r.message.empty() ? BuiltinMessage(r.action) : r.message;
    if (r.action == Action::kReject) {
      c.smtp_code = r.smtp_code.empty() ? policy.defaults.smtp_code : r.smtp_code;
    }
    c.decidable_at_rcpt = !c.has_level && c.findings == 0 && !c.recipients_lo && !c.recipients_hi &&
                          !c.external_lo && !c.external_hi;
    // A look-alike is outside the organisation as much as an external
    // domain is: a rule about the message (SECRET, an encrypted attachment,
    // many recipients) written for `external` covers it too. Otherwise a
    // look-alike whose own warn or confirm was acknowledged fell through to
    // the default accept, and an unacknowledged one stayed the sender's to
    // release: SECRET went to erin@hotmial.com (issue 14, round 34).
    constexpr unsigned kExternalBit = 1u << static_cast<unsigned>(Verdict::kExternal);
    if ((c.classes & kExternalBit) != 0 && AboutMessage(c)) {
      c.extended_classes = 1u << static_cast<unsigned>(Verdict::kLookalike);
      c.classes |= c.extended_classes;
    }
    rules_.push_back(std::move(c));
  }
  default_.ref.name = "default";
  default_.ref.where = policy.defaults.action_where;
  default_.ref.id = "default action" +
                    (policy.defaults.action_where.empty()
                         ? std::string()
                         : " (" + policy.defaults.action_where + ")");
  default_.action = policy.defaults.action;
  default_.message = BuiltinMessage(policy.defaults.action);
  if (default_.action == Action::kReject) default_.smtp_code = policy.defaults.smtp_code;
  // A recipient nearmiss could not judge never falls to the default action.
  invalid_.ref.name = "on_invalid";
  invalid_.ref.id = "[defaults] on_invalid = \"" + policy.defaults.on_invalid_name + "\"";
  invalid_.action = policy.defaults.on_invalid;
  invalid_.message = policy.defaults.on_invalid == Action::kAccept
                         ? BuiltinMessage(Action::kAccept)
                         : "{recipient}: nearmiss cannot tell where this address would be "
                           "delivered ({reason}); check it and send again";
  if (invalid_.action == Action::kReject) invalid_.smtp_code = policy.defaults.on_invalid_code;
  undelegated_ = invalid_;
  if (undelegated_.action != Action::kAccept) {
    undelegated_.message =
        "{recipient}: the domain cannot receive mail ({reason}); check it and send again";
  }
}

bool AboutMessage(const CompiledRule& rule) {
  return rule.has_level || rule.findings != 0 || rule.recipients_lo || rule.recipients_hi ||
         rule.external_lo || rule.external_hi;
}

bool Acknowledgeable(const CompiledRule& rule, const RecipientCheck& check) {
  if (rule.action != Action::kWarn && rule.action != Action::kConfirm) return false;
  if (rule.acknowledge) return *rule.acknowledge;
  // An acknowledgement says a recipient is meant. A rule about the message
  // (its sensitivity, a finding, how many it goes to) asks about this one
  // message, and the next marked one is a new question: an acknowledged
  // address typo must not switch off an OFFICIAL-SENSITIVE confirm.
  if (AboutMessage(rule)) return false;
  if (check.verdict == Verdict::kBlocked) return false;
  return !(check.verdict == Verdict::kLookalike &&
           check.target_source == TrustSource::kProtected);
}

unsigned DecisionTable::FindingBits(const content::Sensitivity& s) {
  unsigned bits = 0;
  const std::vector<std::string>& names = content::ConditionFindingNames();
  for (size_t i = 0; i < names.size(); ++i) {
    if (s.Has(names[i])) bits |= 1u << i;
  }
  return bits;
}

std::vector<bool> DecisionTable::SenderGroups(std::string_view sender) const {
  std::vector<bool> in(groups_.size(), false);
  if (groups_.empty() || sender.empty()) return in;
  Result<Address> a = ParseAddress(sender);
  if (!a.ok()) return in;
  std::string address = AsciiLower(a->ToString());
  for (size_t i = 0; i < groups_.size(); ++i) {
    const Group& g = groups_[i];
    in[i] = g.addresses.count(address) > 0 ||
            std::any_of(g.domains.begin(), g.domains.end(), [&](const std::string& d) {
              return DomainCovers(d, a->domain.ascii);
            });
  }
  return in;
}

namespace {

uint32_t ReasonBitsOf(const RecipientCheck& check) {
  uint32_t reasons = 0;
  for (const Reason& x : check.reasons) reasons |= uint32_t{1} << static_cast<unsigned>(x.code);
  return reasons;
}

// The rule's conditions about the recipient alone, but for DNS: its class,
// reason, the look-alike's target and the address-typo finding.
bool RecipientConditionsHold(const CompiledRule& r, const RecipientCheck& check,
                             uint32_t reasons) {
  if (r.classes != 0 && (r.classes & (1u << static_cast<unsigned>(check.verdict))) == 0) {
    return false;
  }
  if (r.reasons != 0 && (r.reasons & reasons) == 0) return false;
  if (r.targets != 0 &&
      ((check.verdict != Verdict::kLookalike && check.verdict != Verdict::kTrusted) ||
       (r.targets & (1u << static_cast<unsigned>(check.target_source))) == 0)) {
    return false;
  }
  if (r.typo) {
    if (!check.address_typo) return false;
    if (r.typo_kinds != 0 &&
        (r.typo_kinds & (uint32_t{1} << static_cast<unsigned>(check.address_typo->kind))) == 0) {
      return false;
    }
    if (Hundredths(check.address_typo->score) < r.typo_score_lo) return false;
  }
  return true;
}

}  // namespace

bool DecisionTable::DnsCanDecide(const RecipientCheck& check) const {
  const uint32_t reasons = ReasonBitsOf(check);
  for (const CompiledRule& r : rules_) {
    if (!RecipientConditionsHold(r, check, reasons)) continue;
    if (r.can_receive.has_value() || r.catch_all.has_value()) return true;
    // A rule that matches whatever the sender and the message, and whose
    // action no acknowledgement or stricter later rule passes on (warn and
    // confirm can: Engine::Decide), decides before any later rule.
    if (!AboutMessage(r) && r.groups.empty() && r.action != Action::kWarn &&
        r.action != Action::kConfirm) {
      return false;
    }
  }
  return false;
}

DecisionTable::Match DecisionTable::First(const RecipientCheck& check, const MessageView& view,
                                          size_t from) const {
  const uint32_t reasons = ReasonBitsOf(check);
  // A TLD the root zone lacks receives no mail: a fact without DNS, so a
  // can_receive rule is judged at once (gmail.zz, army.mik: Postfix would
  // bounce them, so the default policy refuses them with the suggestion).
  // Nor does a name of one label (gmailcom, gmail-com): no TLD's own name
  // is a mail domain (dns/resolver.h), so it is refused as gmail.zz is,
  // DNS on or off (issue 15, round 37, item 1).
  const bool one_label = check.verdict == Verdict::kLookalike && !check.domain.empty() &&
                         check.domain.find('.') == std::string::npos;
  const uint32_t no_tld_bits =
      (uint32_t{1} << static_cast<unsigned>(ReasonCode::kTldNotDelegated)) |
      (uint32_t{1} << static_cast<unsigned>(ReasonCode::kSpecialUseName));
  const bool no_tld = one_label || (reasons & no_tld_bits) != 0;
  Match m;
  for (size_t i = from; i < rules_.size(); ++i) {
    const CompiledRule& r = rules_[i];
    Tri t = Tri::kYes;
    if (!RecipientConditionsHold(r, check, reasons)) continue;
    // No DNS facts (DNS off, not looked up) or an unknown answer: the
    // domain counts as able to receive mail, and as a catch-all (fail
    // closed). Facts still on their way (the milter at RCPT): this rule
    // cannot be judged yet, so the decision waits for the end of message.
    bool dns_unknown =
        !no_tld && (r.can_receive.has_value() || r.catch_all.has_value()) && check.dns_pending;
    if (!dns_unknown) {
      if (r.can_receive &&
          *r.can_receive != (!no_tld && (!check.dns.has_value() || check.dns->CanReceive()))) {
        continue;
      }
      if (r.catch_all && *r.catch_all != (!no_tld && (!check.dns.has_value() ||
                                                      check.dns->AcceptsAnyAddress()))) {
        continue;
      }
    }
    if (!r.groups.empty()) {
      bool any = std::any_of(r.groups.begin(), r.groups.end(), [&](int g) {
        return g < static_cast<int>(view.sender_in_group.size()) && view.sender_in_group[g];
      });
      if (!any) continue;
    }
    if (r.has_level) {
      t = !view.level ? Tri::kUnknown
          : (*view.level >= r.level_lo && *view.level <= r.level_hi) ? Tri::kYes
                                                                     : Tri::kNo;
    }
    if (r.findings != 0) {
      t = And(t, !view.findings                  ? Tri::kUnknown
                 : (*view.findings & r.findings) ? Tri::kYes
                                                 : Tri::kNo);
    }
    t = And(t, InRange(view.recipients, r.recipients_lo, r.recipients_hi));
    t = And(t, InRange(view.external_domains, r.external_lo, r.external_hi));
    if (dns_unknown) t = And(t, Tri::kUnknown);
    if (t == Tri::kNo) continue;
    // Such a rule waits for the content only at the end of the message,
    // where Decide judges every recipient again: at RCPT it must not hold
    // back the look-alike's own rule (gmail.zz refused at RCPT), and what
    // RCPT can do (refuse) is never less than it.
    if (t == Tri::kUnknown &&
        (r.extended_classes & (1u << static_cast<unsigned>(check.verdict))) != 0) {
      continue;
    }
    if (t == Tri::kUnknown) {
      m.deferred = true;
      return m;
    }
    m.rule = static_cast<int>(i);
    return m;
  }
  return m;
}

}  // namespace nearmiss::engine
