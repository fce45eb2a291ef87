// The fixture the session tests share: a scripted Checker standing in
// for the engine, a recording audit sink, and a Session driven packet
// by packet (test-only; each test file gets its own copy).
#ifndef NEARMISS_MILTER_SESSION_FIXTURE_H_
#define NEARMISS_MILTER_SESSION_FIXTURE_H_

#include "milter/session.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>


namespace nearmiss::milter {
namespace {


using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class FakeChecker : public Checker {
 public:
  RecipientCheck CheckRecipient(std::string_view input) const override {
    if (throw_in_rcpt) throw std::runtime_error("the index is gone");
    RecipientCheck c;
    c.input = std::string(input);
    c.address = c.input;
    c.domain = c.input.substr(c.input.find('@') + 1);
    if (c.domain == "army.ml") {
      c.verdict = Verdict::kLookalike;
      c.target = "army.mil";
      c.suggestion = c.address.substr(0, c.address.find('@')) + "@army.mil";
      c.reasons.push_back({ReasonCode::kSuffixEdit, "army.ml", "army.mil", "the TLD .ml is missing an 'i'"});
    } else if (c.domain == "army.mik") {
      c.verdict = Verdict::kLookalike;
      c.target = "army.mil";
      c.suggestion = c.address.substr(0, c.address.find('@')) + "@army.mil";
      c.reasons.push_back({ReasonCode::kTldNotDelegated, "army.mik", "army.mil", "the TLD .mik does not exist"});
    } else if (c.domain == "mod.gov.uk") {
      c.verdict = Verdict::kTrusted;
    } else {
      c.verdict = Verdict::kExternal;
    }
    return c;
  }
  RecipientDecision DecideRecipient(std::string_view, const RecipientCheck& c,
                                    MailPath path) const override {
    RecipientDecision d;
    d.recipient = c.address;
    d.verdict = c.verdict;
    if (c.domain == "army.mik" && !dns_answered) {
      // A can_receive rule waits for the lookup: the engine defers it.
      d.deferred = true;
    } else if (c.verdict == Verdict::kLookalike) {
      d.action = Action::kReject;
      d.at_rcpt = path == MailPath::kSmtp;
      d.smtp_code = "550 5.7.1";
      d.message = c.address + ": " + c.reasons[0].subject + " looks like " + c.reasons[0].object +
                  "; did you mean " +
                  c.suggestion + "? (100% sure)";
      d.rule = {1, "lookalike", "", "rule 1 'lookalike'"};
    } else if (c.verdict == Verdict::kExternal) {
      d.deferred = true;
    }
    return d;
  }
  // The engine's pipeline in miniature: the scripted scan and decision,
  // with the recipients judged at RCPT and the size bound's lower bound.
  MessageCheck CheckMessage(const Envelope& envelope,
                            const MessageContent& content) const override {
    MessageCheck c;
    c.message = Scan(content.bytes(), content.source());
    if (content.total_bytes() > content.bytes().size()) c.message.sensitivity.complete = false;
    c.facts.sender = std::string(envelope.sender);
    c.facts.path = envelope.path;
    c.facts.sensitivity = c.message.sensitivity;
    for (const EnvelopeRecipient& r : envelope.recipients) {
      c.facts.recipients.push_back({r.check ? *r.check : CheckRecipient(r.address), r.field});
    }
    c.decision = Decide(c.facts);
    return c;
  }
  content::ScannedMessage Scan(std::string_view bytes, std::string source) const {
    if (throw_in_scan) throw std::runtime_error("out of memory in the scanner");
    if (throw_other_in_scan) throw 42;
    last_scanned = std::string(bytes);
    content::ScannedMessage m;
    m.source = std::move(source);
    m.errors = scan_errors;
    for (auto [word, level] :
         {std::pair{"OFFICIAL-SENSITIVE", content::Level::kOfficialSensitive},
          std::pair{"SECRET:", content::Level::kSecret}}) {
      if (bytes.find(word) != std::string_view::npos) {
        content::Finding f;
        f.marking = word;
        f.level = level;
        f.strength = content::Strength::kStrong;
        f.where = "subject";
        m.sensitivity.Add(f);
      }
    }
    return m;
  }
  Decision Decide(const MessageFacts& facts) const {
    Decision d;
    d.level = facts.sensitivity.level;
    bool external = false;
    for (const MessageRecipient& r : facts.recipients) {
      RecipientDecision rd = DecideRecipient(facts.sender, r.check, facts.path);
      external |= r.check.verdict == Verdict::kExternal;
      // As the engine: a reject it deems taken at RCPT leaves the message.
      if (rd.action == Action::kReject && !rd.at_rcpt) {
        d.message_action = Action::kReject;
        d.smtp_code = rd.smtp_code;
      }
      d.recipients.push_back(rd);
    }
    if (d.message_action != Action::kReject && external) {
      if (d.level >= content::Level::kSecret) {
        d.message_action = Action::kHold;
        d.message = "SECRET to an external recipient";
        d.rule = {2, "secret-external", "", "rule 2 'secret-external'"};
      } else if (d.level >= content::Level::kOfficialSensitive) {
        d.message_action = Action::kTag;
        d.rule = {3, "sensitive-external", "", "rule 3 'sensitive-external'"};
      }
    }
    d.action = d.message_action;
    return d;
  }
  FailAction fail_action() const override { return fail; }
  const std::string& tag_header() const override { return tag_; }
  size_t max_message_bytes() const override { return max_bytes; }

  size_t max_bytes = 1 << 20;
  FailAction fail = FailAction::kTempfail;
  bool throw_in_rcpt = false;
  // army.mik's DNS answer is in: decided (reject) rather than deferred.
  bool dns_answered = false;
  bool throw_in_scan = false;
  bool throw_other_in_scan = false;
  std::vector<std::string> scan_errors;
  mutable std::string last_scanned;

 private:
  std::string tag_ = "X-Nearmiss";
};

// Keeps what the session sends to the audit log.
class RecordingSink final : public DecisionSink {
 public:
  void Record(DecisionRecord r) override { records.push_back(std::move(r)); }
  std::vector<DecisionRecord> records;
};

SessionOptions WithAudit(std::shared_ptr<DecisionSink> sink) {
  SessionOptions o;
  o.audit = std::move(sink);
  return o;
}

// Drives a Session like an MTA would and decodes its replies.
class SessionTest : public ::testing::Test {
 protected:
  SessionTest()
      : checker_(std::make_shared<FakeChecker>()),
        session_(7, WithAudit(audit_), [this] { return source_(); },
                 [this](std::string_view line) { logs_.emplace_back(line); }) {}

  // Sends packets; returns the replies as "code:text" strings, NULs as '|'.
  std::vector<std::string> Send(const std::string& packets) {
    framer_.Feed(packets);
    std::string out;
    for (;;) {
      auto p = framer_.Next();
      EXPECT_TRUE(p.ok());
      if (!p.ok() || !p->has_value()) break;
      last_step_ = session_.Handle(**p, &out);
      if (last_step_ == Session::Step::kEndOfMessage) {
        auto job = session_.TakeEndOfMessage();
        if (job_done_) {  // as the server does: the job gone before completing
          EomOutcome outcome = job();
          job = nullptr;
          session_.CompleteEndOfMessage(std::move(outcome), &out, /*job_done=*/true);
        } else {
          session_.CompleteEndOfMessage(job(), &out);
        }
      }
    }
    return Decode(out);
  }

  static std::vector<std::string> Decode(const std::string& bytes) {
    Framer f;
    f.Feed(bytes);
    std::vector<std::string> replies;
    for (;;) {
      auto p = f.Next();
      if (!p.ok() || !p->has_value()) break;
      std::string data((*p)->data);
      for (char& c : data) {
        if (c == '\0') c = '|';
      }
      replies.push_back(std::string(1, (*p)->code) + ":" + data);
    }
    return replies;
  }

  std::vector<std::string> Negotiate(uint32_t actions = 0x1ff,
                                     uint32_t protocol = 0x1fffff) {
    std::string w;
    EncodeOptionNegotiation({6, actions, protocol}, &w);
    return Send(w);
  }
  std::vector<std::string> Mail(const std::string& sender) {
    std::string w;
    EncodeMacros('M', {{"{auth_authen}", "alice"}}, &w);
    EncodeStrings(cmd::kMail, {sender}, &w);
    return Send(w);
  }
  std::vector<std::string> Rcpt(const std::string& rcpt, bool smtpd = true) {
    std::string w;
    std::vector<std::pair<std::string, std::string>> macros;
    if (smtpd) macros.emplace_back("{rcpt_mailer}", "smtp");
    EncodeMacros('R', macros, &w);
    EncodeStrings(cmd::kRcpt, {rcpt}, &w);
    return Send(w);
  }
  std::vector<std::string> Header(const std::string& name, const std::string& value) {
    std::string w;
    EncodeStrings(cmd::kHeader, {name, value}, &w);
    return Send(w);
  }
  std::vector<std::string> Body(const std::string& chunk) {
    std::string w;
    EncodePacket(cmd::kBody, chunk, &w);
    return Send(w);
  }
  std::vector<std::string> Eom(const std::string& queue_id = "4ABC") {
    std::string w;
    EncodeMacros('E', {{"i", queue_id}}, &w);
    EncodePacket(cmd::kEndOfMessage, {}, &w);
    return Send(w);
  }
  std::vector<std::string> Simple(char code) {
    std::string w;
    EncodePacket(code, {}, &w);
    return Send(w);
  }

  std::shared_ptr<FakeChecker> checker_;
  std::function<std::shared_ptr<const Checker>()> source_ = [this] { return checker_; };
  std::shared_ptr<RecordingSink> audit_ = std::make_shared<RecordingSink>();
  Session session_;
  Framer framer_;
  Session::Step last_step_ = Session::Step::kContinue;
  std::vector<std::string> logs_;
  bool job_done_ = false;  // Send completes as Connection does (job_done)
};


}  // namespace
}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_SESSION_FIXTURE_H_
