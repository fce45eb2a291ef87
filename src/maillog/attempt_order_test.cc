// Which attempt decides a recipient's final status (attempt_order.h).
#include "maillog/attempt_order.h"

#include <gtest/gtest.h>

namespace nearmiss::maillog {
namespace {

// A deferral is no outcome: whatever the log says later replaces it, an
// "unknown" included (qmgr removed the message with its last line missing;
// the message sent on to another server). Issue-16 tester round 33, item 4.
TEST(AttemptOrder, LaterWordReplacesDeferral) {
  for (const char* later : {"sent", "bounced", "expired", "deleted", "discarded", "unknown"}) {
    EXPECT_TRUE(LaterOutcome(200, later, 100, "deferred")) << later;
  }
  // An earlier "unknown" does not replace a later deferral.
  EXPECT_FALSE(LaterOutcome(50, "unknown", 100, "deferred"));
}

// "unknown" still yields to any outcome, whatever the times, and replaces
// none but a deferral.
TEST(AttemptOrder, UnknownYieldsToOutcomes) {
  for (const char* kept : {"sent", "bounced", "expired", "deleted", "discarded"}) {
    EXPECT_FALSE(LaterOutcome(200, "unknown", 100, kept)) << kept;
    EXPECT_TRUE(LaterOutcome(50, kept, 100, "unknown")) << kept;
  }
}

// At the same second, what says the message did not arrive wins: an
// administrator's deletion over a discard and a delivery.
TEST(AttemptOrder, DeletedRanksAsFailure) {
  EXPECT_GT(OutcomeRank("deleted"), OutcomeRank("sent"));
  EXPECT_GT(OutcomeRank("deleted"), OutcomeRank("discarded"));
  EXPECT_LT(OutcomeRank("deleted"), OutcomeRank("bounced"));
  EXPECT_TRUE(LaterOutcome(100, "deleted", 100, "deferred"));
}

}  // namespace
}  // namespace nearmiss::maillog
