// The NHS number detector (detectors.h IsNhsNumber, ConfirmDetector): the
// Modulus 11 check digit of NHS Digital's Data Dictionary entry "NHS
// NUMBER", and only beside its label (tester 13 item 22.3).
#include <gtest/gtest.h>

#include <string_view>

#include "content/detectors.h"

namespace nearmiss::content {
namespace {

bool Confirmed(std::string_view text, std::string_view number) {
  std::size_t b = text.find(number);
  return ConfirmDetector(DetectorKind::kNhsNumber, text, b, b + number.size()).has_value();
}

TEST(NhsNumberTest, CheckDigit) {
  // 943 476 5919: the Data Dictionary's worked example (sum 299, 299 mod 11
  // = 2, 11 - 2 = 9).
  EXPECT_TRUE(IsNhsNumber("943 476 5919"));
  EXPECT_TRUE(IsNhsNumber("9434765919"));
  EXPECT_TRUE(IsNhsNumber("401-023-2137"));
  EXPECT_FALSE(IsNhsNumber("943 476 5918"));  // wrong check digit
  EXPECT_FALSE(IsNhsNumber("1234567890"));    // check digit 10: never issued
  EXPECT_FALSE(IsNhsNumber("0000000000"));    // passes the sum; filler
  EXPECT_FALSE(IsNhsNumber("943 476 591"));   // nine digits
}

TEST(NhsNumberTest, OnlyBesideItsLabel) {
  EXPECT_TRUE(Confirmed("Patient NHS number 943 476 5919, DOB 01/02/1960", "943 476 5919"));
  EXPECT_TRUE(Confirmed("NHS No: 4010232137", "4010232137"));
  EXPECT_TRUE(Confirmed("CHI 450 557 7104 (Lothian)", "450 557 7104"));
  // A valid number with no label: an order or account reference as readily.
  EXPECT_FALSE(Confirmed("Order 943 476 5919 dispatched", "943 476 5919"));
  // Beside the label with a wrong check digit.
  EXPECT_FALSE(Confirmed("NHS No: 943 476 5918", "943 476 5918"));
  // "nhs" inside another word is no label.
  EXPECT_FALSE(Confirmed("Ref anhsx 943 476 5919", "943 476 5919"));
}

TEST(NhsNumberTest, MaskedInOutput) {
  std::string_view text = "NHS number 943 476 5919";
  auto hit = ConfirmDetector(DetectorKind::kNhsNumber, text, 11, text.size());
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->masked, "*** *** *919");
}

}  // namespace
}  // namespace nearmiss::content
