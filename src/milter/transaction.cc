// End of message: scan, decide, and answer with the packets that carry the
// decision out. The replies name nothing the sender could not see already:
// the rule's message and the reasons.
#include "milter/transaction.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "address/text.h"
#include "base/ascii.h"
#include "confirm/link.h"
#include "milter/codec.h"
#include "milter/decision_log.h"

namespace nearmiss::milter {
namespace {

// RFC 5322 allows 998 bytes a line; our header is one unfolded line.
constexpr size_t kMaxHeaderValue = 900;

}  // namespace

std::pair<std::string, std::string> SplitSmtpCode(std::string_view code,
                                                  bool temporary) {
  std::string basic = temporary ? "451" : "550";
  std::string enhanced = temporary ? "4.3.0" : "5.7.1";
  if (code.size() >= 3 && (code[0] == '4' || code[0] == '5') &&
      isdigit(static_cast<unsigned char>(code[1])) &&
      isdigit(static_cast<unsigned char>(code[2]))) {
    basic = std::string(code.substr(0, 3));
    std::string_view rest = code.substr(3);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    enhanced = rest.empty() ? "" : std::string(rest);
    if (!enhanced.empty() && enhanced[0] != basic[0]) enhanced.clear();
  }
  return {basic, enhanced};
}

namespace {

// Where the top-level Content-Type value starts (blanks and folds
// skipped), or empty when the header block has none. A value with nothing
// before a following header starts at that header: not text, so the safe
// way (the worker pool) is taken.
std::string_view TopContentType(std::string_view message) {
  size_t pos = 0;
  while (pos < message.size()) {
    size_t end = message.find("\r\n", pos);
    if (end == std::string_view::npos) end = message.size();
    std::string_view line = message.substr(pos, end - pos);
    if (line.empty()) break;  // end of the header block
    if (StartsWithNoCase(line, "content-type:")) {
      std::string_view value = message.substr(pos + 13);
      while (!value.empty() && std::string_view(" \t\r\n").find(value.front()) !=
                                    std::string_view::npos) {
        value.remove_prefix(1);
      }
      return value;
    }
    pos = end + 2;
  }
  return {};
}

}  // namespace

bool IsQuickToScan(const Transaction& tx) {
  if (tx.seen_bytes > kQuickScanBytes) return false;
  std::string_view type = TopContentType(tx.message);
  return type.empty() || StartsWithNoCase(type, "text/");
}

namespace {

void AppendPart(std::string_view part, std::string* out) {
  if (part.empty()) return;
  if (!out->empty()) *out += "; ";
  *out += part;
}

// The tag header: what was done, at what level, by which rule, and why.
// It travels with the message to every recipient, outside ones included,
// and stays on a held message that a sender's link or an admin releases
// (Postfix cannot edit a queued message): so it says why only in words
// that name no one. A recipient's reason (address-typo: "looks like
// maria.garcia@..., written to 16 times"; a look-alike: the trusted domain
// it resembles) would tell the outside recipient, who may be exactly the
// wrong person, another correspondent of the organisation and how often
// it is written to (issue 14 breaker, item 4): those are written as their
// reason codes only; the whole sentence is in the sender's notice, the
// decision log and the admin's held view. A removed recipient (maybe a
// Bcc) is counted, not named. A rule's message is never written: it is
// rendered with a recipient's address.
std::string TagValue(const Transaction& tx, const Decision& d,
                     const content::Sensitivity& s,
                     const std::vector<std::string>& removed) {
  std::string v(ActionName(d.message_action));
  AppendPart("level=" + std::string(content::LevelName(d.level)), &v);
  if (d.rule.index > 0) AppendPart("rule=" + d.rule.name, &v);
  std::string codes;
  std::vector<ReasonCode> seen;
  for (const Reason& r : d.reasons) {
    if (r.code == ReasonCode::kTrusted || r.code == ReasonCode::kSensitivity) continue;
    if (std::find(seen.begin(), seen.end(), r.code) != seen.end()) continue;
    seen.push_back(r.code);
    codes.append(codes.empty() ? "reasons=" : ",").append(ReasonCodeName(r.code));
  }
  // A rule's message is rendered per recipient ({recipient}: "... sent to
  // hidden.bcc@bank.example, outside the organisation"), so it never goes
  // in: a Bcc recipient was named to every other recipient (stop 37's
  // issue 14 tester, item 1). A content rule is said by its code; only the
  // defaults' own messages, which name no one, are kept.
  if (codes.empty() && d.level > content::Level::kNone) codes = "reasons=sensitivity";
  AppendPart(codes.empty() && d.rule.index == 0 ? d.message : codes, &v);
  if (!removed.empty()) AppendPart("recipients removed: " + std::to_string(removed.size()), &v);
  if (!s.complete) {
    AppendPart(tx.truncated() ? "partial: decided on the first " +
                                    std::to_string(tx.message.size()) + " of " +
                                    std::to_string(tx.seen_bytes) + " bytes"
                              : "partial: a content limit was hit",
               &v);
  }
  return SanitizeHeaderValue(v, kMaxHeaderValue);
}

ConfirmRequest MakeConfirmRequest(const Transaction& tx, const MessageFacts& facts,
                                  const Decision& d, const std::string& subject) {
  ConfirmRequest c;
  c.queue_id = tx.queue_id;
  c.sender = facts.sender;
  c.subject = subject;
  for (size_t i = 0; i < d.recipients.size() && i < facts.recipients.size(); ++i) {
    const RecipientDecision& r = d.recipients[i];
    if (r.action != Action::kConfirm) continue;
    std::string reason;
    for (const Reason& x : r.reasons) {
      if (x.code == ReasonCode::kTrusted) continue;
      if (!reason.empty()) reason += "; ";
      AppendReasonMessage(x, &reason);
    }
    const RecipientCheck& check = facts.recipients[i].check;
    c.recipients.push_back({r.recipient, reason, check.suggestion, r.acknowledgeable,
                            WarningCodes(check), WarningTypoKind(check), check.also_suggestion});
  }
  return c;
}

// The sender-facing text of a whole-message reject: each refused
// recipient's message (prefixed with the recipient when the rule's
// template does not name it), or the decision's.
// One part per refused recipient, each on lines of its own in the reply
// (EncodeReplyLines): joined on one line, Postfix cut the reply at 512
// bytes, mid-word, and the third recipient's suggestion never reached the
// sender (issue 15, fresh tester, item 9).
std::vector<std::string> RejectParts(const Decision& d) {
  std::vector<std::string> parts;
  for (const RecipientDecision& r : d.recipients) {
    if (r.action != Action::kReject) continue;
    std::string part = r.message.empty() ? r.recipient + ": refused by policy"
                       : r.message.find(r.recipient) == std::string::npos
                           ? r.recipient + ": " + r.message
                           : r.message;
    part = address::SmtpReplyText(part);
    if (std::find(parts.begin(), parts.end(), part) == parts.end()) {
      parts.push_back(std::move(part));
    }
  }
  if (parts.empty()) {
    parts.push_back(d.message.empty() ? "message refused by policy"
                                      : address::SmtpReplyText(d.message));
  }
  return parts;
}

// The SMTP code of a whole-message reject: the first refused recipient's
// rule's, else the decision's.
std::string RejectCode(const Decision& d) {
  for (const RecipientDecision& r : d.recipients) {
    if (r.action == Action::kReject && !r.smtp_code.empty()) return r.smtp_code;
  }
  return d.smtp_code;
}

}  // namespace

void Transaction::Append(std::string_view bytes) {
  seen_bytes += bytes.size();
  if (over_budget || message.size() >= max_bytes) return;
  std::string_view fit = bytes.substr(0, max_bytes - message.size());
  size_t need = message.size() + fit.size();
  if (need > message.capacity()) {
    // The first growth takes kFirstRoom at once: a message's header lines
    // arrive one packet each, and doubling from the small-string buffer
    // took three allocations and copies per message before its body
    // (bench/milter-instructions, round 38).
    size_t grown = std::min(max_bytes, std::max({need, message.capacity() * 2, kFirstRoom}));
    if (!charge.Resize(grown)) {
      over_budget = true;
      std::string().swap(message);  // give the memory back now, not at the end
      charge.Release();
      return;
    }
    // Into a fresh string: libstdc++'s reserve() on a grown string rounds
    // up to twice the old capacity, past the bound.
    std::string bigger;
    bigger.reserve(grown);
    bigger.append(message);
    message.swap(bigger);
  }
  message.append(fit);
}

EomOutcome FinishMessage(const Transaction& tx, const EomContext& context) {
  if (tx.over_budget) return BusyMessage(tx, "the milter's message buffer budget is spent");
  if (!tx.checker) return FailMessage(tx, context, "no policy loaded");
  if (!tx.unjudged.empty()) return FailMessage(tx, context, tx.unjudged);
  // The MTA does not send a message whose every recipient was refused; none
  // left means it sent none we saw (a protocol it did not negotiate):
  // nothing was judged.
  bool any_present = false;
  for (const TxRecipient& r : tx.recipients) any_present |= !r.refused;
  if (!any_present) return FailMessage(tx, context, "no recipient seen");
  const Checker& checker = *tx.checker;
  std::string source = tx.queue_id.empty()
                           ? "session-" + std::to_string(tx.session_id)
                           : tx.queue_id;
  // The envelope as the MTA gave it; each recipient was judged at RCPT.
  Envelope envelope;
  envelope.sender = tx.sender;
  envelope.path = tx.path;
  std::vector<const TxRecipient*> present;
  for (const TxRecipient& r : tx.recipients) {
    if (r.refused) continue;
    present.push_back(&r);
    envelope.recipients.push_back({r.raw, RecipientField::kEnvelope, false, &r.check});
  }
  auto started = std::chrono::steady_clock::now();
  MessageCheck check = checker.CheckMessage(
      envelope, MessageContent::Raw(tx.message, std::move(source), tx.seen_bytes));
  const content::ScannedMessage& scanned = check.message;
  const MessageFacts& facts = check.facts;
  const Decision& d = check.decision;
  std::chrono::duration<double, std::milli> elapsed =
      std::chrono::steady_clock::now() - started;

  // Every recipient here was let through at RCPT (one refused there is not
  // in the envelope), so a reject among them was not taken yet: a rule
  // deferred to end of message while a DNS answer was pending, which the
  // engine, deciding on the answer now in, calls at_rcpt. docs/policy.md
  // promises that such a reject refuses the message: never a silent
  // DELRCPT that the sender hears nothing of.
  bool reject = d.message_action == Action::kReject;
  for (const RecipientDecision& r : d.recipients) reject |= r.action == Action::kReject;

  // A decision the MTA cannot carry out (no quarantine or no recipient
  // removal offered at negotiation, as with MTAs other than Postfix) must
  // not become plain delivery: the message takes the fail action.
  if (!reject) {
    if ((d.message_action == Action::kHold || d.message_action == Action::kConfirm) &&
        !context.can_quarantine) {
      return FailMessage(tx, context, "hold decided but the MTA offers no quarantine");
    }
    for (const RecipientDecision& r : d.recipients) {
      if (r.action == Action::kRemoveRecipient &&
          !context.can_delete_recipients) {
        return FailMessage(tx, context,
                           "a recipient is refused but the MTA offers no recipient removal");
      }
    }
  }

  EomOutcome out;
  const std::string& tag = checker.tag_header();
  if (context.can_change_headers) {
    // Highest index first so the earlier indexes stay valid.
    for (int i = tx.forged_tag_headers; i >= 1; --i) {
      EncodeChangeHeader(static_cast<uint32_t>(i), tag, "", &out.replies);
    }
  }
  std::string milter_action;
  if (reject) {
    auto [code, enhanced] = SplitSmtpCode(RejectCode(d), false);
    EncodeReplyLines(code, enhanced, RejectParts(d), &out.replies);
    milter_action = "reject";
  } else {
    std::vector<std::string> removed;
    for (size_t i = 0; i < d.recipients.size() && i < present.size(); ++i) {
      Action a = d.recipients[i].action;
      if (a != Action::kRemoveRecipient) continue;
      if (context.can_delete_recipients) {
        EncodeDelRcpt(present[i]->raw, &out.replies);
        removed.push_back(d.recipients[i].recipient);
      }
    }
    // confirm holds too; the sender's notice (EomOutcome::confirm) carries
    // the links that release or delete it.
    bool confirm = d.message_action == Action::kConfirm && context.can_quarantine;
    bool hold = (d.message_action == Action::kHold || confirm) && context.can_quarantine;
    bool tagged = hold || d.message_action == Action::kTag ||
                  d.message_action == Action::kWarn || !removed.empty();
    // A confirm hold is marked with a random hold id, which its notice's
    // links carry: Postfix reuses queue ids, and /confirm acts only on the
    // message that bears the mark (confirm/link.h, ConfirmLink::hold_id).
    // Last in the header, after the part bounded by kMaxHeaderValue, so no
    // truncation can cut it.
    std::string hold_id;
    if (tagged && context.can_add_headers) {
      std::string value = TagValue(tx, d, scanned.sensitivity, removed);
      if (confirm) {
        hold_id = confirm::RandomHex(8);
        value += "; hold-id=";
        value += hold_id;
      }
      EncodeAddHeader(tag, value, &out.replies);
    }
    if (hold) {
      std::string reason = "nearmiss: " + (d.message.empty() ? std::string("held by policy") : d.message);
      EncodeQuarantine(SanitizeHeaderValue(reason, kMaxHeaderValue), &out.replies);
    }
    EncodeSimple(reply::kContinue, &out.replies);
    if (confirm) {
      out.confirm = MakeConfirmRequest(tx, facts, d, scanned.subject);
      out.confirm->hold_id = std::move(hold_id);
      out.confirm->message_id = scanned.message_id;
    }
    milter_action = hold ? "quarantine" : !removed.empty() ? "delete-recipient"
                                        : tagged          ? "tag"
                                                          : "accept";
  }
  out.log_line =
      MessageLogLine(tx, d, scanned.sensitivity, milter_action, elapsed.count(), scanned.errors);
  if (!context.audit) return out;
  out.audit = MakeDecisionRecord("milter", facts, d, tx.queue_id, scanned.message_id, tx.message);
  // Recipients refused at RCPT are part of what happened to the message.
  for (const TxRecipient& r : tx.recipients) {
    if (!r.refused) continue;
    out.audit->recipients.push_back(
        {r.check.address.empty() ? r.raw : r.check.address, std::string(VerdictName(r.check.verdict)),
         r.tempfailed ? "tempfail" : "reject", {}, r.check.target, r.check.suggestion});
    for (const Reason& reason : r.check.reasons) out.audit->recipients.back().reasons.emplace_back(ReasonCodeName(reason.code));
  }
  return out;
}

EomOutcome BusyMessage(const Transaction& tx, std::string_view why) {
  EomOutcome out;
  EncodeReplyCode("451", "4.3.0",
                  "nearmiss is busy (" + std::string(why) + "); try again later", &out.replies);
  out.log_line = FailLogLine(tx, why, "tempfail");
  return out;
}

EomOutcome FailMessage(const Transaction& tx, const EomContext& context,
                       std::string_view why) {
  EomOutcome out;
  FailAction action =
      tx.checker ? tx.checker->fail_action() : FailAction::kTempfail;
  if (action == FailAction::kTempfail) {
    EncodeReplyCode("451", "4.3.0",
                    "nearmiss could not check this message (" +
                        std::string(why) + "); try again later",
                    &out.replies);
  } else {
    if (context.can_add_headers) {
      EncodeAddHeader(tx.checker->tag_header(),
                      SanitizeHeaderValue("unchecked; " + std::string(why),
                                          kMaxHeaderValue),
                      &out.replies);
    }
    EncodeSimple(reply::kContinue, &out.replies);
  }
  out.log_line = FailLogLine(tx, why, action == FailAction::kTempfail
                                          ? "tempfail"
                                          : "accept-unchecked");
  return out;
}

}  // namespace nearmiss::milter
