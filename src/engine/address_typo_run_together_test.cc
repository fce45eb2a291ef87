// address-typo, a frequent address whose family name runs its particles
// together (jan.vanderberg, maria.delacruz, ludwig.vonmises: issue 14,
// round 53's tester, finding 1): the family name written without its
// particles (jan.berg), with their short form (jan.vdberg) or behind an
// initial (j.berg) is the same slip as for jan.van.der.berg (round 6).
#include <gtest/gtest.h>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::SlipKind;

TEST(AddressTypoRunTogether, ParticlesRunTogetherThenDroppedAreASlip) {
  AddressIndex index = AliceWroteTo({"jan.vanderberg@dutch.example", "maria.delacruz@es.example",
                                     "ludwig.vonmises@at.example", "pieter.devries@dutch.example",
                                     "dean.smith@us.example", "ana.dossantos@br.example"});
  const SlipKind k = SlipKind::kFamilyGroup;
  ExpectSlips(index, {
      {"jan.berg@dutch.example", "", "jan.vanderberg@dutch.example", k},
      {"jan.vdberg@dutch.example", "", "jan.vanderberg@dutch.example", k},
      {"maria.cruz@es.example", "", "maria.delacruz@es.example", k},
      {"ludwig.mises@at.example", "", "ludwig.vonmises@at.example", k},
      // Two letters dropped: the edit rule finds it first.
      {"pieter.vries@dutch.example", "", "pieter.devries@dutch.example", SlipKind::kEdit},
      {"ana.santos@br.example", "", "ana.dossantos@br.example", k},
      {"j.berg@dutch.example", "", "jan.vanderberg@dutch.example", k},
  });
  ExpectNoSlips(index, {
      // Another given name, or another family name.
      {"kees.berg@dutch.example", ""},
      {"jan.bergman@dutch.example", ""},
      {"maria.santos@es.example", ""},
  });
}

}  // namespace
}  // namespace nearmiss
