#include "address/second_level_zone.h"

#include <gtest/gtest.h>

namespace nearmiss::address {
namespace {

// Issue 15 breaker: mfa.gov.hu, vlada.gov.sk, mzv.gov.cz were refused as
// slips of mfa.gov.au, vlada.gov.uk and mzv.gov; their zones are real.
TEST(SecondLevelZoneTest, GovernmentZonesOffThePslAreReal) {
  for (std::string_view z : {"gov.hu", "gov.sk", "gov.cz", "gov.ro", "gov.si", "gov.bg", "mil.ru",
                             "mil.pl", "edu.pl", "ac.uk", "govt.nz"}) {
    EXPECT_TRUE(IsRealSecondLevelZone(z)) << z;
  }
}

TEST(SecondLevelZoneTest, ListedZonesAreReal) {
  for (std::string_view z : {"co.uk", "com.au", "com.ua"}) EXPECT_TRUE(IsRealSecondLevelZone(z)) << z;
}

TEST(SecondLevelZoneTest, SlipsAreNotZones) {
  // cp.uk (co.uk), gov.ul (no .ul), com.uk (com is left to the PSL), a
  // generic TLD, three labels, one label.
  for (std::string_view z : {"cp.uk", "gov.ul", "com.uk", "gov.com", "gov.mik", "x.gov.cz", "gov",
                             ".cz", ""}) {
    EXPECT_FALSE(IsRealSecondLevelZone(z)) << z;
  }
}

// Issue 15 breaker (second round), item 1: "the label under any delegated
// ccTLD counts" made mil.de, gov.de and mil.eu zones, so army.mil.de was
// "a real mail domain". Where the country runs no such zone the name is
// anyone's: only the PSL's zones and the list's confirmed ones are real.
TEST(SecondLevelZoneTest, APublicSectorLabelUnderAnOpenCcTldIsNoZone) {
  for (std::string_view z : {"mil.de", "mil.eu", "mil.gb", "mil.fr", "mil.us", "gov.de",
                             "gov.us", "gov.eu", "mil.ie", "mil.jp", "mil.ca", "mil.ch", "mil.nl",
                             "gouv.uk", "gob.de", "go.de", "ac.de", "edu.de", "govt.au"}) {
    EXPECT_FALSE(IsRealSecondLevelZone(z)) << z;
  }
  EXPECT_EQ(RealSecondLevelZoneOf("army.mil.de"), "");
  // mil.uk is the UK's defence zone, listed with its source (round 55).
  EXPECT_EQ(RealSecondLevelZoneOf("dasa.r.mil.uk"), "mil.uk");
  EXPECT_EQ(RealSecondLevelZoneOf("fbi.gov.de"), "");
  // The label itself is still a public-sector label.
  EXPECT_TRUE(IsPublicSectorLabel("mil"));
  EXPECT_FALSE(IsPublicSectorLabel("gov.cz"));
}

// Issue 15, round 41, item 1: armed forces' and governments' zones the PSL
// leaves out, each listed with its source, and the devolved governments'
// zones under geographic TLDs; the same labels under an unlisted
// geographic TLD are no zone.
TEST(SecondLevelZoneTest, ArmedForcesAndDevolvedGovernmentZonesAreReal) {
  for (std::string_view z : {"mil.se", "mil.be", "mil.fi", "mil.dk", "mil.ee", "mil.sk", "mil.gr",
                             "mil.am", "gov.hr", "gov.md", "gov.mt", "gov.scot", "gov.wales"}) {
    EXPECT_TRUE(IsRealSecondLevelZone(z)) << z;
  }
  EXPECT_EQ(RealSecondLevelZoneOf("hkv.mil.se"), "mil.se");
  EXPECT_EQ(RealSecondLevelZoneOf("mod.gov.scot"), "gov.scot");
  for (std::string_view z : {"gov.london", "mil.scot", "gov.com", "gov.zz"}) {
    EXPECT_FALSE(IsRealSecondLevelZone(z)) << z;
  }
}

TEST(SecondLevelZoneTest, ZoneOfADomain) {
  EXPECT_EQ(RealSecondLevelZoneOf("mzv.gov.cz"), "gov.cz");
  EXPECT_EQ(RealSecondLevelZoneOf("mil.ru"), "mil.ru");
  EXPECT_EQ(RealSecondLevelZoneOf("mil.ru."), "mil.ru");
  EXPECT_EQ(RealSecondLevelZoneOf("barclays.cp.uk"), "");
  EXPECT_EQ(RealSecondLevelZoneOf("army.mil"), "");
}

// Issue 15, breaker 15 round 6, defect 1: under a ccTLD the PSL covers by
// a wildcard alone (*.bd, *.np) every second label is a "suffix", and
// gob.bd or gvo.bd were read as another government's zone, so the slips
// of a protected .gov.bd passed. There only gov, mil, edu and ac count.
TEST(SecondLevelZoneTest, UnderAWildcardOnlyTheCommonPublicSectorZonesAreReal) {
  for (std::string_view z : {"gvo.bd", "gob.bd", "gv.bd", "go.bd", "giv.np", "gob.kh", "gouv.mm"}) {
    EXPECT_TRUE(IsWildcardOnlySuffix(z)) << z;
    EXPECT_FALSE(IsRealSecondLevelZone(z)) << z;
  }
  for (std::string_view z : {"gov.bd", "mil.bd", "edu.np", "ac.pg", "gov.jm"}) {
    EXPECT_TRUE(IsWildcardOnlySuffix(z)) << z;
    EXPECT_TRUE(IsRealSecondLevelZone(z)) << z;
  }
  // Listed by name, or no suffix at all: no wildcard reading.
  for (std::string_view z : {"gov.uk", "co.uk", "gov.za", "gvo.uk", "bd", "nbr.gov.bd"}) {
    EXPECT_FALSE(IsWildcardOnlySuffix(z)) << z;
  }
}

}  // namespace
}  // namespace nearmiss::address
