// FactsCache: expiry, replacement and what a full cache drops.
#include "dns/facts_cache.h"

#include <gtest/gtest.h>

namespace nearmiss::dns {
namespace {

using std::chrono::seconds;
using Clock = FactsCache::Clock;

DnsFacts Exists(bool exists) {
  DnsFacts f;
  f.exists = exists;
  return f;
}

TEST(FactsCacheTest, AnswersUntilExpiryThenForgets) {
  FactsCache cache(4);
  Clock::time_point t0 = Clock::now();
  cache.Store("army.ml", Exists(true), t0 + seconds(10), t0);
  ASSERT_TRUE(cache.Find("army.ml", t0 + seconds(9)).has_value());
  EXPECT_TRUE(*cache.Find("army.ml", t0 + seconds(9))->exists);
  EXPECT_FALSE(cache.Find("army.ml", t0 + seconds(10)).has_value());
  EXPECT_EQ(cache.size(), 0u);  // the expired entry was dropped
  EXPECT_FALSE(cache.Find("never.stored", t0).has_value());
}

TEST(FactsCacheTest, StoreReplacesTheSameDomain) {
  FactsCache cache(1);
  Clock::time_point t0 = Clock::now();
  cache.Store("army.ml", Exists(true), t0 + seconds(10), t0);
  cache.Store("army.ml", Exists(false), t0 + seconds(20), t0);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_FALSE(*cache.Find("army.ml", t0 + seconds(15))->exists);
}

TEST(FactsCacheTest, FullCacheDropsExpiredFirstThenSoonestToExpire) {
  FactsCache cache(2);
  Clock::time_point t0 = Clock::now();
  cache.Store("a.ml", Exists(true), t0 + seconds(5), t0);
  cache.Store("b.ml", Exists(true), t0 + seconds(50), t0);
  // a.ml has expired at t0+6: it goes, b.ml stays.
  cache.Store("c.ml", Exists(true), t0 + seconds(30), t0 + seconds(6));
  EXPECT_TRUE(cache.Find("b.ml", t0 + seconds(6)).has_value());
  EXPECT_TRUE(cache.Find("c.ml", t0 + seconds(6)).has_value());
  // Nothing expired: c.ml expires first, so it goes.
  cache.Store("d.ml", Exists(true), t0 + seconds(40), t0 + seconds(7));
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_FALSE(cache.Find("c.ml", t0 + seconds(7)).has_value());
  EXPECT_TRUE(cache.Find("b.ml", t0 + seconds(7)).has_value());
  EXPECT_TRUE(cache.Find("d.ml", t0 + seconds(7)).has_value());
}

TEST(FactsCacheTest, CapacityZeroKeepsNothing) {
  FactsCache cache(0);
  Clock::time_point t0 = Clock::now();
  cache.Store("army.ml", Exists(true), t0 + seconds(10), t0);
  EXPECT_FALSE(cache.Find("army.ml", t0).has_value());
}

}  // namespace
}  // namespace nearmiss::dns
