// ParseDomain's in-place form: a plain ASCII name is lower-cased without
// ICU; anything else, "xn--" labels included, still goes through UTS #46.
// Each case checks the answer, and that a Domain reused after a longer or
// non-ASCII name keeps nothing of it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "nearmiss/address.h"

namespace nearmiss {
namespace {

using ::testing::HasSubstr;

// A Domain that has held a long IDN, as a reused one has.
Domain Used() {
  Domain d;
  EXPECT_TRUE(ParseDomain("пример.испытание.рф", &d).ok());
  return d;
}

void ExpectDomain(std::string_view in, std::string_view ascii, std::string_view unicode,
                  std::string_view suffix, std::string_view registrable) {
  Domain d = Used();
  Status s = ParseDomain(in, &d);
  ASSERT_TRUE(s.ok()) << in << ": " << s.ToString();
  EXPECT_EQ(d.ascii, ascii) << in;
  EXPECT_EQ(d.unicode, unicode) << in;
  EXPECT_EQ(d.suffix, suffix) << in;
  EXPECT_EQ(d.registrable, registrable) << in;
  // The value form gives the same answer.
  Result<Domain> v = ParseDomain(in);
  ASSERT_TRUE(v.ok()) << in;
  EXPECT_EQ(v->ascii, d.ascii);
  EXPECT_EQ(v->unicode, d.unicode);
  EXPECT_EQ(v->suffix, d.suffix);
  EXPECT_EQ(v->registrable, d.registrable);
}

void ExpectRefused(std::string_view in, std::string_view why) {
  Domain d = Used();
  Status s = ParseDomain(in, &d);
  EXPECT_FALSE(s.ok()) << in;
  EXPECT_THAT(s.message(), HasSubstr(why)) << in;
}

TEST(ParseDomainInPlaceTest, UpperCaseIsLowered) {
  ExpectDomain("Army.MIL", "army.mil", "army.mil", "mil", "army.mil");
  ExpectDomain("HR.ARMY.MIL", "hr.army.mil", "hr.army.mil", "mil", "army.mil");
}

TEST(ParseDomainInPlaceTest, OneTrailingDotIsTheRoot) {
  ExpectDomain("army.mil.", "army.mil", "army.mil", "mil", "army.mil");
  ExpectDomain(" cba.com.au. ", "cba.com.au", "cba.com.au", "com.au", "cba.com.au");
  ExpectRefused("army.mil..", "empty label");
}

TEST(ParseDomainInPlaceTest, AceLabelsGoThroughIcu) {
  // "xn--" is plain ASCII, but only UTS #46 can say it decodes.
  ExpectDomain("xn--rmy-5cd.mil", "xn--rmy-5cd.mil", "\xd0\xb0rmy.mil", "mil",
               "xn--rmy-5cd.mil");
  ExpectDomain("XN--RMY-5CD.MIL", "xn--rmy-5cd.mil", "\xd0\xb0rmy.mil", "mil",
               "xn--rmy-5cd.mil");
  ExpectRefused("xn--a.mil", "invalid IDN");
  ExpectRefused("xn--.mil", "invalid IDN");
}

TEST(ParseDomainInPlaceTest, ReservedHyphensStayPlain) {
  // "ab--cd" is tolerated (idna.cc kTolerated) and is not an A-label.
  ExpectDomain("r3---sn-x.googlevideo.com", "r3---sn-x.googlevideo.com",
               "r3---sn-x.googlevideo.com", "com", "googlevideo.com");
  ExpectRefused("-army.mil", "begins with a hyphen");
  ExpectRefused("army-.mil", "ends with a hyphen");
}

TEST(ParseDomainInPlaceTest, UnderscoresAreRefusedByName) {
  ExpectRefused("my_host.example.com", "illegal character '_'");
}

TEST(ParseDomainInPlaceTest, Digits) {
  ExpectDomain("123.example.com", "123.example.com", "123.example.com", "com", "example.com");
  ExpectDomain("3com.com", "3com.com", "3com.com", "com", "3com.com");
  ExpectRefused("192.168.1.1", "all-digit top-level label");
}

TEST(ParseDomainInPlaceTest, LengthLimits) {
  const std::string label63(63, 'a');
  ExpectDomain(label63 + ".com", label63 + ".com", label63 + ".com", "com", label63 + ".com");
  ExpectRefused(std::string(64, 'a') + ".com", "is 64 octets; at most 63");
  // 63 + 3 * (1 + 61) + 4 = 253 octets; one letter more is 254.
  const std::string first(63, 'c'), label61(61, 'b');
  const std::string d253 = first + "." + label61 + "." + label61 + "." + label61 + ".com";
  ASSERT_EQ(d253.size(), 253u);
  ExpectDomain(d253, d253, d253, "com", label61 + ".com");
  const std::string d254 = first + ".b" + label61 + "." + label61 + "." + label61 + ".com";
  ExpectRefused(d254, "254 octets; at most 253");
}

TEST(ParseDomainInPlaceTest, NonAsciiStillGoesThroughIcu) {
  ExpectDomain("\xd0\xb0rmy.mil", "xn--rmy-5cd.mil", "\xd0\xb0rmy.mil", "mil", "xn--rmy-5cd.mil");
  ExpectRefused("a\xef\xbc\x81" "b.com", "not allowed");  // fullwidth '!'
  ExpectRefused("\xd7\x90" "a.com", "right-to-left");
}

}  // namespace
}  // namespace nearmiss
