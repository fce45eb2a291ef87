// ConfirmDetector (detectors.h), round 42 (tester 13 finding 15): an IMEI
// beside its label is no card, lower-case IBANs beside "IBAN" and undashed
// SSNs beside "SSN" are found, unlabelled ones are not.
#include <gtest/gtest.h>

#include <string_view>

#include "content/detectors.h"

namespace nearmiss::content {
namespace {

bool Confirmed(DetectorKind kind, std::string_view text, std::string_view number) {
  std::size_t b = text.find(number);
  return ConfirmDetector(kind, text, b, b + number.size()).has_value();
}

TEST(DetectorsRound42bTest, ImeiBesideItsLabelIsNoCard) {
  EXPECT_FALSE(Confirmed(DetectorKind::kPaymentCard,
                         "My handset IMEI is 352099001761481, please swap it.",
                         "352099001761481"));
  EXPECT_FALSE(Confirmed(DetectorKind::kPaymentCard, "IMEI: 490154203237518", "490154203237518"));
  // The same digits with no IMEI label still read as a card (Luhn, issuer).
  EXPECT_TRUE(Confirmed(DetectorKind::kPaymentCard, "Card 490154203237518 expires 09/28",
                        "490154203237518"));
}

TEST(DetectorsRound42bTest, LowerCaseIbanBesideItsLabel) {
  EXPECT_TRUE(Confirmed(DetectorKind::kIban, "iban gb82west12345698765432 thanks",
                        "gb82west12345698765432"));
  EXPECT_TRUE(Confirmed(DetectorKind::kIban, "Iban: Gb82 West 1234 5698 7654 32",
                        "Gb82 West 1234 5698 7654 32"));
  EXPECT_FALSE(Confirmed(DetectorKind::kIban, "build gb82west12345698765432 passed",
                         "gb82west12345698765432"));
  EXPECT_TRUE(Confirmed(DetectorKind::kIban, "Pay GB82 WEST 1234 5698 7654 32 today",
                        "GB82 WEST 1234 5698 7654 32"));
}

TEST(DetectorsRound42bTest, UndashedSsnOnlyBesideItsLabel) {
  EXPECT_TRUE(Confirmed(DetectorKind::kUsSsn, "Employee SSN: 536221234", "536221234"));
  EXPECT_TRUE(Confirmed(DetectorKind::kUsSsn, "SSN 536 22 1234", "536 22 1234"));
  EXPECT_TRUE(Confirmed(DetectorKind::kUsSsn, "Social Security number 536221234", "536221234"));
  EXPECT_FALSE(Confirmed(DetectorKind::kUsSsn, "Transaction 536221234 settled", "536221234"));
  EXPECT_TRUE(Confirmed(DetectorKind::kUsSsn, "Ref 536-22-1234", "536-22-1234"));
  EXPECT_FALSE(Confirmed(DetectorKind::kUsSsn, "SSN: 666221234", "666221234"));
}

}  // namespace
}  // namespace nearmiss::content
