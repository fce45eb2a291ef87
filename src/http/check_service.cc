#include "http/check_service.h"

#include <memory>

#include "address/idna.h"
#include "dns/add_facts.h"
#include "http/recipient_fold.h"
#include "render/decision.h"
#include "render/render.h"
#include "render/sensitivity.h"

namespace nearmiss::http {
namespace {

using Json = nlohmann::ordered_json;

// An answer carries at most this many findings; the level and `complete`
// say the rest.
constexpr size_t kMaxFindings = 20;

std::string Summary(const Decision& d, const std::vector<MessageRecipient>& rcpts,
                    ClientAction action) {
  if (action == ClientAction::kAllow) {
    // A real mail domain one slip from a trusted one (mailo.com by
    // mail.com) is allowed, yet its note asks the sender to check it: the
    // summary an add-in shows says so, as `check` does, never "looks
    // right" (issue 15, breaker 15, item 12).
    std::string notes;
    for (const MessageRecipient& r : rcpts) {
      for (const Reason& reason : r.check.reasons) {
        // Or a short name one slip from a trusted one (gm.de): the hint.
        if (reason.code != ReasonCode::kRealNeighbour && reason.code != ReasonCode::kShortNameSlip &&
            reason.code != ReasonCode::kSisterZone) {
          continue;
        }
        if (!notes.empty()) notes.append(" ");
        notes.append(r.check.address).append(": ");
        AppendReasonMessage(reason, &notes);
        if (reason.code == ReasonCode::kShortNameSlip && !r.check.suggestion.empty()) {
          notes.append("; did you mean ").append(r.check.suggestion).append("?");
        } else {
          notes.append(".");
        }
      }
    }
    // A recipient the sender's acknowledgement settled is allowed for
    // that, not because it looks right: the summary names what was
    // acknowledged (issue 14, round 35's second tester, defect 5).
    for (size_t i = 0; i < rcpts.size() && i < d.recipients.size(); ++i) {
      const RecipientDecision& rd = d.recipients[i];
      if (rd.acknowledged_by == 0) continue;
      const RecipientCheck& c = rcpts[i].check;
      if (!notes.empty()) notes.append(" ");
      // A trusted domain's own reasons say why it is trusted; what was
      // warned of is the address's (address-typo, new-address,
      // invisible-character).
      std::string codes;
      for (const Reason& reason : c.reasons) {
        if (c.verdict == Verdict::kTrusted && reason.code != ReasonCode::kAddressTypo &&
            reason.code != ReasonCode::kNewAddress &&
            reason.code != ReasonCode::kInvisibleCharacter) {
          continue;
        }
        codes.append(codes.empty() ? "" : ", ").append(ReasonCodeName(reason.code));
      }
      notes.append(c.address.empty() ? c.input : address::ShownAddress(c.address))
          .append(": allowed because you acknowledged the warning")
          .append(codes.empty() ? "" : " (" + codes + ")");
      if (!c.suggestion.empty()) {
        notes.append(" that asked if you meant ").append(address::ShownAddress(c.suggestion));
      }
      notes.append(" (acknowledgement ").append(std::to_string(rd.acknowledged_by)).append(").");
    }
    if (!notes.empty()) return notes;
    size_t n = rcpts.size();
    return n == 1 ? "The recipient looks right." : "All " + std::to_string(n) + " recipients look right.";
  }
  if (!d.message.empty()) return d.message;
  for (const RecipientDecision& r : d.recipients) {
    if (r.action == d.action && !r.message.empty()) return r.message;
  }
  return "Check the recipients before sending.";
}

}  // namespace

std::string_view ClientActionName(ClientAction a) {
  switch (a) {
    case ClientAction::kAllow: return "allow";
    case ClientAction::kWarn: return "warn";
    case ClientAction::kBlock: return "block";
  }
  return "allow";
}

ClientAction ToClientAction(Action a) {
  switch (a) {
    case Action::kAccept:
    case Action::kTag: return ClientAction::kAllow;
    case Action::kWarn:
    case Action::kConfirm:
    case Action::kHold: return ClientAction::kWarn;
    case Action::kRemoveRecipient:
    case Action::kReject: return ClientAction::kBlock;
  }
  return ClientAction::kBlock;
}

CheckAnswer CheckMessage(const Engine& engine, const CheckRequest& request) {
  // The request as Engine::CheckMessage's two inputs; the strings stay the
  // request's.
  Envelope envelope;
  envelope.sender = request.from;
  envelope.path = MailPath::kOffline;
  envelope.acknowledgements = request.acknowledgements;
  envelope.now = request.now;
  envelope.recipients.reserve(request.recipients.size());
  // With DNS on, each recipient is judged first and a look-alike's lookup
  // started, all at once, then waited for (each within the resolver's
  // deadline; an unanswered one is unknown, which rules read as "can
  // receive": fail closed), as `nearmiss check` does.
  std::vector<RecipientCheck> checks;
  if (request.dns != nullptr) {
    checks.reserve(request.recipients.size());
    for (const CheckRecipientInput& in : request.recipients) {
      checks.push_back(engine.CheckRecipient(in.address));
    }
    std::vector<std::optional<std::shared_future<DnsFacts>>> lookups;
    lookups.reserve(checks.size());
    for (RecipientCheck& c : checks) lookups.push_back(dns::StartLookup(*request.dns, &c));
    for (size_t i = 0; i < checks.size(); ++i) {
      if (lookups[i]) checks[i].dns = lookups[i]->get();
    }
  }
  for (size_t i = 0; i < request.recipients.size(); ++i) {
    const CheckRecipientInput& in = request.recipients[i];
    EnvelopeRecipient r{in.address, in.field};
    if (!checks.empty()) r.check = &checks[i];
    envelope.recipients.push_back(r);
  }
  MessageParts parts;
  parts.subject = request.subject;
  for (const auto& [name, value] : request.headers) parts.headers.emplace_back(name, value);
  parts.body = request.body;
  for (const CheckAttachment& a : request.attachments) parts.attachment_names.push_back(a.name);
  MessageCheck check = engine.CheckMessage(envelope, MessageContent::Parts(parts));
  const MessageFacts& facts = check.facts;
  const content::Sensitivity& sensitivity = facts.sensitivity;
  const Decision& d = check.decision;

  CheckAnswer answer;
  answer.action = ToClientAction(d.action);
  answer.incomplete = !sensitivity.complete;
  // The body is never kept: no digest either, as the client may not send it.
  answer.record = MakeDecisionRecord("api", facts, d, "", "", "");

  Json recipients = Json::array();
  for (size_t i = 0; i < facts.recipients.size(); ++i) {
    const RecipientCheck& c = facts.recipients[i].check;
    const RecipientDecision& rd = d.recipients[i];
    Json j = render::CheckToJson(c);
    j["field"] = RecipientFieldName(rd.field);
    j["action"] = ActionName(rd.action);
    j["client_action"] = ClientActionName(ToClientAction(rd.action));
    j["rule"] = rd.rule.name;
    // Whether "Send anyway" (acknowledge) would settle it, and the
    // acknowledgement that already did. Never without a store: serve
    // would refuse the acknowledgement (503 no-store), so the add-in must
    // not offer one.
    j["acknowledgeable"] = rd.acknowledgeable && request.acknowledgements != nullptr;
    if (rd.acknowledged_by != 0) j["acknowledged_by"] = rd.acknowledged_by;
    if (!rd.message.empty()) j["message"] = rd.message;
    recipients.push_back(std::move(j));
  }
  // x@gmal.com in To and x@gmal.com. in Cc: one mailbox, one entry
  // (recipient_fold.h). The summary names each message once already
  // (Decide), and the address in it is the folded one.
  FoldSameMailbox(recipients);

  bool send_anyway = answer.action == ClientAction::kWarn && engine.policy().api.allow_send_anyway;
  Json& b = answer.body;
  b["action"] = ClientActionName(answer.action);
  b["policy_action"] = ActionName(d.action);
  b["summary"] = Summary(d, facts.recipients, answer.action);
  b["send_anyway"] = send_anyway;
  b["recipients"] = std::move(recipients);
  b["sensitivity"] = render::SensitivityToJson(sensitivity, kMaxFindings);
  if (!request.attachments.empty()) {
    // The API is given attachments' names, types and sizes, never their
    // bytes: said, so a client does not show "none, complete" for a zip it
    // never sent (round 49's tester 13, finding 13). The milter reads the
    // files when the message is sent.
    b["sensitivity"]["attachments_read"] = false;
    b["sensitivity"]["attachments_note"] =
        "the attachments' names were read, not their contents: the mail server reads those "
        "when the message is sent";
  }
  b["rule"] = {{"index", d.rule.index}, {"name", d.rule.name}, {"id", d.rule.id}};
  b["decision"] = render::DecisionToJson(d);
  return answer;
}

namespace {

CheckAnswer FailedCheck(const Engine& engine, std::string why) {
  bool accept = engine.policy().defaults.on_error == FailMode::kAccept;
  CheckAnswer answer;
  answer.unchecked = true;
  answer.error = std::move(why);
  answer.action = accept ? ClientAction::kAllow : ClientAction::kBlock;
  std::string rule_id = "[defaults] on_error = \"" +
                        std::string(FailModeName(engine.policy().defaults.on_error)) + "\"";
  Decision d;
  d.action = d.message_action = accept ? Action::kAccept : Action::kReject;
  d.rule = RuleRef{0, "on_error", "", rule_id};
  MessageFacts facts;
  facts.path = MailPath::kOffline;
  answer.record = MakeDecisionRecord("api", facts, d, "", "", "");
  Json& b = answer.body;
  b["action"] = ClientActionName(answer.action);
  b["policy_action"] = ActionName(d.action);
  b["summary"] = accept ? "nearmiss could not check this message; it may be sent unchecked."
                        : "nearmiss could not check this message; try again in a moment.";
  b["send_anyway"] = false;
  b["unchecked"] = true;
  b["recipients"] = Json::array();
  content::Sensitivity unread;  // nothing was read: level none, a lower bound
  unread.complete = false;
  b["sensitivity"] = render::SensitivityToJson(unread);
  b["rule"] = {{"index", 0}, {"name", "on_error"}, {"id", rule_id}};
  b["decision"] = render::DecisionToJson(d);
  return answer;
}

}  // namespace

CheckAnswer CheckMessageOrFail(const Engine& engine, const CheckRequest& request,
                               CheckFunction check) {
  try {
    return check(engine, request);
  } catch (const std::exception& e) {
    return FailedCheck(engine, std::string("internal error: ") + e.what());
  } catch (...) {
    return FailedCheck(engine, "internal error");
  }
}

}  // namespace nearmiss::http
