#include "maillog/utf16.h"

#include <gtest/gtest.h>

#include <string>

namespace nearmiss::maillog {
namespace {

TEST(Utf16, TellsTheFormFromTheByteOrderMark) {
  EXPECT_STREQ(Utf16Encoding("\xFF\xFE#\0"), "UTF-16LE");
  EXPECT_STREQ(Utf16Encoding("\xFE\xFF\0#"), "UTF-16BE");
  EXPECT_EQ(Utf16Encoding("\xEF\xBB\xBF\"Received\""), nullptr);
  EXPECT_EQ(Utf16Encoding("Nov  3 09:12:03 mail"), nullptr);
}

TEST(Utf16, ASurrogatePairCutBetweenChunksWaits) {
  // "a😀" in UTF-16LE: 61 00, 3D D8 00 DE; cut inside the pair.
  const std::string bytes("a\0\x3D\xD8\x00\xDE", 6);
  Utf16ToUtf8 c("UTF-16LE");
  std::string out, all;
  ASSERT_TRUE(c.Convert(bytes.substr(0, 3), &out).ok());
  all += out;
  ASSERT_TRUE(c.Convert(bytes.substr(3), &out).ok());
  all += out;
  EXPECT_EQ(all, "a\xF0\x9F\x98\x80");
  EXPECT_TRUE(c.Finish().ok());
}

TEST(Utf16, BadInputNamesTheEncodingAndWhere) {
  Utf16ToUtf8 c("UTF-16BE");
  std::string out;
  // "ab" then an unpaired low surrogate DC00.
  Status s = c.Convert(std::string("\0a\0b\xDC\x00\0c", 8), &out);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "invalid UTF-16BE at byte 6");
  Utf16ToUtf8 odd("UTF-16LE");
  ASSERT_TRUE(odd.Convert(std::string("a\0b", 3), &out).ok());
  EXPECT_EQ(out, "a");
  EXPECT_FALSE(odd.Finish().ok());
}

}  // namespace
}  // namespace nearmiss::maillog
