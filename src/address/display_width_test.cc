#include "address/display_width.h"

#include <gtest/gtest.h>

namespace nearmiss::address {
namespace {

TEST(DisplayWidth, AsciiIsOneColumnAByte) {
  EXPECT_EQ(DisplayWidth("bob@partner.example"), 19u);
}

TEST(DisplayWidth, AccentedLettersAreOneColumnEach) {
  // "josé" precomposed (2 bytes for é) and decomposed (e + U+0301).
  EXPECT_EQ(DisplayWidth("jos\xC3\xA9@x"), 6u);
  EXPECT_EQ(DisplayWidth("jose\xCC\x81@x"), 6u);
}

TEST(DisplayWidth, WideCharactersAreTwoColumns) {
  // 山田 (CJK, East Asian Width W): two columns each, three bytes each.
  EXPECT_EQ(DisplayWidth("\xE5\xB1\xB1\xE7\x94\xB0@x.jp"), 4u + 5u);
  // Full-width ｊ (U+FF4A).
  EXPECT_EQ(DisplayWidth("\xEF\xBD\x8A"), 2u);
}

TEST(DisplayWidth, PadsByColumnsNotBytes) {
  EXPECT_EQ(PadToWidth("\xE5\xB1\xB1@x", 6), "\xE5\xB1\xB1@x  ");
  EXPECT_EQ(PadToWidth("jos\xC3\xA9", 6), "jos\xC3\xA9  ");
  EXPECT_EQ(PadToWidth("toolongtext", 4), "toolongtext");
}

}  // namespace
}  // namespace nearmiss::address
