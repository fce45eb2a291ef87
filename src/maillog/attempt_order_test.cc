// Which attempt decides a recipient's final status (attempt_order.h).
#include "maillog/attempt_order.h"

#include <gtest/gtest.h>

#include "maillog/clock_step.h"

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

// Within one run of one file the line written later decides, whatever its
// time: a daylight-saving fall-back or an NTP step (issue-16 tester16b,
// finding 1). In another file, or another run (a concatenation out of
// order), or an input in no written order (run 0), the times decide.
TEST(AttemptOrder, LineOrderWithinARun) {
  const WrittenAt deferral{1, 1, 2}, sent{1, 1, 3};
  EXPECT_TRUE(LaterOutcome(100 - 3536, "sent", 100, "deferred", sent, deferral));
  EXPECT_FALSE(LaterOutcome(100, "deferred", 100 - 3536, "sent", deferral, sent));
  // The same second: still the later line.
  EXPECT_TRUE(LaterOutcome(100, "sent", 100, "bounced", sent, {1, 1, 2}));
  // Other files, another run, or no run: by time.
  EXPECT_FALSE(LaterOutcome(50, "sent", 100, "deferred", {2, 1, 3}, deferral));
  EXPECT_FALSE(LaterOutcome(50, "sent", 100, "deferred", {1, 2, 3}, deferral));
  EXPECT_FALSE(LaterOutcome(50, "sent", 100, "deferred", {1, 0, 3}, {1, 0, 2}));
}

// WriteOrder (clock_step.h): steps back up to kMaxClockStep stay in the
// run and are returned; a larger one starts the next run.
TEST(AttemptOrder, WriteOrderRuns) {
  WriteOrder w;
  w.BeginFile();
  EXPECT_EQ(w.Line(7200, 1), 0);
  EXPECT_EQ(w.Line(7201, 2), 0);
  EXPECT_EQ(w.Line(7201 - 3536, 3), 3536);  // a fall-back: same run
  EXPECT_EQ(w.run(), 1u);
  EXPECT_EQ(w.latest_line(), 2u);
  EXPECT_EQ(w.Line(7300, 4), 0);
  EXPECT_EQ(w.Line(7300 - 86400, 5), 0);  // a day back: another file's lines
  EXPECT_EQ(w.run(), 2u);
  EXPECT_EQ(w.latest_line(), 5u);
  w.BeginFile();
  EXPECT_EQ(w.run(), 1u);
  EXPECT_EQ(StepSize(1), "1 s");
  EXPECT_EQ(StepSize(3536), "58 min 56 s");
  EXPECT_EQ(StepSize(3600), "1 h 0 min");
}

}  // namespace
}  // namespace nearmiss::maillog
