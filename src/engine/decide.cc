// Engine::Decide and DecideRecipient: recipients through the decision table,
// messages rendered for the sender, and the message's own action.
#include <algorithm>
#include <string_view>
#include <vector>

#include "address/idna.h"
#include "engine/decision_table.h"
#include "nearmiss/engine.h"
#include "policy/template.h"

namespace nearmiss {
namespace {

// "the message is marked SECRET (SECRET//NOFORN in the subject)", or, for
// a level that only [limits] incomplete_level gave, why it was not read.
Reason SensitivityReason(const content::Sensitivity& s) {
  const content::Finding* best = nullptr;
  const content::Finding* limit = nullptr;
  for (const content::Finding& f : s.findings) {
    if (f.pack == "limit" && limit == nullptr) limit = &f;
    if (f.strength == content::Strength::kStrong && f.level == s.level && f.pack != "limit") {
      best = &f;
      break;
    }
  }
  Reason r;
  r.code = ReasonCode::kSensitivity;
  r.subject = std::string(content::LevelName(s.level));
  if (best == nullptr && !s.complete) {
    r.form = SensitivityForm::kUnread;
    if (limit != nullptr) r.object = limit->marking;
    return r;
  }
  if (best != nullptr && s.level == content::Level::kUnknownLabel) {
    r.form = SensitivityForm::kUnknownLabel;
    r.object = best->text;
    r.detail = best->where;
    return r;
  }
  if (best != nullptr) {
    r.object = best->marking;
    r.detail = best->where;
  }
  return r;
}

// SensitivityReason(s).form == kUnread, without building the reason.
bool Unread(const content::Sensitivity& s) {
  if (s.complete) return false;
  for (const content::Finding& f : s.findings) {
    if (f.strength == content::Strength::kStrong && f.level == s.level && f.pack != "limit") {
      return false;
    }
  }
  return true;
}

// For a rule's `finding` condition: the first finding of a kind it names.
Reason FindingReason(const content::Sensitivity& s, unsigned wanted) {
  const std::vector<std::string>& names = content::ConditionFindingNames();
  for (const content::Finding& f : s.findings) {
    for (size_t i = 0; i < names.size(); ++i) {
      if ((wanted & (1u << i)) == 0 || f.marking != names[i]) continue;
      Reason r;
      r.code = ReasonCode::kSensitivity;
      r.detail = f.where;
      if (f.marking == "encrypted-attachment") {
        r.form = SensitivityForm::kEncrypted;
      } else if (f.marking == "doubted-marking") {
        // kNamedFinding with its sentence's parts: "'TOP SECRET' stands
        // alone on a line of the body, where a TOP SECRET marking would,
        // but nothing else in the message is marked".
        r.form = SensitivityForm::kNamedFinding;
        r.subject = std::string(content::LevelName(f.level));
        r.object = f.text;
      } else {
        r.form = SensitivityForm::kUnlistedLabel;
        r.object = f.text;
      }
      return r;
    }
  }
  Reason r;
  r.code = ReasonCode::kSensitivity;
  r.form = SensitivityForm::kNamedFinding;
  return r;
}

std::string JoinReasons(const std::vector<Reason>& reasons) {
  std::string out;
  for (const Reason& r : reasons) {
    if (!out.empty()) out += "; ";
    AppendReasonMessage(r, &out);
  }
  return out;
}

RecipientDecision Make(const engine::CompiledRule& rule, const RecipientCheck& check,
                       RecipientField field, const content::Sensitivity* sensitivity,
                       MailPath path) {
  RecipientDecision d;
  d.recipient = check.address.empty() ? check.input : check.address;
  d.field = field;
  d.verdict = check.verdict;
  d.action = rule.action;
  d.rule = rule.ref;
  d.reasons = check.reasons;
  // Which finding decided, read where the match was made (the compiled
  // rule), so every shell names the same one (issue 14, round 37, item 3).
  for (const Reason& x : check.reasons) {
    if ((rule.reasons & (uint32_t{1} << static_cast<unsigned>(x.code))) != 0) {
      d.finding = ReasonCodeName(x.code);
      break;
    }
  }
  if (d.finding.empty() && rule.typo && check.address_typo) {
    d.finding = ReasonCodeName(ReasonCode::kAddressTypo);
  }
  if (rule.findings != 0 && sensitivity != nullptr) {
    d.reasons.push_back(FindingReason(*sensitivity, rule.findings));
  } else if (rule.has_level && sensitivity != nullptr) {
    d.reasons.push_back(SensitivityReason(*sensitivity));
  }
  d.at_rcpt = path == MailPath::kSmtp && rule.action == Action::kReject && rule.decidable_at_rcpt;
  content::Level level = sensitivity ? sensitivity->level : content::Level::kNone;
  std::string reason = JoinReasons(d.reasons);
  if (reason.empty() && check.verdict == Verdict::kExternal) {
    reason = (check.domain_unicode.empty() ? check.domain : check.domain_unicode) +
             " is outside the organisation";
  }
  std::string marked;
  if (sensitivity != nullptr) {
    marked = Unread(*sensitivity)
                 ? "the message could not be read to the end, so it counts as "
                 : "the message is marked ";
    marked += content::LevelName(level);
  }
  // Two targets about as likely (yahoo.com.t: .tw or .tr) are both offered.
  // Shown as a person writes them (x@яндекс.рф); the milter's reply puts
  // them back in A-label form (address::SmtpReplyText).
  const std::string suggestion = address::ShownAddress(check.suggestion);
  const std::string also = address::ShownAddress(check.also_suggestion);
  const std::string target = address::ShownAddress(check.target);
  // Never an empty one: "did you mean  or x@gov.wales?" (issue 15, round
  // 42, tester item 6); the engine offers a second only beside a first.
  std::string suggestions = suggestion.empty() ? also : suggestion;
  if (!suggestion.empty() && !also.empty()) suggestions.append(" or ").append(also);
  // A look-alike of a namespace as a whole (police.co.uk for police.uk)
  // has no one address to offer: "did you mean an address under
  // .police.uk?" still tells the sender where to look.
  if (suggestions.empty() && check.verdict == Verdict::kLookalike && !target.empty()) {
    suggestions = "an address under ." + target;
  }
  policy::TemplateFields fields{d.recipient, suggestion, target, reason,
                                content::LevelName(level), marked, also, suggestions};
  d.message = policy::RenderTemplate(rule.message, fields);
  // An invalid address that is a dot slip (gmail..com) carries what it was
  // meant to be: the sender is told, whatever the message says.
  if (check.verdict == Verdict::kInvalid && !check.suggestion.empty() &&
      d.message.find(suggestion) == std::string::npos) {
    d.message.append("; did you mean ").append(suggestions).append("?");
  }
  d.smtp_code = rule.smtp_code;
  d.rule_action = rule.action;
  d.acknowledgeable = engine::Acknowledgeable(rule, check);
  return d;
}

// Which rule decides a recipient. A warn or confirm is the sender's to
// answer, so it does not end the search the way other actions do:
// - a sender's acknowledgement settles it as if it had not matched, so the
//   rules after it still apply (a SECRET hold, an OFFICIAL-SENSITIVE tag);
// - unacknowledged, the rule that would decide without it wins when that
//   rule is stricter (hold, remove-recipient, reject) and is about the
//   message's content (a sensitivity level or finding condition, which
//   the warn or confirm has not): a content hold is never the sender's to
//   settle, so an address typo must not downgrade a SECRET hold to the
//   sender's own release link (docs/policy.md). Between rules about the
//   recipient alone, the first match stands, as written: "warn on a
//   look-alike that cannot receive mail, reject the others".
// - the other way round, a rule about the message (its sensitivity, a
//   finding, its recipient counts) that does less than the first later
//   rule about the recipient alone gives way to it: an OFFICIAL-SENSITIVE
//   tag must not let an address typo through that a plain message would
//   have confirmed (the more sensitive the mail, the less it was
//   protected). Acknowledged, that recipient rule is settled and the
//   content rule stands.
// A later rule still waiting for facts (deferred) never outranks.
struct Resolved {
  engine::DecisionTable::Match match;
  const engine::CompiledRule* settled = nullptr;  // the first rule settled
};

void RecipientOverContent(const engine::DecisionTable& table, const RecipientCheck& check,
                          const engine::MessageView& view, bool acknowledged, Resolved& out) {
  if (out.match.rule < 0 || out.match.deferred) return;
  const engine::CompiledRule& first = table.rule(out.match.rule);
  if (!engine::AboutMessage(first)) return;
  engine::DecisionTable::Match m = out.match;
  for (;;) {
    m = table.First(check, view, static_cast<size_t>(m.rule) + 1);
    if (m.rule < 0 || m.deferred) return;
    const engine::CompiledRule& later = table.rule(m.rule);
    if (engine::AboutMessage(later)) continue;
    if (later.action <= first.action) return;
    if (acknowledged && engine::Acknowledgeable(later, check)) {
      out.settled = &later;
      return;
    }
    out.match = m;
    return;
  }
}

Resolved Resolve(const engine::DecisionTable& table, const RecipientCheck& check,
                 const engine::MessageView& view, bool acknowledged) {
  Resolved out;
  out.match = table.First(check, view);
  RecipientOverContent(table, check, view, acknowledged, out);
  while (out.match.rule >= 0 && !out.match.deferred) {
    const engine::CompiledRule& rule = table.rule(out.match.rule);
    if (rule.action != Action::kWarn && rule.action != Action::kConfirm) break;
    engine::DecisionTable::Match next =
        table.First(check, view, static_cast<size_t>(out.match.rule) + 1);
    if (acknowledged && engine::Acknowledgeable(rule, check)) {
      if (out.settled == nullptr) out.settled = &rule;
      out.match = next;
      continue;
    }
    if (next.rule < 0 || next.deferred) break;
    const engine::CompiledRule& stricter = table.rule(next.rule);
    bool about_content = (stricter.has_level || stricter.findings != 0) &&
                         !rule.has_level && rule.findings == 0;
    if (stricter.action <= rule.action || !about_content) break;
    out.match = next;
  }
  return out;
}

// How many distinct strings `v` holds (sorts it).
int CountDistinct(std::vector<std::string_view>& v) {
  std::sort(v.begin(), v.end());
  return static_cast<int>(std::unique(v.begin(), v.end()) - v.begin());
}

}  // namespace

RecipientDecision Engine::DecideRecipient(std::string_view sender, const RecipientCheck& check,
                                          RecipientField field, MailPath path) const {
  engine::MessageView view;
  view.sender_in_group = table_->SenderGroups(sender);
  // Acknowledgements are not read at RCPT time: the end of message settles.
  engine::DecisionTable::Match m = Resolve(*table_, check, view, false).match;
  if (m.deferred) {
    RecipientDecision d = Make(table_->default_rule(), check, field, nullptr, path);
    d.action = Action::kAccept;
    d.deferred = true;
    d.at_rcpt = false;
    d.message.clear();
    d.smtp_code.clear();
    d.rule = RuleRef{0, "deferred", "", "deferred to end of message"};
    return d;
  }
  const engine::CompiledRule& rule =
      m.rule < 0 ? table_->fallback(check) : table_->rule(m.rule);
  return Make(rule, check, field, nullptr, path);
}

Decision Engine::Decide(const MessageFacts& facts) const {
  // The facts' sensitivity as it is, unless a pack is disabled or its level
  // must be raised: a copy of its findings per message cost the milter more
  // than deciding (bench/milter-instructions, round 38).
  const content::Sensitivity* seen = &facts.sensitivity;
  content::Sensitivity changed;
  // What could not be read may hold anything: never less than
  // [limits] incomplete_level.
  if (!disabled_packs_.empty() ||
      (!seen->complete && seen->level < policy_.incomplete_level)) {
    changed = FilterSensitivity(facts.sensitivity);
    if (!changed.complete && changed.level < policy_.incomplete_level) {
      changed.level = policy_.incomplete_level;
    }
    seen = &changed;
  }
  const content::Sensitivity& sensitivity = *seen;
  engine::MessageView view;
  view.sender_in_group = table_->SenderGroups(facts.sender);
  view.level = sensitivity.level;
  view.findings = engine::DecisionTable::FindingBits(sensitivity);
  // Distinct addresses and external domains, compared as the set of
  // strings they were (views: no copies).
  std::vector<std::string_view> addresses, external;
  addresses.reserve(facts.recipients.size());
  for (const MessageRecipient& r : facts.recipients) {
    const RecipientCheck& c = r.check;
    addresses.push_back(c.address.empty() ? c.input : c.address);
    if (c.verdict == Verdict::kExternal || c.verdict == Verdict::kLookalike ||
        c.verdict == Verdict::kBlocked) {
      external.push_back(c.domain);
    }
  }
  view.recipients = CountDistinct(addresses);
  view.external_domains = CountDistinct(external);

  Decision d;
  d.level = sensitivity.level;
  d.tag_header = policy_.defaults.tag_header;
  d.rule = table_->default_rule().ref;
  d.action = table_->default_rule().action;
  if (facts.recipients.empty()) d.message_action = d.action;
  const RecipientDecision* worst = nullptr;
  for (const MessageRecipient& r : facts.recipients) {
    Resolved res = Resolve(*table_, r.check, view, r.acknowledgement != 0);
    const engine::CompiledRule& rule = res.match.rule < 0
                                           ? table_->fallback(r.check)
                                           : table_->rule(res.match.rule);
    RecipientDecision rd = Make(rule, r.check, r.field, &sensitivity, facts.path);
    // The sender already said this recipient is meant: the warning is not
    // asked again (the settled rule is kept for the record).
    if (res.settled != nullptr) {
      rd.acknowledged_by = r.acknowledgement;
      rd.settled_rule = res.settled->ref;
      rd.rule_action = res.settled->action;
    }
    d.recipients.push_back(std::move(rd));
  }
  bool reject_message = false;
  bool any_left = false;
  Action left = Action::kAccept;
  for (const RecipientDecision& rd : d.recipients) {
    if (worst == nullptr || rd.action > worst->action) worst = &rd;
    if (rd.action == Action::kReject && !rd.at_rcpt) reject_message = true;
    if (rd.action == Action::kReject || rd.action == Action::kRemoveRecipient) continue;
    any_left = true;
    left = std::max(left, rd.action);
  }
  if (worst != nullptr) {
    d.action = worst->action;
    d.rule = worst->rule;
    // Every recipient the worst action falls on is named, each message
    // once (army.mik, gmail.zz and navy.ml refused together): the message
    // is what a sender reads of the whole decision, and naming only the
    // first left the others to be found one send at a time (issue 15,
    // round 34, item 9).
    d.message.clear();
    std::vector<std::string_view> said;
    for (const RecipientDecision& rd : d.recipients) {
      if (rd.action != worst->action || rd.message.empty()) continue;
      if (std::find(said.begin(), said.end(), rd.message) != said.end()) continue;
      said.push_back(rd.message);
      if (!d.message.empty()) d.message.append(rd.message.ends_with('.') ? " " : "; ");
      d.message.append(rd.message);
    }
    d.smtp_code = worst->smtp_code;
    d.message_action = reject_message || !any_left ? Action::kReject : left;
  }
  // Reasons behind every action that is not accept, without repeats.
  for (const RecipientDecision& rd : d.recipients) {
    if (rd.action == Action::kAccept) continue;
    for (const Reason& reason : rd.reasons) {
      bool seen = std::find(d.reasons.begin(), d.reasons.end(), reason) != d.reasons.end();
      if (!seen) d.reasons.push_back(reason);
    }
  }
  return d;
}

content::Sensitivity Engine::FilterSensitivity(content::Sensitivity s) const {
  if (disabled_packs_.empty()) return s;
  content::Sensitivity out;
  out.complete = s.complete;
  for (content::Finding& f : s.findings) {
    if (std::find(disabled_packs_.begin(), disabled_packs_.end(), f.pack) !=
        disabled_packs_.end()) {
      continue;
    }
    out.Add(std::move(f));
  }
  return out;
}

content::ScannedMessage Engine::ScanMessage(std::string_view bytes, std::string source,
                                            content::Scratch& scratch) const {
  content::ScannedMessage m =
      content::ScanMessage(bytes, std::move(source), *scanner_, scratch, policy_.limits);
  m.sensitivity = FilterSensitivity(std::move(m.sensitivity));
  return m;
}

}  // namespace nearmiss
