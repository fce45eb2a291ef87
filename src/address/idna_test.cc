#include "address/idna.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/uidna.h>

#include "address/text.h"

namespace nearmiss::address {
namespace {

using ::testing::HasSubstr;

TEST(IdnaTest, AsciiIsLowerCased) {
  EXPECT_EQ(*ToAscii("Army.MIL"), "army.mil");
  EXPECT_EQ(*ToUnicode("army.mil"), "army.mil");
}

TEST(IdnaTest, ULabelInAsciiOut) {
  EXPECT_EQ(*ToAscii("аrmy.mil"), "xn--rmy-5cd.mil");  // Cyrillic а
  EXPECT_EQ(*ToAscii("gmáil.com"), "xn--gmil-6na.com");
  EXPECT_EQ(*ToAscii("BÜCHER.de"), "xn--bcher-kva.de");
}

TEST(IdnaTest, ALabelInUnicodeOut) {
  EXPECT_EQ(*ToUnicode("xn--rmy-5cd.mil"), "аrmy.mil");
  EXPECT_EQ(*ToUnicode("xn--gmil-6na.com"), "gmáil.com");
  EXPECT_EQ(*ToAscii("XN--RMY-5CD.mil"), "xn--rmy-5cd.mil");
}

TEST(IdnaTest, RoundTrips) {
  for (const char* u : {"аrmy.mil", "gmáil.com", "日本語.jp", "пример.рф",
                        "faß.de", "ουτοπία.δπθ.gr"}) {
    SCOPED_TRACE(u);
    auto a = ToAscii(u);
    ASSERT_TRUE(a.ok()) << a.error().message();
    EXPECT_EQ(*ToUnicode(*a), u);
  }
}

TEST(IdnaTest, Nontransitional) {
  // IDNA2008: ß is its own letter, not "ss".
  EXPECT_EQ(*ToAscii("faß.de"), "xn--fa-hia.de");
}

TEST(IdnaTest, FullwidthDotsAreSeparators) {
  EXPECT_EQ(*ToAscii("ａｒｍｙ。mil"), "army.mil");
}

void ExpectInvalid(std::string_view in, std::string_view words) {
  auto r = ToAscii(in);
  ASSERT_FALSE(r.ok()) << in << " -> " << *r;
  EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(r.error().message(), HasSubstr(words)) << in;
}

TEST(IdnaTest, Refusals) {
  ExpectInvalid("xn--zz.mil", "invalid IDN 'xn--zz'");
  ExpectInvalid("xn--zz.mil", "Punycode");
  ExpectInvalid("xn--army.mil", "invalid IDN 'xn--army'");
  ExpectInvalid("a\u200db.com", "'a<U+200D>b'");  // ContextJ
  ExpectInvalid("a\u200db.com", "joiner");
  ExpectInvalid("\u05d0a.com", "right-to-left");  // Bidi
  ExpectInvalid("\u0301abc.com", "combining mark");
  ExpectInvalid("ab\ue000cd.com", "U+E000");     // private use
  ExpectInvalid("a\uff01b.com", "not allowed");  // fullwidth '!'
}

TEST(IdnaTest, ReservedLdhLabelsPass) {
  EXPECT_EQ(*ToAscii("r3---sn-abc.googlevideo.com"),
            "r3---sn-abc.googlevideo.com");
}

TEST(IdnaTest, DescribesEveryBit) {
  EXPECT_EQ(DescribeIdnaErrors(UIDNA_ERROR_PUNYCODE),
            "the xn-- label is not valid Punycode");
  EXPECT_THAT(DescribeIdnaErrors(UIDNA_ERROR_BIDI | UIDNA_ERROR_CONTEXTJ),
              HasSubstr("; "));
  EXPECT_EQ(DescribeIdnaErrors(0), "unknown IDNA error");
}

}  // namespace
}  // namespace nearmiss::address

namespace nearmiss::address {
namespace {

TEST(ShownAddressTest, ALabelsShownAsULabels) {
  EXPECT_EQ(ShownAddress("x@xn--d1acpjx3f.xn--p1ai"), "x@яндекс.рф");
  EXPECT_EQ(ShownAddress("xn--mnchen-3ya.de"), "münchen.de");
  EXPECT_EQ(ShownAddress("x@army.mil"), "x@army.mil");
  EXPECT_EQ(ShownAddress(""), "");
  EXPECT_EQ(ShownAddress("x@xn--zz.example"), "x@xn--zz.example");  // does not decode: as typed
}

// Issue 15 breaker, fifth round, item 10: the milter's 550 carried the
// bytes of a two-byte letter cut apart. A reply line is printable US-ASCII
// (RFC 5321 4.2): names in A-label form, other letters as U+XXXX.
TEST(SmtpReplyTextTest, NamesBecomeALabelsAndLettersCodePoints) {
  EXPECT_EQ(SmtpReplyText("x@янлекс.рф: янлекс.рф looks like яндекс.рф (has 'л' where 'д' "
                          "belongs); did you mean x@яндекс.рф?"),
            "x@xn--e1akbhx3f.xn--p1ai: xn--e1akbhx3f.xn--p1ai looks like xn--d1acpjx3f.xn--p1ai "
            "(has 'U+043B' where 'U+0434' belongs); did you mean x@xn--d1acpjx3f.xn--p1ai?");
  EXPECT_EQ(SmtpReplyText("bob@army.ml: looks like army.mil"), "bob@army.ml: looks like army.mil");
  EXPECT_EQ(SmtpReplyText("see münchen.de. Done…"), "see xn--mnchen-3ya.de. Done...");
  EXPECT_EQ(SmtpReplyText("bad \xD1 byte\r\n"), "bad ? byte??");
  for (char c : SmtpReplyText("ü\xff\x01 «x» 中国.中国")) {
    EXPECT_TRUE(c >= 0x20 && c < 0x7f) << static_cast<int>(c);
  }
}

// Issue 15, fresh tester, item 10: "it uses Cyrillic 'а' (U+0430)" read
// "Cyrillic 'U+0430' (U+0430)" in the 550: the code point once.
TEST(SmtpReplyTextTest, ALetterNamedWithItsCodePointIsNamedOnce) {
  EXPECT_EQ(SmtpReplyText("it uses Cyrillic 'а' (U+0430) for 'a'"),
            "it uses Cyrillic U+0430 for 'a'");
  EXPECT_EQ(SmtpReplyText("Greek 'υ' (U+03C5) for 'u', and 'л' (U+0434)"),
            "Greek U+03C5 for 'u', and 'U+043B' (U+0434)");
  EXPECT_EQ(SmtpReplyText("has 'л' where 'д' belongs"), "has 'U+043B' where 'U+0434' belongs");
}

}  // namespace
}  // namespace nearmiss::address
