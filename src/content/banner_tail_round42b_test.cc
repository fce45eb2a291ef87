// ReadBannerTail (banner_tail.h): what may follow a tier after a blank on
// its banner line (issue 13, round 42, tester 13 findings 1 and 4).
#include "content/banner_tail.h"

#include <gtest/gtest.h>

#include "content/position.h"

namespace nearmiss::content {
namespace {

TEST(BannerTailTest, FurnitureDescriptorsAndCaveatsAreKnown) {
  EXPECT_EQ(ReadBannerTail(" Page 1 of 3", false), BannerTail::kKnown);
  EXPECT_EQ(ReadBannerTail(" PAGE 1 OF 3", false), BannerTail::kKnown);
  EXPECT_EQ(ReadBannerTail(" Copy 2 of 5", false), BannerTail::kKnown);
  EXPECT_EQ(ReadBannerTail(" Personal", false), BannerTail::kKnown);
  EXPECT_EQ(ReadBannerTail(" Commercial in Confidence", false), BannerTail::kKnown);
  EXPECT_EQ(ReadBannerTail(" Strap 1", false), BannerTail::kKnown);
  EXPECT_EQ(ReadBannerTail(" Uk Eyes Only", false), BannerTail::kKnown);
  EXPECT_EQ(ReadBannerTail(" Releasable to SWE", false), BannerTail::kKnown);
  EXPECT_EQ(ReadBannerTail(" Cabinet", false), BannerTail::kKnown);
  EXPECT_EQ(ReadBannerTail(" - Legal", true), BannerTail::kKnown);
}

TEST(BannerTailTest, PhrasesAndSentencesAreNot) {
  // Linking words alone make nothing known: "OFFICIAL RESULTS TO FOLLOW".
  EXPECT_EQ(ReadBannerTail(" RESULTS TO FOLLOW", false), BannerTail::kCapitals);
  EXPECT_EQ(ReadBannerTail(" recipes for busy weeknights", false), BannerTail::kNone);
  EXPECT_EQ(ReadBannerTail(" Staff party on Friday at the Red Lion", false),
            BannerTail::kNone);
  EXPECT_EQ(ReadBannerTail(" Page 1 of 3.", false), BannerTail::kNone);
  EXPECT_EQ(ReadBannerTail("", false), BannerTail::kNone);
  EXPECT_EQ(ReadBannerTail(" Exercise plan", false), BannerTail::kShort);
  EXPECT_EQ(ReadBannerTail(" was the grading we used", false), BannerTail::kNone);
}

// The banner line rule (position.h, TierHeadsBannerLine) with these tails.
TEST(BannerTailTest, TierHeadsBannerLineWithATail) {
  auto heads = [](std::string_view text, std::string_view tier) {
    std::size_t b = text.find(tier);
    return TierHeadsBannerLine(text, b, b + tier.size());
  };
  EXPECT_TRUE(heads("UK SECRET Page 1 of 3\n\nThe convoy.\n", "UK SECRET"));
  EXPECT_TRUE(heads("SECRET Canadian Eyes Only\n\nThe convoy.\n", "SECRET"));
  EXPECT_TRUE(heads("NATO SECRET Exercise plan\n\nThe convoy.\n", "NATO SECRET"));
  EXPECT_TRUE(heads("Official-Sensitive Commercial\n\nThe bids.\n", "Official-Sensitive"));
  // A short tail after a single level word, or after a mixed-case tier, is
  // a title's words.
  EXPECT_FALSE(heads("SECRET Exercise plan\n\nThe convoy.\n", "SECRET"));
  EXPECT_FALSE(heads("Official-Sensitive Exercise plan\n\nThe bids.\n",
                     "Official-Sensitive"));
  EXPECT_FALSE(heads("OFFICIAL RESULTS TO FOLLOW\n\nWell done.\n", "OFFICIAL"));
}

}  // namespace
}  // namespace nearmiss::content
