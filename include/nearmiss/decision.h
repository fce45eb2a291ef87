// Decisions: what the policy does with a message and with each recipient.
//
// The Engine (engine.h) turns MessageFacts (sender, recipients with their
// RecipientCheck, sensitivity, mail path) into a Decision by walking the
// policy's ordered rules: for each recipient the first rule whose conditions
// all hold fires; when none does, the policy's default action applies. The
// milter, the HTTP API, `scan`, `policy explain` and the audit log all read
// the same Decision, so they explain themselves the same way.
//
// At RCPT time, before the content is known, Engine::DecideRecipient answers
// for one recipient: a rule that can be settled without the content (a
// look-alike, a blocked domain) is final; a rule that needs the content or the
// whole recipient list leaves the recipient `deferred` to end of message.
//
// The Engine's entry points (engine.h):
//   Decision Engine::Decide(const MessageFacts& facts) const;
//   RecipientDecision Engine::DecideRecipient(std::string_view sender,
//       const RecipientCheck& check, RecipientField field, MailPath path) const;
//   const content::Scanner& Engine::scanner() const;  // policy packs+patterns
//   content::ScannedMessage Engine::ScanMessage(bytes, source, scratch) const;
//
// Thread safety: plain values.
#ifndef NEARMISS_DECISION_H_
#define NEARMISS_DECISION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/content_sensitivity.h"
#include "nearmiss/verdict.h"

namespace nearmiss {

// Ordered by severity: comparisons (<, >) follow it, and a message's action
// is the most severe of its recipients' actions.
enum class Action {
  kAccept = 0,
  kTag,              // add a header (Decision::tag_header) and deliver
  kWarn,             // tell the sender (API: prompt before sending)
  // Hold (as kHold) and ask the sender, by a notice with signed links, to
  // release or delete it; a release acknowledges the recipient.
  kConfirm,
  kHold,             // hold queue / quarantine: a person releases it
  kRemoveRecipient,  // deliver to the others, not to this recipient
  kReject,           // refuse this recipient (RCPT) or the message (EOM)
};

// "accept", "tag", "warn", "confirm", "hold", "remove-recipient", "reject".
std::string_view ActionName(Action action);
// The exact names above; nullopt when unknown.
std::optional<Action> ParseAction(std::string_view name);

// Where a recipient address was seen.
enum class RecipientField { kTo, kCc, kBcc, kEnvelope };
// "to", "cc", "bcc", "envelope".
std::string_view RecipientFieldName(RecipientField field);

// How the message reached us; decides whether a recipient may be refused at
// RCPT time.
enum class MailPath {
  // An SMTP session (Postfix smtpd_milters): per-recipient rejects at RCPT.
  kSmtp,
  // sendmail(1) / non_smtpd_milters: a recipient must never be rejected or
  // tempfailed at RCPT (the mail gets stuck); act at end of message instead.
  kSendmail,
  // No mail server: `scan`, `policy explain`, the HTTP API.
  kOffline,
};
std::string_view MailPathName(MailPath path);  // "smtp", "sendmail", "offline"

// Who made an acknowledgement and how, as the audit record of a decision it
// settled names it (copied from the Acknowledgement, acknowledgement.h).
struct AcknowledgementOrigin {
  std::string who;      // the sender, or the admin who made it
  // Which way it came: "confirm-link" (the release link of the milter's
  // confirm notice), "api" (POST /v1/check's acknowledgement: a client's
  // or an add-in's "Send anyway"), "admin".
  std::string path;
  int64_t made_at = 0;  // unix seconds
  std::string scope;    // "address" (one recipient) or "domain"
};

struct MessageRecipient {
  RecipientCheck check;  // from Engine::CheckRecipient
  RecipientField field = RecipientField::kEnvelope;
  // The id of a live acknowledgement (acknowledgement.h) of this recipient
  // by the sender; 0 when none. Decide lets it settle a warn or confirm
  // whose rule may be acknowledged.
  int64_t acknowledgement = 0;
  // That acknowledgement's maker and path; empty when `acknowledgement` is 0.
  AcknowledgementOrigin acknowledgement_origin = {};
};

struct MessageFacts {
  std::string sender;  // envelope sender or From address; "" when unknown
  std::vector<MessageRecipient> recipients;
  content::Sensitivity sensitivity;  // from the Engine's scanner
  MailPath path = MailPath::kOffline;
};

// The rule that decided, or the policy default.
struct RuleRef {
  int index = 0;      // 1-based position among the rules; 0 for the default
  std::string name;   // the rule's name; "default" for the default action
  std::string where;  // "policy.toml:41:1" (the [[rule]] header); may be ""
  // "rule 2 'secret-external' (policy.toml:41:1)" or "default action".
  std::string id;
};

struct RecipientDecision {
  std::string recipient;  // the canonical address, or the input if invalid
  RecipientField field = RecipientField::kEnvelope;
  Verdict verdict = Verdict::kInvalid;
  Action action = Action::kAccept;
  RuleRef rule;
  // DecideRecipient only: the answer waits for end of message (a rule that
  // might fire needs the content or the recipient list). `action` is then
  // kAccept, provisionally.
  bool deferred = false;
  // True when the milter refuses this recipient at RCPT time: the path is
  // kSmtp, the action is reject, and the rule needs neither the content nor
  // the recipient list. A reject that is not at_rcpt refuses the whole
  // message at end of message (see Decision::message_action).
  bool at_rcpt = false;
  // The recipient's reasons (RecipientCheck::reasons) plus a "sensitivity"
  // reason when a sensitivity condition took part.
  std::vector<Reason> reasons;
  // The finding the deciding rule matched on, named as its reason code: the
  // first of the recipient's reasons that the rule's `reason` condition
  // names (`new-address` for `reason = ["new-address"]`), or
  // `address-typo` for a rule with an address-typo condition; "" when the
  // rule names none (it decided on the class, the content, or is the
  // default). Shown in place of the class (render::ShownClass): "new-address
  // -> warn", not "trusted -> warn".
  std::string finding;
  std::string message;    // the rule's template rendered for this recipient
  std::string smtp_code;  // for reject: "550 5.7.1"; else ""
  // The rule's own action may be settled by the sender's acknowledgement
  // (warn or confirm, and the rule is not final: Rule::acknowledge).
  bool acknowledgeable = false;
  // The acknowledgement that settled a warn or confirm rule of this
  // recipient; 0: none. The settled rule is `settled_rule` (its action
  // `rule_action`); `rule` and `action` are then what the rules after it
  // decided, as if it had not matched (a SECRET hold still holds, an
  // OFFICIAL-SENSITIVE tag still tags).
  int64_t acknowledged_by = 0;
  RuleRef settled_rule;
  Action rule_action = Action::kAccept;  // `settled_rule`'s action, else `rule`'s
};

struct Decision {
  // The most severe recipient action: what reports (scan, audit) show.
  Action action = Action::kAccept;
  // What to do to the message itself once recipients rejected at RCPT
  // (at_rcpt) and removed (remove-recipient) are gone: kReject when a
  // recipient's reject could not be taken at RCPT (kSendmail, where the
  // sender then gets a bounce with `message`, or a rule that needed the
  // content) or when no recipient is left; otherwise the most severe of
  // accept/tag/warn/hold among the recipients still delivered to.
  Action message_action = Action::kAccept;
  // One per MessageFacts::recipients, in the same order.
  std::vector<RecipientDecision> recipients;
  // The rule behind `action` (the first recipient with that action).
  RuleRef rule;
  // Every reason behind a non-accept action, de-duplicated, in recipient
  // order, then the sensitivity reason.
  std::vector<Reason> reasons;
  content::Level level = content::Level::kNone;  // the level the rules saw
  std::string message;    // sender-facing, from the rule behind `action`
  std::string smtp_code;  // when action is kReject: "550 5.7.1"
  std::string tag_header; // the header name for kTag: "X-Nearmiss"
};

}  // namespace nearmiss

#endif  // NEARMISS_DECISION_H_
