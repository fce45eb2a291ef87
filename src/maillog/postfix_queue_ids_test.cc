// Queue ids: a delivery line is read or counted, whatever the shape of its
// queue id (breaker16 #5: "Q5A5:" and "5a5:" lines were dropped without a
// word); per-queue-id state expires by log time (breaker16 #4): a log
// without "removed" lines (a `grep status=` extract, a mass mailing) is read
// in memory bounded by the messages of the last settle_after of log time.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include <string>
#include <vector>

#include "maillog/log_line.h"
#include "maillog/postfix_log.h"

namespace nearmiss::maillog {
namespace {

class Collect final : public DeliverySink {
 public:
  void OnAttempt(const Attempt& a) override {
    seen.push_back(std::string(a.queue_id) + " " + std::string(a.recipient) + " " +
                   std::string(a.status) + " " + std::string(a.sender));
  }
  void OnDone(std::string_view id) override { done.emplace_back(BareQueueId(id)); }
  std::vector<std::string> seen, done;
};

std::string Delivery(const std::string& head, const std::string& rcpt) {
  return "Nov  3 10:00:06 mail postfix/smtp[1]: " + head + "to=<" + rcpt +
         ">, relay=mx.army.ml[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent "
         "(250 ok)";
}

TEST(PostfixQueueIds, AnyIdMailQueueIdOkTakesIsRead) {
  Collect c;
  PostfixLogOptions o;
  o.year = 2025;
  PostfixLog log(o, &c);
  log.Feed("Nov  3 10:00:05 mail postfix/qmgr[2]: q_1: from=<alice@army.mil>, size=9, nrcpt=1 "
           "(queue active)");
  for (const char* id : {"Q5A5", "5a5", "q_1", "abcdefXYZ", "3f1"}) {
    log.Feed(Delivery(std::string(id) + ": ", std::string(id) + "@army.ml"));
  }
  log.Finish();
  EXPECT_EQ(c.seen, (std::vector<std::string>{
                        "Q5A5 Q5A5@army.ml sent ", "5a5 5a5@army.ml sent ",
                        "q_1 q_1@army.ml sent alice@army.mil", "abcdefXYZ abcdefXYZ@army.ml sent ",
                        "3f1 3f1@army.ml sent "}));
  EXPECT_EQ(log.counts().not_understood, 0u);
}

TEST(PostfixQueueIds, ADeliveryLineWithNoIdIsNotUnderstood) {
  Collect c;
  PostfixLogOptions o;
  o.year = 2025;
  PostfixLog log(o, &c);
  log.Feed(Delivery("", "none@army.ml"));           // no id at all
  log.Feed(Delivery("5A5-1: ", "dash@army.ml"));    // no id Postfix writes
  log.Feed(Delivery("5A.5: ", "dot@army.ml"));
  // Not delivery lines: no status=, or not a delivery's shape.
  log.Feed("Nov  3 10:00:07 mail postfix/smtpd[9]: NOQUEUE: reject: RCPT from x[192.0.2.9]: 554 "
           "5.7.1 <a@army.ml>: Relay access denied; from=<b@c.org> to=<a@army.ml> proto=ESMTP "
           "helo=<x>");
  log.Feed("Nov  3 10:00:08 mail postfix/smtpd[9]: warning: hostname x does not resolve");
  log.Finish();
  EXPECT_TRUE(c.seen.empty());
  EXPECT_EQ(log.counts().not_understood, 3u);
}

TEST(PostfixQueueIds, NoiseIsStillNoId) {
  LineParser parser(2025);
  LogLine l;
  ASSERT_TRUE(parser.Parse("Nov  3 10:00:08 mail postfix/smtpd[9]: warning: x to=<a@b>", &l));
  EXPECT_EQ(l.queue_id, "");
  ASSERT_TRUE(parser.Parse("Nov  3 10:00:08 mail postfix/anvil[9]: statistics: max", &l));
  EXPECT_EQ(l.queue_id, "");
}

std::string Stamp(int s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "Nov  3 %02d:%02d:%02d", 10 + s / 3600, (s / 60) % 60, s % 60);
  return buf;
}

// One message a second for two hours, each sent at once, no "removed".
TEST(PostfixSettle, SettledQueuesGoBySettleAfterOfLogTime) {
  for (bool with_qmgr : {false, true}) {
    Collect c;
    PostfixLogOptions o;
    o.year = 2025;
    PostfixLog log(o, &c);
    size_t peak = 0;
    for (int i = 0; i < 7200; ++i) {
      char id[16];
      std::snprintf(id, sizeof id, "%06X", 0xB00000 + i);
      if (with_qmgr) {
        log.Feed(Stamp(i) + " mx postfix/qmgr[2]: " + id +
                 ": from=<alice@army.mil>, size=1, nrcpt=1 (queue active)");
      }
      log.Feed(Stamp(i) + " mx postfix/smtp[3]: " + id + ": to=<r" + std::to_string(i) +
               "@partner.example>, relay=mx.partner.example[192.0.2.1]:25, delay=1, "
               "delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)");
      peak = std::max(peak, log.open_queues());
    }
    log.Finish();
    // settle_after (600 s) and its half-period sweep: at most ~900 open.
    EXPECT_LE(peak, 1000u) << with_qmgr;
    EXPECT_EQ(c.seen.size(), 7200u);
    EXPECT_EQ(c.done.size(), 7200u);
    if (with_qmgr) {
      EXPECT_EQ(c.seen[0], "B00000 r0@partner.example sent alice@army.mil");
    }
  }
}

// Not settled: a recipient deferred, or fewer finals than qmgr's nrcpt=.
// Such a queue id keeps its sender for a later attempt hours on.
TEST(PostfixSettle, UnsettledQueuesKeepTheirSender) {
  Collect c;
  PostfixLogOptions o;
  o.year = 2025;
  PostfixLog log(o, &c);
  const std::string relay = ", relay=mx.army.ml[192.0.2.1]:25, delay=1, delays=0/0/0/1, ";
  log.Feed(Stamp(0) + " mx postfix/qmgr[2]: AAA1: from=<alice@army.mil>, size=1, nrcpt=2 (queue active)");
  log.Feed(Stamp(1) + " mx postfix/smtp[3]: AAA1: to=<a@army.ml>" + relay + "dsn=2.0.0, status=sent (250 ok)");
  log.Feed(Stamp(0) + " mx postfix/qmgr[2]: BBB2: from=<bob@army.mil>, size=1, nrcpt=1 (queue active)");
  log.Feed(Stamp(1) + " mx postfix/smtp[3]: BBB2: to=<b@army.ml>" + relay + "dsn=4.4.1, status=deferred (timeout)");
  // Two hours of other lines.
  for (int i = 2; i < 7200; i += 60) {
    log.Feed(Stamp(i) + " mx postfix/qmgr[2]: CCC" + std::to_string(i) +
             ": from=<x@army.mil>, size=1, nrcpt=1 (queue active)");
  }
  log.Feed(Stamp(7201) + " mx postfix/smtp[3]: AAA1: to=<c@army.ml>" + relay + "dsn=2.0.0, status=sent (250 ok)");
  log.Feed(Stamp(7202) + " mx postfix/smtp[3]: BBB2: to=<b@army.ml>" + relay + "dsn=2.0.0, status=sent (250 ok)");
  log.Finish();
  std::vector<std::string> want = {"AAA1 a@army.ml sent alice@army.mil",
                                   "BBB2 b@army.ml deferred bob@army.mil",
                                   "AAA1 c@army.ml sent alice@army.mil",
                                   "BBB2 b@army.ml sent bob@army.mil"};
  EXPECT_EQ(c.seen, want);
}

}  // namespace
}  // namespace nearmiss::maillog
