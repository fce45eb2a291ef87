// The session state machine driven packet by packet, with a scripted
// Checker standing in for the engine (the real engine is exercised by the
// protocol and Postfix tests).
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
        session_.CompleteEndOfMessage(job(), &out);
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
};

TEST_F(SessionTest, NegotiatesOnlyWhatItNeeds) {
  auto r = Negotiate();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0][0], 'O');
  EXPECT_EQ(session_.actions(), action::kAddHeaders | action::kChangeHeaders |
                                    action::kDelRcpt | action::kQuarantine |
                                    action::kSetSymbolList);
  EXPECT_TRUE(session_.protocol() & proto::kNoReplyHeader);
  EXPECT_TRUE(session_.protocol() & proto::kNoReplyBody);
  EXPECT_TRUE(session_.protocol() & proto::kNoConnect);
  EXPECT_FALSE(session_.protocol() & proto::kNoRcpt);
  EXPECT_THAT(r[0], HasSubstr("{rcpt_mailer}"));
}

TEST_F(SessionTest, NeverAsksForMoreThanOffered) {
  Negotiate(action::kAddHeaders, 0);
  EXPECT_EQ(session_.protocol(), 0u);
  EXPECT_EQ(session_.actions(), action::kAddHeaders);
  Mail("<a@mod.gov.uk>");
  // Without no-reply flags every header gets an answer.
  EXPECT_THAT(Header("Subject", "hi"), ElementsAre("c:"));
}

TEST_F(SessionTest, RejectsLookalikeAtRcptWithSuggestionOthersContinue) {
  Negotiate();
  EXPECT_TRUE(Mail("<alice@mod.gov.uk>").empty());  // no-reply MAIL
  EXPECT_THAT(Rcpt("<bob@army.ml>"),
              ElementsAre("y:550 5.7.1 bob@army.ml: army.ml looks like army.mil; "
                          "did you mean bob@army.mil? (100%% sure)|"));
  EXPECT_THAT(Rcpt("<carol@mod.gov.uk>"), ElementsAre("c:"));
  ASSERT_EQ(logs_.size(), 1u);
  EXPECT_THAT(logs_[0], HasSubstr("\"event\":\"rcpt\""));
  EXPECT_THAT(logs_[0], HasSubstr("\"verdict\":\"lookalike\""));
  EXPECT_THAT(logs_[0], HasSubstr("\"auth_user\":\"alice\""));
  Header("Subject", "hello");
  Body("hi\r\n");
  EXPECT_THAT(Eom(), ElementsAre("c:"));
  ASSERT_EQ(logs_.size(), 2u);
  EXPECT_THAT(logs_[1], HasSubstr("\"queue_id\":\"4ABC\""));
  EXPECT_THAT(logs_[1], HasSubstr("\"at_rcpt\":true"));
}

// Issue 15: a rule deferred at RCPT for a pending DNS answer, decided
// reject at end of message on the SMTP path, DELRCPTed the recipient and
// accepted the message; the sender heard nothing. It refuses the message.
TEST_F(SessionTest, ADeferredRejectRefusesTheWholeMessageNeverDeletesTheRecipient) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  EXPECT_THAT(Rcpt("<u@army.mik>"), ElementsAre("c:"));
  EXPECT_THAT(Rcpt("<z@example.org>"), ElementsAre("c:"));
  checker_->dns_answered = true;
  Header("Subject", "hello");
  Body("hi\r\n");
  std::vector<std::string> eom = Eom();
  ASSERT_EQ(eom.size(), 1u);
  EXPECT_THAT(eom[0], StartsWith("y:550 5.7.1 u@army.mik: army.mik looks like army.mil"));
  EXPECT_THAT(logs_.back(), HasSubstr("\"milter\":\"reject\""));
  EXPECT_THAT(logs_.back(), Not(HasSubstr("delete-recipient")));
}

// A new user's walk-around: the recipient was cut at 1024 bytes before it
// was judged, so "aaa…@army.mil.ml" was judged on "aaa…@army.mil".
TEST_F(SessionTest, AnOverLongRecipientIsJudgedWholeNotOnItsPrefix) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  std::vector<std::string> reply = Rcpt("<" + std::string(1020, 'a') + "@army.ml>");
  ASSERT_EQ(reply.size(), 1u);
  EXPECT_THAT(reply[0], testing::StartsWith("y:550 5.7.1"));
}

TEST_F(SessionTest, EveryDecisionReachesTheAuditLogWithADigestNotTheBody) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Rcpt("<bob@army.ml>");
  Rcpt("<carol@mod.gov.uk>");
  Header("Message-ID", "<m1@mod.gov.uk>");
  Body("the body\r\n");
  Eom("4ABC");
  ASSERT_EQ(audit_->records.size(), 1u);
  const DecisionRecord& r = audit_->records[0];
  EXPECT_EQ(r.source, "milter");
  EXPECT_EQ(r.queue_id, "4ABC");
  EXPECT_EQ(r.sender, "alice@mod.gov.uk");
  EXPECT_THAT(r.digest, StartsWith("sha256:"));
  ASSERT_EQ(r.recipients.size(), 2u);
  EXPECT_EQ(r.recipients[1].address, "bob@army.ml");
  EXPECT_EQ(r.recipients[1].verdict, "lookalike");
  EXPECT_EQ(r.recipients[1].action, "reject");
  EXPECT_EQ(r.recipients[1].target, "army.mil");
}

// Found by a new user: a message whose only recipient was a look-alike
// refused at RCPT never reached the audit log, since Postfix then sends no
// DATA and the record was written only at end of message.
TEST_F(SessionTest, RecipientsRefusedAtRcptAreRecordedWhenTheTransactionEnds) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Rcpt("<bob@army.ml>");
  EXPECT_TRUE(audit_->records.empty());
  Simple(cmd::kAbort);
  ASSERT_EQ(audit_->records.size(), 1u);
  EXPECT_EQ(audit_->records[0].action, "reject");
  ASSERT_EQ(audit_->records[0].recipients.size(), 1u);
  EXPECT_EQ(audit_->records[0].recipients[0].address, "bob@army.ml");
  EXPECT_EQ(audit_->records[0].recipients[0].verdict, "lookalike");
  // A transaction with nothing refused adds no record of its own.
  Mail("<alice@mod.gov.uk>");
  Rcpt("<carol@mod.gov.uk>");
  Simple(cmd::kAbort);
  EXPECT_EQ(audit_->records.size(), 1u);
  // Nor is a refusal recorded twice when the message does reach its end.
  Mail("<alice@mod.gov.uk>");
  Rcpt("<bob@army.ml>");
  Rcpt("<carol@mod.gov.uk>");
  Body("x\r\n");
  Eom("5DEF");
  Simple(cmd::kQuit);
  EXPECT_EQ(audit_->records.size(), 2u);
}

TEST_F(SessionTest, SendmailPathNeverRejectsAtRcptButRejectsTheMessage) {
  Negotiate();
  Mail("alice@mod.gov.uk");
  EXPECT_THAT(Rcpt("bob@army.ml", /*smtpd=*/false), ElementsAre("c:"));
  Header("Subject", "hello");
  auto r = Eom();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("y:550 5.7.1 bob@army.ml: army.ml looks like army.mil"));
  EXPECT_THAT(logs_.back(), HasSubstr("\"path\":\"sendmail\""));
  EXPECT_THAT(logs_.back(), HasSubstr("\"milter\":\"reject\""));
}

TEST_F(SessionTest, BareAddressMeansSendmailPathEvenWithMailerMacro) {
  Negotiate();
  Mail("alice@mod.gov.uk");
  EXPECT_THAT(Rcpt("bob@army.ml", /*smtpd=*/true), ElementsAre("c:"));
}

// Found by a new user: an MTA that offers no quarantine turned a hold into
// plain delivery. The message now takes the fail action (tempfail here).
TEST_F(SessionTest, HoldWithoutQuarantineTakesTheFailAction) {
  Negotiate(0x1ff & ~action::kQuarantine);
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  Header("Subject", "SECRET: plans");
  Body("body\r\n");
  auto r = Eom();
  ASSERT_FALSE(r.empty());
  EXPECT_THAT(r.back(), testing::StartsWith("y:451"));
  EXPECT_THAT(logs_.back(), HasSubstr("offers no quarantine"));
}

TEST_F(SessionTest, SecretToExternalIsHeldWithAHeaderSayingWhy) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  EXPECT_TRUE(Header("Subject", "SECRET: plans").empty());
  EXPECT_TRUE(Body("body\r\n").empty());
  auto r = Eom();
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0], "h:X-Nearmiss|hold; level=SECRET; rule=secret-external; "
                  "SECRET to an external recipient|");
  EXPECT_EQ(r[1], "q:nearmiss: SECRET to an external recipient|");
  EXPECT_EQ(r[2], "c:");
  EXPECT_EQ(checker_->last_scanned, "Subject: SECRET: plans\r\n\r\nbody\r\n");
  EXPECT_THAT(logs_.back(), HasSubstr("\"level\":\"SECRET\""));
  EXPECT_THAT(logs_.back(), HasSubstr("\"milter\":\"quarantine\""));
}

TEST_F(SessionTest, SensitiveToExternalIsTaggedAndForgedTagsRemoved) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  Header("X-Nearmiss", "accept; forged");
  Header("x-nearmiss", "accept; forged again");
  Header("Subject", "OFFICIAL-SENSITIVE: budget");
  auto r = Eom();
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].substr(0, 2), "m:");
  EXPECT_EQ(r[0], "m:|||\x02X-Nearmiss||");
  EXPECT_EQ(r[1], "m:|||\x01X-Nearmiss||");
  EXPECT_THAT(r[2], HasSubstr("h:X-Nearmiss|tag; level=OFFICIAL-SENSITIVE"));
  EXPECT_EQ(r[3], "c:");
}

TEST_F(SessionTest, SeveralMessagesAndAbortOnOneConnection) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  Header("Subject", "SECRET: first");
  EXPECT_TRUE(Simple(cmd::kAbort).empty());
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  Header("Subject", "harmless");
  EXPECT_THAT(Eom(), ElementsAre("c:"));
  EXPECT_EQ(checker_->last_scanned, "Subject: harmless\r\n\r\n");
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  Header("Subject", "OFFICIAL-SENSITIVE: third");
  EXPECT_EQ(Eom().size(), 2u);
  EXPECT_EQ(session_.messages(), 2u);
  EXPECT_TRUE(Simple(cmd::kQuitNewConnection).empty());
  EXPECT_EQ(last_step_, Session::Step::kContinue);
  Mail("<alice@mod.gov.uk>");
  EXPECT_THAT(Rcpt("<bob@army.ml>")[0], HasSubstr("550"));
  Simple(cmd::kQuit);
  EXPECT_EQ(last_step_, Session::Step::kClose);
  EXPECT_TRUE(session_.error().ok());
}

TEST_F(SessionTest, PastTheSizeBoundDecidesOnWhatWasSeenAndSaysSo) {
  checker_->max_bytes = 64;
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  Header("Subject", "OFFICIAL-SENSITIVE: big");
  Body(std::string(1000, 'x'));
  auto r = Eom();
  ASSERT_EQ(r.size(), 2u);
  EXPECT_THAT(r[0], HasSubstr("partial: decided on the first 64 of"));
  EXPECT_EQ(checker_->last_scanned.size(), 64u);
  EXPECT_THAT(logs_.back(), HasSubstr("\"complete\":false"));
}

TEST_F(SessionTest, NoPolicyMeansTempfailAtEndOfMessage) {
  source_ = [] { return std::shared_ptr<const Checker>(); };
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  EXPECT_THAT(Rcpt("<bob@army.ml>"), ElementsAre("c:"));
  auto r = Eom();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("y:451 4.3.0 nearmiss could not check this message"));
  EXPECT_THAT(logs_.back(), HasSubstr("\"event\":\"error\""));
}

TEST_F(SessionTest, FailEndOfMessageAnswersTheFailAction) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  std::string w, out;
  EncodePacket(cmd::kEndOfMessage, {}, &w);
  framer_.Feed(w);
  auto p = framer_.Next();
  ASSERT_EQ(session_.Handle(**p, &out), Session::Step::kEndOfMessage);
  auto job = session_.TakeEndOfMessage();  // never run: the pool was full
  session_.FailEndOfMessage("worker queue full", &out);
  EXPECT_THAT(Decode(out)[0], HasSubstr("451 4.3.0"));
  Mail("<alice@mod.gov.uk>");  // and the session goes on
  EXPECT_THAT(Rcpt("<dave@example.com>"), ElementsAre("c:"));
}

TEST_F(SessionTest, AnExceptionInTheScanAnswersTheFailAction) {
  checker_->throw_in_scan = true;
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  Body("hi\r\n");
  auto r = Eom();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("y:451 4.3.0 nearmiss could not check this message "
                              "(internal error: out of memory in the scanner)"));
  checker_->throw_in_scan = false;
  Mail("<alice@mod.gov.uk>");  // and the session goes on
  EXPECT_THAT(Rcpt("<dave@example.com>"), ElementsAre("c:"));
}

// Issue 11, fail closed: every path that cannot judge a recipient or a
// message takes the policy's fail action ([defaults] on_error), logged.

TEST_F(SessionTest, AnExceptionAtRcptTempfailsThatRecipientOnly) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  checker_->throw_in_rcpt = true;
  EXPECT_THAT(Rcpt("<dave@example.com>"),
              ElementsAre("y:451 4.3.0 nearmiss could not check this recipient; try again later|"));
  ASSERT_FALSE(logs_.empty());
  EXPECT_THAT(logs_.back(), HasSubstr("\"event\":\"error\""));
  EXPECT_THAT(logs_.back(), HasSubstr("<dave@example.com>: internal error: the index is gone"));
  EXPECT_THAT(logs_.back(), HasSubstr("\"milter\":\"tempfail\""));
  checker_->throw_in_rcpt = false;
  EXPECT_THAT(Rcpt("<carol@mod.gov.uk>"), ElementsAre("c:"));
  Header("Subject", "hello");
  EXPECT_THAT(Eom(), ElementsAre("c:")) << "the others are decided as usual";
  EXPECT_THAT(logs_.back(), HasSubstr("\"action\":\"tempfail\",\"rule\":\"[defaults] on_error\""));
  ASSERT_EQ(audit_->records.size(), 1u);
  EXPECT_EQ(audit_->records[0].recipients.back().action, "tempfail");
}

TEST_F(SessionTest, EveryRecipientRefusedAtEndOfMessageAnswersTheFailAction) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  EXPECT_THAT(Rcpt("<bob@army.ml>")[0], HasSubstr("550"));
  auto r = Eom();  // an MTA would not send it; if one does, nothing is judged
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("(no recipient seen)"));
}

TEST_F(SessionTest, AnExceptionAtRcptOnTheSendmailPathFailsTheMessage) {
  Negotiate();
  Mail("alice@mod.gov.uk");
  checker_->throw_in_rcpt = true;
  EXPECT_THAT(Rcpt("dave@example.com", /*smtpd=*/false), ElementsAre("c:"));
  checker_->throw_in_rcpt = false;
  EXPECT_THAT(Rcpt("carol@mod.gov.uk", /*smtpd=*/false), ElementsAre("c:"));
  auto r = Eom();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("y:451 4.3.0 nearmiss could not check this message "
                              "(dave@example.com: internal error: the index is gone)"));
  EXPECT_THAT(logs_.back(), HasSubstr("\"event\":\"error\""));
}

TEST_F(SessionTest, AnExceptionAtRcptWithOnErrorAcceptDeliversMarkedUnchecked) {
  checker_->fail = FailAction::kAcceptTagged;
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  checker_->throw_in_rcpt = true;
  EXPECT_THAT(Rcpt("<dave@example.com>"), ElementsAre("c:"));
  checker_->throw_in_rcpt = false;
  auto r = Eom();
  ASSERT_EQ(r.size(), 2u);
  EXPECT_THAT(r[0], HasSubstr("h:X-Nearmiss|unchecked; <dave@example.com>: internal error"));
  EXPECT_EQ(r[1], "c:");
  EXPECT_THAT(logs_.back(), HasSubstr("\"milter\":\"accept-unchecked\""));
}

TEST_F(SessionTest, AnyThrownValueInTheScanAnswersTheFailAction) {
  checker_->throw_other_in_scan = true;
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  auto r = Eom();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("y:451 4.3.0 nearmiss could not check this message (internal error)"));
}

TEST_F(SessionTest, TooManyRecipientsAreTempfailedAtRcpt) {
  SessionOptions small = WithAudit(audit_);
  small.max_recipients = 2;
  session_ = Session(7, small, [this] { return source_(); },
                     [this](std::string_view line) { logs_.emplace_back(line); });
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Rcpt("<a@example.com>");
  Rcpt("<b@example.com>");
  EXPECT_THAT(Rcpt("<c@example.com>"), ElementsAre("y:452 4.5.3 too many recipients|"));
  EXPECT_THAT(Eom(), ElementsAre("c:")) << "the two judged ones go on";
}

TEST_F(SessionTest, TooManyRecipientsOnTheSendmailPathFailTheMessage) {
  SessionOptions small = WithAudit(audit_);
  small.max_recipients = 2;
  session_ = Session(7, small, [this] { return source_(); },
                     [this](std::string_view line) { logs_.emplace_back(line); });
  Negotiate();
  Mail("alice@mod.gov.uk");
  Rcpt("a@example.com", false);
  Rcpt("b@example.com", false);
  // Not refused (that would leave the mail stuck) and not judged either.
  EXPECT_THAT(Rcpt("bob@army.ml", false), ElementsAre("c:"));
  auto r = Eom();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("y:451 4.3.0 nearmiss could not check this message "
                              "(more than 2 recipients)"));
}

TEST_F(SessionTest, NoRecipientAtEndOfMessageAnswersTheFailAction) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Header("Subject", "SECRET: nobody was named");
  auto r = Eom();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("y:451 4.3.0 nearmiss could not check this message "
                              "(no recipient seen)"));
  EXPECT_THAT(logs_.back(), HasSubstr("\"error\":\"no recipient seen\""));
}

TEST_F(SessionTest, MissingRcptMailerMacroDecidesAtEndOfMessage) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  // Angle brackets but no {rcpt_mailer}: maybe the sendmail path, so no
  // RCPT refusal; the look-alike is refused with the whole message instead.
  EXPECT_THAT(Rcpt("<bob@army.ml>", /*smtpd=*/false), ElementsAre("c:"));
  auto r = Eom();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("y:550 5.7.1 bob@army.ml: army.ml looks like army.mil"));
}

TEST_F(SessionTest, UnreadablePartsAreLoggedWithTheDecision) {
  checker_->scan_errors = {"attachment:a.pdf: PDF is encrypted; text not extracted"};
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  Body("hi\r\n");
  EXPECT_THAT(Eom(), ElementsAre("c:"));
  EXPECT_THAT(logs_.back(),
              HasSubstr("\"errors\":[\"attachment:a.pdf: PDF is encrypted; text not extracted\"]"));
}

TEST_F(SessionTest, AbortMidMessageJudgesTheNextMessageAfresh) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  checker_->throw_in_rcpt = true;
  checker_->fail = FailAction::kAcceptTagged;
  Rcpt("<dave@example.com>");  // unjudged: the message would fail
  checker_->throw_in_rcpt = false;
  Simple(cmd::kAbort);
  // Headers with no MAIL after the abort: a message with no recipient.
  Header("Subject", "after the abort");
  EXPECT_THAT(Eom()[0], HasSubstr("unchecked; no recipient seen"));
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  EXPECT_THAT(Eom(), ElementsAre("c:")) << "the abort left nothing unjudged behind";
}

// Whether the message reaching end of message may be finished on the I/O
// thread: `headers` then `body`, fed packet by packet.
class QuickScanTest : public SessionTest {
 protected:
  bool Quick(const std::vector<std::pair<std::string, std::string>>& headers,
             const std::string& body) {
    Negotiate();
    Mail("<alice@mod.gov.uk>");
    Rcpt("<dave@example.com>");
    for (const auto& [name, value] : headers) Header(name, value);
    Body(body);
    std::string w, out;
    EncodePacket(cmd::kEndOfMessage, {}, &w);
    framer_.Feed(w);
    auto p = framer_.Next();
    EXPECT_EQ(session_.Handle(**p, &out), Session::Step::kEndOfMessage);
    bool quick = session_.end_of_message_is_quick();
    session_.CompleteEndOfMessage(session_.TakeEndOfMessage()(), &out);
    return quick;
  }
};

TEST_F(QuickScanTest, SmallSingleTextPartIsQuick) {
  EXPECT_TRUE(Quick({{"Subject", "hi"}}, "hello\r\n"));
  EXPECT_TRUE(Quick({{"content-TYPE", "text/plain; charset=utf-8"}}, "hello\r\n"));
  EXPECT_TRUE(Quick({{"Content-Type", "text/html"}}, "<p>hello</p>\r\n"));
}

TEST_F(QuickScanTest, MultipartOrLargeGoesToTheWorkers) {
  EXPECT_FALSE(Quick({{"Content-Type", "multipart/mixed; boundary=b"}}, "--b--\r\n"));
  EXPECT_FALSE(Quick({{"Content-Type", "application/pdf"}}, "%PDF\r\n"));
  EXPECT_FALSE(Quick({{"Content-Type", "\r\n\tmultipart/mixed; boundary=b"}}, "--b--\r\n"));
  EXPECT_FALSE(Quick({{"Subject", "big"}}, std::string(kQuickScanBytes + 1, 'x')));
}

TEST_F(SessionTest, CommandBeforeNegotiationEndsTheSession) {
  std::string w;
  EncodeStrings(cmd::kMail, {"<a@b>"}, &w);
  Send(w);
  EXPECT_EQ(last_step_, Session::Step::kClose);
  EXPECT_FALSE(session_.error().ok());
}

TEST_F(SessionTest, MalformedPacketEndsTheSession) {
  Negotiate();
  std::string out;
  last_step_ = session_.Handle({cmd::kRcpt, "x"}, &out);  // no NUL
  EXPECT_EQ(last_step_, Session::Step::kClose);
  EXPECT_EQ(session_.error().code(), StatusCode::kParseError);
}

TEST_F(SessionTest, OldProtocolVersionIsRefused) {
  std::string w;
  EncodeOptionNegotiation({1, 0x1ff, 0}, &w);
  Send(w);
  EXPECT_EQ(last_step_, Session::Step::kClose);
}

}  // namespace
}  // namespace nearmiss::milter
