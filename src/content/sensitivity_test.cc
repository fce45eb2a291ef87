// Sensitivity::Corroborate: doubtful marks settled over the whole message
// (content_sensitivity.h), on findings made here rather than scanned.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "nearmiss/content_sensitivity.h"

namespace nearmiss::content {
namespace {

Finding Doubtful(std::string marking, std::string pack, Level level,
                 std::string text) {
  Finding f;
  f.marking = std::move(marking);
  f.pack = std::move(pack);
  f.level = level;
  f.text = std::move(text);
  f.needs_corroboration = true;
  return f;
}

Finding Strong(std::string marking, std::string pack, Level level,
               std::string text) {
  Finding f = Doubtful(std::move(marking), std::move(pack), level,
                       std::move(text));
  f.needs_corroboration = false;
  f.strength = Strength::kStrong;
  return f;
}

// Issue 13, third round: doubtful marks settle over the whole message.
// Breaker round 13: one nothing agrees with stays a weak finding, shown and
// not counted, never dropped.
bool AllWeak(const Sensitivity& s) {
  for (const Finding& f : s.findings) {
    if (f.strength != Strength::kWeak || f.needs_corroboration) return false;
  }
  return true;
}

TEST(CorroborateTest, ALoneDoubtfulMarkStaysWeak) {
  Sensitivity s;
  s.Add(Doubtful("(S)", "us-classified", Level::kSecret, "(S)"));
  s.Corroborate();
  EXPECT_EQ(s.level, Level::kNone);
  ASSERT_EQ(s.findings.size(), 1u);
  EXPECT_TRUE(AllWeak(s));
}

// Issue 13, round 44 tester finding 5: the same words read a second time
// (a body without its CSS-hidden text) are not a second witness; a marking
// only the second reading has, and one of another place, still agree.
Finding At(Finding f, std::string where) {
  f.where = std::move(where);
  return f;
}

TEST(CorroborateTest, AnotherReadingOfTheSameWordsDoesNotAgree) {
  const std::string hidden = "body (without text hidden by CSS)";
  Sensitivity s;
  s.Add(At(Doubtful("CONFIDENTIAL", "uk", Level::kSecret, "CONFIDENTIAL"), "body"));
  s.Add(At(Doubtful("TOP SECRET", "uk", Level::kTopSecret, "TOP SECRET"), "body"));
  s.Add(At(Strong("TOP SECRET", "uk", Level::kTopSecret, "TOP SECRET"), hidden));
  s.Add(At(Doubtful("TOP SECRET", "uk", Level::kTopSecret, "TOP SECRET"), hidden));
  s.Corroborate();
  EXPECT_EQ(s.findings[0].strength, Strength::kWeak);
  EXPECT_EQ(s.findings[1].strength, Strength::kWeak);
  EXPECT_EQ(s.level, Level::kTopSecret);  // the strong one counts on its own
}

TEST(CorroborateTest, WhatOnlyTheSecondReadingHasAgrees) {
  Sensitivity s;
  s.Add(At(Doubtful("SECRET", "uk", Level::kSecret, "SECRET"), "attachment:a.docx"));
  s.Add(At(Strong("UK SECRET", "uk", Level::kSecret, "UK SECRET"),
           "attachment:a.docx (without hidden text)"));
  s.Add(At(Doubtful("TOP SECRET", "uk", Level::kTopSecret, "TOP SECRET"), "body"));
  s.Corroborate();
  EXPECT_EQ(s.findings[0].strength, Strength::kStrong);
  EXPECT_EQ(s.findings[2].strength, Strength::kStrong);  // another place
}

TEST(CorroborateTest, AStrongMarkingAnywhereAgrees) {
  Sensitivity s;
  s.Add(Doubtful("(S)", "us-classified", Level::kSecret, "(S)"));
  s.Add(Strong("SECRET//<controls>", "us-classified", Level::kSecret,
               "SECRET//NOFORN"));
  s.Corroborate();
  EXPECT_EQ(s.level, Level::kSecret);
  ASSERT_EQ(s.findings.size(), 2u);
  EXPECT_EQ(s.findings[0].strength, Strength::kStrong);
  EXPECT_FALSE(s.findings[0].needs_corroboration);
}

TEST(CorroborateTest, UnclassifiedDetectorsAndOtherSystemsDoNotAgree) {
  Sensitivity s;
  s.Add(Doubtful("(TS)", "us-classified", Level::kTopSecret, "(TS)"));
  s.Add(Doubtful("(CTS)", "nato-eu", Level::kTopSecret, "(CTS)"));
  s.Add(Strong("(U)", "us-classified", Level::kNone, "(U)"));
  s.Add(Strong("payment-card", "detector", Level::kOfficialSensitive,
               "4111 **** **** 1111"));
  s.Corroborate();
  EXPECT_EQ(s.level, Level::kOfficialSensitive);  // the card only
  ASSERT_EQ(s.findings.size(), 4u);
  EXPECT_EQ(s.findings[0].strength, Strength::kWeak);
  EXPECT_EQ(s.findings[1].strength, Strength::kWeak);
}

// Issue 13, tenth round: "(NR) To send ...\n\n(NC) Will book ..." is two
// people's initials as readily as two NATO portions.
TEST(CorroborateTest, ClassifiedMarksReadAsInitialsDoNotAgreeWithEachOther) {
  Sensitivity s;
  s.Add(Doubtful("(NR)", "nato-eu", Level::kOfficialSensitive, "(NR)"));
  s.Add(Doubtful("(NC)", "nato-eu", Level::kSecret, "(NC)"));
  s.Add(Doubtful("(CTS)", "nato-eu", Level::kTopSecret, "(CTS)"));
  s.Corroborate();
  EXPECT_EQ(s.level, Level::kNone);
  EXPECT_EQ(s.findings.size(), 3u);
  EXPECT_TRUE(AllWeak(s));
}

// A one-letter mark agrees with an initials-shaped one only where it is
// agreed itself: "(TS) send the deck\n(S) check the budget" are two action
// owners, neither of which lends the other an agreement it lacks (round
// 55's tester 13, finding 2); beside an unclassified portion both count.
TEST(CorroborateTest, AnUnclassifiedOrAgreedOneLetterMarkAgreesWithInitialsShapedOnes) {
  Sensitivity nato;
  nato.Add(Doubtful("(NC)", "nato-eu", Level::kSecret, "(NC)"));
  nato.Add(Doubtful("(NU)", "nato-eu", Level::kOfficial, "(NU)"));
  nato.Corroborate();
  EXPECT_EQ(nato.level, Level::kSecret);
  EXPECT_EQ(nato.findings.size(), 2u);
  Sensitivity alone;
  alone.Add(Doubtful("(TS)", "us-classified", Level::kTopSecret, "(TS)"));
  alone.Add(Doubtful("(S)", "us-classified", Level::kSecret, "(S)"));
  alone.Corroborate();
  EXPECT_EQ(alone.level, Level::kNone);
  EXPECT_TRUE(AllWeak(alone));
  Sensitivity us;
  us.Add(Doubtful("(TS)", "us-classified", Level::kTopSecret, "(TS)"));
  us.Add(Doubtful("(S)", "us-classified", Level::kSecret, "(S)"));
  us.Add(Doubtful("(U)", "us-classified", Level::kNone, "(U)"));
  us.Corroborate();
  EXPECT_EQ(us.level, Level::kTopSecret);
  EXPECT_EQ(us.findings.size(), 3u);
}

// Issue 13, round 38 item 4: a subject led by a NATO abbreviation and
// ended by a NATO portion mark ("CTS: exercise plan (NS)"): the two agree,
// the level is the higher, both are named. A US banner agrees with a bare
// CTS as any strong marking does. Marks of other packs, or one of them in
// the body, do not agree so (at different levels: a bare word and a bare
// portion mark of one level agree whatever their packs).
TEST(CorroborateTest, SubjectAbbreviationAndTrailingPortionMarkOfOnePackAgree) {
  auto in_subject = [](Finding f) {
    f.where = "subject";
    return f;
  };
  Sensitivity s;
  s.Add(in_subject(Doubtful("CTS", "nato-eu", Level::kTopSecret, "CTS")));
  s.Add(in_subject(Doubtful("(NS)", "nato-eu", Level::kSecret, "(NS)")));
  s.Corroborate();
  EXPECT_EQ(s.level, Level::kTopSecret);
  ASSERT_EQ(s.findings.size(), 2u);
  EXPECT_EQ(s.findings[0].strength, Strength::kStrong);
  EXPECT_EQ(s.findings[1].strength, Strength::kStrong);

  Sensitivity banner;
  banner.Add(in_subject(Doubtful("CTS", "nato-eu", Level::kTopSecret, "CTS")));
  banner.Add(Strong("TOP SECRET//<controls>", "us-classified", Level::kTopSecret,
                    "TOP SECRET//REL TO USA, NATO"));
  banner.Corroborate();
  EXPECT_EQ(banner.level, Level::kTopSecret);
  EXPECT_EQ(banner.findings[0].strength, Strength::kStrong);

  Sensitivity other_pack;
  other_pack.Add(in_subject(Doubtful("CTS", "nato-eu", Level::kTopSecret, "CTS")));
  other_pack.Add(in_subject(Doubtful("(S)", "us-classified", Level::kSecret, "(S)")));
  other_pack.Corroborate();
  EXPECT_TRUE(AllWeak(other_pack));

  Sensitivity body_portion;
  body_portion.Add(in_subject(Doubtful("NS", "nato-eu", Level::kSecret, "NS")));
  Finding nina = Doubtful("(NR)", "nato-eu", Level::kOfficialSensitive, "(NR)");
  nina.where = "body";
  body_portion.Add(nina);
  body_portion.Corroborate();
  EXPECT_TRUE(AllWeak(body_portion));
}

}  // namespace
}  // namespace nearmiss::content
