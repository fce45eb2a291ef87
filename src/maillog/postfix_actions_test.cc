// Milter and header-check lines (postfix_actions.h), in the forms Postfix's
// smtpd.c (check_milter_reply), cleanup_milter.c (cleanup_milter_apply) and
// cleanup_message.c (cleanup_act_log) write, and what the Postfix reader
// makes of them: outcomes of their own, never deliveries (tester round 7
// item 13).
#include "maillog/postfix_actions.h"

#include <gtest/gtest.h>

#include "maillog/log_line.h"
#include "maillog/postfix_log.h"
#include "maillog/postfix_test_util.h"

namespace nearmiss::maillog {
namespace {

TEST(PostfixActions, SmtpdRcptRejectBeforeTheQueueFile) {
  ActionFields f;
  ASSERT_TRUE(ReadActionLine(
      "milter-reject: RCPT from ws12.mod.gov.uk[10.0.4.12]: 550 5.7.1 bob@army.ml: army.ml "
      "looks like army.mil; did you mean bob@army.mil?; from=<alice@mod.gov.uk> "
      "to=<bob@army.ml> proto=ESMTP helo=<ws12>",
      &f));
  EXPECT_EQ(f.status, "rejected");
  EXPECT_EQ(f.action, "milter-reject");
  EXPECT_EQ(f.event, "RCPT");
  EXPECT_EQ(f.reply,
            "550 5.7.1 bob@army.ml: army.ml looks like army.mil; did you mean bob@army.mil?");
  EXPECT_EQ(f.dsn, "5.7.1");
  EXPECT_EQ(f.sender, "alice@mod.gov.uk");
  EXPECT_TRUE(f.sender_logged);
  EXPECT_EQ(f.recipient, "bob@army.ml");
}

TEST(PostfixActions, CleanupEndOfMessageRejectHoldAndDiscard) {
  ActionFields f;
  // cleanup writes the reply's text without its three-digit code.
  ASSERT_TRUE(ReadActionLine(
      "milter-reject: END-OF-MESSAGE from ws12.mod.gov.uk[10.0.4.12]: 5.7.1 Message held; "
      "from=<> to=<carol@army.ml> proto=ESMTP helo=<ws12>",
      &f));
  EXPECT_EQ(f.status, "rejected");
  EXPECT_EQ(f.event, "END-OF-MESSAGE");
  EXPECT_EQ(f.reply, "5.7.1 Message held");
  EXPECT_EQ(f.dsn, "5.7.1");
  EXPECT_EQ(f.sender, "");
  EXPECT_TRUE(f.sender_logged);
  EXPECT_EQ(f.recipient, "carol@army.ml");

  ASSERT_TRUE(ReadActionLine(
      "milter-hold: END-OF-MESSAGE from localhost[127.0.0.1]: milter triggers HOLD action; "
      "from=<alice@mod.gov.uk> to=<dan@army.ml> proto=ESMTP helo=<ws12>",
      &f));
  EXPECT_EQ(f.status, "held");
  EXPECT_EQ(f.reply, "milter triggers HOLD action");
  EXPECT_EQ(f.dsn, "");
  EXPECT_EQ(f.recipient, "dan@army.ml");

  ASSERT_TRUE(ReadActionLine(
      "milter-discard: END-OF-MESSAGE from localhost[127.0.0.1]: milter triggers DISCARD "
      "action; from=<alice@mod.gov.uk> to=<erin@army.ml> proto=ESMTP helo=<ws12>",
      &f));
  EXPECT_EQ(f.status, "discarded");
  EXPECT_EQ(f.recipient, "erin@army.ml");
}

TEST(PostfixActions, HeaderCheckHoldWithItsOptionalText) {
  ActionFields f;
  ASSERT_TRUE(ReadActionLine(
      "hold: header Subject: SECRET plan; from=<x> from ws12.mod.gov.uk[10.0.4.12]; "
      "from=<alice@mod.gov.uk> to=<fay@army.ml> proto=ESMTP helo=<ws12>: marked mail to .ml",
      &f));
  EXPECT_EQ(f.status, "held");
  EXPECT_EQ(f.event, "header");
  // The header as logged: a "; from=<" in it is not the fields'.
  EXPECT_EQ(f.reply, "Subject: SECRET plan; from=<x>");
  EXPECT_EQ(f.sender, "alice@mod.gov.uk");
  EXPECT_EQ(f.recipient, "fay@army.ml");
}

TEST(PostfixActions, InternalFormAddressAndLinesWithoutARecipient) {
  ActionFields f;
  // smtpd and cleanup log the address unquoted: it ends before " proto=".
  ASSERT_TRUE(ReadActionLine(
      "milter-reject: RCPT from h[192.0.2.1]: 550 5.7.1 no; from=<a@mod.gov.uk> "
      "to=<x>y@army.ml> proto=ESMTP helo=<h>",
      &f));
  EXPECT_EQ(f.recipient, "x>y@army.ml");
  ASSERT_TRUE(ReadActionLine("milter-reject: CONNECT from h[192.0.2.1]: 554 5.7.1 go away;", &f));
  EXPECT_EQ(f.recipient, "");
  EXPECT_EQ(f.reply, "554 5.7.1 go away");
  EXPECT_FALSE(f.sender_logged);
  // Not closed: not read.
  EXPECT_FALSE(ReadActionLine(
      "milter-reject: RCPT from h[192.0.2.1]: 550 5.7.1 no; from=<a@mod.gov.uk> to=<bob@army",
      &f));
  // smtpd's own reject of a recipient is an action now (issue-16 tester
  // §4); one without fields names no recipient.
  EXPECT_TRUE(IsActionLine("reject: RCPT from h[192.0.2.1]: 554 5.7.1 relay denied"));
  EXPECT_TRUE(ReadActionLine("reject: RCPT from h[192.0.2.1]: 554 5.7.1 relay denied", &f));
  EXPECT_EQ(f.recipient, "");
  EXPECT_FALSE(IsActionLine("reject_warning: header Subject: x from h[192.0.2.1]; from=<a@b>"));
  // A header check's reject, its status code in the text after the fields.
  ASSERT_TRUE(ReadActionLine("reject: header Subject: bad from ws1[10.0.0.5]; from=<i@mod.gov.uk> "
                             "to=<h1@army.ml> proto=ESMTP helo=<ws1>: 5.7.1 blocked subject",
                             &f));
  EXPECT_EQ(f.status, "rejected");
  EXPECT_EQ(f.recipient, "h1@army.ml");
  EXPECT_EQ(f.dsn, "5.7.1");
}

constexpr const char* kHost = "Nov  3 09:12:0";

std::vector<Seen> Read(const std::vector<std::string>& lines) {
  Collect c;
  PostfixLogOptions o;
  o.hand_off_window = 0;
  PostfixLog log(o, &c);
  log.BeginFile("maillog", LineParser(2025));
  for (const std::string& l : lines) log.Feed(l);
  log.Finish();
  return c.attempts;
}

TEST(PostfixLogActions, EachIsAnOutcomeOfItsOwn) {
  std::vector<Seen> a = Read({
      std::string(kHost) + "5 mail postfix/smtpd[2101]: NOQUEUE: milter-reject: RCPT from "
                           "ws12[10.0.4.12]: 550 5.7.1 no; from=<alice@mod.gov.uk> "
                           "to=<bob@army.ml> proto=ESMTP helo=<ws12>",
      std::string(kHost) + "6 mail postfix/cleanup[2102]: 4F2A1B3C: message-id=<m1@mod.gov.uk>",
      std::string(kHost) + "6 mail postfix/cleanup[2102]: 4F2A1B3C: milter-reject: "
                           "END-OF-MESSAGE from ws12[10.0.4.12]: 5.7.1 held; "
                           "from=<alice@mod.gov.uk> to=<carol@army.ml> proto=ESMTP helo=<ws12>",
  });
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].queue_id, "NOQUEUE");
  EXPECT_EQ(a[0].status, "rejected");
  EXPECT_EQ(a[0].sender, "alice@mod.gov.uk");
  EXPECT_EQ(a[0].recipient, "bob@army.ml");
  EXPECT_EQ(a[1].queue_id, "4F2A1B3C");
  EXPECT_EQ(a[1].status, "rejected");
  EXPECT_EQ(a[1].message_id, "m1@mod.gov.uk");
  EXPECT_EQ(a[1].status_text, "5.7.1 held");
}

TEST(PostfixLogActions, HeldThenDeletedReleasedOrStillHeld) {
  const std::string held = " mail postfix/cleanup[2102]: %: milter-hold: END-OF-MESSAGE from "
                           "ws12[10.0.4.12]: milter triggers HOLD action; "
                           "from=<alice@mod.gov.uk> to=<dan@army.ml> proto=ESMTP helo=<ws12>";
  auto line = [&](const std::string& stamp, const std::string& id, std::string text) {
    return stamp + " " + text.replace(text.find('%'), 1, id);
  };
  std::vector<Seen> a = Read({
      line("Nov  3 09:00:00", "5F2A1B3A", held.substr(1)),
      line("Nov  3 09:00:01", "5F2A1B3B", held.substr(1)),
      line("Nov  3 09:00:02", "5F2A1B3C", held.substr(1)),
      // postsuper -d 5F2A1B3A
      "Nov  3 10:00:00 mail postfix/postsuper[9]: 5F2A1B3A: removed",
      // postsuper -H 5F2A1B3B, then delivered
      "Nov  3 10:01:00 mail postfix/qmgr[7]: 5F2A1B3B: from=<alice@mod.gov.uk>, size=9, "
      "nrcpt=1 (queue active)",
      "Nov  3 10:01:01 mail postfix/smtp[8]: 5F2A1B3B: to=<dan@army.ml>, "
      "relay=mx[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)",
      "Nov  3 10:01:02 mail postfix/qmgr[7]: 5F2A1B3B: removed",
  });
  std::vector<std::string> got;
  for (const Seen& s : a) got.push_back(s.queue_id + " " + s.status);
  EXPECT_EQ(got, (std::vector<std::string>{"5F2A1B3A held", "5F2A1B3B held", "5F2A1B3C held",
                                           "5F2A1B3A deleted", "5F2A1B3B sent"}));
  EXPECT_EQ(a[3].status_text,
            "deleted from the hold queue (postsuper -d) while held; never delivered");
}

// cleanup_act_log()'s line for a header check on the Subject: (any action,
// "%.200s" of the header, then " from ORIGIN;" and the fields): the
// subject, " from " inside it kept; other headers and body lines are not
// subjects (issue-16 tester16b, F3).
TEST(PostfixActions, LoggedSubjectOfEveryHeaderCheckAction) {
  LoggedSubject s;
  ASSERT_TRUE(ReadLoggedSubject(
      "info: header Subject: SECRET report from HQ from ws9.army.mil[10.1.1.9]; "
      "from=<fox@army.mil> to=<gil@gmial.com> proto=ESMTP helo=<ws9>",
      &s));
  EXPECT_EQ(s.action, "info");
  EXPECT_EQ(s.subject, "SECRET report from HQ");
  EXPECT_EQ(s.sender, "fox@army.mil");
  EXPECT_TRUE(s.sender_logged);
  ASSERT_TRUE(ReadLoggedSubject(
      "warning: header SUBJECT:TOP SECRET from local; from=<> proto=ESMTP: logged", &s));
  EXPECT_EQ(s.subject, "TOP SECRET");
  EXPECT_EQ(s.sender, "");
  EXPECT_TRUE(s.sender_logged);
  // No from= or to= set: the bare ';' ends the content.
  ASSERT_TRUE(ReadLoggedSubject("hold: header Subject: x from unknown;", &s));
  EXPECT_EQ(s.subject, "x");
  EXPECT_FALSE(s.sender_logged);
  // REPLACE: the replacement went out.
  ASSERT_TRUE(ReadLoggedSubject(
      "replace: header Subject: SECRET plan from local; from=<a@b.example>: Subject: [EXT] "
      "SECRET plan",
      &s));
  EXPECT_EQ(s.subject, "[EXT] SECRET plan");
  EXPECT_FALSE(ReadLoggedSubject(
      "info: header X-Subject: SECRET from local; from=<a@b.example>", &s));
  EXPECT_FALSE(ReadLoggedSubject("info: body Subject: SECRET from local; from=<a@b.example>", &s));
  EXPECT_FALSE(ReadLoggedSubject("reject_warning: header Subject: x from local;", &s));
}

}  // namespace
}  // namespace nearmiss::maillog
