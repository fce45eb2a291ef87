// The session state machine driven packet by packet, with a scripted
// Checker standing in for the engine (the real engine is exercised by the
// protocol and Postfix tests).
#include "milter/session_fixture.h"

namespace nearmiss::milter {
namespace {

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

// Issue 15, fresh tester, item 9: the end-of-message reply named every
// refused recipient on one line, which Postfix cut at 512 bytes mid-word,
// and the third suggestion was lost. Each recipient has a line of its own.
TEST_F(SessionTest, AnEndOfMessageRejectNamesEachRecipientOnItsOwnLine) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  const std::string long_local(64, 'l');
  for (const std::string& r : {std::string("u@army.mik"), std::string("v@army.mik"),
                               long_local + "@army.mik"}) {
    EXPECT_THAT(Rcpt("<" + r + ">"), ElementsAre("c:"));
  }
  checker_->dns_answered = true;
  Header("Subject", "hello");
  Body("hi\r\n");
  std::vector<std::string> eom = Eom();
  ASSERT_EQ(eom.size(), 1u);
  EXPECT_EQ(eom[0],
            "y:550-5.7.1 u@army.mik: army.mik looks like army.mil; did you mean u@army.mil? "
            "(100%% sure)\r\n"
            "550-5.7.1 v@army.mik: army.mik looks like army.mil; did you mean v@army.mil? "
            "(100%% sure)\r\n"
            "550 5.7.1 " + long_local + "@army.mik: army.mik looks like army.mil; did you mean " +
                long_local + "@army.mil? (100%% sure)|");
}

// A new user's walk-around: the recipient was cut at 1024 bytes before it
// was judged, so "aaa…@army.mil.ml" was judged on "aaa…@army.mil".
TEST_F(SessionTest, AnOverLongRecipientIsJudgedWholeNotOnItsPrefix) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  std::vector<std::string> reply = Rcpt("<" + std::string(1020, 'a') + "@army.ml>");
  ASSERT_EQ(reply.size(), 1u);
  // Wrapped onto lines Postfix takes whole, the suggestion kept at the end
  // (issue 15, fresh tester, item 9).
  EXPECT_THAT(reply[0], testing::StartsWith("y:550-5.7.1"));
  EXPECT_THAT(reply[0], testing::EndsWith("@army.mil? (100%% sure)|"));
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
                  "reasons=sensitivity|");
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
