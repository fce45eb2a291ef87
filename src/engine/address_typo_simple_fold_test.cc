// Round 56's tester 14, finding 6: thomas.großmann@ was taken for the
// frequent thomas.grossmann@, as full case folding (CaseFolding.txt status
// F) writes ß as "ss". An SMTPUTF8 local part (RFC 6531) is the receiving
// host's to read, and ß, the ﬁ ligature and ŉ are other letters there: a
// slip to ask about. Capitals in simple folding (ẞ for ß, Ó for ó) stay
// one mailbox.
#include <gtest/gtest.h>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"

namespace nearmiss {
namespace {

TEST(AddressTypoSimpleFold, FullFoldingExpansionsAreAnotherMailbox) {
  const engine::AddressIndex index = AliceWroteTo({
      "thomas.grossmann@at.example", "fiona.walsh@ie.example",
      "j\xC3\xB3zef.stra\xC3\x9F" "er@pl.example",  // józef.straßer
  });
  for (const char* typed : {"thomas.gro\xC3\x9F" "mann@at.example",        // großmann
                            "thomas.gro\xE1\xBA\x9E" "mann@at.example",    // groẞmann
                            "\xEF\xAC\x81ona.walsh@ie.example",            // ﬁona (U+FB01)
                            "j\xC3\xB3zef.strasser@pl.example"}) {
    EXPECT_TRUE(Find(index, typed).has_value()) << typed;
  }
  // The same letters in other capitals, simple folding: one mailbox.
  ExpectNoSlips(index, {{"Thomas.Grossmann@at.example", ""},
                        {"J\xC3\x93ZEF.STRA\xE1\xBA\x9E" "ER@pl.example", ""},  // JÓZEF.STRAẞER
                        {"j\xC3\xB3zef.stra\xC3\x9F" "er@pl.example", ""}});
}

}  // namespace
}  // namespace nearmiss
