#include "maillog/postfix_log.h"

#include <gtest/gtest.h>

#include <vector>

#include "maillog/log_files.h"
#include "maillog/timestamp.h"

namespace nearmiss::maillog {
namespace {

struct Seen {
  std::string time, queue_id, sender, recipient, status, relay, message_id;
};

class Collect final : public DeliverySink {
 public:
  void OnAttempt(const Attempt& a) override {
    attempts.push_back({FormatTime(a.time), std::string(a.queue_id), std::string(a.sender),
                        std::string(a.recipient), std::string(a.status), std::string(a.relay),
                        std::string(a.message_id)});
  }
  void OnDone(std::string_view id) override { done.emplace_back(id); }
  std::vector<Seen> attempts;
  std::vector<std::string> done;
};

TEST(PostfixLog, InterleavedRetriesAndRemoval) {
  Collect c;
  PostfixLogOptions o;
  o.year = 2024;
  PostfixLog log(o, &c);
  for (const char* line : {
           "Mar  3 10:00:00 mx postfix/cleanup[1]: AAAAA1: message-id=<m1@mod.gov.uk>",
           "Mar  3 10:00:00 mx postfix/cleanup[1]: BBBBB2: message-id=<m2@mod.gov.uk>",
           "Mar  3 10:00:01 mx postfix/qmgr[2]: AAAAA1: from=<alice@mod.gov.uk>, size=100, nrcpt=2 (queue active)",
           "Mar  3 10:00:01 mx postfix/qmgr[2]: BBBBB2: from=<>, size=50, nrcpt=1 (queue active)",
           "Mar  3 10:00:02 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=4.4.1, status=deferred (connect timed out)",
           "Mar  3 10:00:02 mx postfix/smtp[3]: BBBBB2: to=<x@y.org>, relay=none, delay=1, dsn=5.1.1, status=bounced (user unknown)",
           "Mar  3 10:00:03 mx postfix/qmgr[2]: BBBBB2: removed",
           "Mar  3 10:10:01 mx postfix/qmgr[2]: AAAAA1: from=<alice@mod.gov.uk>, size=100, nrcpt=2 (queue active)",
           "Mar  3 10:10:02 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, orig_to=<bob@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=601, dsn=2.0.0, status=sent (250 ok)",
           "Mar  3 10:10:03 mx postfix/qmgr[2]: AAAAA1: removed",
       }) {
    log.Feed(line);
  }
  ASSERT_EQ(c.attempts.size(), 3u);
  EXPECT_EQ(c.attempts[0].status, "deferred");
  EXPECT_EQ(c.attempts[0].sender, "alice@mod.gov.uk");
  EXPECT_EQ(c.attempts[0].message_id, "m1@mod.gov.uk");
  EXPECT_EQ(c.attempts[0].relay, "mx.army.ml[192.0.2.1]:25");
  EXPECT_EQ(c.attempts[1].sender, "");
  EXPECT_EQ(c.attempts[1].status, "bounced");
  EXPECT_EQ(c.attempts[2].status, "sent");
  EXPECT_EQ(c.attempts[2].time, "2024-03-03T10:10:02");
  EXPECT_EQ(c.done, (std::vector<std::string>{"BBBBB2", "AAAAA1"}));
  EXPECT_EQ(log.open_queues(), 0u);
}

TEST(PostfixLog, ForgetsIdleQueuesSoMemoryStaysBounded) {
  Collect c;
  PostfixLogOptions o;
  o.year = 2024;
  o.max_queues = 100;
  PostfixLog log(o, &c);
  char line[160];
  for (int i = 0; i < 10000; ++i) {
    std::snprintf(line, sizeof line,
                  "Mar  3 10:%02d:%02d mx postfix/qmgr[2]: %06X: from=<a@b.c>, size=1, nrcpt=1 "
                  "(queue active)",
                  (i / 60) % 60, i % 60, 0xA00000 + i);
    log.Feed(line);
    EXPECT_LE(log.open_queues(), 101u);
  }
  EXPECT_GT(c.done.size(), 9000u);
}

TEST(OrderRotated, OldestFirst) {
  EXPECT_EQ(OrderRotated({"maillog", "maillog.1", "maillog.3.gz", "maillog.2.gz"}),
            (std::vector<std::string>{"maillog.3.gz", "maillog.2.gz", "maillog.1", "maillog"}));
  EXPECT_EQ(OrderRotated({"mail.log-20240308", "mail.log", "mail.log-20240301.gz"}),
            (std::vector<std::string>{"mail.log-20240301.gz", "mail.log-20240308", "mail.log"}));
}

TEST(FieldValue, KeysAtFieldStarts) {
  std::string_view t = "to=<a@b>, orig_to=<x@y>, relay=r[1]:25, dsn=2.0.0, status=sent (ok)";
  EXPECT_EQ(FieldValue(t, "relay="), "r[1]:25");
  EXPECT_EQ(FieldValue(t, "status="), "sent");
  EXPECT_EQ(FieldValue(t, "to="), "<a@b>");
  EXPECT_EQ(FieldValue(t, "size="), "");
}

}  // namespace
}  // namespace nearmiss::maillog
