#include "address/public_suffix.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>

#include "nearmiss/address.h"

namespace nearmiss::address {
namespace {

struct Case {
  const char* domain;
  const char* suffix;
  const char* registrable;
};

TEST(PublicSuffixTest, ListIsLoaded) { EXPECT_TRUE(PublicSuffixListLoaded()); }

TEST(PublicSuffixTest, Splits) {
  const Case kCases[] = {
      {"cba.com.au", "com.au", "cba.com.au"},
      {"www.cba.com.au", "com.au", "cba.com.au"},
      {"army.mil", "mil", "army.mil"},
      {"mildenhall.af.mil", "mil", "af.mil"},
      {"foo.bar.co.uk", "co.uk", "bar.co.uk"},
      {"army.zzz", "zzz", "army.zzz"},  // unknown TLD: implicit "*"
      {"a.b.army.zzz", "zzz", "army.zzz"},
      {"army.mil.", "mil", "army.mil"},  // root dot ignored
      {"xn--rmy-5cd.mil", "mil", "xn--rmy-5cd.mil"},
      {"example.xn--p1ai", "xn--p1ai", "example.xn--p1ai"},  // .рф
      {"foo.blogspot.com", "com", "blogspot.com"},  // private section ignored
      {"co.uk", "co.uk", ""},
      {"com", "com", ""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.domain);
    const SuffixSplit split = SplitSuffix(c.domain);
    EXPECT_EQ(split.suffix, c.suffix);
    EXPECT_EQ(split.registrable, c.registrable);
    EXPECT_EQ(PublicSuffix(c.domain), c.suffix);
  }
}

TEST(PublicSuffixTest, WildcardAndExceptionRules) {
  // "*.ck" with "!www.ck": any label under .ck is a suffix except www.
  EXPECT_EQ(PublicSuffix("shop.co.ck"), "co.ck");
  EXPECT_EQ(PublicSuffix("www.ck"), "ck");
}

TEST(PublicSuffixTest, IsPublicSuffix) {
  EXPECT_TRUE(IsPublicSuffix("com"));
  EXPECT_TRUE(IsPublicSuffix("com.au"));
  EXPECT_TRUE(IsPublicSuffix("co.uk"));
  EXPECT_TRUE(IsPublicSuffix("mil"));
  EXPECT_TRUE(IsPublicSuffix("zzz"));
  EXPECT_FALSE(IsPublicSuffix("army.mil"));
  EXPECT_FALSE(IsPublicSuffix("cba.com.au"));
  EXPECT_FALSE(IsPublicSuffix("blogspot.com"));
  EXPECT_FALSE(IsPublicSuffix(""));
}

// Issue 15 breaker: libpsl 0.21.2 called "army.m" a public suffix (its
// "*.mm" rule leaks onto the unlisted ".m"), so army.m was invalid, not a
// slip of army.mil. Only the lone unknown TLD is a suffix ("*" rule).
TEST(PublicSuffixTest, NothingUnderAnUnlistedTldIsASuffix) {
  for (std::string_view d : {"army.m", "foo.m", "outlook.m", "co.zzz"}) {
    EXPECT_FALSE(IsPublicSuffix(d)) << d;
    EXPECT_FALSE(IsListedSuffix(d)) << d;
  }
  EXPECT_TRUE(IsPublicSuffix("m"));
  EXPECT_EQ(PublicSuffix("army.m"), "m");
  EXPECT_TRUE(IsPublicSuffix("x.mm"));  // the real "*.mm" rule still holds
  EXPECT_TRUE(IsPublicSuffix("co.za"));  // listed, though "za" itself is not
  EXPECT_EQ(PublicSuffix("hotmail.co.za"), "co.za");
}

TEST(PublicSuffixTest, IsListedSuffix) {
  EXPECT_TRUE(IsListedSuffix("com"));
  EXPECT_TRUE(IsListedSuffix("co.uk"));
  EXPECT_FALSE(IsListedSuffix("zzz"));
  EXPECT_FALSE(IsListedSuffix("localhost"));
  EXPECT_FALSE(IsListedSuffix("army.mil"));
}

// permute writes a name under each: the PSL's open zones of both shapes,
// never a public-sector zone or an ICANN suffix.
TEST(PublicSuffixTest, OpenPrivateZonesAreListed) {
  Result<std::vector<std::string>> z = OpenPrivateZones();
  ASSERT_TRUE(z.ok()) << z.status().ToString();
  auto has = [&](std::string_view d) { return std::find(z->begin(), z->end(), d) != z->end(); };
  for (std::string_view d : {"msk.ru", "spb.ru", "com.de", "uk.com", "us.com", "gb.net"}) {
    EXPECT_TRUE(has(d)) << d;
    EXPECT_TRUE(IsOpenPrivateZone(d)) << d;
  }
  for (std::string_view d : {"gov.ru", "co.uk", "com.au", "blogspot.com"}) EXPECT_FALSE(has(d)) << d;
  EXPECT_TRUE(std::is_sorted(z->begin(), z->end()));
}

// Issue 15, round 37, item 6: `nearmiss --version` said the root zone
// list's age and the PSL's date alone, so a stale PSL went unremarked.
TEST(PublicSuffixTest, ListAgeWarnsWhenOld) {
  const int64_t day = 19800;  // 2024-03-18
  const int64_t noon = day * 86400 + 43200;
  EXPECT_EQ(PublicSuffixListAge(noon, day), "0 days ago");
  EXPECT_EQ(PublicSuffixListAge(noon + 86400, day), "1 day ago");
  EXPECT_EQ(PublicSuffixListAge(noon + 180 * 86400, day), "180 days ago");
  EXPECT_EQ(PublicSuffixListAge(noon + 400 * 86400, day),
            "400 days ago; older than 180 days: update it (Debian: apt-get install "
            "--only-upgrade publicsuffix)");
  EXPECT_EQ(PublicSuffixListAge(noon - 2 * 86400, day), "after today's date (is the clock right?)");
  EXPECT_EQ(PublicSuffixListAge(noon, std::nullopt), "");
  // The list in use has a day, no later than today.
  ASSERT_TRUE(PublicSuffixListDay().has_value());
  EXPECT_LE(*PublicSuffixListDay(), static_cast<int64_t>(std::time(nullptr)) / 86400);
}

TEST(PublicSuffixTest, EmptyInput) {
  EXPECT_EQ(PublicSuffix(""), "");
  EXPECT_EQ(SplitSuffix(".").suffix, "");
}

}  // namespace
}  // namespace nearmiss::address
