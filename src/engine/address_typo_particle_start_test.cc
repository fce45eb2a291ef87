// Tester 14-b, finding 3: a family particle run into the name (vanbeek,
// vanbeethoven) counts no letter toward "a family name that starts alike":
// ludwig.vanbeek is another family than the frequent ludwig.vanbeethoven,
// with or without its display name; a name that starts alike after the
// particle is still asked about.
#include <gtest/gtest.h>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"

namespace nearmiss {
namespace {

using engine::SlipKind;

TEST(AddressTypoParticleStart, ASharedParticleIsNoStartAlike) {
  const engine::AddressIndex index = AliceWroteTo(
      {"ludwig.vanbeethoven@music.example", "maria.delacruz@music.example"});
  ExpectNoSlips(index, {
      {"ludwig.vanbeek@music.example", ""},
      {"ludwig.vanbeek@music.example", "\"Ludwig van Beek\""},
      {"maria.delarosa@music.example", ""},
  });
  ExpectSlips(index, {
      {"ludwig.vanbeeth@music.example", "", "ludwig.vanbeethoven@music.example",
       SlipKind::kOtherFamilyName},
      {"maria.delacruzado@music.example", "", "maria.delacruz@music.example",
       SlipKind::kOtherFamilyName},
  });
}

}  // namespace
}  // namespace nearmiss
