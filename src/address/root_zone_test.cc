#include "address/root_zone.h"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

namespace nearmiss::address {
namespace {

TEST(RootZoneTest, DelegatedTlds) {
  for (std::string_view tld : {"com", "mil", "ml", "uk", "cz", "cy", "au", "xn--p1ai", "museum"}) {
    EXPECT_TRUE(IsDelegatedTld(tld)) << tld;
  }
}

TEST(RootZoneTest, SlipsAndReservedNamesAreNotDelegated) {
  // army.mik, hotmail.con, barclays.co.ul: one letter from a real TLD.
  for (std::string_view tld : {"mik", "con", "ul", "cmo", "test", "example", "invalid",
                               "localhost", "local"}) {
    EXPECT_FALSE(IsDelegatedTld(tld)) << tld;
  }
}

TEST(RootZoneTest, DomainsByTheirLastLabel) {
  EXPECT_TRUE(HasDelegatedTld("barclays.co.uk"));
  EXPECT_TRUE(HasDelegatedTld("barclays.co.uk."));
  EXPECT_FALSE(HasDelegatedTld("barclays.co.ul"));
  EXPECT_FALSE(HasDelegatedTld("army.mik"));
}

TEST(RootZoneTest, SourceNamesIanasVersionAndTheCount) {
  std::string_view s = RootZoneSource();
  EXPECT_NE(s.find("IANA Version 20"), std::string_view::npos) << s;
  EXPECT_NE(s.find("TLDs"), std::string_view::npos) << s;
}

// Issue 15, round 35, defect 5: the list's age is read from the version
// line of its header (IANA numbers each edition YYYYMMDDNN), and said with
// a hint once it is stale.
TEST(RootZoneTest, AgeIsReadFromTheHeadersVersion) {
  const std::string_view s = RootZoneSource();
  const size_t at = s.find("IANA Version ");
  ASSERT_NE(at, std::string_view::npos) << s;
  const std::string digits(s.substr(at + 13, 8));
  const int v = std::stoi(digits);
  const std::chrono::sys_days day{std::chrono::year_month_day{
      std::chrono::year(v / 10000), std::chrono::month(static_cast<unsigned>(v / 100 % 100)),
      std::chrono::day(static_cast<unsigned>(v % 100))}};
  ASSERT_EQ(RootZoneDay(), day.time_since_epoch().count());
  const int64_t noon = day.time_since_epoch().count() * 86400 + 43200;
  const std::string date = digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2);
  EXPECT_EQ(RootZoneAge(noon), "updated " + date + ", 0 days ago");
  EXPECT_EQ(RootZoneAge(noon + 86400), "updated " + date + ", 1 day ago");
  EXPECT_EQ(RootZoneAge(noon + 100 * 86400), "updated " + date + ", 100 days ago");
  EXPECT_EQ(RootZoneAge(noon + 400 * 86400),
            "updated " + date +
                ", 400 days ago; older than 180 days: refresh it with tools/make-root-zone-tlds");
  EXPECT_EQ(RootZoneAge(noon - 2 * 86400), "updated " + date + ", after today's date (is the clock right?)");
}

// Issue 15 breaker: the old list (a 2016 Net::Domain::TLD snapshot with
// PSL 2023) still held retired TLDs, so mod.um passed as a real domain.
TEST(RootZoneTest, RetiredTldsAreNotDelegated) {
  for (std::string_view tld : {"an", "tp", "yu", "um", "bl", "mf", "bq", "eh", "doosan", "mcd",
                               "xperia", "chloe", "statoil", "iinet"}) {
    EXPECT_FALSE(IsDelegatedTld(tld)) << tld;
  }
}

// Issue 15 breaker, fix 4: the IDN ccTLDs are country codes too.
TEST(RootZoneTest, CountryCodeTldsIncludeInternationalizedOnes) {
  for (const char* tld : {"ru", "uk", "cz", "xn--p1ai", "xn--fiqs8s", "xn--j1amh", "xn--90ae"}) {
    EXPECT_TRUE(IsCountryCodeTld(tld)) << tld;
  }
  for (const char* tld : {"com", "xn--80asehdb", "zz", "yu", "xn--zz", "", "r"}) {
    EXPECT_FALSE(IsCountryCodeTld(tld)) << tld;
  }
}

}  // namespace
}  // namespace nearmiss::address
