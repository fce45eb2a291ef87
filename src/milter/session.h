// Session: the state machine of one milter connection, without I/O.
//
// The server feeds it one packet at a time; it appends its replies to a
// string. Option negotiation asks only for the steps and actions nearmiss
// uses and for no-reply on headers and body, so Postfix streams them
// without round trips. Recipients are decided at RCPT through the Checker;
// the end of message is handed back to the caller as a job (content scan +
// decision) that may run on a worker thread, so the connection can send
// progress keep-alives meanwhile.
//
// Mail paths: on Postfix's SMTP path a look-alike or blocked recipient is
// refused at RCPT with the did-you-mean text. On the sendmail(1) path
// (non_smtpd_milters: no {rcpt_mailer} macro, or a RCPT argument without
// angle brackets) a RCPT reject leaves mail stuck, so every recipient is
// accepted there and the decision is taken at end of message instead.
//
// Thread safety: one thread at a time. Between kEndOfMessage and
// CompleteEndOfMessage only the job may touch the Transaction it was given.
#ifndef NEARMISS_MILTER_SESSION_H_
#define NEARMISS_MILTER_SESSION_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "milter/checker.h"
#include "milter/codec.h"
#include "milter/transaction.h"
#include "nearmiss/decision_record.h"
#include "nearmiss/status.h"

namespace nearmiss::milter {

struct SessionOptions {
  // Recipients tracked per message; more are answered 452 4.5.3 (Postfix's
  // own smtpd_recipient_limit defaults to 1000).
  size_t max_recipients = 1000;
  // Macros kept per stage, and bytes per macro value.
  size_t max_macros = 64;
  size_t max_macro_value = 1024;
  // Used when the Checker gives no bound (0).
  size_t default_max_message_bytes = 16u << 20;
  // Every end-of-message decision goes here too when set (the audit log);
  // the sink queues, so the I/O thread never waits on a database.
  std::shared_ptr<DecisionSink> audit;
  // Messages held by `confirm` are announced here, which sends the sender
  // the notice; null: they wait in the hold queue for an admin (logged).
  std::shared_ptr<ConfirmSink> confirm;
  // Shared by every session of a server: the bound on message bytes
  // buffered at once (byte_budget.h). Null: each message alone is bounded.
  std::shared_ptr<ByteBudget> buffer_budget;
};

// A log line (JSON, no newline); must be callable from any thread.
using LogSink = std::function<void(std::string_view)>;

class Session {
 public:
  Session(uint64_t id, SessionOptions options, CheckerSource source,
          LogSink log);
  // A transaction still open (the connection dropped) is recorded as
  // DropTransaction does.
  ~Session();
  // Movable, not copyable: a transaction holds its share of the buffer
  // budget (byte_budget.h), which cannot be in two places.
  Session(Session&&) = default;
  Session& operator=(Session&&) = default;

  enum class Step {
    kContinue,      // read the next packet
    kEndOfMessage,  // run TakeEndOfMessage(), then CompleteEndOfMessage()
    kClose,         // the MTA quit, or the stream is broken: close
  };

  // Handles one packet and appends any replies to *out. A malformed packet
  // or a command out of place ends the session (kClose) with `error()` set.
  Step Handle(const Packet& packet, std::string* out);

  // After kEndOfMessage: the DNS lookups of look-alike recipients whose
  // facts are not in yet (Checker::PendingDnsFacts), started or joined now;
  // empty when there is nothing to wait for. The caller waits for them
  // without blocking (each is ready by its deadline) before
  // TakeEndOfMessage, which takes in the facts of these same lookups
  // (kept per recipient, TxRecipient::dns_lookup) that are ready then.
  std::vector<std::shared_future<DnsFacts>> PendingDnsLookups();

  // After kEndOfMessage: whether the message is small and text only, so
  // cheap enough to finish on the I/O thread.
  bool end_of_message_is_quick() const;
  // After kEndOfMessage: the work to run (scan + decide), on any thread.
  // An exception inside it becomes the policy's fail action.
  std::function<EomOutcome()> TakeEndOfMessage();
  // Appends the outcome's replies and logs it; the session is ready for a
  // new message (or QUIT) afterwards. `job_done`: the job from
  // TakeEndOfMessage has returned and been destroyed (it ran inline, or a
  // worker dropped it before posting the outcome back), so no other thread
  // reads the message any more and its buffer may serve the next message.
  void CompleteEndOfMessage(EomOutcome outcome, std::string* out, bool job_done = false);
  // The fail action instead, when the job could not run or took too long.
  void FailEndOfMessage(std::string_view why, std::string* out);

  // True between MAIL (or the first message command) and the end-of-message
  // reply: closing now would lose the MTA's message.
  bool in_message() const { return tx_.has_value() || eom_pending_; }
  const Status& error() const { return error_; }
  bool negotiated() const { return negotiated_; }
  uint64_t id() const { return id_; }
  uint32_t protocol() const { return protocol_; }
  uint32_t actions() const { return actions_; }
  uint64_t messages() const { return messages_; }

 private:
  Step Negotiate(const OptionNegotiation& o, std::string* out);
  void StoreMacros(const Macros& m);
  std::string_view Macro(std::string_view name) const;
  void BeginMessage(std::string_view sender);
  // Ends the open transaction without an end of message (abort, a new
  // connection, QUIT, the connection lost). Recipients it refused at RCPT
  // are decisions too: they go to the audit log, or no record would ever
  // show the look-alike that Postfix then never sent DATA for.
  void DropTransaction();
  void Recipient(const Rcpt& rcpt, std::string* out);
  void RecipientFailed(TxRecipient* r, std::string why, std::string* out);
  void Continue(uint32_t no_reply_flag, std::string* out) const;
  Step Fail(Status status);
  EomContext Context() const;

  uint64_t id_;
  SessionOptions options_;
  CheckerSource source_;
  LogSink log_;
  bool negotiated_ = false;
  bool eom_pending_ = false;
  uint32_t protocol_ = 0;  // the agreed SMFIP_* flags
  uint32_t actions_ = 0;   // the agreed SMFIF_* flags
  // Macros by the command they came with (the stages Macro reads; others
  // are not kept); a new set replaces the old. A stage's first `size`
  // entries are its macros: one emptied keeps its strings' capacity, so a
  // connection's steady stream of macros allocates nothing (ClearStage).
  struct MacroStage {
    std::vector<std::pair<std::string, std::string>> list;
    size_t size = 0;
  };
  // Latest stage first, as Macro searches them (kMacroStages).
  std::array<MacroStage, 8> macros_;
  MacroStage* Stage(char command);  // null for a stage not kept
  const MacroStage* Stage(char command) const;
  void ClearMessageMacros();
  void ClearMacros();
  std::optional<Transaction> tx_;
  // The message handed to the end-of-message job, shared with it.
  std::shared_ptr<Transaction> pending_;
  // The last message's buffer, emptied, with its share of the buffer
  // budget, for the next message: a connection's steady stream of small
  // messages then allocates no message buffer (two allocations and a copy
  // of the header block each before; bench/milter-instructions). Kept only
  // up to kSpareRoom, so an idle connection holds little.
  std::string spare_;
  BudgetCharge spare_charge_;
  static constexpr size_t kSpareRoom = 16 * 1024;
  void KeepSpare(Transaction* tx);
  uint64_t messages_ = 0;
  Status error_;
};

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_SESSION_H_
