// Issue 14, round 34, item 4: an acknowledgement stops applying
// [confirm] acknowledgement_days after it was made, as the policy says
// now (docs/policy.md). Its expiry was fixed when it was made, so a
// shortened setting left every existing one live for the old length.
#include <gtest/gtest.h>

#include <string>

#include "engine/acknowledgement_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

constexpr char kJon[] = "jon.smith@partner.example";
constexpr int64_t kNow = 1000;  // Check's envelope time

std::shared_ptr<const Engine> WithDays(int64_t days) {
  Result<Policy> p = DefaultPolicy();
  EXPECT_TRUE(p.ok());
  p->confirm.acknowledgement_days = days;
  return Compile(*p);
}

// jon.smith@ acknowledged `age_days` ago, stored to last `stored_days`.
Acks MadeAgo(const Engine& e, int64_t age_days, int64_t stored_days) {
  RecipientCheck slip = e.CheckRecipient(kJon);
  Acks acks;
  Acknowledgement& a = acks.Address(kJon, WarningCodes(slip), slip.suggestion);
  a.typo_kind = WarningTypoKind(slip);
  a.created_at = kNow - age_days * kDay;
  a.expires_at = a.created_at + stored_days * kDay;
  return acks;
}

TEST(AcknowledgeDays, AShortenedSettingShortensAcknowledgementsAlreadyMade) {
  auto week = WithDays(7);
  ASSERT_NE(week, nullptr);
  // Made under the default 180 days.
  for (int64_t age : {8, 10, 30, 179}) {
    Acks acks = MadeAgo(*week, age, 180);
    RecipientDecision d = Check(*week, kJon, "Lunch", &acks);
    EXPECT_EQ(d.acknowledged_by, 0) << age << " days old";
    EXPECT_EQ(d.action, Action::kConfirm) << age << " days old";
  }
  for (int64_t age : {0, 1, 6}) {
    Acks acks = MadeAgo(*week, age, 180);
    EXPECT_EQ(Check(*week, kJon, "Lunch", &acks).acknowledged_by, 1) << age << " days old";
  }
  // Zero days: none applies.
  auto none = WithDays(0);
  Acks fresh = MadeAgo(*none, 0, 180);
  EXPECT_EQ(Check(*none, kJon, "Lunch", &fresh).acknowledged_by, 0);
}

TEST(AcknowledgeDays, ALengthenedSettingRevivesNoneThatExpired) {
  auto year = WithDays(365);
  ASSERT_NE(year, nullptr);
  Acks expired = MadeAgo(*year, 200, 180);
  EXPECT_EQ(Check(*year, kJon, "Lunch", &expired).acknowledged_by, 0);
  Acks live = MadeAgo(*year, 100, 180);
  EXPECT_EQ(Check(*year, kJon, "Lunch", &live).acknowledged_by, 1);
}

}  // namespace
}  // namespace nearmiss
