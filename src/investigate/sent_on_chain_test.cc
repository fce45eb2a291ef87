#include "investigate/sent_on_chain.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nearmiss::investigate {
namespace {

Row Unknown(std::string queue_id, std::string relay, std::string hops,
            std::string to = "bob@army.ml") {
  Row r;
  r.queue_id = std::move(queue_id);
  r.relay = std::move(relay);
  r.hops = std::move(hops);
  r.to = std::move(to);
  r.status = "unknown";
  r.message_id = "m1@mod.gov.uk";
  return r;
}

// A gateway in another time zone handed it on again: the first server's
// hand-off into X and X's own are one row, at X's next hop.
TEST(SentOnChain, TwoPostfixServersAreOneRowAtTheLastHop) {
  std::vector<Row> rows = {
      Unknown("9D0E", "relay2[10.0.0.40]:25", "4B5C via relay2[10.0.0.40]:25"),
      Unknown("4B5C", "gw1[10.0.0.30]:25", "3A4B via gw1[10.0.0.30]:25")};
  EXPECT_EQ(ChainSentOn(rows), 1u);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].queue_id, "9D0E");
  EXPECT_EQ(rows[0].hops,
            "3A4B via gw1[10.0.0.30]:25, 4B5C via relay2[10.0.0.40]:25");
}

// The hand-off into X, and X's own row (keyed with its host and instance,
// maillog::QueueKey) to a smart host outside.
TEST(SentOnChain, HandedIntoAQueueIdComesBeforeItsOwnRow) {
  std::vector<Row> rows = {
      Unknown("4B5C\x1fgw1/postfix",
              "out.isp.example[203.0.113.6]:25 (a smart host outside the "
              "organisation)",
              ""),
      Unknown("4B5C", "gw1[10.0.0.30]:25", "3A4B via gw1[10.0.0.30]:25")};
  EXPECT_EQ(ChainSentOn(rows), 1u);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].queue_id, "4B5C\x1fgw1/postfix");
  EXPECT_EQ(rows[0].hops, "3A4B via gw1[10.0.0.30]:25");
}

// Postfix to Exchange, which logged only a RECEIVE: the Exchange event is
// the last hop, the Postfix one shown before it.
TEST(SentOnChain, ExchangeReceiveAfterPostfix) {
  Row trace = Unknown("m1@mod.gov.uk",
                      "EXCH01 (RECEIVE; no later event in the logs given)", "");
  std::vector<Row> rows = {Unknown("6A1B", "exch01[10.0.0.50]:25", ""), trace};
  EXPECT_EQ(ChainSentOn(rows), 1u);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].queue_id, "m1@mod.gov.uk");
  EXPECT_EQ(rows[0].hops, "6A1B via exch01[10.0.0.50]:25");
}

// Other recipients, other messages, and two hops that name neither: all
// stay rows of their own.
TEST(SentOnChain, UnrelatedRowsStay) {
  std::vector<Row> rows = {
      Unknown("9D0E", "relay2:25", "4B5C via relay2:25"),
      Unknown("4B5C", "gw1:25", "3A4B via gw1:25", "carol@army.ml"),
      Unknown("7777", "gw2:25", "")};
  Row other = Unknown("4B5C", "gw1:25", "3A4B via gw1:25");
  other.message_id = "m2@mod.gov.uk";
  rows.push_back(other);
  EXPECT_EQ(ChainSentOn(rows), 0u);
  EXPECT_EQ(rows.size(), 4u);
}

}  // namespace
}  // namespace nearmiss::investigate
