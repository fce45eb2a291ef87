// The production Checker: a compiled Engine, plus a per-thread Scratch for
// the content scan.
#include <memory>
#include <utility>

#include "milter/checker.h"
#include "nearmiss/engine.h"

namespace nearmiss::milter {
namespace {

class EngineChecker final : public Checker {
 public:
  explicit EngineChecker(std::shared_ptr<const Engine> engine)
      : engine_(std::move(engine)) {}

  RecipientCheck CheckRecipient(std::string_view input) const override {
    return engine_->CheckRecipient(input);
  }

  RecipientDecision DecideRecipient(std::string_view sender,
                                    const RecipientCheck& check,
                                    MailPath path) const override {
    return engine_->DecideRecipient(sender, check, RecipientField::kEnvelope,
                                    path);
  }

  content::ScannedMessage Scan(std::string_view bytes,
                               std::string source) const override {
    content::Scratch* scratch = ThreadScratch();
    if (scratch == nullptr) {
      content::ScannedMessage failed;
      failed.source = std::move(source);
      failed.errors.push_back("could not allocate a scan scratch");
      failed.sensitivity.complete = false;
      return failed;
    }
    return engine_->ScanMessage(bytes, std::move(source), *scratch);
  }

  Decision Decide(const MessageFacts& facts) const override {
    return engine_->Decide(facts);
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
  // Each worker thread keeps one Scratch for the Scanner it last used. The
  // cache holds the Scanner itself, not its address, so a reload that frees
  // a Scanner can never leave a Scratch matched to a recycled pointer.
  content::Scratch* ThreadScratch() const {
    struct Cache {
      std::shared_ptr<const content::Scanner> scanner;
      std::unique_ptr<content::Scratch> scratch;
    };
    thread_local Cache cache;
    std::shared_ptr<const content::Scanner> scanner = engine_->shared_scanner();
    if (cache.scanner != scanner || !cache.scratch) {
      Result<content::Scratch> s = content::Scratch::Create(*scanner);
      if (!s.ok()) return nullptr;
      cache.scratch = std::make_unique<content::Scratch>(std::move(*s));
      cache.scanner = std::move(scanner);
    }
    return cache.scratch.get();
  }

  std::shared_ptr<const Engine> engine_;
};

}  // namespace

std::shared_ptr<const Checker> MakeEngineChecker(
    std::shared_ptr<const Engine> engine) {
  if (!engine) return nullptr;
  return std::make_shared<EngineChecker>(std::move(engine));
}

}  // namespace nearmiss::milter
