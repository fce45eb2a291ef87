#include "investigate/time_axis.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nearmiss::investigate {
namespace {

std::vector<std::string> Labels(const TimeAxis& a) {
  std::vector<std::string> out;
  for (const Bar& b : a.bars) out.push_back(b.label);
  return out;
}

TEST(TimeAxis, EmptyMonthsBetweenAreZeroBars) {
  // Report item 15: 2026-01 and 2026-11 were drawn side by side.
  TimeAxis a = MonthAxis({{"2025-11", "", {2, 1}},
                          {"2025-12", "", {1, 0}},
                          {"2026-01", "", {0, 3}},
                          {"2026-11", "", {4, 0}},
                          {"unknown", "", {1, 0}}});
  EXPECT_EQ(a.unit, "month");
  EXPECT_EQ(a.note, "");
  EXPECT_EQ(Labels(a), (std::vector<std::string>{"2025-11", "2025-12", "2026-01", "2026-02",
                                                 "2026-03", "2026-04", "2026-05", "2026-06",
                                                 "2026-07", "2026-08", "2026-09", "2026-10",
                                                 "2026-11", "unknown"}));
  EXPECT_EQ(a.bars[3].parts, (std::vector<int64_t>{0, 0}));
  EXPECT_EQ(a.bars[12].parts, (std::vector<int64_t>{4, 0}));
  EXPECT_EQ(a.bars[13].parts, (std::vector<int64_t>{1, 0}));
}

TEST(TimeAxis, LongSpansGroupByQuarterThenYear) {
  // 2023-02 .. 2026-03: 38 months, more than 36: quarters, 2023-Q1 .. 2026-Q1.
  TimeAxis q = MonthAxis({{"2023-02", "", {1}}, {"2023-03", "", {2}}, {"2026-03", "", {5}}});
  EXPECT_EQ(q.unit, "quarter");
  EXPECT_EQ(q.note, "38 months, 2023-02 to 2026-03: grouped by quarter");
  ASSERT_EQ(q.bars.size(), 13u);
  EXPECT_EQ(q.bars.front().label, "2023-Q1");
  EXPECT_EQ(q.bars.front().parts, (std::vector<int64_t>{3}));
  EXPECT_EQ(q.bars[1].parts, (std::vector<int64_t>{0}));
  EXPECT_EQ(q.bars.back().label, "2026-Q1");
  // 2010-01 .. 2025-12: 64 quarters, more than 36: years.
  TimeAxis y = MonthAxis({{"2010-01", "", {1}}, {"2010-12", "", {1}}, {"2025-12", "", {7}}});
  EXPECT_EQ(y.unit, "year");
  ASSERT_EQ(y.bars.size(), 16u);
  EXPECT_EQ(y.bars.front().label, "2010");
  EXPECT_EQ(y.bars.front().parts, (std::vector<int64_t>{2}));
  EXPECT_EQ(y.bars.back().label, "2025");
  // Exactly 36 months stay months.
  EXPECT_EQ(MonthAxis({{"2023-01", "", {1}}, {"2025-12", "", {1}}}).bars.size(), 36u);
}

TEST(TimeAxis, NoDatedMonths) {
  TimeAxis a = MonthAxis({{"unknown", "", {1}}});
  EXPECT_EQ(Labels(a), (std::vector<std::string>{"unknown"}));
  EXPECT_TRUE(MonthAxis({}).bars.empty());
}

}  // namespace
}  // namespace nearmiss::investigate
