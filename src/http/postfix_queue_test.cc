#include "http/postfix_queue.h"

#include <gtest/gtest.h>

#include "base/process.h"

namespace nearmiss::http {
namespace {

TEST(QueueIdTest, OnlyLettersAndDigits) {
  EXPECT_TRUE(IsValidQueueId("4F2A91C3B"));
  EXPECT_TRUE(IsValidQueueId("4bG7Rd0cVkz1Xy"));
  for (const char* bad : {"", "ABC", "-d ALL", "ALL", "../../etc", "4F2A91C3B;rm", "4F2A 91C3",
                          "-H4F2A91C3B", "4F2A91C3B\n", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"}) {
    EXPECT_FALSE(IsValidQueueId(bad)) << bad;
  }
}

TEST(HeldListingTest, KeepsHoldQueueOnly) {
  std::vector<HeldMessage> held = ParseHeldListing(
      R"({"queue_name": "hold", "queue_id": "4F2A91C3B", "arrival_time": 1700000000, "message_size": 512, "sender": "alice@mod.gov.uk", "recipients": [{"address": "dave@example.com"}]})"
      "\n"
      R"({"queue_name": "deferred", "queue_id": "ABCDEF123", "recipients": []})"
      "\n"
      R"({"queue_name": "hold", "queue_id": "bad id!", "recipients": []})"
      "\nnot json\n");
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0].id, "4F2A91C3B");
  EXPECT_EQ(held[0].size, 512);
  EXPECT_EQ(held[0].recipients, std::vector<std::string>{"dave@example.com"});
}

TEST(HeldContentTest, TagHeaderParsed) {
  HeldMessage m;
  ParseHeldContent(
      "*** HEADER EXTRACTED hold/4F2A91C3B ***\n"
      "Subject: SECRET: the plan\nFrom: Alice <alice@mod.gov.uk>\n"
      "X-Nearmiss: hold; level=SECRET; rule=secret-external;\n"
      " held for review: the message is marked SECRET\n"
      "\nline one\nline two\n*** MESSAGE FILE END hold/4F2A91C3B ***\n",
      "X-Nearmiss", 12, m);
  EXPECT_EQ(m.subject, "SECRET: the plan");
  EXPECT_EQ(m.from, "Alice <alice@mod.gov.uk>");
  EXPECT_EQ(m.level, "SECRET");
  EXPECT_EQ(m.rule, "secret-external");
  EXPECT_EQ(m.reason, "held for review: the message is marked SECRET");
  EXPECT_EQ(m.body_preview, "line one\nlin");
}

// Round 47's tester 14, finding 8: the subject as the sender wrote it
// (RFC 2047 decoded), an encoded CR LF made a blank, never a second line.
TEST(HeldContentTest, SubjectIsDecoded) {
  HeldMessage m;
  ParseHeldContent(
      "*** HEADER EXTRACTED hold/4F2A91C3B ***\n"
      "Subject: =?UTF-8?Q?R=C3=A9union_budget_=E2=80=93_pi=C3=A8ces_jointes?=\n"
      "\nbody\n",
      "X-Nearmiss", 0, m);
  EXPECT_EQ(m.subject, "R\u00e9union budget \u2013 pi\u00e8ces jointes");
  HeldMessage n;
  ParseHeldContent("Subject: =?utf-8?q?Q3_figures=0D=0ABcc:_evil@attacker.example?=\n\nbody\n",
                   "X-Nearmiss", 0, n);
  EXPECT_EQ(n.subject, "Q3 figures  Bcc: evil@attacker.example");
}

TEST(ProcessTest, ArgvIsNeverAShell) {
  Result<ProcessResult> r =
      RunProcess({"/bin/echo", "$(id)", ";", "`x`", "*"}, 1024, std::chrono::seconds(5));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->out, "$(id) ; `x` *\n");
  EXPECT_EQ(r->exit_code, 0);
}

TEST(ProcessTest, BoundsOutputAndTime) {
  Result<ProcessResult> r = RunProcess({"/usr/bin/yes"}, 100, std::chrono::milliseconds(200));
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  Result<ProcessResult> f = RunProcess({"/bin/false"}, 100, std::chrono::seconds(5));
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->exit_code, 1);
  EXPECT_FALSE(RunProcess({"relative"}, 100, std::chrono::seconds(1)).ok());
  EXPECT_FALSE(RunProcess({"/nonexistent/tool"}, 100, std::chrono::seconds(1)).ok());
}

TEST(PostfixQueueTest, RefusesBadIdsBeforeRunningAnything) {
  PostfixOptions o;
  o.command_dir = "/nonexistent";  // any run would fail with IoError
  PostfixQueue q(o);
  EXPECT_EQ(q.Release("-d ALL").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(q.Delete("ALL").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(q.GetHeld("../x").status().code(), StatusCode::kInvalidArgument);
}

// A tool that cannot be run is Postfix failing (kIoError naming the tool
// and its path), never a bad id nor a message gone: a relative
// --postfix-bin answered every held route "not a Postfix queue id" (the
// issue-14 tester, round 44, finding 5).
TEST(PostfixQueueTest, ToolThatCannotRunIsNamed) {
  for (const char* dir : {"fakebin", "/nonexistent"}) {
    PostfixOptions o;
    o.command_dir = dir;
    PostfixQueue q(o);
    for (const Status& s : {q.ListHeld().status(), q.GetHeld("4F2A91C3B").status(),
                            q.Release("4F2A91C3B").status(), q.Delete("4F2A91C3B").status()}) {
      EXPECT_EQ(s.code(), StatusCode::kIoError) << dir << ": " << s.message();
      EXPECT_NE(s.message().find(std::string("cannot run postqueue (") + dir + "/postqueue)"),
                std::string::npos) << s.message();
    }
  }
}

TEST(PostfixQueueTest, CheckPostfixToolsNamesTheFlagAndTheTool) {
  PostfixOptions o;
  o.command_dir = "fakebin";
  Status relative = CheckPostfixTools(o);
  EXPECT_EQ(relative.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(relative.message().find("--postfix-bin must be an absolute path (it is 'fakebin')"),
            std::string::npos) << relative.message();
  o.command_dir = "/nonexistent";
  Status missing = CheckPostfixTools(o);
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);
  EXPECT_NE(missing.message().find("/nonexistent/postqueue"), std::string::npos)
      << missing.message();
}

}  // namespace
}  // namespace nearmiss::http
