// The decompression bounds (inflate_budget.h; issue 13, round 43 tester 13
// finding 9): a long repetitive log inflating a few hundred times is read,
// while runs of one byte (a bomb's stuff) and every unit's bytes past the
// attachment's and the message's bounds still stop the reader.
#include "content/inflate_budget.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <optional>

namespace nearmiss::content {
namespace {

constexpr std::size_t kMiB = 1u << 20;

ExtractBudget Budget() {
  // [limits] defaults (data/policy/default.toml).
  return ExtractBudget{32 * kMiB, 128 * kMiB, Clock::now() + std::chrono::hours(1),
                       4, 1000, 200, 0, {}};
}

struct Charged {
  std::size_t inflated = 0;  // the unit's bytes when the reader stopped
  std::optional<LimitHit> hit;
};

// Inflates one unit of `size` bytes, `compressed` in the archive, in 64 KiB
// reads as zip_archive.cc does.
Charged Inflate(ExtractBudget& budget, std::size_t size, std::size_t compressed,
                std::size_t* used) {
  Charged out;
  while (out.inflated < size) {
    std::size_t got = std::min<std::size_t>(64 * 1024, size - out.inflated);
    out.hit = ChargeInflated(budget, "logs.zip", "logs.zip/app.log", got,
                             out.inflated + got, compressed, used);
    if (out.hit) return out;
    out.inflated += got;
  }
  return out;
}

TEST(InflateBudgetTest, RepetitiveLogIsRead) {
  // z4-zip-repetitive-log's member: 6800010 bytes in 26485, 256 times.
  ExtractBudget budget = Budget();
  std::size_t used = 0;
  Charged log = Inflate(budget, 6'800'010, 26'485, &used);
  EXPECT_FALSE(log.hit) << log.hit->detail;
  EXPECT_EQ(used, 6'800'010u);
  // The round 43 tester's: 7.6 MB at 342 times.
  used = 0;
  EXPECT_FALSE(Inflate(budget, 7'600'000, 22'222, &used).hit);
}

TEST(InflateBudgetTest, ModerateRatioJudgedPastTheFloor) {
  ExtractBudget budget = Budget();
  std::size_t used = 0;
  Charged big = Inflate(budget, 20 * kMiB, 40'000, &used);  // 524 times
  ASSERT_TRUE(big.hit);
  EXPECT_EQ(big.hit->bound, "max-compression-ratio");
  EXPECT_GE(big.inflated, kRatioFloorBytes - 64 * 1024);
  EXPECT_LE(big.inflated, kRatioFloorBytes);
  // Text and office XML, 5 to 50 times, are never a bomb by ratio.
  used = 0;
  EXPECT_FALSE(Inflate(budget, 30 * kMiB, 30 * kMiB / 50, &used).hit);
}

TEST(InflateBudgetTest, RunsOfOneByteStopFromOneMiB) {
  // A 42.zip leaf: zeros deflate about 1028 times.
  ExtractBudget budget = Budget();
  std::size_t used = 0;
  Charged leaf = Inflate(budget, 16 * kMiB, 16 * kMiB / 1028, &used);
  ASSERT_TRUE(leaf.hit);
  EXPECT_EQ(leaf.hit->bound, "max-compression-ratio");
  EXPECT_LT(leaf.inflated, 16 * kMiB);
  // Past deflate's ceiling (bzip2, overlapping zips): stopped at 1 MiB.
  used = 0;
  Charged overlap = Inflate(budget, 64 * kMiB, 1000, &used);
  ASSERT_TRUE(overlap.hit);
  EXPECT_EQ(overlap.inflated, kRunFloorBytes);
  // Below 1 MiB no ratio is judged: a page of blanks.
  used = 0;
  EXPECT_FALSE(Inflate(budget, 900 * 1024, 100, &used).hit);
  // A policy that allows more than kRunRatio allows it for runs too.
  ExtractBudget loose = Budget();
  loose.max_compression_ratio = 5000;
  used = 0;
  EXPECT_FALSE(Inflate(loose, 4 * kMiB, 4 * kMiB / 2000, &used).hit);
}

TEST(InflateBudgetTest, ManyLogsStopAtTheByteBounds) {
  // Logs under every ratio bound, one after another in one attachment:
  // the fifth passes 32 MiB.
  ExtractBudget budget = Budget();
  std::size_t used = 0;
  std::optional<LimitHit> hit;
  int read = 0;
  for (; read < 10 && !hit; ++read) {
    hit = Inflate(budget, 7'600'000, 22'222, &used).hit;
  }
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->bound, "max-attachment-bytes");
  EXPECT_EQ(read, 5);
  // Over attachments, the message's 128 MiB.
  ExtractBudget message = Budget();
  hit.reset();
  for (int a = 0; a < 10 && !hit; ++a) {
    used = 0;
    for (int k = 0; k < 4 && !hit; ++k) {
      hit = Inflate(message, 7'600'000, 22'222, &used).hit;
    }
  }
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->bound, "max-total-bytes");
}

}  // namespace
}  // namespace nearmiss::content
