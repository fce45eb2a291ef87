// The production Checker: a compiled Engine (which owns the per-thread scan
// Scratch).
#include <chrono>
#include <memory>
#include <utility>

#include "dns/add_facts.h"
#include "engine/recipient_cache.h"
#include "milter/checker.h"
#include "nearmiss/engine.h"

namespace nearmiss::milter {
namespace {

class EngineChecker final : public Checker {
 public:
  EngineChecker(std::shared_ptr<const Engine> engine,
                const AcknowledgementSource* acknowledgements, std::shared_ptr<DnsSource> dns)
      : engine_(std::move(engine)), acknowledgements_(acknowledgements), dns_(std::move(dns)) {}

  // RCPT runs on the server's one I/O thread, which must never wait on the
  // network: a look-alike's lookup is started here and its facts used only
  // when already known (the cache). Until then the domain counts as able to
  // receive mail (fail closed). The connection waits for the answer before
  // the end of message (PendingDnsFacts, on an asio timer), which then
  // takes the facts into this same check (AddReadyDnsFacts).
  RecipientCheck CheckRecipient(std::string_view input) const override {
    RecipientCheck c = Cache().Check(input);
    if (dns_ != nullptr) dns::AddReadyDnsFacts(*dns_, &c);
    return c;
  }

  std::optional<std::shared_future<DnsFacts>> PendingDnsFacts(
      const RecipientCheck& check) const override {
    if (dns_ == nullptr || check.dns.has_value() || check.verdict != Verdict::kLookalike ||
        check.domain.empty() || !dns::LookupWanted(*dns_, check)) {
      return std::nullopt;
    }
    // Known without a query: never sent to the resolver (dns/add_facts.h).
    if (dns::Undelegated(check)) return std::nullopt;
    return dns_->Lookup(check.domain);
  }

  bool AddReadyDnsFacts(RecipientCheck* check) const override {
    return dns_ != nullptr && !check->dns.has_value() && dns::AddReadyDnsFacts(*dns_, check);
  }

  RecipientDecision DecideRecipient(std::string_view sender,
                                    const RecipientCheck& check,
                                    MailPath path) const override {
    return engine_->DecideRecipient(sender, check, RecipientField::kEnvelope,
                                    path);
  }

  MessageCheck CheckMessage(const Envelope& envelope,
                            const MessageContent& content) const override {
    if (acknowledgements_ == nullptr) return engine_->CheckMessage(envelope, content);
    Envelope with = envelope;
    with.acknowledgements = acknowledgements_;
    with.now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    return engine_->CheckMessage(with, content);
  }

  // A mailbox's recipients recur from message to message: RCPT (on the
  // server's one I/O thread) asks this thread's RecipientCache, the kind
  // the engine keeps for CheckMessage, instead of parsing the address and
  // searching the index again. A checker lives for one message, so the
  // cache is per thread and starts over when the engine changes (a
  // reload); the weak_ptr cannot mistake a new engine at a freed one's
  // address for it.
  engine::RecipientCache& Cache() const {
    thread_local std::weak_ptr<const Engine> owner;
    thread_local std::unique_ptr<engine::RecipientCache> cache;
    if (!cache || owner.lock() != engine_) {
      cache = std::make_unique<engine::RecipientCache>(*engine_);
      owner = engine_;
    }
    return *cache;
  }

  FailAction fail_action() const override {
    return engine_->policy().defaults.on_error == FailMode::kAccept
               ? FailAction::kAcceptTagged
               : FailAction::kTempfail;
  }

  const std::string& tag_header() const override {
    return engine_->policy().defaults.tag_header;
  }

  size_t max_message_bytes() const override {
    return engine_->policy().limits.max_message_bytes;
  }

 private:
  std::shared_ptr<const Engine> engine_;
  const AcknowledgementSource* acknowledgements_;
  std::shared_ptr<DnsSource> dns_;  // null: DNS signals off
};

}  // namespace

std::shared_ptr<const Checker> MakeEngineChecker(
    std::shared_ptr<const Engine> engine, const AcknowledgementSource* acknowledgements,
    std::shared_ptr<DnsSource> dns) {
  if (!engine) return nullptr;
  return std::make_shared<EngineChecker>(std::move(engine), acknowledgements, std::move(dns));
}

}  // namespace nearmiss::milter
