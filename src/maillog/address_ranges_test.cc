#include "maillog/address_ranges.h"

#include <gtest/gtest.h>

namespace nearmiss::maillog {
namespace {

TEST(AddressRanges, ContainsByPrefix) {
  AddressRanges r;
  ASSERT_TRUE(r.Add("195.130.217.0/24"));
  ASSERT_TRUE(r.Add("185.58.84.0/22"));
  ASSERT_TRUE(r.Add("2001:db8:40::/48"));
  ASSERT_TRUE(r.Add("203.0.113.9"));
  EXPECT_TRUE(r.Contains("195.130.217.1"));
  EXPECT_TRUE(r.Contains("195.130.217.255"));
  EXPECT_FALSE(r.Contains("195.130.218.1"));
  EXPECT_TRUE(r.Contains("185.58.87.200"));  // the /22's last /24
  EXPECT_FALSE(r.Contains("185.58.88.1"));
  EXPECT_TRUE(r.Contains("2001:db8:40:ffff::1"));
  EXPECT_FALSE(r.Contains("2001:db8:41::1"));
  EXPECT_TRUE(r.Contains("203.0.113.9"));
  EXPECT_FALSE(r.Contains("203.0.113.10"));
  // The forms a log writes an address in.
  EXPECT_TRUE(r.Contains("[195.130.217.1]"));
  EXPECT_TRUE(r.Contains("::ffff:195.130.217.1"));
  EXPECT_TRUE(r.Contains("IPv6:2001:db8:40::1"));
  EXPECT_FALSE(r.Contains("mx.army.ml"));
  EXPECT_FALSE(r.Contains(""));
}

TEST(AddressRanges, RefusesWhatIsNoNetwork) {
  AddressRanges r;
  EXPECT_FALSE(r.Add("195.130.217.1/24"));  // host bits set: a typo
  EXPECT_FALSE(r.Add("195.130.217.0/33"));
  EXPECT_FALSE(r.Add("195.130.217.0/"));
  EXPECT_FALSE(r.Add("195.130.217.0/2x"));
  EXPECT_FALSE(r.Add("mimecast.com"));
  EXPECT_FALSE(r.Add("2001:db8::/129"));
  EXPECT_EQ(r.size(), 0u);
  EXPECT_FALSE(r.Contains("195.130.217.1"));
}

}  // namespace
}  // namespace nearmiss::maillog
