// Tester 14-b, finding 2: a frequent address that runs two given names or
// two family names together (mariajose.garcialopez, learned as "María José
// García López") is split by its learned display name, or its given names
// by the common given names, so the given names cut to initials
// (mj.garcialopez) and the family names swapped (mariajose.lopezgarcia) are
// slips, as jp.dubois and smith.john are; other people at the domain stay
// quiet.
#include <gtest/gtest.h>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"

namespace nearmiss {
namespace {

using engine::SlipKind;

engine::AddressIndex Learned(std::initializer_list<std::pair<const char*, const char*>> named) {
  engine::AddressIndex index(3);
  for (const auto& [to, display] : named) index.Add("alice@mod.example", to, 8, 0, 0, display);
  index.Finish();
  return index;
}

TEST(AddressTypoSplitName, RunTogetherNamesSplitByTheLearnedName) {
  const engine::AddressIndex index =
      Learned({{"mariajose.garcialopez@partner.example", "María José García López"},
               {"annmarie.smithjones@uk.example", "Ann Marie Smith Jones"},
               {"john.smith@partner.example", "John Smith"}});
  ExpectSlips(index, {
      {"mj.garcialopez@partner.example", "", "mariajose.garcialopez@partner.example",
       SlipKind::kShortenedParts},
      {"mariajose.lopezgarcia@partner.example", "", "mariajose.garcialopez@partner.example",
       SlipKind::kSwappedParts},
      {"am.smithjones@uk.example", "", "annmarie.smithjones@uk.example",
       SlipKind::kShortenedParts},
      {"annmarie.jonessmith@uk.example", "", "annmarie.smithjones@uk.example",
       SlipKind::kSwappedParts},
  });
  ExpectNoSlips(index, {
      {"anna.schmidt@partner.example", ""},
      {"jane.smith@partner.example", ""},
      {"info@partner.example", ""},
      {"jose.martinez@partner.example", ""},
      {"maria.fernandez@partner.example", ""},
      {"pedro.garcialopez@partner.example", ""},
      {"mariajose.garcialopez@partner.example", ""},
      {"mark.jones@uk.example", ""},
  });
}

TEST(AddressTypoSplitName, TwoCommonGivenNamesWithoutALearnedName) {
  const engine::AddressIndex index = AliceWroteTo({"mariajose.garcialopez@partner.example"});
  ExpectSlips(index, {
      {"mj.garcialopez@partner.example", "", "mariajose.garcialopez@partner.example",
       SlipKind::kShortenedParts},
  });
  ExpectNoSlips(index, {{"anna.schmidt@partner.example", ""}, {"jose.ruiz@partner.example", ""}});
}

}  // namespace
}  // namespace nearmiss
