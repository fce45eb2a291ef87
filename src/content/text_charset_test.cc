#include "content/text_charset.h"

#include <gtest/gtest.h>

#include <string>

namespace nearmiss::content {
namespace {

std::string Repeat(std::string_view unit, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.append(unit);
  return out;
}

// Tester 13 item 6: a UTF-32 text was read as bytes with zeros between
// the letters, complete and level none.
TEST(TextCharsetTest, TellsUtf32FromUtf16ByMarkAndByZeros) {
  using std::string_view;
  EXPECT_STREQ(SniffUnicodeForm(string_view("\xFF\xFE\0\0S\0\0\0", 8)).charset, "UTF-32LE");
  EXPECT_EQ(SniffUnicodeForm(string_view("\xFF\xFE\0\0S\0\0\0", 8)).bom, 4u);
  EXPECT_STREQ(SniffUnicodeForm(string_view("\0\0\xFE\xFF\0\0\0S", 8)).charset, "UTF-32BE");
  EXPECT_STREQ(SniffUnicodeForm(string_view("\xFF\xFES\0E\0", 6)).charset, "UTF-16LE");
  EXPECT_STREQ(SniffUnicodeForm(string_view("\xFE\xFF\0S\0E", 6)).charset, "UTF-16BE");
  EXPECT_STREQ(SniffUnicodeForm(Repeat(string_view("S\0\0\0", 4), 40)).charset, "UTF-32LE");
  EXPECT_STREQ(SniffUnicodeForm(Repeat(string_view("\0\0\0S", 4), 40)).charset, "UTF-32BE");
  EXPECT_STREQ(SniffUnicodeForm(Repeat(string_view("S\0", 2), 40)).charset, "UTF-16LE");
  EXPECT_STREQ(SniffUnicodeForm(Repeat(string_view("\0S", 2), 40)).charset, "UTF-16BE");
  EXPECT_EQ(SniffUnicodeForm("\xEF\xBB\xBFSECRET").bom, 3u);
  EXPECT_EQ(SniffUnicodeForm("\xEF\xBB\xBFSECRET").charset, nullptr);
  EXPECT_EQ(SniffUnicodeForm(Repeat("SECRET plan ", 40)).charset, nullptr);
}

TEST(TextCharsetTest, Windows1252FromIcu) {
  EXPECT_EQ(Windows1252Char(0xA0), U'\u00A0');
  EXPECT_EQ(Windows1252Char(0x96), U'\u2013');
  EXPECT_EQ(Windows1252Char(0x80), U'\u20AC');
  EXPECT_EQ(Windows1252Char(0x9D), U'\u009D');
  EXPECT_EQ(Windows1252Char('S'), U'S');
}

TEST(TextCharsetTest, MendsOnlyTheBytesThatAreNoUtf8) {
  std::string out = "untouched";
  EXPECT_FALSE(MendInvalidUtf8("caf\xC3\xA9 SECRET", &out));
  EXPECT_EQ(out, "untouched");
  ASSERT_TRUE(MendInvalidUtf8("caf\xC3\xA9 OFFICIAL\x96SENSITIVE \xE9", &out));
  EXPECT_EQ(out, "caf\xC3\xA9 OFFICIAL\xE2\x80\x93SENSITIVE \xC3\xA9");
  // A lead byte cut short by ASCII: the lead alone is legacy.
  ASSERT_TRUE(MendInvalidUtf8("UK\xE2\x80 SECRET", &out));
  EXPECT_EQ(out, "UK\xC3\xA2\xE2\x82\xAC SECRET");
}

}  // namespace
}  // namespace nearmiss::content
