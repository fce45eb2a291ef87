#include "cli/progress.h"

#include <gtest/gtest.h>

namespace nearmiss::cli {
namespace {

// The rate beside "read 12.3 MB": bytes a second, in the same decimal
// units, readable from a slow store's kilobytes to a page cache's
// gigabytes, and nothing made up before there is time to measure.
TEST(ReadRate, UnitsFollowTheSpeed) {
  EXPECT_EQ(ReadRate(0, 0.0), "starting");
  EXPECT_EQ(ReadRate(10'000'000, 0.01), "starting");
  EXPECT_EQ(ReadRate(0, 2.0), "0 kB/s");
  EXPECT_EQ(ReadRate(8'700, 0.1), "87 kB/s");
  EXPECT_EQ(ReadRate(12'300'000, 1.0), "12.3 MB/s");
  EXPECT_EQ(ReadRate(41'000'000, 0.5), "82.0 MB/s");
  EXPECT_EQ(ReadRate(123'400'000'000, 100.0), "1,234 MB/s");
}

}  // namespace
}  // namespace nearmiss::cli
