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

}  // namespace
}  // namespace nearmiss::content
