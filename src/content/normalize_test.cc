#include "content/normalize.h"

#include <gtest/gtest.h>

namespace nearmiss::content {
namespace {

std::string Norm(std::string_view in) {
  std::string out;
  NormalizeText(in, &out);
  return out;
}

TEST(NormalizeTest, DashesBecomeHyphen) {
  EXPECT_EQ(Norm("OFFICIAL\u2013SENSITIVE"), "OFFICIAL-SENSITIVE");
  EXPECT_EQ(Norm("OFFICIAL\u2011SENSITIVE"), "OFFICIAL-SENSITIVE");
  EXPECT_EQ(Norm("OFFICIAL\u2014SENSITIVE"), "OFFICIAL-SENSITIVE");
  EXPECT_EQ(Norm("a\u2212b"), "a-b");
}

TEST(NormalizeTest, SpacesAndInvisiblesAndLineEnds) {
  EXPECT_EQ(Norm("TOP\u00a0SECRET"), "TOP SECRET");
  EXPECT_EQ(Norm("TOP\u202fSECRET"), "TOP SECRET");
  EXPECT_EQ(Norm("SE\u200bCRET"), "SECRET");
  EXPECT_EQ(Norm("SE\u00adCRET"), "SECRET");
  EXPECT_EQ(Norm("a\r\nb\rc\td"), "a\nb\nc d");
}

TEST(NormalizeTest, InvalidUtf8PassesThrough) {
  EXPECT_EQ(Norm("\xff SECRET \xc3"), "\xff SECRET \xc3");
  EXPECT_EQ(Norm("caf\xc3\xa9"), "caf\xc3\xa9");
}

TEST(NormalizeTest, UnfoldJoinsContinuationLines) {
  EXPECT_EQ(UnfoldHeader("MSIP_Label_1_Name=Sec\r\n ret; x"),
            "MSIP_Label_1_Name=Sec ret; x");
}

}  // namespace
}  // namespace nearmiss::content

namespace nearmiss::content {
namespace {

TEST(NormalizeTest, AlreadyNormalMatchesNormalize) {
  for (std::string_view s :
       {"", "plain ascii text that is long enough for words", "tab\there",
        "cr\r\nlf", "nbsp\u00a0x", "0123456789abcdef\r", "\x0b\x0c\x0e ok"}) {
    std::string out;
    NormalizeText(s, &out);
    EXPECT_EQ(IsAlreadyNormal(s), out == s) << s;
  }
}

}  // namespace
}  // namespace nearmiss::content
