#include "content/detectors.h"

#include <gtest/gtest.h>

namespace nearmiss::content {
namespace {

TEST(DetectorsTest, LuhnAcceptsTestCardsAndRefusesOneDigitOff) {
  EXPECT_TRUE(IsPaymentCard("4111 1111 1111 1111"));
  EXPECT_TRUE(IsPaymentCard("5500-0000-0000-0004"));
  EXPECT_TRUE(IsPaymentCard("378282246310005"));  // Amex, 15 digits
  EXPECT_FALSE(IsPaymentCard("4111 1111 1111 1112"));
  EXPECT_FALSE(IsPaymentCard("1234567812345670"));  // no issuer starts with 1
  EXPECT_FALSE(IsPaymentCard("4444444444444444"));  // filler
  EXPECT_FALSE(IsPaymentCard("411111111111"));      // too short
}

TEST(DetectorsTest, NinoChecksPrefixAndSuffix) {
  EXPECT_TRUE(IsUkNino("AB123456C"));
  EXPECT_TRUE(IsUkNino("ab 12 34 56 c"));
  EXPECT_FALSE(IsUkNino("DA123456C"));  // D never a first letter
  EXPECT_FALSE(IsUkNino("AO123456C"));  // O never a second letter
  EXPECT_FALSE(IsUkNino("GB123456C"));  // unissued pair
  EXPECT_FALSE(IsUkNino("AB123456E"));  // suffix A-D only
}

TEST(DetectorsTest, SsnRefusesInvalidAreaGroupSerial) {
  EXPECT_TRUE(IsUsSsn("123-45-6789"));
  EXPECT_FALSE(IsUsSsn("000-45-6789"));
  EXPECT_FALSE(IsUsSsn("666-45-6789"));
  EXPECT_FALSE(IsUsSsn("912-45-6789"));
  EXPECT_FALSE(IsUsSsn("123-00-6789"));
  EXPECT_FALSE(IsUsSsn("123-45-0000"));
}

TEST(DetectorsTest, IbanChecksLengthAndMod97) {
  EXPECT_TRUE(IsIban("GB82 WEST 1234 5698 7654 32"));
  EXPECT_TRUE(IsIban("DE89370400440532013000"));
  EXPECT_FALSE(IsIban("GB82 WEST 1234 5698 7654 33"));  // checksum
  EXPECT_FALSE(IsIban("GB82 WEST 1234 5698 7654"));     // length
  EXPECT_FALSE(IsIban("XX82WEST12345698765432"));       // no such country
}

TEST(DetectorsTest, ConfirmIbanStopsAtCountryLength) {
  std::string_view text = "pay GB82 WEST 1234 5698 7654 32 now";
  auto hit = ConfirmDetector(DetectorKind::kIban, text, 4, 20);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(text.substr(hit->begin, hit->end - hit->begin),
            "GB82 WEST 1234 5698 7654 32");
  EXPECT_EQ(hit->masked, "GB82 **** **** **** **54 32");
}

TEST(DetectorsTest, CardIsMasked) {
  std::string_view text = "4111 1111 1111 1111";
  auto hit = ConfirmDetector(DetectorKind::kPaymentCard, text, 0, text.size());
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->masked, "4111 **** **** 1111");
}

// Round 45 tester 13, smaller notes: a card written with dots; round 43
// tester 13 finding 6: a 3-2-4 phone number after "Call me on".
bool Hit(DetectorKind kind, std::string_view text, std::string_view number) {
  std::size_t b = text.find(number);
  return ConfirmDetector(kind, text, b, b + number.size()).has_value();
}

TEST(DetectorsTest, CardWithDotsBetweenItsGroups) {
  EXPECT_TRUE(Hit(DetectorKind::kPaymentCard, "Card no. 4111.1111.1111.1111", "4111.1111.1111.1111"));
  EXPECT_TRUE(Hit(DetectorKind::kPaymentCard, "Amex 3782.822463.10005 exp 09/28",
                  "3782.822463.10005"));
  auto hit = ConfirmDetector(DetectorKind::kPaymentCard, "4111.1111.1111.1111", 0, 19);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->masked, "4111.****.****.1111");
  // Versions, OIDs, decimals and mixed separators are not cards.
  EXPECT_FALSE(Hit(DetectorKind::kPaymentCard, "OID 2.5.4.3.1.1.1.1.1.1.1.1.3", "2.5.4.3.1.1.1.1.1.1.1.1.3"));
  EXPECT_FALSE(Hit(DetectorKind::kPaymentCard, "x 41111111.11111111", "41111111.11111111"));
  EXPECT_FALSE(Hit(DetectorKind::kPaymentCard, "4111.1111 1111.1111", "4111.1111 1111.1111"));
  EXPECT_FALSE(Hit(DetectorKind::kPaymentCard, "4111.1111.1111.1112", "4111.1111.1111.1112"));
}

TEST(DetectorsTest, PhoneNumberAfterATelephonesWordIsNoSsn) {
  EXPECT_FALSE(Hit(DetectorKind::kUsSsn, "Call me on 555-12-3456 or 0207 946 0123.", "555-12-3456"));
  EXPECT_FALSE(Hit(DetectorKind::kUsSsn, "Tel: 536-22-1234", "536-22-1234"));
  EXPECT_FALSE(Hit(DetectorKind::kUsSsn, "Mobile 536-22-1234", "536-22-1234"));
  EXPECT_TRUE(Hit(DetectorKind::kUsSsn, "Ref 536-22-1234", "536-22-1234"));
  EXPECT_TRUE(Hit(DetectorKind::kUsSsn, "Call HR about SSN 536-22-1234", "536-22-1234"));
  // "telephone" is a word of its own: "Intelligence file 536-22-1234" is no phone.
  EXPECT_TRUE(Hit(DetectorKind::kUsSsn, "Intelligence file 536-22-1234", "536-22-1234"));
}

}  // namespace
}  // namespace nearmiss::content
