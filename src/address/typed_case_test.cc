// CapitalsAsTyped and ParseDomain's typed_capitals: the capitals of other
// scripts survive for the look-alike detector; everything UTS #46 mapped
// otherwise stays as the U-label has it.
#include "address/typed_case.h"

#include <gtest/gtest.h>

#include "nearmiss/address.h"

namespace nearmiss::address {
namespace {

TEST(CapitalsAsTyped, KeepsNonAsciiCapitalsOnly) {
  // Greek capital Nu; ASCII capitals lower-cased.
  EXPECT_EQ(CapitalsAsTyped("ΝAVY.MIL", "νavy.mil"), "Νavy.mil");
  // Cyrillic capital A, Greek capital Alpha, Greek capital Omicron, mixed.
  EXPECT_EQ(CapitalsAsTyped("АRMY.MIL", "аrmy.mil"), "Аrmy.mil");
  EXPECT_EQ(CapitalsAsTyped("ΑRMY.MIL", "αrmy.mil"), "Αrmy.mil");
  EXPECT_EQ(CapitalsAsTyped("HMRC.GΟV.UK", "hmrc.gοv.uk"), "hmrc.gΟv.uk");
  EXPECT_EQ(CapitalsAsTyped("Νavy.Mil", "νavy.mil"), "Νavy.mil");
  EXPECT_EQ(CapitalsAsTyped("ΝAVY.MIL.", "νavy.mil"), "Νavy.mil");
}

TEST(CapitalsAsTyped, EmptyWithoutACapitalOrWhenTheFormsDoNotLineUp) {
  EXPECT_EQ(CapitalsAsTyped("νavy.mil", "νavy.mil"), "");
  EXPECT_EQ(CapitalsAsTyped("ARMY.MIL", "army.mil"), "");
  // Full-width capitals are UTS #46's own mapping (to ASCII), not a case.
  EXPECT_EQ(CapitalsAsTyped("ＡＲＭＹ.mil", "army.mil"), "");
  // Forms that do not line up: nothing is guessed.
  EXPECT_EQ(CapitalsAsTyped("ΝAVY.MIL", "navy.mil.uk"), "");
}

TEST(ParseDomainTypedCapitals, FilledForANonAsciiCapitalOnly) {
  Result<Domain> d = ParseDomain("ΝAVY.MIL");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->unicode, "νavy.mil");
  EXPECT_EQ(d->typed_capitals, "Νavy.mil");
  Result<Domain> small = ParseDomain("νavy.mil");
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(small->ascii, d->ascii);  // the same mail domain
  EXPECT_EQ(small->typed_capitals, "");
  // A reused Domain keeps nothing of the previous name's capitals.
  Domain reused = *d;
  ASSERT_TRUE(ParseDomain("army.mil", &reused).ok());
  EXPECT_EQ(reused.typed_capitals, "");
}

}  // namespace
}  // namespace nearmiss::address
