// A delivery line is read or counted, whatever the shape of its queue id
// (breaker16 #5: "Q5A5:" and "5a5:" lines were dropped without a word).
#include <gtest/gtest.h>

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
  std::vector<std::string> seen;
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

}  // namespace
}  // namespace nearmiss::maillog
