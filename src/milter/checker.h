// Checker: what a milter session asks of the policy engine.
//
// An interface so the session can be driven by a scripted fake in tests and
// the engine stays free of milter code. MakeEngineChecker adapts a compiled
// Engine; a session takes one Checker at MAIL and keeps it to the end of the
// message, so a reload never changes the rules under a message in flight.
//
// Thread safety: every method may be called from any thread at once; the
// engine keeps a per-thread content::Scratch internally.
#ifndef NEARMISS_MILTER_CHECKER_H_
#define NEARMISS_MILTER_CHECKER_H_

#include <cstddef>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "nearmiss/content_reader.h"
#include "nearmiss/decision.h"
#include "nearmiss/dns.h"
#include "nearmiss/message_check.h"
#include "nearmiss/verdict.h"

namespace nearmiss {
class Engine;
}

namespace nearmiss::milter {

// What the milter answers when it cannot decide (the policy's on_error).
enum class FailAction {
  kTempfail,     // 451 4.3.0: the MTA keeps the mail and retries
  kAcceptTagged, // deliver, with the tag header saying it was not checked
};

class Checker {
 public:
  virtual ~Checker() = default;

  virtual RecipientCheck CheckRecipient(std::string_view input) const = 0;
  virtual RecipientDecision DecideRecipient(std::string_view sender,
                                            const RecipientCheck& check,
                                            MailPath path) const = 0;
  // The whole message at its end: Engine::CheckMessage (message_check.h).
  virtual MessageCheck CheckMessage(const Envelope& envelope,
                                    const MessageContent& content) const = 0;

  // DNS signals at end of message: the lookup of `check`'s domain when it is
  // a look-alike whose facts are not in yet (started, or joined if it runs
  // since RCPT); nullopt when there is nothing to wait for (DNS off, not a
  // look-alike, facts in). The future is ready by the lookup's deadline at
  // the latest (nearmiss/dns.h). Never blocks.
  virtual std::optional<std::shared_future<DnsFacts>> PendingDnsFacts(
      const RecipientCheck& /*check*/) const {
    return std::nullopt;
  }
  // Puts the facts of a finished lookup into `check`, without waiting;
  // whether it did.
  virtual bool AddReadyDnsFacts(RecipientCheck* /*check*/) const { return false; }

  virtual FailAction fail_action() const = 0;
  virtual const std::string& tag_header() const = 0;  // "X-Nearmiss"
  // Bytes of one message kept for the scan; past it the milter decides on
  // what it saw and says so.
  virtual size_t max_message_bytes() const = 0;
};

// The running Checker; may change between calls (reload). Null when none is
// loaded: sessions then answer with FailAction::kTempfail.
using CheckerSource = std::function<std::shared_ptr<const Checker>()>;

// `acknowledgements` (not owned; may be null) gives each message's sender's
// live acknowledgements to Engine::CheckMessage. `dns` (shared: the checker
// keeps the resolver it was made with to the end of its message, across a
// reload that replaces it; null: DNS signals off) looks up each look-alike's
// domain at RCPT without waiting (dns/add_facts.h AddReadyDnsFacts): facts
// in the cache are used.
std::shared_ptr<const Checker> MakeEngineChecker(
    std::shared_ptr<const Engine> engine,
    const AcknowledgementSource* acknowledgements = nullptr,
    std::shared_ptr<DnsSource> dns = nullptr);

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_CHECKER_H_
