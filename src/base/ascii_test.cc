#include "base/ascii.h"

#include <gtest/gtest.h>

namespace nearmiss {
namespace {

TEST(AsciiTest, ComparesAsciiLettersWithoutCase) {
  EXPECT_TRUE(EqualsNoCase("Content-Type", "content-TYPE"));
  EXPECT_FALSE(EqualsNoCase("Content-Type", "Content-Typ"));
  EXPECT_TRUE(StartsWithNoCase("TEXT/plain", "text/"));
  EXPECT_FALSE(StartsWithNoCase("tex", "text/"));
  EXPECT_TRUE(EndsWithNoCase("report.DOCX", ".docx"));
  EXPECT_FALSE(EndsWithNoCase("docx", ".docx"));
}

TEST(AsciiTest, LeavesOtherBytesAlone) {
  // Only A-Z fold: '@' (0x40) and '[' (0x5B) border the range, and UTF-8
  // bytes are compared as they are.
  EXPECT_FALSE(EqualsNoCase("@", "`"));
  EXPECT_FALSE(EqualsNoCase("[", "{"));
  EXPECT_TRUE(EqualsNoCase("r\xc3\xa9" "f", "R\xc3\xa9" "F"));
  EXPECT_FALSE(EqualsNoCase("\xc3\x89", "\xc3\xa9"));  // É and é: not ASCII
}

}  // namespace
}  // namespace nearmiss
