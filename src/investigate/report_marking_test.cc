#include "investigate/report_marking.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace nearmiss::investigate {
namespace {

using content::Finding;
using content::Level;
using content::Sensitivity;
using content::Strength;

struct F {
  const char* pack;
  const char* text;  // as the marking packs matched it
  Level level;       // the common scale's step the pack gives it
  Strength strength = Strength::kStrong;
};

// One message's findings, as content::Scanner reports them.
Sensitivity Message(std::initializer_list<F> fs) {
  Sensitivity s;
  for (const F& f : fs) {
    Finding x;
    x.pack = f.pack;
    x.text = f.text;
    x.marking = f.text;
    x.level = f.level;
    x.strength = f.strength;
    x.where = "subject";
    s.Add(std::move(x));
  }
  return s;
}

std::string BannerOf(std::initializer_list<Sensitivity> messages) {
  ReportMarking m;
  for (const Sensitivity& s : messages) m.Add(s);
  return m.Banner();
}

TEST(ReportMarking, KeepsTheSchemesOwnLevelNotTheCommonScales) {
  // Breaker round 2 §7: each was printed as the common scale's SECRET or
  // OFFICIAL-SENSITIVE.
  EXPECT_EQ(BannerOf({Message({{"us-classified", "CONFIDENTIAL//REL TO USA, FVEY", Level::kSecret}})}),
            "CONFIDENTIAL//REL TO USA, FVEY");
  EXPECT_EQ(BannerOf({Message({{"us-cui", "CUI//SP-PRVCY", Level::kOfficialSensitive}})}),
            "CUI//SP-PRVCY");
  EXPECT_EQ(BannerOf({Message({{"au", "[SEC=PROTECTED", Level::kSecret}})}), "PROTECTED");
  EXPECT_EQ(BannerOf({Message({{"au", "PROTECTED//CABINET", Level::kSecret}})}),
            "PROTECTED//CABINET");
  EXPECT_EQ(BannerOf({Message({{"au", "[SEC=OFFICIAL:Sensitive", Level::kOfficialSensitive}})}),
            "OFFICIAL: Sensitive");
  EXPECT_EQ(BannerOf({Message({{"uk", "OFFICIAL-SENSITIVE COMMERCIAL",
                                Level::kOfficialSensitive}})}),
            "OFFICIAL-SENSITIVE COMMERCIAL");
  EXPECT_EQ(BannerOf({Message({{"nato-eu", "RESTREINT UE/EU RESTRICTED",
                                Level::kOfficialSensitive}})}),
            "RESTREINT UE/EU RESTRICTED");
  EXPECT_EQ(BannerOf({Message({{"labels", "Highly Confidential", Level::kSecret}})}),
            "Highly Confidential");
}

TEST(ReportMarking, SpellsOutPortionMarksAndAbbreviatedBanners) {
  EXPECT_EQ(BannerOf({Message({{"us-classified", "(C//REL TO USA, GBR)", Level::kSecret}})}),
            "CONFIDENTIAL//REL TO USA, GBR");
  EXPECT_EQ(BannerOf({Message({{"us-classified", "S//NF", Level::kSecret}})}), "SECRET//NOFORN");
  EXPECT_EQ(BannerOf({Message({{"us-classified", "Secret//NoForn", Level::kSecret}})}),
            "SECRET//NOFORN");
  EXPECT_EQ(BannerOf({Message({{"us-classified", "TOP SECRET//SI//NOFORN", Level::kTopSecret}})}),
            "TOP SECRET//SI//NOFORN");
  EXPECT_EQ(BannerOf({Message({{"us-classified", "SECRET/NOFORN", Level::kSecret}})}),
            "SECRET//NOFORN");
  EXPECT_EQ(BannerOf({Message({{"us-cui", "(U//FOUO)", Level::kOfficialSensitive}})}),
            "UNCLASSIFIED//FOUO");
}

TEST(ReportMarking, OrdersLevelsOnOneStepByTheSchemesWords) {
  // CONFIDENTIAL and SECRET are one step of the common scale; the US
  // scheme puts SECRET above (EO 13526 1.2), whatever the order read.
  EXPECT_EQ(BannerOf({Message({{"us-classified", "SECRET", Level::kSecret}}),
                      Message({{"us-classified", "CONFIDENTIAL", Level::kSecret}})}),
            "SECRET");
  EXPECT_EQ(BannerOf({Message({{"us-classified", "CONFIDENTIAL", Level::kSecret}}),
                      Message({{"us-classified", "(S)", Level::kSecret}})}),
            "SECRET");
  EXPECT_EQ(BannerOf({Message({{"au", "PROTECTED", Level::kSecret}}),
                      Message({{"au", "SECRET", Level::kSecret}})}),
            "SECRET");
}

TEST(ReportMarking, ShowsEachSchemesHighestWhenSeveral) {
  EXPECT_EQ(BannerOf({Message({{"uk", "SECRET", Level::kSecret}}),
                      Message({{"us-classified", "CONFIDENTIAL//REL TO USA, GBR", Level::kSecret}}),
                      Message({{"uk", "OFFICIAL-SENSITIVE", Level::kOfficialSensitive}})}),
            "UK SECRET / US CONFIDENTIAL//REL TO USA, GBR");
  // Highest first; NATO names itself.
  EXPECT_EQ(BannerOf({Message({{"uk", "OFFICIAL-SENSITIVE", Level::kOfficialSensitive}}),
                      Message({{"nato-eu", "NATO SECRET", Level::kSecret}})}),
            "NATO SECRET / UK OFFICIAL-SENSITIVE");
}

TEST(ReportMarking, CombinesCaveatsAsCapcoDoes) {
  // NOFORN supersedes REL TO.
  EXPECT_EQ(BannerOf({Message({{"us-classified", "SECRET//REL TO USA, GBR", Level::kSecret}}),
                      Message({{"us-classified", "(C//NF)", Level::kSecret}})}),
            "SECRET//NOFORN");
  // REL TO lists: the countries common to all.
  EXPECT_EQ(BannerOf({Message({{"us-classified", "SECRET//REL TO USA, GBR, AUS", Level::kSecret}}),
                      Message({{"us-classified", "SECRET//REL TO USA, AUS", Level::kSecret}})}),
            "SECRET//REL TO USA, AUS");
  EXPECT_EQ(BannerOf({Message({{"us-classified", "SECRET//REL TO USA, GBR", Level::kSecret}}),
                      Message({{"us-classified", "SECRET//REL TO USA, AUS", Level::kSecret}})}),
            "SECRET//NOFORN");
  // A caveat in words, kept once.
  EXPECT_EQ(BannerOf({Message({{"uk", "SECRET UK EYES ONLY", Level::kSecret}}),
                      Message({{"uk", "SECRET UK EYES ONLY", Level::kSecret}})}),
            "SECRET UK EYES ONLY");
}

// b16g item 2: the AU email label lost everything after its level
// ("[SEC=PROTECTED, CAVEAT=SH:CABINET]" shown as "PROTECTED").
TEST(ReportMarking, KeepsTheAustralianEmailLabelsFields) {
  EXPECT_EQ(BannerOf({Message({{"au", "[SEC=PROTECTED, CAVEAT=SH:CABINET]", Level::kSecret}})}),
            "PROTECTED, CAVEAT=SH:CABINET");
  EXPECT_EQ(BannerOf({Message({{"au", "[SEC=OFFICIAL:Sensitive, ACCESS=Legal-Privilege]",
                                Level::kOfficialSensitive}})}),
            "OFFICIAL: Sensitive, ACCESS=Legal-Privilege");
  // Spaces the standard's grammar allows, two caveats, an expiry.
  EXPECT_EQ(BannerOf({Message({{"au",
                                "[ sec = SECRET , CAVEAT=RI:AUSTEO, CAVEAT=SH:CABINET, "
                                "EXPIRES=2030-01-01, DOWNTO=PROTECTED ]",
                                Level::kSecret}})}),
            "SECRET, CAVEAT=RI:AUSTEO, CAVEAT=SH:CABINET, EXPIRES=2030-01-01, DOWNTO=PROTECTED");
  // Caveats of every message; the expiry only while all agree (a message
  // that does not expire keeps the report from saying it does).
  EXPECT_EQ(BannerOf({Message({{"au", "[SEC=PROTECTED, CAVEAT=SH:CABINET, EXPIRES=2030-01-01]",
                                Level::kSecret}}),
                      Message({{"au", "[SEC=PROTECTED, ACCESS=Personal-Privacy]",
                                Level::kSecret}})}),
            "PROTECTED, CAVEAT=SH:CABINET, ACCESS=Personal-Privacy");
  EXPECT_EQ(BannerOf({Message({{"au", "[SEC=PROTECTED, EXPIRES=2030-01-01]", Level::kSecret}}),
                      Message({{"au", "[SEC=PROTECTED, EXPIRES=2030-01-01]", Level::kSecret}})}),
            "PROTECTED, EXPIRES=2030-01-01");
  ReportMarking m;
  m.Add(Message({{"au", "[SEC=PROTECTED, CAVEAT=SH:CABINET, EXPIRES=2030-01-01]",
                  Level::kSecret}}));
  EXPECT_EQ(m.Caveats(), (std::vector<std::string>{", CAVEAT=SH:CABINET"}));
  EXPECT_TRUE(m.Qualified());
  ReportMarking expiry_only;
  expiry_only.Add(Message({{"au", "[SEC=PROTECTED, EXPIRES=2030-01-01]", Level::kSecret}}));
  EXPECT_TRUE(expiry_only.Caveats().empty());
  EXPECT_TRUE(expiry_only.Qualified());
  ReportMarking plain;
  plain.Add(Message({{"au", "[SEC=PROTECTED]", Level::kSecret}}));
  EXPECT_FALSE(plain.Qualified());
}

TEST(ReportMarking, IgnoresWhatIsNoMarking) {
  EXPECT_EQ(BannerOf({Message({{"us-classified", "SECRET", Level::kSecret, Strength::kWeak},
                               {"detector", "4111 **** **** 1111", Level::kOfficialSensitive},
                               {"custom", "PROJECT X", Level::kSecret}})}),
            "");
  ReportMarking m;
  m.Add(Message({{"us-classified", "SECRET//NOFORN", Level::kSecret},
                 {"uk", "SECRET UK EYES ONLY", Level::kSecret}}));
  EXPECT_EQ(m.Caveats(), (std::vector<std::string>{" UK EYES ONLY", "//NOFORN"}));
}

// Breaker round 16 §8: a descriptor or caveat in brackets was cut at the
// bracket ("SECRET [UK EYES ONLY").
TEST(ReportMarking, WritesABracketedCaveatAsItsWords) {
  EXPECT_EQ(BannerOf({Message({{"uk", "SECRET [UK EYES ONLY", Level::kSecret}})}),
            "SECRET UK EYES ONLY");
  EXPECT_EQ(BannerOf({Message({{"uk", "OFFICIAL-SENSITIVE (PERSONAL)", Level::kOfficialSensitive}})}),
            "OFFICIAL-SENSITIVE PERSONAL");
  EXPECT_EQ(BannerOf({Message({{"uk", "OFFICIAL-SENSITIVE [COMMERCIAL]",
                                Level::kOfficialSensitive}})}),
            "OFFICIAL-SENSITIVE COMMERCIAL");
}

// Breaker round 16 §4, §8: a --marking carries a caveat of the data by its
// category, not by holding its text.
TEST(ReportMarking, CarriesComparesCaveatsByCategory) {
  auto given = [](const char* pack, const char* text) {
    ReportMarking m;
    m.Add(Message({{pack, text, Level::kSecret}}));
    return m;
  };
  const std::string rel = "//REL TO USA, GBR";
  EXPECT_TRUE(given("us-classified", "SECRET//REL TO USA, GBR").Carries(rel));
  EXPECT_TRUE(given("us-classified", "SECRET//REL TO GBR, USA").Carries(rel));
  EXPECT_TRUE(given("us-classified", "SECRET//NOFORN").Carries(rel));
  EXPECT_TRUE(given("us-classified", "SECRET//REL TO USA").Carries(rel));  // NOFORN
  EXPECT_FALSE(given("us-classified", "SECRET//REL TO USA, GBR, FRA").Carries(rel));
  EXPECT_FALSE(given("us-classified", "SECRET//NOT REL TO USA, GBR").Carries(rel));
  EXPECT_FALSE(given("us-classified", "SECRET").Carries(rel));
  EXPECT_TRUE(given("us-classified", "TS//SCI//NF").Carries("//NOFORN"));
  EXPECT_FALSE(given("us-classified", "TOP SECRET//SCI").Carries("//NOFORN"));
  EXPECT_TRUE(given("uk", "SECRET UK EYES ONLY").Carries(" UK EYES ONLY"));
  EXPECT_TRUE(given("uk", "SECRET [UK EYES ONLY").Carries(" UK EYES ONLY"));
  EXPECT_FALSE(given("uk", "SECRET").Carries(" UK EYES ONLY"));
}

// Tester round 7 item 4: the same label in the X-Protective-Marking header
// (the labels pack reads its SEC= value alone) kept only "PROTECTED".
Sensitivity Header(const char* name) {
  Sensitivity s;
  Finding x;
  x.pack = "labels";
  x.text = name;
  x.marking = name;
  x.level = Level::kSecret;
  x.strength = Strength::kStrong;
  x.where = "header:X-Protective-Marking";
  s.Add(std::move(x));
  return s;
}

TEST(ReportMarking, KeepsTheProtectiveMarkingHeadersFields) {
  // Folded as a mail client writes it; the reader unfolds nothing itself.
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"Subject", "budget"},
      {"X-Protective-Marking",
       "VER=2018.4, NS=gov.au,\r\n SEC=PROTECTED, CAVEAT=SH:CABINET, ORIGIN=alice@finance.gov.au"}};
  EXPECT_EQ(BannerOf({WithEmailLabelFields(Header("PROTECTED"), headers)}),
            "PROTECTED, CAVEAT=SH:CABINET");
  // Without the header's value the label alone, as before.
  EXPECT_EQ(BannerOf({WithEmailLabelFields(Header("PROTECTED"), {})}), "PROTECTED");
  // The header and the subject of one message are one scheme's marking,
  // not two.
  EXPECT_EQ(BannerOf({WithEmailLabelFields(
                          Header("PROTECTED"),
                          {{"x-protective-marking",
                            "VER=2018.4, NS=gov.au, SEC=PROTECTED, CAVEAT=SH:CABINET, "
                            "ACCESS=Legal-Privilege, ORIGIN=alice@finance.gov.au"}}),
                      Message({{"au", "[SEC=PROTECTED, CAVEAT=SH:CABINET]", Level::kSecret}})}),
            "PROTECTED, CAVEAT=SH:CABINET, ACCESS=Legal-Privilege");
}

}  // namespace
}  // namespace nearmiss::investigate
