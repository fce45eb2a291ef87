#include "milter/session.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <type_traits>

#include "address/text.h"
#include "base/ascii.h"
#include "base/log.h"
#include "dns/add_facts.h"
#include "milter/decision_log.h"

namespace nearmiss::milter {
namespace {

constexpr size_t kMaxAddress = 1024;

std::string_view StripBrackets(std::string_view a) {
  if (a.size() >= 2 && a.front() == '<' && a.back() == '>') {
    return a.substr(1, a.size() - 2);
  }
  return a;
}

// The macro stages kept, latest first (Session::Macro's search order):
// end of message, end of headers, header, DATA, RCPT, MAIL, HELO, CONNECT.
constexpr std::string_view kMacroStages = "ENLTRMHC";
// The message stages (MAIL to end of message): forgotten after each one.
constexpr size_t kMessageStages = 6;
// A macro string longer than this is freed when its stage is emptied, not
// kept for the next message: an idle connection holds little.
constexpr size_t kKeptMacroRoom = 256;

template <typename Stage>
void ClearStage(Stage* stage) {
  for (size_t i = 0; i < stage->size; ++i) {
    for (std::string* s : {&stage->list[i].first, &stage->list[i].second}) {
      if (s->capacity() > kKeptMacroRoom) std::string().swap(*s);
    }
  }
  stage->size = 0;
}

}  // namespace

Session::MacroStage* Session::Stage(char command) {
  size_t at = kMacroStages.find(command);
  return at == std::string_view::npos ? nullptr : &macros_[at];
}

const Session::MacroStage* Session::Stage(char command) const {
  size_t at = kMacroStages.find(command);
  return at == std::string_view::npos ? nullptr : &macros_[at];
}

// Forgets the macros of the message stages (MAIL to end of message).
// Emptied, not erased: an empty stage reads as an absent one (Macro,
// Recipient), and its strings keep their capacity for the next message.
void Session::ClearMessageMacros() {
  for (size_t i = 0; i < kMessageStages; ++i) ClearStage(&macros_[i]);
}

void Session::ClearMacros() {
  for (MacroStage& stage : macros_) ClearStage(&stage);
}

Session::Session(uint64_t id, SessionOptions options, CheckerSource source,
                 LogSink log)
    : id_(id),
      options_(options),
      source_(std::move(source)),
      log_(std::move(log)) {}

Session::Step Session::Fail(Status status) {
  error_ = std::move(status);
  return Step::kClose;
}

void Session::Continue(uint32_t no_reply_flag, std::string* out) const {
  if ((protocol_ & no_reply_flag) == 0) EncodeSimple(reply::kContinue, out);
}

EomContext Session::Context() const {
  return EomContext{(actions_ & action::kQuarantine) != 0,
                    (actions_ & action::kAddHeaders) != 0,
                    (actions_ & action::kChangeHeaders) != 0,
                    (actions_ & action::kDelRcpt) != 0, options_.audit != nullptr};
}

Session::Step Session::Handle(const Packet& packet, std::string* out) {
  Result<Command> parsed = ParseCommand(packet);
  if (!parsed.ok()) return Fail(parsed.error());
  if (eom_pending_) {
    return Fail(Status::ParseError("milter: command while the end of message is pending"));
  }
  Command& command = *parsed;
  if (auto* o = std::get_if<OptionNegotiation>(&command)) return Negotiate(*o, out);
  if (!negotiated_) {
    return Fail(Status::ParseError("milter: command before option negotiation"));
  }
  return std::visit(
      [&](auto& c) -> Step {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, Macros>) {
          StoreMacros(c);
        } else if constexpr (std::is_same_v<T, Connect>) {
          Continue(proto::kNoReplyConnect, out);
        } else if constexpr (std::is_same_v<T, Helo>) {
          Continue(proto::kNoReplyHelo, out);
        } else if constexpr (std::is_same_v<T, Mail>) {
          BeginMessage(c.sender);
          Continue(proto::kNoReplyMail, out);
        } else if constexpr (std::is_same_v<T, Rcpt>) {
          Recipient(c, out);
        } else if constexpr (std::is_same_v<T, Data>) {
          Continue(proto::kNoReplyData, out);
        } else if constexpr (std::is_same_v<T, Header>) {
          if (!tx_) BeginMessage("");
          if (EqualsNoCase(c.name, tx_->checker ? tx_->checker->tag_header() : "X-Nearmiss")) {
            ++tx_->forged_tag_headers;
          }
          tx_->Append(c.name);
          // Without SMFIP_HDR_LEADSPC Postfix drops the space after ':'.
          tx_->Append((protocol_ & proto::kHeaderLeadingSpace) ? ":" : ": ");
          tx_->Append(c.value);
          tx_->Append("\r\n");
          Continue(proto::kNoReplyHeader, out);
        } else if constexpr (std::is_same_v<T, EndOfHeaders>) {
          if (!tx_) BeginMessage("");
          if (!tx_->headers_done) tx_->Append("\r\n");
          tx_->headers_done = true;
          Continue(proto::kNoReplyEndOfHeaders, out);
        } else if constexpr (std::is_same_v<T, Body> ||
                             std::is_same_v<T, EndOfMessage>) {
          if (!tx_) BeginMessage("");
          if (!tx_->headers_done) tx_->Append("\r\n");
          tx_->headers_done = true;
          tx_->Append(c.chunk);
          if constexpr (std::is_same_v<T, Body>) {
            Continue(proto::kNoReplyBody, out);
          } else {
            std::string_view queue_id = Macro("i");
            tx_->queue_id = std::string(queue_id.substr(0, kMaxAddress));
            eom_pending_ = true;
            return Step::kEndOfMessage;
          }
        } else if constexpr (std::is_same_v<T, Abort>) {
          // The message is gone; the connection's macros stay.
          DropTransaction();
          ClearMessageMacros();
        } else if constexpr (std::is_same_v<T, Quit>) {
          DropTransaction();
          return Step::kClose;
        } else if constexpr (std::is_same_v<T, QuitNewConnection>) {
          // The MTA reuses this socket for another SMTP client.
          DropTransaction();
          ClearMacros();
        } else if constexpr (std::is_same_v<T, Unknown>) {
          Continue(proto::kNoReplyUnknown, out);
        }
        return Step::kContinue;
      },
      command);
}

Session::Step Session::Negotiate(const OptionNegotiation& o, std::string* out) {
  if (o.version < 2) {
    return Fail(Status::InvalidArgument(
        "milter: MTA speaks protocol version " + std::to_string(o.version) +
        "; nearmiss needs 2 or later"));
  }
  OptionReply r = WantedOptionReply(o);
  protocol_ = r.protocol;
  actions_ = r.actions;
  negotiated_ = true;
  ClearMacros();
  tx_.reset();
  EncodeOptionReply(r, out);
  return Step::kContinue;
}

// Assigned over the previous message's entries: their strings keep their
// capacity, so a connection's steady stream of macros allocates nothing.
void Session::StoreMacros(const Macros& m) {
  MacroStage* stage = Stage(m.for_command);
  if (stage == nullptr) return;  // a stage Macro never reads
  ClearStage(stage);
  auto& list = stage->list;
  size_t n = 0;
  for (const auto& [name, value] : m.values) {
    if (n >= options_.max_macros) break;
    if (n == list.size()) list.emplace_back();
    list[n].first.assign(name.substr(0, 64));
    list[n].second.assign(value.substr(0, options_.max_macro_value));
    ++n;
  }
  stage->size = n;
}

std::string_view Session::Macro(std::string_view name) const {
  // Latest stage first: the queue id appears part-way through a message.
  for (const MacroStage& stage : macros_) {
    for (size_t i = 0; i < stage.size; ++i) {
      if (stage.list[i].first == name) return stage.list[i].second;
    }
  }
  return {};
}

Session::~Session() { DropTransaction(); }

void Session::DropTransaction() {
  if (!tx_) return;
  if (options_.audit) {
    MessageFacts facts;
    facts.sender = tx_->sender;
    facts.path = tx_->path;
    Decision d;
    for (const TxRecipient& r : tx_->recipients) {
      if (!r.refused) continue;
      facts.recipients.push_back({r.check, RecipientField::kEnvelope});
      d.recipients.push_back(r.decision);
      if (r.tempfailed) d.recipients.back().action = Action::kReject;
      if (d.recipients.size() == 1) {
        d.action = Action::kReject;
        d.message_action = Action::kReject;
        d.rule = r.decision.rule;
      }
    }
    if (!facts.recipients.empty()) {
      options_.audit->Record(
          MakeDecisionRecord("milter", facts, d, tx_->queue_id, "", ""));
    }
  }
  KeepSpare(&*tx_);
  tx_.reset();
}

// Only a buffer Transaction::Append grew (charged to the budget, at least
// kFirstRoom) is kept, and one already kept is not replaced by a smaller.
void Session::KeepSpare(Transaction* tx) {
  size_t room = tx->message.capacity();
  if (tx->over_budget || room < Transaction::kFirstRoom || room > kSpareRoom ||
      room <= spare_.capacity()) {
    return;
  }
  spare_ = std::move(tx->message);
  spare_.clear();
  spare_charge_ = std::move(tx->charge);
}

void Session::BeginMessage(std::string_view sender) {
  DropTransaction();
  tx_.emplace();
  tx_->session_id = id_;
  tx_->sender = std::string(StripBrackets(sender).substr(0, kMaxAddress));
  tx_->auth_user = std::string(Macro("{auth_authen}").substr(0, kMaxAddress));
  tx_->checker = source_ ? source_() : nullptr;
  size_t bound = tx_->checker ? tx_->checker->max_message_bytes() : 0;
  tx_->max_bytes = bound ? bound : options_.default_max_message_bytes;
  tx_->charge = BudgetCharge(options_.buffer_budget);
  if (spare_.capacity() >= Transaction::kFirstRoom) {
    tx_->message = std::move(spare_);
    tx_->charge = std::move(spare_charge_);
    spare_ = std::string();
  }
}

// The recipient is built in its place in the transaction's list, not
// moved there: a TxRecipient is two dozen strings (bench/milter-instructions).
void Session::Recipient(const Rcpt& rcpt, std::string* out) {
  if (!tx_) BeginMessage("");
  std::string_view raw = rcpt.recipient.substr(0, kMaxAddress);
  // Postfix's non-smtpd path (sendmail(1)) sends bare addresses and no
  // {rcpt_mailer}; refusing a recipient there leaves the mail stuck.
  const MacroStage& rcpt_macros = *Stage('R');
  bool has_mailer = false;
  for (size_t i = 0; i < rcpt_macros.size; ++i) {
    has_mailer |= rcpt_macros.list[i].first == "{rcpt_mailer}";
  }
  if (!has_mailer || raw.empty() || raw.front() != '<') {
    tx_->path = MailPath::kSendmail;
  }
  if (tx_->recipients.size() >= options_.max_recipients) {
    if (tx_->path == MailPath::kSmtp) {
      EncodeReplyCode("452", "4.5.3", "too many recipients", out);
      return;
    }
    // The sendmail path cannot refuse this one: the whole message cannot
    // be judged, so its end takes the fail action.
    if (tx_->unjudged.empty()) {
      tx_->unjudged = "more than " + std::to_string(options_.max_recipients) + " recipients";
    }
    EncodeSimple(reply::kContinue, out);
    return;
  }
  TxRecipient& r = tx_->recipients.emplace_back();
  r.raw = std::string(raw);
  if (!tx_->checker) {
    // No policy: the fail action applies at end of message, where the
    // sendmail path can take it too.
    EncodeSimple(reply::kContinue, out);
    return;
  }
  const Checker& checker = *tx_->checker;
  try {
    // The whole argument is judged, never the logged prefix: a recipient cut
    // at kMaxAddress could end in a trusted domain while Postfix delivers to
    // the rest ("aaa…@army.mil.ml"). Over-long ones are refused as invalid.
    r.check = checker.CheckRecipient(StripBrackets(rcpt.recipient));
    r.decision = checker.DecideRecipient(tx_->sender, r.check, tx_->path);
  } catch (const std::exception& e) {
    return RecipientFailed(&r, std::string("internal error: ") + e.what(), out);
  } catch (...) {
    return RecipientFailed(&r, "internal error", out);
  }
  const RecipientDecision& d = r.decision;
  bool refuse = tx_->path == MailPath::kSmtp && d.at_rcpt && !d.deferred &&
                (d.action == Action::kReject || d.action == Action::kRemoveRecipient);
  if (refuse) {
    r.refused = true;
    auto [basic, enhanced] = SplitSmtpCode(d.smtp_code, /*temporary=*/false);
    std::string text = d.message.empty() ? r.raw + ": refused by policy" : d.message;
    // A long address and its reason wrap onto more lines rather than being
    // cut before the suggestion (issue 15, fresh tester, item 9).
    EncodeReplyLines(basic, enhanced, {address::SmtpReplyText(text)}, out);
    if (log_) log_(RcptLogLine(*tx_, r, "reject"));
  } else {
    EncodeSimple(reply::kContinue, out);
  }
}

// A recipient the Checker could not judge: on the SMTP path with the
// tempfail action it alone is refused 451 now (the client retries it, the
// others go on); otherwise it stays and the end of message fails.
void Session::RecipientFailed(TxRecipient* r, std::string why, std::string* out) {
  const Checker& checker = *tx_->checker;
  bool refuse_now =
      tx_->path == MailPath::kSmtp && checker.fail_action() == FailAction::kTempfail;
  why = r->raw.substr(0, 100) + ": " + why;
  r->decision.rule = RuleRef{0, "on_error", "", "[defaults] on_error"};
  if (log_) log_(FailLogLine(*tx_, why, refuse_now ? "tempfail" : "deferred-to-eom"));
  if (refuse_now) {
    r->refused = true;
    r->tempfailed = true;
    EncodeReplyCode("451", "4.3.0",
                    "nearmiss could not check this recipient; try again later", out);
  } else {
    if (tx_->unjudged.empty()) tx_->unjudged = std::move(why);
    EncodeSimple(reply::kContinue, out);
  }
}

std::vector<std::shared_future<DnsFacts>> Session::PendingDnsLookups() {
  std::vector<std::shared_future<DnsFacts>> out;
  if (!tx_ || !tx_->checker) return out;
  for (TxRecipient& r : tx_->recipients) {
    if (r.refused) continue;
    r.dns_lookup = tx_->checker->PendingDnsFacts(r.check);
    if (r.dns_lookup) out.push_back(*r.dns_lookup);
  }
  return out;
}

std::function<EomOutcome()> Session::TakeEndOfMessage() {
  // Facts answered since RCPT join the check the end of message decides on
  // (a lookup still unanswered leaves them unknown: can receive, fail closed).
  if (tx_->checker) {
    for (TxRecipient& r : tx_->recipients) {
      // The lookup waited for first: its answer, not a new lookup's.
      if (!r.refused && r.dns_lookup && !r.check.dns &&
          r.dns_lookup->wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        r.check.dns = r.dns_lookup->get();
      }
      r.dns_lookup.reset();
      if (!r.refused) tx_->checker->AddReadyDnsFacts(&r.check);
      // Past the wait a lookup still unanswered is unknown (fail closed),
      // no longer pending: the end of message decides, it cannot defer.
      // Said in its facts, so the decision log shows the decision was made
      // on no answer (issue 15, round 42's tester, finding 13).
      if (!r.refused && r.check.dns_pending && !r.check.dns) {
        dns::MarkUnanswered(&r.check, "timeout");
      }
      r.check.dns_pending = false;
    }
  }
  auto tx = std::make_shared<Transaction>(std::move(*tx_));
  tx_.reset();
  pending_ = tx;
  EomContext context = Context();
  return [tx = std::shared_ptr<const Transaction>(std::move(tx)), context] {
    try {
      return FinishMessage(*tx, context);
    } catch (const std::exception& e) {
      return FailMessage(*tx, context, std::string("internal error: ") + e.what());
    } catch (...) {
      return FailMessage(*tx, context, "internal error");
    }
  };
}

bool Session::end_of_message_is_quick() const {
  return tx_ && IsQuickToScan(*tx_);
}

void Session::CompleteEndOfMessage(EomOutcome outcome, std::string* out, bool job_done) {
  out->append(outcome.replies);
  if (log_ && !outcome.log_line.empty()) log_(outcome.log_line);
  if (options_.audit && outcome.audit) options_.audit->Record(std::move(*outcome.audit));
  if (outcome.confirm) {
    if (options_.confirm) {
      options_.confirm->Notify(std::move(*outcome.confirm));
    } else {
      log::Warn("held " + log::Untrusted(outcome.confirm->queue_id) +
                " for the sender to confirm, but no [confirm] key_file is set: no notice was "
                "sent; an admin must release or delete it");
    }
  }
  if (job_done && pending_ && pending_.use_count() == 1) KeepSpare(pending_.get());
  pending_.reset();
  eom_pending_ = false;
  ++messages_;
  ClearMessageMacros();
}

void Session::FailEndOfMessage(std::string_view why, std::string* out) {
  Transaction empty;
  const Transaction& tx = pending_ ? *pending_ : empty;
  CompleteEndOfMessage(FailMessage(tx, Context(), why), out);
}

}  // namespace nearmiss::milter
