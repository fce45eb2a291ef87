// The session when something goes wrong: no policy, a scan or RCPT check
// that throws, too many or no recipients, a missing macro: each answers
// the stated fail action, never a silent accept.
#include "milter/session_fixture.h"

namespace nearmiss::milter {
namespace {

// Its own suite name: the module's tests share one program (nm_test), and
// GoogleTest refuses one suite name over two fixture classes (each file's
// copy of session_fixture.h is its own class).
class SessionFailuresTest : public SessionTest {};

TEST_F(SessionFailuresTest, NoPolicyMeansTempfailAtEndOfMessage) {
  source_ = [] { return std::shared_ptr<const Checker>(); };
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  EXPECT_THAT(Rcpt("<bob@army.ml>"), ElementsAre("c:"));
  auto r = Eom();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("y:451 4.3.0 nearmiss could not check this message"));
  EXPECT_THAT(logs_.back(), HasSubstr("\"event\":\"error\""));
}

TEST_F(SessionFailuresTest, FailEndOfMessageAnswersTheFailAction) {
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

TEST_F(SessionFailuresTest, AnExceptionInTheScanAnswersTheFailAction) {
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

TEST_F(SessionFailuresTest, AnExceptionAtRcptTempfailsThatRecipientOnly) {
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

TEST_F(SessionFailuresTest, EveryRecipientRefusedAtEndOfMessageAnswersTheFailAction) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  EXPECT_THAT(Rcpt("<bob@army.ml>")[0], HasSubstr("550"));
  auto r = Eom();  // an MTA would not send it; if one does, nothing is judged
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("(no recipient seen)"));
}

TEST_F(SessionFailuresTest, AnExceptionAtRcptOnTheSendmailPathFailsTheMessage) {
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

TEST_F(SessionFailuresTest, AnExceptionAtRcptWithOnErrorAcceptDeliversMarkedUnchecked) {
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

TEST_F(SessionFailuresTest, AnyThrownValueInTheScanAnswersTheFailAction) {
  checker_->throw_other_in_scan = true;
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  auto r = Eom();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("y:451 4.3.0 nearmiss could not check this message (internal error)"));
}

TEST_F(SessionFailuresTest, TooManyRecipientsAreTempfailedAtRcpt) {
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

TEST_F(SessionFailuresTest, TooManyRecipientsOnTheSendmailPathFailTheMessage) {
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

TEST_F(SessionFailuresTest, NoRecipientAtEndOfMessageAnswersTheFailAction) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Header("Subject", "SECRET: nobody was named");
  auto r = Eom();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("y:451 4.3.0 nearmiss could not check this message "
                              "(no recipient seen)"));
  EXPECT_THAT(logs_.back(), HasSubstr("\"error\":\"no recipient seen\""));
}

TEST_F(SessionFailuresTest, MissingRcptMailerMacroDecidesAtEndOfMessage) {
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  // Angle brackets but no {rcpt_mailer}: maybe the sendmail path, so no
  // RCPT refusal; the look-alike is refused with the whole message instead.
  EXPECT_THAT(Rcpt("<bob@army.ml>", /*smtpd=*/false), ElementsAre("c:"));
  auto r = Eom();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0], HasSubstr("y:550 5.7.1 bob@army.ml: army.ml looks like army.mil"));
}

TEST_F(SessionFailuresTest, UnreadablePartsAreLoggedWithTheDecision) {
  checker_->scan_errors = {"attachment:a.pdf: PDF is encrypted; text not extracted"};
  Negotiate();
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  Body("hi\r\n");
  EXPECT_THAT(Eom(), ElementsAre("c:"));
  EXPECT_THAT(logs_.back(),
              HasSubstr("\"errors\":[\"attachment:a.pdf: PDF is encrypted; text not extracted\"]"));
}

TEST_F(SessionFailuresTest, AbortMidMessageJudgesTheNextMessageAfresh) {
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
}  // namespace
}  // namespace nearmiss::milter
