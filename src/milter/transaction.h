// Transaction: one message's state in a milter session, from MAIL to the
// end of message, and the end-of-message step that turns it into replies.
//
// FinishMessage is a pure function of a Transaction and its Checker, so the
// server can run it on a worker thread while the connection's I/O goes on
// (keep-alives), and tests can call it directly.
//
// Thread safety: a Transaction belongs to one session; FinishMessage reads
// it and touches nothing else.
#ifndef NEARMISS_MILTER_TRANSACTION_H_
#define NEARMISS_MILTER_TRANSACTION_H_

#include <cstddef>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "milter/byte_budget.h"
#include "milter/checker.h"
#include "nearmiss/decision.h"
#include "nearmiss/decision_record.h"

namespace nearmiss::milter {

struct TxRecipient {
  std::string raw;  // the RCPT argument as the MTA gave it (for DELRCPT)
  RecipientCheck check;
  RecipientDecision decision;  // the RCPT-time answer
  bool refused = false;        // refused at RCPT: not part of the message
  bool tempfailed = false;     // refused 451 because it could not be judged
  // The lookup the end of message waited for (Session::PendingDnsLookups):
  // its answer is read from this future, never asked of the resolver again.
  // A resolver keeps an answer only for its TTL, and dnsmasq's own records
  // have TTL 0: asked again, it started a new lookup whose answer was not
  // in yet, and every look-alike was decided "unknown: timeout" (issue 15,
  // tester r59b, finding 1).
  std::optional<std::shared_future<DnsFacts>> dns_lookup;
};

struct Transaction {
  uint64_t session_id = 0;  // ours; Postfix's queue id is unset at first
  std::string queue_id;     // macro i, once the MTA tells it
  std::string sender;       // envelope sender without angle brackets
  std::string auth_user;    // macro {auth_authen}, when authenticated
  MailPath path = MailPath::kSmtp;
  std::vector<TxRecipient> recipients;
  // Header block plus body as received, at most `max_bytes`.
  std::string message;
  size_t max_bytes = 0;
  size_t seen_bytes = 0;  // including what did not fit
  // `message`'s share of the server's ByteBudget (none: unbounded). When
  // the budget cannot give more, the buffer is freed at once and the end
  // of message answers tempfail (BusyMessage).
  BudgetCharge charge;
  bool over_budget = false;
  bool headers_done = false;
  // X-Nearmiss headers the sender brought along; removed at end of message
  // so a sender cannot forge our verdict.
  int forged_tag_headers = 0;
  std::shared_ptr<const Checker> checker;  // taken at MAIL, kept to the end
  // Why a recipient of this message went unjudged (an exception at RCPT,
  // more recipients than tracked on the sendmail path); when set, the end
  // of message takes the fail action instead of deciding.
  std::string unjudged;

  // The buffer's first size: a message's header block fits (bounded by
  // max_bytes too).
  static constexpr size_t kFirstRoom = 4096;

  bool truncated() const { return seen_bytes > message.size(); }
  // Appends within the bound and the budget; counts everything. The buffer
  // grows geometrically but never past `max_bytes`, so a message at the cap
  // holds the cap, not the next power of two.
  void Append(std::string_view bytes);
};

// A message held by the `confirm` action: what the sender's notice says.
struct ConfirmRequest {
  std::string queue_id;
  std::string sender;   // canonical envelope sender
  std::string subject;  // from the message; may be ""
  // What the links bind to (confirm::ConfirmLink::hold_id, ::message_id):
  // the hold id written into the tag header ("" when no header could be
  // added) and the Message-ID read, without angle brackets ("" when none).
  std::string hold_id{};
  std::string message_id{};
  struct Recipient {
    std::string address;
    std::string reason;      // the sentence
    std::string suggestion;  // may be ""
    // Whether a release may acknowledge it (the rule's `acknowledge`,
    // engine::Acknowledgeable): the notice promises no silence otherwise.
    bool acknowledgeable = true;
    // The check's codes (WarningCodes): with `suggestion`, the warning a
    // release acknowledges (Acknowledgement::reasons).
    std::string codes{};
    // Its address-typo kind (WarningTypoKind; Acknowledgement::typo_kind).
    std::string typo_kind{};
    // The second address it may have meant (RecipientCheck::also_suggestion),
    // named in the notice beside `suggestion`; may be "". Not part of what a
    // release acknowledges.
    std::string also_suggestion{};
  };
  std::vector<Recipient> recipients;  // those whose action was confirm
};

// Where ConfirmRequests go (milter/confirm_notifier.h); must not block.
class ConfirmSink {
 public:
  virtual ~ConfirmSink() = default;
  virtual void Notify(ConfirmRequest request) = 0;
};

struct EomOutcome {
  std::string replies;   // modification packets, then the final response
  std::string log_line;  // one JSON object, no newline
  std::optional<DecisionRecord> audit;  // the decision, for the audit log
  std::optional<ConfirmRequest> confirm;  // held for the sender to confirm
};

// Reply options the MTA negotiated.
struct EomContext {
  bool can_quarantine = true;
  bool can_add_headers = true;
  bool can_change_headers = true;
  bool can_delete_recipients = true;
  // An audit sink is listening: build the record (its SHA-256 of the whole
  // message is the costliest part of the decision, so only on demand).
  bool audit = false;
};

// Small (at most kQuickScanBytes) and a single text part, so nothing to
// extract that could take long: such a message scans in well under a
// millisecond. Multipart messages may carry a PDF or an archive.
inline constexpr size_t kQuickScanBytes = 64 * 1024;
bool IsQuickToScan(const Transaction& tx);

// Content scan, decision, and the packets that carry it out.
EomOutcome FinishMessage(const Transaction& tx, const EomContext& context);

// The answer when no decision can be made (no engine, a worker queue full, a
// scan past its time limit, an unjudged recipient, no recipient at all):
// the policy's fail action.
EomOutcome FailMessage(const Transaction& tx, const EomContext& context,
                       std::string_view why);

// The answer when the milter is short of buffer memory (over_budget): 451
// 4.3.0 whatever [defaults] on_error says, since the mail was not read and
// the shortage passes; the MTA keeps the message and retries.
EomOutcome BusyMessage(const Transaction& tx, std::string_view why);

// "550 5.7.1" -> {"550", "5.7.1"}; an empty or malformed code gets
// 550 5.7.1 (or 451 4.3.0 when `temporary`).
std::pair<std::string, std::string> SplitSmtpCode(std::string_view code,
                                                  bool temporary);

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_TRANSACTION_H_
