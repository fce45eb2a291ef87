// Round 56's tester 14, finding 5: a local part writing the learned name
// in another shape than the frequent address (karl-theodor.guttenberg for
// kt.guttenberg learned as "Karl-Theodor zu Guttenberg", s.jaidee for
// somchai.j learned as "Somchai Jaidee") passed. Cases of other cultures;
// another word of the name in the given name's place stays no such slip.
#include <gtest/gtest.h>

#include "engine/address_typo.h"
#include "engine/address_typo_learned_shape.h"
#include "engine/address_typo_testing.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::SlipKind;

AddressIndex Index() {
  AddressIndex index(/*min_messages=*/3);
  const char* alice = "alice@ourorg.example";
  index.Add(alice, "hp.schmid@ch.example", 15, 0, 0, "\"Hans-Peter Schmid\"");
  index.Add(alice, "aroha.n@nz.example", 15, 0, 0, "\"Aroha Ngata\"");
  index.Finish();
  return index;
}

TEST(AddressTypoLearnedShape, TheLearnedNameInAnotherShapeIsASlip) {
  const AddressIndex index = Index();
  ExpectSlips(index, {
      {"hans-peter.schmid@ch.example", "", "hp.schmid@ch.example", SlipKind::kLongForm},
      {"hanspeter.schmid@ch.example", "", "hp.schmid@ch.example", SlipKind::kLongForm},
      {"a.ngata@nz.example", "", "aroha.n@nz.example", SlipKind::kShortenedParts},
  });
}

TEST(AddressTypoLearnedShape, OtherWordsOfTheNameAreNoSuchShape) {
  const char* learned = "\"Anna Maria Rossi\"";
  const engine::Parts known = engine::Split("anna.rossi");
  EXPECT_EQ(engine::LearnedNameShapeOf(engine::Split("maria.rossi"), known, learned, false).score,
            0);
  EXPECT_GT(engine::LearnedNameShapeOf(engine::Split("a.rossi"), engine::Split("anna.r"), learned,
                                       false).score,
            0);
  // Not on a crowded domain, nor without a learned name.
  EXPECT_EQ(engine::LearnedNameShapeOf(engine::Split("a.rossi"), engine::Split("anna.r"), learned,
                                       true).score,
            0);
  EXPECT_EQ(engine::LearnedNameShapeOf(engine::Split("a.rossi"), engine::Split("anna.r"), "",
                                       false).score,
            0);
}

}  // namespace
}  // namespace nearmiss
