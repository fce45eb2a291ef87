#include "lookalike/visual_key.h"

#include <gtest/gtest.h>

namespace nearmiss::lookalike {
namespace {

TEST(AsciiLookalikeTest, MapsConfusablesToAscii) {
  AsciiForm cyrillic = AsciiLookalike("\xD0\xB0rmy.mil");  // Cyrillic а
  EXPECT_EQ(cyrillic.text, "army.mil");
  EXPECT_TRUE(cyrillic.all_ascii);
  EXPECT_TRUE(cyrillic.changed);
  EXPECT_NE(cyrillic.first_change.find("U+0430"), std::string::npos);
  EXPECT_EQ(AsciiLookalike("gm\xC3\xA1il.com").text, "gmail.com");  // á
  AsciiForm plain = AsciiLookalike("Army.MIL");
  EXPECT_EQ(plain.text, "army.mil");
  EXPECT_FALSE(plain.changed);
}

TEST(AsciiLookalikeTest, KeepsCharactersWithoutAnAsciiTwin) {
  AsciiForm han = AsciiLookalike("\xE4\xB8\xAD\xE6\x96\x87.com");  // 中文
  EXPECT_FALSE(han.all_ascii);
}

TEST(VisualKeyTest, FoldsAsciiLookalikes) {
  EXPECT_EQ(VisualKey("rnicrosoft"), VisualKey("microsoft"));
  EXPECT_EQ(VisualKey("g00gle"), VisualKey("google"));
  EXPECT_EQ(VisualKey("paypa1"), VisualKey("paypal"));
  EXPECT_EQ(VisualKey("vvikipedia"), VisualKey("wikipedia"));
  EXPECT_EQ(VisualKey("gmaii"), VisualKey("gmail"));
  EXPECT_NE(VisualKey("gmail"), VisualKey("gmx"));
}

}  // namespace
}  // namespace nearmiss::lookalike
