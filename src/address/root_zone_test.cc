#include "address/root_zone.h"

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
