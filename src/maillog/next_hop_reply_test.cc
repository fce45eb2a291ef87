#include "maillog/next_hop_reply.h"

#include <gtest/gtest.h>

namespace nearmiss::maillog {
namespace {

// Issue-16 tester round 35, defect 1: the forms relays of the organisation
// answered a Postfix smtp client with.
TEST(NextHopReply, QueuedAsForms) {
  EXPECT_EQ(QueuedAs("250 2.0.0 Ok: queued as 4F2A1B3C"), "4F2A1B3C");
  EXPECT_EQ(QueuedAs("250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as 4F2A1B3C)"),
            "4F2A1B3C");
  EXPECT_EQ(QueuedAs("250 Queued as 7C0001"), "7C0001");
  EXPECT_EQ(QueuedAs("250 2.0.0 queued as: 9E0003"), "9E0003");
  EXPECT_EQ(QueuedAs("250 ok <8D0002>"), "8D0002");
  EXPECT_EQ(QueuedAs("250 2.0.0 Ok <8D0002>"), "8D0002");
  EXPECT_EQ(QueuedAs("250 ok"), "");
  EXPECT_EQ(QueuedAs("250 2.0.0 Ok"), "");
  EXPECT_EQ(QueuedAs("250 ok <a@b.example>"), "");
  EXPECT_EQ(QueuedAs("250 queued as X, then more"), "");
}

TEST(NextHopReply, OtherMtasIds) {
  EXPECT_EQ(NextHopId("250 OK id=1abcDE-000123-AB"), "1abcDE-000123-AB");
  EXPECT_EQ(NextHopId("250 2.0.0 x1234567890 Message accepted for delivery"), "x1234567890");
  EXPECT_EQ(NextHopId("250 2.6.0 <h4@mod.gov.uk> [InternalId=4815162342, Hostname=EXCH01] "
                      "Queued mail for delivery"),
            "h4@mod.gov.uk");
  EXPECT_EQ(NextHopId("250 Queued as 7C0001"), "7C0001");
  EXPECT_EQ(NextHopId("250 2.0.0 Ok"), "");
  EXPECT_EQ(NextHopId("250 OK id=<script>"), "");
}

// Issue-16 tester round 43, finding 2: the reply's phase, as Postfix's
// smtp(8) logs it; a refusal of the address is not one after the content.
TEST(NextHopReply, RefusedAfterData) {
  EXPECT_TRUE(RefusedAfterData(
      "host mx.gmial.com[203.0.113.5] said: 550 5.7.1 Message rejected as spam by Content "
      "Filtering (in reply to end of DATA command)"));
  EXPECT_TRUE(RefusedAfterData("host x[192.0.2.1] said: 554 5.7.1 no (in reply to end of BDAT command)"));
  EXPECT_FALSE(RefusedAfterData(
      "host mx.gmial.com[203.0.113.5] said: 550 5.1.1 <da2@gmial.com>: Recipient address "
      "rejected: User unknown (in reply to RCPT TO command)"));
  EXPECT_FALSE(RefusedAfterData("host x[192.0.2.1] said: 554 5.5.1 no (in reply to DATA command)"));
  EXPECT_FALSE(RefusedAfterData("250 2.0.0 Ok: queued as 4F2A1B3C"));
}

}  // namespace
}  // namespace nearmiss::maillog
