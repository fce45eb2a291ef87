// Part of maillog_tests: the reader's zone (SetLogZone) is process-wide, and
// tests set it (Paris, New York, -05:30). CTest runs each test file on its
// own (--nm_source), but a developer running the whole program saw the year
// and rotation tests read their logs in the zone an earlier file left. Each
// test starts in UTC, as CTest's TZ=UTC runs do.
#include <gtest/gtest.h>

#include "maillog/log_zone.h"

namespace nearmiss::maillog {
namespace {

class ZoneReset : public ::testing::EmptyTestEventListener {
  void OnTestStart(const ::testing::TestInfo&) override {
    if (!SetLogZone("UTC", "--log-zone").ok()) std::abort();
  }
};

const bool kRegistered = [] {
  ::testing::UnitTest::GetInstance()->listeners().Append(new ZoneReset);
  return true;
}();

}  // namespace
}  // namespace nearmiss::maillog
